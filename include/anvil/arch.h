/* SPDX-License-Identifier: MIT */
/*
 * The out-of-line arch hooks, declared once for every arch.
 *
 * Each arch implements these in arch/<arch>/; inline hooks and constants
 * live in the arch's <asm/...> headers instead. docs/arch-boundary.md is
 * the reference: when each hook is called, in what state, and what it
 * must guarantee.
 */
#ifndef ANVIL_ARCH_H
#define ANVIL_ARCH_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/setjmp.h>

/* Boot CPU, interrupts off: console, traps, boot_params, memblock, clock. */
void setup_arch(void);
/* Start the periodic tick (HZ), whose handler calls timer_interrupt(). */
void arch_timer_init(void);

/*
 * The battery-backed clock's time of day, UTC, for the wall clock
 * (kernel/time.c); {0, 0} if the machine has none or it cannot be read.
 * Called once from clock_register(): boot CPU, early, interrupts off.
 */
struct timespec64;
void read_persistent_clock64(struct timespec64 *ts);

void machine_power_off(void) __noreturn;
void machine_halt(void) __noreturn;

/* Polled console output, safe from any context. */
void arch_console_write(const char *s, size_t n);

/* Hardware id of this CPU (APIC id, PIR), for messages. */
unsigned int arch_cpu_id(void);

void show_regs(const struct pt_regs *regs);

/* Return false to stop the walk. */
typedef bool (*stack_trace_consume_fn)(void *cookie, unsigned long pc);
/* Walk the stack from @regs, or from the caller when @regs is NULL. */
void arch_stack_walk(stack_trace_consume_fn fn, void *cookie,
		     const struct pt_regs *regs);

int arch_setjmp(struct arch_jmp_buf *buf) __returns_twice;
void arch_longjmp(struct arch_jmp_buf *buf, int val) __noreturn;

/* SMP and context switch: see "SMP, per-CPU data and context switch". */
void arch_percpu_setup(void *base);
int arch_boot_secondary(unsigned int cpu, void *stack_top);
void arch_send_ipi(unsigned int cpu);
struct thread_struct *arch_switch_to(struct thread_struct *prev,
				     struct thread_struct *next);
void arch_thread_setup(struct thread_struct *t, void *stack_top,
		       void (*fn)(void *), void *arg);

/*
 * /proc ("procfs" in docs/arch-boundary.md), called in process context
 * with no lock held; they print with seq_printf (<anvil/seq_file.h>):
 * arch_show_cpuinfo() the /proc/cpuinfo lines about online CPU @cpu that
 * follow its "processor" line; arch_tlb_flush_stats() the arch's TLB or
 * hash MMU counters for /proc/vmstat, one "name value" line each.
 */
struct seq_file;
void arch_show_cpuinfo(struct seq_file *m, unsigned int cpu);
void arch_tlb_flush_stats(struct seq_file *m);

/* User address spaces ("User page tables" in docs/arch-boundary.md). */
struct mm_struct;
struct task_struct;
void switch_mm(struct mm_struct *prev, struct mm_struct *next,
	       struct task_struct *tsk);

#endif /* ANVIL_ARCH_H */
