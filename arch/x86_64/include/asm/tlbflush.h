/* SPDX-License-Identifier: MIT */
/*
 * asm/tlbflush.h: making TLBs forget user and kernel translations.
 *
 * Implemented in mm/tlb.c, which explains the rules (shootdown only to
 * the CPUs in mm->cpu_vm_mask, invlpg up to a ceiling, lazy TLB). The
 * mmu_gather's hook, tlb_flush(), is declared in <anvil/mmu_gather.h>;
 * switch_mm() and the lazy-TLB hooks in asm/mmu_context.h.
 *
 * All flushes here are synchronous: when they return, no CPU can still
 * use a translation of the range. They must be called with interrupts
 * on (a shootdown waits for other CPUs' answers) and no spinlock held
 * that another CPU could be spinning on with interrupts off.
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <anvil/types.h>

struct mm_struct;
struct vm_area_struct;

/* Every CPU running @vma's mm forgets one page / a range of it. */
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);
/* ... or all of @mm's user translations. */
void flush_tlb_mm(struct mm_struct *mm);
/*
 * Every online CPU forgets kernel translations in [start, end) (global
 * entries included), after the kernel's own tables changed there.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

/*
 * Up to this many pages a flush uses one invlpg per page; a larger range
 * reloads CR3 (which drops every non-global entry) instead. Linux's
 * default, 33; boot option "x86.tlb_single_page_flush_ceiling=N".
 */
extern unsigned long tlb_single_page_flush_ceiling;

/*
 * Counters with Linux's /proc/vmstat names. Remote: shootdown rounds
 * sent (one per flush that interrupted any other CPU) and flush requests
 * received by other CPUs. Local: whole-TLB flushes and single pages
 * flushed by the CPU that asked for the flush.
 */
struct tlb_flush_stats {
	unsigned long nr_tlb_remote_flush;
	unsigned long nr_tlb_remote_flush_received;
	unsigned long nr_tlb_local_flush_all;
	unsigned long nr_tlb_local_flush_one;
};
/* A snapshot of the counters (each read atomically, not all at once). */
void tlb_flush_stats_get(struct tlb_flush_stats *stats);

#endif /* _ASM_X86_TLBFLUSH_H */
