/* SPDX-License-Identifier: MIT */
/*
 * SMP: bringing up the other CPUs, and asking them to do things
 * (kernel/smp.c).
 *
 * Inter-processor interrupts (IPIs) carry a reason in a per-CPU pending
 * mask, so the arch needs only one IPI vector:
 *
 *	IPI_RESCHEDULE	"look at need_resched": the interrupt's return path
 *			does the rest (preempt_schedule_irq)
 *	IPI_CALL_FUNC	run the functions queued for this CPU
 *
 * smp_call_function_many() is what TLB shootdowns will use: run fn(arg) on
 * every CPU of a mask other than this one, and return only when all of them
 * have finished. (@wait is Linux's; anvil always waits, because the
 * requests live on the caller's stack.) It must be called with interrupts
 * enabled:
 * two CPUs each waiting with interrupts off for the other to answer its
 * IPI would wait forever.
 */
#ifndef ANVIL_SMP_H
#define ANVIL_SMP_H

#include <anvil/sched.h>

enum ipi_reason {
	IPI_RESCHEDULE,
	IPI_CALL_FUNC,
	NR_IPI_REASONS,
};

void percpu_boot_init(void);
void smp_init(void);
void secondary_start_kernel(unsigned int cpu) __noreturn;

void smp_send_reschedule(unsigned int cpu);
/* The arch's IPI handler calls this between irq_enter() and irq_exit(). */
void smp_ipi_interrupt(void);

typedef void (*smp_call_func_t)(void *arg);
void smp_call_function_many(cpumask_t mask, smp_call_func_t fn, void *arg,
			    bool wait);
/* As above, and on this CPU too (with interrupts off) if it is in @mask. */
void on_each_cpu_mask(cpumask_t mask, smp_call_func_t fn, void *arg,
		      bool wait);
cpumask_t cpu_online_mask(void);

/* IPIs sent to and received by each CPU since boot (for tests). */
unsigned long smp_ipis_received(unsigned int cpu);

#endif /* ANVIL_SMP_H */
