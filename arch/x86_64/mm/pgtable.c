// SPDX-License-Identifier: MIT
/*
 * mm/pgtable.c: asking the page tables whether an address is mapped.
 *
 * Interface: kern_addr_valid() (asm/pgtable.h). The backtrace code
 * (kernel/stacktrace.c) uses it to follow frame pointers without ever
 * faulting. It walks the current tables (CR3) level by level, through
 * the direct map, stopping at a huge page or a missing entry.
 */
#include <asm/pgtable.h>
#include <asm/special_insns.h>

/* Bits 63:47 must all equal bit 47, or the CPU raises #GP, not #PF. */
static bool is_canonical(unsigned long va)
{
	long top = (long)va >> 47;

	return top == 0 || top == -1;
}

bool kern_addr_valid(unsigned long va)
{
	static const unsigned int shifts[] = { PGDIR_SHIFT, PUD_SHIFT,
					       PMD_SHIFT, PAGE_SHIFT };
	const pteval_t *table = __va(read_cr3() & PTE_PFN_MASK);

	if (!is_canonical(va))
		return false;
	for (unsigned int level = 0; level < 4; level++) {
		pteval_t e = table[(va >> shifts[level]) & (PTRS_PER_TABLE - 1)];

		if (!(e & _PAGE_PRESENT))
			return false;
		/* A 1 GiB (PUD) or 2 MiB (PMD) page ends the walk. */
		if (level == 3 || (level > 0 && (e & _PAGE_PSE)))
			return true;
		table = __va(e & PTE_PFN_MASK);
	}
	return true;
}
