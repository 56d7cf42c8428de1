// SPDX-License-Identifier: MIT
/*
 * kernel/trace/latency.c: the preempt-off and irqs-off latency tracer
 * (interface in <anvil/trace.h>).
 *
 *	trace_preempt_off/on()		hooks from <anvil/preempt.h>
 *	trace_hardirqs_off/on()		hooks from <anvil/irqflags.h>
 *	latency_reset/snapshot/print()	reading it
 *
 * Per CPU, for each kind: whether a section is open, when and where it
 * began, and the histogram. A hook runs with its kind off, so nothing can
 * move it to another CPU and raw_cpu_ptr() is exact. Hooks:
 *
 *	- never call preempt_disable(), local_irq_*() or printk(), which
 *	  would call back into the tracer; a per-CPU "busy" flag catches any
 *	  other way back in (a fault, say) and drops that event;
 *	- cost a clock read, a few stores and, only for a new record, the
 *	  global lock (a bare arch lock, with interrupts off the raw way).
 *
 * A preempt-off section is charged the time of the code that holds the
 * CPU, not of the interrupt handlers that ran inside it: those are
 * irqs-off sections of their own, and under TCG one timer interrupt costs
 * as much as hundreds of PTEs of munmap work, which would make the
 * longest section of any long operation "one interrupt plus a little".
 * (Linux's preemptoff tracer counts them; its handlers are microseconds.)
 *
 * An "off" while a section is already open restarts it: a task born with
 * its count held, or an idle CPU that halted with interrupts "off", may
 * leave a section unclosed, and restarting forgets it instead of charging
 * its whole age to the next section's end. An "on" with nothing open is
 * ignored.
 */
#include <anvil/debug.h>
#include <anvil/kernel.h>
#include <anvil/mutex.h>
#include <anvil/percpu.h>
#include <anvil/sched.h>
#include <anvil/spinlock.h>
#include <anvil/string.h>
#include <anvil/time.h>
#include <anvil/trace.h>

struct latency_cpu {
	bool busy;				/* inside a hook */
	bool open[NR_LATENCY_KINDS];
	u64 start_ns[NR_LATENCY_KINDS];
	u64 irq_ns;				/* time in hardirq handlers, ever */
	u64 irq_start_ns;			/* when the running one began */
	u64 start_irq_ns[NR_LATENCY_KINDS];	/* irq_ns at the start */
	unsigned long start_ip[NR_LATENCY_KINDS];
	unsigned long hist[NR_LATENCY_KINDS][LATENCY_HIST_BUCKETS];
};

static DEFINE_PER_CPU(struct latency_cpu, latency_cpus);

/* The records, under max_lock (taken with interrupts off). */
static struct latency_max latency_max[NR_LATENCY_KINDS];
static arch_spinlock_t max_lock;

unsigned int latency_bucket(u64 ns)
{
	u64 us = ns / NSEC_PER_USEC;
	unsigned int b = us ? 64 - (unsigned int)__builtin_clzll(us) : 0;

	return b < LATENCY_HIST_BUCKETS ? b : LATENCY_HIST_BUCKETS - 1;
}

const char *latency_kind_name(enum latency_kind kind)
{
	return kind == LATENCY_PREEMPT_OFF ? "preempt-off" : "irqs-off";
}

/* This CPU's state, or NULL if tracing is off or we are re-entered. */
static struct latency_cpu *latency_enter(void)
{
	struct latency_cpu *lc;

	if (unlikely(!READ_ONCE(sched_running)))
		return NULL;
	lc = raw_cpu_ptr(&latency_cpus);
	if (unlikely(lc->busy))
		return NULL;
	lc->busy = true;
	barrier();
	return lc;
}

static void latency_exit(struct latency_cpu *lc)
{
	barrier();
	lc->busy = false;
}

static void section_begin(enum latency_kind kind, unsigned long ip)
{
	struct latency_cpu *lc = latency_enter();

	if (!lc)
		return;
	lc->start_ns[kind] = ktime_get_ns();
	lc->start_irq_ns[kind] = lc->irq_ns;
	lc->start_ip[kind] = ip;
	lc->open[kind] = true;
	latency_exit(lc);
}

/* A longer section than any so far: record it, unless another CPU won. */
static void record_max(enum latency_kind kind, u64 ns, unsigned long start,
		       unsigned long end)
{
	struct latency_max *m = &latency_max[kind];
	unsigned long flags = arch_local_irq_save();

	arch_spin_lock(&max_lock);
	if (ns > m->ns) {
		m->ns = ns;
		m->start_ip = start;
		m->end_ip = end;
		m->cpu = raw_smp_processor_id();
		m->pid = current->pid;
		memcpy(m->comm, current->comm, sizeof(m->comm));
	}
	arch_spin_unlock(&max_lock);
	arch_local_irq_restore(flags);
}

static void section_end(enum latency_kind kind, unsigned long ip)
{
	struct latency_cpu *lc = latency_enter();
	u64 ns;

	if (!lc)
		return;
	if (lc->open[kind]) {
		lc->open[kind] = false;
		ns = ktime_get_ns() - lc->start_ns[kind];
		/* An interrupt nested in a preempt-off section is its own
		 * (irqs-off) section; charge only the code's own work. */
		if (kind == LATENCY_PREEMPT_OFF)
			ns -= min(ns, lc->irq_ns - lc->start_irq_ns[kind]);
		lc->hist[kind][latency_bucket(ns)]++;
		if (ns > READ_ONCE(latency_max[kind].ns))
			record_max(kind, ns, lc->start_ip[kind], ip);
	}
	latency_exit(lc);
}

void trace_preempt_off(unsigned long ip)
{
	section_begin(LATENCY_PREEMPT_OFF, ip);
}

void trace_preempt_on(unsigned long ip)
{
	section_end(LATENCY_PREEMPT_OFF, ip);
}

/*
 * Time in hardirq handlers: irq_enter()/irq_exit() call these at the
 * outermost level, with interrupts off.
 */
void trace_irq_enter(void)
{
	struct latency_cpu *lc = latency_enter();

	if (!lc)
		return;
	lc->irq_start_ns = ktime_get_ns();
	latency_exit(lc);
}

void trace_irq_exit(void)
{
	struct latency_cpu *lc = latency_enter();

	if (!lc)
		return;
	if (lc->irq_start_ns) {
		lc->irq_ns += ktime_get_ns() - lc->irq_start_ns;
		lc->irq_start_ns = 0;
	}
	latency_exit(lc);
}

void trace_hardirqs_off(unsigned long ip)
{
	section_begin(LATENCY_IRQS_OFF, ip);
}

void trace_hardirqs_on(unsigned long ip)
{
	section_end(LATENCY_IRQS_OFF, ip);
}

/*
 * Another CPU may be adding to its histogram while we clear or read it;
 * an event lost or counted on the wrong side of a reset doesn't matter.
 * Sections open now stay open: they end after the reset and count.
 */
void latency_reset(void)
{
	unsigned long flags = arch_local_irq_save();

	arch_spin_lock(&max_lock);
	memset(latency_max, 0, sizeof(latency_max));
	arch_spin_unlock(&max_lock);
	arch_local_irq_restore(flags);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu_online(cpu))
			memset(per_cpu_ptr(&latency_cpus, cpu)->hist, 0,
			       sizeof(latency_cpus.hist));
}

void latency_snapshot(struct latency_snapshot *s)
{
	unsigned long flags = arch_local_irq_save();

	arch_spin_lock(&max_lock);
	memcpy(s->max, latency_max, sizeof(s->max));
	arch_spin_unlock(&max_lock);
	arch_local_irq_restore(flags);
	memset(s->hist, 0, sizeof(s->hist));
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct latency_cpu *lc = per_cpu_ptr(&latency_cpus, cpu);

		if (!cpu_online(cpu))
			continue;
		for (int k = 0; k < NR_LATENCY_KINDS; k++)
			for (int b = 0; b < LATENCY_HIST_BUCKETS; b++)
				s->hist[k][b] += READ_ONCE(lc->hist[k][b]);
	}
}

/* One line: "<1us: 12  1-2us: 40  2-4us: 3 ..." (empty buckets left out). */
static void print_histogram(const unsigned long *hist)
{
	char line[LATENCY_HIST_BUCKETS * 32];
	size_t n = 0;

	for (unsigned int b = 0; b < LATENCY_HIST_BUCKETS; b++) {
		if (!hist[b] || n >= sizeof(line))
			continue;
		if (b == 0)
			n += snprintf(line + n, sizeof(line) - n, " <1us:%lu",
				      hist[b]);
		else
			n += snprintf(line + n, sizeof(line) - n,
				      " %lu-%luus:%lu", 1UL << (b - 1),
				      1UL << b, hist[b]);
	}
	pr_info("latency:   histogram%s\n", n ? line : " empty");
}

void latency_print(void)
{
	/* Not a spinlock: printing is slow and must not be a section itself. */
	static DEFINE_MUTEX(print_lock);
	static struct latency_snapshot buf; /* [print_lock] */
	struct latency_snapshot *s = &buf;

	mutex_lock(&print_lock);
	latency_snapshot(s);
	for (int k = 0; k < NR_LATENCY_KINDS; k++) {
		struct latency_max *m = &s->max[k];

		if (!m->ns) {
			pr_info("latency: %s: nothing recorded\n",
				latency_kind_name(k));
			continue;
		}
		pr_info("latency: %s max %llu.%03llu ms on CPU %u, ended by %s/%d\n",
			latency_kind_name(k),
			(unsigned long long)(m->ns / NSEC_PER_MSEC),
			(unsigned long long)(m->ns % NSEC_PER_MSEC / 1000),
			m->cpu, m->comm, m->pid);
		pr_info("latency:   began at %pS\n", (void *)m->start_ip);
		pr_info("latency:   ended at %pS\n", (void *)m->end_ip);
		print_histogram(s->hist[k]);
	}
	mutex_unlock(&print_lock);
}
