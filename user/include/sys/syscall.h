/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/syscall.h: raw system calls the glibc way: the
 * __NR_* numbers (Linux's, per arch, from <asm/unistd.h>) and syscall(),
 * which glibc declares in <unistd.h> and user/lib/misc.c defines.
 * Raw calls take Linux's values and return newlib's errno; prefer
 * <anvil/linux.h> when the Linux result itself is wanted.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <asm/unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

long syscall(long nr, ...);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_SYSCALL_H */
