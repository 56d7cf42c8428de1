// SPDX-License-Identifier: MIT
/*
 * mm/mincore.c: which pages of a range are in memory (mincore).
 *
 * One byte per page, bit 0 set when the page is resident. For anonymous
 * memory, the only kind anvil maps, resident means "a PTE maps it": a
 * page written to, or read (then it is the shared zero page, which
 * Linux counts as resident too). A page never touched, or dropped by
 * MADV_DONTNEED, is not. When swap and file mappings come, a PTE that is
 * none or a swap entry will have to ask the page cache or swap cache.
 *
 * This file is the walk over one VMA, into a kernel buffer; sys_mincore
 * (mm/syscalls.c) checks the arguments, calls it a buffer at a time and
 * copies each to user space with mmap_lock dropped, as Linux does.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/string.h>

/* One byte per page of [addr, end), all in one PTE table. */
static void mincore_pte_range(pmd_t *pmd, unsigned long addr,
			      unsigned long end, unsigned char *vec)
{
	spinlock_t *ptl;
	pte_t *start = pte_offset_map_lock(pmd, addr, &ptl), *pte = start;

	for (; addr != end; addr += PAGE_SIZE, pte++)
		*vec++ = pte_present(*pte) ? 1 : 0;
	pte_unmap_unlock(start, ptl);
}

/*
 * do_mincore - residency of the pages from @addr on, as far as the VMA
 * holding @addr goes, at most @pages of them, into @vec. Returns how
 * many pages it did, or -ENOMEM when no VMA holds @addr. mmap_lock held
 * for reading.
 */
long do_mincore(struct mm_struct *mm, unsigned long addr, unsigned long pages,
		unsigned char *vec)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long end, next, done;

	if (!vma || vma->vm_start > addr)
		return -ENOMEM;
	end = vma->vm_end;
	if (pages < (end - addr) >> PAGE_SHIFT)
		end = addr + (pages << PAGE_SHIFT);
	done = (end - addr) >> PAGE_SHIFT;
	for (; addr != end; vec += (next - addr) >> PAGE_SHIFT, addr = next) {
		pmd_t *pmd = pmd_lookup(mm, addr);

		next = pmd_addr_end(addr, end);
		if (pmd)
			mincore_pte_range(pmd, addr, next, vec);
		else
			memset(vec, 0, (next - addr) >> PAGE_SHIFT);
	}
	return done;
}
