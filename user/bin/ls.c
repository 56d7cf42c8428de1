/* SPDX-License-Identifier: MIT */
/*
 * user/bin/ls.c: ls [-l] [-a] [FILE]...: list directories and files.
 *
 * Names are sorted byte by byte (the C locale) and printed one per line.
 * With several arguments, the files come first, then each directory
 * under a "DIR:" heading, as in coreutils.  -a includes names that start
 * with a dot; -l prints, for each name,
 *
 *	drwxr-xr-x   2     0     0      4096 name
 *	mode       links  uid   gid     size
 *
 * with numeric owners (anvil has no /etc/passwd) and no dates, and
 * "name -> target" for a symbolic link.  Exit status 1 if any argument
 * could not be listed.
 */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int opt_all, opt_long;

/* The ten-character mode string: type, then rwx for user, group, other. */
static void mode_string(mode_t m, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' :
	       S_ISBLK(m) ? 'b' : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
	/* set-id and sticky bits share the x column, as in coreutils. */
	if (m & S_ISUID)
		s[3] = (m & S_IXUSR) ? 's' : 'S';
	if (m & S_ISGID)
		s[6] = (m & S_IXGRP) ? 's' : 'S';
	if (m & S_ISVTX)
		s[9] = (m & S_IXOTH) ? 't' : 'T';
	s[10] = '\0';
}

/*
 * Print one entry.  @path is where it is (for lstat and readlink),
 * @name what to print.  Returns 0, or 1 if it could not be examined.
 */
static int show(const char *path, const char *name)
{
	struct stat st;
	char mode[11], target[256];
	ssize_t n;

	if (!opt_long) {
		puts(name);
		return 0;
	}
	if (lstat(path, &st) < 0) {
		warn_errno("ls", path);
		return 1;
	}
	mode_string(st.st_mode, mode);
	printf("%s %3lu %5u %5u %9lld %s", mode, (unsigned long)st.st_nlink,
	       (unsigned int)st.st_uid, (unsigned int)st.st_gid,
	       (long long)st.st_size, name);
	if (S_ISLNK(st.st_mode)) {
		n = readlink(path, target, sizeof(target) - 1);
		if (n >= 0) {
			target[n] = '\0';
			printf(" -> %s", target);
		}
	}
	putchar('\n');
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Read every name in @dir into *@names, a sorted, malloc'd array of
 * malloc'd strings (NULL if there are none).  Returns how many, or -1
 * (after a message) if @dir cannot be read.
 */
static long read_names(const char *dir, char ***names_out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!d) {
		warn_errno("ls", dir);
		return -1;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' && !opt_all)
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		if (!names || !(names[n++] = strdup(e->d_name))) {
			fputs("ls: out of memory\n", stderr);
			exit(1);
		}
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	*names_out = names;
	return n;
}

/* List directory @dir's contents.  Returns 0, or 1 on any error. */
static int list_dir(const char *dir)
{
	char **names, path[1024];
	long n, i;
	int ret = 0;

	n = read_names(dir, &names);
	if (n < 0)
		return 1;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		ret |= show(path, names[i]);
		free(names[i]);
	}
	free(names);
	return ret;
}

int main(int argc, char **argv)
{
	struct stat st;
	int i, first, nargs, printed = 0, ret = 0;
	char **args;

	for (first = 1; first < argc && argv[first][0] == '-' &&
	     argv[first][1]; first++) {
		const char *o;

		for (o = argv[first] + 1; *o; o++) {
			if (*o == 'l') {
				opt_long = 1;
			} else if (*o == 'a') {
				opt_all = 1;
			} else {
				fprintf(stderr, "ls: invalid option -- '%c'\n"
					"usage: ls [-la] [FILE]...\n", *o);
				return 2;
			}
		}
	}
	args = argv + first;
	nargs = argc - first;
	if (nargs == 0)
		return list_dir(".");
	qsort(args, nargs, sizeof(*args), cmp_names);

	/* Files (and the missing) first, in order; directories stay. */
	for (i = 0; i < nargs; i++) {
		if (stat(args[i], &st) < 0) {
			warn_errno("ls", args[i]);
			ret = 1;
			args[i] = NULL;
		} else if (!S_ISDIR(st.st_mode)) {
			ret |= show(args[i], args[i]);
			args[i] = NULL;
			printed = 1;
		}
	}
	/* Then each directory, under a heading if there is more than one. */
	for (i = 0; i < nargs; i++) {
		if (!args[i])
			continue;
		if (nargs > 1)
			printf("%s%s:\n", printed ? "\n" : "", args[i]);
		ret |= list_dir(args[i]);
		printed = 1;
	}
	return ret;
}
