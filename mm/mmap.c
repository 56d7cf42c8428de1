// SPDX-License-Identifier: MIT
/*
 * mm/mmap.c: the mmap family on an mm_struct: mapping anonymous memory
 * and files (the file side: mm/vma_file.c), unmapping any part of any VMAs, moving the heap's break, and taking a
 * whole address space down. (Protection changes are mm/mprotect.c; the
 * VMA tree operations mm/vma.c; page tables mm/memory.c.)
 *
 * Each function takes the mm's mmap_lock itself, for writing, and may
 * sleep. Errors are Linux's negative errno values; an address returned
 * by do_mmap is page-aligned, so a caller tells an error from an address
 * with IS_ERR_VALUE-style "not page-aligned".
 *
 * The munmap walk, from the syscall to the TLB (docs/mm.md draws it):
 *
 *	do_munmap
 *	  vma_remove_range	split at the edges, unlink the VMAs inside
 *	  tlb_gather_mmu	a gather on this stack
 *	  unmap_vmas		zap_pte_range: clear PTEs, gather pages
 *	  free_pgd_range	gather the tables nothing else uses
 *	  tlb_finish_mmu	flush the TLBs, then free pages and tables
 *	  vm_area_free		the VMA objects
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/mmu_gather.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>

#include "internal.h"
#include "vma_internal.h"

/* PROT_* and MAP_* to VM_* (the VM_MAY* bits: what mprotect may add). */
unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (prot & PROT_READ)
		vm |= VM_READ;
	if (prot & PROT_WRITE)
		vm |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm |= VM_EXEC;
	if (flags & MAP_SHARED)
		vm |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_NORESERVE)
		vm |= VM_NORESERVE;
	if (flags & MAP_GROWSDOWN)
		vm |= VM_GROWSDOWN;
	return vm;
}

/*
 * Zap and free what vma_remove_range() detached from [start, end). The
 * page tables go only where neither neighbour (prev below, next above)
 * still maps. mmap_lock held for writing.
 */
static void unmap_region(struct mm_struct *mm, struct list_head *detached,
			 unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma, *tmp, *prev, *next;
	struct mmu_gather tlb;

	next = find_vma_prev(mm, start, &prev);
	tlb_gather_mmu(&tlb, mm, false);
	list_for_each_entry(vma, detached, vm_detached)
		unmap_vmas(&tlb, vma, vma->vm_start, vma->vm_end);
	free_pgd_range(&tlb, start, end, prev ? prev->vm_end : 0,
		       next ? next->vm_start : 0);
	tlb_finish_mmu(&tlb);
	list_for_each_entry_safe(vma, tmp, detached, vm_detached) {
		list_del(&vma->vm_detached);
		mm->total_vm -= vma_pages(vma);
		vm_area_free(vma);
	}
}

/*
 * __do_munmap - do_munmap() for callers that hold mmap_lock for writing
 * already and have checked the range (MAP_FIXED, brk, mremap): remove
 * every part of every VMA inside [start, end), page-aligned.
 */
int __do_munmap(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	LIST_HEAD(detached);
	int err = vma_remove_range(mm, start, end, &detached);

	if (err)
		return err;
	if (!list_empty(&detached))
		unmap_region(mm, &detached, start, end);
	return 0;
}

/*
 * do_munmap - unmap [start, start + len): any part of any VMAs, holes
 * allowed. -EINVAL for an unaligned start, a zero length or a range past
 * the end of user space; -ENOMEM if a VMA could not be split.
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end;
	int err;

	if (!PAGE_ALIGNED(start) || !len || start > mm->task_size ||
	    len > mm->task_size - start)
		return -EINVAL;
	end = start + ALIGN(len, PAGE_SIZE);
	down_write(&mm->mmap_lock);
	err = __do_munmap(mm, start, end);
	up_write(&mm->mmap_lock);
	return err;
}

/* Fault every page of [start, end) in now (MAP_POPULATE, brk growth). */
static void populate_range(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end)
{
	unsigned int flags = (vma->vm_flags & VM_WRITE) ? FAULT_FLAG_WRITE : 0;

	for (; start < end; start += PAGE_SIZE)
		if (handle_mm_fault(vma, start, flags))
			break; /* out of memory: the rest faults in later */
}

/*
 * Map [addr, addr + len) with @vm_flags: anonymous memory if @file is
 * NULL, else @file from page @pgoff on. Merge with a neighbour when they
 * are compatible (for a file: the same file at the adjacent offset),
 * else a new VMA, which takes its own file reference and gets its
 * vm_ops from the file's f_op->mmap before it is linked (onto i_mmap
 * too). The range is free. Returns the VMA or an ERR_PTR.
 */
static struct vm_area_struct *map_region(struct mm_struct *mm,
					 unsigned long addr, unsigned long len,
					 unsigned long vm_flags,
					 struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *vma, *prev;
	int err;

	if (!file)
		pgoff = addr >> PAGE_SHIFT;
	find_vma_prev(mm, addr, &prev);
	vma = vma_merge(mm, prev, addr, addr + len, vm_flags, NULL, file,
			pgoff);
	if (vma)
		goto out;
	vma = vm_area_alloc(mm);
	if (!vma)
		return ERR_PTR(-ENOMEM);
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	if (file) {
		vma->vm_file = file;
		vma_get_file(vma);
		err = call_mmap(file, vma);
		if (err) {
			vm_area_free(vma);	/* drops the reference */
			return ERR_PTR(err);
		}
	}
	if (insert_vm_struct(mm, vma)) {
		vm_area_free(vma);
		return ERR_PTR(-ENOMEM);
	}
out:
	mm->total_vm += len >> PAGE_SHIFT;
	return vma;
}

/* The errno for bad mmap arguments, or 0. Checked before any change. */
static int mmap_check(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags)
{
	unsigned long type = flags & MAP_TYPE;

	if (!len)
		return -EINVAL;
	if (type != MAP_PRIVATE && type != MAP_SHARED)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) && !PAGE_ALIGNED(addr))
		return -EINVAL;
	if (len > mm->task_size)
		return -ENOMEM;
	return 0;
}

/*
 * do_mmap_file - the mmap syscall on @mm: of @file from byte @off (page
 * aligned; the syscall checked), or anonymous memory when @file is NULL
 * (MAP_ANONYMOUS: @off is ignored). The caller holds its own reference
 * on @file for the call; the VMA takes another. Returns the address, or
 * a negative errno: -EINVAL for bad arguments, -ENOMEM when no range
 * fits or memory ran out, -EEXIST when MAP_FIXED_NOREPLACE would
 * replace something; for files also -ENODEV (cannot be mapped), -EACCES
 * (the open mode does not allow it), -EOVERFLOW (offset + length wrap).
 */
unsigned long do_mmap_file(struct mm_struct *mm, struct file *file,
			   unsigned long addr, unsigned long len,
			   unsigned long prot, unsigned long flags,
			   unsigned long off)
{
	struct vm_area_struct *vma;
	unsigned long ret, vm_flags, pgoff = off >> PAGE_SHIFT;
	int err = mmap_check(mm, addr, len, prot, flags);

	if (err)
		return (unsigned long)err;
	if (flags & MAP_ANONYMOUS)
		file = NULL;
	len = ALIGN(len, PAGE_SIZE);
	vm_flags = calc_vm_flags(prot, flags);
	if (file) {
		/* Linux's file_mmap_ok: the end must fit in a loff_t. */
		if (off > (~0UL >> 1) - len)
			return (unsigned long)-EOVERFLOW;
		err = mmap_file_check(file, prot, flags, &vm_flags);
		if (err)
			return (unsigned long)err;
	}
	down_write(&mm->mmap_lock);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		ret = -ENOMEM;		/* past user space: Linux's errno */
		if (addr > mm->task_size - len)
			goto out;
		ret = -EINVAL;
		if (addr < mmap_min_addr)
			goto out;
		ret = -EEXIST;
		if ((flags & MAP_FIXED_NOREPLACE) &&
		    find_vma_intersection(mm, addr, addr + len))
			goto out;
		/* MAP_FIXED replaces whatever was there. */
		ret = __do_munmap(mm, addr, addr + len);
		if (ret)
			goto out;
	} else {
		addr = get_unmapped_area(mm, addr, len);
		ret = addr;
		if (!PAGE_ALIGNED(addr))
			goto out;
	}
	vma = map_region(mm, addr, len, vm_flags, file, pgoff);
	ret = PTR_ERR(vma);
	if (IS_ERR(vma))
		goto out;
	/*
	 * Shared anonymous memory has no object behind it (Linux's shmem
	 * file): a page is shared only once it exists, when fork copies its
	 * PTE. So it is faulted in now; a page touched first after a fork
	 * would otherwise be each process's own.
	 */
	if ((flags & MAP_POPULATE) || (!file && (vm_flags & VM_SHARED)))
		populate_range(vma, addr, addr + len);
	ret = addr;
out:
	up_write(&mm->mmap_lock);
	return ret;
}

/*
 * do_mmap - do_mmap_file() for anonymous mappings, the kernel's own
 * callers (exec, the signal page, tests). A file is named by a struct
 * file, not a descriptor, in the kernel: the syscall looks @fd up and
 * calls do_mmap_file; here a file mapping is -EBADF.
 */
unsigned long do_mmap(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long fd, unsigned long off)
{
	if (!(flags & MAP_ANONYMOUS))
		return (unsigned long)-EBADF;
	return do_mmap_file(mm, NULL, addr, len, prot, flags, off);
}

/*
 * do_brk - move the heap's end to @brk. Growing maps anonymous memory
 * after the old end (merged into the heap VMA); shrinking unmaps. Like
 * Linux's brk(), returns the new break, or the old one if it could not
 * move (below start_brk, into another mapping, or out of memory).
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long old, newend, oldend;

	down_write(&mm->mmap_lock);
	old = mm->brk;
	if (brk < mm->start_brk || brk > mm->task_size)
		goto out;
	newend = ALIGN(brk, PAGE_SIZE);
	oldend = ALIGN(old, PAGE_SIZE);
	if (newend < oldend) {
		if (__do_munmap(mm, newend, oldend))
			goto out;
	} else if (newend > oldend) {
		if (find_vma_intersection(mm, oldend, newend) ||
		    IS_ERR(map_region(mm, oldend, newend - oldend,
				      VM_READ | VM_WRITE | VM_MAYREAD |
					      VM_MAYWRITE | VM_MAYEXEC,
				      NULL, 0)))
			goto out;
	}
	mm->brk = brk;
out:
	brk = mm->brk;
	up_write(&mm->mmap_lock);
	return brk;
}

/*
 * exit_mmap - the last user of @mm is gone: zap every mapping, free every
 * page table (one full-mm gather), and every VMA. File VMAs leave their
 * i_mmap lists first: a truncate walks those lists, and the PTEs under
 * them, holding only i_mmap_mutex, so no page table may be freed while
 * a VMA over it is still there to be found.
 */
void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->mmap, *next;
	struct mmu_gather tlb;

	down_write(&mm->mmap_lock);
	for (next = vma; next; next = next->vm_next)
		unlink_file_vma(next);
	tlb_gather_mmu(&tlb, mm, true);
	unmap_vmas(&tlb, vma, 0, mm->task_size);
	free_pgd_range(&tlb, 0, mm->task_size, 0, 0);
	tlb_finish_mmu(&tlb);
	for (; vma; vma = next) {
		next = vma->vm_next;
		vma_unlink(mm, vma);
		vm_area_free(vma);
	}
	mm->total_vm = 0;
	up_write(&mm->mmap_lock);
}
