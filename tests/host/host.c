// SPDX-License-Identifier: MIT
/*
 * tests/host/host.c: the machine and the runner for host tests of mm/
 * (see host.h): the arena standing in for physical memory, a boot
 * sequence through memblock and mm_init(), the TAP runner and a seeded
 * random number generator. The kernel services (printk, panic, ...)
 * are in stubs.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <asm/irqflags.h>

#include "host.h"

char *host_ram;

/* ---- the machine -------------------------------------------------- */

/*
 * The arena is aligned to the largest buddy block, so virtual alignment
 * of a block matches its physical alignment as it would in a direct map.
 */
void host_ram_map(u64 size)
{
	u64 align = PAGE_SIZE << MAX_ORDER;
	char *p = mmap(NULL, size + align, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	host_ram = (char *)ALIGN((uintptr_t)p, align);
}

void host_boot_mm(u64 ram_bytes)
{
	host_ram_map(ram_bytes);
	memblock_add(0, 640 * SZ_1K);
	memblock_add(SZ_1M, ram_bytes - SZ_1M);
	memblock_reserve(0, PAGE_SIZE);
	memblock_reserve(SZ_1M, 2 * SZ_1M);
	mm_init();
}

/* ---- TAP ---------------------------------------------------------- */

static bool test_failed, test_skipped;
static const char *skip_reason;

void host_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("# FAIL %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	test_failed = true;
}

void host_skip(const char *reason)
{
	test_skipped = true;
	skip_reason = reason;
}

bool host_failed(void)
{
	return test_failed;
}

int host_run_tests(const struct host_test *tests, size_t n)
{
	size_t failed = 0;

	for (size_t i = 0; i < n; i++) {
		test_failed = test_skipped = false;
		host_log_mark();
		tests[i].fn();
		if (host_irqs_off) {
			host_fail(__FILE__, __LINE__, "interrupts left off");
			host_irqs_off = 0;
		}
		if (test_skipped && !test_failed)
			printf("ok %zu - %s # SKIP %s\n", i + 1, tests[i].name,
			       skip_reason);
		else
			printf("%sok %zu - %s\n", test_failed ? "not " : "",
			       i + 1, tests[i].name);
		failed += test_failed;
		fflush(stdout);
	}
	printf("1..%zu\n", n);
	return failed ? 1 : 0;
}

/* ---- randomness: xorshift64*, small and replayable ---------------- */

static u64 rng_state;

void host_seed_init(int argc, char **argv)
{
	const char *env = getenv("ANVIL_SEED");
	u64 seed;

	if (argc > 1)
		seed = strtoull(argv[1], NULL, 0);
	else if (env)
		seed = strtoull(env, NULL, 0);
	else
		seed = (u64)time(NULL) ^ ((u64)clock() << 20);
	printf("# seed %llu (replay: ANVIL_SEED=%llu %s)\n",
	       (unsigned long long)seed, (unsigned long long)seed, argv[0]);
	rng_state = seed ? seed : 0x9e3779b97f4a7c15ULL;
}

unsigned long host_steps(unsigned long dflt)
{
	const char *env = getenv("ANVIL_STEPS");

	return env ? strtoul(env, NULL, 0) : dflt;
}

u64 host_rand(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

unsigned long host_rand_below(unsigned long n)
{
	return n ? host_rand() % n : 0;
}
