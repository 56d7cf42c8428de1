/* SPDX-License-Identifier: MIT */
/*
 * asm/elf.h: what x86_64 says about the programs it runs (fs/binfmt_elf.c
 * reads these). Values are Linux's, so a static Linux binary finds the
 * same auxiliary vector and layout it would on Linux.
 */
#ifndef _ASM_X86_ELF_H
#define _ASM_X86_ELF_H

#include <asm/cpufeature.h>
#include <asm/pgtable.h>

#define ELF_CLASS 2		/* ELFCLASS64 */
#define ELF_DATA 1		/* ELFDATA2LSB: little-endian */
#define ELF_ARCH 62		/* EM_X86_64 */
#define ELF_PLATFORM "x86_64"

/*
 * Where a static-pie (ET_DYN) program is loaded: Linux's choice with
 * randomization off, two thirds up the address space, out of the way of
 * both a brk heap above it and mmap below the stack.
 */
#define ELF_ET_DYN_BASE 0x555555554000UL

/* The main stack's top: the end of user space. */
#define STACK_TOP TASK_SIZE

/* AT_HWCAP: CPUID leaf 1's EDX, as Linux reports it. */
static inline unsigned long elf_hwcap(void)
{
	return boot_cpu_data.capability[CPUID_1_EDX];
}

struct mm_struct;

/* Nothing mapped beyond the program: x86_64 signal handlers return
 * through the sa_restorer the C library gives (SA_RESTORER). */
static inline int arch_setup_additional_pages(struct mm_struct *mm)
{
	return 0;
}

/* No arch-specific auxv entries beyond the common ones. */
#define ARCH_DLINFO(put) do { } while (0)
#define AT_VECTOR_SIZE_ARCH 0

#endif /* _ASM_X86_ELF_H */
