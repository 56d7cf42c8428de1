/* SPDX-License-Identifier: MIT */
/*
 * asm/uaccess.h: touching user memory from the kernel, safely: this
 * arch's raw accesses. The interface every caller uses is
 * <anvil/uaccess.h> (and lib/usercopy.c), the same on every arch.
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

#endif /* _ASM_X86_UACCESS_H */
