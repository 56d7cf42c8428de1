// SPDX-License-Identifier: MIT
/*
 * mm/msync.c: writing a mapping back to its file (msync).
 *
 * Only a shared file mapping has anything to write (MS_SYNC would
 * fsync the part of the file it maps); anvil has no file mappings yet
 * (mmap of a file is ENODEV), so every mapping is anonymous and msync
 * only checks its arguments and the range, with Linux's errors:
 *
 *	EINVAL	unknown flags, MS_SYNC with MS_ASYNC, an unaligned start
 *	ENOMEM	the range wraps, or part of it is unmapped (reported
 *		after the walk; at once for MS_ASYNC alone, which has
 *		nothing to do anyway)
 *	EBUSY	MS_INVALIDATE on a locked mapping (VM_LOCKED)
 *
 * Flags 0 is valid and does nothing, as in Linux. When file mappings
 * arrive, the walk below gets its MS_SYNC step: drop mmap_lock, fsync
 * the file range, retake it and look the next VMA up again.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/rwsem.h>

#include "vma_internal.h"

/*
 * do_msync - the msync system call on @mm. Returns 0 or a negative
 * errno (see above). Takes mmap_lock for reading; may sleep.
 */
int do_msync(struct mm_struct *mm, unsigned long start, size_t len,
	     int flags)
{
	struct vm_area_struct *vma;
	int unmapped = 0, err = 0;
	unsigned long end;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (!PAGE_ALIGNED(start))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, start);
	for (;;) {
		if (!vma) {
			err = -ENOMEM;
			break;
		}
		if (start < vma->vm_start) {
			/* MS_ASYNC alone: ENOMEM is all that is left to say. */
			if (flags == MS_ASYNC) {
				err = -ENOMEM;
				break;
			}
			unmapped = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED)) {
			err = -EBUSY;
			break;
		}
		/*
		 * A shared file VMA's writes went straight into the page
		 * cache, which on ramfs (the only mappable filesystem) is
		 * the file itself: there is no disk to write back to, so
		 * MS_SYNC has nothing to wait for (Linux's ramfs: the
		 * same, through noop_fsync). A filesystem with a backing
		 * store would call vfs_fsync_range here, mmap_lock dropped.
		 */
		start = vma->vm_end;
		if (start >= end)
			break;
		vma = vma->vm_next;
	}
	up_read(&mm->mmap_lock);
	return err ? err : unmapped;
}
