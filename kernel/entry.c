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
 * is preempted at its slice's end). With it on, the x86_64 ring-3 test
 * (arch/x86_64/tests/user_test.c, whose thread loads its page tables by
 * hand instead of owning an mm) crashed about one run in seven, returning
 * to address 0 on the next task's stack right after the switch wrote
 * MSR_FS_BASE. It goes back on, with that understood, when processes own
 * their mm (the scheduler now switches mm on every context switch).
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
