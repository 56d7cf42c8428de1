/* SPDX-License-Identifier: MIT */
/*
 * asm/cpufeature.h: what this CPU is and what it can do, from CPUID.
 *
 * kernel/cpu.c fills boot_cpu_data once, on the boot CPU; everything
 * else asks boot_cpu_has(X86_FEATURE_...). A feature number is
 * 32 * word + bit, where each word is one CPUID output register (the
 * scheme Linux uses, so the names match /proc/cpuinfo's flags).
 */
#ifndef _ASM_X86_CPUFEATURE_H
#define _ASM_X86_CPUFEATURE_H

#include <anvil/types.h>

enum cpuid_word {
	CPUID_1_EDX,		/* leaf 1, EDX */
	CPUID_1_ECX,		/* leaf 1, ECX */
	CPUID_8000_0001_EDX,	/* AMD-defined, also on Intel */
	CPUID_8000_0001_ECX,
	CPUID_7_0_EBX,		/* structured extended features */
	CPUID_7_0_ECX,
	NCAPINTS
};

#define X86_FEATURE(word, bit) ((word) * 32 + (bit))

#define X86_FEATURE_FPU X86_FEATURE(CPUID_1_EDX, 0)
#define X86_FEATURE_PSE X86_FEATURE(CPUID_1_EDX, 3)
#define X86_FEATURE_TSC X86_FEATURE(CPUID_1_EDX, 4)
#define X86_FEATURE_MSR X86_FEATURE(CPUID_1_EDX, 5)
#define X86_FEATURE_PAE X86_FEATURE(CPUID_1_EDX, 6)
#define X86_FEATURE_APIC X86_FEATURE(CPUID_1_EDX, 9)
#define X86_FEATURE_PGE X86_FEATURE(CPUID_1_EDX, 13)
#define X86_FEATURE_FXSR X86_FEATURE(CPUID_1_EDX, 24)
#define X86_FEATURE_XMM X86_FEATURE(CPUID_1_EDX, 25)
#define X86_FEATURE_PCID X86_FEATURE(CPUID_1_ECX, 17)
#define X86_FEATURE_X2APIC X86_FEATURE(CPUID_1_ECX, 21)
#define X86_FEATURE_TSC_DEADLINE X86_FEATURE(CPUID_1_ECX, 24)
#define X86_FEATURE_XSAVE X86_FEATURE(CPUID_1_ECX, 26)
#define X86_FEATURE_HYPERVISOR X86_FEATURE(CPUID_1_ECX, 31)
#define X86_FEATURE_SYSCALL X86_FEATURE(CPUID_8000_0001_EDX, 11)
#define X86_FEATURE_NX X86_FEATURE(CPUID_8000_0001_EDX, 20)
#define X86_FEATURE_GBPAGES X86_FEATURE(CPUID_8000_0001_EDX, 26)
#define X86_FEATURE_RDTSCP X86_FEATURE(CPUID_8000_0001_EDX, 27)
#define X86_FEATURE_LM X86_FEATURE(CPUID_8000_0001_EDX, 29)
#define X86_FEATURE_FSGSBASE X86_FEATURE(CPUID_7_0_EBX, 0)
#define X86_FEATURE_SMEP X86_FEATURE(CPUID_7_0_EBX, 7)
#define X86_FEATURE_INVPCID X86_FEATURE(CPUID_7_0_EBX, 10)
#define X86_FEATURE_SMAP X86_FEATURE(CPUID_7_0_EBX, 20)
#define X86_FEATURE_UMIP X86_FEATURE(CPUID_7_0_ECX, 2)
#define X86_FEATURE_PKU X86_FEATURE(CPUID_7_0_ECX, 3)
#define X86_FEATURE_LA57 X86_FEATURE(CPUID_7_0_ECX, 16)

struct cpuinfo_x86 {
	char vendor[13];		/* "GenuineIntel", "AuthenticAMD" */
	char model_id[49];		/* the brand string, if any */
	unsigned int family, model, stepping;
	u32 cpuid_level;		/* highest basic leaf */
	u32 extended_cpuid_level;	/* highest 0x8000xxxx leaf */
	u32 capability[NCAPINTS];
	u8 phys_bits, virt_bits;	/* address widths */
};

extern struct cpuinfo_x86 boot_cpu_data;
/* CR4.SMAP is on (kernel/cpu.c); lib/copy_user.asm and entry.asm read it. */
extern bool x86_smap_enabled;

static inline bool boot_cpu_has(unsigned int feature)
{
	return boot_cpu_data.capability[feature / 32] & (1U << (feature % 32));
}

/* kernel/cpu.c */
void identify_boot_cpu(void);
void cpu_init(void);

#endif /* _ASM_X86_CPUFEATURE_H */
