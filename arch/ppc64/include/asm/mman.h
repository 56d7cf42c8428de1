/* SPDX-License-Identifier: MIT */
/* The mmap flags whose values are ppc64's own (see <anvil/mman.h>). */
#ifndef _ASM_MMAN_H
#define _ASM_MMAN_H

#define MAP_NORESERVE 0x40
#define MAP_LOCKED 0x80

#endif /* _ASM_MMAN_H */
