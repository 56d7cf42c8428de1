/* SPDX-License-Identifier: MIT */
/*
 * opal-wrappers.S: opal_call(), the one way into OPAL (skiboot).
 *
 *	s64 opal_call(u64 a0, u64 a1, u64 a2, u64 a3, u64 token)
 *
 * OPAL runs in real mode with its own base address in r2, so the wrapper
 *   - saves our MSR, TOC and r13 in r31/r30/r29 (OPAL keeps r14-r31
 *     and r1),
 *   - turns EE off, then enters OPAL with hrfid: MSR = ours minus IR,
 *     DR and EE, HSRR0 = the OPAL entry, LR = opal_return,
 *   - and on the way back, still in real mode, restores r2 and r13 and
 *     rfids to the caller with the old MSR (translation back on).
 * Linking the kernel at 0xc000000000000000 + physical is what lets the
 * real-mode part run at its linked address: the top bits are ignored.
 * Callers pass physical addresses (__pa()) for any pointer argument.
 */
#include <asm/ppc_asm.h>
#include <asm/reg.h>

#define OPAL_FRAME 144 /* ABI header (112) + r29, r30, r31, pad */

_GLOBAL(opal_call)
	mflr	r0
	std	r0, 16(r1)
	std	r31, -8(r1)
	std	r30, -16(r1)
	std	r29, -24(r1)
	stdu	r1, -OPAL_FRAME(r1)

	mfmsr	r31
	mr	r30, r2
	mr	r29, r13		/* the per-CPU base; OPAL has its own r13 */
	mr	r0, r7			/* the token */

	/*
	 * Interrupts off before HSRR0/1 are loaded: an external interrupt
	 * (which arrives through HSRR0/1) or an OPAL call from an interrupt
	 * handler (CPU 0's tick polls the console) would overwrite them
	 * before the hrfid. The rfid back restores our MSR, EE included.
	 */
	li	r11, 0
	ori	r11, r11, MSR_EE
	andc	r11, r31, r11
	mtmsrd	r11, 1

	li	r11, 0
	ori	r11, r11, MSR_IR | MSR_DR | MSR_EE
	andc	r11, r31, r11
	mtspr	SPRN_HSRR1, r11
	addis	r12, r2, opal@toc@ha
	addi	r12, r12, opal@toc@l
	ld	r11, 8(r12)		/* opal.entry */
	mtspr	SPRN_HSRR0, r11
	ld	r2, 0(r12)		/* opal.base */
	LOAD_REG_IMMEDIATE(r11, opal_return)
	mtlr	r11
	hrfid

opal_return:
	mr	r2, r30
	mr	r13, r29
	LOAD_REG_IMMEDIATE(r11, 1f)
	mtspr	SPRN_SRR0, r11
	mtspr	SPRN_SRR1, r31
	rfid
1:	addi	r1, r1, OPAL_FRAME
	ld	r0, 16(r1)
	mtlr	r0
	ld	r31, -8(r1)
	ld	r30, -16(r1)
	ld	r29, -24(r1)
	blr
