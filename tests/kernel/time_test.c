// SPDX-License-Identifier: MIT
/*
 * tests/kernel/time_test.c: the clock and the tick.
 *
 * The monotonic clock must never go backwards, and the periodic tick must
 * advance jiffies at HZ: over 200 ms of clock time we expect 20 ticks at
 * HZ=100, give or take what a slow emulator drops.
 */
#include <anvil/irqflags.h>
#include <anvil/ktest.h>
#include <anvil/time.h>
#include <asm/processor.h>

static void clock_is_monotonic(struct ktest *t)
{
	u64 prev = ktime_get_ns();

	for (int i = 0; i < 100000; i++) {
		u64 now = ktime_get_ns();

		if (now < prev) {
			KTEST_EXPECT_TRUE(t, now >= prev);
			return;
		}
		prev = now;
	}
	KTEST_EXPECT_TRUE(t, clock_hz() > 0);
}

static void clock_measures_delay(struct ktest *t)
{
	u64 start = ktime_get_ns();

	mdelay(20);
	KTEST_EXPECT_TRUE(t, ktime_get_ns() - start >= 20 * NSEC_PER_MSEC);
}

static void timer_ticks_advance(struct ktest *t)
{
	u64 start_ns, start_jiffies, ticks;

	KTEST_ASSERT_TRUE(t, !irqs_disabled());
	start_jiffies = jiffies;
	start_ns = ktime_get_ns();
	while (ktime_get_ns() - start_ns < 200 * NSEC_PER_MSEC)
		cpu_relax();
	ticks = jiffies - start_jiffies;
	ktest_log(t, "%llu ticks in 200 ms (HZ=%d)", (unsigned long long)ticks,
		  HZ);
	/* 20 expected; TCG may delay a few, but none at all is a bug. */
	KTEST_EXPECT_TRUE(t, ticks >= 10 && ticks <= 30);
}

static void no_ticks_with_irqs_off(struct ktest *t)
{
	unsigned long flags;
	u64 before, start;

	local_irq_save(flags);
	before = jiffies;
	start = ktime_get_ns();
	while (ktime_get_ns() - start < 50 * NSEC_PER_MSEC)
		cpu_relax();
	KTEST_EXPECT_EQ(t, jiffies, before);
	local_irq_restore(flags);
	/* The pending tick arrives as soon as interrupts are back on. */
	start = ktime_get_ns();
	while (jiffies == before && ktime_get_ns() - start < 100 * NSEC_PER_MSEC)
		cpu_relax();
	KTEST_EXPECT_NE(t, jiffies, before);
}

KTEST_SUITE(time, "time",
	    KTEST_CASE(clock_is_monotonic),
	    KTEST_CASE(clock_measures_delay),
	    KTEST_CASE(timer_ticks_advance),
	    KTEST_CASE(no_ticks_with_irqs_off));
