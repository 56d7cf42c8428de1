/* SPDX-License-Identifier: MIT */
/*
 * user/lib/ppc64/crt0.S: _start, where every anvil user program begins
 * (64-bit PowerPC, ELFv1, big endian).
 *
 * e_entry points at _start's function descriptor in .opd; the loader
 * (anvil, Linux or qemu-ppc64) takes the PC from its first doubleword
 * and r2 (the TOC pointer) from its second.  r1 points at the same
 * initial stack as on x86_64:
 *
 *	r1 ->	argc, argv[] NULL, envp[] NULL, auxv pairs .. AT_NULL
 *
 * The ABI wants r1 16-byte aligned with a back chain to a caller frame,
 * so _start makes a 128-byte frame (back chain 0 ends backtraces) below
 * the aligned stack and calls __anvil_start (user/lib/crt.c), which
 * never returns.  r13, the thread pointer, is left alone: newlib keeps
 * errno in its global reent structure and uses no TLS.
 */

	.section ".opd", "aw"
	.align	3
	.globl	_start
_start:
	.quad	.L._start, .TOC.@tocbase, 0
	.previous
	.type	_start, @function

	.text
.L._start:
	mr	3, 1			/* -> argc */
	clrrdi	1, 1, 4			/* align down to 16 */
	li	0, 0
	stdu	0, -128(1)		/* new frame, back chain = 0 */
	bl	__anvil_start
	nop				/* TOC restore slot (ELFv1 call) */
	trap				/* not reached */
	.size	_start, . - .L._start

	.section .note.GNU-stack, "", @progbits
