/* SPDX-License-Identifier: MIT */
/*
 * The cycle counter: the POWER timebase, 512 MHz on QEMU's powernv8 (the
 * rate comes from the device tree, /cpus/<cpu>/timebase-frequency).
 */
#ifndef _ASM_PPC64_TIMEX_H
#define _ASM_PPC64_TIMEX_H

#include <anvil/types.h>

static inline u64 get_cycles(void)
{
	u64 tb;

	__asm__ __volatile__("mftb %0" : "=r"(tb));
	return tb;
}

#endif /* _ASM_PPC64_TIMEX_H */
