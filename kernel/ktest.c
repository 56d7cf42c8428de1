// SPDX-License-Identifier: MIT
/*
 * kernel/ktest.c: run in-kernel test suites and report them as KTAP.
 *
 * The API is in <anvil/ktest.h>; suites register themselves with
 * KTEST_SUITE() in the "ktest_suites" linker section, which linker.ld
 * brackets with __start_ktest_suites/__stop_ktest_suites.
 *
 * Fault catching: every case runs under a catcher (an arch_setjmp buffer).
 * When a case faults, the arch's exception handler calls die(), which
 * prints the oops and calls ktest_fault_hook(); that longjmps back here and
 * the case is marked failed. ktest_expect_fault() pushes a second, inner
 * catcher so that a fault the test *wants* is caught and counted instead.
 * The exception frame the longjmp abandons lives on the same stack below
 * the catcher's frame, so nothing leaks; interrupts are put back the way
 * the catcher found them.
 */
#include <anvil/arch.h>
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/param.h>
#include <anvil/string.h>

struct ktest_catcher {
	struct arch_jmp_buf buf;
	const char *what; /* the exception, or NULL for ktest_abort() */
};

extern const struct ktest_suite __start_ktest_suites[];
extern const struct ktest_suite __stop_ktest_suites[];

static const char *test_selection; /* "anvil.test=" value, or NULL */
static struct ktest_catcher *active_catcher;
static struct ktest_catcher *case_catcher;

struct ktest_totals {
	unsigned int passed, failed, skipped;
};

/* The option's value, copied: the parser's buffer is reused. */
static char selection_copy[256];

static int set_test(const char *val)
{
	if (!val || !*val)
		return -1;
	strlcpy(selection_copy, val, sizeof(selection_copy));
	test_selection = selection_copy;
	return 0;
}
kernel_param("anvil.test", set_test,
	     "run in-kernel tests: 'all' or suite names, comma-separated");

/*
 * anvil.exact_clock: the clock counts the guest's own instructions (QEMU
 * -icount, scripts/qemu --icount), so a duration is the work done and
 * nothing else. Under the default, multi-threaded TCG the host stalls a
 * virtual CPU for 50-100 us now and then, longer than the sections some
 * tests compare: those tests assert their time ratios only here.
 */
bool ktest_exact_clock;

static int set_exact_clock(const char *val)
{
	if (!val || !strcmp(val, "1"))
		ktest_exact_clock = true;
	else if (!strcmp(val, "0"))
		ktest_exact_clock = false;
	else
		return -1;
	return 0;
}
kernel_param("anvil.exact_clock", set_exact_clock,
	     "the clock counts instructions (QEMU -icount): timing tests "
	     "assert their ratios (1 or 0, default 0)");

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt,
		...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("        # %s: EXPECTATION FAILED at %s:%d\n", t->name, file,
	       line);
	printk("        # %s\n", msg);
	t->failed = true;
}

void ktest_log(struct ktest *t, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("        # %s: %s\n", t->name, msg);
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skipped = true;
	t->skip_reason = reason;
}

void ktest_abort(struct ktest *t)
{
	struct ktest_catcher *c = case_catcher;

	(void)t;
	BUG_ON(!c);
	c->what = NULL;
	active_catcher = c;
	arch_longjmp(&c->buf, 1);
}

void ktest_fault_hook(const char *what)
{
	struct ktest_catcher *c = active_catcher;

	if (!c)
		return;
	c->what = what;
	arch_longjmp(&c->buf, 1);
}

bool ktest_expect_fault(struct ktest *t, void (*fn)(void *), void *arg)
{
	struct ktest_catcher c = { 0 };
	struct ktest_catcher *outer = active_catcher;
	bool irqs_off = irqs_disabled();

	ktest_log(t, "an oops follows; it is expected by this test");
	active_catcher = &c;
	if (arch_setjmp(&c.buf) == 0) {
		fn(arg);
		active_catcher = outer;
		return false;
	}
	active_catcher = outer;
	if (!irqs_off)
		local_irq_enable();
	ktest_log(t, "caught the expected exception: %s", c.what);
	return true;
}

static void run_case(const struct ktest_case *tc, unsigned int nr,
		     struct ktest_totals *tot)
{
	struct ktest t = { .name = tc->name };
	struct ktest_catcher c = { 0 };
	bool irqs_off = irqs_disabled();

	case_catcher = &c;
	active_catcher = &c;
	if (arch_setjmp(&c.buf) == 0) {
		tc->run(&t);
	} else if (c.what) {
		printk("        # %s: unexpected exception: %s\n", t.name,
		       c.what);
		t.failed = true;
	}
	active_catcher = NULL;
	case_catcher = NULL;
	if (!irqs_off)
		local_irq_enable();

	if (t.failed) {
		printk("    not ok %u %s\n", nr, tc->name);
		tot->failed++;
	} else if (t.skipped) {
		printk("    ok %u %s # SKIP %s\n", nr, tc->name, t.skip_reason);
		tot->skipped++;
	} else {
		printk("    ok %u %s\n", nr, tc->name);
		tot->passed++;
	}
}

/* True if @name is in the comma-separated selection (or it is "all"). */
static bool suite_selected(const char *name)
{
	const char *s = selection_copy;
	size_t len = strlen(name);

	if (strcmp(s, "all") == 0)
		return true;
	while (*s) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);

		if (n == len && strncmp(s, name, n) == 0)
			return true;
		s += n + (comma ? 1 : 0);
	}
	return false;
}

static void run_suite(const struct ktest_suite *suite, unsigned int nr,
		      struct ktest_totals *tot)
{
	unsigned int failed_before = tot->failed;

	printk("    KTAP version 1\n");
	printk("    # Subtest: %s\n", suite->name);
	printk("    1..%zu\n", suite->nr_cases);
	for (size_t i = 0; i < suite->nr_cases; i++)
		run_case(&suite->cases[i], i + 1, tot);
	printk("%s %u %s\n", tot->failed == failed_before ? "ok" : "not ok", nr,
	       suite->name);
}

/* A selected name that matches no suite is an error, not a silent pass. */
static bool check_selection(void)
{
	const char *s = selection_copy;
	bool ok = true;

	if (strcmp(s, "all") == 0)
		return true;
	while (*s) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);
		const struct ktest_suite *suite;
		bool found = false;

		for (suite = __start_ktest_suites; suite < __stop_ktest_suites;
		     suite++)
			if (strlen(suite->name) == n &&
			    strncmp(suite->name, s, n) == 0)
				found = true;
		if (!found) {
			pr_err("ktest: no suite named '%.*s'\n", (int)n, s);
			ok = false;
		}
		s += n + (comma ? 1 : 0);
	}
	return ok;
}

bool ktest_run_selected(void)
{
	const struct ktest_suite *suite;
	struct ktest_totals tot = { 0 };
	unsigned int n = 0, nr = 0;

	if (!test_selection)
		return false;
	for (suite = __start_ktest_suites; suite < __stop_ktest_suites; suite++)
		if (suite_selected(suite->name))
			n++;
	printk("KTAP version 1\n");
	printk("1..%u\n", n);
	if (!check_selection())
		tot.failed++;
	for (suite = __start_ktest_suites; suite < __stop_ktest_suites; suite++)
		if (suite_selected(suite->name))
			run_suite(suite, ++nr, &tot);
	printk("# ktest: %u passed, %u failed, %u skipped\n", tot.passed,
	       tot.failed, tot.skipped);
	printk("anvil: ktest done\n");
	return true;
}
