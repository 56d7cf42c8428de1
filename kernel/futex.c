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
 * Keys, as Linux's get_futex_key():
 *
 *	private memory, or FUTEX_PRIVATE_FLAG	(mm, address): every thread
 *						of a process shares the mm
 *	a shared mapping of a file		(the file's address_space,
 *						byte offset in the file)
 *	shared anonymous memory			(the page, offset in it):
 *						the page is the object fork
 *						shares, and it stays put
 *						(anvil has no swap or
 *						migration to move it)
 *
 * So processes sharing memory, each at its own address, meet on one key;
 * the thread-exit wake (CLONE_CHILD_CLEARTID) finds its joiner by the
 * mm key of private memory, whichever flag the joiner waited with.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/list.h>
#include <anvil/mm_types.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>
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

/* What a futex is, whoever looks at it from whatever address. */
struct futex_key {
	const void *object;	/* mm, address_space or struct page */
	unsigned long offset;	/* address, file offset or offset in page */
};

struct futex_q {
	struct list_head list;
	struct task_struct *task;
	struct futex_key key;
	bool woken;			/* [bucket lock] */
};

struct futex_bucket {
	spinlock_t lock;
	struct list_head waiters;
};

static struct futex_bucket futex_table[1 << FUTEX_HASH_BITS];
static bool futex_ready;

static bool key_equal(const struct futex_key *a, const struct futex_key *b)
{
	return a->object == b->object && a->offset == b->offset;
}

static struct futex_bucket *hash_futex(const struct futex_key *key)
{
	unsigned long h = (key->offset >> 2) ^ ((unsigned long)key->object >> 6);

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

/*
 * The key of the futex at @addr in current's mm. -EFAULT if no VMA holds
 * it; shared anonymous memory is faulted in, since its key is the page.
 */
static int get_futex_key(unsigned long addr, bool shared,
			 struct futex_key *key)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	struct page *page = NULL;
	int err = 0;

	key->object = mm;
	key->offset = addr;
	if (!shared)
		return 0;
	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr) {
		err = -EFAULT;
	} else if (!(vma->vm_flags & VM_SHARED)) {
		/* private memory: the mm key */
	} else if (vma->vm_file) {
		key->object = vma->vm_file->f_inode->i_mapping;
		key->offset = ((vma->vm_pgoff << PAGE_SHIFT) +
			       (addr - vma->vm_start));
	} else {
		/* A write fault: a read one could leave the zero page. */
		page = follow_page(vma, addr);
		if (!page && !handle_mm_fault(vma, addr,
					      (vma->vm_flags & VM_WRITE) ?
						      FAULT_FLAG_WRITE : 0))
			page = follow_page(vma, addr);
		if (page) {
			key->object = page;
			key->offset = addr & ~PAGE_MASK;
		} else {
			err = -EFAULT;
		}
	}
	up_read(&mm->mmap_lock);
	return err;
}

static int futex_wake(const struct futex_key *key, int nr)
{
	struct futex_bucket *b = hash_futex(key);
	struct futex_q *q, *n;
	int woken = 0;

	spin_lock(&b->lock);
	list_for_each_entry_safe(q, n, &b->waiters, list) {
		if (woken >= nr)
			break;
		if (!key_equal(&q->key, key))
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
static int futex_wait(unsigned long addr, bool shared, u32 val,
		      u64 timeout_ns)
{
	struct futex_q q = { .task = current };
	struct futex_bucket *b;
	long ticks = timeout_ns ? (long)(timeout_ns / (NSEC_PER_SEC / HZ)) + 1
				: MAX_SCHEDULE_TIMEOUT;
	u32 cur;
	int ret;

	if (addr & 3)
		return -EINVAL;
	ret = get_futex_key(addr, shared, &q.key);
	if (ret)
		return ret;
	b = hash_futex(&q.key);
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
	struct futex_key key;

	if (current->mm) {
		futex_init_once();
		if (!get_futex_key((unsigned long)uaddr, false, &key))
			futex_wake(&key, 1);
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
	struct futex_key key;
	u64 timeout = 0;
	int cmd = op & FUTEX_CMD_MASK, err;
	bool shared = !(op & FUTEX_PRIVATE_FLAG);

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
		return futex_wait((unsigned long)uaddr, shared, val, timeout);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		if ((unsigned long)uaddr & 3)
			return -EINVAL;
		err = get_futex_key((unsigned long)uaddr, shared, &key);
		return err ? err : futex_wake(&key, (int)val);
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
