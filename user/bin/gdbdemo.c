/* SPDX-License-Identifier: MIT */
/*
 * user/bin/gdbdemo.c: a process with a known memory layout, for gdb.
 *
 * scripts/gdb-test and the walkthrough in docs/debugging.md run it under
 * `make gdb PROG=gdbdemo`, stop it at gdbdemo_checkpoint(), and look at
 * its address space with anvil-vmas and anvil-pte.  What it builds:
 *
 *	0x20000000  3 pages, anonymous, rw-p:
 *	              page 0  written before fork (GDBDEMO_PARENT_VAL), then
 *	                      written by the child: copy-on-write, so parent
 *	                      and child end up on different physical pages
 *	              page 1  written before fork, never after: parent and
 *	                      child share one read-only physical page
 *	              page 2  never touched: no page at all
 *	0x30000000  1 page, anonymous, r--p: filled with GDBDEMO_RO_BYTE
 *	            while writable, then mprotect()ed read-only
 *
 * Then the checkpoints, in this order (the argument says which):
 *
 *	1 GDBDEMO_BEFORE_FORK   parent, both mappings set up
 *	2 GDBDEMO_CHILD         child, after its write to page 0 (the COW
 *	                        fault, do_wp_page); the parent is in wait4
 *	3 GDBDEMO_PARENT        parent, after the child has exited
 *
 * The addresses are clear of the program (0x400000 on x86_64, 0x10000000
 * on ppc64) and of its heap, and on ppc64 each is a 256 MiB segment of
 * its own.  Exit status 0 if every value read back is the one expected.
 * It runs on Linux too (make -C user host), for comparison.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define GDBDEMO_RW_ADDR		0x20000000UL
#define GDBDEMO_RW_PAGES	3
#define GDBDEMO_RO_ADDR		0x30000000UL
#define GDBDEMO_PARENT_VAL	0x1111111111111111ULL
#define GDBDEMO_SHARED_VAL	0x2222222222222222ULL
#define GDBDEMO_CHILD_VAL	0xc0ffee00c0ffee00ULL
#define GDBDEMO_RO_BYTE		0x5a

enum gdbdemo_stage {
	GDBDEMO_BEFORE_FORK = 1,
	GDBDEMO_CHILD = 2,
	GDBDEMO_PARENT = 3,
};

/*
 * Where gdb stops.  noinline and the empty asm keep it a real function
 * with a real call to it at -O2, so `break gdbdemo_checkpoint` always
 * has somewhere to stop and `finish` somewhere to return to.
 */
__attribute__((noinline)) void gdbdemo_checkpoint(enum gdbdemo_stage stage)
{
	__asm__ volatile("" : : "r"(stage) : "memory");
}

/* What page @i of the rw mapping holds (volatile: gdb may look). */
static volatile uint64_t *rw_word(int i)
{
	return (volatile uint64_t *)(GDBDEMO_RW_ADDR + i * 4096UL);
}

static void *map_fixed(unsigned long addr, size_t len)
{
	void *p = mmap((void *)addr, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (p == MAP_FAILED || p != (void *)addr) {
		perror("gdbdemo: mmap");
		exit(1);
	}
	return p;
}

static int check(const char *who, int page, uint64_t want)
{
	uint64_t got = *rw_word(page);

	if (got == want)
		return 0;
	printf("gdbdemo: %s: page %d holds %#llx, not %#llx\n", who, page,
	       (unsigned long long)got, (unsigned long long)want);
	return 1;
}

int main(void)
{
	volatile unsigned char *ro;
	int status, bad = 0;
	pid_t child;

	map_fixed(GDBDEMO_RW_ADDR, GDBDEMO_RW_PAGES * 4096UL);
	ro = map_fixed(GDBDEMO_RO_ADDR, 4096);
	for (int i = 0; i < 4096; i++)
		ro[i] = GDBDEMO_RO_BYTE;
	if (mprotect((void *)ro, 4096, PROT_READ) < 0) {
		perror("gdbdemo: mprotect");
		return 1;
	}
	*rw_word(0) = GDBDEMO_PARENT_VAL;
	*rw_word(1) = GDBDEMO_SHARED_VAL;

	printf("gdbdemo: pid %d: rw %#lx (%d pages), ro %#lx\n", (int)getpid(),
	       GDBDEMO_RW_ADDR, GDBDEMO_RW_PAGES, GDBDEMO_RO_ADDR);
	/* Nothing buffered may be written twice, once by each process. */
	fflush(stdout);
	gdbdemo_checkpoint(GDBDEMO_BEFORE_FORK);

	child = fork();
	if (child < 0) {
		perror("gdbdemo: fork");
		return 1;
	}
	if (child == 0) {
		/* Page 0 is read-only in both page tables now: this COWs. */
		*rw_word(0) = GDBDEMO_CHILD_VAL;
		gdbdemo_checkpoint(GDBDEMO_CHILD);
		bad = check("child", 0, GDBDEMO_CHILD_VAL) |
		      check("child", 1, GDBDEMO_SHARED_VAL);
		if (ro[0] != GDBDEMO_RO_BYTE)
			bad = 1;
		_exit(bad);
	}

	if (waitpid(child, &status, 0) != child) {
		perror("gdbdemo: waitpid");
		return 1;
	}
	gdbdemo_checkpoint(GDBDEMO_PARENT);
	/* The child's write must not show here: that is what COW is for. */
	bad = check("parent", 0, GDBDEMO_PARENT_VAL) |
	      check("parent", 1, GDBDEMO_SHARED_VAL);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		printf("gdbdemo: the child failed (wait status %#x)\n", status);
		bad = 1;
	}
	printf("gdbdemo: child %d wrote its own copy; %s\n", (int)child,
	       bad ? "FAILED" : "ok");
	return bad;
}
