// SPDX-License-Identifier: MIT
/*
 * arch/x86_64/tests/mm_test.c: x86_64's half of user address spaces.
 *
 * Run with "anvil.test=x86_mm" (or "all"); built with DEBUG=1 like the
 * other arch tests. Checks the promises of the "User page tables"
 * contract (docs/arch-boundary.md) on their own, without mm/memory.c:
 *
 *   pte_ops, pte_atomic_ops   the entry accessors and the locked updates
 *   page_prot_map             vm_get_page_prot() is Linux's protection_map
 *   pgd_alloc_shares_kernel   a new PGD: user half empty, kernel half
 *                             the same tables as init_top_pgt
 *   switch_mm_keeps_cpu_mask  CR3 and mm->cpu_vm_mask follow switch_mm
 *                             and leave_mm
 *   tlb_flush_local_only      an mm only this CPU runs: no IPI; the
 *                             invlpg ceiling (33 pages) picks invlpg or a
 *                             full flush
 *   tlb_flush_remote          another CPU in the mask: exactly one
 *                             shootdown round, received once per CPU
 *   lazy_cpu_drops_out        a CPU that holds the mm lazily leaves the
 *                             mask at the first shootdown; a CPU running
 *                             it stays
 *
 * The counters are global; nothing else flushes user TLBs while ktest
 * runs, so exact deltas hold.
 */
#include <anvil/arch.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mmu_gather.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <asm/cpufeature.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>

static void pte_ops(struct ktest *t)
{
	pgprot_t rw = vm_get_page_prot(VM_READ | VM_WRITE | VM_SHARED);
	pte_t pte = pfn_pte(0x12345, rw);

	KTEST_EXPECT_EQ(t, pte_pfn(pte), 0x12345);
	KTEST_EXPECT_TRUE(t, pte_present(pte));
	KTEST_EXPECT_TRUE(t, pte_write(pte));
	KTEST_EXPECT_FALSE(t, pte_write(pte_wrprotect(pte)));
	KTEST_EXPECT_TRUE(t, pte_write(pte_mkwrite(pte_wrprotect(pte))));
	KTEST_EXPECT_TRUE(t, pte_dirty(pte_mkdirty(pte)));
	KTEST_EXPECT_FALSE(t, pte_dirty(pte_mkclean(pte_mkdirty(pte))));
	KTEST_EXPECT_TRUE(t, pte_young(pte_mkyoung(pte)));
	KTEST_EXPECT_FALSE(t, pte_young(pte_mkold(pte)));
	KTEST_EXPECT_TRUE(t, pte_none(__pte(0)));
	/* mprotect: new permissions, same page, dirty bit kept. */
	pte = pte_modify(pte_mkdirty(pte), vm_get_page_prot(VM_READ));
	KTEST_EXPECT_EQ(t, pte_pfn(pte), 0x12345);
	KTEST_EXPECT_FALSE(t, pte_write(pte));
	KTEST_EXPECT_TRUE(t, pte_dirty(pte));
	/* PROT_NONE: still a mapping to generic mm, not to the CPU. */
	pte = pte_modify(pte, vm_get_page_prot(VM_NONE));
	KTEST_EXPECT_TRUE(t, pte_present(pte));
	KTEST_EXPECT_FALSE(t, pte_val(pte) & _PAGE_PRESENT);
	KTEST_EXPECT_EQ(t, pte_pfn(pte), 0x12345);
}

static void pte_atomic_ops(struct ktest *t)
{
	pte_t entry = pte_mkdirty(pfn_pte(7, vm_get_page_prot(VM_READ |
							       VM_WRITE)));
	pte_t slot = __pte(0), old;

	set_pte_at(NULL, 0, &slot, pte_mkwrite(entry));
	KTEST_EXPECT_EQ(t, pte_val(ptep_get(&slot)), pte_val(pte_mkwrite(entry)));
	ptep_set_wrprotect(NULL, 0, &slot);
	KTEST_EXPECT_EQ(t, pte_val(slot), pte_val(entry));
	old = ptep_get_and_clear(NULL, 0, &slot);
	KTEST_EXPECT_TRUE(t, pte_none(slot));
	KTEST_EXPECT_TRUE(t, pte_dirty(old));
	KTEST_EXPECT_EQ(t, pte_pfn(old), 7);
	set_pte_at(NULL, 0, &slot, entry);
	pte_clear(NULL, 0, &slot);
	KTEST_EXPECT_TRUE(t, pte_none(slot));
}

static void page_prot_map(struct ktest *t)
{
	pgprotval_t nx = boot_cpu_has(X86_FEATURE_NX) ? _PAGE_NX : 0;
	static const unsigned long combos[] = {
		VM_READ, VM_WRITE, VM_READ | VM_WRITE, VM_EXEC,
		VM_READ | VM_EXEC, VM_READ | VM_WRITE | VM_EXEC,
	};

	for (size_t i = 0; i < ARRAY_SIZE(combos); i++) {
		unsigned long f = combos[i];
		pgprotval_t priv = pgprot_val(vm_get_page_prot(f));
		pgprotval_t shared = pgprot_val(vm_get_page_prot(f | VM_SHARED));

		/* Present, user, NX exactly when not executable. */
		KTEST_EXPECT_TRUE(t, (priv & (_PAGE_PRESENT | _PAGE_USER)) ==
				     (_PAGE_PRESENT | _PAGE_USER));
		KTEST_EXPECT_EQ(t, priv & _PAGE_NX, f & VM_EXEC ? 0 : nx);
		KTEST_EXPECT_EQ(t, shared & _PAGE_NX, f & VM_EXEC ? 0 : nx);
		/* Private is never writable (COW); shared when VM_WRITE. */
		KTEST_EXPECT_FALSE(t, priv & _PAGE_RW);
		KTEST_EXPECT_EQ(t, !!(shared & _PAGE_RW), !!(f & VM_WRITE));
	}
	KTEST_EXPECT_FALSE(t, pgprot_val(vm_get_page_prot(VM_NONE)) &
			      _PAGE_PRESENT);
	KTEST_EXPECT_FALSE(t, pgprot_val(vm_get_page_prot(VM_SHARED)) &
			      _PAGE_PRESENT);
}

static void pgd_alloc_shares_kernel(struct ktest *t)
{
	pgd_t *pgd = pgd_alloc(NULL);
	unsigned int kernel_entries = 0;

	KTEST_ASSERT_NOT_NULL(t, pgd);
	for (unsigned int i = 0; i < USER_PTRS_PER_PGD; i++)
		KTEST_EXPECT_TRUE(t, pgd_none(pgd[i]));
	for (unsigned int i = USER_PTRS_PER_PGD; i < PTRS_PER_PGD; i++) {
		KTEST_EXPECT_EQ(t, pgd_val(pgd[i]), init_top_pgt[i]);
		kernel_entries += !pgd_none(pgd[i]);
	}
	/* The direct map and the kernel image at least. */
	KTEST_EXPECT_TRUE(t, kernel_entries >= 2);
	pgd_free(NULL, pgd);
}

/* An mm with just a PGD: all that switch_mm and the flushes look at. */
static struct mm_struct *test_mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (mm && !(mm->pgd = pgd_alloc(mm))) {
		kfree(mm);
		mm = NULL;
	}
	return mm;
}

static void test_mm_free(struct mm_struct *mm)
{
	pgd_free(mm, mm->pgd);
	kfree(mm);
}

/* Pin the ktest thread: the tests below are about "this CPU". */
static cpumask_t pin_here(unsigned int *cpu)
{
	cpumask_t saved = current->cpus_allowed;

	*cpu = raw_smp_processor_id();
	set_cpus_allowed(current, cpumask_of(*cpu));
	return saved;
}

static void switch_mm_keeps_cpu_mask(struct ktest *t)
{
	struct mm_struct *a = test_mm_alloc(), *b = test_mm_alloc();
	unsigned int cpu;
	cpumask_t saved;

	KTEST_ASSERT_TRUE(t, a && b);
	saved = pin_here(&cpu);
	switch_mm(NULL, a, current);
	KTEST_EXPECT_EQ(t, read_cr3() & PTE_PFN_MASK, __pa(a->pgd));
	KTEST_EXPECT_EQ(t, a->cpu_vm_mask, cpumask_of(cpu));
	KTEST_EXPECT_TRUE(t, this_cpu_loaded_mm() == a);
	/* Lazy: a kernel thread borrows a; nothing changes. */
	enter_lazy_tlb(a, current);
	KTEST_EXPECT_EQ(t, a->cpu_vm_mask, cpumask_of(cpu));
	switch_mm(a, b, current);
	KTEST_EXPECT_EQ(t, read_cr3() & PTE_PFN_MASK, __pa(b->pgd));
	KTEST_EXPECT_EQ(t, a->cpu_vm_mask, 0);
	KTEST_EXPECT_EQ(t, b->cpu_vm_mask, cpumask_of(cpu));
	leave_mm();
	KTEST_EXPECT_EQ(t, read_cr3() & PTE_PFN_MASK, __pa(init_top_pgt));
	KTEST_EXPECT_EQ(t, b->cpu_vm_mask, 0);
	KTEST_EXPECT_TRUE(t, this_cpu_loaded_mm() == NULL);
	set_cpus_allowed(current, saved);
	test_mm_free(a);
	test_mm_free(b);
}

static void gather_flush(struct mm_struct *mm, unsigned long start,
			 unsigned long pages, bool fullmm)
{
	struct mmu_gather tlb = {
		.mm = mm,
		.start = start,
		.end = start + pages * PAGE_SIZE,
		.fullmm = fullmm,
	};

	tlb_flush(&tlb);
}

/* Counter deltas since @before. */
static struct tlb_flush_stats stats_since(const struct tlb_flush_stats *b)
{
	struct tlb_flush_stats now;

	tlb_flush_stats_get(&now);
	return (struct tlb_flush_stats){
		now.nr_tlb_remote_flush - b->nr_tlb_remote_flush,
		now.nr_tlb_remote_flush_received -
			b->nr_tlb_remote_flush_received,
		now.nr_tlb_local_flush_all - b->nr_tlb_local_flush_all,
		now.nr_tlb_local_flush_one - b->nr_tlb_local_flush_one,
	};
}

static void tlb_flush_local_only(struct ktest *t)
{
	struct mm_struct *mm = test_mm_alloc();
	struct tlb_flush_stats before, d;
	unsigned int cpu;
	cpumask_t saved;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, tlb_single_page_flush_ceiling, 33);
	saved = pin_here(&cpu);
	switch_mm(NULL, mm, current);

	tlb_flush_stats_get(&before);
	gather_flush(mm, 0x400000, 1, false);
	gather_flush(mm, 0x800000, 33, false);		/* at the ceiling */
	d = stats_since(&before);
	KTEST_EXPECT_EQ(t, d.nr_tlb_remote_flush, 0);
	KTEST_EXPECT_EQ(t, d.nr_tlb_remote_flush_received, 0);
	KTEST_EXPECT_EQ(t, d.nr_tlb_local_flush_one, 34);
	KTEST_EXPECT_EQ(t, d.nr_tlb_local_flush_all, 0);

	tlb_flush_stats_get(&before);
	gather_flush(mm, 0x800000, 34, false);		/* past it */
	gather_flush(mm, 0, 0, true);			/* the whole mm */
	d = stats_since(&before);
	KTEST_EXPECT_EQ(t, d.nr_tlb_remote_flush, 0);
	KTEST_EXPECT_EQ(t, d.nr_tlb_local_flush_one, 0);
	KTEST_EXPECT_EQ(t, d.nr_tlb_local_flush_all, 2);

	/* Not loaded anywhere: nothing at all to do. */
	leave_mm();
	tlb_flush_stats_get(&before);
	gather_flush(mm, 0x400000, 4, false);
	d = stats_since(&before);
	KTEST_EXPECT_EQ(t, d.nr_tlb_remote_flush + d.nr_tlb_local_flush_one +
			   d.nr_tlb_local_flush_all, 0);
	set_cpus_allowed(current, saved);
	test_mm_free(mm);
}

static unsigned int cpus_in(cpumask_t mask)
{
	unsigned int n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

/* Another online CPU than @cpu, or NR_CPUS. */
static unsigned int other_cpu(unsigned int cpu)
{
	for (unsigned int c = 0; c < NR_CPUS; c++)
		if (c != cpu && cpu_online(c))
			return c;
	return NR_CPUS;
}

static void tlb_flush_remote(struct ktest *t)
{
	struct mm_struct *mm = test_mm_alloc();
	struct tlb_flush_stats before, d;
	unsigned int cpu, other;
	cpumask_t saved, others;

	KTEST_ASSERT_NOT_NULL(t, mm);
	saved = pin_here(&cpu);
	other = other_cpu(cpu);
	if (other == NR_CPUS) {
		set_cpus_allowed(current, saved);
		test_mm_free(mm);
		return ktest_skip(t, "needs a second CPU");
	}
	switch_mm(NULL, mm, current);
	/* As if @other had run the mm: it is in the mask, not loaded. */
	__atomic_fetch_or(&mm->cpu_vm_mask, cpumask_of(other),
			  __ATOMIC_SEQ_CST);
	tlb_flush_stats_get(&before);
	gather_flush(mm, 0x400000, 2, false);
	d = stats_since(&before);
	KTEST_EXPECT_EQ(t, d.nr_tlb_remote_flush, 1);
	KTEST_EXPECT_EQ(t, d.nr_tlb_remote_flush_received, 1);
	KTEST_EXPECT_EQ(t, d.nr_tlb_local_flush_one, 2);

	/* Every other online CPU in the mask: still one round. */
	others = cpu_online_mask() & ~cpumask_of(cpu);
	__atomic_fetch_or(&mm->cpu_vm_mask, others, __ATOMIC_SEQ_CST);
	tlb_flush_stats_get(&before);
	gather_flush(mm, 0x400000, 1, false);
	d = stats_since(&before);
	KTEST_EXPECT_EQ(t, d.nr_tlb_remote_flush, 1);
	KTEST_EXPECT_EQ(t, d.nr_tlb_remote_flush_received,
			cpus_in(others));
	leave_mm();
	set_cpus_allowed(current, saved);
	test_mm_free(mm);
}

struct remote_state {
	struct mm_struct *mm;
	bool lazy;
	unsigned long cr3;
	struct mm_struct *loaded;
};

/* On the other CPU, in the IPI: take the mm, as a task or lazily. */
static void remote_load(void *arg)
{
	struct remote_state *r = arg;

	switch_mm(NULL, r->mm, NULL);
	if (r->lazy)
		enter_lazy_tlb(r->mm, NULL);
}

static void remote_report(void *arg)
{
	struct remote_state *r = arg;

	r->cr3 = read_cr3() & PTE_PFN_MASK;
	r->loaded = this_cpu_loaded_mm();
}

static void remote_leave(void *arg)
{
	leave_mm();
}

static void lazy_cpu_drops_out(struct ktest *t)
{
	struct remote_state r = { .mm = test_mm_alloc() };
	unsigned int cpu, other;
	cpumask_t saved;

	KTEST_ASSERT_NOT_NULL(t, r.mm);
	saved = pin_here(&cpu);
	other = other_cpu(cpu);
	if (other == NR_CPUS) {
		set_cpus_allowed(current, saved);
		test_mm_free(r.mm);
		return ktest_skip(t, "needs a second CPU");
	}
	/* Running the mm (not lazy): a shootdown flushes, the CPU stays. */
	smp_call_function_many(cpumask_of(other), remote_load, &r, true);
	gather_flush(r.mm, 0x400000, 1, false);
	KTEST_EXPECT_EQ(t, r.mm->cpu_vm_mask, cpumask_of(other));
	/* Lazy: the first shootdown makes it leave. */
	r.lazy = true;
	smp_call_function_many(cpumask_of(other), remote_load, &r, true);
	KTEST_EXPECT_EQ(t, r.mm->cpu_vm_mask, cpumask_of(other));
	gather_flush(r.mm, 0x400000, 1, false);
	KTEST_EXPECT_EQ(t, r.mm->cpu_vm_mask, 0);
	smp_call_function_many(cpumask_of(other), remote_report, &r, true);
	KTEST_EXPECT_EQ(t, r.cr3, __pa(init_top_pgt));
	KTEST_EXPECT_TRUE(t, r.loaded == NULL);
	/* Whatever happened above, the other CPU lets go of the mm. */
	smp_call_function_many(cpumask_of(other), remote_leave, NULL, true);
	set_cpus_allowed(current, saved);
	test_mm_free(r.mm);
}

KTEST_SUITE(x86_mm, "x86_mm",
	    KTEST_CASE(pte_ops),
	    KTEST_CASE(pte_atomic_ops),
	    KTEST_CASE(page_prot_map),
	    KTEST_CASE(pgd_alloc_shares_kernel),
	    KTEST_CASE(switch_mm_keeps_cpu_mask),
	    KTEST_CASE(tlb_flush_local_only),
	    KTEST_CASE(tlb_flush_remote),
	    KTEST_CASE(lazy_cpu_drops_out));
