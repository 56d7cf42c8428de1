// SPDX-License-Identifier: MIT
/*
 * mm/memory.c: user page tables. Building them on a fault, tearing them
 * down on unmap, copying them for fork. The walk helpers and the fault
 * flags are in <anvil/pgtable.h>; the arch's entry operations in
 * <asm/pgtable.h>; the lock order at the top of mm/rmap.c.
 *
 *	fault	handle_mm_fault -> handle_pte_fault
 *		  -> do_anonymous_page	(first touch: zero page or new page)
 *		  -> do_fault		(first touch of a file page:
 *					 vm_ops->fault, e.g. filemap_fault)
 *		  -> do_wp_page		(write to a read-only PTE: COW, or
 *					 a shared mapping's page made
 *					 writable and dirty)
 *	unmap	unmap_vmas -> zap_pud/pmd/pte_range  (feeds the mmu_gather)
 *		free_pgd_range			      (tables, same gather)
 *	fork	copy_page_range -> copy_pte_range     (both sides read-only)
 *
 * Every function here is called with mmap_lock held (read for faults,
 * write for unmap and fork) and may sleep, except inside a PTL section.
 */
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mmu_gather.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/vmstat.h>

struct zap_stats zap_stats;

/* Every PTL is one lockdep class: they all sit at one level of the order. */
static struct lock_class_key ptl_key;

/* The page a PTE maps, or NULL for the zero page (which is never freed). */
static struct page *vm_normal_page(pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (pfn == page_to_pfn(zero_page) || !pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static bool pte_same(pte_t a, pte_t b)
{
	return pte_val(a) == pte_val(b);
}

/* ---- building tables -------------------------------------------------- */

static void *table_alloc(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	return page ? page_address(page) : NULL;
}

/* A PTE table carries its lock, allocated beside it (it has lockdep). */
static void *pte_table_alloc(void)
{
	void *table = table_alloc();
	spinlock_t *ptl;

	if (!table)
		return NULL;
	ptl = kmalloc(sizeof(*ptl), GFP_KERNEL);
	if (!ptl) {
		free_page((unsigned long)table);
		return NULL;
	}
	__spin_lock_init(ptl, "ptl", &ptl_key);
	virt_to_page(table)->private = (unsigned long)ptl;
	return table;
}

/* Undo pte_table_alloc's lock; the page itself goes through a gather. */
static void pte_table_dtor(struct page *table)
{
	kfree((void *)table->private);
	table->private = 0;
}

/*
 * Install @table in an empty entry under mm->page_table_lock. Another
 * thread may have faulted the same range in meanwhile: then its table
 * stands and ours is freed. Returns false when there was no memory.
 */
#define POPULATE(mm, entryp, none, populate, alloc, free_table)            \
	({                                                                  \
		bool __ok = true;                                           \
		if (none(*(entryp))) {                                      \
			void *__t = alloc();                                \
			if (!__t) {                                         \
				__ok = false;                               \
			} else {                                            \
				spin_lock(&(mm)->page_table_lock);          \
				if (none(*(entryp))) {                      \
					populate(mm, entryp, __t);          \
					__t = NULL;                         \
				}                                           \
				spin_unlock(&(mm)->page_table_lock);        \
				if (__t)                                    \
					free_table(__t);                    \
			}                                                   \
		}                                                           \
		__ok;                                                       \
	})

static void free_table(void *table)
{
	free_page((unsigned long)table);
}

static void free_pte_table(void *table)
{
	pte_table_dtor(virt_to_page(table));
	free_page((unsigned long)table);
}

/*
 * The pmd entry for @addr, allocating whatever is missing on the way
 * down, the PTE table included (faults, fork's copy, mremap's
 * destination). NULL when out of memory. May sleep; no PTL held.
 */
pmd_t *walk_alloc(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (!POPULATE(mm, pgd, pgd_none, pgd_populate, table_alloc, free_table))
		return NULL;
	pud = pud_offset(pgd, addr);
	if (!POPULATE(mm, pud, pud_none, pud_populate, table_alloc, free_table))
		return NULL;
	pmd = pmd_offset(pud, addr);
	if (pmd_none(*pmd)) {
		if (!POPULATE(mm, pmd, pmd_none, pmd_populate, pte_table_alloc,
			      free_pte_table))
			return NULL;
		atomic_long_inc(&mm->nr_ptes);
	}
	return pmd;
}

/* The pmd entry for @addr if every level exists, else NULL. */
pmd_t *pmd_lookup(struct mm_struct *mm, unsigned long addr)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return NULL;
	pud = pud_offset(pgd, addr);
	if (pud_none(*pud))
		return NULL;
	pmd = pmd_offset(pud, addr);
	return pmd_none(*pmd) ? NULL : pmd;
}

/* ---- faults ---------------------------------------------------------- */

/*
 * First touch of an anonymous page. A read maps the shared zero page
 * read-only (no memory spent until someone writes); a write gets a new
 * zeroed page. The PTE is rechecked under the PTL: a racing fault by
 * another thread may have filled it, and then it wins.
 */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long addr,
			     pmd_t *pmd, unsigned int flags)
{
	pgprot_t prot = vm_get_page_prot(vma->vm_flags);
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t entry, *pte;

	if (flags & FAULT_FLAG_WRITE) {
		if (anon_vma_prepare(vma))
			return VM_FAULT_OOM;
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			return VM_FAULT_OOM;
		entry = pte_mkdirty(pte_mkwrite(pfn_pte(page_to_pfn(page), prot)));
	} else {
		entry = pte_wrprotect(pfn_pte(page_to_pfn(zero_page), prot));
	}
	pte = pte_offset_map_lock(pmd, addr, &ptl);
	if (!pte_none(*pte)) {
		pte_unmap_unlock(pte, ptl);
		if (page)
			put_page(page);
		return 0;
	}
	if (page) {
		page_add_new_anon_rmap(page, vma, addr);
		atomic_long_inc(&vma->vm_mm->rss_anon);
	}
	set_pte_at(vma->vm_mm, addr, pte, entry);
	update_mmu_cache(vma, addr, pte);
	pte_unmap_unlock(pte, ptl);
	return 0;
}

/* The mm's counter for @page: anonymous or page cache (rss_file). */
static atomic_long_t *rss_counter(struct mm_struct *mm, struct page *page)
{
	return PageAnon(page) ? &mm->rss_anon : &mm->rss_file;
}

/*
 * Has @page left the page cache (truncate) since the fault found it?
 * Asked under the PTL: truncate clears page->mapping (under the tree
 * lock) before its second unmap_mapping_range pass takes each PTL, so
 * either we see NULL here, or our PTE is in place before that pass
 * looks, and it zaps it. Either way no PTE outlives the truncation.
 */
static bool page_truncated(struct page *page)
{
	return !READ_ONCE(page->mapping);
}

/*
 * A write fault on a private file mapping with no PTE yet: the data are
 * copied out of the page-cache page @src (which stays clean, and is
 * never mapped here) into a new anonymous page. @src's reference, taken
 * by vm_ops->fault, is dropped here.
 */
static int do_cow_fault(struct vm_area_struct *vma, unsigned long addr,
			pmd_t *pmd, struct page *src)
{
	pgprot_t prot = vm_get_page_prot(vma->vm_flags);
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *pte;

	if (!anon_vma_prepare(vma))
		page = alloc_page(GFP_KERNEL);
	if (!page) {
		put_page(src);
		return VM_FAULT_OOM;
	}
	memcpy(page_address(page), page_address(src), PAGE_SIZE);
	pte = pte_offset_map_lock(pmd, addr, &ptl);
	if (!pte_none(*pte) || page_truncated(src)) {
		pte_unmap_unlock(pte, ptl);
		put_page(page);
		put_page(src);
		return 0;	/* raced: a fault again settles it */
	}
	page_add_new_anon_rmap(page, vma, addr);
	atomic_long_inc(&vma->vm_mm->rss_anon);
	set_pte_at(vma->vm_mm, addr, pte,
		   pte_mkdirty(pte_mkwrite(pfn_pte(page_to_pfn(page), prot))));
	update_mmu_cache(vma, addr, pte);
	pte_unmap_unlock(pte, ptl);
	put_page(src);
	return 0;
}

/*
 * Fault-around (Linux's do_fault_around): a read fault on a file mapping
 * also maps the neighbouring pages that are in memory already, up to
 * FAULT_AROUND_PAGES in the aligned 64 KiB window around @vmf->address,
 * inside the VMA and the one PTE table. A program's text and read-only
 * data then fault once per 16 pages, not once per page. They are mapped
 * read-only, so a write to a private mapping still comes back to copy,
 * and one to a shared mapping to mark the page dirty. True if the
 * faulting address itself is now mapped.
 */
static bool do_fault_around(struct vm_fault *vmf, pmd_t *pmd)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long size = FAULT_AROUND_PAGES * PAGE_SIZE;
	unsigned long start = ALIGN_DOWN(vmf->address, size), end = start + size;
	spinlock_t *ptl;
	pte_t *pte;
	bool mapped;

	start = max(start, max(vma->vm_start, ALIGN_DOWN(vmf->address, 1UL << PMD_SHIFT)));
	end = min(end, min(vma->vm_end, pmd_addr_end(vmf->address, ~0UL)));
	vma->vm_ops->map_pages(vmf, vma->vm_pgoff +
				       ((start - vma->vm_start) >> PAGE_SHIFT),
			       (unsigned int)((end - start) >> PAGE_SHIFT));
	pte = pte_offset_map_lock(pmd, vmf->address, &ptl);
	mapped = !pte_none(*pte);
	pte_unmap_unlock(pte, ptl);
	return mapped;
}

void map_pages_around(struct vm_fault *vmf, unsigned long first,
		      struct page **pages, unsigned int nr)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long addr = vma->vm_start +
			     ((first - vma->vm_pgoff) << PAGE_SHIFT);
	pgprot_t prot = vm_get_page_prot(vma->vm_flags);
	pmd_t *pmd = pmd_lookup(vma->vm_mm, addr);
	spinlock_t *ptl;
	pte_t *pte;

	if (!pmd) {		/* cannot be: the fault allocated the table */
		for (unsigned int i = 0; i < nr; i++)
			if (pages[i])
				put_page(pages[i]);
		return;
	}
	pte = pte_offset_map_lock(pmd, addr, &ptl);
	for (unsigned int i = 0; i < nr; i++, addr += PAGE_SIZE) {
		struct page *page = pages[i];

		if (!page)
			continue;
		if (!pte_none(pte[i]) || page_truncated(page)) {
			put_page(page);
			continue;
		}
		page_add_file_rmap(page);	/* the reference is the PTE's */
		atomic_long_inc(&vma->vm_mm->rss_file);
		set_pte_at(vma->vm_mm, addr, &pte[i],
			   pte_wrprotect(pfn_pte(page_to_pfn(page), prot)));
		update_mmu_cache(vma, addr, &pte[i]);
	}
	pte_unmap_unlock(pte, ptl);
}

/*
 * First touch of a page of a file mapping. vm_ops->fault (filemap_fault)
 * finds the page-cache page, or says SIGBUS for one past the end of the
 * file. A private write copies it (do_cow_fault). Otherwise the page
 * itself is mapped, its reference from the fault becoming the PTE's:
 * writable and dirty for a write to a shared mapping, else read-only,
 * so that a later write to a shared mapping comes back through
 * do_wp_page to mark the page dirty, and one to a private mapping
 * copies.
 */
static int do_fault(struct vm_area_struct *vma, unsigned long addr,
		    pmd_t *pmd, unsigned int flags)
{
	struct vm_fault vmf = {
		.vma = vma,
		.address = addr,
		.pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT),
		.flags = flags,
	};
	pgprot_t prot = vm_get_page_prot(vma->vm_flags);
	bool write = flags & FAULT_FLAG_WRITE;
	spinlock_t *ptl;
	pte_t entry, *pte;
	int ret;

	if (!write && vma->vm_ops->map_pages && do_fault_around(&vmf, pmd))
		return 0;	/* the page was in memory: mapped with others */
	ret = vma->vm_ops->fault(&vmf);
	if (ret)
		return ret;
	if (write && !(vma->vm_flags & VM_SHARED))
		return do_cow_fault(vma, addr, pmd, vmf.page);
	entry = pfn_pte(page_to_pfn(vmf.page), prot);
	entry = write ? pte_mkdirty(pte_mkwrite(entry)) : pte_wrprotect(entry);
	pte = pte_offset_map_lock(pmd, addr, &ptl);
	if (!pte_none(*pte) || page_truncated(vmf.page)) {
		pte_unmap_unlock(pte, ptl);
		put_page(vmf.page);
		return 0;
	}
	page_add_file_rmap(vmf.page);
	atomic_long_inc(&vma->vm_mm->rss_file);
	if (write)
		set_page_dirty(vmf.page);
	set_pte_at(vma->vm_mm, addr, pte, entry);
	update_mmu_cache(vma, addr, pte);
	pte_unmap_unlock(pte, ptl);
	return 0;
}

/*
 * Write to a present, read-only PTE in a writable VMA: copy on write.
 * Entered with the PTL held; returns with it dropped. If we are the only
 * mapper and holder of the page, it simply becomes writable; otherwise
 * the data are copied into a new page (allocated with the PTL dropped,
 * since that may sleep) and the PTE repointed, if nobody changed it
 * meanwhile. The old page's references go only after the TLB flush.
 */
static int do_wp_page(struct vm_area_struct *vma, unsigned long addr,
		      pmd_t *pmd, pte_t *pte, spinlock_t *ptl, pte_t orig)
{
	struct mm_struct *mm = vma->vm_mm;
	pgprot_t prot = vm_get_page_prot(vma->vm_flags);
	struct page *old = vm_normal_page(orig), *new;
	pte_t entry;

	/*
	 * A shared mapping writes to the page itself, whoever else maps
	 * it; a private one reuses only an anonymous page nobody else
	 * holds (a page-cache page is always held by its cache too).
	 */
	if (old && ((vma->vm_flags & VM_SHARED) ||
		    (PageAnon(old) && page_mapcount(old) == 1 &&
		     page_ref_count(old) == 1))) {
		if (!PageAnon(old))
			set_page_dirty(old);
		entry = pte_mkdirty(pte_mkwrite(pte_mkyoung(orig)));
		ptep_get_and_clear(mm, addr, pte);
		set_pte_at(mm, addr, pte, entry);
		update_mmu_cache(vma, addr, pte);
		pte_unmap_unlock(pte, ptl);
		flush_tlb_page(vma, addr);
		return 0;
	}
	if (old)
		get_page(old);
	pte_unmap_unlock(pte, ptl);

	new = NULL;
	if (!anon_vma_prepare(vma))
		new = alloc_page(old ? GFP_KERNEL : GFP_KERNEL | __GFP_ZERO);
	if (!new) {
		if (old)
			put_page(old);
		return VM_FAULT_OOM;
	}
	if (old)
		memcpy(page_address(new), page_address(old), PAGE_SIZE);

	pte = pte_offset_map_lock(pmd, addr, &ptl);
	if (!pte_same(*pte, orig)) {		/* someone else got there */
		pte_unmap_unlock(pte, ptl);
		put_page(new);
		if (old)
			put_page(old);
		return 0;
	}
	ptep_get_and_clear(mm, addr, pte);
	page_add_new_anon_rmap(new, vma, addr);
	set_pte_at(mm, addr, pte,
		   pte_mkdirty(pte_mkwrite(pfn_pte(page_to_pfn(new), prot))));
	update_mmu_cache(vma, addr, pte);
	if (old) {
		page_remove_rmap(old);
		if (!PageAnon(old)) {	/* a private file page copied */
			atomic_long_dec(&mm->rss_file);
			atomic_long_inc(&mm->rss_anon);
		}
	} else {
		atomic_long_inc(&mm->rss_anon);
	}
	pte_unmap_unlock(pte, ptl);
	flush_tlb_page(vma, addr);
	if (old) {
		put_page(old);		/* the reference we took */
		put_page(old);		/* the one the PTE held */
	}
	return 0;
}

static int handle_pte_fault(struct vm_area_struct *vma, unsigned long addr,
			    pmd_t *pmd, unsigned int flags)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(pmd, addr, &ptl);
	pte_t entry = *pte;

	if (pte_none(entry)) {
		pte_unmap_unlock(pte, ptl);
		if (vma->vm_ops && vma->vm_ops->fault)
			return do_fault(vma, addr, pmd, flags);
		if (vma->vm_file) /* a file without a fault handler */
			return VM_FAULT_SIGBUS;
		return do_anonymous_page(vma, addr, pmd, flags);
	}
	if (!pte_present(entry)) { /* swap entries come with reclaim */
		pte_unmap_unlock(pte, ptl);
		return VM_FAULT_SIGBUS;
	}
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(entry)) {
		if (!(vma->vm_flags & VM_WRITE)) {
			pte_unmap_unlock(pte, ptl);
			return VM_FAULT_SIGSEGV;
		}
		return do_wp_page(vma, addr, pmd, pte, ptl, entry);
	}
	/* Present and allowed: another CPU fixed it, or a hash miss. */
	update_mmu_cache(vma, addr, pte);
	pte_unmap_unlock(pte, ptl);
	return 0;
}

/*
 * handle_mm_fault - resolve a fault at @addr inside @vma.
 * The caller checked that @vma covers @addr and allows the access
 * (flags says which). Returns 0 or a VM_FAULT_* error. mmap_lock held for
 * reading; may sleep.
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    unsigned int flags)
{
	pmd_t *pmd;

	count_vm_event(PGFAULT);	/* /proc/vmstat's pgfault, as Linux */
	pmd = walk_alloc(vma->vm_mm, addr & PAGE_MASK);
	if (!pmd)
		return VM_FAULT_OOM;
	return handle_pte_fault(vma, addr & PAGE_MASK, pmd, flags);
}

/* Does the PTE at @address in @vma map @page? (For rmap walks.) */
bool page_mapped_in_vma(struct page *page, struct vm_area_struct *vma,
			unsigned long address)
{
	return follow_page(vma, address) == page;
}

struct page *follow_page_write(struct vm_area_struct *vma, unsigned long addr,
			       bool write)
{
	pmd_t *pmd = pmd_lookup(vma->vm_mm, addr);
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *pte;

	if (!pmd)
		return NULL;
	pte = pte_offset_map_lock(pmd, addr, &ptl);
	if (pte_present(*pte) && (!write || pte_write(*pte)))
		page = vm_normal_page(*pte);
	pte_unmap_unlock(pte, ptl);
	return page;
}

struct page *follow_page(struct vm_area_struct *vma, unsigned long addr)
{
	return follow_page_write(vma, addr, false);
}

/* ---- unmapping ------------------------------------------------------- */

/* Why zap_pte_range() left the PTL before the end of its range. */
enum zap_break {
	ZAP_GO_ON,		/* it did not */
	ZAP_FULL,		/* the gather is full: flush and free */
	ZAP_RESCHED,		/* someone needs this CPU: flush, yield */
	ZAP_LOCK_BREAK,		/* ZAP_PTES_PER_HOLD reached: just unlock */
};

/* Checked after every PTE, under the PTL. */
static enum zap_break zap_should_break(unsigned long held)
{
	if (need_resched())
		return ZAP_RESCHED;
	if (held >= ZAP_PTES_PER_HOLD)
		return ZAP_LOCK_BREAK;
	return ZAP_GO_ON;
}

/*
 * zap_pte_range - clear the PTEs of [addr, end) in one PTE table and hand
 * their pages to the gather. The heart of seed 000:
 *
 *	- no fixed block of work between flushes (no ZAP_BLOCK_SIZE): the
 *	  loop itself checks need_resched() after every PTE, and whether
 *	  the gather is full;
 *	- when the gather is full, or someone needs the CPU, it leaves lazy
 *	  MMU mode (on ppc64 that flushes the batched HPTE invalidations:
 *	  they must be done before the PTL is dropped, seed 001), drops the
 *	  PTL, flushes the TLB and frees the batch, reschedules, and resumes
 *	  at the next PTE;
 *	- after ZAP_PTES_PER_HOLD PTEs it only drops and retakes the PTL:
 *	  no flush. The cleared pages stay in the gather, so a CPU still
 *	  holding a stale TLB entry reaches a page nobody can reuse yet.
 *
 * So the preemption-off time of an unmap is bounded by ZAP_PTES_PER_HOLD
 * PTEs whatever the size of the mapping, and much less when another task
 * wants the CPU.
 */
static void zap_pte_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pmd_t *pmd, unsigned long addr, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	enum zap_break why;
	spinlock_t *ptl;
	unsigned long held;	/* PTEs looked at in this lock hold */
	pte_t *pte;

again:
	why = ZAP_GO_ON;
	held = 0;
	pte = pte_offset_map_lock(pmd, addr, &ptl);
	arch_enter_lazy_mmu_mode();
	do {
		struct page *page;
		pte_t ptent = *pte;

		held++;
		if (pte_none(ptent))
			continue;
		ptent = ptep_get_and_clear(mm, addr, pte);
		tlb_remove_tlb_entry(tlb, addr);
		page = vm_normal_page(ptent);
		if (!page)
			continue;
		/*
		 * The PTE's reference goes to the gather. For a page-cache
		 * page that is never the last one while the page is in the
		 * cache (the cache holds its own), so the data stay.
		 */
		page_remove_rmap(page);
		atomic_long_dec(rss_counter(mm, page));
		if (__tlb_remove_page(tlb, page)) {
			why = ZAP_FULL;	/* even at the last PTE: flush now */
			addr += PAGE_SIZE;
			break;
		}
	} while (pte++, addr += PAGE_SIZE,
		 addr != end && (why = zap_should_break(held)) == ZAP_GO_ON);
	arch_leave_lazy_mmu_mode();
	pte_unmap_unlock(pte, ptl);
	if (held > zap_stats.max_ptes_per_hold)
		zap_stats.max_ptes_per_hold = held;

	switch (why) {
	case ZAP_GO_ON:
		break;
	case ZAP_FULL:
		zap_stats.full_breaks++;
		__tlb_flush_mmu(tlb, TLB_FLUSH_FULL);
		break;
	case ZAP_RESCHED:
		zap_stats.resched_breaks++;
		__tlb_flush_mmu(tlb, TLB_FLUSH_RESCHED);
		break;
	case ZAP_LOCK_BREAK:
		zap_stats.lock_breaks++;
		break;
	}
	if (addr != end) {
		cond_resched();
		goto again;
	}
}

static void zap_pmd_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pud_t *pud, unsigned long addr, unsigned long end)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd))
			zap_pte_range(tlb, vma, pmd, addr, next);
	} while (pmd++, addr = next, addr != end);
}

static void zap_pud_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pgd_t *pgd, unsigned long addr, unsigned long end)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			zap_pmd_range(tlb, vma, pud, addr, next);
	} while (pud++, addr = next, addr != end);
}

static void unmap_page_range(struct mmu_gather *tlb,
			     struct vm_area_struct *vma, unsigned long addr,
			     unsigned long end)
{
	pgd_t *pgd = pgd_offset(vma->vm_mm, addr);
	unsigned long next;

	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			zap_pud_range(tlb, vma, pgd, addr, next);
	} while (pgd++, addr = next, addr != end);
}

/*
 * unmap_vmas - zap [start, end) in @vma and the VMAs after it on the
 * list. Page tables stay (free_pgd_range frees them). mmap_lock held for
 * writing (or the mm is dying); no spinlock held; may sleep.
 */
void unmap_vmas(struct mmu_gather *tlb, struct vm_area_struct *vma,
		unsigned long start, unsigned long end)
{
	for (; vma && vma->vm_start < end; vma = vma->vm_next) {
		unsigned long s = max(start, vma->vm_start);
		unsigned long e = min(end, vma->vm_end);

		if (s < e)
			unmap_page_range(tlb, vma, s, e);
	}
}

/* Zap one range of one VMA with a gather of its own (MADV_DONTNEED). */
void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long size)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm, false);
	unmap_page_range(&tlb, vma, start, start + size);
	tlb_finish_mmu(&tlb);
}

/* ---- freeing page tables ------------------------------------------- */

/*
 * A freed table must be flushed for even when no PTE under it was cleared
 * in this gather (MADV_DONTNEED emptied it earlier): a CPU's page-walk
 * cache may still hold the path through it. So its address joins the
 * range, as Linux's pte_free_tlb does; on x86 an invlpg of any address
 * also drops the paging-structure caches.
 */
static void free_pte_range(struct mmu_gather *tlb, struct mm_struct *mm,
			   pmd_t *pmd, unsigned long addr)
{
	struct page *table = virt_to_page(pmd_pgtable(*pmd));

	tlb_remove_tlb_entry(tlb, addr);
	pmd_clear(pmd);
	pte_table_dtor(table);
	atomic_long_dec(&mm->nr_ptes);
	tlb_remove_table(tlb, table);
}

/*
 * A table one level up may go only if nothing outside [floor, ceiling)
 * can still need it: its whole span, rounded out to @mask, must lie
 * inside the range being freed. ceiling 0 means "the top of memory".
 */
static bool span_is_free(unsigned long start, unsigned long end,
			 unsigned long mask, unsigned long floor,
			 unsigned long ceiling)
{
	start &= mask;
	if (start < floor)
		return false;
	if (ceiling) {
		ceiling &= mask;
		if (!ceiling)
			return false;
	}
	return end - 1 <= ceiling - 1;
}

static void free_pmd_range(struct mmu_gather *tlb, struct mm_struct *mm,
			   pud_t *pud, unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	unsigned long start = addr, next;

	do {
		next = pmd_addr_end(addr, end);
		if (!pmd_none(*pmd))
			free_pte_range(tlb, mm, pmd, addr);
	} while (pmd++, addr = next, addr != end);
	if (span_is_free(start, end, ~((1UL << PUD_SHIFT) - 1), floor,
			 ceiling)) {
		struct page *table = virt_to_page(pud_pgtable(*pud));

		tlb_remove_tlb_entry(tlb, start);
		pud_clear(pud);
		tlb_remove_table(tlb, table);
	}
}

static void free_pud_range(struct mmu_gather *tlb, struct mm_struct *mm,
			   pgd_t *pgd, unsigned long addr, unsigned long end,
			   unsigned long floor, unsigned long ceiling)
{
	pud_t *pud = pud_offset(pgd, addr);
	unsigned long start = addr, next;

	do {
		next = pud_addr_end(addr, end);
		if (!pud_none(*pud))
			free_pmd_range(tlb, mm, pud, addr, next, floor, ceiling);
	} while (pud++, addr = next, addr != end);
	if (span_is_free(start, end, ~((1UL << PGDIR_SHIFT) - 1), floor,
			 ceiling)) {
		struct page *table = virt_to_page(pgd_pgtable(*pgd));

		tlb_remove_tlb_entry(tlb, start);
		pgd_clear(pgd);
		tlb_remove_table(tlb, table);
	}
}

void free_pgd_range(struct mmu_gather *tlb, unsigned long addr,
		    unsigned long end, unsigned long floor,
		    unsigned long ceiling)
{
	unsigned long pmd_size = 1UL << PMD_SHIFT, next;
	struct mm_struct *mm = tlb->mm;
	pgd_t *pgd;

	/*
	 * Round inward to whole PTE tables: a table that also covers
	 * addresses below floor or above ceiling is still in use there.
	 */
	addr &= ~(pmd_size - 1);
	if (addr < floor) {
		addr += pmd_size;
		if (!addr)
			return;
	}
	if (ceiling) {
		ceiling &= ~(pmd_size - 1);
		if (!ceiling)
			return;
	}
	if (end - 1 > ceiling - 1)
		end -= pmd_size;
	if (addr > end - 1)
		return;
	pgd = pgd_offset(mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			free_pud_range(tlb, mm, pgd, addr, next, floor, ceiling);
	} while (pgd++, addr = next, addr != end);
}

/* ---- fork ------------------------------------------------------------ */

/*
 * Copy one PTE table for fork. A private writable mapping becomes
 * copy-on-write: the PTE is write-protected in the parent *and* the child,
 * so the first write on either side faults into do_wp_page. Both PTLs are
 * held: the child's, then the parent's (nested: same class, fixed order).
 * Inside the arch's lazy MMU mode, as the parent's PTEs change.
 */
static int copy_pte_range(struct mm_struct *dst, struct mm_struct *src,
			  struct vm_area_struct *vma, pmd_t *dst_pmd,
			  pmd_t *src_pmd, unsigned long addr, unsigned long end)
{
	bool cow = (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
	spinlock_t *dst_ptl, *src_ptl;
	pte_t *dst_pte, *src_pte;

	dst_pte = pte_offset_map_lock(dst_pmd, addr, &dst_ptl);
	src_ptl = pte_lockptr(src_pmd);
	spin_lock_nested(src_ptl, SINGLE_DEPTH_NESTING);
	src_pte = pte_offset(src_pmd, addr);
	arch_enter_lazy_mmu_mode();
	do {
		pte_t pte = *src_pte;
		struct page *page;

		if (pte_none(pte))
			continue;
		if (cow && pte_write(pte)) {
			ptep_set_wrprotect(src, addr, src_pte);
			pte = pte_wrprotect(pte);
		}
		page = vm_normal_page(pte);
		if (page) {
			get_page(page);
			page_dup_rmap(page);
			atomic_long_inc(rss_counter(dst, page));
		}
		set_pte_at(dst, addr, dst_pte, pte);
	} while (dst_pte++, src_pte++, addr += PAGE_SIZE, addr != end);
	arch_leave_lazy_mmu_mode();
	spin_unlock(src_ptl);
	pte_unmap_unlock(dst_pte, dst_ptl);
	return 0;
}

/*
 * copy_page_range - give @dst the same mappings of @vma as @src, COW for
 * private memory. Both mmap_locks held for writing. The parent's TLBs
 * must then be flushed (its PTEs lost write permission): the caller does
 * it once for the whole mm. Returns 0 or -ENOMEM (-12).
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start, end = vma->vm_end, next;

	for (; addr != end; addr = next) {
		pmd_t *src_pmd = pmd_lookup(src, addr), *dst_pmd;

		next = pmd_addr_end(addr, end);
		if (!src_pmd)
			continue;
		dst_pmd = walk_alloc(dst, addr);
		if (!dst_pmd)
			return -12;
		copy_pte_range(dst, src, vma, dst_pmd, src_pmd, addr, next);
	}
	return 0;
}
