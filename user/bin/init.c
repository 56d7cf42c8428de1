/* SPDX-License-Identifier: MIT */
/*
 * user/bin/init.c: /bin/init, the first user process (PID 1).
 *
 * The contract, with the kernel and with the tests that boot anvil:
 *
 *	init			interactive: /etc/rc, then a shell on the
 *				console; power off when the shell is done
 *	init PROG [ARG]...	run mode: /etc/rc, then the line
 *				    anvil-run: start
 *				on stderr (scripts/anvil-run shows what
 *				follows it), then PROG with its ARGs;
 *				then one line on stderr,
 *				    anvil-run: exit N	 (PROG exited with N)
 *				    anvil-run: signal N	 (killed by Linux signal N)
 *				then power off
 *
 * In order:
 *  1. Environment: PATH=/bin, HOME=/ and TERM=vt100, each unless it is
 *     already set.  (The kernel gives init HOME, TERM and PATH; the words
 *     after "--" on the kernel command line are init's arguments.)
 *  2. Descriptors 0, 1 and 2: any that is not open is opened on
 *     /dev/console, read-write.
 *  3. If /etc/rc exists, "/bin/sh /etc/rc" runs and is waited for.  Its
 *     failure is reported but changes nothing else.
 *  4. Interactive: "/bin/sh" runs.  If it is killed by a signal it is
 *     started again, up to 10 times, unless the environment has
 *     respawn=0.  When it exits (the "exit" builtin, or end of input on
 *     the console), init powers off.
 *     Run mode: PROG is looked up in PATH, its stdio is the console.  If
 *     it cannot be run the line is "anvil-run: exit 127".
 *  5. All the while, any other child that ends is reaped and forgotten:
 *     the kernel makes init the parent of every orphan, and an orphan
 *     nobody waits for would stay a zombie forever.
 *  6. Power off is reboot(RB_POWER_OFF), and only PID 1 does it.  Run as
 *     any other process (on a development machine, to test it), init
 *     exits instead: with PROG's $?-style status in run mode, else 0.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

#define MAX_RESPAWN	10

static void setup_env(void)
{
	setenv("PATH", "/bin", 0);
	setenv("HOME", "/", 0);
	setenv("TERM", "vt100", 0);
}

/* Give each of 0, 1, 2 that is closed to the console. */
static void setup_console(void)
{
	int fd, i;

	for (i = 0; i < 3; i++) {
		if (fcntl(i, F_GETFD) >= 0)
			continue;
		/* The lower ones are open, so this is normally i itself. */
		fd = open("/dev/console", O_RDWR);
		if (fd >= 0 && fd != i) {
			dup2(fd, i);
			close(fd);
		}
	}
}

/* Start @argv (looked up in PATH) as a child.  Its PID, or -1. */
static pid_t spawn(char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execvp(argv[0], argv);
		warn_errno("init", argv[0]);
		_exit(127);
	}
	if (pid < 0)
		warn_errno("init", "fork");
	return pid;
}

/*
 * Wait for child @pid and return its wait status, reaping whatever other
 * children end meanwhile.  -1 if @pid is not (or no longer) a child.
 */
static int reap_until(pid_t pid)
{
	pid_t r;
	int st;

	for (;;) {
		r = wait(&st);
		if (r == pid)
			return st;
		if (r < 0 && errno != EINTR)
			return -1;
	}
}

static void run_rc(void)
{
	char *argv[] = { "/bin/sh", "/etc/rc", NULL };
	pid_t pid;
	int st;

	if (access("/etc/rc", F_OK) < 0)
		return;
	pid = spawn(argv);
	if (pid < 0)
		return;
	st = reap_until(pid);
	if (st != 0)
		fprintf(stderr, "init: /etc/rc failed (wait status %#x)\n", st);
}

/* The interactive shell, started again after a crash (see the top). */
static void run_shell(void)
{
	char *argv[] = { "/bin/sh", NULL };
	const char *r = getenv("respawn");
	int st, respawns = 0;
	pid_t pid;

	for (;;) {
		pid = spawn(argv);
		if (pid < 0)
			return;
		st = reap_until(pid);
		if (st < 0 || !WIFSIGNALED(st))
			return;
		fprintf(stderr, "init: shell killed by signal %d\n",
			sig_num(WTERMSIG(st)));
		if (r && !strcmp(r, "0"))
			return;
		if (++respawns > MAX_RESPAWN) {
			fputs("init: the shell keeps dying; giving up\n", stderr);
			return;
		}
	}
}

/* Run mode: PROG's status as a shell's $? would give it. */
static int run_prog(char **argv)
{
	pid_t pid;
	int st;

	fputs("anvil-run: start\n", stderr);
	pid = spawn(argv);
	st = pid < 0 ? -1 : reap_until(pid);

	if (st >= 0 && WIFSIGNALED(st)) {
		fprintf(stderr, "anvil-run: signal %d\n", sig_num(WTERMSIG(st)));
		return 128 + sig_num(WTERMSIG(st));
	}
	st = st >= 0 && WIFEXITED(st) ? WEXITSTATUS(st) : 127;
	fprintf(stderr, "anvil-run: exit %d\n", st);
	return st;
}

static void __attribute__((noreturn)) power_off(int status)
{
	fflush(NULL);
	if (getpid() != 1)
		exit(status);
	reboot(RB_POWER_OFF);
	/* PID 1 must not exit (the kernel would panic): idle instead. */
	warn_errno("init", "reboot");
	for (;;)
		if (wait(NULL) < 0 && errno == ECHILD)
			pause();
}

int main(int argc, char **argv)
{
	setup_env();
	setup_console();
	run_rc();
	if (argc > 1)
		power_off(run_prog(argv + 1));
	run_shell();
	power_off(0);
}
