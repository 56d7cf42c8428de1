// SPDX-License-Identifier: MIT
/*
 * fs/stat.c: stat, lstat and fstat into the generic struct kstat, and
 * the system calls that give it to user space (stat, lstat, fstat,
 * newfstatat), with readlink and readlinkat, as Linux has them here.
 *
 * struct stat is the arch's (<asm/stat.h>: x86_64 and ppc64 lay it out
 * differently), so cp_new_stat() fills it by field name from the kstat;
 * generic code never knows the layout. Device numbers go out in Linux's
 * user encoding (new_encode_dev), not the kernel's dev_t.
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <asm/stat.h>

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

/*
 * User space sees device numbers as 12 bits of major, 20 of minor, with
 * the minor's low byte at the bottom (what glibc's major() and minor()
 * decode), unlike the kernel's plain major << 20 | minor.
 */
static unsigned long new_encode_dev(dev_t dev)
{
	unsigned long major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffUL) << 12);
}

/* The arch's struct stat from @stat, copied out: 0 or -EFAULT. */
static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp;

	memset(&tmp, 0, sizeof(tmp)); /* no kernel bytes in the padding */
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	tmp.st_nlink = stat->nlink;
	tmp.st_mode = stat->mode;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_blksize = stat->blksize;
	tmp.st_blocks = stat->blocks;
	tmp.st_atime = stat->atime.tv_sec;
	tmp.st_atime_nsec = stat->atime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

#define AT_NO_AUTOMOUNT 0x800	/* accepted; there are no automounts */

SYSCALL_DEFINE4(newfstatat, int, dfd,
		const char __user *, filename,
		struct stat __user *, statbuf,
		int, flag)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct inode *inode;
	struct kstat stat;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	if (flag & AT_SYMLINK_NOFOLLOW)
		lookup = 0;
	if (flag & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_inode_at(dfd, filename, lookup, &inode);
	if (err)
		return err;
	generic_fillattr(inode, &stat);
	iput(inode);
	return cp_new_stat(&stat, statbuf);
}

#ifdef __NR_stat
SYSCALL_DEFINE2(stat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}
#endif

#ifdef __NR_lstat
SYSCALL_DEFINE2(lstat, const char __user *, filename,
		struct stat __user *, statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf,
			      AT_SYMLINK_NOFOLLOW);
}
#endif

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct file *file = fget_raw(fd);
	struct kstat stat;

	if (!file)
		return -EBADF;
	vfs_fstat(file, &stat);
	fput(file);
	return cp_new_stat(&stat, statbuf);
}

/*
 * readlinkat(dfd, ""): @dfd itself, which is a symlink only if it was
 * opened with O_PATH | O_NOFOLLOW; anything else is ENOENT, as in Linux.
 */
static int readlink_empty(int dfd, char *buf, size_t size)
{
	struct file *file;
	int len = -ENOENT;

	if (dfd == AT_FDCWD)
		return -ENOENT;
	file = fget_raw((unsigned int)dfd);
	if (!file)
		return -EBADF;
	if (file->f_dentry && S_ISLNK(file->f_inode->i_mode))
		len = vfs_readlink(file->f_dentry, buf, size);
	fput(file);
	return len;
}

/* readlinkat(2): at most @bufsiz bytes of the target, no NUL added. */
SYSCALL_DEFINE4(readlinkat, int, dfd,
		const char __user *, pathname,
		char __user *, buf,
		int, bufsiz)
{
	size_t size = min((size_t)(unsigned int)bufsiz, (size_t)PATH_MAX);
	struct at_path p;
	char *kbuf = NULL;
	int len;

	if (bufsiz <= 0)
		return -EINVAL;
	len = getname_at(dfd, pathname, LOOKUP_EMPTY, &p);
	if (!len && !(kbuf = kmalloc(size, GFP_KERNEL)))
		len = -ENOMEM;
	if (!len)
		len = p.name[0] ? do_readlinkat(current->fs, p.base, p.name,
						kbuf, size) :
				  readlink_empty(dfd, kbuf, size);
	if (len > 0 && copy_to_user(buf, kbuf, len))
		len = -EFAULT;
	kfree(kbuf);
	putname_at(&p);
	return len;
}

#ifdef __NR_readlink
SYSCALL_DEFINE3(readlink, const char __user *, path,
		char __user *, buf,
		int, bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
#endif
