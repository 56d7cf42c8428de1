/* SPDX-License-Identifier: MIT */
/*
 * asm/e820.h: the firmware's memory map (kernel/e820.c).
 *
 * "e820" is the BIOS call (int 0x15, eax=0xe820) that first reported
 * this table; GRUB passes the same entries in the multiboot2 mmap tag.
 * The arch keeps its own copy because it needs more than memblock does:
 * the direct map is built from the RAM entries before memblock exists,
 * and a RAM range it cannot map is trimmed here, so memblock never sees
 * memory that __va() cannot reach.
 */
#ifndef _ASM_X86_E820_H
#define _ASM_X86_E820_H

#include <anvil/types.h>

enum e820_type {
	E820_TYPE_RAM = 1,
	E820_TYPE_RESERVED = 2,
	E820_TYPE_ACPI = 3,	/* ACPI tables, reclaimable after parsing */
	E820_TYPE_NVS = 4,	/* ACPI non-volatile storage */
	E820_TYPE_UNUSABLE = 5,	/* bad RAM */
};

struct e820_entry {
	u64 addr;
	u64 size;
	u32 type;
};

#define E820_MAX_ENTRIES 64

struct e820_table {
	unsigned int nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

extern struct e820_table e820_table;

void e820__range_add(u64 start, u64 size, u32 type);
void e820__print_table(void);
/*
 * Drop all RAM at or above @limit (what the direct map could not cover).
 * Returns the number of bytes dropped.
 */
u64 e820__truncate_ram(u64 limit);
/* memblock_add() every RAM entry; returns the bytes added. */
u64 e820__memblock_setup(void);

#endif /* _ASM_X86_E820_H */
