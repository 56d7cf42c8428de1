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
 */
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
