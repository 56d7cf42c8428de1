// SPDX-License-Identifier: MIT
/*
 * mm/vmalloc.c: the vmalloc area, virtually contiguous kernel memory.
 *
 * Interface in <anvil/vmalloc.h>. The buddy allocator hands out
 * physically contiguous blocks, which get hard to find as memory
 * fragments; vmalloc() instead takes single pages and lines them up in
 * a range of kernel virtual addresses set aside for it, [VMALLOC_START,
 * VMALLOC_END), which each arch defines in <asm/pgtable.h>.
 *
 * Address space: a list of struct vm_struct, sorted by address, under
 * vmap_area_lock (Linux's vmlist before 2.6.28 had the same shape).
 * An allocation is a first-fit walk of the list; each area is one page
 * longer than asked, and that last page is never mapped (the guard
 * page), so an overrun past the end faults. Since every area ends with
 * its guard, the page just below an area is never mapped either.
 *
 * Page tables: the kernel's own, found through pgd_offset_k(). The arch
 * populates the area's top-level entries at boot (x86_64: so that every
 * PGD, which copies the kernel half once, shares them); this file adds
 * PUD, PMD and PTE tables below them on demand and never frees them
 * (as Linux, which keeps vmalloc page tables for good), so nothing here
 * ever has to flush a cached upper-level entry. PTEs go in and out
 * through set_pte_kernel() and ptep_get_and_clear_kernel(), which on
 * ppc64 also insert and remove the bolted HPTE.
 *
 * Freeing (vfree, vunmap) in this order, so no CPU can reach a page or
 * a range after it has been given to someone else:
 *
 *	1. clear the PTEs
 *	2. flush_tlb_kernel_range(): every CPU drops the translations
 *	   (x86_64: an IPI to every online CPU, and we wait; ppc64: step 1's
 *	   tlbie was broadcast and synced already)
 *	3. free the pages (vfree), then take the area off the list, which
 *	   is what makes the range reusable
 *
 * Locking: vmap_area_lock, a spinlock, protects the list and the
 * populating of an empty PUD or PMD entry in the area. It is never held
 * across an allocation that may sleep, a PTE change or a flush: the
 * PTEs of an area belong to whoever owns the area, and only they touch
 * them. Everything here may sleep (GFP_KERNEL allocations, and the
 * flush waits for IPIs with interrupts on): process context only.
 */
#include <anvil/atomic.h>
#include <anvil/debug.h>
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/pgtable.h>
#include <anvil/slab.h>
#include <anvil/spinlock.h>
#include <anvil/string.h>
#include <anvil/vmalloc.h>
#include <asm/tlbflush.h>

static DEFINE_SPINLOCK(vmap_area_lock);
static LIST_HEAD(vmap_area_list);
static unsigned long nr_vm_areas;	/* vmap_area_lock */
static unsigned long nr_vm_pages;	/* vmap_area_lock */
static unsigned long nr_vm_flushes;	/* atomic */

/* ---- the address space -------------------------------------------- */

struct vm_struct *__get_vm_area(unsigned long size, unsigned long flags,
				unsigned long start, unsigned long end)
{
	struct vm_struct *area, *tmp;
	struct list_head *before = &vmap_area_list;
	unsigned long addr = ALIGN(start, PAGE_SIZE);

	might_sleep();
	size = ALIGN(size, PAGE_SIZE);
	if (!size || size > end - start)
		return NULL;
	size += PAGE_SIZE;		/* the guard page */
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;

	spin_lock(&vmap_area_lock);
	list_for_each_entry(tmp, &vmap_area_list, list) {
		unsigned long t_start = (unsigned long)tmp->addr;

		if (t_start + tmp->size <= addr)
			continue;	/* wholly below the window */
		if (t_start >= addr && t_start - addr >= size) {
			before = &tmp->list;	/* the hole before tmp fits */
			break;
		}
		addr = t_start + tmp->size;
	}
	if (addr >= end || end - addr < size) {
		spin_unlock(&vmap_area_lock);
		kfree(area);
		pr_warn("vmalloc: no room for %lu bytes\n", size - PAGE_SIZE);
		return NULL;
	}
	area->addr = (void *)addr;
	area->size = size;
	area->flags = flags;
	list_add_tail(&area->list, before);
	nr_vm_areas++;
	spin_unlock(&vmap_area_lock);
	return area;
}

struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	return __get_vm_area(size, flags, VMALLOC_START, VMALLOC_END);
}

struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *area, *found = NULL;

	spin_lock(&vmap_area_lock);
	list_for_each_entry(area, &vmap_area_list, list) {
		if (area->addr == addr) {
			found = area;
			break;
		}
		if (area->addr > addr)
			break;
	}
	spin_unlock(&vmap_area_lock);
	return found;
}

/* Give the range back; nothing may be mapped in it any more. */
void free_vm_area(struct vm_struct *area)
{
	spin_lock(&vmap_area_lock);
	list_del(&area->list);
	nr_vm_areas--;
	spin_unlock(&vmap_area_lock);
	kfree(area);
}

/* ---- the page tables --------------------------------------------- */

/*
 * A zeroed table for an empty entry, allocated unlocked (it may sleep);
 * the entry is filled under vmap_area_lock, and a table that lost the
 * race to another area's mapping in the same PUD/PMD is freed again.
 */
static int vmap_pud_alloc(pud_t *pud)
{
	void *table;

	if (!pud_none(READ_ONCE(*pud)))
		return 0;
	table = (void *)get_zeroed_page(GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	spin_lock(&vmap_area_lock);
	if (pud_none(*pud)) {
		pud_populate_kernel(pud, table);
		table = NULL;
	}
	spin_unlock(&vmap_area_lock);
	if (table)
		free_page((unsigned long)table);
	return 0;
}

static int vmap_pmd_alloc(pmd_t *pmd)
{
	void *table;

	if (!pmd_none(READ_ONCE(*pmd)))
		return 0;
	table = (void *)get_zeroed_page(GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	spin_lock(&vmap_area_lock);
	if (pmd_none(*pmd)) {
		pmd_populate_kernel(pmd, table);
		table = NULL;
	}
	spin_unlock(&vmap_area_lock);
	if (table)
		free_page((unsigned long)table);
	return 0;
}

/* The PUD entry of @addr: the arch made the top level at boot. */
static pud_t *vmap_pud(unsigned long addr)
{
	pgd_t *pgd = pgd_offset_k(addr);

	if (WARN_ON(!pgd_present(*pgd)))
		return NULL;
	return pud_offset(pgd, addr);
}

/* The PTE of @addr, making the tables on the way if @alloc. */
static pte_t *vmap_pte(unsigned long addr, bool alloc)
{
	pud_t *pud = vmap_pud(addr);
	pmd_t *pmd;

	if (!pud)
		return NULL;
	if (alloc && vmap_pud_alloc(pud))
		return NULL;
	if (!pud_present(READ_ONCE(*pud)))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (alloc && vmap_pmd_alloc(pmd))
		return NULL;
	if (!pmd_present(READ_ONCE(*pmd)))
		return NULL;
	return pte_offset(pmd, addr);
}

static int vmap_pages_range(unsigned long addr, struct page **pages,
			    unsigned int nr, pgprot_t prot)
{
	for (unsigned int i = 0; i < nr; i++, addr += PAGE_SIZE) {
		pte_t *pte = vmap_pte(addr, true);

		if (!pte)
			return -ENOMEM;
		if (WARN_ON(!pte_none(ptep_get(pte))))
			return -EBUSY;
		if (set_pte_kernel(addr, pte, pfn_pte(page_to_pfn(pages[i]),
						      prot)))
			return -ENOMEM;
	}
	return 0;
}

/*
 * Steps 1 and 2 of a free: clear every PTE of [start, end), then make
 * sure no CPU still holds a translation of it.
 */
static void vunmap_range(unsigned long start, unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte = vmap_pte(addr, false);

		if (pte && !pte_none(ptep_get(pte)))
			ptep_get_and_clear_kernel(addr, pte);
	}
	flush_tlb_kernel_range(start, end);
	__atomic_fetch_add(&nr_vm_flushes, 1, __ATOMIC_RELAXED);
}

struct page *vmalloc_to_page(const void *vaddr)
{
	unsigned long addr = (unsigned long)vaddr & PAGE_MASK;
	pte_t *pte, entry;

	if (!is_vmalloc_addr(vaddr))
		return NULL;
	pte = vmap_pte(addr, false);
	if (!pte)
		return NULL;
	entry = ptep_get(pte);
	return pte_present(entry) ? pfn_to_page(pte_pfn(entry)) : NULL;
}

static void count_pages(long delta)
{
	spin_lock(&vmap_area_lock);
	nr_vm_pages += delta;
	spin_unlock(&vmap_area_lock);
}

void vmalloc_stats_get(struct vmalloc_stats *s)
{
	spin_lock(&vmap_area_lock);
	s->nr_areas = nr_vm_areas;
	s->nr_pages = nr_vm_pages;
	spin_unlock(&vmap_area_lock);
	s->nr_flushes = __atomic_load_n(&nr_vm_flushes, __ATOMIC_RELAXED);
}

/* ---- vmalloc, vfree --------------------------------------------- */

/*
 * Unmap, flush, free (the pages too if @free_pages), in that order; see
 * the top of the file.
 */
static void __vunmap(const void *addr, unsigned long want, bool free_pages)
{
	struct vm_struct *area;

	might_sleep();
	if (!addr)
		return;
	area = find_vm_area(addr);
	if (!area || !(area->flags & want)) {
		pr_warn("vmalloc: trying to free a bad area %p\n", addr);
		WARN_ON(1);
		return;
	}
	vunmap_range((unsigned long)area->addr,
		     (unsigned long)area->addr + get_vm_area_size(area));
	count_pages(-(long)area->nr_pages);
	if (free_pages) {
		for (unsigned int i = 0; i < area->nr_pages; i++)
			__free_page(area->pages[i]);
		kfree(area->pages);
	}
	free_vm_area(area);
}

static void *__vmalloc(unsigned long size, gfp_t gfp)
{
	struct vm_struct *area = get_vm_area(size, VM_ALLOC);
	unsigned int nr;

	if (!area)
		return NULL;
	nr = get_vm_area_size(area) >> PAGE_SHIFT;
	/* Large arrays come from the page allocator (kmalloc does it). */
	area->pages = kzalloc(nr * sizeof(*area->pages), GFP_KERNEL);
	if (!area->pages)
		goto fail;
	for (; area->nr_pages < nr; area->nr_pages++) {
		struct page *page = alloc_page(gfp);

		if (!page)
			goto fail;
		area->pages[area->nr_pages] = page;
	}
	count_pages(nr);
	if (vmap_pages_range((unsigned long)area->addr, area->pages, nr,
			     PAGE_KERNEL))
		goto fail_mapped;
	return area->addr;

fail:
	count_pages(area->nr_pages);
fail_mapped:
	__vunmap(area->addr, VM_ALLOC, true);
	return NULL;
}

void *vmalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL);
}

void *vzalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO);
}

void vfree(const void *addr)
{
	__vunmap(addr, VM_ALLOC, true);
}

/* ---- vmap, vunmap ----------------------------------------------- */

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot)
{
	struct vm_struct *area;

	if (!count)
		return NULL;
	area = get_vm_area((unsigned long)count << PAGE_SHIFT,
			   flags | VM_MAP);
	if (!area)
		return NULL;
	area->nr_pages = count;	/* the pages themselves stay the caller's */
	count_pages(count);
	if (vmap_pages_range((unsigned long)area->addr, pages, count, prot)) {
		__vunmap(area->addr, VM_MAP, false);
		return NULL;
	}
	return area->addr;
}

void vunmap(const void *addr)
{
	__vunmap(addr, VM_MAP, false);
}
