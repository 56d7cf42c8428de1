/* SPDX-License-Identifier: MIT */
/*
 * asm/setjmp.h: the buffer for arch_setjmp()/arch_longjmp() (lib/setjmp.asm).
 *
 * It holds what the SysV ABI says a function must preserve (rbx, rbp,
 * r12-r15, rsp), the return address, and RFLAGS: die() longjmps out of
 * an exception handler, where interrupts are off, and the jump must bring
 * back the interrupt state the test had when it called setjmp.
 */
#ifndef _ASM_X86_SETJMP_H
#define _ASM_X86_SETJMP_H

struct arch_jmp_buf {
	unsigned long rbx, rbp, r12, r13, r14, r15;	/* offsets 0..40 */
	unsigned long rsp;				/* 48 */
	unsigned long rip;				/* 56 */
	unsigned long rflags;				/* 64 */
};

#endif /* _ASM_X86_SETJMP_H */
