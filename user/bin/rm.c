/* SPDX-License-Identifier: MIT */
/*
 * user/bin/rm.c: rm [-r] [-f] FILE...: remove files, and with -r whole
 * directory trees.
 *
 * -f: a missing FILE is not an error and no operands is fine.
 * -r (or -R): a directory's entries are removed first, depth first,
 * then the directory itself.  The names of a directory are all read
 * before any is removed, so that removing cannot disturb the walk
 * through a half-read directory.  Symbolic links are removed, never
 * followed.  "." and ".." are refused.
 */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int opt_force, opt_recursive;

static int remove_path(const char *path);

/* The names in @dir except "." and ".."; a NULL-ended malloc'd array. */
static char **dir_names(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!d)
		return NULL;
	for (;;) {
		e = readdir(d);
		if (e && (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")))
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		if (!names || (e && !(names[n] = strdup(e->d_name)))) {
			fputs("rm: out of memory\n", stderr);
			exit(1);
		}
		if (!e)
			break;
		n++;
	}
	names[n] = NULL;
	closedir(d);
	return names;
}

/* Remove everything in directory @dir, then @dir.  Returns 0 or 1. */
static int remove_tree(const char *dir)
{
	char **names = dir_names(dir), path[1024];
	int i, ret = 0;

	if (!names) {
		warn_errno("rm", dir);
		return 1;
	}
	for (i = 0; names[i]; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		ret |= remove_path(path);
		free(names[i]);
	}
	free(names);
	if (rmdir(dir) < 0) {
		warn_errno("rm", dir);
		return 1;
	}
	return ret;
}

/* Remove one operand (or, under -r, anything below one).  0 or 1. */
static int remove_path(const char *path)
{
	const char *base = strrchr(path, '/');
	struct stat st;

	base = base ? base + 1 : path;
	if (!strcmp(base, ".") || !strcmp(base, "..")) {
		fprintf(stderr, "rm: %s: refusing to remove '.' or '..'\n",
			path);
		return 1;
	}
	if (lstat(path, &st) < 0) {
		if (opt_force && errno == ENOENT)
			return 0;
		warn_errno("rm", path);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (opt_recursive)
			return remove_tree(path);
		errno = EISDIR;
		warn_errno("rm", path);
		return 1;
	}
	if (unlink(path) < 0) {
		warn_errno("rm", path);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i, ret = 0;
	const char *o;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (o = argv[i] + 1; *o; o++) {
			if (*o == 'f') {
				opt_force = 1;
			} else if (*o == 'r' || *o == 'R') {
				opt_recursive = 1;
			} else {
				fprintf(stderr, "rm: invalid option -- '%c'\n"
					"usage: rm [-rf] FILE...\n", *o);
				return 2;
			}
		}
	}
	if (i >= argc && !opt_force) {
		fputs("usage: rm [-rf] FILE...\n", stderr);
		return 2;
	}
	for (; i < argc; i++)
		ret |= remove_path(argv[i]);
	return ret;
}
