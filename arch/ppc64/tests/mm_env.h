/* SPDX-License-Identifier: MIT */
/*
 * mm_env.h: a user address space for ppc64's hash MMU tests, driven
 * from a kernel thread (tests/mm_env.c).
 *
 * mm_env_enter() pins the test to its CPU, loads a fresh mm there
 * (switch_mm) and routes user faults to a handler that calls
 * handle_mm_fault() directly (the kthread has no current->mm for the
 * generic handler to use). Kernel code can then touch user addresses
 * with get_user()/put_user(): segment fault, hash fault, generic fault,
 * exception-table fixup, all for real. mm_env_exit() undoes it all.
 */
#ifndef _PPC64_TESTS_MM_ENV_H
#define _PPC64_TESTS_MM_ENV_H

#include <anvil/cpumask.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm_types.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <anvil/uaccess.h>

#include "../mm/hash_user.h"

#define TEST_BASE 0x10000000UL
#define TEST_RW (PROT_READ | PROT_WRITE)
#define TEST_ANON (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)

/* mm/mm_struct.c */
struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
void mmput(struct mm_struct *mm);

struct mm_env {
	struct mm_struct *mm;
	unsigned int cpu;
	cpumask_t saved_allowed;
};

/* Generic fault calls made by the test handler (all tests). */
extern unsigned long mm_env_generic_faults;

/* Set up (returns false if out of memory) and tear down. */
bool mm_env_enter(struct mm_env *e);
void mm_env_exit(struct mm_env *e);
/* Make @mm this CPU's address space instead (fork tests). */
void mm_env_switch(struct mm_env *e, struct mm_struct *mm);

/* What uread() returns when get_user() fails: no test stores it. */
#define UREAD_FAILED 0xbadbadbadbadbad0UL

/*
 * The user word at @addr, read or written from kernel mode the way
 * system calls do it (get_user/put_user): a plain dereference of a user
 * address is an oops on ppc64 (mm/fault.c), fault or not.
 */
static inline unsigned long uread(unsigned long addr)
{
	unsigned long v;

	if (get_user(v, (unsigned long __user *)addr))
		return UREAD_FAILED;
	return v;
}

static inline void uwrite(unsigned long addr, unsigned long val)
{
	WARN_ON(put_user(val, (unsigned long __user *)addr));
}

/* The PTE of @addr in @mm, or NULL (no lock: the test owns the mm). */
pte_t *mm_env_pte(struct mm_struct *mm, unsigned long addr);
/* Valid HPTEs for @addr in @mm's context: must be 0 or 1. */
unsigned int hptes_for(struct mm_struct *mm, unsigned long addr);
/* The HPTE for @addr (r dword), false if there is none. */
bool hpte_of(struct mm_struct *mm, unsigned long addr, unsigned long *r);
/* The kernel's view of the user word at @addr (follow_page), or NULL. */
unsigned long *kernel_view(struct mm_struct *mm, unsigned long addr);

#endif /* _PPC64_TESTS_MM_ENV_H */
