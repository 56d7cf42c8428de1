// SPDX-License-Identifier: MIT
/*
 * tests/host/mmap_test.c: mm/mmap.c and mm/mprotect.c on the host, over
 * the real VMA tree, page tables (stand-in), gather and allocators.
 *
 * Each case checks what a user program would see: the VMAs afterwards
 * (as /proc/self/maps would list them), the errno of each invalid call
 * (Linux's), and that every page comes back: nr_free_pages() after
 * exit_mmap() equals before.
 */
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>
#include <anvil/slab.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

void *host_current_task;
struct mm_struct *host_loaded_mm;
int host_lazy_mmu;
unsigned long host_pte_changes_outside_lazy;
static unsigned long nr_flush_range;

void tlb_flush(struct mmu_gather *tlb) { }
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr) { }
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	nr_flush_range++;
}
bool need_resched(void) { return false; }

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	return page ? page_address(page) : NULL;
}

void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	free_page((unsigned long)pgd);
}

/* mm/mm_struct.c */
struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
void mmput(struct mm_struct *mm);
void cond_resched(void) { }

#define PAGE_ALIGNED(a) (((a) & (PAGE_SIZE - 1)) == 0)
#define BASE 0x10000000UL
#define PG PAGE_SIZE
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static struct mm_struct *mm_new(void)
{
	struct mm_struct *mm = calloc(1, sizeof(*mm));

	mm->pgd = page_address(alloc_page(GFP_KERNEL | __GFP_ZERO));
	init_rwsem(&mm->mmap_lock);
	spin_lock_init(&mm->page_table_lock);
	mm->task_size = TASK_SIZE;
	mm->mmap_base = 0x7f0000000000UL;
	return mm;
}

static void mm_free(struct mm_struct *mm)
{
	exit_mmap(mm);
	free_page((unsigned long)mm->pgd);
	free(mm);
}

/* "start-end flags ..." for every VMA, like a tiny /proc/self/maps. */
static const char *maps(struct mm_struct *mm)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = '\0';
	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
		n += snprintf(buf + n, sizeof(buf) - n, "%lx-%lx %c%c%c ",
			      v->vm_start, v->vm_end,
			      v->vm_flags & VM_READ ? 'r' : '-',
			      v->vm_flags & VM_WRITE ? 'w' : '-',
			      v->vm_flags & VM_EXEC ? 'x' : '-');
	return buf;
}

#define CHECK_MAPS(mm, want)                                                \
	do {                                                                \
		const char *__got = maps(mm);                               \
		if (strcmp(__got, want) != 0) {                             \
			host_fail(__FILE__, __LINE__, "maps: got '%s', want '%s'", \
				  __got, want);                             \
			return;                                             \
		}                                                           \
	} while (0)

/* A user access at @addr: the fault path, under mmap_lock for reading. */
static int fault(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	int ret = VM_FAULT_SIGSEGV;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr)
		ret = handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0);
	up_read(&mm->mmap_lock);
	return ret;
}

static void touch(struct mm_struct *mm, unsigned long addr, bool write)
{
	fault(mm, addr, write);
}

static void mmap_errors_are_linux_errnos(void)
{
	struct mm_struct *mm = mm_new();

	CHECK_EQ((long)do_mmap(mm, 0, 0, RW, ANON, -1, 0), -EINVAL);
	CHECK_EQ((long)do_mmap(mm, 0, PG, RW, MAP_ANONYMOUS, -1, 0), -EINVAL);
	CHECK_EQ((long)do_mmap(mm, 0, PG, RW | 0x10, ANON, -1, 0), -EINVAL);
	CHECK_EQ((long)do_mmap(mm, BASE + 1, PG, RW, ANON | MAP_FIXED, -1, 0),
		 -EINVAL);
	CHECK_EQ((long)do_mmap(mm, 0, 1UL << 50, RW, ANON, -1, 0), -ENOMEM);
	CHECK_EQ((long)do_mmap(mm, mm->task_size, PG, RW, ANON | MAP_FIXED,
			       -1, 0), -ENOMEM);	/* kernel space */
	CHECK_EQ(do_munmap(mm, BASE + 1, PG), -EINVAL);
	CHECK_EQ(do_munmap(mm, BASE, 0), -EINVAL);
	CHECK_EQ(do_mprotect(mm, BASE, PG, PROT_READ), -ENOMEM); /* unmapped */
	CHECK_EQ(do_mprotect(mm, BASE + 1, PG, PROT_READ), -EINVAL);
	mm_free(mm);
}

static void munmap_head_tail_middle_and_across(void)
{
	unsigned long before = nr_free_pages();
	struct mm_struct *mm = mm_new();

	CHECK_EQ(do_mmap(mm, BASE, 10 * PG, RW, ANON | MAP_FIXED, -1, 0), BASE);
	for (int i = 0; i < 10; i++)
		touch(mm, BASE + i * PG, true);
	CHECK_EQ(do_munmap(mm, BASE, PG), 0);			/* head */
	CHECK_EQ(do_munmap(mm, BASE + 9 * PG, PG), 0);		/* tail */
	CHECK_EQ(do_munmap(mm, BASE + 4 * PG, 2 * PG), 0);	/* middle */
	CHECK_MAPS(mm, "10001000-10004000 rw- 10006000-10009000 rw- ");
	CHECK_EQ(atomic_long_read(&mm->rss_anon), 6);
	CHECK_EQ(do_munmap(mm, BASE + 2 * PG, 6 * PG), 0);	/* across */
	CHECK_MAPS(mm, "10001000-10002000 rw- 10008000-10009000 rw- ");
	CHECK_EQ(atomic_long_read(&mm->rss_anon), 2);
	CHECK_EQ(do_munmap(mm, BASE, 100 * PG), 0);		/* with holes */
	CHECK_MAPS(mm, "");
	mm_free(mm);
	CHECK_EQ(nr_free_pages(), before);
}

static void mprotect_splits_and_merges(void)
{
	struct mm_struct *mm = mm_new();

	CHECK_EQ(do_mmap(mm, BASE, 4 * PG, RW, ANON | MAP_FIXED, -1, 0), BASE);
	touch(mm, BASE + PG, true);
	CHECK_EQ(do_mprotect(mm, BASE + PG, PG, PROT_READ), 0);
	CHECK_MAPS(mm, "10000000-10001000 rw- 10001000-10002000 r-- "
		       "10002000-10004000 rw- ");
	CHECK(nr_flush_range > 0);
	/* The PTE lost its write bit: a write now faults, and is refused. */
	CHECK_EQ(fault(mm, BASE + PG, true), VM_FAULT_SIGSEGV);
	CHECK_EQ(do_mprotect(mm, BASE + PG, PG, RW), 0);
	CHECK_MAPS(mm, "10000000-10004000 rw- ");		/* merged */
	CHECK_EQ(fault(mm, BASE + PG, true), 0);
	mm_free(mm);
}

static void map_fixed_replaces_and_noreplace_refuses(void)
{
	struct mm_struct *mm = mm_new();

	CHECK_EQ(do_mmap(mm, BASE, 4 * PG, RW, ANON | MAP_FIXED, -1, 0), BASE);
	touch(mm, BASE + PG, true);
	CHECK_EQ((long)do_mmap(mm, BASE + PG, PG, PROT_READ,
			       ANON | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
	CHECK_EQ(do_mmap(mm, BASE + PG, PG, PROT_READ, ANON | MAP_FIXED, -1, 0),
		 BASE + PG);
	CHECK_MAPS(mm, "10000000-10001000 rw- 10001000-10002000 r-- "
		       "10002000-10004000 rw- ");
	CHECK_EQ(atomic_long_read(&mm->rss_anon), 0); /* the old page went */
	mm_free(mm);
}

static void hints_and_top_down_placement(void)
{
	struct mm_struct *mm = mm_new();
	unsigned long a, b;

	a = do_mmap(mm, 0, 3 * PG, RW, ANON, -1, 0);
	b = do_mmap(mm, 0, PG, RW, ANON, -1, 0);
	CHECK(PAGE_ALIGNED(a) && PAGE_ALIGNED(b));
	CHECK(b + PG <= a || b >= a + 3 * PG);	/* no overlap */
	CHECK(a < mm->mmap_base);
	CHECK_EQ(do_mmap(mm, BASE, PG, RW, ANON, -1, 0), BASE); /* hint kept */
	CHECK(do_mmap(mm, BASE, PG, RW, ANON, -1, 0) != BASE);  /* taken */
	mm_free(mm);
}

static void brk_grows_and_shrinks(void)
{
	unsigned long before = nr_free_pages();
	struct mm_struct *mm = mm_new();

	mm->start_brk = mm->brk = BASE + 0x1234;
	CHECK_EQ(do_brk(mm, BASE + 0x5000), BASE + 0x5000);
	CHECK_MAPS(mm, "10002000-10005000 rw- ");
	touch(mm, BASE + 0x4000, true);
	CHECK_EQ(do_brk(mm, BASE + 0x3000), BASE + 0x3000);
	CHECK_MAPS(mm, "10002000-10003000 rw- ");
	CHECK_EQ(do_brk(mm, BASE), BASE + 0x3000);	/* below start: no */
	CHECK_EQ(do_mmap(mm, BASE + 0x8000, PG, RW, ANON | MAP_FIXED, -1, 0),
		 BASE + 0x8000);
	CHECK_EQ(do_brk(mm, BASE + 0x9000), BASE + 0x3000); /* collides */
	mm_free(mm);
	CHECK_EQ(nr_free_pages(), before);
}

static void populate_faults_everything_in(void)
{
	struct mm_struct *mm = mm_new();

	CHECK_EQ(do_mmap(mm, BASE, 64 * PG, RW, ANON | MAP_FIXED | MAP_POPULATE,
			 -1, 0), BASE);
	CHECK_EQ(atomic_long_read(&mm->rss_anon), 64);
	mm_free(mm);
}

/* Every case also fails if the code under test warned (locks, pages). */
static void no_warnings(void)
{
	CHECK_EQ(host_warnings, 0);
}

/* Read a word of user memory through the page tables (no fault). */
static unsigned long peek(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page;
	unsigned long v = ~0UL;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	page = vma ? follow_page(vma, addr) : NULL;
	if (page)
		v = *(unsigned long *)((char *)page_address(page) +
				       (addr & ~PAGE_MASK));
	up_read(&mm->mmap_lock);
	return v;
}

static void poke(struct mm_struct *mm, unsigned long addr, unsigned long v)
{
	struct vm_area_struct *vma;
	struct page *page;

	fault(mm, addr, true);
	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	page = follow_page(vma, addr);
	*(unsigned long *)((char *)page_address(page) + (addr & ~PAGE_MASK)) = v;
	up_read(&mm->mmap_lock);
}

/* fork: the child sees the parent's data, and their writes stay apart. */
static void dup_mm_copies_on_write(void)
{
	unsigned long before = nr_free_pages();
	struct mm_struct *parent = mm_alloc(), *child;

	CHECK(parent != NULL);
	CHECK_EQ(do_mmap(parent, BASE, 8 * PG, RW, ANON | MAP_FIXED, -1, 0), BASE);
	for (int i = 0; i < 8; i++)
		poke(parent, BASE + i * PG, 1000 + i);
	child = dup_mm(parent);
	CHECK(child != NULL);
	CHECK_MAPS(child, "10000000-10008000 rw- ");
	CHECK_EQ(peek(child, BASE + 3 * PG), 1003);
	poke(child, BASE + 3 * PG, 7);
	poke(parent, BASE + 5 * PG, 9);
	CHECK_EQ(peek(parent, BASE + 3 * PG), 1003);
	CHECK_EQ(peek(child, BASE + 3 * PG), 7);
	CHECK_EQ(peek(child, BASE + 5 * PG), 1005);
	mmput(parent);			/* the parent exits first */
	CHECK_EQ(peek(child, BASE + 7 * PG), 1007);
	mmput(child);
	CHECK_EQ(nr_free_pages(), before);
}

static const struct host_test tests[] = {
	HOST_TEST(mmap_errors_are_linux_errnos),
	HOST_TEST(munmap_head_tail_middle_and_across),
	HOST_TEST(mprotect_splits_and_merges),
	HOST_TEST(map_fixed_replaces_and_noreplace_refuses),
	HOST_TEST(hints_and_top_down_placement),
	HOST_TEST(brk_grows_and_shrinks),
	HOST_TEST(populate_faults_everything_in),
	HOST_TEST(dup_mm_copies_on_write),
	HOST_TEST(no_warnings),
};

int main(int argc, char **argv)
{
	host_seed_init(argc, argv);
	host_boot_mm(128 << 20);
	vma_cache_init();
	{	/* warm the slab caches the counted tests will use */
		struct mm_struct *mm = mm_new(), *copy;

		do_mmap(mm, BASE, PG, RW, ANON | MAP_FIXED | MAP_POPULATE, -1, 0);
		copy = dup_mm(mm);
		mmput(copy);
		do_munmap(mm, BASE, PG);
		mm_free(mm);
	}
	return host_run_tests(tests, sizeof(tests) / sizeof(tests[0]));
}
