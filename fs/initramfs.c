// SPDX-License-Identifier: MIT
/*
 * fs/initramfs.c: the root filesystem at boot, filled from the
 * initramfs (Linux's init/initramfs.c, much smaller).
 *
 * populate_rootfs() makes a ramfs, points init_fs at it, unpacks the
 * boot loader's newc cpio archive into it, adds /dev/console and
 * /dev/null, and mounts procfs on /proc (fs/proc/root.c). The archive
 * comes from outside the kernel, so it is read only through
 * lib/cpio.c, which checks every length against the buffer, and it is
 * checked whole before anything is unpacked: a corrupt archive is
 * reported with its byte offset and ignored, never half-applied.
 *
 * What an entry becomes:
 *	directory	mkdir, or chmod if it exists (archives made with
 *			find -depth list a directory after its contents)
 *	regular file	created (or truncated) and written; its data are
 *			copied into page cache pages
 *	symlink		symlink, the data being the target
 *	anything else	(device nodes, fifos, sockets) skipped, counted
 * Leading "./" and "/" are dropped; missing parent directories are
 * made (0755); permission bits are kept exactly (umask 0). Not kept:
 * owners and times (lib/cpio.c does not return them; everything is
 * root's) and hard links (each name gets its own copy of the data).
 */
#include <anvil/cpio.h>
#include <anvil/kernel.h>
#include <anvil/proc_fs.h>
#include <anvil/slab.h>
#include <anvil/string.h>

#include "internal.h"

/* Check the whole archive: entries before the trailer, or -1. */
static int cpio_check(struct cpio_reader *r, const void *buf, size_t len)
{
	struct cpio_entry e;
	int n = 0, ret;

	cpio_init(r, buf, len);
	while ((ret = cpio_next(r, &e)) > 0)
		n++;
	return ret < 0 ? -1 : n;
}

static void set_mode(struct fs_struct *fs, const char *path, umode_t mode)
{
	struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = mode };
	struct dentry *dentry;

	if (kern_path(fs, NULL, path, 0, &dentry))
		return;
	if (dentry->d_inode->i_op && dentry->d_inode->i_op->setattr)
		dentry->d_inode->i_op->setattr(dentry, &attr);
	dput(dentry);
}

/* mkdir -p of every directory above @path (which is writable). */
static void make_parents(struct fs_struct *fs, char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		do_mkdirat(fs, NULL, path, 0755);
		*p = '/';
	}
}

static int unpack_file(struct fs_struct *fs, const char *path,
		       const struct cpio_entry *e, umode_t mode)
{
	struct file *file = do_filp_open(fs, NULL, path,
					 O_WRONLY | O_CREAT | O_TRUNC, mode);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file))
		return (int)PTR_ERR(file);
	n = e->size ? kernel_write(file, e->data, e->size, &pos) : 0;
	fput(file);
	set_mode(fs, path, mode); /* it may have existed, with other bits */
	if (n < 0)
		return (int)n;
	return (size_t)n == e->size ? 0 : -ENOSPC;
}

static int unpack_symlink(struct fs_struct *fs, const char *path,
			  const struct cpio_entry *e)
{
	char *target;
	int err;

	if (e->size == 0 || e->size >= PATH_MAX)
		return -EINVAL;
	target = kstrndup(e->data, e->size, GFP_KERNEL);
	if (!target)
		return -ENOMEM;
	err = do_symlinkat(fs, target, NULL, path);
	kfree(target);
	return err;
}

/* Make one entry; -ENOENT means a parent is missing. */
static int unpack_one(struct fs_struct *fs, const char *path,
		      const struct cpio_entry *e)
{
	umode_t mode = e->mode & S_IALLUGO;
	int err;

	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		err = do_mkdirat(fs, NULL, path, mode);
		if (err == -EEXIST) {
			set_mode(fs, path, mode);
			err = 0;
		}
		return err;
	case S_IFREG:
		return unpack_file(fs, path, e, mode);
	case S_IFLNK:
		return unpack_symlink(fs, path, e);
	}
	return 1; /* skipped */
}

/* Unpack @e; returns 1 if it made a name, 0 if skipped, or -errno. */
static int unpack_entry(struct fs_struct *fs, const struct cpio_entry *e)
{
	char *name = kstrndup(e->name, e->namelen, GFP_KERNEL);
	char *path = name;
	int err;

	if (!name)
		return -ENOMEM;
	for (;;) {
		if (path[0] == '.' && path[1] == '/')
			path += 2;
		else if (path[0] == '/')
			path++;
		else
			break;
	}
	if (!*path || strcmp(path, ".") == 0) {
		kfree(name);
		return 0; /* the root itself */
	}
	err = unpack_one(fs, path, e);
	if (err == -ENOENT) {
		make_parents(fs, path);
		err = unpack_one(fs, path, e);
	}
	if (err < 0)
		pr_warn("initramfs: %s: error %d, skipped\n", path, err);
	else if (err > 0)
		pr_warn("initramfs: %s: type %o not supported, skipped\n",
			path, e->mode & S_IFMT);
	kfree(name);
	return err ? (err < 0 ? err : 0) : 1;
}

int unpack_to_rootfs(struct dentry *root, const void *buf, size_t len,
		     const char **errp)
{
	struct cpio_reader r;
	struct cpio_entry e;
	struct fs_struct *fs;
	int files = 0;

	if (cpio_check(&r, buf, len) < 0) {
		*errp = r.error;
		return -1;
	}
	fs = alloc_fs_struct(root);
	if (!fs) {
		*errp = "out of memory";
		return -1;
	}
	fs->umask = 0; /* the archive's modes, exactly */
	cpio_init(&r, buf, len);
	while (cpio_next(&r, &e) > 0)
		if (unpack_entry(fs, &e) > 0)
			files++;
	free_fs_struct(fs);
	return files;
}

/* /dev/console and /dev/null, unless the archive made them. */
static void make_dev_nodes(struct dentry *root)
{
	struct fs_struct *fs = alloc_fs_struct(root);
	int err;

	if (!fs)
		return;
	fs->umask = 0;
	do_mkdirat(fs, NULL, "/dev", 0755);
	err = do_mknodat(fs, NULL, "/dev/console", S_IFCHR | 0600,
			 MKDEV(TTYAUX_MAJOR, 1));
	if (err && err != -EEXIST)
		pr_err("rootfs: cannot make /dev/console: error %d\n", err);
	err = do_mknodat(fs, NULL, "/dev/null", S_IFCHR | 0666,
			 MKDEV(MEM_MAJOR, 3));
	if (err && err != -EEXIST)
		pr_err("rootfs: cannot make /dev/null: error %d\n", err);
	free_fs_struct(fs);
}

void populate_rootfs(const void *buf, size_t len)
{
	struct super_block *sb = ramfs_mount();
	struct cpio_reader r;
	const char *err;
	int files;

	if (!sb)
		panic("rootfs: cannot create the root filesystem");
	init_fs_setup(sb->s_root);
	if (buf && len) {
		if (cpio_check(&r, buf, len) < 0) {
			pr_err("initramfs: corrupt at byte %zu: %s; ignoring it\n",
			       r.pos, r.error);
		} else {
			files = unpack_to_rootfs(sb->s_root, buf, len, &err);
			if (files < 0)
				pr_err("initramfs: %s; ignoring it\n", err);
			else
				pr_info("initramfs: unpacked %d files into /\n",
					files);
		}
	}
	make_dev_nodes(sb->s_root);
	proc_root_init();
}
