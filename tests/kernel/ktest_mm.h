/* SPDX-License-Identifier: MIT */
/*
 * tests/kernel/ktest_mm.h: looking into an address space from a test.
 */
#ifndef _TESTS_KERNEL_KTEST_MM_H
#define _TESTS_KERNEL_KTEST_MM_H

#include <anvil/mm_types.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>

/* The page mapped at @addr in @mm, or NULL (none, or the zero page). */
static inline struct page *page_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	page = vma && vma->vm_start <= addr ? follow_page(vma, addr) : NULL;
	up_read(&mm->mmap_lock);
	return page;
}

#endif /* _TESTS_KERNEL_KTEST_MM_H */
