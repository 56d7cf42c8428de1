/* SPDX-License-Identifier: MIT */
/*
 * Tasks and the scheduler (kernel/sched/core.c, kernel/kthread.c).
 *
 * Every CPU has a runqueue of runnable tasks, served round-robin with a
 * time slice (SCHED_SLICE_TICKS); a CPU with nothing to run runs its idle
 * task, which halts until an interrupt. Tasks are created as kernel
 * threads (kthread_create); user processes build on them later.
 *
 * Sleeping follows Linux's pattern, which is race-free because the state
 * is set *before* the condition is checked:
 *
 *	set_current_state(TASK_UNINTERRUPTIBLE);
 *	if (!condition)
 *		schedule();
 *	__set_current_state(TASK_RUNNING);
 *
 * and the waker makes the condition true, then wake_up_process(task).
 * Wait queues (<anvil/wait.h>) package this.
 */
#ifndef ANVIL_SCHED_H
#define ANVIL_SCHED_H

#include <anvil/atomic.h>
#include <anvil/cpumask.h>
#include <anvil/list.h>
#include <anvil/lockdep.h>
#include <anvil/percpu.h>
#include <anvil/preempt.h>
#include <anvil/signal.h>
#include <anvil/spinlock.h>
#include <anvil/types.h>
#include <asm/processor.h>

#define TASK_RUNNING 0
#define TASK_INTERRUPTIBLE 1
#define TASK_UNINTERRUPTIBLE 2
#define TASK_DEAD 64
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->exit_state */
#define EXIT_ZOMBIE 16	/* exited; its parent has not waited yet */
#define EXIT_DEAD 32	/* reaped (or self-reaping): being freed */

#define TASK_COMM_LEN 16
#define SCHED_SLICE_TICKS 2	/* 20 ms at HZ=100 */
#define THREAD_SIZE_ORDER 2	/* 16 KiB kernel stacks */
#define THREAD_SIZE (PAGE_SIZE << THREAD_SIZE_ORDER)

/* task->flags bits */
#define TIF_NEED_RESCHED 0
#define TIF_SIGPENDING 1	/* a signal may be deliverable: interruptible
				 * sleeps end early, syscalls return -EINTR */


/*
 * struct task_struct
 *
 * Who may change a field:
 *	[R] the runqueue lock of task->cpu
 *	[C] only the task itself (current)
 *	[A] atomic operations
 *	[I] set at creation, then read-only
 *	[T] tasklist_lock
 */
struct mm_struct;
struct completion;

struct task_struct {
	struct thread_struct thread;	/* [R] arch context while switched out */
	unsigned int preempt_count;	/* [C] see <anvil/preempt.h> */
	unsigned long flags;		/* [A] TIF_* */
	volatile long state;		/* [C] to sleep, [R] to wake */
	int on_rq;			/* [R] on its runqueue's list */
	int on_cpu;			/* [R] running, or switching out */
	unsigned int cpu;		/* [R] the runqueue it belongs to */
	cpumask_t cpus_allowed;		/* [R] where it may run */
	int slice;			/* [R] ticks left in its time slice */
	struct list_head run_list;	/* [R] runqueue link */
	struct list_head tasks;		/* [T] every task, from init_task */
	int pid;			/* [I] */
	char comm[TASK_COMM_LEN];	/* [I] */
	void *stack;			/* [I] base of the kernel stack */
	void (*fn)(void *);		/* [I] kthread body */
	void *fn_arg;			/* [I] */
	bool exited;			/* [A] has run its last instruction */
	struct completion *exit_done;	/* [A] kthread_join's, completed by
					 * the task's last switch away */
	struct lockdep_context lockdep; /* [C] locks held */
	struct mm_struct *mm;		/* [C] user address space, or NULL
					 * for a kernel thread */
	struct mm_struct *active_mm;	/* [R] the mm loaded on its CPU (a
					 * kernel thread borrows the last) */
	int exit_code;			/* [C] wait status once it exits */
	int fatal_signal;		/* [A] forced signal still to deliver */
	unsigned long fatal_addr;	/* [A] the faulting address with it */

	/* A process (kernel/fork.c, kernel/exit.c); NULL/0 in kthreads. */
	int tgid;			/* [I] the thread group's id: the
					 * leader's pid, what getpid says */
	struct task_struct *group_leader; /* [I] */
	struct task_struct *real_parent; /* [T] init once orphaned */
	struct list_head children;	/* [T] its children's ->sibling */
	struct list_head sibling;	/* [T] in real_parent->children */
	struct list_head thread_node;	/* [T] in signal->thread_head */
	int exit_state;			/* [T] EXIT_ZOMBIE, EXIT_DEAD */
	int exit_signal;		/* [I] to the parent at exit (SIGCHLD
					 * for fork, 0 for a thread) */
	struct files_struct *files;	/* [C] open files */
	struct fs_struct *fs;		/* [C] root, cwd, umask */
	struct signal_struct *signal;	/* [I] shared by the thread group */
	struct sighand_struct *sighand;	/* [I] handlers, maybe shared */
	sigset_t blocked;		/* [C] signals not taken now */
	sigset_t saved_sigmask;		/* [C] rt_sigsuspend's caller's mask */
	bool restore_sigmask;		/* [C] put it back once handled */
	struct sigpending pending;	/* [sighand->siglock] to this thread */
	int __user *clear_child_tid;	/* [C] set_tid_address: zeroed and
					 * futex-woken at exit */
	unsigned long sas_ss_sp;	/* [C] sigaltstack: base, size */
	unsigned long sas_ss_size;
	unsigned int sas_ss_flags;	/* [C] SS_AUTODISARM */
	int __user *set_child_tid;	/* [I] CLONE_CHILD_SETTID: the child
					 * writes its tid there first thing */
	struct completion *vfork_done;	/* [I] CLONE_VFORK: completed when
					 * the child execs or exits */
	u64 nr_switches;		/* [R] times switched in */
	u64 sum_exec_ns;		/* [R] time run */
	u64 exec_start_ns;		/* [R] when it last started running */
};

/* Needs <anvil/sched.h>'s struct: the count lives in the task. */
static inline void set_need_resched(struct task_struct *t)
{
	set_bit(TIF_NEED_RESCHED, &t->flags);
}

/*
 * Set by the signal code when it queues a signal the task may take (and
 * cleared once none is left); an interruptible sleep tests it after
 * setting its state, so a signal sent in between still ends the sleep.
 */
static inline bool signal_pending(struct task_struct *t)
{
	return test_bit(TIF_SIGPENDING, &t->flags);
}

#define __set_current_state(s) (current->state = (s))
#define set_current_state(s)                                               \
	do {                                                               \
		WRITE_ONCE(current->state, (s));                           \
		smp_mb(); /* state visible before we test the condition */ \
	} while (0)

void schedule(void);
/* Give up the CPU if another task wants it; a scheduling point. */
void cond_resched(void);
void yield(void);
/* Make a sleeping task runnable; returns false if it was already. */
bool wake_up_process(struct task_struct *t);
/* Wake @t only if it sleeps in one of the @state bits. */
bool wake_up_state(struct task_struct *t, long state);
/* Restrict @t to @mask, moving it if it runs elsewhere. */
int set_cpus_allowed(struct task_struct *t, cpumask_t mask);
/* Sleep for at least @ms milliseconds (uninterruptible). */
void msleep(unsigned int ms);
/*
 * Sleep in the state set beforehand (set_current_state) until woken or
 * until @ticks jiffies pass; returns the ticks left (0 if it timed out).
 */
long schedule_timeout(long ticks);

/* The tick, on every CPU: time slices. Called from timer_interrupt(). */
void scheduler_tick(void);

/* Kernel threads (kernel/kthread.c). */
struct task_struct *kthread_create(void (*fn)(void *), void *arg,
				   const char *name);
struct task_struct *kthread_run(void (*fn)(void *), void *arg,
				const char *name);
/* Start a thread made by kthread_create (after kthread_bind, say). */
void kthread_start(struct task_struct *t);
/* Pin a not-yet-started kthread to @cpu. */
void kthread_bind(struct task_struct *t, unsigned int cpu);
/* End the calling kthread. Its creator must kthread_join() it. */
void kthread_exit(void) __noreturn;
/* Wait for @t to exit, then free it. */
void kthread_join(struct task_struct *t);
/* Free a task kthread_create() made but nobody started (an error path). */
void kthread_free_unstarted(struct task_struct *t);

/* Boot: make the boot flow a task (init_task) on CPU 0, per CPU idles. */
void sched_init(void);
void sched_init_secondary(unsigned int cpu);
/* Become this CPU's idle loop; never returns. */
void cpu_idle_loop(void) __noreturn;

extern struct task_struct init_task;
/* Guards every task's ->tasks link (the list headed by init_task). */
extern spinlock_t tasklist_lock;
#define for_each_process(t)                                               \
	list_for_each_entry(t, &init_task.tasks, tasks)
int nr_online_cpus(void);
bool cpu_online(unsigned int cpu);

#endif /* ANVIL_SCHED_H */
