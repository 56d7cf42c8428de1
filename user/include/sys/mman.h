/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/mman.h: memory mapping for anvil programs (newlib has
 * none).  Values are Linux's, so user/lib/mm.c passes them through; the
 * few that differ per arch come from <asm/abi.h>.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <asm/abi.h>

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_ANON	MAP_ANONYMOUS
#define MAP_GROWSDOWN	0x0100
#define MAP_POPULATE	0x8000
#define MAP_NONBLOCK	0x10000
#define MAP_STACK	0x20000
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_NORESERVE	LINUX_MAP_NORESERVE
#define MAP_LOCKED	LINUX_MAP_LOCKED
#define MAP_FAILED	((void *)-1)

#define MREMAP_MAYMOVE	1
#define MREMAP_FIXED	2
#define MREMAP_DONTUNMAP 4

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_DONTFORK	10
#define MADV_DOFORK	11

#define MS_ASYNC	1
#define MS_INVALIDATE	2
#define MS_SYNC		4

#ifdef __cplusplus
extern "C" {
#endif

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);
int msync(void *addr, size_t len, int flags);
int mincore(void *addr, size_t len, unsigned char *vec);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_MMAN_H */
