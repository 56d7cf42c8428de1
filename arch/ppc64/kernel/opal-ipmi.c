// SPDX-License-Identifier: MIT
/*
 * opal-ipmi.c: talking to the BMC through OPAL, to stop its watchdog.
 *
 * When skiboot starts a kernel it leaves the BMC's watchdog running with
 * a 60-second timeout, for the OS to take over (Linux's ipmi_watchdog
 * would). anvil has no watchdog driver, so without this the machine
 * resets a minute after boot (QEMU's ipmi-bmc-sim does it too; with
 * -no-reboot QEMU simply exits). We send the IPMI "Set Watchdog Timer"
 * command with the "don't stop" bit clear, which stops it.
 *
 * OPAL_IPMI_SEND only queues the request: skiboot moves it over the BT
 * interface, and the answer back, while OPAL_POLL_EVENTS runs, polling
 * the BMC every couple of hundred milliseconds. Waiting for the answer
 * at boot would cost most of a second, so:
 *
 *   opal_watchdog_stop()  setup_arch(): send the request
 *   opal_ipmi_poll()      the boot CPU's timer tick (time.c) and
 *                         machine_halt(): poll OPAL, collect the answer
 *                         with OPAL_IPMI_RECV; stops once it has it
 *
 * Only the boot CPU polls, from its tick or with interrupts off, so the
 * static answer buffer needs no lock.
 */
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <asm/opal.h>
#include <asm/page.h>
#include <asm/prom.h>
#include <asm/timex.h>

#define OPAL_IPMI_MSG_FORMAT_VERSION_1 1
#define IPMI_NETFN_APP 0x06
#define IPMI_SET_WATCHDOG_TIMER 0x24
#define IPMI_WDT_USE_SMS_OS 0x04 /* bit 6 ("don't stop") clear: stop */
#define IPMI_WDT_ACTION_NONE 0x00
#define IPMI_ANSWER_TIMEOUT_S 10

/* skiboot's struct opal_ipmi_msg, with room for our small messages. */
struct opal_ipmi_msg {
	u8 version;
	u8 netfn; /* IPMI netfn << 2, as skiboot expects */
	u8 cmd;
	u8 data[32];
};

s64 opal_ipmi_interface = -1;

static struct opal_ipmi_msg answer;
static bool answer_pending;
static u64 request_sent;

/* Send the request; the answer is collected by opal_ipmi_poll(). */
void opal_watchdog_stop(void)
{
	struct opal_ipmi_msg msg = {
		OPAL_IPMI_MSG_FORMAT_VERSION_1, IPMI_NETFN_APP << 2,
		IPMI_SET_WATCHDOG_TIMER,
		{ IPMI_WDT_USE_SMS_OS, IPMI_WDT_ACTION_NONE, 0, 0, 0xff, 0xff },
	};
	s64 rc;

	if (opal_ipmi_interface < 0)
		return; /* no BMC, no watchdog */
	rc = opal_call((u64)opal_ipmi_interface, __pa(&msg), 3 + 6, 0,
		       OPAL_IPMI_SEND);
	if (rc != OPAL_SUCCESS) {
		pr_warn("ppc64: cannot stop the BMC watchdog (OPAL %lld); "
			"the machine resets a minute after boot\n",
			(long long)rc);
		return;
	}
	request_sent = get_cycles();
	answer_pending = true;
}

/*
 * Let OPAL work and look for the BMC's answer. Returns true while still
 * waiting. Boot CPU only; interrupts off (a tick, or machine_halt()).
 */
bool opal_ipmi_poll(void)
{
	u64 len = sizeof(answer); /* a big-endian u64, native here */
	s64 rc;

	if (!answer_pending)
		return false;
	opal_poll_events();
	answer.version = OPAL_IPMI_MSG_FORMAT_VERSION_1; /* OPAL checks it */
	rc = opal_call((u64)opal_ipmi_interface, __pa(&answer), __pa(&len),
		       0, OPAL_IPMI_RECV);
	if (rc == OPAL_EMPTY &&
	    get_cycles() - request_sent < IPMI_ANSWER_TIMEOUT_S * ppc_tb_freq)
		return true;
	answer_pending = false;
	if (rc != OPAL_SUCCESS || (len > 3 && answer.data[0] != 0))
		pr_warn("ppc64: the BMC did not stop its watchdog (OPAL %lld, "
			"IPMI %u); the machine may reset\n", (long long)rc,
			rc == OPAL_SUCCESS ? answer.data[0] : 0);
	return false;
}
