/* SPDX-License-Identifier: MIT */
/*
 * asm/acpi.h: the few ACPI tables anvil reads at boot (kernel/acpi.c).
 *
 * The firmware describes the machine in tables reached from the RSDP
 * (Root System Description Pointer), which GRUB copies into the MBI:
 *
 *   RSDP --> RSDT (32-bit pointers) or XSDT (64-bit pointers)
 *              |--> "APIC" MADT: one entry per CPU's local APIC -> nr_cpus,
 *              |          the IOAPIC and how ISA IRQs map onto its pins
 *              |--> "HPET": the timer's MMIO address -> TSC calibration
 *              |--> "FACP" FADT: PM1a control port -> power off
 *              `--> "MCFG": PCIe config space (only q35 has it)
 *
 * Every table starts with the same 36-byte header and sums to 0 mod 256.
 * No AML interpreter: values that live only in the DSDT (the S5 sleep
 * type for power-off) are QEMU's, see kernel/reboot.c.
 */
#ifndef _ASM_X86_ACPI_H
#define _ASM_X86_ACPI_H

#include <anvil/compiler.h>
#include <anvil/types.h>

struct acpi_rsdp {
	char signature[8];	/* "RSD PTR " */
	u8 checksum;		/* over the first 20 bytes */
	char oem_id[6];
	u8 revision;		/* 0: ACPI 1.0, only the RSDT; 2+: XSDT too */
	u32 rsdt_address;
	/* revision >= 2 */
	u32 length;
	u64 xsdt_address;
	u8 extended_checksum;	/* over all of it */
	u8 reserved[3];
} __packed;

struct acpi_table_header {
	char signature[4];
	u32 length;		/* of the whole table */
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 asl_compiler_id;
	u32 asl_compiler_revision;
} __packed;

/*
 * MADT "interrupt source override" flags (the MPS INTI flags): how an ISA
 * IRQ's line behaves when it is not the ISA default (edge, active high).
 */
#define ACPI_MADT_POLARITY_MASK 0x3
#define  ACPI_MADT_POLARITY_CONFORMS 0x0	/* the bus's default */
#define  ACPI_MADT_POLARITY_ACTIVE_HIGH 0x1
#define  ACPI_MADT_POLARITY_ACTIVE_LOW 0x3
#define ACPI_MADT_TRIGGER_MASK 0xc
#define  ACPI_MADT_TRIGGER_CONFORMS 0x0
#define  ACPI_MADT_TRIGGER_EDGE 0x4
#define  ACPI_MADT_TRIGGER_LEVEL 0xc

#define NR_ISA_IRQS 16

/* Where ISA IRQ n arrives at the IOAPIC, if the MADT says otherwise. */
struct acpi_isa_override {
	bool present;			/* else: GSI n, edge, active high */
	u32 gsi;			/* global system interrupt number */
	u16 flags;			/* ACPI_MADT_POLARITY_* | _TRIGGER_* */
};

/* What acpi_boot_init() found; zero when absent. */
struct acpi_boot_info {
	unsigned int nr_cpus;		/* enabled local APICs in the MADT */
	phys_addr_t lapic_addr;
	phys_addr_t ioapic_addr;	/* the first IOAPIC in the MADT */
	u32 ioapic_gsi_base;		/* the GSI of its pin 0 */
	u8 ioapic_id;
	struct acpi_isa_override isa_override[NR_ISA_IRQS];
	phys_addr_t hpet_addr;
	u16 pm1a_cnt_port;		/* FADT PM1a control block (I/O) */
	bool has_mcfg;			/* PCIe: q35 rather than i440fx */
	char oem_id[7];
	char oem_table_id[9];
};

extern struct acpi_boot_info acpi_info;

/* Remember the RSDP copy from the MBI (called by multiboot_parse). */
void acpi_set_rsdp(const void *rsdp, size_t len);
/* Read the MADT, HPET and FADT; call before init_mem_mapping(). */
void acpi_boot_init(void);

#endif /* _ASM_X86_ACPI_H */
