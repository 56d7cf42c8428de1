// SPDX-License-Identifier: MIT
/*
 * mm/mm_struct.c: address spaces coming and going: mm_alloc, mmput,
 * dup_mm (fork's copy) and kthread_use_mm. Linux keeps these in
 * kernel/fork.c, next to copy_process (which is in anvil's
 * kernel/fork.c too); here they stand apart so that the host tests
 * (tests/host/) build the mm core without the process machinery.
 *
 * Two counts keep an mm alive (Linux's pair):
 *	mm_users	tasks that run in it; the last mmput() tears down
 *			its mappings (exit_mmap)
 *	mm_count	references to the struct itself: all users together
 *			hold one, and a CPU lazily keeping the mm loaded for
 *			a kernel thread holds another; the last mmdrop()
 *			frees the page-table root and the struct
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/sched/mm.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <asm/mmu_context.h>

#include "../mm/vma_internal.h"

/* Where get_unmapped_area starts searching down (as Linux's mmap_base). */
#define MMAP_BASE_GAP (128UL << 20)

/* A new, empty address space (no VMAs, an empty page-table root). */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	init_rwsem(&mm->mmap_lock);
	spin_lock_init(&mm->page_table_lock);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	mm->task_size = TASK_SIZE;
	mm->mmap_base = TASK_SIZE - MMAP_BASE_GAP;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

/* Another user of the mappings (a /proc reader, say): undo with mmput. */
void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/* The last reference to the struct: free the root table and the struct. */
void mmdrop(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_count))
		return;
	pgd_free(mm, mm->pgd);
	kfree(mm);
}

/* The last task using @mm is gone: its mappings go now, the struct later. */
void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	mmdrop(mm);
}

/* Copy one VMA and its page tables into @mm (both mmap_locks held). */
static int dup_one_vma(struct mm_struct *mm, struct mm_struct *oldmm,
		       struct vm_area_struct *old)
{
	struct vm_area_struct *vma = vm_area_dup(old);

	if (!vma)
		return -ENOMEM;
	vma->vm_mm = mm;
	if (anon_vma_fork(vma, old)) {	/* before any PTE is copied */
		vm_area_free(vma);
		return -ENOMEM;
	}
	if (insert_vm_struct(mm, vma)) {
		vm_area_free(vma);
		return -ENOMEM;
	}
	mm->total_vm += vma_pages(vma);
	return copy_page_range(mm, oldmm, old);
}

/*
 * dup_mm - fork's address space: every VMA (but VM_DONTCOPY ones) and
 * its pages, copy-on-write. The parent's PTEs lost their write bits, so
 * its TLB entries are flushed before anyone can write through a stale
 * writable one. Returns the new mm or NULL when out of memory.
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *old;
	int err = 0;

	if (!mm)
		return NULL;
	down_write(&oldmm->mmap_lock);
	down_write_nested(&mm->mmap_lock, SINGLE_DEPTH_NESTING);
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	mm->sigpage = oldmm->sigpage;
	mm->mmap_base = oldmm->mmap_base;
	for (old = oldmm->mmap; old && !err; old = old->vm_next)
		if (!(old->vm_flags & VM_DONTCOPY))
			err = dup_one_vma(mm, oldmm, old);
	for (old = oldmm->mmap; old; old = old->vm_next)
		flush_tlb_range(old, old->vm_start, old->vm_end);
	up_write(&mm->mmap_lock);
	up_write(&oldmm->mmap_lock);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/*
 * kthread_use_mm - let the current kernel thread run in @mm (as Linux's
 * kthread_use_mm): it becomes current->mm and is loaded on this CPU, so
 * the scheduler keeps it loaded whenever this thread runs. The caller
 * holds a user reference (mm_users) until kthread_unuse_mm().
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old;
	unsigned long flags;

	local_irq_save(flags);
	old = tsk->active_mm;
	mmgrab(mm);
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(old, mm, tsk);
	local_irq_restore(flags);
	if (old)
		mmdrop(old);	/* what we held while borrowing it */
}

/* Stop running in @mm: back to a kernel thread, borrowing it lazily. */
void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	local_irq_save(flags);
	tsk->mm = NULL;
	enter_lazy_tlb(mm, tsk);	/* still loaded; active_mm keeps it */
	local_irq_restore(flags);
}

