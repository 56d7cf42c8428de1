/* SPDX-License-Identifier: MIT */
/*
 * asm/apic.h: the local APIC, each CPU's interrupt controller and timer
 * (kernel/apic.c).
 *
 * anvil uses the xAPIC's MMIO registers at 0xfee00000 (x2APIC's MSRs do
 * not work under QEMU TCG 7.2). Registers are 32 bits, 16-byte aligned.
 */
#ifndef _ASM_X86_APIC_H
#define _ASM_X86_APIC_H

#include <anvil/types.h>

#define APIC_ID 0x20		/* bits 31:24 */
#define APIC_LVR 0x30		/* version */
#define APIC_TASKPRI 0x80	/* TPR: 0 accepts every vector */
#define APIC_EOI 0xb0
#define APIC_SPIV 0xf0		/* spurious vector + software enable */
#define  APIC_SPIV_APIC_ENABLED (1U << 8)
#define APIC_ESR 0x280		/* error status */
#define APIC_ICR 0x300		/* interrupt command, low: sends on write */
#define  APIC_DM_FIXED 0x000		/* deliver the vector */
#define  APIC_DM_INIT 0x500		/* reset to wait-for-SIPI */
#define  APIC_DM_STARTUP 0x600		/* SIPI: run at vector * 4 KiB */
#define  APIC_ICR_BUSY (1U << 12)	/* delivery status: pending */
#define  APIC_INT_ASSERT (1U << 14)
#define  APIC_INT_LEVELTRIG (1U << 15)
#define APIC_ICR2 0x310		/* interrupt command, high: 31:24 dest */
#define APIC_LVTT 0x320		/* LVT timer */
#define APIC_LVTLINT0 0x350
#define APIC_LVTLINT1 0x360
#define APIC_LVTERR 0x370
#define  APIC_LVT_MASKED (1U << 16)
#define  APIC_LVT_TIMER_PERIODIC (1U << 17)
#define APIC_TMICT 0x380	/* timer initial count */
#define APIC_TMCCT 0x390	/* timer current count */
#define APIC_TDCR 0x3e0		/* timer divide configuration */
#define  APIC_TDR_DIV_16 0x3

/*
 * Map and software-enable this CPU's LAPIC. Every CPU, interrupts off:
 * the boot CPU from apic_bsp_setup(), the others in x86_start_secondary.
 */
void lapic_init(void);
/*
 * Once, on the boot CPU: mask the 8259s, enable the LAPIC and the IOAPIC,
 * measure the LAPIC timer, route COM1's interrupt. Idempotent; SMP
 * bring-up calls it before the first IPI.
 */
void apic_bsp_setup(void);
void apic_eoi(void);
/* The tick's handler (kernel/irq.c calls it for LOCAL_TIMER_VECTOR). */
void apic_timer_interrupt(void);
/* How many ticks logical CPU @cpu has taken since its timer started. */
unsigned long apic_timer_irqs_of(unsigned int cpu);
/*
 * Send an IPI: @low is the ICR's low word (delivery mode | vector), to the
 * CPU with APIC id @apic_id. Returns false if the previous IPI never left
 * (the ICR stayed busy). Any context: it turns interrupts off itself.
 */
bool apic_send_ipi(u32 low, u32 apic_id);
/* True once lapic_init() has mapped the registers. */
bool lapic_is_mapped(void);
u32 apic_read(u32 reg);

#endif /* _ASM_X86_APIC_H */
