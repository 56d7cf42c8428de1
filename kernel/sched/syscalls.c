// SPDX-License-Identifier: MIT
/*
 * kernel/sched/syscalls.c: the scheduler's system calls about CPUs:
 * sched_setaffinity, sched_getaffinity, getcpu. (sched_yield is in
 * kernel/sys.c.)
 *
 * The user's CPU mask is Linux's: an array of unsigned longs, bit n for
 * CPU n, of whatever length the caller chose. anvil's cpumask_t is one
 * u64 (<anvil/cpumask.h>), so the kernel's mask is 8 bytes, which is
 * what sched_getaffinity returns, like Linux's cpumask_size().
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/sched/task.h>
#include <anvil/smp.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>

/* The CPUs that can exist: anything above NR_CPUS is ignored. */
#define CPU_POSSIBLE_MASK                                                  \
	(NR_CPUS >= 64 ? CPU_MASK_ALL : (cpumask_of(NR_CPUS) - 1))

SYSCALL_DEFINE3(sched_setaffinity, int, pid,
		unsigned int, len,
		const unsigned long __user *, user_mask_ptr)
{
	cpumask_t mask = 0;
	struct task_struct *t;
	long ret;

	/* Shorter than ours: the rest is zero. Longer: CPUs we can't have. */
	if (copy_from_user(&mask, user_mask_ptr,
			   min(len, (unsigned int)sizeof(mask))))
		return -EFAULT;
	mask &= CPU_POSSIBLE_MASK;
	/* set_cpus_allowed() says EINVAL for a mask with no online CPU. */
	if (pid < 0)
		return -ESRCH;
	/* Itself: set_cpus_allowed() may move it, so no lock held. */
	if (pid == 0 || pid == current->pid)
		return set_cpus_allowed(current, mask);

	/* tasklist_lock keeps the task from being freed while we use it. */
	spin_lock(&tasklist_lock);
	t = find_task_by_pid(pid);
	if (!t)
		ret = -ESRCH;
	else if (!t->mm)
		ret = -EINVAL;	/* a kernel thread (idle, per-CPU): Linux's
				 * PF_NO_SETAFFINITY refusal */
	else
		ret = set_cpus_allowed(t, mask);
	spin_unlock(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE3(sched_getaffinity, int, pid,
		unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct task_struct *t = current;
	cpumask_t mask;

	/* Too short for every possible CPU, or not whole longs (Linux's). */
	if (len * 8ULL < NR_CPUS || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	if (pid < 0)
		return -ESRCH;
	if (pid != 0 && pid != current->pid) {
		spin_lock(&tasklist_lock);
		t = find_task_by_pid(pid);
		if (t)
			mask = READ_ONCE(t->cpus_allowed);
		spin_unlock(&tasklist_lock);
		if (!t)
			return -ESRCH;
	} else {
		mask = READ_ONCE(t->cpus_allowed);
	}
	mask &= cpu_online_mask();
	len = min(len, (unsigned int)sizeof(mask));
	if (copy_to_user(user_mask_ptr, &mask, len))
		return -EFAULT;
	return len;
}

/*
 * The CPU the caller runs on; stale as soon as it returns unless the
 * task is pinned. anvil has one NUMA node. The third argument is a
 * cache Linux has ignored since 2.6.24.
 */
SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup,
		unsigned int __user *, nodep,
		void __user *, unused)
{
	unsigned int cpu = raw_smp_processor_id();

	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(0U, nodep))
		return -EFAULT;
	return 0;
}
