/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for <asm/mmu_context.h> (tests/host/): one CPU whose
 * "loaded" mm is recorded, so a test can check what would be in CR3.
 */
#ifndef HOST_ASM_MMU_CONTEXT_H
#define HOST_ASM_MMU_CONTEXT_H

struct mm_struct;
struct task_struct;

extern struct mm_struct *host_loaded_mm;

static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next,
			     struct task_struct *tsk)
{
	host_loaded_mm = next;
}

static inline void enter_lazy_tlb(struct mm_struct *mm,
				  struct task_struct *tsk)
{
}

#endif /* HOST_ASM_MMU_CONTEXT_H */
