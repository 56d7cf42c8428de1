/* SPDX-License-Identifier: MIT */
/*
 * Wait queues: sleep until a condition becomes true (kernel/sched/wait.c).
 *
 * A wait queue is a list of sleeping tasks with a spinlock. The waiter
 * side is a loop over the race-free sleep pattern of <anvil/sched.h>:
 *
 *	DEFINE_WAIT(w);
 *	for (;;) {
 *		prepare_to_wait(&wq, &w, TASK_UNINTERRUPTIBLE);   on the list,
 *		if (condition)                                  state set, then
 *			break;                                  test
 *		schedule();
 *	}
 *	finish_wait(&wq, &w);
 *
 * and the waker makes the condition true, then calls wake_up(&wq). Because
 * the waiter is on the list with its state set *before* it tests, a
 * wakeup between its test and schedule() just makes schedule() return at
 * once: no wakeup is lost. wait_event(wq, condition) is that loop.
 *
 * wake_up() wakes every ordinary waiter and one "exclusive" waiter (added
 * with prepare_to_wait_exclusive(): completions use them, so complete()
 * wakes exactly one); wake_up_all() wakes everyone. A woken entry is taken
 * off the list; prepare_to_wait() puts it back if the waiter goes round
 * again. wake_up() may be called from interrupt handlers: the queue's lock
 * is always taken with interrupts off.
 *
 * Lock order: a wait queue's lock, then a runqueue lock (wake_up_process);
 * never the other way.
 */
#ifndef ANVIL_WAIT_H
#define ANVIL_WAIT_H

#include <anvil/debug.h>
#include <anvil/list.h>
#include <anvil/sched.h>
#include <anvil/spinlock.h>

#define WQ_FLAG_EXCLUSIVE 0x01

struct wait_queue_entry {
	unsigned int flags;		/* WQ_FLAG_* */
	struct task_struct *task;	/* who to wake */
	struct list_head entry;		/* [wq->lock] on the queue, or empty */
};

typedef struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;		/* [lock] waiting entries, FIFO */
} wait_queue_head_t;

void __init_waitqueue_head(wait_queue_head_t *wq, const char *name,
			   struct lock_class_key *key);
/* Each init_waitqueue_head() site is one lockdep class for the lock. */
#define init_waitqueue_head(wq)                                            \
	do {                                                               \
		static struct lock_class_key __key;                        \
		__init_waitqueue_head(wq, #wq, &__key);                    \
	} while (0)

/* A statically allocated queue; its own address is its lockdep class. */
#define DECLARE_WAIT_QUEUE_HEAD(var)                                       \
	wait_queue_head_t var = {                                          \
		.lock = {                                                  \
			.owner_cpu = -1,                                   \
			.dep_map = { .name = #var,                         \
				     .key = (struct lock_class_key *)&var }, \
		},                                                         \
		.head = LIST_HEAD_INIT(var.head),                          \
	}

static inline void init_wait(struct wait_queue_entry *w)
{
	w->flags = 0;
	w->task = current;
	INIT_LIST_HEAD(&w->entry);
}

#define DEFINE_WAIT(name)                                                  \
	struct wait_queue_entry name = {                                   \
		.task = current,                                           \
		.entry = LIST_HEAD_INIT(name.entry),                       \
	}

void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *w,
		     long state);
void prepare_to_wait_exclusive(wait_queue_head_t *wq,
			       struct wait_queue_entry *w, long state);
void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *w);

/* Wake all ordinary waiters and up to @nr_exclusive exclusive ones. */
void __wake_up(wait_queue_head_t *wq, int nr_exclusive);
/* The same, with wq->lock already held (completions). */
void __wake_up_locked(wait_queue_head_t *wq, int nr_exclusive);
#define wake_up(wq) __wake_up(wq, 1)
#define wake_up_all(wq) __wake_up(wq, 0)

/* Anyone waiting? An unlocked peek: the answer may be stale at once. */
static inline bool waitqueue_active(wait_queue_head_t *wq)
{
	return !list_empty(&wq->head);
}

/*
 * schedule_timeout - sleep until woken or @ticks jiffies have passed
 * (kernel/sched/timer.c). Set the task state first, as for schedule().
 * Returns the ticks left (0 if the time ran out). May sleep.
 */
long schedule_timeout(long ticks);
/* "Forever", for the sleep-with-timeout paths that also wait without one. */
#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))

#define __wait_event(wq, condition)                                        \
	do {                                                               \
		DEFINE_WAIT(__w);                                          \
		for (;;) {                                                 \
			prepare_to_wait(&(wq), &__w, TASK_UNINTERRUPTIBLE); \
			if (condition)                                     \
				break;                                     \
			schedule();                                        \
		}                                                          \
		finish_wait(&(wq), &__w);                                  \
	} while (0)

/*
 * wait_event - sleep until @condition is true.
 * @wq: the wait_queue_head_t (not a pointer) the waker will wake_up().
 * @condition is evaluated again after every wakeup. May sleep.
 */
#define wait_event(wq, condition)                                          \
	do {                                                               \
		might_sleep();                                             \
		if (!(condition))                                          \
			__wait_event(wq, condition);                       \
	} while (0)

#define __wait_event_timeout(wq, condition, timeout)                       \
	({                                                                 \
		long __t = (timeout);                                      \
		DEFINE_WAIT(__w);                                          \
		for (;;) {                                                 \
			prepare_to_wait(&(wq), &__w, TASK_UNINTERRUPTIBLE); \
			if (condition) {                                   \
				__t = __t ? __t : 1;                       \
				break;                                     \
			}                                                  \
			if (__t == 0)                                      \
				break;                                     \
			__t = schedule_timeout(__t);                       \
		}                                                          \
		finish_wait(&(wq), &__w);                                  \
		__t;                                                       \
	})

/*
 * wait_event_timeout - sleep until @condition is true or @timeout jiffies
 * have passed.
 * Returns 0 if the time ran out with @condition still false, otherwise
 * the jiffies left (at least 1, even if it came true at the last tick).
 * May sleep.
 */
#define wait_event_timeout(wq, condition, timeout)                         \
	({                                                                 \
		long __ret = (timeout);                                    \
		might_sleep();                                             \
		if (condition)                                             \
			__ret = __ret ? __ret : 1;                         \
		else                                                       \
			__ret = __wait_event_timeout(wq, condition, __ret); \
		__ret;                                                     \
	})

#endif /* ANVIL_WAIT_H */
