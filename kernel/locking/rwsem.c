// SPDX-License-Identifier: MIT
/*
 * kernel/locking/rwsem.c: read-write semaphores (interface, states and
 * fairness rule in <anvil/rwsem.h>).
 *
 * Everything is decided under wait_lock, a spinlock: a reader or writer
 * either takes the lock at once or queues a struct rwsem_waiter (on its
 * stack) and sleeps. A release that leaves the lock free, or a downgrade,
 * grants it to the head of the queue (rwsem_grant) before waking, so the
 * woken task already holds it and nobody can slip in between.
 *
 * Lock order: wait_lock is innermost among the locks lockdep sees (only a
 * runqueue lock nests inside, through wake_up_process()).
 */
#include <anvil/debug.h>
#include <anvil/kernel.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>

struct rwsem_waiter {
	struct list_head list;		/* [wait_lock] on sem->wait_list */
	struct task_struct *task;
	bool write;
	bool granted;			/* [wait_lock] we hold it now */
};

struct lock_class_key rwsem_wait_lock_key;

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key)
{
	sem->count = 0;
	sem->owner = NULL;
	__spin_lock_init(&sem->wait_lock, "rwsem.wait_lock",
			 &rwsem_wait_lock_key);
	INIT_LIST_HEAD(&sem->wait_list);
	lockdep_init_map(&sem->dep_map, name, key);
}

/* Readers may enter if no writer holds it and nobody queues before them. */
static bool read_may_take(struct rw_semaphore *sem)
{
	return sem->count >= 0 && list_empty(&sem->wait_list);
}

/* Hand the lock to @w and wake it. wait_lock held. */
static void grant(struct rw_semaphore *sem, struct rwsem_waiter *w)
{
	if (w->write) {
		sem->count = RWSEM_WRITE_LOCKED;
		sem->owner = w->task;
	} else {
		sem->count++;
	}
	list_del_init(&w->list);
	w->granted = true;
	wake_up_process(w->task);
}

/*
 * The lock was released or downgraded: let the queue's head in. A writer
 * needs the lock free; readers may join other readers, but only the run
 * of readers at the head: the first writer queued stops the run, so it
 * waits only for the readers that arrived before it. wait_lock held.
 */
static void rwsem_grant(struct rw_semaphore *sem)
{
	struct rwsem_waiter *w, *next;

	list_for_each_entry_safe(w, next, &sem->wait_list, list) {
		if (w->write) {
			if (sem->count == 0)
				grant(sem, w);
			return;
		}
		grant(sem, w);
	}
}

/* Queue and sleep until granted; wait_lock held on entry and on return. */
static void rwsem_wait(struct rw_semaphore *sem, bool write)
{
	struct rwsem_waiter w = { .task = current, .write = write };

	list_add_tail(&w.list, &sem->wait_list);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (w.granted)
			break;
		spin_unlock(&sem->wait_lock);
		schedule();
		spin_lock(&sem->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
}

void down_read(struct rw_semaphore *sem)
{
	might_sleep();
	lock_acquire(&sem->dep_map, NULL, _RET_IP_);
	spin_lock(&sem->wait_lock);
	if (read_may_take(sem))
		sem->count++;
	else
		rwsem_wait(sem, false);
	spin_unlock(&sem->wait_lock);
}

bool down_read_trylock(struct rw_semaphore *sem)
{
	bool ok;

	spin_lock(&sem->wait_lock);
	ok = read_may_take(sem);
	if (ok)
		sem->count++;
	spin_unlock(&sem->wait_lock);
	if (ok)
		lock_acquire(&sem->dep_map, NULL, _RET_IP_);
	return ok;
}

void up_read(struct rw_semaphore *sem)
{
	spin_lock(&sem->wait_lock);
	if (unlikely(sem->count <= 0)) {
		spin_unlock(&sem->wait_lock);
		report_lock_bug("up_read of a rwsem not held for reading",
				sem->dep_map.name);
		return;
	}
	lock_release(&sem->dep_map, _RET_IP_);
	if (--sem->count == 0)
		rwsem_grant(sem);
	spin_unlock(&sem->wait_lock);
}

static void __down_write(struct rw_semaphore *sem)
{
	spin_lock(&sem->wait_lock);
	if (sem->count == 0) { /* free means nobody queued, too */
		sem->count = RWSEM_WRITE_LOCKED;
		sem->owner = current;
	} else {
		rwsem_wait(sem, true);
	}
	spin_unlock(&sem->wait_lock);
}

void down_write(struct rw_semaphore *sem)
{
	might_sleep();
	lock_acquire(&sem->dep_map, NULL, _RET_IP_);
	__down_write(sem);
}

/* A second rwsem of a held class, in a fixed order (fork: child's). */
void down_write_nested(struct rw_semaphore *sem, unsigned int subclass)
{
	might_sleep();
	lock_acquire_nested(&sem->dep_map, subclass, _RET_IP_);
	__down_write(sem);
}

bool down_write_trylock(struct rw_semaphore *sem)
{
	bool ok;

	spin_lock(&sem->wait_lock);
	ok = sem->count == 0;
	if (ok) {
		sem->count = RWSEM_WRITE_LOCKED;
		sem->owner = current;
	}
	spin_unlock(&sem->wait_lock);
	if (ok)
		lock_acquire(&sem->dep_map, NULL, _RET_IP_);
	return ok;
}

/* Is the caller the writer? Reports and returns false if not. */
static bool check_writer(struct rw_semaphore *sem, const char *what)
{
	if (likely(sem->count == RWSEM_WRITE_LOCKED && sem->owner == current))
		return true;
	spin_unlock(&sem->wait_lock);
	report_lock_bug(what, sem->dep_map.name);
	return false;
}

void up_write(struct rw_semaphore *sem)
{
	spin_lock(&sem->wait_lock);
	if (!check_writer(sem, "up_write by a task that is not the writer"))
		return;
	lock_release(&sem->dep_map, _RET_IP_);
	sem->count = 0;
	sem->owner = NULL;
	rwsem_grant(sem);
	spin_unlock(&sem->wait_lock);
}

/*
 * We stay a holder (lockdep sees no change), now one reader among those
 * queued at the head; a queued writer keeps waiting for all of us.
 */
void downgrade_write(struct rw_semaphore *sem)
{
	spin_lock(&sem->wait_lock);
	if (!check_writer(sem, "downgrade_write by a task that is not the writer"))
		return;
	sem->count = 1;
	sem->owner = NULL;
	rwsem_grant(sem);
	spin_unlock(&sem->wait_lock);
}

bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) != 0;
}

bool rwsem_is_contended(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->wait_list.next) != &sem->wait_list;
}
