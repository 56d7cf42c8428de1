/* SPDX-License-Identifier: MIT */
/*
 * Assembly helpers: register names, ELFv1 function descriptors, loading
 * a 64-bit constant. Included by .S files only.
 *
 * ELFv1 in one paragraph: a C function's symbol names a three-doubleword
 * descriptor in .opd (entry address, TOC pointer, environment), not its
 * code. A direct "bl func" is resolved by the linker to the code; a call
 * through a function pointer loads the entry and r2 from the descriptor.
 * So an assembly function that C calls needs a descriptor too: that is
 * what _GLOBAL() builds. Its code label is ".name", which is also what
 * `nm --synthetic` shows for C functions, so backtraces look the same.
 */
#ifndef _ASM_PPC64_PPC_ASM_H
#define _ASM_PPC64_PPC_ASM_H

#ifdef __ASSEMBLY__

#define r0 0
#define r1 1
#define r2 2
#define r3 3
#define r4 4
#define r5 5
#define r6 6
#define r7 7
#define r8 8
#define r9 9
#define r10 10
#define r11 11
#define r12 12
#define r13 13
#define r14 14
#define r15 15
#define r16 16
#define r17 17
#define r18 18
#define r19 19
#define r20 20
#define r21 21
#define r22 22
#define r23 23
#define r24 24
#define r25 25
#define r26 26
#define r27 27
#define r28 28
#define r29 29
#define r30 30
#define r31 31

/* A C-callable function: descriptor "name" in .opd, code at ".name". */
#define _GLOBAL(name)                          \
	.pushsection ".opd", "aw";             \
	.balign 8;                             \
	.globl name;                           \
	.type name, @object;                   \
	.size name, 24;                        \
name:                                          \
	.quad .name, .TOC.@tocbase, 0;         \
	.popsection;                           \
	.text;                                 \
	.balign 4;                             \
	.globl .name;                          \
	.type .name, @function;                \
.name:

/* reg = a 64-bit link-time constant (an address), in five instructions. */
#define LOAD_REG_IMMEDIATE(reg, expr)          \
	lis reg, (expr)@highest;               \
	ori reg, reg, (expr)@higher;           \
	rldicr reg, reg, 32, 31;               \
	oris reg, reg, (expr)@high;               \
	ori reg, reg, (expr)@l

#endif /* __ASSEMBLY__ */

#endif /* _ASM_PPC64_PPC_ASM_H */
