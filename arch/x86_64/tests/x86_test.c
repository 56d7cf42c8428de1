// SPDX-License-Identifier: MIT
/*
 * arch/x86_64/tests/x86_test.c: what setup_arch() promises on x86_64.
 *
 * Run with "anvil.test=x86" (or "all"). Built only with DEBUG=1, like
 * tests/kernel/ (arch/x86_64/Makefile.inc). Each case checks one
 * property of the page tables, the exception path or the CPU setup:
 *
 *   the kernel image is W^X (text not writable, data not executable),
 *   the identity map is gone and the stack guard page is unmapped,
 *   a stack overflow into a guard page becomes a reported double fault,
 *   #GP and #DE are caught, backtraces start in the caller,
 *   __pa/__va agree, and CR0/CR4/EFER match CPUID.
 */
#include <anvil/arch.h>
#include <anvil/irqflags.h>
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/string.h>
#include <asm/cpufeature.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/special_insns.h>

static const unsigned long rodata_word = 0x1234;
static unsigned char data_code[16] = { 0xc3 };	/* "ret", in .data */

static void write_to(void *addr)
{
	*(volatile unsigned char *)addr = 0xcc;
}

static void write_text(void *arg)
{
	write_to(_text);
}

static void write_rodata(void *arg)
{
	write_to((void *)&rodata_word);
}

static void call_code_at(void *addr)
{
	((void (*)(void))addr)();
}

static void kernel_text_is_read_only(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, write_text, NULL));
}

static void kernel_rodata_is_read_only(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, write_rodata, NULL));
	KTEST_EXPECT_EQ(t, rodata_word, 0x1234);
}

static void kernel_data_is_not_executable(struct ktest *t)
{
	if (!boot_cpu_has(X86_FEATURE_NX))
		return ktest_skip(t, "no NX on this CPU");
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, call_code_at, data_code));
}

static void direct_map_is_not_executable(struct ktest *t)
{
	if (!boot_cpu_has(X86_FEATURE_NX))
		return ktest_skip(t, "no NX on this CPU");
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, call_code_at,
						__va(__pa(data_code))));
}

/* The direct map and the kernel image alias the same physical bytes. */
static void pa_va_agree(struct ktest *t)
{
	unsigned long *alias = __va(__pa(&rodata_word));

	KTEST_EXPECT_EQ(t, __pa(_text) + __START_KERNEL_map,
			(unsigned long)_text);
	KTEST_EXPECT_EQ(t, __pa(alias), __pa(&rodata_word));
	KTEST_EXPECT_EQ(t, *alias, 0x1234);
	KTEST_EXPECT_EQ(t, (unsigned long)__va(0x1000), PAGE_OFFSET + 0x1000);
}

static void identity_map_is_gone(struct ktest *t)
{
	KTEST_EXPECT_FALSE(t, kern_addr_valid(0));
	KTEST_EXPECT_FALSE(t, kern_addr_valid(KERNEL_LOAD_PHYS));
	KTEST_EXPECT_TRUE(t, kern_addr_valid((unsigned long)__va(0)));
	KTEST_EXPECT_FALSE(t, kern_addr_valid(0x8000000000000000UL));
}

static void stack_guard_page_is_unmapped(struct ktest *t)
{
	KTEST_EXPECT_FALSE(t, kern_addr_valid((unsigned long)boot_stack_guard));
	KTEST_EXPECT_TRUE(t, kern_addr_valid((unsigned long)boot_stack_bottom));
}

/*
 * Recurse until the stack runs into the guard page: 256 bytes a frame
 * against a 16 KiB stack. The limit only convinces gcc this can end.
 */
static unsigned long __noinline recurse(unsigned long depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (depth > 1000000)
		return pad[0];
	return recurse(depth + 1) + pad[0];
}

/*
 * Tests run in a kernel thread, whose stack (from the page allocator,
 * in the direct map) has no guard page. So overflow a stack of our own:
 * a .bss array whose lowest page kernel_image_unmap_page() turns into a
 * guard, entered with the context-switch primitives.
 */
#define OVERFLOW_STACK_SIZE (4 * PAGE_SIZE)
static char overflow_stack_area[PAGE_SIZE + OVERFLOW_STACK_SIZE]
	__aligned(PAGE_SIZE);
static struct thread_struct overflow_thread, overflow_caller;

static void overflow_on_guarded_stack(void *arg)
{
	recurse(0);
	/* Not reached if the guard works; if not, go back and fail. */
	arch_switch_to(&overflow_thread, &overflow_caller);
}

static void overflow_stack(void *arg)
{
	unsigned long flags;

	/*
	 * Interrupts off: the scheduler must not switch away while we run
	 * on a stack it knows nothing about. The fault's longjmp back into
	 * ktest restores them.
	 */
	local_irq_save(flags);
	arch_thread_setup(&overflow_thread, overflow_stack_area +
			  sizeof(overflow_stack_area),
			  overflow_on_guarded_stack, NULL);
	arch_switch_to(&overflow_caller, &overflow_thread);
	local_irq_restore(flags);
}

static void stack_overflow_is_a_double_fault(struct ktest *t)
{
	static bool guarded;

	if (!guarded)
		guarded = kernel_image_unmap_page(
			(unsigned long)overflow_stack_area);
	KTEST_ASSERT_TRUE(t, guarded);
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, overflow_stack, NULL));
}

static void read_noncanonical(void *arg)
{
	(void)*(volatile unsigned long *)0x8000000000000000UL;
}

static void noncanonical_access_is_gp(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_noncanonical, NULL));
}

static void divide_by(void *arg)
{
	volatile unsigned long divisor = (unsigned long)arg;
	volatile unsigned long quotient;

	quotient = 100 / divisor;
	(void)quotient;
}

static void divide_error_is_caught(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, divide_by, (void *)0));
}

static bool first_pc(void *cookie, unsigned long pc)
{
	*(unsigned long *)cookie = pc;
	return false;
}

static void __noinline stack_walk_starts_in_caller(struct ktest *t)
{
	unsigned long pc = 0, off;
	const char *name;

	arch_stack_walk(first_pc, &pc, NULL);
	name = kallsyms_lookup(pc, &off);
	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_EQ(t, strcmp(name, "stack_walk_starts_in_caller"), 0);
}

static void control_registers_match_cpuid(struct ktest *t)
{
	unsigned long cr4 = read_cr4();

	KTEST_EXPECT_TRUE(t, read_cr0() & X86_CR0_WP);
	KTEST_EXPECT_EQ(t, !!(cr4 & X86_CR4_SMEP),
			boot_cpu_has(X86_FEATURE_SMEP));
	KTEST_EXPECT_EQ(t, !!(cr4 & X86_CR4_PGE), boot_cpu_has(X86_FEATURE_PGE));
	/* TCG accepts CR4.PCIDE without PCID; we must not set it. */
	KTEST_EXPECT_FALSE(t, cr4 & X86_CR4_PCIDE);
	KTEST_EXPECT_EQ(t, !!(rdmsr(MSR_EFER) & EFER_NXE),
			boot_cpu_has(X86_FEATURE_NX));
}

KTEST_SUITE(x86, "x86",
	    KTEST_CASE(kernel_text_is_read_only),
	    KTEST_CASE(kernel_rodata_is_read_only),
	    KTEST_CASE(kernel_data_is_not_executable),
	    KTEST_CASE(direct_map_is_not_executable),
	    KTEST_CASE(pa_va_agree),
	    KTEST_CASE(identity_map_is_gone),
	    KTEST_CASE(stack_guard_page_is_unmapped),
	    KTEST_CASE(stack_overflow_is_a_double_fault),
	    KTEST_CASE(noncanonical_access_is_gp),
	    KTEST_CASE(divide_error_is_caught),
	    KTEST_CASE(stack_walk_starts_in_caller),
	    KTEST_CASE(control_registers_match_cpuid));
