/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/stat.h: newlib's <sys/stat.h>, plus the lstat()
 * declaration it keeps for Cygwin, RTEMS and SPU.  user/lib/stat.c
 * implements lstat on Linux's lstat(2).
 */
#ifndef _ANVIL_SYS_STAT_H
#define _ANVIL_SYS_STAT_H

#include_next <sys/stat.h>

#ifdef __cplusplus
extern "C" {
#endif

int lstat(const char *__restrict path, struct stat *__restrict buf);

#ifdef __cplusplus
}
#endif

#endif /* _ANVIL_SYS_STAT_H */
