/* SPDX-License-Identifier: MIT */
/*
 * asm/traps.h: the CPU exception vectors and their C handlers.
 *
 * kernel/entry.asm saves a struct pt_regs and calls x86_handle_vector();
 * exceptions go to kernel/traps.c (page faults on to mm/fault.c),
 * interrupts to kernel/irq.c.
 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>

enum {
	X86_TRAP_DE = 0,	/* divide error */
	X86_TRAP_DB = 1,	/* debug */
	X86_TRAP_NMI = 2,	/* non-maskable interrupt */
	X86_TRAP_BP = 3,	/* breakpoint (int3) */
	X86_TRAP_OF = 4,	/* overflow (into) */
	X86_TRAP_BR = 5,	/* bound range */
	X86_TRAP_UD = 6,	/* invalid opcode (ud2) */
	X86_TRAP_NM = 7,	/* device not available (FPU) */
	X86_TRAP_DF = 8,	/* double fault */
	X86_TRAP_OLD_MF = 9,	/* coprocessor segment overrun */
	X86_TRAP_TS = 10,	/* invalid TSS */
	X86_TRAP_NP = 11,	/* segment not present */
	X86_TRAP_SS = 12,	/* stack segment fault */
	X86_TRAP_GP = 13,	/* general protection */
	X86_TRAP_PF = 14,	/* page fault */
	X86_TRAP_SPURIOUS = 15,
	X86_TRAP_MF = 16,	/* x87 floating point */
	X86_TRAP_AC = 17,	/* alignment check */
	X86_TRAP_MC = 18,	/* machine check */
	X86_TRAP_XF = 19,	/* SIMD floating point */
	X86_TRAP_VE = 20,	/* virtualization exception */
	X86_TRAP_CP = 21,	/* control protection */
	X86_TRAP_VC = 29,	/* VMM communication (SEV-ES) */
	X86_TRAP_SX = 30,	/* security exception */
	NR_EXCEPTION_VECTORS = 32
};

/* Page-fault error code bits (pushed by the CPU, CR2 holds the address). */
#define X86_PF_PROT (1UL << 0)	/* 0: page not present, 1: protection */
#define X86_PF_WRITE (1UL << 1)
#define X86_PF_USER (1UL << 2)
#define X86_PF_RSVD (1UL << 3)	/* a reserved bit set in a table entry */
#define X86_PF_INSTR (1UL << 4)	/* instruction fetch */
#define X86_PF_PK (1UL << 5)	/* protection key */

/* The name of a vector, for oops reports ("page fault", "IRQ"). */
const char *x86_vector_name(unsigned long vector);

/* Called from kernel/entry.asm with interrupts off. */
void x86_handle_vector(struct pt_regs *regs);
/* kernel/traps.c, kernel/irq.c and mm/fault.c */
void do_exception(struct pt_regs *regs);
void do_irq(struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs);

#endif /* _ASM_X86_TRAPS_H */
