// SPDX-License-Identifier: MIT
/*
 * kernel/printk.c: the kernel log.
 *
 * printk() formats a message, stores it in the log ring buffer with its
 * level and a timestamp, and writes it to the console when its level is
 * below console_loglevel ("loglevel=" on the command line, default 7, so
 * everything but KERN_DEBUG shows). The ring keeps every message, shown or
 * not, for dmesg-style readers (gdb's anvil-dmesg, later /proc/kmsg).
 *
 * Ring format: lines "<L>[seconds.micros] text\n" back to back in
 * log_buf; log_head counts every byte ever written, so the live text is
 * the last min(log_head, LOG_BUF_LEN) bytes. A message without a trailing
 * newline leaves the line open and the next printk continues it.
 *
 * Locking: logbuf_lock, a bare arch spinlock taken with interrupts off,
 * so printk works from interrupt handlers and keeps lines from different
 * CPUs whole. It is not a spinlock_t: printk must not recurse into
 * lockdep or the preemption tracer, which print. If this CPU already
 * holds it (an oops inside printk), the message goes out unlocked rather
 * than deadlocking.
 */
#include <anvil/arch.h>
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/param.h>
#include <anvil/percpu.h>
#include <anvil/spinlock.h>
#include <anvil/string.h>
#include <anvil/time.h>

#define LOG_BUF_LEN (1 << 16)

char log_buf[LOG_BUF_LEN];
u64 log_head;
int console_loglevel = 7;
static bool line_open;
static arch_spinlock_t logbuf_lock;
static int logbuf_owner = -1;

static void log_store(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		log_buf[(log_head + i) % LOG_BUF_LEN] = s[i];
	log_head += n;
}

/* Split "\001N" off the front of a message; returns the level. */
static int printk_get_level(const char **fmt)
{
	const char *f = *fmt;

	if (f[0] == KERN_SOH[0] && f[1] >= '0' && f[1] <= '7') {
		*fmt = f + 2;
		return f[1] - '0';
	}
	return -1;
}

/*
 * Copy @n bytes from the log, starting @from bytes before the head, into
 * @buf. Returns the number copied. For readers of the whole log.
 */
size_t log_read_tail(char *buf, size_t n)
{
	u64 avail = log_head < LOG_BUF_LEN ? log_head : LOG_BUF_LEN;
	u64 start;

	if (n > avail)
		n = avail;
	start = log_head - n;
	for (size_t i = 0; i < n; i++)
		buf[i] = log_buf[(start + i) % LOG_BUF_LEN];
	return n;
}

int vprintk(const char *fmt, va_list ap)
{
	char text[512], prefix[32];
	int level = printk_get_level(&fmt);
	unsigned long flags;
	int len, plen = 0;
	bool cont, locked;

	len = vsnprintf(text, sizeof(text), fmt, ap);
	if (len >= (int)sizeof(text))
		len = sizeof(text) - 1;

	local_irq_save(flags);
	locked = READ_ONCE(logbuf_owner) != (int)raw_smp_processor_id();
	if (locked) {
		arch_spin_lock(&logbuf_lock);
		logbuf_owner = (int)raw_smp_processor_id();
	}
	cont = line_open && level < 0;
	if (level < 0)
		level = LOGLEVEL_DEFAULT;
	if (!cont) {
		u64 ns = ktime_get_ns();

		plen = snprintf(prefix, sizeof(prefix), "[%5llu.%06llu] ",
				ns / NSEC_PER_SEC,
				(ns % NSEC_PER_SEC) / NSEC_PER_USEC);
		log_store("<", 1);
		log_store(&"01234567"[level], 1);
		log_store(">", 1);
		log_store(prefix, plen);
	}
	log_store(text, len);
	if (level < console_loglevel) {
		if (!cont)
			arch_console_write(prefix, plen);
		arch_console_write(text, len);
	}
	line_open = len > 0 ? text[len - 1] != '\n' : line_open;
	if (locked) {
		logbuf_owner = -1;
		arch_spin_unlock(&logbuf_lock);
	}
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

static int set_loglevel(const char *val)
{
	char *end;
	unsigned long v;

	if (!val)
		return -1;
	v = strtoul(val, &end, 10);
	if (*end || end == val || v > 8)
		return -1;
	console_loglevel = (int)v;
	return 0;
}
kernel_param("loglevel", set_loglevel,
	     "console shows messages below this level (0-8, default 7)");

static int set_quiet(const char *val)
{
	if (val)
		return -1;
	console_loglevel = 4; /* errors and warnings only */
	return 0;
}
kernel_param("quiet", set_quiet, "console shows only errors (loglevel=4)");
