/* SPDX-License-Identifier: MIT */
/*
 * The vmalloc area: virtually contiguous kernel memory built from pages
 * that need not be physically contiguous (mm/vmalloc.c).
 *
 *	vmalloc(size)		pages from the buddy allocator, one by one,
 *				mapped at a fresh range of [VMALLOC_START,
 *				VMALLOC_END); vfree() undoes it
 *	vmap(pages, n, ...)	the caller's pages mapped there; vunmap()
 *				unmaps them and leaves the pages alone
 *	__get_vm_area(...)	just a range, nothing mapped
 *
 * Every area is followed by an unmapped guard page, so the page below
 * an area is always unmapped too (the guard of the area before it, or
 * free space): an overrun either way faults instead of scribbling on a
 * neighbour. Kernel stacks (anvil.vmap_stack) rely on the page below.
 *
 * All of these may sleep: call them in process context, interrupts on,
 * no spinlock held. vfree() and vunmap() flush the range from every
 * CPU's TLB (flush_tlb_kernel_range) before the pages or the range can
 * be reused. docs/mm-allocators.md has the picture.
 */
#ifndef ANVIL_VMALLOC_H
#define ANVIL_VMALLOC_H

#include <anvil/list.h>
#include <anvil/types.h>
#include <asm/pgtable.h>

struct page;
struct task_struct;

/* vm_struct.flags */
#define VM_IOREMAP 0x01	/* reserved for ioremap() (not yet) */
#define VM_ALLOC 0x02	/* vmalloc(): the pages are ours to free */
#define VM_MAP 0x04	/* vmap(): the pages are the caller's */

struct vm_struct {
	struct list_head list;	/* vmap_area_list, sorted by addr */
	void *addr;		/* start of the area */
	unsigned long size;	/* bytes, the trailing guard page included */
	unsigned long flags;	/* VM_* */
	struct page **pages;	/* VM_ALLOC, VM_MAP: one per mapped page */
	unsigned int nr_pages;
};

/* The usable bytes of @area: its size without the guard page. */
static inline unsigned long get_vm_area_size(const struct vm_struct *area)
{
	return area->size - PAGE_SIZE;
}

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}

/*
 * vmalloc - @size bytes (rounded up to pages), virtually contiguous,
 * not zeroed. NULL if out of memory or address space. May sleep.
 */
void *vmalloc(unsigned long size);
/* The same, zeroed. */
void *vzalloc(unsigned long size);
/*
 * vfree - free what vmalloc() returned (NULL is ignored). Unmaps it,
 * flushes every CPU's TLB, then frees the pages and the range. May
 * sleep; warns and does nothing for an address that is not a vmalloc()
 * area.
 */
void vfree(const void *addr);

/*
 * vmap - map @count pages at a fresh range with protection @prot
 * (PAGE_KERNEL). The pages stay the caller's: vunmap() unmaps them
 * (and flushes every CPU) but does not free them. NULL on failure.
 */
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);

/*
 * __get_vm_area - reserve @size bytes (rounded up to pages, plus the
 * guard page) of kernel address space in [@start, @end), nothing
 * mapped. free_vm_area() gives it back (it must be unmapped by then).
 */
struct vm_struct *__get_vm_area(unsigned long size, unsigned long flags,
				unsigned long start, unsigned long end);
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
void free_vm_area(struct vm_struct *area);
/* The area starting exactly at @addr, or NULL. */
struct vm_struct *find_vm_area(const void *addr);

/*
 * The page mapped at vmalloc address @addr (any byte of it), or NULL if
 * none is. Reads the kernel page tables; never sleeps.
 */
struct page *vmalloc_to_page(const void *addr);

/* Counters for tests and /proc: areas now, and every flush done. */
struct vmalloc_stats {
	unsigned long nr_areas;
	unsigned long nr_pages;		/* pages mapped by vmalloc + vmap */
	unsigned long nr_flushes;	/* flush_tlb_kernel_range calls */
};
void vmalloc_stats_get(struct vmalloc_stats *s);

/*
 * Kernel stacks in the vmalloc area (kernel/kthread.c). True if the
 * option anvil.vmap_stack is on and the arch can take exceptions on
 * such a stack (HAVE_ARCH_VMAP_STACK).
 */
extern bool vmap_stack_enabled;

/*
 * Is @addr in the guard page below @t's kernel stack? The fault
 * handlers ask, to say "kernel stack overflow" rather than a bare oops.
 */
bool task_stack_guard_page(const struct task_struct *t, unsigned long addr);

#endif /* ANVIL_VMALLOC_H */
