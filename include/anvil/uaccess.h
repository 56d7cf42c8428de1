/* SPDX-License-Identifier: MIT */
/*
 * Copying to and from user space, the same on every arch; the arch's
 * <asm/uaccess.h> provides only the raw accesses under it (raw_copy_user
 * and friends, each with exception-table fixups):
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

#include <anvil/compiler.h>
#include <anvil/errno.h>
#include <anvil/types.h>
#include <asm/pgtable.h>
#include <asm/uaccess.h>	/* the arch's raw_* accesses */

/*
 * True if [addr, addr + size) lies below TASK_SIZE. Written so that no
 * sum can overflow: a huge size or an address near the top cannot wrap
 * around into "small". Does not say the range is mapped.
 */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* lib/usercopy.c: the range check, then the arch's raw access. */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from,
			   unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/*
 * Copy a NUL-terminated string of at most @count bytes. Returns its
 * length without the NUL if one was found (and copied), @count if none
 * was in the first @count bytes (then @dst is not terminated), or
 * -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);
/*
 * The size of a user string including its NUL; a value > @n if it is
 * longer than @n; 0 on a fault.
 */
long strnlen_user(const char __user *src, long n);

/*
 * One value of 1, 2, 4 or 8 bytes. 0, or -EFAULT. The bytes land at the
 * start of a union and are read back through the member of their size,
 * which is right on either byte order (ppc64 is big-endian).
 */
#define get_user(x, ptr)                                                    \
	({                                                                  \
		union { u8 b; u16 h; u32 w; u64 d; } __gu = { .d = 0 };     \
		int __gu_err;                                               \
		_Static_assert(sizeof(*(ptr)) <= sizeof(__gu),              \
			       "get_user: too big");                        \
		__gu_err = copy_from_user(&__gu, (ptr), sizeof(*(ptr))) ?   \
			   -EFAULT : 0;                                     \
		(x) = (__typeof__(*(ptr)))(                                 \
			sizeof(*(ptr)) == 1 ? __gu.b :                      \
			sizeof(*(ptr)) == 2 ? __gu.h :                      \
			sizeof(*(ptr)) == 4 ? __gu.w : __gu.d);             \
		__gu_err;                                                   \
	})

#define put_user(x, ptr)                                                    \
	({                                                                  \
		__typeof__(*(ptr)) __pu_val = (x);                          \
		copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0; \
	})

#endif /* ANVIL_UACCESS_H */
