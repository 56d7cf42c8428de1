// SPDX-License-Identifier: MIT
/*
 * kernel/rtc.c: the time of day at boot, from the CMOS real-time clock
 * (the MC146818 every PC has and QEMU emulates, set from the host's
 * clock in UTC).
 *
 * Interface: read_persistent_clock64() (<anvil/arch.h>), called once by
 * clock_register() during setup_arch(); nothing else touches the CMOS,
 * so the index/data port pair needs no lock.
 *
 * The chip updates its registers once a second and they are inconsistent
 * for up to 2 ms meanwhile (status A's UIP bit says an update is near);
 * so wait for UIP to clear, read everything, and read again until two
 * rounds agree. The values are BCD unless status B says binary, and the
 * hour may be 12-hour with bit 7 for PM. The century byte sits at CMOS
 * offset 0x32 (where ACPI's FADT says it is on QEMU and most PCs).
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <anvil/time.h>
#include <asm/io.h>

#define RTC_PORT_INDEX 0x70
#define RTC_PORT_DATA 0x71

#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define  RTC_HOURS_PM 0x80		/* 12-hour mode only */
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_REG_A 0x0a
#define  RTC_UIP 0x80			/* update in progress soon */
#define RTC_REG_B 0x0b
#define  RTC_24H 0x02
#define  RTC_DM_BINARY 0x04
#define RTC_CENTURY 0x32

/* Bounds, so a missing or broken chip cannot hang the boot. */
#define RTC_UIP_SPINS 100000
#define RTC_READ_ROUNDS 10

struct rtc_time {
	unsigned int sec, min, hour, mday, mon, year, century;
};

static u8 cmos_read(u8 reg)
{
	outb(RTC_PORT_INDEX, reg);
	return inb(RTC_PORT_DATA);
}

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

static bool rtc_read_once(struct rtc_time *t)
{
	int spins = 0;

	while (cmos_read(RTC_REG_A) & RTC_UIP)
		if (++spins > RTC_UIP_SPINS)
			return false;
	t->sec = cmos_read(RTC_SECONDS);
	t->min = cmos_read(RTC_MINUTES);
	t->hour = cmos_read(RTC_HOURS);
	t->mday = cmos_read(RTC_DAY_OF_MONTH);
	t->mon = cmos_read(RTC_MONTH);
	t->year = cmos_read(RTC_YEAR);
	t->century = cmos_read(RTC_CENTURY);
	return true;
}

void read_persistent_clock64(struct timespec64 *ts)
{
	struct rtc_time a, b;
	unsigned int year, hour;
	bool pm;
	u8 regb;
	int round;

	ts->tv_sec = 0;
	ts->tv_nsec = 0;
	if (!rtc_read_once(&a))
		return;
	for (round = 0; round < RTC_READ_ROUNDS; round++) {
		if (!rtc_read_once(&b))
			return;
		if (!memcmp(&a, &b, sizeof(a)))
			break;
		a = b;
	}
	if (round == RTC_READ_ROUNDS)
		return;

	regb = cmos_read(RTC_REG_B);
	pm = !(regb & RTC_24H) && (a.hour & RTC_HOURS_PM);
	a.hour &= ~RTC_HOURS_PM;
	if (!(regb & RTC_DM_BINARY)) {
		a.sec = bcd2bin(a.sec);
		a.min = bcd2bin(a.min);
		a.hour = bcd2bin(a.hour);
		a.mday = bcd2bin(a.mday);
		a.mon = bcd2bin(a.mon);
		a.year = bcd2bin(a.year);
		a.century = bcd2bin(a.century);
	}
	hour = a.hour;
	if (!(regb & RTC_24H))
		hour = hour % 12 + (pm ? 12 : 0);	/* 12 AM is 0:00 */

	/* No believable century byte: the two-digit year is 1970-2069. */
	if (a.century >= 19 && a.century <= 99)
		year = a.century * 100 + a.year;
	else
		year = a.year + (a.year < 70 ? 2000 : 1900);

	if (a.sec > 59 || a.min > 59 || hour > 23 || a.mday < 1 ||
	    a.mday > 31 || a.mon < 1 || a.mon > 12)
		return;	/* a chip that was never set, or no chip */
	ts->tv_sec = mktime64(year, a.mon, a.mday, hour, a.min, a.sec);
}
