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
 * System call numbers are each arch's Linux numbers (<asm/unistd.h>);
 * the handlers are generic. A handler is tied to its number where it is
 * defined, right after its body:
 *
 *	long sys_getpid(void)
 *	{
 *		return task_tgid_vnr(current);
 *	}
 *	SYSCALL_ENTRY(getpid);
 *
 * which puts { __NR_getpid, "sys_getpid", sys_getpid } in the
 * "syscall_defs" section; syscall_table_init() (kernel/sys.c) builds the
 * table do_syscall() indexes from it at boot. A call only some arches
 * have (fork, open, arch_prctl) is registered under #ifdef __NR_<name>:
 * a feature test, like Linux's __ARCH_WANT_*, not an arch test. So no
 * central table to edit, and the number sits next to the code.
 */
#ifndef ANVIL_SYSCALLS_H
#define ANVIL_SYSCALLS_H

#include <anvil/compiler.h>
#include <anvil/signal.h>
#include <anvil/types.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

struct syscall_entry {
	const char *name;
	syscall_fn_t fn;
};

/* One SYSCALL_ENTRY: a handler and the number it answers. */
struct syscall_def {
	unsigned int nr;
	const char *name;
	syscall_fn_t fn;
};

/* Through void (*)(void): the handlers take fewer, typed arguments. */
#define SYSCALL_ENTRY_NR(_nr, _fn, _tag)                                  \
	static const struct syscall_def __syscall_def_##_tag __used        \
		__section("syscall_defs") __aligned(8) = {                 \
			.nr = (_nr),                                       \
			.name = #_fn,                                      \
			.fn = (syscall_fn_t)(void (*)(void))(_fn),         \
		}
/* sys_<name> answers __NR_<name>. */
#define SYSCALL_ENTRY(name) SYSCALL_ENTRY_NR(__NR_##name, sys_##name, name)
/* sys_<fn> answers __NR_<name> too (ppc64's ugetrlimit is getrlimit). */
#define SYSCALL_ENTRY_ALIAS(name, fn) SYSCALL_ENTRY_NR(__NR_##name, sys_##fn, name)

/* Indexed by the arch's numbers (NR_syscalls of them); holes are NULL. */
extern struct syscall_entry sys_call_table[NR_syscalls];
/* Fill sys_call_table from the SYSCALL_ENTRY records; boot, once. */
void syscall_table_init(void);

long do_syscall(struct pt_regs *regs);
void exit_to_user_mode(struct pt_regs *regs);
int handle_user_fault(struct pt_regs *regs, unsigned long addr,
		      unsigned int flags);
void force_sig_fault(int sig, int code, unsigned long addr);

/* End the current task with @code as its wait status; never returns. */
void do_exit(int code) __attribute__((noreturn));

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
