// SPDX-License-Identifier: MIT
/*
 * fs/namei.c: from a path string to a dentry, and the directory
 * operations built on that (mkdir, mknod, symlink, unlink, rmdir,
 * rename, readlink). Opening is fs/open.c, which uses the walker here.
 *
 * The walk, for "a//b/../c":
 *
 *	start	'/' -> fs->root, else @base or fs->pwd
 *	"a"	look it up in the current directory (its i_mutex held just
 *		for the lookup), step into it; a symlink is followed
 *	"b"	the same; repeated slashes are one separator
 *	".."	the parent (rename_lock), but never above the walk's root
 *	"c"	the last component: the caller decides (look it up, follow
 *		it or not, create it, remove it)
 *
 * Mounts (fs/namespace.c): a directory with a filesystem mounted on it
 * (d_mounted) is crossed into that filesystem's root as soon as the walk
 * steps onto it, and ".." of a mounted root climbs out through the
 * directory it is mounted on, so "/proc/1/.." is "/proc" and
 * "/proc/.." is "/".
 *
 * Errors, as Linux's: a component longer than NAME_MAX or a path of
 * PATH_MAX bytes or more is ENAMETOOLONG; an empty path or a missing
 * component ENOENT; walking through a non-directory ENOTDIR; more than
 * MAXSYMLINKS links (or 8 nested) ELOOP.
 *
 * For the system calls, the end of the file brings a path in from user
 * memory (getname) and turns a dirfd into the walk's @base (getname_at);
 * the directory-changing calls themselves are in fs/namei_sys.c.
 *
 * Locking: a walk holds one directory's i_mutex at a time, briefly.
 * Creating and unlinking hold the parent's. Anything holding two
 * directories (rmdir: parent and victim; rename: both parents and a
 * victim directory) takes the superblock's s_vfs_rename_mutex first and
 * the directory mutexes as nested locks under it, so at most one task
 * ever holds more than one, and lockdep knows it.
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/uaccess.h>

#include "internal.h"

#define MAX_NESTED_LINKS 8

void nd_init(struct nameidata *nd, struct fs_struct *fs,
	     struct dentry *base, unsigned int flags)
{
	memset(nd, 0, sizeof(*nd));
	nd->root = get_fs_root(fs);
	nd->path = base ? dget(base) : get_fs_pwd(fs);
	nd->flags = flags;
}

void nd_exit(struct nameidata *nd)
{
	dput(nd->path);
	dput(nd->root);
	nd->path = nd->root = NULL;
}

int check_path(const char *name)
{
	size_t len = strnlen(name, PATH_MAX);

	if (len == 0)
		return -ENOENT;
	return len == PATH_MAX ? -ENAMETOOLONG : 0;
}

int may_create(struct inode *dir)
{
	return (dir->i_flags & S_DEAD) ? -ENOENT : 0;
}

int lookup_locked(struct dentry *dir, const struct qstr *name,
		  struct dentry **res)
{
	struct inode *idir = dir->d_inode;
	struct dentry *child = d_lookup(dir, name);
	int err;

	*res = child;
	if (child || !idir->i_op->lookup || (idir->i_flags & S_DEAD))
		return 0;
	child = d_alloc(dir, name);
	if (!child)
		return -ENOMEM;
	err = idir->i_op->lookup(idir, child);
	if (err) {
		dput(child);
		return err == -ENOENT ? 0 : err;
	}
	/* procfs's names are asked for afresh at every walk (fs.h). */
	if (!(child->d_flags & DCACHE_DONTCACHE))
		d_link(child);
	*res = child;
	return 0;
}

/* The child @name of @dir, referenced, or ERR_PTR(-ENOENT) and others. */
static struct dentry *lookup_one(struct dentry *dir, const struct qstr *name)
{
	struct inode *idir = dir->d_inode;
	struct dentry *child;
	int err;

	mutex_lock(&idir->i_mutex);
	err = lookup_locked(dir, name, &child);
	mutex_unlock(&idir->i_mutex);
	if (err)
		return ERR_PTR(err);
	return child ? child : ERR_PTR(-ENOENT);
}

/*
 * A directory with a filesystem mounted on it stands for that
 * filesystem's root: step onto it (and onto whatever is mounted on
 * that, in turn). Takes over the caller's reference.
 */
struct dentry *follow_mount(struct dentry *dentry)
{
	struct dentry *root;

	while ((root = READ_ONCE(dentry->d_mounted))) {
		dget(root);
		dput(dentry);
		dentry = root;
	}
	return dentry;
}

static void follow_dotdot(struct nameidata *nd)
{
	struct dentry *parent, *mountpoint;

	for (;;) {
		if (nd->path == nd->root)
			return; /* ".." of the root is the root */
		if (nd->path->d_parent != nd->path)
			break;
		/*
		 * The root of a mounted filesystem: its ".." is that of the
		 * directory it is mounted on, in the filesystem below.
		 */
		mountpoint = nd->path->d_sb->s_mountpoint;
		if (!mountpoint)
			return; /* the root filesystem's own root */
		dget(mountpoint);
		dput(nd->path);
		nd->path = mountpoint;
	}
	parent = dget_parent(nd->path);
	dput(nd->path);
	nd->path = parent;
}

/*
 * Resolve the symlink @link, which is in directory nd->path: a relative
 * target from there, an absolute one from the root. nd->path ends up at
 * the target (followed too, if itself a link).
 */
static int follow_link(struct nameidata *nd, struct dentry *link)
{
	const struct inode_operations *iop = link->d_inode->i_op;
	struct qstr last = nd->last;
	int last_type = nd->last_type, err;
	bool slash = nd->trailing_slash;
	const char *target;

	if (++nd->total_links > MAXSYMLINKS || nd->depth >= MAX_NESTED_LINKS)
		return -ELOOP;
	target = iop && iop->get_link ? iop->get_link(link) : NULL;
	if (!target || !*target)
		return -ENOENT;
	nd->depth++;
	err = link_path_walk(nd, target);
	if (!err && nd->last_type != LAST_ROOT)
		err = walk_component(nd, &nd->last, nd->last_type, true);
	if (!err && nd->trailing_slash && !d_is_dir(nd->path))
		err = -ENOTDIR;
	nd->depth--;
	/* The caller's view of its own path is unchanged. */
	nd->last = last;
	nd->last_type = last_type;
	nd->trailing_slash = slash;
	return err;
}

int walk_component(struct nameidata *nd, const struct qstr *name, int type,
		   bool follow)
{
	struct dentry *child;
	int err;

	if (!d_is_dir(nd->path))
		return -ENOTDIR;
	err = inode_permission(nd->path->d_inode, MAY_EXEC);
	if (err)
		return err;
	if (type == LAST_DOT)
		return 0;
	if (type == LAST_DOTDOT) {
		follow_dotdot(nd);
		return 0;
	}
	child = lookup_one(nd->path, name);
	if (IS_ERR(child))
		return (int)PTR_ERR(child);
	child = follow_mount(child);
	if (follow && S_ISLNK(child->d_inode->i_mode)) {
		err = follow_link(nd, child);
		dput(child);
		return err;
	}
	dput(nd->path);
	nd->path = child;
	return 0;
}

static int component_type(const char *name, size_t len)
{
	if (name[0] == '.' && len == 1)
		return LAST_DOT;
	if (name[0] == '.' && name[1] == '.' && len == 2)
		return LAST_DOTDOT;
	return LAST_NORM;
}

int link_path_walk(struct nameidata *nd, const char *name)
{
	if (*name == '/') {
		dput(nd->path);
		nd->path = dget(nd->root);
		while (*name == '/')
			name++;
	}
	nd->trailing_slash = false;
	if (!*name) {
		nd->last_type = LAST_ROOT;
		return 0;
	}
	for (;;) {
		struct qstr this = { name, 0 };
		bool slashes = false;
		int type, err;

		while (name[this.len] && name[this.len] != '/')
			this.len++;
		if (this.len > NAME_MAX)
			return -ENAMETOOLONG;
		type = component_type(name, this.len);
		name += this.len;
		while (*name == '/') {
			name++;
			slashes = true;
		}
		if (!*name) {
			nd->last = this;
			nd->last_type = type;
			nd->trailing_slash = slashes;
			return 0;
		}
		err = walk_component(nd, &this, type, true);
		if (err)
			return err;
	}
}

int filename_parentat(struct nameidata *nd, const char *name)
{
	int err = check_path(name);

	if (!err)
		err = link_path_walk(nd, name);
	if (!err && !d_is_dir(nd->path))
		err = -ENOTDIR;
	return err;
}

int kern_path(struct fs_struct *fs, struct dentry *base, const char *path,
	      unsigned int flags, struct dentry **result)
{
	struct nameidata nd;
	int err;

	nd_init(&nd, fs, base, flags);
	err = check_path(path);
	if (!err)
		err = link_path_walk(&nd, path);
	if (!err && nd.last_type != LAST_ROOT)
		err = walk_component(&nd, &nd.last, nd.last_type,
				     (flags & LOOKUP_FOLLOW) ||
					     nd.trailing_slash);
	if (!err && ((flags & LOOKUP_DIRECTORY) || nd.trailing_slash) &&
	    !d_is_dir(nd.path))
		err = -ENOTDIR;
	if (!err)
		*result = dget(nd.path);
	nd_exit(&nd);
	return err;
}

/* ---- making names ----------------------------------------------------- */

enum make_kind { MAKE_DIR, MAKE_NOD, MAKE_LINK };

struct make_args {
	enum make_kind kind;
	umode_t mode;
	dev_t dev;
	const char *target;
};

static int vfs_make(struct inode *dir, struct dentry *dentry,
		    const struct make_args *a)
{
	const struct inode_operations *iop = dir->i_op;

	switch (a->kind) {
	case MAKE_DIR:
		return iop->mkdir ? iop->mkdir(dir, dentry, a->mode) : -EPERM;
	case MAKE_NOD:
		if (S_ISREG(a->mode))
			return iop->create ? iop->create(dir, dentry, a->mode)
					   : -EPERM;
		return iop->mknod ? iop->mknod(dir, dentry, a->mode, a->dev)
				  : -EPERM;
	case MAKE_LINK:
		return iop->symlink ? iop->symlink(dir, dentry, a->target)
				    : -EPERM;
	}
	return -EINVAL;
}

/* Make the last component of @path as @a says, under its parent's lock. */
static int make_name(struct fs_struct *fs, struct dentry *base,
		     const char *path, const struct make_args *a)
{
	struct dentry *dir, *dentry = NULL;
	struct nameidata nd;
	int err;

	nd_init(&nd, fs, base, 0);
	err = filename_parentat(&nd, path);
	if (err)
		goto out;
	if (nd.last_type != LAST_NORM) {
		err = -EEXIST; /* "/", "." and ".." all exist */
		goto out;
	}
	dir = nd.path;
	mutex_lock(&dir->d_inode->i_mutex);
	err = may_create(dir->d_inode);
	if (!err)
		err = lookup_locked(dir, &nd.last, &dentry);
	if (!err && dentry)
		err = -EEXIST;
	else if (!err && nd.trailing_slash && a->kind != MAKE_DIR)
		err = -ENOENT; /* "name/" asks for a directory */
	else if (!err && !(dentry = d_alloc(dir, &nd.last)))
		err = -ENOMEM;
	if (!err)
		err = vfs_make(dir->d_inode, dentry, a);
	if (!err)
		d_link(dentry);
	mutex_unlock(&dir->d_inode->i_mutex);
	dput(dentry);
out:
	nd_exit(&nd);
	return err;
}

int do_mkdirat(struct fs_struct *fs, struct dentry *base, const char *path,
	       umode_t mode)
{
	struct make_args a = {
		.kind = MAKE_DIR,
		.mode = mode & (S_IRWXUGO | S_ISVTX) & ~READ_ONCE(fs->umask),
	};

	return make_name(fs, base, path, &a);
}

int do_mknodat(struct fs_struct *fs, struct dentry *base, const char *path,
	       umode_t mode, dev_t dev)
{
	struct make_args a = { .kind = MAKE_NOD, .dev = dev };

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	a.mode = (mode & S_IFMT) | (mode & S_IALLUGO & ~READ_ONCE(fs->umask));
	return make_name(fs, base, path, &a);
}

int do_symlinkat(struct fs_struct *fs, const char *target,
		 struct dentry *base, const char *path)
{
	struct make_args a = { .kind = MAKE_LINK, .target = target };
	int err = check_path(target);

	return err ? err : make_name(fs, base, path, &a);
}

int vfs_readlink(struct dentry *dentry, char *buf, size_t size)
{
	const struct inode_operations *iop = dentry->d_inode->i_op;
	const char *target;
	size_t len;

	if (!S_ISLNK(dentry->d_inode->i_mode) || !iop || !iop->get_link)
		return -EINVAL;
	target = iop->get_link(dentry);
	len = min(strlen(target), size);
	memcpy(buf, target, len);
	return (int)len;
}

int do_readlinkat(struct fs_struct *fs, struct dentry *base,
		  const char *path, char *buf, size_t size)
{
	struct dentry *dentry;
	int err = kern_path(fs, base, path, 0, &dentry);

	if (err)
		return err;
	err = vfs_readlink(dentry, buf, size);
	dput(dentry);
	return err;
}

/* ---- removing names --------------------------------------------------- */

/* Remove the name @victim (NULL: there is none) from @dir. Locked. */
static int unlink_locked(struct dentry *dir, struct dentry *victim,
			 bool trailing_slash)
{
	int err;

	if (!victim)
		return -ENOENT;
	if (d_is_dir(victim))
		return -EISDIR;
	if (trailing_slash)
		return -ENOTDIR;
	if (!dir->d_inode->i_op->unlink)
		return -EPERM;
	err = dir->d_inode->i_op->unlink(dir->d_inode, victim);
	if (!err)
		d_unlink(victim);
	return err;
}

int do_unlinkat(struct fs_struct *fs, struct dentry *base, const char *path)
{
	struct dentry *dir, *victim = NULL;
	struct nameidata nd;
	int err;

	nd_init(&nd, fs, base, 0);
	err = filename_parentat(&nd, path);
	if (err)
		goto out;
	if (nd.last_type != LAST_NORM) {
		err = -EISDIR;
		goto out;
	}
	dir = nd.path;
	mutex_lock(&dir->d_inode->i_mutex);
	err = lookup_locked(dir, &nd.last, &victim);
	if (!err)
		err = unlink_locked(dir, victim, nd.trailing_slash);
	mutex_unlock(&dir->d_inode->i_mutex);
	if (!err)
		dput(victim); /* the tree's pin */
	dput(victim);
out:
	nd_exit(&nd);
	return err;
}

/* Take a directory's i_mutex as one of several, under the rename mutex. */
static void lock_nested(struct inode *dir)
{
	mutex_lock_nested(&dir->i_mutex, &dir->i_sb->s_vfs_rename_mutex);
}

/* Remove the empty directory @name from @dir. Both locked. */
static int rmdir_locked(struct nameidata *nd, struct dentry *dir,
			struct dentry **victimp)
{
	struct dentry *victim;
	int err = lookup_locked(dir, &nd->last, &victim);

	*victimp = victim;
	if (err)
		return err;
	if (!victim)
		return -ENOENT;
	if (!d_is_dir(victim))
		return -ENOTDIR;
	if (victim == nd->root || READ_ONCE(victim->d_mounted))
		return -EBUSY; /* a root, or a filesystem is mounted on it */
	lock_nested(victim->d_inode);
	if (!list_empty(&victim->d_subdirs))
		err = -ENOTEMPTY;
	else if (!dir->d_inode->i_op->rmdir)
		err = -EPERM;
	else
		err = dir->d_inode->i_op->rmdir(dir->d_inode, victim);
	if (!err) {
		victim->d_inode->i_flags |= S_DEAD; /* no creates in it now */
		d_unlink(victim);
	}
	mutex_unlock(&victim->d_inode->i_mutex);
	return err;
}

int do_rmdir(struct fs_struct *fs, struct dentry *base, const char *path)
{
	struct dentry *dir, *victim = NULL;
	struct super_block *sb;
	struct nameidata nd;
	int err;

	nd_init(&nd, fs, base, 0);
	err = filename_parentat(&nd, path);
	if (err)
		goto out;
	switch (nd.last_type) {
	case LAST_DOT:
		err = -EINVAL;
		goto out;
	case LAST_DOTDOT:
		err = -ENOTEMPTY;
		goto out;
	case LAST_ROOT:
		err = -EBUSY;
		goto out;
	}
	dir = nd.path;
	sb = dir->d_sb;
	mutex_lock(&sb->s_vfs_rename_mutex);
	lock_nested(dir->d_inode);
	err = rmdir_locked(&nd, dir, &victim);
	mutex_unlock(&dir->d_inode->i_mutex);
	mutex_unlock(&sb->s_vfs_rename_mutex);
	if (!err)
		dput(victim); /* the tree's pin */
	dput(victim);
out:
	nd_exit(&nd);
	return err;
}

/* ---- rename ----------------------------------------------------------- */

struct rename_data {
	struct dentry *old_dir, *new_dir;
	struct nameidata *old_nd, *new_nd;
	struct dentry *src, *dst;
	bool victim_locked;
};

/* Checks on the target once it is known, Linux's order. */
static int rename_check_target(struct rename_data *rd)
{
	struct dentry *src = rd->src, *dst = rd->dst;

	if (is_subdir(rd->old_dir, dst))
		return -ENOTEMPTY; /* the target contains the source */
	if (d_is_dir(src) && !d_is_dir(dst))
		return -ENOTDIR;
	if (!d_is_dir(src) && d_is_dir(dst))
		return -EISDIR;
	if (d_is_dir(dst)) {
		lock_nested(dst->d_inode);
		rd->victim_locked = true;
		if (!list_empty(&dst->d_subdirs))
			return -ENOTEMPTY;
	}
	return 0;
}

/* Both parents locked under the rename mutex. */
static int rename_locked(struct rename_data *rd)
{
	struct inode *old_dir = rd->old_dir->d_inode;
	struct inode *new_dir = rd->new_dir->d_inode;
	int err;

	err = lookup_locked(rd->old_dir, &rd->old_nd->last, &rd->src);
	if (err)
		return err;
	if (!rd->src)
		return -ENOENT;
	if ((rd->old_nd->trailing_slash || rd->new_nd->trailing_slash) &&
	    !d_is_dir(rd->src))
		return -ENOTDIR;
	err = may_create(new_dir);
	if (err)
		return err;
	if (d_is_dir(rd->src) && is_subdir(rd->new_dir, rd->src))
		return -EINVAL; /* a directory into itself */
	err = lookup_locked(rd->new_dir, &rd->new_nd->last, &rd->dst);
	if (err)
		return err;
	if (rd->dst && rd->dst->d_inode == rd->src->d_inode)
		return 0; /* the same file: nothing to do */
	if (READ_ONCE(rd->src->d_mounted) ||
	    (rd->dst && READ_ONCE(rd->dst->d_mounted)))
		return -EBUSY; /* a filesystem is mounted on one of them */
	if (rd->dst)
		err = rename_check_target(rd);
	else if (!(rd->dst = d_alloc(rd->new_dir, &rd->new_nd->last)))
		err = -ENOMEM;
	if (!err && !old_dir->i_op->rename)
		err = -EPERM;
	if (!err)
		err = old_dir->i_op->rename(old_dir, rd->src, new_dir, rd->dst);
	if (err)
		return err;
	if (rd->dst->d_inode && d_is_dir(rd->dst))
		rd->dst->d_inode->i_flags |= S_DEAD;
	d_move(rd->src, rd->dst);
	return 0;
}

int do_renameat(struct fs_struct *fs, struct dentry *old_base,
		const char *oldpath, struct dentry *new_base,
		const char *newpath)
{
	struct nameidata old_nd, new_nd;
	struct rename_data rd = { .old_nd = &old_nd, .new_nd = &new_nd };
	struct super_block *sb;
	bool victim;
	int err;

	nd_init(&old_nd, fs, old_base, 0);
	nd_init(&new_nd, fs, new_base, 0);
	err = filename_parentat(&old_nd, oldpath);
	if (!err)
		err = filename_parentat(&new_nd, newpath);
	if (err)
		goto out;
	if (old_nd.last_type != LAST_NORM || new_nd.last_type != LAST_NORM) {
		err = -EBUSY;
		goto out;
	}
	rd.old_dir = old_nd.path;
	rd.new_dir = new_nd.path;
	sb = rd.old_dir->d_sb;
	if (rd.new_dir->d_sb != sb) {
		err = -EXDEV;
		goto out;
	}
	mutex_lock(&sb->s_vfs_rename_mutex);
	lock_nested(rd.old_dir->d_inode);
	if (rd.new_dir != rd.old_dir)
		lock_nested(rd.new_dir->d_inode);
	err = rename_locked(&rd);
	/* A replaced name left the tree in d_move: drop its pin below. */
	victim = !err && rd.dst && rd.dst->d_inode &&
		 (rd.dst->d_flags & DCACHE_UNLINKED);
	if (rd.victim_locked)
		mutex_unlock(&rd.dst->d_inode->i_mutex);
	if (rd.new_dir != rd.old_dir)
		mutex_unlock(&rd.new_dir->d_inode->i_mutex);
	mutex_unlock(&rd.old_dir->d_inode->i_mutex);
	mutex_unlock(&sb->s_vfs_rename_mutex);
	if (victim)
		dput(rd.dst);
	dput(rd.dst);
	dput(rd.src);
out:
	nd_exit(&new_nd);
	nd_exit(&old_nd);
	return err;
}

/* ---- paths from user space ---------------------------------------------- */

char *getname_flags(const char __user *filename, unsigned int flags)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;
	int err = 0;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0)
		err = (int)len;
	else if (len == PATH_MAX)
		err = -ENAMETOOLONG; /* no room for the NUL */
	else if (!len && !(flags & LOOKUP_EMPTY))
		err = -ENOENT;
	if (err) {
		kfree(name);
		return ERR_PTR(err);
	}
	return name;
}

char *getname(const char __user *filename)
{
	return getname_flags(filename, 0);
}

void putname(char *name)
{
	if (!IS_ERR_OR_NULL(name))
		kfree(name);
}

/*
 * Where a *at() call's relative @name starts: NULL (the walk then starts
 * at the cwd) for AT_FDCWD, and for an absolute @name whatever @dfd is,
 * as in Linux; else @dfd's directory, referenced. -EBADF, -ENOTDIR.
 */
static int path_at_base(int dfd, const char *name, struct dentry **base)
{
	struct file *file;
	int err = 0;

	*base = NULL;
	if (name[0] == '/' || dfd == AT_FDCWD || !name[0])
		return 0; /* "" (LOOKUP_EMPTY): the caller's to handle */
	file = fget_raw((unsigned int)dfd); /* an O_PATH fd will do */
	if (!file)
		return -EBADF;
	if (file->f_dentry && d_is_dir(file->f_dentry))
		*base = dget(file->f_dentry);
	else
		err = -ENOTDIR;
	fput(file);
	return err;
}

int getname_at(int dfd, const char __user *filename, unsigned int flags,
	       struct at_path *p)
{
	p->base = NULL;
	p->name = getname_flags(filename, flags);
	if (IS_ERR(p->name))
		return (int)PTR_ERR(p->name);
	return path_at_base(dfd, p->name, &p->base);
}

void putname_at(struct at_path *p)
{
	dput(p->base);
	putname(p->name);
}

int user_path_at(int dfd, const char __user *filename, unsigned int flags,
		 struct dentry **result)
{
	struct at_path p;
	int err = getname_at(dfd, filename, 0, &p);

	if (!err)
		err = kern_path(current->fs, p.base, p.name, flags, result);
	putname_at(&p);
	return err;
}

/*
 * An empty name with AT_EMPTY_PATH means @dfd itself, of whatever kind
 * (a pipe has no dentry, so this gives the inode), or the cwd for
 * AT_FDCWD. Referenced. -EBADF.
 */
static int empty_path_inode(int dfd, struct inode **inode)
{
	struct dentry *pwd;
	struct file *file;

	if (dfd == AT_FDCWD) {
		pwd = get_fs_pwd(current->fs);
		ihold(*inode = pwd->d_inode);
		dput(pwd);
		return 0;
	}
	file = fget_raw((unsigned int)dfd);
	if (!file)
		return -EBADF;
	ihold(*inode = file->f_inode);
	fput(file);
	return 0;
}

int user_path_inode_at(int dfd, const char __user *filename,
		       unsigned int flags, struct inode **inode)
{
	struct dentry *dentry;
	struct at_path p;
	int err = getname_at(dfd, filename, flags & LOOKUP_EMPTY, &p);

	if (!err && !p.name[0]) {
		err = empty_path_inode(dfd, inode);
	} else if (!err) {
		err = kern_path(current->fs, p.base, p.name, flags, &dentry);
		if (!err) {
			ihold(*inode = dentry->d_inode);
			dput(dentry);
		}
	}
	putname_at(&p);
	return err;
}
