/* SPDX-License-Identifier: MIT */
/*
 * The open flags whose values are ppc64's own (see <anvil/fs.h>):
 * powerpc kept the older numbering of these four, so the same bits mean
 * different things than on x86_64 (040000 is O_DIRECTORY here, O_DIRECT
 * there).
 */
#ifndef _ASM_FCNTL_H
#define _ASM_FCNTL_H

#define O_DIRECTORY 00040000
#define O_NOFOLLOW 00100000
#define O_LARGEFILE 00200000
#define O_DIRECT 00400000

#endif /* _ASM_FCNTL_H */
