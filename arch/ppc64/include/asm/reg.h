/* SPDX-License-Identifier: MIT */
/*
 * POWER8 (Book III-S, ISA v2.07) register names and MSR bits, for C and
 * assembly, plus the C accessors mfspr/mtspr/mfmsr/mtmsrd.
 *
 * Bits are given in the LSB-0 numbering C uses; the ISA numbers them
 * MSB-0, so ISA bit n is (63 - n) here. Which SPRG holds what is also
 * decided here (see "SPRG use" below).
 */
#ifndef _ASM_PPC64_REG_H
#define _ASM_PPC64_REG_H

#ifdef __ASSEMBLY__
#define __MASK(b) (1 << (b))
#else
#define __MASK(b) (1UL << (b))
#endif

/* Machine State Register */
#define MSR_SF_LG 63 /* 64-bit mode */
#define MSR_HV_LG 60 /* hypervisor state */
#define MSR_SF (__MASK(MSR_SF_LG))
#define MSR_HV (__MASK(MSR_HV_LG))
#define MSR_EE __MASK(15) /* external, decrementer interrupts enabled */
#define MSR_PR __MASK(14) /* problem (user) state */
#define MSR_FP __MASK(13) /* floating point available */
#define MSR_ME __MASK(12) /* machine checks enabled (else checkstop) */
#define MSR_IR __MASK(5)  /* instruction relocation (translation) */
#define MSR_DR __MASK(4)  /* data relocation (translation) */
#define MSR_RI __MASK(1)  /* interrupt is recoverable */
#define MSR_LE __MASK(0)  /* little-endian */

/* SRR1 after a wake-up from nap: bits 46:47 (ISA) say how much was lost. */
#define SRR1_WAKESTATE_SHIFT 16
#define SRR1_WAKESTATE_MASK 3

/* DSISR bits (and SRR1 bits for an ISI) */
#define DSISR_NOHPTE 0x40000000UL   /* no HPTE in either group */
#define DSISR_PROTFAULT 0x08000000UL /* PP bits forbid the access */
#define DSISR_ISSTORE 0x02000000UL   /* the access was a store */
#define DSISR_KEYFAULT 0x00200000UL  /* storage key forbids it */
#define SRR1_ISI_NOEXEC 0x10000000UL /* no-execute or guarded page */

/* Special Purpose Registers */
#define SPRN_XER 1
#define SPRN_LR 8
#define SPRN_CTR 9
#define SPRN_DSISR 18
#define SPRN_DAR 19
#define SPRN_DEC 22
#define SPRN_SDR1 25
#define SPRN_SRR0 26
#define SPRN_SRR1 27
#define SPRN_TBRL 268
#define SPRN_SPRG0 272
#define SPRN_SPRG1 273
#define SPRN_SPRG2 274
#define SPRN_SPRG3 275
#define SPRN_PVR 287
#define SPRN_HSPRG0 304
#define SPRN_HSPRG1 305
#define SPRN_HDSISR 306
#define SPRN_HDAR 307
#define SPRN_HSRR0 314
#define SPRN_HSRR1 315
#define SPRN_LPCR 318
#define SPRN_PIR 1023

/*
 * SPRG use (as Linux does in HV mode):
 *   HSPRG0  this CPU's paca (struct paca_struct *), set once at boot
 *   SPRG2   scratch: an exception stub parks r13 here while it finds
 *           the paca
 */
#define SPRN_SPRG_PACA SPRN_HSPRG0
#define SPRN_SPRG_SCRATCH0 SPRN_SPRG2

/* LPCR power-saving exit enables (POWER8): what may wake a napping CPU. */
#define LPCR_PECE_EXT __MASK(14) /* PECE2: external interrupt */
#define LPCR_PECE_DEC __MASK(13) /* PECE3: decrementer */
#define LPCR_PECE_ALL (__MASK(12) | __MASK(13) | __MASK(14) | __MASK(15) | __MASK(16))

/* Cache line size of POWER8, for dcbst/icbi loops. */
#define L1_CACHE_BYTES 128

#ifndef __ASSEMBLY__

#include <anvil/compiler.h>

#define mfspr(rn)                                                      \
	({                                                             \
		unsigned long __v;                                     \
		__asm__ __volatile__("mfspr %0," __stringify(rn)       \
				     : "=r"(__v));                     \
		__v;                                                   \
	})
#define mtspr(rn, v)                                                   \
	__asm__ __volatile__("mtspr " __stringify(rn) ",%0"            \
			     : : "r"((unsigned long)(v)) : "memory")

static inline unsigned long mfmsr(void)
{
	unsigned long msr;

	__asm__ __volatile__("mfmsr %0" : "=r"(msr));
	return msr;
}

/* Set the whole MSR; the isync makes the new IR/DR apply from here on. */
static inline void mtmsrd(unsigned long msr)
{
	__asm__ __volatile__("mtmsrd %0; isync" : : "r"(msr) : "memory");
}

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PPC64_REG_H */
