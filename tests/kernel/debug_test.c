// SPDX-License-Identifier: MIT
/*
 * tests/kernel/debug_test.c: planted bugs are caught, and correct code is
 * left alone.
 *
 *	DEBUG_PREEMPT	a per-CPU access in preemptible code (seed 004)
 *	lockdep		an ABBA inversion of two mutexes; a recursive read of
 *			an rwsem; and 500 mutexes of one class under a nest
 *			lock, which must not report
 *	might_sleep	a mutex taken under a spinlock, or with interrupts off
 *	lock misuse	unlocking someone else's mutex
 *
 * Each case snapshots the report counters (<anvil/debug.h>) around the
 * planted bug and asserts on the difference. The reports themselves
 * appear in the log with backtraces: they are expected.
 */
#include <anvil/debug.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mutex.h>
#include <anvil/percpu.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/spinlock.h>

static DEFINE_PER_CPU(unsigned long, debug_test_counter);

/* Counter deltas since @before. */
static struct debug_counts since(const struct debug_counts *before)
{
	struct debug_counts now;

	debug_counts_snapshot(&now);
	now.preempt_bugs -= before->preempt_bugs;
	now.might_sleep_bugs -= before->might_sleep_bugs;
	now.lockdep -= before->lockdep;
	now.lock_bugs -= before->lock_bugs;
	return now;
}

/* The planted bug: this CPU's copy, with nothing keeping us on the CPU. */
static __noinline void percpu_access_preemptible(void)
{
	(*this_cpu_ptr(&debug_test_counter))++;
}

static void percpu_in_preemptible_code(struct ktest *t)
{
	struct debug_counts before, d;

	KTEST_ASSERT_TRUE(t, preemptible());
	if (current->cpus_allowed == cpumask_of(raw_smp_processor_id())) {
		ktest_skip(t, "the test task is pinned to one CPU");
		return;
	}
	debug_counts_snapshot(&before);
	ktest_log(t, "a DEBUG_PREEMPT report follows; it is expected");
	percpu_access_preemptible();
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.preempt_bugs, 1);

	/* The same access with preemption off is correct: no report. */
	debug_counts_snapshot(&before);
	preempt_disable();
	(*this_cpu_ptr(&debug_test_counter))++;
	preempt_enable();
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.preempt_bugs, 0);
}

static struct {
	unsigned int cpu;
	unsigned int got;
	unsigned long reports;
} pinned;

static void pinned_thread(void *arg)
{
	struct debug_counts before, d;

	debug_counts_snapshot(&before);
	pinned.got = smp_processor_id(); /* preemptible, but can't move */
	d = since(&before);
	pinned.reports = d.preempt_bugs;
}

/* A task pinned to one CPU may use smp_processor_id() preemptibly. */
static void pinned_task_is_not_reported(struct ktest *t)
{
	struct task_struct *k = kthread_create(pinned_thread, NULL, "dbg-pin");

	KTEST_ASSERT_NOT_NULL(t, k);
	pinned.cpu = (unsigned int)nr_online_cpus() - 1;
	pinned.got = ~0U;
	kthread_bind(k, pinned.cpu);
	wake_up_process(k);
	kthread_join(k);
	KTEST_EXPECT_EQ(t, pinned.got, pinned.cpu);
	KTEST_EXPECT_EQ(t, pinned.reports, 0);
}

/* Take a then b, later b then a: lockdep reports the second order. */
static void abba_inversion(struct ktest *t)
{
	static struct mutex a, b;
	struct debug_counts before, d;

	mutex_init(&a);
	mutex_init(&b);
	debug_counts_snapshot(&before);
	mutex_lock(&a);
	mutex_lock(&b);
	mutex_unlock(&b);
	mutex_unlock(&a);
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.lockdep, 0);

	ktest_log(t, "a lock-order report follows; it is expected");
	mutex_lock(&b);
	mutex_lock(&a); /* reported before it could block */
	mutex_unlock(&a);
	mutex_unlock(&b);
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.lockdep, 1);
	KTEST_EXPECT_EQ(t, d.might_sleep_bugs, 0);
}

/* Uncontended, so it reports without sleeping (a real sleep would hang). */
static void mutex_under_spinlock(struct ktest *t)
{
	static DEFINE_SPINLOCK(outer);
	static DEFINE_MUTEX(inner);
	struct debug_counts before, d;

	debug_counts_snapshot(&before);
	ktest_log(t, "a might_sleep report follows; it is expected");
	spin_lock(&outer);
	mutex_lock(&inner);
	mutex_unlock(&inner);
	spin_unlock(&outer);
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.might_sleep_bugs, 1);
	KTEST_EXPECT_EQ(t, d.lockdep, 0);
}

static void might_sleep_contexts(struct ktest *t)
{
	struct debug_counts before, d;

	debug_counts_snapshot(&before);
	might_sleep(); /* task context, preemptible: fine */
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.might_sleep_bugs, 0);

	ktest_log(t, "two might_sleep reports follow; they are expected");
	local_irq_disable();
	might_sleep();
	local_irq_enable();
	preempt_disable();
	might_sleep();
	preempt_enable();
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.might_sleep_bugs, 2);
}

#define NR_NESTED 500
static struct mutex nested[NR_NESTED];

/*
 * mm_take_all_locks() in miniature: many locks of one class, taken under
 * an outer lock that serializes every such walk, released in the same
 * order they were taken (as mm_drop_all_locks() does).
 */
static void nest_lock_500_no_report(struct ktest *t)
{
	static struct mutex outer;
	struct debug_counts before, d;

	mutex_init(&outer);
	for (int i = 0; i < NR_NESTED; i++)
		mutex_init(&nested[i]); /* one site: one class */
	debug_counts_snapshot(&before);
	mutex_lock(&outer);
	for (int i = 0; i < NR_NESTED; i++)
		mutex_lock_nested(&nested[i], &outer);
	for (int i = 0; i < NR_NESTED; i++)
		mutex_unlock(&nested[i]);
	mutex_unlock(&outer);
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.lockdep, 0);
	KTEST_EXPECT_EQ(t, d.might_sleep_bugs, 0);

	/* The control: two of the class without the nest lock. */
	ktest_log(t, "a recursive-locking report follows; it is expected");
	mutex_lock(&nested[0]);
	mutex_lock(&nested[1]);
	mutex_unlock(&nested[1]);
	mutex_unlock(&nested[0]);
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.lockdep, 1);
}

/*
 * Taking the mmap lock for reading twice deadlocks as soon as a writer
 * queues between the two: reported even when no writer is there.
 */
static void rwsem_recursive_read(struct ktest *t)
{
	static DECLARE_RWSEM(sem);
	struct debug_counts before, d;

	debug_counts_snapshot(&before);
	down_read(&sem);
	up_read(&sem);
	down_write(&sem);
	downgrade_write(&sem);
	up_read(&sem);
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.lockdep, 0);

	ktest_log(t, "a recursive-locking report follows; it is expected");
	down_read(&sem);
	down_read(&sem);
	up_read(&sem);
	up_read(&sem);
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.lockdep, 1);
	KTEST_EXPECT_FALSE(t, rwsem_is_locked(&sem));
}

static struct mutex victim;

static void foreign_unlocker(void *arg)
{
	mutex_unlock(&victim);
}

static void mutex_unlock_by_non_owner(struct ktest *t)
{
	struct debug_counts before, d;
	struct task_struct *k;

	mutex_init(&victim);
	mutex_lock(&victim);
	debug_counts_snapshot(&before);
	ktest_log(t, "a mutex misuse report follows; it is expected");
	k = kthread_run(foreign_unlocker, NULL, "dbg-unlock");
	KTEST_EXPECT_TRUE(t, k != NULL);
	if (k)
		kthread_join(k);
	d = since(&before);
	KTEST_EXPECT_EQ(t, d.lock_bugs, 1);
	KTEST_EXPECT_TRUE(t, mutex_owner(&victim) == current);
	mutex_unlock(&victim);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&victim));
}

KTEST_SUITE(debug, "debug",
	    KTEST_CASE(percpu_in_preemptible_code),
	    KTEST_CASE(pinned_task_is_not_reported),
	    KTEST_CASE(abba_inversion),
	    KTEST_CASE(mutex_under_spinlock),
	    KTEST_CASE(might_sleep_contexts),
	    KTEST_CASE(nest_lock_500_no_report),
	    KTEST_CASE(rwsem_recursive_read),
	    KTEST_CASE(mutex_unlock_by_non_owner));
