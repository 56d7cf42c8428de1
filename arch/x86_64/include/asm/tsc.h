/* SPDX-License-Identifier: MIT */
/*
 * asm/tsc.h: measuring the TSC's rate (kernel/tsc.c) against a
 * reference: the HPET, or the 8254 PIT (kernel/i8253.c) if there is none.
 */
#ifndef _ASM_X86_TSC_H
#define _ASM_X86_TSC_H

#include <anvil/types.h>

extern u64 tsc_hz;

/* Calibrate the TSC and clock_register() it. Boot CPU, after paging_init. */
void tsc_init(void);
/* Busy-wait @us microseconds on the TSC (before the generic clock runs). */
void tsc_delay_us(u64 us);

/* kernel/i8253.c: TSC cycles during @ms milliseconds of PIT channel 2. */
u64 pit_measure_tsc(unsigned int ms);

#endif /* _ASM_X86_TSC_H */
