/* SPDX-License-Identifier: MIT */
/*
 * Turning interrupts off and on, on this CPU only.
 *
 * local_irq_save() returns the previous state so nested sections
 * restore it rather than blindly enabling. The arch does the work in
 * <asm/irqflags.h>.
 */
#ifndef ANVIL_IRQFLAGS_H
#define ANVIL_IRQFLAGS_H

#include <asm/irqflags.h>

#define local_irq_enable() arch_local_irq_enable()
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_save(flags) ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define irqs_disabled() arch_irqs_disabled()

#endif /* ANVIL_IRQFLAGS_H */
