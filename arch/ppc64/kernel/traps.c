// SPDX-License-Identifier: MIT
/*
 * traps.c: what each interrupt means, in C, and the register dump.
 *
 * exceptions-64s.S saves the registers in a struct pt_regs and calls
 * exception_dispatch() with translation on and interrupts off. From
 * here: the decrementer goes to kernel/time.c, external interrupts (IPIs)
 * to xics.c, page faults to mm/fault.c, segment faults to mm/slb.c.
 * After an interrupt (not a fault) that came from kernel code with
 * interrupts on, the scheduler may preempt (preempt_schedule_irq).
 * Anything else taken in kernel mode is unexpected, so it goes to the
 * generic die() (kernel/panic.c), which prints an oops and either panics
 * or longjmps to a kernel test that expected it. A longjmp simply
 * abandons the exception frame; arch_longjmp puts the test's MSR back
 * (kernel/setjmp.S).
 *
 * From user mode (MSR[PR] in the saved MSR) the same entry code has put
 * the frame at the top of the task's kernel stack (task_pt_regs). A
 * system call (0xc00) goes to kernel/syscall.c, page faults and the
 * interrupts as above, and every other exception the task caused turns
 * into the signal Linux sends for it (user_trap below; the generic
 * force_sig_fault() queues it). Whatever the reason, the way back to
 * user mode is ppc64_exit_to_user(): exit_to_user_mode() delivers the
 * signal, and the frame gets a clean user MSR.
 */
#include <anvil/arch.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/preempt.h>
#include <anvil/syscalls.h>
#include <asm/mmu-hash.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/traps.h>

#define CHECK_REGS(field, off)                                            \
	_Static_assert(__builtin_offsetof(struct pt_regs, field) == (off), \
		       "asm/ptrace.h: pt_regs offset of " #field)
CHECK_REGS(gpr[31], GPR(31));
CHECK_REGS(nip, _NIP);
CHECK_REGS(msr, _MSR);
CHECK_REGS(ctr, _CTR);
CHECK_REGS(link, _LINK);
CHECK_REGS(xer, _XER);
CHECK_REGS(ccr, _CCR);
CHECK_REGS(trap, _TRAP);
CHECK_REGS(dar, _DAR);
CHECK_REGS(dsisr, _DSISR);
CHECK_REGS(hsrr, _HSRR);
CHECK_REGS(orig_gpr3, _ORIG_GPR3);
_Static_assert(sizeof(struct pt_regs) == PT_REGS_SIZE, "pt_regs size");
_Static_assert(INT_FRAME_SIZE % 16 == 0, "frames keep r1 16-byte aligned");
_Static_assert(THREAD_FP_SIZE % 16 == 0, "pt_regs below it stays aligned");

/* SRR1 bits that say why a program interrupt (0x700) happened. */
#define SRR1_PROGFPE 0x00100000UL
#define SRR1_PROGILL 0x00080000UL
#define SRR1_PROGPRIV 0x00040000UL
#define SRR1_PROGTRAP 0x00020000UL
/* SRR1 bits that say why an instruction fetch faulted (0x400). */
#define SRR1_ISI_REASONS (DSISR_NOHPTE | SRR1_ISI_NOEXEC | DSISR_PROTFAULT | \
			  DSISR_KEYFAULT)

static const char *program_check_name(unsigned long srr1)
{
	if (srr1 & SRR1_PROGTRAP)
		return "trap instruction (program check)";
	if (srr1 & SRR1_PROGPRIV)
		return "privileged instruction (program check)";
	if (srr1 & SRR1_PROGILL)
		return "illegal instruction (program check)";
	if (srr1 & SRR1_PROGFPE)
		return "floating-point exception (program check)";
	return "program check";
}

static const char *trap_name(const struct pt_regs *regs)
{
	switch (regs->trap) {
	case 0x100: return "system reset";
	case 0x200: return "machine check";
	case 0x500: return "external interrupt (no presenter)";
	case 0x600: return "alignment";
	case 0x700: return program_check_name(regs->msr);
	case 0x800: return "floating point unavailable";
	case 0x980: return "hypervisor decrementer";
	case 0xa00: return "doorbell";
	case 0xc00: return "system call from kernel mode";
	case 0xd00: return "trace";
	case 0xe00: return "hypervisor data storage";
	case 0xe20: return "hypervisor instruction storage";
	case 0xe40: return "illegal instruction (emulation assist)";
	case 0xe60: return "hypervisor maintenance";
	case 0xe80: return "hypervisor doorbell";
	case 0xf00: return "performance monitor";
	case 0xf20: return "vector unavailable";
	case 0xf40: return "VSX unavailable";
	case 0xf60: return "facility unavailable";
	case 0xf80: return "hypervisor facility unavailable";
	default: return "unknown exception";
	}
}

/*
 * Leaving an interrupt for kernel code that ran with interrupts on: the
 * point where the scheduler may preempt it (<anvil/preempt.h>). A
 * return to user mode is ppc64_exit_to_user()'s business instead.
 */
static void interrupt_exit_prepare(struct pt_regs *regs)
{
	if (!user_mode(regs) && (regs->msr & MSR_EE))
		preempt_schedule_irq();
}

/*
 * Linux's numbers (the same on every arch anvil has), defined the plain
 * way <anvil/signal.h> does, so that it may define them too.
 */
#define ILL_ILLOPC 1
#define ILL_PRVOPC 5
#define FPE_FLTINV 7
#define BUS_ADRALN 1
#define TRAP_BRKPT 1
#define TRAP_TRACE 2

/*
 * An exception user mode caused, other than a page fault: queue the
 * signal Linux's traps.c sends for it, delivered on the way out. False
 * if the exception is never the task's doing (machine check, system
 * reset, a hypervisor storage interrupt...); then it is a kernel bug.
 *
 * Illegal instructions arrive as 0xe40 on POWER8 in hypervisor mode
 * (the emulation-assistance interrupt), not as a program check. The FP
 * unavailable interrupt cannot come from user mode (the FPU is on there,
 * kernel/process.c); vector and VSX ones mean an instruction anvil does
 * not support for users, so SIGILL, as Linux without VMX does.
 */
static bool user_trap(struct pt_regs *regs)
{
	unsigned long srr1 = regs->msr;

	switch (regs->trap) {
	case 0x700:
		if (srr1 & SRR1_PROGTRAP)
			force_sig_fault(SIGTRAP, TRAP_BRKPT, regs->nip);
		else if (srr1 & SRR1_PROGPRIV)
			force_sig_fault(SIGILL, ILL_PRVOPC, regs->nip);
		else if (srr1 & SRR1_PROGFPE)
			force_sig_fault(SIGFPE, FPE_FLTINV, regs->nip);
		else
			force_sig_fault(SIGILL, ILL_ILLOPC, regs->nip);
		return true;
	case 0xe40:
	case 0x800:
	case 0xf20:
	case 0xf40:
	case 0xf60:
	case 0xf80:
		force_sig_fault(SIGILL, ILL_ILLOPC, regs->nip);
		return true;
	case 0x600:
		force_sig_fault(SIGBUS, BUS_ADRALN, regs->dar);
		return true;
	case 0xd00:
		force_sig_fault(SIGTRAP, TRAP_TRACE, regs->nip);
		return true;
	}
	return false;
}

static void kernel_exception(struct pt_regs *regs)
{
	die(trap_name(regs), regs, regs->trap == 0x600 ? regs->dar : 0);
	/* Returning would re-run the faulting instruction forever. */
	panic("unhandled exception %lx", regs->trap);
}

/*
 * The C half of every interrupt, interrupts off, on the interrupted
 * kernel stack or, from user mode, on the task's own (pt_regs at its
 * top). Every return to user mode goes through ppc64_exit_to_user().
 */
void exception_dispatch(struct pt_regs *regs)
{
	switch (regs->trap) {
	case 0x900:
		timer_decrementer(regs);
		interrupt_exit_prepare(regs);
		break;
	case 0x500:
		if (!xics_interrupt(regs))
			kernel_exception(regs);
		interrupt_exit_prepare(regs);
		break;
	case 0x300:
		do_page_fault(regs, regs->dar, regs->dsisr);
		break;
	case 0x400:
		/*
		 * An ISI reports its reasons in SRR1, at the bits a DSI uses
		 * in DSISR; file them where a DSI would, as Linux does.
		 */
		regs->dar = regs->nip;
		regs->dsisr = regs->msr & SRR1_ISI_REASONS;
		do_page_fault(regs, regs->dar, regs->dsisr);
		break;
	case 0x380:
		do_segment_fault(regs, regs->dar);
		break;
	case 0x480:
		do_segment_fault(regs, regs->nip);
		break;
	case TRAP_SYSCALL:
		if (!user_mode(regs))
			kernel_exception(regs);
		ppc64_syscall(regs);
		break;
	default:
		if (!user_mode(regs) || !user_trap(regs))
			kernel_exception(regs);
		break;
	}
	if (user_mode(regs))
		ppc64_exit_to_user(regs);
}

/* "<SF,HV,EE,...>" for the MSR bits that matter when reading a dump. */
static void msr_bits(unsigned long msr, char *buf, size_t size)
{
	static const struct { unsigned long bit; const char *name; } bits[] = {
		{ MSR_SF, "SF" }, { MSR_HV, "HV" }, { MSR_EE, "EE" },
		{ MSR_PR, "PR" }, { MSR_FP, "FP" }, { MSR_ME, "ME" },
		{ MSR_IR, "IR" }, { MSR_DR, "DR" }, { MSR_RI, "RI" },
		{ MSR_LE, "LE" },
	};
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(bits); i++)
		if (msr & bits[i].bit)
			n += (size_t)snprintf(buf + n, size - n, "%s%s",
					      n ? "," : "", bits[i].name);
}

/* DAR and DSISR mean something only after these interrupts. */
static bool has_dar(unsigned long trap)
{
	return trap == 0x300 || trap == 0x380 || trap == 0x400 ||
	       trap == 0x600;
}

void show_regs(const struct pt_regs *regs)
{
	char msr[48];
	int i;

	msr_bits(regs->msr, msr, sizeof(msr));
	printk(KERN_EMERG "NIP:  %016lx LR: %016lx CTR: %016lx\n",
	       regs->nip, regs->link, regs->ctr);
	printk(KERN_EMERG "MSR:  %016lx <%s>  CR: %08lx  XER: %08lx\n",
	       regs->msr, msr, regs->ccr, regs->xer);
	if (has_dar(regs->trap))
		printk(KERN_EMERG "TRAP: %04lx  DAR: %016lx  DSISR: %08lx  PIR: %u\n",
		       regs->trap, regs->dar, regs->dsisr, arch_cpu_id());
	else
		printk(KERN_EMERG "TRAP: %04lx  PIR: %u\n", regs->trap,
		       arch_cpu_id());
	for (i = 0; i < 32; i += 4)
		printk(KERN_EMERG "GPR%02d: %016lx %016lx %016lx %016lx\n", i,
		       regs->gpr[i], regs->gpr[i + 1], regs->gpr[i + 2],
		       regs->gpr[i + 3]);
	printk(KERN_EMERG "NIP [%016lx] %pS\n", regs->nip, (void *)regs->nip);
	printk(KERN_EMERG "LR  [%016lx] %pS\n", regs->link, (void *)regs->link);
}
