// SPDX-License-Identifier: MIT
/*
 * kernel/reboot.c: stopping the machine, machine_power_off() and
 * machine_halt() (<anvil/arch.h>).
 *
 * Power-off is ACPI's "enter sleep state S5": write SLP_TYP(S5) | SLP_EN
 * to the PM1a control port. The port comes from the FADT (kernel/acpi.c);
 * SLP_TYP comes from the \_S5 package in the DSDT, which is AML and would
 * need an interpreter, so we use QEMU's value, 0. QEMU then exits with
 * status 0. On real hardware with another \_S5 the write does nothing and
 * we fall back to halting.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <asm/acpi.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/special_insns.h>
#include <asm/tsc.h>

#define QEMU_PM1A_CNT 0x604	/* q35's FADT says so; used without a FADT */
#define ACPI_SLP_TYP_S5_QEMU 0
#define ACPI_SLP_TYP_SHIFT 10
#define ACPI_SLP_EN (1U << 13)
#define POWER_OFF_WAIT_US 500000

void machine_power_off(void)
{
	u16 port = acpi_info.pm1a_cnt_port ? acpi_info.pm1a_cnt_port
					   : QEMU_PM1A_CNT;

	arch_local_irq_disable();
	outw(port, ACPI_SLP_TYP_S5_QEMU << ACPI_SLP_TYP_SHIFT | ACPI_SLP_EN);
	/*
	 * QEMU acts on the request from its main loop, a little after the
	 * write returns; give it time before calling the attempt a failure.
	 */
	if (tsc_hz)
		tsc_delay_us(POWER_OFF_WAIT_US);
	/* Still here: the firmware wants another SLP_TYP. */
	pr_emerg("power off failed (PM1a_CNT 0x%x); halting\n", port);
	machine_halt();
}

/*
 * Stop this CPU for good. hlt sleeps until an interrupt; with IF clear
 * only an NMI (or SMI) can wake it, so loop back into hlt.
 */
void machine_halt(void)
{
	arch_local_irq_disable();
	for (;;)
		halt();
}
