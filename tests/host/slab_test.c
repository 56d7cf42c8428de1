// SPDX-License-Identifier: MIT
/*
 * tests/host/slab_test.c: the slab allocator (mm/slab.c) on a 64 MiB
 * host "machine": reuse, alignment, kmalloc size classes, the debug
 * checks (poison, red zones, double and bad frees, each counted in
 * slab_corruption_reports rather than stopping anything), shrinking,
 * and a seeded random alloc/free run with pattern fills.
 */
#include <stdlib.h>
#include <string.h>

#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/slab.h>

#include "../../mm/internal.h"
#include "host.h"

#define RAM (64 * SZ_1M)

#ifdef CONFIG_DEBUG
#define NEED_DEBUG() ((void)0)
#else
#define NEED_DEBUG()                                                        \
	do {                                                                \
		host_skip("poison and red zones are debug-build only");     \
		return;                                                     \
	} while (0)
#endif

static void object_reuse_is_lifo(void)
{
	struct kmem_cache *c = kmem_cache_create("lifo", 40, 0, 0, NULL);
	void *a, *b, *again;

	CHECK(c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK(a && b && a != b);
	CHECK_EQ(c->nr_inuse, 2);
	CHECK_EQ(c->nr_slabs, 1);
	kmem_cache_free(c, b);
	again = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK(again == b);
	kmem_cache_free(c, a);
	kmem_cache_free(c, again);
	CHECK(kmem_cache_alloc(c, GFP_KERNEL) == again);
	kmem_cache_free(c, again);
	CHECK_EQ(c->nr_inuse, 0);
	CHECK_OK(slab_check());
	kmem_cache_destroy(c);
}

static void objects_are_aligned(void)
{
	static const size_t aligns[] = { 0, 8, 16, 64, 128, 256, 1024 };
	void *objs[40];

	for (size_t i = 0; i < ARRAY_SIZE(aligns); i++) {
		struct kmem_cache *c = kmem_cache_create("aligned", 72 + i,
							 aligns[i], 0, NULL);
		size_t want = aligns[i] ? aligns[i] : sizeof(void *);

		CHECK(c);
		for (int j = 0; j < 40; j++) {
			objs[j] = kmem_cache_alloc(c, GFP_KERNEL);
			CHECK(objs[j] && IS_ALIGNED((uintptr_t)objs[j], want));
		}
		for (int j = 0; j < 40; j++)
			kmem_cache_free(c, objs[j]);
		kmem_cache_destroy(c);
	}
	struct kmem_cache *hw = kmem_cache_create("hw", 10, 0,
						  SLAB_HWCACHE_ALIGN, NULL);
	void *o = kmem_cache_alloc(hw, GFP_KERNEL);

	CHECK(IS_ALIGNED((uintptr_t)o, SLAB_CACHE_LINE));
	kmem_cache_free(hw, o);
	kmem_cache_destroy(hw);
	CHECK_OK(slab_check());
}

static size_t size_class(size_t size)
{
	size_t c = KMALLOC_MIN_SIZE;

	if (size > KMALLOC_MAX_CACHE_SIZE)
		return PAGE_SIZE << get_order(size);
	while (c < size)
		c <<= 1;
	return c;
}

static void kmalloc_size_classes(void)
{
	CHECK(kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	for (size_t size = 1; size <= 3 * PAGE_SIZE; size += 1 + size / 8) {
		void *p = kmalloc(size, GFP_KERNEL);
		size_t align = min(size_class(size), (size_t)SLAB_CACHE_LINE);

		CHECK(p);
		CHECK_EQ(ksize(p), size_class(size));
		if (size > KMALLOC_MAX_CACHE_SIZE)
			align = PAGE_SIZE;
		CHECK(IS_ALIGNED((uintptr_t)p, align));
		memset(p, 0x5a, ksize(p));
		kfree(p);
	}
	CHECK_OK(slab_check());
	CHECK_OK(buddy_check());
}

static void zeroing_allocations_are_zero(void)
{
	struct kmem_cache *c = kmem_cache_create("zero", 200, 0, 0, NULL);
	u8 *p = kmem_cache_alloc(c, GFP_KERNEL);

	memset(p, 0xee, 200);
	kmem_cache_free(c, p);
	p = kmem_cache_zalloc(c, GFP_KERNEL);
	for (int i = 0; i < 200; i++)
		CHECK(p[i] == 0);
	kmem_cache_free(c, p);
	p = kzalloc(5000, GFP_KERNEL);
	for (int i = 0; i < 5000; i++)
		CHECK(p[i] == 0);
	kfree(p);
	kmem_cache_destroy(c);
}

static void use_after_free_write_is_caught(void)
{
	unsigned long reports = slab_corruption_reports;
	struct kmem_cache *c;
	u8 *p, *q;

	NEED_DEBUG();
	c = kmem_cache_create("uaf", 64, 0, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	p[10] = 0x42;				/* write after free */
	CHECK_EQ(slab_corruption_reports, reports);
	q = kmem_cache_alloc(c, GFP_KERNEL);	/* LIFO: the same object */
	CHECK(q == p);
	CHECK_EQ(slab_corruption_reports, reports + 1);
	CHECK(host_log_contains("slab uaf"));
	CHECK(host_log_contains("write after free"));
	CHECK(host_log_contains("offset 10 is 0x42"));
	kmem_cache_free(c, q);		/* clean now: no new report */
	CHECK_EQ(slab_corruption_reports, reports + 1);
	CHECK_OK(slab_check());
	kmem_cache_destroy(c);
}

static void red_zone_catches_overflow(void)
{
	unsigned long reports = slab_corruption_reports;
	struct kmem_cache *c;
	u8 *p;

	NEED_DEBUG();
	c = kmem_cache_create("ovf", 60, 0, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[60] = 'x';				/* one past the end */
	kmem_cache_free(c, p);
	CHECK_EQ(slab_corruption_reports, reports + 1);
	CHECK(host_log_contains("slab ovf"));
	CHECK(host_log_contains("right red zone overwritten: byte at "
				"offset 60"));
	p = kmem_cache_alloc(c, GFP_KERNEL);
	p[-1] = 'y';				/* one before the start */
	kmem_cache_free(c, p);
	CHECK_EQ(slab_corruption_reports, reports + 2);
	CHECK(host_log_contains("left red zone overwritten: byte at "
				"offset -1"));
	p = kmalloc(32, GFP_KERNEL);
	p[32] = 0;
	kfree(p);
	CHECK_EQ(slab_corruption_reports, reports + 3);
	CHECK(host_log_contains("slab kmalloc-32"));
	CHECK_OK(slab_check());
	kmem_cache_destroy(c);
}

static void double_free_is_caught(void)
{
	unsigned long reports = slab_corruption_reports;
	struct kmem_cache *c;
	void *p, *q;

	NEED_DEBUG();
	c = kmem_cache_create("twice", 128, 0, 0, NULL);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	q = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p);
	kmem_cache_free(c, p);
	CHECK_EQ(slab_corruption_reports, reports + 1);
	CHECK(host_log_contains("double free"));
	CHECK_EQ(c->nr_inuse, 1);
	CHECK_OK(slab_check());
	kmem_cache_free(c, q);
	p = kmalloc(100, GFP_KERNEL);
	kfree(p);
	kfree(p);
	CHECK_EQ(slab_corruption_reports, reports + 2);
	CHECK_OK(slab_check());
	kmem_cache_destroy(c);
}

static void bad_frees_are_caught(void)
{
	unsigned long reports = slab_corruption_reports;
	struct kmem_cache *a = kmem_cache_create("a", 100, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("b", 100, 0, 0, NULL);
	unsigned long page = __get_free_page(GFP_KERNEL);
	u8 *p = kmem_cache_alloc(a, GFP_KERNEL);
	int on_stack;

	kmem_cache_free(a, p + 8);
	CHECK(host_log_contains("not the start of an object"));
	kmem_cache_free(b, p);
	CHECK(host_log_contains("object belongs to cache a"));
	kfree((void *)page);
	CHECK(host_log_contains("kmalloc() never gave"));
	kfree(&on_stack);
	CHECK(host_log_contains("outside RAM"));
	CHECK_EQ(slab_corruption_reports, reports + 4);
	CHECK_EQ(a->nr_inuse, 1);
	kmem_cache_destroy(a);		/* one object still in use */
	CHECK_EQ(slab_corruption_reports, reports + 5);
	CHECK(host_log_contains("destroying cache with 1 objects in use"));
	kmem_cache_free(a, p);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
	free_page(page);
	CHECK_OK(slab_check());
}

static unsigned long ctor_calls;

static void ctor_fill(void *obj)
{
	memset(obj, 0x3c, 48);
	ctor_calls++;
}

static void constructed_objects_keep_state(void)
{
	struct kmem_cache *c = kmem_cache_create("ctor", 48, 0, 0, ctor_fill);
	u8 *p;

	CHECK(c);
	ctor_calls = 0;
	p = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK_EQ(ctor_calls, c->objects);	/* the whole slab, once */
	for (int i = 0; i < 48; i++)
		CHECK(p[i] == 0x3c);
	kmem_cache_free(c, p);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK_EQ(ctor_calls, c->objects);
	for (int i = 0; i < 48; i++)
		CHECK(p[i] == 0x3c);	/* free kept the ctor's state */
	kmem_cache_free(c, p);
	kmem_cache_destroy(c);
}

static void shrink_returns_pages_to_buddy(void)
{
	struct kmem_cache *c = kmem_cache_create("shrink", 1000, 0, 0, NULL);
	void *objs[64];
	unsigned long free, pages;

	CHECK(c);
	for (int i = 0; i < 64; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	CHECK(c->nr_slabs >= 3);
	for (int i = 0; i < 64; i++)
		kmem_cache_free(c, objs[i]);
	CHECK_EQ(c->nr_inuse, 0);
	CHECK(c->nr_free_slabs >= 1 && c->nr_free_slabs == c->nr_slabs);
	free = nr_free_pages();
	pages = c->nr_slabs << c->order;
	CHECK_EQ(kmem_cache_shrink(c), pages);
	CHECK_EQ(nr_free_pages(), free + pages);
	CHECK_EQ(c->nr_slabs, 0);
	CHECK_OK(slab_check());
	CHECK_OK(buddy_check());
	kmem_cache_destroy(c);
}

/* ---- randomized --------------------------------------------------- */

struct live {
	u8 *p;
	size_t size;
	struct kmem_cache *c;	/* NULL: kmalloc */
	u8 tag;
};

static struct kmem_cache *caches[4];

static void shrink_all(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
}

static size_t random_size(void)
{
	switch (host_rand_below(4)) {
	case 0: return 1 + host_rand_below(32);
	case 1: return 1 + host_rand_below(512);
	case 2: return 1 + host_rand_below(KMALLOC_MAX_CACHE_SIZE);
	default: return 1 + host_rand_below(3 * KMALLOC_MAX_CACHE_SIZE);
	}
}

static const char *place_ok(struct live *l, struct live *all, unsigned long n)
{
	size_t align = l->c ? l->c->align :
		       l->size > KMALLOC_MAX_CACHE_SIZE ? PAGE_SIZE :
		       min(size_class(l->size), (size_t)SLAB_CACHE_LINE);

	if (!IS_ALIGNED((uintptr_t)l->p, align))
		return "misaligned object";
	if (ksize(l->p) < (l->c ? l->c->object_size : l->size))
		return "ksize smaller than the request";
	for (unsigned long i = 0; i < n; i++)
		if (l->p < all[i].p + all[i].size && all[i].p < l->p + l->size)
			return "two live objects overlap";
	return NULL;
}

static bool contents_survived(const struct live *l)
{
	for (size_t i = 0; i < l->size; i++)
		if (l->p[i] != l->tag)
			return false;
	return true;
}

static void free_live(struct live *l)
{
	if (l->c == caches[3])
		memset(l->p, 0x3c, 48);		/* back to constructed */
	if (l->c)
		kmem_cache_free(l->c, l->p);
	else
		kfree(l->p);
}

static void randomized_alloc_free(void)
{
	enum { CAP = 1500 };
	static struct live live[CAP];
	unsigned long n = 0, steps = host_steps(10000), free, reports;

	caches[0] = kmem_cache_create("rand-24", 24, 0, 0, NULL);
	caches[1] = kmem_cache_create("rand-100", 100, 64, SLAB_HWCACHE_ALIGN,
				      NULL);
	caches[2] = kmem_cache_create("rand-3000", 3000, 8, 0, NULL);
	caches[3] = kmem_cache_create("rand-ctor", 48, 0, 0, ctor_fill);
	shrink_all();
	free = nr_free_pages();
	reports = slab_corruption_reports;
	page_alloc_fail_nowait.fail_every = 23; /* some NOWAITs fail */

	for (unsigned long step = 0; step < steps; step++) {
		if (n < CAP && host_rand_below(100) < 55) {
			struct live *l = &live[n];
			gfp_t gfp = host_rand_below(2) ? GFP_KERNEL :
					GFP_NOWAIT | __GFP_NOWARN;
			unsigned int which = host_rand_below(8);

			l->c = which < 4 ? caches[which] : NULL;
			l->size = l->c ? l->c->object_size : random_size();
			l->p = l->c ? kmem_cache_alloc(l->c, gfp) :
				      kmalloc(l->size, gfp);
			if (!l->p) {
				CHECK(!gfpflags_allow_blocking(gfp));
				continue;
			}
			CHECK_OK(place_ok(l, live, n));
			if (l->c == caches[3])
				CHECK(l->p[0] == 0x3c && l->p[47] == 0x3c);
			l->tag = host_rand();
			memset(l->p, l->tag, l->size);
			n++;
		} else if (n) {
			unsigned long i = host_rand_below(n);

			CHECK(contents_survived(&live[i]));
			free_live(&live[i]);
			live[i] = live[--n];
		}
		if (step % 16 == 0) {
			CHECK_OK(slab_check());
			CHECK_OK(buddy_check());
		}
	}
	while (n)
		free_live(&live[--n]);
	memset(&page_alloc_fail_nowait, 0, sizeof(page_alloc_fail_nowait));
	CHECK_EQ(slab_corruption_reports, reports);
	CHECK_OK(slab_check());
	shrink_all();
	CHECK_EQ(nr_free_pages(), free);	/* every page came back */
	CHECK_OK(buddy_check());
	for (unsigned int i = 0; i < 4; i++) {
		CHECK_EQ(caches[i]->nr_inuse, 0);
		kmem_cache_destroy(caches[i]);
	}
}

static const struct host_test tests[] = {
	HOST_TEST(object_reuse_is_lifo),
	HOST_TEST(objects_are_aligned),
	HOST_TEST(kmalloc_size_classes),
	HOST_TEST(zeroing_allocations_are_zero),
	HOST_TEST(use_after_free_write_is_caught),
	HOST_TEST(red_zone_catches_overflow),
	HOST_TEST(double_free_is_caught),
	HOST_TEST(bad_frees_are_caught),
	HOST_TEST(constructed_objects_keep_state),
	HOST_TEST(shrink_returns_pages_to_buddy),
	HOST_TEST(randomized_alloc_free),
};

int main(int argc, char **argv)
{
	host_seed_init(argc, argv);
	host_boot_mm(RAM);
	return host_run_tests(tests, ARRAY_SIZE(tests));
}
