/* SPDX-License-Identifier: MIT */
/*
 * struct arch_jmp_buf for arch_setjmp/arch_longjmp (kernel/setjmp.S).
 *
 * Saved: what the ELFv1 ABI says a call preserves (r1, r2, r14-r31, CR,
 * the return address) plus the MSR, which arch_longjmp puts back: a jump
 * out of an exception handler (die() -> a kernel test) must land with
 * the MSR the test had, not the handler's (interrupts off).
 */
#ifndef _ASM_PPC64_SETJMP_H
#define _ASM_PPC64_SETJMP_H

#define JB_R1 0
#define JB_R2 8
#define JB_LR 16
#define JB_CR 24
#define JB_MSR 32
#define JB_GPR14 40 /* r14..r31 follow, 8 bytes each */
#define JB_SIZE (JB_GPR14 + 18 * 8)

#ifndef __ASSEMBLY__
struct arch_jmp_buf {
	unsigned long r1, r2, lr, cr, msr;
	unsigned long gpr[18]; /* r14..r31 */
};
#endif

#endif /* _ASM_PPC64_SETJMP_H */
