/* SPDX-License-Identifier: MIT */
/*
 * user/lib/time.c: clocks, sleeping and alarms: gettimeofday, times,
 * clock_gettime/clock_getres, nanosleep, sleep, usleep, alarm,
 * setitimer/getitimer (struct itimerval and ITIMER_* are Linux's).
 *
 * newlib's libc.a calls gettimeofday (time()) and times (clock()).
 * struct timeval, struct timespec and struct tms have Linux's layout,
 * but two things differ:
 *   - clock ids: newlib has CLOCK_REALTIME 1 and CLOCK_MONOTONIC 4,
 *     Linux 0 and 1 (see clock_to_linux; CLOCK_THREAD_CPUTIME_ID is
 *     left out, see user/include/sys/features.h);
 *   - times() units: newlib's CLOCKS_PER_SEC and CLK_TCK are 1000, and
 *     clock() divides times() by it, but Linux counts USER_HZ (100)
 *     ticks, so times() scales every count by 10.
 */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include <anvil/linux.h>
#include "glue.h"

#define TICK_SCALE	(CLOCKS_PER_SEC / LINUX_USER_HZ)

/* Linux's id for newlib's @clk, or -1. */
static int clock_to_linux(clockid_t clk)
{
	switch (clk) {
	case CLOCK_REALTIME:		return LINUX_CLOCK_REALTIME;
	case CLOCK_MONOTONIC:		return LINUX_CLOCK_MONOTONIC;
	case CLOCK_PROCESS_CPUTIME_ID:	return LINUX_CLOCK_PROCESS_CPUTIME_ID;
	case CLOCK_MONOTONIC_RAW:	return LINUX_CLOCK_MONOTONIC_RAW;
	case CLOCK_REALTIME_COARSE:	return LINUX_CLOCK_REALTIME_COARSE;
	case CLOCK_MONOTONIC_COARSE:	return LINUX_CLOCK_MONOTONIC_COARSE;
	case CLOCK_BOOTTIME:		return LINUX_CLOCK_BOOTTIME;
	default:			return -1;
	}
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	return __anvil_ret(linux_syscall2(__NR_gettimeofday, tv, tz));
}

clock_t times(struct tms *t)
{
	long r = linux_syscall1(__NR_times, t);

	if (linux_is_err(r))
		return __anvil_fail(-r);
	if (t) {
		t->tms_utime *= TICK_SCALE;
		t->tms_stime *= TICK_SCALE;
		t->tms_cutime *= TICK_SCALE;
		t->tms_cstime *= TICK_SCALE;
	}
	return r * TICK_SCALE;
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	int lclk = clock_to_linux(clk);

	if (lclk < 0) {
		errno = EINVAL;
		return -1;
	}
	return __anvil_ret(linux_syscall2(__NR_clock_gettime, lclk, ts));
}

int clock_getres(clockid_t clk, struct timespec *ts)
{
	int lclk = clock_to_linux(clk);

	if (lclk < 0) {
		errno = EINVAL;
		return -1;
	}
	return __anvil_ret(linux_syscall2(__NR_clock_getres, lclk, ts));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __anvil_ret(linux_syscall2(__NR_nanosleep, req, rem));
}

/* Returns the seconds left if a signal cut the sleep short. */
unsigned sleep(unsigned seconds)
{
	struct timespec ts = { .tv_sec = seconds }, rem;

	if (nanosleep(&ts, &rem) < 0 && errno == EINTR)
		return rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t us)
{
	struct timespec ts = {
		.tv_sec = us / 1000000,
		.tv_nsec = (us % 1000000) * 1000,
	};

	return nanosleep(&ts, NULL);
}

unsigned alarm(unsigned seconds)
{
	return (unsigned)linux_syscall1(__NR_alarm, seconds);
}

int setitimer(int which, const struct itimerval *value,
	      struct itimerval *ovalue)
{
	return __anvil_ret(linux_syscall3(__NR_setitimer, which, value, ovalue));
}

int getitimer(int which, struct itimerval *value)
{
	return __anvil_ret(linux_syscall2(__NR_getitimer, which, value));
}
