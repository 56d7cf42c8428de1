// SPDX-License-Identifier: MIT
/*
 * mm/page_alloc.c: the buddy page allocator.
 *
 * Free memory is kept as blocks of 2^order pages, order 0..MAX_ORDER,
 * each naturally aligned (a block of order n starts at a pfn that is a
 * multiple of 2^n), one free list per order. The two halves of an
 * order-n+1 block are "buddies"; their pfns differ only in bit n:
 *
 *	buddy_pfn = pfn ^ (1 << order)
 *
 * alloc_pages() takes the smallest free block that is big enough and
 * splits it, giving the unused halves back to the lower lists (expand).
 * __free_pages() puts a block back and, while its buddy is free too,
 * merges the two into a block one order higher (__free_one_page). Only
 * the first page of a free block is marked: PG_buddy, with the order in
 * page->private. docs/mm-allocators.md draws both walks.
 *
 * Interface: <anvil/gfp.h> (alloc/free, gfp flags, fault injection) and
 * <anvil/mm.h> (counters, put_page, shrinkers). mm_init() hands boot
 * memory over through __free_pages_core() (mm/internal.h).
 *
 * Locking: the free lists and counters ("the zone", [Z] in <anvil/mm.h>)
 * are changed only under zone_lock, taken with interrupts off because
 * pages may be freed from interrupt handlers. Page reference counts are
 * atomic. Freeing never sleeps. Allocating never sleeps either for now;
 * with __GFP_DIRECT_RECLAIM it may call the shrinkers (outside zone_lock),
 * and later it may sleep.
 */
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/slab.h>
#include <anvil/spinlock.h>
#include <anvil/string.h>

#include "internal.h"

static DEFINE_SPINLOCK(zone_lock);
struct free_area free_area[NR_PAGE_ORDERS];	/* [Z] */
static unsigned long managed_pages;		/* [Z] */
unsigned long bad_page_reports;
struct page_alloc_fault page_alloc_fail_nowait;

/* ---- free lists ---------------------------------------------------- */

void free_area_init(void)
{
	for (unsigned int order = 0; order <= MAX_ORDER; order++) {
		INIT_LIST_HEAD(&free_area[order].free_list);
		free_area[order].nr_free = 0;
	}
}

static unsigned int buddy_order(const struct page *page)
{
	return (unsigned int)page->private;
}

/* [Z] */
static void add_to_free_list(struct page *page, unsigned int order)
{
	SetPageBuddy(page);
	page->private = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

/* [Z] */
static void del_from_free_list(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	ClearPageBuddy(page);
	page->private = 0;
	free_area[order].nr_free--;
}

/*
 * The buddy of the order-@order block at @pfn, if it is a free block of
 * that same order (it may be allocated, split into smaller free blocks,
 * part of a bigger free block, reserved, or past the end of memory).
 */
static struct page *find_free_buddy(unsigned long pfn, unsigned int order)
{
	unsigned long buddy_pfn = pfn ^ (1UL << order);
	struct page *buddy;

	if (!pfn_valid(buddy_pfn))
		return NULL;
	buddy = pfn_to_page(buddy_pfn);
	if (!PageBuddy(buddy) || buddy_order(buddy) != order)
		return NULL;
	return buddy;
}

/*
 * Put the block at @pfn on a free list, merging it with its buddy as
 * long as the buddy is free: the merged block starts at the lower of
 * the two pfns (pfn & buddy_pfn). [Z]
 */
static void __free_one_page(unsigned long pfn, unsigned int order)
{
	while (order < MAX_ORDER) {
		struct page *buddy = find_free_buddy(pfn, order);

		if (!buddy)
			break;
		del_from_free_list(buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), order);
}

/*
 * We took a block of order @high to serve order @low: give back the
 * upper half at each order on the way down, keeping the lowest part.
 * [Z]
 */
static void expand(struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(page + (1UL << high), high);
	}
}

/* Take a block of @order off the free lists, splitting a bigger one. [Z] */
static struct page *__rmqueue(unsigned int order)
{
	for (unsigned int o = order; o <= MAX_ORDER; o++) {
		struct free_area *area = &free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		BUG_ON(!PageBuddy(page) || buddy_order(page) != o);
		del_from_free_list(page, o);
		expand(page, order, o);
		return page;
	}
	return NULL;
}

/* ---- checks and reports -------------------------------------------- */

/*
 * Report a page in a state it should never be in (double free, freeing
 * a reserved page, ...). The block is then left alone, leaked rather
 * than risk handing out memory someone still uses.
 */
static void bad_page(const struct page *page, const char *reason)
{
	pr_err("BUG: Bad page state: pfn 0x%lx flags 0x%lx refcount %d "
	       "mapcount %d: %s\n", page_to_pfn(page), page->flags,
	       page->_refcount, page->_mapcount, reason);
	dump_stack();
	bad_page_reports++;
}

/* Why the head of a block being freed is unfit, or NULL if it is fine. */
static const char *free_head_problem(const struct page *page,
				     unsigned int order)
{
	if (!IS_ALIGNED(page_to_pfn(page), 1UL << order))
		return "block not aligned to its order";
	if (PageReserved(page))
		return "freeing a reserved page";
	if (PageBuddy(page))
		return "page already free (double free)";
	if (PageSlab(page))
		return "freeing a slab page";
	if (PageTail(page))
		return "freeing the tail of a compound page";
	if (PageHead(page) && compound_order(page) != order)
		return "compound page freed with the wrong order";
	if (page->_mapcount != -1)
		return "page still mapped";
	if (page->mapping)
		return "page still has a mapping";
	return NULL;
}

/*
 * A page inside a block being freed or allocated must be clean: only
 * @flags set, no references, not mapped. Reports it if not.
 */
static bool block_page_is_bad(const struct page *page, unsigned long flags)
{
	if (page->flags != flags || page->_refcount || page->_mapcount != -1) {
		bad_page(page, "bad state inside a block");
		return true;
	}
	return false;
}

/*
 * Get a block ready to go back on the free lists: check it (all of it
 * in debug builds) and undo compound-page state. False if it is bad.
 */
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	const char *problem;
	unsigned long tail_flags = 0;

	/* An anonymous page's mapping is its anon_vma: only a pointer. */
	if (PageAnon(page))
		page->mapping = NULL;
	problem = free_head_problem(page, order);

	if (problem) {
		bad_page(page, problem);
		return false;
	}
	if (PageHead(page)) {
		tail_flags = 1UL << PG_tail;
		ClearPageHead(page);
		page[1].private = 0;
	}
	for (unsigned long i = 1; i < (1UL << order); i++) {
		struct page *tail = page + i;

		if (MM_DEBUG && block_page_is_bad(tail, tail_flags))
			return false;
		tail->flags = 0;
		tail->compound_head = NULL;
	}
	page->flags = 0;
	page->index = 0;
	page->private = 0;
	return true;
}

/* Check a block just taken off the free lists, then set it up. */
static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	if (MM_DEBUG) {
		for (unsigned long i = 0; i < (1UL << order); i++)
			block_page_is_bad(page + i, 0);
	}
	page->_refcount = 1;
	if ((gfp & __GFP_COMP) && order) {
		SetPageHead(page);
		page[1].private = order;
		for (unsigned long i = 1; i < (1UL << order); i++) {
			SetPageTail(page + i);
			page[i].compound_head = page;
		}
	}
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
}

/* ---- allocation ------------------------------------------------------ */

/* The fault-injection knob: should this non-reclaiming allocation fail? */
static bool should_fail_nowait(gfp_t gfp)
{
	struct page_alloc_fault *f = &page_alloc_fail_nowait;

	if (gfpflags_allow_blocking(gfp))
		return false;
	if (f->fail_next) {
		f->fail_next--;
		f->injected++;
		return true;
	}
	if (f->fail_every && ++f->seen % f->fail_every == 0) {
		f->injected++;
		return true;
	}
	return false;
}

/* "GFP_KERNEL|__GFP_ZERO" and the like, into @buf. */
static void format_gfp(char *buf, size_t size, gfp_t gfp)
{
	static const struct { gfp_t bit; const char *name; } names[] = {
		{ __GFP_NOWARN, "__GFP_NOWARN" },
		{ __GFP_ZERO, "__GFP_ZERO" },
		{ __GFP_COMP, "__GFP_COMP" },
	};
	size_t len = snprintf(buf, size, "%s", gfpflags_allow_blocking(gfp) ?
			      "GFP_KERNEL" : "GFP_NOWAIT");

	for (size_t i = 0; i < ARRAY_SIZE(names) && len < size; i++) {
		if (gfp & names[i].bit)
			len += snprintf(buf + len, size - len, "|%s",
					names[i].name);
	}
}

/* " 0:n 1:n ... 10:n": free blocks of each order, into @buf. */
static void format_free_blocks(char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned int o = 0; o <= MAX_ORDER && len < size; o++)
		len += snprintf(buf + len, size - len, " %u:%lu", o,
				nr_free_blocks(o));
}

/* One line: which allocation failed and what was free at the time. */
static void warn_alloc(gfp_t gfp, unsigned int order, bool injected)
{
	char flags[80], blocks[NR_PAGE_ORDERS * 24];

	if (gfp & __GFP_NOWARN)
		return;
	format_gfp(flags, sizeof(flags), gfp);
	format_free_blocks(blocks, sizeof(blocks));
	pr_warn("page allocation failure%s: order:%u gfp:0x%x(%s) free:%lu "
		"blocks by order:%s\n", injected ? " (injected)" : "", order,
		gfp, flags, nr_free_pages(), blocks);
}

static struct page *rmqueue(unsigned int order)
{
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&zone_lock, flags);
	page = __rmqueue(order);
	spin_unlock_irqrestore(&zone_lock, flags);
	return page;
}

/*
 * alloc_pages - see <anvil/gfp.h>. Without __GFP_DIRECT_RECLAIM this is
 * one try. With it, each time the lists come up empty we ask the
 * shrinkers for memory and try again, until they free nothing more.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (order > MAX_ORDER) {
		WARN_ON(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	if (WARN_ON(!mem_map))
		return NULL;
	if (should_fail_nowait(gfp)) {
		warn_alloc(gfp, order, true);
		return NULL;
	}
	for (;;) {
		page = rmqueue(order);
		if (page) {
			prep_new_page(page, order, gfp);
			return page;
		}
		if (!gfpflags_allow_blocking(gfp) || !shrink_slab(gfp))
			break;
	}
	warn_alloc(gfp, order, false);
	return NULL;
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

/* ---- freeing --------------------------------------------------------- */

/* The last reference is gone: check the block and put it back. */
static void free_the_block(struct page *page, unsigned int order)
{
	unsigned long flags;

	if (!free_pages_prepare(page, order))
		return;
	spin_lock_irqsave(&zone_lock, flags);
	__free_one_page(page_to_pfn(page), order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/*
 * Drop one reference to @page. True if it was the last. A reserved page
 * (never the allocator's) or one whose count is already zero (a double
 * free) is reported and left alone.
 */
static bool put_page_testzero(struct page *page)
{
	if (PageReserved(page)) {
		bad_page(page, "freeing a reserved page");
		return false;
	}
	if (page->_refcount <= 0) {
		bad_page(page, PageBuddy(page) ? "page already free (double "
			 "free)" : "refcount underflow (double free?)");
		return false;
	}
	return __atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_ACQ_REL) == 0;
}

void __free_pages(struct page *page, unsigned int order)
{
	if (order > MAX_ORDER) {
		bad_page(page, "freeing with an order above MAX_ORDER");
		return;
	}
	if (put_page_testzero(page))
		free_the_block(page, order);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

void put_page(struct page *page)
{
	page = compound_head(page);
	if (put_page_testzero(page))
		free_the_block(page, compound_order(page));
}

/*
 * Boot memory (mm_init) arrives here: flags clear, refcount 0. It skips
 * the checks of the free path, since nobody has owned these pages yet.
 */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	managed_pages += 1UL << order;
	__free_one_page(page_to_pfn(page), order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* ---- counters -------------------------------------------------------- */

unsigned long nr_free_blocks(unsigned int order)
{
	return order <= MAX_ORDER ? READ_ONCE(free_area[order].nr_free) : 0;
}

unsigned long nr_free_pages(void)
{
	unsigned long pages = 0;

	for (unsigned int order = 0; order <= MAX_ORDER; order++)
		pages += nr_free_blocks(order) << order;
	return pages;
}

unsigned long totalram_pages(void)
{
	return managed_pages;
}

void show_free_areas(void)
{
	char blocks[NR_PAGE_ORDERS * 24];

	format_free_blocks(blocks, sizeof(blocks));
	pr_info("free: %lu of %lu pages; blocks by order:%s\n",
		nr_free_pages(), totalram_pages(), blocks);
}

/* ---- reclaim: the shrinker list -------------------------------------- */
/*
 * For now reclaim is only "ask the caches to give back what they do not
 * use". Page reclaim (and mm/vmscan.c, where this will move) comes
 * later. shrinker_lock guards the list; shrinkers run under it, so they
 * must not sleep (the slab shrinker only takes spinlocks).
 */
static LIST_HEAD(shrinker_list);
static DEFINE_SPINLOCK(shrinker_lock);

void register_shrinker(struct shrinker *s)
{
	spin_lock(&shrinker_lock);
	list_add_tail(&s->list, &shrinker_list);
	spin_unlock(&shrinker_lock);
}

void unregister_shrinker(struct shrinker *s)
{
	spin_lock(&shrinker_lock);
	list_del(&s->list);
	spin_unlock(&shrinker_lock);
}

unsigned long shrink_slab(gfp_t gfp)
{
	struct shrinker *s;
	unsigned long freed = 0;

	if (!gfpflags_allow_blocking(gfp))
		return 0;
	spin_lock(&shrinker_lock);
	list_for_each_entry(s, &shrinker_list, list) {
		unsigned long count = s->count_objects(s);

		if (count)
			freed += s->scan_objects(s, count);
	}
	spin_unlock(&shrinker_lock);
	return freed;
}
