// SPDX-License-Identifier: MIT
/*
 * tests/kernel/smp_test.c: every CPU came up, and IPIs reach exactly the
 * CPUs they are sent to (the property TLB shootdowns will rely on).
 */
#include <anvil/atomic.h>
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/smp.h>
#include <anvil/time.h>

static void every_cpu_is_online(struct ktest *t)
{
	unsigned int want = min(boot_params.nr_cpus, (unsigned int)NR_CPUS);

	KTEST_EXPECT_EQ(t, nr_online_cpus(), want);
	for (unsigned int cpu = 0; cpu < want; cpu++)
		KTEST_EXPECT_TRUE(t, cpu_online(cpu));
}

static atomic_t hits[NR_CPUS];

static void count_hit(void *arg)
{
	atomic_inc(&hits[raw_smp_processor_id()]);
}

static void reset_hits(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		atomic_set(&hits[cpu], 0);
}

/* One call to each other CPU in turn, timed: the IPI round trip. */
static void ipi_round_trip_to_every_cpu(struct ktest *t)
{
	unsigned int self;
	u64 worst = 0;

	preempt_disable(); /* stay on one CPU while choosing the others */
	self = smp_processor_id();
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		u64 start, took;

		if (cpu == self || !cpu_online(cpu))
			continue;
		reset_hits();
		start = ktime_get_ns();
		smp_call_function_many(cpumask_of(cpu), count_hit, NULL, true);
		took = ktime_get_ns() - start;
		worst = max(worst, took);
		KTEST_EXPECT_EQ(t, atomic_read(&hits[cpu]), 1);
		KTEST_EXPECT_EQ(t, atomic_read(&hits[self]), 0);
	}
	preempt_enable();
	ktest_log(t, "worst IPI round trip %llu us",
		  (unsigned long long)(worst / 1000));
}

/* A mask of every other online CPU: each gets exactly one call. */
static void call_function_reaches_exactly_the_mask(struct ktest *t)
{
	cpumask_t online = cpu_online_mask(), mask = 0;
	unsigned int n = 0;

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (online & cpumask_of(cpu) && (n++ % 2 == 1))
			mask |= cpumask_of(cpu);
	reset_hits();
	on_each_cpu_mask(mask, count_hit, NULL, true);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		KTEST_EXPECT_EQ(t, atomic_read(&hits[cpu]),
				(mask & cpumask_of(cpu)) ? 1 : 0);
	reset_hits();
	on_each_cpu_mask(online, count_hit, NULL, true);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		KTEST_EXPECT_EQ(t, atomic_read(&hits[cpu]),
				(online & cpumask_of(cpu)) ? 1 : 0);
}

static volatile int woke_on = -1;

static void note_cpu(void *arg)
{
	WRITE_ONCE(woke_on, (int)raw_smp_processor_id());
}

/* Waking a thread onto an idle, halted CPU needs a reschedule IPI. */
static void wakeup_kicks_an_idle_cpu(struct ktest *t)
{
	unsigned int self = raw_smp_processor_id(), target = self;
	struct task_struct *k;
	unsigned long before;
	u64 start;

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu != self && cpu_online(cpu))
			target = cpu;
	if (target == self) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	msleep(20); /* let the target go idle */
	before = smp_ipis_received(target);
	k = kthread_create(note_cpu, NULL, "kick");
	KTEST_ASSERT_NOT_NULL(t, k);
	kthread_bind(k, target);
	start = ktime_get_ns();
	kthread_start(k);
	while (READ_ONCE(woke_on) < 0 &&
	       ktime_get_ns() - start < 500 * NSEC_PER_MSEC)
		;
	KTEST_EXPECT_EQ(t, READ_ONCE(woke_on), target);
	KTEST_EXPECT_TRUE(t, smp_ipis_received(target) > before);
	kthread_join(k);
}

KTEST_SUITE(smp, "smp",
	    KTEST_CASE(every_cpu_is_online),
	    KTEST_CASE(ipi_round_trip_to_every_cpu),
	    KTEST_CASE(call_function_reaches_exactly_the_mask),
	    KTEST_CASE(wakeup_kicks_an_idle_cpu));
