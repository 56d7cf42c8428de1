// SPDX-License-Identifier: MIT
/*
 * arch/x86_64/kernel/syscall_table.c: x86_64's Linux system call numbers
 * mapped to anvil's handlers. A number not listed here returns -ENOSYS
 * (kernel/sys.c); docs/syscalls.md will list each call's status.
 */
#include <anvil/syscalls.h>

long sys_arch_prctl(int code, unsigned long addr);

/* Through void (*)(void): the handlers take fewer, typed arguments. */
#define SYSCALL(nr, fn) [nr] = { #fn, (syscall_fn_t)(void (*)(void))(fn) }

const struct syscall_entry sys_call_table[] = {
	SYSCALL(9, sys_mmap),
	SYSCALL(10, sys_mprotect),
	SYSCALL(11, sys_munmap),
	SYSCALL(12, sys_brk),
	SYSCALL(24, sys_sched_yield),
	SYSCALL(39, sys_getpid),
	SYSCALL(60, sys_exit),
	SYSCALL(158, sys_arch_prctl),
	SYSCALL(186, sys_gettid),
	SYSCALL(231, sys_exit_group),
};

const unsigned int nr_syscalls = sizeof(sys_call_table) / sizeof(sys_call_table[0]);
