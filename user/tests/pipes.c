/* SPDX-License-Identifier: MIT */
/*
 * user/tests/pipes.c: pipes between processes, as a shell uses them.
 *
 *   data written at one end comes out at the other, in order, across a
 *   fork; EOF once every writer is closed; a writer with no reader gets
 *   EPIPE (and SIGPIPE, which kills by default); O_NONBLOCK gives EAGAIN;
 *   pipe2(O_CLOEXEC) sets FD_CLOEXEC; dup2 onto stdout redirects a
 *   child's output; a 1 MiB transfer through a 64 KiB pipe arrives whole.
 *
 * Runs the same on Linux (host libc) and in anvil; only results print.
 */
#define _GNU_SOURCE	/* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static void basic(void)
{
	int fd[2];
	char buf[16] = "";

	ok(pipe(fd) == 0, "pipe");
	ok(write(fd[1], "hello", 5) == 5, "write 5 bytes");
	ok(read(fd[0], buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5),
	   "read them back");
	close(fd[1]);
	ok(read(fd[0], buf, sizeof(buf)) == 0, "EOF once the writer closed");
	close(fd[0]);
}

static void across_fork(void)
{
	int fd[2], status;
	char buf[64] = "";
	ssize_t n, got = 0;
	pid_t pid;

	pipe(fd);
	pid = fork();
	if (pid == 0) {
		close(fd[0]);
		write(fd[1], "from the child\n", 15);
		_exit(0);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf + got, sizeof(buf) - 1 - got)) > 0)
		got += n;
	close(fd[0]);
	waitpid(pid, &status, 0);
	ok(got == 15 && !strcmp(buf, "from the child\n"),
	   "a child's write reaches the parent, then EOF");
}

static void broken_pipe(void)
{
	int fd[2], status = 0;
	pid_t pid;

	pipe(fd);
	close(fd[0]);
	signal(SIGPIPE, SIG_IGN);
	errno = 0;
	ok(write(fd[1], "x", 1) == -1 && errno == EPIPE,
	   "no reader: EPIPE (SIGPIPE ignored)");
	signal(SIGPIPE, SIG_DFL);
	pid = fork();
	if (pid == 0) {
		write(fd[1], "x", 1);
		_exit(0);	/* not reached: SIGPIPE kills */
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	   "no reader, SIGPIPE by default: the writer dies of it");
	close(fd[1]);
}

static void nonblocking(void)
{
	int fd[2];
	char c;

	ok(pipe2(fd, O_NONBLOCK) == 0, "pipe2(O_NONBLOCK)");
	errno = 0;
	ok(read(fd[0], &c, 1) == -1 && errno == EAGAIN,
	   "empty, non-blocking: EAGAIN");
	close(fd[0]);
	close(fd[1]);
	ok(pipe2(fd, O_CLOEXEC) == 0 &&
	   (fcntl(fd[0], F_GETFD) & FD_CLOEXEC) &&
	   (fcntl(fd[1], F_GETFD) & FD_CLOEXEC), "pipe2(O_CLOEXEC) sets FD_CLOEXEC");
	close(fd[0]);
	close(fd[1]);
}

static void redirect(void)
{
	int fd[2], status;
	char buf[32] = "";
	pid_t pid;

	pipe(fd);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		printf("redirected\n");
		fflush(stdout);
		_exit(0);
	}
	close(fd[1]);
	read(fd[0], buf, sizeof(buf) - 1);
	close(fd[0]);
	waitpid(pid, &status, 0);
	ok(!strcmp(buf, "redirected\n"), "dup2 onto stdout: the output goes down the pipe");
}

static void big_transfer(void)
{
	enum { TOTAL = 1 << 20, CHUNK = 4096 };
	static unsigned char buf[CHUNK];
	unsigned long sum_in = 0, sum_out = 0;
	long got = 0, n;
	int fd[2], status;
	pid_t pid;

	pipe(fd);
	for (int i = 0; i < TOTAL; i++)
		sum_out += (unsigned char)(i * 7 + 3);
	pid = fork();
	if (pid == 0) {
		close(fd[0]);
		for (int off = 0; off < TOTAL; off += CHUNK) {
			for (int i = 0; i < CHUNK; i++)
				buf[i] = (unsigned char)((off + i) * 7 + 3);
			if (write(fd[1], buf, CHUNK) != CHUNK)
				_exit(1);
		}
		_exit(0);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf, CHUNK)) > 0) {
		for (long i = 0; i < n; i++)
			sum_in += buf[i];
		got += n;
	}
	close(fd[0]);
	waitpid(pid, &status, 0);
	ok(got == TOTAL && sum_in == sum_out && WIFEXITED(status) &&
	   WEXITSTATUS(status) == 0, "1 MiB through a pipe arrives whole");
}

int main(void)
{
	plan(12);
	basic();
	across_fork();
	broken_pipe();
	nonblocking();
	redirect();
	big_transfer();
	return done();
}
