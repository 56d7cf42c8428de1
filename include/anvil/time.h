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

extern volatile u64 jiffies;

/* Called by the arch once it knows its counter's rate in Hz. */
void clock_register(u64 hz);
u64 clock_hz(void);
/* Nanoseconds since the clock started counting (machine reset on QEMU). */
u64 ktime_get_ns(void);
/* Convert a cycle delta to nanoseconds. */
u64 cycles_to_ns(u64 cycles);
/* The periodic tick; the arch's timer interrupt handler calls it. */
void timer_interrupt(void);
/* Busy-wait; interrupts may be on or off. */
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif /* ANVIL_TIME_H */
