/* SPDX-License-Identifier: MIT */
/*
 * asm/mmu_context.h: which user address space this CPU translates.
 *
 * On the hash MMU "loading an mm" is cheap and local: remember it in the
 * paca, and drop this CPU's user SLB entries (the segment fault handler
 * reloads them for the new mm on demand, mm/slb.c). The HPT is shared by
 * every CPU and every mm (VSIDs keep them apart), so nothing else
 * changes. Implemented in mm/mmu_context.c.
 *
 * The scheduler calls these around a context switch, as Linux's
 * context_switch():
 *
 *	next has an mm:	switch_mm(prev->active_mm, next->mm, next)
 *	a kernel thread:	enter_lazy_tlb(prev->active_mm, next)
 */
#ifndef _ASM_PPC64_MMU_CONTEXT_H
#define _ASM_PPC64_MMU_CONTEXT_H

struct mm_struct;
struct task_struct;

/*
 * Make @next this CPU's user address space: record it in the paca, flush
 * the user SLB entries (the kernel's bolted entry 0 stays), and move
 * this CPU's bit from the old mm's cpu_vm_mask to @next's. On ppc64 the
 * bit can go at once: TLB invalidations are broadcast (tlbie) whatever
 * the mask says, and once the SLB entries are gone this CPU cannot reach
 * the old mm's pages. So cpu_vm_mask is exactly "CPUs that have the mm
 * loaded", which tlb_flush uses to pick whom to interrupt. @prev is
 * ignored (the paca knows what is loaded); @next may be NULL. Interrupts
 * off or on (they are turned off inside); never sleeps.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next,
	       struct task_struct *tsk);

/* A kernel thread borrows @mm: nothing to do on ppc64. */
void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk);

/* Stop translating any user address space on this CPU: switch_mm(NULL). */
void leave_mm(void);

/* The mm this CPU translates user addresses with, or NULL. */
struct mm_struct *this_cpu_loaded_mm(void);

#endif /* _ASM_PPC64_MMU_CONTEXT_H */
