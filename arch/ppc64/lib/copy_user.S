/* SPDX-License-Identifier: MIT */
/*
 * lib/copy_user.S: the instructions that touch user memory.
 *
 *   unsigned long raw_copy_user(void *to, const void *from,
 *                                    unsigned long n)
 *   unsigned long raw_clear_user(void *to, unsigned long n)
 *       the bytes NOT copied / cleared (0: all done)
 *   long raw_strncpy_from_user(char *dst, const char *src, unsigned long n)
 *       string length, n if no NUL in n bytes, -EFAULT (-14)
 *   long raw_strnlen_user(const char *src, unsigned long n)
 *       length + 1, n + 1 if no NUL in n bytes, 0 on a fault
 *
 * No range checks here: lib/usercopy.c checks access_ok() first and is
 * what the rest of the kernel calls (<asm/uaccess.h>). All are leaf
 * functions (no stack frame), called through ELFv1 descriptors.
 *
 * Every load or store that may touch a user page has an exception-table
 * entry (<asm/extable.h>). When one faults and mm/fault.c cannot supply
 * the page, the interrupt returns to the fixup instead, with every
 * register as it was at the faulting instruction. So the count of bytes
 * left (r5 in the copy, r4 in the clear) is only ever decremented
 * *after* a store succeeded, and is exact at the fixup.
 *
 * Copies go by doublewords when source and destination share their
 * alignment (after a byte-wise head), else byte by byte; an aligned
 * doubleword never spans two pages. A doubleword that faults may still
 * have its first bytes on a good page, so its fixup does not return:
 * it finishes the copy byte by byte, which stops at exactly the first
 * byte that cannot be had, as Linux's copy_tofrom_user does.
 */
#include <asm/extable.h>
#include <asm/ppc_asm.h>

#define EFAULT 14

/* r3 = to, r4 = from, r5 = n; returns r3 = bytes left. */
_GLOBAL(raw_copy_user)
	cmpldi	r5, 8
	blt	.Lcopy_bytes		/* shorter than a doubleword */
	xor	r0, r3, r4
	andi.	r0, r0, 7
	bne	.Lcopy_bytes		/* never co-aligned: bytes */
.Lcopy_head:
	andi.	r0, r3, 7
	beq	.Lcopy_dwords
.Lhead_ld:
	lbz	r0, 0(r4)
.Lhead_st:
	stb	r0, 0(r3)
	addi	r4, r4, 1
	addi	r3, r3, 1
	addi	r5, r5, -1
	b	.Lcopy_head
.Lcopy_dwords:
	srdi.	r6, r5, 3
	beq	.Lcopy_bytes
	mtctr	r6
.Ldw_ld:
	ld	r0, 0(r4)
.Ldw_st:
	std	r0, 0(r3)
	addi	r4, r4, 8
	addi	r3, r3, 8
	addi	r5, r5, -8
	bdnz	.Ldw_ld
	/* the fixup of a doubleword: retry the rest bytewise */
.Lcopy_bytes:
	cmpdi	r5, 0
	beq	.Lcopy_done
	mtctr	r5
.Lbyte_ld:
	lbz	r0, 0(r4)
.Lbyte_st:
	stb	r0, 0(r3)
	addi	r4, r4, 1
	addi	r3, r3, 1
	addi	r5, r5, -1
	bdnz	.Lbyte_ld
.Lcopy_done:
	mr	r3, r5			/* 0, or the bytes left at a fault */
	blr
	EX_TABLE(.Lhead_ld, .Lcopy_done)
	EX_TABLE(.Lhead_st, .Lcopy_done)
	EX_TABLE(.Ldw_ld, .Lcopy_bytes)
	EX_TABLE(.Ldw_st, .Lcopy_bytes)
	EX_TABLE(.Lbyte_ld, .Lcopy_done)
	EX_TABLE(.Lbyte_st, .Lcopy_done)

/* r3 = to, r4 = n; returns r3 = bytes left. */
_GLOBAL(raw_clear_user)
	li	r0, 0
	cmpldi	r4, 8
	blt	.Lclear_bytes
.Lclear_head:
	andi.	r6, r3, 7
	beq	.Lclear_dwords
.Lclear_head_st:
	stb	r0, 0(r3)
	addi	r3, r3, 1
	addi	r4, r4, -1
	b	.Lclear_head
.Lclear_dwords:
	srdi.	r6, r4, 3
	beq	.Lclear_bytes
	mtctr	r6
.Lclear_dw_st:
	std	r0, 0(r3)
	addi	r3, r3, 8
	addi	r4, r4, -8
	bdnz	.Lclear_dw_st
.Lclear_bytes:
	cmpdi	r4, 0
	beq	.Lclear_done
	mtctr	r4
.Lclear_byte_st:
	stb	r0, 0(r3)
	addi	r3, r3, 1
	addi	r4, r4, -1
	bdnz	.Lclear_byte_st
.Lclear_done:
	mr	r3, r4
	blr
	EX_TABLE(.Lclear_head_st, .Lclear_done)
	EX_TABLE(.Lclear_dw_st, .Lclear_bytes)
	EX_TABLE(.Lclear_byte_st, .Lclear_done)

/* r3 = dst, r4 = src, r5 = n (> 0); r6 = bytes copied so far. */
_GLOBAL(raw_strncpy_from_user)
	li	r6, 0
.Lstrcpy_next:
	cmpld	r6, r5
	bge	.Lstrcpy_no_nul
.Lstrcpy_ld:
	lbzx	r0, r4, r6
	stbx	r0, r3, r6
	cmpdi	r0, 0
	beq	.Lstrcpy_found
	addi	r6, r6, 1
	b	.Lstrcpy_next
.Lstrcpy_found:
	mr	r3, r6
	blr
.Lstrcpy_no_nul:
	mr	r3, r5
	blr
.Lstrcpy_fault:
	li	r3, -EFAULT
	blr
	EX_TABLE(.Lstrcpy_ld, .Lstrcpy_fault)

/* r3 = src, r4 = n (> 0); r5 = bytes before the NUL so far. */
_GLOBAL(raw_strnlen_user)
	li	r5, 0
.Lstrlen_next:
	cmpld	r5, r4
	bge	.Lstrlen_too_long
.Lstrlen_ld:
	lbzx	r0, r3, r5
	cmpdi	r0, 0
	beq	.Lstrlen_found
	addi	r5, r5, 1
	b	.Lstrlen_next
.Lstrlen_found:
	addi	r3, r5, 1
	blr
.Lstrlen_too_long:
	addi	r3, r4, 1
	blr
.Lstrlen_fault:
	li	r3, 0
	blr
	EX_TABLE(.Lstrlen_ld, .Lstrlen_fault)
