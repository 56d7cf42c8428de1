/* SPDX-License-Identifier: MIT */
/*
 * exceptions-64s.S: the interrupt vectors and the common entry and exit.
 *
 * POWER8 takes every interrupt at a fixed real address (HRMOR = 0) with
 * translation off (LPCR[AIL] = 0). The return address and old MSR go to
 * SRR0/SRR1, or HSRR0/HSRR1 for hypervisor interrupts, and only r13 is
 * free to use once parked in an SPRG. So:
 *
 *  1. The stub at the vector (5 instructions: HV vectors are 0x20 apart)
 *     parks r13 in SPRG_SCRATCH0, loads the paca from HSPRG0, saves r12
 *     there and jumps, with r12 = the vector number, to
 *  2. exc_entry_srr / exc_entry_hsrr, which save SRR0/1 (or HSRR0/1) in
 *     the paca and fall into
 *  3. exc_entry_common, still in real mode: it picks a stack and
 *     builds an exception frame with struct pt_regs (<asm/ptrace.h>):
 *     in kernel mode below the interrupted r1 and the ABI's 288-byte
 *     red zone; from user mode at the top of the task's kernel stack
 *     (paca->kstack, set at every context switch). Then it rfids to
 *  4. exc_common_virt at its linked address with the kernel MSR from the
 *     paca: translation on (once setup_arch has built the hash table),
 *     interrupts still off, r2 = TOC, r13 = the per-CPU base (both from
 *     the paca). It calls exception_dispatch(regs) in C
 *     (kernel/traps.c) and then
 *  5. exception_return restores everything and leaves with rfid, or
 *     hrfid for an HSRR vector. (Except r13 on a return to kernel code:
 *     that is the per-CPU base of the CPU we return on.)
 *
 * User mode takes the same path. Its r13 is its own (the ELFv1 thread
 * pointer, TLS): the stub parks it in SPRG_SCRATCH0 like any r13, step 3
 * saves it in pt_regs, and step 5 gives it back. Its r1 and r2 mean
 * nothing to the kernel: step 3 picks the task's stack, step 4 loads
 * the kernel's TOC and per-CPU base from the paca. A system call is the
 * 0xc00 vector, dispatched like any other (kernel/syscall.c).
 *
 * Steps 1-3 are position independent, so early_setup() can copy this
 * block from 0x100 on to real address 0x100 (0x0-0xff stays skiboot's).
 * Real-mode code can use kernel pointers (stack, paca) as they are: the
 * top address bits are ignored there.
 *
 * 0x100 doubles as the nap wake-up: see ppc64_nap (idle_book3s.S) and
 * secondary_hold (head_64.S).
 */
#include <asm/paca.h>
#include <asm/ppc_asm.h>
#include <asm/ptrace.h>
#include <asm/reg.h>

#define REGS STACK_FRAME_OVERHEAD /* pt_regs, from the frame's r1 */

/* Step 1: a vector. @entry is exc_entry_srr or exc_entry_hsrr. */
#define VECTOR(vec, entry)				\
	.org	vec;					\
	mtspr	SPRN_SPRG_SCRATCH0, r13;		\
	mfspr	r13, SPRN_SPRG_PACA;			\
	std	r12, PACA_EX_R12(r13);			\
	li	r12, vec;				\
	b	entry

	.section ".text.vectors", "ax"
	.globl	__vectors_start
__vectors_start:
	.org	0x100
	/*
	 * System reset. A thread waking from nap arrives here too, with
	 * SRR1[46:47] != 0; it goes back to ppc64_nap's caller instead.
	 * cr0 is needed for the test, so CR is saved and restored around it.
	 */
	mtspr	SPRN_SPRG_SCRATCH0, r13
	mfspr	r13, SPRN_SPRG_PACA
	std	r12, PACA_EX_R12(r13)
	std	r11, PACA_EX_R11(r13)
	mfcr	r11
	mfspr	r12, SPRN_SRR1
	rldicl.	r12, r12, 64 - SRR1_WAKESTATE_SHIFT, 62
	bne	idle_wakeup
	mtcr	r11
	ld	r11, PACA_EX_R11(r13)
	li	r12, 0x100
	b	exc_entry_srr

	VECTOR(0x200, exc_entry_srr)	/* machine check */
	VECTOR(0x300, exc_entry_srr)	/* data storage (DSI) */
	VECTOR(0x380, exc_entry_srr)	/* data segment (SLB miss) */
	VECTOR(0x400, exc_entry_srr)	/* instruction storage (ISI) */
	VECTOR(0x480, exc_entry_srr)	/* instruction segment */
	VECTOR(0x500, exc_entry_hsrr)	/* external: HV with LPCR[LPES0]=0 */
	VECTOR(0x600, exc_entry_srr)	/* alignment */
	VECTOR(0x700, exc_entry_srr)	/* program */
	VECTOR(0x800, exc_entry_srr)	/* floating point unavailable */
	VECTOR(0x900, exc_entry_srr)	/* decrementer */
	VECTOR(0x980, exc_entry_hsrr)	/* hypervisor decrementer */
	VECTOR(0xa00, exc_entry_srr)	/* directed privileged doorbell */
	VECTOR(0xb00, exc_entry_srr)	/* reserved */
	VECTOR(0xc00, exc_entry_srr)	/* system call */
	VECTOR(0xd00, exc_entry_srr)	/* trace */
	VECTOR(0xe00, exc_entry_hsrr)	/* hypervisor data storage */
	VECTOR(0xe20, exc_entry_hsrr)	/* hypervisor instruction storage */
	VECTOR(0xe40, exc_entry_hsrr)	/* emulation assistance */
	VECTOR(0xe60, exc_entry_hsrr)	/* hypervisor maintenance */
	VECTOR(0xe80, exc_entry_hsrr)	/* directed hypervisor doorbell */
	VECTOR(0xea0, exc_entry_hsrr)	/* hypervisor virtualization (P9) */
	VECTOR(0xf00, exc_entry_srr)	/* performance monitor */
	VECTOR(0xf20, exc_entry_srr)	/* vector unavailable */
	VECTOR(0xf40, exc_entry_srr)	/* VSX unavailable */
	VECTOR(0xf60, exc_entry_srr)	/* facility unavailable */
	VECTOR(0xf80, exc_entry_hsrr)	/* hypervisor facility unavailable */

	.org	0x1000
/* A nap wake-up: resume at paca->wake_nip with wake_msr (r11/r12 lost). */
idle_wakeup:
	ld	r12, PACA_WAKE_NIP(r13)
	mtspr	SPRN_SRR0, r12
	ld	r12, PACA_WAKE_MSR(r13)
	mtspr	SPRN_SRR1, r12
	mfspr	r13, SPRN_SPRG_SCRATCH0
	rfid

/* Step 2: r12 = vector, r13 = paca; the stub saved r12. */
exc_entry_srr:
	std	r11, PACA_EX_R11(r13)
	li	r11, 0
	std	r11, PACA_EX_HSRR(r13)
	mfspr	r11, SPRN_SRR0
	std	r11, PACA_EX_NIP(r13)
	mfspr	r11, SPRN_SRR1
	b	exc_entry_common

exc_entry_hsrr:
	std	r11, PACA_EX_R11(r13)
	li	r11, 1
	std	r11, PACA_EX_HSRR(r13)
	mfspr	r11, SPRN_HSRR0
	std	r11, PACA_EX_NIP(r13)
	mfspr	r11, SPRN_HSRR1
	b	exc_entry_common

/*
 * Step 3: r11 = interrupted MSR, r12 = vector, r13 = paca; the paca
 * holds r11, r12, NIP and the HSRR flag, SPRG_SCRATCH0 holds r13.
 */
exc_entry_common:
	std	r10, PACA_EX_R10(r13)
	/* CR first: the test below changes cr0, which is the task's too. */
	mfcr	r10
	std	r10, PACA_EX_CCR(r13)
	andi.	r10, r11, MSR_PR
	bne	1f
	subi	r10, r1, INT_FRAME_SIZE	/* kernel: below the red zone */
	b	2f
1:	ld	r10, PACA_KSTACK(r13)	/* user: the task's frame, pt_regs at
					 * the top of its stack (ptrace.h) */
2:	std	r1, 0(r10)		/* back chain to the interrupted frame */
	std	r0, REGS+GPR(0)(r10)
	std	r1, REGS+GPR(1)(r10)
	std	r2, REGS+GPR(2)(r10)
	std	r3, REGS+GPR(3)(r10)
	std	r4, REGS+GPR(4)(r10)
	std	r5, REGS+GPR(5)(r10)
	std	r6, REGS+GPR(6)(r10)
	std	r7, REGS+GPR(7)(r10)
	std	r8, REGS+GPR(8)(r10)
	std	r9, REGS+GPR(9)(r10)
	ld	r9, PACA_EX_R10(r13)
	std	r9, REGS+GPR(10)(r10)
	ld	r9, PACA_EX_R11(r13)
	std	r9, REGS+GPR(11)(r10)
	ld	r9, PACA_EX_R12(r13)
	std	r9, REGS+GPR(12)(r10)
	mfspr	r9, SPRN_SPRG_SCRATCH0
	std	r9, REGS+GPR(13)(r10)
	std	r14, REGS+GPR(14)(r10)
	std	r15, REGS+GPR(15)(r10)
	std	r16, REGS+GPR(16)(r10)
	std	r17, REGS+GPR(17)(r10)
	std	r18, REGS+GPR(18)(r10)
	std	r19, REGS+GPR(19)(r10)
	std	r20, REGS+GPR(20)(r10)
	std	r21, REGS+GPR(21)(r10)
	std	r22, REGS+GPR(22)(r10)
	std	r23, REGS+GPR(23)(r10)
	std	r24, REGS+GPR(24)(r10)
	std	r25, REGS+GPR(25)(r10)
	std	r26, REGS+GPR(26)(r10)
	std	r27, REGS+GPR(27)(r10)
	std	r28, REGS+GPR(28)(r10)
	std	r29, REGS+GPR(29)(r10)
	std	r30, REGS+GPR(30)(r10)
	std	r31, REGS+GPR(31)(r10)
	ld	r9, PACA_EX_NIP(r13)
	std	r9, REGS+_NIP(r10)
	std	r11, REGS+_MSR(r10)
	std	r12, REGS+_TRAP(r10)
	ld	r9, PACA_EX_HSRR(r13)
	std	r9, REGS+_HSRR(r10)
	mflr	r9
	std	r9, REGS+_LINK(r10)
	mfctr	r9
	std	r9, REGS+_CTR(r10)
	mfxer	r9
	std	r9, REGS+_XER(r10)
	ld	r9, PACA_EX_CCR(r13)
	std	r9, REGS+_CCR(r10)
	std	r3, REGS+_ORIG_GPR3(r10)
	andi.	r9, r11, MSR_PR
	beq	3f
	li	r9, 0
	std	r9, 0(r10)		/* user r1 is no frame: the chain ends */
3:	mfspr	r9, SPRN_DAR
	std	r9, REGS+_DAR(r10)
	mfspr	r9, SPRN_DSISR
	std	r9, REGS+_DSISR(r10)

	mr	r1, r10
	ld	r2, PACA_KERNEL_TOC(r13)
	LOAD_REG_IMMEDIATE(r11, exc_common_virt)
	ld	r12, PACA_KERNEL_MSR(r13)
	mtspr	SPRN_SRR0, r11
	mtspr	SPRN_SRR1, r12
	ld	r13, PACA_PERCPU_BASE(r13)	/* last use of the paca */
	rfid
.Lvectors_end:

/* The block's size for early_setup(); a text label at its end would
 * share an address with the next function and confuse kallsyms. */
	.section ".rodata"
	.balign	8
	.globl	__vectors_size
__vectors_size:
	.quad	.Lvectors_end - __vectors_start

/* Restore every GPR but r1 from the frame at r1. */
#define RESTORE_GPRS					\
	ld	r0, REGS+GPR(0)(r1);			\
	ld	r2, REGS+GPR(2)(r1);			\
	ld	r3, REGS+GPR(3)(r1);			\
	ld	r4, REGS+GPR(4)(r1);			\
	ld	r5, REGS+GPR(5)(r1);			\
	ld	r6, REGS+GPR(6)(r1);			\
	ld	r7, REGS+GPR(7)(r1);			\
	ld	r8, REGS+GPR(8)(r1);			\
	ld	r9, REGS+GPR(9)(r1);			\
	ld	r10, REGS+GPR(10)(r1);			\
	ld	r11, REGS+GPR(11)(r1);			\
	ld	r12, REGS+GPR(12)(r1);			\
	ld	r13, REGS+GPR(13)(r1);			\
	ld	r14, REGS+GPR(14)(r1);			\
	ld	r15, REGS+GPR(15)(r1);			\
	ld	r16, REGS+GPR(16)(r1);			\
	ld	r17, REGS+GPR(17)(r1);			\
	ld	r18, REGS+GPR(18)(r1);			\
	ld	r19, REGS+GPR(19)(r1);			\
	ld	r20, REGS+GPR(20)(r1);			\
	ld	r21, REGS+GPR(21)(r1);			\
	ld	r22, REGS+GPR(22)(r1);			\
	ld	r23, REGS+GPR(23)(r1);			\
	ld	r24, REGS+GPR(24)(r1);			\
	ld	r25, REGS+GPR(25)(r1);			\
	ld	r26, REGS+GPR(26)(r1);			\
	ld	r27, REGS+GPR(27)(r1);			\
	ld	r28, REGS+GPR(28)(r1);			\
	ld	r29, REGS+GPR(29)(r1);			\
	ld	r30, REGS+GPR(30)(r1);			\
	ld	r31, REGS+GPR(31)(r1);			\
	ld	r1, REGS+GPR(1)(r1)

	.text
/*
 * void ppc64_ret_to_user(struct pt_regs *regs): the first way out to user
 * mode of a task (arch_return_to_user, kernel/process.c), through its
 * pt_regs at the top of its stack, interrupts off. What was on the
 * kernel stack below is abandoned.
 */
_GLOBAL(ppc64_ret_to_user)
	subi	r1, r3, STACK_FRAME_OVERHEAD
	b	exception_return

/* Step 4: translated (once the MMU is on), r1 = frame, r2 = TOC. */
exc_common_virt:
	addi	r3, r1, REGS
	bl	exception_dispatch
	.globl	exc_dispatch_return	/* the stack walker looks for this */
exc_dispatch_return:
	nop

/*
 * Step 5. From the moment SRR0/1 are loaded until the rfid, another
 * interrupt would overwrite them: EE and RI go off first.
 */
	.globl	exception_return
exception_return:
	li	r0, 0
	mtmsrd	r0, 1			/* EE = 0, RI = 0 */
	ld	r0, REGS+_LINK(r1)
	mtlr	r0
	ld	r0, REGS+_CTR(r1)
	mtctr	r0
	ld	r0, REGS+_XER(r1)
	mtxer	r0
	ld	r11, REGS+_NIP(r1)
	ld	r12, REGS+_MSR(r1)
	/*
	 * Back to kernel code, r13 must be *this* CPU's per-CPU base: the
	 * task may have been preempted here and resumed on another CPU.
	 * Only user mode gets its own r13 back.
	 */
	andi.	r0, r12, MSR_PR
	bne	2f
	mfspr	r13, SPRN_SPRG_PACA
	ld	r0, PACA_PERCPU_BASE(r13)
	std	r0, REGS+GPR(13)(r1)
2:	ld	r0, REGS+_HSRR(r1)
	cmpdi	r0, 0			/* cr0 is restored below, with CR */
	bne	1f
	mtspr	SPRN_SRR0, r11
	mtspr	SPRN_SRR1, r12
	ld	r0, REGS+_CCR(r1)
	mtcr	r0
	RESTORE_GPRS
	rfid
1:	mtspr	SPRN_HSRR0, r11
	mtspr	SPRN_HSRR1, r12
	ld	r0, REGS+_CCR(r1)
	mtcr	r0
	RESTORE_GPRS
	hrfid
