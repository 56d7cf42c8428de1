/* SPDX-License-Identifier: MIT */
/*
 * hash_user.h: what arch/ppc64/mm/ (and its tests) share about user
 * pages in the hash table. hash_user.c puts them in, tlb_hash.c takes
 * them out, fault.c calls in on a DSI/ISI.
 */
#ifndef _PPC64_MM_HASH_USER_H
#define _PPC64_MM_HASH_USER_H

#include <asm/pgtable.h>

struct mm_struct;
struct pt_regs;

/* hash_page_user()'s @access */
#define HASH_ACCESS_WRITE 0x1
#define HASH_ACCESS_EXEC 0x2

/* hash_user.c */
int hash_page_user(struct mm_struct *mm, unsigned long ea,
		   unsigned int access);
unsigned long pte_hpte_rflags(unsigned long pte);
pmd_t *find_user_pmd(struct mm_struct *mm, unsigned long ea);

/*
 * fault.c: the generic half of a user-address fault is
 * handle_user_fault() (mm/fault.c); a test may route faults to its own
 * handler instead (its kthread has no current->mm). Both return 0 to
 * retry the access, or nonzero.
 */
typedef int (*user_fault_fn)(struct pt_regs *regs, unsigned long addr,
			     unsigned int flags);
extern user_fault_fn ppc64_user_fault_handler;

#endif /* _PPC64_MM_HASH_USER_H */
