// SPDX-License-Identifier: MIT
/*
 * time.c: the periodic tick from the decrementer (DEC).
 *
 * DEC is a 32-bit counter that the timebase clock decrements; when it
 * goes negative the CPU takes a decrementer interrupt (0x900, through
 * SRR0/1) once MSR[EE] is on. The handler writes the next interval back
 * first thing, so the tick period does not drift by the handler's own
 * run time more than once, and a positive value ends the "pending"
 * condition. Before arch_timer_init() a stray expiry just reloads the
 * maximum. The timebase itself is the clock (<asm/timex.h>).
 *
 * arch_timer_init() runs on every CPU (each has its own DEC); the rate
 * is the same everywhere, so recomputing it is harmless. CPU 0's tick
 * also polls OPAL for console input (kernel/opal.c explains why polled).
 */
#include <anvil/arch.h>
#include <anvil/preempt.h>
#include <anvil/time.h>
#include <asm/opal.h>
#include <asm/paca.h>
#include <asm/prom.h>
#include <asm/ptrace.h>
#include <asm/reg.h>
#include <asm/traps.h>

#define DEC_MAX 0x7fffffffUL

static unsigned long tb_ticks_per_jiffy;

static void set_dec(unsigned long ticks)
{
	mtspr(SPRN_DEC, ticks);
}

void arch_timer_init(void)
{
	tb_ticks_per_jiffy = ppc_tb_freq / HZ;
	if (get_paca()->cpu == 0)
		opal_console_input_init();
	set_dec(tb_ticks_per_jiffy);
}

void timer_decrementer(struct pt_regs *regs)
{
	(void)regs;
	if (!tb_ticks_per_jiffy) {
		set_dec(DEC_MAX);
		return;
	}
	set_dec(tb_ticks_per_jiffy);
	if (get_paca()->cpu == 0)
		opal_ipmi_poll(); /* finishes stopping the BMC watchdog */
	irq_enter();
	if (get_paca()->cpu == 0)
		opal_console_poll();
	timer_interrupt();
	irq_exit();
}
