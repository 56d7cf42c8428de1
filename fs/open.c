// SPDX-License-Identifier: MIT
/*
 * fs/open.c: opening files by name (do_filp_open), and the calls that
 * act on a name or an open file's attributes: truncate, chdir, access.
 *
 * open(path, flags, mode), step by step:
 *
 *	no O_CREAT	kern_path() resolves it, following a final symlink
 *			unless O_NOFOLLOW
 *	O_CREAT		walk to the parent, then under its i_mutex look the
 *			name up and create a regular file if it is missing
 *			(O_EXCL: it must be missing). An existing symlink is
 *			followed and the same is done at its target.
 *	may_open	the type agrees with the flags: EISDIR, ENOTDIR,
 *			ELOOP (O_NOFOLLOW on a link), EACCES
 *	O_TRUNC		a regular file is cut to 0 (fs/inode.c)
 *	O_PATH		instead of all this, just a handle (path_openat)
 *	dentry_open	a struct file, and the driver's open() (a device
 *			node swaps in its driver's operations here)
 *
 * The returned file is not in any fd table: open(2) and openat(2), at
 * the end with the other system calls of this file (close, creat,
 * truncate, ftruncate, chdir, fchdir, access, faccessat, faccessat2),
 * reserve the lowest fd (honouring O_CLOEXEC) and install it there.
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/syscalls.h>

#include "internal.h"

struct file *dentry_open(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = dentry->d_inode;
	struct file *file;
	int err;

	if (!inode->i_fop)
		return ERR_PTR(-ENXIO);
	file = alloc_file(inode, dentry, flags, inode->i_fop);
	if (IS_ERR(file) || !file->f_op->open)
		return file;
	err = file->f_op->open(inode, file);
	if (err) {
		file_free_unopened(file);
		return ERR_PTR(err);
	}
	return file;
}

/*
 * Look up nd->last in nd->path, creating a regular file of @mode if it
 * is missing. *@res gets the dentry (referenced); *@created says which.
 */
static int lookup_or_create(struct nameidata *nd, unsigned int flags,
			    umode_t mode, struct dentry **res, bool *created)
{
	struct dentry *dir = nd->path, *child;
	struct inode *idir = dir->d_inode;
	int err = 0;

	mutex_lock(&idir->i_mutex);
	err = lookup_locked(dir, &nd->last, &child);
	if (err) {
		child = NULL;
	} else if (child && (flags & O_EXCL)) {
		err = -EEXIST;
	} else if (!child) {
		err = may_create(idir);
		if (!err && !(child = d_alloc(dir, &nd->last)))
			err = -ENOMEM;
		if (!err)
			err = idir->i_op->create ?
				      idir->i_op->create(idir, child, mode) :
				      -EACCES;
		if (!err) {
			d_link(child);
			*created = true;
		}
	}
	mutex_unlock(&idir->i_mutex);
	if (err) {
		dput(child);
		return err;
	}
	*res = follow_mount(child);
	return 0;
}

/* The O_CREAT walk: see the top of the file. */
static int open_create(struct fs_struct *fs, struct dentry *base,
		       const char *path, unsigned int flags, umode_t mode,
		       struct dentry **res, bool *created)
{
	struct dentry *link = NULL, *child;
	const char *name = path;
	struct nameidata nd;
	int err = check_path(path);

	nd_init(&nd, fs, base, 0);
	mode = S_IFREG | (mode & S_IALLUGO & ~READ_ONCE(fs->umask));
	while (!err) {
		/* After a link, nd.path is the directory that held it. */
		err = link_path_walk(&nd, name);
		if (!err && !d_is_dir(nd.path))
			err = -ENOTDIR;
		if (!err && (nd.last_type != LAST_NORM || nd.trailing_slash))
			err = -EISDIR;
		if (!err)
			err = lookup_or_create(&nd, flags, mode, &child, created);
		if (err)
			break;
		if (!S_ISLNK(child->d_inode->i_mode) || (flags & O_NOFOLLOW)) {
			*res = child;
			break;
		}
		dput(link);
		link = child; /* keeps its target string alive */
		name = link->d_inode->i_op && link->d_inode->i_op->get_link ?
			       link->d_inode->i_op->get_link(link) : NULL;
		if (++nd.total_links > MAXSYMLINKS)
			err = -ELOOP;
		else if (!name || !*name)
			err = -ENOENT;
	}
	dput(link);
	nd_exit(&nd);
	return err;
}

/* Does the file's type agree with how it is being opened? */
static int may_open(struct dentry *dentry, unsigned int flags)
{
	umode_t mode = dentry->d_inode->i_mode;
	int mask = 0;

	if (S_ISLNK(mode))
		return -ELOOP; /* only reached with O_NOFOLLOW */
	if (S_ISDIR(mode) && ((flags & O_ACCMODE) != O_RDONLY ||
			      (flags & (O_CREAT | O_TRUNC))))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		return -ENOTDIR;
	if ((flags & O_ACCMODE) != O_WRONLY)
		mask |= MAY_READ;
	if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	return inode_permission(dentry->d_inode, mask);
}

/* O_PATH beats every other flag but these, as in Linux. */
#define O_PATH_FLAGS (O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)

/* An O_PATH file has no operations: the syscalls refuse it (fget). */
static const struct file_operations path_fops;

/*
 * O_PATH: a handle on the name's file, for *at() calls, fstat and
 * fchdir. Nothing is opened: no permission is needed but the walk's, no
 * driver is told, and with O_NOFOLLOW the handle may be a symlink.
 */
static struct file *path_openat(struct fs_struct *fs, struct dentry *base,
				const char *path, unsigned int flags)
{
	unsigned int lookup = (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct dentry *dentry;
	struct file *file;
	int err;

	if (flags & O_DIRECTORY)
		lookup |= LOOKUP_DIRECTORY;
	err = kern_path(fs, base, path, lookup, &dentry);
	if (err)
		return ERR_PTR(err);
	file = alloc_file(dentry->d_inode, dentry, flags & O_PATH_FLAGS,
			  &path_fops);
	dput(dentry);
	return file;
}

struct file *do_filp_open(struct fs_struct *fs, struct dentry *base,
			  const char *path, unsigned int flags, umode_t mode)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct dentry *dentry = NULL;
	bool created = false;
	struct file *file;
	int err;

	if (flags & O_PATH)
		return path_openat(fs, base, path, flags);
	if ((flags & O_ACCMODE) == O_ACCMODE ||
	    (flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return ERR_PTR(-EINVAL);
	if (flags & O_NOFOLLOW)
		lookup = 0;
	if (flags & O_DIRECTORY)
		lookup |= LOOKUP_DIRECTORY;
	if (flags & O_CREAT)
		err = open_create(fs, base, path, flags, mode, &dentry,
				  &created);
	else
		err = kern_path(fs, base, path, lookup, &dentry);
	if (err)
		return ERR_PTR(err);
	err = may_open(dentry, created ? flags & ~O_CREAT : flags);
	if (!err && (flags & O_TRUNC) && !created &&
	    S_ISREG(dentry->d_inode->i_mode))
		err = vfs_truncate(dentry, 0);
	file = err ? ERR_PTR(err) : dentry_open(dentry, flags);
	dput(dentry);
	return file;
}

int vfs_truncate(struct dentry *dentry, loff_t length)
{
	struct inode *inode = dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || length < 0)
		return -EINVAL;
	if (length > inode->i_sb->s_maxbytes)
		return -EFBIG;
	if (!inode->i_op || !inode->i_op->setattr)
		return -EPERM;
	return inode->i_op->setattr(dentry, &attr);
}

int do_ftruncate(struct file *file, loff_t length)
{
	if (length < 0)
		return -EINVAL;
	if (!file->f_dentry || !S_ISREG(file->f_inode->i_mode) ||
	    !(file->f_mode & FMODE_WRITE))
		return -EINVAL;
	return vfs_truncate(file->f_dentry, length);
}

int do_chdir(struct fs_struct *fs, const char *path)
{
	struct dentry *dentry;
	int err = kern_path(fs, NULL, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY,
			    &dentry);

	if (err)
		return err;
	err = inode_permission(dentry->d_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(fs, dentry);
	dput(dentry);
	return err;
}

int do_faccessat(struct fs_struct *fs, struct dentry *base,
		 const char *path, int mode)
{
	struct dentry *dentry;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	err = kern_path(fs, base, path, LOOKUP_FOLLOW, &dentry);
	if (err)
		return err;
	/* R_OK, W_OK and X_OK are MAY_READ, MAY_WRITE and MAY_EXEC. */
	err = inode_permission(dentry->d_inode, mode);
	dput(dentry);
	return err;
}

/* ---- the system calls ------------------------------------------------- */

/*
 * Linux's build_open_flags, the part anvil needs: unknown bits are
 * ignored (open(2) never rejected them), the mode only matters with
 * O_CREAT, every open is O_LARGEFILE on a 64-bit kernel, and O_PATH
 * drops every flag but O_PATH_FLAGS (O_LARGEFILE too). O_TMPFILE
 * is valid only as O_TMPFILE with write access; ramfs cannot make
 * nameless files yet (EOPNOTSUPP, as a filesystem without them says).
 */
static int build_open_flags(unsigned int *flags, umode_t *mode)
{
	unsigned int f = *flags | O_LARGEFILE;

	if (f & O_PATH)
		f &= O_PATH_FLAGS;
	if (f & __O_TMPFILE) {
		if (!(f & O_DIRECTORY) || (f & O_ACCMODE) == O_RDONLY)
			return -EINVAL;
		return -EOPNOTSUPP;
	}
	if (!(f & O_CREAT))
		*mode = 0;
	*flags = f;
	return 0;
}

static long do_sys_open(int dfd, const char __user *filename, int flags,
			umode_t mode)
{
	unsigned int f = (unsigned int)flags;
	struct at_path p;
	struct file *file;
	int fd = build_open_flags(&f, &mode);

	if (fd)
		return fd;
	fd = getname_at(dfd, filename, 0, &p);
	if (!fd)
		fd = get_unused_fd_flags(f);
	if (fd >= 0) {
		file = do_filp_open(current->fs, p.base, p.name, f, mode);
		if (IS_ERR(file)) {
			put_unused_fd(fd);
			fd = (int)PTR_ERR(file);
		} else {
			fd_install(fd, file);
		}
	}
	putname_at(&p);
	return fd;
}

#ifdef __NR_open
SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}
#endif

SYSCALL_DEFINE4(openat, int, dfd,
		const char __user *, filename,
		int, flags,
		umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

#ifdef __NR_creat
SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC,
			   mode);
}
#endif

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct dentry *dentry;
	int err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &dentry);
	if (err)
		return err;
	if (S_ISDIR(dentry->d_inode->i_mode))
		err = -EISDIR;
	else
		err = inode_permission(dentry->d_inode, MAY_WRITE);
	if (!err)
		err = vfs_truncate(dentry, length);
	dput(dentry);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *file;
	int err;

	if (length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	err = do_ftruncate(file, length);
	fput(file);
	return err;
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	char *name = getname(filename);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_chdir(current->fs, name);
	putname(name);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *file = fget_raw(fd);
	int err;

	if (!file)
		return -EBADF;
	if (!file->f_dentry || !d_is_dir(file->f_dentry))
		err = -ENOTDIR;
	else
		err = inode_permission(file->f_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, file->f_dentry);
	fput(file);
	return err;
}

/* access(2) and friends. Everyone is root, so only X_OK can fail. */
static long ksys_faccessat(int dfd, const char __user *filename, int mode,
			   int flags)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct inode *inode;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup = 0;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_inode_at(dfd, filename, lookup, &inode);
	if (err)
		return err;
	/* R_OK, W_OK and X_OK are MAY_READ, MAY_WRITE and MAY_EXEC. */
	err = inode_permission(inode, mode);
	iput(inode);
	return err;
}

#ifdef __NR_access
SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return ksys_faccessat(AT_FDCWD, filename, mode, 0);
}
#endif

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return ksys_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd,
		const char __user *, filename,
		int, mode,
		int, flags)
{
	return ksys_faccessat(dfd, filename, mode, flags);
}
