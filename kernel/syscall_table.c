// SPDX-License-Identifier: MIT
/*
 * kernel/syscall_table.c: the system call table, built at boot.
 *
 * Each handler says which number it answers with SYSCALL_DEFINEn, next to
 * its body (<anvil/syscalls.h>); the records land in the "syscall_defs"
 * section, and this file turns them into the array do_syscall()
 * (kernel/sys.c) indexes with the arch's Linux numbers (<asm/unistd.h>).
 * Two handlers for one number is a bug, caught here at boot.
 */
#include <anvil/kernel.h>
#include <anvil/syscalls.h>

struct syscall_entry sys_call_table[NR_syscalls];

/* The linker script gathers the SYSCALL_DEFINEn records here. */
extern const struct syscall_def __start_syscall_defs[], __stop_syscall_defs[];

void syscall_table_init(void)
{
	const struct syscall_def *d;
	struct syscall_entry *e;

	for (d = __start_syscall_defs; d < __stop_syscall_defs; d++) {
		BUG_ON(d->nr >= NR_syscalls);
		e = &sys_call_table[d->nr];
		if (e->fn)
			panic("system call %u: both %s and %s", d->nr, e->name,
			      d->name);
		e->name = d->name;
		e->fn = d->fn;
	}
}

