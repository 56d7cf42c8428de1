/* SPDX-License-Identifier: MIT */
/*
 * user/lib/x86_64/include/asm/abi.h: the Linux ABI values that differ
 * between x86_64 and ppc64.  <anvil/linux.h> includes this and holds
 * everything the two arches share.
 *
 * Values are from Linux's UAPI headers (asm-generic/fcntl.h, asm/mman.h,
 * asm-generic/ioctls.h, asm/signal.h, asm-generic/errno.h).
 */
#ifndef _ASM_ABI_H
#define _ASM_ABI_H

/* open(2) flags that x86_64 takes from asm-generic/fcntl.h. */
#define LINUX_O_DIRECT		0040000
#define LINUX_O_LARGEFILE	0100000
#define LINUX_O_DIRECTORY	0200000
#define LINUX_O_NOFOLLOW	0400000

/* mmap(2) flags with arch-specific values. */
#define LINUX_MAP_32BIT		0x40
#define LINUX_MAP_LOCKED	0x2000
#define LINUX_MAP_NORESERVE	0x4000

/* Terminal ioctls: plain numbers on x86. */
#define LINUX_TCGETS		0x5401
#define LINUX_TCSETS		0x5402
#define LINUX_TIOCGWINSZ	0x5413

/* EDEADLOCK is an alias of EDEADLK everywhere but PowerPC. */
#define LINUX_EDEADLOCK		35

/*
 * x86_64 has no signal trampoline in the kernel or a vDSO that anvil
 * maps, so rt_sigaction must get SA_RESTORER and a restorer that calls
 * rt_sigreturn (__anvil_sigreturn in syscall.S).
 */
#define LINUX_ARCH_SA_RESTORER	0x04000000
#define LINUX_MINSIGSTKSZ	2048
#define LINUX_SIGSTKSZ		8192

/* clone(2) argument order: x86_64 passes the child tid pointer before tls. */
#define LINUX_CLONE_ARGS(f, s, p, c, t) \
	(long)(f), (long)(s), (long)(p), (long)(c), (long)(t)

#endif /* _ASM_ABI_H */
