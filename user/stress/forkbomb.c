/* SPDX-License-Identifier: MIT */
/*
 * user/stress/forkbomb.c: fork until the kernel refuses, then let it all
 * go, and check that no page leaked. anvil only (never run it on a
 * development machine): boot with a small task limit, e.g.
 *
 *	scripts/anvil-run --append anvil.max_threads=64 \
 *		build/user/x86_64/stress/forkbomb [ROUNDS]
 *
 * Each round: fork children (each sleeps in pause()) until fork fails,
 * which must be with EAGAIN; kill them all (one process group), wait for
 * every one, and read the free memory (sysinfo's freeram, what
 * /proc/meminfo's MemFree says). A first round warms the kernel's slab
 * caches up (task structs, fd tables, VMAs stay cached in slabs once
 * allocated, as in Linux); after it, free memory must come back to the
 * same value after every round: a leak of even one page per round shows.
 *
 * Before each reading we visit every CPU (pin ourselves to it, yield).
 * A CPU that last ran a child and went idle still has that child's
 * address space loaded, lazily, and holds a reference that keeps its
 * page-table root (Linux's lazy TLB; docs/mm.md); switching that CPU to
 * our own mm drops it. Without this the count wobbles by a page or
 * three, depending on where the last children ran.
 *
 * Prints TAP; exits 0 if every check passed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_KIDS 4096

static pid_t kids[MAX_KIDS];

/* Run once on every CPU, so no CPU still lazily holds a dead child's mm. */
static void visit_every_cpu(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	cpu_set_t all, one;

	if (sched_getaffinity(0, sizeof(all), &all))
		return;
	for (long cpu = 0; cpu < n && cpu < CPU_SETSIZE; cpu++) {
		CPU_ZERO(&one);
		CPU_SET(cpu, &one);
		if (!sched_setaffinity(0, sizeof(one), &one))
			sched_yield();
	}
	sched_setaffinity(0, sizeof(all), &all);
}

static unsigned long free_kib(void)
{
	struct sysinfo si;

	visit_every_cpu();
	if (sysinfo(&si))
		return 0;
	return si.freeram * si.mem_unit / 1024;
}

/* One round: returns how many children fork made; *@err its last errno. */
static int bomb(int *err)
{
	int n = 0;
	pid_t pid;

	for (;;) {
		if (n == MAX_KIDS) {
			*err = 0;
			break;
		}
		pid = fork();
		if (pid == 0) {
			pause();
			_exit(0);
		}
		if (pid < 0) {
			*err = errno;
			break;
		}
		kids[n++] = pid;
	}
	/* Our own group: kill(0, ...) would take us too, so one by one. */
	for (int i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		waitpid(kids[i], NULL, 0);
	return n;
}

int main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 20;
	unsigned long before, after;
	int n, n0, err, failed = 0;

	printf("1..%d\n", rounds + 1);
	n0 = bomb(&err);	/* warm-up: slab caches grow once */
	printf("%s 1 - warm-up: %d children, then fork failed with %s\n",
	       n0 > 0 && err == EAGAIN ? "ok" : "not ok", n0,
	       err == EAGAIN ? "EAGAIN" : strerror(err));
	failed += !(n0 > 0 && err == EAGAIN);
	fflush(stdout);
	for (int r = 1; r <= rounds; r++) {
		before = free_kib();
		n = bomb(&err);
		after = free_kib();
		printf("%s %d - round %d: %d children (EAGAIN: %s), free %lu KiB before, %lu after\n",
		       n == n0 && err == EAGAIN && before == after ? "ok" : "not ok",
		       r + 1, r, n, err == EAGAIN ? "yes" : "no", before, after);
		fflush(stdout);
		failed += !(n == n0 && err == EAGAIN && before == after);
	}
	return failed != 0;
}
