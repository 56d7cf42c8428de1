/* SPDX-License-Identifier: MIT */
/*
 * Walking and building user page tables: the generic half (mm/memory.c).
 *
 * The arch gives the entries and their operations (<asm/pgtable.h>, the
 * contract in docs/arch-boundary.md); this header adds the walk, the same
 * four steps on every arch:
 *
 *	mm->pgd --pgd_offset--> pgd entry --pud_offset--> pud entry
 *	  --pmd_offset--> pmd entry --pte_offset--> pte (under its PTL)
 *
 * Locks: pgd/pud/pmd entries are populated under mm->page_table_lock
 * (rare: a new table). Each PTE table page has its own spinlock, the
 * page-table lock (PTL), kept in the table's struct page; every PTE
 * read-modify-write holds it. Order: mmap_lock -> (anon_vma, i_mmap) ->
 * PTL; two PTLs (fork: child, then parent; mremap: old, then new) nest
 * with spin_lock_nested.
 */
#ifndef ANVIL_PGTABLE_H
#define ANVIL_PGTABLE_H

#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/spinlock.h>
#include <asm/pgtable.h>

static inline pgd_t *pgd_offset(struct mm_struct *mm, unsigned long addr)
{
	return (pgd_t *)mm->pgd + pgd_index(addr);
}

static inline pud_t *pud_offset(pgd_t *pgd, unsigned long addr)
{
	return (pud_t *)pgd_pgtable(*pgd) + pud_index(addr);
}

static inline pmd_t *pmd_offset(pud_t *pud, unsigned long addr)
{
	return (pmd_t *)pud_pgtable(*pud) + pmd_index(addr);
}

static inline pte_t *pte_offset(pmd_t *pmd, unsigned long addr)
{
	return (pte_t *)pmd_pgtable(*pmd) + pte_index(addr);
}

/* The PTL of the PTE table @pmd points to (page->private holds it). */
static inline spinlock_t *pte_lockptr(pmd_t *pmd)
{
	return (spinlock_t *)virt_to_page(pmd_pgtable(*pmd))->private;
}

/* Map and lock the PTE for @addr; pte_unmap_unlock() undoes both. */
static inline pte_t *pte_offset_map_lock(pmd_t *pmd, unsigned long addr,
					 spinlock_t **ptlp)
{
	spinlock_t *ptl = pte_lockptr(pmd);

	spin_lock(ptl);
	*ptlp = ptl;
	return pte_offset(pmd, addr);
}

static inline void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl)
{
	spin_unlock(ptl);
}

/* The end of the entry's span containing @addr, or @end if sooner. */
#define __boundary(addr, end, size)                                        \
	({                                                                  \
		unsigned long __b = ((addr) + (size)) & ~((size) - 1);      \
		(__b - 1 < (end) - 1) ? __b : (end);                        \
	})
#define pgd_addr_end(a, e) __boundary(a, e, 1UL << PGDIR_SHIFT)
#define pud_addr_end(a, e) __boundary(a, e, 1UL << PUD_SHIFT)
#define pmd_addr_end(a, e) __boundary(a, e, 1UL << PMD_SHIFT)

/* Fault flags (handle_mm_fault) and results, Linux's names. */
#define FAULT_FLAG_WRITE 0x01
#define FAULT_FLAG_USER 0x02
#define FAULT_FLAG_INSTRUCTION 0x04

#define VM_FAULT_OOM 0x0001
#define VM_FAULT_SIGBUS 0x0002
#define VM_FAULT_SIGSEGV 0x0004

struct mmu_gather;

/* mm/memory.c */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    unsigned int flags);
void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *vma,
		unsigned long start, unsigned long end);
/*
 * Free the page tables of [addr, end) that no address outside it uses:
 * floor is where the previous mapping ends (0: none), ceiling where the
 * next one starts (0: none, up to the top). Tables go through @tlb.
 */
void free_pgd_range(struct mmu_gather *tlb, unsigned long addr,
		    unsigned long end, unsigned long floor,
		    unsigned long ceiling);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size);
/* The pmd entry covering @addr if every level exists, else NULL. */
pmd_t *pmd_lookup(struct mm_struct *mm, unsigned long addr);
/* The same, allocating the missing levels and the PTE table; may sleep. */
pmd_t *walk_alloc(struct mm_struct *mm, unsigned long addr);
/* The page mapped at @addr, or NULL (none, or the zero page). */
struct page *follow_page(struct vm_area_struct *vma, unsigned long addr);
/* The same, but NULL unless the PTE is writable too, if @write. */
struct page *follow_page_write(struct vm_area_struct *vma, unsigned long addr,
			       bool write);
/* The shared page of zeros read faults map (mm_init allocates it). */
extern struct page *zero_page;

/* Arch, out of line: see "User page tables" in docs/arch-boundary.md. */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);

/*
 * How many PTEs zap_pte_range() looks at under one hold of the PTL: half
 * a table. While it holds the lock, a fault by another thread anywhere in
 * the same 2 MiB spins with preemption off, so the hold is the latency of
 * both CPUs. A lock break every 256 PTEs bounds every hold by the same
 * work, for an unmap of 1 MiB as for one of 1 GiB, at the price of an
 * unlock and a lock per 256 pages. Not less: ppc64's HPTE batch (192)
 * should still fill, and flush once, inside a hold. (Linux's
 * copy_pte_range() checks for a lock break every 32.)
 */
#define ZAP_PTES_PER_HOLD 256

/* The zap walk's counters (/proc/vmstat, tests). */
struct zap_stats {
	unsigned long resched_breaks;	/* need_resched() inside the PTL */
	unsigned long full_breaks;	/* the gather filled up */
	unsigned long lock_breaks;	/* ZAP_PTES_PER_HOLD reached: the PTL
					 * was dropped, nothing flushed */
	unsigned long max_ptes_per_hold; /* most PTEs under one PTL hold:
					  * the design bound, ZAP_PTES_PER_HOLD */
};
extern struct zap_stats zap_stats;

#endif /* ANVIL_PGTABLE_H */
