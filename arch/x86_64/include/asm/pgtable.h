/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable.h: x86_64's 4-level page tables.
 *
 * A virtual address is split into four 9-bit table indexes and a 12-bit
 * offset; each table is one 4 KiB page of 512 eight-byte entries:
 *
 *   63      48 47    39 38    30 29    21 20    12 11       0
 *   | sign ext | PGD   | PUD   | PMD   | PTE   | offset     |
 *              (PML4)  (PDPT)  (PD)    (PT)
 *
 * A PUD entry with _PAGE_PSE maps 1 GiB directly, a PMD entry 2 MiB. The
 * names are Linux's (pgd/pud/pmd/pte), not Intel's (PML4/PDPT/PD/PT).
 *
 * Building the kernel's tables (direct map, kernel image, fixmap) is in
 * arch/x86_64/mm/init.c; kern_addr_valid() in mm/pgtable.c.
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <anvil/types.h>
#include <asm/page.h>

#define PGDIR_SHIFT 39
#define PUD_SHIFT 30
#define PMD_SHIFT 21
#define PTRS_PER_TABLE 512

#define PUD_SIZE (1UL << PUD_SHIFT)	/* 1 GiB */
#define PMD_SIZE (1UL << PMD_SHIFT)	/* 2 MiB */

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))
#define pud_index(va) (((va) >> PUD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pmd_index(va) (((va) >> PMD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pte_index(va) (((va) >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1))

#define _PAGE_PRESENT (1UL << 0)
#define _PAGE_RW (1UL << 1)
#define _PAGE_USER (1UL << 2)
#define _PAGE_PWT (1UL << 3)	/* write-through */
#define _PAGE_PCD (1UL << 4)	/* cache disable */
#define _PAGE_ACCESSED (1UL << 5)
#define _PAGE_DIRTY (1UL << 6)
#define _PAGE_PSE (1UL << 7)	/* huge page, in a PUD or PMD entry */
#define _PAGE_GLOBAL (1UL << 8)	/* kept in the TLB across CR3 loads */
#define _PAGE_NX (1UL << 63)	/* no execute (needs EFER.NXE) */

/* Bits 12-51 of an entry: the physical address of the page or table. */
#define PTE_PFN_MASK 0x000ffffffffff000UL

/*
 * The kernel's flavours of entry. Accessed and dirty are preset so the
 * CPU never has to write them back into kernel tables. _PAGE_NX is
 * masked out by __supported_pte_mask on a CPU without NX, where it would
 * be a reserved bit and every access would fault.
 */
#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define __PAGE_KERNEL_BASE (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define __PAGE_KERNEL (__PAGE_KERNEL_BASE | _PAGE_RW | _PAGE_DIRTY | _PAGE_NX)
#define __PAGE_KERNEL_RO (__PAGE_KERNEL_BASE | _PAGE_NX)
#define __PAGE_KERNEL_RX (__PAGE_KERNEL_BASE)
#define __PAGE_KERNEL_NOCACHE (__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

typedef u64 pteval_t;

extern pteval_t __supported_pte_mask;

/* The kernel's top-level table once paging_init() has run (direct map). */
extern pteval_t *init_top_pgt;

/*
 * True if @va is mapped in the current page tables (any level may be a
 * huge page). Reads the tables through the direct map, never faults.
 */
bool kern_addr_valid(unsigned long va);

/* mm/init.c: the direct map, then the final tables (kernel/setup.c order). */
void init_mem_mapping(void);
void paging_init(void);
/* Make a guard page in the kernel image; false if @va is not mapped. */
bool kernel_image_unmap_page(unsigned long va);

#endif /* _ASM_X86_PGTABLE_H */
