/* SPDX-License-Identifier: MIT */
/*
 * OPAL: the firmware interface skiboot leaves behind (kernel/opal.c,
 * kernel/opal-wrappers.S).
 *
 * A call puts the token in r0 and arguments in r3..., sets r2 to OPAL's
 * base and branches to its entry, in real mode (IR=DR=0) with external
 * interrupts off. opal_call() does all of that from translated C code;
 * pointers passed to OPAL must be physical addresses (__pa()).
 */
#ifndef _ASM_PPC64_OPAL_H
#define _ASM_PPC64_OPAL_H

#include <anvil/types.h>

/* Tokens, from skiboot's include/opal-api.h */
#define OPAL_CONSOLE_WRITE 1
#define OPAL_CONSOLE_READ 2
#define OPAL_RTC_READ 3
#define OPAL_CEC_POWER_DOWN 5
#define OPAL_POLL_EVENTS 10
#define OPAL_START_CPU 41
#define OPAL_QUERY_CPU_STATUS 42
#define OPAL_IPMI_SEND 107
#define OPAL_IPMI_RECV 108

/* Return codes */
#define OPAL_SUCCESS 0
#define OPAL_PARAMETER -1
#define OPAL_BUSY -2
#define OPAL_HARDWARE -6
#define OPAL_BUSY_EVENT -12
#define OPAL_ASYNC_COMPLETION -15
#define OPAL_EMPTY -16

/* Where OPAL lives; set from r8/r9 at entry (skiboot also puts them in
 * /ibm,opal). The assembly wrapper reads these two fields. */
struct opal {
	u64 base;
	u64 entry;
};
extern struct opal opal;

/* Up to four arguments, then the token. Returns OPAL's status. */
s64 opal_call(u64 a0, u64 a1, u64 a2, u64 a3, u64 token);

void opal_init_early(u64 base, u64 entry);
/*
 * Console input (kernel/opal.c): opal_console_input_init() once, on CPU
 * 0, interrupts off; then opal_console_poll() from CPU 0's tick hands
 * what was typed to the tty.
 */
void opal_console_input_init(void);
void opal_console_poll(void);
/* Let OPAL run its background work (console, IPMI) once. */
void opal_poll_events(void);

/* kernel/opal-ipmi.c: the BMC's interface id from the device tree (-1:
 * none), and turning off the watchdog skiboot leaves running: send the
 * request, then poll until the answer is in (true: still waiting). */
extern s64 opal_ipmi_interface;
void opal_watchdog_stop(void);
bool opal_ipmi_poll(void);

#endif /* _ASM_PPC64_OPAL_H */
