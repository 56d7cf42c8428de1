// SPDX-License-Identifier: MIT
/*
 * tests/host/lib_test.c: lib/vsprintf.c, lib/cpio.c and kernel/params.c on
 * the host, under ASan/UBSan.
 *
 *	vsnprintf	compared with the host C library for every format the
 *			kernel uses, including truncation
 *	cpio		a valid archive reads back; thousands of randomly
 *			corrupted and truncated copies never read out of
 *			bounds (ASan would stop the run) and never loop
 *	params		options reach their handlers; unknown options and bad
 *			values are errors
 *
 * The kernel's snprintf/vsnprintf are renamed at compile time (see the
 * Makefile) so they do not collide with the C library's.
 *
 *	lib_test [SEED]
 */
#include <anvil/cpio.h>
#include <anvil/kernel.h>
#include <anvil/param.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nr_test, nr_fail;

static void ok(bool cond, const char *name)
{
	nr_test++;
	if (!cond)
		nr_fail++;
	printf("%sok %d - %s\n", cond ? "" : "not ", nr_test, name);
}

/* ---- vsnprintf ---- */

static bool same(const char *fmt, ...)
{
	char a[256], b[256];
	va_list ap, aq;
	int na, nb;

	va_start(ap, fmt);
	va_copy(aq, ap);
	na = vsnprintf(a, sizeof(a), fmt, ap); /* the kernel's (renamed) */
	nb = __builtin_vsnprintf(b, sizeof(b), fmt, aq);
	va_end(aq);
	va_end(ap);
	if (na != nb || strcmp(a, b) != 0) {
		printf("# format \"%s\": kernel [%s] (%d), libc [%s] (%d)\n",
		       fmt, a, na, b, nb);
		return false;
	}
	return true;
}

static void test_vsnprintf(void)
{
	bool r = true;
	char buf[8];

	r &= same("%d %i %u %x %X %o", -5, 42, 3000000000u, 0xbeef, 0xbeef, 8);
	r &= same("[%5d][%-5d][%05d][%+d][% d]", 42, 42, 42, 42, 42);
	r &= same("%ld %lu %lx %lld %llu %llx", -1L, 5UL, 0xdeadbeefcafeUL,
		  -9LL, 18446744073709551615ULL, 0x1234ULL);
	r &= same("%zu %zd %zx", (size_t)7, (ssize_t)-7, (size_t)255);
	r &= same("[%s][%10s][%-10s][%.3s][%.*s]", "abc", "abc", "abc",
		  "abcdef", 2, "xyz");
	r &= same("%c%c %% %#x %#lx %.5d %8.3d", 'h', 'i', 255, 0x10UL, 42, 7);
	r &= same("%016lx|%-8x|%*d|%-*d|", 0x1234UL, 0xab, 6, 1, 6, 1);
	r &= same("%d %d", -2147483647 - 1, 2147483647);
	r &= same("%lld", (long long)(-9223372036854775807LL - 1));
	ok(r, "vsnprintf matches the C library");
	ok(snprintf(buf, sizeof(buf), "%s", "hello world") == 11 &&
		   strcmp(buf, "hello w") == 0,
	   "vsnprintf truncates and returns the full length");
	ok(snprintf(NULL, 0, "%d", 12345) == 5, "vsnprintf with size 0");
}

/* ---- cpio ---- */

static size_t put_entry(unsigned char *p, const char *name, const char *data)
{
	size_t nlen = strlen(name) + 1, dlen = strlen(data);
	int n = sprintf((char *)p,
			"070701%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x%08x%08zx%08x",
			1, 0100644, 0, 0, 1, 0, dlen, 0, 0, 0, 0, nlen, 0);

	memcpy(p + n, name, nlen);
	n = (n + nlen + 3) & ~3u;
	memcpy(p + n, data, dlen);
	return (n + dlen + 3) & ~3u;
}

static size_t build_archive(unsigned char *p)
{
	size_t n = 0;

	n += put_entry(p + n, "etc/motd", "hello from anvil\n");
	n += put_entry(p + n, "bin", "");
	n += put_entry(p + n, "bin/sh", "\177ELF not really");
	n += put_entry(p + n, "TRAILER!!!", "");
	return n;
}

/* Walk an archive in a buffer of exactly @len bytes (ASan sees the end). */
static int walk(const unsigned char *src, size_t len, int *files)
{
	unsigned char *copy = malloc(len ? len : 1);
	struct cpio_reader r;
	struct cpio_entry e;
	int ret, guard = 0;

	memcpy(copy, src, len);
	cpio_init(&r, copy, len);
	*files = 0;
	while ((ret = cpio_next(&r, &e)) > 0 && guard++ < 1000) {
		/* Touch every byte the reader hands out. */
		volatile unsigned char sink = 0;

		for (size_t i = 0; i < e.size; i++)
			sink ^= ((const unsigned char *)e.data)[i];
		for (size_t i = 0; i < e.namelen; i++)
			sink ^= e.name[i];
		(void)sink;
		(*files)++;
	}
	free(copy);
	return guard >= 1000 ? -2 : ret;
}

static void test_cpio(unsigned int seed)
{
	unsigned char good[1024] = { 0 }, bad[1024];
	size_t len = build_archive(good);
	int files, ret;
	bool all_rejected = true, no_loops = true;

	ret = walk(good, len, &files);
	ok(ret == 0 && files == 3, "cpio reads a valid archive");

	for (size_t cut = 0; cut + 4 <= len - 4; cut++)
		if (walk(good, cut, &files) != -1)
			all_rejected = false;
	ok(all_rejected, "cpio rejects every truncation");

	srand(seed);
	for (int i = 0; i < 20000; i++) {
		size_t n = len;

		memcpy(bad, good, len);
		for (int k = rand() % 4 + 1; k > 0; k--)
			bad[rand() % len] = (unsigned char)rand();
		if (rand() % 3 == 0)
			n = rand() % len;
		if (walk(bad, n, &files) == -2)
			no_loops = false;
	}
	ok(no_loops, "cpio survives 20000 random corruptions (ASan-clean)");
}

/* ---- params ---- */

static int seen_level = -1;
static bool seen_flag;

static int set_level(const char *val)
{
	char *end;

	if (!val)
		return -1;
	seen_level = (int)strtoul(val, &end, 10);
	return *end ? -1 : 0;
}
kernel_param("test.level", set_level, "a number");

static int set_flag(const char *val)
{
	if (val)
		return -1;
	seen_flag = true;
	return 0;
}
kernel_param("test.flag", set_flag, "a bare flag");

static char quoted[64];
static int set_quoted(const char *val)
{
	snprintf(quoted, sizeof(quoted), "%s", val ? val : "");
	return 0;
}
kernel_param("test.str", set_quoted, "a string");

static void test_params(void)
{
	ok(parse_kernel_params("  test.level=5 test.flag  test.str=\"a b\" ") &&
		   seen_level == 5 && seen_flag && strcmp(quoted, "a b") == 0,
	   "params reach their handlers, quotes keep spaces");
	ok(parse_kernel_params(""), "an empty command line is fine");
	ok(!parse_kernel_params("test.levle=5"), "an unknown option is an error");
	ok(!parse_kernel_params("test.level=five"), "a bad value is an error");
	ok(!parse_kernel_params("test.flag=1"), "a value for a bare flag is an error");
	ok(parse_kernel_params("BOOT_IMAGE=/boot/anvil.elf"),
	   "the boot loader's BOOT_IMAGE is ignored");
}

int main(int argc, char **argv)
{
	unsigned int seed = argc > 1 ? (unsigned int)strtoul(argv[1], NULL, 0)
				     : 12345;

	printf("# lib_test seed %u\n", seed);
	test_vsnprintf();
	test_cpio(seed);
	test_params();
	printf("1..%d\n", nr_test);
	return nr_fail ? 1 : 0;
}
