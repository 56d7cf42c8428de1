/* SPDX-License-Identifier: MIT */
/*
 * fs/internal.h: what the files of fs/ share and nobody else uses.
 *
 *	radix tree	fs/radix-tree.c	the page cache's index
 *	dcache		fs/dcache.c	allocating, linking, moving names
 *	nameidata	fs/namei.c	the path walker, for fs/open.c
 *	at_path		fs/namei.c	a *at() call's path and dirfd, for
 *					the system calls
 *	ramfs, pipes, character devices: the pieces their neighbours call
 *
 * The public interface is <anvil/fs.h>.
 */
#ifndef FS_INTERNAL_H
#define FS_INTERNAL_H

#include <anvil/fs.h>
#include <anvil/gfp.h>

/* ---- fs/radix-tree.c ------------------------------------------------ */

#define RADIX_TREE_MAP_SHIFT 6
#define RADIX_TREE_MAP_SIZE (1UL << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK (RADIX_TREE_MAP_SIZE - 1)
/* Levels needed for any unsigned long key: ceil(64 / 6). */
#define RADIX_TREE_MAX_PATH 11

/*
 * Nodes allocated in advance, so that an insert can run under a
 * spinlock without allocating (Linux's radix_tree_preload, but kept by
 * the caller instead of per CPU).
 */
struct radix_tree_preload {
	unsigned int nr;
	struct radix_tree_node *nodes[2 * RADIX_TREE_MAX_PATH];
};

void radix_tree_init(void);
static inline void INIT_RADIX_TREE(struct radix_tree_root *root)
{
	root->height = 0;
	root->rnode = NULL;
}
/* Fill @p with enough nodes to insert @index. -ENOMEM. May sleep. */
int radix_tree_preload(struct radix_tree_preload *p,
		       const struct radix_tree_root *root, unsigned long index,
		       gfp_t gfp);
/* Free the nodes the insert did not use. */
void radix_tree_preload_end(struct radix_tree_preload *p);
/*
 * Insert @item (not NULL) at @index, taking nodes from @p. Returns 0,
 * -EEXIST if the slot is taken, or -EAGAIN if the tree grew since the
 * preload and @p ran short (preload again and retry). Never sleeps.
 */
int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item, struct radix_tree_preload *p);
void *radix_tree_lookup(const struct radix_tree_root *root,
			unsigned long index);
/* Remove and return the item at @index (NULL if none); frees nodes. */
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);
/* Up to @max items with keys >= @first, in key order; returns how many. */
unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root,
				    void **results, unsigned long first,
				    unsigned int max);

/* ---- fs/dcache.c ---------------------------------------------------- */

extern spinlock_t rename_lock;

/* An unlinked dentry named @name under @parent (referenced). -ENOMEM. */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
/* The root dentry of a new tree, owning @inode's reference. */
struct dentry *d_make_root(struct inode *inode);
/* Attach @inode (its reference passes to the dentry). */
void d_instantiate(struct dentry *dentry, struct inode *inode);
/*
 * Put an instantiated dentry in its parent's list, with the next readdir
 * cookie, and take the tree's pin on it. Parent's i_mutex held.
 */
void d_link(struct dentry *dentry);
/*
 * Take a name out of the tree; the caller then drops the pin with
 * dput(). Parent's i_mutex held.
 */
void d_unlink(struct dentry *dentry);
/* The child of @parent called @name, referenced, or NULL. i_mutex held. */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
/*
 * After a rename: @dentry takes @target's parent and name; a linked
 * (positive) @target leaves the tree, its pin for the caller to drop.
 * s_vfs_rename_mutex and both parents' i_mutex held.
 */
void d_move(struct dentry *dentry, struct dentry *target);
/* Is @dentry @ancestor or below it? */
bool is_subdir(struct dentry *dentry, struct dentry *ancestor);
/* The parent, referenced (the root's parent is itself). */
struct dentry *dget_parent(struct dentry *dentry);

static inline bool d_is_dir(const struct dentry *dentry)
{
	return S_ISDIR(dentry->d_inode->i_mode);
}

/* ---- fs/inode.c ----------------------------------------------------- */

void inode_init(void);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
/* Set mtime and ctime (a write) or ctime alone (metadata) to now. */
void inode_touch(struct inode *inode, bool mtime);
/* Point a device or fifo inode's file operations at its driver. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t dev);

/* ---- fs/file_table.c ------------------------------------------------ */

void files_init(void);
/* Free a file whose open() failed or never ran: no release(). */
void file_free_unopened(struct file *file);

/* fs/fs_struct.c: set up init_fs at boot, rooted at @root. */
void init_fs_setup(struct dentry *root);

/* ---- fs/namei.c: the path walker ------------------------------------ */

enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

struct nameidata {
	struct dentry *root;	/* referenced: where "/" and ".." stop */
	struct dentry *path;	/* referenced: where the walk is */
	struct qstr last;	/* the last component, inside the path */
	int last_type;		/* LAST_* */
	bool trailing_slash;	/* the path ended in '/' */
	unsigned int flags;	/* LOOKUP_* */
	int total_links;	/* symlinks followed so far */
	int depth;		/* symlinks being followed now */
};

void nd_init(struct nameidata *nd, struct fs_struct *fs,
	     struct dentry *base, unsigned int flags);
void nd_exit(struct nameidata *nd);
/*
 * Walk every component of @name but the last, which it leaves in
 * nd->last; nd->path is then the directory holding it.
 */
int link_path_walk(struct nameidata *nd, const char *name);
/* link_path_walk plus "the parent must be a directory". */
int filename_parentat(struct nameidata *nd, const char *name);
/* Step nd->path into its child @name; follow it if a symlink and @follow. */
int walk_component(struct nameidata *nd, const struct qstr *name, int type,
		   bool follow);
/*
 * The child @name of @dir, referenced, in *@res: from the dcache, or
 * else from the filesystem's lookup(), whose answer joins the tree
 * unless marked DCACHE_DONTCACHE. *@res is NULL if there is no such
 * name; returns 0 or an error other than ENOENT. dir's i_mutex held.
 */
int lookup_locked(struct dentry *dir, const struct qstr *name,
		  struct dentry **res);
/* The root mounted on @dentry, if any (takes over the reference). */
struct dentry *follow_mount(struct dentry *dentry);
/* A name in @dir may be created: the directory is alive. i_mutex held. */
int may_create(struct inode *dir);
/* Is @name (with its NUL) too long for a path? */
int check_path(const char *name);

/*
 * A path from a *at() system call: the name copied in (getname_flags)
 * and the dentry a relative name starts from (NULL: the cwd). EFAULT,
 * ENAMETOOLONG, ENOENT, then EBADF or ENOTDIR for a bad dirfd, which
 * only a relative name consults. putname_at() always, even on error.
 */
struct at_path {
	char *name;
	struct dentry *base;
};
int getname_at(int dfd, const char __user *filename, unsigned int flags,
	       struct at_path *p);
void putname_at(struct at_path *p);
/* getname_at plus kern_path(@flags: LOOKUP_*) on current->fs. */
int user_path_at(int dfd, const char __user *filename, unsigned int flags,
		 struct dentry **result);
/*
 * The same for calls that need only the inode (stat, access), which may
 * take AT_EMPTY_PATH: with LOOKUP_EMPTY in @flags, "" is @dfd itself
 * (any file, a pipe too) or the cwd for AT_FDCWD. Referenced: iput().
 */
int user_path_inode_at(int dfd, const char __user *filename,
		       unsigned int flags, struct inode **inode);

/* fs/namespace.c: a device number for a filesystem without a device. */
dev_t new_anon_dev(void);

/* ---- ramfs, pipes, devices ------------------------------------------ */

extern const struct file_operations def_chr_fops;
void free_pipe_info(struct pipe_inode_info *pipe);
/* Fill a dir_context from a ramfs directory (fs/readdir.c). */
int dcache_readdir(struct file *file, struct dir_context *ctx);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync);
/* A copy of @s (up to @len bytes) with a NUL, from kmalloc; or NULL. */
char *kstrndup(const char *s, size_t len, gfp_t gfp);

#endif /* FS_INTERNAL_H */
