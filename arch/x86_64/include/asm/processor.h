/* SPDX-License-Identifier: MIT */
/*
 * asm/processor.h: small CPU operations generic code may use inline.
 *
 * The CPU's identity and feature bits are in asm/cpufeature.h; control
 * registers and MSRs in asm/special_insns.h and asm/msr.h.
 *
 * Also the saved context of a task that is not running (struct
 * thread_struct), switched by arch_switch_to() (kernel/process.c and
 * kernel/switch_to.asm) and prepared for a new task by
 * arch_thread_setup() (kernel/process.c); both are declared in
 * <anvil/arch.h>. And the hooks that take a task to user mode.
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/ptrace.h>

/*
 * A task that is not running is stopped inside arch_switch_to(), which
 * pushed the callee-saved registers on the task's own kernel stack and
 * left the stack pointer in sp. Nothing else of the kernel's needs
 * saving: the kernel uses no FPU/SSE registers (-mgeneral-regs-only),
 * the caller-saved registers are dead across a call by the ABI, and
 * RFLAGS is always "interrupts off" at a switch.
 *
 * What user mode adds (kernel/process.c switches it):
 *
 *   sp0     where the task's kernel stack starts. The CPU switches to
 *           it when user mode is interrupted (TSS.rsp0) and entry.asm
 *           when user mode makes a syscall (the per-CPU cpu_entry slot);
 *           both are loaded from here when the task is switched in. The
 *           top of every kernel stack is laid out, highest address first:
 *
 *                     FPU/SSE state        512 bytes, fxsave format
 *                                          (task_fpu_state)
 *             sp0 ->  struct pt_regs       the user registers, saved on
 *                                          every entry from user mode
 *                                          (task_pt_regs)
 *                     ... kernel frames, growing down
 *
 *           The FPU area must be *above* sp0: every entry from user mode
 *           builds its frames downwards from sp0, so anything kept below
 *           pt_regs would be overwritten by the very syscall whose
 *           context switch saves the FPU there.
 *
 *   fsbase, gsbase  the user's FS base (TLS, arch_prctl) and GS base;
 *           in the CPU as MSR_FS_BASE and MSR_KERNEL_GS_BASE (the other
 *           half of swapgs) while the task runs.
 *   fpu_user  the task runs user code, so its FPU/SSE registers are
 *           saved and restored at every switch (eagerly; kernel threads
 *           never touch them).
 */
struct thread_struct {
	unsigned long sp;	/* offset 0 (switch_to.asm): a struct
				 * inactive_task_frame */
	unsigned long sp0;	/* kernel stack top; 0: not a stack we set
				 * up (boot task), never runs user code */
	unsigned long fsbase;
	unsigned long gsbase;
	bool fpu_user;
};

/* 512 bytes, the layout of fxsave/fxrstor (x87, MXCSR, XMM0-15). */
#define FPU_STATE_SIZE 512

/* The user registers of @tsk, at the top of its kernel stack. */
#define task_pt_regs(tsk) ((struct pt_regs *)(tsk)->thread.sp0 - 1)
/* Its saved FPU/SSE state, above them (16-byte aligned). */
#define task_fpu_state(tsk) ((void *)(tsk)->thread.sp0)

/*
 * What sits at thread_struct.sp, lowest address first: the pushes of
 * __switch_to_asm() and the return address of its call (or, for a task
 * that never ran, ret_from_kernel_thread). bp is the task's frame
 * pointer, so a backtrace of a sleeping task can start from bp and
 * ret_addr.
 */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

struct task_struct;

/*
 * User mode (kernel/process.c):
 *
 * arch_start_thread() sets @regs up for a fresh program: entry point @ip,
 * stack @sp, user segments, interrupts on, every other register 0; and
 * resets the current task's FS/GS bases and FPU state (execve). Returns
 * 0; the int is for arches where starting can fail (ppc64's ELFv1 entry
 * is a descriptor in user memory: -EFAULT), and the caller then kills
 * the program.
 *
 * arch_start_user() is arch_start_thread() plus arch_return_to_user(): the
 * first entry into user mode of a kernel thread that becomes a process.
 *
 * arch_return_to_user() leaves for user mode through @regs, copied to
 * task_pt_regs(current) first if elsewhere: what remained on the kernel
 * stack is abandoned. The generic exit_to_user_mode() runs on the way
 * (signals, rescheduling). Never returns.
 *
 * arch_copy_thread() makes @child (a task through arch_thread_setup(),
 * not yet running) a copy of the current task's user context for fork
 * and clone: its pt_regs with the syscall returning 0, its FPU state and
 * FS/GS bases. @usp: the child's user stack pointer (0: the parent's);
 * @set_tls: give the child FS base @tls (CLONE_SETTLS). 0, or -EPERM
 * for a @tls outside user space. The child, when it runs, must then
 * call arch_return_to_user(task_pt_regs(current)).
 *
 * sys_arch_prctl(): ARCH_SET_FS/GET_FS/SET_GS/GET_GS (Linux numbers);
 * 0 or -EINVAL / -EPERM / -EFAULT.
 */
int arch_start_thread(struct pt_regs *regs, unsigned long ip,
		      unsigned long sp);
void arch_start_user(struct pt_regs *regs, unsigned long ip,
		     unsigned long sp) __noreturn;
void arch_return_to_user(struct pt_regs *regs) __noreturn;
int arch_copy_thread(struct task_struct *child, unsigned long usp,
		     bool set_tls, unsigned long tls);
long sys_arch_prctl(int code, unsigned long addr);

/* In a spin-wait loop: tells the CPU (and a hypervisor) we are spinning. */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

/*
 * Enable interrupts and sleep until one arrives. "sti" takes effect only
 * after the next instruction, so no interrupt can slip in between it and
 * "hlt" and leave us asleep with the wakeup already handled.
 */
static inline void arch_wait_for_interrupt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

#endif /* _ASM_X86_PROCESSOR_H */
