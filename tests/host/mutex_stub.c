// SPDX-License-Identifier: MIT
/*
 * tests/host/mutex_stub.c: sleeping mutexes for the single-threaded host
 * tests of mm/ (the anon_vma root mutex): a mutex that records whether it
 * is held and stops the test where a real one would deadlock, which is
 * how taking one tree's root mutex twice shows up here.
 */
#include <anvil/kernel.h>
#include <anvil/mutex.h>

static struct task_struct *const host_owner = (struct task_struct *)1;

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key)
{
	lock->owner = NULL;
	INIT_LIST_HEAD(&lock->wait_list);
	lock->dep_map.name = name;
	lock->dep_map.key = key;
}

void mutex_lock(struct mutex *lock)
{
	BUG_ON(lock->owner);	/* single-threaded: it would deadlock */
	lock->owner = host_owner;
}

void mutex_unlock(struct mutex *lock)
{
	BUG_ON(lock->owner != host_owner);
	lock->owner = NULL;
}

bool mutex_is_locked(struct mutex *lock)
{
	return lock->owner != NULL;
}

/* DEFINE_MUTEX names this class for the wait_lock; nothing uses it here. */
struct lock_class_key mutex_wait_lock_key;

/* One of many of a class under a nest lock: the same, to the stub. */
void __mutex_lock_nested(struct mutex *lock, struct lockdep_map *nest)
{
	mutex_lock(lock);
}
