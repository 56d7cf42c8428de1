/* SPDX-License-Identifier: MIT */
/*
 * user/bin/util.h: the little the programs in user/bin share.
 *
 *   warn_errno(prog, what)   "prog: what: strerror(errno)" on stderr
 *   sig_by_name/sig_by_num   the signal table below, both ways
 *   sig_num(sig)             Linux's number for this libc's signal
 *
 * Signal numbers are the one place where newlib and glibc programs must
 * disagree inside and agree outside.  newlib numbers signals the BSD way
 * (SIGUSR1 is 30) while the kernel, glibc and every user number them the
 * Linux way (SIGUSR1 is 10); user/lib/signal.c translates at each system
 * call.  So a program never prints or parses a SIG* value directly: it
 * goes through this table, whose .num column is Linux's number (what
 * `kill -10`, `kill -l` and a shell's $? of 128+N mean) and whose .sig
 * column is this C library's constant.  Linux's SIGSTKFLT (16) and
 * SIGPWR (30) are missing because newlib cannot name them.
 *
 * Everything here is static inline so that a program that includes the
 * header but uses only part of it still builds with -Werror.
 */
#ifndef _USER_BIN_UTIL_H
#define _USER_BIN_UTIL_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * "prog: what: No such file or directory", the coreutils form.  What
 * was printed before goes out first, so that the two streams interleave
 * in the order things happened whichever C library buffers stdout how.
 */
static inline void warn_errno(const char *prog, const char *what)
{
	int err = errno;

	fflush(stdout);
	fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(err));
}

struct sig_name {
	const char *name;	/* without the SIG prefix */
	int num;		/* Linux's number */
	int sig;		/* this C library's SIG* value */
	const char *desc;	/* what a shell prints when it kills a job */
};

static const struct sig_name sig_names[] = {
	{ "HUP",	1,  SIGHUP,	"Hangup" },
	{ "INT",	2,  SIGINT,	"Interrupt" },
	{ "QUIT",	3,  SIGQUIT,	"Quit" },
	{ "ILL",	4,  SIGILL,	"Illegal instruction" },
	{ "TRAP",	5,  SIGTRAP,	"Trace/breakpoint trap" },
	{ "ABRT",	6,  SIGABRT,	"Aborted" },
	{ "BUS",	7,  SIGBUS,	"Bus error" },
	{ "FPE",	8,  SIGFPE,	"Floating point exception" },
	{ "KILL",	9,  SIGKILL,	"Killed" },
	{ "USR1",	10, SIGUSR1,	"User defined signal 1" },
	{ "SEGV",	11, SIGSEGV,	"Segmentation fault" },
	{ "USR2",	12, SIGUSR2,	"User defined signal 2" },
	{ "PIPE",	13, SIGPIPE,	"Broken pipe" },
	{ "ALRM",	14, SIGALRM,	"Alarm clock" },
	{ "TERM",	15, SIGTERM,	"Terminated" },
	{ "CHLD",	17, SIGCHLD,	"Child exited" },
	{ "CONT",	18, SIGCONT,	"Continued" },
	{ "STOP",	19, SIGSTOP,	"Stopped (signal)" },
	{ "TSTP",	20, SIGTSTP,	"Stopped" },
	{ "TTIN",	21, SIGTTIN,	"Stopped (tty input)" },
	{ "TTOU",	22, SIGTTOU,	"Stopped (tty output)" },
	{ "URG",	23, SIGURG,	"Urgent I/O condition" },
	{ "XCPU",	24, SIGXCPU,	"CPU time limit exceeded" },
	{ "XFSZ",	25, SIGXFSZ,	"File size limit exceeded" },
	{ "VTALRM",	26, SIGVTALRM,	"Virtual timer expired" },
	{ "PROF",	27, SIGPROF,	"Profiling timer expired" },
	{ "WINCH",	28, SIGWINCH,	"Window changed" },
	{ "IO",		29, SIGIO,	"I/O possible" },
	{ "SYS",	31, SIGSYS,	"Bad system call" },
};

/* The entry for "KILL", "SIGKILL" or "kill"; NULL if there is none. */
static inline const struct sig_name *sig_by_name(const char *name)
{
	unsigned int i;

	if (!strncasecmp(name, "SIG", 3))
		name += 3;
	for (i = 0; i < ARRAY_SIZE(sig_names); i++)
		if (!strcasecmp(name, sig_names[i].name))
			return &sig_names[i];
	return NULL;
}

/* The entry for Linux signal number @num; NULL if there is none. */
static inline const struct sig_name *sig_by_num(int num)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sig_names); i++)
		if (sig_names[i].num == num)
			return &sig_names[i];
	return NULL;
}

/* The entry for this libc's signal @sig (as WTERMSIG gives it), or NULL. */
static inline const struct sig_name *sig_by_sig(int sig)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sig_names); i++)
		if (sig_names[i].sig == sig)
			return &sig_names[i];
	return NULL;
}

/*
 * Linux's number for this libc's signal @sig.  A signal outside the
 * table is returned as it is: glibc already numbers it Linux's way, and
 * newlib (which reports one it cannot name as NSIG + n) is out of luck.
 */
static inline int sig_num(int sig)
{
	const struct sig_name *s = sig_by_sig(sig);

	return s ? s->num : sig;
}

#endif /* _USER_BIN_UTIL_H */
