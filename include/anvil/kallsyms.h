/* SPDX-License-Identifier: MIT */
/*
 * Kernel symbol lookup for backtraces (kernel/kallsyms.c).
 *
 * The table is generated from the linked kernel by scripts/kallsyms.sh and
 * linked back in (the kernel is linked three times; see the Makefile).
 */
#ifndef ANVIL_KALLSYMS_H
#define ANVIL_KALLSYMS_H

/*
 * Find the function containing @addr. Returns its name and sets *offset,
 * or returns NULL when @addr is outside the kernel's text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset);
/* Address of the named function, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

#endif /* ANVIL_KALLSYMS_H */
