/* SPDX-License-Identifier: MIT */
/*
 * user/lib/x86_64/syscall.S: the one place x86_64 user code traps into
 * the kernel, plus the signal restorer.
 *
 *   long __linux_syscall(long nr, long a1, ..., long a6)
 *	Linux's x86_64 convention: rax = nr, arguments in rdi, rsi, rdx,
 *	r10, r8, r9; the `syscall` instruction clobbers rcx (return rip)
 *	and r11 (rflags).  Returns rax unchanged: -4095..-1 is -errno.
 *	The C glue (user/lib/errno.c) turns that into errno.
 *
 *   void __anvil_sigreturn(void)
 *	Passed as sa_restorer with SA_RESTORER: a handler "returns" here,
 *	with rsp at the kernel's rt_sigframe, and rt_sigreturn restores
 *	the interrupted context.  Never returns.
 *
 * <anvil/linux.h> declares both; ppc64's twin is user/lib/ppc64/syscall.S.
 */
#include <asm/unistd.h>

	.text
	.globl	__linux_syscall
	.type	__linux_syscall, @function
__linux_syscall:
	/* Shift the C arguments down one place: nr came first. */
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %r10
	movq	%r9, %r8
	movq	8(%rsp), %r9		/* a6 is the first stack argument */
	syscall
	ret
	.size	__linux_syscall, . - __linux_syscall

	.globl	__anvil_sigreturn
	.type	__anvil_sigreturn, @function
__anvil_sigreturn:
	movq	$__NR_rt_sigreturn, %rax
	syscall
	hlt				/* rt_sigreturn does not return */
	.size	__anvil_sigreturn, . - __anvil_sigreturn

	.section .note.GNU-stack, "", @progbits
