/* SPDX-License-Identifier: MIT */
/*
 * idle_book3s.S: ppc64_nap(), the idle instruction (see <asm/processor.h>).
 *
 * POWER8 nap keeps every register. The thread stops until an event that
 * LPCR[PECE] enables, then enters at 0x100 (system reset) with SRR1
 * telling it woke from nap; the stub there (exceptions-64s.S) rfids to
 * paca->wake_nip, our return address, with paca->wake_msr, the kernel
 * MSR plus EE, so the interrupt
 * that woke us is taken right after, as if we had enabled and waited.
 * The stub uses r11 and r12, which the ABI lets a call clobber anyway.
 */
#include <asm/paca.h>
#include <asm/ppc_asm.h>
#include <asm/reg.h>

_GLOBAL(ppc64_nap)
	li	r0, MSR_RI
	mtmsrd	r0, 1			/* EE off: no interrupt before nap */
	mfspr	r3, SPRN_SPRG_PACA
	mflr	r0
	std	r0, PACA_WAKE_NIP(r3)
	ld	r0, PACA_KERNEL_MSR(r3)
	ori	r0, r0, MSR_EE
	std	r0, PACA_WAKE_MSR(r3)
	/* nap needs every earlier store and page-table update done */
	sync
	ptesync
	nap
	b	.			/* not reached: nap exits through 0x100 */
