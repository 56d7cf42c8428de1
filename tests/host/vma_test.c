// SPDX-License-Identifier: MIT
/*
 * tests/host/vma_test.c: the VMA tree (mm/vma.c, the real source) on the
 * host under ASan/UBSan, as Linux's tools/testing/vma tests mm/vma.c.
 *
 * VMAs come from the real slab allocator (vm_area_cachep) on a 64 MiB
 * host "machine" (host.c), in the debug build: red zones and poison
 * catch overruns and writes after free, and every test ends with no VMA
 * allocated (leak check) and the slab caches consistent.
 *
 * mmap_lock is stubbed below: the test takes it for writing around each
 * test, as mmap() would, and the lock checks in mm/vma.c see it.
 *
 * Addresses are written as page numbers: P(100) is page 100. A layout
 * string such as "100-104:rw 108-112:r" lists the VMAs, [start, end) in
 * pages with their permissions. The randomized test is in
 * vma_random.c; the program prints its seed first (replay:
 * ANVIL_SEED=<seed> build/vma_test/vma_test).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/rmap.h>
#include <anvil/slab.h>

#include "../../mm/vma_internal.h"
#include "host.h"

#include "vma_test.h"

/* mm/rmap.c's mm_take_all_locks asks current; vma_test never calls it. */
void *host_current_task;

/* The stand-in objects behind FA, FB, AV1, AV2. */
char vma_test_objects[4];

/* ---- the address space under test ------------------------------- */

struct mm_struct mm;

/* Free every VMA left in @mm (after a failed CHECK too). */
void mm_teardown(void)
{
	while (mm.mmap) {
		struct vm_area_struct *vma = mm.mmap;

		vma_unlink(&mm, vma);
		vm_area_free(vma);
	}
	mm.mmap_lock.count = 0;
}

/* A fresh, empty mm, write-locked; user space is pages [16, 1000). */
void mm_setup(void)
{
	mm_teardown();
	memset(&mm, 0, sizeof(mm));
	mm.mm_rb = RB_ROOT;
	init_rwsem(&mm.mmap_lock);
	spin_lock_init(&mm.page_table_lock);
	mm.task_size = P(1000);
	mm.mmap_base = P(900);
	sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;
	down_write(&mm.mmap_lock);
}

static struct vm_area_struct *map_file(unsigned long first, unsigned long end,
				       unsigned long flags, struct file *file,
				       unsigned long pgoff)
{
	struct vm_area_struct *vma = vm_area_alloc(&mm);

	if (!vma)
		return NULL;
	vma->vm_start = P(first);
	vma->vm_end = P(end);
	vma->vm_flags = flags;
	vma->vm_file = file;
	vma->vm_pgoff = pgoff;
	if (insert_vm_struct(&mm, vma)) {
		vm_area_free(vma);
		return NULL;
	}
	return vma;
}

/* An anonymous VMA over pages [first, end). */
static struct vm_area_struct *map(unsigned long first, unsigned long end,
				  unsigned long flags)
{
	return map_file(first, end, flags, NULL, 0);
}

/* The VMAs as "start-end:perms ..." in page numbers. */
const char *layout(void)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = '\0';
	for (struct vm_area_struct *v = mm.mmap; v && n < sizeof(buf) - 64;
	     v = v->vm_next)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%lu-%lu:%s%s%s%s",
			      n ? " " : "", PGNUM(v->vm_start),
			      PGNUM(v->vm_end), v->vm_flags & VM_READ ? "r" : "",
			      v->vm_flags & VM_WRITE ? "w" : "",
			      v->vm_flags & VM_EXEC ? "x" : "",
			      v->vm_flags & (RW | VM_EXEC) ? "" : "-");
	return buf;
}

/* Remove [first, end) and free what came out; returns the error. */
static int unmap(unsigned long first, unsigned long end, const char **out)
{
	static char buf[256];
	struct vm_area_struct *v, *tmp;
	size_t n = 0;
	int err;
	LIST_HEAD(detached);

	err = vma_remove_range(&mm, P(first), P(end), &detached);
	buf[0] = '\0';
	list_for_each_entry_safe(v, tmp, &detached, vm_detached) {
		n += snprintf(buf + n, sizeof(buf) - n, "%s%lu-%lu",
			      n ? " " : "", PGNUM(v->vm_start),
			      PGNUM(v->vm_end));
		list_del(&v->vm_detached);
		vm_area_free(v);
	}
	if (out)
		*out = buf;
	return err;
}

/* ---- lookups and insertion ---------------------------------------- */

static void find_vma_and_friends(void)
{
	struct vm_area_struct *a, *b, *c, *prev;

	mm_setup();
	a = map(100, 110, R);
	b = map(120, 130, R);
	c = map(140, 150, R);
	CHECK(a && b && c);
	CHECK(find_vma(&mm, P(50)) == a);	/* below everything */
	CHECK(find_vma(&mm, P(100)) == a);
	CHECK(find_vma(&mm, P(110) - 1) == a);
	CHECK(find_vma(&mm, P(110)) == b);	/* in a gap: the next one */
	CHECK(find_vma(&mm, P(135)) == c);
	CHECK(mm.mmap_cache == c);
	CHECK(find_vma(&mm, P(150)) == NULL);
	CHECK(find_vma_prev(&mm, P(115), &prev) == b && prev == a);
	CHECK(find_vma_prev(&mm, P(50), &prev) == a && prev == NULL);
	CHECK(find_vma_prev(&mm, P(160), &prev) == NULL && prev == c);
	CHECK(find_vma_intersection(&mm, P(110), P(120)) == NULL);
	CHECK(find_vma_intersection(&mm, P(110), P(121)) == b);
	CHECK(find_vma_intersection(&mm, P(149), P(999)) == c);
	CHECK(find_vma_intersection(&mm, P(150), P(999)) == NULL);
	DONE();
}

static void insert_rejects_overlaps(void)
{
	struct vm_area_struct *v;

	mm_setup();
	CHECK(map(100, 110, RW));
	CHECK(!map(100, 110, RW));	/* the same */
	CHECK(!map(95, 101, RW));	/* its head */
	CHECK(!map(109, 120, RW));	/* its tail */
	CHECK(!map(90, 120, RW));	/* around it */
	CHECK(!map(102, 104, RW));	/* inside it */
	CHECK(map(90, 100, R) && map(110, 111, R)); /* touching is fine */
	v = vm_area_alloc(&mm);
	CHECK(v);
	v->vm_start = P(200) + 1;
	v->vm_end = P(201);
	CHECK_EQ(insert_vm_struct(&mm, v), -EINVAL);
	v->vm_start = v->vm_end = P(201);
	CHECK_EQ(insert_vm_struct(&mm, v), -EINVAL);
	v->vm_start = P(105);
	v->vm_end = P(106);
	CHECK_EQ(insert_vm_struct(&mm, v), -ENOMEM);
	vm_area_free(v);
	CHECK_EQ(mm.map_count, 3);
	CHECK(mm.mmap->vm_pgoff == 90);	/* anonymous: its page number */
	CHECK_LAYOUT("90-100:r 100-110:rw 110-111:r");
	DONE();
}

/* Thousands of VMAs inserted in random order, looked up at random. */
static void many_vmas_random_order(void)
{
	enum { N = 2000 };
	static unsigned int order[N];
	unsigned long addr;

	mm_setup();
	mm.task_size = P(16 + 3 * N + 16);
	for (unsigned int i = 0; i < N; i++)
		order[i] = i;
	for (unsigned int i = N - 1; i > 0; i--) {
		unsigned int j = host_rand_below(i + 1), t = order[i];

		order[i] = order[j];
		order[j] = t;
	}
	for (unsigned int i = 0; i < N; i++)	/* VMA k: pages 16+3k..+2 */
		CHECK(map(16 + 3 * order[i], 18 + 3 * order[i], R));
	CHECK_OK(mm_validate(&mm));
	for (int i = 0; i < 20000; i++) {
		struct vm_area_struct *v;
		unsigned long k;

		addr = host_rand_below(P(16 + 3 * N + 8));
		v = find_vma(&mm, addr);
		k = addr < P(16) ? 0 : (addr - P(16)) / P(3);
		if (addr >= P(18 + 3 * k))
			k++;		/* in the one-page gap after VMA k */
		if (k >= N)
			CHECK(!v);
		else
			CHECK(v && v->vm_start == P(16 + 3 * k));
	}
	for (unsigned int i = 0; i < N; i++) {
		CHECK_EQ(unmap(16 + 3 * order[i], 18 + 3 * order[i], NULL), 0);
		if (i % 97 == 0)
			CHECK_OK(mm_validate(&mm));
	}
	CHECK(!mm.mmap && RB_EMPTY_ROOT(&mm.mm_rb));
	DONE();
}

static void validate_catches_corruption(void)
{
	struct vm_area_struct *a, *b, stray = { 0 };

	mm_setup();
	a = map(100, 110, R);
	b = map(120, 130, R);
	CHECK(a && b);
	mm.map_count++;
	CHECK(mm_validate(&mm));
	mm.map_count--;
	mm.mmap_cache = &stray;
	CHECK(mm_validate(&mm));
	mm.mmap_cache = NULL;
	b->vm_start = P(105);		/* overlaps a */
	CHECK(mm_validate(&mm));
	b->vm_start = P(120);
	b->vm_prev = NULL;
	CHECK(mm_validate(&mm));
	b->vm_prev = a;
	DONE();
}

static void lock_is_checked(void)
{
	unsigned long warned = host_warnings;

	mm_setup();
	CHECK(map(100, 110, R));
	up_write(&mm.mmap_lock);
	find_vma(&mm, P(100));			/* no lock at all */
	CHECK(host_warnings > warned);
	warned = host_warnings;
	down_read(&mm.mmap_lock);
	CHECK(find_vma(&mm, P(100)));		/* fine for a lookup */
	CHECK_EQ(host_warnings, warned);
	CHECK(!map(100, 110, R));		/* changes need it for writing */
	CHECK(host_warnings > warned);
	up_read(&mm.mmap_lock);
	down_write(&mm.mmap_lock);
	DONE();
}

/* ---- split -------------------------------------------------------- */

static void split_keeps_file_offsets(void)
{
	struct vm_area_struct *v, *hi, *lo;

	mm_setup();
	v = map_file(100, 120, RW, FA, 50);
	CHECK(v);
	CHECK_EQ(split_vma(&mm, v, P(105), 0), 0);	/* new one above */
	hi = v->vm_next;
	CHECK(hi && hi->vm_start == P(105) && hi->vm_pgoff == 55);
	CHECK(hi->vm_file == FA && hi->vm_flags == RW);
	CHECK(v->vm_end == P(105) && v->vm_pgoff == 50);
	CHECK_EQ(split_vma(&mm, hi, P(110), 1), 0);	/* new one below */
	lo = hi->vm_prev;
	CHECK(lo != v && lo->vm_start == P(105) && lo->vm_end == P(110));
	CHECK(lo->vm_pgoff == 55 && hi->vm_start == P(110) &&
	      hi->vm_pgoff == 60);
	CHECK_LAYOUT("100-105:rw 105-110:rw 110-120:rw");
	CHECK_EQ(split_vma(&mm, v, P(100), 0), -EINVAL);	/* at an end */
	CHECK_EQ(split_vma(&mm, v, P(105), 0), -EINVAL);
	CHECK_EQ(split_vma(&mm, v, P(99), 0), -EINVAL);
	CHECK_EQ(split_vma(&mm, v, P(102) + 8, 0), -EINVAL);
	sysctl_max_map_count = mm.map_count;
	CHECK_EQ(split_vma(&mm, v, P(102), 0), -ENOMEM);
	CHECK_EQ(__split_vma(&mm, v, P(102), 0), 0);	/* no limit check */
	CHECK_EQ(mm.map_count, 4);
	DONE();
}

/* ---- removing ranges (munmap) ------------------------------------- */

static void remove_head_tail_middle(void)
{
	const char *gone;

	mm_setup();
	CHECK(map(100, 120, RW));
	CHECK_EQ(unmap(100, 104, &gone), 0);		/* head */
	CHECK(!strcmp(gone, "100-104"));
	CHECK_EQ(unmap(116, 130, &gone), 0);		/* tail, and beyond */
	CHECK(!strcmp(gone, "116-120"));
	CHECK_EQ(unmap(108, 112, &gone), 0);		/* middle */
	CHECK(!strcmp(gone, "108-112"));
	CHECK_LAYOUT("104-108:rw 112-116:rw");
	CHECK(mm.mmap->vm_pgoff == 104 && mm.mmap->vm_next->vm_pgoff == 112);
	CHECK_EQ(mm.map_count, 2);
	DONE();
}

static void remove_across_vmas_and_holes(void)
{
	struct vm_area_struct *b;
	const char *gone;

	mm_setup();
	CHECK(map(100, 110, R) && (b = map(110, 120, RW)) && map(120, 130, RX));
	CHECK_EQ(unmap(105, 125, &gone), 0);		/* across three */
	CHECK(!strcmp(gone, "105-110 110-120 120-125"));
	CHECK_LAYOUT("100-105:r 125-130:rx");
	CHECK(mm.mmap->vm_next->vm_pgoff == 125);
	CHECK_EQ(unmap(140, 150, &gone), 0);		/* only a hole */
	CHECK(!strcmp(gone, ""));
	CHECK_EQ(unmap(90, 200, &gone), 0);		/* holes around both */
	CHECK(!strcmp(gone, "100-105 125-130"));
	CHECK(!mm.mmap && mm.map_count == 0 && !mm.mmap_cache);

	CHECK(map(100, 110, R) && (b = map(110, 120, RW)) && map(120, 130, RX));
	CHECK_EQ(unmap(110, 120, &gone), 0);		/* exactly one */
	CHECK(!strcmp(gone, "110-120"));
	CHECK_LAYOUT("100-110:r 120-130:rx");
	CHECK_EQ(unmap(105, 125, &gone), 0);		/* two parts, a hole */
	CHECK(!strcmp(gone, "105-110 120-125"));
	CHECK_LAYOUT("100-105:r 125-130:rx");
	DONE();
}

static void remove_range_errors(void)
{
	LIST_HEAD(detached);

	mm_setup();
	CHECK(map(100, 120, RW));
	CHECK_EQ(vma_remove_range(&mm, P(101) + 1, P(110), &detached), -EINVAL);
	CHECK_EQ(vma_remove_range(&mm, P(101), P(110) - 1, &detached), -EINVAL);
	CHECK_EQ(vma_remove_range(&mm, P(110), P(110), &detached), -EINVAL);
	sysctl_max_map_count = 1;
	CHECK_EQ(unmap(105, 110, NULL), -ENOMEM);	/* middle: one more */
	CHECK_LAYOUT("100-120:rw");
	CHECK_EQ(unmap(100, 105, NULL), 0);		/* head: no more */
	CHECK_EQ(unmap(115, 120, NULL), 0);		/* tail: no more */
	CHECK_LAYOUT("105-115:rw");
	CHECK(list_empty(&detached));
	DONE();
}

/* Take every free page, so the next slab that needs one fails. */
static void drain_memory(struct list_head *pages)
{
	for (int order = MAX_ORDER; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(GFP_NOWAIT | __GFP_NOWARN, order))) {
			page->index = order;
			list_add(&page->lru, pages);
		}
	}
}

static void refill_memory(struct list_head *pages, struct list_head *vmas)
{
	struct vm_area_struct *v, *vn;
	struct page *page, *pn;

	list_for_each_entry_safe(v, vn, vmas, vm_detached) {
		list_del(&v->vm_detached);
		vm_area_free(v);
	}
	list_for_each_entry_safe(page, pn, pages, lru) {
		list_del(&page->lru);
		__free_pages(page, page->index);
	}
}

/*
 * Punching a hole needs two new VMAs. With memory for only one, the
 * first split must be undone: the mm ends up exactly as it was.
 */
static void remove_range_undoes_a_split_on_enomem(void)
{
	struct vm_area_struct *v;
	LIST_HEAD(pages);
	LIST_HEAD(hoard);
	int err;

	mm_setup();
	CHECK(map(100, 120, RW));
	drain_memory(&pages);
	while ((v = vm_area_alloc(&mm)))
		list_add(&v->vm_detached, &hoard);
	v = list_first_entry(&hoard, struct vm_area_struct, vm_detached);
	list_del(&v->vm_detached);
	vm_area_free(v);			/* room for exactly one */
	err = unmap(105, 110, NULL);
	refill_memory(&pages, &hoard);
	CHECK_EQ(err, -ENOMEM);
	CHECK_LAYOUT("100-120:rw");
	CHECK_EQ(mm.mmap->vm_pgoff, 100);
	DONE();
}

/* ---- merging: Linux's cases 1-8 (see vma_merge in mm/vma.c) ------- */

static void merge_into_hole(void)
{
	struct vm_area_struct *p, *n;

	mm_setup();					/* case 1 */
	CHECK((p = map(100, 104, RW)) && map(108, 112, RW));
	CHECK(vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104) == p);
	CHECK_LAYOUT("100-112:rw");
	CHECK_EQ(vm_area_cachep->nr_inuse, 1);		/* next was freed */

	mm_setup();					/* case 2 */
	CHECK((p = map(100, 104, RW)) && map(108, 112, R));
	CHECK(vma_merge(&mm, p, P(104), P(106), RW, NULL, NULL, 104) == p);
	CHECK_LAYOUT("100-106:rw 108-112:r");

	mm_setup();					/* case 3 */
	CHECK((p = map(100, 104, R)) && (n = map(108, 112, RW)));
	CHECK(vma_merge(&mm, p, P(106), P(108), RW, NULL, NULL, 106) == n);
	CHECK_LAYOUT("100-104:r 106-112:rw");
	CHECK_EQ(n->vm_pgoff, 106);

	mm_setup();					/* first VMA */
	CHECK((n = map(108, 112, RW)));
	CHECK(vma_merge(&mm, NULL, P(100), P(108), RW, NULL, NULL, 100) == n);
	CHECK_LAYOUT("100-112:rw");

	mm_setup();					/* nothing fits */
	CHECK((p = map(100, 104, R)) && map(108, 112, RX));
	CHECK(!vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104));
	CHECK_LAYOUT("100-104:r 108-112:rx");
	DONE();
}

/* mprotect's cases: [addr, end) is inside existing VMAs. */
static void merge_over_existing(void)
{
	struct vm_area_struct *p, *n, *r;

	mm_setup();					/* case 4 */
	CHECK((p = map(100, 108, R)) && (n = map(108, 112, RW)));
	CHECK(vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104) == n);
	CHECK_LAYOUT("100-104:r 104-112:rw");
	CHECK_EQ(n->vm_pgoff, 104);

	mm_setup();					/* case 5 */
	CHECK((p = map(100, 104, RW)) && (n = map(104, 112, R)));
	CHECK(vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104) == p);
	CHECK_LAYOUT("100-108:rw 108-112:r");
	CHECK_EQ(n->vm_pgoff, 108);

	mm_setup();					/* case 6 */
	CHECK((p = map(100, 104, RW)) && map(104, 108, R) && map(108, 112, RW));
	CHECK(vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104) == p);
	CHECK_LAYOUT("100-112:rw");

	mm_setup();					/* case 7 */
	CHECK((p = map(100, 104, RW)) && map(104, 108, R) && map(108, 112, RX));
	CHECK(vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104) == p);
	CHECK_LAYOUT("100-108:rw 108-112:rx");

	mm_setup();					/* case 8 */
	CHECK((p = map(100, 104, R)) && (n = map(104, 108, RX)) &&
	      map(108, 112, RW));
	r = vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104);
	CHECK(r == n);
	r->vm_flags = RW;			/* mprotect sets them after */
	CHECK_LAYOUT("100-104:r 104-112:rw");
	CHECK_EQ(n->vm_pgoff, 104);
	CHECK_EQ(mm.map_count, 2);
	DONE();
}

static void merge_needs_compatible_backing(void)
{
	struct vm_area_struct *p, *n;

	mm_setup();					/* file offsets */
	CHECK((p = map_file(100, 104, R, FA, 0)));
	CHECK(!vma_merge(&mm, p, P(104), P(108), R, NULL, FA, 5));
	CHECK(!vma_merge(&mm, p, P(104), P(108), R, NULL, FB, 4));
	CHECK(!vma_merge(&mm, p, P(104), P(108), R, NULL, NULL, 104));
	CHECK(vma_merge(&mm, p, P(104), P(108), R, NULL, FA, 4) == p);
	CHECK_LAYOUT("100-108:r");

	mm_setup();					/* VM_SPECIAL */
	CHECK((p = map(100, 104, R | VM_IO)));
	CHECK(!vma_merge(&mm, p, P(104), P(108), R | VM_IO, NULL, NULL, 104));

	mm_setup();				/* two different anon_vmas */
	CHECK((p = map(100, 104, RW)) && (n = map(108, 112, RW)));
	CHECK(!anon_vma_prepare(p) && !anon_vma_prepare(n));
	CHECK(p->anon_vma && n->anon_vma && p->anon_vma != n->anon_vma);
	CHECK(vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104) == p);
	CHECK_LAYOUT("100-108:rw 108-112:rw");	/* case 2, not 1 */
	CHECK(!vma_merge(&mm, p, P(108), P(112), RW, n->anon_vma, NULL, 108));

	mm_setup();			/* one anon_vma: the merged VMA keeps it */
	CHECK((p = map(100, 104, RW)) && (n = map(108, 112, RW)));
	CHECK(!anon_vma_prepare(n));
	CHECK(vma_merge(&mm, p, P(104), P(108), RW, NULL, NULL, 104) == p);
	CHECK(p->anon_vma && list_is_singular(&p->anon_vma_chain));
	CHECK_LAYOUT("100-112:rw");
	DONE();
}

static void adjust_refuses_misshapen_ranges(void)
{
	struct vm_area_struct *p, *n;
	unsigned long warned = host_warnings;

	mm_setup();
	CHECK((p = map(100, 104, R)) && (n = map(108, 112, R)));
	CHECK_EQ(vma_adjust(n, P(103), P(112), 103, NULL), -EINVAL);
	CHECK_EQ(vma_adjust(n, P(110), P(110), 110, NULL), -EINVAL);
	CHECK_EQ(host_warnings, warned + 2);
	CHECK_EQ(vma_adjust(p, P(100), P(110), 100, NULL), 0); /* into n */
	CHECK_LAYOUT("100-110:r 110-112:r");
	CHECK_EQ(n->vm_pgoff, 110);
	DONE();
}

/* ---- get_unmapped_area -------------------------------------------- */

#define GUA(hint, pages) get_unmapped_area(&mm, (hint), P(pages))

static void unmapped_area_top_down_and_hints(void)
{
	mm_setup();				/* [16, 1000), base at 900 */
	CHECK_EQ(GUA(0, 10), P(890));
	CHECK(map(890, 900, RW));
	CHECK_EQ(GUA(0, 10), P(880));
	CHECK_EQ(GUA(P(200), 5), P(200));	/* a free hint */
	CHECK_EQ(GUA(P(200) + 1, 5), P(201));	/* rounded up */
	CHECK_EQ(GUA(P(888), 5), P(885));	/* hint overlaps: search */
	CHECK_EQ(GUA(P(1), 5), P(885));		/* below mmap_min_addr */
	CHECK_EQ(GUA(P(998), 5), P(885));	/* past task_size */
	CHECK_EQ(get_unmapped_area(&mm, 0, P(2) + 1), P(887)); /* 3 pages */
	CHECK(map(16, 870, R));
	CHECK_EQ(GUA(0, 20), P(870));		/* a gap that just fits */
	CHECK_EQ(GUA(0, 21), P(900));		/* none below: bottom-up */
	CHECK(map(900, 1000, R));
	CHECK_EQ(GUA(0, 20), P(870));
	CHECK(!PAGE_ALIGNED(GUA(0, 21)));	/* exhausted */
	CHECK_EQ(GUA(0, 21), -ENOMEM);
	CHECK_EQ(GUA(0, 0), -ENOMEM);
	CHECK_EQ(get_unmapped_area(&mm, 0, -PAGE_SIZE), -ENOMEM);
	DONE();
}

int main(int argc, char **argv)
{
	static const struct host_test tests[] = {
		HOST_TEST(find_vma_and_friends),
		HOST_TEST(insert_rejects_overlaps),
		HOST_TEST(many_vmas_random_order),
		HOST_TEST(validate_catches_corruption),
		HOST_TEST(lock_is_checked),
		HOST_TEST(split_keeps_file_offsets),
		HOST_TEST(remove_head_tail_middle),
		HOST_TEST(remove_across_vmas_and_holes),
		HOST_TEST(remove_range_errors),
		HOST_TEST(remove_range_undoes_a_split_on_enomem),
		HOST_TEST(merge_into_hole),
		HOST_TEST(merge_over_existing),
		HOST_TEST(merge_needs_compatible_backing),
		HOST_TEST(adjust_refuses_misshapen_ranges),
		HOST_TEST(unmapped_area_top_down_and_hints),
		HOST_TEST(random_map_unmap_mprotect),
	};

	host_seed_init(argc, argv);
	host_boot_mm(64 * SZ_1M);
	vma_cache_init();
	return host_run_tests(tests, ARRAY_SIZE(tests));
}
