// SPDX-License-Identifier: MIT
/*
 * kernel/sys_info.c: small calls about the system and the calling
 * process: uname, sysinfo, times, getrusage, the user and group ids,
 * getppid, set_tid_address, umask. (Linux keeps most of them in
 * kernel/sys.c; they are here so that file stays the dispatcher's.)
 *
 * anvil has one user, root: every id is 0, and nothing asks for
 * permission. CPU time is not split into user and system time: all of
 * it is reported as user time (<anvil/sched/cputime.h>).
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/resource.h>
#include <anvil/sched.h>
#include <anvil/sched/cputime.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/sysinfo.h>
#include <anvil/time.h>
#include <anvil/uaccess.h>
#include <anvil/utsname.h>
#include <asm/page.h>
#include <asm/setup.h>

/*
 * sysname is "anvil", so a program that prints it tells the truth; the
 * release is a Linux version so that version checks pass (see
 * <anvil/utsname.h>). The version string carries the build time, as
 * Linux's does.
 */
const struct new_utsname init_uts = {
	.sysname = UTS_SYSNAME,
	.nodename = UTS_NODENAME,
	.release = UTS_RELEASE,
	.version = "#1 SMP PREEMPT " __DATE__ " " __TIME__,
	.machine = ARCH_NAME,
	.domainname = UTS_DOMAINNAME,
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	return copy_to_user(name, &init_uts, sizeof(init_uts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val;
	struct task_struct *t;
	u64 now = ktime_get_ns();
	unsigned int procs = 0;

	memset(&val, 0, sizeof(val));
	/* Whole seconds, rounded up like Linux's: 0.5 s of uptime is 1. */
	val.uptime = (long)DIV_ROUND_UP(now, NSEC_PER_SEC);
	/*
	 * Bytes, in units of 1: on a 64-bit arch nothing overflows, and
	 * Linux reports the same way there (it scales mem_unit down to 1).
	 * Load averages stay 0: anvil keeps none.
	 */
	val.mem_unit = 1;
	val.totalram = totalram_pages() * PAGE_SIZE;
	val.freeram = nr_free_pages() * PAGE_SIZE;
	spin_lock(&tasklist_lock);
	for_each_process(t)
		procs++;
	spin_unlock(&tasklist_lock);
	val.procs = procs > 0xffff ? 0xffff : procs;
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}

static u64 current_group_cputime(void)
{
	u64 ns;

	spin_lock(&tasklist_lock);
	ns = thread_group_cputime(current);
	spin_unlock(&tasklist_lock);
	return ns;
}

/*
 * The process's CPU time in clock ticks, and the ticks since boot as
 * the return value (it counts from 0 at boot, so it cannot be mistaken
 * for an error for 1.3 billion years). Children's times are 0: wait4
 * does not add them up yet.
 */
SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct tms tms = { 0 };

	if (tbuf) {
		tms.tms_utime = (clock_t)(current_group_cputime() /
					  (NSEC_PER_SEC / USER_HZ));
		if (copy_to_user(tbuf, &tms, sizeof(tms)))
			return -EFAULT;
	}
	/* jiffies are already USER_HZ ticks: HZ == USER_HZ. */
	_Static_assert(HZ == USER_HZ, "times() returns jiffies unconverted");
	return (long)READ_ONCE(jiffies);
}

static struct __kernel_old_timeval ns_to_timeval(u64 ns)
{
	return (struct __kernel_old_timeval){
		.tv_sec = (long)(ns / NSEC_PER_SEC),
		.tv_usec = (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC),
	};
}

/*
 * Only the CPU time is filled in; the counters (faults, context
 * switches, max RSS) are 0. RUSAGE_CHILDREN is all 0 until wait4
 * collects the children's usage.
 */
SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	memset(&r, 0, sizeof(r));
	switch (who) {
	case RUSAGE_SELF:
		r.ru_utime = ns_to_timeval(current_group_cputime());
		break;
	case RUSAGE_THREAD:
		r.ru_utime = ns_to_timeval(task_sched_runtime(current));
		break;
	case RUSAGE_CHILDREN:
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* One user: root. */
SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

/*
 * The parent's process id. real_parent changes when the parent exits
 * (the child is handed to init), under tasklist_lock. 0 for init and
 * for kernel threads, as in Linux.
 */
SYSCALL_DEFINE0(getppid)
{
	struct task_struct *parent;
	int ppid;

	spin_lock(&tasklist_lock);
	parent = current->real_parent;
	ppid = parent ? parent->tgid : 0;
	spin_unlock(&tasklist_lock);
	return ppid;
}

/*
 * Where to write 0 (and wake a futex) when this thread exits, so a
 * pthread_join can wait on it; the C library calls this at startup.
 */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/*
 * The file-creation mask: the permission bits open/mkdir clear. Only a
 * process has an fs_struct; a kernel thread calling this is a bug.
 */
SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	unsigned int old;

	if (WARN_ON(!fs))
		return -EINVAL;
	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & S_IRWXUGO;
	spin_unlock(&fs->lock);
	return old;
}
