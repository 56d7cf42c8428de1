// SPDX-License-Identifier: MIT
/*
 * kernel/kallsyms.c: name a kernel code address.
 *
 * The table comes from scripts/kallsyms.sh (see the Makefile's three-pass
 * link): kallsyms_addrs[] holds function start addresses in ascending
 * order, kallsyms_offsets[] where each name starts in kallsyms_names.
 * A lookup is a binary search for the last start <= addr.
 */
#include <anvil/kallsyms.h>
#include <anvil/string.h>
#include <anvil/types.h>

extern const u64 kallsyms_num;
extern const u64 kallsyms_addrs[];
extern const u32 kallsyms_offsets[];
extern const char kallsyms_names[];
extern const char _text[], _etext[];

static const char *kallsyms_name(u64 i)
{
	return &kallsyms_names[kallsyms_offsets[i]];
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset)
{
	u64 lo = 0, hi = kallsyms_num;

	if (addr < (unsigned long)_text || addr >= (unsigned long)_etext ||
	    hi == 0 || addr < kallsyms_addrs[0])
		return NULL;
	/* Invariant: kallsyms_addrs[lo] <= addr, and addr < [hi] if hi < num. */
	while (hi - lo > 1) {
		u64 mid = lo + (hi - lo) / 2;

		if (kallsyms_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (offset)
		*offset = addr - kallsyms_addrs[lo];
	return kallsyms_name(lo);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (u64 i = 0; i < kallsyms_num; i++)
		if (strcmp(kallsyms_name(i), name) == 0)
			return kallsyms_addrs[i];
	return 0;
}
