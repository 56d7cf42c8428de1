/* SPDX-License-Identifier: MIT */
/*
 * Terminal settings, ppc64's layout and bit values; <anvil/termios.h>
 * has the bits every arch shares.
 *
 * powerpc kept its older layout: c_cc[] comes before c_line, the speeds
 * are part of the user's struct termios (so kernel and user structs are
 * the same), the c_cc[] indexes are ordered so that termio and termios
 * share a prefix, and most flag bits have other values than x86_64's.
 */
#ifndef _ASM_TERMBITS_H
#define _ASM_TERMBITS_H

#define NCCS 19

struct termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_cc[NCCS];
	unsigned char c_line;
	unsigned int c_ispeed, c_ospeed;
};
_Static_assert(sizeof(struct termios) == 44, "Linux's struct termios");

struct ktermios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_cc[NCCS];
	unsigned char c_line;
	unsigned int c_ispeed, c_ospeed;
};

/* The user's view of @k: the layouts differ per arch, so the arch says. */
static inline void ktermios_to_termios(struct termios *u,
				       const struct ktermios *k)
{
	u->c_iflag = k->c_iflag;
	u->c_oflag = k->c_oflag;
	u->c_cflag = k->c_cflag;
	u->c_lflag = k->c_lflag;
	for (int i = 0; i < NCCS; i++)
		u->c_cc[i] = k->c_cc[i];
	u->c_line = k->c_line;
	u->c_ispeed = k->c_ispeed;
	u->c_ospeed = k->c_ospeed;
}

/* The kernel's view of the user's @u (TCSETS): here the same fields. */
static inline void termios_to_ktermios(struct ktermios *k,
				       const struct termios *u)
{
	k->c_iflag = u->c_iflag;
	k->c_oflag = u->c_oflag;
	k->c_cflag = u->c_cflag;
	k->c_lflag = u->c_lflag;
	for (int i = 0; i < NCCS; i++)
		k->c_cc[i] = u->c_cc[i];
	k->c_line = u->c_line;
	k->c_ispeed = u->c_ispeed;
	k->c_ospeed = u->c_ospeed;
}

/* c_cc[] indexes */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VMIN 5
#define VEOL 6
#define VTIME 7
#define VEOL2 8
#define VSWTC 9
#define VWERASE 10
#define VREPRINT 11
#define VSUSP 12
#define VSTART 13
#define VSTOP 14
#define VLNEXT 15
#define VDISCARD 16

/* The bits the console's settings use whose values are the arch's. */
#define IXON 0x0200		/* c_iflag */
#define ONLCR 0x0002		/* c_oflag */
#define CS8 0x0300		/* c_cflag */
#define CREAD 0x0800
#define HUPCL 0x4000
#define ISIG 0x0080		/* c_lflag */
#define ICANON 0x0100
#define ECHO 0x0008
#define ECHOE 0x0002
#define ECHOK 0x0004
#define ECHONL 0x0010
#define NOFLSH 0x80000000
#define ECHOCTL 0x0040
#define ECHOKE 0x0001
#define IEXTEN 0x0400

#endif /* _ASM_TERMBITS_H */
