/* SPDX-License-Identifier: MIT */
/*
 * user/bin/hello.c: the smallest useful anvil program: stdio through
 * newlib, one write(2) and exit_group(2) through user/lib.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("hello from %s (argc=%d)\n", argc > 0 ? argv[0] : "?", argc);
	return 0;
}
