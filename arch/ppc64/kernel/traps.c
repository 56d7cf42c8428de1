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
 * There is no user mode yet: other exceptions from user mode are
 * reported the same way for now.
 */
#include <anvil/arch.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/preempt.h>
#include <asm/mmu-hash.h>
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
_Static_assert(sizeof(struct pt_regs) == PT_REGS_SIZE, "pt_regs size");
_Static_assert(INT_FRAME_SIZE % 16 == 0, "frames keep r1 16-byte aligned");

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
 * point where the scheduler may preempt it (<anvil/preempt.h>).
 */
static void interrupt_exit_prepare(struct pt_regs *regs)
{
	if (!user_mode(regs) && (regs->msr & MSR_EE))
		preempt_schedule_irq();
}

void exception_dispatch(struct pt_regs *regs)
{
	switch (regs->trap) {
	case 0x900:
		timer_decrementer(regs);
		interrupt_exit_prepare(regs);
		return;
	case 0x500:
		if (xics_interrupt(regs)) {
			interrupt_exit_prepare(regs);
			return;
		}
		die(trap_name(regs), regs, 0);
		break;
	case 0x300:
		do_page_fault(regs, regs->dar, regs->dsisr);
		return;
	case 0x400:
		/*
		 * An ISI reports its reasons in SRR1, at the bits a DSI uses
		 * in DSISR; file them where a DSI would, as Linux does.
		 */
		regs->dar = regs->nip;
		regs->dsisr = regs->msr & SRR1_ISI_REASONS;
		do_page_fault(regs, regs->dar, regs->dsisr);
		return;
	case 0x380:
		do_segment_fault(regs, regs->dar);
		return;
	case 0x480:
		do_segment_fault(regs, regs->nip);
		return;
	default:
		die(trap_name(regs), regs, regs->trap == 0x600 ? regs->dar : 0);
		break;
	}
	/* Returning would re-run the faulting instruction forever. */
	panic("unhandled exception %lx", regs->trap);
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
