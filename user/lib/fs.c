/* SPDX-License-Identifier: MIT */
/*
 * user/lib/fs.c: path name calls: link, unlink, mkdir, rmdir, rename,
 * symlink, readlink, access, chdir, getcwd, umask, truncate/ftruncate.
 *
 * All take the same arguments in newlib and Linux (R_OK/W_OK/X_OK and
 * mode bits agree), so each is one system call with errno translated.
 * newlib's libc.a itself calls link, unlink and mkdir (rename, tmpfile,
 * mkstemp); the rest are for programs.  stat lives in stat.c, directory
 * reading in dirent.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <anvil/linux.h>
#include "glue.h"

int link(const char *old, const char *new)
{
	return __anvil_ret(linux_syscall2(__NR_link, old, new));
}

int unlink(const char *path)
{
	return __anvil_ret(linux_syscall1(__NR_unlink, path));
}

int mkdir(const char *path, mode_t mode)
{
	return __anvil_ret(linux_syscall2(__NR_mkdir, path, mode));
}

int rmdir(const char *path)
{
	return __anvil_ret(linux_syscall1(__NR_rmdir, path));
}

int rename(const char *old, const char *new)
{
	return __anvil_ret(linux_syscall2(__NR_rename, old, new));
}

int symlink(const char *target, const char *path)
{
	return __anvil_ret(linux_syscall2(__NR_symlink, target, path));
}

ssize_t readlink(const char *restrict path, char *restrict buf, size_t n)
{
	return __anvil_ret(linux_syscall3(__NR_readlink, path, buf, n));
}

int access(const char *path, int mode)
{
	return __anvil_ret(linux_syscall2(__NR_access, path, mode));
}

int chdir(const char *path)
{
	return __anvil_ret(linux_syscall1(__NR_chdir, path));
}

mode_t umask(mode_t mask)
{
	return (mode_t)linux_syscall1(__NR_umask, mask);	/* cannot fail */
}

int ftruncate(int fd, off_t len)
{
	return __anvil_ret(linux_syscall2(__NR_ftruncate, fd, len));
}

/*
 * getcwd - the current directory's path
 *
 * With @buf NULL, allocates @size bytes (or 4096 if @size is 0), as glibc
 * and musl do; the caller frees it.  Linux's getcwd returns the length
 * including the NUL; POSIX's returns the buffer.  Returns NULL with errno
 * on failure (ERANGE if @size is too small).
 */
char *getcwd(char *buf, size_t size)
{
	char *b = buf;
	long r;

	if (!b) {
		if (!size)
			size = 4096;
		b = malloc(size);
		if (!b)
			return NULL;
	}
	r = linux_syscall2(__NR_getcwd, b, size);
	if (linux_is_err(r)) {
		if (!buf)
			free(b);
		__anvil_fail(-r);
		return NULL;
	}
	return b;
}
