/* SPDX-License-Identifier: MIT */
/*
 * asm/mmu_context.h: which address space this CPU translates with.
 *
 * The scheduler calls these around a context switch (Linux's
 * context_switch() does the same):
 *
 *	next has an mm:		switch_mm(prev->active_mm, next->mm, next)
 *	next is a kernel thread:	enter_lazy_tlb(prev->active_mm, next)
 *				(it borrows prev's mm: CR3 stays)
 *
 * Implemented in mm/tlb.c, with the rules for mm->cpu_vm_mask.
 */
#ifndef _ASM_X86_MMU_CONTEXT_H
#define _ASM_X86_MMU_CONTEXT_H

struct mm_struct;
struct task_struct;

/*
 * Make @next this CPU's address space: load CR3 with its PGD (unless it
 * is loaded already) and set this CPU's bit in next->cpu_vm_mask. The
 * bit of the mm loaded before is cleared once CR3 no longer points at
 * it. @prev may be NULL. Interrupts off (the context switch), or the
 * caller disables preemption; never sleeps.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next,
	       struct task_struct *tsk);

/*
 * This CPU now runs @tsk, a kernel thread, which keeps @mm loaded
 * without using its user half (lazy TLB). The CPU stays in
 * mm->cpu_vm_mask, so flushes still reach it; the first one it gets
 * while lazy makes it drop the mm instead (see mm/tlb.c).
 */
void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk);

/*
 * Stop using any user address space on this CPU: load the kernel's own
 * PGD (init_top_pgt) and leave the old mm's cpu_vm_mask. For exit paths
 * and for the mm's last user going away. Preemption or interrupts off.
 */
void leave_mm(void);

/* The mm whose PGD is in this CPU's CR3, NULL for init_top_pgt. */
struct mm_struct *this_cpu_loaded_mm(void);

#endif /* _ASM_X86_MMU_CONTEXT_H */
