// SPDX-License-Identifier: MIT
/*
 * tests/kernel/fs_syscall_test.c: the file system calls (fs/), called
 * as a process calls them: the sys_* handlers, with user pointers into a
 * user mapping, current->files and current->fs (user_fixture.h).
 *
 * Each case runs in a fresh fixture (an empty fd table, so the first fd
 * is 0) and a fresh directory /fs_syscall it stands in, which the end
 * of the case removes with everything in it. Strings and buffers go to
 * user memory with copy_to_user and come back with copy_from_user.
 *
 * Every call is checked on its success path and for its errnos, which
 * must be Linux's, including EFAULT for a user address that is not
 * mapped (0x1000) and for a kernel address passed as a user pointer.
 *
 * Built where the arch has user mode (ARCH_HAS_USER_MODE).
 */
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/termios.h>
#include <anvil/uaccess.h>
#include <asm/stat.h>

#include "user_fixture.h"

#define MAP_SIZE (64 * 1024)
#define TESTDIR "/fs_syscall"
/* Where in the mapping: a few path slots, then buffers. */
#define SLOT(n) ((unsigned long)(n) * 512)
#define BUF 0x2000UL		/* 8 KiB of buffer space */
#define BUF2 0x4000UL
#define LONG_PATH 0x6000UL	/* PATH_MAX bytes, no NUL */

/* An address below TASK_SIZE that nothing maps, and a kernel one. */
#define UNMAPPED ((void __user *)0x1000UL)
static int some_kernel_var;
#define KPTR ((void __user *)&some_kernel_var)

static struct user_fixture uf;

static void __user *u(unsigned long off)
{
	return user_ptr(&uf, off);
}

/* @s as a user string in slot @n. */
static const char __user *up(unsigned int n, const char *s)
{
	if (copy_to_user(u(SLOT(n)), s, strlen(s) + 1))
		return UNMAPPED;
	return u(SLOT(n));
}

#define P(s) up(0, s)
#define P2(s) up(1, s)

static void uput(unsigned long off, const void *src, size_t n)
{
	WARN_ON(copy_to_user(u(off), src, n));
}

static void uget(void *dst, unsigned long off, size_t n)
{
	WARN_ON(copy_from_user(dst, u(off), n));
}

/* The arch's struct stat a call left at BUF. */
static struct stat ustat(void)
{
	struct stat st;

	uget(&st, BUF, sizeof(st));
	return st;
}

/* ---- the fixture and its directory ------------------------------------ */

/*
 * Remove everything under @path, then @path, through the kernel API so
 * that a failing case cannot stop the cleanup. Test trees are shallow.
 */
static void rm_tree(const char *path, int depth)
{
	struct file *dir = do_filp_open(current->fs, NULL, path,
					O_RDONLY | O_DIRECTORY, 0);
	char *buf = kmalloc(1024, GFP_KERNEL), child[160];
	struct kvec kv = { buf, 1024 };
	struct iov_iter it;
	int n;

	if (IS_ERR(dir) || !buf || depth > 4)
		goto out;
	for (;;) {
		iov_iter_kvec(&it, ITER_DEST, &kv, 1, 1024);
		n = vfs_getdents64(dir, &it);
		if (n <= 0)
			break;
		for (int off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);

			off += d->d_reclen;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			snprintf(child, sizeof(child), "%s/%s", path,
				 d->d_name);
			if (d->d_type == DT_DIR)
				rm_tree(child, depth + 1);
			else
				do_unlinkat(current->fs, NULL, child);
		}
	}
out:
	if (!IS_ERR(dir))
		fput(dir);
	kfree(buf);
	do_rmdir(current->fs, NULL, path);
}

static bool setup(struct ktest *t)
{
	int err = user_fixture_begin(&uf, MAP_SIZE);

	if (err) {
		ktest_fail(t, __FILE__, __LINE__, "user_fixture_begin: %d",
			   err);
		return false;
	}
	rm_tree(TESTDIR, 0); /* left by an earlier run that failed */
	if (do_mkdirat(current->fs, NULL, TESTDIR, 0755) ||
	    do_chdir(current->fs, TESTDIR)) {
		ktest_fail(t, __FILE__, __LINE__, "cannot make " TESTDIR);
		user_fixture_end(&uf);
		return false;
	}
	return true;
}

static void teardown(void)
{
	do_chdir(current->fs, "/");
	rm_tree(TESTDIR, 0);
	user_fixture_end(&uf);
}

/* Make a file holding @data; 0 or a negative errno. */
static long mkfile(const char *name, const char *data)
{
	long fd = sys_openat(AT_FDCWD, P(name), O_WRONLY | O_CREAT | O_TRUNC,
			     0644);
	size_t n = strlen(data);

	if (fd < 0)
		return fd;
	uput(BUF, data, n);
	if (sys_write(fd, u(BUF), n) != (long)n)
		fd = -EIO;
	sys_close(fd);
	return fd < 0 ? fd : 0;
}

/* ---- open and close --------------------------------------------------- */

static void test_open(struct ktest *t)
{
	long fd;

	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR | O_CREAT, 0644);
	KTEST_EXPECT_EQ(t, fd, 0); /* the lowest free fd */
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 3 /* F_GETFL */, 0),
			O_RDWR | O_LARGEFILE);
	KTEST_EXPECT_EQ(t, sys_close(fd), 0);
	KTEST_EXPECT_EQ(t, sys_close(fd), -EBADF);
	KTEST_EXPECT_EQ(t, sys_close(12345), -EBADF);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("f"), O_RDONLY | O_CREAT |
				      O_EXCL, 0644), -EEXIST);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("nope"), O_RDONLY, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("f"), O_RDONLY | O_DIRECTORY,
				      0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("f/"), O_RDONLY, 0),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("."), O_WRONLY, 0), -EISDIR);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P(""), O_RDONLY, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, UNMAPPED, O_RDONLY, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, KPTR, O_RDONLY, 0), -EFAULT);
	/* PATH_MAX bytes and no NUL: too long. */
	for (unsigned long off = 0; off < PATH_MAX; off += 512) {
		char a[512];

		memset(a, 'a', sizeof(a));
		uput(LONG_PATH + off, a, sizeof(a));
	}
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, u(LONG_PATH), O_RDONLY, 0),
			-ENAMETOOLONG);
	/* O_CLOEXEC is the fd's, not the file's. */
	fd = sys_openat(AT_FDCWD, P("f"), O_RDONLY | O_CLOEXEC, 0);
	KTEST_EXPECT_EQ(t, fd, 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 1 /* F_GETFD */, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 3 /* F_GETFL */, 0),
			O_RDONLY | O_LARGEFILE);
	sys_close(fd);
#ifdef __NR_open
	fd = sys_open(P("g"), O_WRONLY | O_CREAT, 0600);
	KTEST_EXPECT_EQ(t, fd, 0);
	sys_close(fd);
#endif
#ifdef __NR_creat
	fd = sys_creat(P("h"), 0600);
	KTEST_EXPECT_EQ(t, fd, 0);
	KTEST_EXPECT_EQ(t, sys_read(fd, u(BUF), 1), -EBADF); /* O_WRONLY */
	sys_close(fd);
#endif
	/* O_TMPFILE: ramfs cannot make nameless files yet. */
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("."), O_RDWR | __O_TMPFILE |
				      O_DIRECTORY, 0600), -EOPNOTSUPP);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("."), O_RDWR | __O_TMPFILE,
				      0600), -EINVAL);
	teardown();
}

/* openat() with a dirfd: relative names start there, absolute ones not. */
static void test_openat_dirfd(struct ktest *t)
{
	long dfd, fd, file;

	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, P("d"), 0755), 0);
	KTEST_EXPECT_EQ(t, mkfile("d/in", "x"), 0);
	dfd = sys_openat(AT_FDCWD, P("d"), O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_EQ(t, dfd, 0);
	fd = sys_openat(dfd, P("in"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, fd, 1);
	sys_close(fd);
	KTEST_EXPECT_EQ(t, sys_openat(dfd, P("nope"), O_RDONLY, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_openat(77, P("in"), O_RDONLY, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys_openat(-5, P("in"), O_RDONLY, 0), -EBADF);
	file = sys_openat(dfd, P("in"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_openat(file, P("x"), O_RDONLY, 0), -ENOTDIR);
	/* An absolute name ignores the dirfd, even a bad one. */
	fd = sys_openat(77, P(TESTDIR "/d/in"), O_RDONLY, 0);
	KTEST_EXPECT_TRUE(t, fd >= 0);
	sys_close(fd);
	sys_close(file);
	sys_close(dfd);
	teardown();
}

static void test_open_flags(struct ktest *t)
{
	long fd;
	char buf[16];

	KTEST_EXPECT_EQ(t, mkfile("f", "hello"), 0);
	/* O_APPEND: every write goes to the end, whatever f_pos says. */
	fd = sys_openat(AT_FDCWD, P("f"), O_WRONLY | O_APPEND, 0);
	uput(BUF, "!!", 2);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, sys_write(fd, u(BUF), 2), 2);
	sys_close(fd);
	fd = sys_openat(AT_FDCWD, P("f"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_read(fd, u(BUF), 16), 7);
	uget(buf, BUF, 7);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "hello!!", 7));
	sys_close(fd);
	/* O_TRUNC empties it. */
	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR | O_TRUNC, 0);
	KTEST_EXPECT_EQ(t, sys_read(fd, u(BUF), 16), 0);
	sys_close(fd);
	/* O_NOFOLLOW on a symlink: ELOOP. */
	KTEST_EXPECT_EQ(t, sys_symlinkat(P("f"), AT_FDCWD, P2("l")), 0);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("l"), O_RDONLY | O_NOFOLLOW,
				      0), -ELOOP);
	fd = sys_openat(AT_FDCWD, P("l"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, fd, 0);
	sys_close(fd);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("d"), O_CREAT | O_DIRECTORY,
				      0755), -EINVAL);
	teardown();
}

/* O_PATH: a handle for *at(), fstat and fchdir, refused by the rest. */
static void test_o_path(struct ktest *t)
{
	long fd, lfd, f;
	char buf[8];

	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, P("d"), 0755), 0);
	KTEST_EXPECT_EQ(t, mkfile("d/f", "x"), 0);
	fd = sys_openat(AT_FDCWD, P("d"), O_PATH | O_RDWR | O_CREAT, 0);
	KTEST_EXPECT_EQ(t, fd, 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 3 /* F_GETFL */, 0), O_PATH);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 4 /* F_SETFL */, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys_read(fd, u(BUF), 1), -EBADF);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_SET), -EBADF);
	KTEST_EXPECT_EQ(t, sys_getdents64(fd, u(BUF), 4096), -EBADF);
	KTEST_EXPECT_EQ(t, sys_ioctl(fd, FIOCLEX, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys_fstat(fd, u(BUF)), 0);
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFDIR);
	f = sys_openat(fd, P("f"), O_RDONLY, 0); /* as a dirfd */
	KTEST_EXPECT_EQ(t, f, 1);
	sys_close(f);
	KTEST_EXPECT_EQ(t, sys_dup(fd), 1);
	sys_close(1);
	KTEST_EXPECT_EQ(t, sys_fchdir(fd), 0);
	KTEST_EXPECT_EQ(t, sys_getcwd(u(BUF), 64), sizeof(TESTDIR "/d"));
	sys_close(fd);
	/* A handle on the symlink itself, which readlinkat(fd, "") reads. */
	KTEST_EXPECT_EQ(t, sys_symlinkat(P("f"), AT_FDCWD, P2("l")), 0);
	lfd = sys_openat(AT_FDCWD, P("l"), O_PATH | O_NOFOLLOW, 0);
	KTEST_EXPECT_EQ(t, lfd, 0);
	KTEST_EXPECT_EQ(t, sys_newfstatat(lfd, P(""), u(BUF), AT_EMPTY_PATH),
			0);
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFLNK);
	KTEST_EXPECT_EQ(t, sys_readlinkat(lfd, P(""), u(BUF2), 8), 1);
	uget(buf, BUF2, 1);
	KTEST_EXPECT_EQ(t, buf[0], 'f');
	f = sys_openat(AT_FDCWD, P("f"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_readlinkat(f, P(""), u(BUF2), 8), -ENOENT);
	sys_close(f);
	sys_close(lfd);
	/* O_CREAT is dropped: a missing name stays missing. */
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("new"), O_PATH | O_CREAT,
				      0644), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("f"), O_PATH | O_DIRECTORY,
				      0), -ENOTDIR);
	teardown();
}

/* ---- read, write, lseek ----------------------------------------------- */

static void test_read_write(struct ktest *t)
{
	long fd, dfd;
	char buf[16];

	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR | O_CREAT, 0644);
	uput(BUF, "0123456789", 10);
	KTEST_EXPECT_EQ(t, sys_write(fd, u(BUF), 10), 10);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_CUR), 10);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 2, SEEK_SET), 2);
	KTEST_EXPECT_EQ(t, sys_read(fd, u(BUF2), 4), 4);
	uget(buf, BUF2, 4);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "2345", 4));
	KTEST_EXPECT_EQ(t, sys_lseek(fd, -1, SEEK_END), 9);
	KTEST_EXPECT_EQ(t, sys_read(fd, u(BUF2), 4), 1);
	KTEST_EXPECT_EQ(t, sys_read(fd, u(BUF2), 4), 0); /* EOF */
	KTEST_EXPECT_EQ(t, sys_read(fd, u(BUF2), 0), 0);
	/* Bad buffers: nothing moves, EFAULT. */
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, sys_read(fd, UNMAPPED, 4), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_read(fd, KPTR, 4), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_write(fd, UNMAPPED, 4), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_write(fd, KPTR, 4), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_CUR), 0);
	/* A buffer running off the end of the mapping: a short count. */
	KTEST_EXPECT_EQ(t, sys_read(fd, u(MAP_SIZE - 3), 8), 3);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_CUR), 3);
	KTEST_EXPECT_EQ(t, sys_write(fd, u(MAP_SIZE - 2), 8), 2);
	/* lseek's errors. */
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, 7), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, -20, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_lseek(99, 0, SEEK_SET), -EBADF);
	/* Bad fds, wrong modes, directories. */
	KTEST_EXPECT_EQ(t, sys_read(99, u(BUF), 1), -EBADF);
	KTEST_EXPECT_EQ(t, sys_write(-1, u(BUF), 1), -EBADF);
	sys_close(fd);
	fd = sys_openat(AT_FDCWD, P("f"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_write(fd, u(BUF), 1), -EBADF);
	sys_close(fd);
	dfd = sys_openat(AT_FDCWD, P("."), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_read(dfd, u(BUF), 1), -EISDIR);
	sys_close(dfd);
	teardown();
}

static void test_pread_pwrite(struct ktest *t)
{
	long fd;
	int pfd[2];
	char buf[8];

	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR | O_CREAT, 0644);
	uput(BUF, "abcdef", 6);
	KTEST_EXPECT_EQ(t, sys_pwrite64(fd, u(BUF), 6, 100), 6);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_CUR), 0); /* f_pos stays */
	KTEST_EXPECT_EQ(t, sys_pread64(fd, u(BUF2), 3, 102), 3);
	uget(buf, BUF2, 3);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "cde", 3));
	KTEST_EXPECT_EQ(t, sys_pread64(fd, u(BUF2), 3, 0), 3); /* a hole */
	uget(buf, BUF2, 3);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "\0\0\0", 3));
	KTEST_EXPECT_EQ(t, sys_pread64(fd, u(BUF2), 3, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_pwrite64(fd, u(BUF), 3, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_pread64(fd, UNMAPPED, 3, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_pwrite64(fd, KPTR, 3, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_pread64(55, u(BUF2), 3, 0), -EBADF);
	sys_close(fd);
	KTEST_EXPECT_EQ(t, sys_pipe2(u(BUF), 0), 0);
	uget(pfd, BUF, sizeof(pfd));
	KTEST_EXPECT_EQ(t, sys_pread64(pfd[0], u(BUF2), 1, 0), -ESPIPE);
	KTEST_EXPECT_EQ(t, sys_pwrite64(pfd[1], u(BUF2), 1, 0), -ESPIPE);
	teardown();
}

static void test_readv_writev(struct ktest *t)
{
	struct iovec iov[3];
	long fd;
	char buf[16];

	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR | O_CREAT, 0644);
	uput(BUF, "abc", 3);
	uput(BUF + 100, "defgh", 5);
	iov[0] = (struct iovec){ u(BUF), 3 };
	iov[1] = (struct iovec){ u(BUF + 50), 0 }; /* empty: skipped */
	iov[2] = (struct iovec){ u(BUF + 100), 5 };
	uput(BUF2, iov, sizeof(iov));
	KTEST_EXPECT_EQ(t, sys_writev(fd, u(BUF2), 3), 8);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_SET), 0);
	iov[0] = (struct iovec){ u(BUF + 200), 2 };
	iov[1] = (struct iovec){ u(BUF + 300), 10 };
	uput(BUF2, iov, 2 * sizeof(*iov));
	KTEST_EXPECT_EQ(t, sys_readv(fd, u(BUF2), 2), 8);
	uget(buf, BUF + 200, 2);
	uget(buf + 2, BUF + 300, 6);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "abcdefgh", 8));
	KTEST_EXPECT_EQ(t, sys_readv(fd, u(BUF2), 0), 0);
	/* iovcnt: over UIO_MAXIOV, or negative (a huge unsigned). */
	KTEST_EXPECT_EQ(t, sys_readv(fd, u(BUF2), UIO_MAXIOV + 1), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_writev(fd, u(BUF2), (unsigned long)-1),
			-EINVAL);
	/* The iovec array itself, then a buffer in it, are bad. */
	KTEST_EXPECT_EQ(t, sys_readv(fd, UNMAPPED, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_readv(fd, KPTR, 1), -EFAULT);
	iov[0] = (struct iovec){ KPTR, 4 };
	uput(BUF2, iov, sizeof(*iov));
	KTEST_EXPECT_EQ(t, sys_writev(fd, u(BUF2), 1), -EFAULT);
	iov[0] = (struct iovec){ u(BUF), (size_t)-1 }; /* negative length */
	uput(BUF2, iov, sizeof(*iov));
	KTEST_EXPECT_EQ(t, sys_writev(fd, u(BUF2), 1), -EINVAL);
	/* A good segment, then an unmapped one: what was done counts. */
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_SET), 0);
	iov[0] = (struct iovec){ u(BUF + 400), 4 };
	iov[1] = (struct iovec){ UNMAPPED, 4 };
	uput(BUF2, iov, 2 * sizeof(*iov));
	KTEST_EXPECT_EQ(t, sys_readv(fd, u(BUF2), 2), 4);
	KTEST_EXPECT_EQ(t, sys_readv(77, u(BUF2), 2), -EBADF);
	sys_close(fd);
	teardown();
}

/* ---- stat, readlink ---------------------------------------------------- */

static void test_stat(struct ktest *t)
{
	int pfd[2];
	long fd;

	KTEST_EXPECT_EQ(t, sizeof(struct stat), 144); /* both arches */
	KTEST_EXPECT_EQ(t, mkfile("f", "12345"), 0);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("f"), u(BUF), 0), 0);
	KTEST_EXPECT_EQ(t, ustat().st_size, 5);
	KTEST_EXPECT_EQ(t, ustat().st_mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, ustat().st_nlink, 1);
	KTEST_EXPECT_EQ(t, ustat().st_blksize, PAGE_SIZE);
	KTEST_EXPECT_EQ(t, sys_symlinkat(P("f"), AT_FDCWD, P2("l")), 0);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("l"), u(BUF),
					  AT_SYMLINK_NOFOLLOW), 0);
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFLNK);
	KTEST_EXPECT_EQ(t, ustat().st_size, 1);
#ifdef __NR_stat
	KTEST_EXPECT_EQ(t, sys_stat(P("l"), u(BUF)), 0);
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFREG);
	KTEST_EXPECT_EQ(t, sys_lstat(P("l"), u(BUF)), 0);
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFLNK);
#endif
	/* Device numbers in the user encoding: /dev/null is (1, 3). */
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("/dev/null"), u(BUF), 0),
			0);
	KTEST_EXPECT_EQ(t, ustat().st_rdev, 0x103);
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFCHR);
	/* fstat, and AT_EMPTY_PATH on a pipe (no name at all). */
	fd = sys_openat(AT_FDCWD, P("."), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_fstat(fd, u(BUF)), 0);
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFDIR);
	KTEST_EXPECT_EQ(t, ustat().st_nlink, 2);
	sys_close(fd);
	KTEST_EXPECT_EQ(t, sys_pipe2(u(BUF2), 0), 0);
	uget(pfd, BUF2, sizeof(pfd));
	KTEST_EXPECT_EQ(t, sys_newfstatat(pfd[0], P(""), u(BUF),
					  AT_EMPTY_PATH), 0);
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFIFO);
	KTEST_EXPECT_EQ(t, sys_newfstatat(pfd[0], P(""), u(BUF), 0), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P(""), u(BUF),
					  AT_EMPTY_PATH), 0); /* the cwd */
	KTEST_EXPECT_EQ(t, ustat().st_mode & S_IFMT, S_IFDIR);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("f"), u(BUF), 0x4000),
			-EINVAL);
	/* Errors. */
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("f"), UNMAPPED, 0),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_fstat(pfd[0], KPTR), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_fstat(77, u(BUF)), -EBADF);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("nope"), u(BUF), 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("f/x"), u(BUF), 0),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, KPTR, u(BUF), 0), -EFAULT);
	teardown();
}

static void test_readlink(struct ktest *t)
{
	char buf[16];

	KTEST_EXPECT_EQ(t, sys_symlinkat(P("target"), AT_FDCWD, P2("l")), 0);
	KTEST_EXPECT_EQ(t, sys_readlinkat(AT_FDCWD, P("l"), u(BUF), 64), 6);
	uget(buf, BUF, 6);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "target", 6));
	KTEST_EXPECT_EQ(t, sys_readlinkat(AT_FDCWD, P("l"), u(BUF), 3), 3);
	KTEST_EXPECT_EQ(t, sys_readlinkat(AT_FDCWD, P("l"), u(BUF), 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_readlinkat(AT_FDCWD, P("."), u(BUF), 8),
			-EINVAL); /* not a link */
	KTEST_EXPECT_EQ(t, sys_readlinkat(AT_FDCWD, P(""), u(BUF), 8),
			-ENOENT);
	KTEST_EXPECT_EQ(t, sys_readlinkat(88, P(""), u(BUF), 8), -EBADF);
	KTEST_EXPECT_EQ(t, sys_readlinkat(AT_FDCWD, P("l"), UNMAPPED, 8),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_readlinkat(AT_FDCWD, P("nope"), u(BUF), 8),
			-ENOENT);
#ifdef __NR_readlink
	KTEST_EXPECT_EQ(t, sys_readlink(P("l"), u(BUF), 64), 6);
#endif
	/* symlink's errors: an empty target, an existing name. */
	KTEST_EXPECT_EQ(t, sys_symlinkat(P(""), AT_FDCWD, P2("m")), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_symlinkat(P("x"), AT_FDCWD, P2("l")), -EEXIST);
	KTEST_EXPECT_EQ(t, sys_symlinkat(KPTR, AT_FDCWD, P2("m")), -EFAULT);
	teardown();
}

/* ---- directories --------------------------------------------------------- */

/* Does the getdents64 output at BUF (@n bytes) list exactly @names? */
static bool lists(long n, const char *const *names, int nr)
{
	char *buf = kmalloc(n > 0 ? n : 1, GFP_KERNEL);
	int found = 0, seen = 0;

	if (!buf || n <= 0) {
		kfree(buf);
		return false;
	}
	uget(buf, BUF, n);
	for (long off = 0; off < n; seen++) {
		struct linux_dirent64 *d = (void *)(buf + off);

		for (int i = 0; i < nr; i++)
			found += !strcmp(d->d_name, names[i]);
		off += d->d_reclen;
	}
	kfree(buf);
	return found == nr && seen == nr;
}

static void test_mkdir_rmdir(struct ktest *t)
{
	static const char *const names[] = { ".", "..", "a", "f" };
	long dfd;

	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, P("a"), 0755), 0);
	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, P("a"), 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, P("x/y"), 0755), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, UNMAPPED, 0755), -EFAULT);
	KTEST_EXPECT_EQ(t, mkfile("f", ""), 0);
	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, P("f/y"), 0755), -ENOTDIR);
	dfd = sys_openat(AT_FDCWD, P("a"), O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_EQ(t, sys_mkdirat(dfd, P("sub"), 0700), 0);
	KTEST_EXPECT_EQ(t, sys_newfstatat(dfd, P("sub"), u(BUF), 0), 0);
	KTEST_EXPECT_EQ(t, ustat().st_mode, S_IFDIR | 0700);
	KTEST_EXPECT_EQ(t, sys_unlinkat(AT_FDCWD, P("a"), AT_REMOVEDIR),
			-ENOTEMPTY);
	KTEST_EXPECT_EQ(t, sys_unlinkat(dfd, P("sub"), 0), -EISDIR);
	KTEST_EXPECT_EQ(t, sys_unlinkat(dfd, P("sub"), 0x1), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_unlinkat(dfd, P("sub"), AT_REMOVEDIR), 0);
	sys_close(dfd);
	KTEST_EXPECT_EQ(t, sys_unlinkat(AT_FDCWD, P("f"), AT_REMOVEDIR),
			-ENOTDIR);
	/* getdents64 sees ".", "..", "a" and "f". */
	dfd = sys_openat(AT_FDCWD, P("."), O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_TRUE(t, lists(sys_getdents64(dfd, u(BUF), 4096), names,
				   4));
	KTEST_EXPECT_EQ(t, sys_getdents64(dfd, u(BUF), 4096), 0); /* end */
	sys_close(dfd);
#ifdef __NR_mkdir
	KTEST_EXPECT_EQ(t, sys_mkdir(P("b"), 0755), 0);
	KTEST_EXPECT_EQ(t, sys_rmdir(P("b")), 0);
	KTEST_EXPECT_EQ(t, sys_rmdir(P("b")), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_rmdir(P(".")), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_unlink(P("f")), 0);
	KTEST_EXPECT_EQ(t, sys_unlink(P("f")), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_unlink(P("a")), -EISDIR);
#endif
	teardown();
}

static void test_getdents(struct ktest *t)
{
	long dfd, fd, n;
	char rec[32];

	KTEST_EXPECT_EQ(t, mkfile("file", ""), 0);
	dfd = sys_openat(AT_FDCWD, P("."), O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_EQ(t, sys_getdents64(dfd, u(BUF), 8), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_getdents64(dfd, UNMAPPED, 4096), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_getdents64(dfd, KPTR, 4096), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_getdents64(99, u(BUF), 4096), -EBADF);
	/* A buffer ending inside the second record: just the first. */
	n = sys_getdents64(dfd, u(MAP_SIZE - 30), 4096);
	KTEST_EXPECT_EQ(t, n, 24); /* "." */
	/* The old getdents: d_type in the record's last byte. */
#ifdef __NR_getdents
	n = sys_getdents(dfd, u(BUF), 4096);
	KTEST_EXPECT_TRUE(t, n > 0);
	uget(rec, BUF, sizeof(rec));
	KTEST_EXPECT_EQ(t, rec[18], '.'); /* "..": d_name after 8+8+2 */
	KTEST_EXPECT_EQ(t, rec[*(unsigned short *)(rec + 16) - 1], DT_DIR);
#endif
	sys_close(dfd);
	fd = sys_openat(AT_FDCWD, P("file"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_getdents64(fd, u(BUF), 4096), -ENOTDIR);
	sys_close(fd);
	teardown();
}

static void test_rename(struct ktest *t)
{
	long dfd;

	KTEST_EXPECT_EQ(t, mkfile("a", "A"), 0);
	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, P("d"), 0755), 0);
	KTEST_EXPECT_EQ(t, sys_renameat2(AT_FDCWD, P("a"), AT_FDCWD, P2("b"),
					 0), 0);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("a"), u(BUF), 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("b"), u(BUF), 0), 0);
	dfd = sys_openat(AT_FDCWD, P("d"), O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_EQ(t, sys_renameat(AT_FDCWD, P("b"), dfd, P2("c")), 0);
	KTEST_EXPECT_EQ(t, sys_newfstatat(dfd, P("c"), u(BUF), 0), 0);
	KTEST_EXPECT_EQ(t, sys_renameat2(AT_FDCWD, P("d"), AT_FDCWD, P2("e"),
					 1 /* RENAME_NOREPLACE */), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_renameat(AT_FDCWD, P("nope"), AT_FDCWD,
					P2("x")), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_renameat(AT_FDCWD, P("d"), AT_FDCWD,
					P2("d/in")), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_renameat(AT_FDCWD, UNMAPPED, AT_FDCWD,
					P2("x")), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_renameat(AT_FDCWD, P("d"), AT_FDCWD, KPTR),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_renameat(AT_FDCWD, P(""), AT_FDCWD, P2("x")),
			-ENOENT);
#ifdef __NR_rename
	KTEST_EXPECT_EQ(t, sys_rename(P("d"), P2("e")), 0);
#endif
	sys_close(dfd);
	teardown();
}

/* ---- fds: dup, fcntl, close-on-exec ------------------------------------ */

static void test_dup_fcntl(struct ktest *t)
{
	long fd, fd2;
	int n;

	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR | O_CREAT, 0644);
	KTEST_EXPECT_EQ(t, sys_dup(fd), 1);
	KTEST_EXPECT_EQ(t, sys_dup3(fd, 5, O_CLOEXEC), 5);
	KTEST_EXPECT_EQ(t, sys_fcntl(5, 1 /* F_GETFD */, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, 1 /* F_GETFD */, 0), 0);
	KTEST_EXPECT_EQ(t, sys_dup3(fd, fd, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_dup3(fd, 6, O_NONBLOCK), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_dup3(40, 6, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys_dup3(fd, 5000, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys_dup(40), -EBADF);
#ifdef __NR_dup2
	KTEST_EXPECT_EQ(t, sys_dup2(fd, fd), fd);
	KTEST_EXPECT_EQ(t, sys_dup2(40, 40), -EBADF);
	KTEST_EXPECT_EQ(t, sys_dup2(fd, 5), 5); /* replaces, no cloexec */
	KTEST_EXPECT_EQ(t, sys_fcntl(5, 1 /* F_GETFD */, 0), 0);
#endif
	/* The shared file: one f_pos for every fd dup'ed from it. */
	uput(BUF, "xyz", 3);
	KTEST_EXPECT_EQ(t, sys_write(1, u(BUF), 3), 3);
	KTEST_EXPECT_EQ(t, sys_lseek(fd, 0, SEEK_CUR), 3);
	/* F_DUPFD, F_DUPFD_CLOEXEC, F_SETFD. */
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 0 /* F_DUPFD */, 10), 10);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 1030 /* F_DUPFD_CLOEXEC */, 10), 11);
	KTEST_EXPECT_EQ(t, sys_fcntl(11, 1 /* F_GETFD */, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_fcntl(11, 2 /* F_SETFD */, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(11, 1 /* F_GETFD */, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 0 /* F_DUPFD */, NR_OPEN_MAX),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 0 /* F_DUPFD */, (unsigned long)-1),
			-EINVAL);
	/* F_SETFL changes only what it may; the access mode stays. */
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 4 /* F_SETFL */,
				     O_NONBLOCK | O_APPEND | O_WRONLY), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, 3 /* F_GETFL */, 0),
			O_RDWR | O_LARGEFILE | O_NONBLOCK | O_APPEND);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 1024 /* F_SETLEASE */, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_fcntl(40, 3 /* F_GETFL */, 0), -EBADF);
	/* Fill the table: EMFILE at NR_OPEN_MAX fds. */
	for (n = 0; (fd2 = sys_dup(fd)) >= 0; n++)
		;
	KTEST_EXPECT_EQ(t, fd2, -EMFILE);
	KTEST_EXPECT_EQ(t, n, NR_OPEN_MAX - 5); /* 0, 1, 5, 10, 11 */
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("f"), O_RDONLY, 0), -EMFILE);
	KTEST_EXPECT_EQ(t, sys_close(500), 0);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, P("f"), O_RDONLY, 0), 500);
	teardown();
}

/* ---- pipes ------------------------------------------------------------- */

static void test_pipe(struct ktest *t)
{
	int pfd[2];
	char buf[8];

	KTEST_EXPECT_EQ(t, sys_pipe2(u(BUF), O_NONBLOCK | O_CLOEXEC), 0);
	uget(pfd, BUF, sizeof(pfd));
	KTEST_EXPECT_EQ(t, pfd[0], 0);
	KTEST_EXPECT_EQ(t, pfd[1], 1);
	KTEST_EXPECT_EQ(t, sys_fcntl(pfd[0], 1 /* F_GETFD */, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_read(pfd[0], u(BUF2), 8), -EAGAIN);
	uput(BUF2, "ping", 4);
	KTEST_EXPECT_EQ(t, sys_write(pfd[1], u(BUF2), 4), 4);
	KTEST_EXPECT_EQ(t, sys_read(pfd[0], u(BUF2 + 100), 8), 4);
	uget(buf, BUF2 + 100, 4);
	KTEST_EXPECT_TRUE(t, !memcmp(buf, "ping", 4));
	KTEST_EXPECT_EQ(t, sys_write(pfd[1], UNMAPPED, 4), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_write(pfd[1], u(BUF2), 4), 4);
	KTEST_EXPECT_EQ(t, sys_read(pfd[0], KPTR, 4), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_read(pfd[1], u(BUF2), 4), -EBADF);
	KTEST_EXPECT_EQ(t, sys_write(pfd[0], u(BUF2), 4), -EBADF);
	KTEST_EXPECT_EQ(t, sys_lseek(pfd[0], 0, SEEK_SET), -ESPIPE);
	KTEST_EXPECT_EQ(t, sys_ftruncate(pfd[1], 0), -EINVAL);
	/* No reader left: EPIPE (and SIGPIPE, which a kthread ignores). */
	KTEST_EXPECT_EQ(t, sys_close(pfd[0]), 0);
	KTEST_EXPECT_EQ(t, sys_write(pfd[1], u(BUF2), 4), -EPIPE);
	KTEST_EXPECT_EQ(t, sys_close(pfd[1]), 0);
	/* Bad flags; a bad array leaves no fds behind. */
	KTEST_EXPECT_EQ(t, sys_pipe2(u(BUF), O_RDWR), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_pipe2(UNMAPPED, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_pipe2(KPTR, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_dup(0), -EBADF); /* fd 0 is still free */
#ifdef __NR_pipe
	KTEST_EXPECT_EQ(t, sys_pipe(u(BUF)), 0);
	uget(pfd, BUF, sizeof(pfd));
	KTEST_EXPECT_EQ(t, sys_fcntl(pfd[0], 1 /* F_GETFD */, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(pfd[1], 3 /* F_GETFL */, 0), O_WRONLY);
#endif
	teardown();
}

/* ---- cwd, access, truncate, fsync ------------------------------------- */

static void test_cwd(struct ktest *t)
{
	char buf[32];
	long fd;

	KTEST_EXPECT_EQ(t, sys_getcwd(u(BUF), 64), sizeof(TESTDIR));
	uget(buf, BUF, sizeof(TESTDIR));
	KTEST_EXPECT_TRUE(t, !strcmp(buf, TESTDIR));
	KTEST_EXPECT_EQ(t, sys_getcwd(u(BUF), sizeof(TESTDIR) - 1), -ERANGE);
	KTEST_EXPECT_EQ(t, sys_getcwd(u(BUF), 0), -ERANGE);
	KTEST_EXPECT_EQ(t, sys_getcwd(UNMAPPED, 64), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_getcwd(KPTR, 64), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, P("sub"), 0755), 0);
	KTEST_EXPECT_EQ(t, mkfile("f", ""), 0);
	KTEST_EXPECT_EQ(t, sys_chdir(P("sub")), 0);
	KTEST_EXPECT_EQ(t, sys_getcwd(u(BUF), 64), sizeof(TESTDIR "/sub"));
	KTEST_EXPECT_EQ(t, sys_chdir(P("../f")), -ENOTDIR);
	KTEST_EXPECT_EQ(t, sys_chdir(P("nope")), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_chdir(UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_chdir(P("")), -ENOENT);
	fd = sys_openat(AT_FDCWD, P(".."), O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_EQ(t, sys_fchdir(fd), 0);
	KTEST_EXPECT_EQ(t, sys_getcwd(u(BUF), 64), sizeof(TESTDIR));
	sys_close(fd);
	fd = sys_openat(AT_FDCWD, P("f"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_fchdir(fd), -ENOTDIR);
	sys_close(fd);
	KTEST_EXPECT_EQ(t, sys_fchdir(fd), -EBADF);
	/* A removed cwd has no name. */
	KTEST_EXPECT_EQ(t, sys_chdir(P("sub")), 0);
	KTEST_EXPECT_EQ(t, sys_unlinkat(AT_FDCWD, P(TESTDIR "/sub"),
					AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(t, sys_getcwd(u(BUF), 64), -ENOENT);
	teardown();
}

static void test_access(struct ktest *t)
{
	long fd;

	KTEST_EXPECT_EQ(t, mkfile("f", ""), 0);
	KTEST_EXPECT_EQ(t, sys_faccessat(AT_FDCWD, P("f"), F_OK), 0);
	KTEST_EXPECT_EQ(t, sys_faccessat(AT_FDCWD, P("f"), R_OK | W_OK), 0);
	KTEST_EXPECT_EQ(t, sys_faccessat(AT_FDCWD, P("f"), X_OK), -EACCES);
	KTEST_EXPECT_EQ(t, sys_faccessat(AT_FDCWD, P("."), X_OK), 0);
	KTEST_EXPECT_EQ(t, sys_faccessat(AT_FDCWD, P("f"), 8), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_faccessat(AT_FDCWD, P("nope"), F_OK), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_faccessat(AT_FDCWD, UNMAPPED, F_OK), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_faccessat2(AT_FDCWD, P("f"), F_OK, 0x1),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_faccessat2(AT_FDCWD, P("f"), F_OK,
					  AT_EACCESS), 0);
	fd = sys_openat(AT_FDCWD, P("f"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_faccessat2(fd, P(""), X_OK, AT_EMPTY_PATH),
			-EACCES);
	KTEST_EXPECT_EQ(t, sys_faccessat2(fd, P(""), R_OK, 0), -ENOENT);
	sys_close(fd);
	/* The link is followed unless AT_SYMLINK_NOFOLLOW. */
	KTEST_EXPECT_EQ(t, sys_symlinkat(P("nope"), AT_FDCWD, P2("dangling")),
			0);
	KTEST_EXPECT_EQ(t, sys_faccessat2(AT_FDCWD, P("dangling"), F_OK, 0),
			-ENOENT);
	KTEST_EXPECT_EQ(t, sys_faccessat2(AT_FDCWD, P("dangling"), F_OK,
					  AT_SYMLINK_NOFOLLOW), 0);
#ifdef __NR_access
	KTEST_EXPECT_EQ(t, sys_access(P("f"), R_OK), 0);
#endif
	teardown();
}

static void test_truncate(struct ktest *t)
{
	long fd;

	KTEST_EXPECT_EQ(t, mkfile("f", "0123456789"), 0);
	KTEST_EXPECT_EQ(t, sys_truncate(P("f"), 4), 0);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, P("f"), u(BUF), 0), 0);
	KTEST_EXPECT_EQ(t, ustat().st_size, 4);
	KTEST_EXPECT_EQ(t, sys_truncate(P("f"), -1), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_truncate(P("."), 0), -EISDIR);
	KTEST_EXPECT_EQ(t, sys_truncate(P("nope"), 0), -ENOENT);
	KTEST_EXPECT_EQ(t, sys_truncate(UNMAPPED, 0), -EFAULT);
	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR, 0);
	KTEST_EXPECT_EQ(t, sys_ftruncate(fd, 8192), 0);
	KTEST_EXPECT_EQ(t, sys_fstat(fd, u(BUF)), 0);
	KTEST_EXPECT_EQ(t, ustat().st_size, 8192);
	KTEST_EXPECT_EQ(t, sys_ftruncate(fd, -5), -EINVAL);
	sys_close(fd);
	fd = sys_openat(AT_FDCWD, P("f"), O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, sys_ftruncate(fd, 0), -EINVAL); /* not writable */
	sys_close(fd);
	KTEST_EXPECT_EQ(t, sys_ftruncate(fd, 0), -EBADF);
	teardown();
}

static void test_fsync(struct ktest *t)
{
	int pfd[2];
	long fd;

	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR | O_CREAT, 0644);
	KTEST_EXPECT_EQ(t, sys_fsync(fd), 0);
	KTEST_EXPECT_EQ(t, sys_fdatasync(fd), 0);
	KTEST_EXPECT_EQ(t, sys_fsync(44), -EBADF);
	KTEST_EXPECT_EQ(t, sys_pipe2(u(BUF), 0), 0);
	uget(pfd, BUF, sizeof(pfd));
	KTEST_EXPECT_EQ(t, sys_fsync(pfd[0]), -EINVAL);
	sys_close(fd);
	teardown();
}

/* ---- ioctl ------------------------------------------------------------ */

static void test_ioctl(struct ktest *t)
{
	struct termios tio;
	struct winsize ws;
	long con, fd;

	con = sys_openat(AT_FDCWD, P("/dev/console"), O_RDWR, 0);
	KTEST_EXPECT_EQ(t, con, 0);
	/* The arch's TCGETS, struct termios and bits. */
	KTEST_EXPECT_EQ(t, sys_ioctl(con, TCGETS, (unsigned long)u(BUF)), 0);
	uget(&tio, BUF, sizeof(tio));
	KTEST_EXPECT_EQ(t, tio.c_lflag & (ICANON | ECHO | ISIG),
			ICANON | ECHO | ISIG);
	KTEST_EXPECT_EQ(t, tio.c_cflag & CS8, CS8);
	KTEST_EXPECT_EQ(t, tio.c_cc[VINTR], 3);
	KTEST_EXPECT_EQ(t, tio.c_cc[VEOF], 4);
	KTEST_EXPECT_EQ(t, tio.c_cc[VMIN], 1);
	KTEST_EXPECT_EQ(t, sys_ioctl(con, TIOCGWINSZ, (unsigned long)u(BUF)),
			0);
	uget(&ws, BUF, sizeof(ws));
	KTEST_EXPECT_EQ(t, ws.ws_row, 24);
	KTEST_EXPECT_EQ(t, ws.ws_col, 80);
	KTEST_EXPECT_EQ(t, sys_ioctl(con, TCGETS, (unsigned long)UNMAPPED),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_ioctl(con, TIOCGWINSZ, (unsigned long)KPTR),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_ioctl(con, 0x1234, 0), -ENOTTY);
	/* Not a tty. */
	fd = sys_openat(AT_FDCWD, P("f"), O_RDWR | O_CREAT, 0644);
	KTEST_EXPECT_EQ(t, sys_ioctl(fd, TCGETS, (unsigned long)u(BUF)),
			-ENOTTY);
	KTEST_EXPECT_EQ(t, sys_ioctl(fd, TIOCGWINSZ, (unsigned long)u(BUF)),
			-ENOTTY);
	/* The ones every file has. */
	KTEST_EXPECT_EQ(t, sys_ioctl(fd, FIOCLEX, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 1 /* F_GETFD */, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_ioctl(fd, FIONCLEX, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 1 /* F_GETFD */, 0), 0);
	uput(BUF, &(int){ 1 }, sizeof(int));
	KTEST_EXPECT_EQ(t, sys_ioctl(fd, FIONBIO, (unsigned long)u(BUF)), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(fd, 3 /* F_GETFL */, 0) & O_NONBLOCK,
			O_NONBLOCK);
	KTEST_EXPECT_EQ(t, sys_ioctl(fd, FIONBIO, (unsigned long)UNMAPPED),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_ioctl(33, TCGETS, (unsigned long)u(BUF)),
			-EBADF);
	sys_close(fd);
	sys_close(con);
	teardown();
}

/*
 * Each case: a fixture and a directory, the body, the cleanup. The
 * bodies use only KTEST_EXPECT_*, so the cleanup always runs.
 */
#define FS_CASE(name)                                                       \
	static void name##_case(struct ktest *t)                            \
	{                                                                   \
		if (setup(t))                                               \
			name(t);                                            \
	}

FS_CASE(test_open)
FS_CASE(test_openat_dirfd)
FS_CASE(test_open_flags)
FS_CASE(test_o_path)
FS_CASE(test_read_write)
FS_CASE(test_pread_pwrite)
FS_CASE(test_readv_writev)
FS_CASE(test_stat)
FS_CASE(test_readlink)
FS_CASE(test_mkdir_rmdir)
FS_CASE(test_getdents)
FS_CASE(test_rename)
FS_CASE(test_dup_fcntl)
FS_CASE(test_pipe)
FS_CASE(test_cwd)
FS_CASE(test_access)
FS_CASE(test_truncate)
FS_CASE(test_fsync)
FS_CASE(test_ioctl)

KTEST_SUITE(fs_syscall, "fs_syscall",
	    { "open", test_open_case },
	    { "openat_dirfd", test_openat_dirfd_case },
	    { "open_flags", test_open_flags_case },
	    { "o_path", test_o_path_case },
	    { "read_write", test_read_write_case },
	    { "pread_pwrite", test_pread_pwrite_case },
	    { "readv_writev", test_readv_writev_case },
	    { "stat", test_stat_case },
	    { "readlink", test_readlink_case },
	    { "mkdir_rmdir", test_mkdir_rmdir_case },
	    { "getdents", test_getdents_case },
	    { "rename", test_rename_case },
	    { "dup_fcntl", test_dup_fcntl_case },
	    { "pipe", test_pipe_case },
	    { "cwd", test_cwd_case },
	    { "access", test_access_case },
	    { "truncate", test_truncate_case },
	    { "fsync", test_fsync_case },
	    { "ioctl", test_ioctl_case });
