// SPDX-License-Identifier: MIT
/*
 * smp.c: starting the other CPUs (arch_boot_secondary, <anvil/arch.h>).
 *
 * skiboot keeps every CPU but the boot one in a busy loop until the OS
 * calls OPAL_START_CPU, and under QEMU each such loop burns a host core.
 * So at boot, smp_hold_secondaries() moves them all into anvil's own
 * holding pen (secondary_hold in head_64.S), where they nap for free:
 *
 *	boot CPU				secondary (PIR p)
 *	--------				-----------------
 *	setup_arch: OPAL_START_CPU(p, pen) --->	find paca, CPPR = 0xff,
 *						nap until an IPI
 *	... generic smp_init() ...
 *	arch_boot_secondary(cpu, stack):
 *	  paca->hold_stack = stack
 *	  IPI (xics.c)  ----------------------> wake, see hold_stack
 *						start_secondary(): LPCR,
 *						SDR1 + SLB, MMU on, CPPR
 *						secondary_start_kernel(cpu)
 *
 * Logical CPU numbers are the order of /cpus in the device tree, with the
 * boot CPU moved to 0 (kernel/paca.c). A CPU beyond NR_CPUS is parked in
 * a nap nothing ends (secondary_park).
 */
#include <anvil/arch.h>
#include <anvil/atomic.h>
#include <anvil/kernel.h>
#include <anvil/percpu.h>
#include <anvil/smp.h>
#include <asm/mmu-hash.h>
#include <asm/opal.h>
#include <asm/paca.h>
#include <asm/page.h>
#include <asm/prom.h>
#include <asm/reg.h>
#include <asm/traps.h>

extern char secondary_hold[], secondary_park[];

/* skiboot's LPCR on the boot CPU (wake on decrementer and external). */
unsigned long boot_lpcr;

static bool in_pen[NR_CPUS];

static bool has_paca(u32 pir)
{
	unsigned int i;

	for (i = 0; i < paca_count; i++)
		if (pacas[i].hw_cpu_id == pir)
			return true;
	return false;
}

/* Send every other CPU from skiboot's loop to our pen or our park. */
void smp_hold_secondaries(void)
{
	unsigned int i, held = 0;
	s64 rc;

	paca_init_secondaries();
	for (i = 1; i < paca_count; i++) {
		if (!pacas[i].icp_phys) {
			pr_warn("smp: CPU PIR %u has no XICS presenter\n",
				pacas[i].hw_cpu_id);
			continue;
		}
		rc = opal_call(pacas[i].hw_cpu_id, __pa(secondary_hold), 0, 0,
			       OPAL_START_CPU);
		in_pen[i] = rc == OPAL_SUCCESS;
		held += in_pen[i];
		if (rc != OPAL_SUCCESS)
			pr_warn("smp: CPU PIR %u did not leave skiboot (OPAL %lld)\n",
				pacas[i].hw_cpu_id, (long long)rc);
	}
	for (i = 0; i < nr_cpu_pirs; i++)
		if (!has_paca(cpu_pirs[i]))
			opal_call(cpu_pirs[i], __pa(secondary_park), 0, 0,
				  OPAL_START_CPU);
	pr_info("smp: %u CPU%s waiting in the holding pen\n", held,
		held == 1 ? "" : "s");
}

/*
 * Release logical CPU @cpu from the pen onto @stack_top. Returns 0 once
 * asked, -1 if that CPU never reached the pen. Boot CPU, may not sleep.
 */
int arch_boot_secondary(unsigned int cpu, void *stack_top)
{
	struct paca_struct *p = &pacas[cpu];

	if (cpu == 0 || cpu >= paca_count || !in_pen[cpu])
		return -1;
	p->kstack = (unsigned long)stack_top - STACK_FRAME_OVERHEAD;
	smp_store_release(&p->hold_stack, (u64)(unsigned long)stack_top);
	arch_send_ipi(cpu);
	return 0;
}

/*
 * First C on a secondary CPU, from the pen: real mode, its own stack and
 * paca, interrupts off. Set it up like the boot CPU and join the kernel.
 */
void start_secondary(struct paca_struct *paca)
{
	mtspr(SPRN_LPCR, boot_lpcr);
	hash_mmu_init_secondary();
	xics_cpu_init();
	secondary_start_kernel(paca->cpu);
}
