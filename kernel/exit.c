// SPDX-License-Identifier: MIT
/*
 * kernel/exit.c: how a process ends, and how its parent learns of it.
 *
 *   exit(2) / exit_group(2) / a fatal signal
 *     do_group_exit()     every thread of the process goes (signal.c
 *                         sends them SIGKILL), this one first
 *     do_exit()           drop the address space, files, cwd; then
 *     exit_notify()       give the children to init, become a zombie
 *                         and tell the parent (SIGCHLD, wake its wait4)
 *     kthread_exit()      the last switch away; the stack is still in
 *                         use until then
 *   wait4(2) in the parent
 *     wait_consider_task  a zombie child matches: take its status
 *     release_task()      wait for its last switch, free it
 *
 * A zombie is the task_struct and kernel stack of a process that has
 * exited, kept only so the parent can read its status. Orphans are
 * adopted by init (pid 1), which reaps them. A task nobody will wait for
 * (a thread, or the child of a parent ignoring SIGCHLD) is "self-reaping":
 * it goes straight to EXIT_DEAD and the reaper thread frees it.
 *
 * Locking: tasklist_lock guards the family links (real_parent, children,
 * sibling) and exit_state; it nests outside every siglock.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mm_types.h>
#include <anvil/sched.h>
#include <anvil/sched/mm.h>
#include <anvil/sched/signal.h>
#include <anvil/slab.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <anvil/wait.h>

#include <anvil/sched/task.h>

/* wait4 options (Linux's) */
#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WCONTINUED 0x00000008
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

/* init: the reaper of orphans. Set when kernel_init becomes a process. */
struct task_struct *child_reaper;

/* ---- the reaper thread: frees self-reaping tasks --------------------- */

static LIST_HEAD(reap_list);		/* [reap_lock] via ->sibling */
static DEFINE_SPINLOCK(reap_lock);
static struct task_struct *reaper;

static void reaper_thread(void *unused)
{
	struct task_struct *t;

	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		spin_lock(&reap_lock);
		t = list_first_entry_or_null(&reap_list, struct task_struct,
					     sibling);
		if (t)
			list_del_init(&t->sibling);
		spin_unlock(&reap_lock);
		if (!t) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		release_task(t);
	}
}

void exit_init(void)
{
	reaper = kthread_run(reaper_thread, NULL, "reaper");
	if (!reaper)
		panic("cannot start the reaper thread");
}

/* Hand @t, already EXIT_DEAD and off every family list, to the reaper. */
static void reap_later(struct task_struct *t)
{
	spin_lock(&reap_lock);
	list_add_tail(&t->sibling, &reap_list);
	spin_unlock(&reap_lock);
	wake_up_process(reaper);
}

/* ---- freeing ------------------------------------------------------------ */

static void put_signal_struct(struct signal_struct *sig)
{
	struct sigqueue *q, *n;

	if (!atomic_dec_and_test(&sig->count))
		return;
	list_for_each_entry_safe(q, n, &sig->shared_pending.list, list)
		kfree(q);
	kfree(sig);
}

static void put_sighand(struct sighand_struct *sh)
{
	if (atomic_dec_and_test(&sh->count))
		kfree(sh);
}

/*
 * release_task - free a task that has exited for good. Its last switch
 * away may still be under way on another CPU: kthread_join() waits for
 * it, then frees the stack and the struct.
 */
void release_task(struct task_struct *t)
{
	struct sigqueue *q, *n;

	list_for_each_entry_safe(q, n, &t->pending.list, list)
		kfree(q);
	if (t->sighand)
		put_sighand(t->sighand);
	if (t->signal) {
		put_signal_struct(t->signal);
		atomic_dec(&nr_threads);	/* room for another fork */
	}
	kthread_join(t);
}

/* ---- exit --------------------------------------------------------------- */

static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return;
	/*
	 * The page-table root stays until the CPU has switched away from
	 * it: active_mm keeps a reference (mm_count) that the scheduler
	 * drops after the switch.
	 */
	mmgrab(mm);
	/* /proc's get_task_mm() reads ->mm of other tasks under it. */
	spin_lock(&tasklist_lock);
	current->mm = NULL;
	spin_unlock(&tasklist_lock);
	mmput(mm);
}

static void exit_files(void)
{
	struct files_struct *files = current->files;

	if (files) {
		current->files = NULL;
		put_files_struct(files);
	}
}

static void exit_fs(void)
{
	struct fs_struct *fs = current->fs;

	if (fs) {
		current->fs = NULL;
		put_fs_struct(fs);
	}
}

/* Hand our children to init; a zombie among them is init's to reap. */
static void forget_original_parent(struct task_struct *dead)
{
	struct task_struct *c, *n;
	bool zombies = false;

	list_for_each_entry_safe(c, n, &dead->children, sibling) {
		c->real_parent = child_reaper;
		list_move_tail(&c->sibling, &child_reaper->children);
		if (c->exit_state == EXIT_ZOMBIE)
			zombies = true;
	}
	if (zombies)
		wake_up_all(&child_reaper->signal->wait_chldexit);
}

/*
 * Would the parent ignore our SIGCHLD (SIG_IGN or SA_NOCLDWAIT)? Then,
 * as POSIX says, nobody waits for us: we reap ourselves.
 */
static bool parent_ignores_exit(struct task_struct *parent)
{
	struct sigaction *sa = &parent->sighand->action[SIGCHLD - 1];

	return sa->sa_handler == SIG_IGN || (sa->sa_flags & SA_NOCLDWAIT);
}

/*
 * The last thread of @leader's process is gone: tell the leader's parent
 * (once). Returns true if nobody will wait, so the leader is to be freed
 * now. tasklist_lock held.
 */
static bool notify_parent_of_group(struct task_struct *leader)
{
	struct task_struct *parent = leader->real_parent;
	bool autoreap;

	if (leader->signal->parent_notified)
		return false;
	leader->signal->parent_notified = true;
	autoreap = !parent || leader->exit_signal <= 0 ||
		   parent_ignores_exit(parent);
	if (autoreap) {
		leader->exit_state = EXIT_DEAD;
		list_del_init(&leader->sibling);
	} else {
		do_notify_parent(leader, leader->exit_signal);
	}
	if (parent)
		wake_up_all(&parent->signal->wait_chldexit);
	return autoreap;
}

/*
 * exit_notify - @t leaves its family. A thread is freed at once (nobody
 * waits for threads). The leader stays a zombie until its parent waits;
 * if other threads still run, the parent hears of it only when the last
 * of them exits (Linux's delay_group_leader).
 */
static void exit_notify(struct task_struct *t)
{
	struct task_struct *leader = t->group_leader;
	bool reap_self = false, reap_leader = false;
	unsigned long flags;
	int live;

	spin_lock(&tasklist_lock);
	if (t == leader && t != child_reaper)
		forget_original_parent(t);
	spin_lock_irqsave(&t->sighand->siglock, flags);
	list_del_init(&t->thread_node);
	live = t->signal->nr_threads;
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	if (t == leader) {
		t->exit_state = EXIT_ZOMBIE;
		if (live == 0)
			reap_self = notify_parent_of_group(t);
	} else {
		t->exit_state = EXIT_DEAD;
		reap_self = true;
		if (live == 0 && leader->exit_state == EXIT_ZOMBIE)
			reap_leader = notify_parent_of_group(leader);
	}
	spin_unlock(&tasklist_lock);
	if (reap_self)
		reap_later(t);
	if (reap_leader)
		reap_later(leader);
}

/*
 * do_exit - the current task ends with wait status @code. A kernel
 * thread that never became a process just ends (its creator joins it).
 */
void do_exit(int code)
{
	struct task_struct *t = current;

	if (t == child_reaper)
		panic("init (pid 1) exited with status 0x%x", code);
	t->exit_code = code;
	if (t->clear_child_tid) {
		/* CLONE_CHILD_CLEARTID: the joiner of a thread waits on it. */
		put_user(0, t->clear_child_tid);
		futex_wake_address(t->clear_child_tid);
	}
	exit_mm();
	mm_release_vfork(t);
	exit_files();
	exit_fs();
	if (t->signal) {
		exit_signals(t);
		exit_notify(t);
	}
	kthread_exit();
}

/*
 * do_group_exit - the whole process ends with status @code: its other
 * threads are killed (and exit on their way back to user mode), this
 * one exits now.
 */
void do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;

	if (sig)
		code = zap_other_threads(code);
	do_exit(code);
}

SYSCALL_DEFINE1(exit, int, code)
{
	do_exit((code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, code)
{
	do_group_exit((code & 0xff) << 8);
}

/* ---- wait4 -------------------------------------------------------------- */

/* Does child @p match wait4's @pid (-1 any, > 0 that one, 0/< -1 a group)? */
static bool eligible_child(struct task_struct *p, int pid, int options)
{
	if (pid > 0)
		return p->tgid == pid;
	if (pid == 0)
		return p->signal->pgrp == current->signal->pgrp;
	if (pid < -1)
		return p->signal->pgrp == -pid;
	/* __WCLONE: only "clone" children (exit signal not SIGCHLD). */
	if (!(options & __WALL) &&
	    !!(options & __WCLONE) != (p->exit_signal != SIGCHLD))
		return false;
	return true;
}

/*
 * One pass over our children (and, as in Linux, the children of every
 * thread of ours: we parent them all to the group leader). Returns the
 * pid reaped, 0 if a match lives on, -ECHILD if none matches. Fills
 * *@status. Called with tasklist_lock held; drops it if it reaps.
 */
static int wait_scan(int pid, int options, int *status, bool *unlocked)
{
	struct task_struct *leader = current->group_leader, *p;
	bool any = false;
	int ret;

	list_for_each_entry(p, &leader->children, sibling) {
		if (!eligible_child(p, pid, options))
			continue;
		any = true;
		if (p->exit_state != EXIT_ZOMBIE || !p->signal->parent_notified)
			continue;	/* alive, or threads of it still are */
		/* Take it: it is ours now, nobody else can reap it. */
		p->exit_state = EXIT_DEAD;
		list_del_init(&p->sibling);
		*status = (p->signal->flags & SIGNAL_GROUP_EXIT) ?
				  p->signal->group_exit_code : p->exit_code;
		ret = p->tgid;
		spin_unlock(&tasklist_lock);
		*unlocked = true;
		release_task(p);
		return ret;
	}
	return any ? 0 : -ECHILD;
}

long kernel_wait4(int pid, int *status, int options)
{
	wait_queue_head_t *wq = &current->signal->wait_chldexit;
	DEFINE_WAIT(w);
	bool unlocked;
	int ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WALL | __WCLONE))
		return -EINVAL;
	if (pid == INT_MIN)	/* -INT_MIN overflows: Linux says ESRCH */
		return -ESRCH;
	for (;;) {
		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		unlocked = false;
		spin_lock(&tasklist_lock);
		ret = wait_scan(pid, options, status, &unlocked);
		if (!unlocked)
			spin_unlock(&tasklist_lock);
		if (ret != 0 || (options & WNOHANG))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(wq, &w);
	return ret;
}

SYSCALL_DEFINE4(wait4, int, pid,
		int __user *, stat_addr,
		int, options,
		void __user *, rusage)
{
	int status = 0;
	long ret = kernel_wait4(pid, &status, options);

	if (ret > 0 && stat_addr && put_user(status, stat_addr))
		return -EFAULT;
	/* No accounting yet: a zeroed struct rusage (144 bytes, Linux's). */
	if (ret > 0 && rusage && clear_user(rusage, 144))
		return -EFAULT;
	return ret;
}
