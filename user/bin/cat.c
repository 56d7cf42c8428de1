/* SPDX-License-Identifier: MIT */
/*
 * user/bin/cat.c: cat [FILE]...: copy each FILE, or standard input for
 * "-" or when there is none, to standard output.
 *
 * Plain read(2)/write(2) rather than stdio, so that cat passes data on
 * as soon as it arrives (a pipe or the console delivers it in pieces)
 * and never buffers output behind a reader's back.  A file that cannot
 * be read is reported and skipped; the exit status is then 1.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* Write all of @buf, however many write(2) calls that takes. */
static int write_all(const char *buf, ssize_t len)
{
	while (len > 0) {
		ssize_t n = write(1, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= n;
	}
	return 0;
}

/* Copy @fd to stdout; @name is for messages.  Returns 0 or 1. */
static int copy(int fd, const char *name)
{
	char buf[4096];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n == 0)
			return 0;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			warn_errno("cat", name);
			return 1;
		}
		if (write_all(buf, n) < 0) {
			warn_errno("cat", "write error");
			return 1;
		}
	}
}

int main(int argc, char **argv)
{
	int i, fd, ret = 0;

	if (argc < 2)
		return copy(0, "-");
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			ret |= copy(0, "-");
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			warn_errno("cat", argv[i]);
			ret = 1;
			continue;
		}
		ret |= copy(fd, argv[i]);
		close(fd);
	}
	return ret;
}
