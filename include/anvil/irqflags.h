/* SPDX-License-Identifier: MIT */
/*
 * Turning interrupts off and on, on this CPU only.
 *
 * local_irq_save() returns the previous state so nested sections
 * restore it rather than blindly enabling. The arch does the work in
 * <asm/irqflags.h>.
 *
 * With CONFIG_TRACE_IRQFLAGS (debug kernel builds) the wrappers also tell
 * the irqs-off latency tracer (kernel/trace/latency.c, <anvil/trace.h>)
 * about real transitions only: trace_hardirqs_off() just after interrupts
 * go from on to off, trace_hardirqs_on() just before they go back on.
 * Disabling when already off, or a restore that leaves them off, is not
 * a transition and costs the tracer nothing. Code that turns interrupts on
 * without these wrappers (the idle loop's arch_wait_for_interrupt())
 * calls trace_hardirqs_on_prepare() first.
 */
#ifndef ANVIL_IRQFLAGS_H
#define ANVIL_IRQFLAGS_H

#include <anvil/compiler.h>
#include <asm/irqflags.h>

#define irqs_disabled() arch_irqs_disabled()

#ifdef CONFIG_TRACE_IRQFLAGS

void trace_hardirqs_off(unsigned long ip);
void trace_hardirqs_on(unsigned long ip);

static __always_inline void __local_irq_disable(unsigned long ip)
{
	if (!arch_irqs_disabled()) {
		arch_local_irq_disable();
		trace_hardirqs_off(ip);
	}
}

static __always_inline void __local_irq_enable(unsigned long ip)
{
	if (arch_irqs_disabled()) {
		trace_hardirqs_on(ip);
		arch_local_irq_enable();
	}
}

static __always_inline unsigned long __local_irq_save(unsigned long ip)
{
	unsigned long flags = arch_local_irq_save();

	if (!arch_irqs_disabled_flags(flags))
		trace_hardirqs_off(ip);
	return flags;
}

static __always_inline void __local_irq_restore(unsigned long flags,
						unsigned long ip)
{
	if (!arch_irqs_disabled_flags(flags) && arch_irqs_disabled())
		trace_hardirqs_on(ip);
	arch_local_irq_restore(flags);
}

#define local_irq_disable() __local_irq_disable(_THIS_IP_)
#define local_irq_enable() __local_irq_enable(_THIS_IP_)
#define local_irq_save(flags) ((flags) = __local_irq_save(_THIS_IP_))
#define local_irq_restore(flags) __local_irq_restore(flags, _THIS_IP_)
#define trace_hardirqs_on_prepare() trace_hardirqs_on(_THIS_IP_)

#else /* !CONFIG_TRACE_IRQFLAGS */

#define local_irq_enable() arch_local_irq_enable()
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_save(flags) ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define trace_hardirqs_on_prepare() do { } while (0)

#endif /* CONFIG_TRACE_IRQFLAGS */

#endif /* ANVIL_IRQFLAGS_H */
