/* SPDX-License-Identifier: MIT */
/*
 * What the arch tells generic code about the machine at boot.
 *
 * setup_arch() (each arch, <asm/setup.h>) fills boot_params and registers
 * memory with memblock before start_kernel() goes on. Everything here is
 * written once, on the boot CPU, before any other CPU runs.
 */
#ifndef ANVIL_BOOT_H
#define ANVIL_BOOT_H

#include <anvil/types.h>

#define COMMAND_LINE_SIZE 512

struct boot_params {
	char cmdline[COMMAND_LINE_SIZE]; /* kernel options, NUL-terminated */
	phys_addr_t initrd_start;	 /* physical; initrd_size 0 = none */
	u64 initrd_size;
	unsigned int nr_cpus;		 /* CPUs the firmware describes */
	const char *machine;		 /* e.g. "QEMU q35", "PowerNV POWER8" */
	const char *loader;		 /* e.g. "GRUB 2.06", "skiboot" */
	u64 entry_cycles;		 /* clock cycles at the first instruction */
};

extern struct boot_params boot_params;

/*
 * memblock: the boot-time memory map (mm/memblock.c).
 *
 * The arch adds every usable RAM range and reserves what is in use (the
 * kernel image, firmware, the initrd, the device tree). Until the buddy
 * allocator runs, memblock_alloc() hands out physical memory; mm_init()
 * then gives every unreserved page to the buddy allocator.
 */
void memblock_add(phys_addr_t base, u64 size);
void memblock_reserve(phys_addr_t base, u64 size);
/* Returns a physical address, zeroed through the direct map; panics when out. */
phys_addr_t memblock_alloc(u64 size, u64 align);
/* Total RAM added, and RAM not reserved (bytes). */
u64 memblock_total(void);
u64 memblock_free_bytes(void);
/* Highest RAM address + 1 (bytes). */
phys_addr_t memblock_end(void);

/* Generic entry, called by the arch's boot code on the boot CPU. */
void start_kernel(void) __attribute__((noreturn));

#endif /* ANVIL_BOOT_H */
