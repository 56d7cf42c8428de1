// SPDX-License-Identifier: MIT
/*
 * lib/usercopy.c: copy_from_user() and friends (<asm/uaccess.h>).
 *
 * The range checks and the Linux semantics live here; the loads and
 * stores themselves, each with its exception-table fixup, in
 * lib/copy_user.S. A range that is not entirely below TASK_SIZE is
 * refused before any byte moves: the hash MMU would happily let the
 * kernel read its own memory through a "user" pointer, so this check is
 * the only thing keeping a program from reading or writing the kernel
 * through a system call.
 */
#include <anvil/errno.h>
#include <anvil/string.h>
#include <asm/uaccess.h>

/* lib/copy_user.S */
unsigned long __copy_tofrom_user(void *to, const void *from, unsigned long n);
unsigned long __clear_user(void *to, unsigned long n);
long __strncpy_from_user(char *dst, const char *src, unsigned long n);
long __strnlen_user(const char *src, unsigned long n);

/*
 * The part of @to that could not be filled is zeroed, as in Linux, so a
 * caller that ignores a short copy never passes old kernel data on.
 */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = __copy_tofrom_user(to, (const void *)from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_tofrom_user((void *)to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __clear_user((void *)to, n);
}

/* How many bytes from @addr lie below TASK_SIZE, at most @n. */
static unsigned long user_span(const void __user *addr, unsigned long n)
{
	unsigned long a = (unsigned long)addr;

	if (a >= TASK_SIZE)
		return 0;
	return n < TASK_SIZE - a ? n : TASK_SIZE - a;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long max;
	long res;

	if (count <= 0)
		return 0;
	max = user_span(src, (unsigned long)count);
	if (!max)
		return -EFAULT;
	res = __strncpy_from_user(dst, (const char *)src, max);
	/* Reached TASK_SIZE before a NUL: the string is not all user's. */
	if (res == (long)max && max < (unsigned long)count)
		return -EFAULT;
	return res;
}

long strnlen_user(const char __user *src, long n)
{
	unsigned long max;
	long res;

	if (n <= 0)
		return 0;
	max = user_span(src, (unsigned long)n);
	if (!max)
		return 0;
	res = __strnlen_user((const char *)src, max);
	if (res == (long)max + 1 && max < (unsigned long)n)
		return 0;	/* no NUL before the end of user space */
	return res;
}
