// SPDX-License-Identifier: MIT
/*
 * kernel/signal.c: sending, blocking and taking signals (Linux's design,
 * smaller; the structures are in <anvil/signal.h>).
 *
 * Sending (kill, tgkill, a fault, SIGCHLD, SIGPIPE) queues the signal on
 * the thread (task->pending) or the process (signal->shared_pending),
 * under the siglock, then picks a thread that does not block it and
 * wakes it: TIF_SIGPENDING makes its next return to user mode look, and
 * ends an interruptible sleep. A signal whose action is to kill is acted
 * on right away for the whole process (SIGNAL_GROUP_EXIT: every thread
 * gets SIGKILL), as Linux's complete_signal() does.
 *
 * Taking happens in exit_to_user_mode() -> do_signal(), in the task's
 * own context: get_signal() dequeues the lowest unblocked signal and
 * applies its action; a handler gets a frame on the user stack (the
 * arch's arch_setup_rt_frame(): saved registers, mask and siginfo, and a
 * return address that calls rt_sigreturn). A system call that a signal
 * interrupted is restarted or fails with EINTR, as the handler's
 * SA_RESTART says (the -ERESTART* codes in <anvil/errno.h>).
 *
 * Locking: siglock (spinlock, interrupts off) guards pending sets,
 * handlers and blocked masks of the group; tasklist_lock, taken first,
 * guards finding tasks by pid.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/sched/task.h>
#include <anvil/slab.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <asm/signal.h>

/* ---- what a signal does by default ------------------------------------ */

#define M(sig) (1UL << ((sig) - 1))
#define SIG_KERNEL_IGNORE_MASK (M(SIGCONT) | M(SIGCHLD) | M(SIGWINCH) | M(SIGURG))
#define SIG_KERNEL_STOP_MASK (M(SIGSTOP) | M(SIGTSTP) | M(SIGTTIN) | M(SIGTTOU))

static bool sig_default_ignored(int sig)
{
	return sig < SIGRTMIN && (M(sig) & SIG_KERNEL_IGNORE_MASK);
}

static bool sig_default_stops(int sig)
{
	return sig < SIGRTMIN && (M(sig) & SIG_KERNEL_STOP_MASK);
}

static bool valid_signal(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

static struct sigaction *sig_action(struct task_struct *t, int sig)
{
	return &t->sighand->action[sig - 1];
}

/* Would @t throw @sig away on arrival? (Blocked ones wait: the handler
 * may change before they are unblocked.) */
static bool sig_ignored(struct task_struct *t, int sig)
{
	__sighandler_t h = sig_action(t, sig)->sa_handler;

	if (sigismember(&t->blocked, sig))
		return false;
	return h == SIG_IGN || (h == SIG_DFL && sig_default_ignored(sig));
}

/* The default action kills (terminate or core dump; stops are not
 * supported and so not counted here). */
static bool sig_fatal(struct task_struct *t, int sig)
{
	return sig == SIGKILL ||
	       (sig_action(t, sig)->sa_handler == SIG_DFL &&
		!sig_default_ignored(sig) && !sig_default_stops(sig));
}

/* ---- pending sets ------------------------------------------------------- */

static int next_signal(const struct sigpending *p, const sigset_t *blocked)
{
	unsigned long ready = p->signal.sig & ~blocked->sig;

	if (!ready)
		return 0;
	/* Synchronous (fault) signals first, as Linux: then the lowest. */
	if (ready & (M(SIGSEGV) | M(SIGBUS) | M(SIGILL) | M(SIGTRAP) |
		     M(SIGFPE) | M(SIGSYS)))
		ready &= M(SIGSEGV) | M(SIGBUS) | M(SIGILL) | M(SIGTRAP) |
			 M(SIGFPE) | M(SIGSYS);
	return __builtin_ctzl(ready) + 1;
}

/* Take @sig off @p, filling @info from its queued record (if any). */
static void collect_signal(int sig, struct sigpending *p,
			   kernel_siginfo_t *info)
{
	struct sigqueue *q, *found = NULL;
	bool more = false;

	list_for_each_entry(q, &p->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (found) {
			more = true;
			break;
		}
		found = q;
	}
	if (!more)
		p->signal.sig &= ~M(sig);
	if (found) {
		list_del(&found->list);
		*info = found->info;
		kfree(found);
	} else {
		/* The record could not be allocated: say only who. */
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
}

static void flush_sigqueue(struct sigpending *p)
{
	struct sigqueue *q, *n;

	list_for_each_entry_safe(q, n, &p->list, list) {
		list_del(&q->list);
		kfree(q);
	}
	p->signal.sig = 0;
}

/* Drop every pending @sig (SIG_IGN set, say). siglock held. */
static void flush_signal_from(struct sigpending *p, int sig)
{
	struct sigqueue *q, *n;

	list_for_each_entry_safe(q, n, &p->list, list) {
		if (q->info.si_signo == sig) {
			list_del(&q->list);
			kfree(q);
		}
	}
	p->signal.sig &= ~M(sig);
}

static bool has_pending_signals(struct task_struct *t)
{
	return (t->pending.signal.sig | t->signal->shared_pending.signal.sig) &
	       ~t->blocked.sig;
}

/* TIF_SIGPENDING follows what is really deliverable. siglock held. */
static void recalc_sigpending(struct task_struct *t)
{
	if (has_pending_signals(t) ||
	    (t->signal->flags & SIGNAL_GROUP_EXIT))
		set_bit(TIF_SIGPENDING, &t->flags);
	else
		clear_bit(TIF_SIGPENDING, &t->flags);
}

/* Tell @t a signal waits: its next return to user mode, or its
 * interruptible sleep, will see it. */
static void signal_wake_up(struct task_struct *t, bool fatal)
{
	set_bit(TIF_SIGPENDING, &t->flags);
	wake_up_state(t, fatal ? TASK_NORMAL & ~TASK_UNINTERRUPTIBLE
			       : TASK_INTERRUPTIBLE);
	/* Running user code on another CPU: make it enter the kernel. */
	if (t->on_cpu && t->cpu != raw_smp_processor_id())
		smp_send_reschedule(t->cpu);
}

/* ---- sending ------------------------------------------------------------ */

/* Kill the whole group of @t: every thread gets SIGKILL. siglock held. */
static void group_kill(struct task_struct *t, int code)
{
	struct signal_struct *sig = t->signal;
	struct task_struct *th;

	sig->flags |= SIGNAL_GROUP_EXIT;
	sig->group_exit_code = code;
	list_for_each_entry(th, &sig->thread_head, thread_node) {
		th->pending.signal.sig |= M(SIGKILL);
		signal_wake_up(th, true);
	}
}

/* Which thread takes a signal sent to the process @t belongs to? */
static struct task_struct *pick_thread(struct task_struct *t, int sig)
{
	struct task_struct *th;

	if (!sigismember(&t->blocked, sig))
		return t;
	list_for_each_entry(th, &t->signal->thread_head, thread_node)
		if (!sigismember(&th->blocked, sig) && !th->exit_state)
			return th;
	return NULL;	/* all block it: it waits in shared_pending */
}

static void complete_signal(int sig, struct task_struct *t, bool group)
{
	struct task_struct *target = group ? pick_thread(t, sig) : t;

	if (!target) {
		return;
	}
	if (sig_fatal(target, sig) && !sigismember(&target->blocked, sig) &&
	    !(t->signal->flags & SIGNAL_GROUP_EXIT)) {
		group_kill(t, sig);
		return;
	}
	if (!sigismember(&target->blocked, sig))
		signal_wake_up(target, sig == SIGKILL);
}

/* Queue @sig for @t (@group: for its whole process). siglock held. */
static int __send_signal(int sig, const kernel_siginfo_t *info,
			 struct task_struct *t, bool group)
{
	struct sigpending *pending = group ? &t->signal->shared_pending
					   : &t->pending;
	struct sigqueue *q;

	if (t->signal->flags & SIGNAL_GROUP_EXIT)
		return 0;	/* dying anyway */
	if (sig != SIGKILL && sig_ignored(t, sig))
		return 0;
	/* A standard signal already pending is not queued twice. */
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	q = kmalloc(sizeof(*q), GFP_NOWAIT);
	if (q) {
		q->info = *info;
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN) {
		return -EAGAIN;	/* real-time signals must not be lost */
	}
	pending->signal.sig |= M(sig);
	complete_signal(sig, t, group);
	return 0;
}

static int send_signal(int sig, const kernel_siginfo_t *info,
		       struct task_struct *t, bool group)
{
	unsigned long flags;
	int ret;

	if (!t->sighand)
		return 0;	/* a kernel thread: signals mean nothing */
	spin_lock_irqsave(&t->sighand->siglock, flags);
	ret = __send_signal(sig, info, t, group);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return ret;
}

static void init_user_info(kernel_siginfo_t *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	/* From the kernel (a timer, say): no sending process, as Linux's
	 * SEND_SIG_PRIV. */
	info->kill.si_pid = code == SI_KERNEL ? 0 : current->tgid;
	info->kill.si_uid = 0;
}

int send_sig(int sig, struct task_struct *t, int priv)
{
	kernel_siginfo_t info;

	init_user_info(&info, sig, priv ? SI_KERNEL : SI_USER);
	return send_signal(sig, &info, t, true);
}

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGILL: return "SIGILL";
	case SIGTRAP: return "SIGTRAP";
	case SIGBUS: return "SIGBUS";
	case SIGFPE: return "SIGFPE";
	case SIGSEGV: return "SIGSEGV";
	default: return "signal";
	}
}

/*
 * force_sig_fault - the current task took an exception in user mode
 * (a bad access, an illegal instruction): it gets @sig whatever its mask
 * says; a blocked or ignored fault signal is reset to its default, which
 * kills (Linux's force_sig_info). If it will kill, say so on the console
 * in one line, as Linux's "segfault at" does.
 */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task_struct *t = current;
	struct sigaction *sa;
	kernel_siginfo_t info;
	unsigned long flags;

	if (!t->sighand) {
		/* A kernel thread in user mode (the arch's ring-3 tests):
		 * no handlers, so the default action, on the way out. */
		pr_info("anvil: %s[%d]: %s (code %d) at %lx; killed\n",
			t->comm, t->pid, signal_name(sig), code, addr);
		t->fatal_addr = addr;
		WRITE_ONCE(t->fatal_signal, sig);
		return;
	}
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.fault.si_addr = addr;
	spin_lock_irqsave(&t->sighand->siglock, flags);
	sa = sig_action(t, sig);
	if (sa->sa_handler == SIG_IGN || sigismember(&t->blocked, sig)) {
		sa->sa_handler = SIG_DFL;
		t->blocked.sig &= ~M(sig);
	}
	if (sa->sa_handler == SIG_DFL)
		pr_warn("anvil: %s[%d]: %s (code %d) at %lx; killed\n",
			t->comm, t->tgid, signal_name(sig), code, addr);
	__send_signal(sig, &info, t, false);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/*
 * do_notify_parent - @t exited: send its parent @sig (SIGCHLD) with the
 * child's status. tasklist_lock held.
 */
void do_notify_parent(struct task_struct *t, int sig)
{
	kernel_siginfo_t info;
	int status = t->exit_code;

	if (!sig || !t->real_parent)
		return;
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.chld.si_pid = t->tgid;
	if (status & 0x7f) {
		info.si_code = CLD_KILLED;
		info.chld.si_status = status & 0x7f;
	} else {
		info.si_code = CLD_EXITED;
		info.chld.si_status = (status >> 8) & 0xff;
	}
	send_signal(sig, &info, t->real_parent, true);
}

/* ---- finding tasks ------------------------------------------------------ */

/* The task with @pid (a thread id), or NULL. tasklist_lock held. */
struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *t;

	if (pid <= 0)
		return NULL;
	for_each_process(t)
		if (t->pid == pid && !(t->exit_state & EXIT_DEAD))
			return t;
	return NULL;
}

/* ---- kill, tgkill ------------------------------------------------------- */

/* Signal every process for which @match says yes; 0 or -ESRCH. */
static int kill_matching(int sig, bool (*match)(struct task_struct *, int),
			 int arg)
{
	kernel_siginfo_t info;
	struct task_struct *t;
	bool found = false;
	int ret = 0;

	init_user_info(&info, sig, SI_USER);
	spin_lock(&tasklist_lock);
	for_each_process(t) {
		if (!t->signal || t->group_leader != t || t->exit_state ||
		    !match(t, arg))
			continue;
		found = true;
		if (sig)
			ret = send_signal(sig, &info, t, true) ?: ret;
	}
	spin_unlock(&tasklist_lock);
	return found ? ret : -ESRCH;
}

static bool in_pgrp(struct task_struct *t, int pgrp)
{
	return t->signal->pgrp == pgrp;
}

/* kill(-1): everyone but init and the caller's own process. */
static bool not_init_nor_self(struct task_struct *t, int unused)
{
	return t != child_reaper && t->tgid != current->tgid;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	kernel_siginfo_t info;
	struct task_struct *t;
	int ret = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid == 0)
		return kill_matching(sig, in_pgrp, current->signal->pgrp);
	if (pid == -1)
		return kill_matching(sig, not_init_nor_self, 0);
	if (pid < 0)
		return pid == INT_MIN ? -ESRCH :
		       kill_matching(sig, in_pgrp, -pid);
	init_user_info(&info, sig, SI_USER);
	spin_lock(&tasklist_lock);
	t = find_task_by_pid(pid);
	if (!t)
		ret = -ESRCH;
	else if (sig && t->signal)
		ret = send_signal(sig, &info, t->group_leader, true);
	spin_unlock(&tasklist_lock);
	return ret;
}

static long do_tkill(int tgid, int pid, int sig)
{
	kernel_siginfo_t info;
	struct task_struct *t;
	int ret = 0;

	if (pid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	init_user_info(&info, sig, SI_TKILL);
	spin_lock(&tasklist_lock);
	t = find_task_by_pid(pid);
	if (!t || !t->signal || (tgid > 0 && t->tgid != tgid))
		ret = -ESRCH;
	else if (sig)
		ret = send_signal(sig, &info, t, false);
	spin_unlock(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, int, pid, int, sig)
{
	return do_tkill(0, pid, sig);
}

/* ---- handlers and masks ------------------------------------------------- */

/* exec: handlers point into the old program; SIG_IGN survives. */
void flush_signal_handlers(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	for (int i = 0; i < _NSIG; i++) {
		struct sigaction *sa = &t->sighand->action[i];

		if (sa->sa_handler != SIG_IGN)
			sa->sa_handler = SIG_DFL;
		sa->sa_flags = 0;
		sa->sa_restorer = NULL;
		sa->sa_mask.sig = 0;
	}
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	t->sas_ss_sp = t->sas_ss_size = 0;
	t->sas_ss_flags = 0;
}

void set_current_blocked(const sigset_t *set)
{
	struct task_struct *t = current;
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	t->blocked.sig = set->sig & ~SIG_KERNEL_ONLY_MASK;
	recalc_sigpending(t);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

SYSCALL_DEFINE4(rt_sigaction, int, sig,
		const struct sigaction __user *, act,
		struct sigaction __user *, oact,
		size_t, sigsetsize)
{
	struct task_struct *t = current;
	struct sigaction new, old;
	struct task_struct *th;
	unsigned long flags;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (!valid_signal(sig))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	spin_lock_irqsave(&t->sighand->siglock, flags);
	old = *sig_action(t, sig);
	if (act) {
		new.sa_mask.sig &= ~SIG_KERNEL_ONLY_MASK;
		*sig_action(t, sig) = new;
		/* POSIX: setting SIG_IGN (or a default of ignore) discards
		 * what is pending, for every thread. */
		if (sig_ignored(t, sig) || new.sa_handler == SIG_IGN) {
			flush_signal_from(&t->signal->shared_pending, sig);
			list_for_each_entry(th, &t->signal->thread_head,
					    thread_node)
				flush_signal_from(&th->pending, sig);
		}
	}
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how,
		const sigset_t __user *, nset,
		sigset_t __user *, oset,
		size_t, sigsetsize)
{
	sigset_t old = current->blocked, set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			set.sig |= old.sig;
			break;
		case SIG_UNBLOCK:
			set.sig = old.sig & ~set.sig;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(&set);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	struct task_struct *t = current;
	unsigned long flags;
	sigset_t set;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irqsave(&t->sighand->siglock, flags);
	set.sig = (t->pending.signal.sig | t->signal->shared_pending.signal.sig) &
		  t->blocked.sig;
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* Sleep until a signal is taken (pause, sigsuspend). */
static long sleep_until_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return -ERESTARTNOHAND;
}

#ifdef __NR_pause
SYSCALL_DEFINE0(pause)
{
	return sleep_until_signal();
}
#endif

/*
 * rt_sigsuspend: wait under a temporary mask; the handler's frame saves
 * the caller's real mask (saved_sigmask), which sigreturn puts back.
 */
SYSCALL_DEFINE2(rt_sigsuspend, const sigset_t __user *, umask,
		size_t, sigsetsize)
{
	struct task_struct *t = current;
	sigset_t set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, umask, sizeof(set)))
		return -EFAULT;
	t->saved_sigmask = t->blocked;
	t->restore_sigmask = true;
	set_current_blocked(&set);
	return sleep_until_signal();
}

/* ---- the alternate signal stack ------------------------------------------ */

#define SS_ONSTACK 1
#define SS_DISABLE 2
#define SS_AUTODISARM (1U << 31)

struct user_stack_t {		/* Linux's stack_t, both arches */
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

bool on_sig_stack(unsigned long sp)
{
	struct task_struct *t = current;

	return t->sas_ss_size && sp > t->sas_ss_sp &&
	       sp - t->sas_ss_sp <= t->sas_ss_size;
}

SYSCALL_DEFINE2(sigaltstack, const struct user_stack_t __user *, uss,
		struct user_stack_t __user *, uoss)
{
	struct task_struct *t = current;
	struct user_stack_t old = {
		.ss_sp = t->sas_ss_sp,
		.ss_size = t->sas_ss_size,
		.ss_flags = t->sas_ss_size ? 0 : SS_DISABLE,
	}, ss;
	unsigned long sp = user_stack_pointer(task_pt_regs(t));

	if (on_sig_stack(sp))
		old.ss_flags = SS_ONSTACK;
	else if (t->sas_ss_size)
		old.ss_flags |= t->sas_ss_flags;
	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on_sig_stack(sp))
			return -EPERM;
		switch (ss.ss_flags & ~SS_AUTODISARM) {
		case SS_DISABLE:
			ss.ss_sp = ss.ss_size = 0;
			break;
		case 0:
		case SS_ONSTACK:
			if (ss.ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			break;
		default:
			return -EINVAL;
		}
		t->sas_ss_sp = ss.ss_sp;
		t->sas_ss_size = ss.ss_size;
		t->sas_ss_flags = ss.ss_flags & SS_AUTODISARM;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/*
 * Where a handler's frame goes: the alternate stack if the handler asked
 * for it (SA_ONSTACK) and we are not on it already, else below @sp.
 */
unsigned long sigsp(unsigned long sp, const struct ksignal *ksig)
{
	struct task_struct *t = current;

	if ((ksig->ka.sa_flags & SA_ONSTACK) && t->sas_ss_size &&
	    !on_sig_stack(sp)) {
		sp = t->sas_ss_sp + t->sas_ss_size;
		if (t->sas_ss_flags & SS_AUTODISARM)
			t->sas_ss_sp = t->sas_ss_size = 0;
	}
	return sp;
}

/* ---- taking a signal ---------------------------------------------------- */

static int dequeue_signal(struct task_struct *t, kernel_siginfo_t *info)
{
	int sig = next_signal(&t->pending, &t->blocked);

	if (sig) {
		collect_signal(sig, &t->pending, info);
		return sig;
	}
	sig = next_signal(&t->signal->shared_pending, &t->blocked);
	if (sig)
		collect_signal(sig, &t->signal->shared_pending, info);
	return sig;
}

/*
 * get_signal - the next signal the current task must act on. Ignored ones
 * are dropped here, a fatal one ends the process here (never returns);
 * a handled one is returned in @ksig, true.
 */
static bool get_signal(struct ksignal *ksig)
{
	struct task_struct *t = current;
	struct sighand_struct *sh = t->sighand;
	struct sigaction *sa;
	unsigned long flags;
	int sig;

	for (;;) {
		spin_lock_irqsave(&sh->siglock, flags);
		if (t->signal->flags & SIGNAL_GROUP_EXIT) {
			int code = t->signal->group_exit_code;

			spin_unlock_irqrestore(&sh->siglock, flags);
			do_exit(code);
		}
		sig = dequeue_signal(t, &ksig->info);
		if (!sig) {
			recalc_sigpending(t);
			spin_unlock_irqrestore(&sh->siglock, flags);
			return false;
		}
		sa = sig_action(t, sig);
		if (sa->sa_handler == SIG_IGN) {
			spin_unlock_irqrestore(&sh->siglock, flags);
			continue;
		}
		if (sa->sa_handler != SIG_DFL) {
			ksig->sig = sig;
			ksig->ka = *sa;
			if (sa->sa_flags & SA_RESETHAND)
				sa->sa_handler = SIG_DFL;
			spin_unlock_irqrestore(&sh->siglock, flags);
			return true;
		}
		if (sig_default_ignored(sig)) {
			spin_unlock_irqrestore(&sh->siglock, flags);
			continue;
		}
		if (sig_default_stops(sig)) {
			/* No job control: a stop signal does nothing. */
			spin_unlock_irqrestore(&sh->siglock, flags);
			continue;
		}
		/* Death: the whole process, status "killed by sig". */
		group_kill(t, sig);
		spin_unlock_irqrestore(&sh->siglock, flags);
		do_exit(sig);
	}
}

/* A syscall a signal interrupted: rerun it, or fail with EINTR? */
static void handle_restart(struct pt_regs *regs, const struct ksignal *ksig)
{
	if (!in_syscall(regs))
		return;
	switch (syscall_get_return_value(regs)) {
	case -ERESTARTNOHAND:
		if (ksig)
			syscall_set_return_value(regs, -EINTR);
		else
			syscall_rewind(regs);
		break;
	case -ERESTARTSYS:
		if (ksig && !(ksig->ka.sa_flags & SA_RESTART))
			syscall_set_return_value(regs, -EINTR);
		else
			syscall_rewind(regs);
		break;
	case -ERESTARTNOINTR:
		syscall_rewind(regs);
		break;
	}
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	struct task_struct *t = current;
	sigset_t *oldset = t->restore_sigmask ? &t->saved_sigmask : &t->blocked;
	sigset_t blocked;

	handle_restart(regs, ksig);
	if (arch_setup_rt_frame(ksig, oldset, regs)) {
		/*
		 * No room for the frame: SIGSEGV, as Linux (force_sigsegv).
		 * If SIGSEGV is what could not be delivered, its handler goes
		 * first, or the next try would fail the same way, forever
		 * (a stack overflow with a SIGSEGV handler and no altstack).
		 */
		if (ksig->sig == SIGSEGV) {
			unsigned long flags;

			spin_lock_irqsave(&t->sighand->siglock, flags);
			sig_action(t, SIGSEGV)->sa_handler = SIG_DFL;
			spin_unlock_irqrestore(&t->sighand->siglock, flags);
		}
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
		return;
	}
	t->restore_sigmask = false;
	blocked.sig = t->blocked.sig | ksig->ka.sa_mask.sig;
	if (!(ksig->ka.sa_flags & SA_NODEFER))
		blocked.sig |= M(ksig->sig);
	set_current_blocked(&blocked);
}

/* exit_to_user_mode(): TIF_SIGPENDING was set. Interrupts on. */
void do_signal(struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct ksignal ksig;

	if (!t->sighand) {
		clear_bit(TIF_SIGPENDING, &t->flags);
		return;
	}
	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	handle_restart(regs, NULL);
	if (t->restore_sigmask) {
		t->restore_sigmask = false;
		set_current_blocked(&t->saved_sigmask);
	}
}

/* ---- exit ----------------------------------------------------------------- */

/*
 * exit_signals - @t (current) is exiting: it takes no more signals, and
 * the group's live-thread count drops. Its own queue is freed later, by
 * release_task().
 */
void exit_signals(struct task_struct *t)
{
	unsigned long flags;
	bool last;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	last = --t->signal->nr_threads == 0;
	flush_sigqueue(&t->pending);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	/* Outside the siglock: the timer's function takes it (itimer.c). */
	if (last)
		itimer_exit(t->signal);
}

/*
 * zap_other_threads - exit_group(@code): the other threads get SIGKILL.
 * Returns the status the process exits with (an earlier group exit, a
 * fatal signal, wins).
 */
int zap_other_threads(int code)
{
	struct task_struct *t = current;
	struct signal_struct *sig = t->signal;
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	if (sig->flags & SIGNAL_GROUP_EXIT)
		code = sig->group_exit_code;
	else
		group_kill(t, code);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	return code;
}

/* ---- for the console's ^C (drivers/tty/n_tty.c) ------------------------- */

/*
 * kill_pgrp - @sig to every process in process group @pgrp, as kill(2)
 * with -@pgrp would (si_pid is the caller's, 0 from a kernel thread).
 * @sig 0 only checks that the group exists. 0 or -ESRCH.
 */
int kill_pgrp(int pgrp, int sig)
{
	return kill_matching(sig, in_pgrp, pgrp);
}

static bool in_session_but_init(struct task_struct *t, int sid)
{
	return t->signal->session == sid && t != child_reaper;
}

/*
 * kill_init_session - @sig to every process in init's session except
 * init itself: with no job control, what the console treats as its
 * foreground until someone sets one with TIOCSPGRP. 0 or -ESRCH.
 */
int kill_init_session(int sig)
{
	int sid;

	spin_lock(&tasklist_lock);
	sid = child_reaper && child_reaper->signal ?
	      child_reaper->signal->session : 0;
	spin_unlock(&tasklist_lock);
	return sid ? kill_matching(sig, in_session_but_init, sid) : -ESRCH;
}
