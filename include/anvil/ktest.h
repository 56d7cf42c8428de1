/* SPDX-License-Identifier: MIT */
/*
 * ktest: in-kernel tests with KTAP output, in the style of Linux's KUnit.
 *
 * A suite is a named array of cases; KTEST_SUITE() puts it in the
 * "ktest_suites" section, so adding a test file to the build is enough to
 * run it. The kernel command line picks what runs:
 *
 *	anvil.test=all			every suite
 *	anvil.test=buddy,slab		just these suites
 *
 * Output is KTAP version 1 (see docs/testing.md), one subtest per suite:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: buddy
 *	    1..3
 *	    ok 1 split_merge
 *	    ...
 *	ok 1 buddy
 *
 * Each case runs with a fault catcher armed: an unexpected exception in a
 * case is reported (oops, backtrace) and fails that case only; the next
 * case still runs. KTEST_ASSERT_* end the case at once; KTEST_EXPECT_*
 * record a failure and go on.
 *
 * The implementation is kernel/ktest.c; the suites live in tests/kernel/.
 */
#ifndef ANVIL_KTEST_H
#define ANVIL_KTEST_H

#include <anvil/compiler.h>
#include <anvil/types.h>

struct ktest {
	const char *name;	/* the running case */
	bool failed;
	bool skipped;
	const char *skip_reason;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	size_t nr_cases;
};

#define KTEST_CASE(fn) { #fn, fn }

#define KTEST_SUITE(ident, suite_name, ...)                                  \
	static const struct ktest_case ident##_cases[] = { __VA_ARGS__ };    \
	static const struct ktest_suite ident##_suite __used                 \
		__section("ktest_suites") __aligned(8) = {                   \
			.name = suite_name,                                  \
			.cases = ident##_cases,                              \
			.nr_cases = ARRAY_SIZE(ident##_cases),               \
		}

/* Record a failure with a message in KTAP diagnostic form ("# ..."). */
void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt,
		...) __printf(4, 5);
/* End the current case now (after a failed assertion). */
void ktest_abort(struct ktest *t) __noreturn;
/* Mark the current case skipped, with a reason; the case should return. */
void ktest_skip(struct ktest *t, const char *reason);
/* A diagnostic line in the case's output. */
void ktest_log(struct ktest *t, const char *fmt, ...) __printf(2, 3);

/*
 * Run fn(arg) with a fault catcher armed. Returns true if it raised an
 * exception (which is then reported as an oops, marked as expected), false
 * if it returned normally. This is how a test checks that a bad access is
 * caught rather than silently allowed.
 */
bool ktest_expect_fault(struct ktest *t, void (*fn)(void *), void *arg);

/*
 * Called by die() after the oops report: if a test case is running with a
 * fault catcher armed, control returns to ktest (this does not return);
 * otherwise it returns and die() panics.
 */
void ktest_fault_hook(const char *what);

/* Booted with anvil.exact_clock: durations are instruction counts. */
extern bool ktest_exact_clock;

/* Run the suites named by the "anvil.test=" option; true if it was given. */
bool ktest_run_selected(void);

#define KTEST_EXPECT_TRUE(t, c)                                             \
	do {                                                                \
		if (!(c))                                                   \
			ktest_fail(t, __FILE__, __LINE__,                   \
				   "expected %s to be true", #c);           \
	} while (0)
#define KTEST_EXPECT_FALSE(t, c) KTEST_EXPECT_TRUE(t, !(c))

#define KTEST_EXPECT_EQ(t, a, b)                                            \
	do {                                                                \
		unsigned long long __a = (unsigned long long)(a);           \
		unsigned long long __b = (unsigned long long)(b);           \
		if (__a != __b)                                             \
			ktest_fail(t, __FILE__, __LINE__,                   \
				   "expected %s == %s (0x%llx == 0x%llx)",  \
				   #a, #b, __a, __b);                       \
	} while (0)
#define KTEST_EXPECT_NE(t, a, b)                                            \
	do {                                                                \
		unsigned long long __a = (unsigned long long)(a);           \
		unsigned long long __b = (unsigned long long)(b);           \
		if (__a == __b)                                             \
			ktest_fail(t, __FILE__, __LINE__,                   \
				   "expected %s != %s (both 0x%llx)", #a,   \
				   #b, __a);                                \
	} while (0)

#define KTEST_ASSERT_TRUE(t, c)                                             \
	do {                                                                \
		if (!(c)) {                                                 \
			ktest_fail(t, __FILE__, __LINE__,                   \
				   "assertion %s failed", #c);              \
			ktest_abort(t);                                     \
		}                                                           \
	} while (0)
#define KTEST_ASSERT_NOT_NULL(t, p) KTEST_ASSERT_TRUE(t, (p) != NULL)

#endif /* ANVIL_KTEST_H */
