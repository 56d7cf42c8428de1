// SPDX-License-Identifier: MIT
/*
 * opal.c: the console and power control, through OPAL (skiboot).
 *
 * Interface: arch_console_write, machine_power_off, machine_halt
 * (<anvil/arch.h>), opal_init_early (<asm/opal.h>). The call mechanics
 * (real mode, OPAL's r2) are in opal-wrappers.S.
 *
 * The console is skiboot's: OPAL_CONSOLE_WRITE queues bytes for the
 * UART, and when its buffer is full it answers "busy" until
 * OPAL_POLL_EVENTS lets it drain. skiboot serializes the UART, so this
 * file needs no lock of its own while one CPU runs; with SMP, lines from
 * different CPUs will need one to stay whole.
 */
#include <anvil/arch.h>
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <asm/opal.h>
#include <asm/paca.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/prom.h>
#include <asm/reg.h>
#include <asm/timex.h>

struct opal opal;

/* Give up on the console after this many fruitless polls (a dead UART
 * must not hang a panic). */
#define OPAL_CONSOLE_RETRIES 100000

void opal_init_early(u64 base, u64 entry)
{
	opal.base = base;
	opal.entry = entry;
}

void opal_poll_events(void)
{
	opal_call(0, 0, 0, 0, OPAL_POLL_EVENTS);
}

/* Write @n bytes to console 0; @buf must be in the direct map or image. */
static void opal_console_put(const char *buf, size_t n)
{
	int tries = 0;

	while (n && tries < OPAL_CONSOLE_RETRIES) {
		/* OPAL reads and updates a big-endian s64: native here. */
		s64 len = (s64)n;
		s64 rc = opal_call(0, __pa(&len), __pa(buf), 0,
				   OPAL_CONSOLE_WRITE);

		if (rc == OPAL_SUCCESS && len > 0) {
			buf += len;
			n -= (size_t)len;
			tries = 0;
			continue;
		}
		if (rc != OPAL_SUCCESS && rc != OPAL_BUSY &&
		    rc != OPAL_BUSY_EVENT)
			return;
		opal_poll_events();
		tries++;
	}
}

/* Polled output; "\n" becomes "\r\n" because skiboot sends bytes raw. */
void arch_console_write(const char *s, size_t n)
{
	char buf[128];
	size_t used = 0;

	if (!opal.entry)
		return;
	while (n--) {
		char c = *s++;

		if (c == '\n')
			buf[used++] = '\r';
		buf[used++] = c;
		if (used >= sizeof(buf) - 1) {
			opal_console_put(buf, used);
			used = 0;
		}
	}
	if (used)
		opal_console_put(buf, used);
}

/*
 * Ask the BMC to power off. QEMU exits about half a second later, while
 * we keep polling (the request travels over IPMI, which skiboot drives
 * from OPAL_POLL_EVENTS). Without a BMC the call fails: halt instead.
 */
void machine_power_off(void)
{
	u64 hz = ppc_tb_freq ? ppc_tb_freq : 512000000;
	u64 start;
	s64 rc;

	arch_local_irq_disable();
	do {
		rc = opal_call(0, 0, 0, 0, OPAL_CEC_POWER_DOWN);
		if (rc == OPAL_BUSY_EVENT || rc == OPAL_BUSY)
			opal_poll_events();
	} while (rc == OPAL_BUSY_EVENT || rc == OPAL_BUSY);

	if (rc == OPAL_SUCCESS || rc == OPAL_ASYNC_COMPLETION) {
		start = get_cycles();
		while (get_cycles() - start < 10 * hz)
			opal_poll_events();
	}
	pr_emerg("ppc64: power-off failed (OPAL %lld): is there a BMC?\n",
		 (long long)rc);
	machine_halt();
}

/*
 * Stop this CPU: interrupts off, and no wake-up event enabled in LPCR,
 * so nap never ends (only a system reset could end it, and the 0x100
 * stub sends that straight back here).
 */
void machine_halt(void)
{
	arch_local_irq_disable();
	/* A halted machine must not be reset by the BMC watchdog later. */
	if (get_paca()->cpu == 0)
		while (opal_ipmi_poll())
			;
	mtspr(SPRN_LPCR, mfspr(SPRN_LPCR) & ~LPCR_PECE_ALL);
	for (;;) {
		ppc64_nap();
		arch_local_irq_disable();
	}
}
