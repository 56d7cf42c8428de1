/* SPDX-License-Identifier: MIT */
/*
 * mm/vma_internal.h: the VMA tree operations only mm/ uses (mm/vma.c),
 * and the mmap_lock assertions they make. The lookups and the VMA
 * allocator are public, in <anvil/mm_types.h>.
 *
 * The host tests (tests/host/vma_test.c) include this header too and
 * drive these functions directly, as Linux's tools/testing/vma does.
 *
 * Every function here needs mmap_lock held for writing unless it says
 * otherwise, and none of them sleeps except where it allocates a VMA
 * (split_vma, vma_remove_range).
 */
#ifndef MM_VMA_INTERNAL_H
#define MM_VMA_INTERNAL_H

#include <anvil/kernel.h>
#include <anvil/lockdep.h>
#include <anvil/mm_types.h>

/* Linux's numbers, until the syscall work brings <anvil/errno.h>. */
#ifndef ENOMEM
#define ENOMEM 12
#endif
#ifndef EINVAL
#define EINVAL 22
#endif

/* The most VMAs an mm may have (Linux's vm.max_map_count default). */
#define DEFAULT_MAX_MAP_COUNT 65530
extern int sysctl_max_map_count;
/* No mapping below this address, so a NULL dereference always faults. */
extern unsigned long mmap_min_addr;

#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)

/*
 * mmap_lock checks, the 2.6-era equivalent of Linux's
 * mmap_assert_locked(): debug builds warn when a VMA operation runs
 * without the lock. Both the lock word (someone holds it that way) and
 * lockdep (this context is the one holding it) are asked.
 */
#ifdef CONFIG_DEBUG
static inline void mmap_assert_locked(struct mm_struct *mm)
{
	WARN_ON(!rwsem_is_locked(&mm->mmap_lock));
	lockdep_assert_held(&mm->mmap_lock.dep_map);
}

static inline void mmap_assert_write_locked(struct mm_struct *mm)
{
	WARN_ON(READ_ONCE(mm->mmap_lock.count) != RWSEM_WRITE_LOCKED);
	lockdep_assert_held(&mm->mmap_lock.dep_map);
}
#else
static inline void mmap_assert_locked(struct mm_struct *mm) { }
static inline void mmap_assert_write_locked(struct mm_struct *mm) { }
#endif

/*
 * Where a VMA covering [@start, @end) would go: the slot in the tree
 * (*@rb_link under *@rb_parent) and the VMA before it (*@pprev, NULL if
 * it would be first). -ENOMEM if the range overlaps a VMA.
 */
int find_vma_links(struct mm_struct *mm, unsigned long start,
		   unsigned long end, struct vm_area_struct **pprev,
		   struct rb_node ***rb_link, struct rb_node **rb_parent);
/* Link @vma at the place find_vma_links() found; map_count++. */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
	      struct vm_area_struct *prev, struct rb_node **rb_link,
	      struct rb_node *rb_parent);
/* Take @vma out of the tree, the list and i_mmap (not freed); map_count--. */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

/*
 * The file side of a VMA, for the code above that must not know what a
 * file is (the host tests build mm/vma.c with made-up struct file
 * pointers and link tests/host/vma_file_stub.c instead): mm/vma_file.c.
 *
 *	vma_get_file/put_file	the VMA's reference on vm_file
 *	vma_file_lock/unlock	vm_file's mapping->i_mmap_mutex
 *	__vma_link_file		onto the end of i_mmap (mutex held)
 *	__unlink_file_vma	off it, if on it (mutex held)
 */
void vma_get_file(struct vm_area_struct *vma);
void vma_put_file(struct vm_area_struct *vma);
void vma_file_lock(struct vm_area_struct *vma);
void vma_file_unlock(struct vm_area_struct *vma);
void __vma_link_file(struct vm_area_struct *vma);
void __unlink_file_vma(struct vm_area_struct *vma);
/* unlink_file_vma() with the mutex taken (mm/vma.c); idempotent. */
void unlink_file_vma(struct vm_area_struct *vma);
/*
 * mmap of @file: -ENODEV if it cannot be mapped, -EACCES if its open
 * mode forbids @prot/@flags; may take VM_MAYWRITE out of *@vm_flags.
 */
int mmap_file_check(struct file *file, unsigned long prot,
		    unsigned long flags, unsigned long *vm_flags);
/* The file's f_op->mmap: sets vma->vm_ops. */
int call_mmap(struct file *file, struct vm_area_struct *vma);

int vma_adjust(struct vm_area_struct *vma, unsigned long start,
	       unsigned long end, unsigned long pgoff,
	       struct vm_area_struct *insert);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
	      unsigned long addr, int new_below);
/* split_vma() without the sysctl_max_map_count check. */
int __split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long addr, int new_below);
struct vm_area_struct *vma_merge(struct mm_struct *mm,
				 struct vm_area_struct *prev,
				 unsigned long addr, unsigned long end,
				 unsigned long vm_flags,
				 struct anon_vma *anon_vma, struct file *file,
				 unsigned long pgoff);
int vma_remove_range(struct mm_struct *mm, unsigned long start,
		     unsigned long end, struct list_head *detached);

/* NULL if @mm's tree, list and counters agree, else what is wrong. */
const char *mm_validate(struct mm_struct *mm);

#endif /* MM_VMA_INTERNAL_H */
