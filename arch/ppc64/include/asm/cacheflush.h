/* SPDX-License-Identifier: MIT */
/*
 * asm/cacheflush.h: making stored instructions visible to instruction
 * fetch. POWER's instruction cache is not kept coherent with stores:
 * code written through the data side (exec loading a program, the
 * signal trampoline) must be pushed out of the data cache (dcbst) and
 * the stale instruction-cache lines thrown away (icbi) before it runs.
 */
#ifndef _ASM_PPC64_CACHEFLUSH_H
#define _ASM_PPC64_CACHEFLUSH_H

#include <asm/reg.h>

static inline void flush_icache_range(unsigned long start, unsigned long end)
{
	unsigned long a, first = start & ~(unsigned long)(L1_CACHE_BYTES - 1);

	for (a = first; a < end; a += L1_CACHE_BYTES)
		__asm__ __volatile__("dcbst 0,%0" : : "r"(a) : "memory");
	__asm__ __volatile__("sync" : : : "memory");
	for (a = first; a < end; a += L1_CACHE_BYTES)
		__asm__ __volatile__("icbi 0,%0" : : "r"(a) : "memory");
	__asm__ __volatile__("sync; isync" : : : "memory");
}

#endif /* _ASM_PPC64_CACHEFLUSH_H */
