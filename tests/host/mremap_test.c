// SPDX-License-Identifier: MIT
/*
 * tests/host/mremap_test.c: mm/mremap.c, mm/madvise.c, mm/msync.c and
 * mm/mincore.c on the host, over the real VMA tree, page tables
 * (stand-in), gather and allocators.
 *
 * The fake arch keeps a small model of the TLBs: every user access the
 * test makes caches its translation (address -> page frame), and only
 * the flush hooks (the gather's tlb_flush, flush_tlb_range/page) drop
 * entries. After each operation, with mmap_lock released, no cached
 * translation may disagree with the page tables: a move that forgot to
 * flush the old range leaves one behind. At every flush, no cached
 * translation may point at a page already back in the allocator (a page
 * freed before its flush). mm_check() (invariants.c) then checks every
 * PTE against the page it maps: allocated, one reference and one map
 * count per PTE, rss and page-table counters exact. The last case does
 * all of it after every step of a random run, against a model of what
 * each page should hold.
 */
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/mmu_gather.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/slab.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../mm/internal.h"
#include "../../mm/vma_internal.h"
#include "host.h"

void *host_current_task;
struct mm_struct *host_loaded_mm;
int host_lazy_mmu;
unsigned long host_pte_changes_outside_lazy;

struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
void mmput(struct mm_struct *mm);

bool need_resched(void) { return false; }
void cond_resched(void) { }

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	return page ? page_address(page) : NULL;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}

/*
 * Free pages, with every slab cache's empty slabs given back first: a
 * test that made more VMAs than any before it leaves a slab page cached,
 * which is not a leak.
 */
static unsigned long free_pages_now(void)
{
	struct kmem_cache *s;

	unsigned long typesafe = 0;

	/*
	 * A SLAB_TYPESAFE cache (anon_vmas) never gives its slabs back:
	 * count them as free. Its leaks show in nr_anon_vmas() instead.
	 */
	list_for_each_entry(s, &slab_caches, list) {
		kmem_cache_shrink(s);
		if (s->flags & SLAB_TYPESAFE)
			typesafe += s->nr_slabs << s->order;
	}
	return nr_free_pages() + typesafe;
}

/* ---- the fake TLBs ------------------------------------------------- */

#define MAX_TLB 8192
static struct tlb_entry {
	struct mm_struct *mm;
	unsigned long addr, pfn;
} tlb_cache[MAX_TLB];
static unsigned int nr_tlb;
static const char *tlb_problem;	/* first problem seen in a flush hook */
static unsigned long nr_range_flushes, range_flush_pages;
static bool flush_in_lazy;	/* a flush from inside a PTL section */

static void tlb_drop(struct mm_struct *mm, unsigned long start,
		     unsigned long end, bool all)
{
	for (unsigned int i = 0; i < nr_tlb;) {
		struct tlb_entry *e = &tlb_cache[i];

		if (e->mm == mm && (all || (start <= e->addr && e->addr < end)))
			*e = tlb_cache[--nr_tlb];
		else
			i++;
	}
}

/* At each flush: no CPU may still reach a page that was freed. */
static void tlb_check_freed(void)
{
	for (unsigned int i = 0; i < nr_tlb && !tlb_problem; i++)
		if (!page_ref_count(pfn_to_page(tlb_cache[i].pfn)))
			tlb_problem = "a translation reaches a freed page";
}

void tlb_flush(struct mmu_gather *tlb)
{
	tlb_check_freed();
	flush_in_lazy |= host_lazy_mmu != 0;
	tlb_drop(tlb->mm, tlb->start, tlb->end, tlb->fullmm);
}

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	tlb_check_freed();
	flush_in_lazy |= host_lazy_mmu != 0;
	nr_range_flushes++;
	range_flush_pages += (end - start) >> PAGE_SHIFT;
	tlb_drop(vma->vm_mm, start, end, false);
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_range(vma, addr, addr + PAGE_SIZE);
}

/* The PTE for @addr, or NULL. */
static pte_t *pte_of(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_lookup(mm, addr);

	return pmd ? pte_offset(pmd, addr) : NULL;
}

static void tlb_fill(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte = pte_of(mm, addr);

	addr &= PAGE_MASK;
	if (!pte || !pte_present(*pte) || nr_tlb == MAX_TLB)
		return;
	tlb_drop(mm, addr, addr + PAGE_SIZE, false);
	tlb_cache[nr_tlb++] = (struct tlb_entry){ mm, addr, pte_pfn(*pte) };
}

/* After an operation: every cached translation still matches its PTE. */
static const char *tlb_check(void)
{
	static char msg[128];

	if (tlb_problem)
		return tlb_problem;
	if (flush_in_lazy)
		return "a TLB flush inside a lazy MMU (PTL) section";
	for (unsigned int i = 0; i < nr_tlb; i++) {
		struct tlb_entry *e = &tlb_cache[i];
		pte_t *pte = pte_of(e->mm, e->addr);

		if (!pte || !pte_present(*pte) || pte_pfn(*pte) != e->pfn) {
			snprintf(msg, sizeof(msg),
				 "stale translation %lx -> pfn %lx", e->addr,
				 e->pfn);
			return msg;
		}
	}
	return NULL;
}

/* ---- an address space and user accesses ----------------------------- */

#define PG PAGE_SIZE
#define BASE 0x10000000UL	/* 2 MiB aligned: PTE tables start here */
#define PMD_SPAN (1UL << PMD_SHIFT)
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static struct mm_struct *mm_new(void)
{
	struct mm_struct *mm = mm_alloc();

	nr_tlb = 0;
	tlb_problem = NULL;
	flush_in_lazy = false;
	return mm;
}

/* A user access at @addr: fault it in, then "the CPU" caches it. */
static int fault(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	int ret = VM_FAULT_SIGSEGV;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr)
		ret = handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0);
	if (!ret)
		tlb_fill(mm, addr);
	up_read(&mm->mmap_lock);
	return ret;
}

/* The page at @addr (NULL: none, or the zero page). */
static struct page *page_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	page = vma && vma->vm_start <= addr ? follow_page(vma, addr) : NULL;
	up_read(&mm->mmap_lock);
	return page;
}

/* Read a word of user memory; 0 where nothing is mapped or faulted. */
static unsigned long peek(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = page_at(mm, addr);

	return page ? *(unsigned long *)((char *)page_address(page) +
					 (addr & ~PAGE_MASK)) : 0;
}

static void poke(struct mm_struct *mm, unsigned long addr, unsigned long v)
{
	struct page *page;

	fault(mm, addr, true);
	page = page_at(mm, addr);
	if (page)
		*(unsigned long *)((char *)page_address(page) +
				   (addr & ~PAGE_MASK)) = v;
}

static const char *maps(struct mm_struct *mm)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = '\0';
	for (struct vm_area_struct *v = mm->mmap; v && n < sizeof(buf);
	     v = v->vm_next)
		n += snprintf(buf + n, sizeof(buf) - n, "%lx-%lx%s ",
			      v->vm_start, v->vm_end,
			      v->vm_flags & VM_DONTCOPY ? " dontcopy" : "");
	return buf;
}

#define CHECK_MAPS(mm, want)                                                \
	do {                                                                \
		const char *__got = maps(mm);                               \
		if (strcmp(__got, want) != 0) {                             \
			host_fail(__FILE__, __LINE__,                       \
				  "maps: got '%s', want '%s'", __got, want); \
			return;                                             \
		}                                                           \
	} while (0)

static const char *validate(struct mm_struct *mm)
{
	const char *bad;

	down_read(&mm->mmap_lock);
	bad = mm_validate(mm);
	up_read(&mm->mmap_lock);
	return bad;
}

/* Everything the invariants say about @mm, after an operation. */
#define CHECK_MM(mm)                                                        \
	do {                                                                \
		struct mm_struct *__mms[] = { mm };                         \
		CHECK_OK(validate(mm));                                     \
		CHECK_OK(mm_check(__mms, 1));                               \
		CHECK_OK(tlb_check());                                      \
		CHECK_OK(buddy_check());                                    \
	} while (0)

static unsigned long map_fixed(struct mm_struct *mm, unsigned long addr,
			       unsigned long pages)
{
	return do_mmap(mm, addr, pages * PG, RW, ANON | MAP_FIXED, -1, 0);
}

/* Write a distinct word into each of @pages pages from @addr. */
static void fill(struct mm_struct *mm, unsigned long addr,
		 unsigned long pages, unsigned long seed)
{
	for (unsigned long i = 0; i < pages; i++)
		poke(mm, addr + i * PG, seed + i);
}

static bool holds(struct mm_struct *mm, unsigned long addr,
		  unsigned long pages, unsigned long seed)
{
	for (unsigned long i = 0; i < pages; i++)
		if (peek(mm, addr + i * PG) != (seed ? seed + i : 0))
			return false;
	return true;
}

#define REMAP(mm, a, o, n, f, na) \
	((long)do_mremap(mm, a, (o) * PG, (n) * PG, f, na))

/* ---- mremap ------------------------------------------------------- */

static void mremap_errors_are_linux_errnos(void)
{
	struct mm_struct *mm = mm_new();

	CHECK_EQ(map_fixed(mm, BASE, 8), BASE);
	CHECK_EQ(do_mprotect(mm, BASE + 4 * PG, 4 * PG, PROT_READ), 0);
	CHECK_EQ(REMAP(mm, BASE, 1, 2, 8, 0), -EINVAL);
	CHECK_EQ(REMAP(mm, BASE, 1, 2, MREMAP_FIXED, BASE + 16 * PG), -EINVAL);
	CHECK_EQ(REMAP(mm, BASE, 1, 1, MREMAP_DONTUNMAP, 0), -EINVAL);
	CHECK_EQ(REMAP(mm, BASE, 1, 2, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, 0),
		 -EINVAL);
	CHECK_EQ(REMAP(mm, BASE + 1, 1, 2, MREMAP_MAYMOVE, 0), -EINVAL);
	CHECK_EQ(REMAP(mm, BASE, 1, 0, MREMAP_MAYMOVE, 0), -EINVAL);
	CHECK_EQ((long)do_mremap(mm, BASE, PG, ~0UL, MREMAP_MAYMOVE, 0),
		 -EINVAL);
	CHECK_EQ(REMAP(mm, BASE, 0, 1, MREMAP_MAYMOVE, 0), -EINVAL);
	CHECK_EQ(REMAP(mm, BASE, 2, 2, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE + PG), -EINVAL);		/* overlap */
	CHECK_EQ(REMAP(mm, BASE + PG, 2, 2, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE), -EINVAL);		/* overlap, below */
	CHECK_EQ(REMAP(mm, BASE, 1, 1, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE + 16 * PG + 1), -EINVAL);
	CHECK_EQ(REMAP(mm, BASE, 1, 1, MREMAP_MAYMOVE | MREMAP_FIXED,
		       mm->task_size), -EINVAL);
	CHECK_EQ(REMAP(mm, BASE, 1, 1, MREMAP_MAYMOVE | MREMAP_FIXED, PG),
		 -EPERM);			/* below mmap_min_addr */
	CHECK_EQ(REMAP(mm, BASE + 16 * PG, 1, 2, MREMAP_MAYMOVE, 0), -EFAULT);
	CHECK_EQ(REMAP(mm, BASE + 16 * PG, 1, 1, 0, 0), -EFAULT);
	/* The old range spans two VMAs. */
	CHECK_EQ(REMAP(mm, BASE, 6, 7, MREMAP_MAYMOVE, 0), -EFAULT);
	CHECK_EQ((long)do_mremap(mm, BASE, 1UL << 50, PG, 0, 0), -EFAULT);
	CHECK_EQ((long)do_mremap(mm, BASE, ~0UL, PG, 0, 0), -EFAULT);
	CHECK_EQ(REMAP(mm, BASE, 4, 5, 0, 0), -ENOMEM);	/* no room */
	CHECK_MAPS(mm, "10000000-10004000 10004000-10008000 ");
	CHECK_MM(mm);
	mmput(mm);
}

static void shrink_and_grow_in_place(void)
{
	unsigned long before = free_pages_now();
	struct mm_struct *mm = mm_new();

	CHECK_EQ(map_fixed(mm, BASE, 8), BASE);
	fill(mm, BASE, 8, 100);
	CHECK_EQ(REMAP(mm, BASE, 8, 3, 0, 0), BASE);
	CHECK_MAPS(mm, "10000000-10003000 ");
	CHECK(holds(mm, BASE, 3, 100));
	CHECK_EQ(atomic_long_read(&mm->rss_anon), 3);
	CHECK_EQ(mm->total_vm, 3);
	CHECK_MM(mm);
	/* Same size: nothing happens, even across the end of the VMA. */
	CHECK_EQ(REMAP(mm, BASE, 3, 3, 0, 0), BASE);
	CHECK_EQ(REMAP(mm, BASE, 5, 5, 0, 0), BASE);
	/*
	 * Grow in place up to a VMA with pages of its own: a different
	 * anon_vma, so the two stay apart (Linux too).
	 */
	CHECK_EQ(map_fixed(mm, BASE + 6 * PG, 2), BASE + 6 * PG);
	fill(mm, BASE + 6 * PG, 2, 200);
	CHECK_EQ(REMAP(mm, BASE, 3, 6, 0, 0), BASE);
	CHECK_MAPS(mm, "10000000-10006000 10006000-10008000 ");
	CHECK(holds(mm, BASE, 3, 100) && holds(mm, BASE + 3 * PG, 3, 0) &&
	      holds(mm, BASE + 6 * PG, 2, 200));
	CHECK_EQ(mm->total_vm, 8);
	/* A shrink across a hole unmaps whatever is there, like munmap. */
	CHECK_EQ(do_munmap(mm, BASE + 4 * PG, PG), 0);
	CHECK_EQ(REMAP(mm, BASE, 8, 2, 0, 0), BASE);
	CHECK_MAPS(mm, "10000000-10002000 ");
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

/*
 * The big move: a populated range across a PTE-table boundary, moved to
 * an address with another offset inside its table, so the steps of
 * move_page_tables end alternately at the old and the new boundaries.
 * The very same pages must appear at the new address.
 */
static void move_keeps_the_pages(void)
{
	unsigned long before = free_pages_now(), old = BASE + 300 * PG, new;
	enum { N = 600 };
	static struct page *pages[N];
	struct mm_struct *mm = mm_new();
	unsigned long rss, flushes;

	CHECK_EQ(map_fixed(mm, old, N), old);
	CHECK_EQ(map_fixed(mm, old + N * PG, 1), old + N * PG); /* a wall */
	CHECK_EQ(do_mprotect(mm, old + N * PG, PG, PROT_READ), 0);
	for (unsigned long i = 0; i < N; i++) {
		if (i % 3 == 0)
			poke(mm, old + i * PG, 1000 + i);
		else if (i % 3 == 1)
			fault(mm, old + i * PG, false); /* zero page */
		pages[i] = page_at(mm, old + i * PG);
	}
	rss = atomic_long_read(&mm->rss_anon);
	CHECK_MM(mm);
	flushes = nr_range_flushes;

	new = do_mremap(mm, old, N * PG, (N + 100) * PG, MREMAP_MAYMOVE, 0);
	CHECK(PAGE_ALIGNED(new) && new != old);
	CHECK((new & (PMD_SPAN - 1)) != (old & (PMD_SPAN - 1)));
	for (unsigned long i = 0; i < N; i++) {
		CHECK(page_at(mm, new + i * PG) == pages[i]);
		CHECK_EQ(peek(mm, new + i * PG), i % 3 == 0 ? 1000 + i : 0);
		CHECK(!page_at(mm, old + i * PG));
	}
	CHECK(!page_at(mm, new + N * PG));
	CHECK_EQ(atomic_long_read(&mm->rss_anon), rss);
	CHECK(nr_range_flushes > flushes);
	CHECK_EQ(mm->total_vm, N + 100 + 1);
	down_read(&mm->mmap_lock);
	CHECK(!find_vma_intersection(mm, old, old + N * PG));
	up_read(&mm->mmap_lock);
	CHECK_MM(mm);
	/* The moved range behaves like any other: faults, COW, unmap. */
	poke(mm, new + 1 * PG, 7);
	CHECK_EQ(peek(mm, new + 1 * PG), 7);
	CHECK_EQ(do_munmap(mm, new, (N + 100) * PG), 0);
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

/* Both ends in one PTE table: one lock, taken once (or it deadlocks). */
static void move_within_one_page_table(void)
{
	unsigned long before = free_pages_now();
	struct mm_struct *mm = mm_new();

	CHECK_EQ(map_fixed(mm, BASE, 4), BASE);
	fill(mm, BASE, 4, 300);
	CHECK_EQ(REMAP(mm, BASE, 4, 4, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE + 100 * PG), BASE + 100 * PG);
	CHECK(holds(mm, BASE + 100 * PG, 4, 300));
	CHECK_MAPS(mm, "10064000-10068000 ");
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

/* MREMAP_FIXED replaces what was at the target, and its pages go. */
static void fixed_replaces_the_target(void)
{
	unsigned long before = free_pages_now(), free_mid;
	struct mm_struct *mm = mm_new();
	unsigned long t = BASE + 4 * PMD_SPAN;

	CHECK_EQ(map_fixed(mm, BASE, 4), BASE);
	CHECK_EQ(map_fixed(mm, t, 8), t);
	fill(mm, BASE, 4, 400);
	fill(mm, t, 8, 500);
	free_mid = nr_free_pages();
	CHECK_EQ(REMAP(mm, BASE + PG, 2, 3, MREMAP_MAYMOVE | MREMAP_FIXED,
		       t + 2 * PG), t + 2 * PG);
	/* The target's 3 pages were freed; the moved ones were not. */
	CHECK(nr_free_pages() >= free_mid + 3);
	CHECK(holds(mm, t, 2, 500) && holds(mm, t + 2 * PG, 2, 401) &&
	      holds(mm, t + 4 * PG, 1, 0) && holds(mm, t + 5 * PG, 3, 505));
	CHECK(holds(mm, BASE, 1, 400) && holds(mm, BASE + 3 * PG, 1, 403));
	/* The moved pages keep their anon_vma: no merge with the target's. */
	CHECK_MAPS(mm, "10000000-10001000 10003000-10004000 "
		       "10800000-10802000 10802000-10805000 10805000-10808000 ");
	CHECK_EQ(atomic_long_read(&mm->rss_anon), 2 + 2 + 5);
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

/*
 * The new range may merge with the old VMA itself: a move right past
 * its end grows it (vma_merge case 2), and a move of a whole VMA into
 * the gap below it, next to a compatible one, absorbs the source VMA
 * into its neighbour (case 1): copy_vma must then follow the VMA that
 * holds the old range (ASan catches a use of the freed one). VMAs that
 * never had a page merge like fresh mappings, as in Linux: no anon_vma
 * ties them to their old page numbers.
 */
static void move_merges_with_its_own_vma(void)
{
	unsigned long before = free_pages_now();
	struct mm_struct *mm = mm_new();

	CHECK_EQ(map_fixed(mm, BASE, 4), BASE);
	CHECK_EQ(REMAP(mm, BASE, 2, 2, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE + 4 * PG), BASE + 4 * PG);
	CHECK_MAPS(mm, "10002000-10006000 ");
	CHECK(holds(mm, BASE + 2 * PG, 4, 0));
	CHECK_MM(mm);

	/* [10, 12) moves down to [8, 10): it grows down (case 3). */
	CHECK_EQ(map_fixed(mm, BASE + 10 * PG, 2), BASE + 10 * PG);
	CHECK_EQ(REMAP(mm, BASE + 10 * PG, 2, 2, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE + 8 * PG), BASE + 8 * PG);
	CHECK_MAPS(mm, "10002000-10006000 10008000-1000a000 ");
	/* Then to [6, 8): [2, 6) swallows it whole (case 1). */
	CHECK_EQ(REMAP(mm, BASE + 8 * PG, 2, 2, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE + 6 * PG), BASE + 6 * PG);
	CHECK_MAPS(mm, "10002000-10008000 ");
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

/*
 * Pages remember where they were (page->index in the VMA's numbering),
 * so a moved piece of a faulted VMA merges again only when it goes back
 * where it came from; then the whole is one VMA with every page in place.
 */
static void moved_pages_merge_back_only_in_place(void)
{
	unsigned long before = free_pages_now();
	struct mm_struct *mm = mm_new();
	unsigned long far = BASE + 4 * PMD_SPAN;

	CHECK_EQ(map_fixed(mm, BASE, 6), BASE);
	fill(mm, BASE, 6, 900);
	CHECK_EQ(REMAP(mm, BASE + 2 * PG, 2, 2, MREMAP_MAYMOVE | MREMAP_FIXED,
		       far), far);
	CHECK_MAPS(mm, "10000000-10002000 10004000-10006000 "
		       "10800000-10802000 ");
	/* Next to the rest but out of place: apart. */
	CHECK_EQ(REMAP(mm, far, 2, 2, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE + 6 * PG), BASE + 6 * PG);
	CHECK_MAPS(mm, "10000000-10002000 10004000-10006000 "
		       "10006000-10008000 ");
	/* Back in place: one VMA again (case 1). */
	CHECK_EQ(REMAP(mm, BASE + 6 * PG, 2, 2, MREMAP_MAYMOVE | MREMAP_FIXED,
		       BASE + 2 * PG), BASE + 2 * PG);
	CHECK_MAPS(mm, "10000000-10006000 ");
	CHECK(holds(mm, BASE, 6, 900));
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

static void dontunmap_leaves_an_empty_range(void)
{
	unsigned long before = free_pages_now(), new;
	struct mm_struct *mm = mm_new();

	CHECK_EQ(map_fixed(mm, BASE, 4), BASE);
	fill(mm, BASE, 4, 800);
	new = do_mremap(mm, BASE, 2 * PG, 2 * PG,
			MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	CHECK(PAGE_ALIGNED(new) && new != BASE);
	CHECK(holds(mm, new, 2, 800));
	CHECK(!page_at(mm, BASE) && !page_at(mm, BASE + PG));
	CHECK(holds(mm, BASE + 2 * PG, 2, 802));
	CHECK_EQ(atomic_long_read(&mm->rss_anon), 4);
	CHECK_EQ(mm->total_vm, 6);
	CHECK_EQ(fault(mm, BASE, true), 0);	/* still mapped: new page */
	CHECK_EQ(peek(mm, BASE), 0);
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

/*
 * No memory for a destination page table half way: what moved goes back
 * (without allocating), the new range is unmapped, ENOMEM. The target
 * straddles two PTE tables; the first exists (another mapping uses it),
 * the second cannot be allocated.
 */
static void failed_move_puts_everything_back(void)
{
	unsigned long before = free_pages_now(), t = BASE + 8 * PMD_SPAN;
	unsigned long flushes;
	struct mm_struct *mm = mm_new();
	LIST_HEAD(hoard);
	struct page *page;
	long ret;

	CHECK_EQ(map_fixed(mm, BASE, 4), BASE);
	fill(mm, BASE, 4, 900);
	CHECK_EQ(map_fixed(mm, t - 8 * PG, 1), t - 8 * PG);
	fault(mm, t - 8 * PG, true);	/* the first table now exists */
	CHECK_MM(mm);
	while ((page = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		list_add(&page->lru, &hoard);
	flushes = nr_range_flushes;
	ret = REMAP(mm, BASE, 4, 4, MREMAP_MAYMOVE | MREMAP_FIXED,
		    t - 2 * PG);
	while (!list_empty(&hoard)) {
		page = list_first_entry(&hoard, struct page, lru);
		list_del(&page->lru);
		__free_page(page);
	}
	CHECK_EQ(ret, -ENOMEM);
	CHECK_EQ(nr_range_flushes, flushes + 2);	/* there, and back */
	CHECK(holds(mm, BASE, 4, 900));
	CHECK_MAPS(mm, "10000000-10004000 10ff8000-10ff9000 ");
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

/* ---- madvise, msync, mincore --------------------------------------- */

static void dontneed_zaps_through_the_gather(void)
{
	unsigned long before = free_pages_now(), free_mid;
	struct mm_struct *mm = mm_new();

	CHECK_EQ(map_fixed(mm, BASE, 8), BASE);
	fill(mm, BASE, 8, 1000);
	free_mid = nr_free_pages();
	CHECK_EQ(do_madvise(mm, BASE + 2 * PG, 4 * PG, MADV_DONTNEED), 0);
	CHECK_EQ(nr_free_pages(), free_mid + 4);	/* the pages are back */
	CHECK_EQ(atomic_long_read(&mm->rss_anon), 4);
	CHECK(holds(mm, BASE, 2, 1000) && holds(mm, BASE + 2 * PG, 4, 0) &&
	      holds(mm, BASE + 6 * PG, 2, 1006));
	CHECK_MAPS(mm, "10000000-10008000 ");	/* the VMA stays */
	CHECK_MM(mm);
	CHECK_EQ(fault(mm, BASE + 3 * PG, true), 0);
	CHECK_EQ(peek(mm, BASE + 3 * PG), 0);	/* a fresh zeroed page */
	/* MADV_FREE does the same here. */
	CHECK_EQ(do_madvise(mm, BASE, 2 * PG, MADV_FREE), 0);
	CHECK(holds(mm, BASE, 2, 0));
	/* The hints are accepted and change nothing. */
	CHECK_EQ(do_madvise(mm, BASE, 8 * PG, MADV_NORMAL), 0);
	CHECK_EQ(do_madvise(mm, BASE, 8 * PG, MADV_RANDOM), 0);
	CHECK_EQ(do_madvise(mm, BASE, 8 * PG, MADV_SEQUENTIAL), 0);
	CHECK_EQ(do_madvise(mm, BASE, 8 * PG, MADV_WILLNEED), 0);
	CHECK(holds(mm, BASE + 6 * PG, 2, 1006));
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

static void madvise_errors_and_holes(void)
{
	struct mm_struct *mm = mm_new();

	CHECK_EQ(map_fixed(mm, BASE, 3), BASE);
	CHECK_EQ(do_mmap(mm, BASE + 8 * PG, PG, RW, MAP_SHARED | MAP_ANONYMOUS |
			 MAP_FIXED, -1, 0), BASE + 8 * PG);
	fill(mm, BASE, 3, 1100);
	poke(mm, BASE + 8 * PG, 1200);
	CHECK_EQ(do_madvise(mm, BASE, PG, 12345), -EINVAL);
	CHECK_EQ(do_madvise(mm, BASE, PG, 9), -EINVAL);	/* MADV_REMOVE */
	CHECK_EQ(do_madvise(mm, BASE + 1, PG, MADV_DONTNEED), -EINVAL);
	CHECK_EQ(do_madvise(mm, BASE, (size_t)-1, MADV_DONTNEED), -EINVAL);
	CHECK_EQ(do_madvise(mm, BASE, 0, MADV_DONTNEED), 0);
	CHECK_EQ(do_madvise(mm, BASE + 100 * PG, PG, MADV_DONTNEED), -ENOMEM);
	/* A hole: ENOMEM, and the mapped parts on both sides are done. */
	CHECK_EQ(do_munmap(mm, BASE + PG, PG), 0);
	CHECK_EQ(do_madvise(mm, BASE, 3 * PG, MADV_DONTNEED), -ENOMEM);
	CHECK(holds(mm, BASE, 1, 0) && holds(mm, BASE + 2 * PG, 1, 0));
	/* Shared anonymous memory keeps its data (no shmem to refault). */
	CHECK_EQ(do_madvise(mm, BASE + 8 * PG, PG, MADV_DONTNEED), 0);
	CHECK(holds(mm, BASE + 8 * PG, 1, 1200));
	CHECK_EQ(do_madvise(mm, BASE + 8 * PG, PG, MADV_FREE), -EINVAL);
	CHECK_MM(mm);
	mmput(mm);
}

static void dontfork_splits_and_fork_skips_it(void)
{
	unsigned long before = free_pages_now();
	struct mm_struct *mm = mm_new(), *child;

	CHECK_EQ(map_fixed(mm, BASE, 6), BASE);
	fill(mm, BASE, 6, 1300);
	CHECK_EQ(do_madvise(mm, BASE + 2 * PG, 2 * PG, MADV_DONTFORK), 0);
	CHECK_MAPS(mm, "10000000-10002000 10002000-10004000 dontcopy "
		       "10004000-10006000 ");
	child = dup_mm(mm);
	CHECK(child != NULL);
	CHECK_MAPS(child, "10000000-10002000 10004000-10006000 ");
	CHECK_EQ(peek(child, BASE + 5 * PG), 1305);
	{
		struct mm_struct *both[] = { mm, child };

		CHECK_OK(mm_check(both, 2));
	}
	mmput(child);
	CHECK_EQ(do_madvise(mm, BASE, 6 * PG, MADV_DOFORK), 0);
	CHECK_MAPS(mm, "10000000-10006000 ");	/* merged again */
	CHECK_MM(mm);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
}

static void msync_checks_its_arguments(void)
{
	struct mm_struct *mm = mm_new();

	CHECK_EQ(map_fixed(mm, BASE, 2), BASE);
	CHECK_EQ(map_fixed(mm, BASE + 3 * PG, 1), BASE + 3 * PG);
	CHECK_EQ(do_msync(mm, BASE, 2 * PG, MS_SYNC), 0);
	CHECK_EQ(do_msync(mm, BASE, 2 * PG, MS_ASYNC | MS_INVALIDATE), 0);
	CHECK_EQ(do_msync(mm, BASE, 2 * PG, 0), 0);
	CHECK_EQ(do_msync(mm, BASE, 0, MS_SYNC), 0);
	CHECK_EQ(do_msync(mm, BASE, PG, 8), -EINVAL);
	CHECK_EQ(do_msync(mm, BASE, PG, MS_SYNC | MS_ASYNC), -EINVAL);
	CHECK_EQ(do_msync(mm, BASE + 1, PG, MS_SYNC), -EINVAL);
	CHECK_EQ(do_msync(mm, BASE, 4 * PG, MS_SYNC), -ENOMEM); /* hole */
	CHECK_EQ(do_msync(mm, BASE, 4 * PG, MS_ASYNC), -ENOMEM);
	CHECK_EQ(do_msync(mm, BASE + 8 * PG, PG, MS_SYNC), -ENOMEM);
	CHECK_EQ(do_msync(mm, BASE, (size_t)0 - BASE, MS_SYNC), -ENOMEM);
	CHECK_EQ(do_msync(mm, BASE, (size_t)-1, MS_SYNC), 0); /* rounds to 0 */
	mmput(mm);
}

static void mincore_reports_residency(void)
{
	struct mm_struct *mm = mm_new();
	unsigned char vec[600];
	unsigned long a = BASE + PMD_SPAN - 4 * PG;	/* across a table */

	CHECK_EQ(map_fixed(mm, a, 520), a);
	poke(mm, a, 1);
	fault(mm, a + 2 * PG, false);			/* the zero page */
	poke(mm, a + 500 * PG, 2);
	memset(vec, 9, sizeof(vec));
	down_read(&mm->mmap_lock);
	CHECK_EQ(do_mincore(mm, a, 520, vec), 520);
	up_read(&mm->mmap_lock);
	for (int i = 0; i < 520; i++)
		CHECK_EQ(vec[i], i == 0 || i == 2 || i == 500);
	CHECK_EQ(vec[520], 9);
	/* Stops at the end of the VMA, or after @pages. */
	down_read(&mm->mmap_lock);
	CHECK_EQ(do_mincore(mm, a + 510 * PG, 100, vec), 10);
	CHECK_EQ(do_mincore(mm, a, 3, vec), 3);
	CHECK_EQ(do_mincore(mm, a + 520 * PG, 1, vec), -ENOMEM);
	CHECK_EQ(do_mincore(mm, a - PG, 1, vec), -ENOMEM);
	up_read(&mm->mmap_lock);
	CHECK_EQ(do_madvise(mm, a, PG, MADV_DONTNEED), 0);
	down_read(&mm->mmap_lock);
	CHECK_EQ(do_mincore(mm, a, 1, vec), 1);
	up_read(&mm->mmap_lock);
	CHECK_EQ(vec[0], 0);
	mmput(mm);
}

/* ---- a random run against a model -------------------------------------- */

/*
 * The model: which pages of a window are mapped, and the word each
 * holds (0: untouched or zeroed). Moves with MREMAP_MAYMOVE may leave
 * the window: the model follows them into a second list of pages.
 */
#define WIN 96
#define MAX_MODEL 1024
static struct mpage {
	unsigned long addr, val;
} model[MAX_MODEL];
static int nr_model;

static struct mpage *model_find(unsigned long addr)
{
	for (int i = 0; i < nr_model; i++)
		if (model[i].addr == addr)
			return &model[i];
	return NULL;
}

static void model_unmap(unsigned long addr, unsigned long pages)
{
	for (unsigned long i = 0; i < pages; i++) {
		struct mpage *m = model_find(addr + i * PG);

		if (m)
			*m = model[--nr_model];
	}
}

static void model_map(unsigned long addr, unsigned long pages,
		      const unsigned long *vals)
{
	model_unmap(addr, pages);
	for (unsigned long i = 0; i < pages && nr_model < MAX_MODEL; i++)
		model[nr_model++] = (struct mpage){ addr + i * PG,
						    vals ? vals[i] : 0 };
}

/* Every mapped page is in the model, with its word, and nothing else. */
static const char *model_check(struct mm_struct *mm)
{
	static char msg[128];
	unsigned long pages = 0;

	for (int i = 0; i < nr_model; i++) {
		unsigned long v = peek(mm, model[i].addr);
		bool in_vma;

		down_read(&mm->mmap_lock);
		in_vma = find_vma_intersection(mm, model[i].addr,
					       model[i].addr + PG) != NULL;
		up_read(&mm->mmap_lock);
		if (!in_vma || v != model[i].val) {
			snprintf(msg, sizeof(msg), "page %lx: %s, %lu not %lu",
				 model[i].addr, in_vma ? "mapped" : "unmapped",
				 v, model[i].val);
			return msg;
		}
	}
	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
		pages += vma_pages(v);
	if (pages != (unsigned long)nr_model)
		return "more pages mapped than the model has";
	if (pages != mm->total_vm)
		return "total_vm is off";
	return NULL;
}

/* What the random run did, printed so a weak seed shows. */
static struct {
	unsigned long shrunk, grown, moved, fixed, dontunmap, failed;
} rstats;

static unsigned long rand_page(void)
{
	return BASE + host_rand_below(WIN) * PG;
}

/* A page the model has, or a random one of the window. */
static unsigned long some_page(void)
{
	if (nr_model && host_rand_below(4))
		return model[host_rand_below(nr_model)].addr;
	return rand_page();
}

/*
 * Fork children of the random run's mm, kept for a while: they share its
 * pages copy-on-write through one anon_vma tree, which every mremap,
 * mprotect, munmap and COW fault of the parent then has to keep right
 * (mm_check walks the reverse map from every page of all of them).
 */
static struct mm_struct *kids[2];
static int nr_kids;

static void fork_or_reap(struct mm_struct *mm)
{
	if (nr_kids < 2 && host_rand_below(2)) {
		kids[nr_kids] = dup_mm(mm);
		if (kids[nr_kids])
			nr_kids++;
		return;
	}
	if (nr_kids) {
		int k = (int)host_rand_below(nr_kids);

		mmput(kids[k]);
		kids[k] = kids[--nr_kids];
	}
}

static void random_step(struct mm_struct *mm, unsigned long *counter)
{
	static unsigned long vals[64];
	unsigned long addr = some_page(), old = 1 + host_rand_below(8);
	unsigned long new = 1 + host_rand_below(10), target = 0, flags = 0;
	unsigned long r, keep;
	struct mpage *m;
	unsigned int op = host_rand_below(9);

	/* Keep the model small: unmap more when it has grown. */
	if (nr_model > 300 && op > 1)
		op = 1;
	switch (op) {
	case 0:
		addr = rand_page();
		if (map_fixed(mm, addr, old) == addr)
			model_map(addr, old, NULL);
		return;
	case 1:
		if (!do_munmap(mm, addr, old * PG))
			model_unmap(addr, old);
		return;
	case 2:
		m = model_find(addr);
		if (m) {
			poke(mm, addr, ++*counter);
			m->val = *counter;
		}
		return;
	case 3:
		fault(mm, addr, false);
		return;
	case 4:
		if (do_madvise(mm, addr, old * PG, MADV_DONTNEED) != -EINVAL)
			for (unsigned long i = 0; i < old; i++)
				if ((m = model_find(addr + i * PG)))
					m->val = 0;
		return;
	case 5:	/* split and merge VMAs that hold pages; data unchanged */
		do_mprotect(mm, addr, old * PG,
			    host_rand_below(2) ? RW : RW | PROT_EXEC);
		return;
	case 6:
		fork_or_reap(mm);
		return;
	}
	switch (host_rand_below(5)) {
	case 0:
		break;
	case 1:
	case 2:
		flags = MREMAP_MAYMOVE;
		break;
	case 3:
		flags = MREMAP_MAYMOVE | MREMAP_FIXED;
		target = rand_page();
		break;
	case 4:
		flags = MREMAP_MAYMOVE | MREMAP_DONTUNMAP;
		new = old;
		break;
	}
	keep = min(old, new);
	for (unsigned long i = 0; i < old; i++) {
		m = model_find(addr + i * PG);
		vals[i] = m ? m->val : 0;
	}
	r = do_mremap(mm, addr, old * PG, new * PG, flags, target);
	if (IS_ERR_VALUE(r)) {
		rstats.failed++;
		/* Past the first checks, a fixed target is gone (Linux too). */
		if ((long)r == -EFAULT && (flags & MREMAP_FIXED) &&
		    model_find(addr) &&
		    (target >= addr + old * PG || target + new * PG <= addr)) {
			model_unmap(target, new);
			if (old > new)
				model_unmap(addr + new * PG, old - new);
		}
		return;
	}
	if (r == addr && !(flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))) {
		if (new < old)
			rstats.shrunk++;
		else if (new > old)
			rstats.grown++;
		if (new < old)
			model_unmap(addr + new * PG, old - new);
		else
			model_map(addr + old * PG, new - old, NULL);
		return;
	}
	/* Moved: the target first, then the old tail, then the pages. */
	if (flags & MREMAP_FIXED)
		rstats.fixed++;
	else if (flags & MREMAP_DONTUNMAP)
		rstats.dontunmap++;
	else
		rstats.moved++;
	model_unmap(r, new);
	if (old > new)
		model_unmap(addr + new * PG, old - new);
	model_unmap(addr, keep);
	if (flags & MREMAP_DONTUNMAP)
		model_map(addr, keep, NULL);
	model_map(r, keep, vals);
	if (new > keep)
		model_map(r + keep * PG, new - keep, NULL);
}

static void random_mremap_against_a_model(void)
{
	unsigned long before = free_pages_now(), counter = 0;
	unsigned long steps = host_steps(5000);
	struct mm_struct *mm = mm_new();

	long anon_vmas = nr_anon_vmas();

	nr_model = 0;
	for (unsigned long s = 0; s < steps; s++) {
		random_step(mm, &counter);
		CHECK_OK(model_check(mm));
		if (s % 16 == 0 || s + 1 == steps) {
			struct mm_struct *all[] = { mm, kids[0], kids[1] };

			/* CHECK_MM, with the children's PTEs counted too. */
			CHECK_OK(validate(mm));
			CHECK_OK(mm_check(all, 1 + nr_kids));
			CHECK_OK(tlb_check());
			CHECK_OK(buddy_check());
		} else {
			CHECK_OK(tlb_check());
		}
	}
	while (nr_kids)
		mmput(kids[--nr_kids]);
	printf("# random: %lu steps; mremap shrank %lu, grew in place %lu, "
	       "moved %lu, fixed %lu, dontunmap %lu, failed %lu\n", steps,
	       rstats.shrunk, rstats.grown, rstats.moved, rstats.fixed,
	       rstats.dontunmap, rstats.failed);
	mmput(mm);
	CHECK_EQ(free_pages_now(), before);
	CHECK_EQ(nr_anon_vmas(), anon_vmas);
}

/*
 * mm_take_all_locks takes each anon_vma root once, however many VMAs and
 * anon_vmas lead to it: after an mprotect split and a fork, the child's
 * VMAs reach the parent's two trees six ways. The host mutex BUG()s on a
 * second lock of one mutex, so taking a root twice fails here.
 */
static void take_all_locks_takes_each_root_once(void)
{
	static struct task_struct task;	/* current: no signal pending */
	struct mm_struct *mm = mm_new(), *child;
	struct anon_vma *a, *b;

	host_current_task = &task;
	CHECK_EQ(map_fixed(mm, BASE, 4), BASE);
	CHECK_EQ(map_fixed(mm, BASE + 8 * PG, 2), BASE + 8 * PG);
	fill(mm, BASE, 4, 1);
	fill(mm, BASE + 8 * PG, 2, 1);
	CHECK_EQ(do_mprotect(mm, BASE + PG, PG, PROT_READ), 0);
	child = dup_mm(mm);
	CHECK(child != NULL);
	a = mm->mmap->anon_vma;
	b = mm->mmap->vm_next->vm_next->vm_next->anon_vma;
	CHECK(a && b && a != b && a->root == a && b->root == b);
	down_write(&child->mmap_lock);
	CHECK_EQ(mm_take_all_locks(child), 0);
	CHECK(mutex_is_locked(&a->mutex) && mutex_is_locked(&b->mutex));
	CHECK(a->all_locks_mark && b->all_locks_mark);
	mm_drop_all_locks(child);
	CHECK(!mutex_is_locked(&a->mutex) && !mutex_is_locked(&b->mutex));
	CHECK(!a->all_locks_mark && !b->all_locks_mark);
	up_write(&child->mmap_lock);
	mmput(child);
	mmput(mm);
	host_current_task = NULL;
}

/* Every case also fails if the code under test warned. */
static void no_warnings(void)
{
	CHECK_EQ(host_warnings, 0);
}

static const struct host_test tests[] = {
	HOST_TEST(mremap_errors_are_linux_errnos),
	HOST_TEST(shrink_and_grow_in_place),
	HOST_TEST(move_keeps_the_pages),
	HOST_TEST(move_within_one_page_table),
	HOST_TEST(fixed_replaces_the_target),
	HOST_TEST(move_merges_with_its_own_vma),
	HOST_TEST(moved_pages_merge_back_only_in_place),
	HOST_TEST(dontunmap_leaves_an_empty_range),
	HOST_TEST(failed_move_puts_everything_back),
	HOST_TEST(dontneed_zaps_through_the_gather),
	HOST_TEST(madvise_errors_and_holes),
	HOST_TEST(dontfork_splits_and_fork_skips_it),
	HOST_TEST(msync_checks_its_arguments),
	HOST_TEST(mincore_reports_residency),
	HOST_TEST(random_mremap_against_a_model),
	HOST_TEST(take_all_locks_takes_each_root_once),
	HOST_TEST(no_warnings),
};

int main(int argc, char **argv)
{
	host_seed_init(argc, argv);
	host_boot_mm(128 << 20);
	vma_cache_init();
	{	/* warm the slab caches the counted tests will use */
		struct mm_struct *mm = mm_new(), *copy;

		map_fixed(mm, BASE, 2);
		fill(mm, BASE, 2, 1);
		copy = dup_mm(mm);
		mmput(copy);
		do_mremap(mm, BASE, PG, 4 * PG, MREMAP_MAYMOVE, 0);
		mmput(mm);
	}
	return host_run_tests(tests, sizeof(tests) / sizeof(tests[0]));
}
