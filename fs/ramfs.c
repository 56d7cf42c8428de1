// SPDX-License-Identifier: MIT
/*
 * fs/ramfs.c: the filesystem that is nothing but the VFS's own caches,
 * after Linux's ramfs and libfs "simple_*" helpers. Directories are
 * their dentries' lists (fs/dcache.c), file data are page cache pages
 * (fs/filemap.c), symlink targets a kmalloc'd string.
 *
 * The VFS (fs/namei.c) has already checked names, types and emptiness
 * and holds the directory locks when these operations run; all they do
 * is make or drop inodes and keep the link counts right:
 *
 *	a file's i_nlink	names it has
 *	a directory's i_nlink	2 ("." and its name) + its subdirectories
 *				(each one's "..")
 *
 * ramfs_mount() makes a new, empty instance; the boot's root filesystem
 * is one (fs/initramfs.c), and the tests make their own.
 */
#include <anvil/kernel.h>
#include <anvil/slab.h>
#include <anvil/string.h>

#include "internal.h"

static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_file_inode_operations;
static const struct inode_operations ramfs_symlink_inode_operations;

static const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = generic_file_read_iter,
	.write_iter = generic_file_write_iter,
	.fsync = noop_fsync,
	.mmap = generic_file_mmap,
};

static const struct file_operations ramfs_dir_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = dcache_readdir,
	.fsync = noop_fsync,
};

/* A new inode of type and mode @mode. NULL if out of memory. */
static struct inode *ramfs_get_inode(struct super_block *sb, umode_t mode,
				     dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &ramfs_dir_operations;
		inode->i_nlink = 2;
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_inode_operations;
		break;
	default:
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

static int ramfs_mknod(struct inode *dir, struct dentry *dentry,
		       umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, mode, dev);

	if (!inode)
		return -ENOMEM;
	d_instantiate(dentry, inode);
	inode_touch(dir, true);
	return 0;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry,
			umode_t mode)
{
	return ramfs_mknod(dir, dentry, (mode & ~S_IFMT) | S_IFREG, 0);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry,
		       umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, (mode & ~S_IFMT) | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir); /* the new directory's ".." */
	return err;
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry,
			 const char *target)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, S_IFLNK | 0777, 0);

	if (!inode)
		return -ENOMEM;
	inode->i_link = kstrndup(target, PATH_MAX, GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_size = strlen(inode->i_link);
	d_instantiate(dentry, inode);
	inode_touch(dir, true);
	return 0;
}

/* Not in the dcache means it does not exist (Linux's simple_lookup). */
static int simple_lookup(struct inode *dir, struct dentry *dentry)
{
	return -ENOENT;
}

static int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	drop_nlink(inode);
	inode_touch(inode, false);
	inode_touch(dir, true);
	return 0;
}

/* The VFS has checked that the directory is empty. */
static int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	clear_nlink(dentry->d_inode);
	drop_nlink(dir);
	inode_touch(dir, true);
	return 0;
}

static int simple_rename(struct inode *old_dir, struct dentry *old,
			 struct inode *new_dir, struct dentry *new)
{
	bool is_dir = d_is_dir(old);

	if (new->d_inode) {
		/* The victim goes; an (empty) directory takes its ".." along. */
		if (is_dir) {
			clear_nlink(new->d_inode);
			drop_nlink(new_dir);
		} else {
			simple_unlink(new_dir, new);
		}
	}
	if (is_dir && old_dir != new_dir) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	inode_touch(old->d_inode, false);
	inode_touch(old_dir, true);
	inode_touch(new_dir, true);
	return 0;
}

static const char *simple_get_link(struct dentry *dentry)
{
	return dentry->d_inode->i_link;
}

/* Size changes (truncate) and chmod. */
static int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (attr->ia_valid & ATTR_SIZE) {
		down_write(&inode->i_rwsem);
		truncate_setsize(inode, attr->ia_size);
		up_write(&inode->i_rwsem);
		inode_touch(inode, true);
	}
	if (attr->ia_valid & ATTR_MODE) {
		spin_lock(&inode->i_lock);
		inode->i_mode = (inode->i_mode & S_IFMT) |
				(attr->ia_mode & S_IALLUGO);
		spin_unlock(&inode->i_lock);
		inode_touch(inode, false);
	}
	return 0;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.lookup = simple_lookup,
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.mknod = ramfs_mknod,
	.symlink = ramfs_symlink,
	.unlink = simple_unlink,
	.rmdir = simple_rmdir,
	.rename = simple_rename,
	.setattr = simple_setattr,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr = simple_setattr,
};

static const struct inode_operations ramfs_symlink_inode_operations = {
	.get_link = simple_get_link,
};

int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0; /* nothing is ever anywhere but in memory */
}

struct super_block *ramfs_mount(void)
{
	struct super_block *sb;
	struct inode *root;

	vfs_caches_init();
	sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	if (!sb)
		return NULL;
	sb->s_dev = new_anon_dev();
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	mutex_init(&sb->s_vfs_rename_mutex);
	root = ramfs_get_inode(sb, S_IFDIR | 0755, 0);
	sb->s_root = root ? d_make_root(root) : NULL;
	if (!sb->s_root) {
		kfree(sb);
		return NULL;
	}
	return sb;
}

/*
 * Unlink one leaf below @dir: a non-directory, or an empty directory.
 * Returns the child directory to descend into instead when the first
 * entry is a non-empty directory, else NULL. dir's i_mutex held.
 */
static struct dentry *kill_first_child(struct dentry *dir)
{
	struct dentry *child = list_first_entry(&dir->d_subdirs,
						struct dentry, d_child);

	if (d_is_dir(child) && !list_empty(&child->d_subdirs))
		return dget(child);
	d_unlink(child);
	dput(child); /* the pin: frees it unless someone still holds it */
	return NULL;
}

/*
 * ramfs_kill_sb - tear down a whole instance: every name is unlinked,
 * deepest first, without recursion (trees can be deep), and then the
 * root goes. Nobody may be using the filesystem, and every file opened
 * on it must be closed, or its inodes outlive it (reported, and the
 * superblock is left allocated for them).
 */
int ramfs_kill_sb(struct super_block *sb)
{
	struct dentry *dir = dget(sb->s_root);
	int left;

	for (;;) {
		struct dentry *down = NULL, *parent;

		mutex_lock(&dir->d_inode->i_mutex);
		while (!down && !list_empty(&dir->d_subdirs))
			down = kill_first_child(dir);
		mutex_unlock(&dir->d_inode->i_mutex);
		if (down) {
			dput(dir);
			dir = down;
			continue;
		}
		if (dir == sb->s_root)
			break;
		/* @dir is empty now: go back up and let its parent drop it. */
		parent = dget_parent(dir);
		dput(dir);
		dir = parent;
	}
	dput(dir);
	dput(sb->s_root);
	left = atomic_read(&sb->s_nr_inodes);
	if (left)
		pr_warn("ramfs: %d inodes still in use at unmount\n", left);
	else
		kfree(sb);
	return left;
}
