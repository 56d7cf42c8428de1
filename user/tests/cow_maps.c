/* SPDX-License-Identifier: MIT */
/*
 * user/tests/cow_maps.c: copy-on-write through fork chains, and mprotect
 * splitting and merging VMAs as /proc/self/maps shows them.
 *
 *   a chain of forks (parent, child, grandchild, great-grandchild), each
 *   writing its own value to a shared-before-fork page: every generation
 *   sees only its own and its ancestors' values as they were at fork;
 *   mprotect of the middle page of a 3-page mapping splits it into three
 *   lines in maps, and protecting it back merges them into one.
 *
 * Mappings are at fixed addresses so the maps lines are the same on every
 * kernel. Runs the same on Linux (host libc) and in anvil.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define BASE 0x50000000UL
#define PG 4096UL

/* The perms of each maps line inside [BASE, BASE + 3 pages), joined. */
static void maps_lines(char *out, size_t n)
{
	char line[256];
	FILE *f = fopen("/proc/self/maps", "r");

	out[0] = '\0';
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned long s, e;
		char perms[8];

		if (sscanf(line, "%lx-%lx %7s", &s, &e, perms) != 3)
			continue;
		if (e <= BASE || s >= BASE + 3 * PG)
			continue;
		snprintf(out + strlen(out), n - strlen(out), "%s%lx-%lx %s",
			 out[0] ? ", " : "", s, e, perms);
	}
	fclose(f);
}

/* Generation @gen writes gen into the page and forks the next one; each
 * checks it still sees what it wrote after its child wrote its own. */
static int chain(volatile long *page, int gen, int last)
{
	int st = -1;
	pid_t pid;

	page[gen] = gen * 100;
	if (gen == last)
		return 0;
	pid = fork();
	if (pid == 0)
		_exit(chain(page, gen + 1, last));
	waitpid(pid, &st, 0);
	/* The child wrote page[gen + 1] and beyond: not in our copy. */
	for (int i = 0; i <= gen; i++)
		if (page[i] != i * 100)
			return 10 + gen;
	for (int i = gen + 1; i <= last; i++)
		if (page[i] != 0)
			return 20 + gen;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 30 + gen;
}

int main(void)
{
	char lines[512];
	volatile long *page;
	int r;

	plan(6);
	page = mmap((void *)BASE, 3 * PG, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ok(page == (void *)BASE, "a 3-page anonymous mapping at 0x50000000");
	r = chain(page, 0, 3);
	ok(r == 0, "fork chain of 4 generations: each sees only its own and "
	   "its ancestors' writes (%d)", r);
	ok(page[0] == 0 && page[1] == 0 && page[2] == 0,
	   "the first generation's copy kept its values (%ld %ld %ld)",
	   page[0], page[1], page[2]);

	maps_lines(lines, sizeof(lines));
	ok(!strcmp(lines, "50000000-50003000 rw-p"), "maps: one VMA: %s", lines);
	mprotect((void *)(BASE + PG), PG, PROT_READ);
	maps_lines(lines, sizeof(lines));
	ok(!strcmp(lines, "50000000-50001000 rw-p, 50001000-50002000 r--p, "
		   "50002000-50003000 rw-p"),
	   "mprotect of the middle page splits it in three: %s", lines);
	mprotect((void *)(BASE + PG), PG, PROT_READ | PROT_WRITE);
	maps_lines(lines, sizeof(lines));
	ok(!strcmp(lines, "50000000-50003000 rw-p"),
	   "protecting it back merges them again: %s", lines);
	return done();
}
