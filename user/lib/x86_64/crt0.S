/* SPDX-License-Identifier: MIT */
/*
 * user/lib/x86_64/crt0.S: _start, where every anvil user program begins.
 *
 * The kernel (or Linux, or anything else that loads a static x86_64
 * ELF) enters here with the psABI initial stack:
 *
 *	rsp ->	argc
 *		argv[0] .. argv[argc - 1], NULL
 *		envp[0] .. , NULL
 *		auxv pairs (type, value) .. , AT_NULL
 *		(strings, AT_RANDOM bytes, ...)
 *
 * rsp is 16-byte aligned, rdx may hold a function for atexit (ld.so
 * only; a static program ignores it, as glibc's does when it is 0), and
 * all other registers are unspecified.  _start hands the stack pointer
 * to __anvil_start (user/lib/crt.c), which does the C-level work and
 * never returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* outermost frame for backtraces */
	movq	%rsp, %rdi		/* -> argc */
	andq	$-16, %rsp		/* the psABI promises this; be sure */
	call	__anvil_start
	hlt				/* not reached */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
