/* SPDX-License-Identifier: MIT */
/*
 * kernel/sched/sched.h: the scheduler's private structures, shared by
 * core.c and timer.c only.
 */
#ifndef KERNEL_SCHED_SCHED_H
#define KERNEL_SCHED_SCHED_H

#include <anvil/sched.h>
#include <anvil/spinlock.h>

/*
 * One runqueue per CPU.
 *
 * lock is a bare arch_spinlock_t: schedule() takes it in one task and the
 * next task releases it (finish_task_switch), so it belongs to the CPU,
 * not to a task, and lockdep's per-task held-lock stacks can't track it.
 * It is always taken with interrupts off, and never two at a time: a task
 * moving between CPUs is taken off one queue, unlocked, then put on the
 * other.
 */
struct rq {
	arch_spinlock_t lock;
	struct list_head queue;		/* runnable tasks, running one first */
	unsigned int nr_running;	/* tasks on queue */
	struct task_struct *curr;	/* running now */
	struct task_struct *idle;	/* runs when queue is empty */
	struct task_struct *prev;	/* the task switched away from, for
					 * finish_task_switch() */
	struct mm_struct *prev_mm;	/* an mm a kernel thread borrowed,
					 * to drop once the switch is done */
	unsigned int cpu;
	u64 nr_switches;
};

DECLARE_PER_CPU(struct rq, runqueues);

static inline struct rq *cpu_rq(unsigned int cpu)
{
	return per_cpu_ptr(&runqueues, cpu);
}

/* This CPU's runqueue: callers have interrupts (so migration) off. */
static inline struct rq *this_rq(void)
{
	return raw_cpu_ptr(&runqueues);
}

void finish_task_switch(struct rq *rq);
/* mm/mm_struct.c */
void mmgrab(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);
void sched_timer_tick(void);
void wake_up_new_task(struct task_struct *t);
/* kthread.c: a dead task is off its CPU; wake whoever joins it. */
void kthread_finish_exit(struct task_struct *t);
extern bool sched_running;
void __schedule_dead(void) __noreturn;
struct task_struct *idle_task_create(unsigned int cpu);


#endif /* KERNEL_SCHED_SCHED_H */
