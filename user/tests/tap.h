/* SPDX-License-Identifier: MIT */
/*
 * user/tests/tap.h: a few lines of TAP for the user test programs.
 *
 *   plan(n)                 "1..n"
 *   ok(cond, fmt, ...)      "ok N - ..." or "not ok N - ..."; returns cond
 *   diag(fmt, ...)          "# ..." (ignored by TAP consumers)
 *   done()                  exit status: 0 if every test passed
 *
 * Output goes through stdio and is flushed after each line, so a crash
 * leaves the lines before it, and fork()ed children never print a
 * parent's buffered output twice.  The same source builds against anvil's
 * newlib and the host's glibc; scripts/user-host-test compares the two
 * outputs, so nothing printed may depend on the libc, the arch, paths or
 * timing.
 */
#ifndef _USER_TESTS_TAP_H
#define _USER_TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_n, tap_failed;

static inline void plan(int n)
{
	printf("1..%d\n", n);
	fflush(stdout);
}

static inline int __attribute__((format(printf, 2, 3)))
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!cond)
		tap_failed++;
	return cond;
}

static inline void __attribute__((format(printf, 1, 2)))
diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static inline int done(void)
{
	return tap_failed ? 1 : 0;
}

#endif /* _USER_TESTS_TAP_H */
