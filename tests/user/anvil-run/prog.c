/* SPDX-License-Identifier: MIT */
/*
 * tests/user/anvil-run/prog.c: a plain Linux C program, built by
 * tests/user/anvil-run-test with other toolchains (musl-gcc -static,
 * gcc -static with glibc, powerpc64-linux-gnu-gcc -static) and run in
 * anvil through scripts/anvil-run. argv[1] picks what it does; the exit
 * status is argc, so the test sees the arguments arrived.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *twice(void *arg)
{
	return (void *)((long)arg * 2);
}

static void threads(void)
{
	pthread_t t[4];
	long sum = 0;
	void *r;

	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, twice, (void *)i);
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], &r);
		sum += (long)r;
	}
	printf("threads: sum %ld\n", sum);
}

static void child(void)
{
	int st;
	pid_t p = fork();

	if (p == 0)
		_exit(42);
	waitpid(p, &st, 0);
	printf("child: exit %d\n", WEXITSTATUS(st));
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	for (int i = 1; i < argc; i++)
		printf("argv[%d] = '%s'\n", i, argv[i]);
	if (!strcmp(what, "segv"))
		*(volatile int *)0 = 1;
	if (!strcmp(what, "term"))
		raise(SIGTERM);
	if (!strcmp(what, "hang"))
		for (;;)
			pause();
	if (!strcmp(what, "threads"))
		threads();
	if (!strcmp(what, "fork"))
		child();
	return argc;
}
