/* SPDX-License-Identifier: MIT */
/*
 * user/tests/exec_errors.c: execve() of broken programs, bad scripts,
 * bad paths and bad arguments.  Each must give Linux's errno, or end the
 * way it ends on Linux, and the kernel must survive all of them.
 *
 * The programs are made here, at run time, in the current directory:
 * a model ELF executable of 8 KiB (below), then one mutated copy per
 * case.  The model is built rather than copied from a real program so
 * that every case breaks exactly one thing and the outcome does not
 * depend on how a compiler laid out the file.
 *
 * Which machine to build it for is read from /bin/true, not from the
 * arch this test was compiled for: under qemu-ppc64's user-mode
 * emulation execve() goes straight to the host kernel, which runs
 * x86_64 programs.  /bin/true is the native program everywhere this
 * test runs (the host's, anvil's rootfs).
 *
 * Where Linux and anvil differ on purpose: Linux checks some things only
 * after the point of no return (segments it cannot map, a bad entry
 * point), so the process is already gone and dies of SIGSEGV; anvil
 * builds the whole new image first (fs/exec.c) and returns ENOEXEC to a
 * caller that is still intact.  A few corruptions Linux does not check
 * at all, and the program runs until it touches what is missing.  Those
 * cases name both outcomes in their line, and check the one that belongs
 * to the kernel underneath (uname's sysname), so the output is the same
 * on both.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define EM_X86_64	62
#define EM_PPC64	21
#define ET_REL		1
#define ET_EXEC		2
#define ET_CORE		4
#define PT_NULL		0
#define PT_LOAD		1
#define PT_INTERP	3
#define PT_GNU_STACK	0x6474e551
#define PF_X		1
#define PF_W		2
#define PF_R		4

/* ELF64 header and program header field offsets. */
enum {
	E_IDENT_CLASS = 4, E_IDENT_DATA = 5, E_IDENT_VERSION = 6,
	E_TYPE = 16, E_MACHINE = 18, E_VERSION = 20, E_ENTRY = 24,
	E_PHOFF = 32, E_FLAGS = 48, E_EHSIZE = 52, E_PHENTSIZE = 54,
	E_PHNUM = 56, EHDR_SIZE = 64,
	P_TYPE = 0, P_FLAGS = 4, P_OFFSET = 8, P_VADDR = 16, P_PADDR = 24,
	P_FILESZ = 32, P_MEMSZ = 40, P_ALIGN = 48, PHDR_SIZE = 56,
};

/*
 * The model: one read+execute PT_LOAD of two pages, file offset 0 at
 * the machine's usual base, and a PT_GNU_STACK.  Its code loads the
 * last byte of the second page (so a segment cut short by the file's
 * end is noticed) and exits with EXIT_BASE + argc: 41 when run with one
 * argument.  An interpreter path is kept in the file, unused until a
 * case turns the second header into a PT_INTERP.
 */
#define IMG_SIZE	0x2000
#define PHDRS		EHDR_SIZE
#define CODE_OFF	0x100
#define INTERP_OFF	0x180
#define INTERP		"/nonexistent/ld-anvil.so.1"
#define EXIT_BASE	40

static unsigned char model[IMG_SIZE], img[IMG_SIZE];

static struct {
	int big;			/* the file's fields are big-endian */
	unsigned int machine, other_machine;
	uint64_t base, kernel_addr;
} t;

static int on_anvil;

static void put(unsigned char *p, int size, uint64_t v)
{
	for (int i = 0; i < size; i++) {
		int shift = 8 * (t.big ? size - 1 - i : i);

		p[i] = (unsigned char)(v >> shift);
	}
}

static void put_phdr(unsigned char *im, int n, int field, int size,
		     uint64_t v)
{
	put(im + PHDRS + n * PHDR_SIZE + field, size, v);
}

/* Instructions are words in the machine's byte order too. */
static size_t put_code(unsigned char *p, const uint32_t *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(p + 4 * i, 4, words[i]);
	return 4 * n;
}

static int build_model(void)
{
	uint64_t touch, entry;
	unsigned char *m = model;

	memset(m, 0, sizeof(model));
	memcpy(m, "\177ELF", 4);
	m[E_IDENT_CLASS] = 2;			/* ELFCLASS64 */
	m[E_IDENT_DATA] = t.big ? 2 : 1;
	m[E_IDENT_VERSION] = 1;
	put(m + E_TYPE, 2, ET_EXEC);
	put(m + E_MACHINE, 2, t.machine);
	put(m + E_VERSION, 4, 1);
	put(m + E_PHOFF, 8, PHDRS);
	put(m + E_EHSIZE, 2, EHDR_SIZE);
	put(m + E_PHENTSIZE, 2, PHDR_SIZE);
	put(m + E_PHNUM, 2, 2);

	put_phdr(m, 0, P_TYPE, 4, PT_LOAD);
	put_phdr(m, 0, P_FLAGS, 4, PF_R | PF_X);
	put_phdr(m, 0, P_OFFSET, 8, 0);
	put_phdr(m, 0, P_VADDR, 8, t.base);
	put_phdr(m, 0, P_PADDR, 8, t.base);
	put_phdr(m, 0, P_FILESZ, 8, IMG_SIZE);
	put_phdr(m, 0, P_MEMSZ, 8, IMG_SIZE);
	put_phdr(m, 0, P_ALIGN, 8, 0x1000);
	put_phdr(m, 1, P_TYPE, 4, PT_GNU_STACK);
	put_phdr(m, 1, P_FLAGS, 4, PF_R | PF_W);
	put_phdr(m, 1, P_ALIGN, 8, 16);
	memcpy(m + INTERP_OFF, INTERP, sizeof(INTERP));

	touch = t.base + IMG_SIZE - 1;
	if (t.machine == EM_X86_64) {
		static const unsigned char code[] = {
			0x0f, 0xb6, 0x0c, 0x25, 0, 0, 0, 0, /* movzbl touch,%ecx */
			0x48, 0x8b, 0x3c, 0x24,		/* mov (%rsp),%rdi: argc */
			0x83, 0xc7, EXIT_BASE,		/* add $EXIT_BASE,%edi */
			0xb8, 231, 0, 0, 0,		/* mov $exit_group,%eax */
			0x0f, 0x05,			/* syscall */
		};

		memcpy(m + CODE_OFF, code, sizeof(code));
		put(m + CODE_OFF + 4, 4, touch);
		entry = t.base + CODE_OFF;
	} else {
		/*
		 * 64-bit PowerPC, ELFv1 (e_flags 1): e_entry is a function
		 * descriptor {code, TOC, environment}, the code after it.
		 */
		const uint32_t code[] = {
			0x3d200000 | (uint32_t)(touch >> 16),	 /* lis r9,hi */
			0x61290000 | (uint32_t)(touch & 0xffff), /* ori r9,r9,lo */
			0x89290000,			/* lbz r9,0(r9) */
			0xe8610000,			/* ld r3,0(r1): argc */
			0x38630000 | EXIT_BASE,		/* addi r3,r3,EXIT_BASE */
			0x38000000 | 234,		/* li r0,exit_group */
			0x44000002,			/* sc */
		};

		put(m + E_FLAGS, 4, 1);
		put(m + CODE_OFF, 8, t.base + CODE_OFF + 24);
		put_code(m + CODE_OFF + 24, code, sizeof(code) / sizeof(code[0]));
		entry = t.base + CODE_OFF;
	}
	put(m + E_ENTRY, 8, entry);
	return 0;
}

/* Which machine runs programs here: /bin/true's header says. */
static int find_target(void)
{
	unsigned char h[EHDR_SIZE];
	int fd = open("/bin/true", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, h, sizeof(h));

	if (fd >= 0)
		close(fd);
	if (n != (ssize_t)sizeof(h) || memcmp(h, "\177ELF", 4) ||
	    h[E_IDENT_CLASS] != 2)
		return -1;
	t.big = h[E_IDENT_DATA] == 2;
	t.machine = t.big ? (h[E_MACHINE] << 8 | h[E_MACHINE + 1]) :
			    (h[E_MACHINE + 1] << 8 | h[E_MACHINE]);
	if (t.machine == EM_X86_64 && !t.big) {
		t.other_machine = EM_PPC64;
		t.base = 0x400000;
		t.kernel_addr = 0xffff800000000000ULL;
	} else if (t.machine == EM_PPC64 && t.big) {
		t.other_machine = EM_X86_64;
		t.base = 0x10000000;
		t.kernel_addr = 0xc000000000000000ULL;
	} else {
		return -1;
	}
	return 0;
}

/* ---- running one execve ------------------------------------------------- */

static const char *errno_name(int e)
{
	static char buf[32];

	switch (e) {
	case E2BIG: return "E2BIG";
	case EACCES: return "EACCES";
	case EFAULT: return "EFAULT";
	case EINVAL: return "EINVAL";
	case EIO: return "EIO";
	case EISDIR: return "EISDIR";
	case ELOOP: return "ELOOP";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case ENOENT: return "ENOENT";
	case ENOEXEC: return "ENOEXEC";
	case ENOMEM: return "ENOMEM";
	case ENOTDIR: return "ENOTDIR";
	case EPERM: return "EPERM";
	case ETXTBSY: return "ETXTBSY";
	}
	snprintf(buf, sizeof(buf), "errno %d", e);
	return buf;
}

static const char *signal_name(int sig)
{
	static char buf[32];

	switch (sig) {
	case SIGSEGV: return "SIGSEGV";
	case SIGBUS: return "SIGBUS";
	case SIGILL: return "SIGILL";
	case SIGKILL: return "SIGKILL";
	case SIGTRAP: return "SIGTRAP";
	case SIGFPE: return "SIGFPE";
	case SIGABRT: return "SIGABRT";
	}
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

/*
 * execve in a child: "E..." if it failed (the errno comes back through a
 * close-on-exec pipe, which a successful exec closes unwritten), else
 * how the new program ended: "exit N" or the signal's name.
 */
static const char *run(const char *path, char *const argv[],
		       char *const envp[])
{
	static char buf[48];
	int p[2], err = 0, status = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(p) || fcntl(p[1], F_SETFD, FD_CLOEXEC))
		return "pipe failed";
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		execve(path, argv, envp);
		err = errno;
		write(p[1], &err, sizeof(err));
		_exit(127);
	}
	close(p[1]);
	n = pid < 0 ? -1 : read(p[0], &err, sizeof(err));
	close(p[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return "fork or wait failed";
	if (n == (ssize_t)sizeof(err))
		return errno_name(err);
	if (WIFEXITED(status)) {
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(status));
		return buf;
	}
	if (WIFSIGNALED(status))
		return signal_name(WTERMSIG(status));
	return "stopped?";
}

static char *no_env[] = { NULL };

static const char *run_path(const char *path)
{
	char *argv[] = { (char *)path, NULL };

	return run(path, argv, no_env);
}

/*
 * One result: @want_linux is what Linux does, @want_anvil what anvil does when it
 * differs on purpose (NULL: the same).  The line names both then, so it
 * reads the same on either kernel.
 */
static void expect(const char *what, const char *got, const char *want_linux,
		   const char *want_anvil)
{
	const char *want = on_anvil && want_anvil ? want_anvil : want_linux;
	char line[160];

	if (want_anvil)
		snprintf(line, sizeof(line), "%s: %s on Linux, %s in anvil",
			 what, want_linux, want_anvil);
	else
		snprintf(line, sizeof(line), "%s: %s", what, want_linux);
	if (!ok(!strcmp(got, want), "%s", line))
		diag("got %s", got);
}

static int write_file(const char *name, const void *data, size_t len,
		      int mode)
{
	int fd;

	unlink(name);
	fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		return -1;
	if (len && write(fd, data, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* ---- broken ELF files --------------------------------------------------- */

static size_t img_len;

static void bad_magic(void)	{ img[3] = 'G'; }
static void cut_10(void)	{ img_len = 10; }
static void cut_63(void)	{ img_len = 63; }
static void empty(void)		{ img_len = 0; }
static void class32(void)	{ img[E_IDENT_CLASS] = 1; }
static void class_none(void)	{ img[E_IDENT_CLASS] = 0; }
static void data_swapped(void)	{ img[E_IDENT_DATA] = t.big ? 1 : 2; }
static void ident_version(void)	{ img[E_IDENT_VERSION] = 0; }
static void version0(void)	{ put(img + E_VERSION, 4, 0); }
static void machine(void)	{ put(img + E_MACHINE, 2, t.other_machine); }
static void type_rel(void)	{ put(img + E_TYPE, 2, ET_REL); }
static void type_core(void)	{ put(img + E_TYPE, 2, ET_CORE); }
static void phentsize(void)	{ put(img + E_PHENTSIZE, 2, 32); }
static void phnum0(void)	{ put(img + E_PHNUM, 2, 0); }
static void phnum_huge(void)	{ put(img + E_PHNUM, 2, 65535); }
/* 100 headers (5600 bytes, more than a page), all but the first two
 * PT_NULL, in the model's second page. */
static void phnum_100(void)
{
	memcpy(img + 0x800, img + PHDRS, 2 * PHDR_SIZE);
	put(img + E_PHOFF, 8, 0x800);
	put(img + E_PHNUM, 2, 100);
}

static void phoff_eof(void)	{ put(img + E_PHOFF, 8, IMG_SIZE + 0x1000); }
static void phoff_huge(void)	{ put(img + E_PHOFF, 8, ~0ULL - 8); }
static void phdrs_cut(void)	{ img_len = PHDRS + PHDR_SIZE + 20; }
static void filesz_gt_memsz(void) { put_phdr(img, 0, P_MEMSZ, 8, 0x1000); }
static void cut_segment(void)	{ img_len = 0x1000; }
static void filesz_eof(void)	{ put_phdr(img, 0, P_FILESZ, 8, 0x100000);
				  put_phdr(img, 0, P_MEMSZ, 8, 0x100000); }
static void offset_huge(void)	{ put_phdr(img, 0, P_OFFSET, 8, ~0xfffULL); }
static void offset_neg(void)	{ put_phdr(img, 0, P_OFFSET, 8, 1ULL << 63); }
static void vaddr_kernel(void)	{ put_phdr(img, 0, P_VADDR, 8, t.kernel_addr); }
static void vaddr_zero(void)	{ put_phdr(img, 0, P_VADDR, 8, 0); }
static void memsz_wraps(void)	{ put_phdr(img, 0, P_MEMSZ, 8, ~0xfffULL); }
static void misaligned(void)	{ put_phdr(img, 0, P_OFFSET, 8, 0x10); }
static void no_load(void)	{ put_phdr(img, 0, P_TYPE, 4, PT_NULL); }
static void entry_kernel(void)	{ put(img + E_ENTRY, 8, t.kernel_addr); }
static void entry_unmapped(void) { put(img + E_ENTRY, 8, t.base + 0x100000); }

static void interp(void)
{
	put_phdr(img, 1, P_TYPE, 4, PT_INTERP);
	put_phdr(img, 1, P_FLAGS, 4, PF_R);
	put_phdr(img, 1, P_OFFSET, 8, INTERP_OFF);
	put_phdr(img, 1, P_VADDR, 8, t.base + INTERP_OFF);
	put_phdr(img, 1, P_FILESZ, 8, sizeof(INTERP));
	put_phdr(img, 1, P_MEMSZ, 8, sizeof(INTERP));
	put_phdr(img, 1, P_ALIGN, 8, 1);
}

/*
 * The model's segment split in two that share the second page, the
 * higher one first: the ELF spec wants PT_LOADs in address order, but
 * Linux maps them in any order (and so must anvil, without losing the
 * bytes the first one put in the shared page).
 */
static void two_loads_reversed(void)
{
	memcpy(img + PHDRS + PHDR_SIZE, img + PHDRS, PHDR_SIZE);
	put_phdr(img, 0, P_FLAGS, 4, PF_R);
	put_phdr(img, 0, P_OFFSET, 8, 0x1800);
	put_phdr(img, 0, P_VADDR, 8, t.base + 0x1800);
	put_phdr(img, 0, P_PADDR, 8, t.base + 0x1800);
	put_phdr(img, 0, P_FILESZ, 8, IMG_SIZE - 0x1800);
	put_phdr(img, 0, P_MEMSZ, 8, IMG_SIZE - 0x1800);
	put_phdr(img, 1, P_FILESZ, 8, 0x1800);
	put_phdr(img, 1, P_MEMSZ, 8, 0x1800);
}

static void nothing(void) { }

static const struct elf_case {
	const char *file, *what;
	void (*mutate)(void);
	const char *want_linux, *want_anvil;
} elf_cases[] = {
	{ "good.elf", "the model program runs", nothing, "exit 41", NULL },
	{ "magic.elf", "bad magic", bad_magic, "ENOEXEC", NULL },
	{ "cut10.elf", "a 10-byte file", cut_10, "ENOEXEC", NULL },
	{ "cut63.elf", "a 63-byte file (no whole ELF header)", cut_63,
	  "ENOEXEC", NULL },
	{ "empty.elf", "an empty file", empty, "ENOEXEC", NULL },
	{ "class32.elf", "EI_CLASS says 32-bit", class32, "exit 41", NULL },
	{ "class0.elf", "EI_CLASS is ELFCLASSNONE", class_none, "exit 41", NULL },
	{ "data.elf", "EI_DATA says the other byte order", data_swapped,
	  "exit 41", NULL },
	{ "identver.elf", "EI_VERSION 0", ident_version, "exit 41", NULL },
	{ "version.elf", "e_version 0", version0, "exit 41", NULL },
	{ "machine.elf", "another machine's e_machine", machine, "ENOEXEC",
	  NULL },
	{ "rel.elf", "e_type ET_REL", type_rel, "ENOEXEC", NULL },
	{ "core.elf", "e_type ET_CORE", type_core, "ENOEXEC", NULL },
	{ "phentsize.elf", "e_phentsize 32", phentsize, "ENOEXEC", NULL },
	{ "phnum0.elf", "e_phnum 0", phnum0, "ENOEXEC", NULL },
	{ "phnum.elf", "e_phnum 65535", phnum_huge, "ENOEXEC", NULL },
	{ "phnum100.elf", "e_phnum 100 (the headers fill more than a page)",
	  phnum_100, "exit 41", NULL },
	{ "phoff.elf", "e_phoff beyond the end of the file", phoff_eof,
	  "ENOEXEC", NULL },
	{ "phoffwrap.elf", "e_phoff near 2^64", phoff_huge, "ENOEXEC", NULL },
	{ "phdrscut.elf", "the file ends inside the program headers",
	  phdrs_cut, "ENOEXEC", NULL },
	{ "filesz.elf", "PT_LOAD with p_filesz > p_memsz", filesz_gt_memsz,
	  "SIGSEGV", "ENOEXEC" },
	{ "cutseg.elf", "the file ends in the middle of a PT_LOAD",
	  cut_segment, "SIGBUS", "ENOEXEC" },
	{ "fileszeof.elf", "p_offset + p_filesz beyond the end of the file",
	  filesz_eof, "exit 41", "ENOEXEC" },
	{ "offset.elf", "p_offset near 2^64", offset_huge, "SIGSEGV", "ENOEXEC" },
	{ "offsetneg.elf", "p_offset 2^63 (a negative file position)",
	  offset_neg, "SIGSEGV", "ENOEXEC" },
	{ "vaddrk.elf", "p_vaddr in kernel space", vaddr_kernel, "SIGSEGV", "ENOEXEC" },
	{ "vaddr0.elf", "p_vaddr 0", vaddr_zero, "SIGSEGV", "ENOEXEC" },
	{ "wrap.elf", "p_vaddr + p_memsz wraps around", memsz_wraps,
	  "SIGSEGV", "ENOEXEC" },
	{ "misalign.elf", "p_offset and p_vaddr differ within a page",
	  misaligned, "SIGSEGV", "ENOEXEC" },
	{ "order.elf", "two PT_LOADs sharing a page, the higher one first",
	  two_loads_reversed, "exit 41", NULL },
	{ "noload.elf", "no PT_LOAD at all", no_load, "SIGSEGV", "ENOEXEC" },
	{ "interp.elf", "PT_INTERP naming a missing loader", interp,
	  "ENOENT", NULL },
	{ "entryk.elf", "e_entry in kernel space", entry_kernel, "SIGSEGV", "ENOEXEC" },
	{ "entryu.elf", "e_entry in user space but unmapped", entry_unmapped,
	  "SIGSEGV", NULL },
};

#define NR_ELF_CASES ((int)(sizeof(elf_cases) / sizeof(elf_cases[0])))

static void test_elf(void)
{
	for (int i = 0; i < NR_ELF_CASES; i++) {
		const struct elf_case *c = &elf_cases[i];
		char path[64];

		memcpy(img, model, sizeof(img));
		img_len = IMG_SIZE;
		c->mutate();
		snprintf(path, sizeof(path), "./%s", c->file);
		if (write_file(c->file, img, img_len, 0755)) {
			ok(0, "%s: cannot write %s", c->what, c->file);
			continue;
		}
		expect(c->what, run_path(path), c->want_linux, c->want_anvil);
	}
}

/* ---- "#!" scripts -------------------------------------------------------- */

#define NOEXEC	"noexec.elf"		/* a good program, mode 0644 */
#define DIR	"exec_errors.dir"

static const struct script_case {
	const char *file, *what, *text;
	const char *want_linux, *want_anvil;
} script_cases[] = {
	{ "s-true", "\"#!/bin/true\" runs /bin/true", "#!/bin/true\n",
	  "exit 0", NULL },
	{ "s-blanks", "blanks around the interpreter are skipped",
	  "#! \t /bin/true \t \n", "exit 0", NULL },
	{ "s-nonl", "a \"#!\" line without a newline at the end of the file",
	  "#!/bin/true", "exit 0", NULL },
	{ "s-missing", "the interpreter is missing",
	  "#!/nonexistent/interpreter\n", "ENOENT", NULL },
	{ "s-crlf", "a CRLF line: the interpreter's name ends in \\r",
	  "#!/bin/true\r\n", "ENOENT", NULL },
	{ "s-empty", "\"#!\" and nothing", "#!\n", "ENOEXEC", NULL },
	{ "s-blank", "\"#!\" and blanks", "#!  \t \n", "ENOEXEC", NULL },
	{ "s-dir", "the interpreter is a directory", "#!/\n", "EACCES", NULL },
	{ "s-noexec", "the interpreter has no x bit", "#!./" NOEXEC "\n",
	  "EACCES", NULL },
	{ "s-notelf", "the interpreter is not a program",
	  "#!./magic.elf\n", "ENOEXEC", NULL },
	{ "s-loop", "a script that is its own interpreter", "#!./s-loop\n",
	  "ELOOP", NULL },
};

#define NR_SCRIPT_CASES ((int)(sizeof(script_cases) / sizeof(script_cases[0])))

/* A chain of @n scripts, s-chain1 -> s-chain2 ... -> /bin/true. */
static const char *chain(int n)
{
	char name[32], text[48];

	for (int i = 1; i <= n; i++) {
		snprintf(name, sizeof(name), "s-chain%d", i);
		if (i < n)
			snprintf(text, sizeof(text), "#!./s-chain%d\n", i + 1);
		else
			snprintf(text, sizeof(text), "#!/bin/true\n");
		if (write_file(name, text, strlen(text), 0755))
			return "cannot write";
	}
	return run_path("./s-chain1");
}

static void test_scripts(void)
{
	char text[400];

	for (int i = 0; i < NR_SCRIPT_CASES; i++) {
		const struct script_case *c = &script_cases[i];
		char path[64];

		snprintf(path, sizeof(path), "./%s", c->file);
		if (write_file(c->file, c->text, strlen(c->text), 0755)) {
			ok(0, "%s: cannot write %s", c->what, c->file);
			continue;
		}
		expect(c->what, run_path(path), c->want_linux, c->want_anvil);
	}

	/*
	 * The "#!" line is read from the first 256 bytes.  A longer line
	 * is fine if the interpreter's name ends inside them (the argument
	 * is cut short); if it does not, the name may be cut: ENOEXEC.
	 */
	memset(text, 'x', sizeof(text));
	memcpy(text, "#!/bin/true ", 12);
	text[sizeof(text) - 1] = '\n';
	write_file("s-longarg", text, sizeof(text), 0755);
	expect("a 400-byte \"#!\" line with a short interpreter name",
	       run_path("./s-longarg"), "exit 0", NULL);
	memset(text, 'x', sizeof(text));
	memcpy(text, "#!/", 3);
	text[sizeof(text) - 1] = '\n';
	write_file("s-longname", text, sizeof(text), 0755);
	expect("an interpreter name longer than 256 bytes",
	       run_path("./s-longname"), "ENOEXEC", NULL);

	expect("4 scripts in a chain", chain(4), "exit 0", NULL);
	expect("5 scripts in a chain", chain(5), "exit 0", NULL);
	expect("6 scripts in a chain", chain(6), "ELOOP", NULL);
}

/* ---- paths ------------------------------------------------------------------ */

#ifdef __x86_64__
#define KERNEL_PTR ((char *)0xffff888000000000UL)
#else
#define KERNEL_PTR ((char *)0xc000000000000000UL)
#endif

static char *volatile unmapped_ptr = (char *)8;

static void test_paths(void)
{
	char *argv[] = { "x", NULL };
	static char name[5000];

	expect("a missing file", run_path("./no-such-file"), "ENOENT", NULL);
	expect("an empty path", run_path(""), "ENOENT", NULL);
	expect("a directory", run_path(DIR), "EACCES", NULL);
	expect("a file without an x bit", run_path("./" NOEXEC), "EACCES",
	       NULL);
	expect("a file used as a directory", run_path("./good.elf/x"),
	       "ENOTDIR", NULL);
	symlink("loop", "loop");
	expect("a symlink to itself", run_path("./loop"), "ELOOP", NULL);
	memset(name, 'n', 300);
	name[300] = '\0';
	expect("a 300-byte file name", run_path(name), "ENAMETOOLONG", NULL);
	memset(name, '/', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	expect("a 4999-byte path", run_path(name), "ENAMETOOLONG", NULL);
	expect("a NULL path", run(NULL, argv, no_env), "EFAULT", NULL);
	expect("an unmapped path", run(unmapped_ptr, argv, no_env), "EFAULT",
	       NULL);
	expect("a path in kernel space", run(KERNEL_PTR, argv, no_env),
	       "EFAULT", NULL);
}

/* ---- argument and environment vectors -------------------------------------- */

static void test_args(void)
{
	char *argv[70], *bad_argv[] = { "x", unmapped_ptr, NULL };
	char *kernel_argv[] = { "x", KERNEL_PTR, NULL };
	char **many;
	char *big;
	int i;

	expect("argv NULL: argc is 1, argv[0] \"\"",
	       run("./good.elf", NULL, no_env), "exit 41", NULL);
	expect("an unmapped argv", run("./good.elf",
				       (char **)unmapped_ptr, no_env),
	       "EFAULT", NULL);
	expect("an unmapped envp", run("./good.elf", argv,
				       (char **)unmapped_ptr), "EFAULT", NULL);
	expect("an unmapped argv[1]", run("./good.elf", bad_argv, no_env),
	       "EFAULT", NULL);
	expect("argv[1] in kernel space", run("./good.elf", kernel_argv,
					      no_env), "EFAULT", NULL);

	/* One argument may be 128 KiB with its NUL (MAX_ARG_STRLEN). */
	big = malloc(200 << 10);
	memset(big, 'a', 200 << 10);
	big[(200 << 10) - 1] = '\0';
	argv[0] = "x";
	argv[1] = big;
	argv[2] = NULL;
	expect("a 200 KiB argument", run("./good.elf", argv, no_env), "E2BIG",
	       NULL);
	big[(128 << 10) - 1] = '\0';
	expect("an argument of 128 KiB with its NUL",
	       run("./good.elf", argv, no_env), "exit 42", NULL);
	big[(128 << 10) - 1] = 'a';
	big[128 << 10] = '\0';
	expect("an argument of 128 KiB and one byte with its NUL",
	       run("./good.elf", argv, no_env), "E2BIG", NULL);

	/* All of them together: at most a quarter of the stack limit, and
	 * never more than 6 MiB: 65 of 128 KiB are too many. */
	for (i = 0; i < 65; i++)
		argv[i] = big;
	argv[i] = NULL;
	big[(128 << 10) - 1] = '\0';
	expect("65 arguments of 128 KiB (8 MiB)",
	       run("./good.elf", argv, no_env), "E2BIG", NULL);
	expect("the same as the environment", run("./good.elf", NULL, argv),
	       "E2BIG", NULL);
	free(big);

	/* A million empty strings: their pointers alone are 8 MiB. */
	many = malloc(((1 << 20) + 1) * sizeof(char *));
	for (i = 0; i < 1 << 20; i++)
		many[i] = "";
	many[i] = NULL;
	expect("a million empty arguments", run("./good.elf", many, no_env),
	       "E2BIG", NULL);
	free(many);
}

int main(void)
{
	struct utsname u;

	on_anvil = uname(&u) == 0 && !strcmp(u.sysname, "anvil");
	if (find_target()) {
		printf("1..0 # SKIP /bin/true is not an x86_64 or ppc64 ELF\n");
		return 0;
	}
	build_model();
	plan(NR_ELF_CASES + NR_SCRIPT_CASES + 5 + 11 + 11);
	mkdir(DIR, 0755);
	if (write_file(NOEXEC, model, sizeof(model), 0644))
		diag("cannot write " NOEXEC);
	test_elf();
	test_scripts();
	test_paths();
	test_args();

	for (int i = 0; i < NR_ELF_CASES; i++)
		unlink(elf_cases[i].file);
	for (int i = 0; i < NR_SCRIPT_CASES; i++)
		unlink(script_cases[i].file);
	for (int i = 1; i <= 6; i++) {
		char name[32];

		snprintf(name, sizeof(name), "s-chain%d", i);
		unlink(name);
	}
	unlink("s-longarg");
	unlink("s-longname");
	unlink("loop");
	unlink(NOEXEC);
	rmdir(DIR);
	return done();
}
