// SPDX-License-Identifier: MIT
/*
 * xics.c: inter-processor interrupts through the XICS presenters (ICPs).
 *
 * Every hardware thread has an ICP, a few bytes of registers (addresses
 * from the device tree, <asm/prom.h>):
 *
 *	+0x4  XIRR  (32-bit) reading it accepts the most favoured pending
 *	            interrupt: CPPR (top byte) | source (low 24 bits);
 *	            writing it back ends ("EOIs") that interrupt
 *	+0x4  CPPR  (byte) the thread's priority: only interrupts more
 *	            favoured (numerically lower) than it are presented;
 *	            0 masks everything, 0xff lets everything in
 *	+0xc  MFRR  (byte) storing a priority here raises the IPI source
 *	            (source 2) at this thread; 0xff = no IPI
 *
 * So an IPI is one byte stored into the target's MFRR. The target takes
 * an external interrupt (0x500, through HSRR0/1 with LPCR[LPES0]=0),
 * reads XIRR, resets its MFRR, and writes XIRR back. Generic code keeps
 * the reason in a per-CPU mask (kernel/smp.c), so one IPI is enough.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/preempt.h>
#include <anvil/smp.h>
#include <asm/io.h>
#include <asm/paca.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

#define XICS_XIRR 0x4
#define XICS_CPPR 0x4
#define XICS_MFRR 0xc
#define XICS_IPI_SOURCE 2
#define XICS_IPI_PRIORITY 0x05
#define XICS_PRIORITY_NONE 0xff

/* Let this CPU be interrupted: CPPR = 0xff (skiboot leaves it at 0). */
void xics_cpu_init(void)
{
	u64 icp = get_paca()->icp_phys;

	if (!icp)
		return;
	rm_writeb(icp + XICS_MFRR, XICS_PRIORITY_NONE);
	rm_writeb(icp + XICS_CPPR, XICS_PRIORITY_NONE);
}

/* Raise the IPI at logical CPU @cpu. */
void arch_send_ipi(unsigned int cpu)
{
	if (cpu >= paca_count || !pacas[cpu].icp_phys) {
		pr_warn("xics: no interrupt presenter for CPU %u\n", cpu);
		return;
	}
	rm_writeb(pacas[cpu].icp_phys + XICS_MFRR, XICS_IPI_PRIORITY);
}

/*
 * The external interrupt (0x500), with interrupts off. Returns true if
 * it was an interrupt we handled (for now only IPIs exist).
 */
bool xics_interrupt(struct pt_regs *regs)
{
	u64 icp = get_paca()->icp_phys;
	u32 xirr, source;

	(void)regs;
	if (!icp)
		return false;
	xirr = rm_readl(icp + XICS_XIRR);
	source = xirr & 0xffffff;
	if (source == 0)
		return true; /* already gone: nothing to end */
	if (source == XICS_IPI_SOURCE)
		rm_writeb(icp + XICS_MFRR, XICS_PRIORITY_NONE);
	rm_writel(icp + XICS_XIRR, xirr);
	if (source != XICS_IPI_SOURCE) {
		pr_warn("xics: unexpected interrupt source %x\n", source);
		return true;
	}
	irq_enter();
	smp_ipi_interrupt();
	irq_exit();
	return true;
}
