/* SPDX-License-Identifier: MIT */
/*
 * asm/ptrace.h: struct pt_regs, the registers saved on exception entry.
 *
 * The layout is built by kernel/entry.asm, from the top of the stack
 * down: the CPU pushes ss..rip (and an error code for some exceptions),
 * the vector stub pushes the vector (and a 0 error code where the CPU did
 * not), then the common entry pushes the general registers. Change the
 * order here and there together; kernel/traps.c checks the offsets.
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <anvil/types.h>

struct pt_regs {
	/* Pushed by common_entry (entry.asm), last pushed first here. */
	unsigned long r15, r14, r13, r12, rbp, rbx;
	unsigned long r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi;
	/* Pushed by the vector stub. */
	unsigned long vector;
	unsigned long error_code;	/* the CPU's, or 0 */
	/* Pushed by the CPU: the interrupt frame that iretq pops. */
	unsigned long rip, cs, rflags, rsp, ss;
};

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->rip;
}

/* The CPL of the interrupted code: 3 = user mode. */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif /* _ASM_X86_PTRACE_H */
