// SPDX-License-Identifier: MIT
/*
 * kernel/sched/wait.c: wait queues (interface and the sleep pattern in
 * <anvil/wait.h>).
 *
 *	prepare_to_wait[_exclusive]()	join the queue, set the task state
 *	finish_wait()			leave it, state back to running
 *	__wake_up[_locked]()		wake waiters, taking them off the queue
 *
 * The queue's lock is taken with interrupts off everywhere, because
 * interrupt handlers wake queues (a timer, an IPI completing a request):
 * a handler spinning on a lock its own CPU holds would never get it.
 * Waking calls wake_up_process() under the lock, so the order is the wait
 * queue lock, then the runqueue lock.
 *
 * Completions (completion.c) build on this file; the scheduler itself is
 * kernel/sched/core.c.
 */
#include <anvil/sched.h>
#include <anvil/spinlock.h>
#include <anvil/wait.h>

void __init_waitqueue_head(wait_queue_head_t *wq, const char *name,
			   struct lock_class_key *key)
{
	__spin_lock_init(&wq->lock, name, key);
	INIT_LIST_HEAD(&wq->head);
}

/*
 * Put @w on @wq (unless a previous round left it there) and set the
 * caller's state. The state is set under the lock, after joining: a waker
 * that runs after we let go of the lock sees us on the queue, and its
 * wake_up_process() undoes our state, so the schedule() that follows
 * returns at once instead of sleeping through the wakeup.
 */
static void __prepare_to_wait(wait_queue_head_t *wq,
			      struct wait_queue_entry *w, long state,
			      bool exclusive)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&w->entry)) {
		if (exclusive)
			w->flags |= WQ_FLAG_EXCLUSIVE;
		else
			w->flags &= ~WQ_FLAG_EXCLUSIVE;
		list_add_tail(&w->entry, &wq->head);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(wait_queue_head_t *wq, struct wait_queue_entry *w,
		     long state)
{
	__prepare_to_wait(wq, w, state, false);
}

void prepare_to_wait_exclusive(wait_queue_head_t *wq,
			       struct wait_queue_entry *w, long state)
{
	__prepare_to_wait(wq, w, state, true);
}

/*
 * The wait is over (the condition is true, or we gave up): run again and
 * leave the queue if no waker took us off it. Taking the lock, rather
 * than peeking, also guarantees that a waker still holding a pointer to
 * @w (which lives on our stack) is done with it before we return.
 */
void finish_wait(wait_queue_head_t *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	if (!list_empty(&w->entry))
		list_del_init(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/*
 * Wake waiters in queue order: every ordinary one, and exclusive ones
 * until @nr_exclusive have been woken (0: no limit). Woken entries leave
 * the queue, so a second wake_up() doesn't wake them again. Caller holds
 * wq->lock with interrupts off.
 */
void __wake_up_locked(wait_queue_head_t *wq, int nr_exclusive)
{
	struct wait_queue_entry *w, *next;

	list_for_each_entry_safe(w, next, &wq->head, entry) {
		bool exclusive = w->flags & WQ_FLAG_EXCLUSIVE;

		list_del_init(&w->entry);
		wake_up_process(w->task);
		if (exclusive && --nr_exclusive == 0)
			break;
	}
}

void __wake_up(wait_queue_head_t *wq, int nr_exclusive)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	__wake_up_locked(wq, nr_exclusive);
	spin_unlock_irqrestore(&wq->lock, flags);
}
