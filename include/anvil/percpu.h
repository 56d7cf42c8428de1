/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU variables (kernel/smp.c sets the areas up).
 *
 *	DEFINE_PER_CPU(struct rq, runqueues);
 *	struct rq *rq = this_cpu_ptr(&runqueues);	   preemption off!
 *	struct rq *other = per_cpu_ptr(&runqueues, cpu);
 *
 * The linker gathers every DEFINE_PER_CPU into one section. The boot CPU
 * uses that section in place; each other CPU gets a copy, and
 * __per_cpu_offset[cpu] is the distance from the original to the copy. A
 * per-CPU pointer is only meaningful on the CPU it was taken on, so
 * this_cpu_ptr() needs preemption (or interrupts) off: in debug builds it
 * checks, and reports "BUG: using smp_processor_id() in preemptible code"
 * otherwise, exactly the check that caught seed 004's bug.
 *
 * Each area starts with struct percpu_hdr, whose layout the arch's
 * one-instruction readers (<asm/percpu.h>) rely on.
 */
#ifndef ANVIL_PERCPU_H
#define ANVIL_PERCPU_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/percpu.h>

#define NR_CPUS 16

struct task_struct;

struct percpu_hdr {
	void *self;			/* offset 0: this area's address */
	unsigned int cpu;		/* offset 8: smp_processor_id() */
	unsigned int pad;
	struct task_struct *current_task; /* offset 16: `current` */
};

_Static_assert(ARCH_PERCPU_CPU_OFFSET == 8, "percpu_hdr.cpu offset");
_Static_assert(ARCH_PERCPU_CURRENT_OFFSET == 16, "percpu_hdr.current offset");

extern unsigned long __per_cpu_offset[NR_CPUS];

#define DEFINE_PER_CPU(type, name) \
	__section(".data..percpu") type name
#define DECLARE_PER_CPU(type, name) extern type name

#define per_cpu_ptr(ptr, cpu)                                              \
	((__typeof__(ptr))((unsigned long)(ptr) + __per_cpu_offset[(cpu)]))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))

/* This CPU's copy, no checks: for code that knows it cannot migrate. */
#define raw_cpu_ptr(ptr) per_cpu_ptr(ptr, raw_smp_processor_id())
/* This CPU's copy; debug builds check that the caller cannot migrate. */
#define this_cpu_ptr(ptr) per_cpu_ptr(ptr, smp_processor_id())

static inline unsigned int raw_smp_processor_id(void)
{
	return arch_percpu_read_cpu();
}

#ifdef CONFIG_DEBUG
unsigned int debug_smp_processor_id(void);
#define smp_processor_id() debug_smp_processor_id()
#else
#define smp_processor_id() raw_smp_processor_id()
#endif

/* The task running on this CPU: one instruction, safe anywhere. */
#define current ((struct task_struct *)arch_percpu_read_current())

/* The header of @cpu's area, for the scheduler and SMP bring-up. */
struct percpu_hdr *percpu_hdr_of(unsigned int cpu);

#endif /* ANVIL_PERCPU_H */
