/* SPDX-License-Identifier: MIT */
/*
 * Address spaces and the tasks that use them (kernel/fork.c), as Linux's
 * <linux/sched/mm.h>. Two counts, as in Linux:
 *
 *	mm_users	tasks running in the mm (and short-term users such
 *			as /proc readers): the last mmput() tears down the
 *			mappings (exit_mmap)
 *	mm_count	references to the struct itself, one for all the
 *			users together plus one per CPU or task that still
 *			has it loaded (active_mm): the last mmdrop() frees
 *			the page-table root and the struct
 */
#ifndef ANVIL_SCHED_MM_H
#define ANVIL_SCHED_MM_H

struct mm_struct;

struct mm_struct *mm_alloc(void);
void mmgrab(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);
void mmget(struct mm_struct *mm);
void mmput(struct mm_struct *mm);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);

#endif /* ANVIL_SCHED_MM_H */
