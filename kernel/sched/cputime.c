// SPDX-License-Identifier: MIT
/*
 * kernel/sched/cputime.c: how much CPU time tasks have used.
 *
 * account_switch() (core.c) adds a task's run to sum_exec_ns when it
 * leaves the CPU and notes exec_start_ns when it arrives. A task on a
 * CPU right now has also run since exec_start_ns; both fields change
 * under its runqueue's lock, so reading them there gives a consistent
 * sum (Linux's task_sched_runtime() does the same).
 */
#include <anvil/kernel.h>
#include <anvil/sched/cputime.h>
#include <anvil/sched/signal.h>
#include <anvil/time.h>

#include "sched.h"

u64 task_sched_runtime(struct task_struct *t)
{
	unsigned long flags;
	struct rq *rq;
	u64 ns;

	local_irq_save(flags);
	for (;;) {	/* lock the runqueue @t is on; it may move meanwhile */
		rq = cpu_rq(READ_ONCE(t->cpu));
		arch_spin_lock(&rq->lock);
		if (READ_ONCE(t->cpu) == rq->cpu)
			break;
		arch_spin_unlock(&rq->lock);
	}
	ns = t->sum_exec_ns;
	if (rq->curr == t)
		ns += ktime_get_ns() - t->exec_start_ns;
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
	return ns;
}

u64 thread_group_cputime(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *t;
	u64 ns = 0;

	/* A kernel thread, or a process whose list is not set up yet. */
	if (!sig || list_empty(&sig->thread_head))
		return task_sched_runtime(tsk);
	list_for_each_entry(t, &sig->thread_head, thread_node)
		ns += task_sched_runtime(t);
	return ns;
}
