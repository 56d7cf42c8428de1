/* SPDX-License-Identifier: MIT */
/*
 * asm/io_apic.h: the I/O APIC, which turns device interrupt lines into
 * messages to a CPU's local APIC (kernel/io_apic.c).
 *
 * Each input pin has a 64-bit redirection entry: the vector to send, the
 * destination APIC id, the line's polarity and trigger mode, and a mask
 * bit. Pins are numbered by GSI ("global system interrupt"); ACPI's MADT
 * says where the IOAPIC is, which GSI its pin 0 is, and which ISA IRQs
 * do not arrive at the pin of their own number.
 */
#ifndef _ASM_X86_IO_APIC_H
#define _ASM_X86_IO_APIC_H

#include <anvil/types.h>

/*
 * Map the IOAPIC the MADT names and mask every pin. Boot CPU, once,
 * after paging_init() (it uses the fixmap). Without an IOAPIC in the
 * MADT it says so and io_apic_route_isa_irq() then fails.
 */
void io_apic_init(void);

/*
 * Deliver ISA IRQ @irq as @vector to the CPU whose APIC id is @apic_id,
 * with the GSI, polarity and trigger mode the MADT gives (ISA's edge,
 * active high when it says nothing). The pin is unmasked. 0, or -ENODEV
 * (no IOAPIC, or the GSI is not one of its pins).
 */
int io_apic_route_isa_irq(unsigned int irq, u8 vector, u32 apic_id);

#endif /* _ASM_X86_IO_APIC_H */
