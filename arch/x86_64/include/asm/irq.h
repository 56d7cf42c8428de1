/* SPDX-License-Identifier: MIT */
/*
 * asm/irq.h: device interrupts (kernel/irq.c).
 */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

/*
 * A device interrupt handler. It runs with interrupts off, after the
 * LAPIC's EOI and inside irq_enter()/irq_exit(); it must not sleep.
 */
typedef void (*irq_handler_t)(void);

/*
 * Call @handler whenever ISA IRQ @irq fires: the IOAPIC sends it as
 * IO_APIC_ISA_VECTOR(irq) to this (the boot) CPU. Boot CPU, after
 * io_apic_init(). 0, -EINVAL (a bad IRQ), -EBUSY (already taken) or
 * -ENODEV (no IOAPIC pin for it).
 */
int request_isa_irq(unsigned int irq, irq_handler_t handler);

#endif /* _ASM_X86_IRQ_H */
