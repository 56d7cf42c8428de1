// SPDX-License-Identifier: MIT
/*
 * fs/proc/vmstat.c: /proc/vmstat, one "name value" line per counter.
 *
 * First Linux's own names, in Linux's order, for what anvil counts:
 *
 *	nr_free_pages		free pages in the buddy allocator
 *	nr_slab_unreclaimable	pages in slab caches
 *	nr_anon_pages		anonymous pages mapped (all processes)
 *	nr_mapped		file pages mapped: 0, there are no file
 *				mappings yet
 *	nr_file_pages		page cache pages (ramfs data)
 *	nr_kernel_stack		kernel stacks, in kB (as Linux)
 *	nr_page_table_pages	PTE table pages (all processes)
 *	pgfault			handle_mm_fault() calls (<anvil/vmstat.h>)
 *	pgmajfault		0: nothing is ever read from a disk
 *
 * then the arch's TLB counters (arch_tlb_flush_stats): on x86_64
 * Linux's nr_tlb_remote_flush, nr_tlb_remote_flush_received,
 * nr_tlb_local_flush_all and nr_tlb_local_flush_one; on ppc64 the hash
 * MMU's own (nr_hpte_*, nr_hash_fault*, ...: asm/tlbflush.h), since the
 * hash table has no IPI shootdowns to count. Then anvil's own, for the
 * preemptible unmap this kernel is about (docs/mm.md):
 *
 *	mmu_gather_flush_full	gather flushes because its batches filled
 *	mmu_gather_flush_resched  ... because zap_pte_range saw need_resched
 *	mmu_gather_flush_finish	  ... at tlb_finish_mmu
 *	mmu_gather_batch_alloc_fail  batch pages GFP_NOWAIT could not get
 *	mmu_gather_pages_freed	pages the gather has freed
 *	zap_resched_breaks	zap_pte_range left its PTL to reschedule
 *	zap_full_breaks		... because the gather was full
 *	zap_lock_breaks		... only to drop it (ZAP_PTES_PER_HOLD)
 *	zap_max_ptes_per_hold	most PTEs looked at under one PTL hold
 *	latency_preempt_off_max_ns  the longest preempt-off section the
 *	latency_irqs_off_max_ns	    latency tracer saw, and irqs-off (0
 *				    in a DEBUG=0 build, which does not
 *				    trace interrupts-off sections)
 *
 * The counters are read one by one without a lock: each is exact, the
 * set is not a snapshot of one instant.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mmu_gather.h>
#include <anvil/pgtable.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/trace.h>
#include <anvil/vmstat.h>

#include "internal.h"

static void show(struct seq_file *m, const char *name, unsigned long long v)
{
	seq_printf(m, "%s %llu\n", name, v);
}

static int vmstat_show(struct seq_file *m, void *v)
{
	static const char *const flush_names[NR_TLB_FLUSH_REASONS] = {
		[TLB_FLUSH_FULL] = "mmu_gather_flush_full",
		[TLB_FLUSH_RESCHED] = "mmu_gather_flush_resched",
		[TLB_FLUSH_FINISH] = "mmu_gather_flush_finish",
	};
	struct latency_snapshot *lat;
	struct proc_mm_totals t;

	lat = kmalloc(sizeof(*lat), GFP_KERNEL); /* too big for the stack */
	if (!lat)
		return -ENOMEM;
	latency_snapshot(lat);
	proc_mm_totals(&t);
	show(m, "nr_free_pages", nr_free_pages());
	show(m, "nr_slab_unreclaimable", slab_total_pages());
	show(m, "nr_anon_pages", t.anon);
	show(m, "nr_mapped", 0);
	show(m, "nr_file_pages", global_node_page_state(NR_FILE_PAGES));
	show(m, "nr_kernel_stack", t.tasks * (THREAD_SIZE / 1024));
	show(m, "nr_page_table_pages", t.pte_tables);
	show(m, "pgfault", vm_event_read(PGFAULT));
	show(m, "pgmajfault", 0);
	arch_tlb_flush_stats(m);
	for (int i = 0; i < NR_TLB_FLUSH_REASONS; i++)
		show(m, flush_names[i], READ_ONCE(mmu_gather_stats.flushes[i]));
	show(m, "mmu_gather_batch_alloc_fail",
	     READ_ONCE(mmu_gather_stats.batch_alloc_fail));
	show(m, "mmu_gather_pages_freed",
	     READ_ONCE(mmu_gather_stats.pages_freed));
	show(m, "zap_resched_breaks", READ_ONCE(zap_stats.resched_breaks));
	show(m, "zap_full_breaks", READ_ONCE(zap_stats.full_breaks));
	show(m, "zap_lock_breaks", READ_ONCE(zap_stats.lock_breaks));
	show(m, "zap_max_ptes_per_hold",
	     READ_ONCE(zap_stats.max_ptes_per_hold));
	show(m, "latency_preempt_off_max_ns",
	     lat->max[LATENCY_PREEMPT_OFF].ns);
	show(m, "latency_irqs_off_max_ns", lat->max[LATENCY_IRQS_OFF].ns);
	kfree(lat);
	return 0;
}
PROC_ENTRY(vmstat, "vmstat", vmstat_show);
