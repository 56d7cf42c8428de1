// SPDX-License-Identifier: MIT
/*
 * hash_utils.c: build the hashed page table and turn translation on.
 *
 * hash_mmu_init(), from setup_arch() in real mode once memblock knows
 * the RAM:
 *   1. size the HPT like Linux: 1/128 of RAM (2 HPTEs per 4 KiB page),
 *      rounded up to a power of two, at least 256 KiB; allocate it from
 *      memblock aligned to its size, as SDR1 requires;
 *   2. SDR1 = HPT real address | log2(size) - 18;
 *   3. bolt the direct map: for each RAM page P, an HPTE mapping EA
 *      0xc000000000000000 + P to P, kernel read/write, marked BOLTED so
 *      no eviction ever takes it (the exception entry touches the stack
 *      and code without being able to take a fault);
 *   4. one SLB entry for the kernel's 1 TiB segment (slb.c);
 *   5. MSR[IR|DR] on. We are already running at 0xc000... addresses, so
 *      the next instruction is simply fetched through the new mapping.
 *      The paca's kernel MSR gets IR|DR too, so exception handlers run
 *      translated from now on.
 *
 * With RAM half the HPT's capacity and the direct map's pages in order,
 * each group receives 4 entries: the primary groups never overflow.
 */
#include <anvil/boot.h>
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <asm/mmu-hash.h>
#include <asm/paca.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/prom.h>
#include <asm/reg.h>

unsigned long linear_map_end;

static phys_addr_t htab_base;
static unsigned int htab_shift;

/*
 * The kernel's page table, for the vmalloc area only (the linear map
 * needs none: its HPTEs are computed from the address). Its one entry
 * for the area points at vmalloc_pud from boot, so generic code
 * (mm/vmalloc.c) only ever adds tables below it.
 */
pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
static pud_t vmalloc_pud[PTRS_PER_PUD] __aligned(PAGE_SIZE);

static unsigned int ilog2_roundup(u64 n)
{
	unsigned int shift = 0;

	while ((1ULL << shift) < n)
		shift++;
	return shift;
}

static phys_addr_t ram_top(void)
{
	phys_addr_t top = 0;
	unsigned int i;

	for (i = 0; i < nr_ram_ranges; i++)
		top = max(top, ram_ranges[i].base + ram_ranges[i].size);
	return top;
}

/* Step 1: allocate the table (step 2, SDR1, is in hash_mmu_enable). */
static void htab_allocate(void)
{
	htab_shift = max(ilog2_roundup(ram_top()) - 7, (unsigned int)HPT_MIN_SHIFT);
	htab_base = memblock_alloc(1UL << htab_shift, 1UL << htab_shift);
	hash_table_set(__va(htab_base), (1UL << htab_shift) / 128);
}

/* Map one page of the direct map, for good. */
static void bolt_page(phys_addr_t pa)
{
	unsigned long ea = (unsigned long)__va(pa);
	unsigned long vpn = hpt_vpn(ea, KERNEL_VSID(ea), KERNEL_SEGSIZE);

	if (hash_insert_page(vpn, pa, HPTE_KERNEL_RFLAGS, HPTE_V_BOLTED,
			     KERNEL_SEGSIZE) < 0)
		panic("hash: cannot bolt %lx: both groups full", ea);
}

/* Step 3: every page of every RAM range. */
static void htab_bolt_linear_map(void)
{
	unsigned int i;
	phys_addr_t pa;

	for (i = 0; i < nr_ram_ranges; i++)
		for (pa = ram_ranges[i].base;
		     pa < ram_ranges[i].base + ram_ranges[i].size;
		     pa += PAGE_SIZE)
			bolt_page(pa);
	linear_map_end = (unsigned long)__va(ram_top());
}

/* Translation on, on this CPU: the HPT is shared, the SLB is per CPU. */
static void hash_mmu_enable(void)
{
	mtspr(SPRN_SDR1, htab_base | (htab_shift - HPT_MIN_SHIFT));
	slb_init_kernel();
	get_paca()->kernel_msr |= MSR_IR | MSR_DR;
	mtmsrd(mfmsr() | MSR_IR | MSR_DR);
}

/* A secondary CPU joins the boot CPU's hash table (smp.c). */
void hash_mmu_init_secondary(void)
{
	hash_mmu_enable();
}

void hash_mmu_init(void)
{
	if (ram_top() > (1UL << SID_SHIFT_1T))
		panic("hash: more than 1 TiB of RAM does not fit the kernel "
		      "segment");
	htab_allocate();
	htab_bolt_linear_map();
	pgd_populate(NULL, pgd_offset_k(VMALLOC_START), vmalloc_pud);
	hash_mmu_enable();

	pr_info("hash: HPT %lu KiB at %llx (%lu groups), direct map %lu MiB, "
		"one 1 TiB segment\n",
		(1UL << htab_shift) / 1024, (unsigned long long)htab_base,
		(1UL << htab_shift) / 128,
		(unsigned long)(ram_top() / SZ_1M));
}

/*
 * hash_page_kernel - a direct-map page has no HPTE (a DSI/ISI said so):
 * put one back. Bolted entries are never evicted, so this only happens
 * if someone invalidated one; it keeps the kernel going if that is ever
 * done on purpose. Returns 0 if the access can be retried, -1 if @ea is
 * not RAM in the direct map or already has an entry (then the fault was
 * something else).
 */
int hash_page_kernel(unsigned long ea)
{
	phys_addr_t pa = __pa(ea);
	unsigned long vpn;
	unsigned int i;

	if (ea < PAGE_OFFSET || ea >= linear_map_end)
		return -1;
	for (i = 0; i < nr_ram_ranges; i++)
		if (pa >= ram_ranges[i].base &&
		    pa - ram_ranges[i].base < ram_ranges[i].size)
			break;
	if (i == nr_ram_ranges)
		return -1;
	vpn = hpt_vpn(ea, KERNEL_VSID(ea), KERNEL_SEGSIZE);
	if (hash_insert_page(vpn, pa & PAGE_MASK, HPTE_KERNEL_RFLAGS, 0,
			     KERNEL_SEGSIZE) < 0)
		return -1;
	return 0;
}

/*
 * Kernel translations outside the linear map: the vmalloc area.
 *
 * An HPTE is inserted when the PTE is set and removed when it is
 * cleared, bolted in between. The alternative, Linux's, is to insert
 * on a hash miss from the kernel page table; that needs the BUSY/slot
 * protocol of user PTEs against a concurrent unmap, and a kernel stack
 * in the area (anvil.vmap_stack) could then miss in exception entry.
 * Bolting costs HPT room (the table has two slots per RAM page, the
 * linear map takes one) and is simply correct: a mapped vmalloc page
 * always has exactly one HPTE, an unmapped one none.
 */
static unsigned long vmalloc_vpn(unsigned long addr)
{
	return hpt_vpn(addr, KERNEL_VSID(addr), KERNEL_SEGSIZE);
}

int set_pte_kernel(unsigned long addr, pte_t *ptep, pte_t pte)
{
	phys_addr_t pa = (phys_addr_t)pte_pfn(pte) << PAGE_SHIFT;
	unsigned long rflags = HPTE_KERNEL_RFLAGS;

	if (!pte_exec(pte))
		rflags |= HPTE_R_N;
	if (hash_insert_page_bolted(vmalloc_vpn(addr), pa, rflags,
				    KERNEL_SEGSIZE) < 0)
		return -ENOMEM;
	/* Only the owner of the area reads this PTE; no ordering needed. */
	WRITE_ONCE(ptep->pte, pte_val(pte));
	return 0;
}

pte_t ptep_get_and_clear_kernel(unsigned long addr, pte_t *ptep)
{
	pte_t old = ptep_get(ptep);

	WRITE_ONCE(ptep->pte, 0);
	if (pte_present(old))
		hash_remove_page(vmalloc_vpn(addr), KERNEL_SEGSIZE);
	return old;
}
