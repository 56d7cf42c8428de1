/* SPDX-License-Identifier: MIT */
/*
 * user/newlib/ppc64-setjmp.S: setjmp/longjmp for 64-bit PowerPC (ELFv1).
 *
 * scripts/build-newlib copies this over newlib's
 * libc/machine/powerpc/setjmp.S before building for ppc64, because the
 * shipped file is 32-bit code (stw/lwz, and rlwinm drops the top half of
 * the jmp_buf pointer), so longjmp crashes on ppc64.  The same script
 * raises _JBLEN to 64 doubles in newlib's <machine/setjmp.h>.
 *
 * jmp_buf layout (doubleword aligned, 320 of its 512 bytes used):
 *
 *	  0  r1 (stack pointer)	  8  r2 (TOC)
 *	 16  LR			 24  CR
 *	 32  r14 .. r31		(18 x 8 bytes, ends at 176)
 *	176  f14 .. f31		(18 x 8 bytes, ends at 320)
 *
 * r13 is the thread pointer in the 64-bit ABI and belongs to the thread,
 * not to the jump, so it is neither saved nor restored.  Everything else
 * is volatile across a call and the caller of setjmp already assumes it
 * is lost.
 */

/* One ELFv1 function: a descriptor in .opd, code at .L.name. */
#define FUNC(name)				\
	.section ".opd", "aw";			\
	.align	3;				\
	.globl	name;				\
name:						\
	.quad	.L.name, .TOC.@tocbase, 0;	\
	.previous;				\
	.type	name, @function;		\
.L.name:

#define END(name)	.size name, . - .L.name

	.text

/* int setjmp(jmp_buf env): saves the callee-saved state; returns 0. */
FUNC(setjmp)
	std	1, 0(3)
	std	2, 8(3)
	mflr	0
	std	0, 16(3)
	mfcr	0
	std	0, 24(3)
	std	14, 32(3)
	std	15, 40(3)
	std	16, 48(3)
	std	17, 56(3)
	std	18, 64(3)
	std	19, 72(3)
	std	20, 80(3)
	std	21, 88(3)
	std	22, 96(3)
	std	23, 104(3)
	std	24, 112(3)
	std	25, 120(3)
	std	26, 128(3)
	std	27, 136(3)
	std	28, 144(3)
	std	29, 152(3)
	std	30, 160(3)
	std	31, 168(3)
	stfd	14, 176(3)
	stfd	15, 184(3)
	stfd	16, 192(3)
	stfd	17, 200(3)
	stfd	18, 208(3)
	stfd	19, 216(3)
	stfd	20, 224(3)
	stfd	21, 232(3)
	stfd	22, 240(3)
	stfd	23, 248(3)
	stfd	24, 256(3)
	stfd	25, 264(3)
	stfd	26, 272(3)
	stfd	27, 280(3)
	stfd	28, 288(3)
	stfd	29, 296(3)
	stfd	30, 304(3)
	stfd	31, 312(3)
	li	3, 0
	blr
END(setjmp)

/*
 * void longjmp(jmp_buf env, int val): returns from the matching setjmp
 * again, with val, or 1 when val is 0 (C11 7.13.2.1).
 */
FUNC(longjmp)
	ld	1, 0(3)
	ld	2, 8(3)
	ld	0, 16(3)
	mtlr	0
	ld	0, 24(3)
	mtcrf	0xff, 0
	ld	14, 32(3)
	ld	15, 40(3)
	ld	16, 48(3)
	ld	17, 56(3)
	ld	18, 64(3)
	ld	19, 72(3)
	ld	20, 80(3)
	ld	21, 88(3)
	ld	22, 96(3)
	ld	23, 104(3)
	ld	24, 112(3)
	ld	25, 120(3)
	ld	26, 128(3)
	ld	27, 136(3)
	ld	28, 144(3)
	ld	29, 152(3)
	ld	30, 160(3)
	ld	31, 168(3)
	lfd	14, 176(3)
	lfd	15, 184(3)
	lfd	16, 192(3)
	lfd	17, 200(3)
	lfd	18, 208(3)
	lfd	19, 216(3)
	lfd	20, 224(3)
	lfd	21, 232(3)
	lfd	22, 240(3)
	lfd	23, 248(3)
	lfd	24, 256(3)
	lfd	25, 264(3)
	lfd	26, 272(3)
	lfd	27, 280(3)
	lfd	28, 288(3)
	lfd	29, 296(3)
	lfd	30, 304(3)
	lfd	31, 312(3)
	/* cr0 is volatile, so the compare may clobber what mtcrf set. */
	extsw	3, 4
	cmpwi	3, 0
	bnelr
	li	3, 1
	blr
END(longjmp)

	.section .note.GNU-stack, "", @progbits
