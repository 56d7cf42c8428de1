/* SPDX-License-Identifier: MIT */
/*
 * The CPU: a task's saved context (struct thread_struct) and the hooks
 * that take a task to user mode (kernel/process.c), the spin-wait hint,
 * and idle.
 *
 * Idle uses POWER8 "nap": the thread stops until a wake-up event that
 * LPCR[PECE] allows (skiboot leaves external and decrementer enabled).
 * A napping thread wakes through the system reset vector (0x100) with
 * SRR1 saying so; our 0x100 stub sees that and returns to the caller of
 * ppc64_nap() with MSR[EE] set, and the pending interrupt is then taken
 * normally. Going to sleep with EE off and waking with it on is what
 * makes "enable and wait" atomic: an interrupt that is already pending
 * wakes the nap at once instead of being lost. Under QEMU a napping CPU
 * costs no host time, unlike a spin loop.
 */
#ifndef _ASM_PPC64_PROCESSOR_H
#define _ASM_PPC64_PROCESSOR_H

#define THREAD_KSP 0 /* offsetof(struct thread_struct, ksp), for asm */

/* The user FP registers kept at the top of a kernel stack: f0-f31, the
 * FPSCR, and a pad that keeps pt_regs below it 16-byte aligned. */
#define THREAD_FP_SIZE (34 * 8)

#ifndef __ASSEMBLY__

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/ptrace.h>

/*
 * A task's saved kernel context while it is switched out: its stack
 * pointer, and whether it was batching HPTE invalidations. The switch
 * (kernel/process.c, kernel/switch_to.S) keeps the registers a call
 * preserves in a frame on that stack; kernel/process.c fakes that
 * frame for a new task.
 *
 * What user mode adds (kernel/process.c switches it):
 *
 *   ksp_top  the top of the task's kernel stack, where its user
 *            registers go (asm/ptrace.h draws it): the FP registers at
 *            the very top, struct pt_regs below them. The CPU's entry
 *            from user mode finds that frame through paca->kstack,
 *            which arch_switch_to() points at the incoming task's.
 *            0 for a stack this code did not set up (the boot and idle
 *            tasks), which never runs user code.
 *   fp_user  the task runs user code, so its FP registers are saved
 *            and restored at every switch: eagerly, as x86_64's FPU.
 *            The kernel itself is built -msoft-float and never touches
 *            them, so between switches they simply stay in the CPU.
 */
struct thread_struct {
	unsigned long ksp;
	/*
	 * Set when the task was switched out in lazy MMU mode: the switch
	 * flushed this CPU's HPTE batch and turned batching off, and turns
	 * it back on when the task runs again (mm/tlb_hash.c).
	 */
	unsigned long lazy_mmu;
	unsigned long ksp_top;
	bool fp_user;
};

/* The FP state as kernel/fpu.S saves it: f0-f31 then the FPSCR. */
struct thread_fp_state {
	u64 fpr[32];
	u64 fpscr;
	u64 pad;
};

/* The user registers of @tsk, at the top of its kernel stack. */
#define task_pt_regs(tsk) \
	((struct pt_regs *)((tsk)->thread.ksp_top - THREAD_FP_SIZE) - 1)
/* Its saved FP registers, above them. */
#define task_fp_state(tsk) \
	((struct thread_fp_state *)((tsk)->thread.ksp_top - THREAD_FP_SIZE))

struct task_struct;

/*
 * User mode (kernel/process.c), the same hooks as every arch:
 *
 * arch_start_thread() sets @regs up for a fresh program: entry @ip, stack
 * @sp, problem state with interrupts and the FPU on, every other
 * register 0 (r13, the TLS pointer, too), and resets the current task's
 * FP registers (execve). ELFv1: @ip is the ELF entry, which is the
 * address of a function descriptor {code, TOC, environment} in user
 * memory; the descriptor is read with get_user() and gives the NIP and
 * r2, as Linux's start_thread does. 0, or -EFAULT if it cannot be read
 * (the program is then not startable: the caller kills it).
 *
 * arch_start_user() is arch_start_thread() plus arch_return_to_user(): the
 * first entry into user mode of a kernel thread that becomes a process.
 * If the descriptor is unreadable the task goes out with a SIGSEGV
 * queued, so exit_to_user_mode() ends it.
 *
 * arch_return_to_user() leaves for user mode through @regs, copied to
 * task_pt_regs(current) first if elsewhere: what remained on the kernel
 * stack is abandoned. The generic exit_to_user_mode() runs on the way
 * (signals, rescheduling). Never returns.
 *
 * arch_copy_thread() makes @child (a task through arch_thread_setup(),
 * not yet running) a copy of the current task's user context for fork
 * and clone: its pt_regs with the system call returning 0 (r3 = 0,
 * CR0[SO] clear) and its FP registers. @usp: the child's user stack
 * pointer (0: the parent's); @set_tls: the child's r13 is @tls
 * (CLONE_SETTLS; the ppc64 ABI's thread pointer is r13). Returns 0. The
 * child, when it runs, must then call
 * arch_return_to_user(task_pt_regs(current)).
 */
int arch_start_thread(struct pt_regs *regs, unsigned long ip,
		      unsigned long sp);
void arch_start_user(struct pt_regs *regs, unsigned long ip,
		     unsigned long sp) __noreturn;
void arch_return_to_user(struct pt_regs *regs) __noreturn;
int arch_copy_thread(struct task_struct *child, unsigned long usp,
		     bool set_tls, unsigned long tls);

/* kernel/idle_book3s.S: nap until an interrupt; returns with EE on. */
void ppc64_nap(void);

/* Lower this thread's priority for a moment (SMT threads get the core). */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("or 1,1,1\n\tor 2,2,2" : : : "memory");
}

static inline void arch_wait_for_interrupt(void)
{
	ppc64_nap();
}

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PPC64_PROCESSOR_H */
