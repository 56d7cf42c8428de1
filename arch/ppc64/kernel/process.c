// SPDX-License-Identifier: MIT
/*
 * process.c: preparing a new task's kernel stack.
 *
 * Interface: arch_thread_setup() (<anvil/arch.h>). The switch itself and
 * the ret_from_kernel_thread trampoline a new task starts in are in
 * switch_to.S; struct thread_struct is in <asm/processor.h>.
 *
 * A new task has never called arch_switch_to(), so we fake the frame it
 * would have left: the first switch into it unwinds this frame and
 * "returns" into ret_from_kernel_thread, which calls fn(arg). The new
 * stack, top down:
 *
 *	stack_top ->	(rounded down to 16 bytes)
 *	first ->	ABI header: back chain 0 (backtraces end here),
 *			LR slot = ret_from_kernel_thread
 *	ksp ->		switch frame: back chain -> first,
 *			r14 = fn, r15 = arg, r16..r31 = 0, CR = 0
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

/* Keep in step with switch_to.S. */
#define SWITCH_FRAME (STACK_FRAME_OVERHEAD + 18 * 8 + 16)

extern char ret_from_kernel_thread[];

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
	unsigned long *first = (unsigned long *)(top - STACK_FRAME_OVERHEAD);
	unsigned long *frame = (unsigned long *)((unsigned long)first -
						 SWITCH_FRAME);
	unsigned long *gpr = frame + STACK_FRAME_OVERHEAD / 8; /* r14.. */
	int i;

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
