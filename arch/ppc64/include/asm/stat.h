/* SPDX-License-Identifier: MIT */
/*
 * ppc64's struct stat, what stat(2), fstat(2), lstat(2) and
 * newfstatat(2) write: Linux's layout for this arch, 144 bytes. The VFS
 * fills the generic struct kstat (<anvil/stat.h>); cp_new_stat()
 * (fs/stat.c) copies it into this by field name. Unlike x86_64 there is
 * no explicit pad after st_gid (the compiler aligns st_rdev), st_blksize
 * and st_blocks are unsigned, and three unused words end it.
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
	unsigned long st_rdev;
	long st_size;
	unsigned long st_blksize;
	unsigned long st_blocks; /* 512-byte blocks */
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	unsigned long __unused4;
	unsigned long __unused5;
	unsigned long __unused6;
};
_Static_assert(sizeof(struct stat) == 144, "Linux's struct stat");

#endif /* _ASM_STAT_H */
