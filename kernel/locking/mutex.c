// SPDX-License-Identifier: MIT
/*
 * kernel/locking/mutex.c: sleeping mutexes (interface and rules in
 * <anvil/mutex.h>).
 *
 *	lock:	   cmpxchg(owner, NULL, current); if that fails, queue on
 *		   wait_list and sleep until an unlocker hands us the lock
 *	unlock:	   no waiters: owner = NULL; else the first waiter becomes
 *		   owner, leaves the queue and is woken
 *
 * Only the fast path touches owner without wait_lock, and it can only
 * take a free lock; a lock becomes free only under wait_lock, and only
 * when nobody is queued. So a queued waiter is never overtaken, and
 * "wait_list non-empty => owner != NULL" holds (see the header).
 *
 * Lock order: a mutex's wait_lock is innermost among the locks lockdep
 * sees (only a runqueue lock nests inside it, through wake_up_process()).
 * It is taken without disabling interrupts: mutexes are never used from
 * interrupt handlers.
 */
#include <anvil/debug.h>
#include <anvil/kernel.h>
#include <anvil/mutex.h>
#include <anvil/sched.h>

/* A sleeping locker; lives on its own stack while it waits. */
struct mutex_waiter {
	struct list_head list;		/* [wait_lock] on lock->wait_list */
	struct task_struct *task;
	bool handed;			/* [wait_lock] we own it now */
};

struct lock_class_key mutex_wait_lock_key;

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key)
{
	lock->owner = NULL;
	__spin_lock_init(&lock->wait_lock, "mutex.wait_lock",
			 &mutex_wait_lock_key);
	INIT_LIST_HEAD(&lock->wait_list);
	lockdep_init_map(&lock->dep_map, name, key);
}

/* Take a free lock; a full barrier, so it orders like an acquire. */
static bool mutex_try_take(struct mutex *lock)
{
	return cmpxchg(&lock->owner, NULL, current) == NULL;
}

/*
 * The lock was taken: queue up and sleep until an unlocker makes us the
 * owner. We test "handed" under wait_lock after setting our state, and
 * the unlocker sets it under wait_lock before waking us, so the wakeup
 * can't be lost between our test and schedule().
 */
static void mutex_lock_slowpath(struct mutex *lock)
{
	struct mutex_waiter w = { .task = current, .handed = false };

	spin_lock(&lock->wait_lock);
	if (mutex_try_take(lock)) { /* freed while we took wait_lock */
		spin_unlock(&lock->wait_lock);
		return;
	}
	list_add_tail(&w.list, &lock->wait_list);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (w.handed)
			break;
		spin_unlock(&lock->wait_lock);
		schedule();
		spin_lock(&lock->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
	spin_unlock(&lock->wait_lock);
}

/*
 * Check the context (might_sleep) and the order (lockdep) first, even
 * when the lock turns out to be free: the bug is taking a mutex here at
 * all, not just being unlucky enough to block.
 */
static void __mutex_lock(struct mutex *lock, struct lockdep_map *nest,
			 unsigned long ip)
{
	might_sleep();
	lock_acquire(&lock->dep_map, nest, ip);
	if (unlikely(READ_ONCE(lock->owner) == current))
		report_lock_bug("mutex_lock of a mutex this task holds: deadlock",
				lock->dep_map.name);
	if (!mutex_try_take(lock))
		mutex_lock_slowpath(lock);
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, NULL, _RET_IP_);
}

void __mutex_lock_nested(struct mutex *lock, struct lockdep_map *nest)
{
	__mutex_lock(lock, nest, _RET_IP_);
}

/* Fails while anyone is queued: a trylock doesn't jump the queue either. */
bool mutex_trylock(struct mutex *lock)
{
	if (!mutex_try_take(lock))
		return false;
	lock_acquire(&lock->dep_map, NULL, _RET_IP_);
	return true;
}

/*
 * Hand the lock to the first waiter (it is the owner before it even
 * runs), or free it if nobody waits. The waiter's struct lives on its
 * stack; it can't return and free it before we drop wait_lock.
 */
void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *w;

	if (unlikely(READ_ONCE(lock->owner) != current)) {
		report_lock_bug("mutex_unlock by a task that does not own it",
				lock->dep_map.name);
		return; /* refusing is safer than freeing someone's lock */
	}
	lock_release(&lock->dep_map, _RET_IP_);
	spin_lock(&lock->wait_lock);
	if (list_empty(&lock->wait_list)) {
		smp_store_release(&lock->owner, NULL);
	} else {
		w = list_first_entry(&lock->wait_list, struct mutex_waiter,
				     list);
		list_del_init(&w->list);
		WRITE_ONCE(lock->owner, w->task);
		w->handed = true;
		wake_up_process(w->task);
	}
	spin_unlock(&lock->wait_lock);
}

struct task_struct *mutex_owner(struct mutex *lock)
{
	return READ_ONCE(lock->owner);
}

bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

bool mutex_is_contended(struct mutex *lock)
{
	return READ_ONCE(lock->wait_list.next) != &lock->wait_list;
}
