/* SPDX-License-Identifier: MIT */
/*
 * mmap's PROT_* and MAP_* flags, with Linux's values. Most are the same
 * on every arch; the few that are not (MAP_NORESERVE, MAP_LOCKED: powerpc
 * kept older values) come from <asm/mman.h>.
 */
#ifndef ANVIL_MMAN_H
#define ANVIL_MMAN_H

#include <asm/mman.h>

#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4

#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_GROWSDOWN 0x0100
#define MAP_POPULATE 0x8000
#define MAP_NONBLOCK 0x10000
#define MAP_STACK 0x20000
#define MAP_FIXED_NOREPLACE 0x100000

#define MAP_FAILED ((unsigned long)-1)

/* mremap flags. */
#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED 2
#define MREMAP_DONTUNMAP 4

/* madvise advice anvil knows (the rest is EINVAL, see mm/madvise.c). */
#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4
#define MADV_FREE 8
#define MADV_DONTFORK 10
#define MADV_DOFORK 11

/* msync flags. */
#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4

/* mm/mmap.c and mm/mprotect.c (the syscalls wrap these). */
struct mm_struct;
unsigned long calc_vm_flags(unsigned long prot, unsigned long flags);
unsigned long do_mmap(struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long fd, unsigned long off);
struct file;
unsigned long do_mmap_file(struct mm_struct *mm, struct file *file,
			   unsigned long addr, unsigned long len,
			   unsigned long prot, unsigned long flags,
			   unsigned long off);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int do_mprotect(struct mm_struct *mm, unsigned long start, size_t len,
		unsigned long prot);
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);
void exit_mmap(struct mm_struct *mm);

/*
 * mm/mremap.c, mm/madvise.c, mm/msync.c, mm/mincore.c: the cores of those
 * system calls (mm/syscalls.c wraps them). Each takes mmap_lock itself,
 * except do_mincore, whose caller holds it for reading (it copies the
 * result out with the lock dropped).
 */
unsigned long do_mremap(struct mm_struct *mm, unsigned long addr,
			unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr);
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len,
	       int behavior);
int do_msync(struct mm_struct *mm, unsigned long start, size_t len,
	     int flags);
long do_mincore(struct mm_struct *mm, unsigned long addr,
		unsigned long pages, unsigned char *vec);

#endif /* ANVIL_MMAN_H */
