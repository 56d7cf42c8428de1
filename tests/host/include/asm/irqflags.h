/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for <asm/irqflags.h> (tests/host/ only).
 *
 * There are no interrupts on the host; we only remember whether the
 * code under test thinks they are off, so a test can check every
 * local_irq_save() was matched by a restore (host_irqs_off is 0
 * between calls into mm/).
 */
#ifndef HOST_ASM_IRQFLAGS_H
#define HOST_ASM_IRQFLAGS_H

#include <anvil/types.h>

extern unsigned long host_irqs_off;

static inline void arch_local_irq_enable(void)
{
	host_irqs_off = 0;
}

static inline void arch_local_irq_disable(void)
{
	host_irqs_off = 1;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = host_irqs_off;

	host_irqs_off = 1;
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	host_irqs_off = flags;
}

static inline bool arch_irqs_disabled(void)
{
	return host_irqs_off;
}

#endif /* HOST_ASM_IRQFLAGS_H */
