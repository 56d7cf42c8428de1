/* SPDX-License-Identifier: MIT */
/*
 * user/lib/ppc64/syscall.S: the one place ppc64 user code traps into the
 * kernel (64-bit PowerPC, ELFv1, big endian).
 *
 *   long __linux_syscall(long nr, long a1, ..., long a6)
 *	Linux's PowerPC convention: r0 = nr, arguments in r3..r8, `sc`.
 *	On failure the kernel sets CR0.SO and leaves a *positive* errno
 *	in r3; this function negates it so that callers see x86_64's
 *	convention (-4095..-1 is -errno) on both arches.  The kernel may
 *	clobber r0, r4-r12, ctr, xer and cr0, all volatile in the ABI.
 *
 * PowerPC needs no signal restorer: the kernel supplies the trampoline
 * (see <asm/abi.h>).  __anvil_sigreturn exists only so that both arches
 * define the same symbols; it is never called.
 * x86_64's twin is user/lib/x86_64/syscall.S.
 */
#include <asm/unistd.h>

/* One ELFv1 function: a descriptor in .opd, code at .L.name. */
#define FUNC(name)				\
	.section ".opd", "aw";			\
	.align	3;				\
	.globl	name;				\
name:						\
	.quad	.L.name, .TOC.@tocbase, 0;	\
	.previous;				\
	.type	name, @function;		\
.L.name:
#define END(name)	.size name, . - .L.name

	.text
FUNC(__linux_syscall)
	mr	0, 3
	mr	3, 4
	mr	4, 5
	mr	5, 6
	mr	6, 7
	mr	7, 8
	mr	8, 9
	sc
	bnslr				/* CR0.SO clear: r3 is the result */
	neg	3, 3
	blr
END(__linux_syscall)

FUNC(__anvil_sigreturn)
	li	0, __NR_rt_sigreturn
	sc
	trap
END(__anvil_sigreturn)

	.section .note.GNU-stack, "", @progbits
