// SPDX-License-Identifier: MIT
/*
 * mmu_context.c: which user address space a CPU translates.
 *
 * Interface: switch_mm, enter_lazy_tlb, leave_mm, this_cpu_loaded_mm
 * (<asm/mmu_context.h>, which explains why switching is only "paca,
 * slbia, cpu_vm_mask" on the hash MMU). The segments themselves come
 * back one by one through the segment fault (mm/slb.c).
 */
#include <anvil/atomic.h>
#include <anvil/irqflags.h>
#include <anvil/mm_types.h>
#include <asm/mmu-hash.h>
#include <asm/mmu_context.h>
#include <asm/paca.h>
#include <asm/tlbflush.h>

void switch_mm(struct mm_struct *prev, struct mm_struct *next,
	       struct task_struct *tsk)
{
	struct paca_struct *paca;
	struct mm_struct *old;
	unsigned long flags;

	flags = arch_local_irq_save();
	paca = get_paca();
	old = paca->user_mm;
	if (old != next) {
		/*
		 * The new bit goes up before this CPU can walk @next's
		 * tables (in a fault), the old one comes down only once the
		 * old segments are gone: tlb_flush relies on the mask
		 * covering every CPU that may be walking (mm/tlb_hash.c).
		 */
		if (next)
			set_bit(paca->cpu, &next->cpu_vm_mask);
		paca->user_mm = next;
		paca->user_context = next ? mm_context_id(next) : 0;
		slb_flush_user();
		if (old)
			clear_bit(paca->cpu, &old->cpu_vm_mask);
		hash_stat_inc(switch_mm);
	}
	arch_local_irq_restore(flags);
}

void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk)
{
}

void leave_mm(void)
{
	switch_mm(NULL, NULL, NULL);
}

struct mm_struct *this_cpu_loaded_mm(void)
{
	return get_paca()->user_mm;
}
