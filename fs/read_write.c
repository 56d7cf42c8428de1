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
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>

#include "internal.h"

/* Linux caps one transfer so the byte count fits an int. */
#define MAX_RW_COUNT (0x7fffffffUL & ~(PAGE_SIZE - 1))

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
