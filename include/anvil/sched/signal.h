/* SPDX-License-Identifier: MIT */
/*
 * The state a thread group shares: struct signal_struct (the process:
 * shared pending signals, rlimits, group exit, the wait queue wait4
 * sleeps on) and struct sighand_struct (the handlers, and the siglock
 * that guards every signal field). See <anvil/signal.h> for the picture.
 */
#ifndef ANVIL_SCHED_SIGNAL_H
#define ANVIL_SCHED_SIGNAL_H

#include <anvil/sched.h>
#include <anvil/signal.h>
#include <anvil/timer.h>
#include <anvil/wait.h>
#include <asm/ptrace.h>

struct sighand_struct {
	atomic_t count;			/* tasks sharing it */
	spinlock_t siglock;
	struct sigaction action[_NSIG];
};

/* signal->flags */
#define SIGNAL_GROUP_EXIT 0x1	/* exit_group or a fatal signal: all go */

struct signal_struct {
	atomic_t count;			/* references (tasks, waiters) */
	int nr_threads;			/* [siglock] live threads */
	struct list_head thread_head;	/* [tasklist_lock] its tasks */
	unsigned int flags;		/* [siglock] SIGNAL_* */
	int group_exit_code;		/* [siglock] wait status, group exit */
	struct sigpending shared_pending; /* [siglock] */
	wait_queue_head_t wait_chldexit; /* the parent's wait4 sleeps here */
	struct rlimit64 rlim[RLIM_NLIMITS]; /* [siglock] */
	bool parent_notified;		/* [tasklist_lock] the exit was told */
	int pgrp;			/* [tasklist_lock] process group id */
	int session;			/* [tasklist_lock] session id */
	/*
	 * ITIMER_REAL (alarm, setitimer; kernel/time/itimer.c): the timer
	 * sends SIGALRM to the group through its leader (a zombie leader
	 * stays until the last thread is gone), every it_real_incr jiffies
	 * if that is not 0. Changed with the timer disarmed, under
	 * itimer_mutex.
	 */
	struct timer_list real_timer;
	u64 it_real_incr;
	struct task_struct *leader;	/* [I] */
};

/* kernel/time/itimer.c: set up a new group's timer; stop it at exit. */
void itimer_init(struct signal_struct *sig, struct task_struct *leader);
void itimer_exit(struct signal_struct *sig);

/* A signal about to be handled: which, how, and what it says. */
struct ksignal {
	int sig;
	struct sigaction ka;
	kernel_siginfo_t info;
};

struct pt_regs;

/* kernel/signal.c, for the arch's frame code and the syscalls */
void do_signal(struct pt_regs *regs);
void set_current_blocked(const sigset_t *set);
bool on_sig_stack(unsigned long sp);
/* The stack pointer a handler's frame goes below (the altstack?). */
unsigned long sigsp(unsigned long sp, const struct ksignal *ksig);

/*
 * The arch (arch/<arch>/kernel/signal.c): build the frame for @ksig on
 * the user stack, saving @regs and @oldset, and point @regs at the
 * handler. 0, or -EFAULT if the frame could not be written. The arch's
 * sys_rt_sigreturn undoes it.
 */
int arch_setup_rt_frame(struct ksignal *ksig, sigset_t *oldset,
			struct pt_regs *regs);

/* Linux-like default limits for init (kernel/resource.c). */
void rlimit_init_default(struct rlimit64 *rlim);

#endif /* ANVIL_SCHED_SIGNAL_H */
