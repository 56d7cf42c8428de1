/* SPDX-License-Identifier: MIT */
/*
 * user/tests/stack.c: the main stack grows down on demand.
 *
 * A program starts with a stack mapping sized for its arguments plus a
 * little (anvil: a quarter of RLIMIT_STACK plus 128 KiB, like Linux's
 * initial stack); touching below it must grow it, up to RLIMIT_STACK
 * (8 MiB by default), as a deep recursion does. Threads' stacks are
 * ordinary mappings and do not grow; this is the main one.
 *
 * Runs the same on Linux (host libc) and in anvil; only results print.
 */
#include <string.h>

#include "tap.h"

/* Recurse @depth frames of about 1 KiB each; return a checksum. */
static unsigned long deep(int depth)
{
	volatile unsigned char frame[1000];
	unsigned long sum;

	memset((void *)frame, depth & 0xff, sizeof(frame));
	if (depth == 0)
		return frame[10];
	sum = deep(depth - 1);
	return sum + frame[depth % sizeof(frame)];
}

int main(void)
{
	unsigned long want = 0;

	/* (RLIMIT_STACK must be 4 MiB or more: Linux's default is 8.) */
	plan(2);
	for (int d = 0; d <= 3000; d++)
		want += d & 0xff;
	ok(deep(3000) == want, "a 3 MB deep recursion: the stack grew");
	ok(deep(3000) == want, "and again, on the pages it grew into");
	return done();
}
