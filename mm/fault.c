// SPDX-License-Identifier: MIT
/*
 * mm/fault.c: a page fault on a user address, the generic part. The
 * arch's fault handler decodes what the CPU reported (address, read or
 * write or fetch, user or kernel mode) and calls handle_user_fault():
 *
 *	check	is there a VMA, and does it allow this access?
 *		(a fault just below a VM_GROWSDOWN stack grows it)
 *	fix	handle_mm_fault() under mmap_lock for reading
 *	fail	SIGSEGV (SEGV_MAPERR: nothing mapped; SEGV_ACCERR: not
 *		allowed) or SIGBUS, for user-mode faults; a kernel-mode
 *		fault (copy_from_user) gets the error and uses its fixup
 */
#include <anvil/kernel.h>
#include <anvil/mm_types.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/spinlock.h>
#include <anvil/syscalls.h>

/* Does @vma allow the access in @flags? */
static bool access_ok_vma(struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return vma->vm_flags & VM_WRITE;
	if (flags & FAULT_FLAG_INSTRUCTION)
		return vma->vm_flags & VM_EXEC;
	return vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

/*
 * Linux's stack_guard_gap: a stack may not grow to within this many pages
 * of the mapping below it, so a runaway recursion faults instead of
 * silently running into someone's heap.
 */
#define STACK_GUARD_GAP (256UL << PAGE_SHIFT)

/*
 * expand_stack - grow a VM_GROWSDOWN stack down to cover @addr.
 *
 * Called with mmap_lock held only for reading, like every fault, so two
 * threads may grow the same stack at once: mm->page_table_lock serializes
 * the update of vm_start (Linux uses the same lock for this), inside the
 * anon_vma root mutex, which keeps rmap walks off the changing vm_pgoff. The VMA
 * keeps its place in the tree: it only moves down into the free gap
 * below it. Limits: RLIMIT_STACK for the whole stack, and the guard gap.
 */
static bool expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *prev = vma->vm_prev;
	struct mm_struct *mm = vma->vm_mm;
	u64 limit = ~0ULL;
	bool ok = false;

	addr &= PAGE_MASK;
	if (current->signal)
		limit = READ_ONCE(current->signal->rlim[RLIMIT_STACK].rlim_cur);
	if (vma->vm_end - addr > limit)
		return false;
	if (prev && (addr < STACK_GUARD_GAP ||
		     prev->vm_end > addr - STACK_GUARD_GAP))
		return false;
	/* Its pages are numbered from vm_pgoff: rmap walks must wait. */
	if (anon_vma_prepare(vma))
		return false;
	anon_vma_lock(vma->anon_vma);
	spin_lock(&mm->page_table_lock);
	if (addr < vma->vm_start) {
		mm->total_vm += (vma->vm_start - addr) >> PAGE_SHIFT;
		vma->vm_pgoff -= (vma->vm_start - addr) >> PAGE_SHIFT;
		WRITE_ONCE(vma->vm_start, addr);
	}
	ok = true;
	spin_unlock(&mm->page_table_lock);
	anon_vma_unlock(vma->anon_vma);
	return ok;
}

static int fault_error(unsigned int flags, int sig, int code,
		       unsigned long addr)
{
	if (flags & FAULT_FLAG_USER)
		force_sig_fault(sig, code, addr);
	return -1;
}

int handle_user_fault(struct pt_regs *regs, unsigned long addr,
		      unsigned int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	int ret;

	if (!mm)
		return fault_error(flags, SIGSEGV, SEGV_MAPERR, addr);
	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (!vma || (vma->vm_start > addr &&
		     (!(vma->vm_flags & VM_GROWSDOWN) || !expand_stack(vma, addr)))) {
		up_read(&mm->mmap_lock);
		return fault_error(flags, SIGSEGV, SEGV_MAPERR, addr);
	}
	if (!access_ok_vma(vma, flags)) {
		up_read(&mm->mmap_lock);
		return fault_error(flags, SIGSEGV, SEGV_ACCERR, addr);
	}
	ret = handle_mm_fault(vma, addr, flags);
	up_read(&mm->mmap_lock);
	if (ret & VM_FAULT_OOM) {
		pr_err("anvil: %s[%d]: out of memory at %lx\n", current->comm,
		       current->pid, addr);
		return fault_error(flags, SIGKILL, 0, addr);
	}
	if (ret & VM_FAULT_SIGBUS)
		return fault_error(flags, SIGBUS, BUS_ADRERR, addr);
	if (ret & VM_FAULT_SIGSEGV)
		return fault_error(flags, SIGSEGV, SEGV_ACCERR, addr);
	return 0;
}
