/* SPDX-License-Identifier: MIT */
/*
 * The console as a terminal (drivers/tty/n_tty.c).
 *
 * anvil has one terminal, /dev/console (5, 1). Bytes typed on it come
 * from the arch's receive path (x86_64: COM1's interrupt; ppc64: OPAL
 * polled from the tick) through console_receive(), go through Linux's
 * canonical line discipline (echo, erase, kill, ^C, ^D), and are read
 * from the device node. Output is arch_console_write().
 *
 * The ioctls take *kernel* pointers (fs/ioctl.c copies the arch's user
 * structures in and out):
 *
 *	TCGETS			struct ktermios *: the settings
 *	TCSETS, TCSETSW		const struct ktermios *: new settings
 *	TCSETSF			the same, after discarding unread input
 *	TIOCGPGRP, TIOCSPGRP	int *: the foreground process group
 *	TIOCGWINSZ		struct winsize *: 80x24
 */
#ifndef ANVIL_TTY_H
#define ANVIL_TTY_H

#include <anvil/types.h>

struct file_operations;

/* The console's file operations, for the device registry (fs/char_dev.c). */
extern const struct file_operations console_fops;

/*
 * Bytes received from the console's device. Any context (meant for a
 * receive interrupt); never sleeps. What does not fit in the receive
 * buffer (1 KiB not yet looked at) is dropped.
 */
void console_receive(const char *buf, size_t len);

/*
 * The arch calls this once console_receive() will be fed. Until then a
 * read of the console returns 0 (end of file) at once, so a program
 * reading standard input ends instead of waiting for input that cannot
 * come; after it, reads wait for a line.
 */
void console_input_attach(void);

/*
 * For tests (tests/kernel/tty_test.c) only: put the console's tty in a
 * known state (no unread input, Linux's default settings, no foreground
 * group, column 0, input attached) and send its echo to @echo instead of
 * the console; tty_test_end() restores what was there before. Program
 * output (writes to the console) is not redirected.
 */
void tty_test_begin(void (*echo)(const char *buf, size_t len));
void tty_test_end(void);

#endif /* ANVIL_TTY_H */
