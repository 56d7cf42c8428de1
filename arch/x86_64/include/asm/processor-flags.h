/* SPDX-License-Identifier: MIT */
/*
 * asm/processor-flags.h: the bits of RFLAGS.
 *
 * The kernel sets what user mode starts with (start_thread), masks what
 * "syscall" must clear on entry (MSR_SYSCALL_MASK, kernel/syscall.c), and
 * limits what a return to user mode may restore (kernel/syscall.c), so
 * that no user value can raise its I/O privilege or turn off interrupts.
 */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#define X86_EFLAGS_CF (1UL << 0)	/* carry */
#define X86_EFLAGS_FIXED (1UL << 1)	/* always 1 */
#define X86_EFLAGS_PF (1UL << 2)	/* parity */
#define X86_EFLAGS_AF (1UL << 4)	/* auxiliary carry */
#define X86_EFLAGS_ZF (1UL << 6)	/* zero */
#define X86_EFLAGS_SF (1UL << 7)	/* sign */
#define X86_EFLAGS_TF (1UL << 8)	/* trap (single step) */
#define X86_EFLAGS_IF (1UL << 9)	/* interrupts enabled */
#define X86_EFLAGS_DF (1UL << 10)	/* direction */
#define X86_EFLAGS_OF (1UL << 11)	/* overflow */
#define X86_EFLAGS_IOPL (3UL << 12)	/* I/O privilege level */
#define X86_EFLAGS_NT (1UL << 14)	/* nested task */
#define X86_EFLAGS_RF (1UL << 16)	/* resume (debug) */
#define X86_EFLAGS_VM (1UL << 17)	/* virtual 8086 */
#define X86_EFLAGS_AC (1UL << 18)	/* alignment check; SMAP override */
#define X86_EFLAGS_ID (1UL << 21)	/* CPUID present */

/* What user code may have in RFLAGS when the kernel returns to it. */
#define X86_EFLAGS_USER_MASK                                                 \
	(X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF |     \
	 X86_EFLAGS_SF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_OF |     \
	 X86_EFLAGS_RF | X86_EFLAGS_AC | X86_EFLAGS_ID)

#endif /* _ASM_X86_PROCESSOR_FLAGS_H */
