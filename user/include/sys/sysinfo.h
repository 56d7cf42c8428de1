/* SPDX-License-Identifier: MIT */
/*
 * <sys/sysinfo.h>: newlib has none; Linux's struct sysinfo (the same on
 * x86_64 and 64-bit PowerPC) and sysinfo(2), from user/lib/misc.c.
 */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5 and 15 minute load averages */
	unsigned long totalram;		/* in units of mem_unit bytes */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;		/* processes */
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

int sysinfo(struct sysinfo *info);

#endif /* _SYS_SYSINFO_H */
