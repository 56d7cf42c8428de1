/* SPDX-License-Identifier: MIT */
/*
 * preempt_count: may this task be switched out right now?
 *
 * Every task carries a count (current->preempt_count) with two parts:
 *
 *	bits  0-7   preemption disabled, nesting depth (preempt_disable,
 *		    and every spinlock held)
 *	bits 16-23  hardirq nesting: we are inside an interrupt handler
 *		    (irq_enter/irq_exit, called by the arch's handlers)
 *
 * A task may be preempted (switched out without asking) only when the
 * whole count is 0 and interrupts are on: preemptible(). Preemption
 * happens in two places: when preempt_enable() brings the count to 0 with
 * need_resched set, and on return from an interrupt to kernel code
 * (preempt_schedule_irq, called by the arch). docs/preemption.md has the
 * whole story.
 *
 * The count is per task, not per CPU, so it moves with the task across a
 * context switch and is read with one load through `current`.
 */
#ifndef ANVIL_PREEMPT_H
#define ANVIL_PREEMPT_H

#include <anvil/compiler.h>
#include <anvil/irqflags.h>
#include <anvil/percpu.h>

#define PREEMPT_OFFSET 1U
#define PREEMPT_MASK 0x000000ffU
#define HARDIRQ_OFFSET 0x00010000U
#define HARDIRQ_MASK 0x00ff0000U

/* Only the fields preempt.h needs; the rest is in <anvil/sched.h>. */
unsigned int *__preempt_count_ptr(void);
bool need_resched(void);
void preempt_schedule(void);

/* Latency tracer hooks (kernel/trace/latency.c): count left / reached 0. */
void trace_preempt_off(unsigned long ip);
void trace_preempt_on(unsigned long ip);

static inline unsigned int preempt_count(void)
{
	return READ_ONCE(*__preempt_count_ptr());
}

#define in_irq() (preempt_count() & HARDIRQ_MASK)
#define in_atomic() (preempt_count() != 0)
#define preemptible() (preempt_count() == 0 && !irqs_disabled())

static inline void __preempt_count_add(unsigned int n, unsigned long ip)
{
	unsigned int *pc = __preempt_count_ptr();

	*pc += n;
	barrier();
	if (*pc == n)
		trace_preempt_off(ip);
}

static inline bool __preempt_count_sub(unsigned int n, unsigned long ip)
{
	unsigned int *pc = __preempt_count_ptr();

	barrier();
	if (*pc == n)
		trace_preempt_on(ip);
	*pc -= n;
	return *pc == 0;
}

/*
 * The _ip forms let a lock's entry points charge the section to their
 * caller (_RET_IP_), so the latency tracer names zap_pte_range, not
 * spin_lock.
 */
#define preempt_disable_ip(ip) __preempt_count_add(1, ip)
#define preempt_enable_ip(ip)                                              \
	do {                                                               \
		if (__preempt_count_sub(1, ip) && unlikely(need_resched())) \
			preempt_schedule();                                \
	} while (0)
#define preempt_disable() preempt_disable_ip(_THIS_IP_)
#define preempt_enable_no_resched() \
	((void)__preempt_count_sub(1, _THIS_IP_))
#define preempt_enable() preempt_enable_ip(_THIS_IP_)

/* Interrupt handlers: the arch calls these around the handler's work. */
void irq_enter(void);
void irq_exit(void);
/* Arch interrupt exit to kernel code with interrupts enabled before. */
void preempt_schedule_irq(void);

#endif /* ANVIL_PREEMPT_H */
