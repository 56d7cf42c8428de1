/* SPDX-License-Identifier: MIT */
/* The mmap flags whose values are x86_64's own (see <anvil/mman.h>). */
#ifndef _ASM_MMAN_H
#define _ASM_MMAN_H

#define MAP_NORESERVE 0x4000
#define MAP_LOCKED 0x2000

#endif /* _ASM_MMAN_H */
