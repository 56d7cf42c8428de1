/* SPDX-License-Identifier: MIT */
/*
 * user/lib/crt.c: the C half of program start-up, and the auxiliary
 * vector.
 *
 *   __anvil_start(sp)     called by _start (user/lib/<arch>/crt0.S) with
 *                         the initial stack pointer; runs main
 *   getauxval(type)       an AT_* entry the kernel passed (<sys/auxv.h>)
 *   getpagesize()         AT_PAGESZ, 4096 if absent
 *   environ, _init, _fini newlib's expectations of a crt0
 *
 * newlib needs no TLS and no per-thread set-up: errno is the _errno field
 * of the global reent structure _impure_ptr, statically initialised, and
 * stdin/stdout/stderr are created lazily on first use.  So start-up is
 * just: find argv/envp/auxv, run constructors, register destructors, and
 * exit with main's result.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <anvil/linux.h>

int main(int argc, char **argv, char **envp);

/* From newlib's libc.a: walk .preinit_array/.init_array/.fini_array. */
void __libc_init_array(void);
void __libc_fini_array(void);

extern char **environ;
static unsigned long *auxv;

/*
 * __libc_init_array calls _init before the .init_array entries and
 * __libc_fini_array calls _fini after .fini_array.  anvil programs link
 * without crti.o/crtn.o, so there are no .init/.fini sections to run.
 */
void _init(void)
{
}

void _fini(void)
{
}

/*
 * __anvil_start - run the program
 * @sp: the initial stack pointer, pointing at argc
 *
 * Never returns: main's return value goes to exit(), which runs atexit
 * handlers (and so the destructors), flushes stdio and calls _exit.
 */
void __attribute__((noreturn)) __anvil_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	auxv = (unsigned long *)(p + 1);
	environ = envp;

	atexit(__libc_fini_array);
	__libc_init_array();
	exit(main(argc, argv, envp));
}

/* The (type, value) pair for @type, or NULL. */
static unsigned long *auxv_find(unsigned long type)
{
	unsigned long *a;

	for (a = auxv; a && a[0] != LINUX_AT_NULL; a += 2)
		if (a[0] == type)
			return a;
	return NULL;
}

/*
 * getauxval - look up an auxiliary vector entry
 * @type: an AT_* constant
 *
 * Returns the entry's value, or 0 with errno ENOENT if the kernel did not
 * pass one (glibc's behaviour, so programs can be built against either).
 */
unsigned long getauxval(unsigned long type)
{
	unsigned long *a = auxv_find(type);

	if (!a) {
		errno = ENOENT;
		return 0;
	}
	return a[1];
}

int getpagesize(void)
{
	unsigned long *a = auxv_find(LINUX_AT_PAGESZ);

	return a ? (int)a[1] : 4096;
}
