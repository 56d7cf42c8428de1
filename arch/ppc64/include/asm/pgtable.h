/* SPDX-License-Identifier: MIT */
/*
 * asm/pgtable.h: ppc64's user page tables, the software source of truth
 * behind the hashed page table (HPT).
 *
 * POWER's MMU never reads these tables. Generic mm (mm/memory.c) builds
 * and edits them exactly as on x86_64; the hash fault handler
 * (mm/hash_user.c) copies one PTE at a time into an HPTE when the CPU
 * misses, and every PTE change that takes a permission away removes the
 * HPTE again (mm/tlb_hash.c). docs/ppc64.md ("User address spaces")
 * draws the whole path.
 *
 * Geometry: four levels of 512 entries, as x86_64, with 4 KiB pages:
 *
 *   63     46 45  39 38    30 29    21 20    12 11        0
 *   | zero   | PGD  | PUD   | PMD   | PTE   | offset      |
 *
 * User space is [0, TASK_SIZE = 64 TiB), like Linux's ppc64 with 4 KiB
 * pages: so every user ESID (EA >> 28) fits in 18 bits, which the VSID
 * scheme relies on (mm/pgtable.c), and no user EA comes near the
 * kernel's 0xc000... segment. Upper-level entries hold the physical
 * address of the next table and a valid bit.
 *
 * The PTE, one 64-bit word:
 *
 *   63   62      61     60..58  57 ......... 12 11 .. 7  6 5 4 3 2 1 0
 *   BUSY HASHPTE SECOND GIX     real page number  (zero)  D A U X W R P
 *
 *   P R W X U	present, readable, writable, executable, user
 *   A D	accessed, dirty (set by the hash fault, as a CPU would)
 *   HASHPTE	an HPTE for this page may exist ...
 *   SECOND GIX	... in this slot: the secondary group or not, and the
 *		index (0-7) in that group. A hint, checked against the
 *		HPTE's own tag before it is trusted: the HPTE may have been
 *		evicted or already invalidated since.
 *   BUSY	the hash fault owns the PTE while it inserts an HPTE;
 *		pte_update() waits for it (Linux's H_PAGE_BUSY)
 *
 * Present without R, W or X is a PROT_NONE page: generic mm sees it
 * present, the hash fault refuses every access.
 *
 * Out of line: the HPTE invalidation and the lazy-MMU batch
 * (mm/tlb_hash.c), vm_get_page_prot/pgd_alloc/pgd_free (mm/pgtable.c),
 * update_mmu_cache (mm/hash_user.c).
 */
#ifndef _ASM_PPC64_PGTABLE_H
#define _ASM_PPC64_PGTABLE_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/page.h>
#include <asm/processor.h>

#define PGDIR_SHIFT 39
#define PUD_SHIFT 30
#define PMD_SHIFT 21
#define PTRS_PER_TABLE 512
#define PTRS_PER_PGD PTRS_PER_TABLE
#define PTRS_PER_PUD PTRS_PER_TABLE
#define PTRS_PER_PMD PTRS_PER_TABLE
#define PTRS_PER_PTE PTRS_PER_TABLE

#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PUD_SIZE (1UL << PUD_SHIFT)
#define PMD_SIZE (1UL << PMD_SHIFT)

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))
#define pud_index(va) (((va) >> PUD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pmd_index(va) (((va) >> PMD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pte_index(va) (((va) >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1))

/* 64 TiB of user space: 2^18 segments of 256 MiB. */
#define TASK_SIZE_SHIFT 46
#define TASK_SIZE (1UL << TASK_SIZE_SHIFT)

#define _PAGE_PRESENT 0x001UL
#define _PAGE_READ 0x002UL
#define _PAGE_WRITE 0x004UL
#define _PAGE_EXEC 0x008UL
#define _PAGE_USER 0x010UL
#define _PAGE_ACCESSED 0x020UL
#define _PAGE_DIRTY 0x040UL
#define _PAGE_RWX (_PAGE_READ | _PAGE_WRITE | _PAGE_EXEC)

/* A kernel page (vmalloc area): read/write, never user, no exec. */
#define PAGE_KERNEL __pgprot(_PAGE_PRESENT | _PAGE_READ | _PAGE_WRITE | \
			     _PAGE_ACCESSED | _PAGE_DIRTY)

/*
 * The vmalloc area (mm/vmalloc.c): Linux's hash-MMU VMALLOC_START, in a
 * 1 TiB segment of its own (bolted in SLB entry 1), 512 GiB of it, one
 * entry of the kernel's top-level table swapper_pg_dir. The MMU never
 * reads swapper_pg_dir: it is the record of what is mapped
 * (vmalloc_to_page, unmapping); every page in it also has a bolted HPTE
 * from the moment set_pte_kernel() maps it (mm/hash_utils.c).
 */
#define VMALLOC_START 0xd000000000000000UL
#define VMALLOC_END (VMALLOC_START + PGDIR_SIZE)
/*
 * Kernel stacks may not live there: exception entry builds its frame on
 * the kernel stack in real mode (kernel/exceptions-64s.S), where an
 * address is its physical address with the top bits dropped, which is
 * true of the linear map only.
 */
#define HAVE_ARCH_VMAP_STACK 0

#define _PAGE_BUSY (1UL << 63)
#define _PAGE_HASHPTE (1UL << 62)
#define _PAGE_F_SECOND (1UL << 61)
#define _PAGE_F_GIX_SHIFT 58
#define _PAGE_F_GIX (7UL << _PAGE_F_GIX_SHIFT)
/* Where the HPTE is: travels with the PTE until the hash fault rewrites it. */
#define _PAGE_HPTE_SLOT (_PAGE_HASHPTE | _PAGE_F_SECOND | _PAGE_F_GIX)

#define PTE_RPN_MASK 0x03fffffffffff000UL
/*
 * What pte_modify() keeps: the page, what the hash fault recorded, and
 * the HPTE's slot. The slot must survive mprotect's clear-and-set inside
 * a lazy section: until the batch is flushed the old HPTE is still
 * valid, and a hash fault on another CPU that found the new PTE without
 * the slot would insert a second HPTE for the same address.
 */
#define _PAGE_CHG_MASK (PTE_RPN_MASK | _PAGE_HPTE_SLOT | _PAGE_ACCESSED | \
			_PAGE_DIRTY)

/* Upper-level entries: table physical address | valid. */
#define _TABLE_PRESENT 0x1UL
#define TABLE_ADDR_MASK PTE_RPN_MASK

/* The user protections, as Linux's protection_map uses them. */
#define _PAGE_BASE (_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_NONE _PAGE_BASE
#define PAGE_READONLY (_PAGE_BASE | _PAGE_READ)
#define PAGE_READONLY_X (PAGE_READONLY | _PAGE_EXEC)
#define PAGE_COPY PAGE_READONLY
#define PAGE_COPY_X PAGE_READONLY_X
#define PAGE_SHARED (PAGE_READONLY | _PAGE_WRITE)
#define PAGE_SHARED_X (PAGE_SHARED | _PAGE_EXEC)

typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long pgd; } pgd_t;
typedef struct { unsigned long pgprot; } pgprot_t;

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

struct mm_struct;
struct vm_area_struct;

/* ---- pgd, pud, pmd: entries that point to the next table ---------- */

/*
 * X_populate publishes a zeroed table: the lwsync (smp_wmb) orders the
 * zeroing before the pointer, because the hash fault walks these tables
 * on another CPU without any lock (mm/hash_user.c) and POWER does not
 * keep stores in order by itself.
 */
#define __TABLE_OPS(X, next_t)                                              \
	static inline bool X##_none(X##_t e)                                \
	{                                                                   \
		return X##_val(e) == 0;                                     \
	}                                                                   \
	static inline bool X##_present(X##_t e)                             \
	{                                                                   \
		return X##_val(e) & _TABLE_PRESENT;                         \
	}                                                                   \
	static inline bool X##_bad(X##_t e)                                 \
	{                                                                   \
		return (X##_val(e) & ~TABLE_ADDR_MASK) != _TABLE_PRESENT;   \
	}                                                                   \
	static inline next_t *X##_pgtable(X##_t e)                          \
	{                                                                   \
		return (next_t *)__va(X##_val(e) & TABLE_ADDR_MASK);        \
	}                                                                   \
	static inline void X##_populate(struct mm_struct *mm, X##_t *ep,    \
					void *table)                        \
	{                                                                   \
		__atomic_store_n(&ep->X, __pa(table) | _TABLE_PRESENT,      \
				 __ATOMIC_RELEASE);                         \
	}                                                                   \
	static inline void X##_clear(X##_t *ep)                             \
	{                                                                   \
		WRITE_ONCE(ep->X, 0);                                       \
	}

__TABLE_OPS(pgd, pud_t)
__TABLE_OPS(pud, pmd_t)
__TABLE_OPS(pmd, pte_t)
#undef __TABLE_OPS

/*
 * The kernel's own tables (vmalloc area only): swapper_pg_dir, whose
 * entry for the area hash_mmu_init() fills in at boot. Populated under
 * mm/vmalloc.c's vmap_area_lock.
 */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];
#define pgd_offset_k(addr) (swapper_pg_dir + pgd_index(addr))

static inline void pud_populate_kernel(pud_t *pudp, void *table)
{
	pud_populate(NULL, pudp, table);
}

static inline void pmd_populate_kernel(pmd_t *pmdp, void *table)
{
	pmd_populate(NULL, pmdp, table);
}

/*
 * Map or unmap a vmalloc page (mm/hash_utils.c). set_pte_kernel()
 * inserts a bolted HPTE, so it can fail (-ENOMEM: both groups full of
 * bolted entries); ptep_get_and_clear_kernel() removes the HPTE with a
 * broadcast tlbie before it returns.
 */
int set_pte_kernel(unsigned long addr, pte_t *ptep, pte_t pte);
pte_t ptep_get_and_clear_kernel(unsigned long addr, pte_t *ptep);

/* ---- pte: reading and making entries (nothing is written) ------------ */

static inline bool pte_none(pte_t pte)
{
	return pte_val(pte) == 0;
}

static inline bool pte_present(pte_t pte)
{
	return pte_val(pte) & _PAGE_PRESENT;
}

static inline bool pte_write(pte_t pte)
{
	return pte_val(pte) & _PAGE_WRITE;
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
	return pte_val(pte) & _PAGE_EXEC;
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & PTE_RPN_MASK) >> PAGE_SHIFT;
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte(((pfn << PAGE_SHIFT) & PTE_RPN_MASK) | pgprot_val(prot));
}

#define __PTE_SET(name, op)                                                 \
	static inline pte_t name(pte_t pte)                                 \
	{                                                                   \
		return __pte(pte_val(pte) op);                              \
	}
__PTE_SET(pte_mkwrite, | _PAGE_WRITE)
__PTE_SET(pte_wrprotect, & ~_PAGE_WRITE)
__PTE_SET(pte_mkdirty, | _PAGE_DIRTY)
__PTE_SET(pte_mkclean, & ~_PAGE_DIRTY)
__PTE_SET(pte_mkyoung, | _PAGE_ACCESSED)
__PTE_SET(pte_mkold, & ~_PAGE_ACCESSED)
#undef __PTE_SET

/* Same page, new permissions (mprotect); see _PAGE_CHG_MASK. */
static inline pte_t pte_modify(pte_t pte, pgprot_t prot)
{
	return __pte((pte_val(pte) & _PAGE_CHG_MASK) |
		     (pgprot_val(prot) & ~_PAGE_CHG_MASK));
}

/* ---- pte: writing entries (the caller holds the PTE table's PTL) ----- */

/*
 * Queue (lazy MMU mode) or do (otherwise) the invalidation of the HPTE
 * that @old says may exist for @addr in @mm (mm/tlb_hash.c).
 */
void hpte_need_flush(struct mm_struct *mm, unsigned long addr,
		     unsigned long old);

static inline pte_t ptep_get(pte_t *ptep)
{
	return __pte(READ_ONCE(ptep->pte));
}

/*
 * pte_update - atomically clear @clr and set @set in *@ptep; returns the
 * old value. Waits while a hash fault holds the PTE busy, so once it
 * returns no HPTE insert for this PTE is half done, and the old value's
 * HASHPTE bit is the truth: its HPTE is then queued for invalidation.
 * The slot bits stay in the PTE unless @clr removes them (see
 * _PAGE_CHG_MASK for why).
 */
static inline unsigned long pte_update(struct mm_struct *mm,
				       unsigned long addr, pte_t *ptep,
				       unsigned long clr, unsigned long set)
{
	unsigned long old, new;

	for (;;) {
		old = __atomic_load_n(&ptep->pte, __ATOMIC_RELAXED);
		if (old & _PAGE_BUSY) {
			cpu_relax();
			continue;
		}
		new = (old & ~clr) | set;
		if (__atomic_compare_exchange_n(&ptep->pte, &old, new, false,
						__ATOMIC_SEQ_CST,
						__ATOMIC_RELAXED))
			break;
	}
	if (old & _PAGE_HASHPTE)
		hpte_need_flush(mm, addr, old);
	return old;
}

/*
 * Install a PTE where there was none (or a non-present one). Release
 * order: the page's contents (zeroed, copied) are visible to any CPU
 * that sees the PTE and hashes it.
 */
static inline void set_pte_at(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, pte_t pte)
{
	__atomic_store_n(&ptep->pte, pte_val(pte) & ~_PAGE_BUSY,
			 __ATOMIC_RELEASE);
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	pte_update(mm, addr, ptep, ~0UL, 0);
}

/* Clear a PTE, return what it held; its HPTE goes (batched if lazy). */
static inline pte_t ptep_get_and_clear(struct mm_struct *mm,
				       unsigned long addr, pte_t *ptep)
{
	return __pte(pte_update(mm, addr, ptep, ~0UL, 0));
}

/* Fork's COW marking: the HPTE may allow writes, so it goes too. */
static inline void ptep_set_wrprotect(struct mm_struct *mm,
				      unsigned long addr, pte_t *ptep)
{
	if (!(READ_ONCE(ptep->pte) & _PAGE_WRITE))
		return;
	pte_update(mm, addr, ptep, _PAGE_WRITE, 0);
}

/*
 * Lazy MMU mode (mm/tlb_hash.c): between enter and leave, HPTE
 * invalidations collect in this CPU's batch; leave sends them all, with
 * one tlbsync. Generic code calls both with the page-table lock held,
 * and leave before dropping it (seed 001). enter WARNs, and does not
 * batch, if it is called preemptible (seed 004).
 */
void arch_enter_lazy_mmu_mode(void);
void arch_leave_lazy_mmu_mode(void);

/* A fault installed *ptep: put its HPTE in now (mm/hash_user.c). */
void update_mmu_cache(struct vm_area_struct *vma, unsigned long addr,
		      pte_t *ptep);

/* mm/pgtable.c: Linux's protection_map (private writable = COW). */
pgprot_t vm_get_page_prot(unsigned long vm_flags);

#endif /* _ASM_PPC64_PGTABLE_H */
