// SPDX-License-Identifier: MIT
/*
 * mm/syscalls.c: the system calls mremap, madvise, msync and mincore,
 * on the caller's address space.
 *
 * Linux defines each in the file of its core (mm/mremap.c, ...). Here
 * the cores take the mm as an argument and live there; the calls, which
 * need current, user pointers and the syscall table, live here, so the
 * host tests (tests/host/) build the cores without any of that. The
 * mmap, munmap, mprotect and brk calls are in kernel/sys.c.
 */
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len,
		unsigned long, new_len, unsigned long, flags,
		unsigned long, new_addr)
{
	if (!current->mm)
		return -EINVAL;
	return (long)do_mremap(current->mm, addr, old_len, new_len, flags,
			       new_addr);
}

SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, behavior)
{
	return current->mm ? do_madvise(current->mm, start, len, behavior) :
			     -EINVAL;
}

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	return current->mm ? do_msync(current->mm, start, len, flags) : -EINVAL;
}

/*
 * mincore: one byte per page of [start, start + len) into @vec. EINVAL
 * for an unaligned start, ENOMEM for a range outside user space or
 * partly unmapped, EFAULT when @vec cannot take the result (Linux's
 * order: a bad range is reported before a bad vector). The walk fills a
 * kernel page at a time under mmap_lock, and each is copied out with
 * the lock dropped: the copy may fault, and a fault takes mmap_lock.
 * On ENOMEM or EFAULT, the bytes of the pages before it are written.
 */
SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len,
		unsigned char __user *, vec)
{
	struct mm_struct *mm = current->mm;
	unsigned long pages;
	unsigned char *tmp;
	long ret = 0;

	if (!mm)
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (len > mm->task_size || start > mm->task_size - len)
		return -ENOMEM;
	pages = len >> PAGE_SHIFT;
	pages += (len & ~PAGE_MASK) != 0;
	if (!access_ok(vec, pages))
		return -EFAULT;
	tmp = (unsigned char *)__get_free_page(GFP_KERNEL);
	if (!tmp)
		return -EAGAIN;
	while (pages) {
		down_read(&mm->mmap_lock);
		ret = do_mincore(mm, start, min(pages, PAGE_SIZE), tmp);
		up_read(&mm->mmap_lock);
		if (ret <= 0)
			break;
		if (copy_to_user(vec, tmp, ret)) {
			ret = -EFAULT;
			break;
		}
		pages -= ret;
		vec += ret;
		start += ret << PAGE_SHIFT;
		ret = 0;
	}
	free_page((unsigned long)tmp);
	return ret;
}
