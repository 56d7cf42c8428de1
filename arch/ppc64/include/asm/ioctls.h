/* SPDX-License-Identifier: MIT */
/*
 * The ioctl numbers anvil answers, ppc64's. powerpc encodes direction
 * and size the _IOR/_IOW way: bits 31-29 the direction (1 none, 2 read,
 * 4 write), bits 28-16 the size, then the type letter and the number.
 * So TCGETS is _IOR('t', 19, struct termios) with ppc64's 44-byte
 * termios, nothing like x86_64's 0x5401. fs/ioctl.c handles the FIO*
 * ones for every file; the tty ones go to the console driver.
 */
#ifndef _ASM_IOCTLS_H
#define _ASM_IOCTLS_H

#define TCGETS 0x402c7413	/* _IOR('t', 19, struct termios) */
#define TCSETS 0x802c7414	/* _IOW('t', 20, struct termios) */
#define TCSETSW 0x802c7415	/* _IOW('t', 21, struct termios) */
#define TCSETSF 0x802c7416	/* _IOW('t', 22, struct termios) */
#define TIOCSPGRP 0x80047476	/* _IOW('t', 118, int) */
#define TIOCGPGRP 0x40047477	/* _IOR('t', 119, int) */
#define TIOCGWINSZ 0x40087468	/* _IOR('t', 104, struct winsize) */
#define FIONBIO 0x8004667e	/* _IOW('f', 126, int) */
#define FIOCLEX 0x20006601	/* _IO('f', 1) */
#define FIONCLEX 0x20006602	/* _IO('f', 2) */

#endif /* _ASM_IOCTLS_H */
