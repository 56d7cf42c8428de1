/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable.h: x86_64's 4-level page tables, kernel and user.
 *
 * A virtual address is split into four 9-bit table indexes and a 12-bit
 * offset; each table is one 4 KiB page of 512 eight-byte entries:
 *
 *   63      48 47    39 38    30 29    21 20    12 11       0
 *   | sign ext | PGD   | PUD   | PMD   | PTE   | offset     |
 *              (PML4)  (PDPT)  (PD)    (PT)
 *
 * A PUD entry with _PAGE_PSE maps 1 GiB directly, a PMD entry 2 MiB (the
 * kernel's direct map only; user mappings are 4 KiB pages). The names are
 * Linux's (pgd/pud/pmd/pte), not Intel's (PML4/PDPT/PD/PT).
 *
 * Two halves of the PGD: entries 0-255 map user space (0 .. TASK_SIZE),
 * private to each mm; entries 256-511 map the kernel and are the same in
 * every PGD (pgd_alloc copies them from init_top_pgt).
 *
 * This header has the entry types and the small operations generic mm
 * (mm/memory.c) walks user tables with; the contract is the "User page
 * tables" section of docs/arch-boundary.md. Out of line: pgd_alloc(),
 * vm_get_page_prot() (mm/pgtable.c), the TLB flushes (asm/tlbflush.h,
 * mm/tlb.c), switch_mm() (asm/mmu_context.h). Building the kernel's own
 * tables (direct map, kernel image, fixmap) is mm/init.c, which uses
 * raw pteval_t words.
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/page.h>
#include <asm/tlbflush.h>

#define PGDIR_SHIFT 39
#define PUD_SHIFT 30
#define PMD_SHIFT 21
#define PTRS_PER_TABLE 512
#define PTRS_PER_PGD PTRS_PER_TABLE
#define PTRS_PER_PUD PTRS_PER_TABLE
#define PTRS_PER_PMD PTRS_PER_TABLE
#define PTRS_PER_PTE PTRS_PER_TABLE

#define PGDIR_SIZE (1UL << PGDIR_SHIFT)	/* 512 GiB */
#define PUD_SIZE (1UL << PUD_SHIFT)	/* 1 GiB */
#define PMD_SIZE (1UL << PMD_SHIFT)	/* 2 MiB */
#define PGDIR_MASK (~(PGDIR_SIZE - 1))
#define PUD_MASK (~(PUD_SIZE - 1))
#define PMD_MASK (~(PMD_SIZE - 1))

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))
#define pud_index(va) (((va) >> PUD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pmd_index(va) (((va) >> PMD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pte_index(va) (((va) >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1))

/*
 * End of user space, as Linux's TASK_SIZE_MAX: 2^47 minus one page. The
 * top page of the lower canonical half stays unmapped so that no
 * "syscall" can sit at its very end, where the return address in RCX
 * would be non-canonical and SYSRET would fault in ring 0 (the Intel
 * SYSRET bug; kernel/syscall.c also checks).
 */
#define TASK_SIZE 0x00007ffffffff000UL
/* PGD entries 0 .. USER_PTRS_PER_PGD-1 are user space. */
#define USER_PTRS_PER_PGD (PTRS_PER_PGD / 2)

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
/*
 * A PROT_NONE user page: not present to the CPU (every access faults)
 * but present to generic mm, which must keep its page and pfn. Linux's
 * trick: reuse the global bit, meaningless in a non-present entry and
 * never set in a user one.
 */
#define _PAGE_PROTNONE _PAGE_GLOBAL

/* Bits 12-51 of an entry: the physical address of the page or table. */
#define PTE_PFN_MASK 0x000ffffffffff000UL
/* What pte_modify() keeps: the frame, caching, and what the CPU wrote. */
#define _PAGE_CHG_MASK (PTE_PFN_MASK | _PAGE_PCD | _PAGE_PWT | \
			_PAGE_ACCESSED | _PAGE_DIRTY)

/*
 * The kernel's flavours of entry. Accessed and dirty are preset so the
 * CPU never has to write them back into kernel tables. _PAGE_NX is
 * masked out by __supported_pte_mask on a CPU without NX, where it would
 * be a reserved bit and every access would fault.
 */
#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
/* A user page table: what is allowed is decided in the PTE. */
#define _PAGE_TABLE (_KERNPG_TABLE | _PAGE_USER)
#define __PAGE_KERNEL_BASE (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define __PAGE_KERNEL (__PAGE_KERNEL_BASE | _PAGE_RW | _PAGE_DIRTY | _PAGE_NX)
#define __PAGE_KERNEL_RO (__PAGE_KERNEL_BASE | _PAGE_NX)
#define __PAGE_KERNEL_RX (__PAGE_KERNEL_BASE)
#define __PAGE_KERNEL_NOCACHE (__PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)

/*
 * The user flavours, as Linux's protection_map uses them (mm/pgtable.c,
 * vm_get_page_prot). A private writable mapping gets PAGE_COPY: read
 * only, so the first write faults and copies (COW); the fault handler
 * then sets _PAGE_RW in the PTE itself.
 */
#define PAGE_NONE (_PAGE_PROTNONE | _PAGE_ACCESSED)
#define PAGE_READONLY (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_READONLY_EXEC (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_COPY PAGE_READONLY
#define PAGE_COPY_EXEC PAGE_READONLY_EXEC
#define PAGE_SHARED (PAGE_READONLY | _PAGE_RW)
#define PAGE_SHARED_EXEC (PAGE_READONLY_EXEC | _PAGE_RW)

typedef u64 pteval_t;
typedef u64 pmdval_t;
typedef u64 pudval_t;
typedef u64 pgdval_t;
typedef u64 pgprotval_t;

/* One-word structs, so a pte can never be mixed up with a pmd or a number. */
typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pudval_t pud; } pud_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { pgprotval_t pgprot; } pgprot_t;

#define pte_val(x) ((x).pte)
#define pmd_val(x) ((x).pmd)
#define pud_val(x) ((x).pud)
#define pgd_val(x) ((x).pgd)
#define pgprot_val(x) ((x).pgprot)
#define __pte(x) ((pte_t){ (x) })
#define __pmd(x) ((pmd_t){ (x) })
#define __pud(x) ((pud_t){ (x) })
#define __pgd(x) ((pgd_t){ (x) })
#define __pgprot(x) ((pgprot_t){ (x) })

extern pteval_t __supported_pte_mask;

/* The kernel's top-level table once paging_init() has run (direct map). */
extern pteval_t *init_top_pgt;

/*
 * The vmalloc area (mm/vmalloc.c): Linux's start, but one PGD entry
 * (512 GiB) instead of 32 TiB. paging_init() gives that entry its PUD
 * table before any user PGD is copied from init_top_pgt, so the entry
 * is the same in every address space and a PMD or PTE table added
 * under it later is seen through all of them at once.
 */
#define VMALLOC_START 0xffffc90000000000UL
#define VMALLOC_END (VMALLOC_START + PGDIR_SIZE)
#define PAGE_KERNEL __pgprot(__PAGE_KERNEL)
/*
 * Kernel stacks may live there (anvil.vmap_stack): exceptions in kernel
 * mode push their frame through the normal page tables, and a fault on
 * the stack itself becomes a double fault, which has its own IST stack.
 */
#define HAVE_ARCH_VMAP_STACK 1

/* ---- pgd, pud, pmd: entries that point to the next table ---------- */

/*
 * For each upper level X: X_none (empty), X_present, X_bad (not a
 * user-table pointer: flags other than _PAGE_TABLE, or a huge page),
 * X_pgtable (the kernel address of the next table), X_populate (point
 * an empty entry at a new zeroed table; the caller holds
 * mm->page_table_lock) and X_clear. The stores are single 8-byte writes,
 * which the hardware walker of another CPU sees whole.
 */
#define __TABLE_OPS(X, Xval, next_t)                                        \
	static inline bool X##_none(X##_t e)                                \
	{                                                                   \
		return Xval(e) == 0;                                        \
	}                                                                   \
	static inline bool X##_present(X##_t e)                             \
	{                                                                   \
		return Xval(e) & _PAGE_PRESENT;                             \
	}                                                                   \
	static inline bool X##_bad(X##_t e)                                 \
	{                                                                   \
		return (Xval(e) & ~PTE_PFN_MASK & ~_PAGE_USER) !=           \
		       _KERNPG_TABLE;                                       \
	}                                                                   \
	static inline next_t *X##_pgtable(X##_t e)                          \
	{                                                                   \
		return (next_t *)__va(Xval(e) & PTE_PFN_MASK);              \
	}                                                                   \
	static inline void X##_populate(struct mm_struct *mm, X##_t *ep,    \
					void *table)                        \
	{                                                                   \
		WRITE_ONCE(ep->X, __pa(table) | _PAGE_TABLE);               \
	}                                                                   \
	static inline void X##_clear(X##_t *ep)                             \
	{                                                                   \
		WRITE_ONCE(ep->X, 0);                                       \
	}

struct mm_struct;
struct vm_area_struct;

__TABLE_OPS(pgd, pgd_val, pud_t)
__TABLE_OPS(pud, pud_val, pmd_t)
__TABLE_OPS(pmd, pmd_val, pte_t)
#undef __TABLE_OPS

/*
 * The kernel's own tables (vmalloc area): the top-level entry of @addr
 * in init_top_pgt, and upper-level entries without _PAGE_USER.
 * mm/vmalloc.c populates them under vmap_area_lock.
 */
#define pgd_offset_k(addr) ((pgd_t *)init_top_pgt + pgd_index(addr))

static inline void pud_populate_kernel(pud_t *pudp, void *table)
{
	WRITE_ONCE(pudp->pud, __pa(table) | _KERNPG_TABLE);
}

static inline void pmd_populate_kernel(pmd_t *pmdp, void *table)
{
	WRITE_ONCE(pmdp->pmd, __pa(table) | _KERNPG_TABLE);
}

/* ---- pte: reading and making entries (nothing is written) ------------ */

static inline bool pte_none(pte_t pte)
{
	return pte_val(pte) == 0;
}

/* Present to generic mm: mapped, or mapped PROT_NONE. */
static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline bool pte_write(pte_t pte)
{
	return pte_val(pte) & _PAGE_RW;
}

static inline bool pte_dirty(pte_t pte)
{
	return pte_val(pte) & _PAGE_DIRTY;
}

static inline bool pte_young(pte_t pte)
{
	return pte_val(pte) & _PAGE_ACCESSED;
}

static inline bool pte_exec(pte_t pte)
{
	return !(pte_val(pte) & _PAGE_NX);
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT;
}

/* NX is dropped on a CPU without it, where the bit is reserved. */
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((pteval_t)pfn << PAGE_SHIFT) |
		     (pgprot_val(prot) & __supported_pte_mask));
}

#define __PTE_SET(name, op)                                                 \
	static inline pte_t name(pte_t pte)                                 \
	{                                                                   \
		return __pte(pte_val(pte) op);                              \
	}
__PTE_SET(pte_mkwrite, | _PAGE_RW)
__PTE_SET(pte_wrprotect, & ~_PAGE_RW)
__PTE_SET(pte_mkdirty, | _PAGE_DIRTY)
__PTE_SET(pte_mkclean, & ~_PAGE_DIRTY)
__PTE_SET(pte_mkyoung, | _PAGE_ACCESSED)
__PTE_SET(pte_mkold, & ~_PAGE_ACCESSED)
#undef __PTE_SET

/* Same page, new permissions (mprotect); dirty and accessed stay. */
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return __pte((pte_val(pte) & _PAGE_CHG_MASK) |
		     (pgprot_val(prot) & ~_PAGE_CHG_MASK &
		      __supported_pte_mask));
}

/* ---- pte: writing entries (the caller holds the PTE table's PTL) ----- */

/* One untorn read of a PTE the hardware may be updating (A/D bits). */
static inline pte_t ptep_get(pte_t *ptep)
{
	return __pte(READ_ONCE(ptep->pte));
}

/* Install a PTE where there was none, or a non-present one. */
static inline void set_pte_at(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(ptep->pte, pte_val(pte));
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	WRITE_ONCE(ptep->pte, 0);
}

/*
 * Clear a PTE and return what it held. One locked xchg: another CPU's
 * page walker may set the dirty bit between a plain read and a plain
 * clear, and that write would be lost (data lost on unmap).
 */
static inline pte_t ptep_get_and_clear(struct mm_struct *mm,
				       unsigned long addr, pte_t *ptep)
{
	return __pte(__atomic_exchange_n(&ptep->pte, 0, __ATOMIC_SEQ_CST));
}

/* Clear the write bit in place (fork's COW marking): a locked "and". */
static inline void ptep_set_wrprotect(struct mm_struct *mm,
				      unsigned long addr, pte_t *ptep)
{
	__atomic_fetch_and(&ptep->pte, ~_PAGE_RW, __ATOMIC_SEQ_CST);
}

/* x86_64 has no batched MMU updates and nothing to preload. */
static inline void arch_enter_lazy_mmu_mode(void)
{
}

static inline void arch_leave_lazy_mmu_mode(void)
{
}

static inline void update_mmu_cache(struct vm_area_struct *vma,
				    unsigned long addr, pte_t *ptep)
{
}

/*
 * Kernel PTEs of the vmalloc area: the hardware walks the same tables,
 * so setting one is all a map takes; clearing one leaves the stale
 * translation in TLBs until the caller's flush_tlb_kernel_range().
 */
static inline int set_pte_kernel(unsigned long addr, pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(ptep->pte, pte_val(pte));
	return 0;
}

static inline pte_t ptep_get_and_clear_kernel(unsigned long addr,
					      pte_t *ptep)
{
	return __pte(__atomic_exchange_n(&ptep->pte, 0, __ATOMIC_SEQ_CST));
}

/* ---- out of line: mm/pgtable.c ---------------------------------------- */

/*
 * The pgprot_t for a VMA's VM_READ/WRITE/EXEC/SHARED (the VM_* values
 * of <anvil/mm_types.h>), as Linux's protection_map: no access is
 * PROT_NONE, no VM_EXEC is NX, private writable is read-only (COW).
 */
pgprot_t vm_get_page_prot(unsigned long vm_flags);

/*
 * A new top-level table for @mm: user half empty, kernel half (entries
 * 256-511) copied from init_top_pgt. NULL when out of memory. May sleep.
 * Every kernel-half entry must exist in init_top_pgt before the first
 * call: a PGD entry added later would not reach the copies.
 */
pgd_t *pgd_alloc(struct mm_struct *mm);
/* Free a table from pgd_alloc(); its user half must be empty already. */
void pgd_free(struct mm_struct *mm, pgd_t *pgd);

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
