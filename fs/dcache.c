// SPDX-License-Identifier: MIT
/*
 * fs/dcache.c: dentries, the tree of names.
 *
 * In ramfs the dentry tree is not a cache of something on disk: it *is*
 * the directory structure (as in Linux's ramfs). A directory's entries
 * are its dentry's d_subdirs list, in the order they were added; each
 * child holds a reference to its parent and to its inode, and the tree
 * holds one "pin" reference on every linked dentry, dropped when the
 * name is removed (d_unlink + dput).
 *
 *	/ (root: d_parent is itself)
 *	+-- bin		d_child links siblings on the parent's d_subdirs
 *	|   +-- sh	a dentry -> inode; hard links: many dentries, one inode
 *	+-- etc
 *
 * Who changes what (see <anvil/fs.h>):
 *	a directory's list		its inode's i_mutex
 *	d_parent, d_name (rename)	rename_lock, plus both parents' i_mutex
 *	d_count				atomic
 *
 * Lookups in a directory are a linear scan of its list; fine for the
 * tens of entries an initramfs has, and the first thing to hash later.
 * The path walk is fs/namei.c; getcwd's d_path is here, with getcwd(2)
 * (Linux's fs/d_path.c).
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>

#include "internal.h"

DEFINE_SPINLOCK(rename_lock);
static struct kmem_cache *dentry_cache;

/*
 * vfs_caches_init - create the slab caches of the VFS. Idempotent, so
 * that whoever needs the VFS first (populate_rootfs, a test) sets it up.
 * May sleep.
 */
void vfs_caches_init(void)
{
	static DEFINE_MUTEX(init_lock);
	static bool done;

	mutex_lock(&init_lock);
	if (!done) {
		dentry_cache = kmem_cache_create("dentry",
						 sizeof(struct dentry), 0,
						 SLAB_PANIC, NULL);
		inode_init();
		radix_tree_init();
		files_init();
		done = true;
	}
	mutex_unlock(&init_lock);
}

static struct dentry *__d_alloc(struct super_block *sb,
				const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	char *dname = dentry ? dentry->d_iname : NULL;

	if (!dentry)
		return NULL;
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	atomic_set(&dentry->d_count, 1);
	dentry->d_sb = sb;
	dentry->d_parent = dentry;
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (dentry)
		dentry->d_parent = dget(parent);
	return dentry;
}

struct dentry *d_make_root(struct inode *inode)
{
	static const struct qstr slash = { "/", 1 };
	struct dentry *root = __d_alloc(inode->i_sb, &slash);

	if (!root) {
		iput(inode);
		return NULL;
	}
	root->d_inode = inode;
	return root;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	WARN_ON(dentry->d_inode);
	dentry->d_inode = inode;
}

void d_link(struct dentry *dentry)
{
	struct inode *dir = dentry->d_parent->d_inode;

	dentry->d_off = dir->i_dir_seq++;
	list_add_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	dget(dentry); /* the tree's pin */
}

void d_unlink(struct dentry *dentry)
{
	spin_lock(&rename_lock); /* d_path reads d_flags under it */
	list_del_init(&dentry->d_child);
	dentry->d_flags |= DCACHE_UNLINKED;
	spin_unlock(&rename_lock);
}

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *child;

	list_for_each_entry(child, &parent->d_subdirs, d_child) {
		if (child->d_name.len == name->len &&
		    memcmp(child->d_name.name, name->name, name->len) == 0)
			return dget(child);
	}
	return NULL;
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		atomic_inc(&dentry->d_count);
	return dentry;
}

struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;

	spin_lock(&rename_lock);
	parent = dget(dentry->d_parent);
	spin_unlock(&rename_lock);
	return parent;
}

static void d_free(struct dentry *dentry)
{
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
}

/*
 * dput - drop a reference. The last one frees the dentry and drops its
 * references to its inode and its parent, which may free those in turn
 * (a loop, not recursion: trees can be deep). Only unlinked dentries
 * can reach zero, since the tree pins linked ones. May sleep (iput).
 */
void dput(struct dentry *dentry)
{
	while (dentry && atomic_dec_and_test(&dentry->d_count)) {
		struct dentry *parent = dentry->d_parent;

		WARN_ON(!list_empty(&dentry->d_child));
		WARN_ON(!list_empty(&dentry->d_subdirs));
		iput(dentry->d_inode);
		d_free(dentry);
		dentry = parent == dentry ? NULL : parent;
	}
}

/*
 * Exchange two dentries' names without allocating: d_move must not
 * fail once the filesystem has agreed to a rename. Inline names are
 * copied, external ones swap pointers. rename_lock held.
 */
static void swap_names(struct dentry *a, struct dentry *b)
{
	bool a_inline = a->d_name.name == a->d_iname;
	bool b_inline = b->d_name.name == b->d_iname;
	const char *a_ext = a->d_name.name, *b_ext = b->d_name.name;
	char tmp[DNAME_INLINE_LEN];
	unsigned int len = a->d_name.len;

	memcpy(tmp, a->d_iname, DNAME_INLINE_LEN);
	if (b_inline)
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
	if (a_inline)
		memcpy(b->d_iname, tmp, DNAME_INLINE_LEN);
	a->d_name.name = b_inline ? a->d_iname : b_ext;
	b->d_name.name = a_inline ? b->d_iname : a_ext;
	a->d_name.len = b->d_name.len;
	b->d_name.len = len;
}

void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *new_parent = target->d_parent;
	struct inode *new_dir = new_parent->d_inode;
	bool positive = target->d_inode != NULL;

	spin_lock(&rename_lock);
	if (positive) {
		list_del_init(&target->d_child);
		target->d_flags |= DCACHE_UNLINKED;
	}
	list_del(&dentry->d_child);
	swap_names(dentry, target);
	/*
	 * Swap parents too: each dentry's reference to its parent goes
	 * with it, so the counts stay right, and the target (now holding
	 * the old parent) drops it when it is freed.
	 */
	target->d_parent = dentry->d_parent;
	dentry->d_parent = new_parent;
	dentry->d_off = new_dir->i_dir_seq++;
	list_add_tail(&dentry->d_child, &new_parent->d_subdirs);
	spin_unlock(&rename_lock);
}

bool is_subdir(struct dentry *dentry, struct dentry *ancestor)
{
	bool found = false;

	spin_lock(&rename_lock);
	for (;;) {
		if (dentry == ancestor) {
			found = true;
			break;
		}
		if (dentry->d_parent == dentry)
			break;
		dentry = dentry->d_parent;
	}
	spin_unlock(&rename_lock);
	return found;
}

/* Prepend @len bytes of @s before *@end, within @buf. */
static bool prepend(char *buf, char **end, const char *s, size_t len)
{
	if ((size_t)(*end - buf) < len)
		return false;
	*end -= len;
	memcpy(*end, s, len);
	return true;
}

int d_path(struct dentry *root, struct dentry *dentry, char *buf,
	   size_t size)
{
	char *end = buf + size;
	int ret = 0;

	if (!prepend(buf, &end, "", 1)) /* the NUL */
		return -ERANGE;
	spin_lock(&rename_lock);
	if (dentry->d_flags & DCACHE_UNLINKED)
		ret = -ENOENT;
	while (!ret && dentry != root) {
		if (dentry->d_parent == dentry) {
			/*
			 * The root of a mounted filesystem is named by the
			 * directory it is mounted on (s_mountpoint is set
			 * once, and pins it).
			 */
			if (!dentry->d_sb || !dentry->d_sb->s_mountpoint)
				break;
			dentry = dentry->d_sb->s_mountpoint;
			continue;
		}
		if (!prepend(buf, &end, dentry->d_name.name,
			     dentry->d_name.len) ||
		    !prepend(buf, &end, "/", 1))
			ret = -ERANGE;
		dentry = dentry->d_parent;
		if (dentry->d_flags & DCACHE_UNLINKED)
			ret = -ENOENT;
	}
	if (!ret && end == buf + size - 1 && !prepend(buf, &end, "/", 1))
		ret = -ERANGE;
	spin_unlock(&rename_lock);
	if (ret)
		return ret;
	memmove(buf, end, buf + size - end);
	return (int)(buf + size - end) - 1;
}

int vfs_getcwd(struct fs_struct *fs, char *buf, size_t size)
{
	struct dentry *root = get_fs_root(fs), *pwd = get_fs_pwd(fs);
	int len = d_path(root, pwd, buf, size);

	dput(pwd);
	dput(root);
	return len < 0 ? len : len + 1;
}

/*
 * getcwd(2): the length with the NUL. A path that does not fit in
 * PATH_MAX is ENAMETOOLONG, one that does not fit in @size ERANGE, a
 * removed cwd ENOENT, as in Linux.
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!page)
		return -ENOMEM;
	len = vfs_getcwd(current->fs, page, PATH_MAX);
	if (len == -ERANGE)
		len = -ENAMETOOLONG;
	else if (len > 0 && (unsigned long)len > size)
		len = -ERANGE;
	else if (len > 0 && copy_to_user(buf, page, len))
		len = -EFAULT;
	kfree(page);
	return len;
}
