/* SPDX-License-Identifier: MIT */
/*
 * user/tests/exec_wait.c: execve and the process tree.
 *
 *   execve passes argv and envp exactly (the program re-executes itself
 *   with "child" arguments and reports back through its exit status and
 *   a pipe); the pid survives execve; close-on-exec descriptors close and
 *   the others stay; a missing program is ENOENT, a directory EACCES;
 *   vfork + exec; wait4 by pid, -1, WNOHANG, ECHILD; getppid in a child
 *   is the parent's pid; fork's copy of memory is private to each side.
 *
 * Runs the same on Linux (host libc) and in anvil; only results print.
 * It executes itself, which qemu-user cannot do for a foreign arch
 * without binfmt_misc, so scripts/user-host-test runs it natively only:
 * user-host: native-exec
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static const char *self;

/* The re-executed child: check what it was given, say so by status. */
static int child_main(int argc, char **argv, char **envp)
{
	int fd;

	if (argc != 5 || strcmp(argv[2], "two words") || argv[3][0] != '\0')
		return 10;
	if (!envp[0] || strcmp(envp[0], "K=v") || !envp[1] ||
	    strcmp(envp[1], "E=") || envp[2])
		return 11;
	if (atoi(argv[4]) != getpid())
		return 12;	/* execve keeps the pid */
	fd = 3;
	if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
		return 13;	/* fd 3 was close-on-exec */
	if (fcntl(4, F_GETFD) == -1)
		return 14;	/* fd 4 was not */
	return 42;
}

static void exec_self(void)
{
	char pidbuf[16];
	int status = -1, a, b;
	pid_t pid;

	/* fd 3 close-on-exec, fd 4 not (both /dev/null) */
	a = open("/dev/null", O_RDONLY | O_CLOEXEC);
	b = open("/dev/null", O_RDONLY);
	if (a != 3 || b != 4) {
		dup2(a, 3);
		dup2(b, 4);
		fcntl(3, F_SETFD, FD_CLOEXEC);
		fcntl(4, F_SETFD, 0);
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *envp[] = { "K=v", "E=", NULL };
		char *argv[] = { (char *)self, "child", "two words", "",
				 pidbuf, NULL };

		snprintf(pidbuf, sizeof(pidbuf), "%d", (int)getpid());
		execve(self, argv, envp);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	   "execve: argv, envp, pid and close-on-exec as given (child said %d)",
	   WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	close(3);
	close(4);
}

static void exec_errors(void)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };

	errno = 0;
	ok(execve("/no/such/program", argv, envp) == -1 && errno == ENOENT,
	   "execve of a missing file: ENOENT");
	errno = 0;
	ok(execve("/", argv, envp) == -1 && errno == EACCES,
	   "execve of a directory: EACCES");
	errno = 0;
	ok(execve("/dev/null", argv, envp) == -1 && errno == EACCES,
	   "execve of a device: EACCES");
}

static void vfork_exec(void)
{
	int status = -1;
	pid_t pid;
	char *argv[] = { (char *)self, "exit7", NULL }, *envp[] = { NULL };

	pid = vfork();
	if (pid == 0) {
		execve(self, argv, envp);
		_exit(98);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 7, "vfork, then exec");
}

static void waiting(void)
{
	int status = -1, shared = 1;
	pid_t a, b, r;

	errno = 0;
	ok(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD,
	   "no children: ECHILD");
	a = fork();
	if (a == 0) {
		shared = 2;	/* our copy only */
		_exit(getppid() > 1 ? 3 : 4);
	}
	b = fork();
	if (b == 0) {
		pause();	/* until killed */
		_exit(0);
	}
	r = waitpid(a, &status, 0);
	ok(r == a && WIFEXITED(status) && WEXITSTATUS(status) == 3,
	   "wait for one child by pid; its getppid was ours");
	ok(shared == 1, "the child's write to its copy did not reach us");
	ok(waitpid(b, &status, WNOHANG) == 0, "WNOHANG on a live child: 0");
	kill(b, SIGKILL);
	r = wait(&status);
	ok(r == b && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	   "wait(-1) reaps the killed one");
	errno = 0;
	ok(wait(&status) == -1 && errno == ECHILD, "then none is left: ECHILD");
}

int main(int argc, char **argv, char **envp)
{
	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "child"))
		return child_main(argc, argv, envp);
	if (argc > 1 && !strcmp(argv[1], "exit7"))
		return 7;
	plan(11);
	exec_self();
	exec_errors();
	vfork_exec();
	waiting();
	return done();
}
