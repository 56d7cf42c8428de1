/* SPDX-License-Identifier: MIT */
/* Host stand-in: x86_64's values (see <anvil/mman.h>). */
#ifndef _ASM_MMAN_H
#define _ASM_MMAN_H

#define MAP_NORESERVE 0x4000
#define MAP_LOCKED 0x2000

#endif /* _ASM_MMAN_H */
