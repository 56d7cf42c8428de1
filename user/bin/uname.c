/* SPDX-License-Identifier: MIT */
/*
 * user/bin/uname.c: uname [-asnrvm]: system information from uname(2).
 *
 * The fields are printed in a fixed order, whatever the order of the
 * options: kernel name (-s, the default), node name (-n), release (-r),
 * version (-v), machine (-m); -a is all five.
 */
#include <sys/utsname.h>

#include "util.h"

enum { F_SYS = 1, F_NODE = 2, F_REL = 4, F_VER = 8, F_MACH = 16 };

int main(int argc, char **argv)
{
	struct utsname u;
	const char *field[5];
	int i, want = 0, first = 1;
	const char *o;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-')
			goto usage;
		for (o = argv[i] + 1; *o; o++) {
			switch (*o) {
			case 'a': want |= 31; break;
			case 's': want |= F_SYS; break;
			case 'n': want |= F_NODE; break;
			case 'r': want |= F_REL; break;
			case 'v': want |= F_VER; break;
			case 'm': want |= F_MACH; break;
			default: goto usage;
			}
		}
	}
	if (!want)
		want = F_SYS;
	if (uname(&u) < 0) {
		warn_errno("uname", "uname");
		return 1;
	}
	field[0] = u.sysname;
	field[1] = u.nodename;
	field[2] = u.release;
	field[3] = u.version;
	field[4] = u.machine;
	for (i = 0; i < 5; i++) {
		if (!(want & (1 << i)))
			continue;
		printf("%s%s", first ? "" : " ", field[i]);
		first = 0;
	}
	putchar('\n');
	return 0;
usage:
	fputs("usage: uname [-asnrvm]\n", stderr);
	return 2;
}
