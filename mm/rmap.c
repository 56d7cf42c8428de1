// SPDX-License-Identifier: MIT
/*
 * mm/rmap.c: the reverse map, from a page back to the PTEs that map it.
 *
 * Lock order, for all of mm/ (docs/locking.md has the same tree, with
 * every other lock of the kernel):
 *
 *	mm->mmap_lock (rw_semaphore)
 *	  inode->i_mmap_mutex		(file mappings: truncate, rmap walk)
 *	    anon_vma->root->mutex	(always the ROOT's: seed 003)
 *	      mm->page_table_lock	(populating pgd/pud/pmd entries)
 *	      pte table's PTL		(every PTE change)
 *	        child PTL (fork) or mremap's new PTL (spin_lock_nested),
 *	        zone_lock, slab locks
 *
 * Nothing may take a lock above one it holds. The mutexes (i_mmap,
 * anon_vma) are sleeping locks so truncate and rmap walks stay
 * preemptible (seed 000); everything from the page-table lock down is a
 * spinlock, held only for short, bounded runs (zap_pte_range drops it to
 * flush and reschedule).
 *
 * What is here so far: the map count of a page (page->_mapcount, -1 when
 * unmapped, as in Linux). File pages are found from their file: each
 * address_space keeps the VMAs mapping it on mapping->i_mmap, under
 * i_mmap_mutex (mm/vma_file.c; truncate's unmap_mapping_range walks it).
 * The anon_vma tree that finds the mappings of an anonymous page comes
 * next; the consumer of both is reclaim (try_to_unmap).
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/rmap.h>

/*
 * A new anonymous page, mapped once (the fault path, under the PTL). It
 * is ours alone still, so its flags may change without atomics.
 */
void page_add_new_anon_rmap(struct page *page)
{
	SetPageAnon(page);
	__atomic_store_n(&page->_mapcount, 0, __ATOMIC_RELAXED);
}

/*
 * A page-cache page gets one more PTE (a file fault, under the PTL).
 * Unlike an anonymous page it may already be mapped elsewhere, and it
 * stays in the cache when the last PTE goes.
 */
void page_add_file_rmap(struct page *page)
{
	__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED);
}

/* One more PTE maps @page (fork's copy_page_range). */
void page_dup_rmap(struct page *page)
{
	__atomic_add_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED);
}

/* A PTE mapping @page was cleared (zap, COW break). */
void page_remove_rmap(struct page *page)
{
	int left = __atomic_sub_fetch(&page->_mapcount, 1, __ATOMIC_RELAXED);

	WARN_ON(left < -1);
}
