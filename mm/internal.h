/* SPDX-License-Identifier: MIT */
/*
 * mm/internal.h: what the files of mm/ share with each other (and with
 * the host tests in tests/host/, which check the allocators' insides),
 * but not with the rest of the kernel.
 *
 *	memblock	struct memblock, its free-range walk (mm/memblock.c)
 *	buddy		free_area[], boot pages in (mm/page_alloc.c)
 *	slab		the list of caches (mm/slab.c)
 *	mmap		munmap for callers holding mmap_lock (mm/mmap.c)
 */
#ifndef ANVIL_MM_INTERNAL_H
#define ANVIL_MM_INTERNAL_H

#include <anvil/list.h>
#include <anvil/mm.h>
#include <anvil/types.h>

/*
 * MM_DEBUG is 1 in debug builds (the Makefile's CONFIG_DEBUG). Code
 * tests it with a plain if, so both variants always compile.
 */
#ifdef CONFIG_DEBUG
#define MM_DEBUG 1
#else
#define MM_DEBUG 0
#endif

#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)

/* ---- memblock ----------------------------------------------------- */

#define MEMBLOCK_MAX_REGIONS 128

struct memblock_region {
	phys_addr_t base;
	u64 size;
};

/* Sorted by base, never overlapping or touching (they are merged). */
struct memblock_type {
	unsigned int cnt;
	const char *name;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	struct memblock_type memory;
	struct memblock_type reserved;
	bool retired;	/* mm_init() gave the free pages to the buddy */
};

extern struct memblock memblock;

/* Called for each free range [start, end); return true to stop. */
typedef bool (*memblock_range_fn)(phys_addr_t start, phys_addr_t end,
				  void *arg);
/* Walk memory that is not reserved, lowest first. True if @fn stopped. */
bool memblock_for_each_free_range(memblock_range_fn fn, void *arg);

/* ---- buddy allocator ---------------------------------------------- */

/* Free blocks of one order; all fields [Z] (see mm/page_alloc.c). */
struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks on free_list */
};

extern struct free_area free_area[NR_PAGE_ORDERS];

/* Set up empty free lists; mm_init() calls it before any free. */
void free_area_init(void);
/* Give a boot-time block (PG_reserved cleared, refcount 0) to the buddy. */
void __free_pages_core(struct page *page, unsigned int order);

/* ---- slab --------------------------------------------------------- */

extern struct list_head slab_caches;

/* ---- the mmap family ---------------------------------------------- */

struct mm_struct;
/* Unmap [start, end), page-aligned; mmap_lock held for writing. */
int __do_munmap(struct mm_struct *mm, unsigned long start, unsigned long end);

#endif /* ANVIL_MM_INTERNAL_H */
