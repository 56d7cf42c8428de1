// SPDX-License-Identifier: MIT
/*
 * pgtable.c: what ppc64 gives each user address space: a top-level
 * table, a context number, and through it a VSID per segment; and
 * Linux's protection map.
 *
 * Interface: pgd_alloc, pgd_free (<anvil/pgtable.h>), vm_get_page_prot
 * (<asm/pgtable.h>), mm_context_id, user_vsid, user_vpn
 * (<asm/mmu-hash.h>, where the VSID scheme is explained).
 *
 * The context lives in the struct page of the pgd's page (page->private):
 * generic struct mm_struct has no arch field yet, and the pgd page is the
 * one thing every mm owns from pgd_alloc to pgd_free. (Linux keeps it in
 * mm->context; anvil can move it there when mm_struct grows one.)
 *
 * Reusing a context is safe because, by the time pgd_free runs, every
 * page of the mm was unmapped (exit_mmap) and each unmap invalidated its
 * HPTE (pte_update -> hpte_need_flush), so nothing in the HPT or any TLB
 * still carries the old VSIDs. Contexts are also handed out round-robin,
 * not lowest-first, so a number comes back only after all others were
 * used.
 */
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/pgtable.h>
#include <anvil/spinlock.h>
#include <asm/mmu-hash.h>
#include <asm/mmu_context.h>
#include <asm/paca.h>

#define CONTEXT_WORDS ((MAX_USER_CONTEXT + 1 + 63) / 64)

static DEFINE_SPINLOCK(context_lock);
static unsigned long context_map[CONTEXT_WORDS]; /* bit n: context n used */
static unsigned long context_next = 1;
static unsigned long contexts_in_use;

/* A free context number, or 0 if all are taken. context_lock held. */
static unsigned long context_find(void)
{
	unsigned long n, ctx = context_next;

	for (n = 0; n < MAX_USER_CONTEXT; n++) {
		unsigned long *word = &context_map[ctx / 64];

		if (!(*word & (1UL << (ctx % 64)))) {
			*word |= 1UL << (ctx % 64);
			context_next = ctx == MAX_USER_CONTEXT ? 1 : ctx + 1;
			return ctx;
		}
		ctx = ctx == MAX_USER_CONTEXT ? 1 : ctx + 1;
	}
	return 0;
}

static unsigned long context_alloc(void)
{
	unsigned long ctx;

	spin_lock(&context_lock);
	ctx = context_find();
	if (ctx)
		contexts_in_use++;
	spin_unlock(&context_lock);
	return ctx;
}

static void context_free(unsigned long ctx)
{
	spin_lock(&context_lock);
	BUG_ON(!(context_map[ctx / 64] & (1UL << (ctx % 64))));
	context_map[ctx / 64] &= ~(1UL << (ctx % 64));
	contexts_in_use--;
	spin_unlock(&context_lock);
}

unsigned long mm_context_id(struct mm_struct *mm)
{
	return virt_to_page(mm->pgd)->private;
}

/* The VSID of the 256 MiB segment holding @ea in context @context. */
unsigned long user_vsid(unsigned long context, unsigned long ea)
{
	unsigned long proto = (context << USER_ESID_BITS) | (ea >> SID_SHIFT);

	return (proto * USER_VSID_MULTIPLIER) % USER_VSID_MODULUS;
}

unsigned long user_vpn(struct mm_struct *mm, unsigned long ea)
{
	return hpt_vpn(ea, user_vsid(mm_context_id(mm), ea), USER_SEGSIZE);
}

/*
 * pgd_alloc - an empty top-level table for @mm, and its context. ppc64
 * shares nothing with the kernel's translation here (the kernel lives in
 * its own segment). Returns NULL when out of memory or contexts. May
 * sleep.
 */
pgd_t *pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	unsigned long ctx;

	if (!page)
		return NULL;
	ctx = context_alloc();
	if (!ctx) {
		pr_warn("ppc64: out of MMU contexts (%lu in use)\n",
			MAX_USER_CONTEXT);
		put_page(page);
		return NULL;
	}
	page->private = ctx;
	return page_address(page);
}

/*
 * pgd_free - the last reference to @mm is going: free the table (its
 * user half is empty by now) and the context. A CPU that still had @mm
 * loaded would translate user addresses through freed tables and a
 * context someone else may get next; the scheduler's references to the
 * mm (mmgrab for a lazy CPU) must prevent that. Checked on every CPU:
 * this one is fixed, another one can only be reported.
 */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	struct page *page = virt_to_page(pgd);
	unsigned int i;

	for (i = 0; i < paca_count; i++)
		if (WARN_ON(READ_ONCE(pacas[i].user_mm) == mm) &&
		    &pacas[i] == get_paca())
			leave_mm();
	context_free(page->private);
	page->private = 0;
	put_page(page);
}

/*
 * Linux's protection_map, indexed by VM_READ|VM_WRITE|VM_EXEC|VM_SHARED
 * (bits 0-3). Write implies read on POWER (there is no write-only PP);
 * exec-only is readable too. Private writable mappings are read-only
 * (COW): the write fault decides between reusing the page and copying.
 */
static const unsigned long protection_map[16] = {
	[0] = PAGE_NONE,
	[VM_READ] = PAGE_READONLY,
	[VM_WRITE] = PAGE_COPY,
	[VM_WRITE | VM_READ] = PAGE_COPY,
	[VM_EXEC] = PAGE_READONLY_X,
	[VM_EXEC | VM_READ] = PAGE_READONLY_X,
	[VM_EXEC | VM_WRITE] = PAGE_COPY_X,
	[VM_EXEC | VM_WRITE | VM_READ] = PAGE_COPY_X,
	[VM_SHARED] = PAGE_NONE,
	[VM_SHARED | VM_READ] = PAGE_READONLY,
	[VM_SHARED | VM_WRITE] = PAGE_SHARED,
	[VM_SHARED | VM_WRITE | VM_READ] = PAGE_SHARED,
	[VM_SHARED | VM_EXEC] = PAGE_READONLY_X,
	[VM_SHARED | VM_EXEC | VM_READ] = PAGE_READONLY_X,
	[VM_SHARED | VM_EXEC | VM_WRITE] = PAGE_SHARED_X,
	[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ] = PAGE_SHARED_X,
};

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	return __pgprot(protection_map[vm_flags & (VM_READ | VM_WRITE |
						   VM_EXEC | VM_SHARED)]);
}
