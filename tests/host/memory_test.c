// SPDX-License-Identifier: MIT
/*
 * tests/host/memory_test.c: mm/memory.c (faults, COW, zap, freeing page
 * tables, fork's copy) over the host page-table stand-in
 * (include/asm/pgtable.h) and the real page allocator, slab and
 * mmu_gather.
 *
 * The fake arch records TLB flushes; need_resched() can be forced on
 * every Nth call, so the test can check what seed 000 asks of
 * zap_pte_range: it breaks out, flushes with the PTL dropped, and goes on,
 * and the work done per PTL hold stays bounded by ZAP_PTES_PER_HOLD PTEs.
 */
#include <anvil/gfp.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mmu_gather.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/sched.h>
#include <anvil/slab.h>

#include <stdlib.h>
#include <string.h>

#include "host.h"

/* ---- the fake arch and scheduler ------------------------------------ */

void *host_current_task;
int host_lazy_mmu;
unsigned long host_pte_changes_outside_lazy;
static unsigned long nr_tlb_flushes, nr_page_flushes, nr_cond_resched;
static unsigned long resched_every, resched_calls;

/* The range the last tlb_flush covered. */
static unsigned long last_flush_start, last_flush_end;

void tlb_flush(struct mmu_gather *tlb)
{
	nr_tlb_flushes++;
	last_flush_start = tlb->start;
	last_flush_end = tlb->end;
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	nr_page_flushes++;
}

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	nr_page_flushes++;
}

bool need_resched(void)
{
	return resched_every && ++resched_calls % resched_every == 0;
}

void cond_resched(void)
{
	nr_cond_resched++;
}

/* ---- a small address space --------------------------------------- */

struct space {
	struct mm_struct mm;
	struct vm_area_struct vma;
};

static void space_init(struct space *s, unsigned long start,
		       unsigned long pages, unsigned long flags)
{
	anon_vma_init();
	memset(s, 0, sizeof(*s));
	s->mm.pgd = page_address(alloc_page(GFP_KERNEL | __GFP_ZERO));
	spin_lock_init(&s->mm.page_table_lock);
	s->vma.vm_mm = &s->mm;
	s->vma.vm_start = start;
	s->vma.vm_end = start + pages * PAGE_SIZE;
	s->vma.vm_pgoff = start >> PAGE_SHIFT;
	s->vma.vm_flags = flags;
	INIT_LIST_HEAD(&s->vma.anon_vma_chain);
	s->mm.mmap = &s->vma;
}

/* exit_mmap in the small: zap everything, free every table, the pgd. */
static void space_exit(struct space *s)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, &s->mm, true);
	unmap_vmas(&tlb, &s->vma, s->vma.vm_start, s->vma.vm_end);
	free_pgd_range(&tlb, s->vma.vm_start, s->vma.vm_end, 0, 0);
	tlb_finish_mmu(&tlb);
	unlink_anon_vmas(&s->vma);	/* as vm_area_free does */
	free_page((unsigned long)s->mm.pgd);
}

static unsigned long *user_word(struct space *s, unsigned long addr)
{
	struct page *page = follow_page(&s->vma, addr);

	return page ? (unsigned long *)((char *)page_address(page) +
					(addr & ~PAGE_MASK)) : NULL;
}

#define ANON_RW (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE)

/* ---- tests ---------------------------------------------------------- */

static void read_fault_maps_the_zero_page(void)
{
	struct space s;
	unsigned long before = nr_free_pages();

	space_init(&s, 0x400000, 16, ANON_RW);
	CHECK_EQ(handle_mm_fault(&s.vma, 0x401000, 0), 0);
	CHECK(follow_page(&s.vma, 0x401000) == NULL); /* zero page */
	CHECK_EQ(atomic_long_read(&s.mm.rss_anon), 0);
	CHECK_EQ(handle_mm_fault(&s.vma, 0x401000, FAULT_FLAG_WRITE), 0);
	CHECK(follow_page(&s.vma, 0x401000) != NULL);
	CHECK_EQ(*user_word(&s, 0x401000), 0);
	CHECK_EQ(atomic_long_read(&s.mm.rss_anon), 1);
	space_exit(&s);
	CHECK_EQ(nr_free_pages(), before);
}

static void write_fault_gives_a_private_page(void)
{
	struct space s;
	unsigned long before = nr_free_pages();
	struct page *page;

	space_init(&s, 0x400000, 4, ANON_RW);
	CHECK_EQ(handle_mm_fault(&s.vma, 0x402008, FAULT_FLAG_WRITE), 0);
	page = follow_page(&s.vma, 0x402000);
	CHECK(page != NULL);
	CHECK_EQ(page_mapcount(page), 1);
	CHECK_EQ(page_ref_count(page), 1);
	*user_word(&s, 0x402008) = 42;
	CHECK_EQ(handle_mm_fault(&s.vma, 0x402000, FAULT_FLAG_WRITE), 0);
	CHECK_EQ(*user_word(&s, 0x402008), 42); /* same page again */
	space_exit(&s);
	CHECK_EQ(nr_free_pages(), before);
}

static void write_to_readonly_vma_is_refused(void)
{
	struct space s;

	space_init(&s, 0x400000, 1, VM_READ | VM_MAYREAD);
	CHECK_EQ(handle_mm_fault(&s.vma, 0x400000, 0), 0);
	CHECK_EQ(handle_mm_fault(&s.vma, 0x400000, FAULT_FLAG_WRITE),
		 VM_FAULT_SIGSEGV);
	space_exit(&s);
}

/* fork: both sides see the data; a write on either side copies it. */
static void fork_shares_then_copies_on_write(void)
{
	struct space parent, child;
	unsigned long before = nr_free_pages();
	long anon_vmas = nr_anon_vmas();
	struct page *shared, *copy;

	space_init(&parent, 0x600000, 8, ANON_RW);
	for (unsigned long a = 0x600000; a < 0x608000; a += PAGE_SIZE) {
		CHECK_EQ(handle_mm_fault(&parent.vma, a, FAULT_FLAG_WRITE), 0);
		*user_word(&parent, a) = a;
	}
	space_init(&child, 0x600000, 8, ANON_RW);
	CHECK_EQ(anon_vma_fork(&child.vma, &parent.vma), 0);
	CHECK(child.vma.anon_vma->root == parent.vma.anon_vma);
	host_pte_changes_outside_lazy = 0;
	CHECK_EQ(copy_page_range(&child.mm, &parent.mm, &parent.vma), 0);
	CHECK_EQ(host_pte_changes_outside_lazy, 0);
	shared = follow_page(&parent.vma, 0x603000);
	CHECK(shared == follow_page(&child.vma, 0x603000));
	CHECK_EQ(page_mapcount(shared), 2);
	CHECK_EQ(page_ref_count(shared), 2);
	/* The reverse map finds both: the parent's anon_vma lists the child. */
	CHECK(page_anon_vma(shared) == parent.vma.anon_vma);
	CHECK_EQ(page_rmap_count(shared), 2);

	CHECK_EQ(handle_mm_fault(&child.vma, 0x603000, FAULT_FLAG_WRITE), 0);
	copy = follow_page(&child.vma, 0x603000);
	CHECK(copy != shared);
	/* The copy is the child's alone, in the child's own anon_vma. */
	CHECK(page_anon_vma(copy) == child.vma.anon_vma);
	CHECK_EQ(page_rmap_count(copy), 1);
	CHECK_EQ(page_rmap_count(shared), 1);
	CHECK_EQ(*user_word(&child, 0x603000), 0x603000); /* copied data */
	*user_word(&child, 0x603000) = 7;
	CHECK_EQ(*user_word(&parent, 0x603000), 0x603000); /* isolated */
	CHECK_EQ(page_mapcount(shared), 1);
	CHECK_EQ(page_ref_count(shared), 1);

	/* The parent is now the only user: its write just reuses the page. */
	CHECK_EQ(handle_mm_fault(&parent.vma, 0x603000, FAULT_FLAG_WRITE), 0);
	CHECK(follow_page(&parent.vma, 0x603000) == shared);

	space_exit(&child);
	for (unsigned long a = 0x600000; a < 0x608000; a += PAGE_SIZE)
		CHECK_EQ(*user_word(&parent, a), a);
	space_exit(&parent);
	CHECK_EQ(nr_free_pages(), before);
	CHECK_EQ(nr_anon_vmas(), anon_vmas);
}

/* A fork chain: grandchild, child and parent each keep their own data. */
static void fork_chain_keeps_every_generation_isolated(void)
{
	struct space gen[4];
	unsigned long before = nr_free_pages();
	long anon_vmas = nr_anon_vmas();
	struct page *first;

	space_init(&gen[0], 0x800000, 3, ANON_RW);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(handle_mm_fault(&gen[0].vma, 0x800000 + i * PAGE_SIZE,
					 FAULT_FLAG_WRITE), 0);
	*user_word(&gen[0], 0x801000) = 100;
	for (int g = 1; g < 4; g++) {
		space_init(&gen[g], 0x800000, 3, ANON_RW);
		CHECK_EQ(anon_vma_fork(&gen[g].vma, &gen[g - 1].vma), 0);
		CHECK_EQ(copy_page_range(&gen[g].mm, &gen[g - 1].mm,
					 &gen[g - 1].vma), 0);
		CHECK_EQ(handle_mm_fault(&gen[g].vma, 0x801000,
					 FAULT_FLAG_WRITE), 0);
		*user_word(&gen[g], 0x801000) = 100 + g;
	}
	for (int g = 0; g < 4; g++)
		CHECK_EQ(*user_word(&gen[g], 0x801000), 100 + g);
	/*
	 * One tree, rooted in gen[0]'s anon_vma: every generation's page at
	 * 0x801000 is in its own anon_vma and found in one VMA; the page at
	 * 0x800000, never written after the forks, in all four.
	 */
	first = follow_page(&gen[0].vma, 0x800000);
	CHECK_EQ(page_rmap_count(first), 4);
	CHECK_EQ(page_mapcount(first), 4);
	for (int g = 0; g < 4; g++) {
		struct page *own = follow_page(&gen[g].vma, 0x801000);

		CHECK(gen[g].vma.anon_vma->root == gen[0].vma.anon_vma);
		CHECK(page_anon_vma(own) == gen[g].vma.anon_vma);
		CHECK_EQ(page_rmap_count(own), 1);
	}
	CHECK_EQ(nr_anon_vmas() - anon_vmas, 4);
	for (int g = 3; g >= 0; g--)	/* exit in an odd order */
		space_exit(&gen[(g + 2) % 4]);
	CHECK_EQ(nr_free_pages(), before);
	/* The root went last, however the generations exited. */
	CHECK_EQ(nr_anon_vmas(), anon_vmas);
}

/* Populate [start, start+pages) in @s with written pages. */
static bool populate(struct space *s, unsigned long pages)
{
	for (unsigned long i = 0; i < pages; i++)
		if (handle_mm_fault(&s->vma, s->vma.vm_start + i * PAGE_SIZE,
				    FAULT_FLAG_WRITE))
			return false;
	return true;
}

static void munmap_middle_frees_pages_and_empty_tables(void)
{
	struct space s;
	struct mmu_gather tlb;
	unsigned long before = nr_free_pages(), base = 0x40000000UL;
	/* 3 PTE tables' worth: 1536 pages; unmap the middle table exactly. */
	unsigned long mid = base + 512 * PAGE_SIZE, mid_end = mid + 512 * PAGE_SIZE;

	space_init(&s, base, 1536, ANON_RW);
	CHECK(populate(&s, 1536));
	CHECK_EQ(atomic_long_read(&s.mm.nr_ptes), 3);
	tlb_gather_mmu(&tlb, &s.mm, false);
	unmap_vmas(&tlb, &s.vma, mid, mid_end);
	free_pgd_range(&tlb, mid, mid_end, mid, mid_end);
	tlb_finish_mmu(&tlb);
	CHECK_EQ(atomic_long_read(&s.mm.nr_ptes), 2);
	CHECK(follow_page(&s.vma, mid) == NULL);
	CHECK(follow_page(&s.vma, mid - PAGE_SIZE) != NULL);
	CHECK(follow_page(&s.vma, mid_end) != NULL);
	CHECK_EQ(atomic_long_read(&s.mm.rss_anon), 1024);
	space_exit(&s);
	CHECK_EQ(nr_free_pages(), before);
}

/*
 * A gather that frees only page tables (the PTEs were cleared and
 * flushed earlier: DONTNEED, then munmap) must still flush a range that
 * covers them: a CPU's page-walk cache may hold the freed table. Before
 * the fix the range stayed empty and x86's tlb_flush flushed nothing.
 */
static void freeing_only_tables_flushes_their_range(void)
{
	struct space s;
	struct mmu_gather tlb;
	unsigned long base = 0x40000000UL, flushes;

	space_init(&s, base, 512, ANON_RW);
	CHECK(populate(&s, 512));
	tlb_gather_mmu(&tlb, &s.mm, false);	/* like MADV_DONTNEED */
	unmap_vmas(&tlb, &s.vma, base, base + 512 * PAGE_SIZE);
	tlb_finish_mmu(&tlb);
	flushes = nr_tlb_flushes;
	tlb_gather_mmu(&tlb, &s.mm, false);	/* then munmap: no PTEs left */
	unmap_vmas(&tlb, &s.vma, base, base + 512 * PAGE_SIZE);
	free_pgd_range(&tlb, base, base + 512 * PAGE_SIZE, 0, 0);
	tlb_finish_mmu(&tlb);
	CHECK_EQ(atomic_long_read(&s.mm.nr_ptes), 0);
	CHECK(nr_tlb_flushes > flushes);
	CHECK(last_flush_start < last_flush_end);
	CHECK(last_flush_start <= base && last_flush_end > base);
	space_exit(&s);
}

/* A table shared with a neighbour below the floor must stay. */
static void partial_table_is_kept(void)
{
	struct space s;
	struct mmu_gather tlb;
	unsigned long base = 0x40000000UL;

	space_init(&s, base, 512, ANON_RW);
	CHECK(populate(&s, 512));
	tlb_gather_mmu(&tlb, &s.mm, false);
	unmap_vmas(&tlb, &s.vma, base + 256 * PAGE_SIZE, base + 512 * PAGE_SIZE);
	free_pgd_range(&tlb, base + 256 * PAGE_SIZE, base + 512 * PAGE_SIZE,
		       base + 256 * PAGE_SIZE, 0);
	tlb_finish_mmu(&tlb);
	CHECK_EQ(atomic_long_read(&s.mm.nr_ptes), 1);
	CHECK(follow_page(&s.vma, base) != NULL);
	space_exit(&s);
}

/*
 * The preemption bound, the way the in-kernel test will measure it in
 * time: count PTEs cleared per PTL hold. With need_resched() raised every
 * 100 checks, no hold may clear more than 100 PTEs; the zap still
 * finishes and frees everything.
 */
static void zap_breaks_out_on_need_resched(void)
{
	struct space s;
	struct mmu_gather tlb;
	unsigned long before = nr_free_pages(), flushes;

	space_init(&s, 0x40000000UL, 3000, ANON_RW);
	CHECK(populate(&s, 3000));
	zap_stats = (struct zap_stats){ 0 };
	nr_cond_resched = 0;
	resched_every = 100;
	resched_calls = 0;
	flushes = nr_tlb_flushes;
	tlb_gather_mmu(&tlb, &s.mm, false);
	unmap_vmas(&tlb, &s.vma, s.vma.vm_start, s.vma.vm_end);
	tlb_finish_mmu(&tlb);
	resched_every = 0;
	CHECK(zap_stats.resched_breaks >= 3000 / 100 - 1);
	CHECK(nr_cond_resched >= zap_stats.resched_breaks);
	CHECK(nr_tlb_flushes - flushes >= zap_stats.resched_breaks);
	CHECK_EQ(atomic_long_read(&s.mm.rss_anon), 0);
	CHECK(follow_page(&s.vma, s.vma.vm_start + 2999 * PAGE_SIZE) == NULL);
	space_exit(&s);
	CHECK_EQ(nr_free_pages(), before);
}

/*
 * With nobody waiting for the CPU and room in the gather, a zap still
 * drops the PTL every ZAP_PTES_PER_HOLD PTEs, and only drops it: the one
 * flush is tlb_finish_mmu's, and every page comes back after it.
 */
static void zap_lock_break_drops_the_ptl_without_flushing(void)
{
	struct space s;
	struct mmu_gather tlb;
	unsigned long before = nr_free_pages(), flushes, populated;

	space_init(&s, 0x40000000UL, 1000, ANON_RW);
	CHECK(populate(&s, 1000));
	zap_stats = (struct zap_stats){ 0 };
	flushes = nr_tlb_flushes;
	populated = nr_free_pages();
	tlb_gather_mmu(&tlb, &s.mm, false);
	unmap_vmas(&tlb, &s.vma, s.vma.vm_start, s.vma.vm_end);
	CHECK_EQ(nr_tlb_flushes, flushes);	/* nothing flushed yet */
	CHECK(nr_free_pages() < populated + 1000); /* nor all freed */
	tlb_finish_mmu(&tlb);
	CHECK_EQ(nr_tlb_flushes - flushes, 1);
	CHECK_EQ(zap_stats.max_ptes_per_hold, ZAP_PTES_PER_HOLD);
	/* 1000 PTEs in two tables (512 + 488): 2 + 2 holds. */
	CHECK_EQ(zap_stats.lock_breaks, 1 + 1);
	CHECK_EQ(zap_stats.resched_breaks + zap_stats.full_breaks, 0);
	space_exit(&s);
	CHECK_EQ(nr_free_pages(), before);
}

/* With no extra batch pages, a big zap flushes every 8 pages, correctly. */
static void zap_with_failing_batch_alloc(void)
{
	struct space s;
	struct mmu_gather tlb;
	unsigned long before = nr_free_pages();

	space_init(&s, 0x40000000UL, 1000, ANON_RW);
	CHECK(populate(&s, 1000));
	zap_stats = (struct zap_stats){ 0 };
	page_alloc_fail_nowait.fail_every = 1;
	tlb_gather_mmu(&tlb, &s.mm, false);
	unmap_vmas(&tlb, &s.vma, s.vma.vm_start, s.vma.vm_end);
	tlb_finish_mmu(&tlb);
	page_alloc_fail_nowait.fail_every = 0;
	CHECK(zap_stats.full_breaks >= 1000 / MMU_GATHER_BUNDLE - 1);
	space_exit(&s);
	CHECK_EQ(nr_free_pages(), before);
}

/*
 * The first PTE table's lock comes from a fresh kmalloc slab, which the
 * slab allocator then keeps: fault once before any test counts pages.
 */
static void warm_up(void)
{
	struct space s;

	space_init(&s, 0x400000, 1, ANON_RW);
	handle_mm_fault(&s.vma, 0x400000, FAULT_FLAG_WRITE);
	space_exit(&s);
}

static const struct host_test tests[] = {
	HOST_TEST(read_fault_maps_the_zero_page),
	HOST_TEST(write_fault_gives_a_private_page),
	HOST_TEST(write_to_readonly_vma_is_refused),
	HOST_TEST(fork_shares_then_copies_on_write),
	HOST_TEST(fork_chain_keeps_every_generation_isolated),
	HOST_TEST(munmap_middle_frees_pages_and_empty_tables),
	HOST_TEST(partial_table_is_kept),
	HOST_TEST(freeing_only_tables_flushes_their_range),
	HOST_TEST(zap_breaks_out_on_need_resched),
	HOST_TEST(zap_lock_break_drops_the_ptl_without_flushing),
	HOST_TEST(zap_with_failing_batch_alloc),
};

int main(int argc, char **argv)
{
	host_seed_init(argc, argv);
	host_boot_mm(128 << 20);
	warm_up();
	return host_run_tests(tests, sizeof(tests) / sizeof(tests[0]));
}
