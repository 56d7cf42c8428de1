// SPDX-License-Identifier: MIT
/*
 * tests/host/rwsem_stub.c: the mmap_lock for single-threaded host tests
 * of mm/ (vma_test, mmap_test): an rw_semaphore that records its state,
 * so the code's "is mmap_lock held?" assertions work, and that stops the
 * test where a real one would deadlock.
 */
#include <anvil/kernel.h>
#include <anvil/lockdep.h>
#include <anvil/rwsem.h>

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key)
{
	sem->count = 0;
	INIT_LIST_HEAD(&sem->wait_list);
	sem->dep_map.name = name;
	sem->dep_map.key = key;
}

void down_write(struct rw_semaphore *sem)
{
	BUG_ON(sem->count != 0); /* single-threaded: it would deadlock */
	sem->count = RWSEM_WRITE_LOCKED;
}

void down_write_nested(struct rw_semaphore *sem, unsigned int subclass)
{
	down_write(sem);
}

void up_write(struct rw_semaphore *sem)
{
	sem->count = 0;
}

void down_read(struct rw_semaphore *sem)
{
	BUG_ON(sem->count < 0);
	sem->count++;
}

void up_read(struct rw_semaphore *sem)
{
	sem->count--;
}

bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return sem->count != 0;
}

/* Every lockdep_map the code under test asks about is an mmap_lock's. */
bool lock_is_held(const struct lockdep_map *map)
{
	return container_of(map, struct rw_semaphore, dep_map)->count != 0;
}

