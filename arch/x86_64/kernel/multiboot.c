// SPDX-License-Identifier: MIT
/*
 * kernel/multiboot.c: reading what GRUB tells us (multiboot2 tags).
 *
 * Interface: multiboot_parse(), multiboot_reserve() (asm/multiboot2.h).
 * The tags become:
 *
 *   1  command line      -> boot_params.cmdline
 *   2  boot loader name  -> boot_params.loader
 *   3  module            -> boot_params.initrd_start/size (the first one)
 *   6  memory map        -> the e820 table (kernel/e820.c)
 *   14/15 ACPI RSDP      -> kernel/acpi.c (15, the ACPI 2.0 one, wins)
 *
 * Everything needed later is copied out, so the MBI itself is only kept
 * (reserved) to be safe. We read it through __va(): the boot page tables
 * map the first 4 GiB at PAGE_OFFSET, and GRUB, a 32-bit loader, puts
 * the MBI and modules below 4 GiB.
 */
#include <anvil/arch.h>
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <asm/acpi.h>
#include <asm/e820.h>
#include <asm/multiboot2.h>
#include <asm/page.h>

#define MAX_MODULES 8

static phys_addr_t mbi_phys;
static u32 mbi_size;
static struct {
	phys_addr_t start, end;
} modules[MAX_MODULES];
static unsigned int nr_modules;
static char loader_name[64];
static bool have_mmap, have_acpi_new;

static void parse_cmdline(const struct multiboot_tag_string *t)
{
	if (strlcpy(boot_params.cmdline, t->string, COMMAND_LINE_SIZE) >=
	    COMMAND_LINE_SIZE)
		pr_warn("multiboot2: command line cut to %d bytes\n",
			COMMAND_LINE_SIZE - 1);
}

static void parse_module(const struct multiboot_tag_module *t)
{
	pr_info("multiboot2: module [mem %#010x-%#010x] \"%s\"\n",
		t->mod_start, t->mod_end - 1, t->cmdline);
	if (nr_modules == MAX_MODULES) {
		pr_warn("multiboot2: more than %d modules, ignoring this one\n",
			MAX_MODULES);
		return;
	}
	modules[nr_modules].start = t->mod_start;
	modules[nr_modules].end = t->mod_end;
	/* The first module is the initrd, whatever GRUB's line calls it. */
	if (nr_modules++ == 0) {
		boot_params.initrd_start = t->mod_start;
		boot_params.initrd_size = t->mod_end - t->mod_start;
	}
}

static void parse_mmap(const struct multiboot_tag_mmap *t)
{
	const u8 *p = (const u8 *)t->entries;
	const u8 *end = (const u8 *)t + t->size;

	for (; p + t->entry_size <= end; p += t->entry_size) {
		const struct multiboot_mmap_entry *e = (const void *)p;

		e820__range_add(e->addr, e->len, e->type);
	}
	have_mmap = true;
}

static void parse_acpi(const struct multiboot_tag_acpi *t)
{
	/* GRUB may pass both; the ACPI 2.0 RSDP can point to the XSDT. */
	if (t->type == MULTIBOOT_TAG_TYPE_ACPI_OLD && have_acpi_new)
		return;
	have_acpi_new |= t->type == MULTIBOOT_TAG_TYPE_ACPI_NEW;
	acpi_set_rsdp(t->rsdp, t->size - sizeof(struct multiboot_tag));
}

static void parse_tag(const struct multiboot_tag *tag)
{
	switch (tag->type) {
	case MULTIBOOT_TAG_TYPE_CMDLINE:
		parse_cmdline((const void *)tag);
		break;
	case MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME:
		strlcpy(loader_name,
			((const struct multiboot_tag_string *)tag)->string,
			sizeof(loader_name));
		boot_params.loader = loader_name;
		break;
	case MULTIBOOT_TAG_TYPE_MODULE:
		parse_module((const void *)tag);
		break;
	case MULTIBOOT_TAG_TYPE_MMAP:
		parse_mmap((const void *)tag);
		break;
	case MULTIBOOT_TAG_TYPE_ACPI_OLD:
	case MULTIBOOT_TAG_TYPE_ACPI_NEW:
		parse_acpi((const void *)tag);
		break;
	}
}

/*
 * Walk the MBI at physical @mbi. Halts, after saying why, if we were not
 * booted by multiboot2 or there is no memory map: without one we cannot
 * know where RAM is. Boot CPU, early, before any allocation.
 */
void multiboot_parse(u32 magic, phys_addr_t mbi)
{
	const struct multiboot_info *info = __va(mbi);
	const u8 *p, *end;

	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC) {
		pr_emerg("multiboot2: bad magic %#x; was this GRUB?\n", magic);
		machine_halt();
	}
	mbi_phys = mbi;
	mbi_size = info->total_size;
	p = (const u8 *)(info + 1);
	end = (const u8 *)info + info->total_size;
	while (p + sizeof(struct multiboot_tag) <= end) {
		const struct multiboot_tag *tag = (const void *)p;

		if (tag->type == MULTIBOOT_TAG_TYPE_END || tag->size < 8)
			break;
		parse_tag(tag);
		p += ALIGN(tag->size, 8);	/* tags are 8-byte aligned */
	}
	if (!have_mmap) {
		pr_emerg("multiboot2: the boot loader gave no memory map "
			 "(tag 6); cannot tell where RAM is. Halting.\n");
		machine_halt();
	}
}

/* Keep the MBI and the modules out of the allocators' hands. */
void multiboot_reserve(void)
{
	memblock_reserve(ALIGN_DOWN(mbi_phys, PAGE_SIZE),
			 ALIGN(mbi_phys + mbi_size, PAGE_SIZE) -
				 ALIGN_DOWN(mbi_phys, PAGE_SIZE));
	for (unsigned int i = 0; i < nr_modules; i++) {
		phys_addr_t start = ALIGN_DOWN(modules[i].start, PAGE_SIZE);

		memblock_reserve(start,
				 ALIGN(modules[i].end, PAGE_SIZE) - start);
	}
}
