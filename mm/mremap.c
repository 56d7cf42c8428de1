// SPDX-License-Identifier: MIT
/*
 * mm/mremap.c: growing, shrinking and moving a mapping (mremap).
 *
 *	do_mremap(mm, addr, old_len, new_len, flags, new_addr)
 *	  shrink	__do_munmap of the tail: the ordinary munmap walk
 *	  grow		in place when the range after the VMA is free
 *			(vma_merge/vma_adjust: just a bigger VMA)
 *	  move		MREMAP_MAYMOVE if it cannot grow in place,
 *			MREMAP_FIXED (to new_addr), MREMAP_DONTUNMAP:
 *	    move_vma
 *	      copy_vma		a VMA for the new range (or a neighbour
 *				grown over it)
 *	      move_page_tables	for each PTE table of the old range:
 *	        move_ptes	  both PTLs (old, then new nested), lazy
 *				  MMU mode, ptep_get_and_clear at the old
 *				  address, set_pte_at at the new one
 *	        flush_tlb_range	  then the old range, PTLs dropped,
 *				  mmap_lock still held
 *	      __do_munmap	the old range, through the mmu_gather: no
 *				PTEs are left there, so it frees the page
 *				tables and the old VMA (docs/mm.md)
 *
 * The pages are moved, not copied: each PTE goes from the old address
 * to the new one unchanged, so every page keeps its refcount and map
 * count, the mm its RSS, and a write through the old address that was
 * in flight on another CPU lands in the very page that is now at the
 * new one. Nothing is allocated for the data; only page tables for the
 * destination.
 *
 * Everything runs with mmap_lock held for writing, which is what makes
 * the order safe: a fault at either address waits, and nothing that
 * frees a mapped page (munmap, MADV_DONTNEED, a COW break, exit) can run
 * before the stale TLB entries of the old range are gone. When reclaim
 * arrives (pages freed through the reverse map, without mmap_lock), the
 * flush must happen before the old PTL is dropped, as Linux has done
 * since 2018 (CVE-2018-18281); on ppc64 it already does (the lazy-MMU
 * batch kills the old HPTEs before the PTL drops).
 *
 * A moved anonymous VMA keeps its old page numbering (vm_pgoff), as in
 * Linux: its pages remember their place in it (page->index), which is
 * how the reverse map finds their address in any VMA of the anon_vma
 * tree. So it merges with a neighbour only when the numbers follow on
 * and the anon_vma is the same one (an mremap moving a piece back next
 * to the rest, say). A VMA that never had a page takes its new
 * address's number, like a fresh mapping. While PTEs move, the anon_vma
 * root mutex is held: an rmap walk sees each PTE at the old address or
 * at the new one, never at neither.
 *
 * Errors are Linux's: EINVAL for bad flags, an unaligned address, a zero
 * new length, MREMAP_FIXED without MREMAP_MAYMOVE or overlapping the old
 * range, MREMAP_DONTUNMAP without MREMAP_MAYMOVE or with a new size;
 * EFAULT when no VMA holds addr or the old range (when it must grow or
 * move) leaves that VMA; ENOMEM when it cannot grow in place and may not
 * move, or nothing fits; EPERM for a fixed target below mmap_min_addr
 * (what Linux tells an unprivileged process). Two limits, documented in
 * docs/syscalls.md: old_len 0 (Linux duplicates a shared mapping) is
 * EINVAL for every mapping, since anvil's shared anonymous memory has no
 * object a second VMA could map; and a move of several VMAs at once
 * (Linux 6.17's MREMAP_FIXED of an unchanged length) is EFAULT.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/rwsem.h>
#include <anvil/spinlock.h>

#include "internal.h"
#include "vma_internal.h"

/* Does [addr, end) of this PTE table map nothing at all? */
static bool pte_range_none(pmd_t *pmd, unsigned long addr, unsigned long end)
{
	spinlock_t *ptl;
	pte_t *start = pte_offset_map_lock(pmd, addr, &ptl), *pte = start;
	bool none = true;

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		if (!pte_none(*pte)) {
			none = false;
			break;
		}
	}
	pte_unmap_unlock(start, ptl);
	return none;
}

/*
 * move_ptes - move the PTEs of [old_addr, old_end), all in one PTE table,
 * to the same offsets from @new_addr, all in one PTE table too.
 *
 * Both tables' locks are held for the whole run: a PTE is never visible
 * at both addresses, nor at neither to a walker that takes the lock. The
 * old table's lock is taken first and the new one nested
 * (SINGLE_DEPTH_NESTING: one lockdep class for every PTL, and this is
 * the only place one mm holds two, always in this order, under its
 * mmap_lock for writing). Both ends may share a table, and so a lock:
 * then it is taken once.
 *
 * Lazy MMU mode brackets the changes: ppc64 batches the old addresses'
 * HPTE invalidations and sends them in arch_leave_lazy_mmu_mode(),
 * before the locks drop (seed 001). The PTE moves with its hash-slot
 * hint on ppc64; the hash code checks a hint against the HPTE's tag
 * before using it, so a hint for the old address is simply not found,
 * as after fork's copy.
 *
 * Returns true when a present PTE moved: the old range then needs a TLB
 * flush.
 */
static bool move_ptes(struct mm_struct *mm, pmd_t *old_pmd,
		      unsigned long old_addr, unsigned long old_end,
		      pmd_t *new_pmd, unsigned long new_addr)
{
	spinlock_t *old_ptl, *new_ptl;
	pte_t *old_pte, *new_pte, *first;
	bool moved = false;

	first = old_pte = pte_offset_map_lock(old_pmd, old_addr, &old_ptl);
	new_ptl = pte_lockptr(new_pmd);
	if (new_ptl != old_ptl)
		spin_lock_nested(new_ptl, SINGLE_DEPTH_NESTING);
	new_pte = pte_offset(new_pmd, new_addr);
	arch_enter_lazy_mmu_mode();
	for (; old_addr != old_end; old_pte++, new_pte++,
	     old_addr += PAGE_SIZE, new_addr += PAGE_SIZE) {
		pte_t pte;

		if (pte_none(*old_pte))
			continue;
		/* The destination was unmapped: nothing can be there. */
		WARN_ON(!pte_none(*new_pte));
		pte = ptep_get_and_clear(mm, old_addr, old_pte);
		set_pte_at(mm, new_addr, new_pte, pte);
		moved |= pte_present(pte);
	}
	arch_leave_lazy_mmu_mode();
	if (new_ptl != old_ptl)
		spin_unlock(new_ptl);
	pte_unmap_unlock(first, old_ptl);
	return moved;
}

/*
 * move_page_tables - move the PTEs of [old_addr, old_addr + len) in @vma
 * to @new_addr in @new_vma, one step per PTE table on either side (a step
 * ends where either address crosses a table boundary).
 *
 * An old table with nothing mapped in the step is skipped without
 * allocating anything at the destination. That also means moving back
 * what moved (move_vma's error path) never needs memory: every step that
 * moved something has its old table still in place.
 *
 * Before returning, the old range's TLB entries are flushed on every CPU
 * (flush_tlb_range wants no spinlock held, so it comes after the last
 * step rather than inside one; see the top of the file for why that is
 * safe under mmap_lock).
 *
 * Returns how many bytes moved: @len, or less when a page table for the
 * destination could not be allocated. mmap_lock held for writing.
 */
static unsigned long move_page_tables(struct vm_area_struct *vma,
				      unsigned long old_addr,
				      struct vm_area_struct *new_vma,
				      unsigned long new_addr, unsigned long len)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long old_start = old_addr, old_end = old_addr + len, extent;
	bool need_flush = false;

	vma_lock_anon_vma(vma);	/* rmap walks wait: see the top */
	for (; old_addr < old_end; old_addr += extent, new_addr += extent) {
		pmd_t *old_pmd, *new_pmd;

		extent = pmd_addr_end(old_addr, old_end) - old_addr;
		extent = pmd_addr_end(new_addr, new_addr + extent) - new_addr;
		old_pmd = pmd_lookup(mm, old_addr);
		if (!old_pmd || pte_range_none(old_pmd, old_addr,
					       old_addr + extent))
			continue;
		new_pmd = walk_alloc(mm, new_addr);
		if (!new_pmd)
			break;
		need_flush |= move_ptes(mm, old_pmd, old_addr,
					old_addr + extent, new_pmd, new_addr);
	}
	vma_unlock_anon_vma(vma);
	if (need_flush)
		flush_tlb_range(vma, old_start, old_addr);
	return old_addr - old_start;
}

/*
 * May the range [addr, end), about to hold pages of @anon_vma's tree,
 * merge with the VMAs right next to it? Only if each that touches it has
 * that same anon_vma (or the range has none): a neighbour without one
 * would take the pages in without being on their anon_vmas' lists.
 */
static bool same_anon_vma_around(struct mm_struct *mm,
				 struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 struct anon_vma *anon_vma)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;

	if (!anon_vma)
		return true;
	if (prev && prev->vm_end == addr && prev->anon_vma != anon_vma)
		return false;
	if (next && next->vm_start == end && next->anon_vma != anon_vma)
		return false;
	return true;
}

/*
 * copy_vma - the VMA that will hold the pages of *@vmap's range once they
 * move to [addr, addr + len): a neighbour grown over the new range when
 * one is compatible (vma_merge cases 1-3), else a copy of *@vmap. The
 * merge may swallow *@vmap itself, when the old range lies right next to
 * the new one: then *@vmap is updated to the VMA that now holds it. NULL
 * when out of memory. The new range is free; mmap_lock held for writing.
 */
static struct vm_area_struct *copy_vma(struct vm_area_struct **vmap,
				       unsigned long old_addr,
				       unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma = *vmap, *new, *prev;
	struct mm_struct *mm = vma->vm_mm;
	unsigned long vma_start = vma->vm_start, pgoff;

	if (vma->vm_file || vma->anon_vma)
		pgoff = vma->vm_pgoff +
			((old_addr - vma->vm_start) >> PAGE_SHIFT);
	else
		pgoff = addr >> PAGE_SHIFT;
	find_vma_prev(mm, addr, &prev);
	new = NULL;
	if (same_anon_vma_around(mm, prev, addr, addr + len, vma->anon_vma))
		new = vma_merge(mm, prev, addr, addr + len, vma->vm_flags,
				vma->anon_vma, vma->vm_file, pgoff);
	if (new) {
		if (vma_start >= new->vm_start && vma_start < new->vm_end)
			*vmap = new;
		return new;
	}
	new = vm_area_dup(vma);
	if (!new)
		return NULL;
	if (anon_vma_clone(new, vma)) {	/* it will hold the same pages */
		vm_area_free(new);
		return NULL;
	}
	new->vm_start = addr;
	new->vm_end = addr + len;
	new->vm_pgoff = pgoff;
	if (insert_vm_struct(mm, new)) {
		vm_area_free(new);
		return NULL;
	}
	return new;
}

/*
 * move_vma - move [old_addr, old_addr + old_len) of @vma to new_addr,
 * where new_len bytes are free; the part beyond old_len is new, empty
 * memory. Returns new_addr or a negative errno; on error nothing moved.
 * MREMAP_DONTUNMAP leaves the old range mapped and empty: its next touch
 * faults in a zeroed page. mmap_lock held for writing.
 */
static unsigned long move_vma(struct vm_area_struct *vma,
			      unsigned long old_addr, unsigned long old_len,
			      unsigned long new_len, unsigned long new_addr,
			      unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new_vma;
	unsigned long moved, ret = new_addr;

	/*
	 * Unmapping the old range may split a VMA in three; do not get as
	 * far as moving pages only to fail there.
	 */
	if (mm->map_count >= sysctl_max_map_count - 3)
		return -ENOMEM;
	new_vma = copy_vma(&vma, old_addr, new_addr, new_len);
	if (!new_vma)
		return -ENOMEM;
	mm->total_vm += new_len >> PAGE_SHIFT;

	/*
	 * A truncate walking i_mmap must not look at the two VMAs while
	 * the PTEs are between them (it could zap the old range before
	 * they left and the new one after they arrived, and miss them):
	 * the move holds the file's i_mmap_mutex. Both map the same file.
	 */
	if (vma->vm_file)
		vma_file_lock(vma);
	moved = move_page_tables(vma, old_addr, new_vma, new_addr, old_len);
	if (moved < old_len) {
		/*
		 * Out of memory for a destination page table: move back
		 * what moved (that needs no memory, see move_page_tables)
		 * and take the new range away instead of the old.
		 */
		move_page_tables(new_vma, new_addr, vma, old_addr, moved);
		old_addr = new_addr;
		old_len = new_len;
		ret = -ENOMEM;
	}
	if (vma->vm_file)
		vma_file_unlock(vma);
	/*
	 * The signal trampoline page (ppc64's sigpage) went with the pages:
	 * signal frames must return through its new address. (Linux's
	 * special mappings update their vdso pointer in ->mremap.)
	 */
	if (ret == new_addr && mm->sigpage - old_addr < old_len)
		mm->sigpage += new_addr - old_addr;
	if (ret == new_addr && (flags & MREMAP_DONTUNMAP))
		return new_addr;
	/*
	 * This can fail only if a split finds no memory for a VMA: then
	 * the old range stays mapped, without pages, as in Linux.
	 */
	__do_munmap(mm, old_addr, old_addr + old_len);
	return ret;
}

/*
 * The VMA holding [addr, addr + old_len) if it may become new_len long,
 * else an ERR_PTR: EFAULT if there is none or the range leaves it, or it
 * may not grow (VM_DONTEXPAND, VM_PFNMAP); EINVAL for old_len 0 (see the
 * top) or DONTUNMAP on a special mapping.
 */
static struct vm_area_struct *vma_to_resize(struct mm_struct *mm,
					    unsigned long addr,
					    unsigned long old_len,
					    unsigned long new_len,
					    unsigned long flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma || vma->vm_start > addr)
		return ERR_PTR(-EFAULT);
	if (!old_len)
		return ERR_PTR(-EINVAL);
	if ((flags & MREMAP_DONTUNMAP) &&
	    (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return ERR_PTR(-EINVAL);
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT);
	if (new_len > old_len && (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return ERR_PTR(-EFAULT);
	return vma;
}

/* Can @vma grow by @delta bytes where it is? */
static bool vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end || end > vma->vm_mm->task_size)
		return false;
	return !vma->vm_next || vma->vm_next->vm_start >= end;
}

/*
 * Grow @vma, which ends at the end of the old range, in place to end at
 * @end. A compatible VMA right after the new end is merged in, as Linux
 * does (vma_merge_extend). Returns 0 or -ENOMEM.
 */
static int vma_expand_to(struct vm_area_struct *vma, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long delta = end - vma->vm_end;

	if (!vma_merge(mm, vma, vma->vm_end, end, vma->vm_flags,
		       vma->anon_vma, vma->vm_file,
		       vma->vm_pgoff + vma_pages(vma)) &&
	    vma_adjust(vma, vma->vm_start, end, vma->vm_pgoff, NULL))
		return -ENOMEM;
	mm->total_vm += delta >> PAGE_SHIFT;
	return 0;
}

/*
 * MREMAP_FIXED (to new_addr) or MREMAP_DONTUNMAP (new_addr a hint): the
 * range always moves. Whatever was at a fixed target goes first, as with
 * MAP_FIXED, then the tail of a shrinking old range.
 */
static unsigned long mremap_to(struct mm_struct *mm, unsigned long addr,
			       unsigned long old_len, unsigned long new_addr,
			       unsigned long new_len, unsigned long flags)
{
	struct vm_area_struct *vma;
	int err;

	/*
	 * Both unmaps below may split a VMA in three, and move_vma wants
	 * room for another split: refuse now rather than half way, with
	 * the target already gone.
	 */
	if (mm->map_count + 2 >= sysctl_max_map_count - 3)
		return -ENOMEM;
	if (flags & MREMAP_FIXED) {
		err = __do_munmap(mm, new_addr, new_addr + new_len);
		if (err)
			return err;
	}
	if (old_len > new_len) {
		err = __do_munmap(mm, addr + new_len, addr + old_len);
		if (err)
			return err;
		old_len = new_len;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len, flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if (!(flags & MREMAP_FIXED)) {
		new_addr = get_unmapped_area(mm, new_addr, new_len);
		if (!PAGE_ALIGNED(new_addr))
			return new_addr;
	}
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}

/*
 * The checks that need no VMA, in Linux's order; 0 or a negative errno.
 * On success *@old_lenp and *@new_lenp are rounded up to whole pages
 * (lengths beyond user space are refused first: rounding would wrap).
 */
static int mremap_check(struct mm_struct *mm, unsigned long addr,
			unsigned long *old_lenp, unsigned long *new_lenp,
			unsigned long flags, unsigned long new_addr)
{
	unsigned long old_len = *old_lenp, new_len = *new_lenp;
	unsigned long task_size = mm->task_size;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	/* DONTUNMAP always moves and never resizes. */
	if ((flags & MREMAP_DONTUNMAP) &&
	    (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (!PAGE_ALIGNED(addr))
		return -EINVAL;
	if (!new_len || new_len > task_size)
		return -EINVAL;
	new_len = PAGE_ALIGN(new_len);
	if (old_len <= task_size)
		old_len = PAGE_ALIGN(old_len);
	if (flags & MREMAP_FIXED) {
		if (!PAGE_ALIGNED(new_addr) || new_addr > task_size - new_len)
			return -EINVAL;
		/* The two ranges may touch, but not overlap. */
		if ((new_addr >= addr && new_addr - addr < old_len) ||
		    (addr >= new_addr && addr - new_addr < new_len))
			return -EINVAL;
		/* Linux's answer to an unprivileged process. */
		if (new_addr < mmap_min_addr)
			return -EPERM;
	}
	/* No VMA can hold an old range that does not fit in user space. */
	if (old_len > task_size || addr > task_size - old_len)
		return -EFAULT;
	*old_lenp = old_len;
	*new_lenp = new_len;
	return 0;
}

/*
 * do_mremap - the mremap system call on @mm. Returns the mapping's
 * (possibly new) address, or a negative errno (not page-aligned, as from
 * do_mmap). Takes mmap_lock for writing; may sleep.
 */
unsigned long do_mremap(struct mm_struct *mm, unsigned long addr,
			unsigned long old_len, unsigned long new_len,
			unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma;
	unsigned long ret;
	int err;

	err = mremap_check(mm, addr, &old_len, &new_len, flags, new_addr);
	if (err)
		return err;

	down_write(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	ret = -EFAULT;
	if (!vma || vma->vm_start > addr)
		goto out;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		ret = mremap_to(mm, addr, old_len, new_addr, new_len, flags);
		goto out;
	}
	/* Shrinking always works: the tail is unmapped like munmap does. */
	if (old_len >= new_len) {
		ret = addr;
		if (old_len > new_len) {
			err = __do_munmap(mm, addr + new_len, addr + old_len);
			if (err)
				ret = err;
		}
		goto out;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len, flags);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
		goto out;
	}
	/* The old range ends the VMA and the room after it is free: grow. */
	if (old_len == vma->vm_end - addr &&
	    vma_expandable(vma, new_len - old_len)) {
		err = vma_expand_to(vma, addr + new_len);
		ret = err ? (unsigned long)err : addr;
		goto out;
	}
	ret = -ENOMEM;
	if (flags & MREMAP_MAYMOVE) {
		new_addr = get_unmapped_area(mm, 0, new_len);
		ret = new_addr;
		if (PAGE_ALIGNED(new_addr))
			ret = move_vma(vma, addr, old_len, new_len, new_addr,
				       flags);
	}
out:
	up_write(&mm->mmap_lock);
	return ret;
}
