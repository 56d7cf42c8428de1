/* SPDX-License-Identifier: MIT */
/*
 * user/bin/env.c: env [-i] [NAME=VALUE]... [COMMAND [ARG]...]
 *
 * Without a COMMAND, prints the environment, one NAME=VALUE a line.
 * With one, runs it (searching PATH) in the environment changed by the
 * NAME=VALUE words: replaced if NAME is set already, else added.  -i
 * (or a lone "-") starts from an empty environment.  A COMMAND that is
 * not found exits 127, one that cannot be run 126, as in POSIX.
 */
#include <stdlib.h>
#include <unistd.h>

#include "util.h"

extern char **environ;

/* Set @assign ("NAME=VALUE") in the array @env of *@n strings. */
static void env_put(char **env, int *n, char *assign)
{
	size_t len = strchr(assign, '=') - assign + 1;
	int i;

	for (i = 0; i < *n; i++) {
		if (!strncmp(env[i], assign, len)) {
			env[i] = assign;
			return;
		}
	}
	env[(*n)++] = assign;
}

int main(int argc, char **argv)
{
	int i = 1, n = 0, clear = 0;
	char **env, **e;

	if (i < argc && (!strcmp(argv[i], "-i") || !strcmp(argv[i], "-"))) {
		clear = 1;
		i++;
	}
	/* Room for the old environment and every argument. */
	for (e = environ; !clear && e && *e; e++)
		n++;
	env = malloc((n + argc + 1) * sizeof(*env));
	if (!env) {
		fputs("env: out of memory\n", stderr);
		return 125;
	}
	n = 0;
	for (e = environ; !clear && e && *e; e++)
		env[n++] = *e;
	for (; i < argc && strchr(argv[i], '='); i++)
		env_put(env, &n, argv[i]);
	env[n] = NULL;
	environ = env;

	if (i >= argc) {
		for (e = env; *e; e++)
			puts(*e);
		return 0;
	}
	execvp(argv[i], argv + i);
	warn_errno("env", argv[i]);
	return errno == ENOENT ? 127 : 126;
}
