/* SPDX-License-Identifier: MIT */
/*
 * Terminal settings, x86_64's (asm-generic's) layout and bit values;
 * <anvil/termios.h> has the bits every arch shares.
 *
 * struct ktermios is the kernel's, struct termios what TCGETS copies
 * out: here the same fields in the same order, less the two speeds.
 */
#ifndef _ASM_TERMBITS_H
#define _ASM_TERMBITS_H

#define NCCS 19

struct termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCCS];
};
_Static_assert(sizeof(struct termios) == 36, "Linux's struct termios");

struct ktermios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCCS];
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
	u->c_line = k->c_line;
	for (int i = 0; i < NCCS; i++)
		u->c_cc[i] = k->c_cc[i];
}

/*
 * The kernel's view of the user's @u (TCSETS). x86_64's struct termios
 * has no speeds: @k keeps the ones it had.
 */
static inline void termios_to_ktermios(struct ktermios *k,
				       const struct termios *u)
{
	k->c_iflag = u->c_iflag;
	k->c_oflag = u->c_oflag;
	k->c_cflag = u->c_cflag;
	k->c_lflag = u->c_lflag;
	k->c_line = u->c_line;
	for (int i = 0; i < NCCS; i++)
		k->c_cc[i] = u->c_cc[i];
}

/* c_cc[] indexes */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6
#define VSWTC 7
#define VSTART 8
#define VSTOP 9
#define VSUSP 10
#define VEOL 11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE 14
#define VLNEXT 15
#define VEOL2 16

/* The bits the console's settings use whose values are the arch's. */
#define IXON 0x0400		/* c_iflag */
#define ONLCR 0x0004		/* c_oflag */
#define CS8 0x0030		/* c_cflag */
#define CREAD 0x0080
#define HUPCL 0x0400
#define ISIG 0x0001		/* c_lflag */
#define ICANON 0x0002
#define ECHO 0x0008
#define ECHOE 0x0010
#define ECHOK 0x0020
#define ECHONL 0x0040
#define NOFLSH 0x0080
#define ECHOCTL 0x0200
#define ECHOKE 0x0800
#define IEXTEN 0x8000

#endif /* _ASM_TERMBITS_H */
