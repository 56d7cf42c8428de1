/* SPDX-License-Identifier: MIT */
/*
 * user/lib/glue.h: private to user/lib: the translation helpers the glue
 * files share.  Programs use <anvil/linux.h> and the C library headers.
 *
 *   errno.c	__anvil_ret, __anvil_fail, errno_from_linux
 *   file.c	open_flags_to_linux, open_flags_from_linux
 *   signal.c	sig_to_linux, sig_from_linux, wait_status_from_linux
 */
#ifndef _USER_LIB_GLUE_H
#define _USER_LIB_GLUE_H

int errno_from_linux(long lerr);
int __anvil_fail(long lerr);
long __anvil_ret(long r);

int open_flags_to_linux(int flags);
int open_flags_from_linux(int lflags);

int sig_to_linux(int sig);
int sig_from_linux(int lsig);
int wait_status_from_linux(int lstatus);

#endif /* _USER_LIB_GLUE_H */
