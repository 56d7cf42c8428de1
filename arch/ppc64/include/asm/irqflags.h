/* SPDX-License-Identifier: MIT */
/*
 * Interrupts on/off for this CPU: MSR[EE].
 *
 * "mtmsrd rS,1" changes only MSR[EE] and MSR[RI], and unlike the full
 * form it is not context synchronizing, so it is cheap. RI stays set:
 * an interrupt taken here can be returned from.
 */
#ifndef _ASM_PPC64_IRQFLAGS_H
#define _ASM_PPC64_IRQFLAGS_H

#include <anvil/types.h>
#include <asm/reg.h>

static inline void __mtmsrd_ee_ri(unsigned long bits)
{
	__asm__ __volatile__("mtmsrd %0,1" : : "r"(bits) : "memory");
}

static inline void arch_local_irq_enable(void)
{
	__mtmsrd_ee_ri(MSR_EE | MSR_RI);
}

static inline void arch_local_irq_disable(void)
{
	__mtmsrd_ee_ri(MSR_RI);
}

/* Returns the whole MSR; only its EE bit matters to restore. */
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = mfmsr();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	__mtmsrd_ee_ri((flags & MSR_EE) | MSR_RI);
}

/* Would restoring @flags leave interrupts off? */
static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & MSR_EE);
}

static inline bool arch_irqs_disabled(void)
{
	return arch_irqs_disabled_flags(mfmsr());
}

#endif /* _ASM_PPC64_IRQFLAGS_H */
