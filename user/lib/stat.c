/* SPDX-License-Identifier: MIT */
/*
 * user/lib/stat.c: stat, fstat and lstat, converting Linux's struct stat
 * into newlib's.
 *
 * The two layouts share nothing past st_dev:
 *
 *	Linux (144 bytes, both arches)	newlib (104 bytes)
 *	  0 st_dev	u64		  0 st_dev	u16
 *	  8 st_ino	u64		  2 st_ino	u16
 *	 16 st_nlink	u64		  4 st_mode	u32
 *	 24 st_mode	u32		  8 st_nlink	u16
 *	 28 st_uid, 32 st_gid		 10 st_uid, 12 st_gid  u16
 *	 40 st_rdev	u64		 14 st_rdev	u16
 *	 48 st_size			 16 st_size
 *	 56 st_blksize, 64 st_blocks	 24/40/56 st_atim/mtim/ctim
 *	 72/88/104 a/m/ctime + nsec	 72 st_blksize, 80 st_blocks
 *
 * so the kernel writes into a struct linux_stat on the stack and this
 * file copies field by field.  newlib's dev_t, ino_t, nlink_t, uid_t and
 * gid_t are 16 bits: large inode numbers are truncated (the modes, sizes
 * and times, which is what programs mostly look at, are exact).
 * newlib's libc.a calls fstat (stdio buffer sizing) and stat.
 */
#include <string.h>
#include <sys/stat.h>

#include <anvil/linux.h>
#include "glue.h"

static void stat_from_linux(struct stat *st, const struct linux_stat *ls)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = (dev_t)ls->st_dev;
	st->st_ino = (ino_t)ls->st_ino;
	st->st_mode = ls->st_mode;
	st->st_nlink = (nlink_t)ls->st_nlink;
	st->st_uid = (uid_t)ls->st_uid;
	st->st_gid = (gid_t)ls->st_gid;
	st->st_rdev = (dev_t)ls->st_rdev;
	st->st_size = ls->st_size;
	st->st_atim.tv_sec = ls->st_atime_sec;
	st->st_atim.tv_nsec = ls->st_atime_nsec;
	st->st_mtim.tv_sec = ls->st_mtime_sec;
	st->st_mtim.tv_nsec = ls->st_mtime_nsec;
	st->st_ctim.tv_sec = ls->st_ctime_sec;
	st->st_ctim.tv_nsec = ls->st_ctime_nsec;
	st->st_blksize = ls->st_blksize;
	st->st_blocks = ls->st_blocks;
}

/* One of stat/lstat/fstat by number; @arg is a path or an fd. */
static int do_stat(int nr, long arg, struct stat *st)
{
	struct linux_stat ls;
	long r = linux_syscall2(nr, arg, &ls);

	if (linux_is_err(r))
		return __anvil_fail(-r);
	stat_from_linux(st, &ls);
	return 0;
}

int stat(const char *restrict path, struct stat *restrict st)
{
	return do_stat(__NR_stat, (long)path, st);
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return do_stat(__NR_lstat, (long)path, st);
}

int fstat(int fd, struct stat *st)
{
	return do_stat(__NR_fstat, fd, st);
}
