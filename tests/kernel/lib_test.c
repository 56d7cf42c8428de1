// SPDX-License-Identifier: MIT
/*
 * tests/kernel/lib_test.c: the pieces backtraces and the initrd rely on:
 * symbol lookup, %pS formatting, and the bounds-checked cpio reader.
 */
#include <anvil/boot.h>
#include <anvil/cpio.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/string.h>

static void kallsyms_finds_functions(struct ktest *t)
{
	unsigned long addr = kallsyms_lookup_name("start_kernel");
	unsigned long off = 99;
	const char *name;

	KTEST_ASSERT_TRUE(t, addr != 0);
	name = kallsyms_lookup(addr, &off);
	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_TRUE(t, strcmp(name, "start_kernel") == 0);
	KTEST_EXPECT_EQ(t, off, 0);
	KTEST_EXPECT_TRUE(t, kallsyms_lookup(0x1000, &off) == NULL);
}

static void printk_formats_symbols(struct ktest *t)
{
	char buf[96];
	unsigned long addr = kallsyms_lookup_name("start_kernel");

	snprintf(buf, sizeof(buf), "%pS", (void *)(addr + 0x10));
	KTEST_EXPECT_TRUE(t, strcmp(buf, "start_kernel+0x10") == 0);
	snprintf(buf, sizeof(buf), "[%5d|%-4s|%08lx|%llu]", -42, "ab",
		 0xbeefUL, 18446744073709551615ULL);
	KTEST_EXPECT_TRUE(t,
		strcmp(buf, "[  -42|ab  |0000beef|18446744073709551615]") == 0);
	KTEST_EXPECT_EQ(t, snprintf(buf, 4, "%s", "truncated"), 9);
	KTEST_EXPECT_TRUE(t, strcmp(buf, "tru") == 0);
}

/* Build one newc entry into @p; returns bytes written. */
static size_t put_entry(char *p, const char *name, const char *data)
{
	size_t nlen = strlen(name) + 1, dlen = strlen(data), n;

	n = snprintf(p, 111, "070701%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x%08x%08zx%08x",
		     1, 0100644, 0, 0, 1, 0, dlen, 0, 0, 0, 0, nlen, 0);
	memcpy(p + n, name, nlen);
	n = ALIGN(n + nlen, 4);
	memcpy(p + n, data, dlen);
	return ALIGN(n + dlen, 4);
}

static char archive[1024];

static size_t build_archive(void)
{
	size_t n = 0;

	memset(archive, 0, sizeof(archive));
	n += put_entry(archive + n, "etc/hello", "hello, anvil\n");
	n += put_entry(archive + n, "bin", "");
	n += put_entry(archive + n, "TRAILER!!!", "");
	return n;
}

static int count_entries(size_t len, struct cpio_reader *r)
{
	struct cpio_entry e;
	int files = 0, ret;

	cpio_init(r, archive, len);
	while ((ret = cpio_next(r, &e)) > 0)
		files++;
	return ret < 0 ? -1 : files;
}

static void cpio_reads_archive(struct ktest *t)
{
	struct cpio_reader r;
	struct cpio_entry e;
	size_t len = build_archive();

	KTEST_EXPECT_EQ(t, count_entries(len, &r), 2);
	cpio_init(&r, archive, len);
	KTEST_ASSERT_TRUE(t, cpio_next(&r, &e) == 1);
	KTEST_EXPECT_EQ(t, e.size, 13);
	KTEST_EXPECT_TRUE(t, memcmp(e.data, "hello, anvil\n", 13) == 0);
	KTEST_EXPECT_TRUE(t, e.namelen == 9 && memcmp(e.name, "etc/hello", 9) == 0);
}

static void cpio_rejects_truncated_and_corrupt(struct ktest *t)
{
	struct cpio_reader r;
	size_t len = build_archive();

	/* Every truncation point is an error, never a read past the end. */
	for (size_t cut = 0; cut < len - 4; cut++)
		if (count_entries(cut, &r) != -1) {
			ktest_fail(t, __FILE__, __LINE__,
				   "archive cut at %zu was accepted", cut);
			break;
		}
	archive[0] = 'X';
	KTEST_EXPECT_EQ(t, count_entries(len, &r), -1);
	KTEST_EXPECT_TRUE(t, r.error != NULL);
	build_archive();
	archive[6 + 8 * 6] = 'z'; /* filesize field not hex */
	KTEST_EXPECT_EQ(t, count_entries(len, &r), -1);
	build_archive();
	archive[6 + 8 * 6] = 'f'; /* filesize far past the end */
	KTEST_EXPECT_EQ(t, count_entries(len, &r), -1);
}

KTEST_SUITE(lib, "lib",
	    KTEST_CASE(kallsyms_finds_functions),
	    KTEST_CASE(printk_formats_symbols),
	    KTEST_CASE(cpio_reads_archive),
	    KTEST_CASE(cpio_rejects_truncated_and_corrupt));
