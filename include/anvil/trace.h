/* SPDX-License-Identifier: MIT */
/*
 * The preempt-off and irqs-off latency tracer (kernel/trace/latency.c).
 *
 * While preemption is off on a CPU, a task that wakes up there can't run;
 * while interrupts are off, the tick and IPIs wait. The tracer times every
 * such section and keeps, for each kind:
 *
 *	the longest one seen, with the code sites that began and ended it,
 *	the CPU, and the task that ended it;
 *	a log2 histogram of all of them, in microseconds.
 *
 * It is fed by hooks at the transitions, never at nested calls:
 *
 *	trace_preempt_off/on	<anvil/preempt.h>: preempt_count 0 -> non-zero
 *				and back (declared there)
 *	trace_hardirqs_off/on	<anvil/irqflags.h>: local_irq_* turning
 *				interrupts off, or back on
 *	trace_irq_enter/exit	irq_enter()/irq_exit(), outermost level:
 *				handler time, left out of preempt-off
 *				sections (they are irqs-off sections)
 *
 * A section may begin in one task and end in another (schedule() switches
 * with both off): it is the CPU that couldn't be preempted, so sections
 * are per CPU. The tracer is quiet until the scheduler runs.
 *
 * Reading it (docs/preemption.md has a worked example):
 *
 *	latency_reset();		forget the maxima and histograms
 *	...
 *	latency_snapshot(&s);		copy them out (tests, /proc later)
 *	latency_print();		or print them (boot log)
 */
#ifndef ANVIL_TRACE_H
#define ANVIL_TRACE_H

#include <anvil/sched.h>
#include <anvil/types.h>

enum latency_kind {
	LATENCY_PREEMPT_OFF,
	LATENCY_IRQS_OFF,
	NR_LATENCY_KINDS,
};

/*
 * Histogram buckets: 0 holds sections under 1 us; bucket b >= 1 holds
 * [2^(b-1), 2^b) us; the last also holds everything longer.
 */
#define LATENCY_HIST_BUCKETS 24

struct latency_max {
	u64 ns;			/* 0: nothing recorded since the reset */
	unsigned long start_ip;	/* where the section began */
	unsigned long end_ip;	/* where it ended */
	unsigned int cpu;
	int pid;		/* the task that ended it */
	char comm[TASK_COMM_LEN];
};

struct latency_snapshot {
	struct latency_max max[NR_LATENCY_KINDS];
	unsigned long hist[NR_LATENCY_KINDS][LATENCY_HIST_BUCKETS];
};

/* Hardirq handler time (called by irq_enter/irq_exit, interrupts off). */
void trace_irq_enter(void);
void trace_irq_exit(void);

/* The bucket a section of @ns nanoseconds is counted in. */
unsigned int latency_bucket(u64 ns);
/* Forget every maximum and histogram (all CPUs). */
void latency_reset(void);
/* Copy the maxima and the histograms, summed over the CPUs. */
void latency_snapshot(struct latency_snapshot *s);
/* Print the maxima, with their sites, and the histograms. */
void latency_print(void);
/* "preempt-off" or "irqs-off". */
const char *latency_kind_name(enum latency_kind kind);

#endif /* ANVIL_TRACE_H */
