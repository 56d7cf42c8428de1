// SPDX-License-Identifier: MIT
/*
 * kernel/irq.c: interrupts (vectors 32-255), dispatched by vector.
 *
 * Interface: do_irq(), called by x86_handle_vector() (kernel/traps.c)
 * with interrupts off; request_isa_irq() (asm/irq.h). The vector map is
 * in asm/irq_vectors.h. Expected: the LAPIC timer, the IPI, and the ISA
 * IRQs a driver asked for, which the IOAPIC sends as vectors 0x30-0x3f
 * (kernel/io_apic.c): today COM1's receive interrupt.
 *
 * Each handler brackets its work with the generic irq_enter()/irq_exit();
 * after do_irq() returns, x86_handle_vector() may preempt the
 * interrupted task.
 */
#include <anvil/arch.h>
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/preempt.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/irq.h>
#include <asm/irq_vectors.h>
#include <asm/smp.h>
#include <asm/traps.h>

static unsigned long spurious_count;
static irq_handler_t isa_irq_handler[16];	/* set once, at boot */

int request_isa_irq(unsigned int irq, irq_handler_t handler)
{
	int err;

	if (irq >= ARRAY_SIZE(isa_irq_handler) || !handler)
		return -EINVAL;
	if (isa_irq_handler[irq])
		return -EBUSY;
	/* The handler first: the pin may fire as soon as it is unmasked. */
	WRITE_ONCE(isa_irq_handler[irq], handler);
	err = io_apic_route_isa_irq(irq, IO_APIC_ISA_VECTOR(irq),
				    arch_cpu_id());
	if (err)
		WRITE_ONCE(isa_irq_handler[irq], NULL);
	return err;
}

/*
 * All ISA IRQs anvil routes are edge triggered, so the EOI comes first,
 * as for the tick: a new edge while the handler runs is then latched by
 * the LAPIC and delivered after it, never lost.
 */
static void isa_irq_interrupt(unsigned int irq)
{
	irq_handler_t handler = READ_ONCE(isa_irq_handler[irq]);

	apic_eoi();
	if (!handler) {
		pr_warn("unexpected ISA IRQ %u\n", irq);
		return;
	}
	irq_enter();
	handler();
	irq_exit();
}

void do_irq(struct pt_regs *regs)
{
	unsigned long v = regs->vector;

	switch (v) {
	case LOCAL_TIMER_VECTOR:
		apic_timer_interrupt();
		return;
	case SMP_IPI_VECTOR:
		smp_ipi_vector_interrupt();
		return;
	case SPURIOUS_APIC_VECTOR:
		/* Not a real interrupt: the SDM says no EOI. */
		spurious_count++;
		return;
	}
	if (v >= IO_APIC_ISA_VECTOR(0) && v <= IO_APIC_ISA_VECTOR(15)) {
		isa_irq_interrupt(v - IO_APIC_ISA_VECTOR(0));
		return;
	}
	if (v >= ISA_IRQ_VECTOR(0) && v <= ISA_IRQ_VECTOR(15)) {
		/*
		 * The 8259s are masked (kernel/i8259.c), so this is their
		 * spurious IRQ 7 or 15, which wants no EOI either.
		 */
		spurious_count++;
		return;
	}
	pr_warn("unexpected interrupt vector 0x%lx on CPU %u\n", v,
		arch_cpu_id());
	if (lapic_is_mapped())
		apic_eoi();
}
