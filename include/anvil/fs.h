/* SPDX-License-Identifier: MIT */
/*
 * The VFS: anvil's in-memory filesystem and its in-kernel API.
 *
 * Layers, from a system call down (docs/fs.md tells the whole story):
 *
 *   files_struct	fd -> struct file, close-on-exec bits   fs/file.c
 *   struct file	an open file: position, flags, ops       fs/file_table.c,
 *							 fs/open.c, fs/read_write.c
 *   struct dentry	a name in a directory, the tree of names fs/dcache.c,
 *							 fs/namei.c (path walk)
 *   struct inode	the file itself: mode, size, times, ops  fs/inode.c
 *   address_space	the inode's data: pages by index         fs/filemap.c,
 *			(the page cache, in a radix tree)        fs/radix-tree.c
 *
 * ramfs (fs/ramfs.c) is the root filesystem: its directories are the
 * dentry tree itself, its file data the page cache pages, so everything
 * lives in memory until it is unlinked. procfs (fs/proc/) is mounted on
 * /proc (fs/namespace.c); its files are generated text (fs/seq_file.c,
 * <anvil/seq_file.h>). Pipes are fs/pipe.c, the
 * character devices (/dev/console, /dev/null) fs/char_dev.c, and the
 * initramfs is unpacked by fs/initramfs.c. Also: fs/readdir.c
 * (getdents64), fs/stat.c, fs/fs_struct.c (root, cwd, umask) and
 * fs/iov_iter.c (buffers). The system calls sit in the files Linux has
 * them in, plus fs/namei_sys.c, fs/fcntl.c, fs/ioctl.c and fs/sync.c
 * (docs/fs.md section 5).
 *
 * The in-kernel API takes the filesystem context (struct fs_struct:
 * root, cwd, umask) and the fd table (struct files_struct) explicitly,
 * so tests and the initramfs can use their own; the system calls
 * (sys_*, declared in <anvil/syscalls.h>) pass current->fs and
 * current->files, and copy user memory with <anvil/uaccess.h>. Buffers
 * are described by a struct iov_iter: kernel buffers (ITER_KVEC) or
 * user ones (ITER_UBUF, ITER_IOVEC).
 *
 * Locking (docs/locking.md ranks these with the rest of the kernel):
 *
 *	sb->s_vfs_rename_mutex	mutex: held by anyone who holds two
 *				directory mutexes at once (rename, rmdir);
 *				it is the lockdep nest lock for them
 *	dir inode->i_mutex	mutex: a directory's entries (its dentry's
 *				d_subdirs), S_DEAD, i_dir_seq. Path walks
 *				take one at a time, never two
 *	inode->i_rwsem		rwsem: a regular file's size and data;
 *				read(2) shares it, write/truncate own it.
 *				Taken after any directory mutex, never
 *				before one; later, before mmap_lock
 *	file->f_pos_lock	mutex: f_pos across read/write/lseek
 *	pipe->mutex		mutex: one pipe's ring and counters
 *	rename_lock		spinlock: every d_parent and d_name change,
 *				so ".." and getcwd see a consistent tree
 *	files->file_lock	spinlock: one fd table
 *	fs->lock		spinlock: root and pwd of one fs_struct
 *	inode->i_lock		spinlock: i_nlink, times, i_mode
 *	mapping->tree_lock	spinlock: the page cache radix tree
 *
 * Order, outermost first:
 *
 *	f_pos_lock -> s_vfs_rename_mutex -> i_mutex (parent, then child;
 *	two at once only under the rename mutex) -> i_rwsem -> the
 *	spinlocks, which are leaves (none is taken inside another).
 *	pipe->mutex is taken alone.
 */
#ifndef ANVIL_FS_H
#define ANVIL_FS_H

#include <anvil/atomic.h>
#include <anvil/errno.h>
#include <anvil/list.h>
#include <anvil/mutex.h>
#include <anvil/rwsem.h>
#include <anvil/spinlock.h>
#include <anvil/stat.h>
#include <anvil/types.h>
#include <asm/fcntl.h>
#include <asm/page.h>

/* The same types as Linux's, so duplicates elsewhere stay compatible. */
typedef long ssize_t;
typedef long long loff_t;
typedef unsigned long pgoff_t;
typedef unsigned short umode_t;
typedef unsigned int fmode_t;

struct dentry;
struct file;
struct inode;
struct page;
struct pipe_inode_info;
struct vm_area_struct;

#define NAME_MAX 255		/* bytes in a path component */
#define PATH_MAX 4096		/* bytes in a path, with its NUL */
#define MAXSYMLINKS 40		/* links followed in one lookup */
#define PIPE_BUF 4096		/* writes this small are atomic */
/* The largest file: 1 TiB keeps page indexes small and sizes sane. */
#define MAX_LFS_FILESIZE ((loff_t)1 << 40)

/*
 * open flags, Linux's values. Four of them are numbered differently on
 * powerpc (040000 is O_DIRECTORY there, O_DIRECT on x86_64), so those
 * come from <asm/fcntl.h>: O_DIRECT, O_LARGEFILE, O_DIRECTORY and
 * O_NOFOLLOW. The kernel uses the arch's values throughout, as Linux
 * does, so the flags user space passes need no translation.
 */
#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_NOCTTY 00000400
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000
#define O_DSYNC 00010000
#define O_NOATIME 01000000
#define O_CLOEXEC 02000000
#define O_PATH 010000000
#define __O_TMPFILE 020000000	/* O_TMPFILE is this | O_DIRECTORY */
/* Flags F_SETFL may change. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME)

#define FD_CLOEXEC 1

/* *at() flags and the "current directory" fd: the same on every arch. */
#define AT_FDCWD (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_EACCESS 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_EMPTY_PATH 0x1000

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3		/* not supported yet: EINVAL */
#define SEEK_HOLE 4
#define SEEK_MAX SEEK_HOLE

/* access(2) modes and inode_permission() masks share the bits. */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#define MAY_EXEC 0x1
#define MAY_WRITE 0x2
#define MAY_READ 0x4

/* file->f_mode: what this open file may do (Linux's values). */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define FMODE_LSEEK 0x4
#define FMODE_PREAD 0x8
#define FMODE_PWRITE 0x10
#define FMODE_PATH 0x4000	/* O_PATH: a handle for *at(), fstat... */

/* linux_dirent64.d_type */
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

/* What getdents64(2) writes, one after another, each 8-byte aligned. */
struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;		/* the position of the *next* entry */
	unsigned short d_reclen; /* this record's bytes, padding included */
	unsigned char d_type;
	char d_name[];		/* NUL-terminated */
};

/* ---- buffers: iov_iter (fs/iov_iter.c) ------------------------------- */

struct kvec {
	void *iov_base;
	size_t iov_len;
};

/* A user buffer, as readv(2) and writev(2) pass them (Linux's uapi). */
struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_FASTIOV 8		/* iovecs import_iovec keeps on stack */
#define UIO_MAXIOV 1024		/* the most one readv/writev may pass */
/* Linux caps one transfer so the byte count fits an int. */
#define MAX_RW_COUNT (0x7fffffffUL & ~(PAGE_SIZE - 1))

/* Which way the data flow: into the iterator (read) or out of it. */
#define ITER_DEST 0
#define ITER_SOURCE 1

/*
 * A position in a list of buffers, of one of three kinds:
 *
 *	ITER_KVEC	kernel buffers (tests, the initramfs, kernel_read)
 *	ITER_UBUF	one user buffer (read, write, pread64, pwrite64)
 *	ITER_IOVEC	user buffers (readv, writev)
 *
 * The filesystem never looks inside: it moves data with copy_to_iter()
 * and copy_from_iter(), which use copy_to_user/copy_from_user for the
 * user kinds and stop short at the first byte that faults. A short copy
 * makes the caller return what it moved, or -EFAULT if that was nothing.
 */
struct iov_iter {
	u8 iter_type;		/* ITER_KVEC, ITER_UBUF, ITER_IOVEC */
	u8 data_source;		/* ITER_DEST or ITER_SOURCE */
	size_t iov_offset;	/* into the current segment (or ubuf) */
	size_t count;		/* bytes left in all segments */
	union {
		const struct kvec *kvec;
		const struct iovec *__iov;
		void __user *ubuf;
	};
	unsigned long nr_segs;	/* segments left, this one included */
};
#define ITER_KVEC 1
#define ITER_UBUF 2
#define ITER_IOVEC 3

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
		   void __user *buf, size_t count);
void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count);
/*
 * import_ubuf - a user buffer for read/write: clamped to MAX_RW_COUNT,
 * -EFAULT unless it lies below TASK_SIZE. Does not touch it.
 */
int import_ubuf(int type, void __user *buf, size_t len, struct iov_iter *i);
/*
 * import_iovec - copy in a user's iovec array for readv/writev and build
 * an ITER_IOVEC over it. @fast_segs iovecs fit in *@iovp; more are
 * kmalloc'ed, and *@iovp then points at them (else it is set to NULL):
 * the caller kfree()s *@iovp either way. Returns the total length
 * (clamped to MAX_RW_COUNT) or -EINVAL (more than UIO_MAXIOV, or a
 * negative length), -EFAULT (the array, or a buffer beyond user space),
 * -ENOMEM. May sleep.
 */
ssize_t import_iovec(int type, const struct iovec __user *uvec,
		     unsigned long nr_segs, unsigned long fast_segs,
		     struct iovec **iovp, struct iov_iter *i);
static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}
static inline bool user_backed_iter(const struct iov_iter *i)
{
	return i->iter_type == ITER_UBUF || i->iter_type == ITER_IOVEC;
}
/*
 * Copy into / out of the iterator and advance it; returns bytes copied,
 * short if a user buffer faulted. May sleep (a user page fault) for the
 * user kinds, so call them without spinlocks.
 */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
/* Fill @bytes of the iterator with zeros (a hole being read). */
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
void iov_iter_advance(struct iov_iter *i, size_t bytes);

/* ---- the page cache ------------------------------------------------ */

/* A radix tree of pointers keyed by an unsigned long (fs/radix-tree.c). */
struct radix_tree_root {
	unsigned int height;	/* 0: empty; n: keys < 64^n */
	void *rnode;		/* the top node */
};

/*
 * An inode's data: its pages, keyed by page index (byte offset >>
 * PAGE_SHIFT). Each page in the tree holds one reference owned by the
 * tree, page->mapping points back here and page->index is its key. A
 * missing page is a hole and reads as zeros.
 *
 *	[T] tree_lock			[M] i_mmap_mutex
 */
struct address_space {
	struct inode *host;
	spinlock_t tree_lock;
	struct radix_tree_root page_tree; /* [T] index -> struct page * */
	unsigned long nrpages;		  /* [T] pages in page_tree */
	/*
	 * The reverse map for file pages: every VMA, in any mm, that maps
	 * this file (linked by vma->shared), and, under the same mutex,
	 * their bounds and offsets. A mutex so that truncate may sleep
	 * while it unmaps (mm/vma_file.c explains).
	 */
	struct mutex i_mmap_mutex;
	struct list_head i_mmap;	/* [M] VMAs mapping this file */
	unsigned long flags;		/* AS_MM_ALL_LOCKS, under
					 * mm_all_locks_mutex */
};

/* mm_take_all_locks() holds this mapping's i_mmap_mutex (mm/rmap.c). */
#define AS_MM_ALL_LOCKS 0

/* ---- inodes, dentries, superblocks ---------------------------------- */

struct super_block {
	dev_t s_dev;
	struct dentry *s_root;		/* [I] the filesystem's "/" */
	loff_t s_maxbytes;		/* [I] largest file */
	atomic_long_t s_next_ino;	/* inode numbers, from 1 */
	atomic_t s_nr_inodes;		/* live inodes, for leak checks */
	struct mutex s_vfs_rename_mutex; /* see the lock list above */
	/*
	 * [I] The directory this filesystem is mounted on (referenced), or
	 * NULL for the root filesystem and unmounted ones: ".." of s_root
	 * and d_path() continue from there (fs/namespace.c).
	 */
	struct dentry *s_mountpoint;
};

/* inode->i_flags */
#define S_DEAD 0x1		/* a removed directory: no new entries */

/*
 * struct inode: one file, directory, link, pipe or device.
 *
 *	[I] set before the inode is visible, then read-only
 *	[L] i_lock			[W] i_rwsem held for writing
 *	[D] the directory's own i_mutex	[A] atomic
 */
struct inode {
	umode_t i_mode;			/* [L] type and permission bits */
	unsigned int i_flags;		/* [D] S_DEAD */
	u32 i_uid, i_gid;		/* [L] */
	unsigned int i_nlink;		/* [L] names (dirs: 2 + subdirs) */
	u64 i_ino;			/* [I] */
	dev_t i_rdev;			/* [I] device files: the device */
	loff_t i_size;			/* [W] (read it with i_size_read) */
	struct timespec64 i_atime, i_mtime, i_ctime; /* [L] */
	atomic_t i_count;		/* [A] references: dentries, files */
	spinlock_t i_lock;
	struct rw_semaphore i_rwsem;	/* regular files: size and data */
	struct mutex i_mutex;		/* directories: their entries */
	u64 i_dir_seq;			/* [D] next readdir cookie */
	struct super_block *i_sb;	/* [I] NULL for pipes */
	const struct inode_operations *i_op;	/* [I] */
	const struct file_operations *i_fop;	/* [I] default for open */
	struct address_space *i_mapping;	/* [I] &i_data */
	struct address_space i_data;
	union {
		struct pipe_inode_info *i_pipe;	/* [I] S_IFIFO */
		char *i_link;			/* [I] S_IFLNK: the target */
	};
	void *i_private;		/* [I] the filesystem's (procfs) */
};

static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

static inline void i_size_write(struct inode *inode, loff_t size)
{
	WRITE_ONCE(inode->i_size, size);
}

struct qstr {
	const char *name;	/* not NUL-terminated when it points into a path */
	unsigned int len;
};

#define DNAME_INLINE_LEN 32
/* dentry->d_flags */
#define DCACHE_UNLINKED 0x1	/* removed from its parent's list */
/*
 * Set by a filesystem's lookup(): do not keep this name in the tree; it
 * lives only while referenced and the next walk asks lookup() again
 * (procfs, whose names come and go with processes).
 */
#define DCACHE_DONTCACHE 0x2

/*
 * struct dentry: a name. A linked dentry is on its parent's d_subdirs
 * list and holds a reference to its parent and its inode; the tree
 * itself holds one reference to every linked dentry (the "pin" ramfs
 * keeps, as Linux's ramfs does), dropped when the name is removed.
 *
 *	[P] the parent directory's i_mutex
 *	[R] rename_lock *and* the i_mutex of the old and new parents
 *	[D] the directory's own i_mutex  [I] set before it is visible
 */
struct dentry {
	atomic_t d_count;		/* references */
	unsigned int d_flags;		/* [P] DCACHE_* */
	struct inode *d_inode;		/* [I] */
	struct dentry *d_parent;	/* [R] itself for a root */
	struct qstr d_name;		/* [R] */
	u64 d_off;			/* [P] readdir cookie in the parent */
	struct list_head d_child;	/* [P] in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* [D] children, oldest cookie first */
	struct super_block *d_sb;	/* [I] */
	/*
	 * The root of the filesystem mounted on this directory (a
	 * reference), or NULL. Set once by do_add_mount(), under the
	 * directory's i_mutex; the path walk crosses it (READ_ONCE).
	 */
	struct dentry *d_mounted;
	char d_iname[DNAME_INLINE_LEN];	/* short names live here */
};

struct iattr {
	unsigned int ia_valid;		/* ATTR_* */
	umode_t ia_mode;
	loff_t ia_size;
};
#define ATTR_MODE 0x1
#define ATTR_SIZE 0x8

struct inode_operations {
	/*
	 * lookup: @dentry (not in the tree) names something the dcache does
	 * not have. Instantiate it and return 0, or return -ENOENT. ramfs
	 * answers -ENOENT: its dcache is the whole truth. A filesystem with
	 * a backing store would read its directory here (and the create,
	 * unlink and rename paths, which trust the dcache today, would ask
	 * it too). Directory's i_mutex held; may sleep.
	 */
	int (*lookup)(struct inode *dir, struct dentry *dentry);
	/*
	 * Directory operations. Called with the directory's i_mutex held;
	 * @dentry is a name not yet in the tree (create, mkdir, mknod,
	 * symlink: on success the filesystem attaches an inode with
	 * d_instantiate) or one in it (unlink, rmdir). May sleep.
	 */
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode,
		     dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *dentry,
		       const char *target);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/*
	 * rename: both directories' i_mutex and s_vfs_rename_mutex held.
	 * @new is the victim (positive) or a fresh name (d_inode NULL);
	 * the VFS moves the dentry after the filesystem said yes.
	 */
	int (*rename)(struct inode *old_dir, struct dentry *old,
		      struct inode *new_dir, struct dentry *new);
	/* Symlinks: the target, valid while the caller holds the dentry. */
	const char *(*get_link)(struct dentry *dentry);
	/* Change size or mode; no locks held on entry. May sleep. */
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
};

/* A readdir consumer: returns false to stop (its buffer is full). */
struct dir_context {
	bool (*actor)(struct dir_context *ctx, const char *name, int namelen,
		      loff_t next_pos, u64 ino, unsigned int d_type);
	loff_t pos;		/* where to resume: the cookie to start at */
};

struct file_operations {
	/* NULL: the file cannot seek (-ESPIPE). */
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	/*
	 * Move data between the file at *@pos and the iterator; return
	 * bytes moved or a negative errno, and advance *@pos. Streams
	 * (pipes, devices) ignore @pos. May sleep.
	 */
	ssize_t (*read_iter)(struct file *file, struct iov_iter *to,
			     loff_t *pos);
	ssize_t (*write_iter)(struct file *file, struct iov_iter *from,
			      loff_t *pos);
	/* Directories: emit entries from ctx->pos on (fs/readdir.c). */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	/* @arg is a kernel pointer or value; NULL op: -ENOTTY. */
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd,
			       unsigned long arg);
	int (*open)(struct inode *inode, struct file *file);
	/* The last reference to the file went away. May sleep. */
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, loff_t start, loff_t end,
		     int datasync);
	/*
	 * Set up @vma, a new mapping of the file (vm_file, vm_pgoff set):
	 * its vm_ops. NULL: the file cannot be mapped (-ENODEV).
	 */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

/*
 * struct file: one open of an inode. Shared by dup'ed fds and, later,
 * by fork; freed when the last reference goes (fput).
 *
 *	[I] set by open, then read-only	[P] f_pos_lock	[F] f_lock
 */
struct file {
	atomic_t f_count;
	struct dentry *f_dentry;	/* [I] NULL for pipes */
	struct inode *f_inode;		/* [I] */
	const struct file_operations *f_op; /* [I] */
	fmode_t f_mode;			/* [I] FMODE_* */
	unsigned int f_flags;		/* [F] O_* as opened; SETFL_MASK bits
					 * change with fcntl(F_SETFL) */
	spinlock_t f_lock;
	struct mutex f_pos_lock;
	loff_t f_pos;			/* [P] */
	void *private_data;		/* [I] the driver's */
};

/* ---- per-process state, passed explicitly for now ------------------- */

/* Where paths start and which mode bits creation clears (current->fs). */
struct fs_struct {
	spinlock_t lock;
	int users;			/* [lock] tasks sharing it */
	unsigned int umask;		/* [lock] */
	struct dentry *root;		/* [lock] holds a reference */
	struct dentry *pwd;		/* [lock] holds a reference */
};

#define NR_OPEN_DEFAULT 64	/* fds held in the files_struct itself */
#define NR_OPEN_MAX 1024	/* Linux's default RLIMIT_NOFILE */
#define FD_WORD_BITS 64		/* bits in one word of the fd bitmaps */

/*
 * An fd table (current->files later). fd[] and the two bitmaps grow by
 * doubling up to nofile; the first NR_OPEN_DEFAULT slots are built in.
 * An fd is "open" (bit set) from alloc to close; between __alloc_fd and
 * __fd_install its slot is NULL (reserved, not usable yet).
 *
 *	[F] file_lock
 */
struct files_struct {
	atomic_t count;
	spinlock_t file_lock;
	unsigned int max_fds;		/* [F] size of fd[] */
	unsigned int next_fd;		/* [F] no free fd below this */
	unsigned int nofile;		/* [F] fds must be below this */
	struct file **fd;		/* [F] */
	unsigned long *open_fds;	/* [F] */
	unsigned long *close_on_exec;	/* [F] */
	struct file *fd_array[NR_OPEN_DEFAULT];
	unsigned long open_fds_init[NR_OPEN_DEFAULT / FD_WORD_BITS];
	unsigned long close_on_exec_init[NR_OPEN_DEFAULT / FD_WORD_BITS];
};

/* ---- the API, by file ----------------------------------------------- */

/* fs/dcache.c: set up the VFS caches. Idempotent; may sleep. */
void vfs_caches_init(void);
struct dentry *dget(struct dentry *dentry);
/* Drop a reference; the last one frees the dentry. May sleep. */
void dput(struct dentry *dentry);
/*
 * Build "/a/b" for @dentry as seen from @root into @buf; returns the
 * length without the NUL, -ENAMETOOLONG/-ERANGE if it does not fit,
 * -ENOENT if the dentry was removed. Takes rename_lock.
 */
int d_path(struct dentry *root, struct dentry *dentry, char *buf,
	   size_t size);

/* fs/inode.c */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
/* Drop a reference; the last one frees the inode and its pages. */
void iput(struct inode *inode);
struct timespec64 current_time(void);
/* Root may do anything except exec a file with no x bit: -EACCES. */
int inode_permission(struct inode *inode, int mask);
void generic_fillattr(struct inode *inode, struct kstat *stat);
/* Set the size: frees pages past it, zeroes the tail. i_rwsem held. */
void truncate_setsize(struct inode *inode, loff_t newsize);

/* fs/filemap.c: the page cache. */
/* The page at @index with a reference, or NULL (a hole). Never sleeps. */
struct page *find_get_page(struct address_space *mapping, pgoff_t index);
/*
 * The page at @index with a reference, allocating a zeroed one if there
 * is none. NULL if out of memory. May sleep.
 */
struct page *find_or_create_page(struct address_space *mapping,
				 pgoff_t index);
/* Remove and release every page from byte @start on. May sleep. */
void truncate_inode_pages(struct address_space *mapping, loff_t start);
ssize_t generic_file_read_iter(struct file *file, struct iov_iter *to,
			       loff_t *pos);
struct vm_fault;
/* vm_ops->fault of page-cache files: the page, or SIGBUS past EOF. */
int filemap_fault(struct vm_fault *vmf);
/* f_op->mmap of page-cache files (ramfs). */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);

/* mm/vma_file.c: unmapping a file's pages from every mm mapping them. */
/* Zap the PTEs of bytes [start, start + len) (len 0: to the end). */
void unmap_mapping_range(struct address_space *mapping, loff_t start,
			 loff_t len);
/* After the size shrank to @newsize: unmap, drop the pages past it. */
void truncate_pagecache(struct inode *inode, loff_t newsize);
ssize_t generic_file_write_iter(struct file *file, struct iov_iter *from,
				loff_t *pos);

/* fs/ramfs.c: a new, empty ramfs; its root is sb->s_root. */
struct super_block *ramfs_mount(void);
/*
 * Unlink everything, then free the superblock. Returns how many inodes
 * were still in use (files left open: the superblock is then leaked,
 * not freed under them), 0 normally. May sleep.
 */
int ramfs_kill_sb(struct super_block *sb);

/* fs/fs_struct.c */
extern struct fs_struct init_fs;
struct fs_struct *alloc_fs_struct(struct dentry *root);
struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);
void get_fs_struct(struct fs_struct *fs);
void put_fs_struct(struct fs_struct *fs);
void set_fs_root(struct fs_struct *fs, struct dentry *root);
void set_fs_pwd(struct fs_struct *fs, struct dentry *pwd);
struct dentry *get_fs_root(struct fs_struct *fs);	/* referenced */
struct dentry *get_fs_pwd(struct fs_struct *fs);	/* referenced */

/*
 * fs/namei.c: paths. Every call resolves @path against @fs: absolute
 * paths from fs->root, relative ones from @base, or from fs->pwd when
 * @base is NULL (the syscall layer turns a dirfd into @base). Errors are
 * Linux's: ENOENT, ENOTDIR, ENAMETOOLONG, ELOOP, EEXIST, EISDIR,
 * ENOTEMPTY, EINVAL, EBUSY. All may sleep.
 */
#define LOOKUP_FOLLOW 0x1	/* follow a symlink in the last component */
#define LOOKUP_DIRECTORY 0x2	/* the result must be a directory */
#define LOOKUP_EMPTY 0x4	/* getname_flags: "" is allowed */
int kern_path(struct fs_struct *fs, struct dentry *base, const char *path,
	      unsigned int flags, struct dentry **result);
int do_mkdirat(struct fs_struct *fs, struct dentry *base, const char *path,
	       umode_t mode);
int do_mknodat(struct fs_struct *fs, struct dentry *base, const char *path,
	       umode_t mode, dev_t dev);
int do_symlinkat(struct fs_struct *fs, const char *target,
		 struct dentry *base, const char *path);
int do_rmdir(struct fs_struct *fs, struct dentry *base, const char *path);
int do_unlinkat(struct fs_struct *fs, struct dentry *base, const char *path);
int do_renameat(struct fs_struct *fs, struct dentry *old_base,
		const char *oldpath, struct dentry *new_base,
		const char *newpath);
/* The link's target into @buf (not NUL-terminated); its length. */
int vfs_readlink(struct dentry *dentry, char *buf, size_t size);
int do_readlinkat(struct fs_struct *fs, struct dentry *base,
		  const char *path, char *buf, size_t size);
/* Open @path: O_* flags, @mode (less the umask) for O_CREAT. */
struct file *do_filp_open(struct fs_struct *fs, struct dentry *base,
			  const char *path, unsigned int flags, umode_t mode);
int do_chdir(struct fs_struct *fs, const char *path);
int do_faccessat(struct fs_struct *fs, struct dentry *base,
		 const char *path, int mode);
/* stat (flags 0) or lstat (AT_SYMLINK_NOFOLLOW). */
int vfs_statat(struct fs_struct *fs, struct dentry *base, const char *path,
	       unsigned int flags, struct kstat *stat);
/* getcwd: like d_path for fs->pwd; length with the NUL on success. */
int vfs_getcwd(struct fs_struct *fs, char *buf, size_t size);
/*
 * getname - a path from user memory, into a PATH_MAX buffer for
 * putname(): ERR_PTR(-EFAULT), -ENAMETOOLONG (no NUL in PATH_MAX bytes)
 * or -ENOENT (empty, unless getname_flags() got LOOKUP_EMPTY). May sleep.
 */
char *getname(const char __user *filename);
char *getname_flags(const char __user *filename, unsigned int flags);
void putname(char *name);

/* fs/open.c and fs/file_table.c: struct file. */
struct file *dentry_open(struct dentry *dentry, unsigned int flags);
struct file *alloc_file(struct inode *inode, struct dentry *dentry,
			unsigned int flags, const struct file_operations *fop);
struct file *get_file(struct file *file);
/* Drop a reference; the last one releases the file. May sleep. */
void fput(struct file *file);
int vfs_truncate(struct dentry *dentry, loff_t length);
int do_ftruncate(struct file *file, loff_t length);
int vfs_fstat(struct file *file, struct kstat *stat);
/* fs/sync.c: the file's fsync(); -EINVAL if it has none (pipes, ttys). */
int vfs_fsync(struct file *file, int datasync);

/* fs/read_write.c: checked entry points; *@pos is the file position. */
ssize_t vfs_iter_read(struct file *file, struct iov_iter *to, loff_t *pos);
ssize_t vfs_iter_write(struct file *file, struct iov_iter *from,
		       loff_t *pos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos);
/* read(2)/write(2): at f_pos, under f_pos_lock. */
ssize_t file_read_fpos(struct file *file, struct iov_iter *to);
ssize_t file_write_fpos(struct file *file, struct iov_iter *from);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/* fs/readdir.c: fill @to with linux_dirent64 records; bytes or -errno. */
int vfs_getdents64(struct file *file, struct iov_iter *to);

/* fs/file.c: fd tables (current->files later). */
struct files_struct *alloc_files_struct(void);
struct files_struct *dup_fd(struct files_struct *old, int *errp);
void put_files_struct(struct files_struct *files);
/* Reserve the lowest free fd >= @start: fd, -EMFILE or -ENOMEM. */
int __alloc_fd(struct files_struct *files, unsigned int start,
	       unsigned int flags);
void __fd_install(struct files_struct *files, unsigned int fd,
		  struct file *file);
void __put_unused_fd(struct files_struct *files, unsigned int fd);
int __close_fd(struct files_struct *files, unsigned int fd);
/* The file at @fd with a reference, or NULL. */
struct file *fget_files(struct files_struct *files, unsigned int fd);
int __dup(struct files_struct *files, unsigned int oldfd);
int __f_dupfd(struct files_struct *files, unsigned int start,
	      struct file *file, unsigned int flags);
int __dup2(struct files_struct *files, unsigned int oldfd,
	   unsigned int newfd);
int __dup3(struct files_struct *files, unsigned int oldfd,
	   unsigned int newfd, unsigned int flags);
bool __get_close_on_exec(struct files_struct *files, unsigned int fd);
int __set_close_on_exec(struct files_struct *files, unsigned int fd,
			bool on);
void do_close_on_exec(struct files_struct *files);
/*
 * The same on current->files, with Linux's names, for the system calls:
 * fget() (NULL if @fd is not open, or is an O_PATH handle), fget_raw()
 * (O_PATH handles too: for the calls that take them), get_unused_fd_flags()
 * (O_CLOEXEC), fd_install(), put_unused_fd() and close_fd() (-EBADF).
 */
struct file *fget(unsigned int fd);
struct file *fget_raw(unsigned int fd);
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *file);
void put_unused_fd(unsigned int fd);
int close_fd(unsigned int fd);

/* fs/pipe.c: a pipe's read end in files[0], write end in files[1]. */
int do_pipe_flags(struct file *files[2], unsigned int flags);

/* fs/char_dev.c: character devices, opened through their device node. */
#define MEM_MAJOR 1		/* /dev/null is (1, 3) */
#define TTYAUX_MAJOR 5		/* /dev/console is (5, 1) */
int register_chrdev(unsigned int major, unsigned int minor, const char *name,
		    const struct file_operations *fops);
/*
 * The console itself (its input, its terminal ioctls) is in
 * <anvil/tty.h>. The ioctl numbers, struct ktermios and struct winsize
 * are in <anvil/termios.h>, partly the arch's; a driver's ioctl arg is
 * a *kernel* pointer, fs/ioctl.c copies the arch's user struct.
 */

/*
 * fs/namespace.c: attach @sb's root on the directory @path (resolved in
 * @fs): walks that reach the directory continue in @sb. 0, a lookup
 * error, -ENOTDIR or -EBUSY (something is mounted there already). There
 * is no unmount. May sleep.
 */
int do_add_mount(struct fs_struct *fs, const char *path,
		 struct super_block *sb);

/* fs/initramfs.c */
/*
 * Unpack a newc cpio archive under @root. Returns files unpacked, or -1
 * with *@err saying why (nothing unpacked: the archive is checked
 * first). Never reads outside buf[0..len). May sleep.
 */
int unpack_to_rootfs(struct dentry *root, const void *buf, size_t len,
		     const char **err);
/*
 * At boot: make the root ramfs (init_fs), unpack the initramfs into it
 * (buf may be NULL), add /dev/console and /dev/null, and mount procfs on
 * /proc. May sleep.
 */
void populate_rootfs(const void *buf, size_t len);

#endif /* ANVIL_FS_H */
