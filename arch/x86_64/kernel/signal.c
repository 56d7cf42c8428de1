// SPDX-License-Identifier: MIT
/*
 * kernel/signal.c: the frame a signal handler runs on, and rt_sigreturn.
 *
 * Interface: arch_setup_rt_frame() and sys_rt_sigreturn()
 * (<anvil/sched/signal.h>); the generic side is kernel/signal.c.
 *
 * The frame is Linux's x86_64 rt_sigframe, so programs that look inside
 * it (a debugger, a handler reading uc_mcontext) see what they expect.
 * On the user stack, below the interrupted RSP and its 128-byte red zone
 * (the psABI lets leaf functions use it without moving RSP):
 *
 *	    interrupted RSP - 128
 *	    fxsave area (512 bytes, 64-aligned)   <- uc_mcontext.fpstate
 *	    struct rt_sigframe:
 *	      siginfo (128 bytes)                 <- RSI for the handler
 *	      ucontext: flags, link, altstack,    <- RDX
 *	        sigcontext (the registers),
 *	        the mask to restore
 *	      pretcode = sa_restorer              <- RSP at handler entry
 *
 * RSP at entry is 8 below a 16-byte boundary, as after a call: pretcode
 * is the return address, so the handler's "ret" runs the restorer, whose
 * rt_sigreturn system call finds the frame at RSP - 8 and puts it all
 * back. The FPU registers are the user's (anvil saves them eagerly, the
 * kernel itself never uses them), so they are saved as they are; the
 * handler starts with a fresh FPU state, as Linux gives it.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <asm/fpu.h>
#include <asm/processor-flags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>

struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;			/* user pointer to the fxsave area */
	u64 reserved1[8];
};

struct user_stack {
	u64 ss_sp;
	int ss_flags;
	u64 ss_size;
};

struct ucontext {
	u64 uc_flags;
	u64 uc_link;
	struct user_stack uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;
};

struct rt_sigframe {
	u64 pretcode;
	struct ucontext uc;
	kernel_siginfo_t info;
};

#define UC_SIGCONTEXT_SS 0x2
#define RED_ZONE 128

_Static_assert(offsetof(struct ucontext, uc_mcontext) == 40,
	       "Linux's x86_64 ucontext layout");
_Static_assert(offsetof(struct ucontext, uc_sigmask) == 296,
	       "Linux's x86_64 ucontext layout");

static void save_sigcontext(struct sigcontext *sc, const struct pt_regs *regs,
			    const struct ksignal *ksig, unsigned long oldmask,
			    unsigned long fpstate)
{
	*sc = (struct sigcontext){
		.r8 = regs->r8, .r9 = regs->r9, .r10 = regs->r10,
		.r11 = regs->r11, .r12 = regs->r12, .r13 = regs->r13,
		.r14 = regs->r14, .r15 = regs->r15,
		.di = regs->rdi, .si = regs->rsi, .bp = regs->rbp,
		.bx = regs->rbx, .dx = regs->rdx, .ax = regs->rax,
		.cx = regs->rcx, .sp = regs->rsp, .ip = regs->rip,
		.flags = regs->rflags,
		.cs = regs->cs, .ss = regs->ss,
		.oldmask = oldmask,
		.fpstate = fpstate,
	};
	if (ksig->sig == SIGSEGV || ksig->sig == SIGBUS)
		sc->cr2 = ksig->info.fault.si_addr;
}

int arch_setup_rt_frame(struct ksignal *ksig, sigset_t *oldset,
			struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct fxregs_state fx;
	struct rt_sigframe frame;
	unsigned long sp, fpstate, uframe;

	if (!(ksig->ka.sa_flags & SA_RESTORER))
		return -EFAULT;	/* nowhere to return to (as Linux) */
	sp = sigsp(regs->rsp - RED_ZONE, ksig);
	fpstate = ALIGN_DOWN(sp - sizeof(fx), 64);
	uframe = ALIGN_DOWN(fpstate - sizeof(frame), 16) - 8;

	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (u64)ksig->ka.sa_restorer;
	frame.uc.uc_flags = UC_SIGCONTEXT_SS;
	frame.uc.uc_stack.ss_sp = t->sas_ss_sp;
	frame.uc.uc_stack.ss_size = t->sas_ss_size;
	frame.uc.uc_stack.ss_flags = on_sig_stack(regs->rsp) ? 1 :
				     t->sas_ss_size ? 0 : 2;
	save_sigcontext(&frame.uc.uc_mcontext, regs, ksig, oldset->sig,
			fpstate);
	frame.uc.uc_sigmask = *oldset;
	frame.info = ksig->info;

	preempt_disable();	/* the live registers are the user's */
	fpu_save(&fx);
	preempt_enable();
	if (copy_to_user((void __user *)fpstate, &fx, sizeof(fx)) ||
	    copy_to_user((void __user *)uframe, &frame, sizeof(frame)))
		return -EFAULT;

	/* The handler: handler(sig, &info, &uc), fresh FPU state. */
	regs->rdi = ksig->sig;
	regs->rsi = uframe + offsetof(struct rt_sigframe, info);
	regs->rdx = uframe + offsetof(struct rt_sigframe, uc);
	regs->rax = 0;
	regs->rsp = uframe;
	regs->rip = (unsigned long)ksig->ka.sa_handler;
	regs->rflags &= ~(X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_RF);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	fpu_init_state(&fx);
	preempt_disable();
	fpu_restore(&fx);
	preempt_enable();
	return 0;
}

/*
 * rt_sigreturn: the restorer called us with RSP just above pretcode. A
 * forged or damaged frame must not hurt the kernel: the segments and
 * flags that go back are user ones whatever it says (the exit path
 * sanitizes them too), and the saved MXCSR may not set reserved bits,
 * which would make fxrstor fault in the kernel.
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe __user *uframe = (void __user *)(regs->rsp - 8);
	struct rt_sigframe frame;
	struct sigcontext *sc = &frame.uc.uc_mcontext;
	struct fxregs_state fx;

	if (copy_from_user(&frame, uframe, sizeof(frame)))
		goto badframe;
	if (sc->fpstate &&
	    copy_from_user(&fx, (void __user *)sc->fpstate, sizeof(fx)))
		goto badframe;
	set_current_blocked(&frame.uc.uc_sigmask);
	regs->r8 = sc->r8, regs->r9 = sc->r9, regs->r10 = sc->r10;
	regs->r11 = sc->r11, regs->r12 = sc->r12, regs->r13 = sc->r13;
	regs->r14 = sc->r14, regs->r15 = sc->r15;
	regs->rdi = sc->di, regs->rsi = sc->si, regs->rbp = sc->bp;
	regs->rbx = sc->bx, regs->rdx = sc->dx, regs->rax = sc->ax;
	regs->rcx = sc->cx, regs->rsp = sc->sp, regs->rip = sc->ip;
	regs->rflags = (regs->rflags & ~X86_EFLAGS_USER_MASK) |
		       (sc->flags & X86_EFLAGS_USER_MASK);
	/* Not a syscall any more: nothing here may be "restarted". */
	regs->vector = 0;
	if (sc->fpstate) {
		fx.mxcsr &= 0xffbf;	/* the architectural MXCSR mask */
		preempt_disable();
		fpu_restore(&fx);
		preempt_enable();
	}
	return regs->rax;

badframe:
	force_sig_fault(SIGSEGV, SI_KERNEL, 0);
	return 0;
}
