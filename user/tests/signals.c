/* SPDX-License-Identifier: MIT */
/*
 * user/tests/signals.c: user signal handlers through the C library:
 * signal, sigaction, sigprocmask, raise and kill.  newlib numbers
 * SIGUSR1, SIGUSR2, SIGCHLD... differently from Linux and lays out
 * sigset_t differently, so every check here goes through user/lib/
 * signal.c's translation and (on x86_64) its SA_RESTORER trampoline.
 *
 * Handlers record what they saw in a small log; the checks compare the
 * log, so output is the same for every libc.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static volatile sig_atomic_t last_sig, chld_seen;
static char trail[16];
static volatile int trail_len;

static void note(char c)
{
	if (trail_len < (int)sizeof(trail) - 1)
		trail[trail_len++] = c;
}

static void on_sig(int sig)
{
	last_sig = sig;
}

static void on_usr1_raise_usr2(int sig)
{
	(void)sig;
	note('1');
	raise(SIGUSR2);		/* blocked by sa_mask: runs after we return */
	note('a');
}

static void on_usr2_note(int sig)
{
	(void)sig;
	note('2');
}

static void on_chld(int sig)
{
	chld_seen = sig == SIGCHLD;
}

static void exit_33(int sig)
{
	(void)sig;
	_exit(33);
}

static void exit_44(int sig)
{
	_exit(sig == SIGSEGV ? 44 : 45);
}

static void test_handlers(void)
{
	struct sigaction sa;

	ok(signal(SIGUSR1, on_sig) == SIG_DFL, "signal() returns SIG_DFL first");
	raise(SIGUSR1);
	ok(last_sig == SIGUSR1, "raise(SIGUSR1) calls the handler with SIGUSR1");
	ok(sigaction(SIGUSR1, NULL, &sa) == 0 && sa.sa_handler == on_sig,
	   "sigaction reports the installed handler");
	signal(SIGUSR2, on_sig);
	kill(getpid(), SIGUSR2);
	ok(last_sig == SIGUSR2, "kill(self, SIGUSR2) delivers SIGUSR2");
	signal(SIGUSR1, SIG_IGN);
	last_sig = 0;
	raise(SIGUSR1);
	ok(last_sig == 0, "SIG_IGN ignores");
	errno = 0;
	ok(signal(SIGKILL, on_sig) == SIG_ERR && errno == EINVAL,
	   "SIGKILL cannot be caught: EINVAL");
}

static void test_masks(void)
{
	sigset_t set, old;
	struct sigaction sa;

	signal(SIGUSR1, on_sig);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	last_sig = 0;
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	ok(last_sig == 0, "a blocked signal waits");
	ok(sigprocmask(SIG_UNBLOCK, &set, &old) == 0 &&
	   sigismember(&old, SIGUSR1) && !sigismember(&old, SIGUSR2) &&
	   last_sig == SIGUSR1, "unblocking delivers it; old mask was right");

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1_raise_usr2;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGUSR2, on_usr2_note);
	raise(SIGUSR1);
	ok(!strcmp(trail, "1a2"), "sa_mask holds SIGUSR2 until the handler returns");
}

static int status_of_child(void (*fn)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(99);
	}
	waitpid(pid, &status, 0);
	return status;
}

static void segfault(void)
{
	int *volatile p = (int *)8;

	signal(SIGSEGV, exit_44);
	*p = 1;
}

static void test_children(void)
{
	int status = -1;
	pid_t pid;

	signal(SIGCHLD, on_chld);
	status = status_of_child(abort);
	ok(chld_seen && WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	   "SIGCHLD handler runs when a child dies");
	signal(SIGCHLD, SIG_DFL);

	signal(SIGTERM, exit_33);	/* inherited by the child */
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 33,
	   "a child's SIGTERM handler runs");
	signal(SIGTERM, SIG_DFL);

	status = status_of_child(segfault);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 44,
	   "a SIGSEGV handler runs on a bad store");
}

int main(void)
{
	plan(12);
	test_handlers();
	test_masks();
	test_children();
	return done();
}
