/* SPDX-License-Identifier: MIT */
/*
 * Sleeping mutexes (kernel/locking/mutex.c).
 *
 * A mutex is for long critical sections in task context: a task that
 * finds it taken sleeps instead of spinning, so the holder may itself
 * sleep (allocate memory, wait for I/O) and may be preempted. That is
 * why the mm's i_mmap_mutex and anon_vma mutex are mutexes (seed 000):
 * mm_take_all_locks() can take hundreds of them without turning the whole
 * operation into one unpreemptible section.
 *
 * Rules (checked in debug builds):
 *	- only in task context, never under a spinlock or with interrupts or
 *	  preemption off: mutex_lock() calls might_sleep() first;
 *	- only the owner unlocks (reported otherwise, and refused);
 *	- the lock order is checked by lockdep before blocking, so an ABBA
 *	  inversion is reported instead of deadlocking silently.
 *
 * Fairness: strict FIFO handoff. mutex_unlock() with waiters makes the
 * first waiter the owner before waking it, and the lock is never free
 * while anyone waits, so a newcomer cannot overtake a sleeper: each waiter
 * gets the lock after at most the waiters ahead of it.
 *
 *	owner		the task holding it, or NULL when free
 *	wait_list	sleeping waiters, oldest first   [wait_lock]
 *
 * Invariant: wait_list non-empty => owner != NULL.
 */
#ifndef ANVIL_MUTEX_H
#define ANVIL_MUTEX_H

#include <anvil/list.h>
#include <anvil/lockdep.h>
#include <anvil/spinlock.h>
#include <anvil/types.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* [A] set by cmpxchg, or handed off
					 * under wait_lock */
	spinlock_t wait_lock;
	struct list_head wait_list;	/* [wait_lock] struct mutex_waiter */
	struct lockdep_map dep_map;
};

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key);
/* Each mutex_init() site is one lockdep class. */
#define mutex_init(lock)                                                   \
	do {                                                               \
		static struct lock_class_key __key;                        \
		__mutex_init(lock, #lock, &__key);                         \
	} while (0)

/* The wait_lock's class: one for every mutex (kernel/locking/mutex.c). */
extern struct lock_class_key mutex_wait_lock_key;

/* A statically allocated mutex; its own address is its lockdep class. */
#define DEFINE_MUTEX(var)                                                  \
	struct mutex var = {                                               \
		.wait_lock = {                                             \
			.owner_cpu = -1,                                   \
			.dep_map = { .name = #var ".wait_lock",            \
				     .key = &mutex_wait_lock_key },        \
		},                                                         \
		.wait_list = LIST_HEAD_INIT(var.wait_list),                \
		.dep_map = { .name = #var,                                 \
			     .key = (struct lock_class_key *)&var },       \
	}

/* Take the lock, sleeping until it is free. May sleep. */
void mutex_lock(struct mutex *lock);
/*
 * mutex_lock_nested - take one of many locks of one class, serialized by
 * @nest_lock, which the caller holds (a mutex, rw_semaphore or spinlock:
 * anything with a dep_map). Tells lockdep that holding many locks of
 * @lock's class at once is intended (mm_take_all_locks). May sleep.
 */
#define mutex_lock_nested(lock, nest_lock)                                 \
	__mutex_lock_nested(lock, &(nest_lock)->dep_map)
void __mutex_lock_nested(struct mutex *lock, struct lockdep_map *nest);
/* Take the lock if it is free now; true if taken. Never sleeps. */
bool mutex_trylock(struct mutex *lock);
/* Release; the first waiter, if any, becomes the owner. Never sleeps. */
void mutex_unlock(struct mutex *lock);

struct task_struct *mutex_owner(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
/* Someone is waiting: a long holder should drop it and retake it soon. */
bool mutex_is_contended(struct mutex *lock);

#endif /* ANVIL_MUTEX_H */
