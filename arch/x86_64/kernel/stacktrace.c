// SPDX-License-Identifier: MIT
/*
 * kernel/stacktrace.c: walking the frame-pointer chain for backtraces.
 *
 * Interface: arch_stack_walk() (<anvil/arch.h>); kernel/panic.c turns
 * the addresses into "func+0x12" lines. The kernel is built with
 * -fno-omit-frame-pointer, so every C function starts with
 * "push rbp; mov rbp, rsp" and its frame looks like:
 *
 *   higher addresses
 *   | caller's frame ...  |
 *   | return address      |  <- rbp + 8: a PC in the caller
 *   | caller's rbp        |  <- rbp: the next link in the chain
 *   | locals ...          |
 *   lower addresses
 *
 * The chain ends at head.asm's "xor ebp, ebp" before start_kernel().
 * kernel/entry.asm adds a frame whose return address is the interrupted
 * RIP, so a walk from inside an exception handler continues through the
 * interrupted code.
 *
 * The walk runs in oopses, with who knows what on the stack, so it never
 * trusts a frame pointer: it must be aligned, mapped, in the kernel half
 * of the address space and above the previous one (stacks grow down, so
 * callers' frames are at higher addresses).
 */
#include <anvil/arch.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>

#define KERNEL_HALF_START 0xffff800000000000UL
#define MAX_FRAMES 64		/* a stack is not deeper; a loop is a bug */

struct stack_frame {
	struct stack_frame *next;	/* the saved rbp */
	unsigned long return_address;
};

static bool frame_ok(unsigned long fp, unsigned long prev)
{
	if (fp & (sizeof(long) - 1) || fp <= prev || fp < KERNEL_HALF_START)
		return false;
	return kern_addr_valid(fp) &&
	       kern_addr_valid(fp + sizeof(struct stack_frame) - 1);
}

void arch_stack_walk(stack_trace_consume_fn fn, void *cookie,
		     const struct pt_regs *regs)
{
	unsigned long fp, prev = 0;

	if (regs) {
		if (!fn(cookie, regs->rip))
			return;
		fp = regs->rbp;
	} else {
		/* Our own frame: its return address is in our caller. */
		fp = (unsigned long)__builtin_frame_address(0);
	}
	for (int i = 0; i < MAX_FRAMES && frame_ok(fp, prev); i++) {
		const struct stack_frame *f = (const void *)fp;

		if (!f->return_address || !fn(cookie, f->return_address))
			break;
		prev = fp;
		fp = (unsigned long)f->next;
	}
}
