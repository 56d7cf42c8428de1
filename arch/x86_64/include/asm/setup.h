/* SPDX-License-Identifier: MIT */
/*
 * asm/setup.h: the arch's name, and what the boot code hands to C.
 *
 * boot/head.asm saves the multiboot2 registers and the TSC at the first
 * instruction in the x86_boot_* variables; setup_arch() (kernel/setup.c)
 * reads them. The other setup phases are declared next to their owners
 * (asm/e820.h, asm/acpi.h, asm/pgtable.h, ...).
 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <anvil/types.h>

#define ARCH_NAME "x86_64"

/*
 * head.asm's page tables map physical 0 to BOOT_MAP_SIZE at PAGE_OFFSET,
 * so __va() works there until init_mem_mapping() builds the real direct
 * map. Firmware data (the MBI, ACPI tables) is read in that window.
 */
#define BOOT_MAP_SIZE (4UL << 30)

/* Saved by boot/head.asm. */
extern u32 x86_boot_magic;	/* EAX at entry: 0x36d76289 from multiboot2 */
extern u32 x86_boot_mbi;	/* EBX at entry: multiboot2 info, physical */
extern u64 x86_boot_tsc;	/* TSC read by the very first instruction */

/* The boot stack (head.asm), with an unmapped guard page below it. */
extern char boot_stack_guard[], boot_stack_bottom[], boot_stack_top[];

/* Image boundaries from linker.ld. */
extern char __boot_start[], __boot_end[];
extern char _text[], _etext[], _rodata[], _erodata[], _data[], _edata[];
extern char __bss_start[], __bss_stop[], _end[];

/* Arch-internal boot phases, in the order setup_arch() runs them. */
void early_console_init(void);		/* kernel/early_console.c */
void serial_irq_init(void);		/* kernel/early_console.c */

#endif /* _ASM_X86_SETUP_H */
