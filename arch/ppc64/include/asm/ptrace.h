/* SPDX-License-Identifier: MIT */
/*
 * struct pt_regs: what an exception saves (kernel/exceptions-64s.S), and
 * the stack-frame constants of the ELFv1 ABI that the entry code needs.
 *
 * An exception frame on the kernel stack, from the new r1 upwards:
 *
 *	new r1 ->  +------------------------------+
 *	           | ABI frame header (112 bytes) |  back chain = old r1
 *	           +------------------------------+
 *	           | struct pt_regs  (352 bytes)  |
 *	           +------------------------------+
 *	           | red zone of the interrupted  |  288 bytes the ELFv1 ABI
 *	           | function (left untouched)    |  lets leaf code use below r1
 *	old r1 ->  +------------------------------+
 *
 * That is for an interrupt of kernel code. From user mode (MSR[PR]) the
 * frame is built at a fixed place instead, the top of the task's kernel
 * stack, with no red zone (the user's r1 is not ours to use) and a back
 * chain of 0 (the kernel backtrace ends there):
 *
 *	stack top ->  +---------------------------+  thread.ksp_top
 *	              | user FP registers (272)   |  thread_fp_state()
 *	              +---------------------------+
 *	              | struct pt_regs            |  task_pt_regs(task)
 *	              +---------------------------+
 *	              | ABI frame header          |  = paca->kstack, r1 of
 *	              +---------------------------+    every user entry
 *	              | kernel frames ...         |
 *
 * The _NIP, GPR(n) ... offsets below are the assembly view of the same
 * struct; kernel/traps.c checks them against offsetof() at compile time.
 */
#ifndef _ASM_PPC64_PTRACE_H
#define _ASM_PPC64_PTRACE_H

#define STACK_FRAME_OVERHEAD 112 /* back chain, CR, LR, TOC, param area */
#define STACK_FRAME_LR_SAVE 2	 /* in doublewords: LR lives at 16(r1) */
#define USER_REDZONE_SIZE 288

#define GPR(n) ((n) * 8)
#define _NIP 256
#define _MSR 264
#define _CTR 272
#define _LINK 280
#define _XER 288
#define _CCR 296
#define _TRAP 304
#define _DAR 312
#define _DSISR 320
#define _HSRR 328
#define _ORIG_GPR3 336
#define PT_REGS_SIZE 352

#define INT_FRAME_SIZE (STACK_FRAME_OVERHEAD + PT_REGS_SIZE + USER_REDZONE_SIZE)

#ifndef __ASSEMBLY__

#include <anvil/types.h>
#include <asm/reg.h>

struct pt_regs {
	unsigned long gpr[32];
	unsigned long nip;	/* where it happened (SRR0 or HSRR0) */
	unsigned long msr;	/* the MSR at that time (SRR1 or HSRR1) */
	unsigned long ctr;
	unsigned long link;
	unsigned long xer;
	unsigned long ccr;
	unsigned long trap;	/* vector: 0x300, 0x900, 0xc00 (sc) ... */
	unsigned long dar;	/* data address (DSI, alignment, SLB miss) */
	unsigned long dsisr;	/* why a DSI happened */
	unsigned long hsrr;	/* 1: came through HSRR0/1, leave with hrfid */
	/*
	 * r3 as it arrived: a system call overwrites r3 with its result,
	 * and restarting the call (signals) needs the first argument back.
	 */
	unsigned long orig_gpr3;
	unsigned long __pad;	/* the frame stays a multiple of 16 bytes */
};

/* A frame built by the system-call vector (sc, 0xc00). */
#define TRAP_SYSCALL 0xc00

/* CR0[SO], the "summary overflow" bit of the 32-bit CR image in ccr:
 * set by the kernel when a system call fails (see below). */
#define CR0_SO 0x10000000UL

#define instruction_pointer(regs) ((regs)->nip)
#define user_mode(regs) (((regs)->msr & MSR_PR) != 0)

static inline void instruction_pointer_set(struct pt_regs *regs,
					   unsigned long ip)
{
	regs->nip = ip;
}

static inline unsigned long user_stack_pointer(const struct pt_regs *regs)
{
	return regs->gpr[1];
}

static inline void user_stack_pointer_set(struct pt_regs *regs,
					  unsigned long sp)
{
	regs->gpr[1] = sp;
}

/*
 * The system-call ABI (Linux's on 64-bit POWER): number in r0,
 * arguments in r3-r8, then "sc". The result comes back in r3, and
 * failure is told apart from success not by the value but by CR0[SO]:
 * clear, r3 is the result; set, r3 is a *positive* errno (libc then
 * stores it in errno and returns -1). Every other register but r0,
 * r4-r12, CTR, XER and the rest of CR0 is preserved. Generic code only
 * ever sees Linux's generic convention (a negative errno), through
 * these.
 */
static inline long syscall_get_nr(const struct pt_regs *regs)
{
	return (long)regs->gpr[0];
}

static inline void syscall_get_arguments(const struct pt_regs *regs,
					 unsigned long args[6])
{
	args[0] = regs->orig_gpr3;
	args[1] = regs->gpr[4];
	args[2] = regs->gpr[5];
	args[3] = regs->gpr[6];
	args[4] = regs->gpr[7];
	args[5] = regs->gpr[8];
}

/* -4095..-1 are errors, as everywhere in Linux (IS_ERR_VALUE). */
static inline void syscall_set_return_value(struct pt_regs *regs, long val)
{
	if ((unsigned long)val >= (unsigned long)-4095L) {
		regs->ccr |= CR0_SO;
		regs->gpr[3] = (unsigned long)-val;
	} else {
		regs->ccr &= ~CR0_SO;
		regs->gpr[3] = (unsigned long)val;
	}
}

/* The result in the generic convention: negative errno on failure. */
static inline long syscall_get_return_value(const struct pt_regs *regs)
{
	if (regs->ccr & CR0_SO)
		return -(long)regs->gpr[3];
	return (long)regs->gpr[3];
}

/*
 * Run the interrupted system call again when we return (a restart after
 * a signal, kernel/signal.c): its first argument back in r3 (r0 still
 * holds the number: the entry and exit never change it), NIP back over
 * the 4-byte "sc".
 */
static inline void syscall_rewind(struct pt_regs *regs)
{
	regs->gpr[3] = regs->orig_gpr3;
	regs->ccr &= ~CR0_SO;
	regs->nip -= 4;
}

/* Was this frame built by a system call (not an interrupt)? */
static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->trap == TRAP_SYSCALL;
}

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PPC64_PTRACE_H */
