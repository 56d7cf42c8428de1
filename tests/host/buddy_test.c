// SPDX-License-Identifier: MIT
/*
 * tests/host/buddy_test.c: the buddy allocator (mm/page_alloc.c) on a
 * 48 MiB host "machine" booted through memblock and mm_init().
 *
 * Fixed cases check one behaviour each; randomized_alloc_free runs a
 * seeded random sequence against a shadow model, checking every free
 * list invariant (invariants.c) after each step.
 */
#include <stdlib.h>
#include <string.h>

#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/slab.h>

#include "../../mm/internal.h"
/* mm/mm_init.c */
extern struct page *zero_page;

#include "host.h"

#define RAM (48 * SZ_1M)

struct snapshot {
	unsigned long blocks[NR_PAGE_ORDERS];
};

static void snap(struct snapshot *s)
{
	for (unsigned int o = 0; o <= MAX_ORDER; o++)
		s->blocks[o] = nr_free_blocks(o);
}

static bool same(const struct snapshot *a, const struct snapshot *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/* Take every free page (biggest blocks first) onto @held; count them. */
static unsigned long exhaust(struct list_head *held)
{
	unsigned long pages = 0;

	for (int o = MAX_ORDER; o >= 0; o--) {
		struct page *p;

		while ((p = alloc_pages(GFP_NOWAIT | __GFP_NOWARN, o))) {
			p->private = o;	/* ours while allocated */
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

static void boot_gives_free_ram_to_buddy(void)
{
	unsigned long expect = 640 / 4 - 1 + (RAM - 3 * SZ_1M) / PAGE_SIZE;

	CHECK_OK(buddy_check());
	CHECK_EQ(max_pfn, RAM / PAGE_SIZE);
	/* RAM less pfn 0, the "kernel" and mem_map (memblock's first). */
	expect -= DIV_ROUND_UP(max_pfn * sizeof(struct page), PAGE_SIZE);
	CHECK_EQ(totalram_pages(), expect);
	/* All of it free, but the zero page mm_init() keeps for reads. */
	CHECK_EQ(nr_free_pages(), totalram_pages() - 1);
	CHECK_EQ(page_ref_count(zero_page), 1);
	CHECK(PageReserved(pfn_to_page(0)));
	CHECK(PageReserved(pfn_to_page(SZ_1M / PAGE_SIZE)));	/* image */
	CHECK(PageReserved(pfn_to_page(700 * SZ_1K / PAGE_SIZE))); /* hole */
	CHECK(PageReserved(virt_to_page(mem_map)));
	CHECK(HOST_PANICS(memblock_alloc(64, 8)));
}

static void split_then_merge_restores_counts(void)
{
	struct snapshot before, after;
	unsigned int k = 0;
	struct page *p;

	snap(&before);
	while (!before.blocks[k])
		k++;
	p = alloc_page(GFP_KERNEL);
	CHECK(p);
	snap(&after);
	/* One order-k block split: one block of each order below k left. */
	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		long want = before.blocks[o] + (o < k) - (o == k);

		CHECK_EQ(after.blocks[o], want);
	}
	CHECK_OK(buddy_check());
	__free_page(p);
	snap(&after);
	CHECK(same(&before, &after));
	CHECK_OK(buddy_check());
}

static void every_order_allocates(void)
{
	unsigned long free = nr_free_pages();

	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		struct page *p = alloc_pages(GFP_KERNEL, o);

		CHECK(p);
		CHECK(IS_ALIGNED(page_to_pfn(p), 1UL << o));
		CHECK_EQ(page_ref_count(p), 1);
		CHECK_EQ(nr_free_pages(), free - (1UL << o));
		CHECK_OK(buddy_check());
		__free_pages(p, o);
		CHECK_EQ(nr_free_pages(), free);
	}
	CHECK(!alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER + 1));
	CHECK_EQ(host_warnings, 0);
	CHECK(!alloc_pages(GFP_KERNEL, MAX_ORDER + 1));
	CHECK_EQ(host_warnings, 1);
	host_warnings = 0;
}

static void exhaustion_then_free_restores_exactly(void)
{
	struct snapshot before, after;
	LIST_HEAD(held);
	unsigned long free = nr_free_pages();

	snap(&before);
	CHECK_EQ(exhaust(&held), free);
	CHECK_EQ(nr_free_pages(), 0);
	CHECK(!alloc_page(GFP_NOWAIT | __GFP_NOWARN));
	CHECK_OK(buddy_check());
	release(&held);
	snap(&after);
	CHECK(same(&before, &after));
	CHECK_OK(buddy_check());
}

static void nowait_fails_where_kernel_reclaims(void)
{
	struct kmem_cache *c = kmem_cache_create("reclaimable", 512, 0, 0,
						 NULL);
	struct page *p;
	LIST_HEAD(held);

	CHECK(c);
	kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL));
	CHECK_EQ(c->nr_free_slabs, 1);	/* an empty slab, kept */
	exhaust(&held);
	CHECK(!alloc_page(GFP_NOWAIT));
	CHECK(host_log_contains("page allocation failure: order:0"));
	CHECK(host_log_contains("GFP_NOWAIT"));
	CHECK_EQ(c->nr_free_slabs, 1);	/* NOWAIT never reclaims */
	p = alloc_page(GFP_KERNEL);
	CHECK(p);
	CHECK_EQ(c->nr_free_slabs, 0);	/* the shrinker gave it back */
	__free_page(p);
	release(&held);
	kmem_cache_destroy(c);
	CHECK_OK(buddy_check());
}

static void fault_knob_fails_only_nowait(void)
{
	struct page *p;

	page_alloc_fail_nowait.fail_next = 2;
	CHECK(!alloc_page(GFP_NOWAIT | __GFP_NOWARN));
	CHECK(!alloc_page(GFP_NOWAIT));
	CHECK(host_log_contains("(injected)"));
	p = alloc_page(GFP_NOWAIT);
	CHECK(p);
	__free_page(p);
	page_alloc_fail_nowait.fail_next = 1;
	p = alloc_page(GFP_KERNEL);
	CHECK(p);
	__free_page(p);
	CHECK_EQ(page_alloc_fail_nowait.fail_next, 1);
	page_alloc_fail_nowait.fail_next = 0;

	page_alloc_fail_nowait.fail_every = 3;
	page_alloc_fail_nowait.seen = 0;
	for (int i = 1; i <= 9; i++) {
		p = alloc_page(GFP_NOWAIT | __GFP_NOWARN);
		CHECK(!p == (i % 3 == 0));
		if (p)
			__free_page(p);
	}
	CHECK_EQ(page_alloc_fail_nowait.injected, 2 + 3);
	memset(&page_alloc_fail_nowait, 0, sizeof(page_alloc_fail_nowait));
}

static void gfp_zero_gives_zeroed_pages(void)
{
	struct page *p = alloc_pages(GFP_KERNEL, 2);
	unsigned long addr;
	u8 *v;

	CHECK(p);
	memset(page_address(p), 0xff, 4 * PAGE_SIZE);
	__free_pages(p, 2);
	p = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2); /* LIFO: same block */
	CHECK(p);
	v = page_address(p);
	for (unsigned long i = 0; i < 4 * PAGE_SIZE; i++)
		CHECK(v[i] == 0);
	memset(v, 0xff, PAGE_SIZE);
	__free_pages(p, 2);
	addr = get_zeroed_page(GFP_KERNEL);
	CHECK(addr);
	for (unsigned long i = 0; i < PAGE_SIZE; i++)
		CHECK(((u8 *)addr)[i] == 0);
	free_page(addr);
}

static void double_free_is_reported(void)
{
	unsigned long reports = bad_page_reports, stacks = host_dump_stacks;
	struct snapshot before, after;
	struct page *p = alloc_pages(GFP_KERNEL, 3);

	CHECK(p);
	__free_pages(p, 3);
	snap(&before);
	__free_pages(p, 3);
	CHECK_EQ(bad_page_reports, reports + 1);
	CHECK_EQ(host_dump_stacks, stacks + 1);
	CHECK(host_log_contains("double free"));
	snap(&after);
	CHECK(same(&before, &after));
	CHECK_OK(buddy_check());
	p = alloc_page(GFP_KERNEL);
	__free_page(p);
	__free_page(p);
	CHECK_EQ(bad_page_reports, reports + 2);
	CHECK_OK(buddy_check());
}

static void bad_frees_are_reported(void)
{
	unsigned long reports = bad_page_reports, free = nr_free_pages();
	struct page *p;

	__free_page(pfn_to_page(0));			/* reserved */
	CHECK_EQ(bad_page_reports, reports + 1);
	CHECK_EQ(page_ref_count(pfn_to_page(0)), 1);

	p = alloc_page(GFP_KERNEL);
	__free_pages(p, MAX_ORDER + 1);			/* bad order */
	CHECK_EQ(bad_page_reports, reports + 2);
	p->_mapcount = 0;				/* still mapped */
	__free_page(p);
	CHECK_EQ(bad_page_reports, reports + 3);
	CHECK(host_log_contains("still mapped"));
	p->_mapcount = -1;				/* repair, free */
	p->_refcount = 1;
	__free_page(p);

	p = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	__free_pages(p, 1);				/* wrong order */
	CHECK_EQ(bad_page_reports, reports + 4);
	p->_refcount = 1;
	__free_pages(p, 2);
	CHECK_EQ(bad_page_reports, reports + 4);
	CHECK_EQ(nr_free_pages(), free);
	CHECK_OK(buddy_check());
}

static void compound_pages_and_put_page(void)
{
	unsigned long free = nr_free_pages();
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);

	CHECK(p);
	CHECK(PageHead(p));
	CHECK_EQ(compound_order(p), 3);
	for (int i = 1; i < 8; i++)
		CHECK(PageTail(p + i) && compound_head(p + i) == p);
	CHECK(virt_to_head_page((char *)page_address(p) + 5 * PAGE_SIZE) == p);
	get_page(p + 3);
	CHECK_EQ(page_ref_count(p), 2);
	put_page(p + 6);
	CHECK_EQ(nr_free_pages(), free - 8);
	put_page(p);
	CHECK_EQ(nr_free_pages(), free);
	CHECK(!PageHead(p) && !PageTail(p + 1));
	CHECK_OK(buddy_check());
}

/* ---- randomized, against a shadow model --------------------------- */

struct held_block {
	struct page *page;
	unsigned int order;
	u8 tag;
};

static unsigned char *owner;	/* per pfn: 1 if the test holds it */

/* Stamp or verify each page's first and last byte with the block's tag. */
static bool stamp(struct held_block *h, bool verify)
{
	for (unsigned long i = 0; i < (1UL << h->order); i++) {
		u8 *v = page_address(h->page + i);

		if (verify && (v[0] != h->tag || v[PAGE_SIZE - 1] != h->tag))
			return false;
		v[0] = v[PAGE_SIZE - 1] = h->tag;
	}
	return true;
}

static const char *claim(struct held_block *h, bool mark)
{
	unsigned long pfn = page_to_pfn(h->page);

	for (unsigned long i = 0; i < (1UL << h->order); i++) {
		if (mark && owner[pfn + i])
			return "allocator handed out a page twice";
		owner[pfn + i] = mark;
	}
	return NULL;
}

/* NULL from a NOWAIT allocation is right only if no block was big enough. */
static bool failure_is_honest(unsigned int order)
{
	for (unsigned int o = order; o <= MAX_ORDER; o++)
		if (nr_free_blocks(o))
			return false;
	return true;
}

static unsigned int random_order(void)
{
	unsigned int o = 0;

	while (o < MAX_ORDER && host_rand_below(3) == 0)
		o++;
	return o;
}

static const char *shadow_agrees(struct held_block *held, unsigned long n,
				 unsigned long baseline)
{
	unsigned long pages = 0;

	for (unsigned long i = 0; i < n; i++)
		pages += 1UL << held[i].order;
	if (nr_free_pages() + pages != baseline)
		return "free + held != free at start";
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		if (owner[pfn] && buddy_pfn_is_free(pfn))
			return "a held page is in a free block";
	return NULL;
}

static void randomized_alloc_free(void)
{
	enum { CAP = 2048 };
	static struct held_block held[CAP];
	unsigned long n = 0, steps = host_steps(20000), baseline;
	struct snapshot before, after;

	owner = calloc(max_pfn, 1);
	baseline = nr_free_pages();
	snap(&before);
	for (unsigned long step = 0; step < steps; step++) {
		bool alloc = n < CAP && host_rand_below(100) < 55;

		if (alloc) {
			struct held_block *h = &held[n];
			gfp_t gfp = GFP_NOWAIT | __GFP_NOWARN;

			if (!host_rand_below(4))
				gfp |= __GFP_ZERO;
			if (!host_rand_below(8))
				gfp |= __GFP_COMP;
			h->order = random_order();
			h->tag = host_rand();
			h->page = alloc_pages(gfp, h->order);
			if (!h->page) {
				CHECK(failure_is_honest(h->order));
			} else {
				u8 *v = page_address(h->page);

				CHECK_OK(claim(h, true));
				CHECK(!(gfp & __GFP_ZERO) ||
				      (!v[0] && !v[PAGE_SIZE - 1]));
				stamp(h, false);
				n++;
			}
		} else if (n) {
			unsigned long i = host_rand_below(n);

			CHECK(stamp(&held[i], true));
			claim(&held[i], false);
			__free_pages(held[i].page, held[i].order);
			held[i] = held[--n];
		}
		CHECK_OK(buddy_check());
		CHECK_OK(shadow_agrees(held, n, baseline));
	}
	while (n) {
		n--;
		claim(&held[n], false);
		__free_pages(held[n].page, held[n].order);
	}
	snap(&after);
	CHECK(same(&before, &after));
	CHECK_OK(buddy_check());
	free(owner);
}

static const struct host_test tests[] = {
	HOST_TEST(boot_gives_free_ram_to_buddy),
	HOST_TEST(split_then_merge_restores_counts),
	HOST_TEST(every_order_allocates),
	HOST_TEST(exhaustion_then_free_restores_exactly),
	HOST_TEST(nowait_fails_where_kernel_reclaims),
	HOST_TEST(fault_knob_fails_only_nowait),
	HOST_TEST(gfp_zero_gives_zeroed_pages),
	HOST_TEST(double_free_is_reported),
	HOST_TEST(bad_frees_are_reported),
	HOST_TEST(compound_pages_and_put_page),
	HOST_TEST(randomized_alloc_free),
};

int main(int argc, char **argv)
{
	host_seed_init(argc, argv);
	host_boot_mm(RAM);
	return host_run_tests(tests, ARRAY_SIZE(tests));
}
