/* SPDX-License-Identifier: MIT */
/*
 * asm/percpu.h: finding this CPU's per-CPU area, through GS.
 *
 * Generic code (include/anvil/percpu.h, kernel/smp.c) gives every CPU a
 * per-CPU area whose first 24 bytes are a fixed header:
 *
 *   %gs:0    void *self                 the area's own address
 *   %gs:8    unsigned int cpu           logical CPU number (boot CPU = 0)
 *   %gs:16   struct task_struct *current
 *
 * arch_percpu_setup() (kernel/cpu.c, declared in <anvil/arch.h>) writes
 * the area's address into the GS base MSR, so each field is one
 * GS-relative load. One instruction matters for "cpu" and "current":
 * a task can be preempted and moved to another CPU between any two
 * instructions, and "find my area, then load the field" as two steps
 * could read the field of the CPU it has just left.
 *
 * In 64-bit mode the GS *selector* is 0 and its base lives only in the
 * MSR, so reloading segment registers (kernel/gdt.c does "mov gs, 0")
 * must happen before arch_percpu_setup(), never after.
 *
 * User mode, later: the user's GS base must not be the kernel's. The
 * entry code will then swap the two with "swapgs" (IA32_KERNEL_GS_BASE,
 * MSR 0xc0000102, holds the other one) when it enters from or returns to
 * ring 3, and the context switch will save the user's value.
 *
 * The reads are "volatile" with a memory clobber: "cpu" changes when the
 * task migrates, and the scheduler stores "current" through the area's
 * plain address just before switching, so the compiler must neither
 * cache these loads nor move them across other memory accesses.
 */
#ifndef _ASM_X86_PERCPU_H
#define _ASM_X86_PERCPU_H

#include <anvil/compiler.h>
#include <anvil/types.h>

struct task_struct;

#define ARCH_PERCPU_SELF_OFFSET 0
#define ARCH_PERCPU_CPU_OFFSET 8
#define ARCH_PERCPU_CURRENT_OFFSET 16

/* This CPU's per-CPU area (its "self" field). */
static __always_inline void *arch_percpu_base(void)
{
	void *base;

	__asm__ __volatile__("movq %%gs:" __stringify(ARCH_PERCPU_SELF_OFFSET)
			     ", %0"
			     : "=r"(base) : : "memory");
	return base;
}

/* This CPU's logical number, in one instruction. */
static __always_inline unsigned int arch_percpu_read_cpu(void)
{
	unsigned int cpu;

	__asm__ __volatile__("movl %%gs:" __stringify(ARCH_PERCPU_CPU_OFFSET)
			     ", %0"
			     : "=r"(cpu) : : "memory");
	return cpu;
}

/* The task running on this CPU, in one instruction. */
static __always_inline struct task_struct *arch_percpu_read_current(void)
{
	struct task_struct *t;

	__asm__ __volatile__("movq %%gs:" __stringify(
				     ARCH_PERCPU_CURRENT_OFFSET) ", %0"
			     : "=r"(t) : : "memory");
	return t;
}

#endif /* _ASM_X86_PERCPU_H */
