/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for <asm/pgtable.h> (tests/host/ only): the user
 * page-table contract of docs/arch-boundary.md over the test arena, laid
 * out like x86_64's (four levels of 512 entries). Tables hold physical
 * addresses, as real ones do, so the generic walk goes through __va().
 * The lazy-MMU hooks count their nesting so a test can check that no PTE
 * changes happen outside them where the contract needs them.
 */
#ifndef HOST_ASM_PGTABLE_H
#define HOST_ASM_PGTABLE_H

#include <anvil/types.h>
#include <asm/page.h>

#define PGDIR_SHIFT 39
#define PUD_SHIFT 30
#define PMD_SHIFT 21
#define PTRS_PER_PGD 512
#define PTRS_PER_PUD 512
#define PTRS_PER_PMD 512
#define PTRS_PER_PTE 512
#define TASK_SIZE 0x00007ffffffff000UL

#define pgd_index(a) (((a) >> PGDIR_SHIFT) & 511)
#define pud_index(a) (((a) >> PUD_SHIFT) & 511)
#define pmd_index(a) (((a) >> PMD_SHIFT) & 511)
#define pte_index(a) (((a) >> PAGE_SHIFT) & 511)

#define _P_PRESENT 0x001UL
#define _P_RW 0x002UL
#define _P_USER 0x004UL
#define _P_ACCESSED 0x020UL
#define _P_DIRTY 0x040UL
#define _P_NX (1UL << 63)
#define _P_ADDR 0x000ffffffffff000UL

typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long pgd; } pgd_t;
typedef struct { unsigned long pgprot; } pgprot_t;

#define pte_val(x) ((x).pte)
#define __pte(v) ((pte_t){ (v) })
#define pgprot_val(x) ((x).pgprot)

/* Upper levels: one pattern, three names. */
#define HOST_LEVEL(L)                                                       \
	static inline bool L##_none(L##_t e) { return e.L == 0; }          \
	static inline bool L##_present(L##_t e) { return e.L & _P_PRESENT; } \
	static inline bool L##_bad(L##_t e) { return !(e.L & _P_PRESENT); } \
	static inline void *L##_pgtable(L##_t e)                            \
	{                                                                   \
		return __va(e.L & _P_ADDR);                                 \
	}                                                                   \
	static inline void L##_clear(L##_t *p) { p->L = 0; }
HOST_LEVEL(pgd)
HOST_LEVEL(pud)
HOST_LEVEL(pmd)
#undef HOST_LEVEL

#define pgd_populate(mm, p, t) ((p)->pgd = __pa(t) | _P_PRESENT | _P_RW | _P_USER)
#define pud_populate(mm, p, t) ((p)->pud = __pa(t) | _P_PRESENT | _P_RW | _P_USER)
#define pmd_populate(mm, p, t) ((p)->pmd = __pa(t) | _P_PRESENT | _P_RW | _P_USER)

static inline bool pte_none(pte_t p) { return p.pte == 0; }
static inline bool pte_present(pte_t p) { return p.pte & _P_PRESENT; }
static inline bool pte_write(pte_t p) { return p.pte & _P_RW; }
static inline bool pte_dirty(pte_t p) { return p.pte & _P_DIRTY; }
static inline bool pte_young(pte_t p) { return p.pte & _P_ACCESSED; }
static inline unsigned long pte_pfn(pte_t p) { return (p.pte & _P_ADDR) >> PAGE_SHIFT; }
static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte((pfn << PAGE_SHIFT) | prot.pgprot);
}
static inline pte_t pte_mkwrite(pte_t p) { return __pte(p.pte | _P_RW); }
static inline pte_t pte_wrprotect(pte_t p) { return __pte(p.pte & ~_P_RW); }
static inline pte_t pte_mkdirty(pte_t p) { return __pte(p.pte | _P_DIRTY); }
static inline pte_t pte_mkclean(pte_t p) { return __pte(p.pte & ~_P_DIRTY); }
static inline pte_t pte_mkyoung(pte_t p) { return __pte(p.pte | _P_ACCESSED); }
static inline pte_t pte_mkold(pte_t p) { return __pte(p.pte & ~_P_ACCESSED); }
static inline pte_t pte_modify(pte_t p, pgprot_t prot)
{
	return __pte((p.pte & (_P_ADDR | _P_DIRTY | _P_ACCESSED)) | prot.pgprot);
}

struct mm_struct;
struct vm_area_struct;

/* Lazy-MMU nesting and PTE-change counters, for the tests. */
extern int host_lazy_mmu;
extern unsigned long host_pte_changes_outside_lazy;

static inline void set_pte_at(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, pte_t pte)
{
	*ptep = pte;
}

static inline pte_t ptep_get_and_clear(struct mm_struct *mm,
				       unsigned long addr, pte_t *ptep)
{
	pte_t old = *ptep;

	ptep->pte = 0;
	return old;
}

static inline void ptep_set_wrprotect(struct mm_struct *mm,
				      unsigned long addr, pte_t *ptep)
{
	if (!host_lazy_mmu)
		host_pte_changes_outside_lazy++;
	ptep->pte &= ~_P_RW;
}

static inline void pte_clear(struct mm_struct *mm, unsigned long addr,
			     pte_t *ptep)
{
	ptep->pte = 0;
}

/* Private writable mappings are read-only in the PTE: COW. */
static inline pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	unsigned long p = _P_PRESENT | _P_USER | _P_ACCESSED;

	if ((vm_flags & 0x2) && (vm_flags & 0x8)) /* VM_WRITE && VM_SHARED */
		p |= _P_RW;
	if (!(vm_flags & 0x4))			  /* !VM_EXEC */
		p |= _P_NX;
	return (pgprot_t){ p };
}

static inline void arch_enter_lazy_mmu_mode(void) { host_lazy_mmu++; }
static inline void arch_leave_lazy_mmu_mode(void) { host_lazy_mmu--; }
static inline void update_mmu_cache(struct vm_area_struct *vma,
				    unsigned long addr, pte_t *ptep)
{
}

#endif /* HOST_ASM_PGTABLE_H */
