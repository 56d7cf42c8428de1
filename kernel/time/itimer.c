// SPDX-License-Identifier: MIT
/*
 * kernel/time/itimer.c: the real-time interval timer, ITIMER_REAL:
 * alarm(2), setitimer(2) and getitimer(2).
 *
 * Each process (signal_struct) has one timer (<anvil/timer.h>). When it
 * expires, the tick sends the process SIGALRM and, for an interval
 * timer, arms it again; fork does not pass it on, exec keeps it, and the
 * last thread's exit stops it (itimer_exit). Times are kept in jiffies,
 * so an alarm rings on the first tick after its deadline: never early,
 * up to 10 ms late (HZ = 100), as sleeps do.
 *
 * ITIMER_VIRTUAL and ITIMER_PROF (CPU-time timers) are EINVAL: anvil
 * does not charge CPU time to timers.
 *
 * The timer's function runs in the tick with the timer lock held, and
 * sends the signal from there (the siglock nests inside the timer lock).
 * So nobody may arm or disarm the timer with the siglock held: setters
 * serialize on itimer_mutex instead, and change the interval only while
 * the timer is disarmed, so the function never sees it change.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mutex.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/sched/task.h>
#include <anvil/syscalls.h>
#include <anvil/time.h>
#include <anvil/timer.h>
#include <anvil/uaccess.h>
#include <asm/unistd.h>

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

struct itimerval {
	struct __kernel_old_timeval it_interval;	/* then every ... */
	struct __kernel_old_timeval it_value;		/* first in ... */
};

static DEFINE_MUTEX(itimer_mutex);

static u64 it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = container_of(t, struct signal_struct,
						 real_timer);

	send_sig(SIGALRM, sig->leader, 1);
	return sig->it_real_incr ? jiffies + sig->it_real_incr : 0;
}

void itimer_init(struct signal_struct *sig, struct task_struct *leader)
{
	timer_setup(&sig->real_timer, it_real_fn);
	sig->it_real_incr = 0;
	sig->leader = leader;
}

void itimer_exit(struct signal_struct *sig)
{
	del_timer(&sig->real_timer);
}

/* A timeval as jiffies, rounded up: a timer never rings early. */
static u64 timeval_to_jiffies(const struct __kernel_old_timeval *tv)
{
	u64 us = (u64)tv->tv_sec * USEC_PER_SEC + (u64)tv->tv_usec;
	u64 per_jiffy = USEC_PER_SEC / HZ;

	return (us + per_jiffy - 1) / per_jiffy;
}

static void jiffies_to_timeval(u64 j, struct __kernel_old_timeval *tv)
{
	u64 us = j * (USEC_PER_SEC / HZ);

	tv->tv_sec = (long)(us / USEC_PER_SEC);
	tv->tv_usec = (long)(us % USEC_PER_SEC);
}

static bool timeval_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 &&
	       tv->tv_usec < (long)USEC_PER_SEC;
}

static void get_real(struct signal_struct *sig, struct itimerval *v)
{
	jiffies_to_timeval(timer_remaining(&sig->real_timer), &v->it_value);
	jiffies_to_timeval(sig->it_real_incr, &v->it_interval);
}

/* Set ITIMER_REAL to @new; the old setting in *@old if asked for. */
static void set_real(const struct itimerval *new, struct itimerval *old)
{
	struct signal_struct *sig = current->signal;
	u64 value = timeval_to_jiffies(&new->it_value);

	mutex_lock(&itimer_mutex);
	if (old)
		get_real(sig, old);
	del_timer(&sig->real_timer);
	sig->it_real_incr = timeval_to_jiffies(&new->it_interval);
	if (value)
		mod_timer(&sig->real_timer, jiffies + value);
	mutex_unlock(&itimer_mutex);
}

SYSCALL_DEFINE2(getitimer, int, which, struct itimerval __user *, value)
{
	struct itimerval v;

	if (which != ITIMER_REAL)
		return -EINVAL;
	mutex_lock(&itimer_mutex);
	get_real(current->signal, &v);
	mutex_unlock(&itimer_mutex);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(setitimer, int, which, const struct itimerval __user *, value,
		struct itimerval __user *, ovalue)
{
	struct itimerval new = { 0 }, old;

	if (which != ITIMER_REAL)
		return -EINVAL;
	/* No new value disarms, as Linux has done since 4.x. */
	if (value && copy_from_user(&new, value, sizeof(new)))
		return -EFAULT;
	if (!timeval_valid(&new.it_value) || !timeval_valid(&new.it_interval))
		return -EINVAL;
	set_real(&new, ovalue ? &old : NULL);
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

#ifdef __NR_alarm
/*
 * alarm(seconds): SIGALRM in that many seconds (0 cancels); returns the
 * seconds the previous alarm had left, rounded as Linux rounds them (up
 * from half a second, and never 0 for one still pending).
 */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct itimerval new = { .it_value = { .tv_sec = seconds } }, old;
	unsigned int left;

	set_real(&new, &old);
	left = (unsigned int)old.it_value.tv_sec;
	if ((!left && old.it_value.tv_usec) || old.it_value.tv_usec >= 500000)
		left++;
	return left;
}
#endif
