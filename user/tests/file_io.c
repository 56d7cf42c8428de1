/* SPDX-License-Identifier: MIT */
/*
 * user/tests/file_io.c: files through both the system calls and stdio:
 * open flags (each one newlib numbers differently from Linux), read,
 * write, lseek, pread, fstat/stat (Linux's struct stat converted),
 * fcntl, dup, ftruncate, rename, unlink, and a directory walk.
 *
 * Works in the current directory, which must be writable and must not
 * hold file_io.* already; scripts/user-host-test runs it in a fresh one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"

#define F	"file_io.tmp"
#define F2	"file_io.renamed"
#define D	"file_io.dir"
static const char line1[] = "hello, anvil\n";
static const char line2[] = "second line\n";
#define TOTAL	(sizeof(line1) - 1 + sizeof(line2) - 1)

static void test_create_and_read(void)
{
	char buf[64] = "";
	int fd = open(F, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	ok(fd >= 0, "open O_CREAT|O_TRUNC creates the file");
	ok(write(fd, line1, sizeof(line1) - 1) == sizeof(line1) - 1 &&
	   write(fd, line2, sizeof(line2) - 1) == sizeof(line2) - 1,
	   "two writes");
	ok(close(fd) == 0, "close");
	fd = open(F, O_RDONLY);
	ok(read(fd, buf, sizeof(buf)) == (ssize_t)TOTAL &&
	   !memcmp(buf, line1, sizeof(line1) - 1), "read it back whole");
	ok(read(fd, buf, sizeof(buf)) == 0, "then read returns 0 at EOF");
	ok(lseek(fd, 0, SEEK_CUR) == (off_t)TOTAL, "lseek SEEK_CUR");
	ok(lseek(fd, 7, SEEK_SET) == 7 && read(fd, buf, 5) == 5 &&
	   !memcmp(buf, "anvil", 5), "lseek SEEK_SET then read");
	ok(lseek(fd, -3, SEEK_END) == (off_t)TOTAL - 3, "lseek SEEK_END");
	ok(pread(fd, buf, 5, 7) == 5 && !memcmp(buf, "anvil", 5) &&
	   lseek(fd, 0, SEEK_CUR) == (off_t)TOTAL - 3,
	   "pread leaves the offset alone");
	close(fd);
}

static void test_stat(void)
{
	struct stat st, st2;
	int fd = open(F, O_RDONLY);

	ok(fstat(fd, &st) == 0 && st.st_size == (off_t)TOTAL, "fstat size");
	ok(S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0644,
	   "fstat mode is a regular file, 0644");
	ok(st.st_nlink == 1 && st.st_uid == getuid(), "fstat nlink, uid");
	ok(st.st_mtime > 1000000000 && st.st_blksize > 0,
	   "fstat mtime, blksize are sane");
	ok(stat(F, &st2) == 0 && st2.st_size == st.st_size &&
	   st2.st_ino == st.st_ino && st2.st_mode == st.st_mode,
	   "stat agrees with fstat");
	errno = 0;
	ok(isatty(fd) == 0 && errno == ENOTTY, "isatty on a file: ENOTTY");
	close(fd);
}

static void test_flags(void)
{
	struct stat st;
	int fd = open(F, O_WRONLY | O_APPEND), fd2;

	ok(fd >= 0 && lseek(fd, 0, SEEK_SET) == 0 && write(fd, "tail\n", 5) == 5
	   && fstat(fd, &st) == 0 && st.st_size == (off_t)TOTAL + 5,
	   "O_APPEND writes at the end");
	ok((fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND)) ==
	   (O_WRONLY | O_APPEND), "F_GETFL shows O_WRONLY|O_APPEND");
	ok(fcntl(fd, F_SETFL, O_NONBLOCK) == 0 &&
	   (fcntl(fd, F_GETFL) & (O_APPEND | O_NONBLOCK)) == O_NONBLOCK,
	   "F_SETFL replaces O_APPEND by O_NONBLOCK");
	ok(fcntl(fd, F_GETFD) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 &&
	   fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_SETFD FD_CLOEXEC");
	fd2 = dup(fd);
	ok(fd2 > fd && lseek(fd, 2, SEEK_SET) == 2 &&
	   lseek(fd2, 0, SEEK_CUR) == 2, "dup shares the file offset");
	close(fd2);
	close(fd);
	errno = 0;
	ok(open(F, O_WRONLY | O_CREAT | O_EXCL, 0644) == -1 && errno == EEXIST,
	   "O_CREAT|O_EXCL on an existing file: EEXIST");
	fd = open(F, O_RDWR | O_CLOEXEC);
	ok(fd >= 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC, "O_CLOEXEC sets FD_CLOEXEC");
	ok(ftruncate(fd, 5) == 0 && fstat(fd, &st) == 0 && st.st_size == 5,
	   "ftruncate shrinks");
	close(fd);
	fd = open(F, O_WRONLY | O_TRUNC);
	ok(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0,
	   "O_TRUNC empties");
	close(fd);
}

static void test_stdio(void)
{
	char buf[64] = "";
	FILE *f = fopen(F, "w");

	ok(f && fprintf(f, "%s%d %s\n", "n=", 42, "x") == 7 && fclose(f) == 0,
	   "fopen/fprintf/fclose");
	f = fopen(F, "r");
	ok(f && fgets(buf, sizeof(buf), f) && !strcmp(buf, "n=42 x\n") &&
	   !fgets(buf, sizeof(buf), f) && feof(f), "fgets reads it back");
	if (f)
		fclose(f);
}

/* Count entries named @name in @dir (".", ".." and files). */
static int dir_has(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += !strcmp(e->d_name, name);
	closedir(d);
	return n;
}

static void test_names(void)
{
	struct stat st;
	int fd;

	ok(rename(F, F2) == 0 && stat(F, &st) == -1 && errno == ENOENT &&
	   stat(F2, &st) == 0, "rename");
	ok(unlink(F2) == 0, "unlink");
	errno = 0;
	ok(stat(F2, &st) == -1 && errno == ENOENT, "stat after unlink: ENOENT");
	ok(mkdir(D, 0755) == 0 && stat(D, &st) == 0 && S_ISDIR(st.st_mode),
	   "mkdir makes a directory");
	fd = open(D "/inner", O_WRONLY | O_CREAT, 0600);
	close(fd);
	ok(dir_has(D, ".") == 1 && dir_has(D, "..") == 1 &&
	   dir_has(D, "inner") == 1, "readdir lists ., .. and the file");
	errno = 0;
	ok(rmdir(D) == -1 && errno == ENOTEMPTY, "rmdir non-empty: ENOTEMPTY");
	ok(unlink(D "/inner") == 0 && rmdir(D) == 0, "empty it, rmdir");
}

int main(void)
{
	umask(022);
	plan(33);
	test_create_and_read();
	test_stat();
	test_flags();
	test_stdio();
	test_names();
	return done();
}
