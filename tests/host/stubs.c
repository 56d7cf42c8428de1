// SPDX-License-Identifier: MIT
/*
 * tests/host/stubs.c: the kernel services host tests link against, in
 * place of kernel/printk.c, kernel/panic.c and kernel/kallsyms.c:
 *
 *	printk/vprintk	print as TAP diagnostics ("# ..."), remember the
 *			text so a test can check what was reported
 *	panic		longjmp to a test that expects it, else abort
 *	__warn, __bug	WARN_ON counts; BUG_ON aborts
 *	dump_stack	counts (no backtrace on the host)
 *	kallsyms_lookup	knows no symbols
 *	host_irqs_off	the state behind include/asm/irqflags.h
 *	spin_lock & co	one thread: a lock is a flag, and taking a lock
 *			already held (a self-deadlock on real hardware)
 *			aborts the test
 *
 * It depends on nothing in mm/, so any host test can link it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/percpu.h>
#include <anvil/sched.h>
#include <anvil/spinlock.h>

#include "host.h"

unsigned long host_irqs_off;

/* ---- printk, panic, backtraces ------------------------------------ */

char host_last_msg[512];
unsigned long host_dump_stacks;
unsigned long host_warnings;
static char host_log[1 << 16];
static size_t host_log_len;

void host_log_mark(void)
{
	host_log_len = 0;
	host_log[0] = '\0';
}

bool host_log_contains(const char *s)
{
	return strstr(host_log, s) != NULL;
}

/* Kernel messages become TAP diagnostics ("# ..."), level stripped. */
int vprintk(const char *fmt, va_list ap)
{
	char buf[sizeof(host_last_msg)];
	const char *msg = buf;
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (msg[0] == KERN_SOH[0] && msg[1])
		msg += 2;
	snprintf(host_last_msg, sizeof(host_last_msg), "%s", msg);
	if (host_log_len + strlen(msg) + 1 < sizeof(host_log)) {
		strcpy(host_log + host_log_len, msg);
		host_log_len += strlen(msg);
	}
	printf("# %s", msg);
	if (!*msg || msg[strlen(msg) - 1] != '\n')
		putchar('\n');
	return n;
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

void dump_stack(void)
{
	host_dump_stacks++;
	printf("#   (dump_stack)\n");
}

jmp_buf host_panic_jmp;
bool host_panic_armed;

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk("Kernel panic: %s\n", buf);
	if (host_panic_armed)
		longjmp(host_panic_jmp, 1);
	fflush(stdout);
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	host_warnings++;
	printk("WARNING: %s:%d: %s\n", file, line, cond);
}

void __bug(const char *file, int line, const char *cond)
{
	printk("BUG: %s:%d: %s\n", file, line, cond);
	fflush(stdout);
	abort();
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset)
{
	return NULL;
}

/* ---- spinlocks: the host tests run on one thread ------------------- */

void __spin_lock_init(spinlock_t *lock, const char *name,
		      struct lock_class_key *key)
{
	lock->raw.val = 0;
	lock->owner_cpu = -1;
	lock->dep_map.name = name;
	lock->dep_map.key = key;
}

void spin_lock(spinlock_t *lock)
{
	if (lock->owner_cpu != -1) {
		fprintf(stderr, "spinlock %s taken twice: a deadlock\n",
			lock->dep_map.name);
		abort();
	}
	lock->owner_cpu = 0;
}

void spin_unlock(spinlock_t *lock)
{
	if (lock->owner_cpu == -1) {
		fprintf(stderr, "spinlock %s released but not held\n",
			lock->dep_map.name);
		abort();
	}
	lock->owner_cpu = -1;
}

void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	spin_lock(lock);
}

unsigned long __spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = host_irqs_off;

	host_irqs_off = 1;
	spin_lock(lock);
	return flags;
}

void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	host_irqs_off = flags;
}

bool spin_is_locked(spinlock_t *lock)
{
	return lock->owner_cpu != -1;
}

/* ---- per-CPU data: the host is one CPU, running the boot copy --------- */

unsigned long __per_cpu_offset[NR_CPUS];

bool cpu_online(unsigned int cpu)
{
	return cpu == 0;
}
