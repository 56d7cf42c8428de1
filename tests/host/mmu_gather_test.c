// SPDX-License-Identifier: MIT
/*
 * tests/host/mmu_gather_test.c: mm/mmu_gather.c against a fake arch.
 *
 * The fake tlb_flush() records every flush (range, whole-mm or not). A
 * shadow model remembers, for each page handed to the gather, the user
 * address whose PTE was cleared for it. After every call the test checks
 * the invariant of <anvil/mmu_gather.h>: a page that has gone back to the
 * allocator was covered by a flush recorded *before* it was freed. The
 * batching itself (built-in batch, extra pages, GFP_NOWAIT failure) is
 * checked through the flush counts.
 */
#include <anvil/gfp.h>
#include <anvil/mm.h>
#include <anvil/mmu_gather.h>

#include <string.h>

#include "host.h"

/* ---- the fake arch ------------------------------------------------ */

#define MAX_FLUSHES 4096
static struct {
	unsigned long start, end;
	bool fullmm;
} flushes[MAX_FLUSHES];
static unsigned int nr_flushes;

/* ---- the shadow model --------------------------------------------- */

#define MAX_PAGES 20000
static struct shadow {
	struct page *page;
	unsigned long addr;
	bool covered; /* a flush of its address has happened */
} shadow[MAX_PAGES];
static unsigned int nr_shadow;
static bool early_free_seen;

static bool page_is_free(struct page *page)
{
	return page_ref_count(page) == 0;
}

/*
 * The fake arch. Before recording the flush, look for a gathered page
 * that is already back in the allocator although no flush has covered it
 * yet: that is the bug the gather exists to prevent.
 */
void tlb_flush(struct mmu_gather *tlb)
{
	for (unsigned int i = 0; i < nr_shadow; i++)
		if (!shadow[i].covered && page_is_free(shadow[i].page))
			early_free_seen = true;
	if (nr_flushes < MAX_FLUSHES)
		flushes[nr_flushes] = (typeof(flushes[0])){
			tlb->start, tlb->end, tlb->fullmm };
	nr_flushes++;
	for (unsigned int i = 0; i < nr_shadow; i++)
		if (tlb->fullmm || (tlb->start <= shadow[i].addr &&
				    shadow[i].addr < tlb->end))
			shadow[i].covered = true;
}

/* The invariant, for every page gathered so far. */
static const char *check_no_early_free(void)
{
	if (early_free_seen)
		return "a page was freed before the flush that covers it";
	for (unsigned int i = 0; i < nr_shadow; i++)
		if (!shadow[i].covered && page_is_free(shadow[i].page))
			return "a page was freed and never flushed";
	return NULL;
}

static void reset_model(void)
{
	nr_flushes = 0;
	nr_shadow = 0;
	early_free_seen = false;
	memset(&mmu_gather_stats, 0, sizeof(mmu_gather_stats));
	page_alloc_fail_nowait = (struct page_alloc_fault){ 0 };
}

/* "Unmap" one page at @addr: clear its PTE, hand the page over. */
static bool unmap_one(struct mmu_gather *tlb, unsigned long addr)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return false;
	shadow[nr_shadow++] = (struct shadow){ page, addr, false };
	tlb_remove_tlb_entry(tlb, addr);
	return __tlb_remove_page(tlb, page);
}

/*
 * zap_pte_range's loop, minus page tables: when the gather says full,
 * flush (the real one drops its page-table lock first) and go on.
 */
static void zap(struct mmu_gather *tlb, unsigned long start, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		if (unmap_one(tlb, start + i * PAGE_SIZE))
			tlb_flush_mmu(tlb);
}

/* ---- the tests ---------------------------------------------------- */

static void small_unmap_flushes_once_at_finish(void)
{
	struct mmu_gather tlb;
	unsigned long free_before = nr_free_pages();

	reset_model();
	tlb_gather_mmu(&tlb, NULL, false);
	zap(&tlb, 0x400000, 5);
	CHECK_EQ(nr_flushes, 0);
	CHECK_OK(check_no_early_free());
	tlb_finish_mmu(&tlb);
	CHECK_EQ(nr_flushes, 1);
	CHECK_EQ(flushes[0].start, 0x400000);
	CHECK_EQ(flushes[0].end, 0x400000 + 5 * PAGE_SIZE);
	CHECK_OK(check_no_early_free());
	CHECK_EQ(mmu_gather_stats.pages_freed, 5);
	CHECK_EQ(nr_free_pages(), free_before);
}

static void big_unmap_uses_extra_batches(void)
{
	struct mmu_gather tlb;
	unsigned long free_before = nr_free_pages();

	reset_model();
	tlb_gather_mmu(&tlb, NULL, false);
	zap(&tlb, 0x10000000, 2000); /* 8 local + ~4 batch pages */
	CHECK_EQ(nr_flushes, 0);	 /* everything fit: one flush later */
	CHECK(tlb.batch_count >= 4);
	CHECK_OK(check_no_early_free());
	tlb_finish_mmu(&tlb);
	CHECK_EQ(nr_flushes, 1);
	CHECK_OK(check_no_early_free());
	CHECK_EQ(nr_free_pages(), free_before); /* batch pages too */
}

static void failed_batch_alloc_flushes_sooner(void)
{
	struct mmu_gather tlb;
	unsigned long free_before = nr_free_pages();

	reset_model();
	page_alloc_fail_nowait.fail_every = 1; /* every GFP_NOWAIT fails */
	tlb_gather_mmu(&tlb, NULL, false);
	zap(&tlb, 0x20000000, 100);
	/* Only the built-in batch: a flush every MMU_GATHER_BUNDLE pages. */
	CHECK_EQ(nr_flushes, 100 / MMU_GATHER_BUNDLE);
	CHECK(mmu_gather_stats.batch_alloc_fail > 0);
	CHECK_OK(check_no_early_free());
	tlb_finish_mmu(&tlb);
	page_alloc_fail_nowait.fail_every = 0;
	CHECK_OK(check_no_early_free());
	CHECK_EQ(mmu_gather_stats.pages_freed, 100);
	CHECK_EQ(nr_free_pages(), free_before);
}

static void batch_cap_bounds_the_backlog(void)
{
	struct mmu_gather tlb;

	reset_model();
	tlb_gather_mmu(&tlb, NULL, false);
	zap(&tlb, 0x40000000, 17000); /* more than 8 + 32 * 510 */
	/* MAX_GATHER_BATCH_COUNT pages of pointers, then flush when full. */
	CHECK(nr_flushes >= 1);
	CHECK(tlb.batch_count <= MAX_GATHER_BATCH_COUNT);
	CHECK_OK(check_no_early_free());
	tlb_finish_mmu(&tlb);
	CHECK_OK(check_no_early_free());
}

static void flush_ranges_cover_only_what_was_unmapped(void)
{
	struct mmu_gather tlb;

	reset_model();
	tlb_gather_mmu(&tlb, NULL, false);
	zap(&tlb, 0x7000000, 3);
	tlb_flush_mmu(&tlb);		/* a reschedule point, say */
	zap(&tlb, 0x9000000, 2);
	tlb_finish_mmu(&tlb);
	CHECK_EQ(nr_flushes, 2);
	CHECK_EQ(flushes[0].start, 0x7000000);
	CHECK_EQ(flushes[0].end, 0x7000000 + 3 * PAGE_SIZE);
	CHECK_EQ(flushes[1].start, 0x9000000);
	CHECK_EQ(flushes[1].end, 0x9000000 + 2 * PAGE_SIZE);
	CHECK_OK(check_no_early_free());
}

static void nothing_unmapped_no_flush(void)
{
	struct mmu_gather tlb;

	reset_model();
	tlb_gather_mmu(&tlb, NULL, false);
	tlb_finish_mmu(&tlb);
	CHECK_EQ(nr_flushes, 0);
}

static void page_tables_are_freed_after_the_flush(void)
{
	struct mmu_gather tlb;
	struct page *table = alloc_page(GFP_KERNEL | __GFP_ZERO);

	reset_model();
	CHECK(table != NULL);
	tlb_gather_mmu(&tlb, NULL, true);
	zap(&tlb, 0x600000, 3);
	shadow[nr_shadow++] = (struct shadow){ table, 0, false };
	tlb_remove_table(&tlb, table);
	CHECK(!page_is_free(table));
	tlb_finish_mmu(&tlb);
	CHECK(page_is_free(table));
	CHECK(flushes[0].fullmm);
	CHECK_OK(check_no_early_free());
}

static void random_sequences(void)
{
	unsigned long steps = host_steps(200), free_before;

	free_before = nr_free_pages();
	for (unsigned long s = 0; s < steps; s++) {
		struct mmu_gather tlb;
		unsigned int rounds = 1 + host_rand_below(6);

		reset_model();
		page_alloc_fail_nowait.fail_every = host_rand_below(4);
		tlb_gather_mmu(&tlb, NULL, host_rand_below(4) == 0);
		for (unsigned int r = 0; r < rounds; r++) {
			zap(&tlb, host_rand_below(1 << 20) * PAGE_SIZE,
			    host_rand_below(700));
			CHECK_OK(check_no_early_free());
			if (host_rand_below(3) == 0)
				__tlb_flush_mmu(&tlb, TLB_FLUSH_RESCHED);
		}
		tlb_finish_mmu(&tlb);
		page_alloc_fail_nowait.fail_every = 0;
		CHECK_OK(check_no_early_free());
		CHECK_EQ(nr_free_pages(), free_before);
	}
}

static const struct host_test tests[] = {
	HOST_TEST(small_unmap_flushes_once_at_finish),
	HOST_TEST(big_unmap_uses_extra_batches),
	HOST_TEST(failed_batch_alloc_flushes_sooner),
	HOST_TEST(batch_cap_bounds_the_backlog),
	HOST_TEST(flush_ranges_cover_only_what_was_unmapped),
	HOST_TEST(nothing_unmapped_no_flush),
	HOST_TEST(page_tables_are_freed_after_the_flush),
	HOST_TEST(random_sequences),
};

int main(int argc, char **argv)
{
	host_seed_init(argc, argv);
	host_boot_mm(128 << 20);
	return host_run_tests(tests, sizeof(tests) / sizeof(tests[0]));
}
