/* SPDX-License-Identifier: MIT */
/*
 * asm/uaccess.h: touching user memory from the kernel, safely: this
 * arch's raw accesses. The interface every caller uses is
 * <anvil/uaccess.h> (and lib/usercopy.c), the same on every arch.
 *
 * A user pointer (marked __user) is never dereferenced directly: the
 * page may be missing (not populated, or simply not in the hash table
 * yet), it may be a kernel address passed in by a hostile program, and
 * a kernel fault on a user address outside these routines is an oops
 * (mm/fault.c). Instead, with the same interface and return values as
 * every arch (<anvil/uaccess.h>):
 *
 *   access_ok(p, n)                    is [p, p+n) inside user space?
 *   copy_from_user(to, from, n)        } return the number of bytes
 *   copy_to_user(to, from, n)          } NOT copied (0 = success), as
 *   clear_user(to, n)                  } Linux does
 *   strncpy_from_user(dst, src, n)     length copied, or -EFAULT
 *   strnlen_user(src, n)               length + 1, 0 on a fault
 *   get_user(x, p), put_user(x, p)     one value; 0 or -EFAULT
 *
 * They may sleep: a fault first goes through the hash table refill and
 * then the generic handle_user_fault() (mm/fault.c), so call them with
 * no spinlock held. When the page cannot be had, the faulting
 * instruction's exception-table entry (asm/extable.h) makes the copy
 * stop and report. POWER8 has no equivalent of SMAP (POWER9's KUAP is
 * not used), so nothing opens or closes a window around them.
 * lib/usercopy.c and lib/copy_user.S.
 */
#ifndef _ASM_PPC64_UACCESS_H
#define _ASM_PPC64_UACCESS_H

#include <anvil/compiler.h>
#include <anvil/types.h>

/*
 * The raw accesses (lib/copy_user.S): no range check, an exception-
 * table fixup on every user load and store; each returns what the
 * generic wrapper (lib/usercopy.c) passes on: bytes not copied/cleared,
 * or the string's length / -EFAULT.
 */
unsigned long raw_copy_user(void *to, const void *from, unsigned long n);
unsigned long raw_clear_user(void *to, unsigned long n);
long raw_strncpy_from_user(char *dst, const char *src, unsigned long n);
long raw_strnlen_user(const char *src, unsigned long n);

#endif /* _ASM_PPC64_UACCESS_H */
