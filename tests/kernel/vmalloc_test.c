// SPDX-License-Identifier: MIT
/*
 * tests/kernel/vmalloc_test.c: the vmalloc area (mm/vmalloc.c) on the
 * real MMU: contents survive, guard pages and freed ranges fault, a
 * freed range reused at once is seen with its new pages by another CPU
 * (the flush reached it), vmap of the caller's pages, and with
 * anvil.vmap_stack the guard page below a kernel stack.
 */
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/sched.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <anvil/vmalloc.h>

/* What page @i of an area holds in word @w: differs per page and word. */
static unsigned long pattern(unsigned long seed, unsigned long i,
			     unsigned long w)
{
	return seed ^ (i << 20) ^ (w * 0x9e3779b97f4a7c15UL);
}

#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(unsigned long))

static void sizes_keep_contents(struct ktest *t)
{
	static const unsigned long pages[] = { 1, 2, 5, 16, 256, 1024 };
	struct vmalloc_stats before, after;

	vmalloc_stats_get(&before);
	for (unsigned int n = 0; n < ARRAY_SIZE(pages); n++) {
		unsigned long size = pages[n] * PAGE_SIZE;
		unsigned long *p = vmalloc(size);
		unsigned long bad = 0;

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_TRUE(t, is_vmalloc_addr(p));
		KTEST_EXPECT_TRUE(t, is_vmalloc_addr((char *)p + size - 1));
		KTEST_EXPECT_EQ(t, (unsigned long)p & ~PAGE_MASK, 0);
		for (unsigned long i = 0; i < pages[n]; i++)
			for (unsigned long w = 0; w < WORDS_PER_PAGE; w++)
				p[i * WORDS_PER_PAGE + w] = pattern(n, i, w);
		for (unsigned long i = 0; i < pages[n]; i++) {
			struct page *pg = vmalloc_to_page(p + i * WORDS_PER_PAGE);
			unsigned long *alias = pg ? page_address(pg) : NULL;

			for (unsigned long w = 0; w < WORDS_PER_PAGE; w++) {
				if (p[i * WORDS_PER_PAGE + w] != pattern(n, i, w))
					bad++;
				/* The direct-map alias is the same memory. */
				if (!alias || alias[w] != pattern(n, i, w))
					bad++;
			}
		}
		KTEST_EXPECT_EQ(t, bad, 0);
		vfree(p);
	}
	vmalloc_stats_get(&after);
	KTEST_EXPECT_EQ(t, after.nr_areas, before.nr_areas);
	KTEST_EXPECT_EQ(t, after.nr_pages, before.nr_pages);
	ktest_log(t, "%lu areas, %lu pages in use; %lu flushes so far",
		  after.nr_areas, after.nr_pages, after.nr_flushes);
}

static void read_word(void *arg)
{
	(void)*(volatile unsigned long *)arg;
}

static void write_word(void *arg)
{
	*(volatile unsigned long *)arg = 0xbad;
}

static void guard_page_faults(struct ktest *t)
{
	char *a = vmalloc(2 * PAGE_SIZE);
	char *b = vmalloc(PAGE_SIZE);

	KTEST_ASSERT_TRUE(t, a && b);
	a[2 * PAGE_SIZE - 1] = 1;	/* the last byte is ours */
	KTEST_EXPECT_TRUE(t, vmalloc_to_page(a + 2 * PAGE_SIZE) == NULL);
	/* b comes after a's guard, never right against a. */
	KTEST_EXPECT_TRUE(t, b < a || b >= a + 3 * PAGE_SIZE);
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, write_word,
						a + 2 * PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_word,
						b + PAGE_SIZE));
	vfree(b);
	vfree(a);
}

static void freed_range_faults(struct ktest *t)
{
	unsigned long *p = vmalloc(PAGE_SIZE);

	KTEST_ASSERT_NOT_NULL(t, p);
	*p = 42;
	KTEST_EXPECT_EQ(t, *(volatile unsigned long *)p, 42);
	vfree(p);
	KTEST_EXPECT_TRUE(t, vmalloc_to_page(p) == NULL);
	/* This CPU's TLB held the translation a moment ago. */
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_word, p));
}

static void vmap_existing_pages(struct ktest *t)
{
	struct page *pages[4] = { NULL };
	unsigned long *v;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, pages[i]);
		*(unsigned long *)page_address(pages[i]) = 0x1000 + i;
	}
	/* Map them backwards: vmap's order, not the physical one, counts. */
	struct page *rev[4] = { pages[3], pages[2], pages[1], pages[0] };

	v = vmap(rev, 4, 0, PAGE_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, v);
	for (i = 0; i < 4; i++) {
		KTEST_EXPECT_EQ(t, v[i * WORDS_PER_PAGE], 0x1000 + 3 - i);
		KTEST_EXPECT_TRUE(t, vmalloc_to_page(v + i * WORDS_PER_PAGE) ==
				     rev[i]);
		v[i * WORDS_PER_PAGE + 1] = 0x2000 + i;
	}
	vunmap(v);
	/* The pages are still ours, with what was written through v. */
	for (i = 0; i < 4; i++) {
		unsigned long *d = page_address(rev[i]);

		KTEST_EXPECT_EQ(t, d[1], 0x2000 + i);
		__free_page(rev[i]);
	}
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_word, v));
}

/* ---- the flush reaches every CPU ---------------------------------- */

/*
 * A thread pinned to another CPU reads a word when asked: req 1 = read
 * *addr into value, 2 = exit; it sets req back to 0 when done. It spins
 * with interrupts on, so the flush IPI gets through.
 */
struct reader {
	unsigned long *addr;
	unsigned long value;
	int req;
	unsigned int ran_on;
};

static void reader_fn(void *arg)
{
	struct reader *r = arg;
	int req;

	for (;;) {
		while ((req = smp_load_acquire(&r->req)) == 0)
			cpu_relax();
		if (req == 2)
			break;
		r->value = *(volatile unsigned long *)READ_ONCE(r->addr);
		r->ran_on = raw_smp_processor_id();
		smp_store_release(&r->req, 0);
	}
}

static unsigned long remote_read(struct reader *r, unsigned long *addr)
{
	WRITE_ONCE(r->addr, addr);
	smp_store_release(&r->req, 1);
	while (smp_load_acquire(&r->req) != 0)
		cpu_relax();
	return r->value;
}

static int other_cpu(void)
{
	unsigned int self = raw_smp_processor_id();

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu != self && cpu_online(cpu))
			return (int)cpu;
	return -1;
}

static struct task_struct *start_reader(struct reader *r, int cpu)
{
	struct task_struct *k = kthread_create(reader_fn, r, "vmalloc-reader");

	if (!k)
		return NULL;
	kthread_bind(k, (unsigned int)cpu);
	wake_up_process(k);
	return k;
}

static void stop_reader(struct reader *r, struct task_struct *k)
{
	smp_store_release(&r->req, 2);
	kthread_join(k);
}

/*
 * vunmap, then vmap of a *different* page at the same address: both
 * pages stay allocated, so a reader with a stale translation would see
 * the old page's value, not garbage or the right one by luck.
 */
static void vmap_reuse_seen_by_other_cpu(struct ktest *t)
{
	struct reader r = { 0 };
	struct page *a, *b;
	struct task_struct *k;
	unsigned long *va, *vb;
	int cpu = other_cpu();

	if (cpu < 0) {
		ktest_skip(t, "needs a second CPU");
		return;
	}
	a = alloc_page(GFP_KERNEL);
	b = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, a && b);
	*(unsigned long *)page_address(a) = 0xaaaa;
	*(unsigned long *)page_address(b) = 0xbbbb;
	k = start_reader(&r, cpu);
	KTEST_ASSERT_NOT_NULL(t, k);

	for (int round = 0; round < 8; round++) {
		va = vmap(&a, 1, 0, PAGE_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, va);
		KTEST_EXPECT_EQ(t, remote_read(&r, va), 0xaaaa);
		vunmap(va);
		vb = vmap(&b, 1, 0, PAGE_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, vb);
		if (vb != va) {
			ktest_log(t, "range not reused (%p, %p): someone else "
				  "allocated in between", va, vb);
			vunmap(vb);
			continue;
		}
		/* The reader's CPU cached va -> a; it must see b now. */
		KTEST_EXPECT_EQ(t, remote_read(&r, vb), 0xbbbb);
		vunmap(vb);
	}
	KTEST_EXPECT_EQ(t, r.ran_on, cpu);
	stop_reader(&r, k);
	__free_page(a);
	__free_page(b);
}

/* The same with vmalloc/vfree: new contents at the same address. */
static void vfree_reuse_seen_by_other_cpu(struct ktest *t)
{
	struct reader r = { 0 };
	struct task_struct *k;
	int cpu = other_cpu();
	unsigned int reused = 0;

	if (cpu < 0) {
		ktest_skip(t, "needs a second CPU");
		return;
	}
	k = start_reader(&r, cpu);
	KTEST_ASSERT_NOT_NULL(t, k);
	for (unsigned long round = 1; round <= 8; round++) {
		unsigned long *p = vmalloc(4 * PAGE_SIZE), *q;

		KTEST_ASSERT_NOT_NULL(t, p);
		p[3 * WORDS_PER_PAGE] = round;
		KTEST_EXPECT_EQ(t, remote_read(&r, p + 3 * WORDS_PER_PAGE),
				round);
		vfree(p);
		q = vmalloc(4 * PAGE_SIZE);
		KTEST_ASSERT_NOT_NULL(t, q);
		q[3 * WORDS_PER_PAGE] = round << 32;
		if (q == p)
			reused++;
		KTEST_EXPECT_EQ(t, remote_read(&r, q + 3 * WORDS_PER_PAGE),
				round << 32);
		vfree(q);
	}
	ktest_log(t, "range reused in %u of 8 rounds", reused);
	KTEST_EXPECT_TRUE(t, reused > 0);
	stop_reader(&r, k);
}

/* ---- kernel stacks (anvil.vmap_stack) ------------------------------ */

static void guard_page_detection(struct ktest *t)
{
	unsigned long base = (unsigned long)current->stack;

	KTEST_EXPECT_TRUE(t, task_stack_guard_page(current, base - 1));
	KTEST_EXPECT_TRUE(t, task_stack_guard_page(current, base - PAGE_SIZE));
	KTEST_EXPECT_FALSE(t, task_stack_guard_page(current, base));
	KTEST_EXPECT_FALSE(t, task_stack_guard_page(current,
						    base - PAGE_SIZE - 1));
	KTEST_EXPECT_FALSE(t, task_stack_guard_page(NULL, base - 1));
}

static void store_below_stack(void *arg)
{
	*(volatile unsigned long *)((unsigned long)current->stack - 8) = 1;
}

static volatile unsigned long overflow_limit = 1UL << 30;

/* Eats 512 bytes of stack per call until the guard page stops it. */
static __noinline unsigned long eat_stack(unsigned long depth)
{
	volatile char buf[512];

	buf[0] = (char)depth;
	if (depth >= overflow_limit)
		return 0;
	return eat_stack(depth + 1) + buf[0];	/* not a tail call */
}

static void overflow_stack(void *arg)
{
	(void)eat_stack(0);
}

static void vmap_stack_guard_faults(struct ktest *t)
{
	if (!vmap_stack_enabled || !is_vmalloc_addr(current->stack)) {
		ktest_skip(t, "anvil.vmap_stack is off");
		return;
	}
	KTEST_EXPECT_TRUE(t, vmalloc_to_page(current->stack) != NULL);
	KTEST_EXPECT_TRUE(t, vmalloc_to_page((char *)current->stack - 1) ==
			     NULL);
	/* A store into the guard: #PF, "kernel stack overflow". */
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, store_below_stack, NULL));
	/* A real overflow: the push faults, a double fault on IST. */
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, overflow_stack, NULL));
}

KTEST_SUITE(vmalloc, "vmalloc",
	    KTEST_CASE(sizes_keep_contents),
	    KTEST_CASE(guard_page_faults),
	    KTEST_CASE(freed_range_faults),
	    KTEST_CASE(vmap_existing_pages),
	    KTEST_CASE(vmap_reuse_seen_by_other_cpu),
	    KTEST_CASE(vfree_reuse_seen_by_other_cpu),
	    KTEST_CASE(guard_page_detection),
	    KTEST_CASE(vmap_stack_guard_faults));
