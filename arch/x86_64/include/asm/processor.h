/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h: small CPU operations generic code may use inline.
 *
 * The CPU's identity and feature bits are in asm/cpufeature.h; control
 * registers and MSRs in asm/special_insns.h and asm/msr.h.
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <anvil/compiler.h>

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
