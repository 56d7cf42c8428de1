// SPDX-License-Identifier: MIT
/*
 * lib/usercopy.c: copy_from_user() and friends (<anvil/uaccess.h>), for
 * every arch.
 *
 * The range checks and the Linux semantics live here; the accesses
 * themselves, each with its exception-table fixup (and, on x86_64, the
 * SMAP stac/clac), are the arch's raw_* primitives in
 * arch/<arch>/lib/copy_user.*, declared in <asm/uaccess.h>. A range that
 * is not entirely below TASK_SIZE is refused before any byte moves: a
 * kernel address passed as a "user" pointer must never be read or
 * written on the user's behalf (on ppc64's hash MMU nothing else would
 * stop the kernel reading its own memory through one).
 */
#include <anvil/errno.h>
#include <anvil/string.h>
#include <anvil/uaccess.h>

/*
 * The part of @to that could not be filled is zeroed, as in Linux, so a
 * caller that ignores a short copy never leaks old kernel data onward.
 */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = raw_copy_user(to, (const void *)from, n);
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy_user((void *)to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_clear_user((void *)to, n);
}

/* How many bytes from @addr may be read before TASK_SIZE, at most @n. */
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
	res = raw_strncpy_from_user(dst, (const char *)src, max);
	/* Ran into TASK_SIZE before the NUL: the string is not all user. */
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
	res = raw_strnlen_user((const char *)src, max);
	if (res == (long)max + 1 && max < (unsigned long)n)
		return 0;	/* no NUL before the end of user space */
	return res;
}
