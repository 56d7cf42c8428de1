// SPDX-License-Identifier: MIT
/*
 * kernel/sched/timer.c: timers (<anvil/timer.h>), and sleeping for a
 * while with them (schedule_timeout, msleep).
 *
 * Every timer is on one global list, sorted by expiry; CPU 0's tick runs
 * the expired ones, under the list's lock (so del_timer() returning means
 * the function is done). A sleeper's timer lives on its own stack and
 * wakes it. A list is plenty for a teaching kernel's handful of timers;
 * Linux's timer wheel does the same job in O(1) for millions.
 */
#include <anvil/kernel.h>
#include <anvil/spinlock.h>
#include <anvil/time.h>
#include <anvil/timer.h>

#include "sched.h"

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(timers);	/* [timer_lock] by expiry, earliest first */

void timer_setup(struct timer_list *t, u64 (*function)(struct timer_list *))
{
	INIT_LIST_HEAD(&t->entry);
	t->expires = 0;
	t->function = function;
}

/* Into the sorted list, after any that expire at the same jiffy. */
static void __timer_insert(struct timer_list *t)
{
	struct timer_list *pos;

	list_for_each_entry(pos, &timers, entry)
		if (pos->expires > t->expires)
			break;
	list_add_tail(&t->entry, &pos->entry);	/* before the later one */
}

void mod_timer(struct timer_list *t, u64 expires)
{
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	if (!list_empty(&t->entry))
		list_del(&t->entry);
	t->expires = expires;
	__timer_insert(t);
	spin_unlock_irqrestore(&timer_lock, flags);
}

bool del_timer(struct timer_list *t)
{
	unsigned long flags;
	bool pending;

	spin_lock_irqsave(&timer_lock, flags);
	pending = !list_empty(&t->entry);
	if (pending)
		list_del_init(&t->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
	return pending;
}

u64 timer_remaining(struct timer_list *t)
{
	unsigned long flags;
	u64 left = 0, now;

	spin_lock_irqsave(&timer_lock, flags);
	now = jiffies;
	if (!list_empty(&t->entry))
		left = t->expires > now ? t->expires - now : 1;
	spin_unlock_irqrestore(&timer_lock, flags);
	return left;
}

/* From scheduler_tick(), in interrupt context, on every CPU. */
void sched_timer_tick(void)
{
	struct timer_list *t;
	u64 next;

	if (raw_smp_processor_id() != 0)
		return;
	spin_lock(&timer_lock);
	while (!list_empty(&timers)) {
		t = list_first_entry(&timers, struct timer_list, entry);
		if (t->expires > jiffies)
			break;
		list_del_init(&t->entry);
		next = t->function(t);
		if (next) {		/* periodic: never in the past */
			t->expires = max(next, jiffies + 1);
			__timer_insert(t);
		}
	}
	spin_unlock(&timer_lock);
}

struct sleeper {
	struct timer_list timer;
	struct task_struct *task;
};

static u64 wake_sleeper(struct timer_list *t)
{
	wake_up_process(container_of(t, struct sleeper, timer)->task);
	return 0;
}

long schedule_timeout(long ticks)
{
	struct sleeper s = { .task = current };
	u64 now = jiffies, expires;

	if (ticks <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	timer_setup(&s.timer, wake_sleeper);
	expires = now + ticks;
	mod_timer(&s.timer, expires);
	schedule();
	del_timer(&s.timer);
	now = jiffies;
	return now >= expires ? 0 : (long)(expires - now);
}

void msleep(unsigned int ms)
{
	long ticks = DIV_ROUND_UP((long)ms * HZ, 1000) + 1;

	while (ticks > 0) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		ticks = schedule_timeout(ticks);
	}
}
