// SPDX-License-Identifier: MIT
/*
 * mm/rmap.c: the reverse map, from a page back to the PTEs that map it.
 *
 * Lock order, for all of mm/ (docs/locking.md has the same tree, with
 * every other lock of the kernel):
 *
 *	mm->mmap_lock (rw_semaphore)
 *	  mm_all_locks_mutex		(mm_take_all_locks only)
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
 * Anonymous pages are found through anon_vmas (<anvil/rmap.h> draws one
 * tree); file pages from their file: each address_space keeps the VMAs
 * mapping it on mapping->i_mmap, under i_mmap_mutex (mm/vma_file.c;
 * truncate's unmap_mapping_range walks it).
 *
 * The anon_vma rules, from seed 003:
 *
 *	- every anon_vma knows its tree's root, and every operation on any
 *	  anon_vma of the tree locks the root's mutex, and only it: one
 *	  lock per tree, so a walk never needs two;
 *	- a VMA's anon_vma_chain list is ordered newest first, so
 *	  unlink_anon_vmas() drops the child anon_vmas before the root;
 *	- each non-root anon_vma holds a reference to its root: the root's
 *	  mutex and memory outlive every node that locks through it.
 *
 * rmap_walk() covers both kinds of page. Its consumer is reclaim
 * (try_to_unmap), still to come; page_rmap_count() is what tests check
 * it with.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/slab.h>

#include "vma_internal.h"

static struct kmem_cache *anon_vma_cachep;
static struct kmem_cache *anon_vma_chain_cachep;
static atomic_long_t anon_vmas_allocated;

void anon_vma_init(void)
{
	if (anon_vma_cachep)
		return;	/* host tests may call again */
	/* Type-stable: see page_lock_anon_vma(). */
	anon_vma_cachep = kmem_cache_create("anon_vma", sizeof(struct anon_vma),
					    0, SLAB_PANIC | SLAB_TYPESAFE,
					    NULL);
	anon_vma_chain_cachep = kmem_cache_create("anon_vma_chain",
						  sizeof(struct anon_vma_chain),
						  0, SLAB_PANIC, NULL);
}

long nr_anon_vmas(void)
{
	return atomic_long_read(&anon_vmas_allocated);
}

/* A new root: its own tree, one reference (its VMAs' chains). */
static struct anon_vma *anon_vma_alloc(void)
{
	struct anon_vma *anon_vma = kmem_cache_alloc(anon_vma_cachep,
						     GFP_KERNEL);

	if (!anon_vma)
		return NULL;
	anon_vma->root = anon_vma;
	anon_vma->all_locks_mark = false;
	mutex_init(&anon_vma->mutex);
	INIT_LIST_HEAD(&anon_vma->head);
	atomic_long_inc(&anon_vmas_allocated);
	/* Last: a walker with a stale pointer may inc_not_zero it now. */
	__atomic_store_n(&anon_vma->refcount.counter, 1, __ATOMIC_RELEASE);
	return anon_vma;
}

static void anon_vma_free(struct anon_vma *anon_vma)
{
	WARN_ON(!list_empty(&anon_vma->head));
	atomic_long_dec(&anon_vmas_allocated);
	kmem_cache_free(anon_vma_cachep, anon_vma);
}

/*
 * The last reference is gone. A child also drops the reference it held
 * on its root, which may be the root's last: children go first, the
 * root after them.
 */
void put_anon_vma(struct anon_vma *anon_vma)
{
	struct anon_vma *root = anon_vma->root;

	if (!atomic_dec_and_test(&anon_vma->refcount))
		return;
	anon_vma_free(anon_vma);
	if (root != anon_vma && atomic_dec_and_test(&root->refcount))
		anon_vma_free(root);
}

static struct anon_vma_chain *anon_vma_chain_alloc(void)
{
	return kmem_cache_alloc(anon_vma_chain_cachep, GFP_KERNEL);
}

static void anon_vma_chain_free(struct anon_vma_chain *avc)
{
	kmem_cache_free(anon_vma_chain_cachep, avc);
}

/*
 * Link @vma and @anon_vma through @avc: newest first on the VMA's list,
 * last on the anon_vma's (a walk meets older VMAs first, so a PTE that
 * mremap moves from an old VMA to a newer copy is found in one or the
 * other). The tree's root mutex held.
 */
static void anon_vma_chain_link(struct vm_area_struct *vma,
				struct anon_vma_chain *avc,
				struct anon_vma *anon_vma)
{
	avc->vma = vma;
	avc->anon_vma = anon_vma;
	list_add(&avc->same_vma, &vma->anon_vma_chain);
	list_add_tail(&avc->same_anon_vma, &anon_vma->head);
}

/*
 * May @b, right next to @a, share @a's anon_vma? Then the two can merge
 * again after an mprotect split them: adjacent, the same flags but for
 * the access bits, no file, and page offsets that follow on.
 */
static bool anon_vma_compatible(struct vm_area_struct *a,
				struct vm_area_struct *b)
{
	const unsigned long access = VM_READ | VM_WRITE | VM_EXEC;

	return a->vm_end == b->vm_start &&
	       !((a->vm_flags ^ b->vm_flags) & ~access) && !a->vm_file &&
	       !b->vm_file &&
	       b->vm_pgoff == a->vm_pgoff + vma_pages(a);
}

/*
 * A neighbour's anon_vma @vma could use. Only one that no fork has
 * copied (its chain is that one anon_vma alone): otherwise the pages of
 * @vma would be looked for in every child too. mmap_lock held for
 * reading; the neighbour's anon_vma may be set under us, hence READ_ONCE.
 */
static struct anon_vma *find_mergeable_anon_vma(struct vm_area_struct *vma)
{
	struct vm_area_struct *near[2] = { vma->vm_prev, vma->vm_next };

	for (int i = 0; i < 2; i++) {
		struct vm_area_struct *n = near[i];
		struct anon_vma *anon_vma;

		if (!n || !(i ? anon_vma_compatible(vma, n) :
				anon_vma_compatible(n, vma)))
			continue;
		anon_vma = READ_ONCE(n->anon_vma);
		if (anon_vma && list_is_singular(&n->anon_vma_chain))
			return anon_vma;
	}
	return NULL;
}

/*
 * anon_vma_prepare - make sure @vma has an anon_vma before an anonymous
 * page goes into it: a neighbour's (find_mergeable_anon_vma) or a new
 * root. Faults call it with mmap_lock held only for reading, so two may
 * race: mm->page_table_lock decides, and the loser frees what it made.
 * 0, or -ENOMEM. May sleep.
 */
int anon_vma_prepare(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;
	struct anon_vma *anon_vma, *allocated = NULL;
	struct anon_vma_chain *avc;

	if (READ_ONCE(vma->anon_vma))
		return 0;
	avc = anon_vma_chain_alloc();
	if (!avc)
		return -ENOMEM;
	anon_vma = find_mergeable_anon_vma(vma);
	if (!anon_vma) {
		anon_vma = allocated = anon_vma_alloc();
		if (!anon_vma) {
			anon_vma_chain_free(avc);
			return -ENOMEM;
		}
	}
	anon_vma_lock(anon_vma);
	spin_lock(&mm->page_table_lock);
	if (!vma->anon_vma) {
		anon_vma_chain_link(vma, avc, anon_vma);
		WRITE_ONCE(vma->anon_vma, anon_vma);
		allocated = NULL;
		avc = NULL;
	}
	spin_unlock(&mm->page_table_lock);
	anon_vma_unlock(anon_vma);
	if (allocated)
		put_anon_vma(allocated);
	if (avc)
		anon_vma_chain_free(avc);
	return 0;
}

/*
 * anon_vma_clone - chain @dst to every anon_vma @src is chained to, in
 * the same order (@dst takes over some of @src's range: a split, the
 * destination of mremap, a merge). @dst->anon_vma is the caller's to
 * set. 0, or -ENOMEM with @dst left unchained. mmap_lock held for
 * writing. May sleep.
 */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct anon_vma_chain *avc, *pavc;
	struct anon_vma *root = src->anon_vma ? src->anon_vma->root : NULL;

	if (!root)
		return 0;
	/* Oldest first, each added at the head: the same order results. */
	list_for_each_entry_reverse(pavc, &src->anon_vma_chain, same_vma) {
		avc = anon_vma_chain_alloc();
		if (!avc) {
			unlink_anon_vmas(dst);
			return -ENOMEM;
		}
		WARN_ON(pavc->anon_vma->root != root);
		anon_vma_lock(root);
		anon_vma_chain_link(dst, avc, pavc->anon_vma);
		anon_vma_unlock(root);
	}
	return 0;
}

/*
 * anon_vma_fork - the child's copy @vma of the parent's @pvma: chained to
 * all of @pvma's anon_vmas (the pages they share, COW), plus an anon_vma
 * of its own, in the same tree, for the pages it will copy or fault. 0
 * or -ENOMEM. Both mms' mmap_locks held for writing. May sleep.
 */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *anon_vma;

	vma->anon_vma = NULL;
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	if (!pvma->anon_vma)
		return 0;
	if (anon_vma_clone(vma, pvma))
		return -ENOMEM;
	anon_vma = anon_vma_alloc();
	avc = anon_vma_chain_alloc();
	if (!anon_vma || !avc) {
		if (anon_vma)
			put_anon_vma(anon_vma);
		if (avc)
			anon_vma_chain_free(avc);
		unlink_anon_vmas(vma);
		return -ENOMEM;
	}
	anon_vma->root = pvma->anon_vma->root;
	atomic_inc(&anon_vma->root->refcount);	/* the root outlives us */
	anon_vma_lock(anon_vma);
	anon_vma_chain_link(vma, avc, anon_vma);
	anon_vma_unlock(anon_vma);
	vma->anon_vma = anon_vma;
	return 0;
}

/*
 * unlink_anon_vmas - take a VMA that is going away off every anon_vma
 * list, under the root's mutex (one lock: they are all of one tree).
 * An anon_vma left with no VMA drops its own reference afterwards, with
 * the mutex released (the last put may free the root, whose mutex it
 * is). The chain is newest first, so the root goes last. May sleep.
 */
void unlink_anon_vmas(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *next;
	struct anon_vma *root = NULL;

	if (list_empty(&vma->anon_vma_chain)) {
		vma->anon_vma = NULL;
		return;
	}
	root = list_first_entry(&vma->anon_vma_chain, struct anon_vma_chain,
				same_vma)->anon_vma->root;
	anon_vma_lock(root);
	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		struct anon_vma *anon_vma = avc->anon_vma;

		WARN_ON(anon_vma->root != root);
		list_del(&avc->same_anon_vma);
		/* Empty ones stay listed here, to be put below. */
		if (list_empty(&anon_vma->head))
			continue;
		list_del(&avc->same_vma);
		anon_vma_chain_free(avc);
	}
	anon_vma_unlock(root);
	list_for_each_entry_safe(avc, next, &vma->anon_vma_chain, same_vma) {
		put_anon_vma(avc->anon_vma);
		list_del(&avc->same_vma);
		anon_vma_chain_free(avc);
	}
	vma->anon_vma = NULL;
}

/* ---- pages -------------------------------------------------------- */

static unsigned long linear_page_index(struct vm_area_struct *vma,
				       unsigned long address)
{
	return ((address - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

unsigned long vma_address(struct page *page, struct vm_area_struct *vma)
{
	unsigned long address = vma->vm_start +
				((page->index - vma->vm_pgoff) << PAGE_SHIFT);

	if (page->index < vma->vm_pgoff || address >= vma->vm_end)
		return -EFAULT;
	return address;
}

/*
 * A new anonymous page, mapped once at @address in @vma (the fault path,
 * under the PTL, after anon_vma_prepare). It is ours alone still, so its
 * fields may change without atomics.
 */
void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address)
{
	WARN_ON(!vma->anon_vma);
	SetPageAnon(page);
	page->index = linear_page_index(vma, address);
	WRITE_ONCE(page->mapping,
		   (void *)((unsigned long)vma->anon_vma | PAGE_MAPPING_ANON));
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

/* ---- the walk ----------------------------------------------------- */

/*
 * Lock the tree of @page's anon_vma, pinning that anon_vma; NULL if the
 * page is not mapped any more. No mmap_lock is held, so the anon_vma may
 * be going away as we look: a reference taken only while the count is
 * not zero, on memory that stays an anon_vma (SLAB_TYPESAFE), and a
 * recheck that the page still points at it and is mapped, make it safe.
 * (Linux does the same under rcu_read_lock() with SLAB_TYPESAFE_BY_RCU.)
 */
static struct anon_vma *page_lock_anon_vma(struct page *page)
{
	struct anon_vma *anon_vma = page_anon_vma(page);

	if (!anon_vma || !page_mapped(page))
		return NULL;
	if (!atomic_inc_not_zero(&anon_vma->refcount))
		return NULL;
	if (page_anon_vma(page) != anon_vma || !page_mapped(page)) {
		put_anon_vma(anon_vma);
		return NULL;
	}
	anon_vma_lock(anon_vma);
	return anon_vma;
}

static void page_unlock_anon_vma(struct anon_vma *anon_vma)
{
	anon_vma_unlock(anon_vma);
	put_anon_vma(anon_vma);
}

/*
 * A page-cache page: every VMA on its file's i_mmap whose range of the
 * file covers page->index, under i_mmap_mutex (which also holds their
 * bounds still). The caller keeps the page in its file (Linux holds the
 * page lock; here a reference to the file, or the page mapped, does).
 */
static void rmap_walk_file(struct page *page, struct rmap_walk_control *rwc)
{
	struct address_space *mapping = READ_ONCE(page->mapping);
	struct vm_area_struct *vma;

	if (!mapping)
		return;		/* truncated */
	mutex_lock(&mapping->i_mmap_mutex);
	list_for_each_entry(vma, &mapping->i_mmap, shared) {
		unsigned long address = vma_address(page, vma);

		if (address == (unsigned long)-EFAULT)
			continue;
		if (!rwc->rmap_one(page, vma, address, rwc->arg))
			break;
	}
	mutex_unlock(&mapping->i_mmap_mutex);
}

void rmap_walk(struct page *page, struct rmap_walk_control *rwc)
{
	struct anon_vma *anon_vma;
	struct anon_vma_chain *avc;

	if (!PageAnon(page)) {
		rmap_walk_file(page, rwc);
		return;
	}
	anon_vma = page_lock_anon_vma(page);
	if (!anon_vma)
		return;
	list_for_each_entry(avc, &anon_vma->head, same_anon_vma) {
		struct vm_area_struct *vma = avc->vma;
		unsigned long address = vma_address(page, vma);

		if (address == (unsigned long)-EFAULT)
			continue;
		if (!rwc->rmap_one(page, vma, address, rwc->arg))
			break;
	}
	page_unlock_anon_vma(anon_vma);
}

static bool count_one(struct page *page, struct vm_area_struct *vma,
		      unsigned long address, void *arg)
{
	if (page_mapped_in_vma(page, vma, address))
		(*(int *)arg)++;
	return true;
}

int page_rmap_count(struct page *page)
{
	int found = 0;
	struct rmap_walk_control rwc = { .rmap_one = count_one, .arg = &found };

	rmap_walk(page, &rwc);
	return found;
}

/* ---- mm_take_all_locks ------------------------------------------- */

/*
 * Taking every reverse-map lock of an mm is Linux's answer to "stop every
 * walk of these pages" (seed 002; mmu_notifier_register is its user).
 * Two things make it hard:
 *
 *	- many locks of one class at once: lockdep accepts them because
 *	  mmap_lock, held for writing, serializes every such acquisition
 *	  (mutex_lock_nested with mmap_lock as the nest lock);
 *	- the same lock reached many times: VMAs share a file, and every
 *	  anon_vma of a tree shares the root's mutex (seed 003: a fork
 *	  chain's VMAs all lead to one root). A mark on the mapping or the
 *	  root says "taken already"; mm_all_locks_mutex keeps two callers
 *	  (two mms sharing a tree) from reading each other's marks.
 *
 * Order, as everywhere: all i_mmap_mutexes, then all anon_vma roots.
 */
static DEFINE_MUTEX(mm_all_locks_mutex);

static void vm_lock_mapping(struct mm_struct *mm,
			    struct address_space *mapping)
{
	if (test_bit(AS_MM_ALL_LOCKS, &mapping->flags))
		return;
	mutex_lock_nested(&mapping->i_mmap_mutex, &mm->mmap_lock);
	set_bit(AS_MM_ALL_LOCKS, &mapping->flags);
}

static void vm_lock_anon_vma(struct mm_struct *mm, struct anon_vma *anon_vma)
{
	struct anon_vma *root = anon_vma->root;

	if (root->all_locks_mark)
		return;
	mutex_lock_nested(&root->mutex, &mm->mmap_lock);
	root->all_locks_mark = true;
}

static struct address_space *vma_file_mapping(struct vm_area_struct *vma)
{
	return vma->vm_file ? vma->vm_file->f_inode->i_mapping : NULL;
}

int mm_take_all_locks(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct anon_vma_chain *avc;

	mmap_assert_write_locked(mm);
	mutex_lock(&mm_all_locks_mutex);
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		if (signal_pending(current))
			goto interrupted;
		if (vma_file_mapping(vma))
			vm_lock_mapping(mm, vma_file_mapping(vma));
	}
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		if (signal_pending(current))
			goto interrupted;
		list_for_each_entry(avc, &vma->anon_vma_chain, same_vma)
			vm_lock_anon_vma(mm, avc->anon_vma);
	}
	return 0;
interrupted:
	mm_drop_all_locks(mm);
	return -EINTR;
}

/* Undo mm_take_all_locks (or a part of it): each marked lock, once. */
void mm_drop_all_locks(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct anon_vma_chain *avc;

	mmap_assert_write_locked(mm);
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		list_for_each_entry(avc, &vma->anon_vma_chain, same_vma) {
			struct anon_vma *root = avc->anon_vma->root;

			if (root->all_locks_mark) {
				root->all_locks_mark = false;
				mutex_unlock(&root->mutex);
			}
		}
		if (vma_file_mapping(vma) &&
		    test_and_clear_bit(AS_MM_ALL_LOCKS,
				       &vma_file_mapping(vma)->flags))
			mutex_unlock(&vma_file_mapping(vma)->i_mmap_mutex);
	}
	mutex_unlock(&mm_all_locks_mutex);
}
