/* SPDX-License-Identifier: MIT */
/*
 * user/tests/args_env.c: what execve hands a new program: argv, envp and
 * the auxiliary vector, checked against the psABI initial stack layout.
 *
 * Run it exactly as
 *
 *	env -i ANVIL_TEST=args_env PROGRAM alpha 'two words' ''
 *
 * (scripts/user-host-test does; inside anvil, init's `env` does the
 * same), so the expected values are fixed.  Only properties that are the
 * same on every kernel, arch and libc are printed: the page size is
 * checked against getpagesize(), not printed, since ppc64 may use 64K.
 */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "tap.h"

extern char **environ;
void _start(void);
/* The linker defines this at the ELF header when it is loaded. */
extern const Elf64_Ehdr __ehdr_start;

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static void check_args(int argc, char **argv)
{
	ok(argc == 4, "argc is 4");
	ok(argc > 0 && !strcmp(base(argv[0]), "args_env"),
	   "argv[0] names the program");
	ok(argc > 1 && !strcmp(argv[1], "alpha"), "argv[1] is 'alpha'");
	ok(argc > 2 && !strcmp(argv[2], "two words"),
	   "argv[2] keeps its space");
	ok(argc > 3 && argv[3][0] == '\0', "argv[3] is empty");
	ok(argv[argc] == NULL, "argv[argc] is NULL");
}

static void check_env(char **argv, int argc, char **envp)
{
	ok(envp == argv + argc + 1, "envp follows argv's NULL");
	ok(envp == environ, "environ is envp");
	ok(envp[0] && !strcmp(envp[0], "ANVIL_TEST=args_env") && !envp[1],
	   "envp is exactly ANVIL_TEST=args_env");
	ok(getenv("ANVIL_TEST") && !strcmp(getenv("ANVIL_TEST"), "args_env"),
	   "getenv finds it");
}

/* The (type, value) pairs start right after envp's NULL. */
static void check_auxv_layout(char **envp)
{
	char **p = envp;
	unsigned long *a;
	int n = 0, found = 0;

	while (*p)
		p++;
	for (a = (unsigned long *)(p + 1); a[0] != AT_NULL && n < 64;
	     a += 2, n++)
		if (a[0] == AT_PAGESZ && a[1] == getauxval(AT_PAGESZ))
			found = 1;
	ok(found && n < 64, "auxv follows envp and ends with AT_NULL");
}

static void check_auxv(void)
{
	unsigned long pagesz = getauxval(AT_PAGESZ);
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	const Elf64_Ehdr *eh = &__ehdr_start;

	ok(pagesz >= 4096 && !(pagesz & (pagesz - 1)),
	   "AT_PAGESZ is a power of two >= 4096");
	ok(pagesz == (unsigned long)getpagesize(), "AT_PAGESZ == getpagesize()");
	ok(getauxval(AT_ENTRY) == (unsigned long)&_start, "AT_ENTRY == &_start");
	ok(getauxval(AT_PHNUM) == eh->e_phnum,
	   "AT_PHNUM == the ELF header's e_phnum");
	ok(getauxval(AT_PHENT) == sizeof(Elf64_Phdr), "AT_PHENT == 56");
	ok(getauxval(AT_PHDR) == (unsigned long)eh + eh->e_phoff,
	   "AT_PHDR == the loaded program headers");
	ok(getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid(),
	   "AT_UID/AT_EUID match getuid/geteuid");
	ok(getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid(),
	   "AT_GID/AT_EGID match getgid/getegid");
	ok(getauxval(AT_SECURE) == 0, "AT_SECURE is 0");
	ok(getauxval(AT_RANDOM) != 0, "AT_RANDOM points somewhere");
	ok(execfn && !strcmp(base(execfn), "args_env"),
	   "AT_EXECFN names the program");
	errno = 0;
	ok(getauxval(0x7fff) == 0 && errno == ENOENT,
	   "a missing entry is 0 with ENOENT");
}

int main(int argc, char **argv, char **envp)
{
	plan(23);
	check_args(argc, argv);
	check_env(argv, argc, envp);
	check_auxv_layout(envp);
	check_auxv();
	return done();
}
