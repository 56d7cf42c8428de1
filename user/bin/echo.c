/* SPDX-License-Identifier: MIT */
/*
 * user/bin/echo.c: echo [-n] [WORD]...: the words, separated by single
 * spaces, and a newline unless -n.  Only a first argument of exactly
 * "-n" is an option (no -e: backslashes are printed as they are).
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = 1, i = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = 0;
		i++;
	}
	for (; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i < argc - 1)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	/* A full disk or a closed pipe must show in the exit status. */
	return fflush(stdout) ? 1 : 0;
}
