// SPDX-License-Identifier: MIT
/*
 * fs/namespace.c: attaching a filesystem to a directory of another.
 *
 * Linux keeps mounts as struct vfsmount objects in a hash keyed by
 * (parent mount, dentry), so the same filesystem can appear in several
 * places and each walk carries a (mount, dentry) pair. anvil needs one
 * thing only, procfs on /proc, and so keeps the smallest honest form,
 * close to what Linux 2.2 did with d_mounts/d_covers:
 *
 *	mountpoint->d_mounted	the mounted root, so a walk that steps onto
 *				the directory continues there (follow_mount
 *				in fs/namei.c)
 *	sb->s_mountpoint	the directory, so ".." of the mounted root
 *				and d_path() climb back out of it
 *
 * Both hold references and are set once; nothing is ever unmounted, so
 * readers need no lock (READ_ONCE). A mountpoint cannot be removed or
 * renamed (EBUSY, fs/namei.c), and renames between filesystems are EXDEV.
 * A filesystem is mounted at most once, on a directory of another.
 */
#include <anvil/kernel.h>

#include "internal.h"

/*
 * An anonymous device number (major 0) for a filesystem with no device,
 * as Linux's get_anon_bdev gives ramfs and procfs: st_dev tells their
 * files apart. Numbers are never reused.
 */
dev_t new_anon_dev(void)
{
	static atomic_t next_dev;

	return MKDEV(0, atomic_inc_return(&next_dev));
}

int do_add_mount(struct fs_struct *fs, const char *path,
		 struct super_block *sb)
{
	struct dentry *mp;
	struct inode *dir;
	int err;

	if (sb->s_mountpoint)
		return -EBUSY;
	err = kern_path(fs, NULL, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &mp);
	if (err)
		return err;
	/*
	 * kern_path() already crossed any mount here: then mp is another
	 * filesystem's root, and one mount per directory is the rule.
	 */
	dir = mp->d_inode;
	mutex_lock(&dir->i_mutex);
	if (mp->d_parent == mp || mp->d_sb == sb || READ_ONCE(mp->d_mounted) ||
	    (dir->i_flags & S_DEAD)) {
		err = -EBUSY;
	} else {
		/* s_mountpoint first: a walk that finds d_mounted may go up. */
		sb->s_mountpoint = dget(mp);
		smp_wmb();
		WRITE_ONCE(mp->d_mounted, dget(sb->s_root));
	}
	mutex_unlock(&dir->i_mutex);
	dput(mp);
	return err;
}
