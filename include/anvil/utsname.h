/* SPDX-License-Identifier: MIT */
/*
 * What uname(2) reports (kernel/sys_info.c): Linux's struct new_utsname,
 * six NUL-terminated strings of 65 bytes, the same on every 64-bit arch.
 */
#ifndef ANVIL_UTSNAME_H
#define ANVIL_UTSNAME_H

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/*
 * The release looks like a Linux version on purpose: C libraries and
 * programs compare it with the oldest Linux they support (glibc refuses
 * to start below its minimum), and anvil offers Linux's system call
 * ABI. "-anvil" says which kernel it really is.
 */
#define UTS_SYSNAME "anvil"
#define UTS_NODENAME "anvil"
#define UTS_RELEASE "6.1.0-anvil"
#define UTS_DOMAINNAME "(none)"

/* What uname(2) reports (kernel/sys_info.c), for /proc/version too. */
extern const struct new_utsname init_uts;

#endif /* ANVIL_UTSNAME_H */
