/* SPDX-License-Identifier: MIT */
/*
 * asm/vmlinux.lds.h: x86_64's part of the linker script (linker.ld).
 *
 * GRUB starts us in 32-bit protected mode with paging off, so the first
 * code cannot run at the kernel's linked (higher-half) address. It lives
 * in a small ".boot" output section linked *and* loaded at 1 MiB:
 *
 *   .boot   VMA = LMA = 0x100000   multiboot2 header, 32-bit entry code,
 *                                  boot GDT, boot page tables
 *   .text.. VMA = LMA + 0xffffffff80000000   everything else
 *
 * The multiboot2 header must be in the first 32 KiB of the file and
 * 8-byte aligned, so it goes first (KEEP: nothing references it).
 *
 * ARCH_RODATA: the exception table (asm/extable.h), which nothing
 * references by name either. ARCH_EXTRA_SECTIONS: no section, one
 * symbol: x86_cpu_entry_offset, the offset of the per-CPU variable
 * cpu_entry inside the per-CPU area, which kernel/entry.asm needs as a
 * constant (%gs:offset) and only the linker knows.
 */
#ifndef _ASM_X86_VMLINUX_LDS_H
#define _ASM_X86_VMLINUX_LDS_H

#include <asm/page.h>

#define ARCH_OUTPUT_FORMAT "elf64-x86-64"
#define ARCH_OUTPUT_ARCH i386:x86-64
#define KERNEL_VIRT_OFFSET __START_KERNEL_map

#define ARCH_HEAD_SECTIONS                      \
	.boot : {                               \
		__boot_start = .;               \
		KEEP(*(.multiboot2))            \
		*(.boot.text)                   \
		*(.boot.data)                   \
		. = ALIGN(0x1000);              \
		*(.boot.pgtables)               \
		__boot_end = .;                 \
	}

#define ARCH_TEXT
#define ARCH_RODATA                             \
	. = ALIGN(8);                           \
	__start___ex_table = .;                 \
	KEEP(*(__ex_table))                     \
	__stop___ex_table = .;
#define ARCH_DATA
#define ARCH_EXTRA_SECTIONS                     \
	x86_cpu_entry_offset = cpu_entry - __per_cpu_start;

#endif /* _ASM_X86_VMLINUX_LDS_H */
