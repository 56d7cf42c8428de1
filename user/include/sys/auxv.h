/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/auxv.h: the auxiliary vector, as glibc declares it
 * (getauxval and the AT_* names from <elf.h>), so a program builds
 * unchanged against glibc or anvil's newlib.  getauxval is in
 * user/lib/crt.c.
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

/* newlib's <elf.h> has the AT_* names, with Linux's values, as glibc's does. */
#include <elf.h>

#ifndef AT_SECURE
#define AT_SECURE	23
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The value for @type, or 0 with errno ENOENT. */
unsigned long getauxval(unsigned long type);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_AUXV_H */
