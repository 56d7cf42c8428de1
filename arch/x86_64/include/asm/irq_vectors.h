/* SPDX-License-Identifier: MIT */
/*
 * asm/irq_vectors.h: how anvil uses the 256 interrupt vectors.
 *
 *   0x00-0x1f   CPU exceptions (asm/traps.h)
 *   0x20-0x2f   the legacy 8259 PICs, remapped here and masked: only a
 *               spurious IRQ 7/15 can arrive (kernel/i8259.c)
 *   0x30-0x3f   ISA IRQs 0-15 through the IOAPIC (kernel/io_apic.c),
 *               those a driver asked for with request_isa_irq(); today
 *               IRQ 4, COM1's receive interrupt (0x34)
 *   0x40-0xeb   free
 *   0xec        LAPIC timer, the tick (kernel/apic.c)
 *   0xed-0xfc   free
 *   0xfd        the IPI: generic code keeps the reasons (reschedule,
 *               call function) in a per-CPU mask, so one is enough
 *               (kernel/smp.c)
 *   0xfe        free
 *   0xff        LAPIC spurious vector (low 4 bits must be 1s on old CPUs)
 *
 * kernel/entry.asm has a stub for every vector, so a stray one is
 * reported (kernel/irq.c) instead of becoming a #GP and a double fault.
 */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

#define NR_VECTORS 256
#define FIRST_EXTERNAL_VECTOR 0x20
#define ISA_IRQ_VECTOR(irq) (0x20 + (irq))	/* the masked 8259s */
#define IO_APIC_ISA_VECTOR(irq) (0x30 + (irq))	/* the same IRQ, IOAPIC */
#define LOCAL_TIMER_VECTOR 0xec
#define SMP_IPI_VECTOR 0xfd
#define SPURIOUS_APIC_VECTOR 0xff

#endif /* _ASM_X86_IRQ_VECTORS_H */
