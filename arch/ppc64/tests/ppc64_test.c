// SPDX-License-Identifier: MIT
/*
 * arch/ppc64/tests/ppc64_test.c: what setup_arch() promises on ppc64.
 *
 * Run with "anvil.test=ppc64" (or "all"). Built only with DEBUG=1, like
 * tests/kernel/ (arch/ppc64/Makefile.inc). Each case checks one property
 * of the hash MMU, the exception path or the CPU setup:
 *
 *   translation and machine checks are on, the vectors sit at 0x100,
 *   the direct map reaches the last byte of RAM and nothing past it
 *   (data and instruction fetch), a lost direct-map HPTE is refilled on
 *   the fault, a second HPTE for one page is refused, the 256 MiB segment
 *   hash works too, a caught fault leaves the MSR as it was, backtraces
 *   start in the caller, nap wakes on the decrementer, and every online
 *   CPU runs translated with its own paca.
 */
#include <anvil/arch.h>
#include <anvil/irqflags.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <anvil/time.h>
#include <asm/mmu-hash.h>
#include <asm/paca.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/prom.h>
#include <asm/reg.h>
#include <asm/traps.h>

/* A page of its own, so tests can unmap it without hurting anyone. */
static u64 test_page[PAGE_SIZE / sizeof(u64)] __aligned(PAGE_SIZE);

static void translation_is_on(struct ktest *t)
{
	unsigned long msr = mfmsr();

	KTEST_EXPECT_TRUE(t, msr & MSR_IR);
	KTEST_EXPECT_TRUE(t, msr & MSR_DR);
	KTEST_EXPECT_TRUE(t, msr & MSR_ME);
	KTEST_EXPECT_TRUE(t, msr & MSR_HV);
}

static void vectors_are_at_0x100(struct ktest *t)
{
	const u32 *live = __va(0x100);
	const u32 *image = (const u32 *)(__vectors_start + 0x100);

	KTEST_EXPECT_EQ(t, live[0], image[0]);
	KTEST_EXPECT_EQ(t, live[(0x900 - 0x100) / 4], image[(0x900 - 0x100) / 4]);
}

static void direct_map_reaches_end_of_ram(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < nr_ram_ranges; i++) {
		phys_addr_t last = ram_ranges[i].base + ram_ranges[i].size - 8;

		(void)*(volatile u64 *)__va(ram_ranges[i].base);
		(void)*(volatile u64 *)__va(last);
	}
	KTEST_EXPECT_EQ(t, linear_map_end, (unsigned long)__va(ram_ranges[nr_ram_ranges - 1].base + ram_ranges[nr_ram_ranges - 1].size));
}

static void read_past_ram(void *arg)
{
	(void)*(volatile u64 *)linear_map_end;
}

static void beyond_ram_read_faults(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_past_ram, NULL));
}

/* An ELFv1 function pointer is a descriptor: entry, TOC, environment. */
static void call_past_ram(void *arg)
{
	static unsigned long desc[3];
	void (*fn)(void) = (void (*)(void))desc;

	desc[0] = linear_map_end;
	fn();
}

static void beyond_ram_fetch_faults(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, call_past_ram, NULL));
}

static unsigned long test_page_vpn(void)
{
	unsigned long ea = (unsigned long)test_page;

	return hpt_vpn(ea, KERNEL_VSID(ea), KERNEL_SEGSIZE);
}

static void lost_hpte_is_refilled(struct ktest *t)
{
	unsigned long vpn = test_page_vpn();
	long slot = hash_find_page(vpn, KERNEL_SEGSIZE);

	KTEST_ASSERT_TRUE(t, slot >= 0);
	test_page[0] = 0x5eed;
	hash_invalidate_page(slot, vpn, KERNEL_SEGSIZE);
	KTEST_EXPECT_TRUE(t, hash_find_page(vpn, KERNEL_SEGSIZE) < 0);

	/* This read takes a DSI; hash_page_kernel() puts an entry back. */
	KTEST_EXPECT_EQ(t, READ_ONCE(test_page[0]), 0x5eed);
	slot = hash_find_page(vpn, KERNEL_SEGSIZE);
	KTEST_ASSERT_TRUE(t, slot >= 0);

	/* Leave it bolted, as it was. */
	hash_invalidate_page(slot, vpn, KERNEL_SEGSIZE);
	KTEST_EXPECT_TRUE(t, hash_insert_page(vpn, __pa(test_page),
					      HPTE_KERNEL_RFLAGS, HPTE_V_BOLTED,
					      KERNEL_SEGSIZE) >= 0);
}

static void duplicate_hpte_is_refused(struct ktest *t)
{
	unsigned long vpn = test_page_vpn();
	long slot = hash_find_page(vpn, KERNEL_SEGSIZE);

	KTEST_ASSERT_TRUE(t, slot >= 0);
	KTEST_EXPECT_EQ(t, hash_insert_page(vpn, __pa(test_page),
					    HPTE_KERNEL_RFLAGS, 0,
					    KERNEL_SEGSIZE), -1);
	KTEST_EXPECT_EQ(t, hash_find_page(vpn, KERNEL_SEGSIZE), slot);
}

/* A 256 MiB segment at EA 0x10000000, SLB slot 1, aliasing test_page. */
#define ALIAS_EA 0x10000000UL
#define ALIAS_VSID 0x7777UL
#define ALIAS_SLB_RB ((ALIAS_EA & ~((1UL << SID_SHIFT) - 1)) | SLB_ESID_V | \
		      (SLB_VMALLOC_ENTRY + 1))

static void read_alias(void *arg)
{
	(void)*(volatile u64 *)ALIAS_EA;
}

static void segment_256m_translates(struct ktest *t)
{
	unsigned long vpn = hpt_vpn(ALIAS_EA, ALIAS_VSID, MMU_SEGSIZE_256M);
	unsigned long rs = ALIAS_VSID << SLB_VSID_SHIFT;
	long slot;

	/* 0x10000000 is a user segment too: none may be loaded twice. */
	slb_flush_user();
	__asm__ __volatile__("slbmte %0,%1; isync"
			     : : "r"(rs), "r"(ALIAS_SLB_RB) : "memory");
	slot = hash_insert_page(vpn, __pa(test_page), HPTE_KERNEL_RFLAGS, 0,
				MMU_SEGSIZE_256M);
	KTEST_ASSERT_TRUE(t, slot >= 0);

	test_page[1] = 0xa11a5;
	KTEST_EXPECT_EQ(t, *(volatile u64 *)(ALIAS_EA + 8), 0xa11a5);
	*(volatile u64 *)(ALIAS_EA + 16) = 0xbeef;
	KTEST_EXPECT_EQ(t, READ_ONCE(test_page[2]), 0xbeef);

	hash_invalidate_page((unsigned long)slot, vpn, MMU_SEGSIZE_256M);
	__asm__ __volatile__("slbie %0; isync"
			     : : "r"(ALIAS_EA & ~((1UL << SID_SHIFT) - 1))
			     : "memory");
	/* Segment gone: the same access is now a segment fault. */
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_alias, NULL));
}

static void caught_fault_restores_msr(struct ktest *t)
{
	unsigned long before = mfmsr();

	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_past_ram, NULL));
	KTEST_EXPECT_EQ(t, mfmsr(), before);
}

struct walk {
	unsigned long pc[4];
	int n;
};

static bool collect(void *cookie, unsigned long pc)
{
	struct walk *w = cookie;

	w->pc[w->n++] = pc;
	return w->n < 4;
}

static __noinline void walk_from_here(struct walk *w)
{
	arch_stack_walk(collect, w, NULL);
	barrier();
}

static void backtrace_starts_in_caller(struct ktest *t)
{
	struct walk w = { .n = 0 };
	unsigned long off;
	const char *name;

	walk_from_here(&w);
	KTEST_ASSERT_TRUE(t, w.n >= 2);
	name = kallsyms_lookup(w.pc[0], &off);
	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_EQ(t, strcmp(name, "walk_from_here"), 0);
	name = kallsyms_lookup(w.pc[1], &off);
	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_EQ(t, strcmp(name, "backtrace_starts_in_caller"), 0);
}

static void nap_wakes_on_decrementer(struct ktest *t)
{
	u64 start = jiffies;
	int i;

	for (i = 0; i < 10 && jiffies == start; i++) {
		local_irq_disable();
		arch_wait_for_interrupt();
		KTEST_EXPECT_FALSE(t, irqs_disabled());
	}
	KTEST_EXPECT_TRUE(t, jiffies != start);
}

static void boot_cpu_is_pir(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, arch_cpu_id(), mfspr(SPRN_PIR));
}

struct cpu_report {
	unsigned long msr[NR_CPUS];
	unsigned long paca[NR_CPUS];
	unsigned long pir[NR_CPUS];
};

static void report_cpu(void *arg)
{
	struct cpu_report *r = arg;
	unsigned int cpu = raw_smp_processor_id();

	r->msr[cpu] = mfmsr();
	r->paca[cpu] = mfspr(SPRN_SPRG_PACA);
	r->pir[cpu] = mfspr(SPRN_PIR);
}

static void every_cpu_translates(struct ktest *t)
{
	static struct cpu_report r;
	cpumask_t online = cpu_online_mask();
	unsigned int cpu;

	memset(&r, 0, sizeof(r));
	on_each_cpu_mask(online, report_cpu, &r, true);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!(online & cpumask_of(cpu)))
			continue;
		KTEST_EXPECT_EQ(t, r.msr[cpu] & (MSR_IR | MSR_DR),
				MSR_IR | MSR_DR);
		KTEST_EXPECT_EQ(t, r.paca[cpu], (unsigned long)&pacas[cpu]);
		KTEST_EXPECT_EQ(t, r.pir[cpu], pacas[cpu].hw_cpu_id);
	}
	ktest_log(t, "%u CPUs checked", (unsigned int)__builtin_popcountll(online));
}

KTEST_SUITE(ppc64, "ppc64",
	    KTEST_CASE(translation_is_on),
	    KTEST_CASE(vectors_are_at_0x100),
	    KTEST_CASE(direct_map_reaches_end_of_ram),
	    KTEST_CASE(beyond_ram_read_faults),
	    KTEST_CASE(beyond_ram_fetch_faults),
	    KTEST_CASE(lost_hpte_is_refilled),
	    KTEST_CASE(duplicate_hpte_is_refused),
	    KTEST_CASE(segment_256m_translates),
	    KTEST_CASE(caught_fault_restores_msr),
	    KTEST_CASE(backtrace_starts_in_caller),
	    KTEST_CASE(nap_wakes_on_decrementer),
	    KTEST_CASE(boot_cpu_is_pir),
	    KTEST_CASE(every_cpu_translates));
