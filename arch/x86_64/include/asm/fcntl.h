/* SPDX-License-Identifier: MIT */
/*
 * The open flags whose values are x86_64's own (see <anvil/fs.h>): the
 * asm-generic numbering. powerpc kept older values for these four.
 */
#ifndef _ASM_FCNTL_H
#define _ASM_FCNTL_H

#define O_DIRECT 00040000
#define O_LARGEFILE 00100000
#define O_DIRECTORY 00200000
#define O_NOFOLLOW 00400000

#endif /* _ASM_FCNTL_H */
