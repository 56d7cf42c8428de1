// SPDX-License-Identifier: MIT
/*
 * hash_mm_test.c: user pages through the hash MMU, for real
 * ("anvil.test=ppc64_mm"). Built with DEBUG=1 when the arch has user mm.
 *
 * Every case loads a user address space on its CPU (mm_env.h) and
 * touches user addresses from kernel mode, as copy_to_user would: the
 * CPU takes the segment fault, the hash fault and, the first time, the
 * generic fault. Then it looks in the HPT itself:
 *
 *   stores hash read/write HPTEs (one per page, in the slot the PTE
 *   recorded); munmap removes them and gives every page back; a read
 *   maps the zero page read-only and the write after it COWs; fork
 *   leaves the parent's HPTEs read-only or gone and a write COWs on
 *   either side; mprotect takes write away at once; a store to a clean
 *   page upgrades its HPTE in place; exec permission
 *   reaches the N bit; pages that all hash to one group evict each
 *   other without losing data; VSIDs are distinct and below the
 *   kernel's; and no duplicate HPTE or stale entry was ever seen.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <asm/mmu-hash.h>

#include "mm_env.h"

#define MAP(mm, addr, len, prot) \
	do_mmap(mm, addr, len, prot, TEST_ANON, -1, 0)

static void stores_hash_rw_hptes(struct ktest *t)
{
	unsigned long inserts = hash_stat_read(hpte_insert);
	unsigned long misses = hash_stat_read(slb_user_miss);
	struct mm_env e;
	int i;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, MAP(e.mm, TEST_BASE, 16 * PAGE_SIZE, TEST_RW),
			TEST_BASE);
	for (i = 0; i < 16; i++)
		uwrite(TEST_BASE + i * PAGE_SIZE + 8, 1000 + i);
	for (i = 0; i < 16; i++) {
		unsigned long addr = TEST_BASE + i * PAGE_SIZE, r = 0;
		pte_t *pte = mm_env_pte(e.mm, addr);

		KTEST_EXPECT_EQ(t, uread(addr + 8), 1000 + i);
		KTEST_EXPECT_EQ(t, *kernel_view(e.mm, addr + 8), 1000 + i);
		KTEST_ASSERT_TRUE(t, hpte_of(e.mm, addr, &r));
		KTEST_EXPECT_EQ(t, r & HPTE_R_PP, PP_RW_USER);
		KTEST_EXPECT_EQ(t, r & HPTE_R_RPN, pte_val(*pte) & PTE_RPN_MASK);
		KTEST_EXPECT_TRUE(t, r & HPTE_R_C);
		KTEST_EXPECT_TRUE(t, pte_val(*pte) & _PAGE_HASHPTE);
		KTEST_EXPECT_TRUE(t, pte_val(*pte) & _PAGE_DIRTY);
		KTEST_EXPECT_EQ(t, hptes_for(e.mm, addr), 1);
	}
	KTEST_EXPECT_TRUE(t, hash_stat_read(hpte_insert) - inserts >= 16);
	KTEST_EXPECT_TRUE(t, hash_stat_read(slb_user_miss) > misses);
	ktest_log(t, "16 pages: %lu HPTEs inserted, %lu generic faults so far",
		  hash_stat_read(hpte_insert) - inserts, mm_env_generic_faults);
	mm_env_exit(&e);
}

/* A plain dereference, outside uaccess: an oops, whatever the page. */
static void read_after_munmap(void *arg)
{
	(void)*(volatile unsigned long *)TEST_BASE;
}

static void munmap_removes_hptes_and_frees_pages(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	unsigned long batched = hash_stat_read(hpte_inval_batched);
	unsigned long flushes = hash_stat_read(batch_flush[HPTE_FLUSH_LEAVE]);
	unsigned long vpn[64];
	struct mm_env e;
	int i;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, MAP(e.mm, TEST_BASE, 64 * PAGE_SIZE, TEST_RW),
			TEST_BASE);
	for (i = 0; i < 64; i++) {
		uwrite(TEST_BASE + i * PAGE_SIZE, i);
		vpn[i] = user_vpn(e.mm, TEST_BASE + i * PAGE_SIZE);
		KTEST_EXPECT_TRUE(t, hash_find_page(vpn[i], USER_SEGSIZE) >= 0);
	}
	KTEST_EXPECT_EQ(t, do_munmap(e.mm, TEST_BASE, 64 * PAGE_SIZE), 0);
	for (i = 0; i < 64; i++)
		KTEST_EXPECT_TRUE(t, hash_find_page(vpn[i], USER_SEGSIZE) < 0);
	KTEST_EXPECT_TRUE(t, hash_stat_read(hpte_inval_batched) - batched >= 64);
	KTEST_EXPECT_TRUE(t, hash_stat_read(batch_flush[HPTE_FLUSH_LEAVE]) >
			     flushes);
	/*
	 * Nothing there now: a fault the kernel cannot fix. get_user()
	 * takes its fixup; a plain access is an oops.
	 */
	KTEST_EXPECT_EQ(t, uread(TEST_BASE), UREAD_FAILED);
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_after_munmap, NULL));
	mm_env_exit(&e);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void read_maps_zero_page_then_write_copies(struct ktest *t)
{
	unsigned long r = 0, addr = TEST_BASE + 3 * PAGE_SIZE;
	struct mm_env e;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, MAP(e.mm, TEST_BASE, 8 * PAGE_SIZE, TEST_RW),
			TEST_BASE);
	KTEST_EXPECT_EQ(t, uread(addr), 0);
	KTEST_ASSERT_TRUE(t, hpte_of(e.mm, addr, &r));
	KTEST_EXPECT_EQ(t, r & HPTE_R_PP, PP_RO);
	KTEST_EXPECT_EQ(t, (r & HPTE_R_RPN) >> PAGE_SHIFT,
			page_to_pfn(zero_page));
	uwrite(addr, 0xc0ffee);
	KTEST_EXPECT_EQ(t, uread(addr), 0xc0ffee);
	KTEST_ASSERT_TRUE(t, hpte_of(e.mm, addr, &r));
	KTEST_EXPECT_EQ(t, r & HPTE_R_PP, PP_RW_USER);
	KTEST_EXPECT_NE(t, (r & HPTE_R_RPN) >> PAGE_SHIFT,
			page_to_pfn(zero_page));
	KTEST_EXPECT_EQ(t, hptes_for(e.mm, addr), 1);
	KTEST_EXPECT_EQ(t, *(unsigned long *)page_address(zero_page), 0);
	mm_env_exit(&e);
}

/* The parent's HPTE for @addr allows no write: gone, or read-only. */
static bool hpte_read_only(struct mm_struct *mm, unsigned long addr)
{
	unsigned long r;

	return !hpte_of(mm, addr, &r) || (r & HPTE_R_PP) == PP_RO;
}

static void fork_write_protects_parent_hptes(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct mm_struct *child;
	struct mm_env e;
	int i;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, MAP(e.mm, TEST_BASE, 4 * PAGE_SIZE, TEST_RW),
			TEST_BASE);
	for (i = 0; i < 4; i++)
		uwrite(TEST_BASE + i * PAGE_SIZE, 10 + i);
	child = dup_mm(e.mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	for (i = 0; i < 4; i++)
		KTEST_EXPECT_TRUE(t, hpte_read_only(e.mm,
						    TEST_BASE + i * PAGE_SIZE));
	KTEST_EXPECT_TRUE(t, kernel_view(child, TEST_BASE) ==
			     kernel_view(e.mm, TEST_BASE));

	/* Parent writes: its own copy; the child keeps the old data. */
	uwrite(TEST_BASE, 77);
	KTEST_EXPECT_TRUE(t, kernel_view(child, TEST_BASE) !=
			     kernel_view(e.mm, TEST_BASE));
	KTEST_EXPECT_EQ(t, *kernel_view(child, TEST_BASE), 10);
	KTEST_EXPECT_EQ(t, hptes_for(e.mm, TEST_BASE), 1);

	/* The child, loaded on this CPU: reads the old, COWs page 1. */
	mm_env_switch(&e, child);
	KTEST_EXPECT_EQ(t, uread(TEST_BASE), 10);
	uwrite(TEST_BASE + PAGE_SIZE, 88);
	KTEST_EXPECT_EQ(t, uread(TEST_BASE + PAGE_SIZE), 88);
	mm_env_switch(&e, e.mm);
	KTEST_EXPECT_EQ(t, uread(TEST_BASE + PAGE_SIZE), 11);
	KTEST_EXPECT_EQ(t, uread(TEST_BASE), 77);
	mm_env_switch(&e, NULL);
	mmput(child);
	mm_env_exit(&e);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

/* Outside uaccess, so an oops rather than a failed put_user(). */
static void write_to_user(void *arg)
{
	*(volatile unsigned long *)TEST_BASE = 1;
}

static void mprotect_takes_write_away_at_once(struct ktest *t)
{
	struct mm_env e;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, MAP(e.mm, TEST_BASE, 4 * PAGE_SIZE, TEST_RW),
			TEST_BASE);
	uwrite(TEST_BASE, 5);
	KTEST_EXPECT_EQ(t, do_mprotect(e.mm, TEST_BASE, 4 * PAGE_SIZE,
				       PROT_READ), 0);
	KTEST_EXPECT_TRUE(t, hpte_read_only(e.mm, TEST_BASE));
	KTEST_EXPECT_EQ(t, uread(TEST_BASE), 5);
	KTEST_EXPECT_EQ(t, put_user(1UL, (unsigned long __user *)TEST_BASE),
			-EFAULT);
	KTEST_EXPECT_EQ(t, uread(TEST_BASE), 5);
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, write_to_user, NULL));
	KTEST_EXPECT_EQ(t, do_mprotect(e.mm, TEST_BASE, 4 * PAGE_SIZE,
				       TEST_RW), 0);
	uwrite(TEST_BASE, 6);
	KTEST_EXPECT_EQ(t, uread(TEST_BASE), 6);
	KTEST_EXPECT_EQ(t, hptes_for(e.mm, TEST_BASE), 1);
	mm_env_exit(&e);
}

/*
 * A writable PTE that is not dirty is hashed read-only, so the first
 * store faults (PROTFAULT, not "no HPTE") and the hash fault marks the
 * PTE dirty and upgrades the HPTE where it is (Linux's updatepp).
 */
static void store_to_clean_page_updates_hpte_in_place(struct ktest *t)
{
	unsigned long updates = hash_stat_read(hpte_update), r = 0;
	unsigned long addr = TEST_BASE;
	long slot;
	struct mm_env e;
	pte_t *pte;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, MAP(e.mm, addr, PAGE_SIZE, TEST_RW), addr);
	uwrite(addr, 9);
	pte = mm_env_pte(e.mm, addr);
	KTEST_ASSERT_NOT_NULL(t, pte);
	/* Clean it, as writeback would: its RW HPTE goes with the bit. */
	pte_update(e.mm, addr, pte, _PAGE_DIRTY, 0);
	KTEST_EXPECT_EQ(t, hptes_for(e.mm, addr), 0);
	KTEST_EXPECT_EQ(t, uread(addr), 9);
	KTEST_ASSERT_TRUE(t, hpte_of(e.mm, addr, &r));
	KTEST_EXPECT_EQ(t, r & HPTE_R_PP, PP_RO);
	slot = hash_find_page(user_vpn(e.mm, addr), USER_SEGSIZE);
	uwrite(addr, 10);
	KTEST_EXPECT_EQ(t, hash_stat_read(hpte_update), updates + 1);
	KTEST_EXPECT_EQ(t, hash_find_page(user_vpn(e.mm, addr), USER_SEGSIZE),
			slot);
	KTEST_ASSERT_TRUE(t, hpte_of(e.mm, addr, &r));
	KTEST_EXPECT_EQ(t, r & HPTE_R_PP, PP_RW_USER);
	KTEST_EXPECT_TRUE(t, pte_val(*pte) & _PAGE_DIRTY);
	KTEST_EXPECT_EQ(t, *kernel_view(e.mm, addr), 10);
	mm_env_exit(&e);
}

static void exec_permission_reaches_n_bit(struct ktest *t)
{
	unsigned long r = 0, x = TEST_BASE, nx = TEST_BASE + PAGE_SIZE;
	struct mm_env e;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_EXPECT_EQ(t, MAP(e.mm, x, PAGE_SIZE, PROT_READ | PROT_EXEC), x);
	KTEST_EXPECT_EQ(t, MAP(e.mm, nx, PAGE_SIZE, PROT_READ), nx);
	(void)uread(x);
	(void)uread(nx);
	KTEST_ASSERT_TRUE(t, hpte_of(e.mm, x, &r));
	KTEST_EXPECT_FALSE(t, r & HPTE_R_N);
	KTEST_ASSERT_TRUE(t, hpte_of(e.mm, nx, &r));
	KTEST_EXPECT_TRUE(t, r & HPTE_R_N);
	mm_env_exit(&e);
}

/*
 * Pages that all hash to one primary group (one per segment: each
 * segment's VSID picks the page that lands there). The kernel's bolted
 * entries already half fill the two groups, so 12 of them cannot all
 * stay: they evict each other. Every page must still read back right (a
 * refault puts it back), and never be in the table twice.
 */
static unsigned int same_group_pages(struct mm_struct *mm,
				     unsigned long *addr, unsigned int n)
{
	unsigned long ctx = mm_context_id(mm);
	unsigned long group = hash_slot(user_vpn(mm, TEST_BASE), USER_SEGSIZE,
					false, 0);
	unsigned long h = user_vsid(ctx, TEST_BASE) & 0xffff, seg;
	unsigned int found = 0;

	for (seg = 1; seg < 4096 && found < n; seg++) {
		unsigned long ea = seg << SID_SHIFT;
		unsigned long page = (h ^ user_vsid(ctx, ea)) & 0xffff;

		ea |= page << PAGE_SHIFT;
		if (hash_slot(user_vpn(mm, ea), USER_SEGSIZE, false, 0) == group)
			addr[found++] = ea;
	}
	return found;
}

static void one_group_pages_evict_each_other(struct ktest *t)
{
	unsigned long evicts = hash_stat_read(hpte_evict), addr[12];
	struct mm_env e;
	int i, round;

	KTEST_ASSERT_TRUE(t, mm_env_enter(&e));
	KTEST_ASSERT_TRUE(t, same_group_pages(e.mm, addr, 12) == 12);
	for (i = 0; i < 12; i++)
		KTEST_EXPECT_EQ(t, MAP(e.mm, addr[i], PAGE_SIZE, TEST_RW),
				addr[i]);
	for (round = 0; round < 3; round++)
		for (i = 0; i < 12; i++) {
			if (round == 0)
				uwrite(addr[i], addr[i]);
			KTEST_EXPECT_EQ(t, uread(addr[i]), addr[i]);
			KTEST_EXPECT_TRUE(t, hptes_for(e.mm, addr[i]) == 1);
		}
	KTEST_EXPECT_TRUE(t, hash_stat_read(hpte_evict) > evicts);
	ktest_log(t, "%lu evictions", hash_stat_read(hpte_evict) - evicts);
	mm_env_exit(&e);
}

static void vsids_are_distinct_and_below_the_kernel(struct ktest *t)
{
	unsigned long v[3][4];
	int c, s, c2, s2;

	for (c = 0; c < 3; c++)
		for (s = 0; s < 4; s++) {
			unsigned long ctx = c == 2 ? MAX_USER_CONTEXT : c + 1UL;
			unsigned long ea = (unsigned long)s << 44; /* far apart */

			v[c][s] = user_vsid(ctx, ea);
			KTEST_EXPECT_TRUE(t, v[c][s] != 0);
			KTEST_EXPECT_TRUE(t, v[c][s] < (1UL << USER_VSID_BITS));
			KTEST_EXPECT_TRUE(t, (v[c][s] << SID_SHIFT) < PAGE_OFFSET);
		}
	for (c = 0; c < 3; c++)
		for (s = 0; s < 4; s++)
			for (c2 = 0; c2 < 3; c2++)
				for (s2 = 0; s2 < 4; s2++)
					if (c != c2 || s != s2)
						KTEST_EXPECT_NE(t, v[c][s], v[c2][s2]);
}

/* Last: the counters that must never move, over everything above. */
static void no_duplicate_or_stale_hpte_seen(struct ktest *t)
{
	ktest_log(t, "inserts %lu, updates %lu, batched %lu, immediate %lu, preloads %lu",
		  hash_stat_read(hpte_insert), hash_stat_read(hpte_update),
		  hash_stat_read(hpte_inval_batched),
		  hash_stat_read(hpte_inval_now), hash_stat_read(hash_preload));
	KTEST_EXPECT_EQ(t, hash_stat_read(hpte_dup_refused), 0);
	KTEST_EXPECT_EQ(t, hash_stat_read(stale_hpte), 0);
}

KTEST_SUITE(ppc64_mm, "ppc64_mm",
	    KTEST_CASE(stores_hash_rw_hptes),
	    KTEST_CASE(munmap_removes_hptes_and_frees_pages),
	    KTEST_CASE(read_maps_zero_page_then_write_copies),
	    KTEST_CASE(fork_write_protects_parent_hptes),
	    KTEST_CASE(mprotect_takes_write_away_at_once),
	    KTEST_CASE(store_to_clean_page_updates_hpte_in_place),
	    KTEST_CASE(exec_permission_reaches_n_bit),
	    KTEST_CASE(one_group_pages_evict_each_other),
	    KTEST_CASE(vsids_are_distinct_and_below_the_kernel),
	    KTEST_CASE(no_duplicate_or_stale_hpte_seen));
