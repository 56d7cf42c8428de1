/* SPDX-License-Identifier: MIT */
/*
 * The paca ("processor area"): the arch's own per-CPU data, one per CPU,
 * found through HSPRG0 by the exception stubs and by get_paca().
 *
 * Linux keeps the paca in r13. anvil gives r13 to the generic per-CPU
 * area instead (<asm/percpu.h>): the paca only remembers that base, so
 * the exception entry can put it back in r13 before calling C.
 *
 * pacas[0] is the boot CPU's; the others are filled from the device tree
 * (kernel/paca.c), and each secondary CPU points HSPRG0 at its own as
 * the first thing it does (head_64.S, secondary_hold).
 *
 * The PACA_* offsets are for assembly; kernel/paca.c checks them.
 */
#ifndef _ASM_PPC64_PACA_H
#define _ASM_PPC64_PACA_H

#define PACA_EX_R10 0	 /* exception prologue scratch */
#define PACA_EX_R11 8
#define PACA_EX_R12 16
#define PACA_EX_NIP 24
#define PACA_EX_HSRR 32
#define PACA_KERNEL_MSR 40
#define PACA_KERNEL_TOC 48
#define PACA_KSTACK 56
#define PACA_WAKE_NIP 64
#define PACA_WAKE_MSR 72
#define PACA_PERCPU_BASE 80
#define PACA_ICP 88
#define PACA_HOLD_STACK 96
#define PACA_HW_CPU_ID 104
#define PACA_EX_CCR 136
#define PACA_SIZE 256	 /* two cache lines each */

#define INIT_STACK_SIZE 16384 /* the boot CPU's stack (kernel/head_64.S) */

#ifndef __ASSEMBLY__

#include <anvil/types.h>

struct mm_struct;

struct paca_struct {
	u64 ex_r10, ex_r11, ex_r12; /* a stub's registers, until saved */
	u64 ex_nip;		    /* SRR0/HSRR0, until saved */
	u64 ex_hsrr;		    /* 1 if the vector uses HSRR0/1 */
	u64 kernel_msr;		    /* MSR for exception handlers */
	u64 kernel_toc;		    /* r2 for C code */
	u64 kstack;		    /* r1 for an entry from user mode: the
				     * current task's frame (asm/ptrace.h) */
	u64 wake_nip;		    /* where a nap wake-up resumes ... */
	u64 wake_msr;		    /* ... and with which MSR */
	u64 percpu_base;	    /* r13 for C code (<asm/percpu.h>) */
	u64 icp_phys;		    /* this thread's XICS presenter */
	u64 hold_stack;		    /* holding pen: set = "start, here" */
	u32 hw_cpu_id;		    /* PIR */
	u32 cpu;		    /* logical number (0 = boot CPU) */
	/*
	 * The user address space this CPU translates (mm/mmu_context.c):
	 * its mm and context, and the next SLB slot to fill on a user
	 * segment fault (mm/slb.c). Changed only by this CPU with
	 * interrupts off; read by its fault handlers.
	 */
	struct mm_struct *user_mm;
	u64 user_context;	    /* 0: no user address space */
	u32 slb_next;		    /* 1 .. SLB_NUM_ENTRIES - 1 */
	u64 ex_ccr;		    /* the interrupted CR, until saved */
} __attribute__((aligned(PACA_SIZE)));

/* One per logical CPU; paca_count are in use (kernel/paca.c). */
extern struct paca_struct pacas[];
extern unsigned int paca_count;

#include <asm/reg.h>

static inline struct paca_struct *get_paca(void)
{
	return (struct paca_struct *)mfspr(SPRN_SPRG_PACA);
}

void paca_init_boot(void);
void paca_init_secondaries(void);

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PPC64_PACA_H */
