// SPDX-License-Identifier: MIT
/*
 * fs/stat.c: stat, lstat and fstat, into the generic struct kstat.
 *
 * The arch's struct stat (different on x86_64 and ppc64) is filled from
 * the kstat by the syscall layer.
 */
#include <anvil/kernel.h>

#include "internal.h"

int vfs_statat(struct fs_struct *fs, struct dentry *base, const char *path,
	       unsigned int flags, struct kstat *stat)
{
	unsigned int lookup = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct dentry *dentry;
	int err;

	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	err = kern_path(fs, base, path, lookup, &dentry);
	if (err)
		return err;
	generic_fillattr(dentry->d_inode, stat);
	dput(dentry);
	return 0;
}

int vfs_fstat(struct file *file, struct kstat *stat)
{
	generic_fillattr(file->f_inode, stat);
	return 0;
}
