// SPDX-License-Identifier: MIT
/*
 * fs/fs_struct.c: a task's filesystem context, its root, current
 * directory and umask (Linux's struct fs_struct, current->fs).
 *
 * Tasks do not have one yet, so the VFS calls take it as an argument;
 * init_fs is the boot's, set up by populate_rootfs(). A process gets a
 * copy at fork (copy_fs_struct); chdir and chroot replace a pointer
 * under fs->lock, and a path walk starts from a referenced snapshot
 * (get_fs_root/get_fs_pwd), so a concurrent chdir never pulls a
 * directory out from under it.
 */
#include <anvil/kernel.h>
#include <anvil/slab.h>

#include "internal.h"

struct fs_struct init_fs;

static void fs_struct_init(struct fs_struct *fs, struct dentry *root,
			   struct dentry *pwd, unsigned int umask)
{
	spin_lock_init(&fs->lock);
	fs->users = 1;
	fs->umask = umask;
	fs->root = dget(root);
	fs->pwd = dget(pwd);
}

/* A new context rooted (and standing) at @root, umask 022. */
struct fs_struct *alloc_fs_struct(struct dentry *root)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (fs)
		fs_struct_init(fs, root, root, 0022);
	return fs;
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct dentry *root = get_fs_root(old), *pwd = get_fs_pwd(old);
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (fs)
		fs_struct_init(fs, root, pwd, READ_ONCE(old->umask));
	dput(pwd);
	dput(root);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	dput(fs->pwd);
	dput(fs->root);
	kfree(fs);
}

/* clone(CLONE_FS): one more task shares @fs (a chdir is seen by all). */
void get_fs_struct(struct fs_struct *fs)
{
	spin_lock(&fs->lock);
	fs->users++;
	spin_unlock(&fs->lock);
}

/* A task lets go of @fs (exit); the last one frees it. */
void put_fs_struct(struct fs_struct *fs)
{
	bool last;

	spin_lock(&fs->lock);
	last = --fs->users == 0;
	spin_unlock(&fs->lock);
	if (last)
		free_fs_struct(fs);
}

/* Replace *@slot by @dentry under fs->lock; the old one is dropped. */
static void set_fs_dentry(struct fs_struct *fs, struct dentry **slot,
			  struct dentry *dentry)
{
	struct dentry *old;

	dget(dentry);
	spin_lock(&fs->lock);
	old = *slot;
	*slot = dentry;
	spin_unlock(&fs->lock);
	dput(old);
}

void set_fs_root(struct fs_struct *fs, struct dentry *root)
{
	set_fs_dentry(fs, &fs->root, root);
}

void set_fs_pwd(struct fs_struct *fs, struct dentry *pwd)
{
	set_fs_dentry(fs, &fs->pwd, pwd);
}

struct dentry *get_fs_root(struct fs_struct *fs)
{
	struct dentry *root;

	spin_lock(&fs->lock);
	root = dget(fs->root);
	spin_unlock(&fs->lock);
	return root;
}

struct dentry *get_fs_pwd(struct fs_struct *fs)
{
	struct dentry *pwd;

	spin_lock(&fs->lock);
	pwd = dget(fs->pwd);
	spin_unlock(&fs->lock);
	return pwd;
}

/* Set up init_fs at boot, rooted at the root filesystem. */
void init_fs_setup(struct dentry *root)
{
	fs_struct_init(&init_fs, root, root, 0022);
}
