// SPDX-License-Identifier: MIT
/*
 * kernel/extable.c: finding the fixup of a faulting kernel instruction,
 * for every arch.
 *
 * Interface: search_exception_tables(), fixup_exception()
 * (<asm/extable.h>, where each arch explains its table: the entries pair
 * an instruction that may fault on a user address with the place to
 * resume at, and the linker script gathers them in __ex_table). The
 * table has a few dozen entries at most (the raw user-copy routines), so
 * it is searched linearly; Linux sorts its thousands at boot and bisects.
 *
 * Called by the arch's fault handlers (x86_64: page fault and #GP;
 * ppc64: the DSI and segment-fault paths) with interrupts off; takes no
 * lock, never sleeps.
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

/* Resume @regs at its fixup, if the faulting instruction has one. */
bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e =
		search_exception_tables(instruction_pointer(regs));

	if (!e)
		return false;
	instruction_pointer_set(regs, e->fixup);
	return true;
}
