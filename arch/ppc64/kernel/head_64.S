/* SPDX-License-Identifier: MIT */
/*
 * head_64.S: where skiboot enters anvil, on the boot CPU.
 *
 * skiboot jumps to _start in hypervisor real mode (MSR = SF|HV, IR=DR=0,
 * EE=0, ME=0) with
 *	r3 = the flattened device tree (physical address)
 *	r8 = OPAL base, r9 = OPAL entry
 * and r1/r2 still pointing into skiboot. _start runs at its physical
 * address (it sits in .head.text, linked there); it then jumps to
 * start_here, which is linked at 0xc000000000000000 + physical like the
 * rest of the kernel. That works before any translation exists because
 * in HV real mode the CPU ignores the top four bits of an address.
 *
 *	_start (phys 0x2000xxxx)  read TB, keep r3/r8/r9, set MSR[ME]
 *	  -> start_here (0xc0000000_2000xxxx)  TOC, clear BSS, stack
 *	  -> early_setup()   paca, exception vectors, OPAL console
 *	  -> start_kernel()  -> setup_arch() turns the MMU on
 *
 * Also here: secondary_hold, the holding pen where the other CPUs nap
 * until arch_boot_secondary() (smp.c) lets them in, and secondary_park
 * for CPUs beyond NR_CPUS.
 *
 * What lives elsewhere: kernel/setup_64.c (early_setup, setup_arch),
 * kernel/exceptions-64s.S (the vectors).
 */
#include <asm/paca.h>
#include <asm/ppc_asm.h>
#include <asm/ptrace.h>
#include <asm/reg.h>

	.section ".head.text", "ax"
	.globl _start
_start:
	mftb	r31			/* first of all: boot_params.entry_cycles */
	mr	r30, r3			/* device tree */
	mr	r29, r8			/* OPAL base */
	mr	r28, r9			/* OPAL entry */

	/*
	 * skiboot leaves MSR[ME] clear, which turns a machine check into a
	 * checkstop; RI says an interrupt taken from here can return.
	 * mtmsrd cannot change ME, so jump to start_here with hrfid, which
	 * loads the whole MSR from HSRR1.
	 */
	mfmsr	r11
	ori	r11, r11, MSR_ME | MSR_RI
	mtspr	SPRN_HSRR1, r11
	LOAD_REG_IMMEDIATE(r12, start_here)
	mtspr	SPRN_HSRR0, r12
	hrfid

	.text
start_here:
	LOAD_REG_IMMEDIATE(r2, .TOC.)

	/* QEMU loads the file as it is: BSS holds whatever RAM held. */
	LOAD_REG_IMMEDIATE(r3, __bss_start)
	LOAD_REG_IMMEDIATE(r4, __bss_stop)
	li	r0, 0
1:	cmpld	r3, r4
	bge	2f
	std	r0, 0(r3)
	addi	r3, r3, 8
	b	1b

	/* The first frame; a zero back chain ends every backtrace. */
2:	LOAD_REG_IMMEDIATE(r1, init_stack + INIT_STACK_SIZE - STACK_FRAME_OVERHEAD)
	std	r0, 0(r1)

	li	r13, 0			/* no per-CPU area yet (<asm/percpu.h>) */
	mr	r3, r30
	mr	r4, r29
	mr	r5, r28
	mr	r6, r31
	bl	early_setup
	nop
	bl	start_kernel
	nop
	b	.			/* start_kernel does not return */

/*
 * The holding pen. skiboot releases every other CPU here at boot
 * (smp_hold_secondaries(), smp.c): real mode, r3 = its PIR, no stack.
 * Each one finds its paca, lets XICS interrupts in, and naps with only
 * external interrupts allowed to wake it, costing nothing, until
 * arch_boot_secondary() stores a stack in paca->hold_stack and sends it
 * an IPI. The nap wake-up comes back through the 0x100 stub to 5:, where
 * the IPI is accepted and ended before looking again.
 */
	.globl	secondary_hold
secondary_hold:
	LOAD_REG_IMMEDIATE(r4, pacas)
	LOAD_REG_IMMEDIATE(r5, paca_count)
	lwz	r5, 0(r5)
	mtctr	r5
1:	lwz	r6, PACA_HW_CPU_ID(r4)
	cmpw	r6, r3
	beq	2f
	addi	r4, r4, PACA_SIZE
	bdnz	1b
	b	secondary_park		/* no paca for us (NR_CPUS) */

2:	mtspr	SPRN_SPRG_PACA, r4
	mfmsr	r5			/* MSR[ME] on, as on the boot CPU */
	ori	r5, r5, MSR_ME | MSR_RI
	mtspr	SPRN_HSRR1, r5
	LOAD_REG_IMMEDIATE(r5, 3f)
	mtspr	SPRN_HSRR0, r5
	hrfid

3:	mfspr	r5, SPRN_LPCR
	li	r6, LPCR_PECE_ALL >> 12
	sldi	r6, r6, 12
	andc	r5, r5, r6
	ori	r5, r5, LPCR_PECE_EXT
	mtspr	SPRN_LPCR, r5
	isync
	ld	r6, PACA_ICP(r4)
	li	r7, 0xff
	li	r8, 0xc			/* MFRR: no IPI pending */
	stbcix	r7, r6, r8
	li	r8, 4			/* CPPR: let every priority in */
	stbcix	r7, r6, r8
	LOAD_REG_IMMEDIATE(r5, 5f)
	std	r5, PACA_WAKE_NIP(r4)
	mfmsr	r5
	std	r5, PACA_WAKE_MSR(r4)

4:	ld	r5, PACA_HOLD_STACK(r4)
	cmpdi	r5, 0
	bne	6f
	sync
	nap
5:	ld	r6, PACA_ICP(r4)	/* woken: accept and end the IPI */
	li	r8, 4
	lwzcix	r7, r6, r8		/* XIRR */
	li	r9, 0xff
	li	r10, 0xc
	stbcix	r9, r6, r10		/* MFRR */
	stwcix	r7, r6, r8		/* EOI */
	b	4b

6:	subi	r1, r5, STACK_FRAME_OVERHEAD
	li	r0, 0
	std	r0, 0(r1)
	LOAD_REG_IMMEDIATE(r2, .TOC.)
	li	r13, 0
	mr	r3, r4
	bl	start_secondary		/* smp.c; does not return */
	nop
	b	.

/*
 * A CPU anvil will not use (beyond NR_CPUS) is parked here instead:
 * LPCR[PECE] cleared leaves it no wake-up event, so it naps for good
 * without touching memory.
 */
	.globl	secondary_park
secondary_park:
	mfspr	r4, SPRN_LPCR
	li	r5, LPCR_PECE_ALL >> 12
	sldi	r5, r5, 12
	andc	r4, r4, r5
	mtspr	SPRN_LPCR, r4
	isync
1:	sync
	nap
	b	1b

	.section ".bss"
	.balign 4096
	.globl init_stack
init_stack:
	.space	INIT_STACK_SIZE
