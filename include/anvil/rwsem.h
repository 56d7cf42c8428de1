/* SPDX-License-Identifier: MIT */
/*
 * Read-write semaphores (kernel/locking/rwsem.c): many readers or one
 * writer, sleeping when they must wait. The future mmap_lock: page
 * faults take it for reading, mmap/munmap/mprotect for writing.
 *
 *	count > 0	that many readers hold it
 *	count == -1	one writer holds it (owner says who)
 *	count == 0	free
 *
 * Fairness: FIFO with handoff, so a writer is never starved by a stream
 * of readers. A reader that arrives while anyone is queued queues too,
 * behind the waiting writer, even if the lock is currently read-held.
 * When the lock is released the queue's head gets it: a writer alone, or
 * the run of consecutive readers at the head together. As with mutexes,
 * the waker grants the lock before waking the waiter.
 *
 * Rules, as for Linux's mmap_lock (checked by lockdep in debug builds):
 * read and write acquisitions are one lock class, so taking the lock for
 * reading while already holding it for reading is reported as recursive:
 * it deadlocks as soon as a writer queues between the two. All of it may
 * sleep except the trylocks and the releases. Task context only.
 */
#ifndef ANVIL_RWSEM_H
#define ANVIL_RWSEM_H

#include <anvil/list.h>
#include <anvil/lockdep.h>
#include <anvil/spinlock.h>
#include <anvil/types.h>

struct task_struct;

struct rw_semaphore {
	long count;			/* [wait_lock] see above */
	struct task_struct *owner;	/* [wait_lock] the writer, or NULL */
	spinlock_t wait_lock;
	struct list_head wait_list;	/* [wait_lock] struct rwsem_waiter */
	struct lockdep_map dep_map;
};

#define RWSEM_WRITE_LOCKED (-1L)

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key);
/* Each init_rwsem() site is one lockdep class. */
#define init_rwsem(sem)                                                    \
	do {                                                               \
		static struct lock_class_key __key;                        \
		__init_rwsem(sem, #sem, &__key);                           \
	} while (0)

extern struct lock_class_key rwsem_wait_lock_key;

/* A statically allocated rwsem; its own address is its lockdep class. */
#define DECLARE_RWSEM(var)                                                 \
	struct rw_semaphore var = {                                        \
		.wait_lock = {                                             \
			.owner_cpu = -1,                                   \
			.dep_map = { .name = #var ".wait_lock",            \
				     .key = &rwsem_wait_lock_key },        \
		},                                                         \
		.wait_list = LIST_HEAD_INIT(var.wait_list),                \
		.dep_map = { .name = #var,                                 \
			     .key = (struct lock_class_key *)&var },       \
	}

void down_read(struct rw_semaphore *sem);
bool down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
/* A second rwsem of a held class, in a fixed order (SINGLE_DEPTH_NESTING). */
void down_write_nested(struct rw_semaphore *sem, unsigned int subclass);
bool down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
/* Turn our write lock into a read lock, letting queued readers in too. */
void downgrade_write(struct rw_semaphore *sem);

bool rwsem_is_locked(struct rw_semaphore *sem);
/* Someone is queued (a writer, or readers behind one). */
bool rwsem_is_contended(struct rw_semaphore *sem);

#endif /* ANVIL_RWSEM_H */
