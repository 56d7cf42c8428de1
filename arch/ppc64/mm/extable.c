// SPDX-License-Identifier: MIT
/*
 * extable.c: finding the fixup of a faulting kernel instruction.
 *
 * Interface: search_exception_tables(), fixup_exception()
 * (<asm/extable.h>, which explains the table). It has a handful of
 * entries (lib/copy_user.S), so a linear search does; Linux sorts its
 * thousands at boot and bisects.
 *
 * Called by the DSI and segment-fault paths (mm/fault.c) with
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
		search_exception_tables(regs->nip);

	if (!e)
		return false;
	regs->nip = e->fixup;
	return true;
}
