/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/dirent.h: replaces newlib's <sys/dirent.h>, which is
 * an #error on targets without directory support.  newlib's <dirent.h>
 * includes this and declares opendir & co., which user/lib/dirent.c
 * implements on getdents64.  d_type values are Linux's (and glibc's).
 */
#ifndef _SYS_DIRENT_H
#define _SYS_DIRENT_H

#include <sys/types.h>

typedef struct __dirstream DIR;

struct dirent {
	ino_t d_ino;			/* truncated to newlib's ino_t */
	unsigned char d_type;		/* DT_*, or DT_UNKNOWN */
	char d_name[256];
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#endif /* _SYS_DIRENT_H */
