/* SPDX-License-Identifier: MIT */
/*
 * Terminal settings and the terminal ioctls (Linux's <linux/termios.h>
 * and <asm/termbits.h>, <asm/ioctls.h>).
 *
 * Both the numbers and the layouts are partly the arch's: ppc64's TCGETS
 * is 0x402c7413, x86_64's 0x5401; its struct termios orders c_line and
 * c_cc[] the other way and carries the speeds; its c_cc[] indexes and
 * most flag bits differ. So the arch provides <asm/ioctls.h> (the
 * numbers) and <asm/termbits.h> (struct termios, struct ktermios, the
 * indexes and bits that differ, and ktermios_to_termios()); the bits
 * that are the same everywhere are below. Drivers fill a struct
 * ktermios using only the names, and fs/ioctl.c gives the user the
 * arch's struct termios.
 */
#ifndef ANVIL_TERMIOS_H
#define ANVIL_TERMIOS_H

#include <asm/ioctls.h>
#include <asm/termbits.h>

/* The same on every arch (Linux's termbits-common.h). */
#define ISTRIP 0x020		/* c_iflag: clear bit 7 of input bytes */
#define INLCR 0x040		/* c_iflag: NL becomes CR on input */
#define IGNCR 0x080		/* c_iflag: drop CR on input */
#define ICRNL 0x100		/* c_iflag: CR becomes NL on input */
#define OPOST 0x01		/* c_oflag: process output */
#define B38400 0x0000000f	/* c_cflag: the speed (CBAUD field) */

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#endif /* ANVIL_TERMIOS_H */
