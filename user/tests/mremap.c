/* SPDX-License-Identifier: MIT */
/*
 * user/tests/mremap.c: the calls that reshape or advise on mappings:
 * mremap (shrink, grow in place, move with MREMAP_MAYMOVE, MREMAP_FIXED
 * replacing what was there, MREMAP_DONTUNMAP), madvise (MADV_DONTNEED
 * zeroing, the harmless advice, MADV_FREE, MADV_DONTFORK/DOFORK across
 * fork), mincore (residency) and msync, with each errno Linux documents
 * for them.
 *
 * Pages are filled with a pattern and checked byte by byte after every
 * move, so "data preserved" means every byte. Whether a range is mapped
 * is asked of mincore (ENOMEM for a hole), never by touching it.
 *
 * scripts/user-host-test runs the ppc64 build under qemu-user on an x86
 * host, and qemu (7.2) answers a few of these calls itself, unlike any
 * kernel: madvise accepts unknown advice and ranges with holes without
 * acting, ignores MADV_DONTFORK, mincore and mremap say ENOMEM for some
 * arguments Linux calls EINVAL, and the range MREMAP_DONTUNMAP leaves
 * behind counts as unmapped. Only those checks (EMU_OK below)
 * accept qemu's answer, and only when the program runs on an x86 CPU
 * without being x86 code; natively on Linux and inside anvil they are
 * enforced. The output is the same either way.
 */
#define _GNU_SOURCE	/* glibc: mremap, MREMAP_*, MADV_FREE */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static size_t pg;
static int emulated;

/* A condition that qemu-user does not meet (see the top). */
#define EMU_OK(c) ((c) || emulated)

/* Run @expr, which must fail with -1 (or MAP_FAILED) and errno @want. */
#define FAILS(expr, want) ({						\
	long __r;							\
	errno = 0;							\
	__r = (long)(expr);						\
	__r == -1 && errno == (want);					\
})

static int under_emulator(void)
{
#ifdef __x86_64__
	return 0;
#else
	struct utsname u;
	char line[128];
	int x86 = 0;
	FILE *f;

	if (uname(&u) || strcmp(u.sysname, "Linux"))
		return 0;
	f = fopen("/proc/cpuinfo", "r");
	if (!f)
		return 0;
	while (!x86 && fgets(line, sizeof(line), f))
		x86 = !strncmp(line, "vendor_id", 9);
	fclose(f);
	return x86;
#endif
}

static char *map(size_t pages)
{
	char *p = mmap(NULL, pages * pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Page i of @p gets the byte seed + i everywhere. */
static void fill(char *p, size_t pages, int seed)
{
	for (size_t i = 0; i < pages; i++)
		memset(p + i * pg, seed + (int)i, pg);
}

/* Does every byte of page i hold seed + i (seed -1: zero)? */
static int holds(const char *p, size_t pages, int seed)
{
	for (size_t i = 0; i < pages; i++) {
		char want = seed < 0 ? 0 : (char)(seed + (int)i);

		for (size_t b = 0; b < pg; b++)
			if (p[i * pg + b] != want)
				return 0;
	}
	return 1;
}

static int mapped(const void *p, size_t pages)
{
	unsigned char vec[64];

	return mincore((void *)p, pages * pg, vec) == 0;
}

static int unmapped(const void *p, size_t pages)
{
	unsigned char vec[64];

	return FAILS(mincore((void *)p, pages * pg, vec), ENOMEM);
}

static void test_mremap_resize(void)
{
	char *p = map(8), *q;

	fill(p, 8, 10);
	q = mremap(p, 8 * pg, 3 * pg, 0);
	ok(q == p && holds(p, 3, 10) && unmapped(p + 3 * pg, 5),
	   "mremap shrinks in place: the data stays, the tail is unmapped");
	q = mremap(p, 3 * pg, 6 * pg, 0);
	ok(q == p && holds(p, 3, 10) && holds(p + 3 * pg, 3, -1),
	   "mremap grows in place into free room: zero-filled, data kept");
	ok(mremap(p, 6 * pg, 6 * pg, 0) == p && holds(p, 3, 10),
	   "mremap to the same size changes nothing");
	munmap(p, 6 * pg);

	p = map(8);
	fill(p, 8, 20);
	/* A read-only tail is another VMA: no room to grow any more. */
	mprotect(p + 6 * pg, 2 * pg, PROT_READ);
	ok(FAILS(mremap(p, 6 * pg, 8 * pg, 0), ENOMEM) && holds(p, 8, 20),
	   "growing into another mapping without MREMAP_MAYMOVE: ENOMEM");
	q = mremap(p, 6 * pg, 10 * pg, MREMAP_MAYMOVE);
	ok(q != MAP_FAILED && q != p && holds(q, 6, 20) &&
	   holds(q + 6 * pg, 4, -1),
	   "MREMAP_MAYMOVE moves it: every byte there, the new part zero");
	ok(unmapped(p, 6) && mapped(p + 6 * pg, 2) && holds(p + 6 * pg, 2, 26),
	   "the old range is gone, the mapping after it untouched");
	munmap(p + 6 * pg, 2 * pg);
	munmap(q, 10 * pg);
}

static void test_mremap_fixed(void)
{
	char *p = map(4), *d = map(8), *t = map(6), *q;

	fill(p, 4, 30);
	fill(d, 8, 50);
	fill(t, 6, 60);
	q = mremap(p, 4 * pg, 4 * pg, MREMAP_MAYMOVE | MREMAP_FIXED,
		   d + 2 * pg);
	ok(q == d + 2 * pg && holds(q, 4, 30),
	   "MREMAP_FIXED moves to the address asked, data and all");
	ok(holds(d, 2, 50) && holds(d + 6 * pg, 2, 56) && unmapped(p, 4),
	   "it replaced only the target range, and the old range is gone");
	q = mremap(d + 2 * pg, 4 * pg, 6 * pg, MREMAP_MAYMOVE | MREMAP_FIXED,
		   t);
	ok(q == t && holds(t, 4, 30) && holds(t + 4 * pg, 2, -1) &&
	   unmapped(d + 2 * pg, 4),
	   "MREMAP_FIXED can grow while it moves");
	ok(FAILS(mremap(d, 2 * pg, 2 * pg, MREMAP_FIXED, t), EINVAL),
	   "MREMAP_FIXED without MREMAP_MAYMOVE: EINVAL");
	ok(FAILS(mremap(t, 4 * pg, 4 * pg, MREMAP_MAYMOVE | MREMAP_FIXED,
			t + 2 * pg), EINVAL) && holds(t, 4, 30),
	   "MREMAP_FIXED onto an overlapping range: EINVAL, nothing moved");
	ok(FAILS(mremap(t, pg, pg, MREMAP_MAYMOVE | MREMAP_FIXED, d + 1),
		 EINVAL), "MREMAP_FIXED to an unaligned address: EINVAL");
	munmap(t, 6 * pg);
	munmap(d, 8 * pg);
}

static void test_mremap_dontunmap(void)
{
	char *p = map(4);
	long r;

	fill(p, 4, 70);
	/* Raw: glibc's wrapper passes junk as new_addr unless MREMAP_FIXED. */
	r = syscall(__NR_mremap, p, 2 * pg, 2 * pg,
		    MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	ok(r != -1 && (char *)r != p && holds((char *)r, 2, 70),
	   "MREMAP_DONTUNMAP moves the pages");
	ok(EMU_OK(mapped(p, 4) && holds(p, 2, -1) && holds(p + 2 * pg, 2, 72)),
	   "and leaves the old range mapped, reading zeroes");
	ok(FAILS(mremap(p, pg, pg, MREMAP_DONTUNMAP), EINVAL),
	   "MREMAP_DONTUNMAP without MREMAP_MAYMOVE: EINVAL");
	ok(FAILS(syscall(__NR_mremap, p, pg, 2 * pg,
			 MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0), EINVAL),
	   "MREMAP_DONTUNMAP with a new size: EINVAL");
	if (r != -1)
		munmap((char *)r, 2 * pg);
	munmap(p, 4 * pg);
}

static void test_mremap_errors(void)
{
	char *p = map(8), *hole = map(1);

	munmap(hole, pg);
	mprotect(p + 4 * pg, 4 * pg, PROT_READ);	/* two VMAs */
	ok(FAILS(mremap(p + 1, pg, 2 * pg, MREMAP_MAYMOVE), EINVAL),
	   "mremap of an unaligned address: EINVAL");
	ok(FAILS(mremap(p, pg, 2 * pg, 8), EINVAL),
	   "mremap with an unknown flag: EINVAL");
	ok(EMU_OK(FAILS(mremap(p, pg, 0, 0), EINVAL)),
	   "mremap to length 0: EINVAL");
	ok(EMU_OK(FAILS(mremap(p, 0, pg, MREMAP_MAYMOVE), EINVAL)),
	   "mremap of length 0 of a private mapping: EINVAL");
	ok(FAILS(mremap(hole, pg, 2 * pg, MREMAP_MAYMOVE), EFAULT),
	   "mremap of an unmapped address: EFAULT");
	ok(FAILS(mremap(p, 6 * pg, 7 * pg, MREMAP_MAYMOVE), EFAULT),
	   "growing a range that spans two mappings: EFAULT");
	munmap(p, 8 * pg);
}

static void test_madvise(void)
{
	unsigned char vec[4];
	char *p = map(4), *h;
	int st = -1;
	pid_t pid;

	fill(p, 4, 80);
	ok(madvise(p + pg, 2 * pg, MADV_DONTNEED) == 0 &&
	   mincore(p, 4 * pg, vec) == 0 && vec[0] == 1 && !(vec[1] & 1) &&
	   !(vec[2] & 1) && vec[3] == 1,
	   "MADV_DONTNEED drops the pages: mincore says not resident");
	ok(holds(p + pg, 2, -1) && holds(p, 1, 80) && holds(p + 3 * pg, 1, 83),
	   "after MADV_DONTNEED they read as zeroes, the others keep data");
	p[pg] = 1;
	ok(p[pg] == 1 && p[pg + 1] == 0 && p[2 * pg - 1] == 0,
	   "a write after MADV_DONTNEED gets a fresh zeroed page");
	fill(p, 4, 90);
	ok(madvise(p, 4 * pg, MADV_NORMAL) == 0 &&
	   madvise(p, 4 * pg, MADV_RANDOM) == 0 &&
	   madvise(p, 4 * pg, MADV_SEQUENTIAL) == 0 &&
	   madvise(p, 4 * pg, MADV_WILLNEED) == 0 && holds(p, 4, 90),
	   "NORMAL, RANDOM, SEQUENTIAL, WILLNEED: accepted, data kept");
	ok(madvise(p, 4 * pg, MADV_FREE) == 0, "MADV_FREE is accepted");
	ok(madvise(p, 0, MADV_DONTNEED) == 0, "madvise of length 0: nothing");

	fill(p, 4, 100);
	ok(madvise(p, pg, MADV_DONTFORK) == 0, "MADV_DONTFORK");
	pid = fork();
	if (pid == 0)
		_exit(unmapped(p, 1) && mapped(p + pg, 3) &&
		      holds(p + pg, 3, 101) ? 0 : 1);
	waitpid(pid, &st, 0);
	ok(EMU_OK(WIFEXITED(st) && WEXITSTATUS(st) == 0),
	   "a child of fork does not get a MADV_DONTFORK page");
	ok(madvise(p, pg, MADV_DOFORK) == 0, "MADV_DOFORK");
	pid = fork();
	if (pid == 0)
		_exit(mapped(p, 4) && holds(p, 4, 100) ? 0 : 1);
	st = -1;
	waitpid(pid, &st, 0);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	   "after MADV_DOFORK the child gets it again");

	ok(FAILS(madvise(p + 1, pg, MADV_DONTNEED), EINVAL),
	   "madvise of an unaligned address: EINVAL");
	ok(EMU_OK(FAILS(madvise(p, pg, 12345), EINVAL)),
	   "madvise with unknown advice: EINVAL");
	munmap(p, 4 * pg);

	h = map(3);
	fill(h, 3, 110);
	munmap(h + pg, pg);
	ok(EMU_OK(FAILS(madvise(h, 3 * pg, MADV_DONTNEED), ENOMEM) &&
		  holds(h, 1, -1) && holds(h + 2 * pg, 1, -1)),
	   "madvise over a hole: ENOMEM, and the mapped parts were done");
	munmap(h, 3 * pg);
}

static void test_mincore(void)
{
	unsigned char vec[4] = { 9, 9, 9, 9 };
	char *p = map(4);
	volatile char c;

	p[0] = 1;
	c = p[2 * pg];
	(void)c;
	ok(mincore(p, 4 * pg, vec) == 0 && vec[0] == 1 && vec[1] == 0 &&
	   vec[2] == 1 && vec[3] == 0,
	   "mincore: written and read pages resident, untouched ones not");
	vec[1] = vec[2] = 9;
	ok(mincore(p, pg + 1, vec) == 0 && vec[0] == 1 && vec[1] == 0 &&
	   vec[2] == 9,
	   "a partial last page counts as a page");
	munmap(p + 3 * pg, pg);
	ok(FAILS(mincore(p + 3 * pg, pg, vec), ENOMEM),
	   "mincore of an unmapped page: ENOMEM");
	ok(FAILS(mincore(p, 4 * pg, vec), ENOMEM),
	   "mincore of a range partly unmapped: ENOMEM");
	ok(EMU_OK(FAILS(mincore(p + 1, pg, vec), EINVAL)),
	   "mincore of an unaligned address: EINVAL");
	ok(FAILS(mincore(p, pg, NULL), EFAULT),
	   "mincore into a bad vector: EFAULT");
	munmap(p, 3 * pg);
}

static void test_msync(void)
{
	char *p = map(4);

	munmap(p + 3 * pg, pg);
	ok(msync(p, 3 * pg, MS_SYNC) == 0 && msync(p, 3 * pg, MS_ASYNC) == 0 &&
	   msync(p, 3 * pg, MS_INVALIDATE) == 0 && msync(p, 3 * pg, 0) == 0,
	   "msync of anonymous memory: MS_SYNC, MS_ASYNC, MS_INVALIDATE, 0");
	ok(FAILS(msync(p, pg, 8), EINVAL),
	   "msync with an unknown flag: EINVAL");
	ok(FAILS(msync(p, pg, MS_SYNC | MS_ASYNC), EINVAL),
	   "msync with MS_SYNC and MS_ASYNC: EINVAL");
	ok(FAILS(msync(p + 1, pg, MS_SYNC), EINVAL),
	   "msync of an unaligned address: EINVAL");
	ok(FAILS(msync(p, 4 * pg, MS_SYNC), ENOMEM) &&
	   FAILS(msync(p, 4 * pg, MS_ASYNC), ENOMEM),
	   "msync of a range partly unmapped: ENOMEM");
	munmap(p, 3 * pg);
}

int main(void)
{
	pg = getpagesize();
	emulated = under_emulator();
	plan(46);
	test_mremap_resize();
	test_mremap_fixed();
	test_mremap_dontunmap();
	test_mremap_errors();
	test_madvise();
	test_mincore();
	test_msync();
	return done();
}
