/* SPDX-License-Identifier: MIT */
/*
 * The mmu_gather: batching what unmapping frees until the TLBs are clean
 * (mm/mmu_gather.c). The design is settled in seeds 000 and 001.
 *
 * The one invariant: a page (or page-table page) that was mapped may be
 * freed only after every CPU's TLB has forgotten the translation.
 * Otherwise another CPU could still write through a stale TLB entry into
 * a page that now belongs to someone else. So unmapping goes in three
 * steps, always in this order:
 *
 *	1. unhook:	clear the PTE (under the page-table lock)
 *	2. invalidate:	flush the TLBs that may hold it (tlb_flush)
 *	3. free:	drop the pages' references
 *
 * and the gather collects step 3's pages while step 1 runs, so step 2
 * happens once per batch instead of once per page.
 *
 * Life of a gather (it lives on the caller's stack, never per-CPU, so the
 * caller may be preempted and migrate while it holds one):
 *
 *	struct mmu_gather tlb;
 *	tlb_gather_mmu(&tlb, mm, fullmm);
 *	  ... zap_pte_range():  pte = ptep_get_and_clear();
 *	                        tlb_remove_tlb_entry(&tlb, ptep, addr);
 *	                        if (__tlb_remove_page(&tlb, page)) -> full:
 *	                          leave lazy MMU mode, drop the PTL,
 *	                          tlb_flush_mmu(&tlb), cond_resched(),
 *	                          retake the PTL and go on
 *	  ... free_pgtables():  tlb_remove_table(&tlb, table_page);
 *	tlb_finish_mmu(&tlb);	  flush, free, release the extra batches
 *
 * Batches (seed 000): a small batch is built into the gather
 * (MMU_GATHER_BUNDLE page pointers). When it fills, one more page is
 * taken for another batch with GFP_NOWAIT | __GFP_NOWARN: never waits
 * (we may be under a spinlock), never warns (failure is normal under
 * memory pressure). If that fails, the gather reports "full" and the
 * caller flushes early: less batching, same correctness.
 *
 *	 gather (on stack)
 *	+------------------+     +-------------------+     +---------
 *	| local batch [8]  | --> | batch page [~500] | --> | ...
 *	| active ----------+--+  +-------------------+
 *	| start..end range |  +-> the batch being filled
 *	+------------------+
 */
#ifndef ANVIL_MMU_GATHER_H
#define ANVIL_MMU_GATHER_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/page.h>

struct mm_struct;
struct page;

#define MMU_GATHER_BUNDLE 8
/* Batches beyond the first: a cap so one gather can't hoard memory. */
#define MAX_GATHER_BATCH_COUNT 32

struct mmu_gather_batch {
	struct mmu_gather_batch *next;
	unsigned int nr;	/* pages gathered in this batch */
	unsigned int max;	/* how many fit */
	struct page *pages[];
};

/* Why a flush happened, for /proc/vmstat and tests. */
enum tlb_flush_reason {
	TLB_FLUSH_FULL,		/* the batches were full */
	TLB_FLUSH_RESCHED,	/* zap_pte_range saw need_resched() */
	TLB_FLUSH_FINISH,	/* tlb_finish_mmu */
	NR_TLB_FLUSH_REASONS,
};

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end;	/* the range to flush; start > end
					 * when nothing is pending */
	bool fullmm;			/* the whole mm goes (exit) */
	bool need_flush;		/* a PTE was cleared since the flush */
	unsigned int batch_count;	/* batches allocated beyond local */
	struct mmu_gather_batch *active;
	struct mmu_gather_batch local;
	struct page *__pages[MMU_GATHER_BUNDLE];
};

struct mmu_gather_stats {
	unsigned long flushes[NR_TLB_FLUSH_REASONS];
	unsigned long batch_alloc_fail;	/* GFP_NOWAIT said no */
	unsigned long pages_freed;
};
extern struct mmu_gather_stats mmu_gather_stats;

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm,
		    bool fullmm);
/*
 * Add @page to the batch. Returns true when the gather is full and the
 * caller must tlb_flush_mmu() before adding more (after dropping its
 * page-table lock). Never sleeps.
 */
bool __tlb_remove_page(struct mmu_gather *tlb, struct page *page);
/* The same, flushing at once when full: for callers holding no spinlock. */
void tlb_remove_page(struct mmu_gather *tlb, struct page *page);
/* A page-table page to free after the flush (free_pgtables). */
void tlb_remove_table(struct mmu_gather *tlb, struct page *table);
/* Flush the TLBs for the gathered range, then free the gathered pages. */
void tlb_flush_mmu(struct mmu_gather *tlb);
void __tlb_flush_mmu(struct mmu_gather *tlb, enum tlb_flush_reason why);
/* The end: flush what is pending, free everything. No range arguments. */
void tlb_finish_mmu(struct mmu_gather *tlb);

/* Record that the PTE for @addr was cleared: it must be flushed. */
static inline void tlb_remove_tlb_entry(struct mmu_gather *tlb,
					unsigned long addr)
{
	if (addr < tlb->start)
		tlb->start = addr;
	if (addr + PAGE_SIZE > tlb->end)
		tlb->end = addr + PAGE_SIZE;
	tlb->need_flush = true;
}

/*
 * The arch hook (arch/<arch>/mm/tlb.c): make every CPU that may cache
 * translations of tlb->mm forget tlb->start..tlb->end (or the whole mm
 * when tlb->fullmm). Called with no spinlock held, preemptible.
 */
void tlb_flush(struct mmu_gather *tlb);

#endif /* ANVIL_MMU_GATHER_H */
