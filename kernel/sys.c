// SPDX-License-Identifier: MIT
/*
 * kernel/sys.c: system call dispatch, and the calls that are about the
 * task itself. Every handler is defined with SYSCALL_DEFINEn
 * (<anvil/syscalls.h>), which ties it to its number; syscall_table_init()
 * gathers those records into the table at boot. A number with no handler returns
 * -ENOSYS and is reported once, so a student running a new program sees
 * which call anvil lacks.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mman.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/sched/task.h>
#include <anvil/syscalls.h>
#include <asm/page.h>
#include <asm/unistd.h>

/* One bit per number already reported as missing. */
static unsigned long enosys_seen[1024 / (8 * sizeof(unsigned long))];

/*
 * Missing on purpose, and asked for by every program of a C library
 * that copes with ENOSYS: not worth a report. glibc probes rseq at
 * startup and runs without it, as on a Linux built without CONFIG_RSEQ.
 */
static bool quietly_missing(long nr)
{
#ifdef __NR_rseq
	if (nr == __NR_rseq)
		return true;
#endif
	return false;
}

static long sys_ni_syscall(long nr)
{
	unsigned long bits = 8 * sizeof(unsigned long);

	if (nr >= 0 && nr < 1024 && !quietly_missing(nr) &&
	    !test_and_set_bit(nr % bits, &enosys_seen[nr / bits]))
		pr_warn("anvil: %s[%d]: system call %ld is not implemented (ENOSYS)\n",
			current->comm, current->pid, nr);
	return -ENOSYS;
}

long do_syscall(struct pt_regs *regs)
{
	long nr = syscall_get_nr(regs);
	unsigned long a[6];
	const struct syscall_entry *e;

	if (nr < 0 || (unsigned long)nr >= NR_syscalls)
		return sys_ni_syscall(nr);
	e = &sys_call_table[nr];
	if (!e->fn)
		return sys_ni_syscall(nr);
	syscall_get_arguments(regs, a);
	return e->fn(a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* A process's id is its thread group's: the leader's pid. */
SYSCALL_DEFINE0(getpid)
{
	return current->tgid ? current->tgid : current->pid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* The mmap family on the caller's address space (mm/mmap.c). */
SYSCALL_DEFINE6(mmap, unsigned long, addr,
		unsigned long, len,
		unsigned long, prot,
		unsigned long, flags,
		unsigned long, fd,
		unsigned long, off)
{
	struct file *file = NULL;
	long ret;

	if (!current->mm)
		return -EINVAL;
	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget((unsigned int)fd);
		if (!file)
			return -EBADF;
	}
	/* The VMA takes its own reference; ours is for the call. */
	ret = (long)do_mmap_file(current->mm, file, addr, len, prot, flags,
				 off);
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, unsigned long, len)
{
	return current->mm ? do_munmap(current->mm, addr, len) : -EINVAL;
}

SYSCALL_DEFINE3(mprotect, unsigned long, addr,
		unsigned long, len,
		unsigned long, prot)
{
	return current->mm ? do_mprotect(current->mm, addr, len, prot) : -EINVAL;
}

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	return current->mm ? (long)do_brk(current->mm, brk) : -EINVAL;
}

/*
 * Process groups and sessions: the ids live in the process's
 * signal_struct, under tasklist_lock. anvil has no job control (no
 * controlling terminal), but kill(0, ...), kill(-pgrp, ...) and wait4 on
 * a group use them, and shells set them.
 */
static struct task_struct *find_process(int pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;

	return t && t->signal ? t->group_leader : NULL;
}

SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct task_struct *t;
	long ret = 0;

	if (pgid < 0)
		return -EINVAL;
	spin_lock(&tasklist_lock);
	t = find_process(pid);
	if (!t) {
		ret = -ESRCH;
	} else if (t != current->group_leader &&
		   t->real_parent != current->group_leader) {
		ret = -ESRCH;	/* only ourselves or our children */
	} else if (t->signal->session != current->signal->session) {
		ret = -EPERM;
	} else if (t->signal->session == t->tgid) {
		ret = -EPERM;	/* a session leader stays in its group */
	} else {
		t->signal->pgrp = pgid ? pgid : t->tgid;
	}
	spin_unlock(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	struct task_struct *t;
	long ret;

	spin_lock(&tasklist_lock);
	t = find_process(pid);
	ret = t ? t->signal->pgrp : -ESRCH;
	spin_unlock(&tasklist_lock);
	return ret;
}

#ifdef __NR_getpgrp
SYSCALL_DEFINE0(getpgrp)
{
	return sys_getpgid(0);
}
#endif

SYSCALL_DEFINE1(getsid, int, pid)
{
	struct task_struct *t;
	long ret;

	spin_lock(&tasklist_lock);
	t = find_process(pid);
	ret = t ? t->signal->session : -ESRCH;
	spin_unlock(&tasklist_lock);
	return ret;
}

/* A new session and group, led by the caller (not a group leader). */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *leader = current->group_leader, *t;
	long ret = leader->tgid;

	spin_lock(&tasklist_lock);
	for_each_process(t) {
		if (t->signal && !t->exit_state &&
		    t->signal->pgrp == leader->tgid) {
			ret = -EPERM;	/* the id is some group's already */
			break;
		}
	}
	if (ret > 0) {
		current->signal->session = leader->tgid;
		current->signal->pgrp = leader->tgid;
	}
	spin_unlock(&tasklist_lock);
	return ret;
}
