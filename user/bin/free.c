/* SPDX-License-Identifier: MIT */
/*
 * user/bin/free.c: free: memory use in KiB, from /proc/meminfo, laid
 * out like procps's `free -k`:
 *
 *	               total        used        free
 *	Mem:        16318668     2453552    13865116
 *
 * "used" is simply total - free: anvil has no page cache to set apart.
 */
#include <stdlib.h>

#include "util.h"

/* The value of @key ("MemTotal:") in the meminfo text @buf, or -1. */
static long long meminfo_kb(const char *buf, const char *key)
{
	const char *p = buf;
	size_t len = strlen(key);

	while (p && *p) {
		if (!strncmp(p, key, len))
			return strtoll(p + len, NULL, 10);
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

int main(void)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char buf[4096];
	size_t n;
	long long total, avail;

	if (!f) {
		warn_errno("free", "/proc/meminfo");
		return 1;
	}
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	total = meminfo_kb(buf, "MemTotal:");
	avail = meminfo_kb(buf, "MemFree:");
	if (total < 0 || avail < 0) {
		fputs("free: /proc/meminfo: no MemTotal or MemFree\n", stderr);
		return 1;
	}
	printf("%-8s%12s%12s%12s\n", "", "total", "used", "free");
	printf("%-8s%12lld%12lld%12lld\n", "Mem:", total, total - avail,
	       avail);
	return 0;
}
