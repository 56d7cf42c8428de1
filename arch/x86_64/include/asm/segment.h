/* SPDX-License-Identifier: MIT */
/*
 * asm/segment.h: the GDT layout and its selectors.
 *
 * In long mode segments do almost nothing (base 0, no limit), but the CPU
 * still needs a code descriptor for CS, and the GDT holds the TSS. The
 * order below is fixed by syscall/sysret, which compute selectors from
 * the two bases in MSR_STAR instead of reading the GDT:
 *
 *   syscall: CS = STAR[47:32]        SS = STAR[47:32] + 8
 *   sysret:  CS = STAR[63:48] + 16   SS = STAR[63:48] + 8   (both RPL 3)
 *
 * so kernel data must follow kernel code, and user data must sit between
 * the (32-bit) user code slot and 64-bit user code:
 *
 *   index  selector  descriptor
 *     0     0x00     null
 *     1     0x08     kernel code, 64-bit       __KERNEL_CS
 *     2     0x10     kernel data               __KERNEL_DS
 *     3     0x18     (empty: no 32-bit user code; sysret's base)
 *     4     0x23     user data                 __USER_DS
 *     5     0x2b     user code, 64-bit         __USER_CS
 *   6-7     0x30     TSS (a 16-byte system descriptor)
 *
 * boot/head.asm's temporary GDT uses the same 0x08/0x10 for kernel code
 * and data, so the switch to the final GDT changes nothing visible.
 */
#ifndef _ASM_X86_SEGMENT_H
#define _ASM_X86_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS 1
#define GDT_ENTRY_KERNEL_DS 2
#define GDT_ENTRY_USER32_CS 3
#define GDT_ENTRY_USER_DS 4
#define GDT_ENTRY_USER_CS 5
#define GDT_ENTRY_TSS 6		/* takes two slots */
#define GDT_ENTRIES 8

#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS (GDT_ENTRY_USER32_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_USER_DS * 8 + 3)
#define __USER_CS (GDT_ENTRY_USER_CS * 8 + 3)
#define GDT_ENTRY_TSS_SEL (GDT_ENTRY_TSS * 8)

#endif /* _ASM_X86_SEGMENT_H */
