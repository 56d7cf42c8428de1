// SPDX-License-Identifier: MIT
/*
 * tests/kernel/latency_test.c: the preempt-off and irqs-off tracer finds
 * a planted long section, and names the code that began it.
 *
 * After latency_reset(), a 5 ms busy-wait with preemption off must be the
 * longest preempt-off section on any CPU: at least 5 ms less what the
 * tick's handlers took meanwhile (they are not charged to it: at most a
 * tenth here), well under 50 ms (the tracer mustn't merge it with anything
 * else), begun and ended inside the test function (kallsyms names it),
 * and counted in the 4-8 ms histogram bucket. The same for interrupts.
 */
#include <anvil/irqflags.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/preempt.h>
#include <anvil/sched.h>
#include <anvil/string.h>
#include <anvil/time.h>
#include <anvil/trace.h>

static struct latency_snapshot snap; /* the last snapshot, for check_max */

/* Is @ip inside the function named @fn? */
static bool site_in(unsigned long ip, const char *fn)
{
	unsigned long off;
	const char *name = kallsyms_lookup(ip, &off);

	return name && strcmp(name, fn) == 0;
}

static void check_max(struct ktest *t, enum latency_kind kind, u64 min_ns,
		      const char *fn)
{
	struct latency_max *m = &snap.max[kind];
	unsigned long off;
	const char *start = kallsyms_lookup(m->start_ip, &off);

	ktest_log(t, "%s max %llu us, from %pS to %pS, CPU %u, %s/%d",
		  latency_kind_name(kind), (unsigned long long)(m->ns / 1000),
		  (void *)m->start_ip, (void *)m->end_ip, m->cpu, m->comm,
		  m->pid);
	KTEST_EXPECT_TRUE(t, m->ns >= min_ns - min_ns / 10);
	KTEST_EXPECT_TRUE(t, m->ns < 50 * NSEC_PER_MSEC);
	KTEST_EXPECT_TRUE(t, site_in(m->start_ip, fn));
	KTEST_EXPECT_TRUE(t, site_in(m->end_ip, fn));
	KTEST_EXPECT_TRUE(t, start != NULL);
	KTEST_EXPECT_TRUE(t, snap.hist[kind][latency_bucket(m->ns)] >= 1);
}

static void planted_preempt_off(struct ktest *t)
{
	latency_reset();
	preempt_disable();
	mdelay(5);
	preempt_enable();
	latency_snapshot(&snap);
	check_max(t, LATENCY_PREEMPT_OFF, 5 * NSEC_PER_MSEC,
		  "planted_preempt_off");
	KTEST_EXPECT_EQ(t, latency_bucket(5 * NSEC_PER_MSEC), 13);
}

static void planted_irqs_off(struct ktest *t)
{
	unsigned long flags;

	latency_reset();
	local_irq_save(flags);
	mdelay(3);
	local_irq_restore(flags);
	latency_snapshot(&snap);
	check_max(t, LATENCY_IRQS_OFF, 3 * NSEC_PER_MSEC, "planted_irqs_off");
}

/*
 * An interrupt handler inside a preempt-off section is not charged to it:
 * 2 ms, a 3 ms "handler" (irq_enter/irq_exit with interrupts off, as the
 * arch's entry code brackets one), 2 ms more: a 4 ms section, not 7.
 */
static void interrupt_handlers_are_not_charged(struct ktest *t)
{
	unsigned long flags;

	latency_reset();
	preempt_disable();
	mdelay(2);
	local_irq_save(flags);
	irq_enter();
	mdelay(3);
	irq_exit();
	local_irq_restore(flags);
	mdelay(2);
	preempt_enable();
	latency_snapshot(&snap);
	check_max(t, LATENCY_PREEMPT_OFF, 4 * NSEC_PER_MSEC,
		  "interrupt_handlers_are_not_charged");
	KTEST_EXPECT_TRUE(t, snap.max[LATENCY_PREEMPT_OFF].ns <
				     5 * NSEC_PER_MSEC);
}

/* Nested disables are one section, from the outermost off to its on. */
static void nested_sections_are_one(struct ktest *t)
{
	latency_reset();
	preempt_disable();
	mdelay(2);
	preempt_disable();
	mdelay(2);
	preempt_enable();
	mdelay(2);
	preempt_enable();
	latency_snapshot(&snap);
	check_max(t, LATENCY_PREEMPT_OFF, 6 * NSEC_PER_MSEC,
		  "nested_sections_are_one");
}

static void do_nothing(void *arg)
{
}

/*
 * An idle CPU halts with interrupts "on" (arch_wait_for_interrupt enables
 * them as it halts), so the halt is not an irqs-off section, however long.
 * Let every other CPU halt for a few ticks, then wake each with a thread;
 * no irqs-off section may then begin in the idle loop.
 */
static void idle_halt_is_not_irqs_off(struct ktest *t)
{
	struct latency_max *m = &snap.max[LATENCY_IRQS_OFF];
	unsigned int self = raw_smp_processor_id();
	unsigned long off;
	const char *start;

	latency_reset();
	msleep(50);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct task_struct *k;

		if (!cpu_online(cpu) || cpu == self)
			continue;
		k = kthread_create(do_nothing, NULL, "lat-wake");
		KTEST_ASSERT_NOT_NULL(t, k);
		kthread_bind(k, cpu);
		wake_up_process(k);
		kthread_join(k);
	}
	latency_snapshot(&snap);
	start = kallsyms_lookup(m->start_ip, &off);
	ktest_log(t, "irqs-off max %llu us, from %pS to %pS, CPU %u",
		  (unsigned long long)(m->ns / 1000), (void *)m->start_ip,
		  (void *)m->end_ip, m->cpu);
	KTEST_EXPECT_FALSE(t, start && strcmp(start, "cpu_idle_loop") == 0);
}

/* The report for the boot log: after a reset, with the planted section. */
static void print_report(struct ktest *t)
{
	latency_reset();
	preempt_disable();
	mdelay(1);
	preempt_enable();
	latency_print();
	latency_snapshot(&snap);
	KTEST_EXPECT_TRUE(t, snap.max[LATENCY_PREEMPT_OFF].ns >= NSEC_PER_MSEC);
}

KTEST_SUITE(latency, "latency",
	    KTEST_CASE(planted_preempt_off),
	    KTEST_CASE(planted_irqs_off),
	    KTEST_CASE(nested_sections_are_one),
	    KTEST_CASE(interrupt_handlers_are_not_charged),
	    KTEST_CASE(idle_halt_is_not_irqs_off),
	    KTEST_CASE(print_report));
