// SPDX-License-Identifier: MIT
/*
 * mm/pgtable.c: top-level tables, protections, and asking the tables
 * whether an address is mapped.
 *
 * Interface (asm/pgtable.h):
 *   pgd_alloc(), pgd_free()   a user address space's PGD
 *   vm_get_page_prot()        VM_* flags -> user PTE protection bits
 *   kern_addr_valid()         is this address mapped right now?
 *
 * The entry operations generic mm uses are inline in asm/pgtable.h; the
 * kernel's own tables are built in mm/init.c; TLB flushes in mm/tlb.c.
 */
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/string.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/special_insns.h>

/*
 * Linux's protection_map for x86_64, indexed by the low four VM_* bits
 * (read, write, exec, shared). Two rules shape it: without VM_EXEC the
 * page is NX, and a private writable mapping starts read-only so that
 * its first write faults and copies (COW). A shared mapping without
 * read/write/exec is PROT_NONE, like a private one.
 */
static const pgprotval_t protection_map[16] = {
	[VM_NONE] = PAGE_NONE,
	[VM_READ] = PAGE_READONLY,
	[VM_WRITE] = PAGE_COPY,
	[VM_WRITE | VM_READ] = PAGE_COPY,
	[VM_EXEC] = PAGE_READONLY_EXEC,
	[VM_EXEC | VM_READ] = PAGE_READONLY_EXEC,
	[VM_EXEC | VM_WRITE] = PAGE_COPY_EXEC,
	[VM_EXEC | VM_WRITE | VM_READ] = PAGE_COPY_EXEC,
	[VM_SHARED] = PAGE_NONE,
	[VM_SHARED | VM_READ] = PAGE_READONLY,
	[VM_SHARED | VM_WRITE] = PAGE_SHARED,
	[VM_SHARED | VM_WRITE | VM_READ] = PAGE_SHARED,
	[VM_SHARED | VM_EXEC] = PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_READ] = PAGE_READONLY_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE] = PAGE_SHARED_EXEC,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ] = PAGE_SHARED_EXEC,
};

_Static_assert((VM_READ | VM_WRITE | VM_EXEC | VM_SHARED) == 0xf,
	       "protection_map is indexed by the low four VM_* bits");

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprotval_t prot = protection_map[vm_flags &
					  (VM_READ | VM_WRITE | VM_EXEC |
					   VM_SHARED)];

	return __pgprot(prot & __supported_pte_mask);
}

/*
 * The kernel half is shared by pointing at the same PUD tables as
 * init_top_pgt, so a change *inside* those tables (a new vmalloc page,
 * say) is seen through every PGD at once. Only a new top-level entry
 * would be missed, which is why every kernel-half entry must exist
 * before the first user PGD does.
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	pgd_t *pgd;

	if (!page)
		return NULL;
	pgd = page_address(page);
	memcpy(pgd + USER_PTRS_PER_PGD, init_top_pgt + USER_PTRS_PER_PGD,
	       (PTRS_PER_PGD - USER_PTRS_PER_PGD) * sizeof(pgd_t));
	return pgd;
}

/*
 * By now no CPU may use @pgd: CPUs running the mm switched away, lazy
 * ones dropped out at exit's full flush (mm/tlb.c). If this CPU still
 * has it in CR3, the caller freed an mm it runs on (Linux keeps it as
 * active_mm until the next switch instead): complain, and step off it
 * before the page is reused.
 */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	for (unsigned int i = 0; i < USER_PTRS_PER_PGD; i++)
		WARN_ON(!pgd_none(pgd[i]));
	if (WARN_ON((read_cr3() & PTE_PFN_MASK) == __pa(pgd))) {
		leave_mm();
		write_cr3(__pa(init_top_pgt));	/* even if CR3 was set by hand */
	}
	free_page((unsigned long)pgd);
}

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
