/* SPDX-License-Identifier: MIT */
/*
 * tests/host/host.h: the harness for host tests of mm/.
 *
 * The tests link the real mm/memblock.c, mm/mm_init.c, mm/page_alloc.c
 * and mm/slab.c, built for the host with ASan and UBSan against the stub
 * <asm/...> headers in tests/host/include/. This harness supplies what
 * the kernel would: printk/panic/dump_stack (stubs.c), an mmap'd arena
 * as "physical memory", and a TAP runner. invariants.c checks the
 * allocators' internal structures.
 *
 *	stubs.c		printk, panic, WARN/BUG, dump_stack, kallsyms
 *	host.c		arena, boot, TAP, seeded random numbers
 *	invariants.c	buddy_check(), slab_check(), mm_check()
 *	*_test.c	one program per allocator, TAP on stdout
 */
#ifndef HOST_TEST_H
#define HOST_TEST_H

#include <setjmp.h>
#include <stdio.h>

#include <anvil/types.h>

/* ---- TAP ---------------------------------------------------------- */

struct host_test {
	const char *name;
	void (*fn)(void);
};
#define HOST_TEST(fn) { #fn, fn }

/* Run every test, print TAP; returns the process exit status. */
int host_run_tests(const struct host_test *tests, size_t n);
/* Mark the running test failed, with a "# ..." diagnostic. */
void host_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Mark the running test skipped. */
void host_skip(const char *reason);
/* Has the running test failed so far? */
bool host_failed(void);

#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			host_fail(__FILE__, __LINE__, "%s", #c);            \
			return;                                             \
		}                                                           \
	} while (0)

#define CHECK_EQ(a, b)                                                      \
	do {                                                                \
		unsigned long long __a = (unsigned long long)(a);           \
		unsigned long long __b = (unsigned long long)(b);           \
		if (__a != __b) {                                           \
			host_fail(__FILE__, __LINE__,                       \
				  "%s == %s (0x%llx != 0x%llx)", #a, #b,    \
				  __a, __b);                                \
			return;                                             \
		}                                                           \
	} while (0)

/* Fail (and return) if an invariant checker found a problem. */
#define CHECK_OK(problem)                                                   \
	do {                                                                \
		const char *__p = (problem);                                \
		if (__p) {                                                  \
			host_fail(__FILE__, __LINE__, "%s: %s", #problem,   \
				  __p);                                     \
			return;                                             \
		}                                                           \
	} while (0)

/* ---- the machine -------------------------------------------------- */

/* Map the arena (virtual only; pages are touched as used). */
void host_ram_map(u64 size);
/*
 * Boot mm like an x86 PC with @ram_bytes of RAM: memory [0, 640 KiB)
 * and [1 MiB, ram_bytes), page 0 and a 2 MiB "kernel image" at 1 MiB
 * reserved; then mm_init().
 */
void host_boot_mm(u64 ram_bytes);

/* ---- what the kernel printed -------------------------------------- */

extern char host_last_msg[512];	/* last printk line, level stripped */
extern unsigned long host_dump_stacks;	/* dump_stack() calls */
extern unsigned long host_warnings;	/* WARN_ON hits */
/* Did any line printed since host_log_mark() contain @s? */
bool host_log_contains(const char *s);
void host_log_mark(void);

/* ---- panic() ------------------------------------------------------ */

extern jmp_buf host_panic_jmp;
extern bool host_panic_armed;

/* Run @stmt; true if it called panic() (which then returns here). */
#define HOST_PANICS(stmt)                                                   \
	({                                                                  \
		bool __panicked = false;                                    \
		host_panic_armed = true;                                    \
		if (setjmp(host_panic_jmp) == 0) {                          \
			stmt;                                               \
		} else {                                                    \
			__panicked = true;                                  \
		}                                                           \
		host_panic_armed = false;                                   \
		__panicked;                                                 \
	})

/* ---- seeded randomness -------------------------------------------- */

/*
 * The seed comes from argv[1], else $ANVIL_SEED, else the clock; it is
 * printed so a failing run can be replayed. $ANVIL_STEPS (or @dflt)
 * sets how long randomized tests run.
 */
void host_seed_init(int argc, char **argv);
unsigned long host_steps(unsigned long dflt);
u64 host_rand(void);
/* Uniform in [0, n). */
unsigned long host_rand_below(unsigned long n);

/* ---- invariants (invariants.c) ------------------------------------ */

/* NULL if the buddy free lists are consistent, else what is wrong. */
const char *buddy_check(void);
/* Is this pfn inside a free block? (valid after buddy_check()) */
bool buddy_pfn_is_free(unsigned long pfn);
/* NULL if every slab cache's lists and counters agree, else why not. */
const char *slab_check(void);
struct mm_struct;
/*
 * NULL if the page tables of @mms (an mm and its fork relatives, which
 * share pages) agree with the pages they map and with each mm's
 * counters, else what is wrong (see invariants.c). No lock is taken.
 */
const char *mm_check(struct mm_struct **mms, int n);

#endif /* HOST_TEST_H */
