// SPDX-License-Identifier: MIT
/*
 * kernel/process.c: preparing a new task's kernel stack.
 *
 * Interface: arch_thread_setup() (<anvil/arch.h>). The switch itself,
 * and the ret_from_kernel_thread trampoline a new task starts in, are in
 * kernel/switch_to.asm; struct thread_struct in asm/processor.h.
 *
 * A new task has never called arch_switch_to(), so we fake the frame it
 * would have left: the first switch into it pops these "saved"
 * registers and returns into ret_from_kernel_thread, which calls
 * fn(arg). The new stack, top down:
 *
 *   stack_top ->  (rounded down to 16 bytes)
 *                 ret_from_kernel_thread    <- "ret" pops this; after it
 *                 rbp = 0                      RSP is 16-byte aligned
 *                 rbx = fn
 *                 r12 = arg
 *                 r13 = r14 = r15 = 0       <- thread_struct.sp
 */
#include <anvil/arch.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <asm/processor.h>

/* kernel/switch_to.asm */
extern const char ret_from_kernel_thread[];

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
	struct inactive_task_frame *frame = (void *)(top - sizeof(*frame));

	_Static_assert(sizeof(*frame) % 16 == 8,
		       "after 'ret' pops ret_addr, RSP must be 16-aligned");
	*frame = (struct inactive_task_frame){
		.bx = (unsigned long)fn,
		.r12 = (unsigned long)arg,
		.bp = 0,
		.ret_addr = (unsigned long)ret_from_kernel_thread,
	};
	t->sp = (unsigned long)frame;
}

/* fn of a kernel thread returned into ret_from_kernel_thread: a bug. */
void __noreturn kernel_thread_returned(void (*fn)(void *))
{
	panic("kernel thread function %pS returned", (void *)fn);
}
