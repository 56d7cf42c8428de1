/* SPDX-License-Identifier: MIT */
/*
 * asm/msr.h: model-specific registers.
 *
 * Only the MSRs anvil touches are named here. Under QEMU TCG an unknown
 * MSR reads as 0 instead of raising #GP, so never probe for a feature by
 * "the rdmsr did not fault": check CPUID (asm/cpufeature.h).
 */
#ifndef _ASM_X86_MSR_H
#define _ASM_X86_MSR_H

#include <anvil/types.h>

#define MSR_IA32_APIC_BASE 0x0000001b
#define  APIC_BASE_BSP (1UL << 8)	/* this is the boot CPU */
#define  APIC_BASE_EXTD (1UL << 10)	/* x2APIC mode (not on TCG) */
#define  APIC_BASE_ENABLE (1UL << 11)	/* global enable */
#define  APIC_BASE_ADDR_MASK 0xfffff000UL

#define MSR_EFER 0xc0000080
#define  EFER_SCE (1UL << 0)		/* syscall/sysret */
#define  EFER_LME (1UL << 8)		/* long mode enable */
#define  EFER_LMA (1UL << 10)		/* long mode active (read-only) */
#define  EFER_NXE (1UL << 11)		/* the NX bit in page tables */

/* syscall/sysret (kernel/syscall.c) */
#define MSR_STAR 0xc0000081		/* kernel and user segment bases */
#define MSR_LSTAR 0xc0000082		/* 64-bit syscall entry point */
#define MSR_CSTAR 0xc0000083		/* compat-mode syscall entry point */
#define MSR_SYSCALL_MASK 0xc0000084	/* RFLAGS bits syscall clears */

#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101		/* the per-CPU base (asm/percpu.h) */
#define MSR_KERNEL_GS_BASE 0xc0000102	/* swapgs's other half: the user's
					 * GS base while in the kernel */

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr"
			     : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32))
			     : "memory");
}

#endif /* _ASM_X86_MSR_H */
