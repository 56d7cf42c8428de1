// SPDX-License-Identifier: MIT
/*
 * mm/madvise.c: advice about a range of memory (madvise).
 *
 *	MADV_DONTNEED	zap the range: its pages go back through the
 *			mmu_gather (zap_page_range: unhook, flush, free),
 *			and the next touch faults in a zeroed page
 *	MADV_FREE	the same here (see below)
 *	MADV_DONTFORK	set VM_DONTCOPY, which dup_mm honours: a child
 *			of fork does not get the range at all
 *	MADV_DOFORK	clear it again
 *	MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED
 *			accepted, nothing to do: they tune readahead and
 *			swap-in, and anvil has neither yet
 *	anything else	EINVAL, what Linux answers for advice its build
 *			lacks (KSM, THP, ...)
 *
 * The range is walked VMA by VMA. Holes are skipped, and if there was
 * one the call ends with ENOMEM after applying the advice to the mapped
 * parts, as in Linux. An unaligned start is EINVAL; a length is rounded
 * up to whole pages, and a zero one does nothing.
 *
 * MADV_FREE lets Linux keep a clean page until memory is short, and
 * drop it then; without reclaim, dropping it now is one of the outcomes
 * Linux allows (the program must not rely on the data either way).
 *
 * DONTNEED on a shared anonymous mapping changes nothing: in Linux those
 * pages live in a shmem object, and zapping the PTEs only makes the next
 * touch find the same data again. anvil's shared anonymous pages have no
 * such object (the PTEs are the only thing that holds them), so zapping
 * would lose data Linux keeps. MADV_FREE there is EINVAL, as in Linux.
 *
 * DONTNEED, FREE and WILLNEED take mmap_lock for reading (faults on
 * other threads go on meanwhile; every PTE change is under its PTL);
 * the advice that changes vm_flags takes it for writing.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>

#include "vma_internal.h"

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
		return true;
	default:
		return false;
	}
}

/* Advice that changes VMAs needs mmap_lock for writing. */
static bool madvise_need_mmap_write(int behavior)
{
	return behavior == MADV_DONTFORK || behavior == MADV_DOFORK;
}

/*
 * Give [start, end) of @vma the flags @newflags: split it at the edges
 * of the range if they fall inside, then merge with neighbours that now
 * look the same (as mprotect does). A split that finds no memory is
 * EAGAIN, Linux's "try again" for madvise.
 */
static int madvise_update_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long start, unsigned long end,
			      unsigned long newflags)
{
	int err;

	if (newflags == vma->vm_flags)
		return 0;
	if (start > vma->vm_start) {
		err = split_vma(mm, vma, start, 0);
		if (err)
			return err == -ENOMEM ? -EAGAIN : err;
		vma = vma->vm_next;
	}
	if (end < vma->vm_end) {
		err = split_vma(mm, vma, end, 0);
		if (err)
			return err == -ENOMEM ? -EAGAIN : err;
	}
	vma->vm_flags = newflags;
	vma_merge(mm, vma->vm_prev, vma->vm_start, vma->vm_end, newflags,
		  vma->anon_vma, vma->vm_file, vma->vm_pgoff);
	return 0;
}

/* Zap [start, end) of a private mapping, through the mmu_gather. */
static int madvise_dontneed(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end)
{
	if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP))
		return -EINVAL;
	if (vma->vm_flags & VM_SHARED)
		return 0;	/* see the top of the file */
	zap_page_range(vma, start, end - start);
	return 0;
}

/* Apply @behavior to [start, end), which lies inside @vma. */
static int madvise_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long start, unsigned long end, int behavior)
{
	switch (behavior) {
	case MADV_DONTNEED:
		return madvise_dontneed(vma, start, end);
	case MADV_FREE:
		if (vma->vm_file || (vma->vm_flags & VM_SHARED))
			return -EINVAL;
		return madvise_dontneed(vma, start, end);
	case MADV_DONTFORK:
		return madvise_update_vma(mm, vma, start, end,
					  vma->vm_flags | VM_DONTCOPY);
	case MADV_DOFORK:
		if (vma->vm_flags & VM_IO)
			return -EINVAL;
		return madvise_update_vma(mm, vma, start, end,
					  vma->vm_flags & ~VM_DONTCOPY);
	default:
		return 0;	/* a hint with nothing to act on */
	}
}

/*
 * do_madvise - the madvise system call on @mm: apply @behavior to the
 * mapped parts of [start, start + len). Returns 0, -EINVAL (unknown
 * advice, unaligned start, a length that wraps, advice the mapping does
 * not allow), -ENOMEM (part of the range is unmapped; the rest was
 * done) or -EAGAIN (no memory to split a VMA). May sleep.
 */
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in,
	       int behavior)
{
	unsigned long end, len, next;
	struct vm_area_struct *vma;
	int err = 0, unmapped = 0;
	bool write;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (!PAGE_ALIGNED(start))
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)	/* rounded up past the top */
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;

	write = madvise_need_mmap_write(behavior);
	if (write)
		down_write(&mm->mmap_lock);
	else
		down_read(&mm->mmap_lock);
	/*
	 * Look each VMA up again from the address where the last one
	 * ended: the advice may have split or merged VMAs around it.
	 */
	while (start < end) {
		vma = find_vma(mm, start);
		if (!vma) {
			unmapped = -ENOMEM;
			break;
		}
		if (start < vma->vm_start) {
			unmapped = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		next = min(end, vma->vm_end);
		err = madvise_vma(mm, vma, start, next, behavior);
		if (err)
			break;
		start = next;
	}
	if (write)
		up_write(&mm->mmap_lock);
	else
		up_read(&mm->mmap_lock);
	return err ? err : unmapped;
}
