// SPDX-License-Identifier: MIT
/*
 * mm/memblock.c: the boot-time memory map and early allocator.
 *
 * Before struct pages exist, memory is two sorted lists of physical
 * ranges in fixed static arrays (nothing can be allocated to grow them):
 *
 *	memory:    RAM the firmware reported        memblock_add()
 *	reserved:  what is in use inside it         memblock_reserve()
 *
 * Free memory is "memory minus reserved". memblock_alloc() finds a free
 * range, reserves it and returns it. mm_init() (mm/mm_init.c) later
 * walks the free ranges (memblock_for_each_free_range) to give every
 * free page to the buddy allocator; after that memblock is retired and
 * memblock_alloc() panics.
 *
 * Placement policy: bottom-up, first inside [1 MiB, 1 GiB), then
 * anywhere. Below 1 MiB are firmware tables and x86's real-mode
 * trampoline; above 1 GiB an arch's early mappings may not reach yet
 * (x86's boot page tables map only the first GiB). Bottom-up
 * also keeps boot allocations (mem_map, page tables) together, next to
 * the kernel image, leaving the large free blocks above them whole.
 *
 * Everything here runs on the boot CPU with interrupts off: no locking.
 */
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <asm/page.h>

#include "internal.h"

/* Prefer memory the early direct map covers on every arch. */
#define MEMBLOCK_LOW_LIMIT SZ_1M
#define MEMBLOCK_HIGH_LIMIT SZ_1G

struct memblock memblock = {
	.memory.name = "memory",
	.reserved.name = "reserved",
};

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Open a hole at @idx and put [base, base + size) in it. */
static void memblock_insert(struct memblock_type *type, unsigned int idx,
			    phys_addr_t base, u64 size)
{
	if (type->cnt == MEMBLOCK_MAX_REGIONS)
		panic("memblock: more than %d %s regions", MEMBLOCK_MAX_REGIONS,
		      type->name);
	memmove(&type->regions[idx + 1], &type->regions[idx],
		(type->cnt - idx) * sizeof(type->regions[0]));
	type->regions[idx].base = base;
	type->regions[idx].size = size;
	type->cnt++;
}

static void memblock_remove_region(struct memblock_type *type,
				   unsigned int idx)
{
	type->cnt--;
	memmove(&type->regions[idx], &type->regions[idx + 1],
		(type->cnt - idx) * sizeof(type->regions[0]));
}

/*
 * Fold together neighbours that overlap or touch, so the list stays a
 * set of disjoint, non-adjacent ranges sorted by base.
 */
static void memblock_merge(struct memblock_type *type)
{
	unsigned int i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = this + 1;

		if (region_end(this) < next->base) {
			i++;
			continue;
		}
		this->size = max(region_end(this), region_end(next)) -
			     this->base;
		memblock_remove_region(type, i + 1);
	}
}

static void memblock_add_range(struct memblock_type *type, phys_addr_t base,
			       u64 size)
{
	unsigned int idx = 0;

	if (!size)
		return;
	/* A range running off the top of the address space is cut short. */
	if (base + size < base)
		size = (phys_addr_t)-1 - base;
	while (idx < type->cnt && type->regions[idx].base <= base)
		idx++;
	memblock_insert(type, idx, base, size);
	memblock_merge(type);
}

void memblock_add(phys_addr_t base, u64 size)
{
	memblock_add_range(&memblock.memory, base, size);
}

void memblock_reserve(phys_addr_t base, u64 size)
{
	memblock_add_range(&memblock.reserved, base, size);
}

/*
 * Call @fn on each stretch of memory not covered by a reservation,
 * lowest address first. Both lists are sorted and disjoint, so for each
 * memory region one pass over the reservations carves out the gaps.
 */
bool memblock_for_each_free_range(memblock_range_fn fn, void *arg)
{
	const struct memblock_type *rsv = &memblock.reserved;

	for (unsigned int i = 0; i < memblock.memory.cnt; i++) {
		phys_addr_t start = memblock.memory.regions[i].base;
		phys_addr_t end = region_end(&memblock.memory.regions[i]);

		for (unsigned int j = 0; j < rsv->cnt && start < end; j++) {
			phys_addr_t rs = rsv->regions[j].base;
			phys_addr_t re = region_end(&rsv->regions[j]);

			if (re <= start)
				continue;
			if (rs >= end)
				break;
			if (rs > start && fn(start, rs, arg))
				return true;
			start = re;
		}
		if (start < end && fn(start, end, arg))
			return true;
	}
	return false;
}

struct memblock_search {
	u64 size, align;
	phys_addr_t low, high;	/* window to place the block in */
	phys_addr_t found;	/* result; 0 = nothing yet */
};

/* Does the block fit in this free range, inside the search window? */
static bool memblock_fit(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct memblock_search *s = arg;
	phys_addr_t base;

	start = max(start, s->low);
	end = min(end, s->high);
	if (start >= end)
		return false;
	base = ALIGN(start, s->align);
	if (base < start || base >= end || end - base < s->size)
		return false;
	s->found = base;
	return true;
}

static phys_addr_t memblock_find(u64 size, u64 align, phys_addr_t low,
				 phys_addr_t high)
{
	struct memblock_search s = { size, align, low, high, 0 };

	memblock_for_each_free_range(memblock_fit, &s);
	return s.found;
}

/*
 * memblock_alloc - reserve and zero @size bytes aligned to @align (a
 * power of two; 0 means 8), from memory nobody has reserved.
 *
 * Returns the physical address; zeroes it through __va(), so the direct
 * map must cover it. Panics when no range fits, or after mm_init().
 */
phys_addr_t memblock_alloc(u64 size, u64 align)
{
	phys_addr_t pa;

	if (memblock.retired)
		panic("memblock_alloc(%llu) after mm_init(): use the page "
		      "allocator", (unsigned long long)size);
	if (!align)
		align = sizeof(long);
	BUG_ON(align & (align - 1));
	size = ALIGN(size, sizeof(long));

	pa = memblock_find(size, align, MEMBLOCK_LOW_LIMIT,
			   MEMBLOCK_HIGH_LIMIT);
	if (!pa)
		pa = memblock_find(size, align, PAGE_SIZE, (phys_addr_t)-1);
	if (!pa)
		panic("memblock: out of memory: %llu bytes (align %llu), "
		      "%llu bytes free in pieces", (unsigned long long)size,
		      (unsigned long long)align,
		      (unsigned long long)memblock_free_bytes());
	memblock_reserve(pa, size);
	memset(__va(pa), 0, size);
	return pa;
}

u64 memblock_total(void)
{
	u64 total = 0;

	for (unsigned int i = 0; i < memblock.memory.cnt; i++)
		total += memblock.memory.regions[i].size;
	return total;
}

static bool memblock_count(phys_addr_t start, phys_addr_t end, void *arg)
{
	*(u64 *)arg += end - start;
	return false;
}

u64 memblock_free_bytes(void)
{
	u64 free = 0;

	memblock_for_each_free_range(memblock_count, &free);
	return free;
}

phys_addr_t memblock_end(void)
{
	const struct memblock_type *mem = &memblock.memory;

	return mem->cnt ? region_end(&mem->regions[mem->cnt - 1]) : 0;
}
