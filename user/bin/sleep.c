/* SPDX-License-Identifier: MIT */
/*
 * user/bin/sleep.c: sleep NUMBER[SUFFIX]...: pause for the sum of the
 * times given.  A number may have a fraction (0.1) and a suffix: s
 * (seconds, the default), m, h or d.  One nanosleep(2), restarted with
 * the time left if a signal interrupts it.
 */
#include <stdlib.h>
#include <time.h>

#include "util.h"

/* Seconds in @arg, or -1 if it is not a valid interval. */
static double parse_interval(const char *arg)
{
	char *end;
	double t = strtod(arg, &end);

	if (end == arg || t < 0)
		return -1;
	switch (*end) {
	case '\0':
	case 's':	break;
	case 'm':	t *= 60; break;
	case 'h':	t *= 60 * 60; break;
	case 'd':	t *= 24 * 60 * 60; break;
	default:	return -1;
	}
	if (*end && end[1])
		return -1;
	return t;
}

int main(int argc, char **argv)
{
	struct timespec ts, rem;
	double total = 0, t;
	int i;

	if (argc < 2) {
		fputs("usage: sleep NUMBER[smhd]...\n", stderr);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		t = parse_interval(argv[i]);
		if (t < 0) {
			fprintf(stderr, "sleep: invalid time interval '%s'\n",
				argv[i]);
			return 1;
		}
		total += t;
	}
	ts.tv_sec = (time_t)total;
	ts.tv_nsec = (long)((total - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &rem) < 0) {
		if (errno != EINTR) {
			warn_errno("sleep", "nanosleep");
			return 1;
		}
		ts = rem;
	}
	return 0;
}
