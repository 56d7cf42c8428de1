// SPDX-License-Identifier: MIT
/*
 * fs/file.c: fd tables (struct files_struct), Linux's fs/file.c.
 *
 * An fd is an index into files->fd[], which points at a struct file and
 * holds one reference to it. Two bitmaps go along: open_fds (the fd is
 * taken, even if its file is not installed yet) and close_on_exec.
 *
 *	fd[]            open_fds  close_on_exec
 *	0 -> file A        1         0
 *	1 -> file A        1         1      (dup'ed, FD_CLOEXEC)
 *	2 -> NULL          1         0      (reserved by __alloc_fd, the
 *	                                     open not finished yet)
 *	3 -> NULL          0         0      (free: the next fd handed out)
 *
 * New fds are always the lowest free one (POSIX); next_fd remembers
 * that none is free below it. The table starts with NR_OPEN_DEFAULT
 * slots built into the struct and doubles as needed up to nofile
 * (RLIMIT_NOFILE later), past which allocation fails with EMFILE.
 *
 * Every function takes the table explicitly (tests use their own); the
 * plain Linux names (fget, close_fd, ...) at the end are wrappers for
 * current->files, for the system calls, with dup, dup2 and dup3.
 *
 * Locking: files->file_lock (a spinlock) around every access to the
 * arrays. Growing allocates with it dropped. fput() is always called
 * after it is released, since the last fput may sleep.
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>

#include "internal.h"

_Static_assert(sizeof(unsigned long) * 8 == FD_WORD_BITS, "fd bitmap words");

/* Non-atomic bit operations: every bitmap here is under file_lock. */
static bool fd_test(const unsigned long *map, unsigned int nr)
{
	return map[nr / FD_WORD_BITS] & (1UL << (nr % FD_WORD_BITS));
}

static void fd_set(unsigned long *map, unsigned int nr, bool on)
{
	if (on)
		map[nr / FD_WORD_BITS] |= 1UL << (nr % FD_WORD_BITS);
	else
		map[nr / FD_WORD_BITS] &= ~(1UL << (nr % FD_WORD_BITS));
}

static unsigned int find_next_zero_bit(const unsigned long *map,
				       unsigned int size, unsigned int start)
{
	while (start < size) {
		unsigned long word = ~map[start / FD_WORD_BITS] >>
				     (start % FD_WORD_BITS);

		if (word)
			return min(start + (unsigned int)__builtin_ctzl(word),
				   size);
		start = ALIGN_DOWN(start, FD_WORD_BITS) + FD_WORD_BITS;
	}
	return size;
}

/* ---- the arrays ------------------------------------------------------- */

struct fd_arrays {
	unsigned int size;
	struct file **fd;
	unsigned long *open_fds, *close_on_exec;
};

static void free_arrays(struct fd_arrays *a)
{
	kfree(a->fd);
	kfree(a->open_fds);
	kfree(a->close_on_exec);
}

/* Arrays for @size fds (a multiple of FD_WORD_BITS). May sleep. */
static bool alloc_arrays(struct fd_arrays *a, unsigned int size)
{
	a->size = size;
	a->fd = kzalloc(size * sizeof(*a->fd), GFP_KERNEL);
	a->open_fds = kzalloc(size / 8, GFP_KERNEL);
	a->close_on_exec = kzalloc(size / 8, GFP_KERNEL);
	if (a->fd && a->open_fds && a->close_on_exec)
		return true;
	free_arrays(a);
	return false;
}

/* Move the table into the bigger arrays @a; free the old ones. */
static void install_arrays(struct files_struct *files, struct fd_arrays *a)
{
	struct fd_arrays old = { files->max_fds, files->fd, files->open_fds,
				 files->close_on_exec };

	memcpy(a->fd, old.fd, old.size * sizeof(*old.fd));
	memcpy(a->open_fds, old.open_fds, old.size / 8);
	memcpy(a->close_on_exec, old.close_on_exec, old.size / 8);
	files->fd = a->fd;
	files->open_fds = a->open_fds;
	files->close_on_exec = a->close_on_exec;
	files->max_fds = a->size;
	if (old.fd != files->fd_array)
		free_arrays(&old);
}

static unsigned int grown_size(struct files_struct *files, unsigned int nr)
{
	unsigned int size = files->max_fds;

	while (size <= nr)
		size *= 2;
	return min(size, files->nofile);
}

/*
 * Make room for fd @nr. file_lock held; it is dropped while allocating,
 * so the caller must look again afterwards. 0, -EMFILE or -ENOMEM.
 */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fd_arrays a;
	bool ok;

	if (nr >= files->nofile)
		return -EMFILE;
	spin_unlock(&files->file_lock);
	ok = alloc_arrays(&a, grown_size(files, nr));
	spin_lock(&files->file_lock);
	if (!ok)
		return -ENOMEM;
	if (files->max_fds >= a.size)
		free_arrays(&a); /* someone else grew it meanwhile */
	else
		install_arrays(files, &a);
	return 0;
}

/* ---- tables ----------------------------------------------------------- */

struct files_struct *alloc_files_struct(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	atomic_set(&files->count, 1);
	spin_lock_init(&files->file_lock);
	files->max_fds = NR_OPEN_DEFAULT;
	files->nofile = NR_OPEN_MAX;
	files->fd = files->fd_array;
	files->open_fds = files->open_fds_init;
	files->close_on_exec = files->close_on_exec_init;
	return files;
}

/*
 * dup_fd - a copy of @old for fork: the same files (one more reference
 * each), the same close-on-exec bits. Fds reserved but not installed
 * are not copied. NULL with *@errp = -ENOMEM on failure. May sleep.
 */
struct files_struct *dup_fd(struct files_struct *old, int *errp)
{
	struct files_struct *new = alloc_files_struct();
	struct fd_arrays a;

	if (!new)
		goto nomem;
	spin_lock(&old->file_lock);
	while (old->max_fds > new->max_fds) {
		unsigned int size = old->max_fds;

		/* new is private: grow it without any lock. */
		spin_unlock(&old->file_lock);
		if (!alloc_arrays(&a, size)) {
			put_files_struct(new);
			goto nomem;
		}
		install_arrays(new, &a);
		spin_lock(&old->file_lock);
	}
	new->nofile = old->nofile;
	for (unsigned int fd = 0; fd < old->max_fds; fd++) {
		struct file *file = old->fd[fd];

		if (!file)
			continue;
		new->fd[fd] = get_file(file);
		fd_set(new->open_fds, fd, true);
		fd_set(new->close_on_exec, fd, fd_test(old->close_on_exec, fd));
	}
	spin_unlock(&old->file_lock);
	return new;
nomem:
	*errp = -ENOMEM;
	return NULL;
}

/* Drop a reference; the last closes every fd and frees the table. */
void put_files_struct(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;
	for (unsigned int fd = 0; fd < files->max_fds; fd++)
		fput(files->fd[fd]);
	if (files->fd != files->fd_array) {
		struct fd_arrays a = { files->max_fds, files->fd,
				       files->open_fds, files->close_on_exec };

		free_arrays(&a);
	}
	kfree(files);
}

/* ---- fds -------------------------------------------------------------- */

int __alloc_fd(struct files_struct *files, unsigned int start,
	       unsigned int flags)
{
	unsigned int fd;
	int err;

	spin_lock(&files->file_lock);
	for (;;) {
		fd = find_next_zero_bit(files->open_fds, files->max_fds,
					max(start, files->next_fd));
		if (fd >= files->nofile) {
			err = -EMFILE;
			goto out;
		}
		if (fd < files->max_fds)
			break;
		err = expand_files(files, fd);
		if (err)
			goto out;
	}
	fd_set(files->open_fds, fd, true);
	fd_set(files->close_on_exec, fd, flags & O_CLOEXEC);
	files->fd[fd] = NULL;
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	err = (int)fd;
out:
	spin_unlock(&files->file_lock);
	return err;
}

/* Make a reserved fd point at @file; the caller's reference moves in. */
void __fd_install(struct files_struct *files, unsigned int fd,
		  struct file *file)
{
	spin_lock(&files->file_lock);
	WARN_ON(files->fd[fd] || !fd_test(files->open_fds, fd));
	files->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

/* Release a reserved fd whose open failed. file_lock held. */
static void __free_fd(struct files_struct *files, unsigned int fd)
{
	fd_set(files->open_fds, fd, false);
	fd_set(files->close_on_exec, fd, false);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	spin_lock(&files->file_lock);
	__free_fd(files, fd);
	spin_unlock(&files->file_lock);
}

/* close(2): 0, or -EBADF if @fd has no file. The file may live on. */
int __close_fd(struct files_struct *files, unsigned int fd)
{
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->max_fds && (file = files->fd[fd])) {
		files->fd[fd] = NULL;
		__free_fd(files, fd);
	}
	spin_unlock(&files->file_lock);
	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

struct file *fget_files(struct files_struct *files, unsigned int fd)
{
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->max_fds && files->fd[fd])
		file = get_file(files->fd[fd]);
	spin_unlock(&files->file_lock);
	return file;
}

bool __get_close_on_exec(struct files_struct *files, unsigned int fd)
{
	bool on;

	spin_lock(&files->file_lock);
	on = fd < files->max_fds && fd_test(files->close_on_exec, fd);
	spin_unlock(&files->file_lock);
	return on;
}

int __set_close_on_exec(struct files_struct *files, unsigned int fd,
			bool on)
{
	int err = -EBADF;

	spin_lock(&files->file_lock);
	if (fd < files->max_fds && files->fd[fd]) {
		fd_set(files->close_on_exec, fd, on);
		err = 0;
	}
	spin_unlock(&files->file_lock);
	return err;
}

/* execve: close every fd marked close-on-exec, one at a time. */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd = 0;

	for (;;) {
		struct file *file = NULL;

		spin_lock(&files->file_lock);
		for (; fd < files->max_fds && !file; fd++) {
			if (!fd_test(files->close_on_exec, fd) || !files->fd[fd])
				continue;
			file = files->fd[fd];
			files->fd[fd] = NULL;
			__free_fd(files, fd);
		}
		spin_unlock(&files->file_lock);
		if (!file)
			return;
		fput(file);
	}
}

/* ---- dup -------------------------------------------------------------- */

/*
 * __f_dupfd - fcntl(F_DUPFD): @file at the lowest free fd >= @start,
 * with close-on-exec if @flags has O_CLOEXEC. The fd or -EINVAL (@start
 * past the limit), -EMFILE.
 */
int __f_dupfd(struct files_struct *files, unsigned int start,
	      struct file *file, unsigned int flags)
{
	int fd;

	if (start >= READ_ONCE(files->nofile))
		return -EINVAL;
	fd = __alloc_fd(files, start, flags);
	if (fd >= 0)
		__fd_install(files, fd, get_file(file));
	return fd;
}

/* dup(2): the lowest free fd now shares @oldfd's file. */
int __dup(struct files_struct *files, unsigned int oldfd)
{
	struct file *file = fget_files(files, oldfd);
	int ret;

	if (!file)
		return -EBADF;
	ret = __f_dupfd(files, 0, file, 0);
	fput(file);
	return ret;
}

/*
 * Point @fd at @file, closing whatever @fd had. An fd reserved by an
 * open still in progress is -EBUSY, as in Linux; past the limit -EBADF.
 */
static int do_dup2(struct files_struct *files, struct file *file,
		   unsigned int fd, unsigned int flags)
{
	struct file *tofree;
	int err;

	spin_lock(&files->file_lock);
	if (fd >= files->nofile) {
		spin_unlock(&files->file_lock);
		return -EBADF;
	}
	while (fd >= files->max_fds) {
		err = expand_files(files, fd);
		if (err) {
			spin_unlock(&files->file_lock);
			return err;
		}
	}
	tofree = files->fd[fd];
	if (!tofree && fd_test(files->open_fds, fd)) {
		spin_unlock(&files->file_lock);
		return -EBUSY;
	}
	files->fd[fd] = get_file(file);
	fd_set(files->open_fds, fd, true);
	fd_set(files->close_on_exec, fd, flags & O_CLOEXEC);
	spin_unlock(&files->file_lock);
	fput(tofree);
	return (int)fd;
}

/* dup3(2): like dup2, but @oldfd == @newfd is -EINVAL; O_CLOEXEC only. */
int __dup3(struct files_struct *files, unsigned int oldfd,
	   unsigned int newfd, unsigned int flags)
{
	struct file *file;
	int ret;

	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	file = fget_files(files, oldfd);
	if (!file)
		return -EBADF;
	ret = do_dup2(files, file, newfd, flags);
	fput(file);
	return ret;
}

/* dup2(2): @newfd == @oldfd just checks that it is open. */
int __dup2(struct files_struct *files, unsigned int oldfd,
	   unsigned int newfd)
{
	if (oldfd == newfd) {
		struct file *file = fget_files(files, oldfd);

		if (!file)
			return -EBADF;
		fput(file);
		return (int)newfd;
	}
	return __dup3(files, oldfd, newfd, 0);
}

/* ---- the calling task's table, and the dup syscalls ------------------- */

/* An O_PATH file may not be read, written, mapped...: EBADF, as Linux. */
static struct file *__fget(unsigned int fd, fmode_t mask)
{
	struct file *file = fget_files(current->files, fd);

	if (file && (file->f_mode & mask)) {
		fput(file);
		file = NULL;
	}
	return file;
}

struct file *fget(unsigned int fd)
{
	return __fget(fd, FMODE_PATH);
}

struct file *fget_raw(unsigned int fd)
{
	return __fget(fd, 0);
}

int get_unused_fd_flags(unsigned int flags)
{
	return __alloc_fd(current->files, 0, flags);
}

void fd_install(unsigned int fd, struct file *file)
{
	__fd_install(current->files, fd, file);
}

void put_unused_fd(unsigned int fd)
{
	__put_unused_fd(current->files, fd);
}

int close_fd(unsigned int fd)
{
	return __close_fd(current->files, fd);
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return __dup(current->files, fildes);
}

#ifdef __NR_dup2
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	return __dup2(current->files, oldfd, newfd);
}
#endif

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return __dup3(current->files, oldfd, newfd, (unsigned int)flags);
}
