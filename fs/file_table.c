// SPDX-License-Identifier: MIT
/*
 * fs/file_table.c: struct file, from alloc_file() to the last fput().
 *
 * A file is one open of an inode: it holds references to the inode and
 * (except for pipes) to the dentry it was opened by, so an unlinked file
 * stays readable while open. f_count counts the fds and kernel users
 * that share it (dup, later fork). The last fput() calls the driver's
 * release() and drops the references; that may sleep, so fput() is for
 * task context only.
 *
 * Opening by name is fs/open.c; reading and writing fs/read_write.c.
 */
#include <anvil/kernel.h>
#include <anvil/slab.h>

#include "internal.h"

static struct kmem_cache *filp_cachep;

void files_init(void)
{
	filp_cachep = kmem_cache_create("filp", sizeof(struct file), 0,
					SLAB_PANIC, NULL);
}

/* FMODE_* for @flags opened with @fop. */
static fmode_t open_fmode(unsigned int flags,
			  const struct file_operations *fop)
{
	fmode_t mode = 0;

	if (flags & O_PATH)
		return FMODE_PATH; /* neither read nor write, nor seek */
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		mode = FMODE_READ;
		break;
	case O_WRONLY:
		mode = FMODE_WRITE;
		break;
	case O_RDWR:
		mode = FMODE_READ | FMODE_WRITE;
		break;
	}
	if (fop && fop->llseek)
		mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return mode;
}

/*
 * alloc_file - a new file of @inode (and @dentry, or NULL) with @fop,
 * before any open() method ran. Takes its own references to both.
 * Returns the file with one reference, or ERR_PTR(-ENOMEM). May sleep.
 */
struct file *alloc_file(struct inode *inode, struct dentry *dentry,
			unsigned int flags, const struct file_operations *fop)
{
	struct file *file = kmem_cache_zalloc(filp_cachep, GFP_KERNEL);

	if (!file)
		return ERR_PTR(-ENOMEM);
	atomic_set(&file->f_count, 1);
	ihold(inode);
	file->f_inode = inode;
	file->f_dentry = dget(dentry);
	file->f_op = fop;
	/*
	 * Creation-time flags mean nothing after open, as in Linux, and
	 * close-on-exec belongs to the fd, not the file.
	 */
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC |
				  O_CLOEXEC);
	file->f_mode = open_fmode(flags, fop);
	spin_lock_init(&file->f_lock);
	mutex_init(&file->f_pos_lock);
	return file;
}

void file_free_unopened(struct file *file)
{
	dput(file->f_dentry);
	iput(file->f_inode);
	kmem_cache_free(filp_cachep, file);
}

struct file *get_file(struct file *file)
{
	atomic_inc(&file->f_count);
	return file;
}

void fput(struct file *file)
{
	if (!file || !atomic_dec_and_test(&file->f_count))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	file_free_unopened(file);
}
