// SPDX-License-Identifier: MIT
/*
 * kernel/signal.c: the frame a signal handler runs on, rt_sigreturn, and
 * the trampoline page.
 *
 * Interface: arch_setup_rt_frame() and sys_rt_sigreturn()
 * (<anvil/sched/signal.h>), arch_setup_additional_pages() (asm/elf.h).
 *
 * The frame is Linux's 64-bit PowerPC rt_sigframe, so what a handler
 * finds through its third argument (a ucontext whose uc_mcontext holds
 * gp_regs[] and fp_regs[]) is laid out as on Linux. On the user stack,
 * below the interrupted r1 and its 288-byte red zone (the ABI lets a
 * function use that much below r1 without moving it):
 *
 *	interrupted r1 - 288
 *	struct rt_sigframe (16-aligned):
 *	  abigap (288)        the handler's own red zone, Linux's padding
 *	  siginfo             <- r4 (SA_SIGINFO)
 *	  pinfo, puc          pointers to siginfo and ucontext
 *	  tramp[7]            unused: the trampoline is in the sigpage
 *	  ucontext            <- r5: mask, altstack, sigcontext (registers)
 *	back chain + 128-byte frame for the handler   <- r1 at entry
 *
 * Where the handler returns: LR points at the process's sigpage, a page
 * exec maps read-only and executable holding "li r0,172; sc" (172 is
 * __NR_rt_sigreturn). Linux does the same with its vDSO; a trampoline
 * on the stack would need an executable stack.
 *
 * ELFv1: a handler's address is a function descriptor {entry, TOC};
 * NIP and r2 come from it, read from user memory.
 */
#include <anvil/binfmts.h>
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <asm/elf.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/traps.h>

#define ELF_NGREG 48
#define ELF_NFPREG 33
#define ELF_NVRREG 34
#define TRAMP_SIZE 7
#define SIGNAL_FRAMESIZE 128	/* Linux's __SIGNAL_FRAMESIZE */

/* gp_regs[] indices beyond the 32 GPRs (Linux's PT_* for ppc64) */
enum {
	PT_NIP = 32, PT_MSR, PT_ORIG_R3, PT_CTR, PT_LNK, PT_XER, PT_CCR,
	PT_SOFTE, PT_TRAP, PT_DAR, PT_DSISR, PT_RESULT
};

struct sigcontext {
	unsigned long _unused[4];
	int signal;
	int _pad0;
	unsigned long handler;
	unsigned long oldmask;
	unsigned long regs;		/* user pointer to gp_regs */
	unsigned long gp_regs[ELF_NGREG];
	u64 fp_regs[ELF_NFPREG];	/* f0-f31, then the FPSCR */
	unsigned long v_regs;		/* no VMX state: 0 */
	long vmx_reserve[ELF_NVRREG + ELF_NVRREG + 1 + 32];
};

struct user_stack {
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

struct ucontext {
	unsigned long uc_flags;
	unsigned long uc_link;
	struct user_stack uc_stack;
	sigset_t uc_sigmask;
	sigset_t uc_unused[15];	/* room for a larger mask */
	struct sigcontext uc_mcontext;
};

struct rt_sigframe {
	struct ucontext uc;
	unsigned long _unused[2];
	u32 tramp[TRAMP_SIZE];
	unsigned long pinfo;
	unsigned long puc;
	kernel_siginfo_t info;
	char abigap[USER_REDZONE_SIZE];
} __aligned(16);

_Static_assert(offsetof(struct ucontext, uc_mcontext) == 168 &&
		       sizeof(struct ucontext) == 1696,
	       "Linux's ppc64 ucontext layout");

/* ---- the sigpage --------------------------------------------------------- */

static const u32 sigreturn_tramp[] = {
	0x38000000 | __NR_rt_sigreturn,	/* li r0,__NR_rt_sigreturn */
	0x44000002,			/* sc */
};

int arch_setup_additional_pages(struct mm_struct *mm)
{
	unsigned long addr;
	int err;

	addr = do_mmap(mm, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (IS_ERR_VALUE(addr))
		return (int)addr;
	err = copy_to_mm(mm, addr, sigreturn_tramp, sizeof(sigreturn_tramp));
	if (!err)
		err = do_mprotect(mm, addr, PAGE_SIZE, PROT_READ | PROT_EXEC);
	if (!err)
		mm->sigpage = addr;
	return err;
}

/* ---- the frame ------------------------------------------------------------- */

static void save_sigcontext(struct sigcontext *sc, const struct pt_regs *regs,
			    const struct ksignal *ksig, unsigned long oldmask,
			    unsigned long uregs)
{
	struct thread_fp_state fp;

	memset(sc, 0, sizeof(*sc));
	sc->signal = ksig->sig;
	sc->handler = (unsigned long)ksig->ka.sa_handler;
	sc->oldmask = oldmask;
	sc->regs = uregs;
	memcpy(sc->gp_regs, regs->gpr, sizeof(regs->gpr));
	sc->gp_regs[PT_NIP] = regs->nip;
	sc->gp_regs[PT_MSR] = regs->msr;
	sc->gp_regs[PT_ORIG_R3] = regs->orig_gpr3;
	sc->gp_regs[PT_CTR] = regs->ctr;
	sc->gp_regs[PT_LNK] = regs->link;
	sc->gp_regs[PT_XER] = regs->xer;
	sc->gp_regs[PT_CCR] = regs->ccr;
	sc->gp_regs[PT_SOFTE] = 1;
	sc->gp_regs[PT_TRAP] = regs->trap;
	sc->gp_regs[PT_DAR] = regs->dar;
	sc->gp_regs[PT_DSISR] = regs->dsisr;
	/* The user's FP registers are live (eager FP): save them as are. */
	fp_save(&fp);
	memcpy(sc->fp_regs, fp.fpr, sizeof(fp.fpr));
	sc->fp_regs[32] = fp.fpscr;
}

int arch_setup_rt_frame(struct ksignal *ksig, sigset_t *oldset,
			struct pt_regs *regs)
{
	struct task_struct *t = current;
	unsigned long sp, uframe, newsp, entry, toc;
	unsigned long __user *desc;
	struct rt_sigframe *frame;
	int err = -EFAULT;

	if (!t->mm || !t->mm->sigpage)
		return -EFAULT;
	desc = (unsigned long __user *)ksig->ka.sa_handler;
	if (get_user(entry, &desc[0]) || get_user(toc, &desc[1]))
		return -EFAULT;
	sp = sigsp(regs->gpr[1], ksig);
	uframe = (sp - sizeof(*frame)) & ~15UL;
	newsp = uframe - (SIGNAL_FRAMESIZE + 16);

	frame = kzalloc(sizeof(*frame), GFP_KERNEL);
	if (!frame)
		return -EFAULT;
	frame->uc.uc_stack.ss_sp = t->sas_ss_sp;
	frame->uc.uc_stack.ss_size = t->sas_ss_size;
	frame->uc.uc_stack.ss_flags = on_sig_stack(regs->gpr[1]) ? 1 :
				      t->sas_ss_size ? 0 : 2;
	frame->uc.uc_sigmask = *oldset;
	save_sigcontext(&frame->uc.uc_mcontext, regs, ksig, oldset->sig,
			uframe + offsetof(struct rt_sigframe,
					  uc.uc_mcontext.gp_regs));
	frame->pinfo = uframe + offsetof(struct rt_sigframe, info);
	frame->puc = uframe + offsetof(struct rt_sigframe, uc);
	frame->info = ksig->info;
	if (!copy_to_user((void __user *)uframe, frame, sizeof(*frame)) &&
	    !put_user(regs->gpr[1], (unsigned long __user *)newsp))
		err = 0;
	kfree(frame);
	if (err)
		return err;

	regs->link = t->mm->sigpage;
	regs->gpr[1] = newsp;
	regs->gpr[2] = toc;
	regs->gpr[3] = ksig->sig;
	if (ksig->ka.sa_flags & SA_SIGINFO) {
		regs->gpr[4] = uframe + offsetof(struct rt_sigframe, info);
		regs->gpr[5] = uframe + offsetof(struct rt_sigframe, uc);
		regs->gpr[6] = uframe;
	} else {
		regs->gpr[4] = uframe + offsetof(struct rt_sigframe,
						 uc.uc_mcontext);
	}
	regs->nip = entry;
	regs->trap = 0;	/* the handler's entry is no syscall to restart */
	return 0;
}

/*
 * rt_sigreturn: the trampoline's "sc" ran with r1 where the handler got
 * it, so the frame is just above. A forged frame cannot hurt the kernel:
 * the MSR the user gets is rebuilt on the way out (problem state,
 * translation on), whatever the frame says; only the user-visible bits
 * of it are taken (here none but LE, which anvil keeps off).
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long uframe = regs->gpr[1] + SIGNAL_FRAMESIZE + 16;
	struct rt_sigframe *frame = kmalloc(sizeof(*frame), GFP_KERNEL);
	struct sigcontext *sc;
	struct thread_fp_state fp;

	if (!frame || copy_from_user(frame, (void __user *)uframe,
				     sizeof(*frame))) {
		kfree(frame);
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
		return 0;
	}
	sc = &frame->uc.uc_mcontext;
	set_current_blocked(&frame->uc.uc_sigmask);
	memcpy(regs->gpr, sc->gp_regs, sizeof(regs->gpr));
	regs->nip = sc->gp_regs[PT_NIP];
	regs->ctr = sc->gp_regs[PT_CTR];
	regs->link = sc->gp_regs[PT_LNK];
	regs->xer = sc->gp_regs[PT_XER];
	regs->ccr = sc->gp_regs[PT_CCR];
	regs->orig_gpr3 = sc->gp_regs[PT_ORIG_R3];
	/* Not a syscall return any more: nothing here may be "restarted",
	 * and r3/CR0[SO] are the restored ones, not a result. */
	regs->trap = 0;
	memcpy(fp.fpr, sc->fp_regs, sizeof(fp.fpr));
	fp.fpscr = sc->fp_regs[32];
	fp.pad = 0;
	fp_restore(&fp);
	kfree(frame);
	return 0;
}
