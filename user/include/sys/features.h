/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/features.h: newlib's <sys/features.h>, plus the POSIX
 * options anvil provides.  For a bare target newlib claims none of them,
 * so <time.h> would not even declare clock_gettime or CLOCK_MONOTONIC
 * and <sched.h> not sched_yield.  Only options that add declarations
 * are claimed; none changes a structure libc.a was compiled with (which
 * rules out _POSIX_THREAD_CPUTIME: it grows pthread_attr_t).  The
 * functions are in user/lib/time.c and proc.c.
 */
#ifndef _ANVIL_SYS_FEATURES_H
#define _ANVIL_SYS_FEATURES_H

#include_next <sys/features.h>

#define _POSIX_TIMERS			1
#define _POSIX_MONOTONIC_CLOCK		200112L
#define _POSIX_CPUTIME			1
#define _POSIX_PRIORITY_SCHEDULING	1

#endif /* _ANVIL_SYS_FEATURES_H */
