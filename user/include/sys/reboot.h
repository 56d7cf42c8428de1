/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/reboot.h: reboot(2) as glibc declares it (newlib has
 * none).  The commands are Linux's LINUX_REBOOT_CMD_* values; reboot()
 * in user/lib/misc.c adds the two magic numbers the kernel checks.
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#define RB_AUTOBOOT	0x01234567	/* restart */
#define RB_HALT_SYSTEM	0xcdef0123
#define RB_POWER_OFF	0x4321fedc
#define RB_ENABLE_CAD	0x89abcdef
#define RB_DISABLE_CAD	0

#ifdef __cplusplus
extern "C" {
#endif

int reboot(int cmd);

#ifdef __cplusplus
}
#endif

#endif /* _SYS_REBOOT_H */
