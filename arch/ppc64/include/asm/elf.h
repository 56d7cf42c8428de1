/* SPDX-License-Identifier: MIT */
/*
 * asm/elf.h: what ppc64 says about the programs it runs (fs/binfmt_elf.c
 * reads these). Values are Linux's for 64-bit big-endian PowerPC (ELFv1),
 * so a static Linux binary finds the auxiliary vector it expects.
 *
 * ELFv1: a program's entry point is not code but a function descriptor
 * {entry, TOC, environment}; arch_start_thread() reads it.
 */
#ifndef _ASM_PPC64_ELF_H
#define _ASM_PPC64_ELF_H

#include <asm/pgtable.h>

#define ELF_CLASS 2		/* ELFCLASS64 */
#define ELF_DATA 2		/* ELFDATA2MSB: big-endian */
#define ELF_ARCH 21		/* EM_PPC64 */
#define ELF_PLATFORM "power8"

/* Linux's ppc64 base for ET_DYN programs without randomization. */
#define ELF_ET_DYN_BASE 0x100000000UL

#define STACK_TOP TASK_SIZE

/* AT_HWCAP: PPC_FEATURE_32 | _64 | _HAS_FPU | _HAS_MMU | ARCH_2_06 ...
 * for a POWER8 without VMX/VSX in user mode (anvil saves only the FPU). */
#define PPC_FEATURE_32 0x80000000
#define PPC_FEATURE_64 0x40000000
#define PPC_FEATURE_HAS_FPU 0x08000000
#define PPC_FEATURE_HAS_MMU 0x04000000
#define PPC_FEATURE_ARCH_2_05 0x00001000
#define PPC_FEATURE_ARCH_2_06 0x00000100
#define PPC_FEATURE_TRUE_LE 0x00000002

static inline unsigned long elf_hwcap(void)
{
	return PPC_FEATURE_32 | PPC_FEATURE_64 | PPC_FEATURE_HAS_FPU |
	       PPC_FEATURE_HAS_MMU | PPC_FEATURE_ARCH_2_05 |
	       PPC_FEATURE_ARCH_2_06;
}

struct mm_struct;

/*
 * Every program gets one page holding the signal return trampoline
 * ("li r0,__NR_rt_sigreturn; sc"): on ppc64 the kernel, not the C
 * library, says where a handler returns to (Linux uses its vDSO for
 * this). arch/ppc64/kernel/signal.c.
 */
int arch_setup_additional_pages(struct mm_struct *mm);

/* Linux's ARCH_DLINFO: cache block sizes, which libc uses for memset. */
#define AT_DCACHEBSIZE 19
#define AT_ICACHEBSIZE 20
#define AT_UCACHEBSIZE 21
#define ARCH_DLINFO(put)                                                   \
	do {                                                               \
		put(AT_DCACHEBSIZE, 128);                                  \
		put(AT_ICACHEBSIZE, 128);                                  \
		put(AT_UCACHEBSIZE, 0);                                    \
	} while (0)
#define AT_VECTOR_SIZE_ARCH 3	/* the entries ARCH_DLINFO adds */

#endif /* _ASM_PPC64_ELF_H */
