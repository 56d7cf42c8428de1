/* SPDX-License-Identifier: MIT */
/*
 * user/tests/exit_status.c: how a process ends and what its parent sees:
 * exit codes, exit() running atexit handlers and flushing stdio, _exit()
 * doing neither, death by signal (including the signals newlib numbers
 * differently from Linux: SIGUSR1, SIGBUS), WNOHANG, ECHILD.
 *
 * Each case forks a child; the parent waits and checks the status with
 * the <sys/wait.h> macros.  The program itself exits with 0 when every
 * check passed (scripts/user-host-test compares exit codes too).
 * Children that die of SIGSEGV/SIGABRT may leave a core file if core
 * dumps are on; the runner turns them off.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static int child_pipe = -1;

/* Fork; the child runs @fn and exits with its result.  Returns the status. */
static int run_child(int (*fn)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		exit(fn());
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static int exit0(void)  { return 0; }
static int exit1(void)  { return 1; }
static int exit42(void) { exit(42); }
static int exit255(void) { return 255; }
static int exit256(void) { exit(256); }		/* only 8 bits survive */
static int quick_exit7(void) { _exit(7); }
static int term(void)   { raise(SIGTERM); return 99; }
static int usr1(void)   { kill(getpid(), SIGUSR1); return 99; }
static int bus(void)    { raise(SIGBUS); return 99; }
static int killed(void) { raise(SIGKILL); return 99; }
static int aborts(void) { abort(); }

static int segv(void)
{
	int *volatile p = (int *)8;	/* volatile: no compile-time warning */

	*p = 1;
	return 99;
}

static int exited_with(int status, int code)
{
	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

static int killed_by(int status, int sig)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

static void test_exit_codes(void)
{
	ok(exited_with(run_child(exit0), 0), "return 0 from the child");
	ok(exited_with(run_child(exit1), 1), "return 1");
	ok(exited_with(run_child(exit42), 42), "exit(42)");
	ok(exited_with(run_child(exit255), 255), "exit code 255");
	ok(exited_with(run_child(exit256), 0), "exit(256) is 0");
	ok(exited_with(run_child(quick_exit7), 7), "_exit(7)");
}

static void test_signals(void)
{
	ok(killed_by(run_child(term), SIGTERM), "raise(SIGTERM) kills");
	ok(killed_by(run_child(usr1), SIGUSR1), "kill(self, SIGUSR1) kills");
	ok(killed_by(run_child(bus), SIGBUS), "raise(SIGBUS) kills");
	ok(killed_by(run_child(killed), SIGKILL), "raise(SIGKILL) kills");
	ok(killed_by(run_child(aborts), SIGABRT), "abort() is SIGABRT");
	ok(killed_by(run_child(segv), SIGSEGV), "a bad store is SIGSEGV");
}

static void say_bye(void)
{
	write(child_pipe, "atexit;", 7);
}

/* Output left in stdio's buffer: exit() flushes it, _exit() does not. */
static int buffered_then_exit(void)
{
	atexit(say_bye);
	dup2(child_pipe, 1);
	printf("flushed;");
	exit(3);
}

static int buffered_then__exit(void)
{
	atexit(say_bye);
	dup2(child_pipe, 1);
	printf("lost;");
	_exit(4);
}

/* Run @fn with stdout and child_pipe on a pipe; return what it wrote. */
static int capture(int (*fn)(void), char *buf, size_t n, int *status)
{
	int p[2];
	ssize_t got, len = 0;

	fflush(stdout);
	if (pipe(p) < 0)
		return -1;
	child_pipe = p[1];
	*status = run_child(fn);
	close(p[1]);
	while ((got = read(p[0], buf + len, n - 1 - len)) > 0)
		len += got;
	close(p[0]);
	buf[len] = '\0';
	return 0;
}

static void test_exit_vs__exit(void)
{
	char buf[64];
	int status;

	capture(buffered_then_exit, buf, sizeof(buf), &status);
	ok(exited_with(status, 3) && !strcmp(buf, "atexit;flushed;"),
	   "exit() runs atexit handlers, then flushes stdio");
	capture(buffered_then__exit, buf, sizeof(buf), &status);
	ok(exited_with(status, 4) && buf[0] == '\0',
	   "_exit() runs neither");
}

static void test_wait(void)
{
	int p[2], status = -1;
	char c;
	pid_t pid;

	pipe(p);
	pid = fork();
	if (pid == 0) {		/* wait for the parent to close the pipe */
		close(p[1]);
		read(p[0], &c, 1);
		_exit(5);
	}
	close(p[0]);
	ok(waitpid(pid, &status, WNOHANG) == 0, "WNOHANG on a live child: 0");
	close(p[1]);
	ok(waitpid(pid, &status, 0) == pid && exited_with(status, 5),
	   "then it exits and is reaped");
	errno = 0;
	ok(wait(&status) == -1 && errno == ECHILD, "no children left: ECHILD");
}

int main(void)
{
	plan(17);
	test_exit_codes();
	test_signals();
	test_exit_vs__exit();
	test_wait();
	return done();
}
