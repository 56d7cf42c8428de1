// SPDX-License-Identifier: MIT
/*
 * kernel/sched/timer.c: sleeping for a while (schedule_timeout, msleep).
 *
 * A sleeper puts a struct sleep_timer (on its own stack) on one global
 * list, sorted by expiry; CPU 0's tick wakes the expired ones. A list is
 * plenty for a teaching kernel's handful of sleepers; Linux's timer wheel
 * does the same job in O(1) for millions.
 */
#include <anvil/kernel.h>
#include <anvil/spinlock.h>
#include <anvil/time.h>

#include "sched.h"

struct sleep_timer {
	struct list_head list;
	u64 expires;		/* jiffies */
	struct task_struct *task;
};

static DEFINE_SPINLOCK(sleep_lock);
static LIST_HEAD(sleepers);

static void timer_add(struct sleep_timer *t)
{
	struct sleep_timer *pos;
	unsigned long flags;

	spin_lock_irqsave(&sleep_lock, flags);
	list_for_each_entry(pos, &sleepers, list)
		if (pos->expires > t->expires)
			break;
	list_add_tail(&t->list, &pos->list); /* before the later one */
	spin_unlock_irqrestore(&sleep_lock, flags);
}

static void timer_del(struct sleep_timer *t)
{
	unsigned long flags;

	spin_lock_irqsave(&sleep_lock, flags);
	if (!list_empty(&t->list))
		list_del_init(&t->list);
	spin_unlock_irqrestore(&sleep_lock, flags);
}

/* From scheduler_tick(), in interrupt context, on every CPU. */
void sched_timer_tick(void)
{
	struct sleep_timer *t;

	if (raw_smp_processor_id() != 0)
		return;
	spin_lock(&sleep_lock);
	while (!list_empty(&sleepers)) {
		t = list_first_entry(&sleepers, struct sleep_timer, list);
		if (t->expires > jiffies)
			break;
		list_del_init(&t->list);
		wake_up_process(t->task);
	}
	spin_unlock(&sleep_lock);
}

long schedule_timeout(long ticks)
{
	struct sleep_timer t = { .task = current };
	u64 now = jiffies;

	if (ticks <= 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	INIT_LIST_HEAD(&t.list);
	t.expires = now + ticks;
	timer_add(&t);
	schedule();
	timer_del(&t);
	now = jiffies;
	return now >= t.expires ? 0 : (long)(t.expires - now);
}

void msleep(unsigned int ms)
{
	long ticks = DIV_ROUND_UP((long)ms * HZ, 1000) + 1;

	while (ticks > 0) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		ticks = schedule_timeout(ticks);
	}
}
