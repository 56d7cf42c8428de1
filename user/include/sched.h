/* SPDX-License-Identifier: MIT */
/*
 * user/include/sched.h: newlib's <sched.h>, with cpu_set_t defined first
 * so that it declares sched_getaffinity/sched_setaffinity.
 */
#ifndef _ANVIL_SCHED_H
#define _ANVIL_SCHED_H

#include <sys/cpuset.h>
#include_next <sched.h>

#endif /* _ANVIL_SCHED_H */
