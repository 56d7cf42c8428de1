/* SPDX-License-Identifier: MIT */
/*
 * user/tests/futex_shared.c: futexes in memory that processes share.
 *
 *   a child waits (FUTEX_WAIT, shared) on an int in a MAP_SHARED |
 *   MAP_ANONYMOUS page it inherited, untouched before the fork; the
 *   parent's FUTEX_WAKE wakes it, and its write reaches the child;
 *   the same through a file both map with MAP_SHARED after the fork, at
 *   different addresses; a private FUTEX_WAKE does not reach a waiter in
 *   another process; FUTEX_WAIT on a changed value is EAGAIN.
 *
 * Runs the same on Linux (host libc) and in anvil; only results print.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#ifndef __NR_futex
#ifdef __x86_64__
#define __NR_futex 202
#else
#define __NR_futex 221
#endif
#endif
#define F_WAIT 0
#define F_WAKE 1
#define F_PRIVATE 128

static long futex(volatile int *uaddr, int op, int val)
{
	return syscall(__NR_futex, uaddr, op, val, NULL, NULL, 0);
}

static void nap(void)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };	/* 10 ms */

	nanosleep(&ts, NULL);
}

/*
 * Wake the child waiting on @word: FUTEX_WAKE with the value unchanged
 * until it wakes one (the child may not be asleep yet; woken with the
 * value still 0, it only goes back to sleep), for about 10 s. Then the
 * value changes and a last wake lets the child go. Returns how many the
 * first successful wake woke (0 if none ever did).
 */
static long wake_one(volatile int *word, int op)
{
	long n = 0;

	for (int i = 0; i < 1000 && n == 0; i++) {
		n = futex(word, op, 1);
		if (n == 0)
			nap();
	}
	*word = 1;
	futex(word, F_WAKE, 1);
	return n;
}

/* In the child: sleep until *word is no longer 0; exit 0 if woken. */
static void wait_for_change(volatile int *word)
{
	/* A lost wake fails this test after 30 s, not the whole run. */
	struct timespec limit = { 30, 0 };

	while (*word == 0) {
		long r = syscall(__NR_futex, word, F_WAIT, 0, &limit, NULL, 0);

		if (r != 0 && errno != EAGAIN && errno != EINTR)
			_exit(2);	/* ETIMEDOUT among them */
	}
	_exit(0);
}

static int reap(pid_t pid)
{
	int status = -1;

	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void shared_anonymous(void)
{
	volatile int *word = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid;

	ok(word != MAP_FAILED, "mmap a shared anonymous page");
	/* Untouched before the fork: it must be shared all the same. */
	pid = fork();
	if (pid == 0)
		wait_for_change(word);
	ok(wake_one(word, F_WAKE) == 1,
	   "FUTEX_WAKE in the parent wakes the child's FUTEX_WAIT");
	ok(reap(pid) == 0, "the child saw the new value and exited");
	munmap((void *)word, 4096);
}

static void shared_file(void)
{
	char path[] = "/tmp/futex_shared.XXXXXX";
	int fd = mkstemp(path), cfd;
	volatile int *word, *other;
	pid_t pid;

	ok(fd >= 0 && ftruncate(fd, 8192) == 0, "a two-page file");
	word = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok(word != MAP_FAILED, "the parent maps it shared");
	word[1024] = 0;		/* the second page */
	pid = fork();
	if (pid == 0) {
		/* A mapping of its own, made after the fork: another VMA,
		 * another address, the same file offset. */
		cfd = open(path, O_RDWR);
		other = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
			     cfd, 4096);
		if (other == MAP_FAILED || other == word + 1024)
			_exit(3);
		wait_for_change(other);
	}
	ok(wake_one(&word[1024], F_WAKE) == 1,
	   "a wake through one mapping of the file reaches a waiter on another");
	ok(reap(pid) == 0, "the child saw the new value and exited");
	munmap((void *)word, 8192);
	close(fd);
	unlink(path);
}

static void private_stays_private(void)
{
	volatile int *word = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long n = 0;
	pid_t pid;

	*word = 0;
	pid = fork();
	if (pid == 0)
		wait_for_change(word);
	for (int i = 0; i < 30; i++) {	/* 300 ms: the child goes to sleep */
		nap();
		n += futex(word, F_WAKE | F_PRIVATE, 1);
	}
	ok(n == 0, "a private FUTEX_WAKE does not reach another process");
	ok(wake_one(word, F_WAKE) == 1, "a shared one does");
	ok(reap(pid) == 0, "and the child exits");
	munmap((void *)word, 4096);
}

static void changed_value_is_eagain(void)
{
	volatile int *word = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	*word = 5;
	errno = 0;
	ok(futex(word, F_WAIT, 4) == -1 && errno == EAGAIN,
	   "FUTEX_WAIT on a value that changed is EAGAIN");
	munmap((void *)word, 4096);
}

int main(void)
{
	plan(11);
	shared_anonymous();
	shared_file();
	private_stays_private();
	changed_value_is_eagain();
	return done();
}
