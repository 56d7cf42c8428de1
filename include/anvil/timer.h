/* SPDX-License-Identifier: MIT */
/*
 * Timers: call a function when jiffies reaches a value
 * (kernel/sched/timer.c). Sleeps (schedule_timeout) and the interval
 * timer behind alarm() and setitimer() are built on them.
 *
 * The function runs in CPU 0's tick, with interrupts off and the timer
 * lock held: like an interrupt handler it may not sleep, and it may not
 * call the functions below. It returns the jiffy to run again at (a
 * periodic timer), or 0 to stop. Because it runs under the timer lock,
 * del_timer() returning means the function is not running, and will not
 * run again until the next add_timer().
 */
#ifndef ANVIL_TIMER_H
#define ANVIL_TIMER_H

#include <anvil/list.h>
#include <anvil/types.h>

struct timer_list {
	struct list_head entry;	/* [timer lock] on the list, or empty */
	u64 expires;		/* [timer lock] jiffies */
	u64 (*function)(struct timer_list *t);
};

void timer_setup(struct timer_list *t, u64 (*function)(struct timer_list *));
/* Arm @t to run at @expires (a pending @t moves there). */
void mod_timer(struct timer_list *t, u64 expires);
/* Disarm @t: true if it was pending. */
bool del_timer(struct timer_list *t);
/* Jiffies until @t runs; 0 if it is not pending. */
u64 timer_remaining(struct timer_list *t);

#endif /* ANVIL_TIMER_H */
