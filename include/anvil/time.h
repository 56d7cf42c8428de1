/* SPDX-License-Identifier: MIT */
/*
 * Time: the tick (jiffies) and a monotonic nanosecond clock (kernel/time.c).
 *
 * The arch supplies a free-running counter (<asm/timex.h>: get_cycles()
 * and its rate, found by arch_clock_init) and a periodic interrupt that
 * calls timer_interrupt(). Cycles become nanoseconds by a multiply and a
 * shift (the clocksource "mult/shift" trick), never by a division.
 */
#ifndef ANVIL_TIME_H
#define ANVIL_TIME_H

#include <anvil/types.h>

#define HZ 100
#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_MSEC 1000000ULL
#define NSEC_PER_USEC 1000ULL
#define USEC_PER_SEC 1000000ULL
#define TICK_NSEC (NSEC_PER_SEC / HZ)	/* one tick: 10 ms */

extern volatile u64 jiffies;

typedef s64 time64_t;

/* A time inside the kernel (Linux's struct timespec64). */
struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

/*
 * The user ABI's struct timespec and struct timeval, as 64-bit Linux
 * passes them (both fields 8 bytes on x86_64 and ppc64), and the
 * struct timezone gettimeofday fills (always zeros: anvil keeps UTC).
 */
struct __kernel_timespec {
	s64 tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

/* Linux's clock ids (clock_gettime and friends; kernel/time/posix-timers.c). */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_REALTIME_ALARM 8
#define CLOCK_BOOTTIME_ALARM 9
#define CLOCK_TAI 11

/* clock_nanosleep's flag: the time is a deadline, not a duration. */
#define TIMER_ABSTIME 0x01

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 &&
	       (u64)ts->tv_nsec < NSEC_PER_SEC;
}

/* Called by the arch once it knows its counter's rate in Hz. */
void clock_register(u64 hz);
u64 clock_hz(void);
/* Nanoseconds since the clock started counting (machine reset on QEMU). */
u64 ktime_get_ns(void);
/* Convert a cycle delta to nanoseconds. */
u64 cycles_to_ns(u64 cycles);
/*
 * Wall-clock time (CLOCK_REALTIME) in nanoseconds since 1970-01-01 UTC:
 * the battery-backed clock read once at clock_register(), carried
 * forward by the monotonic clock. Nothing sets it later (no
 * settimeofday, no NTP), so it drifts with the cycle counter.
 */
u64 ktime_get_real_ns(void);
/* CLOCK_REALTIME - CLOCK_MONOTONIC: turns a wall-clock deadline into a
 * monotonic one. Constant after boot. */
u64 ktime_real_offset_ns(void);
/* Seconds since 1970-01-01 00:00:00 UTC of a UTC date; @mon is 1..12. */
time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec);
/* The periodic tick; the arch's timer interrupt handler calls it. */
void timer_interrupt(void);
/* Busy-wait; interrupts may be on or off. */
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif /* ANVIL_TIME_H */
