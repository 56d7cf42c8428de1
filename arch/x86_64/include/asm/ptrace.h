/* SPDX-License-Identifier: MIT */
/*
 * asm/ptrace.h: struct pt_regs, the registers saved on entry to the
 * kernel, and the accessors generic code reads them with.
 *
 * Two entry paths build the same frame (kernel/entry.asm draws both):
 *
 *   interrupt / exception: the CPU pushes ss..rip (and an error code for
 *     some exceptions), the vector stub pushes the vector (and a 0 error
 *     code where the CPU did not), then common_entry pushes the general
 *     registers.
 *   syscall: entry_SYSCALL_64 pushes everything itself, in the same
 *     order: ss, rsp, rflags (from R11), cs, rip (from RCX), orig_ax
 *     (the syscall number, where the error code goes), vector =
 *     X86_SYSCALL_VECTOR, then the general registers.
 *
 * Change the order here and there together; kernel/traps.c checks the
 * offsets. For a task in user mode the frame sits at the top of its
 * kernel stack: task_pt_regs() (asm/processor.h).
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#include <anvil/types.h>

struct pt_regs {
	/* Pushed by common_entry (entry.asm), last pushed first here. */
	unsigned long r15, r14, r13, r12, rbp, rbx;
	unsigned long r11, r10, r9, r8, rax, rcx, rdx, rsi, rdi;
	/* Pushed by the vector stub (or the syscall entry). */
	unsigned long vector;
	union {
		unsigned long error_code;	/* the CPU's, or 0 */
		unsigned long orig_ax;		/* syscall: its number */
	};
	/* Pushed by the CPU: the interrupt frame that iretq pops. */
	unsigned long rip, cs, rflags, rsp, ss;
};

/* regs->vector of a frame built by the syscall entry (no real vector). */
#define X86_SYSCALL_VECTOR (~0UL)

static inline unsigned long instruction_pointer(const struct pt_regs *regs)
{
	return regs->rip;
}

static inline void instruction_pointer_set(struct pt_regs *regs,
					   unsigned long ip)
{
	regs->rip = ip;
}

static inline unsigned long user_stack_pointer(const struct pt_regs *regs)
{
	return regs->rsp;
}

static inline void user_stack_pointer_set(struct pt_regs *regs,
					  unsigned long sp)
{
	regs->rsp = sp;
}

/* The CPL of the interrupted code: 3 = user mode. */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

/*
 * The syscall ABI (x86_64 psABI, as Linux): number in RAX, arguments in
 * RDI, RSI, RDX, R10, R8, R9 (R10, not RCX: "syscall" puts the return
 * address in RCX), result in RAX. Generic code reads a syscall through
 * these, so it never names a register.
 */
static inline long syscall_get_nr(const struct pt_regs *regs)
{
	return (long)regs->orig_ax;
}

static inline void syscall_get_arguments(const struct pt_regs *regs,
					 unsigned long args[6])
{
	args[0] = regs->rdi;
	args[1] = regs->rsi;
	args[2] = regs->rdx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	return (long)regs->rax;
}

static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
	regs->rax = (unsigned long)val;
}

/* Was this frame built by a syscall (not an interrupt or exception)? */
static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == X86_SYSCALL_VECTOR;
}

/*
 * Run the interrupted syscall again when we return (a restart after a
 * signal, kernel/signal.c): the number back in RAX, RIP back over the
 * two-byte "syscall" instruction.
 */
static inline void syscall_rewind(struct pt_regs *regs)
{
	regs->rax = regs->orig_ax;
	regs->rip -= 2;
}

#endif /* _ASM_X86_PTRACE_H */
