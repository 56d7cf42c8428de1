// SPDX-License-Identifier: MIT
/*
 * fs/proc/meminfo.c: /proc/meminfo, what free(1) reads.
 *
 * Linux's layout: a 16-column label, the value right-aligned in 8, then
 * " kB" (show_val_kb). The lines are Linux's, in Linux's order, for the
 * numbers anvil has; where anvil has no such thing (swap, an LRU,
 * writeback, mlock, shared memory) the value is 0, as Linux prints for
 * what it does not use. Where the number comes from:
 *
 *	MemTotal	pages the buddy allocator was given (totalram_pages)
 *	MemFree		pages free in it now
 *	MemAvailable	MemFree: nothing else can be reclaimed yet (ramfs
 *			data cannot be dropped, empty slabs are few)
 *	Cached		page cache pages, i.e. ramfs file data
 *			(NR_FILE_PAGES, kept by fs/filemap.c)
 *	Unevictable	the same pages: ramfs data may never be evicted,
 *			which is where Linux counts it too
 *	AnonPages	anonymous pages mapped, summed over the processes'
 *			address spaces (each keeps rss_anon)
 *	Slab, SUnreclaim  pages in slab caches (slab_total_pages)
 *	KernelStack	THREAD_SIZE per task
 *	VmallocUsed	pages mapped in the vmalloc area (mm/vmalloc.c)
 *	PageTables	PTE table pages, summed over the address spaces
 *			(each keeps nr_ptes; the upper levels, a few pages
 *			per process, are not counted)
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/vmalloc.h>
#include <anvil/vmstat.h>

#include "internal.h"

void proc_mm_totals(struct proc_mm_totals *t)
{
	struct task_struct *p;

	memset(t, 0, sizeof(*t));
	/*
	 * ->mm changes under tasklist_lock (exit, exec), so each one seen
	 * here is alive. Threads share their leader's mm: count leaders.
	 */
	spin_lock(&tasklist_lock);
	for_each_process(p) {
		struct mm_struct *mm = p->mm;

		t->tasks++;
		if (!mm || p->group_leader != p)
			continue;
		t->anon += (unsigned long)atomic_long_read(&mm->rss_anon);
		t->pte_tables += (unsigned long)atomic_long_read(&mm->nr_ptes);
	}
	spin_unlock(&tasklist_lock);
}

static void show_val_kb(struct seq_file *m, const char *s,
			unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", s, pages << (PAGE_SHIFT - 10));
}

static int meminfo_proc_show(struct seq_file *m, void *v)
{
	struct vmalloc_stats vs;
	unsigned long free = nr_free_pages();
	unsigned long cached = global_node_page_state(NR_FILE_PAGES);
	unsigned long slab = slab_total_pages();
	struct proc_mm_totals t;

	proc_mm_totals(&t);
	show_val_kb(m, "MemTotal:", totalram_pages());
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", free);
	show_val_kb(m, "Buffers:", 0);
	show_val_kb(m, "Cached:", cached);
	show_val_kb(m, "SwapCached:", 0);
	show_val_kb(m, "Active:", 0);
	show_val_kb(m, "Inactive:", 0);
	show_val_kb(m, "Unevictable:", cached);
	show_val_kb(m, "Mlocked:", 0);
	show_val_kb(m, "SwapTotal:", 0);
	show_val_kb(m, "SwapFree:", 0);
	show_val_kb(m, "Dirty:", 0);
	show_val_kb(m, "Writeback:", 0);
	show_val_kb(m, "AnonPages:", t.anon);
	show_val_kb(m, "Mapped:", 0);
	show_val_kb(m, "Shmem:", 0);
	show_val_kb(m, "KReclaimable:", 0);
	show_val_kb(m, "Slab:", slab);
	show_val_kb(m, "SReclaimable:", 0);
	show_val_kb(m, "SUnreclaim:", slab);
	seq_printf(m, "%-16s%8lu kB\n", "KernelStack:",
		   t.tasks * (THREAD_SIZE / 1024));
	show_val_kb(m, "PageTables:", t.pte_tables);
	vmalloc_stats_get(&vs);
	seq_printf(m, "%-16s%8lu kB\n", "VmallocTotal:",
		   (VMALLOC_END - VMALLOC_START) >> 10);
	show_val_kb(m, "VmallocUsed:", vs.nr_pages);
	show_val_kb(m, "VmallocChunk:", 0);	/* Linux prints 0 too */
	return 0;
}
PROC_ENTRY(meminfo, "meminfo", meminfo_proc_show);
