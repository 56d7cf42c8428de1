// SPDX-License-Identifier: MIT
/*
 * mm/init.c: the kernel's page tables: direct map, kernel image, fixmap.
 *
 * Interface: init_mem_mapping(), paging_init(), kernel_image_unmap_page(),
 * set_fixmap_nocache() (asm/pgtable.h, asm/fixmap.h). Two phases,
 * because of a chicken and egg: memblock_alloc() zeroes what it returns
 * through the direct map, so the direct map cannot be built from
 * memblock_alloc()ed tables.
 *
 * 1. init_mem_mapping(), still on head.asm's boot tables: map every RAM
 *    range of the e820 table at PAGE_OFFSET, with 1 GiB pages where the
 *    CPU has them (pdpe1gb) and a whole aligned GiB is RAM, 2 MiB pages
 *    elsewhere. The tables come from a static pool in .bss, not memblock.
 *    The new direct map replaces the boot window in the live PGD.
 *
 * 2. paging_init(), after memblock knows RAM and reservations: a new PGD
 *    from memblock that shares the direct map, maps the kernel image with
 *    4 KiB pages and the right permissions, and the fixmap; then CR3
 *    switches to it. The identity map of low memory is gone: a NULL
 *    pointer now faults.
 *
 * The final layout (docs/x86_64.md has the full picture):
 *
 *   0x0000000000000000  user space (empty for now)
 *   0xffff888000000000  direct map, all RAM, RW NX
 *   0xffffc90000000000  vmalloc area, 512 GiB (mm/vmalloc.c): only its
 *                       PUD table is made here, the rest on demand
 *   0xffffffff80000000  kernel image: text RX, rodata R NX, data/bss RW NX
 *                       (the boot stack's guard page left unmapped)
 *   0xffffffffffe00000  fixmap: LAPIC, HPET, uncached
 */
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <asm/cpufeature.h>
#include <asm/e820.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/special_insns.h>

/* One PUD covers 512 GiB: the direct map is limited to that. */
#define MAX_DIRECT_MAP ((phys_addr_t)PTRS_PER_TABLE * PUD_SIZE)
/* Page directories for phase 1: 2 per RAM range with 1 GiB pages,
 * one per GiB of RAM without. */
#define EARLY_PMD_POOL 16

pteval_t __supported_pte_mask = ~_PAGE_NX;	/* cpu_init() adds NX */
pteval_t *init_top_pgt;

static pteval_t direct_map_pud[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static pteval_t early_pmd_pool[EARLY_PMD_POOL][PTRS_PER_TABLE]
	__aligned(PAGE_SIZE);
static unsigned int early_pmds_used;
static pteval_t fixmap_pmd[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static pteval_t fixmap_pte[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
/*
 * The vmalloc area's one PUD table. It must exist before the first
 * pgd_alloc(): user PGDs copy init_top_pgt's kernel half once, so a
 * top-level entry added later would be missing from them.
 */
static pteval_t vmalloc_pud[PTRS_PER_TABLE] __aligned(PAGE_SIZE);

static pteval_t kernel_prot(pteval_t prot)
{
	return prot & __supported_pte_mask;
}

/* The page (table) an entry points to, through the direct map. */
static pteval_t *entry_to_table(pteval_t e)
{
	return __va(e & PTE_PFN_MASK);
}

/*
 * Map [start, end), both 2 MiB aligned, in the direct map. Returns the
 * address up to which it got: @end, or less if the pool ran out.
 */
static phys_addr_t direct_map_range(phys_addr_t start, phys_addr_t end,
				    bool gbpages)
{
	pteval_t large = kernel_prot(__PAGE_KERNEL | _PAGE_PSE);
	phys_addr_t pa = start;

	/* PAGE_OFFSET is 512 GiB aligned: pa's own bits index the tables. */
	while (pa < end) {
		pteval_t *pud = &direct_map_pud[pud_index(pa)];
		phys_addr_t gb_end = ALIGN_DOWN(pa, PUD_SIZE) + PUD_SIZE;
		pteval_t *pmd;

		if (*pud & _PAGE_PSE) {		/* a 1 GiB page already */
			pa = gb_end;
			continue;
		}
		if (!*pud && gbpages && IS_ALIGNED(pa, PUD_SIZE) &&
		    gb_end <= end) {
			*pud = pa | large;
			pa = gb_end;
			continue;
		}
		if (!*pud) {
			if (early_pmds_used == EARLY_PMD_POOL)
				return pa;
			pmd = early_pmd_pool[early_pmds_used++];
			*pud = __pa(pmd) | _KERNPG_TABLE;
		}
		pmd = entry_to_table(*pud);
		for (; pa < end && pa < gb_end; pa += PMD_SIZE)
			pmd[pmd_index(pa)] = pa | large;
	}
	return end;
}

/*
 * Phase 1: build the direct map of all RAM in the e820 table and switch
 * the live PGD to it. RAM that cannot be mapped (past 512 GiB, or when
 * the pool runs out) is removed from the e820 table, so it never reaches
 * memblock. Boot CPU, after cpu_init() (NX) and multiboot_parse().
 */
void init_mem_mapping(void)
{
	bool gbpages = boot_cpu_has(X86_FEATURE_GBPAGES);
	phys_addr_t limit = MAX_DIRECT_MAP;
	pteval_t *pgd;

	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		phys_addr_t start = ALIGN_DOWN(e->addr, PMD_SIZE);
		phys_addr_t end = min(ALIGN(e->addr + e->size, PMD_SIZE), limit);
		phys_addr_t done;

		if (e->type != E820_TYPE_RAM || start >= end)
			continue;
		done = direct_map_range(start, end, gbpages);
		if (done < end) {
			limit = done;
			break;
		}
	}
	if (e820__truncate_ram(limit))
		pr_warn("direct map: cannot map RAM above %#llx, ignoring it\n",
			(unsigned long long)limit);

	pgd = entry_to_table(read_cr3());
	pgd[pgd_index(PAGE_OFFSET)] = __pa(direct_map_pud) | _KERNPG_TABLE;
	flush_tlb_local();
	pr_info("direct map: RAM at %#lx, %s pages, %u early page tables\n",
		PAGE_OFFSET, gbpages ? "1 GiB and 2 MiB" : "2 MiB",
		early_pmds_used);
}

static pteval_t *alloc_pgtable_page(void)
{
	return __va(memblock_alloc(PAGE_SIZE, PAGE_SIZE));
}

/* Text RX, rodata R, data and bss RW; the stack guard page unmapped. */
static pteval_t kernel_image_prot(unsigned long va)
{
	if (va >= (unsigned long)boot_stack_guard &&
	    va < (unsigned long)boot_stack_bottom)
		return 0;
	if (va < (unsigned long)_rodata)
		return kernel_prot(__PAGE_KERNEL_RX);
	if (va < (unsigned long)_data)
		return kernel_prot(__PAGE_KERNEL_RO);
	return kernel_prot(__PAGE_KERNEL);
}

/* Map _text.._end at __START_KERNEL_map + phys, 4 KiB at a time. */
static void map_kernel_image(pteval_t *pud)
{
	pteval_t *pmd = alloc_pgtable_page();

	pud[pud_index(__START_KERNEL_map)] = __pa(pmd) | _KERNPG_TABLE;
	for (unsigned long va = (unsigned long)_text; va < (unsigned long)_end;
	     va += PAGE_SIZE) {
		pteval_t prot = kernel_image_prot(va);
		pteval_t *pte;

		if (!pmd[pmd_index(va)])
			pmd[pmd_index(va)] = __pa(alloc_pgtable_page()) |
					     _KERNPG_TABLE;
		pte = entry_to_table(pmd[pmd_index(va)]);
		pte[pte_index(va)] = prot ? __pa(va) | prot : 0;
	}
}

/*
 * Phase 2: the final kernel page tables, then switch CR3 to them. Boot
 * CPU, after memblock has RAM and every reservation (memblock_alloc()).
 */
void paging_init(void)
{
	pteval_t *pgd = alloc_pgtable_page();
	pteval_t *pud = alloc_pgtable_page();

	pgd[pgd_index(PAGE_OFFSET)] = __pa(direct_map_pud) | _KERNPG_TABLE;
	pgd[pgd_index(__START_KERNEL_map)] = __pa(pud) | _KERNPG_TABLE;
	pgd[pgd_index(VMALLOC_START)] = __pa(vmalloc_pud) | _KERNPG_TABLE;
	map_kernel_image(pud);
	pud[pud_index(FIXADDR_START)] = __pa(fixmap_pmd) | _KERNPG_TABLE;
	fixmap_pmd[pmd_index(FIXADDR_START)] = __pa(fixmap_pte) | _KERNPG_TABLE;

	write_cr3(__pa(pgd));
	init_top_pgt = pgd;
	pr_info("paging: kernel page tables at %#llx; identity map gone\n",
		(unsigned long long)__pa(pgd));
}

/*
 * Unmap the 4 KiB kernel-image page at @va, to make a guard page below a
 * stack that lives in .bss (the boot stack's is left out from the start,
 * see kernel_image_prot). Flushes only this CPU's TLB: the caller makes
 * sure no other CPU has used the page. Returns false if @va is not a
 * mapped page of the image. Never sleeps.
 */
bool kernel_image_unmap_page(unsigned long va)
{
	pteval_t *pud, *pmd, *pte;

	if (va < (unsigned long)_text || va >= (unsigned long)_end)
		return false;
	pud = entry_to_table(init_top_pgt[pgd_index(va)]);
	pmd = entry_to_table(pud[pud_index(va)]);
	if (!(pmd[pmd_index(va)] & _PAGE_PRESENT))
		return false;
	pte = entry_to_table(pmd[pmd_index(va)]);
	if (!(pte[pte_index(va)] & _PAGE_PRESENT))
		return false;
	pte[pte_index(va)] = 0;
	invlpg(va);
	return true;
}

void *set_fixmap_nocache(enum fixed_addresses idx, phys_addr_t phys)
{
	unsigned long va = (unsigned long)fix_to_virt(idx);

	BUG_ON(idx >= __end_of_fixed_addresses || !init_top_pgt);
	fixmap_pte[pte_index(va)] =
		(phys & PAGE_MASK) | kernel_prot(__PAGE_KERNEL_NOCACHE);
	invlpg(va);
	return (void *)(va + (phys & ~PAGE_MASK));
}
