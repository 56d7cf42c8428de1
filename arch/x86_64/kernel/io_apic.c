// SPDX-License-Identifier: MIT
/*
 * kernel/io_apic.c: the I/O APIC, for device interrupts (today: COM1).
 *
 * Interface: asm/io_apic.h. Why the IOAPIC and not the 8259s: anvil's
 * interrupts already arrive through each CPU's local APIC (the tick, the
 * IPIs), and kernel/i8259.c masks the 8259s for good. Routing an 8259
 * line would mean unmasking it and turning the boot CPU's LINT0 into an
 * ExtINT "virtual wire", with the 8259's own EOI protocol on top. The
 * IOAPIC instead sends an ordinary vector to a chosen LAPIC, ended by
 * the same LAPIC EOI as every other interrupt, and it is what every
 * x86 machine since the Pentium has (q35: one at 0xfec00000, 24 pins).
 *
 * Registers are reached indirectly: write a register number to IOREGSEL
 * (offset 0x00), then read or write it through IOWIN (offset 0x10). That
 * pair is not atomic, hence ioapic_lock.
 *
 *	0x01		version: bits 23:16 = the number of pins - 1
 *	0x10 + 2n	pin n's redirection entry, low 32 bits:
 *			  7:0 vector, 10:8 delivery mode (0 = fixed),
 *			  11 destination mode (0 = physical APIC id),
 *			  13 polarity (1 = active low),
 *			  15 trigger (1 = level), 16 mask
 *	0x11 + 2n	high 32 bits: 31:24 the destination APIC id
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/spinlock.h>
#include <asm/acpi.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/io_apic.h>

#define IO_APIC_REGSEL 0x00
#define IO_APIC_WIN 0x10

#define IO_APIC_REG_VER 0x01
#define IO_APIC_REG_RTE(pin) (0x10 + 2 * (pin))

#define IO_APIC_RTE_ACTIVE_LOW (1U << 13)
#define IO_APIC_RTE_LEVEL (1U << 15)
#define IO_APIC_RTE_MASKED (1U << 16)

static u8 *ioapic_base;		/* through the fixmap; NULL: none */
static unsigned int ioapic_pins;
static DEFINE_SPINLOCK(ioapic_lock);

static u32 io_apic_read(u32 reg)
{
	writel(ioapic_base + IO_APIC_REGSEL, reg);
	return readl(ioapic_base + IO_APIC_WIN);
}

static void io_apic_write(u32 reg, u32 v)
{
	writel(ioapic_base + IO_APIC_REGSEL, reg);
	writel(ioapic_base + IO_APIC_WIN, v);
}

/*
 * Write a whole entry. The high half (the destination) first, then the
 * low half, which holds the mask bit: the pin is never live with half an
 * entry.
 */
static void io_apic_write_rte(unsigned int pin, u32 lo, u32 hi)
{
	unsigned long flags;

	spin_lock_irqsave(&ioapic_lock, flags);
	io_apic_write(IO_APIC_REG_RTE(pin), IO_APIC_RTE_MASKED);
	io_apic_write(IO_APIC_REG_RTE(pin) + 1, hi);
	io_apic_write(IO_APIC_REG_RTE(pin), lo);
	spin_unlock_irqrestore(&ioapic_lock, flags);
}

void io_apic_init(void)
{
	u32 ver;

	if (!acpi_info.ioapic_addr) {
		pr_warn("IOAPIC: none in the MADT; no device interrupts\n");
		return;
	}
	ioapic_base = set_fixmap_nocache(FIX_IO_APIC_BASE_0,
					 acpi_info.ioapic_addr);
	ver = io_apic_read(IO_APIC_REG_VER);
	ioapic_pins = ((ver >> 16) & 0xff) + 1;
	/* Firmware may have left pins live; nothing is routed until asked. */
	for (unsigned int pin = 0; pin < ioapic_pins; pin++)
		io_apic_write_rte(pin, IO_APIC_RTE_MASKED, 0);
	pr_info("IOAPIC: id %u at %#llx, version 0x%x, %u pins from GSI %u\n",
		acpi_info.ioapic_id,
		(unsigned long long)acpi_info.ioapic_addr, ver & 0xff,
		ioapic_pins, acpi_info.ioapic_gsi_base);
}

int io_apic_route_isa_irq(unsigned int irq, u8 vector, u32 apic_id)
{
	const struct acpi_isa_override *o;
	u32 gsi = irq, lo = vector, pin;
	u16 flags = 0;

	if (!ioapic_base || irq >= NR_ISA_IRQS)
		return -ENODEV;
	o = &acpi_info.isa_override[irq];
	if (o->present) {
		gsi = o->gsi;
		flags = o->flags;
	}
	/* "Conforms to the bus" means ISA's: edge triggered, active high. */
	if ((flags & ACPI_MADT_POLARITY_MASK) == ACPI_MADT_POLARITY_ACTIVE_LOW)
		lo |= IO_APIC_RTE_ACTIVE_LOW;
	if ((flags & ACPI_MADT_TRIGGER_MASK) == ACPI_MADT_TRIGGER_LEVEL)
		lo |= IO_APIC_RTE_LEVEL;
	if (gsi < acpi_info.ioapic_gsi_base ||
	    gsi - acpi_info.ioapic_gsi_base >= ioapic_pins)
		return -ENODEV;
	pin = gsi - acpi_info.ioapic_gsi_base;
	io_apic_write_rte(pin, lo, apic_id << 24);
	pr_info("IOAPIC: IRQ %u -> GSI %u, vector 0x%x, APIC id %u, %s, "
		"active %s\n", irq, gsi, vector, apic_id,
		lo & IO_APIC_RTE_LEVEL ? "level" : "edge",
		lo & IO_APIC_RTE_ACTIVE_LOW ? "low" : "high");
	return 0;
}
