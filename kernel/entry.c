// SPDX-License-Identifier: MIT
/*
 * kernel/entry.c: the generic half of returning to user mode.
 *
 * exit_to_user_mode() is the last stop before every return to user mode
 * (from a syscall, or an interrupt or exception that hit user code). Two
 * kinds of work may wait, flagged in task->flags:
 *
 *	TIF_NEED_RESCHED	the time slice is over, or a woken task
 *				should run: schedule() (this is where user
 *				code is preempted)
 *	TIF_SIGPENDING		a signal may be deliverable: do_signal()
 *				(kernel/signal.c) runs its action, which may
 *				rewrite @regs (a handler's frame) or end
 *				the task
 *
 * Either may set the other again (a signal sent while we slept), so the
 * flags are read again with interrupts off until none is set: then
 * nothing can set one before the return instruction, because only an
 * interrupt could, and interrupts stay off until the CPU is in user mode.
 *
 * fatal_signal is for kernel threads the arch tests run in user mode
 * (they have no signal handlers): a fault ends them here.
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/syscalls.h>

void exit_to_user_mode(struct pt_regs *regs)
{
	struct task_struct *t = current;
	unsigned long work;

	for (;;) {
		work = READ_ONCE(t->flags) &
		       ((1UL << TIF_NEED_RESCHED) | (1UL << TIF_SIGPENDING));
		if (!work && !READ_ONCE(t->fatal_signal))
			break;
		local_irq_enable();
		if (READ_ONCE(t->fatal_signal))
			do_exit(t->fatal_signal); /* wait status: signal */
		if (work & (1UL << TIF_NEED_RESCHED))
			schedule();
		if (work & (1UL << TIF_SIGPENDING))
			do_signal(regs);
		local_irq_disable();
	}
}
