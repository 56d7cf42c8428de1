// SPDX-License-Identifier: MIT
/*
 * tests/kernel/user_mm_test.c: user address spaces on the real arch page
 * tables (x86_64's hardware format, ppc64's hash-backed software
 * tables), driven from kernel code: mm_alloc, the mmap family, faults,
 * fork's copy, and the preemption bound of the munmap walk.
 *
 * Built only where the arch has its user page-table hooks
 * (ARCH_HAS_USER_MM in arch/<arch>/Makefile.inc).
 */
#include <anvil/binfmts.h>
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/mmu_gather.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/rwsem.h>
#include <anvil/trace.h>
#include <anvil/vmstat.h>

#include <anvil/sched.h>
#include <asm/mmu_context.h>

#include "ktest_mm.h"

struct mm_struct *mm_alloc(void);
void kthread_use_mm(struct mm_struct *mm);
void kthread_unuse_mm(struct mm_struct *mm);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
void mmput(struct mm_struct *mm);

#define BASE 0x10000000UL
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

/* A user access at @addr, done by the fault path as a CPU would ask. */
static int fault(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	int ret = VM_FAULT_SIGSEGV;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr)
		ret = handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0);
	up_read(&mm->mmap_lock);
	return ret;
}

static unsigned long *word(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	page = vma ? follow_page(vma, addr) : NULL;
	up_read(&mm->mmap_lock);
	return page ? (unsigned long *)((char *)page_address(page) +
					(addr & ~PAGE_MASK)) : NULL;
}

/* One address space made and dropped, so slab caches hold their pages. */
static void warm_up(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return;
	do_mmap(mm, BASE, PAGE_SIZE, RW, ANON | MAP_FIXED | MAP_POPULATE, -1, 0);
	mmput(mm);
}

static void anon_faults_and_munmap_return_every_page(struct ktest *t)
{
	unsigned long before;
	struct mm_struct *mm;

	warm_up();
	before = nr_free_pages();
	mm = mm_alloc();

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, do_mmap(mm, BASE, 64 * PAGE_SIZE, RW, ANON | MAP_FIXED,
				-1, 0), BASE);
	for (int i = 0; i < 64; i++)
		KTEST_EXPECT_EQ(t, fault(mm, BASE + i * PAGE_SIZE, true), 0);
	*word(mm, BASE + 5 * PAGE_SIZE) = 55;
	KTEST_EXPECT_EQ(t, *word(mm, BASE + 5 * PAGE_SIZE), 55);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_anon), 64);
	KTEST_EXPECT_EQ(t, do_munmap(mm, BASE + 16 * PAGE_SIZE, 16 * PAGE_SIZE), 0);
	KTEST_EXPECT_TRUE(t, word(mm, BASE + 20 * PAGE_SIZE) == NULL);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_anon), 48);
	KTEST_EXPECT_EQ(t, fault(mm, BASE + 20 * PAGE_SIZE, false), VM_FAULT_SIGSEGV);
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void fork_copy_is_copy_on_write(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct mm_struct *parent = mm_alloc(), *child;

	KTEST_ASSERT_NOT_NULL(t, parent);
	KTEST_EXPECT_EQ(t, do_mmap(parent, BASE, 4 * PAGE_SIZE, RW,
				ANON | MAP_FIXED | MAP_POPULATE, -1, 0), BASE);
	*word(parent, BASE) = 1;
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_TRUE(t, word(child, BASE) == word(parent, BASE)); /* shared */
	KTEST_EXPECT_EQ(t, fault(child, BASE, true), 0);
	KTEST_EXPECT_TRUE(t, word(child, BASE) != word(parent, BASE)); /* copied */
	*word(child, BASE) = 2;
	KTEST_EXPECT_EQ(t, *word(parent, BASE), 1);
	mmput(parent);
	KTEST_EXPECT_EQ(t, *word(child, BASE), 2);
	mmput(child);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * The reverse map through real forks: a page shared by a parent, its
 * child and grandchild is found three times from its anon_vma (the
 * parent's, the tree's root); a page the child copies on write is in
 * the child's own anon_vma and found once. mprotect splitting the
 * parent's VMA and mremap moving the child's page keep every count; the
 * child exiting first (the middle of the tree) leaves the others right,
 * and when all are gone so are their anon_vmas, root last.
 */
static void rmap_finds_every_mapping_through_forks(struct ktest *t)
{
	long anon_vmas = nr_anon_vmas();
	struct mm_struct *parent = mm_alloc(), *child, *grandchild;
	struct page *shared, *copy;
	unsigned long far = BASE + 64 * SZ_1M;

	KTEST_ASSERT_NOT_NULL(t, parent);
	KTEST_EXPECT_EQ(t, do_mmap(parent, BASE, 4 * PAGE_SIZE, RW,
				ANON | MAP_FIXED | MAP_POPULATE, -1, 0), BASE);
	child = dup_mm(parent);
	KTEST_ASSERT_NOT_NULL(t, child);
	grandchild = dup_mm(child);
	KTEST_ASSERT_NOT_NULL(t, grandchild);
	shared = page_at(parent, BASE);
	KTEST_ASSERT_NOT_NULL(t, shared);
	KTEST_EXPECT_EQ(t, page_mapcount(shared), 3);
	KTEST_EXPECT_EQ(t, page_rmap_count(shared), 3);

	KTEST_EXPECT_EQ(t, fault(child, BASE + PAGE_SIZE, true), 0);
	copy = page_at(child, BASE + PAGE_SIZE);
	KTEST_EXPECT_TRUE(t, copy && copy != page_at(parent, BASE + PAGE_SIZE));
	KTEST_EXPECT_EQ(t, page_rmap_count(copy), 1);
	KTEST_EXPECT_EQ(t, page_rmap_count(page_at(parent, BASE + PAGE_SIZE)),
			2);

	/* Split the parent's VMA in three: the same pages, the same counts. */
	KTEST_EXPECT_EQ(t, do_mprotect(parent, BASE + PAGE_SIZE, PAGE_SIZE,
				       PROT_READ), 0);
	KTEST_EXPECT_EQ(t, page_rmap_count(shared), 3);
	/* Move the child's copy far away: the walk finds it there. */
	KTEST_EXPECT_EQ(t, (long)do_mremap(child, BASE + PAGE_SIZE, PAGE_SIZE,
					   PAGE_SIZE,
					   MREMAP_MAYMOVE | MREMAP_FIXED, far),
			(long)far);
	KTEST_EXPECT_TRUE(t, page_at(child, far) == copy);
	KTEST_EXPECT_EQ(t, page_rmap_count(copy), 1);

	mmput(child);
	KTEST_EXPECT_EQ(t, page_rmap_count(shared), 2);
	KTEST_EXPECT_EQ(t, page_mapcount(shared), 2);
	mmput(parent);
	KTEST_EXPECT_EQ(t, page_rmap_count(shared), 1);
	mmput(grandchild);
	KTEST_EXPECT_EQ(t, nr_anon_vmas(), anon_vmas);
}

/*
 * exec writes the new program's stack through copy_to_mm(). It faults a
 * page in once; writing again to a page that is present and writable is
 * not a page fault, and must not count as one in /proc/vmstat's pgfault
 * (it did: every word of argv and auxv counted, 60 "faults" an exec).
 * Other CPUs may fault meanwhile (the count is global): the bound
 * allows a few.
 */
static void kernel_writes_to_a_present_page_are_not_faults(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long word = 42, before;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_EQ(t, do_mmap(mm, BASE, PAGE_SIZE, RW, ANON | MAP_FIXED,
				   -1, 0), BASE);
	KTEST_EXPECT_EQ(t, copy_to_mm(mm, BASE, &word, sizeof(word)), 0);
	before = vm_event_read(PGFAULT);
	for (int i = 0; i < 100; i++)
		KTEST_EXPECT_EQ(t, copy_to_mm(mm, BASE + 8 * (i % 64), &word,
					      sizeof(word)), 0);
	KTEST_EXPECT_TRUE(t, vm_event_read(PGFAULT) - before < 10);
	mmput(mm);
}

struct unmap_cost {
	u64 preempt_off_ns;	/* the tracer's longest section (a clock) */
	unsigned long start_ip, end_ip;	/* and where it began and ended */
	unsigned long ptes;	/* most PTEs under one lock hold (the bound) */
};

/* What munmapping @bytes of populated memory cost, at worst. */
static struct unmap_cost munmap_cost(unsigned long bytes)
{
	struct unmap_cost c = { 0 };
	struct mm_struct *mm = mm_alloc();
	struct latency_snapshot snap;

	if (!mm)
		return c;
	if (do_mmap(mm, BASE, bytes, RW, ANON | MAP_FIXED | MAP_POPULATE, -1,
		    0) == BASE) {
		latency_reset();
		zap_stats.max_ptes_per_hold = 0;
		do_munmap(mm, BASE, bytes);
		latency_snapshot(&snap);
		c.preempt_off_ns = snap.max[LATENCY_PREEMPT_OFF].ns;
		c.start_ip = snap.max[LATENCY_PREEMPT_OFF].start_ip;
		c.end_ip = snap.max[LATENCY_PREEMPT_OFF].end_ip;
		c.ptes = zap_stats.max_ptes_per_hold;
	}
	mmput(mm);
	return c;
}

/* Unmap @bytes and log what it cost. */
static struct unmap_cost measure(struct ktest *t, const char *what,
				 unsigned long bytes)
{
	struct unmap_cost c = munmap_cost(bytes);

	ktest_log(t, "%s: unmapping %lu MiB: longest preempt-off %llu ns (%pS to %pS), at most %lu PTEs per page-table lock hold",
		  what, bytes >> 20, (unsigned long long)c.preempt_off_ns,
		  (void *)c.start_ip, (void *)c.end_ip, c.ptes);
	return c;
}

/* The median of three 1 MiB unmaps, after one to warm up. */
static struct unmap_cost measure_small(struct ktest *t, const char *what)
{
	struct unmap_cost c[3], tmp;

	munmap_cost(SZ_1M);	/* TCG translates the walk's code once */
	for (int i = 0; i < 3; i++)
		c[i] = measure(t, what, SZ_1M);
	for (int i = 0; i < 3; i++)
		for (int j = i + 1; j < 3; j++)
			if (c[j].preempt_off_ns < c[i].preempt_off_ns) {
				tmp = c[i];
				c[i] = c[j];
				c[j] = tmp;
			}
	return c[1];
}

/* The biggest mapping to try: @most if a third of free memory allows. */
static unsigned long big_size(unsigned long most)
{
	unsigned long big = min(most, (nr_free_pages() / 3) * PAGE_SIZE);

	return big & ~(SZ_1M - 1);
}

/*
 * Seed 000's promise: an unmap's non-preemptible stretches do not grow
 * with its size. zap_pte_range holds the page-table lock for at most
 * ZAP_PTES_PER_HOLD PTEs (fewer when someone needs the CPU or the gather
 * fills) and flushes and frees with it dropped. The walk counts the PTEs
 * of each hold: a 1 MiB unmap and the biggest one that fits (1 GiB with
 * 4 GiB of RAM) show the same most.
 */
static void munmap_holds_the_ptl_for_bounded_work(struct ktest *t)
{
	unsigned long big = big_size(SZ_1G);
	struct unmap_cost one, most;

	KTEST_ASSERT_TRUE(t, big >= 64 * SZ_1M);
	one = measure_small(t, "small");
	most = measure(t, "big", big);
	KTEST_EXPECT_EQ(t, one.ptes, ZAP_PTES_PER_HOLD);
	KTEST_EXPECT_EQ(t, most.ptes, ZAP_PTES_PER_HOLD);
}

/*
 * The same bound by the clock, as issue #6 states it: the longest
 * preempt-off section of the big unmap, by the latency tracer, is at most
 * 1.5x the 1 MiB one's. Asserted with anvil.exact_clock (make test boots
 * this suite once more under QEMU -icount for it): on the host's clock a
 * 17 us section is lost among stalls of the host's making.
 */
static void assert_time_ratio(struct ktest *t, struct unmap_cost one,
			      struct unmap_cost most, unsigned long big)
{
	ktest_log(t, "longest preempt-off: %llu ns for %lu MiB vs %llu ns for 1 MiB",
		  (unsigned long long)most.preempt_off_ns, big >> 20,
		  (unsigned long long)one.preempt_off_ns);
	KTEST_ASSERT_TRUE(t, one.preempt_off_ns > 0 && most.preempt_off_ns > 0);
	KTEST_EXPECT_TRUE(t, most.preempt_off_ns * 2 <= one.preempt_off_ns * 3);
}

static void munmap_preempt_off_time_is_independent_of_size(struct ktest *t)
{
	unsigned long big = big_size(SZ_1G);
	struct unmap_cost one, most;

	if (!ktest_exact_clock) {
		ktest_skip(t, "needs anvil.exact_clock (QEMU -icount)");
		return;
	}
	KTEST_ASSERT_TRUE(t, big >= 64 * SZ_1M);
	one = measure_small(t, "small");
	most = measure(t, "big", big);
	assert_time_ratio(t, one, most, big);
}

/*
 * With every extra gather batch refused (the debug knob), the built-in
 * batch of MMU_GATHER_BUNDLE pages fills every few PTEs: the gather
 * flushes and frees far more often, each time with the lock dropped. The
 * bound holds, tighter, in work and (with the exact clock) in time.
 */
static void munmap_bound_holds_without_batch_pages(struct ktest *t)
{
	unsigned long big = big_size(256 * SZ_1M);
	struct unmap_cost one, most;

	KTEST_ASSERT_TRUE(t, big >= 16 * SZ_1M);
	page_alloc_fail_nowait.fail_every = 1;
	one = measure_small(t, "no batch pages, small");
	most = measure(t, "no batch pages, big", big);
	page_alloc_fail_nowait.fail_every = 0;
	KTEST_EXPECT_TRUE(t, one.ptes <= 2 * MMU_GATHER_BUNDLE);
	KTEST_EXPECT_TRUE(t, most.ptes <= 2 * MMU_GATHER_BUNDLE);
	if (ktest_exact_clock)
		assert_time_ratio(t, one, most, big);
}

struct mm_user {
	struct mm_struct *mm;
	int rounds;
	volatile int wrong;	/* switches that left another mm loaded */
	volatile int done;
};

/* Run in @mm and yield a lot: after every switch back, @mm is loaded. */
static void use_mm_and_yield(void *arg)
{
	struct mm_user *u = arg;

	kthread_use_mm(u->mm);
	for (int i = 0; i < u->rounds; i++) {
		yield();
		preempt_disable();
		if (this_cpu_loaded_mm() != u->mm)
			u->wrong++;
		preempt_enable();
	}
	kthread_unuse_mm(u->mm);
	u->done = 1;
}

/*
 * The scheduler switches address spaces: two threads with different mms
 * on one CPU (with this test's thread and the idle task, which have none,
 * borrowing in between) hand it back and forth; each finds its own mm
 * loaded every time it runs. Afterwards every mm reference is
 * gone, so every page comes back.
 */
static void scheduler_switches_address_spaces(struct ktest *t)
{
	struct mm_user a = { .rounds = 200 }, b = { .rounds = 200 };
	struct task_struct *ta, *tb;
	unsigned int cpu = raw_smp_processor_id();
	unsigned long before;

	warm_up();
	before = nr_free_pages();
	a.mm = mm_alloc();
	b.mm = mm_alloc();
	KTEST_ASSERT_TRUE(t, a.mm && b.mm);
	ta = kthread_create(use_mm_and_yield, &a, "mm-a");
	tb = kthread_create(use_mm_and_yield, &b, "mm-b");
	KTEST_ASSERT_TRUE(t, ta && tb);
	kthread_bind(ta, cpu);
	kthread_bind(tb, cpu);
	kthread_start(ta);
	kthread_start(tb);
	kthread_join(ta);
	kthread_join(tb);
	KTEST_EXPECT_TRUE(t, a.done && b.done);
	KTEST_EXPECT_EQ(t, a.wrong, 0);
	KTEST_EXPECT_EQ(t, b.wrong, 0);
	mmput(a.mm);
	mmput(b.mm);
	/*
	 * Lazy TLB: this CPU's kernel threads (this one, then idle) keep
	 * the last mm loaded and hold a reference to it (mm_count), so its
	 * page-table root stays until a task with another mm runs here.
	 * That is the design (Linux's too): at most that one page.
	 */
	KTEST_EXPECT_TRUE(t, before - nr_free_pages() <= 1);
}

KTEST_SUITE(user_mm, "user_mm",
	    KTEST_CASE(anon_faults_and_munmap_return_every_page),
	    KTEST_CASE(fork_copy_is_copy_on_write),
	    KTEST_CASE(rmap_finds_every_mapping_through_forks),
	    KTEST_CASE(kernel_writes_to_a_present_page_are_not_faults),
	    KTEST_CASE(munmap_holds_the_ptl_for_bounded_work),
	    KTEST_CASE(munmap_preempt_off_time_is_independent_of_size),
	    KTEST_CASE(munmap_bound_holds_without_batch_pages),
	    KTEST_CASE(scheduler_switches_address_spaces));
