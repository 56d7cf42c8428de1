// SPDX-License-Identifier: MIT
/*
 * fs/proc/root.c: procfs itself: its superblock, the /proc directory,
 * the files at the top (PROC_ENTRY) and the mount on /proc at boot.
 *
 * Nothing in procfs is stored. Every name is made by lookup() when a
 * walk asks for it, with a fresh inode, and marked DCACHE_DONTCACHE so
 * the VFS does not keep it: the next walk asks again, and so
 * /proc/<pid> disappears as soon as the process does, without Linux's
 * d_revalidate. A file's text is made when it is read (fs/seq_file.c),
 * so an open file of a process that has since gone reads -ESRCH.
 *
 * Everything is read-only: files are 0444 (environ 0400), directories
 * 0555, and opening a file for writing is EACCES, what Linux says to
 * everyone but root. (Linux's root may open them and then gets EIO or
 * EINVAL from write(); anvil, where everyone is root, refuses at open,
 * which is the more useful of the two answers.) Creating, removing and
 * renaming are refused by the missing inode operations (EACCES, EPERM)
 * and by the mount (EXDEV).
 *
 * /proc lists, in this order: ".", "..", the PROC_ENTRY files in link
 * order, "self", then one directory per process by pid. Positions are
 * cookies, as in fs/readdir.c: 2 + i for file i, then "self", then
 * "self" + 1 + pid for a process, so a listing resumed after processes
 * came and went neither repeats nor skips one that stayed.
 */
#include <anvil/kernel.h>
#include <anvil/slab.h>
#include <anvil/string.h>

#include "internal.h"

extern const struct proc_entry __start_proc_entries[];
extern const struct proc_entry __stop_proc_entries[];

static size_t nr_proc_entries(void)
{
	return (size_t)(__stop_proc_entries - __start_proc_entries);
}

static struct super_block *proc_sb;

const struct inode_operations proc_file_inode_operations;

struct inode *proc_new_inode(struct super_block *sb, u64 ino, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = ino;	/* fixed numbers: see internal.h */
	inode->i_mode = mode;
	if (S_ISDIR(mode))
		inode->i_nlink = 2;
	inode->i_op = &proc_file_inode_operations;
	return inode;
}

void proc_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_flags |= DCACHE_DONTCACHE;
	d_instantiate(dentry, inode);
}

/* ---- the PROC_ENTRY files ---------------------------------------------- */

static int proc_single_open(struct inode *inode, struct file *file)
{
	const struct proc_entry *e = inode->i_private;

	if (file->f_mode & FMODE_WRITE)
		return -EACCES;
	return single_open(file, e->show, NULL);
}

static const struct file_operations proc_single_fops = {
	.open = proc_single_open,
	.llseek = seq_lseek,
	.read_iter = seq_read_iter,
	.release = single_release,
};

/* ---- /proc ------------------------------------------------------------ */

/*
 * Stand-ins for fs/proc/base.c, which a build without user mode leaves
 * out: no processes, so no "self" and no /proc/<pid>.
 */
__weak int proc_pid_lookup(struct inode *dir, struct dentry *dentry)
{
	return -ENOENT;
}

__weak int proc_pid_readdir(struct file *file, struct dir_context *ctx,
			    loff_t first)
{
	return 0;
}

static int proc_root_lookup(struct inode *dir, struct dentry *dentry)
{
	const struct qstr *name = &dentry->d_name;
	size_t i, n = nr_proc_entries();

	for (i = 0; i < n; i++) {
		const struct proc_entry *e = &__start_proc_entries[i];
		struct inode *inode;

		if (strlen(e->name) != name->len ||
		    memcmp(e->name, name->name, name->len))
			continue;
		inode = proc_new_inode(dir->i_sb, PROC_ROOT_INO + 1 + i,
				       S_IFREG | 0444);
		if (!inode)
			return -ENOMEM;
		inode->i_fop = &proc_single_fops;
		inode->i_private = (void *)e;
		proc_instantiate(dentry, inode);
		return 0;
	}
	return proc_pid_lookup(dir, dentry);
}

/* The inode number of the directory /proc is mounted in, for "..". */
static u64 proc_root_parent_ino(void)
{
	struct dentry *parent;
	u64 ino;

	if (!proc_sb->s_mountpoint)
		return PROC_ROOT_INO;
	parent = dget_parent(proc_sb->s_mountpoint);
	ino = parent->d_inode->i_ino;
	dput(parent);
	return ino;
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	loff_t n = (loff_t)nr_proc_entries();

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, PROC_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, proc_root_parent_ino(),
				DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (; ctx->pos < 2 + n; ctx->pos++) {
		const struct proc_entry *e =
			&__start_proc_entries[ctx->pos - 2];

		if (!ctx->actor(ctx, e->name, (int)strlen(e->name),
				ctx->pos + 1, PROC_ROOT_INO + ctx->pos - 1,
				DT_REG))
			return 0;
	}
	return proc_pid_readdir(file, ctx, 2 + n);
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = proc_root_readdir,
};

/* ---- mounting ---------------------------------------------------------- */

static struct super_block *proc_fill_super(void)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	struct inode *root;

	if (!sb)
		return NULL;
	sb->s_dev = new_anon_dev();
	sb->s_maxbytes = MAX_LFS_FILESIZE;
	mutex_init(&sb->s_vfs_rename_mutex);
	root = proc_new_inode(sb, PROC_ROOT_INO, S_IFDIR | 0555);
	if (root) {
		root->i_op = &proc_root_inode_operations;
		root->i_fop = &proc_root_operations;
	}
	sb->s_root = root ? d_make_root(root) : NULL;
	if (!sb->s_root) {
		kfree(sb);
		return NULL;
	}
	return sb;
}

void proc_root_init(void)
{
	int err;

	BUG_ON(nr_proc_entries() + 2 > PROC_SELF_INO);
	proc_sb = proc_fill_super();
	if (!proc_sb) {
		pr_err("proc: out of memory; no /proc\n");
		return;
	}
	err = do_mkdirat(&init_fs, NULL, "/proc", 0555);
	if (!err || err == -EEXIST)
		err = do_add_mount(&init_fs, "/proc", proc_sb);
	if (err)
		pr_err("proc: cannot mount on /proc: error %d\n", err);
}
