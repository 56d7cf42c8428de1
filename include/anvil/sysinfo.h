/* SPDX-License-Identifier: MIT */
/*
 * sysinfo(2)'s and times(2)'s records (kernel/sys_info.c), Linux's
 * layouts for a 64-bit arch.
 */
#ifndef ANVIL_SYSINFO_H
#define ANVIL_SYSINFO_H

#include <anvil/types.h>

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 minute load averages */
	unsigned long totalram;		/* in units of mem_unit bytes */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;		/* tasks that exist */
	unsigned short pad;
	unsigned long totalhigh;	/* highmem: none on 64-bit */
	unsigned long freehigh;
	unsigned int mem_unit;
	/* Linux pads to 64 bytes on 32-bit arches; 0 bytes here. */
};
_Static_assert(sizeof(struct sysinfo) == 112, "Linux's 64-bit struct sysinfo");

/* Clock ticks as times(2) counts them: USER_HZ per second. */
#define USER_HZ 100
typedef long clock_t;

struct tms {
	clock_t tms_utime;
	clock_t tms_stime;
	clock_t tms_cutime;		/* of waited-for children */
	clock_t tms_cstime;
};

#endif /* ANVIL_SYSINFO_H */
