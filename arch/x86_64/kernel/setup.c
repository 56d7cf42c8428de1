// SPDX-License-Identifier: MIT
/*
 * kernel/setup.c: setup_arch(), bringing the boot CPU and the machine up.
 *
 * Interface: setup_arch() (<anvil/arch.h>; the contract is in
 * docs/arch-boundary.md). It runs each phase below in order; each phase
 * lives in its own file, and each relies on the ones before it:
 *
 *   early_console_init   COM1, so everything after can print
 *   trap_init            GDT + TSS + IDT: faults now print an oops
 *   identify_boot_cpu    CPUID; halt if something vital is missing
 *   cpu_init             CR0.WP, CR4 features, EFER.NXE
 *   multiboot_parse      command line, loader, initrd, e820 map, RSDP
 *   acpi_boot_init       CPUs (APIC ids), HPET address, power-off port
 *   init_mem_mapping     direct map of all RAM (static page tables)
 *   e820__memblock_setup RAM -> memblock; then reserve what is in use
 *   paging_init          final page tables from memblock; CR3 switch
 *   tsc_init             TSC rate against the HPET -> clock_register()
 *
 * The interrupt controllers come later, from arch_timer_init()
 * (kernel/apic.c: 8259s off, LAPIC, IOAPIC, COM1's receive interrupt).
 * docs/x86_64.md tells the same story from GRUB onwards.
 */
#include <anvil/arch.h>
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <asm/acpi.h>
#include <asm/cpufeature.h>
#include <asm/desc.h>
#include <asm/e820.h>
#include <asm/multiboot2.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/tsc.h>

/* Below this much usable RAM anvil cannot even build its page tables. */
#define MIN_USABLE_RAM (8 * SZ_1M)

static char machine_name[48];

/*
 * Name the machine for the boot banner. QEMU's firmware (SeaBIOS) signs
 * its ACPI tables "BOCHS "; only q35 has PCIe and thus an MCFG table.
 */
static void set_machine_name(void)
{
	if (!memcmp(acpi_info.oem_id, "BOCHS ", 6))
		snprintf(machine_name, sizeof(machine_name), "QEMU %s",
			 acpi_info.has_mcfg ? "q35" : "i440fx");
	else if (acpi_info.oem_id[0])
		snprintf(machine_name, sizeof(machine_name), "%s %s",
			 acpi_info.oem_id, acpi_info.oem_table_id);
	else
		strlcpy(machine_name, "PC (no ACPI)", sizeof(machine_name));
	boot_params.machine = machine_name;
}

/* The CPUs smpboot.c can start (its table), the boot CPU included. */
static void setup_nr_cpus(void)
{
	if (!acpi_info.nr_cpus)
		pr_warn("ACPI: no CPUs in the MADT; assuming 1\n");
	boot_params.nr_cpus = x86_cpu_table_finish();
}

/*
 * Tell memblock about RAM and take out what is already in use: the first
 * megabyte (BIOS data, and the SMP trampoline will want 0x8000 later),
 * the kernel image from its load address to _end, the MBI and modules.
 */
static void setup_memblock(void)
{
	e820__memblock_setup();
	memblock_reserve(0, SZ_1M);
	memblock_reserve(KERNEL_LOAD_PHYS, __pa(_end) - KERNEL_LOAD_PHYS);
	multiboot_reserve();
	if (memblock_free_bytes() < MIN_USABLE_RAM) {
		pr_emerg("Memory: anvil needs at least %lu MiB free. Halting.\n",
			 MIN_USABLE_RAM / SZ_1M);
		machine_halt();
	}
}

void setup_arch(void)
{
	early_console_init();
	trap_init();
	identify_boot_cpu();
	cpu_init();

	multiboot_parse(x86_boot_magic, x86_boot_mbi);
	e820__print_table();
	acpi_boot_init();
	setup_nr_cpus();
	set_machine_name();

	init_mem_mapping();
	setup_memblock();
	paging_init();

	tsc_init();
	boot_params.entry_cycles = x86_boot_tsc;
}
