/* SPDX-License-Identifier: MIT */
/*
 * setjmp.S: arch_setjmp / arch_longjmp (layout in <asm/setjmp.h>).
 *
 * die() uses arch_longjmp to leave an exception handler for a kernel test
 * that expected the fault. The abandoned exception frame is just stack
 * below the test's r1, and the interrupt state lives in the MSR, so
 * putting back r1 and the MSR saved by arch_setjmp is all the clean-up
 * there is: translation on, interrupts as the test had them.
 */
#include <asm/ppc_asm.h>
#include <asm/setjmp.h>

#define SAVE_GPR(n) std n, JB_GPR14 + ((n) - 14) * 8(r3)
#define REST_GPR(n) ld n, JB_GPR14 + ((n) - 14) * 8(r3)

_GLOBAL(arch_setjmp)
	std	r1, JB_R1(r3)
	std	r2, JB_R2(r3)
	mflr	r0
	std	r0, JB_LR(r3)
	mfcr	r0
	std	r0, JB_CR(r3)
	mfmsr	r0
	std	r0, JB_MSR(r3)
	SAVE_GPR(14); SAVE_GPR(15); SAVE_GPR(16); SAVE_GPR(17)
	SAVE_GPR(18); SAVE_GPR(19); SAVE_GPR(20); SAVE_GPR(21)
	SAVE_GPR(22); SAVE_GPR(23); SAVE_GPR(24); SAVE_GPR(25)
	SAVE_GPR(26); SAVE_GPR(27); SAVE_GPR(28); SAVE_GPR(29)
	SAVE_GPR(30); SAVE_GPR(31)
	li	r3, 0
	blr

_GLOBAL(arch_longjmp)
	REST_GPR(14); REST_GPR(15); REST_GPR(16); REST_GPR(17)
	REST_GPR(18); REST_GPR(19); REST_GPR(20); REST_GPR(21)
	REST_GPR(22); REST_GPR(23); REST_GPR(24); REST_GPR(25)
	REST_GPR(26); REST_GPR(27); REST_GPR(28); REST_GPR(29)
	REST_GPR(30); REST_GPR(31)
	ld	r0, JB_CR(r3)
	mtcr	r0
	ld	r0, JB_LR(r3)
	mtlr	r0
	ld	r2, JB_R2(r3)
	ld	r1, JB_R1(r3)
	ld	r0, JB_MSR(r3)
	/* setjmp returns 1, never 0, when longjmp passes 0 */
	mr	r3, r4
	cmpdi	r3, 0
	bne	1f
	li	r3, 1
	/* last: with r1 back, an interrupt let in by EE finds a sane stack */
1:	mtmsrd	r0
	isync
	blr
