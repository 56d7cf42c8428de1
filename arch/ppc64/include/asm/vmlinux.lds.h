/* SPDX-License-Identifier: MIT */
/*
 * ppc64's part of the linker.ld template.
 *
 * QEMU copies the raw ELF file to 0x20000000 and skiboot jumps into it in
 * place, so file offset N must be physical address 0x20000000 + N. The
 * ELF headers therefore sit inside the first PT_LOAD: the head section
 * (kernel/head_64.S, linked at its physical address) starts right after
 * them, and everything else is linked at 0xc000000000000000 + physical,
 * like Linux. In hypervisor real mode the CPU ignores the top four
 * address bits, so the linked addresses already work before the MMU is on.
 *
 * ELFv1 extras: .opd (function descriptors) must be an output section of
 * its own, or `nm --synthetic` cannot name functions; .got and .toc form
 * the TOC, and the linker sets .TOC. = start of .got + 0x8000.
 */
#ifndef _ASM_PPC64_VMLINUX_LDS_H
#define _ASM_PPC64_VMLINUX_LDS_H

#define KERNEL_LOAD_PHYS 0x20000000
#define KERNEL_VIRT_OFFSET 0xc000000000000000

#ifdef LINKER_SCRIPT

#define ARCH_OUTPUT_FORMAT "elf64-powerpc"
#define ARCH_OUTPUT_ARCH powerpc:common64

#define ARCH_HEAD_SECTIONS                                  \
	. += SIZEOF_HEADERS;                                \
	.head.text : { KEEP(*(.head.text)) }

/* .sfpr: register save/restore helpers the linker may add. */
#define ARCH_TEXT *(.sfpr)
/* The exception table (asm/extable.h), which nothing names either. */
#define ARCH_RODATA                                         \
	. = ALIGN(8);                                       \
	__start___ex_table = .;                             \
	KEEP(*(__ex_table))                                 \
	__stop___ex_table = .;
#define ARCH_DATA

#define ARCH_EXTRA_SECTIONS                                 \
	. = ALIGN(8);                                       \
	.opd : LMA(.opd) { *(.opd) }                        \
	. = ALIGN(256);                                     \
	.got : LMA(.got) { *(.got) *(.toc) }

#endif /* LINKER_SCRIPT */

#endif /* _ASM_PPC64_VMLINUX_LDS_H */
