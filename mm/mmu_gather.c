// SPDX-License-Identifier: MIT
/*
 * mm/mmu_gather.c: the gather's batches and its flush (interface and the
 * design in <anvil/mmu_gather.h>; the walk that feeds it is
 * zap_pte_range() in mm/memory.c).
 *
 * Nothing here holds a lock or sleeps: the gather belongs to its caller's
 * stack, batch pages come from GFP_NOWAIT, and the arch's tlb_flush() is
 * called with whatever the caller holds, which by the rules of zap_pte_range
 * is never the page-table lock.
 */
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mmu_gather.h>

struct mmu_gather_stats mmu_gather_stats;

/* Page pointers that fit in one batch page after its header. */
#define MAX_GATHER_BATCH \
	((PAGE_SIZE - sizeof(struct mmu_gather_batch)) / sizeof(void *))

static void tlb_reset_range(struct mmu_gather *tlb)
{
	tlb->start = ~0UL;
	tlb->end = 0;
	tlb->need_flush = false;
}

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm, bool fullmm)
{
	tlb->mm = mm;
	tlb->fullmm = fullmm;
	tlb->batch_count = 0;
	tlb->local.next = NULL;
	tlb->local.nr = 0;
	tlb->local.max = MMU_GATHER_BUNDLE;
	tlb->active = &tlb->local;
	tlb_reset_range(tlb);
}

/*
 * Move to the next batch, allocating one if there is none yet. Returns
 * false when no batch can be had: the caller then flushes sooner.
 */
static bool tlb_next_batch(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *batch = tlb->active->next;
	struct page *page;

	if (batch) {		/* kept from an earlier flush */
		tlb->active = batch;
		return true;
	}
	if (tlb->batch_count == MAX_GATHER_BATCH_COUNT)
		return false;
	/* Never wait, never warn: we may hold a spinlock, and failing is
	 * an ordinary outcome under memory pressure (seed 000). */
	page = alloc_page(GFP_NOWAIT | __GFP_NOWARN);
	if (!page) {
		mmu_gather_stats.batch_alloc_fail++;
		return false;
	}
	batch = page_address(page);
	batch->next = NULL;
	batch->nr = 0;
	batch->max = MAX_GATHER_BATCH;
	tlb->batch_count++;
	tlb->active->next = batch;
	tlb->active = batch;
	return true;
}

bool __tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	struct mmu_gather_batch *batch = tlb->active;

	/* Only a page whose PTE was cleared belongs here. */
	WARN_ON(!tlb->need_flush && !tlb->fullmm);
	/* The last call said "full": the caller had to flush first. */
	BUG_ON(batch->nr >= batch->max);
	batch->pages[batch->nr++] = page;
	if (batch->nr == batch->max) {
		if (!tlb_next_batch(tlb))
			return true;
	}
	return false;
}

void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	if (__tlb_remove_page(tlb, page))
		tlb_flush_mmu(tlb);
}

/*
 * Page-table pages go through the same batches: they were part of the
 * translation too, and a CPU walking a stale TLB path (or a hardware
 * page-walk cache) may still read them until the flush.
 */
void tlb_remove_table(struct mmu_gather *tlb, struct page *table)
{
	tlb->need_flush = true;
	tlb_remove_page(tlb, table);
}

/* Step 2: invalidate. The arch flushes tlb->start..end on every CPU. */
static void tlb_flush_mmu_tlbonly(struct mmu_gather *tlb,
				  enum tlb_flush_reason why)
{
	if (!tlb->need_flush)
		return;
	tlb_flush(tlb);
	mmu_gather_stats.flushes[why]++;
	tlb_reset_range(tlb);
}

/* Step 3: free. Batches stay allocated for reuse until tlb_finish_mmu. */
static void tlb_flush_mmu_free(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *batch;

	for (batch = &tlb->local; batch && batch->nr; batch = batch->next) {
		for (unsigned int i = 0; i < batch->nr; i++)
			put_page(batch->pages[i]);
		mmu_gather_stats.pages_freed += batch->nr;
		batch->nr = 0;
	}
	tlb->active = &tlb->local;
}

void __tlb_flush_mmu(struct mmu_gather *tlb, enum tlb_flush_reason why)
{
	tlb_flush_mmu_tlbonly(tlb, why);
	tlb_flush_mmu_free(tlb);
}

void tlb_flush_mmu(struct mmu_gather *tlb)
{
	__tlb_flush_mmu(tlb, TLB_FLUSH_FULL);
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *batch, *next;

	__tlb_flush_mmu(tlb, TLB_FLUSH_FINISH);
	for (batch = tlb->local.next; batch; batch = next) {
		next = batch->next;
		free_page((unsigned long)batch);
	}
	tlb->local.next = NULL;
	tlb->batch_count = 0;
}
