// SPDX-License-Identifier: MIT
/*
 * tests/host/vma_random.c: the randomized half of vma_test (see
 * vma_test.c for the harness): map, unmap and mprotect at random against
 * a page-granular model, checking the VMAs after every step. The seed is
 * printed first; replay with ANVIL_SEED=<seed> build/vma_test/vma_test,
 * run longer with ANVIL_STEPS=<n>.
 */
#include <stdio.h>
#include <string.h>

#include <anvil/kernel.h>
#include <anvil/slab.h>

#include "../../mm/vma_internal.h"
#include "host.h"
#include "vma_test.h"

/*
 * A window of pages [WIN_FIRST, WIN_END) is the whole user space, with
 * mmap_base 64 pages below its top. The model records, per page, what
 * the VMAs must say about it. Operations do what mmap (MAP_FIXED or
 * not), munmap and mprotect will do with the tree operations; after each
 * one the VMAs must match the model page for page, pass mm_validate,
 * and be merged as far as possible: no two touching VMAs that could be
 * one (which is what Linux's merge rules give when no anon_vmas differ).
 */
#define WIN_FIRST 16UL			/* = mmap_min_addr */
#define WIN_END (WIN_FIRST + 512)
#define WIN_BASE (WIN_END - 64)

static struct page_model {
	bool mapped;
	unsigned long flags;
	struct file *file;
	unsigned long pgoff;
} model[WIN_END];

#define PROT_BITS (VM_READ | VM_WRITE | VM_EXEC)

static bool range_free(unsigned long first, unsigned long len)
{
	for (unsigned long p = first; p < first + len; p++)
		if (model[p].mapped)
			return false;
	return true;
}

/* What get_unmapped_area() must answer, by brute force over the model. */
static unsigned long model_unmapped_area(unsigned long hint, unsigned long len)
{
	unsigned long h = PGNUM(ALIGN(hint, PAGE_SIZE));

	if (hint && h >= WIN_FIRST && h + len <= WIN_END && range_free(h, len))
		return P(h);
	for (long p = (long)WIN_BASE - (long)len; p >= (long)WIN_FIRST; p--)
		if (range_free(p, len))
			return P(p);
	for (unsigned long p = WIN_FIRST; p + len <= WIN_END; p++)
		if (range_free(p, len))
			return P(p);
	return -ENOMEM;
}

/* munmap: remove the range, checking what came out against the model. */
static const char *op_unmap(unsigned long first, unsigned long end)
{
	struct vm_area_struct *v, *tmp;
	unsigned long next = first;
	const char *bad = NULL;
	LIST_HEAD(detached);

	if (vma_remove_range(&mm, P(first), P(end), &detached))
		return "vma_remove_range failed";
	list_for_each_entry_safe(v, tmp, &detached, vm_detached) {
		for (unsigned long p = PGNUM(v->vm_start); p < PGNUM(v->vm_end);
		     p++) {
			if (p < next || p >= end || !model[p].mapped)
				bad = "detached a page outside the range";
			model[p].mapped = false;
		}
		next = PGNUM(v->vm_end);
		list_del(&v->vm_detached);
		vm_area_free(v);
	}
	return bad || range_free(first, end - first) ? bad :
						     "left a page mapped";
}

/* mmap at a fixed place: unmap, then merge with neighbours or insert. */
static const char *op_map(unsigned long first, unsigned long end,
			  unsigned long flags, struct file *file,
			  unsigned long pgoff)
{
	struct vm_area_struct *vma, *prev;
	const char *bad = op_unmap(first, end);

	if (bad)
		return bad;
	if (!file)
		pgoff = first;
	find_vma_prev(&mm, P(first), &prev);
	vma = vma_merge(&mm, prev, P(first), P(end), flags, NULL, file, pgoff);
	if (!vma) {
		vma = vm_area_alloc(&mm);
		if (!vma)
			return "out of VMAs";
		vma->vm_start = P(first);
		vma->vm_end = P(end);
		vma->vm_flags = flags;
		vma->vm_file = file;
		vma->vm_pgoff = pgoff;
		if (insert_vm_struct(&mm, vma))
			return "insert_vm_struct failed";
	}
	for (unsigned long p = first; p < end; p++)
		model[p] = (struct page_model){ true, flags, file,
						 pgoff + p - first };
	return NULL;
}

/* mmap without MAP_FIXED: get_unmapped_area() must agree with the model. */
static const char *op_map_anywhere(unsigned long hint, unsigned long len,
				   unsigned long flags)
{
	unsigned long addr = get_unmapped_area(&mm, hint, P(len));

	if (addr != model_unmapped_area(hint, len))
		return "get_unmapped_area disagrees with the model";
	if (!PAGE_ALIGNED(addr))
		return NULL;			/* full: rightly refused */
	return op_map(PGNUM(addr), PGNUM(addr) + len, flags, NULL, 0);
}

/*
 * Linux's mprotect_fixup(): give [s, e), inside @vma, @newflags by
 * merging with a neighbour or else splitting. Returns the VMA now
 * covering [s, e), or NULL.
 */
static struct vm_area_struct *mprotect_fixup(struct vm_area_struct *vma,
					     struct vm_area_struct *prev,
					     unsigned long s, unsigned long e,
					     unsigned long newflags)
{
	unsigned long pgoff = vma->vm_pgoff + PGNUM(s - vma->vm_start);
	struct vm_area_struct *merged;

	merged = vma_merge(&mm, prev, s, e, newflags, vma->anon_vma,
			   vma->vm_file, pgoff);
	if (merged) {
		vma = merged;
	} else {
		if (s != vma->vm_start && split_vma(&mm, vma, s, 1))
			return NULL;
		if (e != vma->vm_end && split_vma(&mm, vma, e, 0))
			return NULL;
	}
	vma->vm_flags = newflags;
	return vma;
}

/* mprotect over every VMA in the range (holes are skipped, not errors). */
static const char *op_mprotect(unsigned long first, unsigned long end,
			       unsigned long prot)
{
	struct vm_area_struct *vma, *prev;

	vma = find_vma_prev(&mm, P(first), &prev);
	if (vma && vma->vm_start < P(first))
		prev = vma;
	while (vma && vma->vm_start < P(end)) {
		unsigned long s = max(vma->vm_start, P(first));
		unsigned long e = min(vma->vm_end, P(end));
		unsigned long newflags = (vma->vm_flags & ~PROT_BITS) | prot;

		if (newflags != vma->vm_flags) {
			vma = mprotect_fixup(vma, prev, s, e, newflags);
			if (!vma)
				return "mprotect_fixup failed";
		}
		prev = vma;
		if (max(e, prev->vm_end) >= P(end))
			break;
		vma = prev->vm_next;
	}
	for (unsigned long p = first; p < end; p++)
		if (model[p].mapped)
			model[p].flags = (model[p].flags & ~PROT_BITS) | prot;
	return NULL;
}

static bool could_be_one(struct vm_area_struct *a, struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       !(a->vm_flags & VM_SPECIAL) && a->vm_file == b->vm_file &&
	       a->vm_pgoff + vma_pages(a) == b->vm_pgoff;
}

/* The VMAs against the model, page by page. */
static const char *compare_with_model(void)
{
	struct vm_area_struct *v, *prev = NULL;
	unsigned long p = WIN_FIRST;
	const char *bad = mm_validate(&mm);

	if (bad)
		return bad;
	for (v = mm.mmap; v; prev = v, v = v->vm_next) {
		if (v->vm_start < P(WIN_FIRST) || v->vm_end > P(WIN_END))
			return "VMA outside the window";
		if (!range_free(p, PGNUM(v->vm_start) - p))
			return "a page the model maps is in no VMA";
		for (p = PGNUM(v->vm_start); p < PGNUM(v->vm_end); p++) {
			struct page_model *m = &model[p];

			if (!m->mapped || m->flags != v->vm_flags ||
			    m->file != v->vm_file ||
			    m->pgoff != v->vm_pgoff + p - PGNUM(v->vm_start))
				return "a VMA page differs from the model";
		}
		if (prev && could_be_one(prev, v))
			return "two touching VMAs should have merged";
	}
	return range_free(p, WIN_END - p) ? NULL :
					    "a page the model maps is in no VMA";
}

/* One random operation; writes what it did into @what. */
static const char *random_op(char *what, size_t size)
{
	static const unsigned long prots[] = { VM_NONE, R, RW, RX };
	unsigned long len = 1 + host_rand_below(host_rand_below(4) ? 8 : 48);
	unsigned long first = WIN_FIRST + host_rand_below(WIN_END - WIN_FIRST -
							  len + 1);
	unsigned long prot = prots[host_rand_below(ARRAY_SIZE(prots))];
	unsigned long flags = prot | (host_rand_below(16) ? 0 : VM_IO);
	unsigned long op = host_rand_below(20), hint;

	if (op < 6) {
		/* Files: FA at address-linear offsets (often mergeable),
		 * FB at scattered ones (rarely). */
		unsigned long kind = host_rand_below(3);
		struct file *file = kind == 0 ? NULL : kind == 1 ? FA : FB;
		unsigned long pgoff = kind == 1 ? first + 1000 :
						  8 * host_rand_below(4);

		snprintf(what, size, "map %lu-%lu flags %lx file %d pgoff %lu",
			 first, first + len, flags, (int)kind, pgoff);
		return op_map(first, first + len, flags, file, pgoff);
	}
	if (op < 10) {
		hint = host_rand_below(2) ? 0 : P(first) + host_rand_below(2);
		snprintf(what, size, "map anywhere %lu pages hint %lx", len,
			 hint);
		return op_map_anywhere(hint, len, flags);
	}
	if (op < 15) {
		snprintf(what, size, "unmap %lu-%lu", first, first + len);
		return op_unmap(first, first + len);
	}
	snprintf(what, size, "mprotect %lu-%lu prot %lx", first, first + len,
		 prot);
	return op_mprotect(first, first + len, prot);
}

void random_map_unmap_mprotect(void)
{
	unsigned long steps = host_steps(20000), vmas = 0, most = 0;
	char what[128];

	mm_setup();
	mm.task_size = P(WIN_END);
	mm.mmap_base = P(WIN_BASE);
	memset(model, 0, sizeof(model));
	for (unsigned long i = 0; i < steps; i++) {
		const char *bad = random_op(what, sizeof(what));

		if (!bad)
			bad = compare_with_model();
		if (bad) {
			host_fail(__FILE__, __LINE__, "step %lu (%s): %s; VMAs: %s",
				  i, what, bad, layout());
			return;
		}
		vmas += mm.map_count;
		most = max(most, (unsigned long)mm.map_count);
	}
	printf("# %lu steps, %lu VMAs on average, %lu at most\n", steps,
	       steps ? vmas / steps : 0, most);
	DONE();
}
