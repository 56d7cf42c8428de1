// SPDX-License-Identifier: MIT
/*
 * tests/kernel/buddy_test.c: the buddy page allocator (mm/page_alloc.c)
 * on the real machine. Every case gives back all it took and checks the
 * per-order free counts came back exactly; the host tests
 * (tests/host/buddy_test.c) check the free lists' insides.
 */
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/list.h>
#include <anvil/mm.h>
#include <anvil/slab.h>
#include <anvil/string.h>

struct free_snapshot {
	unsigned long blocks[NR_PAGE_ORDERS];
};

static void snap(struct free_snapshot *s)
{
	for (unsigned int o = 0; o <= MAX_ORDER; o++)
		s->blocks[o] = nr_free_blocks(o);
}

static bool same(const struct free_snapshot *a, const struct free_snapshot *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/*
 * Take every free page, biggest blocks first, chaining them through
 * page->lru (ours while we hold them) with the order in page->private.
 */
static unsigned long exhaust(struct list_head *held)
{
	unsigned long pages = 0;

	for (int o = MAX_ORDER; o >= 0; o--) {
		struct page *p;

		while ((p = alloc_pages(GFP_NOWAIT | __GFP_NOWARN, o))) {
			p->private = o;
			list_add(&p->lru, held);
			pages += 1UL << o;
		}
	}
	return pages;
}

static void release(struct list_head *held)
{
	struct page *p, *n;

	list_for_each_entry_safe(p, n, held, lru) {
		unsigned int order = p->private;

		list_del(&p->lru);
		p->private = 0;
		__free_pages(p, order);
	}
}

static void split_then_merge_restores_counts(struct ktest *t)
{
	struct free_snapshot before, after;
	unsigned int k = 0;
	struct page *p;

	snap(&before);
	while (k < MAX_ORDER && !before.blocks[k])
		k++;
	p = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	snap(&after);
	/* The smallest free block (order k) split: one more of each below. */
	for (unsigned int o = 0; o <= MAX_ORDER; o++)
		KTEST_EXPECT_EQ(t, after.blocks[o],
				before.blocks[o] + (o < k) - (o == k));
	__free_page(p);
	snap(&after);
	KTEST_EXPECT_TRUE(t, same(&before, &after));
}

static void every_order_allocates(struct ktest *t)
{
	unsigned long free = nr_free_pages();

	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		struct page *p = alloc_pages(GFP_KERNEL, o);

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_TRUE(t, IS_ALIGNED(page_to_pfn(p), 1UL << o));
		KTEST_EXPECT_EQ(t, page_ref_count(p), 1);
		KTEST_EXPECT_EQ(t, nr_free_pages(), free - (1UL << o));
		__free_pages(p, o);
		KTEST_EXPECT_EQ(t, nr_free_pages(), free);
	}
	KTEST_EXPECT_TRUE(t, !alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					  MAX_ORDER + 1));
}

static void exhaustion_restores_exactly(struct ktest *t)
{
	struct free_snapshot before, after;
	unsigned long free = nr_free_pages();
	LIST_HEAD(held);

	snap(&before);
	KTEST_EXPECT_EQ(t, exhaust(&held), free);
	KTEST_EXPECT_EQ(t, nr_free_pages(), 0);
	KTEST_EXPECT_TRUE(t, !alloc_page(GFP_NOWAIT | __GFP_NOWARN));
	release(&held);
	snap(&after);
	KTEST_EXPECT_TRUE(t, same(&before, &after));
	ktest_log(t, "took and gave back %lu pages", free);
}

/*
 * With nothing free, GFP_NOWAIT fails at once; GFP_KERNEL reclaims an
 * empty slab (planted here) through the slab shrinker and succeeds.
 */
static void nowait_fails_where_kernel_reclaims(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("buddy_test", 512, 0, 0,
						 NULL);
	struct page *nowait, *kernel;
	LIST_HEAD(held);

	KTEST_ASSERT_NOT_NULL(t, c);
	kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL));
	KTEST_EXPECT_EQ(t, c->nr_free_slabs, 1);
	exhaust(&held);
	nowait = alloc_page(GFP_NOWAIT);	/* warns: one line */
	kernel = alloc_page(GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, nowait == NULL);
	KTEST_EXPECT_TRUE(t, kernel != NULL);
	KTEST_EXPECT_EQ(t, c->nr_free_slabs, 0);
	if (kernel)
		__free_page(kernel);
	release(&held);
	kmem_cache_destroy(c);
}

static void fault_knob_fails_only_nowait(struct ktest *t)
{
	struct page *p;

	page_alloc_fail_nowait.fail_next = 1;
	p = alloc_page(GFP_KERNEL);		/* may reclaim: not failed */
	KTEST_EXPECT_TRUE(t, p != NULL);
	if (p)
		__free_page(p);
	p = alloc_page(GFP_NOWAIT | __GFP_NOWARN);
	KTEST_EXPECT_TRUE(t, p == NULL);
	p = alloc_page(GFP_NOWAIT | __GFP_NOWARN);
	KTEST_EXPECT_TRUE(t, p != NULL);
	if (p)
		__free_page(p);

	page_alloc_fail_nowait.fail_every = 2;
	page_alloc_fail_nowait.seen = 0;
	for (int i = 1; i <= 6; i++) {
		p = alloc_page(GFP_NOWAIT | __GFP_NOWARN);
		KTEST_EXPECT_EQ(t, p == NULL, i % 2 == 0);
		if (p)
			__free_page(p);
	}
	KTEST_EXPECT_EQ(t, page_alloc_fail_nowait.injected, 1 + 3);
	memset(&page_alloc_fail_nowait, 0, sizeof(page_alloc_fail_nowait));
}

static void gfp_zero_gives_zeroed_pages(struct ktest *t)
{
	struct page *p = alloc_pages(GFP_KERNEL, 2);
	unsigned long bad = 0;
	u8 *v;

	KTEST_ASSERT_NOT_NULL(t, p);
	memset(page_address(p), 0xff, 4 * PAGE_SIZE);
	__free_pages(p, 2);
	p = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2); /* LIFO: same block */
	KTEST_ASSERT_NOT_NULL(t, p);
	v = page_address(p);
	for (unsigned long i = 0; i < 4 * PAGE_SIZE; i++)
		bad += v[i] != 0;
	KTEST_EXPECT_EQ(t, bad, 0);
	__free_pages(p, 2);
}

static void double_free_is_detected(struct ktest *t)
{
	unsigned long reports = bad_page_reports;
	struct free_snapshot before, after;
	struct page *p = alloc_pages(GFP_KERNEL, 1);

	KTEST_ASSERT_NOT_NULL(t, p);
	__free_pages(p, 1);
	snap(&before);
	__free_pages(p, 1);			/* reported, ignored */
	snap(&after);
	KTEST_EXPECT_EQ(t, bad_page_reports, reports + 1);
	KTEST_EXPECT_TRUE(t, same(&before, &after));
	p = alloc_pages(GFP_KERNEL, 1);		/* still works */
	KTEST_ASSERT_NOT_NULL(t, p);
	__free_pages(p, 1);
	snap(&after);
	KTEST_EXPECT_TRUE(t, same(&before, &after));
}

static void compound_page_freed_by_last_put(struct ktest *t)
{
	unsigned long free = nr_free_pages();
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, PageHead(p) && PageTail(p + 3));
	KTEST_EXPECT_TRUE(t, compound_head(p + 3) == p);
	KTEST_EXPECT_EQ(t, compound_order(p), 2);
	get_page(p + 1);
	put_page(p + 2);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free - 4);
	put_page(p);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free);
}

KTEST_SUITE(buddy, "buddy",
	    KTEST_CASE(split_then_merge_restores_counts),
	    KTEST_CASE(every_order_allocates),
	    KTEST_CASE(exhaustion_restores_exactly),
	    KTEST_CASE(nowait_fails_where_kernel_reclaims),
	    KTEST_CASE(fault_knob_fails_only_nowait),
	    KTEST_CASE(gfp_zero_gives_zeroed_pages),
	    KTEST_CASE(double_free_is_detected),
	    KTEST_CASE(compound_page_freed_by_last_put));
