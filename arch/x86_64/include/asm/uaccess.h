/* SPDX-License-Identifier: MIT */
/*
 * asm/uaccess.h: touching user memory from the kernel, safely.
 *
 * A user pointer (marked __user) is never dereferenced directly: the
 * kernel would oops on an unmapped page, could be tricked into reading
 * or writing kernel memory, and with SMAP on (CR4.SMAP, kernel/cpu.c)
 * any plain kernel access to a user page faults anyway. Instead:
 *
 *   access_ok(p, n)                    is [p, p+n) inside user space?
 *   copy_from_user(to, from, n)        } return the number of bytes
 *   copy_to_user(to, from, n)          } NOT copied (0 = success), as
 *   clear_user(to, n)                  } Linux does
 *   strncpy_from_user(dst, src, n)     length copied, or -EFAULT
 *   strnlen_user(src, n)               length + 1, 0 on a fault
 *   get_user(x, p), put_user(x, p)     one value; 0 or -EFAULT
 *
 * They may sleep: a missing page is faulted in (kernel/traps.c calls
 * the generic handle_user_fault), so call them with no spinlock held.
 * When the page cannot be had, the faulting instruction's exception-
 * table entry (asm/extable.h) makes the copy stop and report. The
 * copies run between stac and clac, the only window where SMAP lets the
 * kernel touch user pages. lib/usercopy.c and lib/copy_user.asm.
 */
#ifndef _ASM_X86_UACCESS_H
#define _ASM_X86_UACCESS_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/pgtable.h>

/*
 * The raw accesses (lib/copy_user.asm): no range check, an exception-
 * table fixup on every user load and store; each returns what the
 * generic wrapper (lib/usercopy.c) passes on: bytes not copied/cleared,
 * or the string's length / -EFAULT.
 */
unsigned long raw_copy_user(void *to, const void *from, unsigned long n);
unsigned long raw_clear_user(void *to, unsigned long n);
long raw_strncpy_from_user(char *dst, const char *src, unsigned long n);
long raw_strnlen_user(const char *src, unsigned long n);

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

/* One value of up to 8 bytes. 0, or -EFAULT (14; asm headers cannot
 * include <anvil/errno.h>). */
#define get_user(x, ptr)                                                    \
	({                                                                  \
		unsigned long __gu_val = 0;                                 \
		int __gu_err;                                               \
		_Static_assert(sizeof(*(ptr)) <= sizeof(__gu_val),          \
			       "get_user: too big");                        \
		__gu_err = copy_from_user(&__gu_val, (ptr),                 \
					  sizeof(*(ptr))) ? -14 : 0;        \
		(x) = (__typeof__(*(ptr)))__gu_val;                         \
		__gu_err;                                                   \
	})

#define put_user(x, ptr)                                                    \
	({                                                                  \
		__typeof__(*(ptr)) __pu_val = (x);                          \
		copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -14 : 0;   \
	})

#endif /* _ASM_X86_UACCESS_H */
