// SPDX-License-Identifier: MIT
/*
 * slb.c: the segment lookaside buffer, the first step of translation.
 *
 * An SLB entry maps one effective segment (ESID) to a virtual segment
 * (VSID). POWER8 has 32 entries and no hardware walker: a miss raises a
 * segment interrupt (0x380 data, 0x480 instruction) for the OS to fill.
 *
 * Decision: the kernel uses one 1 TiB segment, EA 0xc000000000000000 to
 * 0xc00000ffffffffff, bolted in entry 0 at boot. It covers the image and
 * the whole direct map for any RAM size up to 1 TiB, so the kernel never
 * takes a segment miss: a miss always means a bad address (NULL, a user
 * address) and goes to die(). With 256 MiB segments a 1 GiB direct map
 * alone would need 4 entries, and 8 GiB more than the SLB holds, which
 * means a miss handler that must itself run without touching anything
 * unmapped. (POWER7 and later support 1 TiB segments; the device tree
 * says so in ibm,processor-segment-sizes.)
 *
 *	slbmte RS, RB
 *	  RB = ESID | V | slot
 *	  RS = B (segment size) | VSID | Ks Kp N L LP
 * Ks=0, Kp=1: kernel code uses storage key 0 and user code key 1, so
 * with PP=00 a page is read/write for the kernel and invisible to users.
 */
#include <asm/mmu-hash.h>
#include <asm/page.h>

#define ESID_MASK_1T 0xffffff0000000000UL

void slb_init_kernel(void)
{
	unsigned long rb = (PAGE_OFFSET & ESID_MASK_1T) | SLB_ESID_V | 0;
	unsigned long rs = ((unsigned long)MMU_SEGSIZE_1T << SLB_VSID_B_SHIFT) |
			   (KERNEL_VSID(PAGE_OFFSET) << SLB_VSID_SHIFT_1T) |
			   SLB_VSID_KP;

	/* slbia clears every entry but 0; slbmte then overwrites 0. */
	__asm__ __volatile__("slbia\n\t"
			     "slbmte %0,%1\n\t"
			     "isync"
			     : : "r"(rs), "r"(rb) : "memory");
}
