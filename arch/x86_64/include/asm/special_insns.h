/* SPDX-License-Identifier: MIT */
/*
 * asm/special_insns.h: control registers, TLB flushes, CPUID, halt.
 *
 * The CR0/CR4 bits anvil sets are named here; kernel/cpu.c decides which
 * ones to turn on, from CPUID.
 */
#ifndef _ASM_X86_SPECIAL_INSNS_H
#define _ASM_X86_SPECIAL_INSNS_H

#include <anvil/types.h>

#define X86_CR0_PE (1UL << 0)	/* protected mode */
#define X86_CR0_MP (1UL << 1)	/* monitor coprocessor */
#define X86_CR0_EM (1UL << 2)	/* emulate x87: must be 0 for SSE */
#define X86_CR0_TS (1UL << 3)	/* task switched: x87/SSE use traps */
#define X86_CR0_NE (1UL << 5)	/* native x87 error reporting */
#define X86_CR0_WP (1UL << 16)	/* read-only pages bind the kernel too */
#define X86_CR0_PG (1UL << 31)	/* paging */

#define X86_CR4_PAE (1UL << 5)
#define X86_CR4_PGE (1UL << 7)	/* global pages survive CR3 loads */
#define X86_CR4_OSFXSR (1UL << 9)	/* fxsave/fxrstor, SSE allowed */
#define X86_CR4_OSXMMEXCPT (1UL << 10)	/* SIMD FP exceptions as #XM */
#define X86_CR4_UMIP (1UL << 11)	/* sgdt/sidt/... fault in user mode */
#define X86_CR4_LA57 (1UL << 12)	/* 5-level paging */
#define X86_CR4_FSGSBASE (1UL << 16)
#define X86_CR4_PCIDE (1UL << 17)
#define X86_CR4_OSXSAVE (1UL << 18)
#define X86_CR4_SMEP (1UL << 20)	/* no kernel execution of user pages */
#define X86_CR4_SMAP (1UL << 21)	/* no kernel access to user pages */

#define DEFINE_CR_ACCESSORS(n)                                              \
	static inline unsigned long read_cr##n(void)                        \
	{                                                                   \
		unsigned long v;                                            \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));       \
		return v;                                                   \
	}                                                                   \
	static inline void write_cr##n(unsigned long v)                     \
	{                                                                   \
		__asm__ __volatile__("mov %0, %%cr" #n : : "r"(v)           \
				     : "memory");                           \
	}
DEFINE_CR_ACCESSORS(0)
DEFINE_CR_ACCESSORS(2)
DEFINE_CR_ACCESSORS(3)
DEFINE_CR_ACCESSORS(4)
#undef DEFINE_CR_ACCESSORS

/* Drop this CPU's TLB entry for one page. */
static inline void invlpg(unsigned long va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

/* Drop every non-global TLB entry on this CPU. */
static inline void flush_tlb_local(void)
{
	write_cr3(read_cr3());
}

static inline void cpuid_count(u32 leaf, u32 subleaf, u32 *a, u32 *b,
			       u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(leaf), "c"(subleaf));
}

static inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	cpuid_count(leaf, 0, a, b, c, d);
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

#endif /* _ASM_X86_SPECIAL_INSNS_H */
