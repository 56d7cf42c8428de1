/* SPDX-License-Identifier: MIT */
/*
 * asm/percpu.h: finding this CPU's per-CPU area, through r13.
 *
 * Generic code (include/anvil/percpu.h, kernel/smp.c) gives every CPU a
 * per-CPU area whose first 24 bytes are a fixed header:
 *
 *   0(r13)   void *self                 the area's own address
 *   8(r13)   unsigned int cpu           logical CPU number (boot CPU = 0)
 *   16(r13)  struct task_struct *current
 *
 * The 64-bit PowerPC ABI reserves r13 as the thread pointer, so GCC never
 * allocates it (-ffixed-r13 in Makefile.inc says so once more).
 * arch_percpu_setup() (kernel/paca.c) puts the area's address in r13 and
 * in the paca; exception entry reloads r13 from the paca before it calls
 * C, so handlers see the same base. Each field is then one load from
 * r13, which matters for "cpu" and "current": a task can be preempted and
 * moved to another CPU between any two instructions, and "find my area,
 * then load the field" as two steps could read the CPU it has just left.
 *
 * The reads are volatile with a memory clobber: "cpu" changes when the
 * task migrates, and the scheduler stores "current" through the area's
 * plain address just before switching.
 */
#ifndef _ASM_PPC64_PERCPU_H
#define _ASM_PPC64_PERCPU_H

#include <anvil/compiler.h>
#include <anvil/types.h>

struct task_struct;

#define ARCH_PERCPU_SELF_OFFSET 0
#define ARCH_PERCPU_CPU_OFFSET 8
#define ARCH_PERCPU_CURRENT_OFFSET 16

/* This CPU's per-CPU area. */
static __always_inline void *arch_percpu_base(void)
{
	void *base;

	__asm__ __volatile__("mr %0,13" : "=r"(base) : : "memory");
	return base;
}

/* This CPU's logical number, in one instruction. */
static __always_inline unsigned int arch_percpu_read_cpu(void)
{
	unsigned int cpu;

	__asm__ __volatile__("lwz %0," __stringify(ARCH_PERCPU_CPU_OFFSET)
			     "(13)"
			     : "=r"(cpu) : : "memory");
	return cpu;
}

/* The task running on this CPU, in one instruction. */
static __always_inline struct task_struct *arch_percpu_read_current(void)
{
	struct task_struct *t;

	__asm__ __volatile__("ld %0," __stringify(ARCH_PERCPU_CURRENT_OFFSET)
			     "(13)"
			     : "=r"(t) : : "memory");
	return t;
}

#endif /* _ASM_PPC64_PERCPU_H */
