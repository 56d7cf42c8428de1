/* SPDX-License-Identifier: MIT */
/*
 * Resource limits and usage (kernel/resource.c, kernel/sys_info.c):
 * the user ABI of getrlimit/setrlimit/prlimit64 and getrusage, and the
 * limits a new process starts with. struct rlimit64 and the RLIMIT_*
 * numbers are in <anvil/signal.h>, beside the signal_struct that holds
 * them.
 */
#ifndef ANVIL_RESOURCE_H
#define ANVIL_RESOURCE_H

#include <anvil/signal.h>
#include <anvil/time.h>
#include <anvil/types.h>

/*
 * getrlimit/setrlimit's struct rlimit: two unsigned longs, which on a
 * 64-bit arch is exactly struct rlimit64 (and RLIM_INFINITY is ~0 in
 * both), so one copy serves all three calls.
 */
struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};
_Static_assert(sizeof(struct rlimit) == sizeof(struct rlimit64),
	       "struct rlimit is struct rlimit64 on a 64-bit arch");

/* The most open files RLIMIT_NOFILE may allow (Linux's fs.nr_open). */
#define NR_OPEN (1024 * 1024)

/* Fill @rlim[RLIM_NLIMITS] with the limits init starts with (fork copies
 * them from parent to child). */
void rlimit_init_default(struct rlimit64 *rlim);

/* getrusage's who */
#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD 1

struct rusage {
	struct __kernel_old_timeval ru_utime;	/* user time used */
	struct __kernel_old_timeval ru_stime;	/* system time used */
	long ru_maxrss;
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

#endif /* ANVIL_RESOURCE_H */
