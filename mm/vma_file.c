// SPDX-License-Identifier: MIT
/*
 * mm/vma_file.c: the file side of mappings. A file VMA holds a reference
 * on its file (vm_file, at page vm_pgoff of it) and sits on its file's
 * reverse map, mapping->i_mmap: a list of every VMA, in every mm, that
 * maps the file. Truncation walks that list to unmap what lies past the
 * new end of the file.
 *
 *	vma_get_file, vma_put_file	the VMA's file reference
 *	vma_file_lock/unlock,		i_mmap and its mutex (mm/vma.c
 *	__vma_link_file, __unlink_file_vma	calls these; the host tests
 *					link tests/host/vma_file_stub.c)
 *	mmap_file_check, call_mmap	mmap(2) of a file (mm/mmap.c)
 *	unmap_mapping_range		zap every PTE of a range of a file
 *	truncate_pagecache		the mm half of a shrinking truncate
 *
 * i_mmap_mutex is a mutex, not a spinlock (seed 000): a truncate zaps the
 * PTEs of any number of VMAs through the preemptible mmu_gather, which
 * drops the PTL, flushes and reschedules as it goes, so the lock held
 * across the whole walk must be one that may be held while sleeping.
 * Lock order (mm/rmap.c): mmap_lock -> i_mmap_mutex -> PTL; truncate
 * comes in with the inode's i_rwsem held, which is above mmap_lock.
 *
 * What i_mmap_mutex guards: the list, and the bounds and offset of every
 * VMA on it (vma_adjust changes them under it), so that a walker holding
 * only the mutex, not the mms' mmap_locks, computes the right ranges.
 * The page tables under a VMA on the list stay allocated while it is
 * there: munmap takes VMAs off before freeing tables (vma_remove_range,
 * then unmap_region), exit_mmap takes them all off first, and mremap
 * holds the mutex while it moves PTEs from one VMA to another.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mman.h>
#include <anvil/mutex.h>
#include <anvil/pgtable.h>

#include "vma_internal.h"

static struct address_space *vma_mapping(struct vm_area_struct *vma)
{
	return vma->vm_file->f_inode->i_mapping;
}

void vma_get_file(struct vm_area_struct *vma)
{
	get_file(vma->vm_file);
}

void vma_put_file(struct vm_area_struct *vma)
{
	fput(vma->vm_file);
}

void vma_file_lock(struct vm_area_struct *vma)
{
	mutex_lock(&vma_mapping(vma)->i_mmap_mutex);
}

void vma_file_unlock(struct vm_area_struct *vma)
{
	mutex_unlock(&vma_mapping(vma)->i_mmap_mutex);
}

void __vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma_mapping(vma);

	lockdep_assert_held(&mapping->i_mmap_mutex.dep_map);
	WARN_ON(!list_empty(&vma->shared));
	list_add_tail(&vma->shared, &mapping->i_mmap);
}

void __unlink_file_vma(struct vm_area_struct *vma)
{
	lockdep_assert_held(&vma_mapping(vma)->i_mmap_mutex.dep_map);
	list_del_init(&vma->shared);	/* init: a second unlink is a no-op */
}

/*
 * May @file be mapped with @prot and @flags? Linux's rules: the file
 * needs an mmap method (pipes and the console have none: -ENODEV) and
 * must be open for reading (-EACCES). A shared mapping writes to the
 * file, so PROT_WRITE needs it open for writing (-EACCES), and without
 * that mprotect may never add PROT_WRITE later (VM_MAYWRITE goes). A
 * private mapping writes to its own copies: O_RDONLY is enough.
 */
int mmap_file_check(struct file *file, unsigned long prot,
		    unsigned long flags, unsigned long *vm_flags)
{
	if (!file->f_op || !file->f_op->mmap)
		return -ENODEV;
	if (!(file->f_mode & FMODE_READ))
		return -EACCES;
	if ((flags & MAP_TYPE) == MAP_SHARED &&
	    !(file->f_mode & FMODE_WRITE)) {
		if (prot & PROT_WRITE)
			return -EACCES;
		*vm_flags &= ~VM_MAYWRITE;
	}
	return 0;
}

int call_mmap(struct file *file, struct vm_area_struct *vma)
{
	return file->f_op->mmap(file, vma);
}

/*
 * unmap_mapping_range - zap every PTE, in every mm, that maps bytes
 * [@start, @start + @len) of @mapping (@len 0: to the end of the file).
 * Private copies (anonymous pages COWed from the file) go too: after a
 * truncate nothing may be left mapped past the end (Linux's even_cows).
 *
 * Called with i_rwsem held and no mmap_lock: the VMAs are found through
 * i_mmap under i_mmap_mutex, held across the whole walk. Each zap has its
 * own mmu_gather and may drop the PTL, flush and sleep inside
 * (zap_pte_range) -- which is why the mutex is a mutex. May sleep.
 */
void unmap_mapping_range(struct address_space *mapping, loff_t start,
			 loff_t len)
{
	unsigned long first = (unsigned long)(start >> PAGE_SHIFT);
	unsigned long last = len ? (unsigned long)((start + len - 1) >>
						   PAGE_SHIFT) :
				   ~0UL;
	struct vm_area_struct *vma;

	mutex_lock(&mapping->i_mmap_mutex);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long vfirst = vma->vm_pgoff;
		unsigned long vlast = vfirst + vma_pages(vma) - 1;
		unsigned long zfirst = max(first, vfirst);
		unsigned long zlast = min(last, vlast);

		if (zfirst > zlast)
			continue;
		zap_page_range(vma,
			       vma->vm_start + ((zfirst - vfirst) << PAGE_SHIFT),
			       (zlast - zfirst + 1) << PAGE_SHIFT);
	}
	mutex_unlock(&mapping->i_mmap_mutex);
}

/*
 * truncate_pagecache - @inode shrank to @newsize (already set): unmap,
 * then drop, the pages wholly past it. The page holding the new end
 * stays, mapped, and reads as zeros past the end; a touch of any page
 * after it now faults SIGBUS (filemap_fault). Linux's two passes: the
 * first unmaps what is there; the second catches a fault that found a
 * page before truncate_inode_pages took it out of the cache and mapped
 * it after the first pass (do_fault rechecks page->mapping under the
 * PTL, so after the second pass none can). i_rwsem held; may sleep.
 */
void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	struct address_space *mapping = inode->i_mapping;
	loff_t holebegin = ALIGN(newsize, PAGE_SIZE);

	unmap_mapping_range(mapping, holebegin, 0);
	truncate_inode_pages(mapping, newsize);
	unmap_mapping_range(mapping, holebegin, 0);
}
