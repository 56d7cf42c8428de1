// SPDX-License-Identifier: MIT
/*
 * kernel/sched/core.c: the scheduler (interface in <anvil/sched.h>).
 *
 * Per-CPU runqueues served round-robin with a time slice. The pieces:
 *
 *	__schedule()		pick the next task and switch to it
 *	finish_task_switch()	the second half, run by the task switched to
 *	wake_up_process()	put a sleeping task back on a runqueue
 *	scheduler_tick()	count down the time slice (every CPU, in IRQ)
 *	preempt_schedule*()	involuntary switches: preempt_enable() and
 *				interrupt return (see <anvil/preempt.h>)
 *	set_cpus_allowed()	affinity, and moving tasks between CPUs
 *
 * A switch, on one CPU:
 *
 *	prev: __schedule()
 *	  irqs off, lock rq, choose next, rq->prev = prev
 *	  arch_switch_to(prev, next) ------+
 *	                                   |  next resumes wherever it left
 *	next: ... back inside __schedule() or, if new, kthread_entry()
 *	  finish_task_switch(): prev->on_cpu = 0, unlock rq, irqs back
 *
 * The rq lock taken by prev is released by next: that is why it is a bare
 * arch lock (see sched.h). Every task inside __schedule() holds one
 * preempt_count for it, and new tasks are born with that count (1).
 *
 * Lock order: a task's rq lock, then nothing else; wait-queue and mutex
 * locks are taken before (outside) it, never inside.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/smp.h>
#include <anvil/time.h>
#include <anvil/trace.h>

#include <asm/mmu_context.h>

#include "sched.h"

DEFINE_PER_CPU(struct rq, runqueues);

DEFINE_SPINLOCK(tasklist_lock);

struct task_struct init_task = {
	.comm = "swapper/0",
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.state = TASK_RUNNING,
	.cpus_allowed = 1, /* CPU 0 */
	.on_cpu = 1,
};

bool sched_running; /* set once sched_init() has run */

unsigned int *__preempt_count_ptr(void)
{
	return &current->preempt_count;
}

bool need_resched(void)
{
	return test_bit(TIF_NEED_RESCHED, &current->flags);
}

/* lockdep keeps one held-lock stack per task. */
struct lockdep_context *lockdep_current(void)
{
	return &current->lockdep;
}

void irq_enter(void)
{
	if (!(current->preempt_count & HARDIRQ_MASK))
		trace_irq_enter();
	current->preempt_count += HARDIRQ_OFFSET;
}

void irq_exit(void)
{
	current->preempt_count -= HARDIRQ_OFFSET;
	if (!(current->preempt_count & HARDIRQ_MASK))
		trace_irq_exit();
}

static void rq_init(struct rq *rq, unsigned int cpu, struct task_struct *idle)
{
	rq->lock.val = 0;
	INIT_LIST_HEAD(&rq->queue);
	rq->nr_running = 0;
	rq->cpu = cpu;
	rq->idle = rq->curr = idle;
	rq->prev = NULL;
	rq->prev_mm = NULL;
	rq->nr_switches = 0;
}

static void enqueue_task(struct rq *rq, struct task_struct *t)
{
	list_add_tail(&t->run_list, &rq->queue);
	t->on_rq = 1;
	rq->nr_running++;
}

static void dequeue_task(struct rq *rq, struct task_struct *t)
{
	list_del_init(&t->run_list);
	t->on_rq = 0;
	rq->nr_running--;
}

/* Ask @rq's CPU to reschedule: set the flag, and interrupt it if remote. */
static void resched_curr(struct rq *rq)
{
	set_need_resched(rq->curr);
	if (rq->cpu != raw_smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

/* The least loaded online CPU in @mask, for placing and moving tasks. */
static unsigned int select_cpu(cpumask_t mask, unsigned int prefer)
{
	unsigned int best = NR_CPUS, best_load = ~0U;

	mask &= cpu_online_mask();
	if (mask & cpumask_of(prefer) && cpu_rq(prefer)->nr_running == 0)
		return prefer;
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!(mask & cpumask_of(cpu)))
			continue;
		if (READ_ONCE(cpu_rq(cpu)->nr_running) < best_load) {
			best = cpu;
			best_load = READ_ONCE(cpu_rq(cpu)->nr_running);
		}
	}
	return best == NR_CPUS ? prefer : best;
}

/* Put a task that is on no runqueue onto @cpu's. Interrupts are off. */
static void activate_on(struct task_struct *t, unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	arch_spin_lock(&rq->lock);
	WRITE_ONCE(t->cpu, cpu);
	enqueue_task(rq, t);
	if (rq->curr == rq->idle)
		resched_curr(rq);
	arch_spin_unlock(&rq->lock);
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	if (list_empty(&rq->queue))
		return rq->idle;
	return list_first_entry(&rq->queue, struct task_struct, run_list);
}

/* Charge prev for its run and start next's clock. */
static void account_switch(struct task_struct *prev, struct task_struct *next)
{
	u64 now = ktime_get_ns();

	prev->sum_exec_ns += now - prev->exec_start_ns;
	next->exec_start_ns = now;
	next->nr_switches++;
}

/*
 * Give @next its address space, Linux's way. A task with an mm gets it
 * loaded (switch_mm). A kernel thread has none: it borrows whatever is
 * loaded (prev->active_mm, lazy TLB), holding a reference so the mm
 * cannot be freed under the CPU; when a kernel thread switches away, the
 * reference it borrowed is dropped after the switch (rq->prev_mm).
 * Runqueue lock held, interrupts off.
 */
static void context_switch_mm(struct rq *rq, struct task_struct *prev,
			      struct task_struct *next)
{
	struct mm_struct *oldmm = prev->active_mm;

	if (!next->mm) {
		next->active_mm = oldmm;
		if (oldmm) {
			mmgrab(oldmm);
			enter_lazy_tlb(oldmm, next);
		}
	} else {
		switch_mm(oldmm, next->mm, next);
		next->active_mm = next->mm;
	}
	if (!prev->mm && oldmm) {
		rq->prev_mm = oldmm;
		prev->active_mm = NULL;
	}
}

/*
 * The second half of a switch, run on the new task's stack with the rq
 * lock still held from the first half. Only now is prev really off this
 * CPU, so only now may another CPU run it or its stack be freed.
 */
void finish_task_switch(struct rq *rq)
{
	struct task_struct *prev = rq->prev;
	struct mm_struct *mm = rq->prev_mm;
	bool moving = prev->on_rq == 0 && prev->state == TASK_RUNNING &&
		      prev != rq->idle;
	bool dead = prev->state == TASK_DEAD;

	rq->prev_mm = NULL;
	smp_store_release(&prev->on_cpu, 0);
	arch_spin_unlock(&rq->lock);
	if (mm) /* this CPU runs on another mm now */
		mmdrop(mm);
	if (moving) /* set_cpus_allowed took it off this CPU's queue */
		activate_on(prev, select_cpu(prev->cpus_allowed, prev->cpu));
	if (dead)
		kthread_finish_exit(prev);
}

static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;
	struct rq *rq;

	local_irq_save(flags);
	rq = this_rq();
	arch_spin_lock(&rq->lock);
	clear_bit(TIF_NEED_RESCHED, &prev->flags);

	if (prev != rq->idle && prev->on_rq) {
		if (!preempt && prev->state != TASK_RUNNING)
			dequeue_task(rq, prev); /* going to sleep */
		else if (!(prev->cpus_allowed & cpumask_of(rq->cpu)))
			dequeue_task(rq, prev); /* moving; see finish */
		else
			list_move_tail(&prev->run_list, &rq->queue);
	}
	next = pick_next_task(rq);
	if (next == prev) {
		arch_spin_unlock(&rq->lock);
		local_irq_restore(flags);
		return;
	}
	if (next->slice <= 0)
		next->slice = SCHED_SLICE_TICKS;
	next->on_cpu = 1;
	rq->curr = next;
	rq->prev = prev;
	rq->nr_switches++;
	percpu_hdr_of(rq->cpu)->current_task = next;
	account_switch(prev, next);
	context_switch_mm(rq, prev, next);

	arch_switch_to(&prev->thread, &next->thread);

	/* We are next now (or prev, much later, resumed on some CPU). */
	finish_task_switch(this_rq());
	local_irq_restore(flags);
}

static void schedule_debug(void)
{
	if (unlikely(preempt_count() != 0 && sched_running)) {
		pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n",
		       current->comm, current->pid, preempt_count());
		dump_stack();
	}
}

void schedule(void)
{
	schedule_debug();
	do {
		preempt_disable();
		__schedule(false);
		preempt_enable_no_resched();
	} while (need_resched());
}

/* preempt_enable() found need_resched with the count at 0. */
void preempt_schedule(void)
{
	if (!preemptible())
		return;
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

/*
 * Interrupt return to kernel code that had interrupts on: the arch calls
 * this with interrupts off. This is where a task spinning in kernel code
 * loses the CPU when its slice ends.
 */
void preempt_schedule_irq(void)
{
	if (preempt_count() != 0 || !need_resched())
		return;
	do {
		preempt_disable();
		local_irq_enable();
		__schedule(true);
		/*
		 * Raw: the arch's interrupt return turns them back on behind
		 * the irqs-off tracer's back, so this is no section start.
		 */
		arch_local_irq_disable();
		preempt_enable_no_resched();
	} while (need_resched());
}

void cond_resched(void)
{
	if (need_resched() && preempt_count() == 0)
		preempt_schedule();
}

void yield(void)
{
	set_need_resched(current);
	schedule();
}

/*
 * try_to_wake_up - make @t runnable if it sleeps in one of the @state
 * bits: a signal wakes only TASK_INTERRUPTIBLE sleepers, so a task in
 * an uninterruptible wait (a mutex, a page being read) is left alone.
 */
static bool try_to_wake_up(struct task_struct *t, long state)
{
	unsigned long flags;
	unsigned int cpu;
	struct rq *rq;

	local_irq_save(flags);
	for (;;) {
		cpu = READ_ONCE(t->cpu);
		rq = cpu_rq(cpu);
		arch_spin_lock(&rq->lock);
		if (READ_ONCE(t->cpu) == cpu)
			break;
		arch_spin_unlock(&rq->lock); /* it moved meanwhile */
	}
	if (!(t->state & state)) {	/* running, or not this kind of sleep */
		arch_spin_unlock(&rq->lock);
		local_irq_restore(flags);
		return false;
	}
	WRITE_ONCE(t->state, TASK_RUNNING);
	if (t->on_rq || t->on_cpu) {
		/* Still on this CPU, about to sleep: it won't now. */
		arch_spin_unlock(&rq->lock);
	} else if (t->cpus_allowed & cpumask_of(cpu) && cpu_online(cpu)) {
		enqueue_task(rq, t);
		if (rq->curr == rq->idle)
			resched_curr(rq);
		arch_spin_unlock(&rq->lock);
	} else {
		arch_spin_unlock(&rq->lock);
		activate_on(t, select_cpu(t->cpus_allowed, cpu));
	}
	local_irq_restore(flags);
	return true;
}

bool wake_up_process(struct task_struct *t)
{
	return try_to_wake_up(t, TASK_NORMAL);
}

bool wake_up_state(struct task_struct *t, long state)
{
	return try_to_wake_up(t, state);
}

/* Start a new task: it is on no runqueue yet. */
void wake_up_new_task(struct task_struct *t)
{
	unsigned long flags;

	local_irq_save(flags);
	t->state = TASK_RUNNING;
	activate_on(t, select_cpu(t->cpus_allowed, raw_smp_processor_id()));
	local_irq_restore(flags);
}

int set_cpus_allowed(struct task_struct *t, cpumask_t mask)
{
	unsigned long flags;
	struct rq *rq;

	if (!(mask & cpu_online_mask()))
		return -22; /* EINVAL */
	local_irq_save(flags);
	rq = cpu_rq(READ_ONCE(t->cpu));
	arch_spin_lock(&rq->lock);
	t->cpus_allowed = mask;
	if (!(mask & cpumask_of(t->cpu))) {
		if (t->on_cpu) {
			/* Running: it moves itself at its next switch. */
			resched_curr(rq);
		} else if (t->on_rq) {
			dequeue_task(rq, t);
			arch_spin_unlock(&rq->lock);
			activate_on(t, select_cpu(mask, t->cpu));
			local_irq_restore(flags);
			return 0;
		}
		/* Asleep: wake_up_process() will pick an allowed CPU. */
	}
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
	if (t == current && !(mask & cpumask_of(raw_smp_processor_id())))
		schedule(); /* move now, before returning to the caller */
	return 0;
}

void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	arch_spin_lock(&rq->lock);
	curr = rq->curr;
	if (curr == rq->idle) {
		if (rq->nr_running)
			set_need_resched(curr);
	} else if (--curr->slice <= 0) {
		curr->slice = SCHED_SLICE_TICKS;
		if (rq->nr_running > 1)
			set_need_resched(curr);
	}
	arch_spin_unlock(&rq->lock);
	sched_timer_tick();
}

/* kthread_exit(): switch away for the last time. */
void __schedule_dead(void)
{
	__schedule(false);
	BUG(); /* a dead task was switched back to */
}

void sched_init_secondary(unsigned int cpu)
{
	struct task_struct *idle = idle_task_create(cpu);

	if (!idle)
		panic("no memory for CPU %u's idle task", cpu);
	rq_init(cpu_rq(cpu), cpu, idle);
	percpu_hdr_of(cpu)->current_task = idle;
}

void sched_init(void)
{
	rq_init(this_rq(), 0, &init_task);
	init_task.slice = SCHED_SLICE_TICKS;
	init_task.exec_start_ns = ktime_get_ns();
	sched_running = true;
}

/* The idle loop: halt until an interrupt, run whatever became runnable. */
void cpu_idle_loop(void)
{
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
			continue;
		}
		/* Halting turns interrupts on: end the irqs-off section. */
		trace_hardirqs_on_prepare();
		arch_wait_for_interrupt(); /* returns with interrupts on */
	}
}
