// SPDX-License-Identifier: MIT
/*
 * fs/filemap.c: the page cache. A file's data are pages in its
 * address_space's radix tree, keyed by page index; there is no disk
 * behind them, so a page in the cache *is* the data and a missing one
 * is a hole.
 *
 *	find_get_page		lookup, with a reference (never sleeps)
 *	find_or_create_page	lookup or add a zeroed page (may sleep)
 *	truncate_inode_pages	drop pages from an offset on
 *	generic_file_read_iter	read(2) on a ramfs file
 *	generic_file_write_iter	write(2) on a ramfs file
 *	filemap_fault		a page fault on a mapping of the file
 *	generic_file_mmap	mmap(2) of a ramfs file
 *
 * References: the tree holds one on every page in it (the one
 * alloc_page() returned); every lookup adds one the caller drops with
 * put_page(). Removing a page from the tree clears page->mapping and
 * drops the tree's reference, so a page someone still holds (a read in
 * progress, later a mapping) lives on until they let go.
 *
 * Locks: mapping->tree_lock (a spinlock) around every tree access;
 * pages are allocated and copied outside it. Reads hold the inode's
 * i_rwsem shared, writes and truncation hold it exclusive, so the size
 * and the pages agree. The mmap fault path uses only the tree_lock: it
 * runs under mmap_lock, which write() may need while it holds i_rwsem (a
 * user buffer that faults), so it cannot take i_rwsem and reads i_size
 * racily; truncate's second unmap pass (truncate_pagecache) covers the
 * race.
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/pgtable.h>
#include <anvil/string.h>
#include <anvil/vmstat.h>

#include "internal.h"

struct page *find_get_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page;

	spin_lock(&mapping->tree_lock);
	page = radix_tree_lookup(&mapping->page_tree, index);
	if (page)
		get_page(page);
	spin_unlock(&mapping->tree_lock);
	return page;
}

/*
 * Put @page in the cache at @index. Returns 0 (the tree now holds the
 * page's first reference), -EEXIST if someone else added one first, or
 * -ENOMEM. May sleep.
 */
static int add_to_page_cache(struct page *page,
			     struct address_space *mapping, pgoff_t index)
{
	struct radix_tree_preload pl;
	int err;

	do {
		if (radix_tree_preload(&pl, &mapping->page_tree, index,
				       GFP_KERNEL))
			return -ENOMEM;
		spin_lock(&mapping->tree_lock);
		err = radix_tree_insert(&mapping->page_tree, index, page, &pl);
		if (!err) {
			page->mapping = mapping;
			page->index = index;
			mapping->nrpages++;
			inc_node_page_state(page, NR_FILE_PAGES);
		}
		spin_unlock(&mapping->tree_lock);
		radix_tree_preload_end(&pl);
	} while (err == -EAGAIN);
	return err;
}

struct page *find_or_create_page(struct address_space *mapping,
				 pgoff_t index)
{
	struct page *page;
	int err;

	for (;;) {
		page = find_get_page(mapping, index);
		if (page)
			return page;
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			return NULL;
		err = add_to_page_cache(page, mapping, index);
		if (!err) {
			get_page(page); /* the caller's; the tree has one */
			return page;
		}
		put_page(page);
		if (err != -EEXIST)
			return NULL;
		/* Raced with another insert: use theirs. */
	}
}

#define TRUNCATE_BATCH 16

void truncate_inode_pages(struct address_space *mapping, loff_t start)
{
	pgoff_t index = DIV_ROUND_UP((u64)start, PAGE_SIZE);
	struct page *pages[TRUNCATE_BATCH];
	unsigned int n, i;

	do {
		spin_lock(&mapping->tree_lock);
		n = radix_tree_gang_lookup(&mapping->page_tree, (void **)pages,
					   index, TRUNCATE_BATCH);
		for (i = 0; i < n; i++) {
			radix_tree_delete(&mapping->page_tree, pages[i]->index);
			pages[i]->mapping = NULL;
			mapping->nrpages--;
			dec_node_page_state(pages[i], NR_FILE_PAGES);
		}
		spin_unlock(&mapping->tree_lock);
		for (i = 0; i < n; i++) {
			index = pages[i]->index + 1;
			put_page(pages[i]);
		}
	} while (n == TRUNCATE_BATCH);
}

ssize_t generic_file_read_iter(struct file *file, struct iov_iter *to,
			       loff_t *pos)
{
	struct inode *inode = file->f_inode;
	ssize_t done = 0;
	loff_t size;

	down_read(&inode->i_rwsem);
	size = i_size_read(inode);
	while (iov_iter_count(to) && *pos < size) {
		size_t offset = *pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - offset), iov_iter_count(to));
		struct page *page;
		size_t copied;

		n = min((loff_t)n, size - *pos);
		page = find_get_page(inode->i_mapping, *pos >> PAGE_SHIFT);
		if (page) {
			copied = copy_to_iter((char *)page_address(page) + offset,
					      n, to);
			put_page(page);
		} else {
			copied = iov_iter_zero(n, to); /* a hole */
		}
		*pos += copied;
		done += copied;
		if (copied < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	up_read(&inode->i_rwsem);
	return done;
}

/*
 * Writes fill pages from the iterator, allocating them as needed; the
 * file grows to cover what was written. Returns bytes written, or an
 * error if nothing was: -EFBIG past the size limit, -ENOMEM, -EFAULT.
 */
ssize_t generic_file_write_iter(struct file *file, struct iov_iter *from,
				loff_t *pos)
{
	struct inode *inode = file->f_inode;
	loff_t limit = inode->i_sb->s_maxbytes;
	ssize_t done = 0, err = 0;

	down_write(&inode->i_rwsem);
	if (file->f_flags & O_APPEND)
		*pos = i_size_read(inode);
	if (iov_iter_count(from) && *pos >= limit)
		err = -EFBIG;
	while (!err && iov_iter_count(from) && *pos < limit) {
		size_t offset = *pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - offset),
			       iov_iter_count(from));
		struct page *page;
		size_t copied;

		n = min((loff_t)n, limit - *pos);
		page = find_or_create_page(inode->i_mapping,
					   *pos >> PAGE_SHIFT);
		if (!page) {
			err = -ENOMEM;
			break;
		}
		copied = copy_from_iter((char *)page_address(page) + offset, n,
					from);
		put_page(page);
		*pos += copied;
		done += copied;
		if (copied < n)
			err = -EFAULT;
	}
	if (*pos > i_size_read(inode))
		i_size_write(inode, *pos);
	if (done)
		inode_touch(inode, true);
	up_write(&inode->i_rwsem);
	return done ? done : err;
}

/*
 * filemap_fault - vm_ops->fault for page-cache files: the page at
 * vmf->pgoff, referenced, created (zeroed) if it is a hole. Linux's rule
 * for the end of the file: the page holding the last byte may be mapped
 * whole (the rest of it reads as zeros); any page after it is SIGBUS.
 * The size is checked again after the lookup, as a truncate may have
 * run meanwhile; a page it had already removed is caught by do_fault.
 * mmap_lock held for reading; may sleep.
 */
int filemap_fault(struct vm_fault *vmf)
{
	struct inode *inode = vmf->vma->vm_file->f_inode;
	struct page *page;

	if (vmf->pgoff >= DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE))
		return VM_FAULT_SIGBUS;
	page = find_or_create_page(inode->i_mapping, vmf->pgoff);
	if (!page)
		return VM_FAULT_OOM;
	if (vmf->pgoff >= DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE)) {
		put_page(page);
		return VM_FAULT_SIGBUS;
	}
	vmf->page = page;
	return 0;
}

/*
 * filemap_map_pages - vm_ops->map_pages: the pages of [@first, @first +
 * @nr) that the cache has (a hole or a page past the end of the file is
 * left to ->fault), each with a reference, for map_pages_around(). Only
 * the tree_lock, page by page: never waits.
 */
void filemap_map_pages(struct vm_fault *vmf, unsigned long first,
		       unsigned int nr)
{
	struct inode *inode = vmf->vma->vm_file->f_inode;
	unsigned long size = DIV_ROUND_UP(i_size_read(inode), PAGE_SIZE);
	struct page *pages[FAULT_AROUND_PAGES];

	nr = min_t(unsigned int, nr, FAULT_AROUND_PAGES);
	for (unsigned int i = 0; i < nr; i++)
		pages[i] = first + i < size ?
				   find_get_page(inode->i_mapping, first + i) :
				   NULL;
	map_pages_around(vmf, first, pages, nr);
}

static const struct vm_operations_struct generic_file_vm_ops = {
	.fault = filemap_fault,
	.map_pages = filemap_map_pages,
};

/*
 * The page cache's pages are the data, so mapping a ramfs file is only
 * a matter of faulting them in; nothing to do at mmap time.
 */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &generic_file_vm_ops;
	return 0;
}
