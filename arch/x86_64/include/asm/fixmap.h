/* SPDX-License-Identifier: MIT */
/*
 * asm/fixmap.h: compile-time virtual addresses for device registers.
 *
 * Device registers (LAPIC, HPET, later the IOAPIC) are not RAM, so the
 * direct map does not cover them, and they must be mapped uncached. Like
 * Linux, anvil gives each a fixed slot in the last 2 MiB of the address
 * space, backed by one static page table (mm/init.c), so mapping needs
 * no memory allocation and works before mm_init().
 *
 *   FIXADDR_START = 0xffffffffffe00000
 *   slot i        = FIXADDR_START + i * 4 KiB
 */
#ifndef _ASM_X86_FIXMAP_H
#define _ASM_X86_FIXMAP_H

#include <anvil/types.h>
#include <asm/page.h>

#define FIXADDR_START 0xffffffffffe00000UL

enum fixed_addresses {
	FIX_APIC_BASE,		/* local APIC, 0xfee00000 */
	FIX_HPET_BASE,		/* HPET, 0xfed00000 on q35 */
	FIX_IO_APIC_BASE_0,	/* first IOAPIC (not used yet) */
	__end_of_fixed_addresses
};

static inline void *fix_to_virt(enum fixed_addresses idx)
{
	return (void *)(FIXADDR_START + ((unsigned long)idx << PAGE_SHIFT));
}

/*
 * Map the 4 KiB page at @phys uncached in slot @idx and return its
 * virtual address (plus @phys's offset in the page). Only after
 * paging_init(), which links the fixmap into the live tables.
 */
void *set_fixmap_nocache(enum fixed_addresses idx, phys_addr_t phys);

#endif /* _ASM_X86_FIXMAP_H */
