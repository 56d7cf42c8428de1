/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h: small CPU operations generic code may use inline.
 *
 * The CPU's identity and feature bits are in asm/cpufeature.h; control
 * registers and MSRs in asm/special_insns.h and asm/msr.h.
 *
 * Also the saved context of a task that is not running (struct
 * thread_struct), switched by arch_switch_to() in kernel/switch_to.asm
 * and prepared for a new task by arch_thread_setup() (kernel/process.c);
 * both are declared in <anvil/arch.h>.
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <anvil/compiler.h>
#include <anvil/types.h>

/*
 * A task that is not running is stopped inside arch_switch_to(), which
 * pushed the callee-saved registers on the task's own kernel stack and
 * left the stack pointer here. Nothing else needs saving: the kernel
 * uses no FPU/SSE registers (-mgeneral-regs-only), the caller-saved
 * registers are dead across a call by the ABI, and RFLAGS is always
 * "interrupts off" at a switch.
 */
struct thread_struct {
	unsigned long sp;	/* points at a struct inactive_task_frame */
};

/*
 * What sits at thread_struct.sp, lowest address first: the pushes of
 * arch_switch_to() and the return address of its call (or, for a task
 * that never ran, ret_from_kernel_thread). bp is the task's frame
 * pointer, so a backtrace of a sleeping task can start from bp and
 * ret_addr.
 */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

/* In a spin-wait loop: tells the CPU (and a hypervisor) we are spinning. */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

/*
 * Enable interrupts and sleep until one arrives. "sti" takes effect only
 * after the next instruction, so no interrupt can slip in between it and
 * "hlt" and leave us asleep with the wakeup already handled.
 */
static inline void arch_wait_for_interrupt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

#endif /* _ASM_X86_PROCESSOR_H */
