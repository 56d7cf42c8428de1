// SPDX-License-Identifier: MIT
/*
 * fs/read_write.c: the checked entry points for reading, writing and
 * seeking an open file, which the syscalls wrap:
 *
 *	read/write		file_read_fpos, file_write_fpos (f_pos)
 *	pread64/pwrite64	vfs_iter_read, vfs_iter_write (own position)
 *	readv/writev		the same, with a many-segment iov_iter
 *	lseek			vfs_llseek
 *	ioctl			vfs_ioctl
 *	in-kernel users		kernel_read, kernel_write
 *
 * They check the open mode (EBADF), the file type (EISDIR for a
 * directory, EINVAL when the driver has no such method) and the
 * position, then call the file's operations. f_pos is guarded by
 * f_pos_lock on files that can seek; streams (pipes, devices) have no
 * position and are not serialized here, so a blocked pipe reader does
 * not hold up another.
 *
 * The system calls at the end wrap these for user buffers: an fd from
 * current->files (EBADF), a user iov_iter (import_ubuf/import_iovec:
 * EFAULT, EINVAL), then the same checked entry points. Their order of
 * checks is Linux's, so each bad case gets Linux's errno.
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/syscalls.h>

#include "internal.h"

static void iter_clamp(struct iov_iter *i)
{
	if (i->count > MAX_RW_COUNT)
		i->count = MAX_RW_COUNT;
}

ssize_t vfs_iter_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file->f_inode->i_mode))
		return -EISDIR;
	if (!file->f_op->read_iter)
		return -EINVAL;
	if (pos && *pos < 0)
		return -EINVAL;
	if (!iov_iter_count(to))
		return 0;
	iter_clamp(to);
	return file->f_op->read_iter(file, to, pos);
}

ssize_t vfs_iter_write(struct file *file, struct iov_iter *from,
		       loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write_iter)
		return -EINVAL;
	if (pos && *pos < 0)
		return -EINVAL;
	if (!iov_iter_count(from))
		return 0;
	iter_clamp(from);
	return file->f_op->write_iter(file, from, pos);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { buf, count };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, count);
	return vfs_iter_read(file, &iter, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	struct kvec kv = { (void *)buf, count };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_SOURCE, &kv, 1, count);
	return vfs_iter_write(file, &iter, pos);
}

/* Seekable files serialize f_pos users; streams have no position. */
static bool file_pos_lock(struct file *file)
{
	if (!(file->f_mode & FMODE_LSEEK))
		return false;
	mutex_lock(&file->f_pos_lock);
	return true;
}

ssize_t file_read_fpos(struct file *file, struct iov_iter *to)
{
	bool locked = file_pos_lock(file);
	loff_t pos = file->f_pos;
	ssize_t ret = vfs_iter_read(file, to, &pos);

	if (ret > 0)
		file->f_pos = pos;
	if (locked)
		mutex_unlock(&file->f_pos_lock);
	return ret;
}

ssize_t file_write_fpos(struct file *file, struct iov_iter *from)
{
	bool locked = file_pos_lock(file);
	loff_t pos = file->f_pos;
	ssize_t ret = vfs_iter_write(file, from, &pos);

	if (ret > 0)
		file->f_pos = pos;
	if (locked)
		mutex_unlock(&file->f_pos_lock);
	return ret;
}

/*
 * generic_file_llseek - the usual SEEK_SET/CUR/END for a regular file.
 * A position below zero or past the size limit is -EINVAL; seeking
 * past the end is fine (a later write leaves a hole). f_pos_lock held.
 */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = i_size_read(file->f_inode);
		break;
	default:
		return -EINVAL;
	}
	if (offset > 0 ? base > MAX_LFS_FILESIZE - offset : base + offset < 0)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t ret;

	if (!(file->f_mode & FMODE_LSEEK) || !file->f_op->llseek)
		return -ESPIPE;
	mutex_lock(&file->f_pos_lock);
	ret = file->f_op->llseek(file, offset, whence);
	mutex_unlock(&file->f_pos_lock);
	return ret;
}

long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!file->f_op->unlocked_ioctl)
		return -ENOTTY;
	return file->f_op->unlocked_ioctl(file, cmd, arg);
}

/* ---- the system calls ------------------------------------------------- */

/*
 * The fd's file if it is open for @mode (FMODE_READ or FMODE_WRITE);
 * NULL (EBADF) if not, which is checked before the buffer, as in Linux.
 */
static struct file *fget_mode(unsigned int fd, fmode_t mode)
{
	struct file *file = fget(fd);

	if (file && !(file->f_mode & mode)) {
		fput(file);
		file = NULL;
	}
	return file;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *file = fget_mode(fd, FMODE_READ);
	struct iov_iter iter;
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = import_ubuf(ITER_DEST, buf, count, &iter);
	if (!ret)
		ret = file_read_fpos(file, &iter);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd,
		const char __user *, buf,
		size_t, count)
{
	struct file *file = fget_mode(fd, FMODE_WRITE);
	struct iov_iter iter;
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = import_ubuf(ITER_SOURCE, (void __user *)buf, count, &iter);
	if (!ret)
		ret = file_write_fpos(file, &iter);
	fput(file);
	return ret;
}

/*
 * pread64/pwrite64: at @pos, leaving f_pos alone. Linux's order: a
 * negative @pos, then the fd, then a stream (no position: ESPIPE), then
 * the open mode and the buffer.
 */
static ssize_t do_pread(unsigned int fd, void __user *buf, size_t count,
			loff_t pos, unsigned int type)
{
	bool rd = type == ITER_DEST;
	struct iov_iter iter;
	struct file *file;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!(file->f_mode & (rd ? FMODE_PREAD : FMODE_PWRITE)))
		ret = -ESPIPE;
	else if (!(file->f_mode & (rd ? FMODE_READ : FMODE_WRITE)))
		ret = -EBADF;
	else
		ret = import_ubuf(type, buf, count, &iter);
	if (!ret)
		ret = rd ? vfs_iter_read(file, &iter, &pos) :
			   vfs_iter_write(file, &iter, &pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd,
		char __user *, buf,
		size_t, count,
		loff_t, pos)
{
	return do_pread(fd, buf, count, pos, ITER_DEST);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd,
		const char __user *, buf,
		size_t, count,
		loff_t, pos)
{
	return do_pread(fd, (void __user *)buf, count, pos, ITER_SOURCE);
}

/*
 * readv/writev: the iovecs are imported (and checked: EINVAL, EFAULT)
 * before the file's mode is, as in Linux.
 */
static ssize_t do_readv(unsigned long fd, const struct iovec __user *vec,
			unsigned long vlen, unsigned int type)
{
	struct iovec iovstack[UIO_FASTIOV], *iov = iovstack;
	struct file *file = fget((unsigned int)fd);
	struct iov_iter iter;
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = import_iovec(type, vec, vlen, ARRAY_SIZE(iovstack), &iov,
			   &iter);
	if (ret >= 0)
		ret = type == ITER_DEST ? file_read_fpos(file, &iter) :
		      file_write_fpos(file, &iter);
	kfree(iov);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd,
		const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv(fd, vec, vlen, ITER_DEST);
}

SYSCALL_DEFINE3(writev, unsigned long, fd,
		const struct iovec __user *, vec,
		unsigned long, vlen)
{
	return do_readv(fd, vec, vlen, ITER_SOURCE);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct file *file;
	loff_t ret;

	file = fget(fd);
	if (!file)
		return -EBADF;
	/* Checked before ESPIPE, as Linux does; the file rejects the rest. */
	ret = whence > SEEK_MAX ? -EINVAL : vfs_llseek(file, offset, whence);
	fput(file);
	return (long)ret;
}
