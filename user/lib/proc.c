/* SPDX-License-Identifier: MIT */
/*
 * user/lib/proc.c: processes: _exit, fork, execve/execv/execvp, wait,
 * waitpid, wait4, the id calls, sched_yield and CPU affinity.
 *
 * newlib's libc.a calls _exit (from exit), fork, execve, wait and getpid.
 * Exit statuses use the same encoding in newlib's <sys/wait.h> as in
 * Linux, but a status that names a signal carries Linux's number, which
 * wait_status_from_linux (signal.c) converts to newlib's.
 */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <anvil/linux.h>
#include "glue.h"

/* exit_group, not exit: the whole process ends, every thread with it. */
void _exit(int status)
{
	sys_exit_group(status);
}

pid_t fork(void)
{
	return __anvil_ret(sys_fork());
}

/* anvil has no vfork; a copying fork is a correct (if slower) vfork. */
pid_t vfork(void)
{
	return fork();
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __anvil_ret(sys_execve(path, argv, envp));
}

int execv(const char *path, char *const argv[])
{
	extern char **environ;

	return execve(path, argv, environ);
}

/*
 * execvp - execv with a PATH search
 *
 * A @file containing '/' is used as is.  Otherwise each PATH entry
 * (default "/bin:/usr/bin") is tried in turn; ENOENT moves on to the
 * next, and the most telling other error (e.g. EACCES) is kept.
 */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH"), *p, *end;
	char buf[512];
	int err = ENOENT;
	size_t dlen, flen = strlen(file);

	if (strchr(file, '/'))
		return execv(file, argv);
	for (p = path ? path : "/bin:/usr/bin"; ; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dlen = end - p;
		if (dlen + flen + 2 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			execv(dlen ? buf : file, argv);
			if (errno != ENOENT)
				err = errno;
		}
		if (!*end)
			break;
	}
	errno = err;
	return -1;
}

/* wait4 without the rusage: statuses translated, options agree. */
pid_t waitpid(pid_t pid, int *status, int options)
{
	int lstatus;
	long r = sys_wait4(pid, &lstatus, options, NULL);

	if (linux_is_err(r))
		return __anvil_fail(-r);
	if (status && r > 0)
		*status = wait_status_from_linux(lstatus);
	return r;
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

pid_t getpid(void)
{
	return sys_getpid();
}

pid_t getppid(void)
{
	return sys_getppid();
}

pid_t gettid(void)
{
	return sys_gettid();
}

/* newlib's uid_t and gid_t are 16 bits. */
uid_t getuid(void)  { return linux_syscall0(__NR_getuid); }
uid_t geteuid(void) { return linux_syscall0(__NR_geteuid); }
gid_t getgid(void)  { return linux_syscall0(__NR_getgid); }
gid_t getegid(void) { return linux_syscall0(__NR_getegid); }

int setpgid(pid_t pid, pid_t pgid)
{
	return __anvil_ret(linux_syscall2(__NR_setpgid, pid, pgid));
}

pid_t getpgrp(void)
{
	return linux_syscall0(__NR_getpgrp);
}

pid_t setsid(void)
{
	return __anvil_ret(linux_syscall0(__NR_setsid));
}

int pause(void)
{
	return __anvil_ret(linux_syscall0(__NR_pause));
}

int sched_yield(void)
{
	return __anvil_ret(sys_sched_yield());
}

/* cpu_set_t (<sys/cpuset.h>) has Linux's layout: bit n is CPU n. */
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	long r = sys_sched_getaffinity(pid, size, set);

	if (linux_is_err(r))
		return __anvil_fail(-r);
	/* Linux returns the bytes it wrote; POSIX-style callers want 0. */
	memset((char *)set + r, 0, size - r);
	return 0;
}

int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set)
{
	return __anvil_ret(sys_sched_setaffinity(pid, size, set));
}

int sched_getcpu(void)
{
	unsigned int cpu;
	long r = linux_syscall3(__NR_getcpu, &cpu, NULL, NULL);

	return linux_is_err(r) ? __anvil_fail(-r) : (int)cpu;
}
