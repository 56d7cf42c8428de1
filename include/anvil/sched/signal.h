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
#include <anvil/wait.h>

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
};

#endif /* ANVIL_SCHED_SIGNAL_H */
