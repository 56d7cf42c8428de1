// SPDX-License-Identifier: MIT
/*
 * fs/char_dev.c: character devices, and the two anvil has.
 *
 * A device node (S_IFCHR, made by mknod) carries a device number in
 * i_rdev. Opening it finds the driver registered for that number and
 * swaps the driver's file operations into the new file (chrdev_open),
 * so from then on reads and writes go straight to the driver.
 *
 *	(1, 3)	/dev/null	reads are EOF, writes vanish
 *	(5, 1)	/dev/console	a terminal: drivers/tty/n_tty.c
 */
#include <anvil/kernel.h>
#include <anvil/tty.h>

#include "internal.h"

/* ---- /dev/null -------------------------------------------------------- */

static ssize_t null_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *file, struct iov_iter *from,
			  loff_t *pos)
{
	size_t n = iov_iter_count(from);

	iov_iter_advance(from, n);
	return (ssize_t)n;
}

static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = null_read,
	.write_iter = null_write,
};

/* ---- the registry ----------------------------------------------------- */

#define MAX_CHRDEVS 16

struct char_device {
	dev_t dev;
	const char *name;
	const struct file_operations *fops;
};

static DEFINE_MUTEX(chrdevs_lock);
static struct char_device chrdevs[MAX_CHRDEVS] = {
	{ MKDEV(MEM_MAJOR, 3), "null", &null_fops },
	{ MKDEV(TTYAUX_MAJOR, 1), "console", &console_fops },
};

/* Register @fops for (major, minor). 0, -EBUSY (taken) or -ENOSPC. */
int register_chrdev(unsigned int major, unsigned int minor, const char *name,
		    const struct file_operations *fops)
{
	dev_t dev = MKDEV(major, minor);
	int err = -ENOSPC;

	mutex_lock(&chrdevs_lock);
	for (int i = 0; i < MAX_CHRDEVS; i++) {
		if (chrdevs[i].fops && chrdevs[i].dev == dev) {
			err = -EBUSY;
			break;
		}
		if (!chrdevs[i].fops) {
			chrdevs[i] = (struct char_device){ dev, name, fops };
			err = 0;
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return err;
}

static const struct file_operations *chrdev_lookup(dev_t dev)
{
	const struct file_operations *fops = NULL;

	mutex_lock(&chrdevs_lock);
	for (int i = 0; i < MAX_CHRDEVS && chrdevs[i].fops; i++) {
		if (chrdevs[i].dev == dev) {
			fops = chrdevs[i].fops;
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return fops;
}

/* Every device node's open: become the driver's file. -ENXIO if none. */
static int chrdev_open(struct inode *inode, struct file *file)
{
	const struct file_operations *fops = chrdev_lookup(inode->i_rdev);

	if (!fops)
		return -ENXIO;
	file->f_op = fops;
	if (fops->llseek)
		file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return fops->open ? fops->open(inode, file) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
