// SPDX-License-Identifier: MIT
/*
 * kernel/entry.c: the generic half of returning to user mode, and of a
 * task's end.
 *
 * exit_to_user_mode() is the last stop before every return to user mode:
 * a fatal signal is delivered here. Signal handlers, masks and frames
 * arrive with the process work; until then every signal the kernel
 * forces (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP) takes its default
 * action, which for all of these is to end the task.
 *
 * Not yet: rescheduling here when need_resched is set (so that user code
 * is preempted at its slice's end). That needs the scheduler to switch
 * address spaces (switch_mm, active_mm) on every context switch, which
 * arrives with processes; until then a task running user code could be
 * resumed under another task's page tables, so it is not switched out
 * on its way back to user mode. Only the in-kernel tests run user code.
 */
#include <anvil/kernel.h>
#include <anvil/mm_types.h>
#include <anvil/sched.h>
#include <anvil/syscalls.h>

void mmput(struct mm_struct *mm);
void mmgrab(struct mm_struct *mm);

void exit_to_user_mode(struct pt_regs *regs)
{
	if (READ_ONCE(current->fatal_signal)) {
		local_irq_enable();
		do_exit(current->fatal_signal); /* wait status: signal */
	}
}

/*
 * do_exit - the current task ends with wait status @code. Its address
 * space goes (the last user tears the mappings down); the task itself
 * is freed by whoever waits for it.
 */
void do_exit(int code)
{
	struct mm_struct *mm = current->mm;

	current->exit_code = code;
	if (mm) {
		/*
		 * The page-table root stays until the CPU has switched away
		 * from it: active_mm keeps a reference (mm_count) that the
		 * scheduler drops after the switch.
		 */
		mmgrab(mm);	/* for active_mm, dropped after the switch */
		current->mm = NULL;
		mmput(mm);
	}
	kthread_exit();
}
