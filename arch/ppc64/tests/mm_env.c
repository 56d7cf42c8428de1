// SPDX-License-Identifier: MIT
/*
 * mm_env.c: the test address space of mm_env.h, and HPT queries.
 *
 * The fault handler below is what kernel/'s handle_user_fault() does for
 * a real process (find the VMA under mmap_lock, check the access, call
 * handle_mm_fault), but for the mm this CPU has loaded rather than
 * current->mm. It runs with interrupts on, like the real one.
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mman.h>
#include <anvil/percpu.h>
#include <anvil/pgtable.h>
#include <anvil/preempt.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <asm/mmu-hash.h>
#include <asm/mmu_context.h>
#include <asm/ptrace.h>

#include "mm_env.h"

#define SIGBUS 7
#define SIGSEGV 11

unsigned long mm_env_generic_faults;

static bool vma_allows(struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_INSTRUCTION)
		return vma->vm_flags & VM_EXEC;
	if (flags & FAULT_FLAG_WRITE)
		return vma->vm_flags & VM_WRITE;
	return vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

static int test_user_fault(struct pt_regs *regs, unsigned long addr,
			   unsigned int flags)
{
	struct mm_struct *mm = this_cpu_loaded_mm();
	struct vm_area_struct *vma;
	int ret = VM_FAULT_SIGSEGV;

	mm_env_generic_faults++;
	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr && vma_allows(vma, flags))
		ret = handle_mm_fault(vma, addr, flags);
	up_read(&mm->mmap_lock);
	if (ret & VM_FAULT_SIGBUS)
		return SIGBUS;
	return ret ? SIGSEGV : 0;
}

bool mm_env_enter(struct mm_env *e)
{
	e->mm = mm_alloc();
	if (!e->mm)
		return false;
	e->saved_allowed = current->cpus_allowed;
	preempt_disable();
	e->cpu = smp_processor_id();
	preempt_enable();
	set_cpus_allowed(current, cpumask_of(e->cpu));
	ppc64_user_fault_handler = test_user_fault;
	switch_mm(NULL, e->mm, current);
	return true;
}

void mm_env_switch(struct mm_env *e, struct mm_struct *mm)
{
	switch_mm(NULL, mm, current);
}

void mm_env_exit(struct mm_env *e)
{
	leave_mm();
	ppc64_user_fault_handler = NULL;
	set_cpus_allowed(current, e->saved_allowed);
	if (e->mm)
		mmput(e->mm);
	e->mm = NULL;
}

pte_t *mm_env_pte(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_lookup(mm, addr);

	return pmd ? pte_offset(pmd, addr) : NULL;
}

unsigned int hptes_for(struct mm_struct *mm, unsigned long addr)
{
	unsigned long vpn = user_vpn(mm, addr);
	unsigned int n = 0, i;

	for (i = 0; i < 8; i++) {
		n += hash_slot_matches(hash_slot(vpn, USER_SEGSIZE, false, i),
				       vpn, USER_SEGSIZE);
		n += hash_slot_matches(hash_slot(vpn, USER_SEGSIZE, true, i),
				       vpn, USER_SEGSIZE);
	}
	return n;
}

bool hpte_of(struct mm_struct *mm, unsigned long addr, unsigned long *r)
{
	long slot = hash_find_page(user_vpn(mm, addr), USER_SEGSIZE);

	if (slot < 0)
		return false;
	*r = hash_read_slot((unsigned long)slot).r;
	return true;
}

unsigned long *kernel_view(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr)
		page = follow_page(vma, addr);
	up_read(&mm->mmap_lock);
	return page ? (unsigned long *)((char *)page_address(page) +
					(addr & ~PAGE_MASK)) : NULL;
}
