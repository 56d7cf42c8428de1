/* SPDX-License-Identifier: MIT */
/*
 * user/lib/misc.c: system information: sysconf, uname, getentropy,
 * reboot, and glibc's syscall() for programs that make a raw call.
 *
 * sysconf answers from the auxiliary vector and the kernel where it can
 * and with fixed limits otherwise; newlib has no sysconf of its own.
 * getentropy is what newlib's arc4random asks for.
 */
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <anvil/linux.h>
#include "glue.h"

/* CPUs this process may run on: the usual "online CPUs" answer. */
static long nr_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) < 0)
		return 1;
	return CPU_COUNT(&set);
}

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:		return getpagesize();
	case _SC_CLK_TCK:		return CLOCKS_PER_SEC;	/* see time.c */
	case _SC_OPEN_MAX:		return 1024;
	case _SC_ARG_MAX:		return 131072;
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:	return nr_cpus();
	default:
		errno = EINVAL;
		return -1;
	}
}

/* struct utsname has Linux's layout (<sys/utsname.h>). */
int sysinfo(struct sysinfo *info)
{
	return __anvil_ret(linux_syscall1(__NR_sysinfo, info));
}

int uname(struct utsname *u)
{
	return __anvil_ret(linux_syscall1(__NR_uname, u));
}

/*
 * reboot - glibc's reboot(): @cmd is an RB_* (LINUX_REBOOT_CMD_*) value.
 * The kernel takes it only with both magic numbers, which guard against
 * a stray call; RB_POWER_OFF does not return when it succeeds.  The
 * first magic is passed as an int, sign-extended, exactly as glibc does.
 */
int reboot(int cmd)
{
	return __anvil_ret(linux_syscall4(__NR_reboot, (int)0xfee1dead,
					  672274793, cmd, NULL));
}

/* At most 256 bytes per call, as in glibc and OpenBSD; else EIO. */
int getentropy(void *buf, size_t len)
{
	char *p = buf;

	if (len > 256) {
		errno = EIO;
		return -1;
	}
	while (len) {
		long r = sys_getrandom(p, len, 0);

		if (linux_is_err(r)) {
			if (r == -LINUX_EINTR)
				continue;
			return __anvil_fail(-r);
		}
		p += r;
		len -= r;
	}
	return 0;
}

/*
 * syscall - glibc's escape hatch: Linux call @nr with up to six long
 * arguments, errno translated.  Arguments are passed through as they
 * are, so anything with a flag or a structure is the caller's to get
 * right in Linux's terms.
 */
long syscall(long nr, ...)
{
	long a[6];
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __anvil_ret(__linux_syscall(nr, a[0], a[1], a[2], a[3], a[4],
					   a[5]));
}
