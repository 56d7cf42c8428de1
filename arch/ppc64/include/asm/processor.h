/* SPDX-License-Identifier: MIT */
/*
 * The CPU: spin-wait hint and idle.
 *
 * Idle uses POWER8 "nap": the thread stops until a wake-up event that
 * LPCR[PECE] allows (skiboot leaves external and decrementer enabled).
 * A napping thread wakes through the system reset vector (0x100) with
 * SRR1 saying so; our 0x100 stub sees that and returns to the caller of
 * ppc64_nap() with MSR[EE] set, and the pending interrupt is then taken
 * normally. Going to sleep with EE off and waking with it on is what
 * makes "enable and wait" atomic: an interrupt that is already pending
 * wakes the nap at once instead of being lost. Under QEMU a napping CPU
 * costs no host time, unlike a spin loop.
 */
#ifndef _ASM_PPC64_PROCESSOR_H
#define _ASM_PPC64_PROCESSOR_H

#define THREAD_KSP 0 /* offsetof(struct thread_struct, ksp), for asm */

#ifndef __ASSEMBLY__

/*
 * A task's saved kernel context while it is switched out: its stack
 * pointer, and whether it was batching HPTE invalidations. The switch
 * (kernel/process.c, kernel/switch_to.S) keeps the registers a call
 * preserves in a frame on that stack; kernel/process.c fakes that
 * frame for a new task.
 */
struct thread_struct {
	unsigned long ksp;
	/*
	 * Set when the task was switched out in lazy MMU mode: the switch
	 * flushed this CPU's HPTE batch and turned batching off, and turns
	 * it back on when the task runs again (mm/tlb_hash.c).
	 */
	unsigned long lazy_mmu;
};

/* kernel/idle_book3s.S: nap until an interrupt; returns with EE on. */
void ppc64_nap(void);

/* Lower this thread's priority for a moment (SMT threads get the core). */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("or 1,1,1\n\tor 2,2,2" : : : "memory");
}

static inline void arch_wait_for_interrupt(void)
{
	ppc64_nap();
}

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PPC64_PROCESSOR_H */
