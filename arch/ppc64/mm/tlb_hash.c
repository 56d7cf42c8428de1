// SPDX-License-Identifier: MIT
/*
 * tlb_hash.c: user pages out of the hashed page table. The per-CPU
 * batch of HPTE invalidations and lazy MMU mode, the gather's
 * tlb_flush, flush_tlb_page/range, and the counters of the user hash
 * MMU. (Putting HPTEs in is hash_user.c; <asm/tlbflush.h> explains the
 * batch and when it is flushed.)
 *
 * Interface: hpte_need_flush, arch_enter/leave_lazy_mmu_mode
 * (<asm/pgtable.h>), tlb_flush (<anvil/mmu_gather.h>), flush_tlb_page,
 * flush_tlb_range (<anvil/pgtable.h>), hpte_batch_switch_out/in,
 * hpte_batch_pending and hpte_batch_active (<asm/tlbflush.h>), and
 * arch_tlb_flush_stats (<anvil/arch.h>: the counters in /proc/vmstat).
 *
 * "TLB flush" on the hash MMU: the TLB only caches HPTEs, and tlbie is
 * broadcast to every CPU by the hardware. So removing an HPTE (clear V,
 * tlbie, tlbsync) is the whole shootdown, and it is done when the PTE
 * changes, under the page-table lock. By the time the generic gather
 * calls tlb_flush() with the lock dropped, the translations are gone;
 * what is left for tlb_flush (and flush_tlb_range) is one wait for the
 * other CPUs running the mm: for the lockless table walk, and for
 * QEMU, whose remote TLB flush is not synchronous (sync_other_cpus).
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/mm_types.h>
#include <anvil/mmu_gather.h>
#include <anvil/percpu.h>
#include <anvil/pgtable.h>
#include <anvil/preempt.h>
#include <anvil/seq_file.h>
#include <anvil/smp.h>
#include <asm/mmu-hash.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#include "hash_user.h"

static DEFINE_PER_CPU(struct hpte_batch, hpte_batch);

struct hash_mmu_stats hash_mmu_stats;

const char *const hash_mmu_stats_names[] = {
	"nr_hpte_insert", "nr_hpte_update", "nr_hpte_evict",
	"nr_hpte_inval_batched", "nr_hpte_inval_now", "nr_hpte_dup_refused",
	"nr_hash_fault", "nr_hash_fault_generic", "nr_hash_preload",
	"nr_hpte_batch_flush_leave", "nr_hpte_batch_flush_full",
	"nr_hpte_batch_flush_switch", "nr_hpte_batch_flush_tlb",
	"nr_lazy_mmu_preemptible", "nr_slb_user_miss", "nr_switch_mm",
	"nr_hpte_sync_ipi", "nr_stale_hpte",
};
_Static_assert(ARRAY_SIZE(hash_mmu_stats_names) == NR_HASH_MMU_STATS,
	       "one name per field of struct hash_mmu_stats");

/*
 * /proc/vmstat's lines: every counter of struct hash_mmu_stats under its
 * name. The struct is nothing but unsigned longs, in the order of the
 * names (checked above), so it is read as an array.
 */
void arch_tlb_flush_stats(struct seq_file *m)
{
	const unsigned long *v = (const unsigned long *)&hash_mmu_stats;

	for (size_t i = 0; i < NR_HASH_MMU_STATS; i++)
		seq_printf(m, "%s %lu\n", hash_mmu_stats_names[i],
			   __atomic_load_n(&v[i], __ATOMIC_RELAXED));
}

/* Invalidate what @b holds, if anything; count it under @why. */
static void batch_flush(struct hpte_batch *b, enum hpte_flush_cause why)
{
	if (!b->index)
		return;
	hash_invalidate_slots(b->inv, b->index, USER_SEGSIZE);
	b->index = 0;
	hash_stat_inc(batch_flush[why]);
}

/*
 * hpte_need_flush - a PTE of @mm at @addr changed from @old, which had
 * HASHPTE: its HPTE may allow what the PTE no longer does. In lazy MMU
 * mode, queue it in this CPU's batch; otherwise invalidate it now. The
 * caller holds the PTL (so preemption is off); the preempt_disable is
 * for the odd caller that does not.
 */
void hpte_need_flush(struct mm_struct *mm, unsigned long addr,
		     unsigned long old)
{
	unsigned long vpn = user_vpn(mm, addr);
	struct hash_inval inv = {
		.vpn = vpn,
		.slot = hash_slot(vpn, USER_SEGSIZE, old & _PAGE_F_SECOND,
				  (old & _PAGE_F_GIX) >> _PAGE_F_GIX_SHIFT),
	};
	struct hpte_batch *b;

	preempt_disable();
	b = this_cpu_ptr(&hpte_batch);
	if (!b->active) {
		hash_invalidate_slots(&inv, 1, USER_SEGSIZE);
		hash_stat_inc(hpte_inval_now);
	} else {
		b->inv[b->index++] = inv;
		hash_stat_inc(hpte_inval_batched);
		if (b->index == HPTE_BATCH_NR)
			batch_flush(b, HPTE_FLUSH_FULL);
	}
	preempt_enable();
}

/*
 * arch_enter_lazy_mmu_mode - start batching on this CPU. Generic code
 * calls it with the page-table lock held. Called preemptible, a per-CPU
 * batch would be wrong (the task could move to another CPU, or another
 * task could batch on this one, between enter and leave): that is seed
 * 004's bug, so it is reported, counted, and batching stays off; every
 * invalidation then goes out at once, which is slower but correct.
 */
void arch_enter_lazy_mmu_mode(void)
{
	struct hpte_batch *b;

	if (WARN_ON(preemptible())) {
		hash_stat_inc(lazy_preemptible);
		return;
	}
	b = this_cpu_ptr(&hpte_batch);
	WARN_ON(b->active);
	b->active = true;
}

/*
 * arch_leave_lazy_mmu_mode - flush the batch and stop batching. Generic
 * code calls it before dropping the page-table lock: until the old HPTEs
 * are gone, a fault on another CPU that got past the lock could hash the
 * new PTE next to the old entry, a duplicate (seed 001).
 */
void arch_leave_lazy_mmu_mode(void)
{
	struct hpte_batch *b;

	preempt_disable();
	b = this_cpu_ptr(&hpte_batch);
	if (b->active) {
		batch_flush(b, HPTE_FLUSH_LEAVE);
		b->active = false;
	}
	preempt_enable();
}

/*
 * The context switch, interrupts off (kernel/process.c). A task switched
 * out in lazy mode (it should not be: the PTL is held; this is Linux's
 * safety net from __switch_to) has its batch flushed here, since the
 * next task on this CPU may batch too, and gets batching back when it
 * runs again, on whatever CPU.
 */
void hpte_batch_switch_out(struct thread_struct *prev)
{
	struct hpte_batch *b = raw_cpu_ptr(&hpte_batch);

	if (!b->active)
		return;
	batch_flush(b, HPTE_FLUSH_SWITCH);
	b->active = false;
	prev->lazy_mmu = 1;
}

void hpte_batch_switch_in(struct thread_struct *t)
{
	if (!t->lazy_mmu)
		return;
	t->lazy_mmu = 0;
	raw_cpu_ptr(&hpte_batch)->active = true;
}

unsigned int hpte_batch_pending(void)
{
	return this_cpu_ptr(&hpte_batch)->index;
}

bool hpte_batch_active(void)
{
	return this_cpu_ptr(&hpte_batch)->active;
}

/* An IPI that does nothing: its arrival is the news. */
static void cpu_sync(void *unused)
{
}

/*
 * Interrupt every other CPU that has @mm loaded, and wait until each has
 * taken the interrupt. Called with no spinlock held, interrupts on.
 *
 * Two reasons, one mechanism:
 *  - hash_page_user() walks page tables without a lock, interrupts off:
 *    once each CPU has taken an interrupt, it has finished any walk it
 *    began before the tables were unhooked (Linux's
 *    tlb_remove_table_sync_one), so they may be freed;
 *  - on POWER, tlbie + tlbsync + ptesync already means every CPU has
 *    dropped the translation. QEMU 7.2's multi-threaded TCG does the
 *    other vCPUs' flush asynchronously instead, and the SMP test saw a
 *    thread read through a stale translation after ptesync returned.
 *    An interrupt forces the other vCPU through its pending flush first.
 *    On hardware this is redundant; it is cheap next to the work around
 *    it, and it reaches only CPUs running the mm.
 */
static void sync_other_cpus(struct mm_struct *mm)
{
	cpumask_t mask;

	smp_mb(); /* unhooked entries and HPTEs, before reading the mask */
	mask = READ_ONCE(mm->cpu_vm_mask);
	/* This CPU is a hint only: the call leaves out whichever we are on. */
	if (mask & ~cpumask_of(raw_smp_processor_id())) {
		smp_call_function_many(mask, cpu_sync, NULL, true);
		hash_stat_inc(sync_ipi);
	}
}

/*
 * tlb_flush - the gather's flush (mm/mmu_gather.c), no spinlock held.
 *
 * The HPTEs are gone already (the lazy batch was flushed before the PTL
 * dropped); anything still queued on this CPU goes now. Then the other
 * CPUs with the mm loaded are synchronized before the gather frees pages
 * and page tables (sync_other_cpus). cpu_vm_mask is exact on ppc64
 * (switch_mm), so a process on one CPU costs no IPI. A full-mm gather
 * (exit) needs none: nobody runs in the mm any more, and a CPU that ran
 * it flushed its translations when it switched away (slbia).
 */
void tlb_flush(struct mmu_gather *tlb)
{
	preempt_disable();
	batch_flush(this_cpu_ptr(&hpte_batch), HPTE_FLUSH_TLB);
	preempt_enable();
	if (!tlb->fullmm)
		sync_other_cpus(tlb->mm);
}

/* Does the HPTE grant more than PTE @pte allows (or map another page)? */
static bool hpte_exceeds(unsigned long r, unsigned long pte)
{
	if (!(pte & _PAGE_PRESENT) || !(pte & (_PAGE_READ | _PAGE_EXEC)))
		return true;
	if ((r & HPTE_R_RPN) != (pte & PTE_RPN_MASK))
		return true;
	if ((r & HPTE_R_PP) == PP_RW_USER && !(pte & _PAGE_WRITE))
		return true;
	return !(r & HPTE_R_N) && !(pte & _PAGE_EXEC);
}

/* Check, and repair, the hashed PTEs of one PTE table. */
static void check_pte_table(struct mm_struct *mm, pmd_t *pmd,
			    unsigned long addr, unsigned long end)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(pmd, addr, &ptl);

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		unsigned long val = READ_ONCE(pte->pte), vpn, slot;

		if (!(val & _PAGE_HASHPTE))
			continue;
		vpn = user_vpn(mm, addr);
		slot = hash_slot(vpn, USER_SEGSIZE, val & _PAGE_F_SECOND,
				 (val & _PAGE_F_GIX) >> _PAGE_F_GIX_SHIFT);
		if (!hash_slot_matches(slot, vpn, USER_SEGSIZE) ||
		    !hpte_exceeds(hash_read_slot(slot).r, val))
			continue;
		hash_stat_inc(stale_hpte);
		pr_err("hash: stale HPTE for %lx (pte %lx), removed\n", addr,
		       val);
		pte_update(mm, addr, pte, _PAGE_HPTE_SLOT, 0);
	}
	pte_unmap_unlock(pte, ptl);
}

/*
 * flush_tlb_range - outside a gather (mprotect, fork, COW): make sure no
 * HPTE of [start, end) in @vma's mm allows more than its PTE, on any
 * CPU. The PTE hooks removed every such HPTE when the PTE changed, so
 * this finishes anything queued on this CPU and then checks: a hashed
 * PTE whose HPTE exceeds it is a bug, counted (nr_stale_hpte, must stay
 * 0), reported and repaired. Last, the other CPUs running the mm are
 * synchronized (sync_other_cpus), so when mprotect returns, or before
 * a COW frees the old page, no thread anywhere still uses an old
 * translation. (Linux's hash flush_tlb_range does nothing at all.)
 * mmap_lock held by the caller, no spinlock; may take PTLs.
 */
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	unsigned long addr, next;

	preempt_disable();
	batch_flush(this_cpu_ptr(&hpte_batch), HPTE_FLUSH_TLB);
	preempt_enable();
	end = ALIGN(end, PAGE_SIZE);
	for (addr = start & PAGE_MASK; addr < end; addr = next) {
		pmd_t *pmd = find_user_pmd(vma->vm_mm, addr);

		next = pmd_addr_end(addr, end);
		if (pmd)
			check_pte_table(vma->vm_mm, pmd, addr, next);
	}
	sync_other_cpus(vma->vm_mm);
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_range(vma, addr & PAGE_MASK, (addr & PAGE_MASK) + PAGE_SIZE);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	/* The tlbies are done and synced (see <asm/tlbflush.h>). */
	__asm__ __volatile__("ptesync" : : : "memory");
}
