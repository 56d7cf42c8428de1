/* SPDX-License-Identifier: MIT */
/*
 * Copying to and from user space: the arch's <asm/uaccess.h>, which every
 * arch provides with the same interface:
 *
 *	access_ok(addr, size)		the range is below TASK_SIZE
 *	copy_from_user(to, from, n)	bytes NOT copied (0 on success)
 *	copy_to_user(to, from, n)	bytes NOT copied
 *	clear_user(to, n)		bytes NOT cleared
 *	strncpy_from_user(dst, src, n)	length, or -EFAULT
 *	strnlen_user(src, n)		length + 1, or 0 on a fault
 *	get_user(x, ptr), put_user(x, ptr)  0 or -EFAULT
 *
 * A bad user address never oopses: the arch's fault handler finds the
 * faulting instruction in the exception table and resumes at its fixup,
 * which makes the copy return short. System calls turn that into EFAULT.
 */
#ifndef ANVIL_UACCESS_H
#define ANVIL_UACCESS_H

#include <asm/uaccess.h>

#endif /* ANVIL_UACCESS_H */
