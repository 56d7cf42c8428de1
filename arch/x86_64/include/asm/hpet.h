/* SPDX-License-Identifier: MIT */
/*
 * asm/hpet.h: the High Precision Event Timer, used only as a reference
 * clock to measure the TSC (kernel/hpet.c).
 */
#ifndef _ASM_X86_HPET_H
#define _ASM_X86_HPET_H

#include <anvil/types.h>

/* Map and start the HPET at @phys; false if there is none usable. */
bool hpet_enable(phys_addr_t phys);
/* The main counter (64 bits, or 32 bits zero-extended). */
u64 hpet_read(void);
/* Femtoseconds per count (10^15 / Hz). */
u64 hpet_period_fs(void);
/* Mask of the counter's width, for wrap-around arithmetic. */
u64 hpet_counter_mask(void);

#endif /* _ASM_X86_HPET_H */
