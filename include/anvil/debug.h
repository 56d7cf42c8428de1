/* SPDX-License-Identifier: MIT */
/*
 * The run-time checkers' reports, and one place to count them
 * (kernel/debug.c).
 *
 *	might_sleep()		at the top of anything that may block: reports
 *				"BUG: sleeping function called from invalid
 *				context" if preemption or interrupts are off
 *				(a spinlock held, inside an interrupt handler)
 *	debug_smp_processor_id()  DEBUG_PREEMPT: smp_processor_id() and
 *				this_cpu_ptr() in code that could migrate
 *				(declared in <anvil/percpu.h>; seed 004)
 *	lockdep			lock-order reports (kernel/locking/lockdep.c)
 *	lock misuse		unlocking a mutex you don't own, and the like
 *
 * A report prints what went wrong, where, the locks held and a backtrace,
 * then the kernel carries on: a report is never fatal. Tests take a
 * debug_counts_snapshot() before and after planting a bug and assert on
 * the difference.
 *
 * Before the scheduler runs (sched_running, set by sched_init() in
 * kernel/sched/core.c) there is one CPU and one flow of control, nothing
 * can sleep or migrate, and the checkers stay quiet.
 */
#ifndef ANVIL_DEBUG_H
#define ANVIL_DEBUG_H

#include <anvil/compiler.h>
#include <anvil/types.h>

/* True once sched_init() has run (owned by kernel/sched/core.c). */
extern bool sched_running;

struct debug_counts {
	unsigned long preempt_bugs;	/* smp_processor_id() in preemptible */
	unsigned long might_sleep_bugs;	/* sleeping in atomic context */
	unsigned long lockdep;		/* lockdep_reports */
	unsigned long lock_bugs;	/* mutex/rwsem misuse */
};

/* Copy every counter at once. */
void debug_counts_snapshot(struct debug_counts *c);

#ifdef CONFIG_DEBUG
void __might_sleep(const char *file, int line);
/* This code may block: say so, and let debug builds check the context. */
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#else
#define might_sleep() do { } while (0)
#endif

/*
 * report_lock_bug - a lock was misused (not a deadlock: lockdep does those).
 * Prints "BUG: <what>: <lock name>" with the task and a backtrace, counts it.
 */
void report_lock_bug(const char *what, const char *lock_name);

#endif /* ANVIL_DEBUG_H */
