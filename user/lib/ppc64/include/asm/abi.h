/* SPDX-License-Identifier: MIT */
/*
 * user/lib/ppc64/include/asm/abi.h: the Linux ABI values that differ
 * between ppc64 and x86_64.  <anvil/linux.h> includes this and holds
 * everything the two arches share.
 *
 * Values are from Linux's UAPI headers (arch/powerpc/include/uapi/asm/
 * fcntl.h, mman.h, ioctls.h, signal.h, errno.h).
 */
#ifndef _ASM_ABI_H
#define _ASM_ABI_H

/* open(2) flags: PowerPC moves these four. */
#define LINUX_O_DIRECTORY	0040000
#define LINUX_O_NOFOLLOW	0100000
#define LINUX_O_LARGEFILE	0200000
#define LINUX_O_DIRECT		0400000

/* mmap(2) flags with arch-specific values (no MAP_32BIT here). */
#define LINUX_MAP_NORESERVE	0x40
#define LINUX_MAP_LOCKED	0x80

/* Terminal ioctls are _IOR/_IOW encoded on PowerPC. */
#define LINUX_TCGETS		0x402c7413	/* _IOR('t', 19, 44 bytes) */
#define LINUX_TCSETS		0x802c7414	/* _IOW('t', 20, 44 bytes) */
#define LINUX_TIOCGWINSZ	0x40087468	/* _IOR('t', 104, 8 bytes) */

/* PowerPC keeps EDEADLOCK distinct from EDEADLK (35). */
#define LINUX_EDEADLOCK		58

/*
 * PowerPC's kernel returns from a handler through its own trampoline
 * (the vDSO's, or one written on the signal frame) and ignores
 * sa_restorer, so no SA_RESTORER is passed.
 */
#define LINUX_ARCH_SA_RESTORER	0
#define LINUX_MINSIGSTKSZ	8192
#define LINUX_SIGSTKSZ		32768

/* clone(2) argument order: PowerPC passes tls before the child tid pointer. */
#define LINUX_CLONE_ARGS(f, s, p, c, t) \
	(long)(f), (long)(s), (long)(p), (long)(t), (long)(c)

#endif /* _ASM_ABI_H */
