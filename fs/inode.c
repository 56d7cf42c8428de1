// SPDX-License-Identifier: MIT
/*
 * fs/inode.c: inodes, from birth (new_inode) to eviction (the last
 * iput), and the small helpers every filesystem uses on them: link
 * counts, times, permissions, stat, truncation.
 *
 * Lifetime: i_count counts references (each dentry naming the inode,
 * each open file of it, any kernel user that called ihold). ramfs keeps
 * nothing on disk, so when the last reference goes the inode is gone:
 * its pages are freed and the memory returned. An unlinked file that is
 * still open therefore lives until the last close, as in Unix.
 *
 * The dentry side is fs/dcache.c; the page cache fs/filemap.c.
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/time.h>

#include "internal.h"

static struct kmem_cache *inode_cachep;
/* Inodes without a superblock (pipes) are numbered from here. */
static atomic_long_t anon_next_ino;

void inode_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode),
					 0, SLAB_PANIC, NULL);
}

static u64 next_ino(atomic_long_t *counter)
{
	return (u64)__atomic_add_fetch(&counter->counter, 1, __ATOMIC_RELAXED);
}

static void address_space_init(struct address_space *mapping,
			       struct inode *host)
{
	mapping->host = host;
	spin_lock_init(&mapping->tree_lock);
	INIT_RADIX_TREE(&mapping->page_tree);
	mapping->nrpages = 0;
	mutex_init(&mapping->i_mmap_mutex);
	INIT_LIST_HEAD(&mapping->i_mmap);
}

/*
 * new_inode - a blank inode of @sb (NULL for a pipe), one reference,
 * one link, times set to now. The caller fills in the mode and the
 * operations. NULL if out of memory. May sleep.
 */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);

	if (!inode)
		return NULL;
	atomic_set(&inode->i_count, 1);
	inode->i_nlink = 1;
	inode->i_sb = sb;
	inode->i_ino = next_ino(sb ? &sb->s_next_ino : &anon_next_ino);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	inode->i_dir_seq = 2; /* readdir cookies 0 and 1 are "." and ".." */
	spin_lock_init(&inode->i_lock);
	init_rwsem(&inode->i_rwsem);
	mutex_init(&inode->i_mutex);
	address_space_init(&inode->i_data, inode);
	inode->i_mapping = &inode->i_data;
	if (sb)
		atomic_inc(&sb->s_nr_inodes);
	return inode;
}

void ihold(struct inode *inode)
{
	WARN_ON(atomic_inc_return(&inode->i_count) < 2);
}

/* The last reference is gone: free everything the inode owns. */
static void evict(struct inode *inode)
{
	truncate_inode_pages(inode->i_mapping, 0);
	if (S_ISLNK(inode->i_mode))
		kfree(inode->i_link);
	else if (S_ISFIFO(inode->i_mode) && inode->i_pipe)
		free_pipe_info(inode->i_pipe);
	if (inode->i_sb)
		atomic_dec(&inode->i_sb->s_nr_inodes);
	kmem_cache_free(inode_cachep, inode);
}

void iput(struct inode *inode)
{
	if (inode && atomic_dec_and_test(&inode->i_count))
		evict(inode);
}

struct timespec64 current_time(void)
{
	u64 ns = ktime_get_real_ns();	/* file times are wall-clock times */

	return (struct timespec64){
		.tv_sec = (s64)(ns / NSEC_PER_SEC),
		.tv_nsec = (long)(ns % NSEC_PER_SEC),
	};
}

void inode_touch(struct inode *inode, bool mtime)
{
	struct timespec64 now = current_time();

	spin_lock(&inode->i_lock);
	inode->i_ctime = now;
	if (mtime)
		inode->i_mtime = now;
	spin_unlock(&inode->i_lock);
}

void inc_nlink(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	inode->i_nlink++;
	spin_unlock(&inode->i_lock);
}

void drop_nlink(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	if (!WARN_ON(inode->i_nlink == 0))
		inode->i_nlink--;
	spin_unlock(&inode->i_lock);
}

void clear_nlink(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	inode->i_nlink = 0;
	spin_unlock(&inode->i_lock);
}

/*
 * inode_permission - may the caller access @inode for @mask (MAY_*)?
 * There are no credentials yet: everyone is root, and root may do
 * anything except execute a regular file with no execute bit at all.
 * Returns 0 or -EACCES.
 */
int inode_permission(struct inode *inode, int mask)
{
	umode_t mode = READ_ONCE(inode->i_mode);

	if ((mask & MAY_EXEC) && S_ISREG(mode) && !(mode & S_IXUGO))
		return -EACCES;
	return 0;
}

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	spin_lock(&inode->i_lock);
	stat->ino = inode->i_ino;
	stat->dev = inode->i_sb ? inode->i_sb->s_dev : 0;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	spin_unlock(&inode->i_lock);
	stat->size = i_size_read(inode);
	stat->blksize = PAGE_SIZE;
	stat->blocks = READ_ONCE(inode->i_mapping->nrpages) * (PAGE_SIZE / 512);
}

/*
 * truncate_setsize - set a file's size. Shrinking frees the pages wholly
 * past the new end and zeroes the rest of the last one, so that growing
 * the file again shows zeros, not old data. i_rwsem held for writing.
 */
void truncate_setsize(struct inode *inode, loff_t newsize)
{
	loff_t old = i_size_read(inode);
	size_t tail = newsize & (PAGE_SIZE - 1);

	i_size_write(inode, newsize);
	if (newsize >= old)
		return;
	/* Unmaps first: mappings past the new end fault SIGBUS from now. */
	truncate_pagecache(inode, newsize);
	if (tail) {
		struct page *page = find_get_page(inode->i_mapping,
						  newsize >> PAGE_SHIFT);

		if (page) {
			memset((char *)page_address(page) + tail, 0,
			       PAGE_SIZE - tail);
			put_page(page);
		}
	}
}

/*
 * A device node: opening it opens the driver. Only character devices
 * exist; other special files (fifos, sockets, block devices) can be
 * named but not opened yet (-ENXIO).
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t dev)
{
	inode->i_mode = mode;
	inode->i_rdev = dev;
	if (S_ISCHR(mode))
		inode->i_fop = &def_chr_fops;
}

char *kstrndup(const char *s, size_t len, gfp_t gfp)
{
	char *copy;

	len = strnlen(s, len);
	copy = kmalloc(len + 1, gfp);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}
