/* SPDX-License-Identifier: MIT */
/*
 * user/bin/tryexec.c: tryexec FILE|DIR...: execve() each FILE, or every
 * entry of each DIR (sorted by name, run from inside DIR as ./NAME), in
 * a child with no arguments beyond its name and an empty environment,
 * and print one line for each:
 *
 *	NAME: ENOEXEC		execve failed (the errno's name)
 *	NAME: exit 0		the program ran and exited
 *	NAME: SIGSEGV		the program (or the exec) was killed
 *
 * A shell cannot show this: it runs a file that gives ENOEXEC as a
 * shell script, and reports every other failure as 126 or 127.
 * tests/gen-bad-elf uses it to run its corpus of broken programs inside
 * anvil. The exit status is 0 unless something could not be tried.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

static const struct {
	int err;
	const char *name;
} errnos[] = {
	{ E2BIG, "E2BIG" }, { EACCES, "EACCES" }, { EFAULT, "EFAULT" },
	{ EINVAL, "EINVAL" }, { EIO, "EIO" }, { EISDIR, "EISDIR" },
	{ ELOOP, "ELOOP" }, { ENAMETOOLONG, "ENAMETOOLONG" },
	{ ENOENT, "ENOENT" }, { ENOEXEC, "ENOEXEC" }, { ENOMEM, "ENOMEM" },
	{ ENOTDIR, "ENOTDIR" }, { EPERM, "EPERM" }, { ETXTBSY, "ETXTBSY" },
};

static void print_errno(int err)
{
	for (size_t i = 0; i < ARRAY_SIZE(errnos); i++) {
		if (errnos[i].err == err) {
			printf("%s\n", errnos[i].name);
			return;
		}
	}
	printf("errno %s\n", strerror(err));
}

static void print_signal(int sig)
{
	for (size_t i = 0; i < ARRAY_SIZE(sig_names); i++) {
		if (sig_names[i].sig == sig) {
			printf("SIG%s\n", sig_names[i].name);
			return;
		}
	}
	printf("signal %d\n", sig);
}

/*
 * Run @path in a child. A failed execve's errno comes back through a
 * close-on-exec pipe, which a successful one closes unwritten.
 */
static int try(const char *name, const char *path)
{
	char *argv[] = { (char *)path, NULL }, *envp[] = { NULL };
	int p[2], err = 0, status = 0;
	ssize_t n;
	pid_t pid;

	fflush(stdout);
	if (pipe(p) || fcntl(p[1], F_SETFD, FD_CLOEXEC)) {
		warn_errno("tryexec", "pipe");
		return 1;
	}
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		execve(path, argv, envp);
		err = errno;
		write(p[1], &err, sizeof(err));
		_exit(127);
	}
	close(p[1]);
	n = pid < 0 ? -1 : read(p[0], &err, sizeof(err));
	close(p[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		warn_errno("tryexec", name);
		return 1;
	}
	printf("%s: ", name);
	if (n == (ssize_t)sizeof(err))
		print_errno(err);
	else if (WIFEXITED(status))
		printf("exit %d\n", WEXITSTATUS(status));
	else
		print_signal(WTERMSIG(status));
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int try_dir(const char *dir)
{
	char **names = NULL, path[512], here[512];
	int n = 0, cap = 0, ret = 0;
	struct dirent *d;
	DIR *dp = opendir(dir);

	if (!dp || !getcwd(here, sizeof(here)) || chdir(dir)) {
		warn_errno("tryexec", dir);
		return 1;
	}
	while ((d = readdir(dp))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = realloc(names, cap * sizeof(*names));
			if (!names)
				return 1;
		}
		names[n++] = strdup(d->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof(*names), by_name);
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "./%s", names[i]);
		ret |= try(names[i], path);
		free(names[i]);
	}
	free(names);
	if (chdir(here))
		ret = 1;
	return ret;
}

int main(int argc, char **argv)
{
	struct stat st;
	int ret = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: tryexec FILE|DIR...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		if (!stat(argv[i], &st) && S_ISDIR(st.st_mode))
			ret |= try_dir(argv[i]);
		else
			ret |= try(argv[i], argv[i]);
	}
	return ret;
}
