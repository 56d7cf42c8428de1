// SPDX-License-Identifier: MIT
/*
 * hash_user.c: user pages into the hashed page table, from the Linux
 * PTEs (Linux's hash_page / __hash_page_4K / hash_preload).
 *
 * Interface: hash_page_user (mm/fault.c, on a DSI/ISI below TASK_SIZE),
 * update_mmu_cache (<asm/pgtable.h>, after generic mm installed a PTE),
 * find_user_pmd and pte_hpte_rflags (hash_user.h).
 * The way out of the table is mm/tlb_hash.c.
 *
 *	DSI/ISI at ea, interrupts off
 *	  find_user_pte: pgd -> pud -> pmd -> pte, no lock (see below)
 *	  PTE busy?                          -> return, the access retries
 *	  PTE forbids the access?            -> 1: generic fault path
 *	  cmpxchg: BUSY | ACCESSED (| DIRTY for a store)
 *	  HASHPTE, and the recorded slot is still ours -> update its PP
 *	  else insert a new HPTE (evicting if both groups are full)
 *	  store the PTE: slot recorded, BUSY clear (release)
 *
 * No duplicate HPTE can appear, because an HPTE for a VA is only ever
 * created here, while holding that VA's PTE busy, after checking the
 * PTE's record of the HPTE it may already have: two CPUs faulting on one
 * page serialize on the busy bit, and the second one finds the first
 * one's slot and updates it. The other writers of HPTE state
 * (pte_update in <asm/pgtable.h>) wait for the busy bit. And a PTE whose
 * old HPTE is still queued in some CPU's lazy batch either is not
 * present (ptep_get_and_clear: the generic fault needs the PTL, which the
 * batching CPU holds until its batch is flushed) or still carries the
 * old slot (wrprotect, mprotect's pte_modify), which this code then
 * updates in place instead of inserting a second entry (seed 001).
 *
 * The walk takes no lock, like Linux's: interrupts are off throughout,
 * and page tables are freed only after tlb_flush() has interrupted every
 * CPU that has the mm loaded and waited for it (mm/tlb_hash.c), so a
 * table seen here cannot be freed under us.
 *
 * HPTE protection from the PTE (user segments have Ks = Kp = 1):
 *	writable and dirty	PP = 10 (read/write), C set
 *	otherwise		PP = 11 (read-only): the first store to a
 *				clean writable page faults and marks it dirty
 *	not executable		N
 * R is preset (the PTE is marked accessed as we insert), M for
 * coherence.
 */
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/mm_types.h>
#include <asm/mmu-hash.h>
#include <asm/paca.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#include "hash_user.h"

/*
 * The pmd entry covering @ea in @mm, or NULL where a level is missing.
 * No lock: see above, and the callers in tlb_hash.c hold mmap_lock,
 * which keeps every table in place.
 */
pmd_t *find_user_pmd(struct mm_struct *mm, unsigned long ea)
{
	pgd_t pgd = { READ_ONCE(((pgd_t *)mm->pgd)[pgd_index(ea)].pgd) };
	pud_t pud;
	pmd_t *pmdp;

	if (!pgd_present(pgd))
		return NULL;
	pud.pud = READ_ONCE(pgd_pgtable(pgd)[pud_index(ea)].pud);
	if (!pud_present(pud))
		return NULL;
	pmdp = pud_pgtable(pud) + pmd_index(ea);
	return pmd_present((pmd_t){ READ_ONCE(pmdp->pmd) }) ? pmdp : NULL;
}

/* The PTE of @ea in @mm, or NULL where a level is missing. */
static pte_t *find_user_pte(struct mm_struct *mm, unsigned long ea)
{
	pmd_t *pmdp = find_user_pmd(mm, ea);
	pmd_t pmd;

	if (!pmdp)
		return NULL;
	pmd.pmd = READ_ONCE(pmdp->pmd);
	if (!pmd_present(pmd))
		return NULL;
	return pmd_pgtable(pmd) + pte_index(ea);
}

/* The PTE bits an access needs. */
static unsigned long access_needs(unsigned int access)
{
	if (access & HASH_ACCESS_EXEC)
		return _PAGE_PRESENT | _PAGE_EXEC;
	if (access & HASH_ACCESS_WRITE)
		return _PAGE_PRESENT | _PAGE_READ | _PAGE_WRITE;
	return _PAGE_PRESENT | _PAGE_READ;
}

/* HPTE dword-1 flags (no RPN) for Linux PTE @pte. */
unsigned long pte_hpte_rflags(unsigned long pte)
{
	unsigned long r = HPTE_R_M | HPTE_R_R;

	if ((pte & _PAGE_WRITE) && (pte & _PAGE_DIRTY))
		r |= HPTE_R_C | PP_RW_USER;
	else
		r |= PP_RO;
	if (!(pte & _PAGE_EXEC))
		r |= HPTE_R_N;
	return r;
}

/* The PTE's record of where its HPTE may be. */
static unsigned long pte_slot(unsigned long pte, unsigned long vpn)
{
	return hash_slot(vpn, USER_SEGSIZE, pte & _PAGE_F_SECOND,
			 (pte & _PAGE_F_GIX) >> _PAGE_F_GIX_SHIFT);
}

/* PTE bits recording @slot as @vpn's HPTE. */
static unsigned long slot_to_pte_bits(unsigned long slot, unsigned long vpn)
{
	bool secondary = (slot & ~7UL) == hash_slot(vpn, USER_SEGSIZE, true, 0);

	return _PAGE_HASHPTE | (secondary ? _PAGE_F_SECOND : 0) |
	       ((slot & 7) << _PAGE_F_GIX_SHIFT);
}

/*
 * Make the HPTE for @vpn say what @pte says: update the recorded slot if
 * it is still ours, else insert. Returns the PTE's new slot bits. The
 * caller holds the PTE busy, so nobody else inserts for this page.
 */
static unsigned long hpte_sync(unsigned long pte, unsigned long vpn)
{
	unsigned long rflags = pte_hpte_rflags(pte);
	phys_addr_t pa = pte & PTE_RPN_MASK;
	long slot;

	if ((pte & _PAGE_HASHPTE) &&
	    hash_update_page(pte_slot(pte, vpn), vpn, USER_SEGSIZE, pa,
			     rflags)) {
		hash_stat_inc(hpte_update);
		return pte & _PAGE_HPTE_SLOT;
	}
	slot = hash_insert_page_evict(vpn, pa, rflags, USER_SEGSIZE);
	if (slot == HPTE_DUPLICATE) {
		/* An HPTE the PTE does not know about: a bug; adopt it. */
		hash_stat_inc(hpte_dup_refused);
		pr_err("hash: duplicate HPTE refused for vpn %lx (pte %lx)\n",
		       vpn, pte);
		slot = hash_find_page(vpn, USER_SEGSIZE);
		if (slot >= 0)
			hash_update_page((unsigned long)slot, vpn,
					 USER_SEGSIZE, pa, rflags);
	}
	if (slot < 0)
		panic("hash: no room for vpn %lx: both groups bolted", vpn);
	hash_stat_inc(hpte_insert);
	return slot_to_pte_bits((unsigned long)slot, vpn);
}

/*
 * __hash_page - put the HPTE for @ea in, from *@ptep. Interrupts off.
 * Returns 0 when done (or when another CPU holds the PTE busy: the
 * access simply retries) and 1 when the PTE does not allow @access:
 * then the generic fault path must decide.
 */
static int __hash_page(struct mm_struct *mm, unsigned long ea, pte_t *ptep,
		       unsigned int access)
{
	unsigned long need = access_needs(access), old, new;

	for (;;) {
		old = READ_ONCE(ptep->pte);
		if (old & _PAGE_BUSY)
			return 0;
		if ((old & need) != need)
			return 1;
		new = old | _PAGE_BUSY | _PAGE_ACCESSED;
		if (access & HASH_ACCESS_WRITE)
			new |= _PAGE_DIRTY;
		if (__atomic_compare_exchange_n(&ptep->pte, &old, new, false,
						__ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			break;
	}
	new = (new & ~_PAGE_HPTE_SLOT) | hpte_sync(new, user_vpn(mm, ea));
	__atomic_store_n(&ptep->pte, new & ~_PAGE_BUSY, __ATOMIC_RELEASE);
	return 0;
}

/*
 * hash_page_user - a DSI/ISI at user address @ea (no HPTE, or one that
 * forbids the access) while this CPU translates @mm. @access is
 * HASH_ACCESS_*. Interrupts off. Returns 0 if the access can be retried,
 * 1 if the generic fault path (handle_mm_fault) must run.
 */
int hash_page_user(struct mm_struct *mm, unsigned long ea, unsigned int access)
{
	pte_t *ptep = find_user_pte(mm, ea);

	if (!ptep || __hash_page(mm, ea, ptep, access)) {
		hash_stat_inc(hash_fault_generic);
		return 1;
	}
	hash_stat_inc(hash_fault);
	return 0;
}

/*
 * update_mmu_cache - generic mm installed *@ptep for @addr (PTL held):
 * hash it now if this CPU translates that mm, saving the fault that
 * would otherwise follow at once (Linux's hash_preload). Other mms get
 * their HPTE when they fault.
 */
void update_mmu_cache(struct vm_area_struct *vma, unsigned long addr,
		      pte_t *ptep)
{
	unsigned long flags;

	local_irq_save(flags);
	if (get_paca()->user_mm == vma->vm_mm &&
	    !__hash_page(vma->vm_mm, addr & PAGE_MASK, ptep, 0))
		hash_stat_inc(hash_preload);
	local_irq_restore(flags);
}
