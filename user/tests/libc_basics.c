/* SPDX-License-Identifier: MIT */
/*
 * user/tests/libc_basics.c: the C library parts that lean on the glue
 * and the start-up code: constructors and atexit (crt0 + crt.c),
 * printf's integer and floating formats, malloc growing and shrinking
 * the heap (sbrk on brk), aligned_alloc (posix_memalign), setjmp and
 * longjmp across frames (newlib's ppc64 setjmp is replaced at build
 * time), the clocks, anonymous mmap/mprotect/mremap, and sysconf.
 *
 * Nothing printed depends on the libc, so the host build's output is
 * the same line for line.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

static int constructed;

static void __attribute__((constructor)) before_main(void)
{
	constructed = 42;
}

static void test_printf(void)
{
	char buf[128];

	ok(constructed == 42, "a constructor ran before main");
	snprintf(buf, sizeof(buf), "%d %5s|%-3d|%x %#o %lld %zu", -7, "ab", 5,
		 255, 8, -1234567890123LL, (size_t)99);
	ok(!strcmp(buf, "-7    ab|5  |ff 010 -1234567890123 99"),
	   "integer and string formats");
	snprintf(buf, sizeof(buf), "%.3f %e %g %.0f", 3.14159, 12345.678,
		 0.0001, 2.5);
	ok(!strcmp(buf, "3.142 1.234568e+04 0.0001 2"),
	   "floating point formats");
	ok(strtod("-2.5e3", NULL) == -2500.0 && strtol("0x7f", NULL, 16) == 127,
	   "strtod, strtol");
}

static void test_malloc(void)
{
	size_t big = 8 << 20;
	char *p = malloc(big), *q;
	void *a = NULL;
	int i, ok1 = 1;

	ok(p != NULL, "malloc 8 MiB");
	if (p) {
		memset(p, 0x5a, big);
		ok(p[0] == 0x5a && p[big - 1] == 0x5a, "all of it is writable");
	} else {
		ok(0, "all of it is writable");
	}
	q = realloc(p, 16 << 20);
	ok(q && q[big - 1] == 0x5a, "realloc to 16 MiB keeps the contents");
	free(q);
	for (i = 0; i < 1000; i++) {
		char *s = malloc(i + 1);

		ok1 &= s != NULL;
		free(s);
	}
	ok(ok1, "1000 small malloc/free pairs");
	a = aligned_alloc(256, 1000);
	ok(a && ((uintptr_t)a & 255) == 0, "aligned_alloc(256)");
	free(a);
	ok(posix_memalign(&a, 3, 10) != 0, "posix_memalign rejects 3");
}

static jmp_buf env;
static volatile int depth_reached;

static void dive(int depth)
{
	volatile char pad[64];

	pad[0] = (char)depth;
	if (depth == 10) {
		depth_reached = pad[0];
		longjmp(env, 7);
	}
	if (depth < 100)	/* always; tells gcc the recursion ends */
		dive(depth + 1);
	pad[1] = 0;	/* not reached; keeps the frame from being a tail call */
}

static void test_setjmp(void)
{
	volatile double kept = 1.5;
	int r = setjmp(env);

	if (r == 0) {
		kept = 2.5;
		dive(0);
	}
	ok(r == 7 && depth_reached == 10, "longjmp out of 10 frames returns 7");
	ok(kept == 2.5, "a volatile local survives");
	r = setjmp(env);
	if (r == 0)
		longjmp(env, 0);
	ok(r == 1, "longjmp(env, 0) returns 1");
}

static void test_time(void)
{
	struct timespec a, b, d = { 0, 2000000 };

	ok(time(NULL) > 1500000000, "time() is after 2017");
	ok(clock_gettime(CLOCK_MONOTONIC, &a) == 0 && nanosleep(&d, NULL) == 0
	   && clock_gettime(CLOCK_MONOTONIC, &b) == 0 &&
	   (b.tv_sec - a.tv_sec) * 1000000000L + b.tv_nsec - a.tv_nsec >= 2000000,
	   "nanosleep(2 ms) advances CLOCK_MONOTONIC by >= 2 ms");
	ok(clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec > 1500000000,
	   "CLOCK_REALTIME is wall time");
	ok(sysconf(_SC_CLK_TCK) > 0 && sysconf(_SC_PAGESIZE) == getpagesize(),
	   "sysconf CLK_TCK and PAGESIZE");
}

static void test_mmap(void)
{
	size_t pg = getpagesize();
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *q;

	ok(p != MAP_FAILED && p[0] == 0 && p[4 * pg - 1] == 0,
	   "anonymous mmap is zero-filled");
	p[0] = 'x';
	/* Before mprotect: mremap must see one VMA, not a split one. */
	q = mremap(p, 4 * pg, 8 * pg, MREMAP_MAYMOVE);
	ok(q != MAP_FAILED && q[0] == 'x' && q[8 * pg - 1] == 0,
	   "mremap grows the mapping");
	ok(mprotect(q, pg, PROT_READ) == 0 && q[0] == 'x',
	   "mprotect to read-only keeps the data");
	ok(munmap(q, 8 * pg) == 0, "munmap");
}

int main(void)
{
	plan(21);
	test_printf();
	test_malloc();
	test_setjmp();
	test_time();
	test_mmap();
	return done();
}
