/* SPDX-License-Identifier: MIT */
/*
 * user/bin/kill.c: send a signal to processes.
 *
 *	kill [-SIG | -s SIG] PID...	SIG is a name (TERM, SIGTERM, term)
 *					or Linux's number; TERM by default
 *	kill -l [N]			list the signal names, or name
 *					signal N (or exit status 128+N)
 *
 * Numbers always mean Linux's numbering, whatever this program's C
 * library calls the signal inside (see util.h).  A PID that cannot be
 * signalled is reported and the rest are still tried; the exit status
 * is then 1.
 */
#include <stdlib.h>
#include <sys/types.h>

#include "util.h"

static int usage(void)
{
	fputs("usage: kill [-SIG | -s SIG] PID...\n       kill -l [N]\n",
	      stderr);
	return 2;
}

/* A name or Linux number; 0 is signal 0 (check the PID exists). */
static const struct sig_name *parse_sig(const char *s, int *is_zero)
{
	char *end;
	long n = strtol(s, &end, 10);

	*is_zero = 0;
	if (end == s || *end)
		return sig_by_name(s);
	if (n == 0)
		*is_zero = 1;
	return sig_by_num(n);
}

/* kill -l [N]: every name on one line, or the name of signal N. */
static int list(const char *arg)
{
	const struct sig_name *s;
	unsigned int i;
	long n;

	if (!arg) {
		for (i = 0; i < ARRAY_SIZE(sig_names); i++)
			printf("%s%s", i ? " " : "", sig_names[i].name);
		putchar('\n');
		return 0;
	}
	n = strtol(arg, NULL, 10);
	s = sig_by_num(n > 128 ? n - 128 : n);
	if (!s) {
		fprintf(stderr, "kill: %s: invalid signal\n", arg);
		return 1;
	}
	puts(s->name);
	return 0;
}

int main(int argc, char **argv)
{
	const struct sig_name *s = sig_by_name("TERM");
	const char *name = NULL;
	int i = 1, sig, zero = 0, ret = 0;
	char *end;

	if (argc > 1 && !strcmp(argv[1], "-l"))
		return list(argc > 2 ? argv[2] : NULL);
	if (argc > 2 && !strcmp(argv[1], "-s")) {
		name = argv[2];
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] &&
		   strcmp(argv[1], "--")) {
		name = argv[1] + 1;
		i = 2;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (name) {
		s = parse_sig(name, &zero);
		if (!s && !zero) {
			fprintf(stderr, "kill: %s: invalid signal\n", name);
			return 1;
		}
	}
	if (i >= argc)
		return usage();
	sig = zero ? 0 : s->sig;
	for (; i < argc; i++) {
		long pid = strtol(argv[i], &end, 10);

		if (end == argv[i] || *end) {
			fprintf(stderr, "kill: %s: arguments must be process IDs\n",
				argv[i]);
			ret = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			warn_errno("kill", argv[i]);
			ret = 1;
		}
	}
	return ret;
}
