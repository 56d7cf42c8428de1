/* SPDX-License-Identifier: MIT */
/*
 * user/tests/alarm.c: alarm(2), setitimer(2) and getitimer(2) with
 * ITIMER_REAL.
 *
 *   alarm returns what the previous alarm had left, rounded to seconds,
 *   and 0 cancels; an alarm delivers SIGALRM to a handler and ends a
 *   pause(); getitimer shows an armed timer counting down and a disarmed
 *   one as zeros; an interval timer rings again and again until it is
 *   disarmed; a forked child does not inherit the parent's alarm; bad
 *   arguments are EINVAL.
 *
 * Runs the same on Linux (host libc) and in anvil; only results print.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static volatile int rings;

static void on_alarm(int sig)
{
	(void)sig;
	rings++;
}

static void alarm_returns_what_was_left(void)
{
	ok(alarm(5) == 0, "alarm(5) with none pending returns 0");
	ok(alarm(3) == 5, "alarm(3) returns the 5 s left");
	ok(alarm(0) == 3, "alarm(0) cancels and returns the 3 s left");
	ok(alarm(0) == 0, "and then nothing is left");
}

static void alarm_rings(void)
{
	signal(SIGALRM, on_alarm);
	rings = 0;
	alarm(1);
	errno = 0;
	ok(pause() == -1 && errno == EINTR, "an alarm ends pause() with EINTR");
	ok(rings == 1, "the SIGALRM handler ran once");
}

static void getitimer_counts_down(void)
{
	struct itimerval v = { { 0, 0 }, { 2, 0 } }, now;

	ok(setitimer(ITIMER_REAL, &v, NULL) == 0, "setitimer: 2 s");
	ok(getitimer(ITIMER_REAL, &now) == 0 && now.it_value.tv_sec <= 2 &&
		   (now.it_value.tv_sec || now.it_value.tv_usec) &&
		   !now.it_interval.tv_sec && !now.it_interval.tv_usec,
	   "getitimer: armed, at most 2 s left, no interval");
	memset(&v, 0, sizeof(v));
	ok(setitimer(ITIMER_REAL, &v, &now) == 0 && now.it_value.tv_sec <= 2,
	   "disarming returns the old value");
	ok(getitimer(ITIMER_REAL, &now) == 0 && !now.it_value.tv_sec &&
		   !now.it_value.tv_usec,
	   "getitimer: disarmed is zeros");
}

static void interval_repeats(void)
{
	struct itimerval v = { { 0, 50000 }, { 0, 50000 } }, off = { 0 };

	signal(SIGALRM, on_alarm);
	rings = 0;
	setitimer(ITIMER_REAL, &v, NULL);
	while (rings < 3)
		pause();
	setitimer(ITIMER_REAL, &off, NULL);
	ok(rings == 3, "a 50 ms interval timer rang 3 times, then was disarmed");
}

static void fork_does_not_inherit(void)
{
	int status = -1;
	pid_t pid;

	alarm(10);
	pid = fork();
	if (pid == 0)
		_exit(alarm(0) == 0 ? 0 : 1);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "a forked child has no alarm pending");
	ok(alarm(0) > 0, "the parent's is still there");
}

static void bad_arguments(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 1000000 } }, now;

	errno = 0;
	ok(setitimer(ITIMER_REAL, &v, NULL) == -1 && errno == EINVAL,
	   "tv_usec of a million is EINVAL");
	errno = 0;
	ok(getitimer(99, &now) == -1 && errno == EINVAL,
	   "an unknown timer is EINVAL");
}

int main(void)
{
	plan(15);
	alarm_returns_what_was_left();
	alarm_rings();
	getitimer_counts_down();
	interval_repeats();
	fork_does_not_inherit();
	bad_arguments();
	return done();
}
