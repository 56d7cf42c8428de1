/* SPDX-License-Identifier: MIT */
/*
 * kernel/entry.h: what the entry code (kernel/entry.asm, syscall.c,
 * traps.c, process.c) shares, and the generic functions it calls.
 *
 * The generic ones are defined outside arch/ (kernel/, mm/); they are
 * declared here too, word for word as the generic headers do, so that a
 * changed signature is a compile error, not a wrong call.
 */
#ifndef _X86_KERNEL_ENTRY_H
#define _X86_KERNEL_ENTRY_H

#include <anvil/types.h>
#include <asm/ptrace.h>

/* ---- generic, called from here ------------------------------------- */

/*
 * The syscall dispatcher (kernel/sys.c): reads the number and arguments
 * through <asm/ptrace.h>'s syscall_get_*, returns the result, which the
 * entry code puts in RAX. Interrupts on, preemptible.
 */
long do_syscall(struct pt_regs *regs);

/*
 * Last stop before every return to user mode (from a syscall, an
 * interrupt or exception that hit user mode, or a first entry): handle
 * need_resched and pending signals, which may rewrite @regs (a signal
 * frame) or never return (a fatal signal). Called with interrupts off;
 * may enable them inside; returns with them off.
 */
void exit_to_user_mode(struct pt_regs *regs);

/*
 * A page fault on a user address (mm/memory.c): find the VMA, check the
 * access, handle_mm_fault(). 0 when the access may now be retried.
 * Otherwise nonzero; if FAULT_FLAG_USER is set it has also queued the
 * signal (SIGSEGV, SIGBUS) for the current task. Interrupts on, may
 * sleep.
 */
int handle_user_fault(struct pt_regs *regs, unsigned long addr,
		      unsigned int flags);

/*
 * Queue signal @sig (si_code @code, si_addr @addr) for the current task,
 * unblockable, as Linux's force_sig_fault(): an exception in user mode
 * other than a page fault. Interrupts off; delivered on the way out.
 */
void force_sig_fault(int sig, int code, unsigned long addr);

/* ---- arch, shared by the entry files -------------------------------- */

/* kernel/syscall.c: the common last step of every return to user mode
 * (calls exit_to_user_mode, then makes the frame safe to return
 * through). True if SYSRET may be used for it. Interrupts off. */
bool x86_exit_to_user(struct pt_regs *regs);

/* kernel/entry.asm: RSP = @regs, pop it, swapgs, iretq. */
void x86_ret_to_user(struct pt_regs *regs) __attribute__((noreturn));

/*
 * Debug builds: if set, the syscall entry calls this instead of
 * do_syscall(). Only for arch/x86_64/tests/, which run user code before
 * (and independently of) the generic syscall layer.
 */
extern long (*x86_syscall_test_hook)(struct pt_regs *regs);

#endif /* _X86_KERNEL_ENTRY_H */
