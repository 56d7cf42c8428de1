/* SPDX-License-Identifier: MIT */
/*
 * user/lib/signal.c: real (kernel) signals behind newlib's signal API:
 * kill, raise, signal, sigaction, sigprocmask, and the number and wait
 * status translations the rest of the glue uses.
 *
 * newlib numbers signals the BSD way; Linux does not:
 *
 *	newlib	 7 EMT   10 BUS  12 SYS  16 URG   17 STOP 18 TSTP
 *		19 CONT  20 CHLD 23 IO   29 LOST  30 USR1 31 USR2
 *	Linux	 7 BUS   10 USR1 12 USR2 16 STKFLT 17 CHLD 18 CONT
 *		19 STOP  20 TSTP 23 URG  29 IO    30 PWR  31 SYS  32-64 RT
 *
 * (1-6, 8, 9, 11, 13-15, 21, 22, 24-28 agree.)  So a handler cannot be
 * given to the kernel directly: it would be called with Linux's number.
 * Instead every caught signal goes to signal_dispatch(), which converts
 * the number and calls the program's handler from handlers[].  Masks
 * differ too: newlib's sigset_t has bit (1 << sig), Linux's 1 << (sig-1),
 * and SIG_BLOCK/UNBLOCK/SETMASK are 1/2/0 in newlib, 0/1/2 in Linux.
 *
 * These definitions replace newlib's own signal()/raise(), which only
 * keep a table in user space.  That works because user/Makefile links
 * the glue with --whole-archive, ahead of libc.a.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include <anvil/linux.h>
#include "glue.h"

/* Indexed by newlib's number; 0 where Linux has no such signal. */
static const unsigned char sig_map[NSIG] = {
	[SIGHUP] = LINUX_SIGHUP,	[SIGINT] = LINUX_SIGINT,
	[SIGQUIT] = LINUX_SIGQUIT,	[SIGILL] = LINUX_SIGILL,
	[SIGTRAP] = LINUX_SIGTRAP,	[SIGABRT] = LINUX_SIGABRT,
	[SIGFPE] = LINUX_SIGFPE,	[SIGKILL] = LINUX_SIGKILL,
	[SIGBUS] = LINUX_SIGBUS,	[SIGSEGV] = LINUX_SIGSEGV,
	[SIGSYS] = LINUX_SIGSYS,	[SIGPIPE] = LINUX_SIGPIPE,
	[SIGALRM] = LINUX_SIGALRM,	[SIGTERM] = LINUX_SIGTERM,
	[SIGURG] = LINUX_SIGURG,	[SIGSTOP] = LINUX_SIGSTOP,
	[SIGTSTP] = LINUX_SIGTSTP,	[SIGCONT] = LINUX_SIGCONT,
	[SIGCHLD] = LINUX_SIGCHLD,	[SIGTTIN] = LINUX_SIGTTIN,
	[SIGTTOU] = LINUX_SIGTTOU,	[SIGIO] = LINUX_SIGIO,
	[SIGXCPU] = LINUX_SIGXCPU,	[SIGXFSZ] = LINUX_SIGXFSZ,
	[SIGVTALRM] = LINUX_SIGVTALRM,	[SIGPROF] = LINUX_SIGPROF,
	[SIGWINCH] = LINUX_SIGWINCH,	[SIGUSR1] = LINUX_SIGUSR1,
	[SIGUSR2] = LINUX_SIGUSR2,
};

/* The program's handlers, by newlib number; read by signal_dispatch. */
static _sig_func_ptr handlers[NSIG];

/* Linux's number for newlib's @sig; 0 for signal 0; -1 if none. */
int sig_to_linux(int sig)
{
	if (sig == 0)
		return 0;
	if (sig < 0 || sig >= NSIG || !sig_map[sig])
		return -1;
	return sig_map[sig];
}

/*
 * newlib's number for Linux's @lsig.  Signals newlib cannot name (16
 * SIGSTKFLT, 30 SIGPWR, 32-64 real-time) become NSIG + lsig, which
 * collides with nothing and still fits a wait status's 7 bits.
 */
int sig_from_linux(int lsig)
{
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if (sig_map[sig] == lsig)
			return sig;
	return lsig ? NSIG + lsig : 0;
}

/* A wait(2) status with the signal numbers in it translated. */
int wait_status_from_linux(int st)
{
	if ((st & 0x7f) == 0 || st == 0xffff)	/* exited, or continued */
		return st;
	if ((st & 0xff) == 0x7f)		/* stopped: signal in 8-15 */
		return (sig_from_linux((st >> 8) & 0xff) << 8) | 0x7f;
	return (st & ~0x7f) | sig_from_linux(st & 0x7f);	/* killed */
}

static unsigned long sigset_to_linux(sigset_t set)
{
	unsigned long lset = 0;
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if ((set & (1UL << sig)) && sig_map[sig])
			lset |= 1UL << (sig_map[sig] - 1);
	return lset;
}

static sigset_t sigset_from_linux(unsigned long lset)
{
	sigset_t set = 0;
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if (sig_map[sig] && (lset & (1UL << (sig_map[sig] - 1))))
			set |= 1UL << sig;
	return set;
}

/* Every caught signal lands here, with Linux's number. */
static void signal_dispatch(int lsig)
{
	int sig = sig_from_linux(lsig);

	if (sig > 0 && sig < NSIG && handlers[sig])
		handlers[sig](sig);
}

/*
 * do_sigaction - sigaction() for newlib signal @sig
 * @act:    the new action, or NULL to only query
 * @lflags: Linux SA_* flags for @act
 * @old:    if non-NULL, gets the previous action
 *
 * Returns 0, or -1 with errno EINVAL for a signal Linux lacks or one
 * that cannot be caught.
 */
static int do_sigaction(int sig, const struct sigaction *act,
			unsigned long lflags, struct sigaction *old)
{
	struct linux_kernel_sigaction ka, oka;
	int lsig = sig_to_linux(sig);
	_sig_func_ptr prev;
	long r;

	if (lsig <= 0) {
		errno = EINVAL;
		return -1;
	}
	prev = handlers[sig];
	if (act) {
		ka.handler = act->sa_handler;
		if (ka.handler != SIG_DFL && ka.handler != SIG_IGN)
			ka.handler = signal_dispatch;
		ka.flags = lflags | LINUX_ARCH_SA_RESTORER;
		ka.restorer = __anvil_sigreturn;
		ka.mask = sigset_to_linux(act->sa_mask);
		/* Before the kernel can call signal_dispatch for it. */
		handlers[sig] = act->sa_handler;
	}
	r = sys_rt_sigaction(lsig, act ? &ka : NULL, &oka);
	if (linux_is_err(r)) {
		handlers[sig] = prev;
		return __anvil_fail(-r);
	}
	if (old) {
		old->sa_handler = oka.handler == signal_dispatch ? prev :
			(_sig_func_ptr)oka.handler;
		old->sa_mask = sigset_from_linux(oka.mask);
		old->sa_flags = oka.flags & LINUX_SA_NOCLDSTOP;
	}
	return 0;
}

/* newlib's only flag, SA_NOCLDSTOP, has Linux's value. */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	return do_sigaction(sig, act, act ? act->sa_flags & SA_NOCLDSTOP : 0,
			    old);
}

/* BSD semantics, like glibc's signal(): restart interrupted calls. */
_sig_func_ptr signal(int sig, _sig_func_ptr handler)
{
	struct sigaction sa = { .sa_handler = handler }, old;

	if (do_sigaction(sig, &sa, LINUX_SA_RESTART, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	unsigned long lset, lold;
	int lhow;
	long r;

	switch (how) {
	case SIG_BLOCK:		lhow = LINUX_SIG_BLOCK; break;
	case SIG_UNBLOCK:	lhow = LINUX_SIG_UNBLOCK; break;
	case SIG_SETMASK:	lhow = LINUX_SIG_SETMASK; break;
	default:
		errno = EINVAL;
		return -1;
	}
	if (set)
		lset = sigset_to_linux(*set);
	r = sys_rt_sigprocmask(lhow, set ? &lset : NULL, &lold);
	if (linux_is_err(r))
		return __anvil_fail(-r);
	if (old)
		*old = sigset_from_linux(lold);
	return 0;
}

int kill(pid_t pid, int sig)
{
	int lsig = sig_to_linux(sig);

	if (lsig < 0) {
		errno = EINVAL;
		return -1;
	}
	return __anvil_ret(sys_kill(pid, lsig));
}

/* To this thread, as POSIX asks; abort() comes through here. */
int raise(int sig)
{
	int lsig = sig_to_linux(sig);

	if (lsig < 0) {
		errno = EINVAL;
		return -1;
	}
	return __anvil_ret(sys_tgkill(sys_getpid(), sys_gettid(), lsig));
}
