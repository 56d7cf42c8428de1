/* SPDX-License-Identifier: MIT */
/*
 * user/tests/proc.c: /proc as programs read it: the files ps, free and
 * top read, in Linux's formats.
 *
 * Run as scripts/user-host-test runs every test (env -i, three
 * arguments), on Linux, on Linux under qemu-user (which fakes some of
 * /proc/self for the guest: stat, cmdline, maps) and in anvil. So only
 * what all three agree on is checked, and nothing that varies (a pid,
 * an address, a size) is printed:
 *
 *	meminfo		MemTotal and MemFree, in the "Key:" / 16 columns /
 *			value / " kB" layout
 *	stat		pid, (comm), ppid
 *	status		Pid, PPid
 *	cmdline		argv, NUL-separated, read whole and byte by byte
 *	environ		the environment, likewise
 *	self		a symlink to our pid, and a directory through it
 *	/proc		lists self, meminfo and our directory
 *	maps		a line covering a mapping we made, r--p, offset 0,
 *			device 00:00, inode 0; gone after munmap
 *	uptime, loadavg	their number formats
 *	version		a text that reads the same in pieces and whole
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"

extern char **environ;

#define TEXT_MAX 65536

static char text[TEXT_MAX];

/* Read all of @path into text[] (NUL-terminated); the length, or -1. */
static long slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	long total = 0, n;

	if (fd < 0)
		return -1;
	while ((n = read(fd, text + total, TEXT_MAX - 1 - total)) > 0)
		total += n;
	close(fd);
	if (n < 0)
		return -1;
	text[total] = '\0';
	return total;
}

/* The line of text[] that starts with @prefix, or NULL. */
static const char *line_of(const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *p = text; p && *p;) {
		if (!strncmp(p, prefix, n))
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

/* The value of a meminfo line in Linux's layout, or -1 if it is not. */
static long meminfo_kb(const char *key)
{
	const char *line = line_of(key), *p;
	size_t i;
	long v = 0;

	if (!line)
		return -1;
	for (i = strlen(key); i < 16; i++)
		if (line[i] != ' ')
			return -1;
	for (p = line + 16; *p == ' '; p++)
		;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (*p - '0');
	/* Right-aligned in 8 columns (wider only past 99999999 kB). */
	if (p - line < 24 || strncmp(p, " kB\n", 4))
		return -1;
	return v;
}

static void check_meminfo(void)
{
	long total, free;

	ok(slurp("/proc/meminfo") > 0, "/proc/meminfo can be read");
	total = meminfo_kb("MemTotal:");
	free = meminfo_kb("MemFree:");
	ok(!strncmp(text, "MemTotal:", 9), "meminfo starts with MemTotal");
	ok(total > 0, "MemTotal is in Linux's layout");
	ok(free > 0 && free <= total, "MemFree is too, and at most MemTotal");
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static void check_stat(const char *argv0)
{
	char comm[32], want[64];
	const char *open_paren, *close_paren;
	long pid = -1, ppid = -1;

	ok(slurp("/proc/self/stat") > 0, "/proc/self/stat can be read");
	open_paren = strchr(text, '(');
	close_paren = strrchr(text, ')');
	pid = strtol(text, NULL, 10);
	ok(pid == getpid(), "stat's pid is getpid()");
	ok(open_paren && close_paren && close_paren > open_paren &&
	   open_paren > text && open_paren[-1] == ' ',
	   "stat's comm is in parentheses");
	if (open_paren && close_paren && close_paren > open_paren &&
	    close_paren - open_paren - 1 < (long)sizeof(comm)) {
		memcpy(comm, open_paren + 1, close_paren - open_paren - 1);
		comm[close_paren - open_paren - 1] = '\0';
	} else {
		comm[0] = '\0';
	}
	snprintf(want, sizeof(want), "%.15s", base(argv0));
	ok(!strcmp(comm, want), "stat's comm is the program's name");
	/*
	 * The state is not checked: qemu-user 7.2 prints 0 there (anvil and
	 * Linux print R, which tests/kernel/proc_test.c checks).
	 */
	if (close_paren && close_paren[1] == ' ' && close_paren[2] &&
	    close_paren[3] == ' ')
		ppid = strtol(close_paren + 4, NULL, 10);
	ok(ppid == getppid(), "stat's ppid is getppid(), after the state");
}

static void check_status(void)
{
	char want[64];

	ok(slurp("/proc/self/status") > 0, "/proc/self/status can be read");
	snprintf(want, sizeof(want), "Pid:\t%ld\n", (long)getpid());
	ok(line_of(want) != NULL, "status has Pid: getpid()");
	snprintf(want, sizeof(want), "PPid:\t%ld\n", (long)getppid());
	ok(line_of(want) != NULL, "status has PPid: getppid()");
}

/* @n bytes of @path, read one byte at a time, into text[]. */
static long slurp_bytewise(const char *path)
{
	int fd = open(path, O_RDONLY);
	long total = 0;

	if (fd < 0)
		return -1;
	while (total < TEXT_MAX - 1 && read(fd, text + total, 1) == 1)
		total++;
	close(fd);
	return total;
}

/* Does text[0..len) hold exactly the strings of @v, each with its NUL? */
static int same_strings(long len, char **v)
{
	long off = 0;

	for (; *v; v++) {
		size_t n = strlen(*v) + 1;

		if (off + (long)n > len || memcmp(text + off, *v, n))
			return 0;
		off += n;
	}
	return off == len;
}

static void check_cmdline_environ(char **argv)
{
	long len = slurp("/proc/self/cmdline");

	ok(same_strings(len, argv), "cmdline is argv, NUL-separated");
	len = slurp_bytewise("/proc/self/cmdline");
	ok(same_strings(len, argv), "cmdline read a byte at a time too");
	len = slurp("/proc/self/environ");
	ok(same_strings(len, environ), "environ is the environment");
}

static void check_self(void)
{
	char link[32], want[32], path[64];
	struct stat st;
	ssize_t n = readlink("/proc/self", link, sizeof(link) - 1);

	snprintf(want, sizeof(want), "%ld", (long)getpid());
	ok(n == (ssize_t)strlen(want) && !memcmp(link, want, n),
	   "/proc/self links to our pid");
	ok(!lstat("/proc/self", &st) && S_ISLNK(st.st_mode),
	   "lstat says /proc/self is a symlink");
	ok(!stat("/proc/self", &st) && S_ISDIR(st.st_mode),
	   "stat through it finds a directory");
	snprintf(path, sizeof(path), "/proc/%s/stat", want);
	ok(!stat(path, &st) && S_ISREG(st.st_mode) &&
	   (st.st_mode & 0777) == 0444, "/proc/PID/stat is a 0444 file");
}

static void check_listing(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	char me[32];
	int self = 0, meminfo = 0, mine = 0;

	snprintf(me, sizeof(me), "%ld", (long)getpid());
	while (d && (e = readdir(d))) {
		self |= !strcmp(e->d_name, "self");
		meminfo |= !strcmp(e->d_name, "meminfo");
		mine |= !strcmp(e->d_name, me);
	}
	if (d)
		closedir(d);
	ok(d && self && meminfo, "/proc lists self and meminfo");
	ok(mine, "/proc lists our own directory");
}

/* A maps line covering [lo, hi): its permissions and what follows. */
static const char *maps_line_for(unsigned long lo, unsigned long hi,
				 char perms[5])
{
	for (const char *p = text; p && *p;) {
		unsigned long start = strtoul(p, NULL, 16);
		const char *dash = strchr(p, '-');
		unsigned long end = dash ? strtoul(dash + 1, NULL, 16) : 0;

		if (dash && start <= lo && hi <= end) {
			const char *sp = strchr(dash, ' ');

			if (!sp)
				return NULL;
			memcpy(perms, sp + 1, 4);
			perms[4] = '\0';
			return sp + 6;	/* after "rwxp " */
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

static void check_maps(void)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t len = 3 * page;
	char *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       0);
	unsigned long lo = (unsigned long)p, hi = lo + len;
	char perms[5] = "";
	const char *rest;

	ok(p != MAP_FAILED, "mmap PROT_READ");
	ok(slurp("/proc/self/maps") > 0, "/proc/self/maps can be read");
	rest = maps_line_for(lo, hi, perms);
	ok(rest != NULL, "maps has a line covering the mapping");
	ok(!strcmp(perms, "r--p"), "its permissions are r--p");
	ok(rest && !strncmp(rest, "00000000 00:00 0", 16) &&
	   (rest[16] == ' ' || rest[16] == '\n'),
	   "anonymous: offset 0, device 00:00, inode 0");
	munmap(p, len);
	slurp("/proc/self/maps");
	ok(!maps_line_for(lo, lo + page, perms), "gone after munmap");
}

static void check_numbers(void)
{
	unsigned long a, b, c, d;
	int running, total, last;
	char dot1, dot2;

	ok(slurp("/proc/uptime") > 0 &&
	   sscanf(text, "%lu%c%2lu %lu%c%2lu", &a, &dot1, &b, &c, &dot2,
		  &d) == 6 &&
	   dot1 == '.' && dot2 == '.', "uptime is two numbers with 2 decimals");
	ok(slurp("/proc/loadavg") > 0 &&
	   sscanf(text, "%lu.%lu %lu.%lu %lu.%lu %d/%d %d", &a, &b, &c, &d,
		  &a, &b, &running, &total, &last) == 9 &&
	   running >= 1 && total >= running && last > 0,
	   "loadavg is three loads, running/total and a pid");
}

static void check_version(void)
{
	static char whole[4096];
	long len = slurp("/proc/version");

	ok(len > 0 && text[len - 1] == '\n' && strstr(text, " version "),
	   "/proc/version is one line with \" version \"");
	if (len > 0)
		memcpy(whole, text, len);
	ok(len > 0 && slurp_bytewise("/proc/version") == len &&
	   !memcmp(whole, text, len), "it reads the same a byte at a time");
}

int main(int argc, char **argv)
{
	(void)argc;
	plan(31);
	check_meminfo();
	check_stat(argv[0]);
	check_status();
	check_cmdline_environ(argv);
	check_self();
	check_listing();
	check_maps();
	check_numbers();
	check_version();
	return done();
}
