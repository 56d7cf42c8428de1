// SPDX-License-Identifier: MIT
/*
 * tests/kernel/fs_test.c: the VFS and ramfs (fs/), through the in-kernel
 * API the syscalls will wrap. Every case mounts a fresh ramfs and tears
 * it down, so cases never see each other's files.
 *
 *	files		create, write, read, seek, pread, truncate, unlink
 *			while open, holes read as zeros, a file of many pages
 *	dirs		mkdir/rmdir, link counts, getdents64 records and
 *			resuming by cookie
 *	paths		".", "..", repeated slashes, cwd, getcwd, and the
 *			errno of each bad path; symlinks
 *	rename		the Linux cases, including a directory into itself
 *	fds		lowest free fd, dup/dup2/dup3/F_DUPFD, close-on-exec,
 *			EMFILE, growing the table, dup_fd for fork
 *	pipes		two kthreads through a pipe; EOF, EPIPE, EAGAIN
 *	devices		/dev/null and /dev/console
 *	initramfs	a cpio archive built here, unpacked into a fresh root
 *	accounting	a 1 MiB file gives back exactly its pages
 */
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/lockdep.h>
#include <anvil/mm.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/termios.h>

static struct super_block *sb;
static struct fs_struct *fs;

static void mount_fresh(struct ktest *t)
{
	sb = ramfs_mount();
	KTEST_ASSERT_NOT_NULL(t, sb);
	fs = alloc_fs_struct(sb->s_root);
	KTEST_ASSERT_NOT_NULL(t, fs);
}

/* Everything must be closed by now: no inode may outlive the unmount. */
static void unmount(struct ktest *t)
{
	free_fs_struct(fs);
	KTEST_EXPECT_EQ(t, ramfs_kill_sb(sb), 0);
}

static struct file *xopen(const char *path, unsigned int flags)
{
	return do_filp_open(fs, NULL, path, flags, 0644);
}

/* The errno an open fails with, or 0 if it succeeded (file closed). */
static long open_err(const char *path, unsigned int flags)
{
	struct file *f = xopen(path, flags);

	if (IS_ERR(f))
		return PTR_ERR(f);
	fput(f);
	return 0;
}

/* Make @path with @data in it. */
static int put_file(const char *path, const char *data)
{
	struct file *f = xopen(path, O_WRONLY | O_CREAT | O_TRUNC);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	n = kernel_write(f, data, strlen(data), &pos);
	fput(f);
	return n == (ssize_t)strlen(data) ? 0 : -EIO;
}

/* Does @path hold exactly @data? */
static bool file_is(const char *path, const char *data)
{
	static char buf[256];
	struct file *f = xopen(path, O_RDONLY);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return false;
	n = kernel_read(f, buf, sizeof(buf), &pos);
	fput(f);
	return n == (ssize_t)strlen(data) && memcmp(buf, data, n) == 0;
}

static int ren(const char *from, const char *to)
{
	return do_renameat(fs, NULL, from, NULL, to);
}

static int mkd(const char *path)
{
	return do_mkdirat(fs, NULL, path, 0755);
}

static struct kstat st(const char *path)
{
	struct kstat s = { 0 };

	if (vfs_statat(fs, NULL, path, AT_SYMLINK_NOFOLLOW, &s))
		s.mode = 0;
	return s;
}

/* ---- files ------------------------------------------------------------ */

static void file_read_write_seek(struct ktest *t)
{
	char buf[32] = { 0 };
	struct file *f;
	loff_t pos = 2;

	mount_fresh(t);
	f = xopen("/a", O_RDWR | O_CREAT | O_EXCL);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "hello, anvil", 12, &f->f_pos), 12);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 5, &f->f_pos), 5);
	KTEST_EXPECT_TRUE(t, memcmp(buf, "hello", 5) == 0);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -3, SEEK_END), 9);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -100, SEEK_CUR), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, 7), -EINVAL);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 2, &pos), 2); /* pread */
	KTEST_EXPECT_TRUE(t, memcmp(buf, "ll", 2) == 0);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), 3);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), 0);
	KTEST_EXPECT_EQ(t, st("/a").size, 12);
	KTEST_EXPECT_EQ(t, st("/a").mode, S_IFREG | 0644); /* umask 022 */
	KTEST_EXPECT_EQ(t, vfs_fsync(f, 0), 0);
	fput(f);
	/* O_APPEND writes land at the end whatever the position. */
	f = xopen("/a", O_WRONLY | O_APPEND);
	KTEST_EXPECT_EQ(t, kernel_write(f, "!", 1, &f->f_pos), 1);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 1, &pos), -EBADF);
	fput(f);
	KTEST_EXPECT_TRUE(t, file_is("/a", "hello, anvil!"));
	KTEST_EXPECT_EQ(t, open_err("/a", O_WRONLY | O_TRUNC), 0);
	KTEST_EXPECT_EQ(t, st("/a").size, 0);
	unmount(t);
}

static void holes_and_truncate(struct ktest *t)
{
	static char buf[PAGE_SIZE];
	struct file *f;
	loff_t pos = 3 * PAGE_SIZE + 10;
	bool zero = true;

	mount_fresh(t);
	f = xopen("/h", O_RDWR | O_CREAT);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "xyz", 3, &pos), 3);
	KTEST_EXPECT_EQ(t, st("/h").size, 3 * PAGE_SIZE + 13);
	KTEST_EXPECT_EQ(t, st("/h").blocks, PAGE_SIZE / 512); /* one page */
	pos = PAGE_SIZE;
	memset(buf, 0xaa, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, PAGE_SIZE, &pos), PAGE_SIZE);
	for (size_t i = 0; i < PAGE_SIZE; i++)
		zero &= buf[i] == 0;
	KTEST_EXPECT_TRUE(t, zero); /* a hole */
	/* The last byte a file may have: a tall, sparse radix tree. */
	pos = MAX_LFS_FILESIZE - 1;
	KTEST_EXPECT_EQ(t, kernel_write(f, "z", 1, &pos), 1);
	KTEST_EXPECT_EQ(t, kernel_write(f, "z", 1, &pos), -EFBIG);
	KTEST_EXPECT_EQ(t, st("/h").size, MAX_LFS_FILESIZE);
	KTEST_EXPECT_EQ(t, st("/h").blocks, 2 * (PAGE_SIZE / 512));
	pos = MAX_LFS_FILESIZE - 2;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 8, &pos), 2);
	KTEST_EXPECT_TRUE(t, buf[0] == 0 && buf[1] == 'z');
	/* Shrink into the last page, then grow: the cut part reads 0. */
	KTEST_EXPECT_EQ(t, do_ftruncate(f, 3 * PAGE_SIZE + 11), 0);
	KTEST_EXPECT_EQ(t, do_ftruncate(f, 4 * PAGE_SIZE), 0);
	pos = 3 * PAGE_SIZE + 10;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 4);
	KTEST_EXPECT_TRUE(t, memcmp(buf, "x\0\0\0", 4) == 0);
	KTEST_EXPECT_EQ(t, do_ftruncate(f, 0), 0);
	KTEST_EXPECT_EQ(t, st("/h").blocks, 0);
	KTEST_EXPECT_EQ(t, do_ftruncate(f, -1), -EINVAL);
	KTEST_EXPECT_EQ(t, do_ftruncate(f, MAX_LFS_FILESIZE + 1), -EFBIG);
	fput(f);
	f = xopen("/h", O_RDONLY);
	KTEST_EXPECT_EQ(t, do_ftruncate(f, 0), -EINVAL); /* not writable */
	fput(f);
	unmount(t);
}

/* A byte of the test pattern at file offset @i. */
static char pattern(size_t i)
{
	return (char)(i * 7 + i / 4096);
}

static void big_file_spans_pages(struct ktest *t)
{
	const size_t size = SZ_1M + 123;
	static char buf[3000];
	struct file *f;
	size_t off;
	bool same = true;

	mount_fresh(t);
	f = xopen("/big", O_RDWR | O_CREAT);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	for (off = 0; off < size; off += sizeof(buf)) {
		size_t n = min(sizeof(buf), size - off);

		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(off + i);
		KTEST_ASSERT_TRUE(t, kernel_write(f, buf, n, &f->f_pos) ==
					     (ssize_t)n);
	}
	KTEST_EXPECT_EQ(t, st("/big").blocks,
			DIV_ROUND_UP(size, PAGE_SIZE) * (PAGE_SIZE / 512));
	/* Read it back in other pieces, crossing page boundaries. */
	vfs_llseek(f, 0, SEEK_SET);
	for (off = 0; off < size && same; off += 1000) {
		ssize_t n = kernel_read(f, buf, 1000, &f->f_pos);

		KTEST_ASSERT_TRUE(t, n == (ssize_t)min((size_t)1000, size - off));
		for (ssize_t i = 0; i < n; i++)
			same &= buf[i] == pattern(off + i);
	}
	KTEST_EXPECT_TRUE(t, same);
	fput(f);
	unmount(t);
}

static void unlink_while_open(struct ktest *t)
{
	char buf[8];
	struct file *f;
	loff_t pos = 0;

	mount_fresh(t);
	KTEST_ASSERT_TRUE(t, put_file("/gone", "still here") == 0);
	f = xopen("/gone", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "/gone"), 0);
	KTEST_EXPECT_EQ(t, open_err("/gone", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "/gone"), -ENOENT);
	KTEST_EXPECT_EQ(t, atomic_read(&sb->s_nr_inodes), 2);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 5, &pos), 5);
	KTEST_EXPECT_TRUE(t, memcmp(buf, "still", 5) == 0);
	fput(f); /* the last reference: the inode goes now */
	unmount(t);
}

/* ---- directories ------------------------------------------------------ */

/* List @path with getdents64 in @bufsize pieces into "name/type," text. */
static int list_dir(const char *path, size_t bufsize, char *out, size_t outsz)
{
	static u64 buf[64];
	struct file *d = xopen(path, O_RDONLY | O_DIRECTORY);
	size_t used = 0;
	int n;

	if (IS_ERR(d))
		return (int)PTR_ERR(d);
	out[0] = '\0';
	for (;;) {
		struct kvec kv = { buf, min(bufsize, sizeof(buf)) };
		struct iov_iter it;

		iov_iter_kvec(&it, ITER_DEST, &kv, 1, kv.iov_len);
		n = vfs_getdents64(d, &it);
		if (n <= 0)
			break;
		for (int off = 0; off < n;) {
			struct linux_dirent64 *e = (void *)((char *)buf + off);

			used += snprintf(out + used, outsz - used, "%s/%u,",
					 e->d_name, e->d_type);
			if (e->d_reclen % 8 || e->d_reclen == 0)
				n = -EIO;
			off += e->d_reclen ? e->d_reclen : n;
		}
	}
	fput(d);
	return n;
}

/* The next entry's name from an open directory, "" at the end. */
static const char *next_name(struct file *d)
{
	static u64 buf[8];
	struct kvec kv = { buf, 24 }; /* room for one short name only */
	struct iov_iter it;

	iov_iter_kvec(&it, ITER_DEST, &kv, 1, kv.iov_len);
	if (vfs_getdents64(d, &it) <= 0)
		return "";
	return ((struct linux_dirent64 *)buf)->d_name;
}

static void directories_and_getdents(struct ktest *t)
{
	static char list[256];
	struct file *d;

	mount_fresh(t);
	KTEST_EXPECT_EQ(t, mkd("/d"), 0);
	KTEST_EXPECT_EQ(t, put_file("/d/f1", "1"), 0);
	KTEST_EXPECT_EQ(t, put_file("/d/f2", "2"), 0);
	KTEST_EXPECT_EQ(t, do_mkdirat(fs, NULL, "/d/sub", 0700), 0);
	KTEST_EXPECT_EQ(t, st("/d").nlink, 3);
	KTEST_EXPECT_EQ(t, st("/d/sub").mode, S_IFDIR | 0700);
	KTEST_EXPECT_EQ(t, list_dir("/d", 512, list, sizeof(list)), 0);
	KTEST_EXPECT_TRUE(t, strcmp(list, "./4,../4,f1/8,f2/8,sub/4,") == 0);
	/* One record per call gives the same listing. */
	KTEST_EXPECT_EQ(t, list_dir("/d", 24, list, sizeof(list)), 0);
	KTEST_EXPECT_TRUE(t, strcmp(list, "./4,../4,f1/8,f2/8,sub/4,") == 0);
	/* Too small for even one record. */
	KTEST_EXPECT_EQ(t, list_dir("/d", 16, list, sizeof(list)), -EINVAL);
	KTEST_EXPECT_EQ(t, list_dir("/d/f1", 512, list, sizeof(list)),
			-ENOTDIR);
	/*
	 * A listing resumed after changes: the entry already listed and
	 * removed is not missed, the next one is not skipped, and a new
	 * one comes last.
	 */
	d = xopen("/d", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(d));
	KTEST_EXPECT_TRUE(t, strcmp(next_name(d), ".") == 0);
	KTEST_EXPECT_TRUE(t, strcmp(next_name(d), "..") == 0);
	KTEST_EXPECT_TRUE(t, strcmp(next_name(d), "f1") == 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "/d/f1"), 0);
	KTEST_EXPECT_EQ(t, put_file("/d/f3", "3"), 0);
	KTEST_EXPECT_TRUE(t, strcmp(next_name(d), "f2") == 0);
	KTEST_EXPECT_TRUE(t, strcmp(next_name(d), "sub") == 0);
	KTEST_EXPECT_TRUE(t, strcmp(next_name(d), "f3") == 0);
	KTEST_EXPECT_TRUE(t, strcmp(next_name(d), "") == 0);
	KTEST_EXPECT_EQ(t, vfs_llseek(d, 0, SEEK_SET), 0); /* rewinddir */
	KTEST_EXPECT_TRUE(t, strcmp(next_name(d), ".") == 0);
	fput(d);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "/d/f3"), 0);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, NULL, "/d"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, NULL, "/d/f2"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "/d/sub"), -EISDIR);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, NULL, "/d/sub"), 0);
	KTEST_EXPECT_EQ(t, st("/d").nlink, 2);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "/d/f2"), 0);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, NULL, "/d"), 0);
	KTEST_EXPECT_EQ(t, st("/").nlink, 2);
	unmount(t);
}

/* ---- paths ------------------------------------------------------------ */

static void path_edge_cases(struct ktest *t)
{
	static char name[PATH_MAX + 8];
	char cwd[64];

	mount_fresh(t);
	KTEST_ASSERT_TRUE(t, mkd("/a") == 0);
	KTEST_ASSERT_TRUE(t, mkd("a/b/") == 0);
	KTEST_ASSERT_TRUE(t, put_file("//a///b//f", "data") == 0);
	KTEST_EXPECT_TRUE(t, file_is("/a/./b/../b/f", "data"));
	KTEST_EXPECT_TRUE(t, file_is("/../../a/b/f", "data")); /* ".." of / */
	KTEST_EXPECT_EQ(t, st("/a/b/").mode, S_IFDIR | 0755);
	KTEST_EXPECT_EQ(t, do_chdir(fs, "/a/b"), 0);
	KTEST_EXPECT_TRUE(t, file_is("f", "data"));
	KTEST_EXPECT_TRUE(t, file_is("../b/./f", "data"));
	KTEST_EXPECT_EQ(t, vfs_getcwd(fs, cwd, sizeof(cwd)), 5);
	KTEST_EXPECT_TRUE(t, strcmp(cwd, "/a/b") == 0);
	KTEST_EXPECT_EQ(t, vfs_getcwd(fs, cwd, 4), -ERANGE);
	/* The errors. */
	KTEST_EXPECT_EQ(t, open_err("", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err("/nope", O_RDONLY), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err("/nope/f", O_RDONLY | O_CREAT), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err("/a/b/f/x", O_RDONLY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, open_err("/a/b/f/", O_RDONLY), -ENOTDIR);
	KTEST_EXPECT_EQ(t, open_err("/a/b/f", O_RDONLY | O_DIRECTORY),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, open_err("/a", O_WRONLY), -EISDIR);
	KTEST_EXPECT_EQ(t, open_err("/a", O_RDONLY | O_CREAT), -EISDIR);
	KTEST_EXPECT_EQ(t, open_err("/new/", O_RDWR | O_CREAT), -EISDIR);
	KTEST_EXPECT_EQ(t, open_err("f", O_RDWR | O_CREAT | O_EXCL), -EEXIST);
	KTEST_EXPECT_EQ(t, open_err("f", O_ACCMODE), -EINVAL);
	KTEST_EXPECT_EQ(t, mkd("/a"), -EEXIST);
	KTEST_EXPECT_EQ(t, mkd("/"), -EEXIST);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, NULL, "."), -EINVAL);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, NULL, ".."), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, NULL, "/"), -EBUSY);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "f/"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_chdir(fs, "/a/b/f"), -ENOTDIR);
	memset(name, 'n', NAME_MAX + 1);
	name[NAME_MAX + 1] = '\0';
	KTEST_EXPECT_EQ(t, open_err(name, O_RDWR | O_CREAT), -ENAMETOOLONG);
	name[NAME_MAX] = '\0';
	KTEST_EXPECT_EQ(t, open_err(name, O_RDWR | O_CREAT), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, name), 0);
	for (int i = 0; i < PATH_MAX; i += 2)
		memcpy(name + i, "./", 2);
	name[PATH_MAX] = '\0';
	KTEST_EXPECT_EQ(t, open_err(name, O_RDONLY), -ENAMETOOLONG);
	name[PATH_MAX - 2] = '\0';
	KTEST_EXPECT_EQ(t, open_err(name, O_RDONLY), 0); /* "./" * 2047 */
	/* A removed cwd: getcwd and creation say ENOENT. */
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "f"), 0);
	KTEST_EXPECT_EQ(t, do_rmdir(fs, NULL, "/a/b"), 0);
	KTEST_EXPECT_EQ(t, vfs_getcwd(fs, cwd, sizeof(cwd)), -ENOENT);
	KTEST_EXPECT_EQ(t, open_err("x", O_RDWR | O_CREAT), -ENOENT);
	KTEST_EXPECT_EQ(t, do_chdir(fs, "/"), 0);
	unmount(t);
}

static void symlinks(struct ktest *t)
{
	char buf[16];

	mount_fresh(t);
	KTEST_ASSERT_TRUE(t, mkd("/d") == 0);
	KTEST_ASSERT_TRUE(t, put_file("/d/f", "target") == 0);
	KTEST_EXPECT_EQ(t, do_symlinkat(fs, "d/f", NULL, "/l"), 0);
	KTEST_EXPECT_EQ(t, do_symlinkat(fs, "/d", NULL, "/d/up"), 0);
	KTEST_EXPECT_TRUE(t, file_is("/l", "target"));
	KTEST_EXPECT_TRUE(t, file_is("/d/up/up/up/f", "target"));
	KTEST_EXPECT_EQ(t, st("/l").mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(t, st("/l").size, 3);
	KTEST_EXPECT_EQ(t, do_readlinkat(fs, NULL, "/l", buf, sizeof(buf)), 3);
	KTEST_EXPECT_TRUE(t, memcmp(buf, "d/f", 3) == 0);
	KTEST_EXPECT_EQ(t, do_readlinkat(fs, NULL, "/d/f", buf, 4), -EINVAL);
	KTEST_EXPECT_EQ(t, open_err("/l", O_RDONLY | O_NOFOLLOW), -ELOOP);
	KTEST_EXPECT_EQ(t, do_symlinkat(fs, "/loop2", NULL, "/loop1"), 0);
	KTEST_EXPECT_EQ(t, do_symlinkat(fs, "/loop1", NULL, "/loop2"), 0);
	KTEST_EXPECT_EQ(t, open_err("/loop1", O_RDONLY), -ELOOP);
	KTEST_EXPECT_EQ(t, open_err("/loop1", O_RDONLY | O_CREAT), -ELOOP);
	/* O_CREAT through a dangling link makes its target. */
	KTEST_EXPECT_EQ(t, do_symlinkat(fs, "d/new", NULL, "/dangling"), 0);
	KTEST_EXPECT_EQ(t, open_err("/dangling", O_RDWR | O_CREAT), 0);
	KTEST_EXPECT_EQ(t, st("/d/new").mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, open_err("/dangling", O_RDWR | O_CREAT | O_EXCL),
			-EEXIST);
	KTEST_EXPECT_EQ(t, do_symlinkat(fs, "", NULL, "/empty"), -ENOENT);
	KTEST_EXPECT_EQ(t, do_symlinkat(fs, "x", NULL, "/l"), -EEXIST);
	unmount(t);
}

/* ---- rename ----------------------------------------------------------- */

/* A 33-byte name: kept out of line, not in the dentry's d_iname. */
#define LONG_NAME "/e/a-name-longer-than-the-inline-one"

static void rename_cases(struct ktest *t)
{
	unsigned long reports = lockdep_reports;

	mount_fresh(t);
	KTEST_ASSERT_TRUE(t, mkd("/a") == 0);
	KTEST_ASSERT_TRUE(t, mkd("/a/b") == 0);
	KTEST_ASSERT_TRUE(t, mkd("/a/b/c") == 0);
	KTEST_ASSERT_TRUE(t, mkd("/e") == 0);
	KTEST_ASSERT_TRUE(t, put_file("/f", "one") == 0);
	KTEST_ASSERT_TRUE(t, put_file("/g", "two") == 0);
	/* Files: a new name, another directory, over an existing file. */
	KTEST_EXPECT_EQ(t, ren("/f", "/f2"), 0);
	KTEST_EXPECT_TRUE(t, file_is("/f2", "one") && !st("/f").mode);
	KTEST_EXPECT_EQ(t, ren("/f2", "/e/f"), 0);
	KTEST_EXPECT_EQ(t, ren("/g", "/e/f"), 0);
	KTEST_EXPECT_TRUE(t, file_is("/e/f", "two"));
	KTEST_EXPECT_EQ(t, atomic_read(&sb->s_nr_inodes), 6); /* "one" gone */
	KTEST_EXPECT_EQ(t, ren("/e/f", "/e/f"), 0);
	/* A name longer than the inline buffer, there and back. */
	KTEST_EXPECT_EQ(t, ren("/e/f", LONG_NAME), 0);
	KTEST_EXPECT_EQ(t, ren(LONG_NAME, "/e/f"), 0);
	KTEST_EXPECT_TRUE(t, file_is("/e/f", "two"));
	/* Directories. */
	KTEST_EXPECT_EQ(t, ren("/a", "/a/b/c/x"), -EINVAL);
	KTEST_EXPECT_EQ(t, ren("/a", "/a/x"), -EINVAL);
	KTEST_EXPECT_EQ(t, ren("/a/b/c", "/a"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, ren("/e", "/a"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, ren("/a", "/e/f"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ren("/e/f", "/a"), -EISDIR);
	KTEST_EXPECT_EQ(t, ren("/nope", "/x"), -ENOENT);
	KTEST_EXPECT_EQ(t, ren("/e/f/", "/x"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ren("/a/.", "/x"), -EBUSY);
	KTEST_EXPECT_EQ(t, ren("/a", "/x/y"), -ENOENT);
	/* Move c up and over an empty directory; link counts follow. */
	KTEST_ASSERT_TRUE(t, mkd("/empty") == 0);
	KTEST_EXPECT_EQ(t, ren("/a/b/c", "/empty"), 0);
	KTEST_EXPECT_EQ(t, st("/a/b").nlink, 2);
	KTEST_EXPECT_EQ(t, st("/").nlink, 5); /* a, e, empty */
	KTEST_EXPECT_EQ(t, ren("/e", "/a/b/e"), 0);
	KTEST_EXPECT_EQ(t, st("/a/b").nlink, 3);
	KTEST_EXPECT_TRUE(t, file_is("/a/b/e/f", "two"));
	KTEST_EXPECT_EQ(t, do_chdir(fs, "/a/b/e"), 0);
	KTEST_EXPECT_TRUE(t, file_is("../../b/e/f", "two"));
	KTEST_EXPECT_EQ(t, do_chdir(fs, "/"), 0);
	KTEST_EXPECT_EQ(t, lockdep_reports, reports);
	unmount(t);
}

/*
 * Threads on every CPU creating, renaming, listing and removing names in
 * shared directories at once: nothing may be lost or deadlock, and
 * lockdep must find nothing wrong with the directory lock nesting.
 */
#define CHURN_THREADS 4
#define CHURN_ROUNDS 60

static int churn_errors;

static void churn(void *arg)
{
	long id = (long)arg;
	char mine[32], moved[32], dir[32];

	snprintf(mine, sizeof(mine), "/t%ld/f", id);
	snprintf(moved, sizeof(moved), "/shared/f%ld", id);
	snprintf(dir, sizeof(dir), "/shared/d%ld", id);
	for (int i = 0; i < CHURN_ROUNDS; i++) {
		int err = put_file(mine, "x");

		err = err ?: do_renameat(fs, NULL, mine, NULL, moved);
		err = err ?: do_mkdirat(fs, NULL, dir, 0755);
		err = err ?: do_renameat(fs, NULL, moved, NULL, dir);
		/* A file over a directory must fail; move it back instead. */
		err = err == -EISDIR ? do_renameat(fs, NULL, moved, NULL, mine) : -EIO;
		err = err ?: do_rmdir(fs, NULL, dir);
		err = err ?: do_unlinkat(fs, NULL, mine);
		if (err)
			__atomic_add_fetch(&churn_errors, 1, __ATOMIC_RELAXED);
	}
}

static void concurrent_directory_ops(struct ktest *t)
{
	static char list[512];
	unsigned long reports = lockdep_reports;
	struct task_struct *k[CHURN_THREADS];
	char name[16];

	mount_fresh(t);
	KTEST_ASSERT_TRUE(t, mkd("/shared") == 0);
	churn_errors = 0;
	for (long i = 0; i < CHURN_THREADS; i++) {
		snprintf(name, sizeof(name), "/t%ld", i);
		KTEST_ASSERT_TRUE(t, mkd(name) == 0);
	}
	for (long i = 0; i < CHURN_THREADS; i++) {
		k[i] = kthread_run(churn, (void *)i, "fs_churn");
		KTEST_ASSERT_NOT_NULL(t, k[i]);
	}
	for (int i = 0; i < 20; i++)
		KTEST_EXPECT_TRUE(t, list_dir("/shared", 64, list,
					      sizeof(list)) == 0);
	for (int i = 0; i < CHURN_THREADS; i++)
		kthread_join(k[i]);
	KTEST_EXPECT_EQ(t, churn_errors, 0);
	KTEST_EXPECT_EQ(t, list_dir("/shared", 512, list, sizeof(list)), 0);
	KTEST_EXPECT_TRUE(t, strcmp(list, "./4,../4,") == 0);
	KTEST_EXPECT_EQ(t, st("/shared").nlink, 2);
	KTEST_EXPECT_EQ(t, lockdep_reports, reports);
	unmount(t);
}

/* ---- fd tables -------------------------------------------------------- */

static void fd_table_and_dup(struct ktest *t)
{
	struct files_struct *files, *child;
	struct file *f;
	char buf[4];
	int fd, err = 0;

	mount_fresh(t);
	KTEST_ASSERT_TRUE(t, put_file("/f", "abcdef") == 0);
	files = alloc_files_struct();
	KTEST_ASSERT_NOT_NULL(t, files);
	for (int i = 0; i < 3; i++) {
		fd = __alloc_fd(files, 0, 0);
		KTEST_EXPECT_EQ(t, fd, i);
		__fd_install(files, fd, xopen("/f", O_RDWR));
	}
	/* dup shares the file, so the offset too. */
	KTEST_EXPECT_EQ(t, __dup(files, 0), 3);
	f = fget_files(files, 0);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 2, &f->f_pos), 2);
	fput(f);
	f = fget_files(files, 3);
	KTEST_EXPECT_EQ(t, f->f_pos, 2);
	fput(f);
	KTEST_EXPECT_EQ(t, __close_fd(files, 1), 0);
	KTEST_EXPECT_EQ(t, __close_fd(files, 1), -EBADF);
	KTEST_EXPECT_EQ(t, __dup(files, 2), 1); /* the lowest free one */
	KTEST_EXPECT_EQ(t, __dup(files, 99), -EBADF);
	KTEST_EXPECT_EQ(t, __dup2(files, 0, 10), 10);
	KTEST_EXPECT_EQ(t, __dup2(files, 0, 0), 0);
	KTEST_EXPECT_EQ(t, __dup2(files, 7, 7), -EBADF);
	KTEST_EXPECT_EQ(t, __dup2(files, 0, NR_OPEN_MAX), -EBADF);
	KTEST_EXPECT_EQ(t, __dup3(files, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, __dup3(files, 0, 11, O_NONBLOCK), -EINVAL);
	KTEST_EXPECT_EQ(t, __dup3(files, 0, 11, O_CLOEXEC), 11);
	KTEST_EXPECT_TRUE(t, __get_close_on_exec(files, 11));
	KTEST_EXPECT_FALSE(t, __get_close_on_exec(files, 10));
	f = fget_files(files, 0);
	KTEST_EXPECT_EQ(t, __f_dupfd(files, 20, f, 0), 20);
	KTEST_EXPECT_EQ(t, __f_dupfd(files, 200, f, O_CLOEXEC), 200); /* grows */
	KTEST_EXPECT_EQ(t, __f_dupfd(files, NR_OPEN_MAX, f, 0), -EINVAL);
	/* A reserved fd is busy for dup2; the next alloc skips it. */
	fd = __alloc_fd(files, 0, 0);
	KTEST_EXPECT_EQ(t, fd, 4);
	KTEST_EXPECT_EQ(t, __dup2(files, 0, fd), -EBUSY);
	__put_unused_fd(files, fd);
	/* Fork copies, exec closes the close-on-exec ones. */
	child = dup_fd(files, &err);
	KTEST_ASSERT_NOT_NULL(t, child);
	do_close_on_exec(child);
	KTEST_EXPECT_EQ(t, __close_fd(child, 11), -EBADF);
	KTEST_EXPECT_EQ(t, __close_fd(child, 200), -EBADF);
	KTEST_EXPECT_EQ(t, __close_fd(child, 20), 0);
	KTEST_EXPECT_EQ(t, __close_fd(files, 200), 0);
	put_files_struct(child);
	/* EMFILE at the limit. */
	files->nofile = 128;
	while ((fd = __f_dupfd(files, 0, f, 0)) >= 0)
		;
	KTEST_EXPECT_EQ(t, fd, -EMFILE);
	KTEST_EXPECT_EQ(t, __close_fd(files, 100), 0);
	KTEST_EXPECT_EQ(t, __f_dupfd(files, 0, f, 0), 100);
	fput(f);
	put_files_struct(files);
	unmount(t);
}

/* ---- pipes ------------------------------------------------------------ */

#define PIPE_TEST_BYTES (64 * 1024 + 17)

static void pipe_writer(void *arg)
{
	struct file *w = arg;
	char buf[1500];
	size_t off = 0;

	msleep(20); /* let the reader block on an empty pipe first */
	while (off < PIPE_TEST_BYTES) {
		size_t n = min(sizeof(buf), PIPE_TEST_BYTES - off);

		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(off + i);
		if (kernel_write(w, buf, n, NULL) != (ssize_t)n)
			break;
		off += n;
	}
	fput(w); /* the reader sees EOF */
	kthread_exit();
}

static void pipe_between_threads(struct ktest *t)
{
	static char buf[5000];
	struct task_struct *k;
	struct file *p[2];
	size_t total = 0;
	bool same = true;
	ssize_t n;

	vfs_caches_init(); /* no mount in this case */
	KTEST_ASSERT_TRUE(t, do_pipe_flags(p, 0) == 0);
	k = kthread_run(pipe_writer, p[1], "pipe_writer");
	KTEST_ASSERT_NOT_NULL(t, k);
	while ((n = kernel_read(p[0], buf, sizeof(buf), NULL)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			same &= buf[i] == pattern(total + i);
		total += n;
	}
	KTEST_EXPECT_EQ(t, n, 0); /* EOF once the writer closed */
	KTEST_EXPECT_EQ(t, total, PIPE_TEST_BYTES);
	KTEST_EXPECT_TRUE(t, same);
	kthread_join(k);
	fput(p[0]);
}

static void pipe_errors(struct ktest *t)
{
	static char buf[PAGE_SIZE];
	struct file *p[2];
	struct kstat s;

	vfs_caches_init();
	KTEST_EXPECT_EQ(t, do_pipe_flags(p, O_RDWR), -EINVAL);
	KTEST_ASSERT_TRUE(t, do_pipe_flags(p, O_NONBLOCK) == 0);
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, 1, NULL), -EAGAIN);
	KTEST_EXPECT_EQ(t, kernel_write(p[1], buf, 3000, NULL), 3000);
	/* 2000 is atomic: not enough room for all of it, so nothing. */
	KTEST_EXPECT_EQ(t, kernel_write(p[1], buf, 2000, NULL), -EAGAIN);
	KTEST_EXPECT_EQ(t, kernel_write(p[1], buf, 1000, NULL), 1000);
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), NULL), 4000);
	KTEST_EXPECT_EQ(t, kernel_write(p[0], buf, 1, NULL), -EBADF);
	KTEST_EXPECT_EQ(t, kernel_read(p[1], buf, 1, NULL), -EBADF);
	KTEST_EXPECT_EQ(t, vfs_llseek(p[0], 0, SEEK_SET), -ESPIPE);
	KTEST_EXPECT_EQ(t, vfs_fstat(p[0], &s), 0);
	KTEST_EXPECT_TRUE(t, S_ISFIFO(s.mode));
	fput(p[0]); /* no reader left */
	KTEST_EXPECT_EQ(t, kernel_write(p[1], buf, 1, NULL), -EPIPE);
	fput(p[1]);
}

/* ---- devices ---------------------------------------------------------- */

static void dev_null_and_console(struct ktest *t)
{
	static const char msg[] = "        # written to /dev/console\n";
	struct ktermios tio;
	struct winsize ws;
	struct file *f;
	char buf[4];
	loff_t pos = 0;
	ssize_t n;

	mount_fresh(t);
	KTEST_ASSERT_TRUE(t, mkd("/dev") == 0);
	KTEST_EXPECT_EQ(t, do_mknodat(fs, NULL, "/dev/null", S_IFCHR | 0666,
				      MKDEV(MEM_MAJOR, 3)), 0);
	KTEST_EXPECT_EQ(t, do_mknodat(fs, NULL, "/dev/console", S_IFCHR | 0600,
				      MKDEV(TTYAUX_MAJOR, 1)), 0);
	KTEST_EXPECT_EQ(t, do_mknodat(fs, NULL, "/dev/none", S_IFCHR | 0600,
				      MKDEV(42, 42)), 0);
	KTEST_EXPECT_EQ(t, st("/dev/null").rdev, MKDEV(MEM_MAJOR, 3));
	f = xopen("/dev/null", O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "xyz", 3, &pos), 3);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 0);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 5, SEEK_SET), 0);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCGETS, (unsigned long)&tio), -ENOTTY);
	fput(f);
	f = xopen("/dev/console", O_RDWR);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, msg, sizeof(msg) - 1, NULL),
			sizeof(msg) - 1);
	fput(f);
	/*
	 * Nothing typed: end of file while the arch feeds no input, else
	 * "try again" (O_NONBLOCK; drivers/tty has the blocking cases).
	 */
	f = xopen("/dev/console", O_RDWR | O_NONBLOCK);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	n = kernel_read(f, buf, 4, NULL);
	KTEST_EXPECT_TRUE(t, n == 0 || n == -EAGAIN);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCGETS, (unsigned long)&tio), 0);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCGWINSZ, (unsigned long)&ws), 0);
	KTEST_EXPECT_EQ(t, ws.ws_col, 80);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), -ESPIPE);
	fput(f);
	KTEST_EXPECT_EQ(t, open_err("/dev/none", O_RDONLY), -ENXIO);
	unmount(t);
}

/* ---- initramfs -------------------------------------------------------- */

static char archive[2048];

/* One newc entry into @p; returns its length (padded). */
static size_t cpio_entry(char *p, const char *name, u32 mode,
			 const char *data)
{
	size_t nlen = strlen(name) + 1, dlen = strlen(data), n;

	n = snprintf(p, 111, "070701%08x%08x%08x%08x%08x%08x%08zx"
			     "%08x%08x%08x%08x%08zx%08x",
		     1, mode, 0, 0, 1, 0, dlen, 0, 0, 0, 0, nlen, 0);
	memcpy(p + n, name, nlen);
	n = ALIGN(n + nlen, 4);
	memcpy(p + n, data, dlen);
	return ALIGN(n + dlen, 4);
}

static size_t build_archive(void)
{
	size_t n = 0;

	memset(archive, 0, sizeof(archive));
	n += cpio_entry(archive + n, ".", S_IFDIR | 0755, "");
	n += cpio_entry(archive + n, "./etc/motd", S_IFREG | 0640, "hi\n");
	n += cpio_entry(archive + n, "etc", S_IFDIR | 0750, "");
	n += cpio_entry(archive + n, "bin/sh", S_IFREG | 0755, "#!sh");
	n += cpio_entry(archive + n, "bin/ls", S_IFLNK | 0777, "sh");
	n += cpio_entry(archive + n, "dev/tty", S_IFCHR | 0600, "");
	n += cpio_entry(archive + n, "empty", S_IFREG | 0600, "");
	n += cpio_entry(archive + n, "TRAILER!!!", 0, "");
	return n;
}

static void initramfs_unpacks(struct ktest *t)
{
	static char list[256];
	const char *err = NULL;
	size_t len = build_archive();

	mount_fresh(t);
	KTEST_EXPECT_EQ(t, unpack_to_rootfs(sb->s_root, archive, len, &err), 5);
	KTEST_EXPECT_EQ(t, st("/etc").mode, S_IFDIR | 0750);
	KTEST_EXPECT_EQ(t, st("/etc/motd").mode, S_IFREG | 0640);
	KTEST_EXPECT_TRUE(t, file_is("/etc/motd", "hi\n"));
	KTEST_EXPECT_EQ(t, st("/bin").mode, S_IFDIR | 0755); /* made */
	KTEST_EXPECT_TRUE(t, file_is("/bin/ls", "#!sh"));
	KTEST_EXPECT_EQ(t, st("/bin/ls").mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(t, st("/empty").size, 0);
	KTEST_EXPECT_EQ(t, st("/dev/tty").mode, 0); /* skipped */
	KTEST_EXPECT_EQ(t, list_dir("/", 512, list, sizeof(list)), 0);
	KTEST_EXPECT_TRUE(t, strcmp(list, "./4,../4,etc/4,bin/4,empty/8,") == 0);
	unmount(t);
	/* A truncated archive is refused whole. */
	mount_fresh(t);
	KTEST_EXPECT_EQ(t, unpack_to_rootfs(sb->s_root, archive, len - 130,
					    &err), -1);
	KTEST_EXPECT_TRUE(t, err != NULL);
	KTEST_EXPECT_EQ(t, st("/etc").mode, 0);
	unmount(t);
}

/* ---- accounting ------------------------------------------------------- */

static void big_file_returns_its_pages(struct ktest *t)
{
	char *page = (char *)get_zeroed_page(GFP_KERNEL);
	unsigned long before, after;
	struct file *f;

	KTEST_ASSERT_NOT_NULL(t, page);
	shrink_slab(GFP_KERNEL);
	before = nr_free_pages();
	mount_fresh(t);
	f = xopen("/mib", O_RDWR | O_CREAT);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	for (int i = 0; i < 256; i++)
		KTEST_ASSERT_TRUE(t, kernel_write(f, page, PAGE_SIZE,
						  &f->f_pos) == PAGE_SIZE);
	fput(f);
	KTEST_EXPECT_TRUE(t, nr_free_pages() <= before - 256);
	KTEST_EXPECT_EQ(t, do_unlinkat(fs, NULL, "/mib"), 0);
	unmount(t);
	shrink_slab(GFP_KERNEL);
	after = nr_free_pages();
	KTEST_EXPECT_EQ(t, after, before);
	free_page((unsigned long)page);
}

KTEST_SUITE(fs, "fs",
	    KTEST_CASE(file_read_write_seek),
	    KTEST_CASE(holes_and_truncate),
	    KTEST_CASE(big_file_spans_pages),
	    KTEST_CASE(unlink_while_open),
	    KTEST_CASE(directories_and_getdents),
	    KTEST_CASE(path_edge_cases),
	    KTEST_CASE(symlinks),
	    KTEST_CASE(rename_cases),
	    KTEST_CASE(concurrent_directory_ops),
	    KTEST_CASE(fd_table_and_dup),
	    KTEST_CASE(pipe_between_threads),
	    KTEST_CASE(pipe_errors),
	    KTEST_CASE(dev_null_and_console),
	    KTEST_CASE(initramfs_unpacks),
	    KTEST_CASE(big_file_returns_its_pages));
