/* SPDX-License-Identifier: MIT */
/*
 * user/tests/clone3.c: clone3(2), the call glibc's pthread_create makes.
 *
 *   a struct clone_args shorter than version 0 is EINVAL, one longer
 *   than a page E2BIG, and a longer one with a non-zero byte past the
 *   fields the kernel knows E2BIG too; an exit signal in the flags, or a
 *   stack without a size, is EINVAL; flags 0 with exit_signal SIGCHLD is
 *   a fork, whatever the pidfd field holds without CLONE_PIDFD (glibc
 *   fills it for threads): the child sees 0, the parent its pid, and
 *   wait reports the child's exit status.
 *
 * Runs the same on Linux (host libc) and in anvil; only results print.
 * user-host: native-only (qemu-user has no clone3)
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#ifndef __NR_clone3
#define __NR_clone3 435
#endif
/* The struct goes to the kernel as is: Linux's number, whatever the C
 * library's SIGCHLD is (newlib's is 20). */
#define LINUX_SIGCHLD 17

struct clone_args_v0 {	/* Linux's first version: 64 bytes */
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack,
		stack_size, tls;
};

static long clone3(const void *args, size_t size)
{
	return syscall(__NR_clone3, args, size);
}

static int fails_with(long r, int err)
{
	return r == -1 && errno == err;
}

int main(void)
{
	static unsigned char big[128];
	struct clone_args_v0 a;
	int status = -1;
	long pid;

	plan(7);
	memset(&a, 0, sizeof(a));
	a.exit_signal = LINUX_SIGCHLD;
	ok(fails_with(clone3(&a, 32), EINVAL), "a struct shorter than 64 bytes is EINVAL");
	ok(fails_with(clone3(big, 8192), E2BIG), "one longer than a page is E2BIG");
	memcpy(big, &a, sizeof(a));
	big[100] = 1;
	ok(fails_with(clone3(big, sizeof(big)), E2BIG),
	   "a non-zero byte past the known fields is E2BIG");
	a.flags = LINUX_SIGCHLD;
	ok(fails_with(clone3(&a, sizeof(a)), EINVAL),
	   "an exit signal in the flags is EINVAL");
	a.flags = 0;
	a.stack = (uintptr_t)big;
	ok(fails_with(clone3(&a, sizeof(a)), EINVAL),
	   "a stack without a size is EINVAL");
	a.stack = 0;
	/* glibc fills pidfd without CLONE_PIDFD: it means nothing then. */
	a.pidfd = (uintptr_t)&status;
	fflush(stdout);
	pid = clone3(&a, sizeof(a));
	if (pid == 0)
		_exit(7);
	ok(pid > 0, "flags 0 and SIGCHLD (and a pidfd field, no CLONE_PIDFD): a fork");
	ok(waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status) &&
		   WEXITSTATUS(status) == 7,
	   "wait reports the child's status");
	return done();
}
