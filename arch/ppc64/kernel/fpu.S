/* SPDX-License-Identifier: MIT */
/*
 * fpu.S: saving and loading a user task's floating-point registers.
 *
 *	void fp_save(struct thread_fp_state *fp)	f0-f31, FPSCR -> *fp
 *	void fp_restore(const struct thread_fp_state *fp)  *fp -> registers
 *
 * The kernel runs with MSR[FP] off (it is built -msoft-float and never
 * uses the FPRs), and an FP instruction with FP off raises the "FP
 * unavailable" interrupt. So each routine turns FP on for itself and
 * puts the MSR back. Called by kernel/process.c with interrupts off or
 * preemption disabled: the registers belong to whichever user task ran
 * last on this CPU. The layout of struct thread_fp_state is
 * <asm/processor.h>'s.
 */
#include <asm/ppc_asm.h>
#include <asm/reg.h>

#define FPR(n) ((n) * 8)
#define FPSCR_OFF (32 * 8)

/* r6 = the MSR to put back; FP on from here. */
#define FP_ON					\
	mfmsr	r6;				\
	ori	r7, r6, MSR_FP;			\
	mtmsrd	r7;				\
	isync

#define FP_OFF					\
	mtmsrd	r6;				\
	isync

#define SAVE_FPR(n)	stfd	n, FPR(n)(r3)
#define REST_FPR(n)	lfd	n, FPR(n)(r3)
#define FOUR(op, n)	op(n); op(n + 1); op(n + 2); op(n + 3)

_GLOBAL(fp_save)
	FP_ON
	FOUR(SAVE_FPR, 0); FOUR(SAVE_FPR, 4)
	FOUR(SAVE_FPR, 8); FOUR(SAVE_FPR, 12)
	FOUR(SAVE_FPR, 16); FOUR(SAVE_FPR, 20)
	FOUR(SAVE_FPR, 24); FOUR(SAVE_FPR, 28)
	mffs	0			/* f0 is saved: use it for the FPSCR */
	stfd	0, FPSCR_OFF(r3)
	lfd	0, FPR(0)(r3)		/* and leave f0 as it was */
	FP_OFF
	blr

_GLOBAL(fp_restore)
	FP_ON
	lfd	0, FPSCR_OFF(r3)
	mtfsf	0xff, 0			/* the FPSCR goes first, through f0 */
	FOUR(REST_FPR, 0); FOUR(REST_FPR, 4)
	FOUR(REST_FPR, 8); FOUR(REST_FPR, 12)
	FOUR(REST_FPR, 16); FOUR(REST_FPR, 20)
	FOUR(REST_FPR, 24); FOUR(REST_FPR, 28)
	FP_OFF
	blr
