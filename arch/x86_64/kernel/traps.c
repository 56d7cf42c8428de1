// SPDX-License-Identifier: MIT
/*
 * kernel/traps.c: CPU exceptions (vectors 0-31).
 *
 * Interface: trap_init() (asm/desc.h) installs the boot CPU's GDT, TSS
 * and IDT; x86_handle_vector() is what kernel/entry.asm calls for every
 * vector. Exceptions are handled here, interrupts in kernel/irq.c; on
 * the way out of an interrupt, irqentry_exit() is the preemption point.
 *
 * Today every exception in kernel mode is a bug, so all but NMI end in
 * the generic die() (kernel/panic.c): an oops with show_regs() and a
 * backtrace, then a panic, or a longjmp back into a kernel test that
 * expected the fault. The page-fault handler is where the mm's
 * handle_mm_fault() will plug in once there are user address spaces.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/preempt.h>
#include <asm/desc.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

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

/* Explain the page-fault error code the way Linux's oops does. */
static void show_fault_oops(const struct pt_regs *regs, unsigned long addr)
{
	unsigned long ec = regs->error_code;

	pr_emerg("#PF: %s %s in %s mode\n",
		 ec & X86_PF_USER ? "user" : "supervisor",
		 ec & X86_PF_INSTR ? "instruction fetch"
		 : ec & X86_PF_WRITE ? "write access" : "read access",
		 user_mode(regs) ? "user" : "kernel");
	pr_emerg("#PF: error_code(0x%04lx) - %s\n", ec,
		 ec & X86_PF_RSVD ? "reserved bit in a page table entry"
		 : ec & X86_PF_PROT ? "permissions violation"
		 : "not-present page");
	if (addr < PAGE_SIZE)
		pr_emerg("#PF: that is a NULL pointer dereference\n");
}

static void do_page_fault(struct pt_regs *regs)
{
	/* Read CR2 first: a nested fault would overwrite it. */
	unsigned long addr = read_cr2();

	show_fault_oops(regs, addr);
	die_on("page fault", regs, addr);
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

	if (!kern_addr_valid(sp) || !kern_addr_valid(sp - 64))
		pr_emerg("kernel stack overflow: RSP %016lx is at an unmapped "
			 "(guard) page\n", sp);
	die_on("double fault", regs, 0);
}

/* NMIs come from watchdogs and hardware errors; nothing sends them yet. */
static void do_nmi(struct pt_regs *regs)
{
	pr_warn("NMI on CPU %u at %016lx, ignored\n", arch_cpu_id(), regs->rip);
}

void do_exception(struct pt_regs *regs)
{
	switch (regs->vector) {
	case X86_TRAP_PF:
		do_page_fault(regs);
		break;
	case X86_TRAP_DF:
		do_double_fault(regs);
		break;
	case X86_TRAP_NMI:
		do_nmi(regs);
		break;
	default:
		die_on(x86_vector_name(regs->vector), regs, 0);
	}
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
 * User mode, later: a return to ring 3 with need_resched set will
 * schedule here too, unconditionally.
 */
static void irqentry_exit(struct pt_regs *regs)
{
	if (!user_mode(regs) && (regs->rflags & X86_EFLAGS_IF))
		preempt_schedule_irq();
}

/*
 * Called by kernel/entry.asm for every vector, interrupts off, on the
 * interrupted stack (or the IST stack for a double fault). Exceptions
 * never preempt: a fault handler runs in the faulting task's context,
 * and die() may not even return.
 */
void x86_handle_vector(struct pt_regs *regs)
{
	if (regs->vector < NR_EXCEPTION_VECTORS) {
		do_exception(regs);
		return;
	}
	do_irq(regs);
	irqentry_exit(regs);
}

static struct cpu_desc boot_cpu_desc;
static char boot_df_stack[IST_STACK_SIZE] __aligned(16);

/*
 * Give the boot CPU its GDT, TSS and IDT. From here on a fault prints an
 * oops instead of resetting the machine (with no IDT, any exception is a
 * triple fault). Boot CPU, early, interrupts off.
 */
void trap_init(void)
{
	load_cpu_desc(&boot_cpu_desc, boot_stack_top,
		      boot_df_stack + sizeof(boot_df_stack));
	idt_setup();
	load_idt();
}
