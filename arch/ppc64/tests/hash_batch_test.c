// SPDX-License-Identifier: MIT
/*
 * hash_batch_test.c: the per-CPU batch of HPTE invalidations and who
 * gets interrupted ("anvil.test=ppc64_batch"). Built with DEBUG=1 when
 * the arch has user mm.
 *
 *   - lazy MMU mode entered preemptible (seed 004, planted): a WARN,
 *     counted, and no batching, so nothing can be left behind;
 *   - a batch still queued when its task is switched out is flushed by
 *     the switch and re-armed when the task runs again;
 *   - a big unmap fills the batch and flushes it early, and every HPTE
 *     is gone by the time munmap returns;
 *   - cpu_vm_mask holds exactly the CPUs that have the mm loaded, and
 *     tlb_flush interrupts those, and only those;
 *   - another CPU hash-faulting on the same pages while this one
 *     mprotects, forks and writes never sees a duplicate, a stale entry
 *     or wrong data. (This case found that QEMU 7.2 flushes other
 *     vCPUs' TLBs asynchronously after ptesync: docs/ppc64.md, "tlb_flush
 *     and flush_tlb_range".)
 */
#include <anvil/debug.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/preempt.h>
#include <anvil/sched.h>
#include <anvil/smp.h>
#include <asm/mmu-hash.h>
#include <asm/mmu_context.h>

#include "mm_env.h"

static void lazy_mode_preemptible_warns(struct ktest *t)
{
	unsigned long warns = hash_stat_read(lazy_preemptible);
	struct debug_counts before, after;

	KTEST_ASSERT_TRUE(t, preemptible());
	debug_counts_snapshot(&before);
	ktest_log(t, "a WARNING follows; it is expected (seed 004 planted)");
	arch_enter_lazy_mmu_mode();
	KTEST_EXPECT_EQ(t, hash_stat_read(lazy_preemptible), warns + 1);
	preempt_disable();
	KTEST_EXPECT_FALSE(t, hpte_batch_active());
	preempt_enable();
	arch_leave_lazy_mmu_mode();
	debug_counts_snapshot(&after);
	/* The check itself used no per-CPU data while preemptible. */
	KTEST_EXPECT_EQ(t, after.preempt_bugs, before.preempt_bugs);

	/* The contract's way, with the PTL's preemption off: no report. */
	preempt_disable();
	arch_enter_lazy_mmu_mode();
	KTEST_EXPECT_TRUE(t, hpte_batch_active());
	arch_leave_lazy_mmu_mode();
	KTEST_EXPECT_FALSE(t, hpte_batch_active());
	preempt_enable();
	KTEST_EXPECT_EQ(t, hash_stat_read(lazy_preemptible), warns + 1);
}

static void just_return(void *arg)
{
}

static void switch_flushes_and_rearms_batch(struct ktest *t)
{
	unsigned long flushes = hash_stat_read(batch_flush[HPTE_FLUSH_SWITCH]);
	struct task_struct *other;
	struct mm_env e;
	pte_t *pte, old;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, do_mmap(e.mm, TEST_BASE, PAGE_SIZE, TEST_RW,
				   TEST_ANON, -1, 0), TEST_BASE);
	uwrite(TEST_BASE, 42);
	pte = mm_env_pte(e.mm, TEST_BASE);
	KTEST_ASSERT_TRUE(t, pte && hptes_for(e.mm, TEST_BASE) == 1);
	other = kthread_create(just_return, NULL, "batch_test");
	KTEST_ASSERT_NOT_NULL(t, other);
	kthread_bind(other, e.cpu);

	/* Queue one invalidation, then become preemptible: the planted bug. */
	preempt_disable();
	arch_enter_lazy_mmu_mode();
	old = ptep_get_and_clear(e.mm, TEST_BASE, pte);
	KTEST_EXPECT_EQ(t, hpte_batch_pending(), 1);
	KTEST_EXPECT_EQ(t, hptes_for(e.mm, TEST_BASE), 1); /* not yet */
	preempt_enable();
	kthread_start(other);
	yield();		/* other runs here, on our CPU */
	kthread_join(other);

	KTEST_EXPECT_EQ(t, hptes_for(e.mm, TEST_BASE), 0);
	KTEST_EXPECT_EQ(t, hash_stat_read(batch_flush[HPTE_FLUSH_SWITCH]),
			flushes + 1);
	preempt_disable();
	KTEST_EXPECT_TRUE(t, hpte_batch_active()); /* re-armed for us */
	KTEST_EXPECT_EQ(t, hpte_batch_pending(), 0);
	arch_leave_lazy_mmu_mode();
	preempt_enable();

	set_pte_at(e.mm, TEST_BASE, pte, old); /* so munmap frees the page */
	KTEST_EXPECT_EQ(t, uread(TEST_BASE), 42);
	mm_env_exit(&e);
}

static void big_unmap_fills_batch_early(struct ktest *t)
{
	unsigned long full = hash_stat_read(batch_flush[HPTE_FLUSH_FULL]);
	unsigned long n = 2 * HPTE_BATCH_NR, i;
	struct mm_env e;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, do_mmap(e.mm, TEST_BASE, n * PAGE_SIZE, TEST_RW,
				   TEST_ANON, -1, 0), TEST_BASE);
	for (i = 0; i < n; i++)
		uwrite(TEST_BASE + i * PAGE_SIZE, i);
	KTEST_EXPECT_EQ(t, do_munmap(e.mm, TEST_BASE, n * PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(t, hash_stat_read(batch_flush[HPTE_FLUSH_FULL]) > full);
	for (i = 0; i < n; i++)
		KTEST_EXPECT_EQ(t, hptes_for(e.mm, TEST_BASE + i * PAGE_SIZE), 0);
	mm_env_exit(&e);
}

static struct mm_struct *remote_mm;

static void load_remote(void *arg)
{
	switch_mm(NULL, remote_mm, NULL);
}

static void unload_remote(void *arg)
{
	leave_mm();
}

static void flush_interrupts_only_cpus_with_the_mm(struct ktest *t)
{
	cpumask_t others;
	unsigned long ipis, syncs;
	unsigned int other;
	struct mm_env e;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	others = cpu_online_mask() & ~cpumask_of(e.cpu);
	if (!others) {
		mm_env_exit(&e);
		ktest_skip(t, "one CPU online");
		return;
	}
	other = (unsigned int)__builtin_ctzll(others);
	KTEST_EXPECT_EQ(t, e.mm->cpu_vm_mask, cpumask_of(e.cpu));
	KTEST_EXPECT_EQ(t, do_mmap(e.mm, TEST_BASE, 4 * PAGE_SIZE, TEST_RW,
				   TEST_ANON, -1, 0), TEST_BASE);
	uwrite(TEST_BASE, 1);
	uwrite(TEST_BASE + PAGE_SIZE, 2);

	/* Alone in the mask: munmap interrupts nobody. */
	syncs = hash_stat_read(sync_ipi);
	ipis = smp_ipis_received(other);
	KTEST_EXPECT_EQ(t, do_munmap(e.mm, TEST_BASE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, hash_stat_read(sync_ipi), syncs);
	KTEST_EXPECT_EQ(t, smp_ipis_received(other), ipis);

	/* Loaded on the other CPU too: that one, and only it, is told. */
	remote_mm = e.mm;
	on_each_cpu_mask(cpumask_of(other), load_remote, NULL, true);
	KTEST_EXPECT_EQ(t, e.mm->cpu_vm_mask,
			cpumask_of(e.cpu) | cpumask_of(other));
	ipis = smp_ipis_received(other);
	KTEST_EXPECT_EQ(t, do_munmap(e.mm, TEST_BASE + PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, hash_stat_read(sync_ipi), syncs + 1);
	KTEST_EXPECT_TRUE(t, smp_ipis_received(other) > ipis);

	on_each_cpu_mask(cpumask_of(other), unload_remote, NULL, true);
	KTEST_EXPECT_EQ(t, e.mm->cpu_vm_mask, cpumask_of(e.cpu));
	mm_env_exit(&e);
	KTEST_EXPECT_EQ(t, hash_stat_read(hpte_dup_refused), 0);
}

/*
 * Two CPUs on one mm: a reader on the other CPU hash-faults the pages
 * in again and again, while this CPU takes write permission away and
 * back (mprotect), forks (every PTE write-protected under a batch) and
 * stores (COW or reuse). Every HPTE change races with the reader's
 * hash faults; none may leave a duplicate or a stale entry, and the
 * reader must always see the data.
 */
#define STRESS_PAGES 32
#define STRESS_ROUNDS 40

struct stress {
	struct mm_struct *mm;
	bool stop;
	unsigned long reads, bad;
	unsigned long bad_addr, bad_val;	/* the first wrong read */
};

static void stress_reader(void *arg)
{
	struct stress *s = arg;
	unsigned long i;

	switch_mm(NULL, s->mm, current);
	while (!READ_ONCE(s->stop))
		for (i = 0; i < STRESS_PAGES; i++) {
			unsigned long addr = TEST_BASE + i * PAGE_SIZE;
			unsigned long val = uread(addr);

			if (val != i + 1 && !s->bad++) {
				s->bad_addr = addr;
				s->bad_val = val;
			}
			s->reads++;
		}
	leave_mm();
}

static void stress_round(struct mm_struct *mm, unsigned long len)
{
	struct mm_struct *child;
	unsigned long i;

	do_mprotect(mm, TEST_BASE, len, PROT_READ);
	do_mprotect(mm, TEST_BASE, len, TEST_RW);
	child = dup_mm(mm);
	for (i = 0; i < STRESS_PAGES; i += 3)
		uwrite(TEST_BASE + i * PAGE_SIZE, i + 1);
	if (child)
		mmput(child);
}

static void concurrent_hash_faults_never_duplicate(struct ktest *t)
{
	unsigned long dups = hash_stat_read(hpte_dup_refused);
	unsigned long stale = hash_stat_read(stale_hpte);
	unsigned long faults = hash_stat_read(hash_fault);
	unsigned long len = STRESS_PAGES * PAGE_SIZE, i;
	static struct stress s;
	struct task_struct *reader;
	cpumask_t others;
	struct mm_env e;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	others = cpu_online_mask() & ~cpumask_of(e.cpu);
	if (!others) {
		mm_env_exit(&e);
		ktest_skip(t, "one CPU online");
		return;
	}
	KTEST_EXPECT_EQ(t, do_mmap(e.mm, TEST_BASE, len, TEST_RW, TEST_ANON,
				   -1, 0), TEST_BASE);
	for (i = 0; i < STRESS_PAGES; i++)
		uwrite(TEST_BASE + i * PAGE_SIZE, i + 1);
	s = (struct stress){ .mm = e.mm };
	reader = kthread_create(stress_reader, &s, "hash_reader");
	KTEST_ASSERT_NOT_NULL(t, reader);
	kthread_bind(reader, (unsigned int)__builtin_ctzll(others));
	kthread_start(reader);
	for (i = 0; i < STRESS_ROUNDS; i++)
		stress_round(e.mm, len);
	WRITE_ONCE(s.stop, true);
	kthread_join(reader);

	ktest_log(t, "%lu reads on the other CPU while %d rounds ran here; %lu hash faults",
		  s.reads, STRESS_ROUNDS, hash_stat_read(hash_fault) - faults);
	KTEST_EXPECT_TRUE(t, s.reads > 0);
	if (s.bad)
		ktest_log(t, "%lu wrong reads; first %lx at %lx", s.bad,
			  s.bad_val, s.bad_addr);
	KTEST_EXPECT_EQ(t, s.bad, 0);
	for (i = 0; i < len; i += PAGE_SIZE)
		KTEST_EXPECT_TRUE(t, hptes_for(e.mm, TEST_BASE + i) <= 1);
	KTEST_EXPECT_EQ(t, hash_stat_read(hpte_dup_refused), dups);
	KTEST_EXPECT_EQ(t, hash_stat_read(stale_hpte), stale);
	mm_env_exit(&e);
}

KTEST_SUITE(ppc64_batch, "ppc64_batch",
	    KTEST_CASE(lazy_mode_preemptible_warns),
	    KTEST_CASE(switch_flushes_and_rearms_batch),
	    KTEST_CASE(big_unmap_fills_batch_early),
	    KTEST_CASE(flush_interrupts_only_cpus_with_the_mm),
	    KTEST_CASE(concurrent_hash_faults_never_duplicate));
