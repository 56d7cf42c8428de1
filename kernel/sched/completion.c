// SPDX-License-Identifier: MIT
/*
 * kernel/sched/completion.c: completions (interface in
 * <anvil/completion.h>), built on a wait queue.
 *
 * Everything happens under the queue's lock, interrupts off: done and
 * the list of waiters change together, so a complete() can never slip
 * between a waiter's "not done yet" and its going to sleep. Waiters are
 * exclusive, so complete() wakes exactly one, the longest waiting.
 */
#include <anvil/completion.h>
#include <anvil/debug.h>
#include <anvil/sched.h>
#include <anvil/spinlock.h>

void __init_completion(struct completion *x, const char *name,
		       struct lock_class_key *key)
{
	x->done = 0;
	__init_waitqueue_head(&x->wait, name, key);
}

void reinit_completion(struct completion *x)
{
	WRITE_ONCE(x->done, 0);
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != COMPLETION_ALL)
		x->done++;
	__wake_up_locked(&x->wait, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = COMPLETION_ALL;
	__wake_up_locked(&x->wait, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

static long sleep_for(long timeout)
{
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	return schedule_timeout(timeout);
}

/*
 * Wait until done is non-zero or @timeout runs out; x->wait.lock is held
 * (interrupts off) on entry and on return, dropped while asleep. The
 * entry is put back on the queue on every round: a wakeup takes it off,
 * and if someone else consumed the completion before we got the lock
 * back (try_wait_for_completion), we must be on the queue to be woken
 * by the next complete(). Returns the time left, 0 if it ran out.
 */
static long do_wait_for_common(struct completion *x, long timeout)
{
	DEFINE_WAIT(w);

	w.flags = WQ_FLAG_EXCLUSIVE;
	while (!x->done && timeout) {
		if (list_empty(&w.entry))
			list_add_tail(&w.entry, &x->wait.head);
		__set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irq(&x->wait.lock);
		timeout = sleep_for(timeout);
		spin_lock_irq(&x->wait.lock);
	}
	__set_current_state(TASK_RUNNING);
	if (!list_empty(&w.entry))
		list_del_init(&w.entry);
	if (!x->done)
		return 0;
	if (x->done != COMPLETION_ALL)
		x->done--;
	return timeout ? timeout : 1;
}

static long wait_for_common(struct completion *x, long timeout)
{
	might_sleep();
	spin_lock_irq(&x->wait.lock);
	timeout = do_wait_for_common(x, timeout);
	spin_unlock_irq(&x->wait.lock);
	return timeout;
}

void wait_for_completion(struct completion *x)
{
	wait_for_common(x, MAX_SCHEDULE_TIMEOUT);
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	if (timeout > (unsigned long)MAX_SCHEDULE_TIMEOUT)
		timeout = MAX_SCHEDULE_TIMEOUT;
	return (unsigned long)wait_for_common(x, (long)timeout);
}

bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != COMPLETION_ALL)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
