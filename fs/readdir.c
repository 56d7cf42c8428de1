// SPDX-License-Identifier: MIT
/*
 * fs/readdir.c: listing a directory, getdents64(2)'s core.
 *
 * A directory file's f_pos is a cookie, not a byte offset:
 *
 *	0		"."
 *	1		".."
 *	2, 3, ...	the child whose d_off is that number, or the next
 *			one above it
 *
 * Each child gets the next cookie of its directory when it is linked in
 * (fs/dcache.c), so the list is sorted by cookie and a listing resumed
 * at any cookie neither repeats nor skips an entry that stayed, however
 * many names were added or removed in between. Renamed entries get a new
 * cookie, like a new name.
 *
 * The filesystem's iterate_shared() walks its entries and hands each
 * to the dir_context's actor; filldir() packs them into records in the
 * caller's buffer until it is full: struct linux_dirent64 for
 * getdents64(2), or the original struct linux_dirent for getdents(2),
 * which both arches still have.
 */
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>

#include "internal.h"

static unsigned int dt_type(umode_t mode)
{
	return (mode >> 12) & 15; /* S_IFDIR >> 12 == DT_DIR, and so on */
}

int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_dentry, *child, *parent;
	struct inode *idir = dir->d_inode;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, idir->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		u64 ino;

		parent = dget_parent(dir);
		ino = parent->d_inode->i_ino;
		dput(parent);
		if (!ctx->actor(ctx, "..", 2, 2, ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	mutex_lock(&idir->i_mutex);
	list_for_each_entry(child, &dir->d_subdirs, d_child) {
		if ((loff_t)child->d_off < ctx->pos)
			continue;
		if (!ctx->actor(ctx, child->d_name.name, child->d_name.len,
				child->d_off + 1, child->d_inode->i_ino,
				dt_type(child->d_inode->i_mode)))
			break;
		ctx->pos = child->d_off + 1;
	}
	mutex_unlock(&idir->i_mutex);
	return 0;
}

/* Directories seek to cookies: SEEK_SET and SEEK_CUR only. */
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/*
 * getdents(2)'s original record, still in the x86_64 and ppc64 tables:
 * no d_type field, the type hides in the record's last byte instead,
 * after the name's NUL.
 */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];
};

#define DIRENT64_NAME_OFFSET offsetof(struct linux_dirent64, d_name)
#define DIRENT_NAME_OFFSET offsetof(struct linux_dirent, d_name)
/* The largest record of either kind: header, NAME_MAX bytes, NUL, type. */
#define DIRENT_MAX ALIGN(DIRENT64_NAME_OFFSET + NAME_MAX + 2, 8)

/* Build one record in @rec (zeroed, DIRENT_MAX bytes); its length. */
typedef size_t (*pack_dirent_fn)(void *rec, const char *name, int namelen,
				 loff_t next_pos, u64 ino,
				 unsigned int d_type);

static size_t pack_dirent64(void *rec, const char *name, int namelen,
			    loff_t next_pos, u64 ino, unsigned int d_type)
{
	struct linux_dirent64 *d = rec;
	size_t reclen = ALIGN(DIRENT64_NAME_OFFSET + namelen + 1, 8);

	d->d_ino = ino;
	d->d_off = next_pos;
	d->d_reclen = (unsigned short)reclen;
	d->d_type = (unsigned char)d_type;
	memcpy(d->d_name, name, namelen);
	return reclen;
}

static size_t pack_dirent(void *rec, const char *name, int namelen,
			  loff_t next_pos, u64 ino, unsigned int d_type)
{
	struct linux_dirent *d = rec;
	size_t reclen = ALIGN(DIRENT_NAME_OFFSET + namelen + 2,
			      sizeof(long));

	d->d_ino = ino;
	d->d_off = next_pos;
	d->d_reclen = (unsigned short)reclen;
	memcpy(d->d_name, name, namelen);
	((char *)rec)[reclen - 1] = (char)d_type;
	return reclen;
}

struct getdents_callback {
	struct dir_context ctx;
	struct iov_iter *to;
	pack_dirent_fn pack;
	int written;		/* bytes of records so far */
	int error;
};

static bool filldir(struct dir_context *ctx, const char *name, int namelen,
		    loff_t next_pos, u64 ino, unsigned int d_type)
{
	struct getdents_callback *buf =
		container_of(ctx, struct getdents_callback, ctx);
	u64 rec[DIRENT_MAX / 8];
	size_t reclen;

	memset(rec, 0, sizeof(rec));
	reclen = buf->pack(rec, name, namelen, next_pos, ino, d_type);
	if (reclen > iov_iter_count(buf->to)) {
		if (!buf->written)
			buf->error = -EINVAL; /* not even one fits */
		return false;
	}
	if (copy_to_iter(rec, reclen, buf->to) != reclen) {
		buf->error = -EFAULT;
		return false;
	}
	buf->written += (int)reclen;
	return true;
}

static int iterate_dir(struct file *file, struct iov_iter *to,
		       pack_dirent_fn pack)
{
	struct getdents_callback buf = {
		.ctx.actor = filldir,
		.to = to,
		.pack = pack,
	};
	int err;

	if (!S_ISDIR(file->f_inode->i_mode) || !file->f_op->iterate_shared)
		return -ENOTDIR;
	mutex_lock(&file->f_pos_lock);
	buf.ctx.pos = file->f_pos;
	err = file->f_op->iterate_shared(file, &buf.ctx);
	file->f_pos = buf.ctx.pos;
	mutex_unlock(&file->f_pos_lock);
	if (err)
		return err;
	return buf.written ? buf.written : buf.error;
}

/*
 * vfs_getdents64 - as many whole records as fit in @to, from f_pos on.
 * Returns bytes written (0 at the end of the directory), -ENOTDIR,
 * -EINVAL if the buffer cannot hold the next record, or -EFAULT if the
 * first record could not be copied (a later one just ends the list).
 */
int vfs_getdents64(struct file *file, struct iov_iter *to)
{
	return iterate_dir(file, to, pack_dirent64);
}

/* getdents64(2) and getdents(2): the fd, then the buffer, then the rest. */
static long do_getdents(unsigned int fd, void __user *dirent,
			unsigned int count, pack_dirent_fn pack)
{
	struct file *file = fget(fd);
	struct iov_iter iter;
	long ret;

	if (!file)
		return -EBADF;
	ret = import_ubuf(ITER_DEST, dirent, count, &iter);
	if (!ret)
		ret = iterate_dir(file, &iter, pack);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd,
		struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, pack_dirent64);
}

#ifdef __NR_getdents
SYSCALL_DEFINE3(getdents, unsigned int, fd,
		void __user *, dirent,
		unsigned int, count)
{
	return do_getdents(fd, dirent, count, pack_dirent);
}
#endif
