// SPDX-License-Identifier: MIT
/*
 * fs/open.c: opening files by name (do_filp_open), and the calls that
 * act on a name or an open file's attributes: truncate, chdir, access,
 * fsync.
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
 *	dentry_open	a struct file, and the driver's open() (a device
 *			node swaps in its driver's operations here)
 *
 * The returned file is not in any fd table: the syscall layer reserves
 * an fd with __alloc_fd() (honouring O_CLOEXEC) and installs it.
 */
#include <anvil/kernel.h>

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
	child = d_lookup(dir, &nd->last);
	if (child && (flags & O_EXCL)) {
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
	*res = child;
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

struct file *do_filp_open(struct fs_struct *fs, struct dentry *base,
			  const char *path, unsigned int flags, umode_t mode)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct dentry *dentry = NULL;
	bool created = false;
	struct file *file;
	int err;

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

int vfs_fsync(struct file *file)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, 0, MAX_LFS_FILESIZE, 0);
}
