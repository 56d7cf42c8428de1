/* SPDX-License-Identifier: MIT */
/*
 * x86_64's struct stat, what stat(2), fstat(2), lstat(2) and
 * newfstatat(2) write: Linux's layout for this arch, 144 bytes. The VFS
 * fills the generic struct kstat (<anvil/stat.h>); cp_new_stat()
 * (fs/stat.c) copies it into this by field name, so only the layout is
 * the arch's: here st_nlink comes before st_mode and a pad word follows
 * st_gid.
 */
#ifndef _ASM_STAT_H
#define _ASM_STAT_H

struct stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;		/* 512-byte blocks */
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __reserved[3];	/* Linux: __unused (a macro here) */
};
_Static_assert(sizeof(struct stat) == 144, "Linux's struct stat");

#endif /* _ASM_STAT_H */
