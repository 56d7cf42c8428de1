// SPDX-License-Identifier: MIT
/*
 * opal.c: the console and power control, through OPAL (skiboot).
 *
 * Interface: arch_console_write, machine_power_off, machine_halt
 * (<anvil/arch.h>), opal_init_early, opal_console_input_init,
 * opal_console_poll (<asm/opal.h>). The call mechanics (real mode,
 * OPAL's r2) are in opal-wrappers.S.
 *
 * The console is skiboot's: OPAL_CONSOLE_WRITE queues bytes for the
 * UART, and when its buffer is full it answers "busy" until
 * OPAL_POLL_EVENTS lets it drain. skiboot serializes the UART, so this
 * file needs no lock of its own while one CPU runs; with SMP, lines from
 * different CPUs will need one to stay whole.
 *
 * Input is OPAL_CONSOLE_READ, which hands over what skiboot's UART
 * driver has received (it reads the chip itself when asked). OPAL could
 * also tell us when input arrives, as an OPAL event raised through an
 * XICS interrupt, but that needs OPAL's event and interrupt plumbing
 * (the ibm,opal interrupts, OPAL_HANDLE_INTERRUPT, the event mask of
 * OPAL_POLL_EVENTS) for one device; one call from CPU 0's tick, 100
 * times a second (time.c), is as quick as anyone types.
 */
#include <anvil/arch.h>
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/tty.h>
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

static bool console_input_ok;

/*
 * Take what was typed on console 0 and give it to the tty. Returns
 * OPAL's status. @buf is on the stack, which is in the direct map.
 */
static s64 opal_console_read(void)
{
	char buf[64];
	s64 len = sizeof(buf);	/* in: room; out: bytes read (BE, native) */
	s64 rc = opal_call(0, __pa(&len), __pa(buf), 0, OPAL_CONSOLE_READ);

	if (rc == OPAL_SUCCESS && len > 0)
		console_receive(buf, min((size_t)len, sizeof(buf)));
	return rc;
}

/*
 * Ask once: a firmware whose console cannot be read (no such call, no
 * terminal 0) fails here, and the console then stays output-only, its
 * reads end of file, rather than waiting for input that cannot come.
 */
void opal_console_input_init(void)
{
	s64 rc;

	if (!opal.entry)
		return;
	rc = opal_console_read();
	if (rc != OPAL_SUCCESS) {
		pr_warn("opal: console input unavailable (OPAL %lld)\n",
			(long long)rc);
		return;
	}
	WRITE_ONCE(console_input_ok, true);
	console_input_attach();
}

/* CPU 0's tick. Interrupts off, inside irq_enter()/irq_exit(). */
void opal_console_poll(void)
{
	if (READ_ONCE(console_input_ok))
		opal_console_read();
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
