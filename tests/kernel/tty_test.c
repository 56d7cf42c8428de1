// SPDX-License-Identifier: MIT
/*
 * tests/kernel/tty_test.c: the console's line discipline
 * (drivers/tty/n_tty.c), driven from both ends: bytes go in through
 * console_receive(), as the UART's interrupt would send them, and come
 * out of a /dev/console opened in a fresh ramfs, through kernel_read().
 * tty_test_begin() gives each case default settings, empty buffers and
 * input "attached" (so reads wait), and catches the echo instead of
 * printing it, so cases can check that too.
 *
 *	lines		one line per read, a line split over reads, ICRNL
 *	editing		erase (DEL and BS), kill, word erase, tabs, ^X echo
 *	eof		^D on an empty line, ^D after text
 *	signals		^C discards the line and echoes "^C"
 *	settings	TCGETS/TCSETS, raw mode, VMIN 0, TCSETSF, pgrp
 *	blocking	O_NONBLOCK, a sleeping reader woken by a line and
 *			interrupted by a signal (-ERESTARTSYS)
 *	overflow	a line longer than the buffer keeps its end
 */
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/sched.h>
#include <anvil/string.h>
#include <anvil/termios.h>
#include <anvil/tty.h>

static char echoed[8192];
static size_t echo_len;		/* [the tty's lock: the hook runs under it] */

static void catch_echo(const char *buf, size_t len)
{
	size_t n = min(len, sizeof(echoed) - echo_len);

	memcpy(echoed + echo_len, buf, n);
	WRITE_ONCE(echo_len, echo_len + n);
}

static struct super_block *sb;
static struct fs_struct *fs;

/* A fresh ramfs with /dev/console in it, opened with @flags. */
static struct file *open_console(struct ktest *t, unsigned int flags)
{
	struct file *f;

	sb = ramfs_mount();
	KTEST_ASSERT_NOT_NULL(t, sb);
	fs = alloc_fs_struct(sb->s_root);
	KTEST_ASSERT_NOT_NULL(t, fs);
	KTEST_ASSERT_TRUE(t, do_mkdirat(fs, NULL, "/dev", 0755) == 0);
	KTEST_ASSERT_TRUE(t, do_mknodat(fs, NULL, "/dev/console",
					S_IFCHR | 0600,
					MKDEV(TTYAUX_MAJOR, 1)) == 0);
	f = do_filp_open(fs, NULL, "/dev/console", flags, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	echo_len = 0;
	tty_test_begin(catch_echo);
	return f;
}

static void close_console(struct ktest *t, struct file *f)
{
	tty_test_end();
	fput(f);
	free_fs_struct(fs);
	KTEST_EXPECT_EQ(t, ramfs_kill_sb(sb), 0);
}

static void type(const char *s)
{
	console_receive(s, strlen(s));
}

/* Read once into a static buffer, NUL-terminated; the count or errno. */
static char got[8192];

static ssize_t read_once(struct file *f, size_t n)
{
	ssize_t r;

	memset(got, 0, sizeof(got));
	r = kernel_read(f, got, min(n, sizeof(got) - 1), NULL);
	return r;
}

/* Does one read of up to @n bytes return exactly @want? */
static bool reads(struct file *f, size_t n, const char *want)
{
	ssize_t r = read_once(f, n);

	return r == (ssize_t)strlen(want) && !memcmp(got, want, r);
}

static bool echo_is(const char *want)
{
	return echo_len == strlen(want) && !memcmp(echoed, want, echo_len);
}

/* Wait (up to 2 s) until the tty thread has echoed @n bytes in all. */
static bool wait_echo(size_t n)
{
	for (int i = 0; i < 2000 && READ_ONCE(echo_len) < n; i++)
		msleep(1);
	return READ_ONCE(echo_len) >= n;
}

static void set_termios(struct file *f, unsigned int lflag_off,
			unsigned int iflag_off, int vmin, int vtime)
{
	struct ktermios tio;

	vfs_ioctl(f, TCGETS, (unsigned long)&tio);
	tio.c_lflag &= ~lflag_off;
	tio.c_iflag &= ~iflag_off;
	if (vmin >= 0)
		tio.c_cc[VMIN] = vmin;
	if (vtime >= 0)
		tio.c_cc[VTIME] = vtime;
	vfs_ioctl(f, TCSETS, (unsigned long)&tio);
}

/* ---- lines ------------------------------------------------------------- */

static void lines(struct ktest *t)
{
	struct file *f = open_console(t, O_RDWR);

	type("hello\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "hello\n"));
	KTEST_EXPECT_TRUE(t, echo_is("hello\n"));
	/* Two lines typed at once: one read, one line. */
	type("ab\ncd\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "ab\n"));
	KTEST_EXPECT_TRUE(t, reads(f, 100, "cd\n"));
	/* A small buffer takes a line in pieces. */
	type("abcdef\n");
	KTEST_EXPECT_TRUE(t, reads(f, 3, "abc"));
	KTEST_EXPECT_TRUE(t, reads(f, 3, "def"));
	KTEST_EXPECT_TRUE(t, reads(f, 3, "\n"));
	/* Enter on a terminal is CR: ICRNL makes it NL. */
	echo_len = 0;
	type("hi\r");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "hi\n"));
	KTEST_EXPECT_TRUE(t, echo_is("hi\n"));
	/* Without ICRNL the CR is data, and only NL ends the line. */
	set_termios(f, 0, ICRNL, -1, -1);
	type("x\ry\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "x\ry\n"));
	close_console(t, f);
}

/* ---- editing ----------------------------------------------------------- */

static void erase_and_kill(struct ktest *t)
{
	struct file *f = open_console(t, O_RDWR);

	type("ab\177c\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "ac\n"));
	KTEST_EXPECT_TRUE(t, echo_is("ab\b \bc\n"));
	/* BS erases too; erasing an empty line does nothing. */
	echo_len = 0;
	type("\177x\by\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "y\n"));
	KTEST_EXPECT_TRUE(t, echo_is("x\b \by\n"));
	/* ^U: the whole line, rubbed out one character at a time. */
	echo_len = 0;
	type("abc\025xy\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "xy\n"));
	KTEST_EXPECT_TRUE(t, echo_is("abc\b \b\b \b\b \bxy\n"));
	/* ^W: the spaces before the cursor, then the word. */
	type("foo bar  \027baz\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "foo baz\n"));
	close_console(t, f);
}

static void echo_forms(struct ktest *t)
{
	struct file *f = open_console(t, O_RDWR);

	/* Control bytes are echoed ^X and take two columns to erase. */
	type("\001\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "\001\n"));
	KTEST_EXPECT_TRUE(t, echo_is("^A\n"));
	echo_len = 0;
	type("\002\177\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "\n"));
	KTEST_EXPECT_TRUE(t, echo_is("^B\b \b\b \b\n"));
	/* A tab from column 1 ends at 8: erasing it backs up 7. */
	echo_len = 0;
	type("a\t\177\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "a\n"));
	KTEST_EXPECT_TRUE(t, echo_is("a\t\b\b\b\b\b\b\b\n"));
	/* Without ECHO nothing is echoed, and editing still works. */
	set_termios(f, ECHO, 0, -1, -1);
	echo_len = 0;
	type("pw\177d\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "pd\n"));
	KTEST_EXPECT_EQ(t, echo_len, 0);
	close_console(t, f);
}

/* ---- eof --------------------------------------------------------------- */

static void eof(struct ktest *t)
{
	struct file *f = open_console(t, O_RDWR);

	type("\004");
	KTEST_EXPECT_EQ(t, read_once(f, 100), 0);
	/* After text, ^D hands the text over without a newline... */
	type("ab\004");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "ab"));
	/* ...and the next one on the now empty line is end of file. */
	type("\004more\n");
	KTEST_EXPECT_EQ(t, read_once(f, 100), 0);
	KTEST_EXPECT_TRUE(t, reads(f, 100, "more\n"));
	KTEST_EXPECT_TRUE(t, echo_is("abmore\n"));
	close_console(t, f);
}

/* ---- signals ----------------------------------------------------------- */

static void interrupt_char(struct ktest *t)
{
	struct file *f = open_console(t, O_RDWR);

	/*
	 * No init process under ktest, so the SIGINT reaches nobody; the
	 * line before ^C is thrown away, the one after it is read.
	 */
	type("abc\003def\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "def\n"));
	KTEST_EXPECT_TRUE(t, echo_is("abc^C\ndef\n"));
	/* Without ISIG, ^C is just a byte. */
	set_termios(f, ISIG, 0, -1, -1);
	type("\003\n");
	KTEST_EXPECT_TRUE(t, reads(f, 100, "\003\n"));
	close_console(t, f);
}

/* ---- settings ---------------------------------------------------------- */

static void termios_and_raw(struct ktest *t)
{
	struct file *f = open_console(t, O_RDWR | O_NONBLOCK);
	struct ktermios tio;
	int pgrp = 0;

	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCGETS, (unsigned long)&tio), 0);
	KTEST_EXPECT_EQ(t, tio.c_lflag & (ICANON | ECHO | ISIG),
			ICANON | ECHO | ISIG);
	KTEST_EXPECT_EQ(t, tio.c_iflag & ICRNL, ICRNL);
	KTEST_EXPECT_EQ(t, tio.c_cc[VERASE], 0177);

	/* Raw: every byte readable at once, nothing edited or echoed. */
	set_termios(f, ICANON | ECHO, 0, -1, -1);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCGETS, (unsigned long)&tio), 0);
	KTEST_EXPECT_EQ(t, tio.c_lflag & (ICANON | ECHO), 0);
	KTEST_EXPECT_EQ(t, tio.c_lflag & ISIG, ISIG);
	type("a\177b");
	for (int i = 0; i < 2000 && read_once(f, 100) == -EAGAIN; i++)
		msleep(1);
	KTEST_EXPECT_EQ(t, memcmp(got, "a\177b", 4), 0);
	KTEST_EXPECT_EQ(t, echo_len, 0);

	/* VMIN 0, VTIME 0: a read that finds nothing returns 0. */
	set_termios(f, 0, 0, 0, 0);
	KTEST_EXPECT_EQ(t, read_once(f, 100), 0);
	/* ... VTIME 1: after a tenth of a second (blocking file). */
	{
		struct file *g = do_filp_open(fs, NULL, "/dev/console",
					      O_RDWR, 0);
		u64 t0 = ktime_get_ns();

		KTEST_ASSERT_TRUE(t, !IS_ERR(g));
		set_termios(g, 0, 0, 0, 1);
		KTEST_EXPECT_EQ(t, read_once(g, 100), 0);
		KTEST_EXPECT_TRUE(t, ktime_get_ns() - t0 >= 80 * NSEC_PER_MSEC);
		fput(g);
	}

	/* Back to canonical: what raw mode left is one finished line. */
	vfs_ioctl(f, TCGETS, (unsigned long)&tio);
	tio.c_lflag |= ECHO;	/* raw, but echoing: to see it processed */
	tio.c_cc[VMIN] = 1;
	tio.c_cc[VTIME] = 0;
	vfs_ioctl(f, TCSETS, (unsigned long)&tio);
	echo_len = 0;
	type("xy");
	KTEST_EXPECT_TRUE(t, wait_echo(2));
	tio.c_lflag |= ICANON;
	vfs_ioctl(f, TCSETS, (unsigned long)&tio);
	KTEST_EXPECT_TRUE(t, reads(f, 100, "xy"));

	/* TCSETSF drops what was not read. */
	echo_len = 0;
	type("gone\n");
	KTEST_EXPECT_TRUE(t, wait_echo(5));
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TCSETSF, (unsigned long)&tio), 0);
	KTEST_EXPECT_EQ(t, read_once(f, 100), -EAGAIN);

	/* The foreground group: only one that exists, never a negative. */
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCGPGRP, (unsigned long)&pgrp), 0);
	pgrp = -2;
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCSPGRP, (unsigned long)&pgrp),
			-EINVAL);
	pgrp = 0x7ffffff0;
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCSPGRP, (unsigned long)&pgrp),
			-ESRCH);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, 0x1234, 0), -ENOTTY);
	close_console(t, f);
}

/* ---- blocking ---------------------------------------------------------- */

struct reader {
	struct file *f;
	ssize_t ret;
	char buf[32];
};

static void reader_fn(void *arg)
{
	struct reader *r = arg;

	r->ret = kernel_read(r->f, r->buf, sizeof(r->buf) - 1, NULL);
}

/* Wait (up to 2 s) for @k to go to sleep. */
static bool sleeping(struct task_struct *k)
{
	for (int i = 0; i < 2000; i++) {
		if (READ_ONCE(k->state) == TASK_INTERRUPTIBLE)
			return true;
		msleep(1);
	}
	return false;
}

static void blocking_reads(struct ktest *t)
{
	struct file *f = open_console(t, O_RDWR | O_NONBLOCK);
	struct file *g = do_filp_open(fs, NULL, "/dev/console", O_RDWR, 0);
	struct reader r = { .f = g };
	struct task_struct *k;

	KTEST_ASSERT_TRUE(t, !IS_ERR(g));
	/* Non-blocking: nothing yet, and half a line is nothing either. */
	KTEST_EXPECT_EQ(t, read_once(f, 100), -EAGAIN);
	type("half");
	wait_echo(4);
	KTEST_EXPECT_EQ(t, read_once(f, 100), -EAGAIN);

	/* A sleeping reader wakes when the line is finished. */
	k = kthread_run(reader_fn, &r, "tty_reader");
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_TRUE(t, sleeping(k));
	type(" done\n");
	kthread_join(k);
	KTEST_EXPECT_EQ(t, r.ret, 10);
	KTEST_EXPECT_EQ(t, memcmp(r.buf, "half done\n", 10), 0);

	/*
	 * And gives up when a signal comes: kernel threads take none, so
	 * raise the flag a real signal would set and wake it the same way.
	 */
	r.ret = 0;
	k = kthread_run(reader_fn, &r, "tty_reader");
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_TRUE(t, sleeping(k));
	set_bit(TIF_SIGPENDING, &k->flags);
	wake_up_state(k, TASK_INTERRUPTIBLE);
	kthread_join(k);
	KTEST_EXPECT_EQ(t, r.ret, -ERESTARTSYS);
	fput(g);
	close_console(t, f);
}

/* ---- overflow ---------------------------------------------------------- */

static void long_line(struct ktest *t)
{
	static char chunk[501];
	struct file *f = open_console(t, O_RDWR);
	size_t fed = 0;
	ssize_t n;

	memset(chunk, 'x', 500);
	/*
	 * 4500 bytes with no newline, in pieces the receive buffer holds:
	 * the line keeps its first 4095 and drops the rest, keeping the
	 * last byte of the 4 KiB buffer for the newline.
	 */
	for (int i = 0; i < 9; i++) {
		type(chunk);
		fed += 500;
		wait_echo(min(fed, (size_t)4095));
	}
	msleep(20);
	type("\n");
	n = read_once(f, sizeof(got) - 1);
	KTEST_EXPECT_EQ(t, n, 4096);
	KTEST_EXPECT_EQ(t, got[4094], 'x');
	KTEST_EXPECT_EQ(t, got[4095], '\n');
	close_console(t, f);
}

KTEST_SUITE(tty, "tty",
	    KTEST_CASE(lines),
	    KTEST_CASE(erase_and_kill),
	    KTEST_CASE(echo_forms),
	    KTEST_CASE(eof),
	    KTEST_CASE(interrupt_char),
	    KTEST_CASE(termios_and_raw),
	    KTEST_CASE(blocking_reads),
	    KTEST_CASE(long_line));
