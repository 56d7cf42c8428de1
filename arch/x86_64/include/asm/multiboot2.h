/* SPDX-License-Identifier: MIT */
/*
 * asm/multiboot2.h: what GRUB hands the kernel (Multiboot2 spec, ch. 3).
 *
 * EBX points at the boot information (MBI): a u32 total size, a u32 zero,
 * then tags, each 8-byte aligned, until a tag of type 0. kernel/multiboot.c
 * walks them. Only the tags anvil reads are described here.
 */
#ifndef _ASM_X86_MULTIBOOT2_H
#define _ASM_X86_MULTIBOOT2_H

#include <anvil/types.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289	/* in EAX at entry */

enum multiboot_tag_type {
	MULTIBOOT_TAG_TYPE_END = 0,
	MULTIBOOT_TAG_TYPE_CMDLINE = 1,
	MULTIBOOT_TAG_TYPE_BOOT_LOADER_NAME = 2,
	MULTIBOOT_TAG_TYPE_MODULE = 3,
	MULTIBOOT_TAG_TYPE_BASIC_MEMINFO = 4,
	MULTIBOOT_TAG_TYPE_MMAP = 6,
	MULTIBOOT_TAG_TYPE_ACPI_OLD = 14,	/* a copy of the v1 RSDP */
	MULTIBOOT_TAG_TYPE_ACPI_NEW = 15,	/* a copy of the v2 RSDP */
};

struct multiboot_info {
	u32 total_size;
	u32 reserved;
	/* tags follow */
};

struct multiboot_tag {
	u32 type;
	u32 size;		/* including this header, not the padding */
};

struct multiboot_tag_string {	/* cmdline, boot loader name */
	u32 type, size;
	char string[];
};

struct multiboot_tag_module {
	u32 type, size;
	u32 mod_start, mod_end;	/* physical, end exclusive */
	char cmdline[];
};

struct multiboot_mmap_entry {	/* the e820 entry, as GRUB copies it */
	u64 addr;
	u64 len;
	u32 type;
	u32 zero;
};

struct multiboot_tag_mmap {
	u32 type, size;
	u32 entry_size;		/* use this, not sizeof, to step */
	u32 entry_version;
	struct multiboot_mmap_entry entries[];
};

struct multiboot_tag_acpi {	/* old and new */
	u32 type, size;
	u8 rsdp[];
};

/* kernel/multiboot.c */
void multiboot_parse(u32 magic, phys_addr_t mbi);
/* Reserve the MBI and the modules in memblock. */
void multiboot_reserve(void);

#endif /* _ASM_X86_MULTIBOOT2_H */
