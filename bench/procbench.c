/* SPDX-License-Identifier: MIT */
/*
 * bench/procbench.c: what processes and address spaces cost, measured
 * (never asserted: numbers under QEMU's TCG depend on the host's load).
 *
 *	bench/run [--arch ppc64]            in anvil, through scripts/anvil-run
 *	gcc -static -O2 bench/procbench.c && ./a.out     on Linux, to compare
 *
 * Prints, per measurement, the mean time per operation and, in anvil,
 * the kernel counters it moved (/proc/vmstat: page faults, TLB flushes):
 *
 *	fork+exit+wait     a child that exits at once, waited for
 *	fork+exec+wait     ... that execs /bin/true first (anvil's rootfs)
 *	fault-in 64 MiB    touch every page of a fresh anonymous mapping
 *	munmap 64 MiB      unmap it again (the preemptible mmu_gather)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long vmstat(const char *name)
{
	char line[128];
	size_t n = strlen(name);
	long v = -1;
	FILE *f = fopen("/proc/vmstat", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, name, n) && line[n] == ' ')
			v = atol(line + n + 1);
	fclose(f);
	return v;
}

static const char *const counters[] = {
	"pgfault", "nr_tlb_local_flush_one", "nr_tlb_local_flush_all",
	"nr_tlb_remote_flush",
};
#define NR_COUNTERS (sizeof(counters) / sizeof(counters[0]))

static void report(const char *what, double secs, long n, const long *before)
{
	printf("%-18s %10.1f us/op  (%ld ops)", what, secs / n * 1e6, n);
	for (unsigned int i = 0; i < NR_COUNTERS; i++) {
		long v = vmstat(counters[i]);

		if (v >= 0 && before[i] >= 0)
			printf("  %s +%ld", counters[i], v - before[i]);
	}
	printf("\n");
	fflush(stdout);
}

static void snap(long *c)
{
	for (unsigned int i = 0; i < NR_COUNTERS; i++)
		c[i] = vmstat(counters[i]);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 200;
	size_t len = 64UL << 20;
	long c[NR_COUNTERS];
	double t;
	char *p;

	snap(c);
	t = now();
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	report("fork+exit+wait", now() - t, n, c);

	if (access("/bin/true", X_OK) == 0) {
		snap(c);
		t = now();
		for (int i = 0; i < n / 4; i++) {
			pid_t pid = fork();

			if (pid == 0) {
				execl("/bin/true", "true", (char *)NULL);
				_exit(127);
			}
			waitpid(pid, NULL, 0);
		}
		report("fork+exec+wait", now() - t, n / 4, c);
	}

	p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	snap(c);
	t = now();
	for (size_t off = 0; off < len; off += 4096)
		p[off] = 1;
	report("fault-in 64 MiB", now() - t, len / 4096, c);
	snap(c);
	t = now();
	munmap(p, len);
	report("munmap 64 MiB", now() - t, 1, c);
	return 0;
}
