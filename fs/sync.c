// SPDX-License-Identifier: MIT
/*
 * fs/sync.c: getting a file's data to its backing store: vfs_fsync and
 * fsync(2), fdatasync(2).
 *
 * ramfs has no backing store, so its fsync is a no-op that succeeds
 * (noop_fsync); files without the operation (pipes, the console) say
 * EINVAL, as in Linux. The whole file is always asked for: there is no
 * sync_file_range yet.
 */
#include <anvil/kernel.h>
#include <anvil/syscalls.h>

#include "internal.h"

int vfs_fsync(struct file *file, int datasync)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, 0, MAX_LFS_FILESIZE, datasync);
}

static long do_fsync(unsigned int fd, int datasync)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = vfs_fsync(file, datasync);
	fput(file);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}
