/* SPDX-License-Identifier: MIT */
/*
 * A process's life (kernel/fork.c, fs/exec.c, kernel/exit.c,
 * kernel/signal.c): what the pieces call in each other. The system calls
 * themselves are reached only through the syscall table.
 */
#ifndef ANVIL_SCHED_TASK_H
#define ANVIL_SCHED_TASK_H

#include <anvil/atomic.h>
#include <anvil/types.h>

struct task_struct;
struct pt_regs;

/* clone flags (Linux's) */
#define CSIGNAL 0x000000ff		/* the exit signal */
#define CLONE_VM 0x00000100
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_PIDFD 0x00001000
#define CLONE_PTRACE 0x00002000
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_NEWNS 0x00020000
#define CLONE_SYSVSEM 0x00040000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_DETACHED 0x00400000
#define CLONE_UNTRACED 0x00800000
#define CLONE_CHILD_SETTID 0x01000000

/* The most tasks that may exist at once (fork says EAGAIN beyond). */
extern unsigned int max_threads;
/* How many there are: copy_process counts up, release_task down. */
extern atomic_t nr_threads;

/* init, once kernel_init has become it: orphans' new parent. */
extern struct task_struct *child_reaper;

/* kernel/fork.c */
struct kernel_clone_args {
	unsigned long flags;
	int exit_signal;
	unsigned long stack;		/* the child's user stack, or 0 */
	unsigned long tls;
	int __user *parent_tid;
	int __user *child_tid;
};
long kernel_clone(struct kernel_clone_args *args);
/* Make the current kernel thread a process: init's own setup. */
int make_init_process(void);
int nr_processes(void);
/* The child of a vfork has let go of its parent's memory (exec, exit). */
void mm_release_vfork(struct task_struct *t);

/* kernel/exit.c */
void exit_init(void);
void release_task(struct task_struct *t);
void do_group_exit(int code) __attribute__((noreturn));
long kernel_wait4(int pid, int *status, int options);

/* kernel/signal.c */
void do_notify_parent(struct task_struct *t, int sig);
void exit_signals(struct task_struct *t);
int zap_other_threads(int code);
int send_sig(int sig, struct task_struct *t, int priv);
void flush_signal_handlers(struct task_struct *t);
struct task_struct *find_task_by_pid(int pid);
/* The console's ^C (drivers/tty/n_tty.c): 0 or -ESRCH. */
int kill_pgrp(int pgrp, int sig);
int kill_init_session(int sig);

/* kernel/futex.c */
void futex_wake_address(int __user *uaddr);

/* fs/exec.c */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

#endif /* ANVIL_SCHED_TASK_H */
