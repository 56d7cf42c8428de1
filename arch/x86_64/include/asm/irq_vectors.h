/* SPDX-License-Identifier: MIT */
/*
 * asm/irq_vectors.h: how anvil uses the 256 interrupt vectors.
 *
 *   0x00-0x1f   CPU exceptions (asm/traps.h)
 *   0x20-0x2f   the legacy 8259 PICs, remapped here and masked: only a
 *               spurious IRQ 7/15 can arrive (kernel/i8259.c)
 *   0x30-0xeb   free: device interrupts through the IOAPIC, later
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
#define ISA_IRQ_VECTOR(irq) (0x20 + (irq))
#define LOCAL_TIMER_VECTOR 0xec
#define SMP_IPI_VECTOR 0xfd
#define SPURIOUS_APIC_VECTOR 0xff

#endif /* _ASM_X86_IRQ_VECTORS_H */
