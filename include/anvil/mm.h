/* SPDX-License-Identifier: MIT */
/*
 * Physical memory: struct page, the mem_map array, and the conversions
 * between page frame numbers, struct pages and direct-map addresses.
 *
 *	pfn  <-- page_to_pfn / pfn_to_page -->  struct page
 *	 |                                          |
 *	 | << PAGE_SHIFT                            | page_address
 *	 v                                          v
 *	phys --- __va() / __pa() (<asm/page.h>) --> virtual (direct map)
 *
 * mm_init() (mm/mm_init.c) builds mem_map from memblock and starts the
 * buddy allocator (mm/page_alloc.c, interface in <anvil/gfp.h>) and the
 * slab allocator (mm/slab.c, <anvil/slab.h>). docs/mm-allocators.md
 * tells the whole story.
 */
#ifndef ANVIL_MM_H
#define ANVIL_MM_H

#include <anvil/compiler.h>
#include <anvil/gfp.h>
#include <anvil/list.h>
#include <anvil/types.h>
#include <asm/page.h>

/*
 * The largest buddy block is 2^MAX_ORDER pages: 4 MiB with 4 KiB pages.
 * That holds anything the kernel wants contiguous (a 2 MiB x86 large
 * page is order 9), keeps a merge walk to at most 10 steps, and is small
 * enough that RAM split by firmware holes still forms many top blocks.
 */
/* Round an address up to the next page boundary (itself if aligned). */
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)

#define MAX_ORDER 10
#define NR_PAGE_ORDERS (MAX_ORDER + 1)

/*
 * Page flags, bit numbers in page->flags. Plain (non-atomic) updates for
 * now: every writer holds the zone's interrupts-off section or owns the
 * page. Atomic bitops arrive with SMP.
 */
enum pageflags {
	PG_reserved,	/* not managed by the buddy allocator, ever */
	PG_buddy,	/* head of a free block in a free list */
	PG_slab,	/* (head) page of a slab; slab fields valid */
	PG_head,	/* first page of a compound (__GFP_COMP) block */
	PG_tail,	/* other pages of one; compound_head valid */
	PG_anon,	/* anonymous: set when first mapped, until freed
			 * (Linux keeps this in page->mapping's low bit) */
	PG_dirty,	/* page cache: written through a shared mapping */
	NR_PAGEFLAGS,
};

struct kmem_cache;

/*
 * struct page: one per page frame, 64 bytes, in mem_map[pfn].
 *
 * Who may change a field:
 *	[Z] zone lock: interrupts off on the boot CPU until SMP brings a
 *	    real zone->lock (see mm/page_alloc.c)
 *	[S] the slab cache's lock (interrupts off, for now)
 *	[O] the page's owner: whoever allocated it and holds a reference
 */
struct page {
	unsigned long flags;		/* PG_*: [Z], [S] or [O] by state */
	struct list_head lru;		/* [Z] free list while PG_buddy;
					 * [S] cache's slab list while PG_slab;
					 * [O] free for the owner otherwise */
	union {
		struct {		/* allocated pages ([O]), free ([Z]) */
			void *mapping;	/* later: anon_vma or file */
			unsigned long index; /* later: offset in mapping */
			unsigned long private; /* PG_buddy: block order;
						* compound page[1]: order */
		};
		struct {		/* PG_slab ([S]) */
			struct kmem_cache *slab_cache;
			void *freelist;	/* first free object, or NULL */
			unsigned int inuse;   /* objects allocated */
			unsigned int objects; /* objects in this slab */
		};
		struct {		/* PG_tail */
			struct page *compound_head;
		};
	};
	int _refcount;			/* atomic: references; 0 = free */
	int _mapcount;			/* mappings - 1; -1 = unmapped */
	unsigned long _spare;		/* for later work; keeps 64 B */
};
_Static_assert(sizeof(struct page) == 64, "struct page is one cache line");

extern struct page *mem_map;	/* one per pfn in [0, max_pfn) */
extern unsigned long max_pfn;	/* highest RAM pfn + 1 */

#define PAGEFLAG(name, bit)                                                 \
	static inline bool Page##name(const struct page *p)                \
	{                                                                   \
		return p->flags & (1UL << PG_##bit);                        \
	}                                                                   \
	static inline void SetPage##name(struct page *p)                   \
	{                                                                   \
		p->flags |= 1UL << PG_##bit;                                \
	}                                                                   \
	static inline void ClearPage##name(struct page *p)                 \
	{                                                                   \
		p->flags &= ~(1UL << PG_##bit);                             \
	}
PAGEFLAG(Reserved, reserved)
PAGEFLAG(Buddy, buddy)
PAGEFLAG(Slab, slab)
PAGEFLAG(Head, head)
PAGEFLAG(Tail, tail)
PAGEFLAG(Anon, anon)
PAGEFLAG(Dirty, dirty)

/*
 * Mark a page-cache page written through a shared mapping. Faults on
 * several CPUs may do it at once, with nobody owning the page, so this
 * one flag change is atomic (the others have an owner; see above).
 */
static inline void set_page_dirty(struct page *page)
{
	__atomic_fetch_or(&page->flags, 1UL << PG_dirty, __ATOMIC_RELAXED);
}
#undef PAGEFLAG

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

/* Direct-map address of a page (every page is in the direct map). */
static inline void *page_address(const struct page *page)
{
	return __va((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT);
}

/* The page holding a direct-map address (not a kernel-image address). */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

/* For any page of a compound block, its first page. */
static inline struct page *compound_head(struct page *page)
{
	return PageTail(page) ? page->compound_head : page;
}

static inline struct page *virt_to_head_page(const void *addr)
{
	return compound_head(virt_to_page(addr));
}

/* Order of a compound block, from its head; 0 for a plain page. */
static inline unsigned int compound_order(const struct page *head)
{
	return PageHead(head) ? (unsigned int)head[1].private : 0;
}

/* Smallest order whose block holds @size bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static inline int page_ref_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount, __ATOMIC_RELAXED);
}

/*
 * Take another reference to an allocated page; for any page of a
 * compound block it is the head's count. Sharing a block of more than
 * one page this way needs __GFP_COMP, so that put_page() knows its order.
 */
static inline void get_page(struct page *page)
{
	__atomic_add_fetch(&compound_head(page)->_refcount, 1, __ATOMIC_RELAXED);
}

/* Drop a reference; the last one frees the page (or compound block). */
void put_page(struct page *page);

/* Build mem_map, start the buddy and slab allocators (boot CPU, early). */
void mm_init(void);

/* Free pages in the buddy allocator, in all orders. */
unsigned long nr_free_pages(void);
/* Free blocks of exactly this order. */
unsigned long nr_free_blocks(unsigned int order);
/* Pages the buddy allocator manages (free or allocated). */
unsigned long totalram_pages(void);
/* One line: free pages and free blocks per order. */
void show_free_areas(void);

/*
 * Bad page reports (double free, freeing a reserved or mapped page, a
 * bad order, ...): each prints a report with a backtrace and bumps this
 * count, so tests can check a planted mistake was caught.
 */
extern unsigned long bad_page_reports;

/*
 * Shrinkers: caches that can give memory back when an allocation that
 * may reclaim finds nothing free (the slab allocator registers one for
 * its empty slabs). count_objects says how much could go; scan_objects
 * frees up to @nr and returns how many pages went back to the buddy
 * allocator. Both run with interrupts on, from the allocating context.
 */
struct shrinker {
	const char *name;
	unsigned long (*count_objects)(struct shrinker *s);
	unsigned long (*scan_objects)(struct shrinker *s, unsigned long nr);
	struct list_head list;
};
void register_shrinker(struct shrinker *s);
void unregister_shrinker(struct shrinker *s);
/* Ask every shrinker for memory; returns the pages freed. May sleep. */
unsigned long shrink_slab(gfp_t gfp);

#endif /* ANVIL_MM_H */
