/* SPDX-License-Identifier: MIT */
/*
 * asm/page.h: pages and the two kernel mappings of physical memory.
 *
 *   PAGE_OFFSET         0xffff888000000000  the direct map: every byte of
 *                                           RAM, physical 0 at this address
 *   __START_KERNEL_map  0xffffffff80000000  the kernel image, linked at
 *                                           this address + its physical one
 *
 * __va() goes physical -> direct map; __pa() goes back from either
 * mapping. The page tables behind both are built in arch/x86_64/mm/init.c;
 * docs/x86_64.md draws the whole layout. This header is also read by the
 * linker script (through vmlinux.lds.h), so everything outside the
 * __ASSEMBLY__ guard must be plain #defines.
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

/* A constant that is "unsigned long" in C but a bare number elsewhere. */
#ifdef __ASSEMBLY__
#define _AC(x, y) x
#else
#define __AC(x, y) (x##y)
#define _AC(x, y) __AC(x, y)
#endif

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define PAGE_OFFSET _AC(0xffff888000000000, UL)
#define __START_KERNEL_map _AC(0xffffffff80000000, UL)

/* GRUB loads the image here: the first megabyte is BIOS and legacy space. */
#define KERNEL_LOAD_PHYS _AC(0x100000, UL)

#ifndef __ASSEMBLY__
#include <anvil/types.h>

/*
 * Physical address of a kernel virtual address: a subtraction, but which
 * one depends on the mapping the address lies in. Kernel-image addresses
 * (symbols, .bss) sit above __START_KERNEL_map; everything else the kernel
 * touches is in the direct map.
 */
static inline phys_addr_t __phys_addr(unsigned long va)
{
	if (va >= __START_KERNEL_map)
		return va - __START_KERNEL_map;
	return va - PAGE_OFFSET;
}

#define __pa(va) __phys_addr((unsigned long)(va))
#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))

#define virt_to_pfn(va) (__pa(va) >> PAGE_SHIFT)
#define pfn_to_virt(pfn) __va((phys_addr_t)(pfn) << PAGE_SHIFT)

#endif /* !__ASSEMBLY__ */
#endif /* _ASM_X86_PAGE_H */
