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
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>
#include <anvil/trace.h>

struct mm_struct *mm_alloc(void);
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

static void anon_faults_and_munmap_return_every_page(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct mm_struct *mm = mm_alloc();

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

/* Longest preempt-off section while munmapping @bytes of populated memory. */
static u64 munmap_preempt_off_ns(struct ktest *t, unsigned long bytes)
{
	struct mm_struct *mm = mm_alloc();
	struct latency_snapshot snap;
	u64 ns;

	if (!mm)
		return 0;
	if (do_mmap(mm, BASE, bytes, RW, ANON | MAP_FIXED | MAP_POPULATE, -1,
		    0) != BASE) {
		mmput(mm);
		return 0;
	}
	latency_reset();
	do_munmap(mm, BASE, bytes);
	latency_snapshot(&snap);
	ns = snap.max[LATENCY_PREEMPT_OFF].ns;
	mmput(mm);
	return ns;
}

/*
 * Seed 000's promise: the page-table lock is held for at most one PTE
 * table (and is dropped sooner when someone needs the CPU), so the longest
 * non-preemptible stretch of an unmap does not grow with its size.
 * Compared within one run, each size taking the worst of a few tries:
 * the biggest unmap (1 GiB when there is room, else what fits) against a
 * 64 MiB one, at most 1.5x. A 1 MiB unmap is logged too: it covers half a
 * PTE table, so its lock holds are shorter by construction.
 */
static u64 worst_of(struct ktest *t, unsigned long bytes, int tries)
{
	u64 worst = 0;

	for (int i = 0; i < tries; i++)
		worst = max(worst, munmap_preempt_off_ns(t, bytes));
	return worst;
}

static void munmap_preempt_off_is_independent_of_size(struct ktest *t)
{
	unsigned long big = min(SZ_1G, (nr_free_pages() / 3) * PAGE_SIZE);
	u64 one_ns, base_ns, big_ns;

	big &= ~(SZ_1M - 1);
	one_ns = worst_of(t, SZ_1M, 5);
	base_ns = worst_of(t, 64 * SZ_1M, 3);
	big_ns = worst_of(t, big, 2);
	ktest_log(t, "longest preempt-off unmapping: 1 MiB %llu us, 64 MiB %llu us, %lu MiB %llu us",
		  (unsigned long long)(one_ns / 1000),
		  (unsigned long long)(base_ns / 1000), big >> 20,
		  (unsigned long long)(big_ns / 1000));
	KTEST_ASSERT_TRUE(t, one_ns > 0 && base_ns > 0 && big_ns > 0);
	KTEST_EXPECT_TRUE(t, big_ns * 2 <= base_ns * 3);
}

/* The same with every extra gather batch refused: flushes come sooner. */
static void munmap_bound_holds_without_batch_pages(struct ktest *t)
{
	unsigned long big = min(256 * SZ_1M, (nr_free_pages() / 3) * PAGE_SIZE);
	u64 base_ns, big_ns;

	big &= ~(SZ_1M - 1);
	page_alloc_fail_nowait.fail_every = 1;
	base_ns = worst_of(t, 16 * SZ_1M, 3);
	big_ns = worst_of(t, big, 2);
	page_alloc_fail_nowait.fail_every = 0;
	ktest_log(t, "no batch pages: 16 MiB %llu us, %lu MiB %llu us",
		  (unsigned long long)(base_ns / 1000), big >> 20,
		  (unsigned long long)(big_ns / 1000));
	KTEST_EXPECT_TRUE(t, big_ns * 2 <= base_ns * 3);
}

KTEST_SUITE(user_mm, "user_mm",
	    KTEST_CASE(anon_faults_and_munmap_return_every_page),
	    KTEST_CASE(fork_copy_is_copy_on_write),
	    KTEST_CASE(munmap_preempt_off_is_independent_of_size),
	    KTEST_CASE(munmap_bound_holds_without_batch_pages));
