/* SPDX-License-Identifier: MIT */
/*
 * ppc64-private entry points: what the assembly (head_64.S,
 * exceptions-64s.S) calls or names, and what the interrupt paths call
 * in smp.c, xics.c and time.c.
 */
#ifndef _ASM_PPC64_TRAPS_H
#define _ASM_PPC64_TRAPS_H

#include <anvil/types.h>

struct pt_regs;

/* head_64.S -> C, before start_kernel (kernel/setup_64.c). */
void early_setup(unsigned long fdt_pa, u64 opal_base, u64 opal_entry,
		 u64 entry_tb);

/* The common exception entry -> C (kernel/traps.c). */
void exception_dispatch(struct pt_regs *regs);

/* The vector block early_setup copies to real 0x100, and the return
 * address of exception_dispatch inside the entry code (for backtraces). */
extern char __vectors_start[];
extern const unsigned long __vectors_size;
extern char exc_dispatch_return[];

/* Other CPUs: the holding pen and their first C code (kernel/smp.c). */
struct paca_struct;
extern unsigned long boot_lpcr;
void smp_hold_secondaries(void);
void start_secondary(struct paca_struct *paca) __attribute__((noreturn));

/* XICS interrupt presenters (kernel/xics.c). */
void xics_cpu_init(void);
bool xics_interrupt(struct pt_regs *regs);

/* The decrementer interrupt (kernel/time.c). */
void timer_decrementer(struct pt_regs *regs);

/*
 * User mode (kernel/syscall.c, kernel/process.c, kernel/fpu.S,
 * kernel/exceptions-64s.S).
 *
 * ppc64_syscall(): a system call from user mode, interrupts off on entry
 * and on return, with the result in the frame.
 * ppc64_exit_to_user(): the last C step of every return to user mode
 * (exit_to_user_mode(), a clean user MSR). Interrupts off.
 * ppc64_ret_to_user(): leave for user mode through @regs, which must be
 * task_pt_regs(current) (the frame the next entry from user mode will
 * reuse). Interrupts off.
 */
void ppc64_syscall(struct pt_regs *regs);
void ppc64_exit_to_user(struct pt_regs *regs);
void ppc64_ret_to_user(struct pt_regs *regs) __attribute__((noreturn));

/*
 * Debug builds: if set, a system call from user mode calls this instead
 * of do_syscall(). Only for arch/ppc64/tests/user_test.c, which runs user
 * code independently of the generic system calls.
 */
extern long (*ppc64_syscall_test_hook)(struct pt_regs *regs);

/* A user task's FP registers to and from memory (kernel/fpu.S). */
struct thread_fp_state;
void fp_save(struct thread_fp_state *fp);
void fp_restore(const struct thread_fp_state *fp);

#endif /* _ASM_PPC64_TRAPS_H */
