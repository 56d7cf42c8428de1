/* SPDX-License-Identifier: MIT */
/*
 * user/tests/errno_values.c: each failing call must leave the errno its
 * C library's <errno.h> names.  Against glibc that is Linux's number;
 * against newlib it is newlib's, via user/lib/errno.c's table.  So the
 * same "errno == ENAMETOOLONG" passes on both only if the glue
 * translates.  The codes that differ between the two numberings
 * (ENAMETOOLONG 36/91, ENOTEMPTY 39/90, ENOSYS 38/88) are the point;
 * the ones that agree check that nothing else is lost on the way.
 *
 * Needs a writable current directory (scripts/user-host-test gives it a
 * fresh one).  Output prints names, never numbers, so the two libcs can
 * be compared line by line.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define F	"errno_values.tmp"
#define D	"errno_values.dir"
/* Never mapped (page 0); volatile so the compiler cannot see it. */
static void *volatile bad_ptr = (void *)8;
#define BAD	bad_ptr

/* Run @expr, which must fail with -1 and errno @want. */
#define FAILS(expr, want, what) do {					\
	long __r;							\
	errno = 0;							\
	__r = (long)(expr);						\
	ok(__r == -1 && errno == (want), "%s: %s", what, #want);	\
} while (0)

static void test_bad_pointers(void)
{
	struct stat st;
	int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);

	write(fd, "some data", 9);
	lseek(fd, 0, SEEK_SET);
	FAILS(write(fd, BAD, 4), EFAULT, "write from a bad pointer");
	FAILS(read(fd, BAD, 4), EFAULT, "read into a bad pointer");
	FAILS(stat(BAD, &st), EFAULT, "stat of a bad path pointer");
	FAILS(open(BAD, O_RDONLY), EFAULT, "open of a bad path pointer");
	close(fd);
}

static void test_fds(void)
{
	char c;
	int p[2];

	FAILS(close(-1), EBADF, "close(-1)");
	FAILS(read(999, &c, 1), EBADF, "read from fd 999");
	FAILS(write(999, &c, 1), EBADF, "write to fd 999");
	FAILS(dup2(999, 5), EBADF, "dup2 of fd 999");
	FAILS(fcntl(999, F_GETFD), EBADF, "fcntl on fd 999");
	FAILS(lseek(0x7fff, 0, SEEK_SET), EBADF, "lseek on fd 0x7fff");
	ok(pipe(p) == 0, "pipe");
	FAILS(lseek(p[0], 0, SEEK_SET), ESPIPE, "lseek on a pipe");
	signal(SIGPIPE, SIG_IGN);
	close(p[0]);
	FAILS(write(p[1], "x", 1), EPIPE, "write to a pipe with no reader");
	close(p[1]);
}

static void test_paths(void)
{
	char name[300];
	int fd;

	FAILS(open("no/such/file", O_RDONLY), ENOENT, "open a missing path");
	FAILS(unlink("no-such-file"), ENOENT, "unlink a missing file");
	FAILS(open(F "/x", O_RDONLY), ENOTDIR, "a file used as a directory");
	FAILS(open(".", O_WRONLY), EISDIR, "open a directory for writing");
	FAILS(mkdir(".", 0755), EEXIST, "mkdir an existing name");
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	FAILS(open(name, O_RDONLY), ENAMETOOLONG, "a 299-byte name");
	mkdir(D, 0755);
	fd = open(D "/f", O_WRONLY | O_CREAT, 0644);
	close(fd);
	FAILS(rmdir(D), ENOTEMPTY, "rmdir a non-empty directory");
	FAILS(rmdir(F), ENOTDIR, "rmdir a file");
	unlink(D "/f");
	rmdir(D);
	fd = open(F, O_RDONLY);
	FAILS(lseek(fd, -1, SEEK_SET), EINVAL, "lseek to a negative offset");
	close(fd);
}

/* A text file with the exec bit but no #! line is not an executable. */
static void test_exec(void)
{
	char *argv[] = { F, NULL }, *envp[] = { NULL };
	int fd;

	unlink(F);
	fd = open(F, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, "not an ELF\n", 11);
	close(fd);
	FAILS(execve("./" F, argv, envp), ENOEXEC, "execve a text file");
	FAILS(execve("./no-such-program", argv, envp), ENOENT,
	      "execve a missing file");
	unlink(F);
}

static void test_misc(void)
{
	char buf[2];

	FAILS(getcwd(buf, 1) ? 0 : -1, ERANGE, "getcwd into 1 byte");
	FAILS(waitpid(-1, NULL, WNOHANG), ECHILD, "waitpid with no children");
	FAILS(kill(0x3ffffff0, 0), ESRCH, "kill a pid that cannot exist");
	FAILS(kill(getpid(), 1000), EINVAL, "kill with signal 1000");
	FAILS(syscall(99999), ENOSYS, "system call 99999");
}

int main(void)
{
	plan(29);
	test_bad_pointers();
	test_fds();
	test_paths();
	test_exec();
	test_misc();
	return done();
}
