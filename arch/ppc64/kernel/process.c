// SPDX-License-Identifier: MIT
/*
 * process.c: the context switch's C half, and preparing a new task's
 * kernel stack.
 *
 * Interface: arch_switch_to(), arch_thread_setup() (<anvil/arch.h>). The
 * stack switch itself and the ret_from_kernel_thread trampoline a new
 * task starts in are in switch_to.S; struct thread_struct is in
 * <asm/processor.h>.
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
#include <asm/tlbflush.h>

/* Keep in step with switch_to.S. */
#define SWITCH_FRAME (STACK_FRAME_OVERHEAD + 18 * 8 + 16)

extern char ret_from_kernel_thread[];

struct thread_struct *__arch_switch_to(struct thread_struct *prev,
				       struct thread_struct *next);

/*
 * Switch from @prev to @next, interrupts off (Linux's __switch_to). A
 * lazy-MMU batch must not outlive its task on this CPU: it is flushed
 * on the way out and re-armed when @prev runs again (mm/tlb_hash.c).
 * After __arch_switch_to() returns we are @prev again, resumed much
 * later, possibly on another CPU; a new task never gets here (it starts
 * in ret_from_kernel_thread), and it was not in lazy mode anyway.
 */
struct thread_struct *arch_switch_to(struct thread_struct *prev,
				     struct thread_struct *next)
{
	struct thread_struct *last;

	hpte_batch_switch_out(prev);
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
