// SPDX-License-Identifier: MIT
/*
 * process.c: the context switch's C half, preparing a new task's kernel
 * stack, and taking a task to user mode.
 *
 * Interface: arch_switch_to(), arch_thread_setup() (<anvil/arch.h>);
 * arch_start_thread(), arch_start_user(), arch_return_to_user(),
 * arch_copy_thread() (<asm/processor.h>). The stack switch itself and
 * the ret_from_kernel_thread trampoline a new task starts in are in
 * switch_to.S; struct thread_struct is in <asm/processor.h>; the entry
 * code in exceptions-64s.S and syscall.c.
 *
 * A new task has never called arch_switch_to(), so we fake the frame it
 * would have left: the first switch into it unwinds this frame and
 * "returns" into ret_from_kernel_thread, which calls fn(arg). Above it,
 * at the very top, room is kept for what user mode needs. The new
 * stack, top down:
 *
 *	stack_top ->	(rounded down to 16 bytes) = thread.ksp_top
 *			user FP registers	task_fp_state(): 272 bytes
 *			struct pt_regs		task_pt_regs(): 352 bytes
 *	user frame ->	ABI header: back chain 0   <- paca->kstack while
 *			(backtraces end here),        the task runs
 *			LR slot = ret_from_kernel_thread
 *	ksp ->		switch frame: back chain -> user frame,
 *			r14 = fn, r15 = arg, r16..r31 = 0, CR = 0
 *
 * Every kernel thread gets that room, used or not (736 of 16384 bytes):
 * then any task can become a user process without moving its stack,
 * and a parent can fill in a child's user registers before the child
 * ever runs (fork). The ABI header below pt_regs doubles as the first
 * frame of the new task and as the frame of every later entry from user
 * mode: both begin a fresh chain there.
 */
#include <anvil/arch.h>
#include <anvil/errno.h>
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/preempt.h>
#include <anvil/sched.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <asm/paca.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>
#include <anvil/uaccess.h>

/* Keep in step with switch_to.S. */
#define SWITCH_FRAME (STACK_FRAME_OVERHEAD + 18 * 8 + 16)

extern char ret_from_kernel_thread[];

struct thread_struct *__arch_switch_to(struct thread_struct *prev,
				       struct thread_struct *next);

_Static_assert(PT_REGS_SIZE % 16 == 0 && THREAD_FP_SIZE % 16 == 0,
	       "the frames at the stack top keep r1 16-byte aligned");
_Static_assert(sizeof(struct thread_fp_state) == THREAD_FP_SIZE,
	       "THREAD_FP_SIZE");

/* r1 of every entry from user mode of the task @t belongs to. */
static unsigned long user_entry_frame(const struct thread_struct *t)
{
	return t->ksp_top - THREAD_FP_SIZE - PT_REGS_SIZE -
	       STACK_FRAME_OVERHEAD;
}

static struct thread_fp_state *thread_fp(const struct thread_struct *t)
{
	return (struct thread_fp_state *)(t->ksp_top - THREAD_FP_SIZE);
}

/*
 * Switch from @prev to @next, interrupts off (Linux's __switch_to). A
 * lazy-MMU batch must not outlive its task on this CPU: it is flushed
 * on the way out and re-armed when @prev runs again (mm/tlb_hash.c).
 * The user context travels with the task: its FP registers (eagerly;
 * the kernel never uses them, so they are exactly the last user task's)
 * and the frame the CPU enters the kernel on from user mode.
 * After __arch_switch_to() returns we are @prev again, resumed much
 * later, possibly on another CPU; a new task never gets here (it starts
 * in ret_from_kernel_thread), and it was not in lazy mode anyway.
 */
struct thread_struct *arch_switch_to(struct thread_struct *prev,
				     struct thread_struct *next)
{
	struct thread_struct *last;

	hpte_batch_switch_out(prev);
	if (prev->fp_user)
		fp_save(thread_fp(prev));
	if (next->fp_user)
		fp_restore(thread_fp(next));
	if (next->ksp_top)
		get_paca()->kstack = user_entry_frame(next);
	last = __arch_switch_to(prev, next);
	hpte_batch_switch_in(prev);
	return last;
}

void kernel_thread_returned(void (*fn)(void *));

/*
 * Prepare @t so that the first arch_switch_to(..., t) runs fn(arg) on the
 * stack below @stack_top, with interrupts off (as the switch left them).
 * Writes only to the new stack and @t; never fails, never sleeps.
 */
void arch_thread_setup(struct thread_struct *t, void *stack_top,
		       void (*fn)(void *), void *arg)
{
	unsigned long top = ALIGN_DOWN((unsigned long)stack_top, 16);
	unsigned long *first, *frame, *gpr;
	int i;

	*t = (struct thread_struct){ .ksp_top = top };
	memset((void *)(top - THREAD_FP_SIZE - PT_REGS_SIZE), 0,
	       THREAD_FP_SIZE + PT_REGS_SIZE);
	first = (unsigned long *)user_entry_frame(t);
	frame = (unsigned long *)((unsigned long)first - SWITCH_FRAME);
	gpr = frame + STACK_FRAME_OVERHEAD / 8; /* r14.. */
	first[0] = 0;
	first[STACK_FRAME_LR_SAVE] = (unsigned long)ret_from_kernel_thread;
	frame[0] = (unsigned long)first;
	for (i = 0; i < 19; i++) /* r14..r31, then CR */
		gpr[i] = 0;
	gpr[0] = (unsigned long)fn;
	gpr[1] = (unsigned long)arg;
	t->ksp = (unsigned long)frame;
}

/* fn of a kernel thread returned into ret_from_kernel_thread: a bug. */
void __noreturn kernel_thread_returned(void (*fn)(void *))
{
	panic("kernel thread function %pS returned", (void *)fn);
}

/* ---- user mode ------------------------------------------------------- */

/*
 * ELFv1: the ELF entry point is not code but the address of a function
 * descriptor, three doublewords {code address, TOC, environment} in
 * the program's .opd. The new program starts at the code with r2 = its
 * TOC, exactly what calling through the descriptor would do. Read with
 * get_user(): it is user memory, maybe not faulted in yet, maybe bogus.
 */
int arch_start_thread(struct pt_regs *regs, unsigned long ip,
		      unsigned long sp)
{
	struct thread_struct *t = &current->thread;
	const unsigned long __user *desc = (const unsigned long __user *)ip;
	unsigned long entry, toc;

	if (get_user(entry, &desc[0]) || get_user(toc, &desc[1]))
		return -EFAULT;
	*regs = (struct pt_regs){
		.nip = entry,
		.msr = MSR_PR | MSR_EE,	/* the rest: ppc64_exit_to_user() */
		.trap = TRAP_SYSCALL,	/* execve is one */
	};
	regs->gpr[1] = sp;
	regs->gpr[2] = toc;
	/* No preemption between the area and the registers: a switch
	 * would save the old registers over the new area. */
	preempt_disable();
	memset(thread_fp(t), 0, sizeof(struct thread_fp_state));
	fp_restore(thread_fp(t));
	t->fp_user = true;
	preempt_enable();
	return 0;
}

void arch_return_to_user(struct pt_regs *regs)
{
	struct pt_regs *top = task_pt_regs(current);

	BUG_ON(!current->thread.ksp_top); /* the boot task has no such room */
	local_irq_disable();
	if (regs != top)
		*top = *regs;
	/* Normally set at switch-in; a test may have switched by hand. */
	get_paca()->kstack = user_entry_frame(&current->thread);
	ppc64_exit_to_user(top);
	ppc64_ret_to_user(top);
}

/*
 * A descriptor that cannot be read leaves nothing to run: the task goes
 * out with a SIGSEGV queued and exit_to_user_mode() ends it there.
 */
void arch_start_user(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	if (arch_start_thread(regs, ip, sp))
		force_sig_fault(SIGSEGV, SEGV_MAPERR, ip);
	arch_return_to_user(regs);
}

int arch_copy_thread(struct task_struct *child, unsigned long usp,
		     bool set_tls, unsigned long tls)
{
	struct thread_struct *t = &child->thread;
	struct pt_regs *regs = task_pt_regs(child);

	*regs = *task_pt_regs(current);
	syscall_set_return_value(regs, 0);
	if (usp)
		user_stack_pointer_set(regs, usp);
	if (set_tls)
		regs->gpr[13] = tls;
	/* Our live FP registers are current's state: copy them as they are. */
	preempt_disable();
	fp_save(thread_fp(t));
	preempt_enable();
	t->fp_user = true;
	return 0;
}
