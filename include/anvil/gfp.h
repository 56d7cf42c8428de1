/* SPDX-License-Identifier: MIT */
/*
 * The page allocator's interface: get free pages, give them back, and
 * say (with gfp flags) what the allocator may do to find them.
 *
 * The buddy allocator itself is mm/page_alloc.c; struct page and the
 * pfn/page/virtual conversions are in <anvil/mm.h>; small objects come
 * from the slab allocator in <anvil/slab.h>.
 *
 * gfp ("get free pages") flags are a contract between caller and
 * allocator. The one that matters most is __GFP_DIRECT_RECLAIM:
 *
 *	GFP_KERNEL	the caller may sleep. When no block is free the
 *			allocator reclaims (today: empty slabs, through the
 *			shrinkers; later: page reclaim) and retries.
 *	GFP_NOWAIT	the caller must not sleep (interrupts off, a
 *			spinlock held, an mmu_gather batch). The allocator
 *			never reclaims; it fails at once and the caller
 *			copes.
 */
#ifndef ANVIL_GFP_H
#define ANVIL_GFP_H

#include <anvil/types.h>

struct page;

typedef unsigned int gfp_t;

#define __GFP_DIRECT_RECLAIM 0x01u /* may sleep and reclaim memory */
#define __GFP_NOWARN	     0x02u /* a failure is expected: don't warn */
#define __GFP_ZERO	     0x04u /* return zeroed memory */
#define __GFP_COMP	     0x08u /* a compound page: tails point at head */

#define GFP_NOWAIT 0u
#define GFP_KERNEL __GFP_DIRECT_RECLAIM

/* True if an allocation with these flags may sleep. */
static inline bool gfpflags_allow_blocking(gfp_t gfp)
{
	return gfp & __GFP_DIRECT_RECLAIM;
}

/*
 * alloc_pages - allocate 2^order physically contiguous pages.
 *
 * Returns the first page with a reference count of 1, or NULL (after a
 * one-line warning unless __GFP_NOWARN). With __GFP_DIRECT_RECLAIM it
 * may reclaim (and, later, sleep); without it, it never does. Any order
 * above MAX_ORDER fails.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)

/*
 * __free_pages - drop a reference to a block from alloc_pages().
 *
 * When the count reaches zero the block goes back to the allocator.
 * @order must be the order it was allocated with. Freeing a free page,
 * a reserved page or a slab page is reported (bad_page) and ignored.
 * Never sleeps; callable with interrupts off.
 */
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages(page, 0)

/* The same, by direct-map virtual address; 0 on failure. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages(addr, 0)

/*
 * Fault injection for allocations that may not reclaim (no
 * __GFP_DIRECT_RECLAIM), so tests can exercise the failure paths of
 * callers that must cope: fail the next @fail_next such allocations,
 * then every @fail_every-th one (0 = never). Reclaiming allocations are
 * never failed by this. Boot CPU only for now; tests reset it to zero.
 */
struct page_alloc_fault {
	unsigned long fail_next;
	unsigned long fail_every;
	unsigned long seen;	/* non-reclaim allocations counted */
	unsigned long injected; /* failures injected so far */
};
extern struct page_alloc_fault page_alloc_fail_nowait;

#endif /* ANVIL_GFP_H */
