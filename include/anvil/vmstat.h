/* SPDX-License-Identifier: MIT */
/*
 * Global memory counters (mm/vmstat.c), for /proc/meminfo and
 * /proc/vmstat, with Linux's names. Two kinds, as in Linux:
 *
 *	events		only ever go up: count_vm_event(PGFAULT)
 *	page states	pages in some state now, up and down:
 *			inc/dec_node_page_state(page, NR_FILE_PAGES)
 *
 * anvil has one node and one zone, so the page and node arguments
 * Linux takes are kept only for the call sites to read the same; the
 * counters are global atomics (relaxed: they are statistics, read
 * without any lock, and never used to make a decision).
 *
 * Other numbers /proc shows are kept by their owners and read when
 * asked: free pages (mm/page_alloc.c), slab pages (mm/slab.c), anonymous
 * pages and page tables (each mm's rss_anon and nr_ptes, summed over the
 * processes), the gather's and the zap walk's counters, the arch's TLB
 * counters (arch_tlb_flush_stats). docs/mm.md lists them all.
 */
#ifndef ANVIL_VMSTAT_H
#define ANVIL_VMSTAT_H

#include <anvil/atomic.h>
#include <anvil/percpu.h>

struct page;

enum vm_event_item {
	PGFAULT,		/* handle_mm_fault() calls */
	NR_VM_EVENT_ITEMS,
};

enum node_stat_item {
	NR_FILE_PAGES,		/* page cache pages (ramfs file data) */
	NR_VM_NODE_STAT_ITEMS,
};

/*
 * Events are counted per CPU, as in Linux: count_vm_event() is on the
 * fault path, and one shared counter would bounce its cache line
 * between every CPU taking faults. The add is atomic because the caller
 * may migrate between finding "its" CPU and adding; the count then lands
 * on another CPU's slot, which the sum does not mind.
 */
struct vm_event_state {
	unsigned long event[NR_VM_EVENT_ITEMS];
};
DECLARE_PER_CPU(struct vm_event_state, vm_event_states);
extern atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];

static inline void count_vm_event(enum vm_event_item item)
{
	__atomic_fetch_add(&raw_cpu_ptr(&vm_event_states)->event[item], 1,
			   __ATOMIC_RELAXED);
}

/* The sum over every online CPU (mm/vmstat.c). */
unsigned long vm_event_read(enum vm_event_item item);

static inline void inc_node_page_state(struct page *page,
				       enum node_stat_item item)
{
	atomic_long_inc(&vm_node_stat[item]);
}

static inline void dec_node_page_state(struct page *page,
				       enum node_stat_item item)
{
	atomic_long_dec(&vm_node_stat[item]);
}

/* Never negative: a racing decrement may be seen before its increment. */
static inline unsigned long global_node_page_state(enum node_stat_item item)
{
	long v = atomic_long_read(&vm_node_stat[item]);

	return v < 0 ? 0 : (unsigned long)v;
}

#endif /* ANVIL_VMSTAT_H */
