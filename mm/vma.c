// SPDX-License-Identifier: MIT
/*
 * mm/vma.c: the VMA tree of an address space, the core that mmap,
 * munmap, mprotect, brk, mremap, the fault handler and /proc/<pid>/maps
 * stand on. Types in <anvil/mm_types.h>, mm-private declarations in
 * mm/vma_internal.h, pictures in docs/mm.md.
 *
 *	vm_area_alloc/dup/free	VMA objects, from vm_area_cachep
 *	find_vma, find_vma_prev, find_vma_intersection
 *				O(log n) lookups through mm->mm_rb, with
 *				a one-entry cache (mm->mmap_cache)
 *	find_vma_links, vma_link, insert_vm_struct, vma_unlink
 *				putting VMAs in and taking them out
 *	vma_adjust, split_vma	changing a VMA's bounds
 *	vma_merge		joining a range with its neighbours
 *	get_unmapped_area	finding a free range, top-down
 *	vma_remove_range	detaching a range for munmap
 *	mm_validate		debug: do tree, list and counters agree?
 *
 * Every VMA of an mm is in two structures at once, kept in step by
 * vma_link() and vma_unlink() only: the red-black tree mm->mm_rb,
 * ordered by vm_start, and the list mm->mmap / vm_next / vm_prev, in the
 * same order. VMAs never overlap, so ordering by vm_start is also
 * ordering by vm_end, and a VMA's bounds may change in place (without
 * re-sorting) as long as it stays clear of its neighbours.
 *
 * Locking: everything that changes the tree, the list, a VMA's bounds or
 * flags, or map_count needs mmap_lock held for writing; lookups need it
 * for reading. Checked in debug builds (mmap_assert_*_locked). A file
 * VMA is also on its file's i_mmap list: vma_link/vma_unlink keep it
 * there, and vma_adjust() holds the file's i_mmap_mutex (inside
 * mmap_lock, as in Linux's mm/rmap.c lock order) around its bound
 * changes; the file side itself is mm/vma_file.c. The anon_vma root
 * mutex nests inside it there, so an rmap walk (which holds only that
 * mutex) never sees a VMA's bounds and vm_pgoff disagree.
 */
#include <anvil/kernel.h>
#include <anvil/rbtree.h>
#include <anvil/rmap.h>
#include <anvil/slab.h>

#include "vma_internal.h"

struct kmem_cache *vm_area_cachep;
int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;
/* 64 KiB, the value most Linux distributions ship, on every arch. */
unsigned long mmap_min_addr = 0x10000;

static struct vm_area_struct *rb_to_vma(struct rb_node *node)
{
	return rb_entry_safe(node, struct vm_area_struct, vm_rb);
}

/* ---- VMA objects -------------------------------------------------- */

void vma_cache_init(void)
{
	anon_vma_init();
	if (vm_area_cachep)
		return; /* mm_init made it; host tests may call again */
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 0,
					   SLAB_PANIC, NULL);
}

/* A zeroed VMA for @mm, in no tree; NULL if out of memory. May sleep. */
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	vma = kmem_cache_zalloc(vm_area_cachep, GFP_KERNEL);
	if (!vma)
		return NULL;
	vma->vm_mm = mm;
	RB_CLEAR_NODE(&vma->vm_rb);
	INIT_LIST_HEAD(&vma->vm_detached);
	INIT_LIST_HEAD(&vma->shared);
	INIT_LIST_HEAD(&vma->anon_vma_chain);
	return vma;
}

/*
 * A copy of @orig (bounds, flags, backing) in no tree; NULL if out of
 * memory. May sleep. The copy takes its own file reference here; its
 * anon_vma pointer is @orig's, but it is on no anon_vma list until the
 * caller chains it (anon_vma_clone, or anon_vma_fork, which may fail).
 * Every VMA is freed the same way: vm_area_free drops what it holds.
 */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = vm_area_alloc(orig->vm_mm);

	if (!new)
		return NULL;
	*new = *orig;
	new->vm_next = new->vm_prev = NULL;
	RB_CLEAR_NODE(&new->vm_rb);
	INIT_LIST_HEAD(&new->vm_detached);
	INIT_LIST_HEAD(&new->shared);
	INIT_LIST_HEAD(&new->anon_vma_chain);
	if (new->vm_file)
		vma_get_file(new);
	return new;
}

/*
 * Free a VMA that is in no tree (nor on its file's i_mmap), taking it
 * off its anon_vmas (whose root mutex may sleep) and dropping its file
 * reference (which may sleep when it was the file's last). Its pages
 * must be unmapped already: an anon_vma it was the last VMA of goes too.
 */
void vm_area_free(struct vm_area_struct *vma)
{
	WARN_ON(!RB_EMPTY_NODE(&vma->vm_rb));
	WARN_ON(!list_empty(&vma->shared));
	unlink_anon_vmas(vma);
	if (vma->vm_file)
		vma_put_file(vma);
	kmem_cache_free(vm_area_cachep, vma);
}

/* ---- lookups ------------------------------------------------------ */

/*
 * find_vma - the VMA containing @addr or, failing that, the first one
 * above it; NULL if every VMA ends at or below @addr.
 *
 * mmap_lock held, for reading at least. Faults look up the same VMA over
 * and over, so the answer is remembered in mm->mmap_cache. Several
 * readers may write the cache at once: any of their answers is a VMA of
 * this mm, valid for as long as they hold the lock, and a writer clears
 * it before freeing a VMA (vma_unlink). Later Linux moved the cache into
 * the task to stop CPUs bouncing this cache line.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = READ_ONCE(mm->mmap_cache);
	struct rb_node *node = mm->mm_rb.rb_node;

	mmap_assert_locked(mm);
	if (vma && vma->vm_start <= addr && addr < vma->vm_end)
		return vma;
	vma = NULL;
	while (node) {
		struct vm_area_struct *v = rb_to_vma(node);

		if (v->vm_end > addr) {
			vma = v;	/* a candidate; a lower one may exist */
			if (v->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	if (vma)
		WRITE_ONCE(mm->mmap_cache, vma);
	return vma;
}

/*
 * find_vma_prev - find_vma(), and in *@pprev the VMA just below the one
 * returned (the last VMA of all if it returns NULL; NULL if none).
 * mmap_lock held, for reading at least.
 */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	*pprev = vma ? vma->vm_prev : rb_to_vma(rb_last(&mm->mm_rb));
	return vma;
}

/* The first VMA overlapping [@start, @end), or NULL. mmap_lock held. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (vma && end <= vma->vm_start)
		vma = NULL;
	return vma;
}

/* ---- linking and unlinking ---------------------------------------- */

/*
 * The descent a new node's insertion makes anyway tells where it goes in
 * the list too: the last node where we turned right is its predecessor.
 */
int find_vma_links(struct mm_struct *mm, unsigned long start,
		   unsigned long end, struct vm_area_struct **pprev,
		   struct rb_node ***rb_link, struct rb_node **rb_parent)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;
	struct rb_node *prev = NULL;

	while (*link) {
		struct vm_area_struct *v = rb_to_vma(*link);

		parent = *link;
		if (v->vm_end > start) {
			if (v->vm_start < end)
				return -ENOMEM;		/* overlap */
			link = &parent->rb_left;
		} else {
			prev = parent;
			link = &parent->rb_right;
		}
	}
	*pprev = rb_to_vma(prev);
	*rb_link = link;
	*rb_parent = parent;
	return 0;
}

/* Into the tree and the list only; the caller sees to i_mmap. */
static void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		       struct vm_area_struct *prev, struct rb_node **rb_link,
		       struct rb_node *rb_parent)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	mmap_assert_write_locked(mm);
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
	rb_link_node(&vma->vm_rb, rb_parent, rb_link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	mm->map_count++;
	/* Later: the anon_vma is linked here. */
}

/*
 * Link @vma into @mm and, for a file VMA, onto the end of its file's
 * i_mmap list (under i_mmap_mutex, which nests inside mmap_lock). The
 * end matters for fork: the child's copy of a VMA is linked, and then
 * its PTEs are copied, after the parent's, so a truncate walking i_mmap
 * from the front zaps the parent's PTEs before the child's and cannot
 * miss one the copy is carrying across (Linux inserts the child after
 * the parent in its interval tree for the same reason). May sleep.
 */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
	      struct vm_area_struct *prev, struct rb_node **rb_link,
	      struct rb_node *rb_parent)
{
	__vma_link(mm, vma, prev, rb_link, rb_parent);
	if (vma->vm_file) {
		vma_file_lock(vma);
		__vma_link_file(vma);
		vma_file_unlock(vma);
	}
}

/*
 * insert_vm_struct - link a VMA the caller built into @mm (exec's stack,
 * special mappings, fork's copies). An anonymous VMA with no pages yet
 * (no anon_vma) gets its page number as vm_pgoff, which is what lets
 * neighbouring anonymous VMAs merge; one with an anon_vma keeps its own,
 * since its pages' page->index are counted in it.
 * Returns 0, -EINVAL if the range is empty or not page-aligned, or
 * -ENOMEM if it overlaps a VMA. mmap_lock held for writing.
 */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev;
	struct rb_node **link, *parent;

	mmap_assert_write_locked(mm);
	if (vma->vm_start >= vma->vm_end || !PAGE_ALIGNED(vma->vm_start) ||
	    !PAGE_ALIGNED(vma->vm_end))
		return -EINVAL;
	if (find_vma_links(mm, vma->vm_start, vma->vm_end, &prev, &link,
			   &parent))
		return -ENOMEM;
	/* One with pages keeps its numbering: they remember it. */
	if (!vma->vm_file && !vma->anon_vma)
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	vma->vm_mm = mm;
	vma_link(mm, vma, prev, link, parent);
	return 0;
}

static void __vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma->vm_prev, *next = vma->vm_next;

	mmap_assert_write_locked(mm);
	if (prev)
		prev->vm_next = next;
	else
		mm->mmap = next;
	if (next)
		next->vm_prev = prev;
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	RB_CLEAR_NODE(&vma->vm_rb);
	vma->vm_next = vma->vm_prev = NULL;
	mm->map_count--;
	if (mm->mmap_cache == vma)
		mm->mmap_cache = NULL;
}

/*
 * Take @vma off its file's i_mmap (if it is on it: exit_mmap takes every
 * VMA off first, before it frees the page tables a truncate would
 * walk). i_mmap_mutex is taken here. May sleep.
 */
void unlink_file_vma(struct vm_area_struct *vma)
{
	if (!vma->vm_file)
		return;
	vma_file_lock(vma);
	__unlink_file_vma(vma);
	vma_file_unlock(vma);
}

/* Out of the tree, the list and i_mmap; not freed. May sleep. */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	__vma_unlink(mm, vma);
	unlink_file_vma(vma);
}

/* ---- changing bounds ---------------------------------------------- */

/*
 * @importer takes over (part of) @exporter's range: it must be able to
 * find the anonymous pages there, so it is chained to @exporter's
 * anon_vmas, unless it has an anon_vma already (the merge rules then
 * say it is the same one). 0 or -ENOMEM.
 */
static int vma_import_anon(struct vm_area_struct *importer,
			   struct vm_area_struct *exporter)
{
	if (importer->anon_vma || !exporter->anon_vma)
		return 0;
	if (anon_vma_clone(importer, exporter))
		return -ENOMEM;
	importer->anon_vma = exporter->anon_vma;
	return 0;
}

/*
 * Take @next, which @vma has swallowed, out of the tree and i_mmap (they
 * map the same file, or none, whose i_mmap_mutex vma_adjust holds) and
 * onto @gone, to be freed once vma_adjust has let go of the anon_vma
 * lock that freeing takes.
 */
static void vma_absorb(struct vm_area_struct *vma, struct vm_area_struct *next,
		       struct list_head *gone)
{
	__vma_unlink(vma->vm_mm, next);
	if (next->vm_file)
		__unlink_file_vma(next);
	list_add_tail(&next->vm_detached, gone);
}

/*
 * Chain whichever VMA grows over another's pages to its anon_vmas, before
 * anything moves (it may fail). Returns 0 or -ENOMEM.
 */
static int vma_adjust_import(struct vm_area_struct *vma, unsigned long end)
{
	struct vm_area_struct *next = vma->vm_next, *n;
	int err = 0;

	for (n = next; n && end > n->vm_start && !err; n = n->vm_next)
		err = vma_import_anon(vma, n);		/* @vma grows */
	if (!err && next && end < vma->vm_end && next->vm_start == vma->vm_end)
		err = vma_import_anon(next, vma);	/* @next grows down */
	return err;
}

/*
 * vma_adjust - give @vma the range [@start, @end) at file offset @pgoff,
 * keeping the address space consistent around it:
 *
 *  - With @insert (split_vma): @insert, built by the caller, is linked
 *    into the room @vma gives up. Nothing else moves.
 *  - Without, when @end reaches past vm_next's start: every next VMA that
 *    @end covers completely is removed and freed (merge cases 1, 6, 7,
 *    8), and one that it covers in part loses its head (case 5).
 *  - Without, when @vma shrinks at the end and vm_next starts right
 *    there: vm_next grows down to @end (case 4). So to trim a VMA with
 *    a neighbour right after it, split it and unlink the piece instead.
 *
 * @start may move down into a hole (case 3), but not below the previous
 * VMA's end. Returns 0, -ENOMEM when a VMA growing over another's pages
 * cannot be chained to its anon_vmas (nothing changed then), or -EINVAL
 * for a misshapen range (a bug in the caller: warns); an @insert that
 * overlaps is a BUG.
 *
 * The bounds and offsets change under the file's i_mmap_mutex (for a
 * truncate walking i_mmap) and the anon_vma root mutex (for an rmap
 * walk), so neither walk sees half a change: every VMA involved maps the
 * same file and is on the same anon_vma tree (vma_merge and split see to
 * it). mmap_lock held for writing. May sleep (the mutexes).
 */
int vma_adjust(struct vm_area_struct *vma, unsigned long start,
	       unsigned long end, unsigned long pgoff,
	       struct vm_area_struct *insert)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *next = vma->vm_next, *gone_vma, *tmp;
	struct anon_vma *anon_vma;
	long adjust_next = 0;	/* pages vm_next's start moves up by */
	LIST_HEAD(gone);

	mmap_assert_write_locked(mm);
	if (WARN_ON(start >= end || !PAGE_ALIGNED(start) ||
		    !PAGE_ALIGNED(end) ||
		    (vma->vm_prev && start < vma->vm_prev->vm_end)))
		return -EINVAL;
	if (!insert && vma_adjust_import(vma, end))
		return -ENOMEM;
	anon_vma = vma->anon_vma;
	if (!anon_vma && next && !insert)
		anon_vma = next->anon_vma;
	if (vma->vm_file)
		vma_file_lock(vma);
	if (anon_vma)
		anon_vma_lock(anon_vma);
	if (!insert) {
		while (next && end >= next->vm_end) {
			vma_absorb(vma, next, &gone);
			next = vma->vm_next;
		}
		if (next && end > next->vm_start)
			adjust_next = (long)(end - next->vm_start) >> PAGE_SHIFT;
		else if (next && end < vma->vm_end &&
			 next->vm_start == vma->vm_end)
			adjust_next = -((long)(vma->vm_end - end) >> PAGE_SHIFT);
	}
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_pgoff = pgoff;
	if (adjust_next) {
		next->vm_start += adjust_next * (long)PAGE_SIZE;
		next->vm_pgoff += adjust_next;
	}
	if (insert) {
		struct vm_area_struct *prev;
		struct rb_node **link, *parent;

		/* @vma has already moved: too late to back out cleanly. */
		BUG_ON(find_vma_links(mm, insert->vm_start, insert->vm_end,
				      &prev, &link, &parent));
		__vma_link(mm, insert, prev, link, parent);
		if (insert->vm_file)
			__vma_link_file(insert);
	}
	if (anon_vma)
		anon_vma_unlock(anon_vma);
	/* @vma holds the file too: these puts are not its last reference. */
	list_for_each_entry_safe(gone_vma, tmp, &gone, vm_detached) {
		list_del_init(&gone_vma->vm_detached);
		vm_area_free(gone_vma);
	}
	if (vma->vm_file)
		vma_file_unlock(vma);
	return 0;
}

/*
 * __split_vma - cut @vma in two at @addr. The new VMA gets the part
 * below @addr if @new_below, else the part above; @vma keeps the rest
 * (and stays the one in mmap_cache, if it was). Returns 0, -EINVAL if
 * @addr is not a page boundary strictly inside @vma, or -ENOMEM.
 * mmap_lock held for writing. May sleep (allocates).
 */
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long addr, int new_below)
{
	unsigned long head_pages = (addr - vma->vm_start) >> PAGE_SHIFT;
	struct vm_area_struct *new;
	int err;

	mmap_assert_write_locked(mm);
	if (addr <= vma->vm_start || addr >= vma->vm_end || !PAGE_ALIGNED(addr))
		return -EINVAL;
	new = vm_area_dup(vma);
	if (!new)
		return -ENOMEM;
	if (anon_vma_clone(new, vma)) {		/* it shares the pages */
		vm_area_free(new);
		return -ENOMEM;
	}
	if (new_below) {
		new->vm_end = addr;
		err = vma_adjust(vma, addr, vma->vm_end,
				 vma->vm_pgoff + head_pages, new);
	} else {
		new->vm_start = addr;
		new->vm_pgoff += head_pages;
		err = vma_adjust(vma, vma->vm_start, addr, vma->vm_pgoff, new);
	}
	if (err)
		vm_area_free(new);
	return err;
}

/* __split_vma(), refusing (-ENOMEM) when @mm has its most VMAs already. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below)
{
	if (mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	return __split_vma(mm, vma, addr, new_below);
}

/* ---- merging ------------------------------------------------------ */

/* Either side may still have no anon_vma: faults have not touched it. */
static bool is_mergeable_anon_vma(struct anon_vma *a, struct anon_vma *b)
{
	return !a || !b || a == b;
}

/*
 * Same flags, same file. Later also: no vm_ops->close (a driver that
 * counts its VMAs must see each one closed).
 */
static bool is_mergeable_vma(struct vm_area_struct *vma, unsigned long flags,
			     struct file *file)
{
	return vma->vm_flags == flags && vma->vm_file == file;
}

/* May a range ending at @next's start, at offset @pgoff_end, join it? */
static bool can_vma_merge_before(struct vm_area_struct *next,
				 unsigned long flags, struct anon_vma *anon,
				 struct file *file, unsigned long pgoff_end)
{
	return is_mergeable_vma(next, flags, file) &&
	       is_mergeable_anon_vma(anon, next->anon_vma) &&
	       next->vm_pgoff == pgoff_end;
}

/* May a range starting at @prev's end, at offset @pgoff, join it? */
static bool can_vma_merge_after(struct vm_area_struct *prev,
				unsigned long flags, struct anon_vma *anon,
				struct file *file, unsigned long pgoff)
{
	return is_mergeable_vma(prev, flags, file) &&
	       is_mergeable_anon_vma(anon, prev->anon_vma) &&
	       prev->vm_pgoff + vma_pages(prev) == pgoff;
}

/*
 * vma_merge - the range [@addr, @end), about to get @vm_flags, @file at
 * @pgoff and @anon_vma, is being mapped into a hole (mmap, brk, mremap)
 * or already lies inside one VMA (mprotect). @prev is the VMA below it
 * (for mprotect inside a VMA, that VMA itself). Merge it with the
 * neighbours if they are compatible and adjacent, and return the VMA
 * that now covers it; NULL if nothing merged (the caller then splits
 * or inserts a new VMA). The caller sets the flags afterwards.
 *
 * The cases, Linux's numbering. A is [addr, end), P is prev, N next, X
 * the one after N; the line below shows the result.
 *
 *	    AAAA             AAAA                AAAA          AAAA
 *	PPPPPPNNNNNN     PPPPPPNNNNNN    PPPPPPNNNNNN    PPPPNNNNXXXX
 *	cannot merge     might become    might become    might become
 *	                 PPNNNNNNNNNN    PPPPPPPPPPNN    PPPPPPPPPPPP 6 or
 *	mmap, brk or     case 4 below    case 5 below    PPPPPPPPXXXX 7 or
 *	mremap move:                                     PPPPNNNNNNNN 8
 *	    AAAA
 *	PPPP    NNNN     PPPPPPPPPPPP    PPPPPPPPNNNN    PPPPNNNNNNNN
 *	might become     case 1 below    case 2 below    case 3 below
 *
 * In cases 6-8, A is exactly an existing VMA (N) whose flags change;
 * in 8 it is N that grows over X. mmap_lock held for writing.
 */
struct vm_area_struct *vma_merge(struct mm_struct *mm,
				 struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file,
				 unsigned long pgoff)
{
	unsigned long pglen = (end - addr) >> PAGE_SHIFT;
	struct vm_area_struct *area, *next;
	bool with_prev, with_next;

	mmap_assert_write_locked(mm);
	if (vm_flags & VM_SPECIAL)
		return NULL;
	area = prev ? prev->vm_next : mm->mmap;
	next = area;
	if (area && area->vm_end == end)	/* cases 6, 7, 8 */
		next = area->vm_next;
	with_prev = prev && prev->vm_end == addr &&
		    can_vma_merge_after(prev, vm_flags, anon_vma, file, pgoff);
	with_next = next && next->vm_start == end &&
		    can_vma_merge_before(next, vm_flags, anon_vma, file,
					 pgoff + pglen);
	if (with_prev && with_next &&
	    is_mergeable_anon_vma(prev->anon_vma, next->anon_vma)) {
		/* cases 1, 6 */
		if (vma_adjust(prev, prev->vm_start, next->vm_end,
			       prev->vm_pgoff, NULL))
			return NULL;
		return prev;
	}
	if (with_prev) {			/* cases 2, 5, 7 */
		if (vma_adjust(prev, prev->vm_start, end, prev->vm_pgoff, NULL))
			return NULL;
		return prev;
	}
	if (!with_next)
		return NULL;
	if (prev && addr < prev->vm_end) {	/* case 4 */
		if (vma_adjust(prev, prev->vm_start, addr, prev->vm_pgoff,
			       NULL))
			return NULL;
		return next;
	}
	/* cases 3, 8 */
	if (vma_adjust(area, addr, next->vm_end, next->vm_pgoff - pglen, NULL))
		return NULL;
	return area;
}

/* ---- free space --------------------------------------------------- */

/*
 * The highest gap of @len bytes inside [@low, @high): walk down from the
 * VMA at the top through vm_prev. O(n) in the VMAs passed, as in Linux
 * 2.6; Linux 3.8 made it O(log n) by keeping in each tree node the
 * largest gap below it (an augmented rbtree).
 */
static bool gap_top_down(struct mm_struct *mm, unsigned long len,
			 unsigned long low, unsigned long high,
			 unsigned long *found)
{
	struct vm_area_struct *below;
	unsigned long gap_end = high, gap_start;

	if (high < low || high - low < len)
		return false;
	below = find_vma(mm, high - 1);
	if (below && below->vm_start < high)
		gap_end = below->vm_start;	/* it reaches into the window */
	below = below ? below->vm_prev : rb_to_vma(rb_last(&mm->mm_rb));
	for (;;) {
		gap_start = below ? max(below->vm_end, low) : low;
		if (gap_end >= gap_start && gap_end - gap_start >= len) {
			*found = gap_end - len;
			return true;
		}
		if (!below || below->vm_start <= low)
			return false;
		gap_end = below->vm_start;
		below = below->vm_prev;
	}
}

/* The lowest gap of @len bytes inside [@low, @high). */
static bool gap_bottom_up(struct mm_struct *mm, unsigned long len,
			  unsigned long low, unsigned long high,
			  unsigned long *found)
{
	struct vm_area_struct *vma = find_vma(mm, low);
	unsigned long gap_start = low, gap_end;

	for (;;) {
		gap_end = vma ? min(vma->vm_start, high) : high;
		if (gap_end >= gap_start && gap_end - gap_start >= len) {
			*found = gap_start;
			return true;
		}
		if (!vma || vma->vm_end >= high)
			return false;
		gap_start = vma->vm_end;
		vma = vma->vm_next;
	}
}

/*
 * get_unmapped_area - where to put a new mapping of @len bytes.
 * @addr: a hint, or 0. If the page-aligned hint leaves room for @len
 * bytes between mmap_min_addr and task_size, clear of every VMA, it is
 * the answer.
 *
 * Otherwise the highest gap below mm->mmap_base (Linux's top-down
 * layout: mappings grow down towards the heap), and if there is none,
 * the lowest gap anywhere in [mmap_min_addr, task_size), as Linux falls
 * back to its bottom-up layout.
 *
 * MAP_FIXED never comes here: the caller checks the range itself,
 * removes what is there (vma_remove_range) and maps at @addr;
 * MAP_FIXED_NOREPLACE asks find_vma_intersection() instead.
 *
 * Returns the address, or -ENOMEM if nothing fits: error values are not
 * page-aligned, so callers test !PAGE_ALIGNED(result), as Linux's mmap
 * tests offset_in_page(). mmap_lock held (for writing, in practice, so
 * the range is still free when the caller maps it).
 */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len)
{
	unsigned long low = mmap_min_addr, high = mm->task_size;
	unsigned long found;

	mmap_assert_locked(mm);
	if (!len || high <= low || len > high - low)
		return -ENOMEM;
	len = ALIGN(len, PAGE_SIZE);
	if (len > high - low)
		return -ENOMEM;
	if (addr && addr <= high - len) {
		addr = ALIGN(addr, PAGE_SIZE);
		if (addr >= low && addr <= high - len &&
		    !find_vma_intersection(mm, addr, addr + len))
			return addr;
	}
	if (gap_top_down(mm, len, low, min(mm->mmap_base, high), &found) ||
	    gap_bottom_up(mm, len, low, high, &found))
		return found;
	return -ENOMEM;
}

/* ---- removing a range --------------------------------------------- */

/*
 * vma_remove_range - take every part of every VMA inside [@start, @end)
 * out of @mm, for munmap (and MAP_FIXED, mremap, brk shrinking).
 *
 * A VMA straddling @start or @end is split first, so only the inside
 * goes; the pieces removed are added, lowest first, to @detached through
 * vm_detached. The caller then zaps their pages and frees them
 * (vm_area_free). Holes in the range are fine; an empty result is not
 * an error.
 *
 * Returns 0, -EINVAL if the range is empty or not page-aligned, or
 * -ENOMEM if a split needed memory or would take the mm past
 * sysctl_max_map_count; then @mm is as it was. mmap_lock held for
 * writing. May sleep (allocates).
 */
int vma_remove_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end, struct list_head *detached)
{
	struct vm_area_struct *vma, *last, *next, *head = NULL;
	int err;

	mmap_assert_write_locked(mm);
	if (start >= end || !PAGE_ALIGNED(start) || !PAGE_ALIGNED(end))
		return -EINVAL;
	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (start > vma->vm_start) {
		/* Punching out the middle makes one VMA more in the end. */
		if (end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
			return -ENOMEM;
		err = __split_vma(mm, vma, start, 0);
		if (err)
			return err;
		head = vma;
	}
	last = find_vma(mm, end);
	if (last && last->vm_start < end) {
		err = __split_vma(mm, last, end, 1);
		if (err) {
			/* Undo the first split: the head swallows its tail. */
			if (head)
				vma_adjust(head, head->vm_start,
					   head->vm_next->vm_end,
					   head->vm_pgoff, NULL);
			return err;
		}
	}
	/* The splits moved things around: look the first one up again. */
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = next) {
		next = vma->vm_next;
		vma_unlink(mm, vma);
		list_add_tail(&vma->vm_detached, detached);
	}
	return 0;
}

/* ---- debugging ---------------------------------------------------- */

static char validate_msg[160];

#define INVALID(...)                                                        \
	({                                                                  \
		snprintf(validate_msg, sizeof(validate_msg), __VA_ARGS__);  \
		validate_msg;                                               \
	})

/* The checks on one VMA against the one before it in the list. */
static const char *validate_vma(struct mm_struct *mm,
				struct vm_area_struct *vma,
				struct vm_area_struct *prev)
{
	if (vma->vm_mm != mm)
		return INVALID("vma %lx-%lx: wrong vm_mm", vma->vm_start,
			       vma->vm_end);
	if (vma->vm_start >= vma->vm_end || !PAGE_ALIGNED(vma->vm_start) ||
	    !PAGE_ALIGNED(vma->vm_end))
		return INVALID("vma %lx-%lx: bad bounds", vma->vm_start,
			       vma->vm_end);
	if (vma->vm_prev != prev)
		return INVALID("vma %lx-%lx: wrong vm_prev", vma->vm_start,
			       vma->vm_end);
	if (prev && prev->vm_end > vma->vm_start)
		return INVALID("vma %lx-%lx overlaps or precedes %lx-%lx",
			       vma->vm_start, vma->vm_end, prev->vm_start,
			       prev->vm_end);
	if (mm->task_size && vma->vm_end > mm->task_size)
		return INVALID("vma %lx-%lx: beyond task_size", vma->vm_start,
			       vma->vm_end);
	return NULL;
}

/*
 * mm_validate - check @mm's VMA structures: the list is sorted and
 * non-overlapping with consistent back links, the tree holds the same
 * VMAs in the same order, both have map_count entries, and mmap_cache is
 * NULL or one of them. Returns NULL if all is well, else a description
 * of the first problem (in a static buffer). O(n): for tests and debug
 * checks. mmap_lock held, for reading at least.
 */
const char *mm_validate(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *prev = NULL;
	struct rb_node *node = rb_first(&mm->mm_rb);
	bool cache_seen = !mm->mmap_cache;
	int n = 0;
	const char *bad;

	mmap_assert_locked(mm);
	for (vma = mm->mmap; vma; prev = vma, vma = vma->vm_next, n++) {
		bad = validate_vma(mm, vma, prev);
		if (bad)
			return bad;
		if (node != &vma->vm_rb)
			return INVALID("vma %lx-%lx: tree order differs from list",
				       vma->vm_start, vma->vm_end);
		node = rb_next(node);
		cache_seen |= vma == mm->mmap_cache;
		if (n > mm->map_count)
			return INVALID("list longer than map_count %d",
				       mm->map_count);
	}
	if (node)
		return INVALID("tree has VMAs past the list's end");
	if (n != mm->map_count)
		return INVALID("%d VMAs, map_count %d", n, mm->map_count);
	if (!cache_seen)
		return INVALID("mmap_cache points at no VMA of this mm");
	return NULL;
}
