#!/bin/sh
# SPDX-License-Identifier: MIT
#
# kallsyms.sh: turn `nm` output into the kernel's symbol table.
#
#   nm -n vmlinux | scripts/kallsyms.sh > table.S
#   scripts/kallsyms.sh --empty > table.S
#
# The table (read by kernel/kallsyms.c) is three arrays in .rodata:
#   kallsyms_num                 number of symbols
#   kallsyms_addrs[num]          start address of each function, ascending
#   kallsyms_offsets[num]        offset of each name in kallsyms_names
#   kallsyms_names               the NUL-terminated names, back to back
# Only text symbols are kept. On ppc64 (ELFv1) `nm --synthetic` names the
# code entry points ".func"; the leading dot is dropped.
set -eu

emit_header() {
	printf '\t.section .rodata.kallsyms, "a"\n\t.balign 8\n'
	printf '\t.globl kallsyms_num, kallsyms_addrs, kallsyms_offsets, kallsyms_names\n'
}

if [ "${1:-}" = "--empty" ]; then
	emit_header
	printf 'kallsyms_num:\n\t.quad 0\nkallsyms_addrs:\nkallsyms_offsets:\nkallsyms_names:\n\t.byte 0\n'
	exit 0
fi

awk '
$2 ~ /^[tTwW]$/ && $3 !~ /^\.L/ && $3 !~ /^\$/ {
	name = $3
	sub(/^\./, "", name)
	addr = tolower($1)
	if (addr in seen)
		next
	seen[addr] = 1
	n++
	a[n] = addr
	s[n] = name
}
END {
	printf "\t.section .rodata.kallsyms, \"a\"\n\t.balign 8\n"
	printf "\t.globl kallsyms_num, kallsyms_addrs, kallsyms_offsets, kallsyms_names\n"
	printf "kallsyms_num:\n\t.quad %d\n", n
	printf "kallsyms_addrs:\n"
	for (i = 1; i <= n; i++)
		printf "\t.quad 0x%s\n", a[i]
	printf "kallsyms_offsets:\n"
	off = 0
	for (i = 1; i <= n; i++) {
		printf "\t.long %d\n", off
		off += length(s[i]) + 1
	}
	printf "kallsyms_names:\n"
	for (i = 1; i <= n; i++)
		printf "\t.asciz \"%s\"\n", s[i]
}
'
