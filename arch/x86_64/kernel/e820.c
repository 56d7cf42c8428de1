// SPDX-License-Identifier: MIT
/*
 * kernel/e820.c: the firmware memory map, kept by the arch.
 *
 * Interface: asm/e820.h. kernel/multiboot.c fills the table from GRUB's
 * mmap tag; mm/init.c builds the direct map from its RAM entries (and
 * trims what it cannot map); e820__memblock_setup() then tells memblock.
 * Only type-1 (RAM) entries ever reach memblock: "reserved" and ACPI
 * ranges, and the holes between entries, are not memory to allocate.
 */
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <asm/e820.h>

struct e820_table e820_table;

static const char *e820_type_name(u32 type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "usable";
	case E820_TYPE_RESERVED:
		return "reserved";
	case E820_TYPE_ACPI:
		return "ACPI data";
	case E820_TYPE_NVS:
		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:
		return "unusable";
	default:
		return "unknown";
	}
}

/* Append an entry; the table is in the order GRUB gives (ascending). */
void e820__range_add(u64 start, u64 size, u32 type)
{
	struct e820_table *t = &e820_table;

	if (size == 0)
		return;
	if (t->nr_entries == E820_MAX_ENTRIES) {
		pr_warn("e820: table full, ignoring [mem %#018llx-%#018llx]\n",
			(unsigned long long)start,
			(unsigned long long)(start + size - 1));
		return;
	}
	t->entries[t->nr_entries++] = (struct e820_entry){ start, size, type };
}

void e820__print_table(void)
{
	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		pr_info("BIOS-e820: [mem %#018llx-%#018llx] %s\n",
			(unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->size - 1),
			e820_type_name(e->type));
	}
}

u64 e820__truncate_ram(u64 limit)
{
	u64 dropped = 0;

	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];
		u64 keep;

		if (e->type != E820_TYPE_RAM || e->addr + e->size <= limit)
			continue;
		keep = e->addr < limit ? limit - e->addr : 0;
		dropped += e->size - keep;
		e->size = keep;
	}
	return dropped;
}

u64 e820__memblock_setup(void)
{
	u64 total = 0;

	for (unsigned int i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type != E820_TYPE_RAM || e->size == 0)
			continue;
		memblock_add(e->addr, e->size);
		total += e->size;
	}
	return total;
}
