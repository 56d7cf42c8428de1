/* SPDX-License-Identifier: MIT */
/*
 * asm/extable.h: the exception table, for instructions allowed to fault.
 *
 * The loads and stores of copy_from_user() and friends (lib/copy_user.S)
 * touch user memory that may be missing. Each such instruction has an
 * entry in the linker section __ex_table: its address and a "fixup"
 * address. When it faults and mm/fault.c cannot make the access work
 * (no VMA, no memory, or it happened where sleeping is not allowed), the
 * handler resumes at the fixup instead of oopsing, and the fixup returns
 * what the copy managed (the bytes not copied, -EFAULT).
 *
 * The other way round is just as important: a kernel fault on a user
 * address from an instruction that is NOT in the table is a bug (the
 * kernel dereferenced a user pointer directly) and oopses, as on x86_64.
 *
 * Entries are two absolute doublewords, gathered by ARCH_RODATA
 * (asm/vmlinux.lds.h) between __start___ex_table and __stop___ex_table;
 * kernel/extable.c searches them. Adding one:
 *
 *   assembly:  1:	lbz	r0, 0(r4)
 *			EX_TABLE(1b, .Lfault)
 *   C asm:     "1: lbz %0,0(%1)\n" _ASM_EXTABLE(1b, 2f) ...
 */
#ifndef _ASM_PPC64_EXTABLE_H
#define _ASM_PPC64_EXTABLE_H

#ifdef __ASSEMBLY__

#define EX_TABLE(insn, fixup)					\
	.pushsection __ex_table, "a";				\
	.balign 8;						\
	.quad insn, fixup;					\
	.popsection

#else /* !__ASSEMBLY__ */

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
 * If the faulting instruction of @regs has an entry, point regs->nip at
 * its fixup and return true (the exception then returns there).
 */
bool fixup_exception(struct pt_regs *regs);

#endif /* __ASSEMBLY__ */

#endif /* _ASM_PPC64_EXTABLE_H */
