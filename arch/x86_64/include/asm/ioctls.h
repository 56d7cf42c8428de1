/* SPDX-License-Identifier: MIT */
/*
 * The ioctl numbers anvil answers, x86_64's (the asm-generic ones: plain
 * 0x54xx numbers from before Linux encoded size and direction in them).
 * fs/ioctl.c handles the FIO* ones for every file; the tty ones go to the
 * console driver (fs/char_dev.c).
 */
#ifndef _ASM_IOCTLS_H
#define _ASM_IOCTLS_H

#define TCGETS 0x5401		/* struct termios */
#define TCSETS 0x5402		/* const struct termios: now */
#define TCSETSW 0x5403		/* ... once output drained */
#define TCSETSF 0x5404		/* ... drained, and unread input dropped */
#define TIOCGPGRP 0x540f	/* int: the foreground process group */
#define TIOCSPGRP 0x5410	/* const int: set it */
#define TIOCGWINSZ 0x5413	/* struct winsize */
#define FIONBIO 0x5421		/* int: set or clear O_NONBLOCK */
#define FIONCLEX 0x5450		/* clear close-on-exec */
#define FIOCLEX 0x5451		/* set close-on-exec */

#endif /* _ASM_IOCTLS_H */
