// SPDX-License-Identifier: MIT
/*
 * tests/kernel/sched_test.c: kernel threads, preemption, affinity,
 * migration and sleeping.
 *
 * The key case is spinning_thread_is_preempted: a thread that never
 * yields must still lose its CPU when its slice ends, because the timer
 * interrupt's return path preempts it (preempt_schedule_irq). Without
 * preemption on interrupt return the second thread would never run.
 */
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/sched.h>
#include <anvil/smp.h>
#include <anvil/time.h>

/* A CPU other than the one running the test, if there is one. */
static unsigned int other_cpu(void)
{
	unsigned int self = raw_smp_processor_id();

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu != self && cpu_online(cpu))
			return cpu;
	return self;
}

/* Poll (sleeping) until *flag is set or @ms pass; returns the flag. */
static bool wait_flag(volatile int *flag, unsigned int ms)
{
	u64 end = ktime_get_ns() + ms * NSEC_PER_MSEC;

	while (!READ_ONCE(*flag) && ktime_get_ns() < end)
		msleep(5);
	return READ_ONCE(*flag);
}

static void set_flag(void *arg)
{
	WRITE_ONCE(*(volatile int *)arg, 1);
}

static void kthread_runs_and_joins(struct ktest *t)
{
	volatile int ran = 0;
	struct task_struct *k = kthread_run(set_flag, (void *)&ran, "ktest");

	KTEST_ASSERT_NOT_NULL(t, k);
	kthread_join(k);
	KTEST_EXPECT_TRUE(t, ran);
}

struct spinner {
	volatile int stop;
	volatile u64 spins;
	volatile int other_ran;
};

static void spin_forever(void *arg)
{
	struct spinner *s = arg;

	while (!READ_ONCE(s->stop))
		s->spins++; /* no yield, no sleep: only preemption helps */
}

static void note_ran(void *arg)
{
	struct spinner *s = arg;

	WRITE_ONCE(s->other_ran, 1);
}

static void spinning_thread_is_preempted(struct ktest *t)
{
	struct spinner s = { 0 };
	unsigned int cpu = other_cpu();
	struct task_struct *spin, *other;

	spin = kthread_create(spin_forever, &s, "spinner");
	other = kthread_create(note_ran, &s, "waiter");
	KTEST_ASSERT_TRUE(t, spin && other);
	kthread_bind(spin, cpu);
	kthread_bind(other, cpu);
	kthread_start(spin);
	while (s.spins == 0)
		msleep(1);
	kthread_start(other); /* same CPU, behind a thread that never yields */
	KTEST_EXPECT_TRUE(t, wait_flag(&s.other_ran, 2000));
	WRITE_ONCE(s.stop, 1);
	kthread_join(other);
	kthread_join(spin);
	ktest_log(t, "spinner on CPU %u looped %llu times", cpu,
		  (unsigned long long)s.spins);
}

struct where {
	unsigned int want;
	volatile unsigned int seen;
	volatile int done;
};

static void record_cpu(void *arg)
{
	struct where *w = arg;

	w->seen = smp_processor_id(); /* pinned: no DEBUG_PREEMPT report */
	WRITE_ONCE(w->done, 1);
}

static void threads_run_on_every_cpu(struct ktest *t)
{
	static struct where w[NR_CPUS];
	struct task_struct *k[NR_CPUS] = { 0 };
	unsigned int n = 0;

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!cpu_online(cpu))
			continue;
		w[cpu] = (struct where){ .want = cpu, .seen = ~0U };
		k[cpu] = kthread_create(record_cpu, &w[cpu], "percpu");
		KTEST_ASSERT_NOT_NULL(t, k[cpu]);
		kthread_bind(k[cpu], cpu);
		kthread_start(k[cpu]);
		n++;
	}
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!k[cpu])
			continue;
		kthread_join(k[cpu]);
		KTEST_EXPECT_EQ(t, w[cpu].seen, cpu);
	}
	KTEST_EXPECT_EQ(t, n, (unsigned int)nr_online_cpus());
}

static void do_nothing(void *unused)
{
}

/*
 * A thread that ends on another CPU while we join it: its last switch
 * away (kthread_finish_exit, on that CPU) races our kthread_join, which
 * frees it. The finish must not touch the task once the join may free
 * it: an earlier version read t->joiner after setting t->exited, and a
 * join that saw the flag freed the task first (slab poison in a wake-up,
 * about one ppc64 run in five). Many short threads make the window show.
 */
static void join_races_the_last_switch(struct ktest *t)
{
	unsigned int cpu = 0, i;

	for (i = 0; i < 400; i++) {
		struct task_struct *k = kthread_create(do_nothing, NULL, "brief");

		KTEST_ASSERT_NOT_NULL(t, k);
		do
			cpu = (cpu + 1) % NR_CPUS;
		while (!cpu_online(cpu));
		kthread_bind(k, cpu);
		kthread_start(k);
		/* Join the moment it is seen to have exited, as a poller
		 * (the ppc64 user-mode test) does: the tightest window. */
		while (!smp_load_acquire(&k->exited))
			cpu_relax();
		kthread_join(k);
	}
	KTEST_EXPECT_EQ(t, i, 400U);
}

struct mover {
	volatile int stop;
	volatile unsigned int cpu;
};

static void watch_cpu(void *arg)
{
	struct mover *m = arg;

	while (!READ_ONCE(m->stop)) {
		WRITE_ONCE(m->cpu, raw_smp_processor_id());
		cond_resched();
	}
}

static void running_thread_migrates(struct ktest *t)
{
	struct mover m = { .cpu = ~0U };
	unsigned int from = raw_smp_processor_id(), to = other_cpu();
	struct task_struct *k;
	u64 end;

	if (to == from) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	k = kthread_create(watch_cpu, &m, "mover");
	KTEST_ASSERT_NOT_NULL(t, k);
	kthread_bind(k, from);
	kthread_start(k);
	while (READ_ONCE(m.cpu) != from)
		msleep(1);
	KTEST_EXPECT_EQ(t, set_cpus_allowed(k, cpumask_of(to)), 0);
	end = ktime_get_ns() + 1000 * NSEC_PER_MSEC;
	while (READ_ONCE(m.cpu) != to && ktime_get_ns() < end)
		msleep(1);
	KTEST_EXPECT_EQ(t, READ_ONCE(m.cpu), to);
	WRITE_ONCE(m.stop, 1);
	kthread_join(k);
}

static void msleep_sleeps_long_enough(struct ktest *t)
{
	u64 start = ktime_get_ns(), took;

	msleep(50);
	took = ktime_get_ns() - start;
	ktest_log(t, "msleep(50) took %llu us", (unsigned long long)(took / 1000));
	KTEST_EXPECT_TRUE(t, took >= 50 * NSEC_PER_MSEC);
	KTEST_EXPECT_TRUE(t, took < 500 * NSEC_PER_MSEC);
}

struct pingpong {
	volatile int turn;
	int rounds;
};

static void ping(void *arg)
{
	struct pingpong *p = arg;

	for (int i = 0; i < p->rounds; i++) {
		while (READ_ONCE(p->turn) != 0)
			yield();
		WRITE_ONCE(p->turn, 1);
	}
}

static void pong(void *arg)
{
	struct pingpong *p = arg;

	for (int i = 0; i < p->rounds; i++) {
		while (READ_ONCE(p->turn) != 1)
			yield();
		WRITE_ONCE(p->turn, 0);
	}
}

/* Two threads on one CPU hand a token back and forth with yield(). */
static void yield_switches_between_threads(struct ktest *t)
{
	struct pingpong p = { .turn = 0, .rounds = 1000 };
	unsigned int cpu = other_cpu();
	struct task_struct *a = kthread_create(ping, &p, "ping");
	struct task_struct *b = kthread_create(pong, &p, "pong");
	u64 start, took;

	KTEST_ASSERT_TRUE(t, a && b);
	kthread_bind(a, cpu);
	kthread_bind(b, cpu);
	start = ktime_get_ns();
	kthread_start(a);
	kthread_start(b);
	kthread_join(a);
	kthread_join(b);
	took = ktime_get_ns() - start;
	ktest_log(t, "%d round trips in %llu us: %llu ns per switch", p.rounds,
		  (unsigned long long)(took / 1000),
		  (unsigned long long)(took / (2 * p.rounds)));
	KTEST_EXPECT_EQ(t, p.turn, 0); /* pong answered the last ping */
}

KTEST_SUITE(sched, "sched",
	    KTEST_CASE(kthread_runs_and_joins),
	    KTEST_CASE(spinning_thread_is_preempted),
	    KTEST_CASE(threads_run_on_every_cpu),
	    KTEST_CASE(join_races_the_last_switch),
	    KTEST_CASE(running_thread_migrates),
	    KTEST_CASE(msleep_sleeps_long_enough),
	    KTEST_CASE(yield_switches_between_threads));
