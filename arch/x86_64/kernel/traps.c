// SPDX-License-Identifier: MIT
/*
 * kernel/traps.c: CPU exceptions (vectors 0-31).
 *
 * Interface: trap_init() (asm/desc.h) installs the boot CPU's GDT, TSS
 * and IDT; x86_handle_vector() is what kernel/entry.asm calls for every
 * vector. Exceptions are handled here (page faults in mm/fault.c),
 * interrupts in kernel/irq.c; on the way out of an interrupt,
 * irqentry_exit() is the preemption point, and every return to user
 * mode goes through x86_exit_to_user() (kernel/syscall.c).
 *
 * An exception in user mode is the task's problem: it gets the signal
 * Linux would send (user_trap_signals below; the generic
 * force_sig_fault() queues it, exit_to_user_mode() delivers it). In
 * kernel mode every exception but a fixed-up fault and NMI is a bug and
 * ends in the generic die() (kernel/panic.c): an oops with show_regs()
 * and a backtrace, then a panic, or a longjmp back into a kernel test
 * that expected the fault.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/preempt.h>
#include <anvil/sched.h>
#include <anvil/vmalloc.h>
#include <asm/desc.h>
#include <asm/extable.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

#include "entry.h"

/* kernel/entry.asm builds the frame by hand: keep them in step. */
_Static_assert(__builtin_offsetof(struct pt_regs, vector) == 15 * 8,
	       "entry.asm pushes 15 registers below the vector");
_Static_assert(__builtin_offsetof(struct pt_regs, rip) == 17 * 8,
	       "entry.asm's PT_RIP");
_Static_assert(sizeof(struct pt_regs) == 22 * 8,
	       "entry.asm keeps the stack 16-byte aligned for 22 words");

static const char *const exception_names[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "NMI",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt bug",
	[X86_TRAP_MF] = "coprocessor error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "SIMD exception",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection",
	[X86_TRAP_VC] = "VMM communication",
	[X86_TRAP_SX] = "security exception",
};

const char *x86_vector_name(unsigned long vector)
{
	if (vector < NR_EXCEPTION_VECTORS)
		return exception_names[vector] ? exception_names[vector]
					       : "reserved exception";
	if (vector == LOCAL_TIMER_VECTOR)
		return "LAPIC timer";
	if (vector == SMP_IPI_VECTOR)
		return "IPI";
	if (vector == SPURIOUS_APIC_VECTOR)
		return "spurious APIC interrupt";
	if (vector == X86_SYSCALL_VECTOR)
		return "syscall";
	return "interrupt";
}

/* Report and stop (or hand back to an expecting test); never returns. */
static void __noreturn die_on(const char *what, struct pt_regs *regs,
			      unsigned long addr)
{
	die(what, regs, addr);
	/* die() either panics or longjmps; falling out would re-fault. */
	panic("die() returned for %s", what);
}

/*
 * A double fault: the CPU failed to deliver an exception, most often
 * because the kernel stack is gone. We run on this CPU's IST stack
 * (kernel/gdt.c); say so if the old stack pointer is at an unmapped
 * page, as when a stack runs into its guard page.
 */
static void do_double_fault(struct pt_regs *regs)
{
	unsigned long sp = regs->rsp;

	/*
	 * With anvil.vmap_stack, a task's stack overflowing into its guard
	 * page gets here: the #PF could not push its frame there.
	 */
	if (task_stack_guard_page(current, sp) ||
	    task_stack_guard_page(current, sp - 64))
		pr_emerg("kernel stack overflow: %s[%d] RSP %016lx is in the "
			 "guard page below its stack %p\n", current->comm,
			 current->pid, sp, current->stack);
	else if (!kern_addr_valid(sp) || !kern_addr_valid(sp - 64))
		pr_emerg("kernel stack overflow: RSP %016lx is at an unmapped "
			 "(guard) page\n", sp);
	die_on("double fault", regs, 0);
}

/* NMIs come from watchdogs and hardware errors; nothing sends them yet. */
static void do_nmi(struct pt_regs *regs)
{
	pr_warn("NMI on CPU %u at %016lx, ignored\n", arch_cpu_id(), regs->rip);
}

/*
 * Linux's numbers (they are the same on every arch anvil has), defined
 * the plain way <anvil/errno.h> does, so a generic signal header that
 * defines them too does not clash.
 */
#define SIGILL 4
#define SIGTRAP 5
#define SIGBUS 7
#define SIGFPE 8
#define SIGSEGV 11
#define ILL_ILLOPN 2
#define FPE_INTDIV 1
#define FPE_FLTINV 7
#define BUS_ADRALN 1
#define TRAP_BRKPT 1
#define SI_KERNEL 0x80

/*
 * The signal for each exception in user mode, as Linux's traps.c sends
 * them; at_ip: si_addr is the faulting instruction (else 0). Vectors
 * not listed (NMI, double fault, machine check, reserved) are never the
 * task's doing.
 */
static const struct {
	u8 sig, code;
	bool at_ip;
} user_trap_signals[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = { SIGFPE, FPE_INTDIV, true },
	[X86_TRAP_DB] = { SIGTRAP, TRAP_BRKPT, true },
	[X86_TRAP_BP] = { SIGTRAP, SI_KERNEL, false },
	[X86_TRAP_OF] = { SIGSEGV, SI_KERNEL, false },
	[X86_TRAP_BR] = { SIGSEGV, SI_KERNEL, false },
	[X86_TRAP_UD] = { SIGILL, ILL_ILLOPN, true },
	[X86_TRAP_NM] = { SIGSEGV, SI_KERNEL, false },
	[X86_TRAP_OLD_MF] = { SIGFPE, FPE_FLTINV, true },
	[X86_TRAP_TS] = { SIGSEGV, SI_KERNEL, false },
	[X86_TRAP_NP] = { SIGBUS, SI_KERNEL, false },
	[X86_TRAP_SS] = { SIGBUS, SI_KERNEL, false },
	[X86_TRAP_GP] = { SIGSEGV, SI_KERNEL, false },
	[X86_TRAP_MF] = { SIGFPE, FPE_FLTINV, true },
	[X86_TRAP_AC] = { SIGBUS, BUS_ADRALN, false },
	[X86_TRAP_XF] = { SIGFPE, FPE_FLTINV, true },
	[X86_TRAP_CP] = { SIGSEGV, SI_KERNEL, false },
};

/* An exception user mode caused: queue its signal. False if none fits. */
static bool user_trap(struct pt_regs *regs)
{
	unsigned long v = regs->vector;

	if (!user_trap_signals[v].sig)
		return false;
	force_sig_fault(user_trap_signals[v].sig, user_trap_signals[v].code,
			user_trap_signals[v].at_ip ? regs->rip : 0);
	return true;
}

void do_exception(struct pt_regs *regs)
{
	switch (regs->vector) {
	case X86_TRAP_PF:
		do_page_fault(regs);
		return;
	case X86_TRAP_DF:
		do_double_fault(regs);
		return;
	case X86_TRAP_NMI:
		do_nmi(regs);
		return;
	}
	if (user_mode(regs) && user_trap(regs))
		return;
	/* A user-copy instruction given a non-canonical address. */
	if (regs->vector == X86_TRAP_GP && !user_mode(regs) &&
	    fixup_exception(regs))
		return;
	die_on(x86_vector_name(regs->vector), regs, 0);
}

/* NMI, double fault, machine check: on IST stacks (kernel/entry.asm). */
static bool paranoid_vector(unsigned long vector)
{
	return vector == X86_TRAP_NMI || vector == X86_TRAP_DF ||
	       vector == X86_TRAP_MC;
}

/*
 * The end of every interrupt (not exception): if it interrupted kernel
 * code that had interrupts on, this is a preemption point. The generic
 * preempt_schedule_irq() switches to another task if need_resched is set
 * and preempt_count is 0, and comes back, interrupts still off, when
 * this task is chosen again; then entry.asm's iretq resumes it. Code that
 * ran with interrupts off asked not to be disturbed, so it is not
 * preempted (it reaches a preempt_enable() or schedule() of its own).
 *
 * A return to user mode is handled by the caller instead: the generic
 * exit_to_user_mode() schedules there whenever need_resched is set.
 */
static void irqentry_exit(struct pt_regs *regs)
{
	if (!user_mode(regs) && (regs->rflags & X86_EFLAGS_IF))
		preempt_schedule_irq();
}

/*
 * Called by kernel/entry.asm for every vector, interrupts off, on the
 * interrupted stack, the task's kernel stack (from user mode), or an IST
 * stack. Exceptions never preempt kernel code: a fault handler runs in
 * the faulting task's context, and die() may not even return. Every
 * return to user mode, except from the paranoid vectors (which may have
 * interrupted anything, and must not schedule), does the exit work.
 */
void x86_handle_vector(struct pt_regs *regs)
{
	if (regs->vector < NR_EXCEPTION_VECTORS) {
		do_exception(regs);
	} else {
		do_irq(regs);
		irqentry_exit(regs);
	}
	if (user_mode(regs) && !paranoid_vector(regs->vector))
		x86_exit_to_user(regs);
}

static struct cpu_desc boot_cpu_desc;
static char boot_ist_stacks[NR_IST_STACKS * IST_STACK_SIZE] __aligned(16);

/*
 * Give the boot CPU its GDT, TSS and IDT. From here on a fault prints an
 * oops instead of resetting the machine (with no IDT, any exception is a
 * triple fault). Boot CPU, early, interrupts off.
 */
void trap_init(void)
{
	load_cpu_desc(0, &boot_cpu_desc, boot_stack_top, boot_ist_stacks);
	idt_setup();
	load_idt();
}
