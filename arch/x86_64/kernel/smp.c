// SPDX-License-Identifier: MIT
/*
 * kernel/smp.c: inter-processor interrupts (IPIs) on x86_64.
 *
 * Interface: arch_send_ipi() (<anvil/arch.h>) and the vector's handler
 * smp_ipi_vector_interrupt() (asm/smp.h, called by kernel/irq.c). The
 * generic kernel/smp.c keeps *why* a CPU was interrupted in a per-CPU
 * mask (reschedule, call a function), so one vector, SMP_IPI_VECTOR,
 * carries them all. Starting CPUs is kernel/smpboot.c.
 *
 * An IPI is a write to the sender's local APIC command register (ICR):
 * the high word names the target's APIC id, writing the low word (fixed
 * delivery, our vector) sends it over the APIC bus to that CPU's LAPIC,
 * which raises the vector there like any interrupt.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/preempt.h>
#include <anvil/smp.h>
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/smp.h>

/*
 * Interrupt logical CPU @cpu (it may be this one) on SMP_IPI_VECTOR. Any
 * context, even with interrupts off or preemption on (the IPI leaves from
 * whichever CPU we are on; the target is named by APIC id); never sleeps.
 */
void arch_send_ipi(unsigned int cpu)
{
	if (WARN_ON(cpu >= x86_nr_cpus))
		return;
	if (!apic_send_ipi(APIC_DM_FIXED | SMP_IPI_VECTOR,
			   x86_cpu_to_apicid[cpu]))
		pr_err("smp: IPI to CPU %u not sent: APIC busy\n", cpu);
}

/*
 * SMP_IPI_VECTOR arrived. EOI first, like the tick: the return path may
 * switch tasks (a reschedule IPI exists for that), and the LAPIC must not
 * hold back further interrupts meanwhile. A second IPI sent while we run
 * is latched by the LAPIC and delivered after our iretq; the generic
 * pending mask makes that harmless.
 */
void smp_ipi_vector_interrupt(void)
{
	apic_eoi();
	irq_enter();
	smp_ipi_interrupt();
	irq_exit();
}
