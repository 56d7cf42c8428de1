// SPDX-License-Identifier: MIT
/*
 * stacktrace.c: arch_stack_walk() for ppc64 (ELFv1), by back chain.
 *
 * Every ELFv1 frame starts with a pointer to the caller's frame (the
 * back chain, at 0(r1)), and a function saves its return address in its
 * *caller's* frame, at 16(caller r1):
 *
 *	  sp ->	| back chain ------+	frame of the current function
 *		| ...              |
 *		                   v
 *	 next ->| back chain       |	frame of its caller
 *		| CR save          |
 *		| LR save  (16)    |	= where the current function returns
 *
 * So from any frame: next = *sp, return address = next[2]. The walk
 * stops at a zero or suspicious pointer: misaligned, outside kernel
 * memory, or not above the previous one (a stack grows down, so the
 * chain must go up).
 *
 * Exception frames (exceptions-64s.S) chain like any other; we spot one
 * by its return address, exc_dispatch_return, and continue from the
 * interrupted registers.
 *
 * Right after an interrupt the first return address is uncertain: a
 * leaf function never saves LR, so its return address is only in
 * regs->link, and the LR slot the walk reads next may hold a stale value
 * from an earlier call. Using kallsyms to tell functions apart:
 *   - regs->link inside the interrupted function: it is left over from
 *     a call that returned; trust the frame.
 *   - otherwise report regs->link, and drop the frame's value if it
 *     points into the same function (a stale return address).
 */
#include <anvil/arch.h>
#include <anvil/kallsyms.h>
#include <asm/mmu-hash.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define MAX_FRAMES 64

extern char _text[], _end[];

/* Can we read a frame header (back chain .. LR save) at @sp? */
static bool valid_sp(unsigned long sp)
{
	unsigned long end = sp + STACK_FRAME_OVERHEAD;

	if (sp & 15)
		return false;
	if (sp >= (unsigned long)_text && end <= (unsigned long)_end)
		return true; /* the boot stack, before the MMU is on */
	return sp >= PAGE_OFFSET && end <= linear_map_end;
}

/* Start of the function containing @pc, or @pc if kallsyms cannot say. */
static unsigned long func_start(unsigned long pc)
{
	unsigned long off;

	return kallsyms_lookup(pc, &off) ? pc - off : pc;
}

/*
 * Walk up from the frame at @sp. @nip and @lr, if @lr is not 0, are the
 * PC and link register of an interrupted context (see the top).
 */
static void walk_frames(stack_trace_consume_fn fn, void *cookie,
			unsigned long sp, unsigned long nip, unsigned long lr)
{
	unsigned long next, pc;
	int n;

	for (n = 0; n < MAX_FRAMES && valid_sp(sp); n++) {
		next = *(unsigned long *)sp;
		if (!valid_sp(next) || next <= sp)
			return;
		pc = ((unsigned long *)next)[STACK_FRAME_LR_SAVE];
		if (lr && lr != pc && func_start(lr) != func_start(nip)) {
			if (!fn(cookie, lr))
				return;
			if (func_start(pc) == func_start(lr))
				pc = 0; /* stale: skip it, keep walking */
		}
		lr = 0;
		if (pc == (unsigned long)exc_dispatch_return) {
			/* @next is an exception frame: go on from its regs. */
			const struct pt_regs *regs =
				(const void *)(next + STACK_FRAME_OVERHEAD);

			if (!fn(cookie, regs->nip))
				return;
			if (regs->gpr[1] <= next)
				return;
			sp = regs->gpr[1];
			nip = regs->nip;
			lr = regs->link;
			continue;
		}
		if (pc && !fn(cookie, pc))
			return;
		sp = next;
	}
}

void arch_stack_walk(stack_trace_consume_fn fn, void *cookie,
		     const struct pt_regs *regs)
{
	unsigned long sp;

	if (regs) {
		if (!fn(cookie, regs->nip))
			return;
		walk_frames(fn, cookie, regs->gpr[1], regs->nip, regs->link);
		return;
	}
	__asm__ __volatile__("mr %0,1" : "=r"(sp));
	walk_frames(fn, cookie, sp, 0, 0);
}
