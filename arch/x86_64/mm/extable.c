// SPDX-License-Identifier: MIT
/*
 * mm/extable.c: finding the fixup of a faulting kernel instruction.
 *
 * Interface: search_exception_tables(), fixup_exception()
 * (asm/extable.h, which explains the table). The table has a few dozen
 * entries at most (the user-copy routines), so it is searched linearly;
 * Linux sorts it at boot and bisects because it has thousands.
 *
 * Used by the page-fault and #GP handlers (kernel/traps.c), with
 * interrupts off; takes no lock, never sleeps.
 */
#include <asm/extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long ip)
{
	for (const struct exception_table_entry *e = __start___ex_table;
	     e < __stop___ex_table; e++)
		if (e->insn == ip)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e =
		search_exception_tables(regs->rip);

	if (!e)
		return false;
	regs->rip = e->fixup;
	return true;
}
