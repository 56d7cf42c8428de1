/* SPDX-License-Identifier: MIT */
/*
 * asm/smp.h: x86_64's side of SMP: which CPUs exist, starting them, IPIs.
 *
 * Logical CPU numbers (what generic code calls "cpu") are anvil's; the
 * hardware names a CPU by its local APIC id. kernel/acpi.c reports each
 * enabled LAPIC of the MADT to x86_register_cpu(), which fills
 * x86_cpu_to_apicid[] with the boot CPU first, as logical CPU 0, whatever
 * its APIC id, and the others in MADT order.
 *
 *   kernel/smpboot.c   the table, arch_boot_secondary(): the trampoline
 *                      (realmode/trampoline.asm), INIT-SIPI-SIPI, and the
 *                      new CPU's first C code, x86_start_secondary()
 *   kernel/smp.c       arch_send_ipi() and the IPI vector's handler
 *
 * The hooks generic code calls are declared in <anvil/arch.h>.
 */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

#include <anvil/compiler.h>
#include <anvil/types.h>

/* Where the trampoline runs: a page below 1 MiB (SIPI vector 0x08). */
#define TRAMPOLINE_PHYS 0x8000UL

/* An xAPIC names at most 255 CPUs; 0xff is the broadcast id. */
#define MAX_XAPIC_ID 0xfe

/* Logical CPU -> APIC id, for the x86_nr_cpus CPUs anvil can start. */
extern u32 x86_cpu_to_apicid[];
extern unsigned int x86_nr_cpus;

/* kernel/acpi.c, for each enabled LAPIC in the MADT. Boot CPU, early. */
void x86_register_cpu(u32 apic_id);
/* The table's size once the MADT has been read; at least 1 (us). */
unsigned int x86_cpu_table_finish(void);

/* The new CPU's first C code (kernel/smpboot.c), from head.asm. */
void x86_start_secondary(unsigned int cpu) __noreturn;

/* kernel/smp.c: the IPI vector's handler (kernel/irq.c calls it). */
void smp_ipi_vector_interrupt(void);

#endif /* _ASM_X86_SMP_H */
