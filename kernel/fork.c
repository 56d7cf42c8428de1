// SPDX-License-Identifier: MIT
/*
 * kernel/fork.c: new processes and threads: fork, vfork, clone, and
 * init's own making. The address-space half of fork (dup_mm) is in
 * mm/mm_struct.c.
 */
#include <anvil/completion.h>
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/param.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/sched/mm.h>
#include <anvil/sched/signal.h>
#include <anvil/sched/task.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <asm/mmu_context.h>

/* ---- processes ---------------------------------------------------------
 *
 * fork, vfork and clone all come to kernel_clone(): copy_process() builds
 * the child from the parent, sharing or copying each part as the clone
 * flags say, then the child is made runnable. It starts as every new
 * task does (kthread_entry, finishing the switch into it), then
 * ret_from_fork() leaves for user mode through the registers
 * arch_copy_thread() copied from the parent's syscall frame: the child
 * returns from the same fork as its parent, with 0.
 *
 *	part		shared with		else
 *	address space	CLONE_VM		dup_mm (copy-on-write)
 *	open files	CLONE_FILES		dup_fd
 *	root, cwd	CLONE_FS		copy_fs_struct
 *	handlers	CLONE_SIGHAND		a copy
 *	process		CLONE_THREAD		a new signal_struct, pid = tgid
 */

#define DEFAULT_MAX_THREADS 512

unsigned int max_threads = DEFAULT_MAX_THREADS;
/* User tasks (processes' threads) that exist, zombies included. */
atomic_t nr_threads = ATOMIC_INIT(0);

static int set_max_threads(const char *val)
{
	char *end;
	unsigned long n;

	if (!val)
		return -1;
	n = strtoul(val, &end, 0);
	if (*end || n < 2 || n > 65536)
		return -1;
	max_threads = n;
	return 0;
}
kernel_param("anvil.max_threads", set_max_threads,
	     "most user tasks at once; fork/clone say EAGAIN beyond (512)");

int nr_processes(void)
{
	return atomic_read(&nr_threads);
}

/* The child's first steps in the kernel, on its own stack. */
static void ret_from_fork(void *unused)
{
	struct task_struct *t = current;

	if (t->set_child_tid)
		put_user(t->pid, t->set_child_tid);
	arch_return_to_user(task_pt_regs(t));
}

static int copy_mm(unsigned long flags, struct task_struct *p)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return -EINVAL;	/* only processes fork */
	if (flags & CLONE_VM) {
		mmget(mm);
	} else {
		mm = dup_mm(mm);
		if (!mm)
			return -ENOMEM;
	}
	p->mm = mm;
	p->active_mm = mm;
	return 0;
}

static int copy_files(unsigned long flags, struct task_struct *p)
{
	int err = 0;

	if (flags & CLONE_FILES) {
		atomic_inc(&current->files->count);
		p->files = current->files;
		return 0;
	}
	p->files = dup_fd(current->files, &err);
	return p->files ? 0 : err;
}

static int copy_fs(unsigned long flags, struct task_struct *p)
{
	if (flags & CLONE_FS) {
		get_fs_struct(current->fs);
		p->fs = current->fs;
		return 0;
	}
	p->fs = copy_fs_struct(current->fs);
	return p->fs ? 0 : -ENOMEM;
}

static int copy_sighand(unsigned long flags, struct task_struct *p)
{
	struct sighand_struct *sh = current->sighand;
	unsigned long irqflags;

	if (flags & CLONE_SIGHAND) {
		atomic_inc(&sh->count);
		p->sighand = sh;
		return 0;
	}
	p->sighand = kzalloc(sizeof(*sh), GFP_KERNEL);
	if (!p->sighand)
		return -ENOMEM;
	atomic_set(&p->sighand->count, 1);
	spin_lock_init(&p->sighand->siglock);
	spin_lock_irqsave(&sh->siglock, irqflags);
	memcpy(p->sighand->action, sh->action, sizeof(sh->action));
	spin_unlock_irqrestore(&sh->siglock, irqflags);
	return 0;
}

static struct signal_struct *alloc_signal_struct(void)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	atomic_set(&sig->count, 1);
	sig->nr_threads = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	INIT_LIST_HEAD(&sig->shared_pending.list);
	init_waitqueue_head(&sig->wait_chldexit);
	return sig;
}

static int copy_signal(unsigned long flags, struct task_struct *p)
{
	struct signal_struct *cur = current->signal, *sig;
	unsigned long irqflags;

	if (flags & CLONE_THREAD) {
		spin_lock_irqsave(&current->sighand->siglock, irqflags);
		atomic_inc(&cur->count);
		cur->nr_threads++;
		spin_unlock_irqrestore(&current->sighand->siglock, irqflags);
		p->signal = cur;
		return 0;
	}
	sig = alloc_signal_struct();
	if (!sig)
		return -ENOMEM;
	spin_lock_irqsave(&current->sighand->siglock, irqflags);
	memcpy(sig->rlim, cur->rlim, sizeof(sig->rlim));
	spin_unlock_irqrestore(&current->sighand->siglock, irqflags);
	sig->pgrp = cur->pgrp;
	sig->session = cur->session;
	itimer_init(sig, p);		/* a fork's alarm starts unarmed */
	p->signal = sig;
	return 0;
}

/* Linux's rules for flag combinations that make no sense. */
static int check_clone_flags(unsigned long flags)
{
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if (flags & (CLONE_NEWNS | CLONE_PIDFD | CLONE_PTRACE | CLONE_UNTRACED))
		return -EINVAL;	/* namespaces, pidfds, ptrace: not in anvil */
	if (flags & 0xfe000000)	/* the namespace and io flags */
		return -EINVAL;
	return 0;
}

/* Undo what copy_process set up in @p before it could run. */
static void free_half_made(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	if (p->files)
		put_files_struct(p->files);
	if (p->fs)
		put_fs_struct(p->fs);
	if (p->sighand && atomic_dec_and_test(&p->sighand->count))
		kfree(p->sighand);
	if (p->signal && p->signal != current->signal) {
		kfree(p->signal);
	} else if (p->signal) {		/* CLONE_THREAD: undo copy_signal */
		unsigned long irqflags;

		spin_lock_irqsave(&current->sighand->siglock, irqflags);
		p->signal->nr_threads--;
		atomic_dec(&p->signal->count);
		spin_unlock_irqrestore(&current->sighand->siglock, irqflags);
	}
	kthread_free_unstarted(p);
}

static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	unsigned long flags = args->flags;
	struct task_struct *p;
	int err;

	err = check_clone_flags(flags);
	if (err)
		return ERR_PTR(err);
	if (atomic_inc_return(&nr_threads) > (int)max_threads) {
		atomic_dec(&nr_threads);
		return ERR_PTR(-EAGAIN);
	}
	p = kthread_create(ret_from_fork, NULL, current->comm);
	if (!p) {
		atomic_dec(&nr_threads);
		return ERR_PTR(-ENOMEM);
	}
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->thread_node);
	INIT_LIST_HEAD(&p->pending.list);
	p->cpus_allowed = current->cpus_allowed;
	p->blocked = current->blocked;
	if (!(flags & CLONE_VM) || (flags & CLONE_VFORK)) {
		p->sas_ss_sp = current->sas_ss_sp;
		p->sas_ss_size = current->sas_ss_size;
		p->sas_ss_flags = current->sas_ss_flags;
	}
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;

	err = copy_mm(flags, p);
	if (!err)
		err = copy_files(flags, p);
	if (!err)
		err = copy_fs(flags, p);
	if (!err)
		err = copy_sighand(flags, p);
	if (!err)
		err = copy_signal(flags, p);
	if (!err)
		err = arch_copy_thread(p, args->stack, flags & CLONE_SETTLS,
				       args->tls);
	if (err) {
		free_half_made(p);
		atomic_dec(&nr_threads);
		return ERR_PTR(err);
	}
	if (flags & CLONE_THREAD) {
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
		p->exit_signal = -1;
	} else {
		p->tgid = p->pid;
		p->group_leader = p;
		p->exit_signal = args->exit_signal;
	}
	return p;
}

/* Link @p into the family and the thread group: now it exists. */
static void attach_process(struct task_struct *p, unsigned long flags)
{
	unsigned long irqflags;

	spin_lock(&tasklist_lock);
	if (flags & (CLONE_PARENT | CLONE_THREAD))
		p->real_parent = current->group_leader->real_parent;
	else
		p->real_parent = current->group_leader;
	/* Only a process, not a thread, is its parent's child (wait4). */
	if (p->group_leader == p && p->real_parent)
		list_add_tail(&p->sibling, &p->real_parent->children);
	/* signal.c walks the threads under the siglock: take it too. */
	spin_lock_irqsave(&p->sighand->siglock, irqflags);
	list_add_tail(&p->thread_node, &p->signal->thread_head);
	spin_unlock_irqrestore(&p->sighand->siglock, irqflags);
	spin_unlock(&tasklist_lock);
}

long kernel_clone(struct kernel_clone_args *args)
{
	struct completion vfork;
	struct task_struct *p;
	int pid;

	if (args->exit_signal < 0 || args->exit_signal > _NSIG)
		return -EINVAL;
	p = copy_process(args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if ((args->flags & CLONE_PARENT_SETTID) &&
	    put_user(pid, args->parent_tid)) {
		/* Linux writes it regardless; a bad pointer is the caller's. */
	}
	if (args->flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
	}
	attach_process(p, args->flags);
	kthread_start(p);
	/*
	 * vfork: the child borrows our memory (CLONE_VM) until it execs or
	 * exits, so we must not run until then. The wait is uninterruptible,
	 * as Linux's is killable only: the child ends it soon.
	 */
	if (args->flags & CLONE_VFORK)
		wait_for_completion(&vfork);
	return pid;
}

/* Called by exec (the old mm is gone) and exit: a vfork parent may go. */
void mm_release_vfork(struct task_struct *t)
{
	struct completion *done = t->vfork_done;

	if (done) {
		t->vfork_done = NULL;
		complete(done);
	}
}

#ifdef __NR_fork
SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}
#endif

#ifdef __NR_vfork
SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}
#endif

/*
 * clone(flags, stack, parent_tid, child_tid, tls) on x86_64; powerpc
 * passes tls before child_tid (Linux's CLONE_BACKWARDS). The arch says
 * which through asm/unistd.h's __ARCH_CLONE_TLS_BEFORE_CHILD_TID.
 */
SYSCALL_DEFINE5(clone, unsigned long, flags,
		unsigned long, stack,
		int __user *, parent_tid,
		unsigned long, a4,
		unsigned long, a5)
{
	struct kernel_clone_args args = {
		.flags = flags & ~CSIGNAL,
		.exit_signal = flags & CSIGNAL,
		.stack = stack,
		.parent_tid = parent_tid,
	};

#ifdef __ARCH_CLONE_TLS_BEFORE_CHILD_TID
	args.tls = a4;
	args.child_tid = (int __user *)a5;
#else
	args.child_tid = (int __user *)a4;
	args.tls = a5;
#endif
	return kernel_clone(&args);
}

#ifdef __NR_clone3
/* Linux's struct clone_args, version 2 (88 bytes); every field a u64. */
struct clone_args {
	u64 flags, pidfd, child_tid, parent_tid, exit_signal, stack,
		stack_size, tls, set_tid, set_tid_size, cgroup;
};
#define CLONE_ARGS_SIZE_VER0 64		/* up to tls */

/*
 * Copy a struct that user space may know in an older (shorter) or newer
 * (longer) version than ours: missing fields read as zero, and unknown
 * ones must be zero (E2BIG), as Linux's copy_struct_from_user().
 */
static int copy_struct_from_user(void *dst, size_t ksize,
				 const void __user *src, size_t usize)
{
	size_t n = min(ksize, usize);

	memset(dst, 0, ksize);
	if (copy_from_user(dst, src, n))
		return -EFAULT;
	for (size_t off = n; off < usize; off++) {
		u8 c;

		if (get_user(c, (const u8 __user *)src + off))
			return -EFAULT;
		if (c)
			return -E2BIG;
	}
	return 0;
}

/*
 * clone3(args, size): clone with its arguments in a struct, and a stack
 * given as base and size (the child starts at the top, stacks growing
 * down on both arches). glibc's pthread_create calls it first.
 */
SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	struct clone_args ca;
	struct kernel_clone_args args;
	int err;

	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	if (size > PAGE_SIZE)
		return -E2BIG;
	err = copy_struct_from_user(&ca, sizeof(ca), uargs, size);
	if (err)
		return err;
	/*
	 * The signal has a field of its own; pidfds (CLONE_PIDFD: the pidfd
	 * field means nothing without it, and glibc fills it anyway),
	 * set_tid and cgroups are not anvil's.
	 */
	if ((ca.flags & (CSIGNAL | CLONE_PIDFD)) || ca.flags >> 32 ||
	    ca.set_tid || ca.set_tid_size || ca.cgroup ||
	    ca.exit_signal > _NSIG || !ca.stack != !ca.stack_size)
		return -EINVAL;
	args = (struct kernel_clone_args){
		.flags = ca.flags,
		.exit_signal = (int)ca.exit_signal,
		.stack = ca.stack ? ca.stack + ca.stack_size : 0,
		.tls = ca.tls,
		.parent_tid = (int __user *)(unsigned long)ca.parent_tid,
		.child_tid = (int __user *)(unsigned long)ca.child_tid,
	};
	return kernel_clone(&args);
}
#endif

/*
 * make_init_process - the current kernel thread (kernel_init) becomes
 * the first process, init: its own thread group and session, an fd
 * table, the root filesystem's root and cwd, default handlers and
 * limits. Its children and every orphan are its to reap.
 */
int make_init_process(void)
{
	struct task_struct *t = current;

	t->signal = alloc_signal_struct();
	t->sighand = kzalloc(sizeof(*t->sighand), GFP_KERNEL);
	t->files = alloc_files_struct();
	t->fs = copy_fs_struct(&init_fs);
	if (!t->signal || !t->sighand || !t->files || !t->fs)
		return -ENOMEM;
	itimer_init(t->signal, t);
	atomic_set(&t->sighand->count, 1);
	spin_lock_init(&t->sighand->siglock);
	rlimit_init_default(t->signal->rlim);
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	INIT_LIST_HEAD(&t->pending.list);
	t->tgid = t->pid;
	t->group_leader = t;
	t->signal->pgrp = t->pid;
	t->signal->session = t->pid;
	spin_lock(&tasklist_lock);
	INIT_LIST_HEAD(&t->thread_node);
	list_add_tail(&t->thread_node, &t->signal->thread_head);
	child_reaper = t;
	spin_unlock(&tasklist_lock);
	atomic_inc(&nr_threads);
	return 0;
}
