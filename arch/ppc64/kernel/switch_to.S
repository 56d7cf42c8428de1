/* SPDX-License-Identifier: MIT */
/*
 * switch_to.S: switching kernel stacks between tasks.
 *
 *	struct thread_struct *__arch_switch_to(struct thread_struct *prev,
 *					       struct thread_struct *next);
 *	ret_from_kernel_thread: where a new task's first switch "returns"
 *
 * (arch_switch_to() of <anvil/arch.h> is the C wrapper in
 * kernel/process.c, which looks after the HPTE batch around this;
 * struct thread_struct is in <asm/processor.h>, kernel/process.c builds
 * a new task's first frame.)
 *
 * To the task being switched out, __arch_switch_to() is an ordinary call
 * that takes a while: it saves what the ELFv1 ABI says a call preserves
 * (r14-r31, CR, and its return address in the caller's LR slot) in a
 * frame on its own stack, stores r1 in prev->ksp, loads next->ksp and
 * unwinds next's frame the same way. The stack of a task switched out:
 *
 *	        | caller's frame        |  LR slot (16) = return address
 *	        +-----------------------+  <- r1 of the caller
 *	        | r14 .. r31, CR        |
 *	        | ABI header (112)      |  back chain -> caller's frame
 *	ksp ->  +-----------------------+
 *
 * r2 (one TOC for the whole kernel) and r13 (this CPU's per-CPU base:
 * the switch never changes CPU) stay as they are.
 *
 * The return value: when a task resumes, it is because some other task
 * called __arch_switch_to(that_task, this_task), so r3 holds *that* task's
 * thread_struct. Leaving r3 alone therefore returns "the task that ran
 * just before me on this CPU", as the contract asks (Linux's switch_to
 * does the same). Interrupts are off across the switch (the caller's
 * job), so nothing runs on either stack while r1 is half-way.
 */
#include <asm/ppc_asm.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

#define SW_GPR(n) (STACK_FRAME_OVERHEAD + ((n) - 14) * 8)
#define SW_CR (STACK_FRAME_OVERHEAD + 18 * 8)
#define SWITCH_FRAME_SIZE (SW_CR + 8) /* 264: 16-byte multiple below */
#define SWITCH_FRAME (SWITCH_FRAME_SIZE + 8)

#define SAVE_NVGPRS(base)						\
	std r14, SW_GPR(14)(base); std r15, SW_GPR(15)(base);		\
	std r16, SW_GPR(16)(base); std r17, SW_GPR(17)(base);		\
	std r18, SW_GPR(18)(base); std r19, SW_GPR(19)(base);		\
	std r20, SW_GPR(20)(base); std r21, SW_GPR(21)(base);		\
	std r22, SW_GPR(22)(base); std r23, SW_GPR(23)(base);		\
	std r24, SW_GPR(24)(base); std r25, SW_GPR(25)(base);		\
	std r26, SW_GPR(26)(base); std r27, SW_GPR(27)(base);		\
	std r28, SW_GPR(28)(base); std r29, SW_GPR(29)(base);		\
	std r30, SW_GPR(30)(base); std r31, SW_GPR(31)(base)

#define REST_NVGPRS(base)						\
	ld r14, SW_GPR(14)(base); ld r15, SW_GPR(15)(base);		\
	ld r16, SW_GPR(16)(base); ld r17, SW_GPR(17)(base);		\
	ld r18, SW_GPR(18)(base); ld r19, SW_GPR(19)(base);		\
	ld r20, SW_GPR(20)(base); ld r21, SW_GPR(21)(base);		\
	ld r22, SW_GPR(22)(base); ld r23, SW_GPR(23)(base);		\
	ld r24, SW_GPR(24)(base); ld r25, SW_GPR(25)(base);		\
	ld r26, SW_GPR(26)(base); ld r27, SW_GPR(27)(base);		\
	ld r28, SW_GPR(28)(base); ld r29, SW_GPR(29)(base);		\
	ld r30, SW_GPR(30)(base); ld r31, SW_GPR(31)(base)

_GLOBAL(__arch_switch_to)
	mflr	r0
	std	r0, 16(r1)
	stdu	r1, -SWITCH_FRAME(r1)
	SAVE_NVGPRS(r1)
	mfcr	r0
	std	r0, SW_CR(r1)
	std	r1, THREAD_KSP(r3)

	ld	r1, THREAD_KSP(r4)
	/* From here on we are the next task; r3 is "prev" as it resumed us. */
	REST_NVGPRS(r1)
	ld	r0, SW_CR(r1)
	mtcr	r0
	addi	r1, r1, SWITCH_FRAME
	ld	r0, 16(r1)
	mtlr	r0
	blr

/*
 * A new task's first __arch_switch_to() "returns" here (kernel/process.c
 * puts this address in its frame), with r14 = fn (an ELFv1 descriptor),
 * r15 = arg and r1 = a frame whose back chain is 0, so a backtrace from
 * inside fn stops right here. r3 = the previous task; it is passed on to
 * fn as a second argument that fn may ignore.
 */
	.globl	ret_from_kernel_thread
	.type	ret_from_kernel_thread, @function
ret_from_kernel_thread:
	mr	r4, r3
	mr	r3, r15
	ld	r0, 0(r14)		/* call through the descriptor */
	ld	r2, 8(r14)
	ld	r11, 16(r14)
	mtctr	r0
	bctrl
	LOAD_REG_IMMEDIATE(r2, .TOC.)
	mr	r3, r14
	bl	kernel_thread_returned
	nop
	b	.
