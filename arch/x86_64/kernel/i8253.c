// SPDX-License-Identifier: MIT
/*
 * kernel/i8253.c: the 8254 Programmable Interval Timer, as a fallback
 * reference clock for TSC calibration when there is no HPET.
 *
 * Interface: pit_measure_tsc() (asm/tsc.h). The PIT counts down at
 * 1.193182 MHz. Channel 2 is the PC speaker's; its gate and output are
 * wired to port 0x61, so we can start it and see when it reaches zero
 * without any interrupt. Under TCG the polling overshoots by ~0.1%,
 * which is why the HPET is preferred.
 */
#include <asm/io.h>
#include <asm/timex.h>
#include <asm/tsc.h>

#define PIT_TICK_RATE 1193182UL
#define PIT_CH2 0x42
#define PIT_MODE 0x43
#define  PIT_MODE_CH2_ONESHOT 0xb0	/* ch 2, lo/hi byte, mode 0, binary */
#define PORT_61 0x61
#define  PORT_61_GATE2 0x01		/* channel 2 counts while set */
#define  PORT_61_SPEAKER 0x02		/* keep the speaker off */
#define  PORT_61_OUT2 0x20		/* channel 2's output: count hit 0 */

/*
 * Count TSC cycles while PIT channel 2 counts down @ms milliseconds
 * (at most 54: the counter is 16 bits). Interrupts should be off.
 */
u64 pit_measure_tsc(unsigned int ms)
{
	u32 latch = PIT_TICK_RATE * ms / 1000;
	u64 start;

	outb(PORT_61, (inb(PORT_61) & ~PORT_61_SPEAKER) | PORT_61_GATE2);
	outb(PIT_MODE, PIT_MODE_CH2_ONESHOT);
	outb(PIT_CH2, latch & 0xff);
	outb(PIT_CH2, latch >> 8);	/* counting starts with this write */
	start = rdtsc();
	while (!(inb(PORT_61) & PORT_61_OUT2))
		;
	return rdtsc() - start;
}
