/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/ioctl.h: ioctl(2) and the terminal requests anvil
 * answers (TCGETS, TIOCGWINSZ).  Requests are Linux's, per arch, from
 * <asm/abi.h>; user/lib/file.c passes them through.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm/abi.h>

#define TCGETS		LINUX_TCGETS
#define TCSETS		LINUX_TCSETS
#define TIOCGWINSZ	LINUX_TIOCGWINSZ

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#ifdef __cplusplus
extern "C" {
#endif

int ioctl(int fd, unsigned long req, ...);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_IOCTL_H */
