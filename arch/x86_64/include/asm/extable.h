/* SPDX-License-Identifier: MIT */
/*
 * asm/extable.h: the exception table, for instructions allowed to fault.
 *
 * Some kernel instructions touch memory that may legitimately be
 * missing: the user-space accesses of copy_from_user() and friends
 * (lib/copy_user.asm). Each such instruction has an entry in the linker
 * section __ex_table: its address and a "fixup" address. When it faults
 * and the page-fault handler cannot make the access work (no VMA, no
 * memory), the handler resumes at the fixup instead of oopsing, and the
 * fixup returns an error (the bytes not copied, -EFAULT).
 *
 * Entries are absolute 64-bit pairs, gathered by ARCH_RODATA
 * (asm/vmlinux.lds.h) between __start___ex_table and __stop___ex_table;
 * kernel/extable.c searches them. Adding one:
 *
 *   NASM:     EXTABLE .insn, .fixup        (the macro in lib/copy_user.asm)
 *   C asm:    "1: movb (%1), %0\n" _ASM_EXTABLE(1b, 2f) ...
 */
#ifndef _ASM_X86_EXTABLE_H
#define _ASM_X86_EXTABLE_H

#include <anvil/types.h>

struct pt_regs;

struct exception_table_entry {
	unsigned long insn;	/* the instruction that may fault */
	unsigned long fixup;	/* where to continue if it does */
};

#define _ASM_EXTABLE(from, to)                                            \
	" .pushsection __ex_table, \"a\"\n"                               \
	" .balign 8\n"                                                    \
	" .quad " #from ", " #to "\n"                                     \
	" .popsection\n"

/* The entry for the instruction at @ip, or NULL. */
const struct exception_table_entry *search_exception_tables(unsigned long ip);

/*
 * If the faulting instruction of @regs has an entry, point regs->rip at
 * its fixup and return true (the exception then returns there).
 */
bool fixup_exception(struct pt_regs *regs);

#endif /* _ASM_X86_EXTABLE_H */
