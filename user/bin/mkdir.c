/* SPDX-License-Identifier: MIT */
/*
 * user/bin/mkdir.c: mkdir [-p] DIR...: make directories (mode 0777 less
 * the umask).  With -p, missing parents are made too, and a directory
 * that already exists is not an error.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "util.h"

/* mkdir that accepts an existing directory. */
static int mkdir_exist_ok(const char *path)
{
	struct stat st;

	if (mkdir(path, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	return -1;
}

/*
 * Make @path and its parents.  Each prefix that ends before a '/' is
 * made in turn: "a/b/c" makes "a", "a/b" and "a/b/c".  Returns 0, or
 * -1 with errno from the component that failed.
 */
static int mkdir_parents(const char *path)
{
	char *p, *buf = strdup(path);
	int ret = 0;

	if (!buf)
		return -1;
	for (p = buf + 1; *p && !ret; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = '\0';
		ret = mkdir_exist_ok(buf);
		*p = '/';
	}
	if (!ret)
		ret = mkdir_exist_ok(buf);
	free(buf);
	return ret;
}

int main(int argc, char **argv)
{
	int i = 1, parents = 0, ret = 0;

	if (argc > 1 && !strcmp(argv[1], "-p")) {
		parents = 1;
		i++;
	}
	if (i >= argc) {
		fputs("usage: mkdir [-p] DIR...\n", stderr);
		return 2;
	}
	for (; i < argc; i++) {
		if ((parents ? mkdir_parents(argv[i]) :
			       mkdir(argv[i], 0777)) < 0) {
			warn_errno("mkdir", argv[i]);
			ret = 1;
		}
	}
	return ret;
}
