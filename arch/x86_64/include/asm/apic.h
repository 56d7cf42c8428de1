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

/* Map and software-enable this CPU's LAPIC (boot CPU: arch_timer_init). */
void lapic_init(void);
void apic_eoi(void);
/* Start the periodic tick at HZ on this CPU. */
void apic_timer_setup(void);
/* The tick's handler (kernel/irq.c calls it for LOCAL_TIMER_VECTOR). */
void apic_timer_interrupt(void);
/* True once lapic_init() has mapped the registers. */
bool lapic_is_mapped(void);
u32 apic_read(u32 reg);

#endif /* _ASM_X86_APIC_H */
