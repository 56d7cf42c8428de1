/* SPDX-License-Identifier: MIT */
/*
 * io_rm.S: cache-inhibited device access by physical address
 * (<asm/io.h>).
 *
 * Each helper clears MSR[DR] (and EE, so no interrupt sees the odd
 * state), does one cache-inhibited access at the real address, and puts
 * the MSR back. mtmsrd may change DR and IR; IR stays on, so the code
 * keeps running at its linked address.
 */
#include <asm/ppc_asm.h>
#include <asm/reg.h>

/* r5 = old MSR; data translation and interrupts off. */
#define DATA_REAL_MODE			\
	mfmsr	r5;			\
	li	r6, 0;			\
	ori	r6, r6, MSR_DR | MSR_EE; \
	andc	r6, r5, r6;		\
	mtmsrd	r6;			\
	isync

#define DATA_VIRT_MODE			\
	mtmsrd	r5;			\
	isync

/* void rm_writeb(u64 pa, u8 val) */
_GLOBAL(rm_writeb)
	DATA_REAL_MODE
	sync
	stbcix	r4, 0, r3
	sync
	DATA_VIRT_MODE
	blr

/* u32 rm_readl(u64 pa) */
_GLOBAL(rm_readl)
	DATA_REAL_MODE
	sync
	lwzcix	r3, 0, r3
	sync
	DATA_VIRT_MODE
	blr

/* void rm_writel(u64 pa, u32 val) */
_GLOBAL(rm_writel)
	DATA_REAL_MODE
	sync
	stwcix	r4, 0, r3
	sync
	DATA_VIRT_MODE
	blr
