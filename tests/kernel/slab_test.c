// SPDX-License-Identifier: MIT
/*
 * tests/kernel/slab_test.c: the slab allocator (mm/slab.c) on the real
 * machine: reuse order, alignment, kmalloc size classes, the debug
 * checks (each planted corruption must be reported and counted in
 * slab_corruption_reports, and the kernel must go on), and shrinking.
 * The host tests (tests/host/slab_test.c) add a long randomized run.
 */
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/slab.h>
#include <anvil/string.h>

/* Poison, red zones and the double-free check are debug-build only. */
static bool debug_checks_on(struct ktest *t)
{
#ifdef CONFIG_DEBUG
	return true;
#else
	ktest_skip(t, "slab debug checks are on in debug builds only");
	return false;
#endif
}

static void object_reuse_is_lifo(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("slab_test", 40, 0, 0, NULL);
	void *a, *b, *again;

	KTEST_ASSERT_NOT_NULL(t, c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, a && b && a != b);
	KTEST_EXPECT_EQ(t, c->nr_inuse, 2);
	kmem_cache_free(c, b);
	again = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, again == b);
	kmem_cache_free(c, again);
	kmem_cache_free(c, a);
	KTEST_EXPECT_EQ(t, c->nr_inuse, 0);
	kmem_cache_destroy(c);
}

static void objects_are_aligned(struct ktest *t)
{
	static const size_t aligns[] = { 8, 16, 64, 256, 1024 };

	for (size_t i = 0; i < ARRAY_SIZE(aligns); i++) {
		struct kmem_cache *c = kmem_cache_create("slab_test", 50,
							 aligns[i], 0, NULL);
		void *objs[8];

		KTEST_ASSERT_NOT_NULL(t, c);
		for (int j = 0; j < 8; j++) {
			objs[j] = kmem_cache_alloc(c, GFP_KERNEL);
			KTEST_EXPECT_TRUE(t, IS_ALIGNED((unsigned long)objs[j],
							aligns[i]));
		}
		for (int j = 0; j < 8; j++)
			kmem_cache_free(c, objs[j]);
		kmem_cache_destroy(c);
	}
}

static void kmalloc_size_classes_and_ksize(struct ktest *t)
{
	static const struct { size_t size, ksize; } cases[] = {
		{ 1, 8 }, { 8, 8 }, { 9, 16 }, { 24, 32 }, { 100, 128 },
		{ 1000, 1024 }, { 4096, 4096 }, { 4097, 8192 },
		{ 10000, 16384 },
	};

	KTEST_EXPECT_TRUE(t, kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		void *p = kmalloc(cases[i].size, GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_EQ(t, ksize(p), cases[i].ksize);
		memset(p, 0x5a, ksize(p));	/* all of it is usable */
		kfree(p);
	}
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
}

static void poison_catches_use_after_free(struct ktest *t)
{
	unsigned long reports = slab_corruption_reports;
	struct kmem_cache *c;
	u8 *p, *q;

	if (!debug_checks_on(t))
		return;
	c = kmem_cache_create("slab_test_uaf", 64, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(t, c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	p[10] = 0x42;				/* a write after free */
	q = kmem_cache_alloc(c, GFP_KERNEL);	/* checks the poison */
	KTEST_EXPECT_TRUE(t, q == p);
	KTEST_EXPECT_EQ(t, slab_corruption_reports, reports + 1);
	kmem_cache_free(c, q);		/* repaired: no new report */
	KTEST_EXPECT_EQ(t, slab_corruption_reports, reports + 1);
	kmem_cache_destroy(c);
}

static void red_zone_catches_overflow(struct ktest *t)
{
	unsigned long reports = slab_corruption_reports;
	u8 *p;

	if (!debug_checks_on(t))
		return;
	p = kmalloc(64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	p[64] = 0;				/* one past the end */
	kfree(p);				/* checks the red zones */
	KTEST_EXPECT_EQ(t, slab_corruption_reports, reports + 1);
	p = kmalloc(64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	p[-1] = 0;				/* one before the start */
	kfree(p);
	KTEST_EXPECT_EQ(t, slab_corruption_reports, reports + 2);
}

static void double_free_is_detected(struct ktest *t)
{
	unsigned long reports = slab_corruption_reports;
	struct kmem_cache *c;
	void *keep, *p, *other;

	if (!debug_checks_on(t))
		return;
	c = kmem_cache_create("slab_test_twice", 128, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(t, c);
	keep = kmem_cache_alloc(c, GFP_KERNEL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	kmem_cache_free(c, p);			/* reported, ignored */
	KTEST_EXPECT_EQ(t, slab_corruption_reports, reports + 1);
	KTEST_EXPECT_EQ(t, c->nr_inuse, 1);
	p = kmem_cache_alloc(c, GFP_KERNEL);	/* p comes back once... */
	other = kmem_cache_alloc(c, GFP_KERNEL);	/* ...not twice */
	KTEST_EXPECT_TRUE(t, other != p);
	kmem_cache_free(c, other);
	kmem_cache_free(c, p);
	kmem_cache_free(c, keep);
	KTEST_EXPECT_EQ(t, c->nr_inuse, 0);
	kmem_cache_destroy(c);
	KTEST_EXPECT_EQ(t, slab_corruption_reports, reports + 1);
}

static void shrink_returns_pages_to_buddy(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("slab_test", 1000, 0, 0,
						 NULL);
	unsigned long free, pages;
	void *objs[32];

	KTEST_ASSERT_NOT_NULL(t, c);
	for (int i = 0; i < 32; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_TRUE(t, c->nr_slabs >= 2);
	for (int i = 0; i < 32; i++)
		kmem_cache_free(c, objs[i]);
	KTEST_EXPECT_EQ(t, c->nr_inuse, 0);
	KTEST_EXPECT_TRUE(t, c->nr_free_slabs >= 1);
	free = nr_free_pages();
	pages = c->nr_free_slabs << c->order;
	KTEST_EXPECT_EQ(t, kmem_cache_shrink(c), pages);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free + pages);
	KTEST_EXPECT_EQ(t, c->nr_slabs, 0);
	kmem_cache_destroy(c);
}

KTEST_SUITE(slab, "slab",
	    KTEST_CASE(object_reuse_is_lifo),
	    KTEST_CASE(objects_are_aligned),
	    KTEST_CASE(kmalloc_size_classes_and_ksize),
	    KTEST_CASE(poison_catches_use_after_free),
	    KTEST_CASE(red_zone_catches_overflow),
	    KTEST_CASE(double_free_is_detected),
	    KTEST_CASE(shrink_returns_pages_to_buddy));
