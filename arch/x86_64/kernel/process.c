// SPDX-License-Identifier: MIT
/*
 * kernel/process.c: tasks' kernel stacks, context switch, user mode.
 *
 * Interface: arch_thread_setup(), arch_switch_to() (<anvil/arch.h>);
 * arch_start_thread(), arch_start_user(), arch_return_to_user(),
 * arch_copy_thread(), sys_arch_prctl() (asm/processor.h). The register
 * switch proper, and the ret_from_kernel_thread trampoline a new task
 * starts in, are in kernel/switch_to.asm; struct thread_struct in
 * asm/processor.h; the entry code in kernel/entry.asm.
 *
 * A new task has never called __switch_to_asm(), so we fake the frame
 * it would have left: the first switch into it pops these "saved"
 * registers and returns into ret_from_kernel_thread, which calls
 * fn(arg). Above that frame, at the very top, room is kept for what
 * user mode needs (asm/processor.h); the new stack, top down:
 *
 *   stack_top ->  (rounded down to 16 bytes)
 *                 FPU/SSE state             task_fpu_state(): 512 bytes
 *   thread.sp0 -> struct pt_regs            task_pt_regs(): 176 bytes
 *                 ret_from_kernel_thread    <- "ret" pops this; after it
 *                 rbp = 0                      RSP is 16-byte aligned
 *                 rbx = fn
 *                 r12 = arg
 *                 r13 = r14 = r15 = 0       <- thread_struct.sp
 *
 * The FPU area sits above sp0 because an entry from user mode builds
 * its kernel frames down from sp0: below pt_regs it would be under the
 * live stack of the syscall that switches the task out, and saving the
 * FPU there would overwrite that switch's own frame (the crash this
 * order fixes: a return to address 0 after a switch).
 *
 * Every kernel thread gets this room, used or not (688 of 16384 bytes):
 * then any task can become a user process without moving its stack, and
 * a parent can fill in a child's user registers before the child ever
 * runs (fork).
 */
#include <anvil/arch.h>
#include <anvil/errno.h>
#include <anvil/irqflags.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/msr.h>
#include <asm/pgtable.h>
#include <asm/processor-flags.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <anvil/uaccess.h>

#include "entry.h"

/* kernel/switch_to.asm */
extern const char ret_from_kernel_thread[];
struct thread_struct *__switch_to_asm(struct thread_struct *prev,
				      struct thread_struct *next);

void kernel_thread_returned(void (*fn)(void *));

_Static_assert(sizeof(struct pt_regs) % 16 == 0,
	       "pt_regs below the FPU area keeps the stack 16-byte aligned");

static struct fxregs_state *thread_fpu(const struct thread_struct *t)
{
	return (void *)t->sp0;
}

/*
 * Prepare @t so that the first arch_switch_to(..., t) runs fn(arg) on the
 * stack below @stack_top, with interrupts off (as the switch left them).
 * Writes only to the new stack and @t; never fails, never sleeps.
 */
void arch_thread_setup(struct thread_struct *t, void *stack_top,
		       void (*fn)(void *), void *arg)
{
	unsigned long top = ALIGN_DOWN((unsigned long)stack_top, 16);
	unsigned long sp0 = top - FPU_STATE_SIZE;
	unsigned long below = sp0 - sizeof(struct pt_regs);
	struct inactive_task_frame *frame = (void *)(below - sizeof(*frame));

	_Static_assert(sizeof(*frame) % 16 == 8,
		       "after 'ret' pops ret_addr, RSP must be 16-aligned");
	memset((void *)below, 0, top - below);
	*frame = (struct inactive_task_frame){
		.bx = (unsigned long)fn,
		.r12 = (unsigned long)arg,
		.bp = 0,
		.ret_addr = (unsigned long)ret_from_kernel_thread,
	};
	*t = (struct thread_struct){ .sp = (unsigned long)frame, .sp0 = sp0 };
}

/* fn of a kernel thread returned into ret_from_kernel_thread: a bug. */
void __noreturn kernel_thread_returned(void (*fn)(void *))
{
	panic("kernel thread function %pS returned", (void *)fn);
}

/*
 * On AMD CPUs, SYSRET does not reload SS's hidden attributes: if SS was
 * left null by an interrupt (the CPU loads a null SS on entries that
 * change privilege), user mode would run with an unusable SS. Linux's
 * cure (X86_BUG_SYSRET_SS_ATTRS): keep a real kernel SS at every switch.
 */
static void fix_kernel_ss(void)
{
	unsigned short ss;

	__asm__ __volatile__("mov %%ss, %0" : "=r"(ss));
	if (ss != __KERNEL_DS)
		__asm__ __volatile__("mov %0, %%ss" : : "r"(__KERNEL_DS));
}

/*
 * The user context travels with the task: its FPU registers (eagerly,
 * asm/fpu.h), its FS/GS bases, and the stack the CPU enters the kernel
 * on. The MSRs already hold prev's values (they change only here and in
 * sys_arch_prctl/start_thread, for current), so only differences are
 * written. Interrupts off (the scheduler); never sleeps.
 */
struct thread_struct *arch_switch_to(struct thread_struct *prev,
				     struct thread_struct *next)
{
	if (prev->fpu_user)
		fpu_save(thread_fpu(prev));
	if (next->fpu_user)
		fpu_restore(thread_fpu(next));
	if (next->sp0)
		load_sp0(next->sp0);
	if (prev->fsbase != next->fsbase)
		wrmsr(MSR_FS_BASE, next->fsbase);
	if (prev->gsbase != next->gsbase)
		wrmsr(MSR_KERNEL_GS_BASE, next->gsbase);
	fix_kernel_ss();
	return __switch_to_asm(prev, next);
}

/* ---- user mode ------------------------------------------------------- */

int arch_start_thread(struct pt_regs *regs, unsigned long ip,
		      unsigned long sp)
{
	struct thread_struct *t = &current->thread;

	*regs = (struct pt_regs){
		.rip = ip,
		.rsp = sp,
		.cs = __USER_CS,
		.ss = __USER_DS,
		.rflags = X86_EFLAGS_IF | X86_EFLAGS_FIXED,
		.vector = X86_SYSCALL_VECTOR,
	};
	/* No preemption between the area and the registers: a switch
	 * would save the old registers over the new area. */
	preempt_disable();
	t->fsbase = 0;
	t->gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	fpu_init_state(thread_fpu(t));
	fpu_restore(thread_fpu(t));
	t->fpu_user = true;
	preempt_enable();
	return 0;
}

void arch_return_to_user(struct pt_regs *regs)
{
	struct pt_regs *top = task_pt_regs(current);

	BUG_ON(!current->thread.sp0);	/* the boot task has no such room */
	local_irq_disable();
	if (regs != top)
		*top = *regs;
	/* Normally loaded at switch-in; a test may have switched by hand. */
	load_sp0(current->thread.sp0);
	x86_exit_to_user(top);
	x86_ret_to_user(top);
}

void arch_start_user(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	arch_start_thread(regs, ip, sp);
	arch_return_to_user(regs);
}

int arch_copy_thread(struct task_struct *child, unsigned long usp,
		     bool set_tls, unsigned long tls)
{
	struct thread_struct *t = &child->thread;
	struct pt_regs *regs = task_pt_regs(child);

	if (set_tls && tls >= TASK_SIZE)
		return -EPERM;
	*regs = *task_pt_regs(current);
	syscall_set_return_value(regs, 0);
	if (usp)
		user_stack_pointer_set(regs, usp);
	t->fsbase = set_tls ? tls : current->thread.fsbase;
	t->gsbase = current->thread.gsbase;
	/* Our live registers are current's state: copy them as they are. */
	fpu_save(thread_fpu(t));
	t->fpu_user = true;
	return 0;
}

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

/*
 * A base must be a user address: the paranoid entry (kernel/entry.asm)
 * tells the kernel's GS base from the user's by its sign.
 */
SYSCALL_DEFINE2(arch_prctl, int, code, unsigned long, addr)
{
	struct thread_struct *t = &current->thread;

	switch (code) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		if (addr >= TASK_SIZE)
			return -EPERM;
		preempt_disable();	/* field and MSR change together */
		if (code == ARCH_SET_FS) {
			t->fsbase = addr;
			wrmsr(MSR_FS_BASE, addr);
		} else {
			t->gsbase = addr;
			wrmsr(MSR_KERNEL_GS_BASE, addr);
		}
		preempt_enable();
		return 0;
	case ARCH_GET_FS:
		return put_user(t->fsbase, (unsigned long __user *)addr);
	case ARCH_GET_GS:
		return put_user(t->gsbase, (unsigned long __user *)addr);
	default:
		return -EINVAL;
	}
}
