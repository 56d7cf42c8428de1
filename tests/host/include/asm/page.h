/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for <asm/page.h> (tests/host/ only).
 *
 * "Physical memory" is an arena the test maps with mmap (host.c):
 * physical address 0 is its first byte, so __va/__pa are an add and a
 * subtract, exactly the shape of a real direct map. The kernel's
 * arch/<arch>/include/asm/page.h is the real contract.
 */
#ifndef HOST_ASM_PAGE_H
#define HOST_ASM_PAGE_H

#include <anvil/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/* Start of the arena: the host's "physical address 0". */
extern char *host_ram;

#define PAGE_OFFSET ((unsigned long)host_ram)
#define __va(pa) ((void *)(host_ram + (phys_addr_t)(pa)))
#define __pa(va) ((phys_addr_t)((uintptr_t)(va) - (uintptr_t)host_ram))

#endif /* HOST_ASM_PAGE_H */
