/* SPDX-License-Identifier: MIT */
/*
 * user/stress/torture.c: TLB shootdown under fire. anvil only (SMP):
 *
 *	scripts/anvil-run --smp 4 build/user/x86_64/stress/torture [SECONDS]
 *
 * Reader threads, each pinned to its own CPU, read one page over and
 * over while the main thread (pinned to CPU 0) keeps replacing that page
 * (see replace_page) with one holding a new generation number, and only
 * then publishes that number. The rule checked: once a
 * reader has seen generation g published, every later read of the page
 * gives g or newer. A CPU left with a stale TLB entry after munmap or
 * mmap returned would still read the old page, freed and perhaps reused:
 * an older generation, or garbage.
 *
 * Then a process pinned to one CPU maps and unmaps in a loop; with
 * nobody else using its mm, no other CPU may be sent a flush IPI
 * (/proc/vmstat's nr_tlb_remote_flush stays put): shootdowns go only to
 * CPUs in the mm's cpumask.
 *
 * Prints TAP; exits 0 if every check passed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE_ADDR ((void *)0x30000000UL)
#define SCRATCH_ADDR ((void *)0x40000000UL)
#define PAGE 4096
#define MAX_READERS 16

static volatile unsigned long published;	/* newest generation */
static volatile int stop;

struct reader {
	pthread_t thread;
	int cpu;
	unsigned long reads, stale, last_bad, last_want;
};

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

static void *reader(void *arg)
{
	struct reader *r = arg;

	pin(r->cpu);
	while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
		unsigned long want = __atomic_load_n(&published, __ATOMIC_ACQUIRE);
		unsigned long got = *(volatile unsigned long *)PAGE_ADDR;

		r->reads++;
		if (got < want) {
			r->stale++;
			r->last_bad = got;
			r->last_want = want;
		}
	}
	return NULL;
}

/*
 * A fresh page at PAGE_ADDR holding @gen, swapped in whole: the new page
 * is made and filled at a scratch address, then mremap(MREMAP_FIXED)
 * moves it over the old one, which the kernel unmaps in the same call
 * (zap, TLB shootdown, free). So PAGE_ADDR always holds a filled page,
 * never a hole or a half-made one, and a reader that finds an older
 * generation than the one published can only be using a stale TLB entry.
 */
static int replace_page(unsigned long gen)
{
	void *p = mmap(SCRATCH_ADDR, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (p != SCRATCH_ADDR)
		return -1;
	*(volatile unsigned long *)SCRATCH_ADDR = gen;
	p = mremap(SCRATCH_ADDR, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
		   PAGE_ADDR);
	if (p != PAGE_ADDR)
		return -1;
	__atomic_store_n(&published, gen, __ATOMIC_RELEASE);
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* "name value" from /proc/vmstat, or -1. */
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

/*
 * A child pinned to CPU 0 from birth (it inherits our affinity, so it is
 * created there and never runs elsewhere) maps and unmaps in a loop and
 * counts the remote flushes it caused: none, since no other CPU ever had
 * its mm loaded. (The count is read by the child itself: fork's own
 * write-protect flush of *our* mm may IPI CPUs our reader threads used.)
 */
static int pinned_process(void)
{
	pid_t pid;
	int st = -1;

	if (vmstat("nr_tlb_remote_flush") < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		long before = vmstat("nr_tlb_remote_flush"), after;

		for (int i = 0; i < 500; i++) {
			char *p = mmap(NULL, 16 * PAGE, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

			if (p == MAP_FAILED)
				_exit(255);
			for (int j = 0; j < 16; j++)
				p[j * PAGE] = 1;
			munmap(p, 16 * PAGE);
		}
		after = vmstat("nr_tlb_remote_flush");
		printf("# pinned process: nr_tlb_remote_flush %ld -> %ld\n",
		       before, after);
		fflush(stdout);
		_exit(after - before > 254 ? 254 : after - before);
	}
	waitpid(pid, &st, 0);
	return WIFEXITED(st) && WEXITSTATUS(st) != 255 ? WEXITSTATUS(st) : -2;
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 3.0, end;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	struct reader readers[MAX_READERS];
	unsigned long gen = 1, reads = 0, stale = 0;
	int nr = 0, bad = 0, remote;

	printf("1..4\n");
	if (cpus < 2) {
		printf("not ok 1 - needs 2 CPUs or more (boot with --smp 4)\n");
		return 1;
	}
	pin(0);
	if (replace_page(1)) {
		printf("not ok 1 - mmap/mremap of the test page failed (errno %d)\n",
		       errno);
		return 1;
	}
	for (int c = 1; c < cpus && nr < MAX_READERS; c++, nr++) {
		readers[nr] = (struct reader){ .cpu = c };
		pthread_create(&readers[nr].thread, NULL, reader, &readers[nr]);
	}
	end = now() + seconds;
	while (now() < end) {
		gen++;
		if (replace_page(gen)) {
			bad = 1;
			break;
		}
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < nr; i++) {
		pthread_join(readers[i].thread, NULL);
		reads += readers[i].reads;
		stale += readers[i].stale;
		if (readers[i].stale)
			printf("# reader on CPU %d: %lu stale reads, e.g. %lu < %lu\n",
			       readers[i].cpu, readers[i].stale,
			       readers[i].last_bad, readers[i].last_want);
	}
	printf("%s 1 - %lu page replacements under %d readers on CPUs 1-%d\n",
	       !bad && gen > 10 ? "ok" : "not ok", gen, nr, nr);
	printf("%s 2 - readers made progress (%lu reads)\n",
	       reads > (unsigned long)nr * 10 ? "ok" : "not ok", reads);
	printf("%s 3 - no read older than a published generation (%lu stale)\n",
	       stale == 0 ? "ok" : "not ok", stale);
	remote = pinned_process();
	if (remote == -1)
		printf("ok 4 - # SKIP /proc/vmstat has no nr_tlb_remote_flush on this arch\n");
	else
		printf("%s 4 - a process pinned to one CPU sent no flush IPI (%d)\n",
		       remote == 0 ? "ok" : "not ok", remote);
	return bad || gen <= 10 || stale || (remote != 0 && remote != -1);
}
