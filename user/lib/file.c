/* SPDX-License-Identifier: MIT */
/*
 * user/lib/file.c: file descriptor calls: open, close, read, write,
 * lseek, pread/pwrite, isatty, ioctl, fcntl, dup/dup2/dup3, pipe/pipe2.
 *
 * newlib's libc.a calls open/read/write/lseek/close/isatty/fcntl itself
 * (stdio), by these plain names, since both anvil targets build newlib
 * with MISSING_SYSCALL_NAMES.  Each is one Linux system call; the only
 * work is translating open(2) flags and fcntl(2) commands, whose newlib
 * values come from BSD and match Linux only for O_RDONLY/WRONLY/RDWR and
 * F_DUPFD..F_SETFL.  Path operations are in fs.c, stat in stat.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <anvil/linux.h>
#include "glue.h"

/*
 * newlib O_* bit -> Linux O_* bits.  newlib (outside Cygwin) has no
 * O_DSYNC, O_NOATIME, O_PATH or O_TMPFILE; its O_SEARCH/O_EXEC bit
 * becomes O_PATH, as in musl, since Linux has neither.
 */
static const struct {
	int nl;
	int lx;
} open_flags[] = {
	{ O_APPEND,	LINUX_O_APPEND },
	{ O_CREAT,	LINUX_O_CREAT },
	{ O_TRUNC,	LINUX_O_TRUNC },
	{ O_EXCL,	LINUX_O_EXCL },
	{ O_NONBLOCK,	LINUX_O_NONBLOCK },
	{ O_NOCTTY,	LINUX_O_NOCTTY },
	{ O_SYNC,	LINUX_O_SYNC },
	{ O_CLOEXEC,	LINUX_O_CLOEXEC },
	{ O_DIRECTORY,	LINUX_O_DIRECTORY },
	{ O_NOFOLLOW,	LINUX_O_NOFOLLOW },
	{ O_DIRECT,	LINUX_O_DIRECT },
	{ O_SEARCH,	LINUX_O_PATH },
};

#define N_OPEN_FLAGS (sizeof(open_flags) / sizeof(open_flags[0]))

int open_flags_to_linux(int flags)
{
	int l = flags & O_ACCMODE;
	unsigned int i;

	for (i = 0; i < N_OPEN_FLAGS; i++)
		if (flags & open_flags[i].nl)
			l |= open_flags[i].lx;
	return l;
}

/* For F_GETFL: a newlib bit is set only if all its Linux bits are. */
int open_flags_from_linux(int lflags)
{
	int flags = lflags & LINUX_O_ACCMODE;
	unsigned int i;

	for (i = 0; i < N_OPEN_FLAGS; i++)
		if ((lflags & open_flags[i].lx) == open_flags[i].lx)
			flags |= open_flags[i].nl;
	return flags;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = (flags & O_CREAT) ? va_arg(ap, int) : 0;
	va_end(ap);
	return __anvil_ret(linux_syscall3(__NR_open, path,
					  open_flags_to_linux(flags), mode));
}

int close(int fd)
{
	return __anvil_ret(sys_close(fd));
}

_READ_WRITE_RETURN_TYPE read(int fd, void *buf, size_t n)
{
	return __anvil_ret(sys_read(fd, buf, n));
}

_READ_WRITE_RETURN_TYPE write(int fd, const void *buf, size_t n)
{
	return __anvil_ret(sys_write(fd, buf, n));
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return __anvil_ret(linux_syscall4(__NR_pread64, fd, buf, n, off));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __anvil_ret(linux_syscall4(__NR_pwrite64, fd, buf, n, off));
}

/* SEEK_SET/CUR/END are 0/1/2 in both. */
off_t lseek(int fd, off_t off, int whence)
{
	return __anvil_ret(linux_syscall3(__NR_lseek, fd, off, whence));
}

/*
 * ioctl - pass a request through unchanged
 *
 * Requests are Linux's (<sys/ioctl.h> defines the few anvil supports,
 * with their per-arch encodings), so nothing is translated.
 */
int ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	return __anvil_ret(linux_syscall3(__NR_ioctl, fd, req, arg));
}

/*
 * isatty - is @fd a terminal?
 *
 * Asks for the terminal attributes, as every Linux libc does.  The
 * buffer is larger than any arch's struct termios (36 bytes on x86_64,
 * 44 on ppc64).  Returns 1, or 0 with errno set (ENOTTY for a file).
 */
int isatty(int fd)
{
	unsigned long termios[8];

	return __anvil_ret(linux_syscall3(__NR_ioctl, fd, LINUX_TCGETS,
					  termios)) == 0;
}

/* newlib F_* command -> Linux's, or -1 for the unsupported lock calls. */
static int fcntl_cmd_to_linux(int cmd)
{
	switch (cmd) {
	case F_DUPFD:		return LINUX_F_DUPFD;
	case F_GETFD:		return LINUX_F_GETFD;
	case F_SETFD:		return LINUX_F_SETFD;
	case F_GETFL:		return LINUX_F_GETFL;
	case F_SETFL:		return LINUX_F_SETFL;
	case F_GETOWN:		return LINUX_F_GETOWN;
	case F_SETOWN:		return LINUX_F_SETOWN;
	case F_DUPFD_CLOEXEC:	return LINUX_F_DUPFD_CLOEXEC;
	default:		return -1;
	}
}

/*
 * fcntl - descriptor control
 *
 * F_GETFL/F_SETFL carry open flags, translated both ways.  Record locks
 * (F_GETLK/SETLK/SETLKW) would need struct flock translated too and
 * anvil has no locks, so they fail with EINVAL, as does any unknown cmd.
 */
int fcntl(int fd, int cmd, ...)
{
	int lcmd = fcntl_cmd_to_linux(cmd);
	va_list ap;
	long arg, r;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (lcmd < 0) {
		errno = EINVAL;
		return -1;
	}
	if (cmd == F_SETFL)
		arg = open_flags_to_linux((int)arg);
	r = __anvil_ret(linux_syscall3(__NR_fcntl, fd, lcmd, arg));
	if (cmd == F_GETFL && r >= 0)
		r = open_flags_from_linux((int)r);
	return r;
}

int dup(int fd)
{
	return __anvil_ret(linux_syscall1(__NR_dup, fd));
}

int dup2(int oldfd, int newfd)
{
	return __anvil_ret(sys_dup2(oldfd, newfd));
}

/* dup3 and pipe2 take only O_CLOEXEC (and O_NONBLOCK for pipe2). */
int dup3(int oldfd, int newfd, int flags)
{
	return __anvil_ret(linux_syscall3(__NR_dup3, oldfd, newfd,
					  open_flags_to_linux(flags)));
}

int pipe(int fds[2])
{
	return __anvil_ret(linux_syscall1(__NR_pipe, fds));
}

int pipe2(int fds[2], int flags)
{
	return __anvil_ret(sys_pipe2(fds, open_flags_to_linux(flags)));
}
