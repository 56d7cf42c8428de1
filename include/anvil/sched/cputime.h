/* SPDX-License-Identifier: MIT */
/*
 * CPU time used by tasks (kernel/sched/cputime.c), for clock_gettime's
 * CPU clocks, times, getrusage.
 *
 * The scheduler charges a task's run time when it switches out
 * (sum_exec_ns); these add the part of the current run not yet charged.
 * anvil does not split user from system time: all of it counts as user
 * time in times() and getrusage().
 */
#ifndef ANVIL_SCHED_CPUTIME_H
#define ANVIL_SCHED_CPUTIME_H

#include <anvil/types.h>

struct task_struct;

/* Nanoseconds @t has run, up to now; any task, any context. */
u64 task_sched_runtime(struct task_struct *t);
/*
 * Nanoseconds the live threads of @t's thread group have run (just @t
 * for a kernel thread). Caller holds tasklist_lock. Threads that have
 * exited are not counted: signal_struct keeps no total for them yet.
 */
u64 thread_group_cputime(struct task_struct *t);

#endif /* ANVIL_SCHED_CPUTIME_H */
