// SPDX-License-Identifier: MIT
/*
 * tests/kernel/mremap_test.c: mremap, madvise, msync and mincore on the
 * real page tables of each arch (x86_64's hardware tables, ppc64's
 * hash-backed ones), from the mm calls down to the TLB.
 *
 *	move_keeps_the_pages	a populated range across a PTE-table
 *				boundary moves: the same struct pages at the
 *				new address, RSS and every page back after,
 *				no lockdep report (two PTLs, nested)
 *	move_inside_one_table	both ends under one PTL
 *	old_address_faults_here	the thread that cached the old
 *				translation faults on it after the move: the
 *				local TLB (x86) / HPTE (ppc64) was flushed
 *	old_address_faults_on_another_cpu
 *				the same for a thread spinning on another
 *				CPU with the mm loaded (the shootdown)
 *	syscalls		the four calls through sys_*, with user
 *				pointers: DONTNEED zeroes, mincore's vector,
 *				each errno, the table entries
 *
 * Built where the arch has user mode (USER_MODE_SRCS): the last cases
 * use the user fixture.
 */
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/lockdep.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rmap.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/sched/mm.h>
#include <anvil/smp.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <asm/processor.h>

#include "ktest_mm.h"
#include "user_fixture.h"

#define BASE 0x10000000UL	/* 2 MiB aligned */
#define PMD_SPAN (1UL << PMD_SHIFT)
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define POPULATED (ANON | MAP_FIXED | MAP_POPULATE)

static unsigned long *word(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = page_at(mm, addr);

	return page ? (unsigned long *)((char *)page_address(page) +
					(addr & ~PAGE_MASK)) : NULL;
}

/* A word of user memory, through this thread's mm; bytes not copied. */
static unsigned long read_word(unsigned long addr, unsigned long *v)
{
	return copy_from_user(v, (void __user *)addr, sizeof(*v));
}

/* One move made and undone, so the slab caches hold what moves need. */
static void warm_up(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return;
	do_mmap(mm, BASE, 2 * PAGE_SIZE, RW, POPULATED, -1, 0);
	do_mremap(mm, BASE, PAGE_SIZE, 4 * PAGE_SIZE, MREMAP_MAYMOVE, 0);
	mmput(mm);
}

#define N 700

static void move_keeps_the_pages(struct ktest *t)
{
	static struct page *pages[N];
	unsigned long before, reports, old = BASE + 300 * PAGE_SIZE, new;
	struct mm_struct *mm;
	long rss;

	warm_up();
	before = nr_free_pages();
	reports = lockdep_reports;
	mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_TRUE(t, do_mmap(mm, old, N * PAGE_SIZE, RW, POPULATED,
				     -1, 0) == old);
	/* A read-only page right after: no room to grow in place. */
	KTEST_ASSERT_TRUE(t, do_mmap(mm, old + N * PAGE_SIZE, PAGE_SIZE,
				     PROT_READ, ANON | MAP_FIXED, -1, 0) ==
				     old + N * PAGE_SIZE);
	for (int i = 0; i < N; i++) {
		pages[i] = page_at(mm, old + i * PAGE_SIZE);
		KTEST_ASSERT_NOT_NULL(t, pages[i]);
		*word(mm, old + i * PAGE_SIZE) = 5000 + i;
	}
	rss = atomic_long_read(&mm->rss_anon);

	new = do_mremap(mm, old, N * PAGE_SIZE, (N + 50) * PAGE_SIZE,
			MREMAP_MAYMOVE, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR_VALUE(new) && new != old);
	for (int i = 0; i < N; i++) {
		struct page *moved = page_at(mm, new + i * PAGE_SIZE);

		KTEST_EXPECT_TRUE(t, moved == pages[i]);
		KTEST_EXPECT_TRUE(t, !page_at(mm, old + i * PAGE_SIZE));
		if (moved != pages[i])
			break;
	}
	KTEST_EXPECT_EQ(t, *word(mm, new + 123 * PAGE_SIZE), 5123);
	KTEST_EXPECT_EQ(t, atomic_long_read(&mm->rss_anon), rss);
	KTEST_EXPECT_EQ(t, page_ref_count(pages[0]), 1);
	KTEST_EXPECT_EQ(t, page_mapcount(pages[0]), 1);
	KTEST_EXPECT_EQ(t, lockdep_reports, reports);
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void move_inside_one_table(struct ktest *t)
{
	unsigned long before;
	struct mm_struct *mm;

	warm_up();
	before = nr_free_pages();
	mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_TRUE(t, do_mmap(mm, BASE, 4 * PAGE_SIZE, RW, POPULATED,
				     -1, 0) == BASE);
	*word(mm, BASE + 3 * PAGE_SIZE) = 77;
	KTEST_EXPECT_EQ(t, do_mremap(mm, BASE, 4 * PAGE_SIZE, 4 * PAGE_SIZE,
				     MREMAP_MAYMOVE | MREMAP_FIXED,
				     BASE + 64 * PAGE_SIZE),
			BASE + 64 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, *word(mm, BASE + 67 * PAGE_SIZE), 77);
	KTEST_EXPECT_TRUE(t, !page_at(mm, BASE + 3 * PAGE_SIZE));
	mmput(mm);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/*
 * This thread runs in the mm (the user fixture), so its own accesses to
 * user memory go through this CPU's TLB (or the hash table): touch the
 * old address, move, and the old address must fault. A move that did
 * not flush would still find the old translation cached and read on.
 */
static void old_address_faults_here(struct ktest *t)
{
	struct user_fixture f;
	unsigned long v = 4242, got = 0, old, new;

	KTEST_ASSERT_TRUE(t, user_fixture_begin(&f, 4 * PAGE_SIZE) == 0);
	old = f.base;
	new = f.base + 32 * PMD_SPAN;
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)old, &v, sizeof(v)), 0);
	KTEST_EXPECT_EQ(t, read_word(old, &got), 0);
	KTEST_EXPECT_EQ(t, got, 4242);
	KTEST_EXPECT_EQ(t, sys_mremap(old, 4 * PAGE_SIZE, 4 * PAGE_SIZE,
				      MREMAP_MAYMOVE | MREMAP_FIXED, new),
			(long)new);
	got = 0;
	KTEST_EXPECT_EQ(t, read_word(old, &got), sizeof(got));
	KTEST_EXPECT_EQ(t, got, 0);
	KTEST_EXPECT_EQ(t, read_word(new, &got), 0);
	KTEST_EXPECT_EQ(t, got, 4242);
	user_fixture_end(&f);
}

struct reader {
	struct mm_struct *mm;
	unsigned long old, new;
	unsigned long before, after_new;
	bool old_readable;
	int ready, moved;
};

/*
 * On another CPU: cache the old translation, spin (no switch, so no
 * CR3 reload or SLB change could hide a missing shootdown) until the
 * move is done, then read both addresses.
 */
static void reader_fn(void *arg)
{
	struct reader *r = arg;
	unsigned long v = 0;

	kthread_use_mm(r->mm);
	if (!read_word(r->old, &v))
		r->before = v;
	WRITE_ONCE(r->ready, 1);
	while (!READ_ONCE(r->moved))
		cpu_relax();
	r->old_readable = !read_word(r->old, &v);
	if (!read_word(r->new, &v))
		r->after_new = v;
	kthread_unuse_mm(r->mm);
}

static void old_address_faults_on_another_cpu(struct ktest *t)
{
	struct reader r = { 0 };
	cpumask_t online = cpu_online_mask();
	unsigned int cpu, me = raw_smp_processor_id();
	struct task_struct *tsk;

	for (cpu = 0; cpu < 8 * sizeof(online); cpu++)
		if ((online & cpumask_of(cpu)) && cpu != me)
			break;
	if (cpu == 8 * sizeof(online)) {
		ktest_skip(t, "one CPU online");
		return;
	}
	r.mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, r.mm);
	r.old = BASE;
	r.new = BASE + 16 * PMD_SPAN;
	KTEST_ASSERT_TRUE(t, do_mmap(r.mm, BASE, 2 * PAGE_SIZE, RW, POPULATED,
				     -1, 0) == BASE);
	*word(r.mm, BASE) = 31337;
	tsk = kthread_create(reader_fn, &r, "mremap-reader");
	KTEST_ASSERT_NOT_NULL(t, tsk);
	kthread_bind(tsk, cpu);
	kthread_start(tsk);
	while (!READ_ONCE(r.ready))
		yield();
	KTEST_EXPECT_EQ(t, do_mremap(r.mm, BASE, 2 * PAGE_SIZE, 2 * PAGE_SIZE,
				     MREMAP_MAYMOVE | MREMAP_FIXED, r.new),
			r.new);
	WRITE_ONCE(r.moved, 1);
	kthread_join(tsk);
	KTEST_EXPECT_EQ(t, r.before, 31337);
	KTEST_EXPECT_FALSE(t, r.old_readable);
	KTEST_EXPECT_EQ(t, r.after_new, 31337);
	mmput(r.mm);
}

#define EXPECT_ENTRY(t, name)                                  \
	KTEST_EXPECT_TRUE(t, sys_call_table[__NR_##name].fn == \
				     (syscall_fn_t)(void (*)(void))sys_##name)

static unsigned long kernel_word;

/* The calls as a process makes them: user pointers, Linux's errnos. */
/*
 * Moving the page that holds the signal trampoline (ppc64's sigpage, set
 * here by hand so both arches run it) moves mm->sigpage with it, also
 * with MREMAP_DONTUNMAP; moving another page leaves it alone. Signal
 * return jumped to the old, now empty, address before.
 */
static void move_follows_the_sigpage(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long tramp = BASE + 4 * PAGE_SIZE, far = BASE + 64 * PMD_SPAN;
	unsigned long r;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_ASSERT_TRUE(t, do_mmap(mm, BASE, 8 * PAGE_SIZE, RW, POPULATED,
				     -1, 0) == BASE);
	mm->sigpage = tramp + 0x40;
	r = do_mremap(mm, BASE, PAGE_SIZE, PAGE_SIZE,
		      MREMAP_MAYMOVE | MREMAP_FIXED, far);
	KTEST_EXPECT_EQ(t, r, far);
	KTEST_EXPECT_EQ(t, mm->sigpage, tramp + 0x40);	/* not that page */
	r = do_mremap(mm, tramp, PAGE_SIZE, PAGE_SIZE,
		      MREMAP_MAYMOVE | MREMAP_FIXED, far + PMD_SPAN);
	KTEST_EXPECT_EQ(t, r, far + PMD_SPAN);
	KTEST_EXPECT_EQ(t, mm->sigpage, far + PMD_SPAN + 0x40);
	r = do_mremap(mm, far + PMD_SPAN, PAGE_SIZE, PAGE_SIZE,
		      MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	KTEST_EXPECT_TRUE(t, !IS_ERR_VALUE(r));
	KTEST_EXPECT_EQ(t, mm->sigpage, r + 0x40);
	mm->sigpage = 0;
	mmput(mm);
}

static void syscalls(struct ktest *t)
{
	struct user_fixture f;
	unsigned long pg = PAGE_SIZE, b, v = 99, got = 1;
	unsigned char vec[8];
	void __user *uvec;

	EXPECT_ENTRY(t, mremap);
	EXPECT_ENTRY(t, madvise);
	EXPECT_ENTRY(t, msync);
	EXPECT_ENTRY(t, mincore);
	KTEST_ASSERT_TRUE(t, user_fixture_begin(&f, 8 * PAGE_SIZE) == 0);
	b = f.base;
	uvec = user_ptr(&f, 7 * pg);	/* the vector lives in page 7 */

	/* DONTNEED: the page reads as zeroes, and mincore says so. */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(b + pg), &v, sizeof(v)),
			0);
	KTEST_EXPECT_EQ(t, sys_mincore(b, 4 * pg, uvec), 0);
	KTEST_EXPECT_EQ(t, copy_from_user(vec, uvec, 4), 0);
	KTEST_EXPECT_TRUE(t, vec[0] == 0 && vec[1] == 1 && vec[2] == 0 &&
				     vec[3] == 0);
	KTEST_EXPECT_EQ(t, sys_madvise(b + pg, pg, MADV_DONTNEED), 0);
	KTEST_EXPECT_EQ(t, sys_mincore(b, 4 * pg, uvec), 0);
	KTEST_EXPECT_EQ(t, copy_from_user(vec, uvec, 4), 0);
	KTEST_EXPECT_EQ(t, vec[1], 0);
	KTEST_EXPECT_EQ(t, read_word(b + pg, &got), 0);
	KTEST_EXPECT_EQ(t, got, 0);

	/* madvise */
	KTEST_EXPECT_EQ(t, sys_madvise(b + 1, pg, MADV_DONTNEED), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_madvise(b, pg, 12345), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_madvise(b, pg, MADV_WILLNEED), 0);
	KTEST_EXPECT_EQ(t, sys_madvise(b, 16 * pg, MADV_DONTNEED), -ENOMEM);
	/* mincore */
	KTEST_EXPECT_EQ(t, sys_mincore(b + 1, pg, uvec), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_mincore(b + 8 * pg, pg, uvec), -ENOMEM);
	KTEST_EXPECT_EQ(t, sys_mincore(b, 16 * pg, uvec), -ENOMEM);
	KTEST_EXPECT_EQ(t, sys_mincore(b, pg, (void __user *)0x1000), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_mincore(b, pg,
				       (void __user *)&kernel_word), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_mincore(b, 0, (void __user *)0x1000), 0);
	/* msync */
	KTEST_EXPECT_EQ(t, sys_msync(b, 8 * pg, MS_SYNC), 0);
	KTEST_EXPECT_EQ(t, sys_msync(b, pg, MS_SYNC | MS_ASYNC), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_msync(b, pg, 8), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_msync(b + 1, pg, MS_SYNC), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_msync(b, 16 * pg, MS_SYNC), -ENOMEM);
	/* mremap */
	KTEST_EXPECT_EQ(t, sys_mremap(b, pg, 2 * pg, 8, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_mremap(b, pg, 0, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_mremap(b, pg, pg, MREMAP_FIXED, b + 64 * pg),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_mremap(b + 64 * pg, pg, 2 * pg, MREMAP_MAYMOVE,
				      0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_mremap(b, 8 * pg, 2 * pg, 0, 0), (long)b);
	KTEST_EXPECT_EQ(t, sys_mincore(b + 2 * pg, pg, user_ptr(&f, 0)),
			-ENOMEM);
	user_fixture_end(&f);
}

KTEST_SUITE(mremap, "mremap",
	    KTEST_CASE(move_keeps_the_pages),
	    KTEST_CASE(move_inside_one_table),
	    KTEST_CASE(old_address_faults_here),
	    KTEST_CASE(old_address_faults_on_another_cpu),
	    KTEST_CASE(syscalls),
	    KTEST_CASE(move_follows_the_sigpage));
