/* SPDX-License-Identifier: MIT */
/*
 * asm/irqflags.h: interrupts on and off on this CPU (RFLAGS.IF).
 *
 * Generic code uses the local_irq_* names from <anvil/irqflags.h>. Every
 * function here is a compiler barrier ("memory" clobber), so loads and
 * stores are not moved into or out of an interrupts-off section.
 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/processor-flags.h>

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(flags) : : "memory");
	return flags;
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

/* Disable interrupts; return the old RFLAGS for arch_local_irq_restore. */
static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

/* Would restoring @flags leave interrupts off? */
static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

static inline bool arch_irqs_disabled(void)
{
	return arch_irqs_disabled_flags(arch_local_save_flags());
}

#endif /* _ASM_X86_IRQFLAGS_H */
