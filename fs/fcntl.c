// SPDX-License-Identifier: MIT
/*
 * fs/fcntl.c: fcntl(2), the commands anvil has:
 *
 *	F_DUPFD, F_DUPFD_CLOEXEC	the lowest free fd >= arg (fs/file.c)
 *	F_GETFD, F_SETFD		the fd's FD_CLOEXEC bit
 *	F_GETFL, F_SETFL		the file's status flags
 *
 * Anything else (locks, owners, leases, pipe sizes) is EINVAL, as Linux
 * says for a command it does not know.
 *
 * The status flags belong to the struct file, so every fd dup'ed from
 * one open shares them; FD_CLOEXEC belongs to the fd. F_GETFL reports
 * the access mode and the flags that last past open (O_APPEND,
 * O_NONBLOCK, O_LARGEFILE, ...); F_SETFL may change only SETFL_MASK
 * (O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME) and silently ignores the
 * other bits, as Linux does. f_lock orders concurrent F_SETFLs.
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/syscalls.h>

#include "internal.h"

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030	/* F_LINUX_SPECIFIC_BASE + 6 */

static int setfl(struct file *file, unsigned long arg)
{
	unsigned int flags = (unsigned int)arg & SETFL_MASK;

	spin_lock(&file->f_lock);
	file->f_flags = flags | (file->f_flags & ~SETFL_MASK);
	spin_unlock(&file->f_lock);
	return 0;
}

/* F_DUPFD's @arg is the lowest fd wanted; past the fd limit is EINVAL. */
static int dupfd(struct file *file, unsigned long arg, unsigned int flags)
{
	if (arg != (unsigned int)arg)
		return -EINVAL; /* beyond any limit, and too big to pass on */
	return __f_dupfd(current->files, (unsigned int)arg, file, flags);
}

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg,
		     struct file *file)
{
	switch (cmd) {
	case F_DUPFD:
		return dupfd(file, arg, 0);
	case F_DUPFD_CLOEXEC:
		return dupfd(file, arg, O_CLOEXEC);
	case F_GETFD:
		return __get_close_on_exec(current->files, fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		return __set_close_on_exec(current->files, fd,
					   arg & FD_CLOEXEC);
	case F_GETFL:
		return READ_ONCE(file->f_flags);
	case F_SETFL:
		return setfl(file, arg);
	}
	return -EINVAL;
}

/* The commands an O_PATH handle takes; the rest are EBADF for it. */
static bool fcntl_path_ok(unsigned int cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
	       cmd == F_SETFD || cmd == F_GETFL;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget_raw(fd);
	long ret;

	if (!file)
		return -EBADF;
	if ((file->f_mode & FMODE_PATH) && !fcntl_path_ok(cmd))
		ret = -EBADF;
	else
		ret = do_fcntl(fd, cmd, arg, file);
	fput(file);
	return ret;
}
