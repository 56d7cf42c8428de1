// SPDX-License-Identifier: MIT
/*
 * kernel/syscall.c: the "syscall" instruction and the way back to user
 * mode.
 *
 * Interface: syscall_init() and load_sp0() (asm/desc.h); x86_syscall()
 * and x86_exit_to_user() for the entry code (kernel/entry.h). The entry
 * itself is entry_SYSCALL_64 in kernel/entry.asm, which draws the whole
 * path; the generic dispatcher is do_syscall() (kernel/sys.c), the
 * generic exit work exit_to_user_mode().
 *
 *   user: mov $nr, %eax; args in rdi rsi rdx r10 r8 r9; syscall
 *     entry_SYSCALL_64    swapgs, kernel stack, struct pt_regs
 *     x86_syscall()       interrupts on, do_syscall(), RAX = result,
 *                         interrupts off, x86_exit_to_user()
 *     x86_exit_to_user()  exit_to_user_mode() (signals, resched), then
 *                         make the frame safe; SYSRET or IRET?
 *     entry_SYSCALL_64    sysretq (fast) or iretq (general)
 *
 * SYSRET is used only when it restores exactly what the frame says:
 * it takes RIP from RCX and RFLAGS from R11, so those must match the
 * frame (a signal frame or execve may have changed any of them); it
 * cannot restore RF and restores TF as an immediate trap; and on Intel
 * CPUs a non-canonical RCX makes it fault in ring 0 with the user's
 * stack already loaded, so RIP must be below TASK_SIZE. Anything else
 * goes out through IRET, which restores every register.
 */
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/percpu.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/pgtable.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

#include "entry.h"

DEFINE_PER_CPU(struct x86_cpu_entry, cpu_entry);

#ifdef CONFIG_DEBUG
long (*x86_syscall_test_hook)(struct pt_regs *regs);
#endif

/* kernel/entry.asm */
extern const char entry_SYSCALL_64[], entry_SYSCALL_compat[];

/* The RFLAGS bits "syscall" clears, as Linux: no interrupts until we are
 * on the kernel stack, no single-step or alignment check (SMAP!) in the
 * kernel, the direction flag the ABI expects, no inherited I/O rights. */
#define SYSCALL_RFLAGS_MASK (X86_EFLAGS_TF | X86_EFLAGS_IF | X86_EFLAGS_DF | \
			     X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_AC)

/*
 * Point this CPU's syscall MSRs at the entry code and turn "syscall" on.
 * STAR holds two selector bases, which is why the GDT is ordered as it
 * is (asm/segment.h): syscall loads CS = STAR[47:32], SS = that + 8;
 * sysretq loads CS = STAR[63:48] + 16, SS = STAR[63:48] + 8. Every CPU,
 * from cpu_init(), interrupts off.
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_CSTAR, (u64)entry_SYSCALL_compat);
	wrmsr(MSR_SYSCALL_MASK, SYSCALL_RFLAGS_MASK);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

void load_sp0(unsigned long sp0)
{
	struct x86_cpu_entry *e = raw_cpu_ptr(&cpu_entry);

	e->top_of_stack = sp0;
	e->tss->rsp0 = sp0;
}

/* Bits 63:47 all equal: an address the CPU will accept at all. */
static bool is_canonical(unsigned long va)
{
	long top = (long)va >> 47;

	return top == 0 || top == -1;
}

/*
 * Whatever generic code did to the frame (a signal frame, sigreturn,
 * execve), what goes back to user mode is a user frame: user segments,
 * interrupts on, no I/O privilege. A non-canonical RIP would make IRETQ
 * fault in ring 0; it becomes TASK_SIZE instead, an address no mapping
 * can cover, so the task takes an ordinary page fault (SIGSEGV) at its
 * first instruction, as it would have on the bad RIP.
 */
static void sanitize_user_frame(struct pt_regs *regs)
{
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->rflags = (regs->rflags & X86_EFLAGS_USER_MASK) |
		       X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	if (!is_canonical(regs->rip))
		regs->rip = TASK_SIZE;
}

static bool sysret_ok(const struct pt_regs *regs)
{
	return regs->rcx == regs->rip && regs->r11 == regs->rflags &&
	       regs->rip < TASK_SIZE &&
	       !(regs->rflags & (X86_EFLAGS_TF | X86_EFLAGS_RF));
}

bool x86_exit_to_user(struct pt_regs *regs)
{
	exit_to_user_mode(regs);
	sanitize_user_frame(regs);
	/* IRETQ/SYSRETQ turn interrupts on behind the tracer's back. */
	trace_hardirqs_on_prepare();
	return sysret_ok(regs);
}

static long dispatch_syscall(struct pt_regs *regs)
{
#ifdef CONFIG_DEBUG
	long (*hook)(struct pt_regs *) = READ_ONCE(x86_syscall_test_hook);

	if (hook)
		return hook(regs);
#endif
	return do_syscall(regs);
}

/*
 * The C half of entry_SYSCALL_64: @regs is the user's frame at the top
 * of the task's kernel stack. Entered with interrupts off (the syscall
 * mask), which stay off from x86_exit_to_user() until the return. Returns
 * true for SYSRET, false for IRET.
 */
bool x86_syscall(struct pt_regs *regs)
{
	long ret;

	local_irq_enable();
	ret = dispatch_syscall(regs);
	syscall_set_return_value(regs, ret);
	local_irq_disable();
	return x86_exit_to_user(regs);
}
