// SPDX-License-Identifier: MIT
/*
 * kernel/futex.c: fast user-space mutexes, the part threads need.
 *
 * A futex is just an int in user memory. User space does the fast path
 * (an atomic on the int); it calls futex(2) only to sleep until the int
 * may have changed (FUTEX_WAIT: "sleep if *uaddr still equals val") or
 * to wake sleepers (FUTEX_WAKE). The kernel keeps no state per futex,
 * only a queue of sleepers per hash bucket, keyed by (mm, address).
 *
 * The race that matters: a waker changes the int and calls FUTEX_WAKE
 * between the waiter's check and its sleep. The waiter checks the value
 * *after* queueing itself under the bucket lock, and the waker takes the
 * same lock to wake: so either the waiter sees the new value, or it is
 * already queued when the wake comes.
 *
 * Keys are (mm, address), which is right for private futexes (every
 * thread of a process shares the mm) and for the thread-exit wake
 * (CLONE_CHILD_CLEARTID). A futex in memory shared between processes
 * would need a key by page; anvil does not have that yet.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/list.h>
#include <anvil/sched.h>
#include <anvil/sched/task.h>
#include <anvil/spinlock.h>
#include <anvil/syscalls.h>
#include <anvil/time.h>
#include <anvil/uaccess.h>
#include <anvil/wait.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_CMD_MASK (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

#define FUTEX_HASH_BITS 6

struct futex_q {
	struct list_head list;
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned long addr;
	bool woken;			/* [bucket lock] */
};

struct futex_bucket {
	spinlock_t lock;
	struct list_head waiters;
};

static struct futex_bucket futex_table[1 << FUTEX_HASH_BITS];
static bool futex_ready;

static struct futex_bucket *hash_futex(struct mm_struct *mm,
				       unsigned long addr)
{
	unsigned long h = (addr >> 2) ^ ((unsigned long)mm >> 6);

	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15UL;
	return &futex_table[h >> (64 - FUTEX_HASH_BITS)];
}

static void futex_init_once(void)
{
	if (READ_ONCE(futex_ready))
		return;
	for (unsigned int i = 0; i < ARRAY_SIZE(futex_table); i++) {
		spin_lock_init(&futex_table[i].lock);
		INIT_LIST_HEAD(&futex_table[i].waiters);
	}
	smp_store_release(&futex_ready, true);
}

static int futex_wake(unsigned long addr, int nr)
{
	struct mm_struct *mm = current->mm;
	struct futex_bucket *b = hash_futex(mm, addr);
	struct futex_q *q, *n;
	int woken = 0;

	spin_lock(&b->lock);
	list_for_each_entry_safe(q, n, &b->waiters, list) {
		if (woken >= nr)
			break;
		if (q->mm != mm || q->addr != addr)
			continue;
		list_del_init(&q->list);
		WRITE_ONCE(q->woken, true);
		wake_up_process(q->task);
		woken++;
	}
	spin_unlock(&b->lock);
	return woken;
}

/* Sleep while *addr == val, for at most @timeout_ns (0: no limit). */
static int futex_wait(unsigned long addr, u32 val, u64 timeout_ns)
{
	struct futex_q q = { .task = current, .mm = current->mm, .addr = addr };
	struct futex_bucket *b = hash_futex(q.mm, addr);
	long ticks = timeout_ns ? (long)(timeout_ns / (NSEC_PER_SEC / HZ)) + 1
				: MAX_SCHEDULE_TIMEOUT;
	u32 cur;
	int ret = 0;

	if (addr & 3)
		return -EINVAL;
	spin_lock(&b->lock);
	list_add_tail(&q.list, &b->waiters);
	spin_unlock(&b->lock);
	/*
	 * Read the value only once queued (see the top): a wake from now on
	 * sets q.woken, which is checked after the sleeping state is set,
	 * so it cannot be missed. (The read may fault and sleep: it comes
	 * before we set our own sleeping state.)
	 */
	if (get_user(cur, (u32 __user *)addr)) {
		ret = -EFAULT;
	} else if (cur != val) {
		ret = -EAGAIN;
	} else {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!READ_ONCE(q.woken) && !signal_pending(current))
			ticks = schedule_timeout(ticks);
	}
	__set_current_state(TASK_RUNNING);
	spin_lock(&b->lock);
	if (!q.woken) {
		list_del(&q.list);
		if (!ret)
			ret = signal_pending(current) ? -ERESTARTSYS :
			      !ticks ? -ETIMEDOUT : 0;
	} else {
		ret = 0;
	}
	spin_unlock(&b->lock);
	return ret;
}

/* Thread exit with CLONE_CHILD_CLEARTID: wake one joiner. */
void futex_wake_address(int __user *uaddr)
{
	if (current->mm) {
		futex_init_once();
		futex_wake((unsigned long)uaddr, 1);
	}
}

struct kernel_timespec {
	s64 tv_sec;
	long tv_nsec;
};

SYSCALL_DEFINE4(futex, u32 __user *, uaddr,
		int, op,
		u32, val,
		const struct kernel_timespec __user *, utime)
{
	struct kernel_timespec ts;
	u64 timeout = 0;
	int cmd = op & FUTEX_CMD_MASK;

	futex_init_once();
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (utime) {
			if (copy_from_user(&ts, utime, sizeof(ts)))
				return -EFAULT;
			if (ts.tv_sec < 0 || ts.tv_nsec < 0 ||
			    ts.tv_nsec >= (long)NSEC_PER_SEC)
				return -EINVAL;
			timeout = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
			/* WAIT_BITSET's timeout is absolute (monotonic). */
			if (cmd == FUTEX_WAIT_BITSET) {
				u64 now = ktime_get_ns();

				if (timeout <= now)
					return -ETIMEDOUT;
				timeout -= now;
			}
			if (!timeout)
				timeout = 1;
		}
		return futex_wait((unsigned long)uaddr, val, timeout);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		if ((unsigned long)uaddr & 3)
			return -EINVAL;
		return futex_wake((unsigned long)uaddr, (int)val);
	default:
		return -ENOSYS;
	}
}

/* Robust futex lists: accepted and remembered, not walked at exit yet. */
SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != 24)		/* sizeof(struct robust_list_head) */
		return -EINVAL;
	return 0;
}
