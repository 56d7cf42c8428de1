// SPDX-License-Identifier: MIT
/*
 * kernel/time/posix-timers.c: the clocks as system calls:
 * clock_gettime, clock_getres, gettimeofday, time, nanosleep and
 * clock_nanosleep. (Linux spreads these over posix-timers.c,
 * posix-cpu-timers.c, hrtimer.c and time.c.)
 *
 * anvil has one clock underneath, the monotonic one (kernel/time.c);
 * the clock ids map onto it:
 *
 *	MONOTONIC, MONOTONIC_RAW, BOOTTIME	ktime_get_ns(): no NTP to
 *						slew MONOTONIC, no suspend
 *						for BOOTTIME to count
 *	REALTIME, TAI				+ the wall-clock offset (TAI's
 *						offset from UTC is 0 until
 *						set, as in Linux)
 *	*_COARSE				the same, cut to the tick
 *	PROCESS_CPUTIME_ID, THREAD_CPUTIME_ID	CPU time (sched/cputime.c)
 *	negative ids				Linux's encoding of another
 *						task's CPU clock (pid << 3)
 *
 * Sleeps are interruptible and, because the only timers anvil has are
 * the tick's (kernel/sched/timer.c), they end on the first tick after
 * the deadline: never early, up to 10 ms late.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/sched/cputime.h>
#include <anvil/sched/task.h>
#include <anvil/syscalls.h>
#include <anvil/time.h>
#include <anvil/uaccess.h>

/* A CPU clock id (Linux's posix-cpu-timers encoding). */
#define CPUCLOCK_PID(clock) ((int)~((clock) >> 3))
#define CPUCLOCK_PERTHREAD_MASK 4
#define CPUCLOCK_CLOCK_MASK 3
#define CPUCLOCK_PROF 0
#define CPUCLOCK_VIRT 1
#define CPUCLOCK_SCHED 2
#define CPUCLOCK_MAX 3		/* 3 itself means a clock fd: none here */
#define MAKE_PROCESS_CPUCLOCK(pid, clock)                                  \
	((int)(~(unsigned int)(pid) << 3) | (clock))
#define MAKE_THREAD_CPUCLOCK(tid, clock)                                   \
	(MAKE_PROCESS_CPUCLOCK(tid, clock) | CPUCLOCK_PERTHREAD_MASK)

#define KTIME_MAX (~0ULL)

/*
 * The CPU time of the task or process a CPU clock id names: pid 0 is
 * the caller; a thread clock must name a thread of the caller's own
 * process, a process clock a process (its leader's pid), as in Linux.
 */
static int cpu_clock_get(int which, u64 *ns)
{
	int pid = CPUCLOCK_PID(which);
	bool thread = which & CPUCLOCK_PERTHREAD_MASK;
	struct task_struct *t = current;
	int ret = 0;

	if ((which & CPUCLOCK_CLOCK_MASK) >= CPUCLOCK_MAX)
		return -EINVAL;
	/* tasklist_lock keeps the task, and its thread list, in place. */
	spin_lock(&tasklist_lock);
	if (pid != 0) {
		t = find_task_by_pid(pid);
		if (t && (thread ? t->tgid != current->tgid : t->tgid != pid))
			t = NULL;
	}
	if (!t)
		ret = -EINVAL;
	else
		*ns = thread ? task_sched_runtime(t) : thread_group_cputime(t);
	spin_unlock(&tasklist_lock);
	return ret;
}

/* The coarse clocks read as of the last tick, not of this instant. */
static u64 ktime_get_coarse_ns(void)
{
	u64 ns = ktime_get_ns();

	return ns - ns % TICK_NSEC;
}

/* @which_clock's time in nanoseconds, or -EINVAL for no such clock. */
static int clock_get_ns(int which_clock, u64 *ns)
{
	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_coarse_ns() + ktime_real_offset_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = ktime_get_coarse_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:	/* the caller's, as pid 0 says */
		return cpu_clock_get(MAKE_PROCESS_CPUCLOCK(0, CPUCLOCK_SCHED),
				     ns);
	case CLOCK_THREAD_CPUTIME_ID:
		return cpu_clock_get(MAKE_THREAD_CPUCLOCK(0, CPUCLOCK_SCHED),
				     ns);
	default:
		if (which_clock < 0)
			return cpu_clock_get(which_clock, ns);
		return -EINVAL;	/* the ALARM clocks, and unknown ids */
	}
}

/* Nanoseconds between readings: 1 for the fine clocks, a tick else. */
static int clock_getres_ns(int which_clock, u64 *res)
{
	u64 unused;
	int ret;

	switch (which_clock) {
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		*res = TICK_NSEC;
		return 0;
	default:
		ret = clock_get_ns(which_clock, &unused); /* does it exist? */
		if (ret)
			return ret;
		/* The PROF and VIRT CPU clocks of Linux tick; SCHED is fine. */
		if (which_clock < 0 &&
		    (which_clock & CPUCLOCK_CLOCK_MASK) != CPUCLOCK_SCHED)
			*res = TICK_NSEC;
		else
			*res = 1;
		return 0;
	}
}

static struct __kernel_timespec ns_to_kernel_timespec(u64 ns)
{
	return (struct __kernel_timespec){
		.tv_sec = (s64)(ns / NSEC_PER_SEC),
		.tv_nsec = (long long)(ns % NSEC_PER_SEC),
	};
}

static int put_timespec_ns(u64 ns, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = ns_to_kernel_timespec(ns);

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}

/* Copy in a duration or deadline: -EFAULT, -EINVAL, or 0 and *@ns. */
static int get_timespec_ns(const struct __kernel_timespec __user *uts,
			   u64 *ns)
{
	struct __kernel_timespec kts;
	struct timespec64 ts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts.tv_sec = kts.tv_sec;
	ts.tv_nsec = (long)kts.tv_nsec;
	if (!timespec64_valid(&ts))
		return -EINVAL;
	/* Beyond 2554 is "forever": saturate instead of wrapping. */
	if ((u64)ts.tv_sec >= KTIME_MAX / NSEC_PER_SEC)
		*ns = KTIME_MAX;
	else
		*ns = (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which_clock,
		struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int ret = clock_get_ns(which_clock, &ns);

	return ret ? ret : put_timespec_ns(ns, tp);
}

SYSCALL_DEFINE2(clock_getres, int, which_clock,
		struct __kernel_timespec __user *, tp)
{
	u64 res;
	int ret = clock_getres_ns(which_clock, &res);

	if (ret || !tp)		/* a NULL tp only asks "is it a clock?" */
		return ret;
	return put_timespec_ns(res, tp);
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	/* anvil keeps UTC and no time zone: the kernel's is all zeros. */
	static const struct timezone sys_tz;
	struct __kernel_old_timeval ktv;
	u64 ns;

	if (tv) {
		ns = ktime_get_real_ns();
		ktv.tv_sec = (long)(ns / NSEC_PER_SEC);
		ktv.tv_usec = (long)(ns % NSEC_PER_SEC / NSEC_PER_USEC);
		if (copy_to_user(tv, &ktv, sizeof(ktv)))
			return -EFAULT;
	}
	if (tz && copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

#ifdef __NR_time
SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long secs = (long)(ktime_get_real_ns() / NSEC_PER_SEC);

	if (tloc && put_user(secs, tloc))
		return -EFAULT;
	return secs;
}
#endif

/*
 * Sleep until the monotonic clock reads @deadline. 0 once it has, or
 * -EINTR as soon as a signal is pending, with the time left in *@left.
 * The state is set before the signal test, so a signal sent between the
 * test and schedule() still wakes us (the sender wakes INTERRUPTIBLE
 * sleepers after setting TIF_SIGPENDING).
 */
static int do_nanosleep(u64 deadline, u64 *left)
{
	u64 now;

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		now = ktime_get_ns();
		if (now >= deadline)
			break;
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			*left = deadline - now;
			return -EINTR;
		}
		/*
		 * The tick timer can end the sleep up to a tick early (the
		 * first tick may be about to fire): the loop sleeps again
		 * for what is left, so the sleep is never short.
		 */
		schedule_timeout((long)((deadline - now) / TICK_NSEC + 1));
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static u64 deadline_after(u64 duration)
{
	u64 now = ktime_get_ns();

	return duration > KTIME_MAX - now ? KTIME_MAX : now + duration;
}

/*
 * A relative sleep. Interrupted, it writes the time left to @rmtp and
 * says EINTR; Linux would restart it transparently when no handler ran
 * (a stop and continue), which anvil does not do.
 */
static long nanosleep_relative(u64 duration,
			       struct __kernel_timespec __user *rmtp)
{
	u64 left = 0;
	int ret = do_nanosleep(deadline_after(duration), &left);

	if (ret && rmtp && put_timespec_ns(left, rmtp))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(nanosleep, const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	u64 duration;
	int ret = get_timespec_ns(rqtp, &duration);

	return ret ? ret : nanosleep_relative(duration, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which_clock,
		int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	bool realtime = false;
	u64 ns, left, offset;
	int ret;

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:
		realtime = true;
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		break;
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		return -EOPNOTSUPP;	/* clocks Linux cannot sleep on */
	default:
		/* The CPU-time clocks too: Linux can sleep on a process's,
		 * anvil cannot. */
		return -EINVAL;
	}
	ret = get_timespec_ns(rqtp, &ns);
	if (ret)
		return ret;
	if (!(flags & TIMER_ABSTIME))
		return nanosleep_relative(ns, rmtp);

	/* A wall-clock deadline becomes a monotonic one: the offset
	 * between them never changes (nothing sets the clock). */
	if (realtime) {
		offset = ktime_real_offset_ns();
		ns = ns > offset ? ns - offset : 0;
	}
	/* Interrupted, an absolute sleep is simply run again (when no
	 * handler ran): the deadline has not moved. rmtp is unused. */
	return do_nanosleep(ns, &left) ? -ERESTARTNOHAND : 0;
}
