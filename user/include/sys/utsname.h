/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/utsname.h: uname(2) (newlib has none).  The layout is
 * Linux's new_utsname, six 65-byte strings, so user/lib/misc.c passes
 * the structure straight to the kernel.
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

struct utsname {
	char sysname[65];
	char nodename[65];
	char release[65];
	char version[65];
	char machine[65];
	char domainname[65];
};

#ifdef __cplusplus
extern "C" {
#endif

int uname(struct utsname *u);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_UTSNAME_H */
