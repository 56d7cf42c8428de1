/* SPDX-License-Identifier: MIT */
/*
 * Pages and the direct (linear) map on ppc64.
 *
 * Physical address P is mapped at 0xc000000000000000 + P, through bolted
 * hash-table entries (arch/ppc64/mm/hash_utils.c). The kernel image is
 * linked at the same offset, so one rule, __pa(va) = va with the top
 * nibble cleared, serves both the direct map and kernel symbols. In
 * hypervisor real mode (translation off) the CPU ignores those top bits,
 * so the same pointers also work before the MMU is on.
 */
#ifndef _ASM_PPC64_PAGE_H
#define _ASM_PPC64_PAGE_H

#ifdef __ASSEMBLY__
#define _AC(x, y) x
#else
#define _AC(x, y) x##y
#endif

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define PAGE_OFFSET _AC(0xc000000000000000, UL)

#ifndef __ASSEMBLY__
#include <anvil/types.h>

#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define __pa(va) ((phys_addr_t)((unsigned long)(va) & 0x0fffffffffffffffUL))
#endif

#endif /* _ASM_PPC64_PAGE_H */
