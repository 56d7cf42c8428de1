// SPDX-License-Identifier: MIT
/*
 * mm/mprotect.c: changing the protection of a range (mprotect).
 *
 *	do_mprotect
 *	  for each VMA in the range: split at the range's edges,
 *	  set its new vm_flags, rewrite its PTEs (change_protection),
 *	  flush its TLB entries, and merge it with its neighbours again.
 *
 * PTEs are rewritten under their page-table lock, inside the arch's lazy
 * MMU mode (ppc64 must drop the old HPTE), each one cleared and set again
 * so no CPU sees a half-written entry. Private writable pages get a
 * read-only PTE (vm_get_page_prot never grants write to a private
 * mapping): the next write faults and do_wp_page decides between reusing
 * the page and copying it, exactly as after fork. A shared file page not
 * yet written (its PTE clean) stays read-only too, so that its first
 * write faults and marks it dirty.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>

#include "vma_internal.h"

static void change_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long addr, unsigned long end,
			     pgprot_t prot)
{
	struct mm_struct *mm = vma->vm_mm;
	bool dirty_tracked = vma->vm_file && (vma->vm_flags & VM_SHARED);
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(pmd, addr, &ptl);

	arch_enter_lazy_mmu_mode();
	do {
		pte_t old = *pte;

		pte_t new;

		if (!pte_present(old))
			continue;
		old = ptep_get_and_clear(mm, addr, pte);
		new = pte_modify(old, prot);
		/*
		 * A shared file page is written through a writable PTE only
		 * once do_wp_page has marked it dirty (Linux's
		 * vma_wants_writenotify): one never written stays read-only,
		 * so its first write still faults and dirties it.
		 */
		if (dirty_tracked && !pte_dirty(old))
			new = pte_wrprotect(new);
		set_pte_at(mm, addr, pte, new);
	} while (pte++, addr += PAGE_SIZE, addr != end);
	arch_leave_lazy_mmu_mode();
	pte_unmap_unlock(pte, ptl);
}

/* Rewrite the PTEs of [start, end) in @vma with @prot, then flush them. */
static void change_protection(struct vm_area_struct *vma, unsigned long start,
			      unsigned long end, pgprot_t prot)
{
	unsigned long addr = start, next;

	for (; addr != end; addr = next) {
		pmd_t *pmd = pmd_lookup(vma->vm_mm, addr);

		next = pmd_addr_end(addr, end);
		if (pmd)
			change_pte_range(vma, pmd, addr, next, prot);
	}
	flush_tlb_range(vma, start, end);
}

/* Is [start, end) mapped without holes? (mprotect's -ENOMEM rule) */
static bool range_fully_mapped(struct mm_struct *mm, unsigned long start,
			       unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (!vma || vma->vm_start > start)
		return false;
	for (; vma->vm_end < end; vma = vma->vm_next)
		if (!vma->vm_next || vma->vm_next->vm_start != vma->vm_end)
			return false;
	return true;
}

/* Apply @prot to the part of @vma inside [start, end). */
static int mprotect_one(struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long start, unsigned long end,
			unsigned long prot)
{
	unsigned long newflags = vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC);
	struct vm_area_struct *prev, *merged;
	int err;

	newflags |= calc_vm_flags(prot, 0) & (VM_READ | VM_WRITE | VM_EXEC);
	/* Only what VM_MAY* allows (VM_MAY* sit 4 bits above). */
	if ((newflags & (VM_READ | VM_WRITE | VM_EXEC)) & ~(vma->vm_flags >> 4))
		return -EACCES;
	if (newflags == vma->vm_flags)
		return 0;
	if (start > vma->vm_start) {
		/* The new VMA above @start is the part that changes. */
		err = split_vma(mm, vma, start, 0);
		if (err)
			return err;
		vma = vma->vm_next;
	}
	if (end < vma->vm_end) {
		/* The new VMA takes [end, vm_end); vma keeps our part. */
		err = split_vma(mm, vma, end, 0);
		if (err)
			return err;
	}
	vma->vm_flags = newflags;
	change_protection(vma, vma->vm_start, vma->vm_end,
			  vm_get_page_prot(newflags));
	/* Rejoin neighbours that now look the same (case 6-8 merges). */
	prev = vma->vm_prev;
	merged = vma_merge(mm, prev, vma->vm_start, vma->vm_end, newflags,
			   vma->anon_vma, vma->vm_file, vma->vm_pgoff);
	(void)merged;
	return 0;
}

/*
 * do_mprotect - set the protection of [start, start + len) to @prot.
 * -EINVAL for an unaligned start or unknown bits, -ENOMEM if part of the
 * range is not mapped, -EACCES beyond what a VMA's VM_MAY* bits allow.
 */
int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot)
{
	unsigned long end, addr, next;
	struct vm_area_struct *vma;
	int err = 0;

	if (!PAGE_ALIGNED(start) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (!len)
		return 0;
	end = start + ALIGN(len, PAGE_SIZE);
	if (end <= start || end > mm->task_size)
		return -ENOMEM;
	down_write(&mm->mmap_lock);
	if (!range_fully_mapped(mm, start, end)) {
		err = -ENOMEM;
		goto out;
	}
	for (addr = start; addr < end && !err; addr = next) {
		vma = find_vma(mm, addr);
		next = min(end, vma->vm_end);
		err = mprotect_one(mm, vma, addr, next, prot);
	}
out:
	up_write(&mm->mmap_lock);
	return err;
}
