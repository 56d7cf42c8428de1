// SPDX-License-Identifier: MIT
/*
 * tests/kernel/fault_test.c: exceptions in kernel mode are caught and
 * reported, with a register dump and a symbolized backtrace, and a test
 * that expects one gets control back.
 */
#include <anvil/kallsyms.h>
#include <anvil/ktest.h>

/*
 * An address no arch maps: the bottom page, kept empty to catch NULL. It
 * sits in a volatile variable so the compiler cannot see (and warn about,
 * or delete) the bad access at build time.
 */
static volatile unsigned long *volatile bad_address =
	(volatile unsigned long *)0x8;

static void read_bad_address(void *arg)
{
	unsigned long *out = arg;

	*out = *bad_address;
}

static void write_bad_address(void *arg)
{
	*bad_address = (unsigned long)arg;
}

static void execute_trap(void *arg)
{
	__builtin_trap();
}

static void bad_read_is_caught(struct ktest *t)
{
	unsigned long v = 0;

	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_bad_address, &v));
}

static void bad_write_is_caught(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, write_bad_address, t));
}

static void trap_instruction_is_caught(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, execute_trap, NULL));
}

static void do_nothing(void *arg)
{
}

static void no_fault_is_not_reported(struct ktest *t)
{
	KTEST_EXPECT_FALSE(t, ktest_expect_fault(t, do_nothing, NULL));
}

/* After a caught fault the kernel is still sound: symbols still resolve. */
static void kernel_survives_faults(struct ktest *t)
{
	unsigned long v, off;
	const char *name;

	for (int i = 0; i < 3; i++)
		KTEST_ASSERT_TRUE(t, ktest_expect_fault(t, read_bad_address, &v));
	name = kallsyms_lookup((unsigned long)kallsyms_lookup_name(
				       "read_bad_address") + 4, &off);
	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_EQ(t, off, 4);
}

KTEST_SUITE(fault, "fault",
	    KTEST_CASE(bad_read_is_caught),
	    KTEST_CASE(bad_write_is_caught),
	    KTEST_CASE(trap_instruction_is_caught),
	    KTEST_CASE(no_fault_is_not_reported),
	    KTEST_CASE(kernel_survives_faults));
