/* SPDX-License-Identifier: MIT */
/*
 * asm/timex.h: the free-running cycle counter, the TSC.
 *
 * Its rate is measured at boot against the HPET (kernel/tsc.c) and given
 * to clock_register(). Under QEMU TCG it runs at the host's TSC rate.
 */
#ifndef _ASM_X86_TIMEX_H
#define _ASM_X86_TIMEX_H

#include <anvil/types.h>

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline u64 get_cycles(void)
{
	return rdtsc();
}

#endif /* _ASM_X86_TIMEX_H */
