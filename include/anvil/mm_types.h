/* SPDX-License-Identifier: MIT */
/*
 * Address spaces: struct mm_struct and struct vm_area_struct, the VMA
 * flags, and the VMA lookups the rest of the kernel calls.
 *
 * One mm_struct per address space (shared by the threads of a process).
 * Its user half is described by non-overlapping VMAs, each a page-aligned
 * range [vm_start, vm_end) with one set of permissions and one backing
 * (a file at vm_pgoff, or anonymous memory). The VMAs are kept twice, as
 * Linux 2.6 kept them: in a red-black tree keyed by address, for
 * O(log n) find_vma(), and in a sorted doubly linked list, for walking
 * neighbours. docs/mm.md draws both.
 *
 * The operations live in mm/vma.c: the lookups and insert_vm_struct()
 * are declared here; the ones only mm/ uses (split, merge, adjust,
 * removal, validation) in mm/vma_internal.h. Page tables, faults and the
 * mmap family build on them later (mm/memory.c, mm/mmap.c, ...).
 *
 * Who may change a field (reading needs the same lock, at least shared):
 *	[M] mmap_lock held for writing
 *	[R] mmap_lock held for reading is enough (a racy-but-harmless hint)
 *	[A] atomic operations only
 *	[I] set before the object is visible to anyone else, then read-only
 */
#ifndef ANVIL_MM_TYPES_H
#define ANVIL_MM_TYPES_H

#include <anvil/atomic.h>
#include <anvil/cpumask.h>
#include <anvil/list.h>
#include <anvil/rbtree.h>
#include <anvil/rwsem.h>
#include <anvil/spinlock.h>
#include <asm/page.h>

struct file;
struct anon_vma;
struct vm_operations_struct;
struct kmem_cache;

/*
 * vm_flags. The values are Linux's, so a student can read them in a
 * dump the same way. VM_MAY* are the ceiling: mprotect may only turn on
 * VM_READ/WRITE/EXEC where the matching VM_MAY* bit is set.
 */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL	/* a stack: grows down on faults */
#define VM_PFNMAP	0x00000400UL	/* raw page frames, no struct page */
#define VM_LOCKED	0x00002000UL	/* mlock()ed */
#define VM_IO		0x00004000UL	/* device memory */
#define VM_DONTCOPY	0x00020000UL	/* not inherited by fork */
#define VM_DONTEXPAND	0x00040000UL	/* mremap may not grow it */
#define VM_ACCOUNT	0x00100000UL	/* counted as committed memory */
#define VM_NORESERVE	0x00200000UL	/* MAP_NORESERVE */

/* VMAs that are never merged with neighbours nor grown by mremap. */
#define VM_SPECIAL (VM_IO | VM_DONTEXPAND | VM_PFNMAP)

/*
 * One mapped range of an address space. Allocated from vm_area_cachep
 * (vm_area_alloc); linked into its mm by insert_vm_struct or vma_link.
 */
struct vm_area_struct {
	unsigned long vm_start;		/* [M] first address, page-aligned */
	unsigned long vm_end;		/* [M] first address after it */
	struct vm_area_struct *vm_next;	/* [M] next higher VMA, or NULL */
	struct vm_area_struct *vm_prev;	/* [M] next lower VMA, or NULL */
	struct rb_node vm_rb;		/* [M] in vm_mm->mm_rb, by vm_start */
	struct mm_struct *vm_mm;	/* [I] the address space it is in */
	/*
	 * [M] The PTE protection bits that vm_flags translate to. For now a
	 * plain unsigned long; it becomes the arch's pgprot_t (from
	 * <asm/pgtable.h>) when page tables arrive.
	 */
	unsigned long vm_page_prot;
	unsigned long vm_flags;		/* [M] VM_* */
	unsigned long vm_pgoff;		/* [M] offset of vm_start in vm_file,
					 * in pages; anon: vm_start >> PAGE_SHIFT */
	struct file *vm_file;		/* [M] backing file or NULL; the VMA
					 * holds a reference (get_file) */
	struct list_head shared;	/* on vm_file's mapping->i_mmap,
					 * under its i_mmap_mutex */
	struct anon_vma *anon_vma;	/* [M], or set once by a fault ([R]
					 * plus mm->page_table_lock): where
					 * its new anonymous pages go
					 * (<anvil/rmap.h>) */
	struct list_head anon_vma_chain; /* every anon_vma it is on, newest
					 * first; same locking */
	const struct vm_operations_struct *vm_ops; /* [I] the file's fault
					 * handler (f_op->mmap sets it) */
	struct list_head vm_detached;	/* [M] on the caller's list after
					 * vma_remove_range(), until freed */
};

/*
 * An address space. The VMA tree, the list and the counters change only
 * with mmap_lock held for writing; find_vma() needs it for reading.
 */
struct mm_struct {
	struct vm_area_struct *mmap;	/* [M] VMA list, lowest address first */
	struct rb_root mm_rb;		/* [M] the same VMAs, by address */
	struct vm_area_struct *mmap_cache; /* [R] last find_vma() result */
	int map_count;			/* [M] number of VMAs */
	struct rw_semaphore mmap_lock;	/* protects the [M] fields */
	spinlock_t page_table_lock;	/* guards populating pgd/pud/pmd
					 * entries; PTE tables have their
					 * own lock (the PTL) */
	atomic_long_t nr_ptes;		/* [A] PTE table pages */
	atomic_long_t rss_anon;		/* [A] anonymous pages mapped */
	atomic_long_t rss_file;		/* [A] page-cache pages mapped */

	void *pgd;			/* [I] top-level page table (a pgd_t *
					 * once page tables arrive) */
	atomic_t mm_users;		/* [A] tasks (threads) using it */
	atomic_t mm_count;		/* [A] references to the struct; all
					 * of mm_users together count as one */
	cpumask_t cpu_vm_mask;		/* [A] CPUs that may hold its TLB
					 * entries (set_bit/clear_bit) */

	unsigned long task_size;	/* [M] end of the user address space */
	unsigned long mmap_base;	/* [M] get_unmapped_area searches down
					 * from here */
	unsigned long start_code, end_code;	/* [M] text, set by exec */
	unsigned long start_data, end_data;	/* [M] data, set by exec */
	unsigned long start_brk, brk;		/* [M] heap, brk() moves brk */
	unsigned long start_stack;		/* [M] top of the main stack */
	unsigned long arg_start, arg_end;	/* [M] argv strings, set by exec */
	unsigned long env_start, env_end;	/* [M] envp strings */
	unsigned long sigpage;		/* [M] the arch's signal return
					 * trampoline, if it maps one at exec */
	unsigned long total_vm;		/* [M] pages in VMAs; kept by the
					 * mmap-family callers, not by the
					 * tree operations */
};

/*
 * A fault on a file VMA, handed to vma->vm_ops->fault: which page of the
 * file (pgoff) at which address, for what access. The handler returns 0
 * with a referenced page in @page, or VM_FAULT_SIGBUS/VM_FAULT_OOM.
 */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;		/* page-aligned */
	unsigned long pgoff;		/* in the file, in pages */
	unsigned int flags;		/* FAULT_FLAG_* */
	struct page *page;		/* out: the page, referenced */
};

/* Fault-around maps up to this many pages per read fault (64 KiB). */
#define FAULT_AROUND_PAGES 16

/* What a file's mapping does; set by its f_op->mmap. */
struct vm_operations_struct {
	int (*fault)(struct vm_fault *vmf);
	/*
	 * Optional, fault-around (Linux's map_pages): on a read fault, map
	 * read-only the pages of file offsets [@first, @first + @nr) that
	 * are in memory already, without waiting for any, by handing them
	 * to map_pages_around() (mm/memory.c). @nr <= FAULT_AROUND_PAGES.
	 */
	void (*map_pages)(struct vm_fault *vmf, unsigned long first,
			  unsigned int nr);
};

/*
 * For ->map_pages: map each non-NULL @pages[i] at the address of file
 * offset @first + i, read-only, where the PTE is still empty and the
 * page still in its file. Takes over each page's reference.
 */
void map_pages_around(struct vm_fault *vmf, unsigned long first,
		      struct page **pages, unsigned int nr);

/* Size of a VMA in pages. */
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* ---- mm/vma.c: lookups (mmap_lock held, for reading at least) ---- */

/* The first VMA with vm_end > @addr (it may start above @addr), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* find_vma(), and in *@pprev the VMA just below the one it returns. */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, unsigned long addr,
				     struct vm_area_struct **pprev);
/* The first VMA overlapping [@start, @end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end);
/* A free range of @len bytes (see mm/vma.c); not page-aligned = error. */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long addr,
				unsigned long len);

/* ---- mm/vma.c: VMA objects and insertion (mmap_lock for writing) -- */

extern struct kmem_cache *vm_area_cachep;
/* Create vm_area_cachep; once, after the slab allocator is up. */
void vma_cache_init(void);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vm_area_free(struct vm_area_struct *vma);
/* Link @vma into @mm; -EINVAL if misshapen, -ENOMEM if it overlaps. */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);

#endif /* ANVIL_MM_TYPES_H */
