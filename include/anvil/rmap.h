/* SPDX-License-Identifier: MIT */
/*
 * The reverse map (mm/rmap.c, whose opening comment is the mm's lock
 * order): from a page back to the PTEs that map it.
 *
 * An anonymous page points (page->mapping, tagged PAGE_MAPPING_ANON) at
 * the anon_vma of the VMA that first faulted it in; page->index is its
 * page offset in that VMA's numbering (vm_pgoff, which mremap keeps).
 * After fork, the page may be mapped by the child's copy of the VMA too,
 * so each anon_vma lists, through anon_vma_chains, every VMA that may
 * map its pages: the VMA itself and all its descendants' copies.
 *
 *	   VMA (parent)             VMA' (child, after fork)
 *	   anon_vma_chain: [avc1]   anon_vma_chain: [avc3, avc2]  newest first
 *	            |                           |      |
 *	   anon_vma A (root) <------------------+------+--- B (child's own)
 *	   head: avc1, avc2                     B.head: avc3   B.root = A
 *
 * A page faulted before the fork is in A, and A's list reaches both
 * VMAs; a page the child faults or copies later is in B, whose list
 * holds only the child's VMA. Every anon_vma of one tree shares the
 * root's mutex (seed 003: always, and only, lock the root), and each
 * child holds a reference to the root, so the root is freed last.
 */
#ifndef ANVIL_RMAP_H
#define ANVIL_RMAP_H

#include <anvil/atomic.h>
#include <anvil/list.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mutex.h>

/*
 * One node of an anon_vma tree. refcount counts: one while any VMA is
 * chained to it (dropped when the last chain goes, unlink_anon_vmas),
 * one per other anon_vma whose root it is, and one per rmap walk in
 * progress. The memory is type-stable (SLAB_TYPESAFE): a walker holding
 * a stale page->mapping may still try atomic_inc_not_zero() on it.
 */
struct anon_vma {
	struct anon_vma *root;	/* [I] the tree's root; itself for one */
	struct mutex mutex;	/* only the root's is ever taken */
	atomic_t refcount;	/* [A] see above */
	struct list_head head;	/* [root->mutex] anon_vma_chain.same_anon_vma,
				 * oldest VMA first */
	bool all_locks_mark;	/* a root whose mutex mm_take_all_locks
				 * holds; under mm_all_locks_mutex */
};

/* Links one VMA to one anon_vma (many to many). */
struct anon_vma_chain {
	struct vm_area_struct *vma;
	struct anon_vma *anon_vma;
	struct list_head same_vma;	/* on vma->anon_vma_chain, newest
					 * first: [M], or the fault's
					 * page_table_lock for the first */
	struct list_head same_anon_vma;	/* on anon_vma->head [root->mutex] */
};

#define PAGE_MAPPING_ANON 0x1UL

/* How many PTEs map @page. */
static inline int page_mapcount(const struct page *page)
{
	return __atomic_load_n(&page->_mapcount, __ATOMIC_RELAXED) + 1;
}

static inline bool page_mapped(const struct page *page)
{
	return page_mapcount(page) > 0;
}

/* The anon_vma an anonymous page belongs to, or NULL. */
static inline struct anon_vma *page_anon_vma(const struct page *page)
{
	unsigned long m = (unsigned long)READ_ONCE(page->mapping);

	if (!(m & PAGE_MAPPING_ANON))
		return NULL;
	return (struct anon_vma *)(m & ~PAGE_MAPPING_ANON);
}

/* Lock the tree: the root's mutex, whichever node @anon_vma is. */
static inline void anon_vma_lock(struct anon_vma *anon_vma)
{
	mutex_lock(&anon_vma->root->mutex);
}

static inline void anon_vma_unlock(struct anon_vma *anon_vma)
{
	mutex_unlock(&anon_vma->root->mutex);
}

/* The same for a VMA's tree, if it has one yet. */
static inline void vma_lock_anon_vma(struct vm_area_struct *vma)
{
	if (vma->anon_vma)
		anon_vma_lock(vma->anon_vma);
}

static inline void vma_unlock_anon_vma(struct vm_area_struct *vma)
{
	if (vma->anon_vma)
		anon_vma_unlock(vma->anon_vma);
}

void anon_vma_init(void);
/* Give @vma an anon_vma before its first anonymous page (a fault). */
int anon_vma_prepare(struct vm_area_struct *vma);
/* Chain @dst to every anon_vma @src is on (split, mremap, merge). */
int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src);
/* fork: anon_vma_clone, plus a new anon_vma of the child's own. */
int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma);
/* Drop every chain of a VMA being freed; free what became unused. */
void unlink_anon_vmas(struct vm_area_struct *vma);
void put_anon_vma(struct anon_vma *anon_vma);
/* anon_vmas allocated now (tests: every one comes back). */
long nr_anon_vmas(void);

/*
 * mm_take_all_locks - hold every i_mmap_mutex and anon_vma root mutex
 * that @mm's VMAs use, each once, so that nothing can walk or change
 * the reverse map of any of @mm's pages until mm_drop_all_locks().
 * mmap_lock held for writing. 0, or -EINTR (nothing held) if a signal
 * came meanwhile.
 */
int mm_take_all_locks(struct mm_struct *mm);
void mm_drop_all_locks(struct mm_struct *mm);

/* Where @page is (or would be) mapped in @vma; -EFAULT if outside it. */
unsigned long vma_address(struct page *page, struct vm_area_struct *vma);

void page_add_new_anon_rmap(struct page *page, struct vm_area_struct *vma,
			    unsigned long address);
void page_add_file_rmap(struct page *page);
void page_dup_rmap(struct page *page);
void page_remove_rmap(struct page *page);

/*
 * rmap_walk - call @rmap_one for every VMA that may map @page, with the
 * address it would be at there, until @rmap_one returns false: through
 * the anon_vma tree for an anonymous page, its file's i_mmap for a
 * page-cache page. Takes the anon_vma root mutex or i_mmap_mutex, so it
 * may sleep; @rmap_one runs with it held, and may take PTLs.
 */
struct rmap_walk_control {
	bool (*rmap_one)(struct page *page, struct vm_area_struct *vma,
			 unsigned long address, void *arg);
	void *arg;
};
void rmap_walk(struct page *page, struct rmap_walk_control *rwc);

/* Does the PTE at @address in @vma map @page? (Takes the PTL.) */
bool page_mapped_in_vma(struct page *page, struct vm_area_struct *vma,
			unsigned long address);
/* How many PTEs rmap_walk finds mapping @page: page_mapcount, if right. */
int page_rmap_count(struct page *page);

#endif /* ANVIL_RMAP_H */
