// SPDX-License-Identifier: MIT
/*
 * kernel/time.c: the tick and the monotonic clock.
 *
 * The arch gives a free-running cycle counter (get_cycles(): the TSC on
 * x86_64, the timebase on ppc64) and its rate (clock_register()). Turning
 * cycles into nanoseconds would take a 64-bit division on every read; like
 * Linux's clocksource we precompute mult and shift once so that
 *
 *	ns = (cycles * mult) >> shift
 *
 * with the product done in 128 bits so nothing overflows for centuries.
 *
 * jiffies counts ticks of the periodic timer (HZ per second); the arch's
 * timer interrupt calls timer_interrupt() on every CPU, which also drives
 * the scheduler's time slices.
 *
 * Wall-clock time is the monotonic clock plus one offset, fixed when the
 * clock is registered: the arch reads its battery-backed clock then
 * (read_persistent_clock64: the CMOS RTC on x86_64, OPAL's RTC on
 * ppc64), as Linux's timekeeping_init() does. That clock counts whole
 * seconds, so the wall time is right to a second; it is never adjusted
 * afterwards. With no clock to read, the wall time starts at
 * FALLBACK_EPOCH instead of at 1970, so file times and `date` still look
 * like this century.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/percpu.h>
#include <anvil/sched.h>
#include <anvil/time.h>
#include <asm/processor.h>
#include <asm/timex.h>

volatile u64 jiffies;

static u64 clock_rate_hz;
static u32 clock_mult;
static u32 clock_shift;

/* 2024-01-01 00:00:00 UTC: the wall time at boot when nothing says. */
#define FALLBACK_EPOCH 1704067200LL

/* CLOCK_REALTIME - CLOCK_MONOTONIC, in ns; set once, boot CPU, early. */
static u64 wall_offset_ns;
static bool wall_clock_set;

static void wall_clock_init(void)
{
	struct timespec64 ts = { 0, 0 };
	u64 mono = ktime_get_ns();
	bool have_rtc;

	read_persistent_clock64(&ts);
	have_rtc = ts.tv_sec > 0 && timespec64_valid(&ts);
	if (!have_rtc)
		ts = (struct timespec64){ FALLBACK_EPOCH, 0 };
	wall_offset_ns = (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec - mono;
	wall_clock_set = true;
	pr_info("time: wall clock %lld s after 1970 UTC%s\n",
		(long long)ts.tv_sec,
		have_rtc ? ", from the RTC" : " (no RTC: a fixed date)");
}

/*
 * Pick the largest shift for which mult = (NSEC_PER_SEC << shift) / hz
 * still fits in 32 bits: the most precision the multiply can carry.
 */
void clock_register(u64 hz)
{
	u32 shift = 32;

	BUG_ON(hz == 0);
	while (shift > 0 && ((NSEC_PER_SEC << shift) / hz) > 0xffffffffULL)
		shift--;
	clock_mult = (u32)((NSEC_PER_SEC << shift) / hz);
	clock_shift = shift;
	clock_rate_hz = hz;
	if (!wall_clock_set)
		wall_clock_init();
}

u64 clock_hz(void)
{
	return clock_rate_hz;
}

u64 cycles_to_ns(u64 cycles)
{
	return (u64)(((unsigned __int128)cycles * clock_mult) >> clock_shift);
}

/* 0 until the arch has registered its clock. */
u64 ktime_get_ns(void)
{
	if (!clock_rate_hz)
		return 0;
	return cycles_to_ns(get_cycles());
}

u64 ktime_get_real_ns(void)
{
	return wall_offset_ns + ktime_get_ns();
}

u64 ktime_real_offset_ns(void)
{
	return wall_offset_ns;
}

/*
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
 * Counting years from March puts the leap day last, so a month's first
 * day is a linear formula of its number (153 days per 5 months), and
 * whole 400-year eras have a fixed 146097 days.
 */
static s64 days_from_civil(s64 y, unsigned int m, unsigned int d)
{
	s64 era, yoe, doy, doe;

	if (m <= 2)
		y--;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;				/* 0..399 */
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* 0..365 */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0..146096 */
	return era * 146097 + doe - 719468;	/* 0000-03-01 to 1970-01-01 */
}

time64_t mktime64(unsigned int year, unsigned int mon, unsigned int day,
		  unsigned int hour, unsigned int min, unsigned int sec)
{
	return days_from_civil(year, mon, day) * 86400 + hour * 3600 +
	       min * 60 + sec;
}

/* Every CPU's tick; CPU 0 alone keeps jiffies, so it counts real time. */
void timer_interrupt(void)
{
	if (raw_smp_processor_id() == 0)
		jiffies++;
	scheduler_tick();
}

void udelay(unsigned long usecs)
{
	u64 end = ktime_get_ns() + usecs * NSEC_PER_USEC;

	while (ktime_get_ns() < end)
		cpu_relax();
}

void mdelay(unsigned long msecs)
{
	udelay(msecs * 1000);
}
