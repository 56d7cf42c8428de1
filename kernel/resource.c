// SPDX-License-Identifier: MIT
/*
 * kernel/resource.c: resource limits, getrlimit/setrlimit/prlimit64
 * (Linux has them in kernel/sys.c).
 *
 * A process's limits live in its signal_struct (shared by its threads),
 * guarded by the sighand's siglock; fork copies them, and init starts
 * with rlimit_init_default()'s. anvil is root-only, so raising a hard
 * limit is allowed as it is for Linux's root (CAP_SYS_RESOURCE).
 *
 * Which limits anvil enforces is up to the code that owns each resource;
 * these calls only store and report them. Today: none is enforced.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/resource.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/sched/task.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>

#define SZ_8M (8 * SZ_1M)

/*
 * Linux's defaults for init (INIT_RLIMITS), with one change: Linux sizes
 * RLIMIT_NPROC and RLIMIT_SIGPENDING from memory at boot (max_threads /
 * 2); anvil fixes them at 4096 tasks and signals.
 */
void rlimit_init_default(struct rlimit64 *rlim)
{
	unsigned int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		rlim[i] = (struct rlimit64){ RLIM_INFINITY, RLIM_INFINITY };
	rlim[RLIMIT_STACK] = (struct rlimit64){ SZ_8M, RLIM_INFINITY };
	rlim[RLIMIT_CORE] = (struct rlimit64){ 0, RLIM_INFINITY };
	rlim[RLIMIT_NPROC] = (struct rlimit64){ 4096, 4096 };
	rlim[RLIMIT_NOFILE] = (struct rlimit64){ 1024, 4096 };
	rlim[RLIMIT_MEMLOCK] = (struct rlimit64){ SZ_8M, SZ_8M };
	rlim[RLIMIT_SIGPENDING] = (struct rlimit64){ 4096, 4096 };
	rlim[RLIMIT_MSGQUEUE] = (struct rlimit64){ 819200, 819200 };
	rlim[RLIMIT_NICE] = (struct rlimit64){ 0, 0 };
	rlim[RLIMIT_RTPRIO] = (struct rlimit64){ 0, 0 };
}

/*
 * Read @tsk's limit into @old and/or replace it with @new, as one step
 * under the siglock. The caller keeps @tsk alive (it is current, or
 * tasklist_lock is held).
 */
static int do_prlimit(struct task_struct *tsk, unsigned int resource,
		      const struct rlimit64 *new, struct rlimit64 *old)
{
	struct rlimit64 *rlim;
	unsigned long flags;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)
			return -EPERM;
	}
	/* A kernel thread has no signal_struct, so no limits to show. */
	if (!tsk->signal || !tsk->sighand)
		return -EINVAL;
	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	rlim = &tsk->signal->rlim[resource];
	if (old)
		*old = *rlim;
	if (new)
		*rlim = *new;
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit64 value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (ret)
		return ret;
	return copy_to_user(rlim, &value, sizeof(value)) ? -EFAULT : 0;
}
/* ppc64's "unsigned" getrlimit is the only one a 64-bit process has. */
#ifdef __NR_ugetrlimit
SYSCALL_ENTRY_ALIAS(ugetrlimit, getrlimit);
#endif

SYSCALL_DEFINE2(setrlimit, unsigned int, resource,
		const struct rlimit __user *, rlim)
{
	struct rlimit64 value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(current, resource, &value, NULL);
}

SYSCALL_DEFINE4(prlimit64, int, pid,
		unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 new, old;
	struct task_struct *tsk;
	int ret;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	if (pid == 0 || pid == current->pid) {
		ret = do_prlimit(current, resource, new_rlim ? &new : NULL,
				 old_rlim ? &old : NULL);
	} else {
		/* tasklist_lock, then the siglock: the signal code's order. */
		spin_lock(&tasklist_lock);
		tsk = pid > 0 ? find_task_by_pid(pid) : NULL;
		ret = tsk ? do_prlimit(tsk, resource, new_rlim ? &new : NULL,
				       old_rlim ? &old : NULL)
			  : -ESRCH;
		spin_unlock(&tasklist_lock);
	}
	if (ret)
		return ret;
	if (old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
