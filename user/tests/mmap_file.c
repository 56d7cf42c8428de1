/* SPDX-License-Identifier: MIT */
/*
 * user/tests/mmap_file.c: mappings of a regular file. The mapping shows
 * the file's bytes (zeros past the end, inside the last page); a
 * MAP_PRIVATE write stays private; a MAP_SHARED write is what read()
 * returns, and what a forked child shares; after ftruncate shrinks the
 * file, touching a page wholly past the new end is SIGBUS (in a child);
 * and each errno mmap gives for a file that cannot be mapped so.
 *
 * Works in the current directory, which must be writable and must not
 * hold mmap_file.tmp already; scripts/user-host-test runs it in a fresh
 * one. Nothing printed depends on the page size.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define F "mmap_file.tmp"

static size_t pg;

/* Byte @i of the file as first written: page p is 'a' + p. */
static char pattern(size_t i)
{
	return (char)('a' + i / pg);
}

/* Run @expr, which must fail with MAP_FAILED (or -1) and errno @want. */
#define FAILS(expr, want) ({						\
	long __r;							\
	errno = 0;							\
	__r = (long)(expr);						\
	__r == -1 && errno == (want);					\
})

/* F: two full pages and 100 bytes. */
static int make_file(void)
{
	static char buf[256];
	size_t size = 2 * pg + 100, n;
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);

	for (size_t i = 0; fd >= 0 && i < size; i += n) {
		/* pg is a multiple of the buffer: each run is one page's. */
		n = size - i < sizeof(buf) ? size - i : sizeof(buf);
		memset(buf, pattern(i), n);
		if (write(fd, buf, n) != (ssize_t)n)
			return -1;
	}
	return fd;
}

static int same_as_file(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != pattern(i))
			return 0;
	return 1;
}

static char file_byte(int fd, off_t off)
{
	char c = 0;

	return pread(fd, &c, 1, off) == 1 ? c : 0;
}

/* The status a child that reads @p gets: its exit code, or its signal. */
static int touch_in_child(volatile const char *p)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		(void)*p;
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	if (WIFSIGNALED(status))
		return 1000 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static void test_read_and_write(int fd)
{
	size_t size = 2 * pg + 100;
	char *s, *p, *o;
	int zeros = 1;

	s = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ok(s != MAP_FAILED && p != MAP_FAILED, "mmap shared and private");
	if (s == MAP_FAILED || p == MAP_FAILED)
		return;
	ok(same_as_file(s, size) && same_as_file(p, size),
	   "both mappings show the file's bytes");
	for (size_t i = size; i < 3 * pg; i++)
		zeros &= s[i] == 0;
	ok(zeros, "the last page reads as zeros past the end of the file");

	p[1] = 'P';
	p[pg] = 'Q';
	ok(file_byte(fd, 1) == 'a' && file_byte(fd, pg) == 'b' &&
	   s[1] == 'a' && s[pg] == 'b',
	   "a private write is seen neither by read() nor the shared mapping");
	ok(p[1] == 'P' && p[pg] == 'Q' && p[2] == 'a',
	   "the private mapping keeps its own copy");

	s[5] = 'S';
	s[2 * pg + 3] = 'T';
	ok(file_byte(fd, 5) == 'S' && file_byte(fd, 2 * pg + 3) == 'T',
	   "a shared write is what read() returns");
	ok(pwrite(fd, "W", 1, 6) == 1 && s[6] == 'W',
	   "write() shows through the shared mapping");
	ok(msync(s, 3 * pg, MS_SYNC) == 0 && msync(s, pg, MS_ASYNC) == 0,
	   "msync on a shared file mapping");

	o = mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, pg);
	ok(o != MAP_FAILED && o[0] == 'b' && o[pg - 1] == 'b',
	   "a mapping at an offset starts at that page");
	if (o != MAP_FAILED)
		munmap(o, pg);

	if (fork() == 0) {
		s[7] = 'C';
		_exit(0);
	}
	wait(NULL);
	ok(s[7] == 'C' && file_byte(fd, 7) == 'C',
	   "a forked child writes to the same shared pages");
	ok(munmap(p, 3 * pg) == 0 && munmap(s, 3 * pg) == 0, "munmap both");
}

static void test_truncate(int fd)
{
	char *s = mmap(NULL, 3 * pg, PROT_READ, MAP_SHARED, fd, 0);

	ok(s != MAP_FAILED, "mmap three pages");
	if (s == MAP_FAILED)
		return;
	ok(touch_in_child(s + 2 * pg) == 0, "the last page can be read");
	ok(ftruncate(fd, pg + 10) == 0, "ftruncate to a page and 10 bytes");
	ok(touch_in_child(s + 2 * pg) == 1000 + SIGBUS,
	   "a page past the new end: SIGBUS");
	ok(touch_in_child(s + pg + 20) == 0 && s[pg + 9] == 'b' &&
	   s[pg + 10] == 0,
	   "the page holding the new end stays, zeros past it");
	ok(ftruncate(fd, 3 * pg) == 0 && touch_in_child(s + 2 * pg) == 0 &&
	   s[2 * pg] == 0,
	   "grown again: the page is back, as zeros");
	munmap(s, 3 * pg);
}

static void test_errors(int fd)
{
	int ro = open(F, O_RDONLY), wo = open(F, O_WRONLY), pfd[2];
	char *p;

	ok(FAILS(mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0),
		 EACCES),
	   "shared writable mapping of an O_RDONLY fd: EACCES");
	p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	ok(p != MAP_FAILED, "private writable mapping of an O_RDONLY fd");
	if (p != MAP_FAILED)
		munmap(p, pg);
	p = mmap(NULL, pg, PROT_READ, MAP_SHARED, ro, 0);
	ok(p != MAP_FAILED &&
	   FAILS(mprotect(p, pg, PROT_READ | PROT_WRITE), EACCES),
	   "mprotect cannot make that shared mapping writable: EACCES");
	if (p != MAP_FAILED)
		munmap(p, pg);
	ok(FAILS(mmap(NULL, pg, PROT_READ, MAP_PRIVATE, wo, 0), EACCES),
	   "any mapping of an O_WRONLY fd: EACCES");
	ok(FAILS(mmap(NULL, pg, PROT_READ, MAP_PRIVATE, -1, 0), EBADF),
	   "a bad fd: EBADF");
	close(wo);
	ok(FAILS(mmap(NULL, pg, PROT_READ, MAP_PRIVATE, wo, 0), EBADF),
	   "a closed fd: EBADF");
	ok(FAILS(mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 1), EINVAL),
	   "an offset that is not page-aligned: EINVAL");
	ok(pipe(pfd) == 0 &&
	   FAILS(mmap(NULL, pg, PROT_READ, MAP_PRIVATE, pfd[0], 0), ENODEV),
	   "a pipe: ENODEV");
	close(pfd[0]);
	close(pfd[1]);
	close(ro);
}

int main(void)
{
	int fd;

	pg = (size_t)sysconf(_SC_PAGESIZE);
	plan(27);
	fd = make_file();
	ok(fd >= 0, "write a file of two pages and a bit");
	if (fd < 0)
		return done();
	test_read_and_write(fd);
	test_truncate(fd);
	test_errors(fd);
	close(fd);
	ok(unlink(F) == 0, "unlink it");
	return done();
}
