// SPDX-License-Identifier: MIT
/*
 * kernel/irq.c: interrupts (vectors 32-255), dispatched by vector.
 *
 * Interface: do_irq(), called by x86_handle_vector() (kernel/traps.c)
 * with interrupts off; the vector map is in asm/irq_vectors.h. Expected
 * today: the LAPIC timer and the IPI. Device interrupts through the
 * IOAPIC will get their vectors and cases here.
 *
 * Each handler brackets its work with the generic irq_enter()/irq_exit();
 * after do_irq() returns, x86_handle_vector() may preempt the
 * interrupted task.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/smp.h>
#include <asm/traps.h>

static unsigned long spurious_count;

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
