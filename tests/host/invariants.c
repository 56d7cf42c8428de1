// SPDX-License-Identifier: MIT
/*
 * tests/host/invariants.c: full consistency checks of the allocators'
 * internal state, run by the host tests after every step.
 *
 * buddy_check():
 *	- each free list holds only PG_buddy heads of its own order,
 *	  naturally aligned, inside mem_map, never reserved;
 *	- no two free blocks overlap, and the other pages of a free
 *	  block are clean (no flags, no references, not mapped);
 *	- no free block has a free buddy of the same order (they would
 *	  have been merged);
 *	- every PG_buddy page in mem_map is on a list; nr_free of each
 *	  order and nr_free_pages() match the lists.
 * slab_check(): each cache's three lists hold slabs of the right fill,
 *	their free lists are as long as inuse says and stay inside the
 *	slab, free objects keep their poison and red zones (debug), and
 *	the cache's counters match.
 * mm_check(): the page tables of one or more address spaces (a parent
 *	and its fork children) against the pages they map: every PTE lies
 *	inside a VMA of its mm, every page mapped is allocated (not on a
 *	free list) with exactly one reference and one map count per PTE
 *	mapping it, each mm's rss_anon counts its PTEs of ordinary pages,
 *	and its nr_ptes its PTE tables; and, in the tests that build the
 *	reverse map (mm/rmap.c), that an rmap walk from every anonymous
 *	page finds each of its PTEs exactly once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/slab.h>

#include "../../mm/internal.h"
#include "host.h"

/* Linked only into the tests that build mm/rmap.c. */
#pragma weak page_rmap_count

static char problem[256];
static unsigned char *free_map;	/* per pfn: 0 used, 1 free, 2 head */
static unsigned long free_map_size;

#define FAIL(...)                                                           \
	({                                                                  \
		snprintf(problem, sizeof(problem), __VA_ARGS__);            \
		problem;                                                    \
	})

bool buddy_pfn_is_free(unsigned long pfn)
{
	return pfn < free_map_size && free_map[pfn];
}

static const char *check_free_block(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page), buddy_pfn;

	if (!PageBuddy(page) || page->private != order)
		return FAIL("pfn %lx on order-%u list: flags %lx order %lu",
			    pfn, order, page->flags, page->private);
	if (pfn & ((1UL << order) - 1) || pfn + (1UL << order) > max_pfn)
		return FAIL("block %lx order %u misaligned or past max_pfn",
			    pfn, order);
	for (unsigned long i = 0; i < (1UL << order); i++) {
		struct page *p = page + i;

		if (free_map[pfn + i])
			return FAIL("pfn %lx in two free blocks", pfn + i);
		free_map[pfn + i] = i ? 1 : 2;
		if (p->_refcount || p->_mapcount != -1 ||
		    (i && p->flags) || PageReserved(p))
			return FAIL("pfn %lx in free block %lx: flags %lx "
				    "ref %d map %d", pfn + i, pfn, p->flags,
				    p->_refcount, p->_mapcount);
	}
	buddy_pfn = pfn ^ (1UL << order);
	if (order < MAX_ORDER && buddy_pfn < max_pfn &&
	    PageBuddy(pfn_to_page(buddy_pfn)) &&
	    pfn_to_page(buddy_pfn)->private == order)
		return FAIL("free buddies %lx and %lx (order %u) not merged",
			    pfn, buddy_pfn, order);
	return NULL;
}

const char *buddy_check(void)
{
	unsigned long total = 0;
	const char *err;

	if (free_map_size != max_pfn) {
		free(free_map);
		free_map = calloc(max_pfn, 1);
		free_map_size = max_pfn;
	}
	memset(free_map, 0, max_pfn);
	for (unsigned int order = 0; order <= MAX_ORDER; order++) {
		unsigned long n = 0;
		struct page *page;

		list_for_each_entry(page, &free_area[order].free_list, lru) {
			err = check_free_block(page, order);
			if (err)
				return err;
			if (++n > max_pfn)
				return FAIL("order-%u free list loops", order);
		}
		if (n != free_area[order].nr_free)
			return FAIL("order %u: %lu blocks listed, nr_free %lu",
				    order, n, free_area[order].nr_free);
		total += n << order;
	}
	if (total != nr_free_pages())
		return FAIL("lists hold %lu pages, nr_free_pages() %lu", total,
			    nr_free_pages());
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		if (PageBuddy(pfn_to_page(pfn)) && free_map[pfn] != 2)
			return FAIL("PG_buddy pfn %lx is on no free list", pfn);
	}
	return NULL;
}

/* Debug builds: a free object's red zones and poison are intact. */
static const char *check_free_object(struct kmem_cache *s, u8 *obj)
{
	unsigned int right = ALIGN(s->object_size, 8) + 8 - s->object_size;

	for (unsigned int i = 0; (s->flags & SLAB_RED_ZONE) && i < s->red_left;
	     i++) {
		if (obj[-1 - (int)i] != SLAB_RED_INACTIVE)
			return FAIL("%s: free object %p left red zone", s->name,
				    obj);
	}
	for (unsigned int i = 0; (s->flags & SLAB_RED_ZONE) && i < right; i++) {
		if (obj[s->object_size + i] != SLAB_RED_INACTIVE)
			return FAIL("%s: free object %p right red zone",
				    s->name, obj);
	}
	for (unsigned int i = 0; (s->flags & SLAB_POISON) && i < s->object_size;
	     i++) {
		u8 want = i + 1 == s->object_size ? POISON_END : POISON_FREE;

		if (obj[i] != want)
			return FAIL("%s: free object %p poison at %u", s->name,
				    obj, i);
	}
	return NULL;
}

static const char *check_slab(struct kmem_cache *s, struct page *page)
{
	u8 *base = page_address(page);
	unsigned int nfree = 0;
	const char *err;

	if (!PageSlab(page) || page->slab_cache != s ||
	    page->objects != s->objects || page->inuse > page->objects)
		return FAIL("%s: bad slab pfn %lx", s->name, page_to_pfn(page));
	for (u8 *fp = page->freelist; fp; nfree++) {
		unsigned long off = fp - base - s->red_left;

		if (fp < base + s->red_left || off % s->size ||
		    off / s->size >= s->objects || nfree >= s->objects)
			return FAIL("%s: bad free list in slab pfn %lx",
				    s->name, page_to_pfn(page));
		err = check_free_object(s, fp);
		if (err)
			return err;
		fp = *(u8 **)(fp + s->free_offset);
	}
	if (nfree != page->objects - page->inuse)
		return FAIL("%s: slab %lx has %u free, inuse %u of %u", s->name,
			    page_to_pfn(page), nfree, page->inuse,
			    page->objects);
	return NULL;
}

/* Check one of a cache's lists; @fill: 0 empty, 1 partial, 2 full. */
static const char *check_list(struct kmem_cache *s, struct list_head *list,
			      int fill, unsigned long *slabs,
			      unsigned long *inuse)
{
	struct page *page;
	const char *err;

	list_for_each_entry(page, list, lru) {
		int want = page->inuse == 0 ? 0 :
			   page->inuse == page->objects ? 2 : 1;

		if (want != fill)
			return FAIL("%s: slab with %u/%u in use on list %d",
				    s->name, page->inuse, page->objects, fill);
		err = check_slab(s, page);
		if (err)
			return err;
		(*slabs)++;
		*inuse += page->inuse;
	}
	return NULL;
}

const char *slab_check(void)
{
	struct kmem_cache *s;
	const char *err;

	list_for_each_entry(s, &slab_caches, list) {
		unsigned long slabs = 0, inuse = 0, empty = 0;

		err = check_list(s, &s->slabs_free, 0, &empty, &inuse);
		if (!err)
			err = check_list(s, &s->slabs_partial, 1, &slabs,
					 &inuse);
		if (!err)
			err = check_list(s, &s->slabs_full, 2, &slabs, &inuse);
		if (err)
			return err;
		if (empty != s->nr_free_slabs || slabs + empty != s->nr_slabs ||
		    inuse != s->nr_inuse)
			return FAIL("%s: counters slabs %lu free %lu inuse %lu "
				    "lists say %lu %lu %lu", s->name,
				    s->nr_slabs, s->nr_free_slabs, s->nr_inuse,
				    slabs + empty, empty, inuse);
	}
	return NULL;
}

/* ---- address spaces ------------------------------------------------ */

static unsigned int *map_counts;	/* per pfn: PTEs seen mapping it */

static bool addr_in_vma(struct mm_struct *mm, unsigned long addr)
{
	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
		if (v->vm_start <= addr && addr < v->vm_end)
			return true;
	return false;
}

/* What one mm's walk found. */
struct mm_walk_count {
	unsigned long tables;	/* PTE tables */
	unsigned long rss;	/* PTEs of ordinary pages (zero page aside) */
};

/* The PTEs of one table, the one mapping from @base. */
static const char *count_ptes(struct mm_struct *mm, pte_t *pte,
			      unsigned long base, struct mm_walk_count *c)
{
	for (unsigned long i = 0; i < PTRS_PER_PTE; i++) {
		unsigned long addr = base + (i << PAGE_SHIFT), pfn;

		if (pte_none(pte[i]))
			continue;
		if (!addr_in_vma(mm, addr))
			return FAIL("PTE for %lx outside every VMA", addr);
		pfn = pte_pfn(pte[i]);
		if (pfn == page_to_pfn(zero_page))
			continue;
		if (!pfn_valid(pfn))
			return FAIL("PTE for %lx: pfn %lx", addr, pfn);
		map_counts[pfn]++;
		c->rss++;
	}
	return NULL;
}

static const char *count_pmds(struct mm_struct *mm, pmd_t *pmd,
			      unsigned long base, struct mm_walk_count *c)
{
	const char *err;

	for (unsigned long i = 0; i < PTRS_PER_PMD; i++) {
		if (pmd_none(pmd[i]))
			continue;
		c->tables++;
		err = count_ptes(mm, pmd_pgtable(pmd[i]),
				 base + (i << PMD_SHIFT), c);
		if (err)
			return err;
	}
	return NULL;
}

/* Count one mm's PTEs into map_counts, checking what needs no total. */
static const char *count_mm(struct mm_struct *mm)
{
	struct mm_walk_count c = { 0, 0 };
	pgd_t *pgd = mm->pgd;
	const char *err;

	for (unsigned long i = 0; i < PTRS_PER_PGD; i++) {
		pud_t *pud;

		if (pgd_none(pgd[i]))
			continue;
		pud = pgd_pgtable(pgd[i]);
		for (unsigned long j = 0; j < PTRS_PER_PUD; j++) {
			if (pud_none(pud[j]))
				continue;
			err = count_pmds(mm, pud_pgtable(pud[j]),
					 (i << PGDIR_SHIFT) | (j << PUD_SHIFT),
					 &c);
			if (err)
				return err;
		}
	}
	if (c.tables != (unsigned long)atomic_long_read(&mm->nr_ptes))
		return FAIL("%lu PTE tables, nr_ptes %ld", c.tables,
			    atomic_long_read(&mm->nr_ptes));
	if (c.rss != (unsigned long)atomic_long_read(&mm->rss_anon))
		return FAIL("%lu pages mapped, rss_anon %ld", c.rss,
			    atomic_long_read(&mm->rss_anon));
	return NULL;
}

const char *mm_check(struct mm_struct **mms, int n)
{
	const char *err;

	free(map_counts);
	map_counts = calloc(max_pfn, sizeof(*map_counts));
	for (int i = 0; i < n; i++) {
		err = count_mm(mms[i]);
		if (err)
			return err;
	}
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);
		unsigned int n = map_counts[pfn];

		if (!n)
			continue;
		if (page_ref_count(page) == 0 || PageBuddy(page))
			return FAIL("pfn %lx mapped %u times but free", pfn, n);
		if (page_mapcount(page) != (int)n)
			return FAIL("pfn %lx mapped %u times, mapcount %d", pfn,
				    n, page_mapcount(page));
		if (page_ref_count(page) != (int)n)
			return FAIL("pfn %lx mapped %u times, refcount %d", pfn,
				    n, page_ref_count(page));
		if (page_rmap_count && PageAnon(page) &&
		    page_rmap_count(page) != (int)n)
			return FAIL("pfn %lx mapped %u times, rmap walk finds %d",
				    pfn, n, page_rmap_count(page));
	}
	return NULL;
}
