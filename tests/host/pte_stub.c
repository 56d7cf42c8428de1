// SPDX-License-Identifier: MIT
/*
 * tests/host/pte_stub.c: vma_test builds mm/vma.c and mm/rmap.c without
 * page tables (mm/memory.c): nothing is ever mapped there.
 */
#include <anvil/rmap.h>

bool page_mapped_in_vma(struct page *page, struct vm_area_struct *vma,
			unsigned long address)
{
	return false;
}
