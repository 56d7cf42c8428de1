// SPDX-License-Identifier: MIT
/*
 * arch/x86_64/tests/smp_test.c: x86_64's side of SMP and context switch.
 *
 * Run with "anvil.test=x86_smp" (or "all"); built with DEBUG=1 like the
 * other arch tests. The generic suites (tests/kernel/smp_test.c,
 * sched_test.c) check behaviour; these check the arch's promises:
 *
 *   the trampoline started every CPU of the MADT, boot CPU = logical 0,
 *   every CPU left the trampoline's page table and set its CR0/CR4/EFER,
 *   each CPU's GS base is its own per-CPU area, read in one instruction,
 *   an IPI reaches every CPU (itself included), every LAPIC timer ticks,
 *   arch_switch_to() returns the right "prev" and a new thread starts
 *   aligned, with a backtrace that ends at ret_from_kernel_thread,
 *   a CPU is never started twice.
 */
#include <anvil/arch.h>
#include <anvil/boot.h>
#include <anvil/irqflags.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/sched.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <anvil/time.h>
#include <asm/apic.h>
#include <asm/msr.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/special_insns.h>

/* What each CPU reports about itself (filled in an IPI, on that CPU). */
struct cpu_report {
	bool seen;
	bool is_bsp;			/* the APIC's own "boot CPU" flag */
	unsigned int apic_id;
	unsigned long gs_base, percpu_base;
	unsigned int percpu_cpu;
	unsigned long cr0, cr3, cr4;
	u64 efer;
	bool trampoline_mapped;
};

static struct cpu_report reports[NR_CPUS];

static void report_self(void *arg)
{
	struct cpu_report *r = &reports[arch_percpu_read_cpu()];

	r->apic_id = arch_cpu_id();
	r->is_bsp = rdmsr(MSR_IA32_APIC_BASE) & APIC_BASE_BSP;
	r->gs_base = rdmsr(MSR_GS_BASE);
	r->percpu_base = (unsigned long)arch_percpu_base();
	r->percpu_cpu = arch_percpu_read_cpu();
	r->cr0 = read_cr0();
	r->cr3 = read_cr3();
	r->cr4 = read_cr4();
	r->efer = rdmsr(MSR_EFER);
	r->trampoline_mapped = kern_addr_valid(TRAMPOLINE_PHYS);
	r->seen = true;
}

static void collect_reports(void)
{
	memset(reports, 0, sizeof(reports));
	on_each_cpu_mask(cpu_online_mask(), report_self, NULL, true);
}

static void every_madt_cpu_started(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, x86_nr_cpus, boot_params.nr_cpus);
	for (unsigned int cpu = 0; cpu < x86_nr_cpus; cpu++)
		KTEST_EXPECT_TRUE(t, cpu_online(cpu));
	collect_reports();
	for (unsigned int cpu = 0; cpu < x86_nr_cpus; cpu++) {
		KTEST_EXPECT_TRUE(t, reports[cpu].seen);
		/* Logical -> APIC id as the table says; 0 is the boot CPU. */
		KTEST_EXPECT_EQ(t, reports[cpu].apic_id, x86_cpu_to_apicid[cpu]);
		KTEST_EXPECT_EQ(t, reports[cpu].is_bsp, cpu == 0);
	}
}

static void gs_base_is_this_cpus_area(struct ktest *t)
{
	collect_reports();
	for (unsigned int cpu = 0; cpu < x86_nr_cpus; cpu++) {
		unsigned long area = (unsigned long)percpu_hdr_of(cpu);

		KTEST_EXPECT_EQ(t, reports[cpu].gs_base, area);
		KTEST_EXPECT_EQ(t, reports[cpu].percpu_base, area);
		KTEST_EXPECT_EQ(t, reports[cpu].percpu_cpu, cpu);
	}
}

/* Every AP left the trampoline's tables and set up like the boot CPU. */
static void every_cpu_is_set_up_like_the_boot_cpu(struct ktest *t)
{
	collect_reports();
	for (unsigned int cpu = 0; cpu < x86_nr_cpus; cpu++) {
		KTEST_EXPECT_EQ(t, reports[cpu].cr3, __pa(init_top_pgt));
		KTEST_EXPECT_FALSE(t, reports[cpu].trampoline_mapped);
		KTEST_EXPECT_EQ(t, reports[cpu].cr0, reports[0].cr0);
		KTEST_EXPECT_EQ(t, reports[cpu].cr4, reports[0].cr4);
		KTEST_EXPECT_EQ(t, reports[cpu].efer, reports[0].efer);
	}
}

/* arch_send_ipi() to each CPU, this one too, shows up in its count. */
static void ipi_reaches_every_cpu(struct ktest *t)
{
	unsigned long before[NR_CPUS];
	u64 deadline;

	for (unsigned int cpu = 0; cpu < x86_nr_cpus; cpu++) {
		before[cpu] = smp_ipis_received(cpu);
		arch_send_ipi(cpu);
	}
	deadline = ktime_get_ns() + 1000 * NSEC_PER_MSEC;
	for (unsigned int cpu = 0; cpu < x86_nr_cpus; cpu++) {
		while (smp_ipis_received(cpu) == before[cpu] &&
		       ktime_get_ns() < deadline)
			cpu_relax();
		KTEST_EXPECT_NE(t, smp_ipis_received(cpu), before[cpu]);
	}
}

static void every_cpu_timer_ticks(struct ktest *t)
{
	unsigned long before[NR_CPUS];

	for (unsigned int cpu = 0; cpu < x86_nr_cpus; cpu++)
		before[cpu] = apic_timer_irqs_of(cpu);
	msleep(100);	/* 10 ticks at HZ=100 */
	for (unsigned int cpu = 0; cpu < x86_nr_cpus; cpu++)
		KTEST_EXPECT_TRUE(t, apic_timer_irqs_of(cpu) >= before[cpu] + 2);
}

/*
 * A thread of our own, run by the switch primitives alone (interrupts
 * off, so the scheduler never sees it): it checks its start-up state and
 * switches straight back.
 */
static struct thread_struct main_ctx, side_ctx;
static char side_stack[4 * PAGE_SIZE] __aligned(16);
static struct {
	void *arg;
	unsigned long frame;
	const char *outermost;		/* last function of a backtrace */
	int depth;
	struct thread_struct *prev_seen_by_main;
} side;

static bool note_frame(void *cookie, unsigned long pc)
{
	unsigned long off;

	side.outermost = kallsyms_lookup(pc, &off);
	side.depth++;
	return true;
}

static void __noinline side_thread(void *arg)
{
	side.arg = arg;
	side.frame = (unsigned long)__builtin_frame_address(0);
	arch_stack_walk(note_frame, NULL, NULL);
	arch_switch_to(&side_ctx, &main_ctx);
	panic("side_thread resumed");
}

static void switch_to_new_thread(struct ktest *t)
{
	unsigned long flags;

	memset(&side, 0, sizeof(side));
	arch_thread_setup(&side_ctx, side_stack + sizeof(side_stack) - 8,
			  side_thread, &side);
	local_irq_save(flags);
	side.prev_seen_by_main = arch_switch_to(&main_ctx, &side_ctx);
	local_irq_restore(flags);

	KTEST_EXPECT_EQ(t, side.arg, &side);
	/* After "push rbp", a function's frame is 16-byte aligned (ABI). */
	KTEST_EXPECT_EQ(t, side.frame & 15, 0);
	/* The switch that resumed us came from side_ctx, not main_ctx. */
	KTEST_EXPECT_EQ(t, side.prev_seen_by_main, &side_ctx);
	/* side_thread, then ret_from_kernel_thread, then the walk stops. */
	KTEST_EXPECT_EQ(t, side.depth, 2);
	KTEST_ASSERT_NOT_NULL(t, side.outermost);
	KTEST_EXPECT_EQ(t, strcmp(side.outermost, "ret_from_kernel_thread"),
			0);
}

static void cpu_is_never_started_twice(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, arch_boot_secondary(0, side_stack) < 0);
	if (x86_nr_cpus > 1)
		KTEST_EXPECT_TRUE(t, arch_boot_secondary(1, side_stack) < 0);
	KTEST_EXPECT_TRUE(t, arch_boot_secondary(x86_nr_cpus, side_stack) < 0);
}

KTEST_SUITE(x86_smp, "x86_smp",
	    KTEST_CASE(every_madt_cpu_started),
	    KTEST_CASE(gs_base_is_this_cpus_area),
	    KTEST_CASE(every_cpu_is_set_up_like_the_boot_cpu),
	    KTEST_CASE(ipi_reaches_every_cpu),
	    KTEST_CASE(every_cpu_timer_ticks),
	    KTEST_CASE(switch_to_new_thread),
	    KTEST_CASE(cpu_is_never_started_twice));
