/* SPDX-License-Identifier: MIT */
/*
 * The boundary between user mode and the kernel, generic side.
 *
 * The arch's entry code calls these (arch/x86_64/kernel/entry.h repeats
 * the declarations word for word):
 *
 *	do_syscall		kernel/sys.c: dispatch one system call
 *	exit_to_user_mode	kernel/entry.c: before every return to user
 *	handle_user_fault	mm/fault.c: a page fault on a user address
 *	force_sig_fault		kernel/signal.c: a user exception's signal
 *
 * System call numbers are each arch's Linux numbers (<asm/unistd.h>), so
 * the table that maps them to handlers is the arch's
 * (arch/<arch>/kernel/syscall_table.c); the handlers are generic.
 */
#ifndef ANVIL_SYSCALLS_H
#define ANVIL_SYSCALLS_H

#include <anvil/types.h>
#include <asm/ptrace.h>

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

struct syscall_entry {
	const char *name;
	syscall_fn_t fn;
};

/* The arch's table, indexed by its Linux numbers; holes have fn NULL. */
extern const struct syscall_entry sys_call_table[];
extern const unsigned int nr_syscalls;

long do_syscall(struct pt_regs *regs);
void exit_to_user_mode(struct pt_regs *regs);
int handle_user_fault(struct pt_regs *regs, unsigned long addr,
		      unsigned int flags);
void force_sig_fault(int sig, int code, unsigned long addr);

/* End the current task with @code as its wait status; never returns. */
void do_exit(int code) __attribute__((noreturn));

/* Linux's signal numbers that the kernel itself raises. */
#define SIGILL 4
#define SIGTRAP 5
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGSEGV 11
/* si_code values for SIGSEGV */
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRERR 2

/* The generic handlers (kernel/sys.c, mm/mmap.c wrappers). */
long sys_getpid(void);
long sys_gettid(void);
long sys_sched_yield(void);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot);
long sys_brk(unsigned long brk);

#endif /* ANVIL_SYSCALLS_H */
