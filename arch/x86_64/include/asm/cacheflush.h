/* SPDX-License-Identifier: MIT */
/*
 * asm/cacheflush.h: x86's instruction fetch snoops stores (even through
 * another mapping of the same page), so stored code needs no flush.
 */
#ifndef _ASM_X86_CACHEFLUSH_H
#define _ASM_X86_CACHEFLUSH_H

static inline void flush_icache_range(unsigned long start, unsigned long end)
{
}

#endif /* _ASM_X86_CACHEFLUSH_H */
