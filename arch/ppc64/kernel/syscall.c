// SPDX-License-Identifier: MIT
/*
 * syscall.c: the "sc" instruction from user mode, and the last step of
 * every return to user mode.
 *
 * Interface (<asm/traps.h>): ppc64_syscall() and ppc64_exit_to_user(),
 * called from exception_dispatch() (kernel/traps.c). The entry itself is
 * the ordinary 0xc00 vector of kernel/exceptions-64s.S, which saves
 * every register in the task's pt_regs like any other interrupt from
 * user mode (Linux saves fewer; a teaching kernel can afford 32 stores
 * to keep one path). The generic dispatcher is do_syscall()
 * (kernel/sys.c); the generic exit work exit_to_user_mode()
 * (kernel/entry.c).
 *
 *   user: li r0,nr; args in r3..r8; sc
 *     0xc00 vector       SRR0 = the instruction after sc, SRR1 = user
 *                        MSR; r13 -> paca from HSPRG0, the stack from
 *                        paca->kstack: pt_regs at the stack top
 *     exception_dispatch trap 0xc00 from user mode:
 *     ppc64_syscall()    interrupts on, do_syscall(), r3 and CR0[SO]
 *                        set the Linux way (asm/ptrace.h), interrupts
 *                        off
 *     ppc64_exit_to_user() exit_to_user_mode(), then a user MSR
 *     exception_return   every register from pt_regs, r13 the user's
 *                        own (its TLS pointer), rfid
 */
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/syscalls.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/traps.h>

#ifdef CONFIG_DEBUG
long (*ppc64_syscall_test_hook)(struct pt_regs *regs);
#endif

/*
 * The MSR user code runs with, whatever the frame held: problem state,
 * 64-bit, translation and interrupts on, machine checks on, recoverable,
 * and the FPU on (its registers are switched eagerly, kernel/process.c).
 * HV stays set: rfid cannot set it, and user mode under an HV kernel is
 * HV=1 PR=1 (shared/platform: SRR1 = 9000000000005032 was verified);
 * with HV=0 the next interrupt would arrive in guest-privileged state.
 * Nothing user mode could do or a frame could say changes this: a
 * signal frame or ptrace that tried to set, say, MSR[LE] or clear PR
 * gets this MSR anyway.
 */
#define MSR_USER (MSR_SF | MSR_HV | MSR_PR | MSR_EE | MSR_ME | MSR_IR | \
		  MSR_DR | MSR_RI | MSR_FP)

/*
 * Every return to user mode ends here, with interrupts off: the generic
 * exit work (a fatal signal ends the task right here), then the frame
 * is made safe to return through. A NIP outside user space needs no
 * care: the user's first instruction fetch there faults (the kernel's
 * pages have no user permission) and the task gets its SIGSEGV.
 */
void ppc64_exit_to_user(struct pt_regs *regs)
{
	exit_to_user_mode(regs);
	regs->msr = MSR_USER;
	/* rfid turns interrupts on behind the tracer's back. */
	trace_hardirqs_on_prepare();
}

static long dispatch_syscall(struct pt_regs *regs)
{
#ifdef CONFIG_DEBUG
	long (*hook)(struct pt_regs *) = READ_ONCE(ppc64_syscall_test_hook);

	if (hook)
		return hook(regs);
#endif
	return do_syscall(regs);
}

/*
 * A system call from user mode: @regs is the user's frame at the top of
 * the task's kernel stack, interrupts off (as every interrupt leaves
 * them). The caller then returns through ppc64_exit_to_user().
 */
void ppc64_syscall(struct pt_regs *regs)
{
	long ret;

	local_irq_enable();
	ret = dispatch_syscall(regs);
	/*
	 * rt_sigreturn put back every register of the interrupted context
	 * and marked the frame as no syscall's (trap 0): its r3 and CR0
	 * are the restored ones, not a result to write over them.
	 */
	if (in_syscall(regs))
		syscall_set_return_value(regs, ret);
	local_irq_disable();
}
