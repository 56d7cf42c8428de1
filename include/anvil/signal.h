/* SPDX-License-Identifier: MIT */
/*
 * Signals and the process-wide state threads share (kernel/signal.c,
 * kernel/fork.c, kernel/exit.c).
 *
 * As in Linux, a process is a thread group: the tasks that share one
 * struct signal_struct (pending-to-the-group signals, rlimits, the group
 * exit) and one struct sighand_struct (the handlers and the siglock).
 * fork gives the child copies of both; clone(CLONE_THREAD|CLONE_SIGHAND)
 * shares them.
 *
 *	task->blocked		[C] signals this thread does not take now
 *	task->pending		[siglock] sent to this thread (tgkill,
 *				a fault)
 *	signal->shared_pending	[siglock] sent to the process (kill)
 *	sighand->action[]	[siglock] what each signal does
 *
 * Pending signals are a bit per signal plus a queue of siginfo records
 * (struct sigqueue), one per standard signal at most: a standard signal
 * sent twice before it is taken is taken once, as Linux does.
 *
 * The numbers, sigaction layout and siginfo layout are Linux's, the same
 * on both of anvil's arches. struct signal_struct and struct
 * sighand_struct are in <anvil/sched/signal.h>.
 */
#ifndef ANVIL_SIGNAL_H
#define ANVIL_SIGNAL_H

#include <anvil/atomic.h>
#include <anvil/list.h>
#include <anvil/spinlock.h>
#include <anvil/types.h>

#define _NSIG 64

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31
#define SIGRTMIN 32

/* si_code values */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_TKILL (-6)
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRERR 2
#define ILL_ILLOPC 1
#define FPE_INTDIV 1
#define TRAP_BRKPT 1
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3

/* sa_flags (the same on both arches) */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)

/* how, for rt_sigprocmask */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

typedef void (*__sighandler_t)(int);

/* Linux's kernel sigset: one bit per signal, bit (sig - 1). */
typedef struct {
	unsigned long sig;
} sigset_t;

static inline unsigned long sigmask(int sig)
{
	return 1UL << (sig - 1);
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig & sigmask(sig);
}

/* SIGKILL and SIGSTOP can be neither caught, blocked nor ignored. */
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))

/* The user's struct sigaction as rt_sigaction passes it (Linux). */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

/* siginfo_t: 128 bytes, Linux's layout for the fields anvil fills. */
typedef struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	union {
		struct {		/* kill, tgkill */
			int si_pid;
			unsigned int si_uid;
		} kill;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			unsigned long si_addr;
		} fault;
		struct {		/* SIGCHLD */
			int si_pid;
			unsigned int si_uid;
			int si_status;
			long si_utime;
			long si_stime;
		} chld;
		char __pad[128 - 16];
	};
} kernel_siginfo_t;

_Static_assert(sizeof(kernel_siginfo_t) == 128, "Linux's siginfo is 128 bytes");

struct sigqueue {
	struct list_head list;
	kernel_siginfo_t info;
};

struct sigpending {
	struct list_head list;		/* struct sigqueue, oldest first */
	sigset_t signal;
};

/* A resource limit, as getrlimit/prlimit64 pass it. */
struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};
#define RLIM_INFINITY (~0ULL)
#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIM_NLIMITS 16

#endif /* ANVIL_SIGNAL_H */
