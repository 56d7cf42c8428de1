// SPDX-License-Identifier: MIT
/*
 * opal-rtc.c: the time of day at boot, from OPAL's real-time clock.
 *
 * Interface: read_persistent_clock64() (<anvil/arch.h>), called once by
 * clock_register() during setup_arch(), boot CPU, interrupts off.
 *
 * OPAL_RTC_READ answers with the date and time in BCD, big-endian (so
 * native here): y_m_d is YYYYMMDD, and the top five bytes of
 * h_m_s_ms are HH MM SS and milliseconds. On QEMU's powernv skiboot
 * asks the BMC for it over IPMI, so the first calls say "busy" until
 * OPAL_POLL_EVENTS has carried the request and the answer; after that
 * skiboot keeps time itself. A bound on the wait keeps a machine without
 * a working clock from hanging the boot: the wall clock then starts at
 * kernel/time.c's fixed date.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/time.h>
#include <asm/opal.h>
#include <asm/page.h>
#include <asm/prom.h>
#include <asm/timex.h>

/* Give up after this long (the BMC answers within a few polls). */
#define OPAL_RTC_TIMEOUT_MS 2000

static unsigned int bcd2bin(unsigned int v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

void read_persistent_clock64(struct timespec64 *ts)
{
	u64 limit = (ppc_tb_freq ? ppc_tb_freq : 512000000) / 1000 *
		    OPAL_RTC_TIMEOUT_MS;
	u64 start = get_cycles();
	u32 y_m_d = 0;
	u64 h_m_s_ms = 0;
	unsigned int year, mon, day, hour, min, sec;
	s64 rc;

	ts->tv_sec = 0;
	ts->tv_nsec = 0;
	if (!opal.entry)
		return;
	for (;;) {
		rc = opal_call(__pa(&y_m_d), __pa(&h_m_s_ms), 0, 0,
			       OPAL_RTC_READ);
		if (rc != OPAL_BUSY && rc != OPAL_BUSY_EVENT)
			break;
		if (get_cycles() - start > limit)
			break;
		opal_poll_events();
	}
	if (rc != OPAL_SUCCESS) {
		pr_warn("ppc64: OPAL has no RTC (OPAL_RTC_READ: %lld)\n",
			(long long)rc);
		return;
	}
	year = bcd2bin(y_m_d >> 24) * 100 + bcd2bin((y_m_d >> 16) & 0xff);
	mon = bcd2bin((y_m_d >> 8) & 0xff);
	day = bcd2bin(y_m_d & 0xff);
	hour = bcd2bin((h_m_s_ms >> 56) & 0xff);
	min = bcd2bin((h_m_s_ms >> 48) & 0xff);
	sec = bcd2bin((h_m_s_ms >> 40) & 0xff);
	if (year < 1970 || mon < 1 || mon > 12 || day < 1 || day > 31 ||
	    hour > 23 || min > 59 || sec > 59)
		return;
	ts->tv_sec = mktime64(year, mon, day, hour, min, sec);
}
