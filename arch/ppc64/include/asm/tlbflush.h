/* SPDX-License-Identifier: MIT */
/*
 * asm/tlbflush.h: getting user HPTEs out of the hash table, and the
 * counters of the whole user hash MMU (mm/tlb_hash.c, mm/hash_user.c).
 *
 * The per-CPU batch, Linux's ppc64_tlb_batch. In lazy MMU mode (between
 * arch_enter_lazy_mmu_mode and arch_leave_lazy_mmu_mode, which generic
 * code calls with the page-table lock held) every HPTE a PTE change
 * makes stale is queued here instead of invalidated at once; leave
 * invalidates them all with a single tlbsync. The batch is per CPU, not
 * per task, which is only correct because nobody can be switched out
 * in between (the PTL disables preemption; seed 004 is what happened in
 * Linux when a caller without a PTL broke that). It is flushed:
 *
 *	leave_lazy	before the PTL drops: a fault that re-reads the PTE
 *			must never find the old HPTE still valid next to
 *			the one it would insert (seed 001)
 *	full		when HPTE_BATCH_NR entries are queued
 *	switch		in the context switch, if a task was switched out
 *			in lazy mode anyway (Linux's __switch_to)
 *	tlb_flush	the gather's flush: nothing should be pending, but
 *			whatever is, goes
 *
 * Counters are plain atomics, summed over CPUs; names are what
 * /proc/vmstat calls them (hash_mmu_stats_names[], printed by
 * arch_tlb_flush_stats in mm/tlb_hash.c).
 */
#ifndef _ASM_PPC64_TLBFLUSH_H
#define _ASM_PPC64_TLBFLUSH_H

#include <asm/mmu-hash.h>

#define HPTE_BATCH_NR 192	/* Linux's PPC64_TLB_BATCH_NR */

struct hpte_batch {
	bool active;		/* in lazy MMU mode: queue, don't flush */
	unsigned int index;	/* entries queued */
	struct hash_inval inv[HPTE_BATCH_NR];
};

enum hpte_flush_cause {
	HPTE_FLUSH_LEAVE,
	HPTE_FLUSH_FULL,
	HPTE_FLUSH_SWITCH,
	HPTE_FLUSH_TLB,
	NR_HPTE_FLUSH_CAUSES,
};

struct hash_mmu_stats {
	unsigned long hpte_insert;	/* user HPTEs inserted */
	unsigned long hpte_update;	/* ... given new PP bits in place */
	unsigned long hpte_evict;	/* ... evicted for lack of room */
	unsigned long hpte_inval_batched; /* invalidations queued */
	unsigned long hpte_inval_now;	/* invalidations done at once */
	unsigned long hpte_dup_refused;	/* insert found one: must stay 0 */
	unsigned long hash_fault;	/* DSI/ISI resolved from the PTE */
	unsigned long hash_fault_generic; /* ... needing handle_mm_fault */
	unsigned long hash_preload;	/* HPTEs from update_mmu_cache */
	unsigned long batch_flush[NR_HPTE_FLUSH_CAUSES];
	unsigned long lazy_preemptible;	/* lazy mode entered preemptible */
	unsigned long slb_user_miss;	/* user segments loaded */
	unsigned long switch_mm;	/* user SLB flushes */
	unsigned long sync_ipi;		/* waits for the mm's other CPUs */
	unsigned long stale_hpte;	/* found by flush_tlb_range: stays 0 */
};

#define NR_HASH_MMU_STATS (sizeof(struct hash_mmu_stats) / sizeof(long))

extern struct hash_mmu_stats hash_mmu_stats;
/* One name per field, in order, for /proc/vmstat. */
extern const char *const hash_mmu_stats_names[NR_HASH_MMU_STATS];

#define hash_stat_inc(field) \
	__atomic_fetch_add(&hash_mmu_stats.field, 1, __ATOMIC_RELAXED)
#define hash_stat_read(field) \
	__atomic_load_n(&hash_mmu_stats.field, __ATOMIC_RELAXED)

/*
 * Every CPU forgets kernel translations of [start, end) (vmalloc). On
 * the hash MMU the HPTEs were already removed, each with a broadcast
 * tlbie and a tlbsync that waited for every CPU, by
 * ptep_get_and_clear_kernel(): this only orders that before what the
 * caller does next (mm/tlb_hash.c).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/* The context switch (kernel/process.c): flush, remember, re-arm. */
struct thread_struct;
void hpte_batch_switch_out(struct thread_struct *prev);
void hpte_batch_switch_in(struct thread_struct *t);

/* This CPU's batch, for tests (preemption off): queued, batching. */
unsigned int hpte_batch_pending(void);
bool hpte_batch_active(void);

#endif /* _ASM_PPC64_TLBFLUSH_H */
