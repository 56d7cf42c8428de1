/* SPDX-License-Identifier: MIT */
/*
 * user/lib/mm.c: memory: sbrk (newlib's malloc), mmap and friends, and
 * posix_memalign.
 *
 * newlib's malloc grows and shrinks the heap with sbrk only.  sbrk sits
 * on Linux's brk(2), which returns the new break on success and the old
 * one on failure (never an error code), so success is "got what we
 * asked for".  The break is cached after the first call; fork copies
 * the cache with the rest of the address space.
 *
 * mmap/munmap/mprotect/mremap/madvise/msync/mincore take Linux's flags
 * unchanged: newlib has no <sys/mman.h>, and anvil's
 * (user/include/sys/mman.h) defines Linux's values.
 */
#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <anvil/linux.h>
#include "glue.h"

static unsigned long cur_brk;

/*
 * sbrk - move the program break by @incr bytes (either direction)
 *
 * Returns the old break, or (void *)-1 with errno ENOMEM.  The break
 * need not be page aligned; the kernel rounds its mapping, not the value.
 */
void *sbrk(ptrdiff_t incr)
{
	unsigned long old, want;

	if (!cur_brk)
		cur_brk = sys_brk(NULL);
	old = cur_brk;
	want = old + incr;
	if (incr && (unsigned long)sys_brk((void *)want) != want) {
		errno = ENOMEM;
		return (void *)-1;
	}
	cur_brk = want;
	return (void *)old;
}

int brk(void *addr)
{
	if ((unsigned long)sys_brk(addr) != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	cur_brk = (unsigned long)addr;
	return 0;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r = sys_mmap(addr, len, prot, flags, fd, off);

	if (linux_is_err(r)) {
		__anvil_fail(-r);
		return MAP_FAILED;
	}
	return (void *)r;
}

int munmap(void *addr, size_t len)
{
	return __anvil_ret(sys_munmap(addr, len));
}

int mprotect(void *addr, size_t len, int prot)
{
	return __anvil_ret(sys_mprotect(addr, len, prot));
}

int madvise(void *addr, size_t len, int advice)
{
	return __anvil_ret(sys_madvise(addr, len, advice));
}

int msync(void *addr, size_t len, int flags)
{
	return __anvil_ret(sys_msync(addr, len, flags));
}

int mincore(void *addr, size_t len, unsigned char *vec)
{
	return __anvil_ret(sys_mincore(addr, len, vec));
}

/* @new_addr is read only with MREMAP_FIXED, as in glibc. */
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = NULL;
	long r;

	if (flags & MREMAP_FIXED) {
		va_list ap;

		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	r = sys_mremap(old, old_len, new_len, flags, new_addr);
	if (linux_is_err(r)) {
		__anvil_fail(-r);
		return MAP_FAILED;
	}
	return (void *)r;
}

/*
 * posix_memalign - newlib's libc.a calls it (aligned_alloc) but lacks it
 *
 * Returns 0, EINVAL for an alignment that is not a power of two multiple
 * of sizeof(void *), or ENOMEM; errno is left alone, as POSIX says.
 */
int posix_memalign(void **out, size_t align, size_t size)
{
	void *p;

	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	p = memalign(align, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}
