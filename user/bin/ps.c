/* SPDX-License-Identifier: MIT */
/*
 * user/bin/ps.c: ps: one line per process, from /proc.
 *
 *	  PID  PPID S CMD
 *	    1     0 S init
 *
 * Every directory of /proc whose name is a number is a process; its
 * /proc/PID/stat starts "PID (COMM) STATE PPID ...", Linux's format.
 * COMM may itself hold spaces and parentheses, so the state is found
 * after the *last* ')'.  Processes are listed by PID.  A process that
 * exits while ps runs is skipped.  No /proc at all is an error (exit 1).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "util.h"

static int cmp_pids(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The PIDs in /proc, sorted, in a malloc'd array; -1 if no /proc. */
static long read_pids(long **pids_out)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	long *pids = NULL, n = 0;
	char *end;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		long pid = strtol(e->d_name, &end, 10);

		if (*end || end == e->d_name)
			continue;
		pids = realloc(pids, (n + 1) * sizeof(*pids));
		if (!pids) {
			fputs("ps: out of memory\n", stderr);
			exit(1);
		}
		pids[n++] = pid;
	}
	closedir(d);
	if (n)
		qsort(pids, n, sizeof(*pids), cmp_pids);
	*pids_out = pids;
	return n;
}

/* Print @pid's line.  Returns 0, or -1 if it has gone. */
static int show(long pid)
{
	char path[64], buf[512], *comm, *close_paren, state;
	long ppid;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	comm = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!comm || !close_paren || close_paren < comm ||
	    sscanf(close_paren + 1, " %c %ld", &state, &ppid) != 2)
		return -1;
	*close_paren = '\0';
	printf("%5ld %5ld %c %s\n", pid, ppid, state, comm + 1);
	return 0;
}

int main(void)
{
	long *pids, n, i;

	n = read_pids(&pids);
	if (n < 0) {
		warn_errno("ps", "/proc");
		return 1;
	}
	printf("%5s %5s %s %s\n", "PID", "PPID", "S", "CMD");
	for (i = 0; i < n; i++)
		show(pids[i]);
	free(pids);
	return 0;
}
