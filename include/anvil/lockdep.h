/* SPDX-License-Identifier: MIT */
/*
 * lockdep: the lock-order checker, in the small (kernel/locking/lockdep.c).
 *
 * Every lock belongs to a *class*: all the locks initialized at one place
 * in the source (one static struct lock_class_key) behave alike, so an
 * order learned from one instance holds for all. Each time a lock of
 * class B is taken while one of class A is held, the checker records the
 * edge A -> B with both acquisition sites. A new edge that closes a cycle
 * (B already reaches A) is a possible deadlock, reported with the sites of
 * both orders, even if the two orders never actually raced.
 *
 * Taking a second lock of a class already held is reported as recursive
 * locking, unless the caller names a *nest lock* it holds that serializes
 * all such acquisitions (mm_take_all_locks takes hundreds of anon_vma locks
 * under mmap_lock this way): then the held entry just counts them.
 *
 * Reports are printed once per edge and counted in lockdep_reports; tests
 * read the counter, so a planted inversion is asserted on, not fatal.
 *
 * Lock primitives (spinlocks, mutexes, rw-semaphores) embed a struct
 * lockdep_map and call lock_acquire()/lock_release(); nothing else calls
 * these directly.
 */
#ifndef ANVIL_LOCKDEP_H
#define ANVIL_LOCKDEP_H

#include <anvil/compiler.h>
#include <anvil/types.h>

struct lock_class_key {
	char unused; /* only the address matters */
};

struct lock_class;

struct lockdep_map {
	const char *name;
	struct lock_class_key *key;
	struct lock_class *class; /* looked up on first acquire */
};

/* One entry of a context's held-lock stack. */
struct held_lock {
	struct lock_class *class;
	struct lockdep_map *instance;
	unsigned long acquire_ip;
	unsigned int count;	/* > 1: nested acquisitions under a nest lock */
	struct lockdep_map *nest_lock;
};

#define MAX_LOCK_DEPTH 48

/* The locks one context (a task, or the boot CPU before tasks) holds. */
struct lockdep_context {
	unsigned int depth;
	struct held_lock held[MAX_LOCK_DEPTH];
};

extern unsigned long lockdep_reports;

void lockdep_init_map(struct lockdep_map *map, const char *name,
		      struct lock_class_key *key);
/*
 * lock_acquire - record that @map is being taken at @ip.
 * @nest_lock: a held lock that serializes every acquisition of @map's class
 *	(so holding many of them at once is fine), or NULL.
 * Checks the order before the caller blocks on the lock, so a deadlock
 * in the making is reported instead of just hanging.
 */
void lock_acquire(struct lockdep_map *map, struct lockdep_map *nest_lock,
		  unsigned long ip);
/*
 * lock_acquire_nested - take a second lock of a class already held, in a
 * fixed order: @subclass (SINGLE_DEPTH_NESTING) makes it a class of its
 * own, so "A then A/1" is an order lockdep checks rather than recursion.
 */
void lock_acquire_nested(struct lockdep_map *map, unsigned int subclass,
			 unsigned long ip);
#define SINGLE_DEPTH_NESTING 1
void lock_release(struct lockdep_map *map, unsigned long ip);
/* True if the current context holds @map. */
bool lock_is_held(const struct lockdep_map *map);
/* Print the locks the current context holds. */
void lockdep_print_held_locks(void);

/*
 * The held-lock stack of whatever runs now; the scheduler provides it
 * (one per task). Before tasks exist it is the boot context.
 */
struct lockdep_context *lockdep_current(void);

#define lockdep_assert_held(m) WARN_ON(!lock_is_held(m))

#endif /* ANVIL_LOCKDEP_H */
