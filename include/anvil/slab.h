/* SPDX-License-Identifier: MIT */
/*
 * The slab allocator: small objects carved out of pages (mm/slab.c).
 *
 * A kmem_cache hands out objects of one size. It gets whole pages from
 * the buddy allocator (<anvil/gfp.h>), cuts each into objects (a slab)
 * and keeps its slabs on three lists: partial, full and free (empty).
 * Empty slabs stay cached until kmem_cache_shrink() or memory pressure
 * (the slab shrinker) gives them back.
 *
 * kmalloc() serves any size from power-of-two caches, kmalloc-8 up to
 * kmalloc-4096; bigger requests go straight to the page allocator.
 *
 * Debug builds (CONFIG_DEBUG) surround every object with red zones and
 * poison free objects, and check both; see docs/mm-allocators.md for a
 * picture of the layout.
 */
#ifndef ANVIL_SLAB_H
#define ANVIL_SLAB_H

#include <anvil/gfp.h>
#include <anvil/list.h>
#include <anvil/spinlock.h>
#include <anvil/types.h>

/* kmem_cache_create() flags. */
#define SLAB_HWCACHE_ALIGN 0x01UL /* align objects to a cache line */
#define SLAB_PANIC	   0x02UL /* panic if creation fails */
#define SLAB_RED_ZONE	   0x04UL /* guard bytes around each object */
#define SLAB_POISON	   0x08UL /* fill free objects with a pattern */
#define SLAB_NO_DEBUG	   0x10UL /* no red zone/poison even in debug */
/*
 * Type-stable memory: a freed object's memory stays an object of this
 * cache for good (its slabs never go back to the buddy allocator, and it
 * is not poisoned), so a lockless reader holding a stale pointer may
 * still read it, e.g. atomic_inc_not_zero() on its refcount, and then
 * recheck that it is the object it wanted. Linux's SLAB_TYPESAFE_BY_RCU
 * without the RCU grace period, which anvil does not have.
 */
#define SLAB_TYPESAFE	   0x20UL

/* A cache line on every arch anvil runs on is at most this many bytes. */
#define SLAB_CACHE_LINE 64

/* Debug patterns, the bytes Linux uses so a dump looks familiar. */
#define POISON_FREE	  0x6b /* every byte of a free object... */
#define POISON_END	  0xa5 /* ...except the last */
#define SLAB_RED_INACTIVE 0xbb /* red zone of a free object */
#define SLAB_RED_ACTIVE	  0xcc /* red zone of an allocated object */

/* kmalloc(0) returns this: not NULL (no failure), but faults if used. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(p) ((unsigned long)(p) <= (unsigned long)ZERO_SIZE_PTR)

#define KMALLOC_MIN_SIZE 8
#define KMALLOC_MAX_CACHE_SIZE 4096

/*
 * One cache. Fields are read-only after kmem_cache_create() except
 * those marked [S]: the cache lock, which is interrupts off on this CPU
 * until SMP brings a spinlock. Outside mm/slab.c, read only.
 */
struct kmem_cache {
	const char *name;
	unsigned int object_size; /* what the user asked for */
	unsigned int size;	  /* bytes per slot, metadata included */
	unsigned int align;	  /* object alignment */
	unsigned int red_left;	  /* left red zone: object = slot + it */
	unsigned int free_offset; /* free pointer, from the object's start */
	unsigned int order;	  /* a slab is 2^order pages */
	unsigned int objects;	  /* objects per slab */
	unsigned long flags;	  /* SLAB_* */
	void (*ctor)(void *obj);

	spinlock_t lock;		/* [S]: guards the lists and counts */
	struct list_head slabs_partial; /* [S] some objects free */
	struct list_head slabs_full;	/* [S] none free */
	struct list_head slabs_free;	/* [S] all free, kept for reuse */
	unsigned long nr_slabs;		/* [S] on the three lists */
	unsigned long nr_free_slabs;	/* [S] on slabs_free */
	unsigned long nr_inuse;		/* [S] objects allocated */
	struct list_head list;		/* in slab_caches */
};

/*
 * kmem_cache_create - make a cache of @size-byte objects.
 * @align: minimum alignment (0: pointer size); rounded up to a power of 2
 * @flags: SLAB_*
 * @ctor: run on each object when its slab is created; objects must be
 *        freed back in their constructed state
 *
 * Returns the cache, or NULL (or panics with SLAB_PANIC). May sleep.
 * @name is not copied: it must outlive the cache.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned long flags,
				     void (*ctor)(void *));
/* Destroy an empty cache; objects still allocated are reported (leaked). */
void kmem_cache_destroy(struct kmem_cache *cache);
/* Return the cache's empty slabs to the buddy allocator; returns pages. */
unsigned long kmem_cache_shrink(struct kmem_cache *cache);

/*
 * kmem_cache_alloc - an object, or NULL. May reclaim (and later sleep)
 * only with __GFP_DIRECT_RECLAIM in @gfp; __GFP_ZERO zeroes it.
 */
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t gfp);
/* Give back an object; NULL is ignored. Never sleeps. */
void kmem_cache_free(struct kmem_cache *cache, void *obj);

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
/* Free kmalloc() memory; NULL and ZERO_SIZE_PTR are ignored. */
void kfree(const void *obj);
/* Usable size of a kmalloc() object (its size class, >= what was asked). */
size_t ksize(const void *obj);

/* Set up the caches kmalloc needs; mm_init() calls it. */
void kmem_cache_init(void);

/*
 * Pages in every cache's slabs, empty ones included (/proc/meminfo's
 * Slab). kmalloc's large blocks, straight from the page allocator, are
 * not counted. Takes the cache list's lock; never sleeps.
 */
unsigned long slab_total_pages(void);

/*
 * Corruption found by the debug checks (a use-after-free write in a
 * poisoned object, an overflow into a red zone, a double or bad free):
 * each prints a report with a backtrace and bumps this count, so tests
 * can plant one and check it was caught without stopping the kernel.
 */
extern unsigned long slab_corruption_reports;

#endif /* ANVIL_SLAB_H */
