// SPDX-License-Identifier: MIT
/*
 * mm/mm_init.c: from the boot memory map to running allocators.
 *
 * mm_init() runs once, on the boot CPU with interrupts off, after
 * setup_arch() has described RAM to memblock:
 *
 *	1. mem_map: one struct page per pfn in [0, max_pfn), holes
 *	   included, allocated from memblock. Every page starts reserved.
 *	2. Each free memblock range (memory minus reserved) goes to the
 *	   buddy allocator in the biggest aligned blocks that fit; memblock
 *	   is then retired. Pages never freed stay PG_reserved for good:
 *	   the kernel image, firmware, mem_map itself, and holes.
 *	3. kmem_cache_init() starts the slab allocator on top.
 *
 * The allocators themselves are mm/page_alloc.c and mm/slab.c.
 */
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/slab.h>

#include "internal.h"

struct page *mem_map;
unsigned long max_pfn;

/* Every page starts out reserved, with one reference, mapped nowhere. */
static void init_mem_map(void)
{
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		page->flags = 1UL << PG_reserved;
		INIT_LIST_HEAD(&page->lru);
		page->_refcount = 1;
		page->_mapcount = -1;
	}
}

/* The largest order a block at @pfn can have without passing @end. */
static unsigned int max_block_order(unsigned long pfn, unsigned long end)
{
	unsigned int order = MAX_ORDER;

	while (order && (!IS_ALIGNED(pfn, 1UL << order) ||
			 pfn + (1UL << order) > end))
		order--;
	return order;
}

/* Hand the whole pages of one free range to the buddy allocator. */
static bool release_free_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long pfn = PFN_UP(start);
	unsigned long end_pfn = min((unsigned long)PFN_DOWN(end), max_pfn);
	unsigned long *released = arg;

	for (unsigned long i = pfn; i < end_pfn; i++) {
		ClearPageReserved(pfn_to_page(i));
		pfn_to_page(i)->_refcount = 0;
	}
	while (pfn < end_pfn) {
		unsigned int order = max_block_order(pfn, end_pfn);

		__free_pages_core(pfn_to_page(pfn), order);
		pfn += 1UL << order;
		*released += 1UL << order;
	}
	return false;
}

/* Give every free page to the buddy allocator and retire memblock. */
static unsigned long memblock_free_all(void)
{
	unsigned long released = 0;

	memblock_for_each_free_range(release_free_range, &released);
	memblock.retired = true;
	return released;
}

/* The page of zeros every read fault on anonymous memory maps. */
struct page *zero_page;

void mm_init(void)
{
	unsigned long map_bytes, released;

	max_pfn = PFN_DOWN(memblock_end());
	if (!max_pfn)
		panic("mm_init: memblock has no memory");
	map_bytes = max_pfn * sizeof(struct page);
	mem_map = __va(memblock_alloc(map_bytes, PAGE_SIZE));
	init_mem_map();
	free_area_init();
	released = memblock_free_all();
	kmem_cache_init();
	/* The zero page every address space maps for reads. */
	zero_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!zero_page)
		panic("mm_init: no memory for the zero page");

	pr_info("mm: %lu KiB RAM, %lu KiB to the buddy allocator, %lu KiB "
		"reserved, mem_map %lu KiB for %lu pfns; %lu KiB free\n",
		(unsigned long)(memblock_total() >> 10),
		released << (PAGE_SHIFT - 10),
		(unsigned long)(memblock_total() >> 10) -
			(released << (PAGE_SHIFT - 10)),
		map_bytes >> 10, max_pfn,
		nr_free_pages() << (PAGE_SHIFT - 10));
}
