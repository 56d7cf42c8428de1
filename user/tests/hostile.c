/* SPDX-License-Identifier: MIT */
/*
 * user/tests/hostile.c: a program that attacks the kernel from user
 * mode, and the answer Linux gives to each attack: jumps into kernel
 * space, privileged instructions, software interrupts, forged signal
 * frames, impossible system call numbers, kernel and unmapped pointers
 * to every kind of system call, absurd sizes, mappings over the kernel.
 * The kernel must survive all of it; the program only checks that each
 * attack fails the way it fails on Linux.
 *
 * Whatever may kill the process runs in a forked child, and the parent
 * looks at how it ended.  System calls go through syscall(), never the
 * C library's wrappers, which may not make the call at all (glibc's
 * clock_gettime reads the vDSO, its stat() is fstatat).
 *
 * The instructions are each arch's own (x86_64 or 64-bit PowerPC); the
 * lines name both, so the output is the same on either, and the same
 * under qemu-ppc64's user-mode emulation on an x86_64 host.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

/* Numbers user/lib's <asm/unistd.h> does not list (yet). */
#ifdef __x86_64__
#ifndef __NR_futex
#define __NR_futex		202
#endif
#ifndef __NR_sigaltstack
#define __NR_sigaltstack	131
#endif
#ifndef __NR_set_robust_list
#define __NR_set_robust_list	273
#endif
#ifndef __NR_prlimit64
#define __NR_prlimit64		302
#endif
#else
#ifndef __NR_futex
#define __NR_futex		221
#endif
#ifndef __NR_sigaltstack
#define __NR_sigaltstack	185
#endif
#ifndef __NR_set_robust_list
#define __NR_set_robust_list	300
#endif
#ifndef __NR_prlimit64
#define __NR_prlimit64		325
#endif
#endif

/* Linux's values, for raw calls (newlib numbers some differently). */
#define L_SIGUSR1	10
#define L_SIGKILL	9
#define L_SIG_BLOCK	0
#define L_CLOCK_MONOTONIC 1
#define L_FUTEX_WAIT	0
#define L_MAP_PRIVATE	0x02
#define L_MAP_FIXED	0x10
#define L_MAP_ANONYMOUS	0x20
#define L_RLIMIT_STACK	3
#define L_SA_ONSTACK	0x08000000

/*
 * Addresses no user pointer may reach: the first page, the kernel's
 * half, and (x86) a non-canonical address, which the CPU itself refuses
 * with a general protection fault instead of a page fault.
 */
#ifdef __x86_64__
#define KERNEL_ADDR	0xffff888000000000UL	/* Linux's direct map */
#define KERNEL_TEXT	0xffffffff81000000UL
#else
#define KERNEL_ADDR	0xc000000000000000UL	/* the linear map */
#define KERNEL_TEXT	0xc000000000000000UL
#endif
#define NONCANONICAL	0x8000000000000000UL

static void *volatile bad_ptrs[] = {
	(void *)8, (void *)KERNEL_ADDR, (void *)NONCANONICAL,
};
static const char *const bad_names[] = {
	"page 0", "kernel space", "0x8000000000000000",
};

#define NR_BAD	((int)(sizeof(bad_ptrs) / sizeof(bad_ptrs[0])))

static const char *errno_name(int e)
{
	static char buf[32];

	switch (e) {
	case 0: return "no error";
	case EBADF: return "EBADF";
	case EFAULT: return "EFAULT";
	case EINVAL: return "EINVAL";
	case ENOMEM: return "ENOMEM";
	case ENOSYS: return "ENOSYS";
	case EPERM: return "EPERM";
	case ERANGE: return "ERANGE";
	case ECHILD: return "ECHILD";
	case ENOENT: return "ENOENT";
	case EAGAIN: return "EAGAIN";
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
	case SIGTRAP: return "SIGTRAP";
	case SIGFPE: return "SIGFPE";
	case SIGKILL: return "SIGKILL";
	case SIGABRT: return "SIGABRT";
	}
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

/* A system call that must fail with @want. */
static void fails(long ret, int want, const char *what)
{
	int err = errno;

	if (!ok(ret == -1 && err == want, "%s: %s", what, errno_name(want)))
		diag("got %ld, %s", ret, errno_name(ret == -1 ? err : 0));
}

/* ---- children that may die ---------------------------------------------- */

/* Run @fn in a child: "exit N" (fn returned: exit 0) or the signal. */
static const char *in_child(void (*fn)(void))
{
	static char buf[32];
	int status = 0;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return "fork or wait failed";
	if (WIFEXITED(status)) {
		snprintf(buf, sizeof(buf), "exit %d", WEXITSTATUS(status));
		return buf;
	}
	return WIFSIGNALED(status) ? signal_name(WTERMSIG(status)) : "stopped";
}

static void dies(void (*fn)(void), const char *want, const char *what)
{
	const char *got = in_child(fn);

	if (!ok(!strcmp(got, want), "%s: %s", what, want))
		diag("got %s", got);
}

/* ---- jumping and reaching into the kernel ------------------------------- */

#ifdef __x86_64__
#define JUMP(addr) __asm__ volatile("jmp *%0" : : "r"(addr))
#else
#define JUMP(addr) __asm__ volatile("mtctr %0; bctr" : : "r"(addr) : "ctr")
#endif

static void jump_kernel(void) { JUMP(KERNEL_TEXT); }
static void jump_noncanonical(void) { JUMP(NONCANONICAL); }
static void jump_null(void) { JUMP(0UL); }
static void read_kernel(void) { (void)*(volatile long *)KERNEL_ADDR; }
static void write_kernel(void) { *(volatile long *)KERNEL_ADDR = 1; }
static void read_noncanonical(void) { (void)*(volatile long *)NONCANONICAL; }

static void test_kernel_space(void)
{
	dies(jump_kernel, "SIGSEGV", "a jump to the kernel's text");
	dies(jump_noncanonical, "SIGSEGV", "a jump to 0x8000000000000000");
	dies(jump_null, "SIGSEGV", "a jump to address 0");
	dies(read_kernel, "SIGSEGV", "a load from kernel space");
	dies(write_kernel, "SIGSEGV", "a store to kernel space");
	dies(read_noncanonical, "SIGSEGV", "a load from 0x8000000000000000");
}

/* ---- instructions user mode may not run --------------------------------- */

/*
 * Each is a function of one instruction; the child calls it and, if it
 * is still alive after it, exits 0.  Raw words, not mnemonics: the
 * assembler need not know them all.
 */
#ifdef __x86_64__
#define INSN(name, bytes) \
	static void name(void) { __asm__ volatile(".byte " bytes ::: "memory"); }
#define PRIV_SIG "SIGSEGV"

INSN(i_undefined, "0x0f, 0x0b")			/* ud2 */
INSN(i_breakpoint, "0xcc")			/* int3 */
INSN(i_int3_long, "0xcd, 0x03")			/* int $3 */
INSN(i_hlt, "0xf4")
INSN(i_cli, "0xfa")
INSN(i_sti, "0xfb")
INSN(i_in, "0xe4, 0x80")			/* in $0x80,%al */
INSN(i_out, "0xe6, 0x80")			/* out %al,$0x80 */
INSN(i_rdmsr, "0x0f, 0x32")
INSN(i_wrmsr, "0x0f, 0x30")
INSN(i_mov_cr3, "0x0f, 0x20, 0xd8")		/* mov %cr3,%rax */
INSN(i_lgdt, "0x0f, 0x01, 0x14, 0x24")		/* lgdt (%rsp) */
INSN(i_lidt, "0x0f, 0x01, 0x1c, 0x24")		/* lidt (%rsp) */
INSN(i_invlpg, "0x0f, 0x01, 0x3c, 0x24")	/* invlpg (%rsp) */
INSN(i_wbinvd, "0x0f, 0x09")
INSN(i_swapgs, "0x0f, 0x01, 0xf8")
INSN(i_clts, "0x0f, 0x06")
INSN(i_sysret, "0x48, 0x0f, 0x07")		/* sysretq */
INSN(i_ltr, "0x0f, 0x00, 0xd8")			/* ltr %ax */
#else
#define INSN(name, word) \
	static void name(void) { __asm__ volatile(".long " word ::: "memory"); }
#define PRIV_SIG "SIGILL"

INSN(i_undefined, "0")				/* primary opcode 0 */
INSN(i_breakpoint, "0x7fe00008")		/* trap (tw 31,0,0) */
INSN(i_int3_long, "0x0fe00000")			/* twi 31,0,0 */
INSN(i_hlt, "0x4c000364")			/* rvwinkle */
INSN(i_cli, "0x7c6000a6")			/* mfmsr r3 */
INSN(i_sti, "0x7c600164")			/* mtmsrd r3 */
INSN(i_in, "0x7c600124")			/* mtmsr r3 */
INSN(i_out, "0x4c000024")			/* rfid */
INSN(i_rdmsr, "0x4c000224")			/* hrfid */
INSN(i_wrmsr, "0x7c7a02a6")			/* mfspr r3,SRR0 */
INSN(i_mov_cr3, "0x7c7043a6")			/* mtspr SPRG0,r3 */
INSN(i_lgdt, "0x7c704aa6")			/* mfspr r3,HSPRG0 */
INSN(i_lidt, "0x7c7e4ba6")			/* mtspr LPCR,r3 */
INSN(i_invlpg, "0x7c001a64")			/* tlbie r3 */
INSN(i_wbinvd, "0x7c0003e4")			/* slbia */
INSN(i_swapgs, "0x7c7603a6")			/* mtspr DEC,r3 */
INSN(i_clts, "0x7c7902a6")			/* mfspr r3,SDR1 */
INSN(i_sysret, "0x4c000324")			/* nap */
INSN(i_ltr, "0x7c00046c")			/* tlbsync */
#endif

static void (*const privileged[])(void) = {
	i_hlt, i_cli, i_sti, i_in, i_out, i_rdmsr, i_wrmsr, i_mov_cr3,
	i_lgdt, i_lidt, i_invlpg, i_wbinvd, i_swapgs, i_clts, i_sysret, i_ltr,
};

#ifdef __x86_64__
/*
 * "int $N; ret" for every N, three bytes each.  Only int3 (3) and into
 * (4) are open to user mode on Linux (and 0x80, the 32-bit system call
 * entry, which is left out: what it does depends on the kernel's
 * configuration); every other vector's gate raises #GP.
 */
__asm__(".pushsection .text\n"
	".globl hostile_int_table\n"
	"hostile_int_table:\n"
	".set vec, 0\n"
	".rept 256\n"
	".byte 0xcd, vec, 0xc3\n"
	".set vec, vec + 1\n"
	".endr\n"
	".popsection");
extern const char hostile_int_table[];
static int vector;

static void int_n(void)
{
	((void (*)(void))(hostile_int_table + 3 * vector))();
}

static const char *int_expected(int v)
{
	return v == 3 ? "SIGTRAP" : "SIGSEGV";
}
#endif

static void test_instructions(void)
{
	const char *got;
	int bad = 0;

	dies(i_undefined, "SIGILL",
	     "an undefined instruction (x86 ud2, ppc64 word 0)");
	dies(i_breakpoint, "SIGTRAP",
	     "a breakpoint (x86 int3, ppc64 trap)");
	dies(i_int3_long, "SIGTRAP",
	     "its other form (x86 int $3, ppc64 twi 31)");
	for (size_t i = 0; i < sizeof(privileged) / sizeof(privileged[0]); i++) {
		got = in_child(privileged[i]);
		if (strcmp(got, PRIV_SIG)) {
			diag("privileged instruction %zu: %s", i, got);
			bad++;
		}
	}
	ok(!bad, "16 privileged instructions (hlt, cli, in, rdmsr, mov to "
	   "cr3, lgdt, swapgs...; mfmsr, mtmsrd, rfid, mtspr SPRG0, tlbie, "
	   "slbia...) each kill: x86 SIGSEGV, ppc64 SIGILL");
	bad = 0;
#ifdef __x86_64__
	for (vector = 0; vector < 256; vector++) {
		if (vector == 0x80)
			continue;
		got = in_child(int_n);
		if (strcmp(got, int_expected(vector))) {
			diag("int $%#x: %s", vector, got);
			bad++;
		}
	}
#endif
	ok(!bad, "x86: int $N for every vector but 3 and 0x80 is SIGSEGV "
	   "(ppc64: nothing to try)");
}

/* ---- forged signal frames ----------------------------------------------- */

/*
 * rt_sigreturn with the stack pointer at @frame: the kernel takes the
 * registers from whatever lies there.
 */
static void sigreturn_on(void *frame)
{
#ifdef __x86_64__
	__asm__ volatile("mov %0, %%rsp\n\t"
			 "mov %1, %%eax\n\t"
			 "syscall"
			 : : "r"(frame), "i"(__NR_rt_sigreturn) : "memory");
#else
	__asm__ volatile("mr 1, %0\n\t"
			 "li 0, %1\n\t"
			 "sc"
			 : : "r"(frame), "i"(__NR_rt_sigreturn)
			 : "memory", "r0");
#endif
	__builtin_unreachable();
}

static unsigned long frame_buf[2048] __attribute__((aligned(64)));
static unsigned long stack_buf[2048] __attribute__((aligned(64)));

static void sigreturn_pattern(void)
{
	memset(frame_buf, 0x41, sizeof(frame_buf));
	sigreturn_on(frame_buf + 256);
}

static void sigreturn_zeros(void)
{
	memset(frame_buf, 0, sizeof(frame_buf));
	sigreturn_on(frame_buf + 256);
}

static void sigreturn_unmapped(void)
{
	sigreturn_on((void *)0x1000);
}

static void sigreturn_kernel(void)
{
	sigreturn_on((void *)KERNEL_ADDR);
}

/*
 * A well-formed frame that asks for privilege: x86 RFLAGS with IOPL 3
 * (cli would then be allowed), ppc64 an MSR with PR clear (supervisor
 * state).  It resumes at a privileged instruction, which must still
 * fault; if it does not, the child exits 0.
 */
#ifdef __x86_64__
__asm__(".pushsection .text\n"
	"hostile_priv_target:\n"
	"cli\n"
	"mov $60, %eax\n"	/* exit(0): the privilege was granted */
	"xor %edi, %edi\n"
	"syscall\n"
	".popsection");
extern const char hostile_priv_target[];

/* Offsets in Linux's x86_64 ucontext, which starts at RSP. */
enum { UC_MCONTEXT = 40, SC_RSP = 120, SC_RIP = 128, SC_EFLAGS = 136,
       SC_SEGS = 144, SC_FPSTATE = 184 };

static void put_frame(unsigned long *f, int off, unsigned long v)
{
	f[(UC_MCONTEXT + off) / 8] = v;
}

static void forge_frame(unsigned long rip, unsigned long flags)
{
	unsigned short cs, ss;

	__asm__("mov %%cs, %0; mov %%ss, %1" : "=r"(cs), "=r"(ss));
	memset(frame_buf, 0, sizeof(frame_buf));
	put_frame(frame_buf + 256, SC_RIP, rip);
	put_frame(frame_buf + 256, SC_RSP,
		  (unsigned long)(stack_buf + 1024));
	put_frame(frame_buf + 256, SC_EFLAGS, flags);
	put_frame(frame_buf + 256, SC_SEGS, cs | (unsigned long)ss << 48);
	sigreturn_on(frame_buf + 256);
}

static void sigreturn_privileged(void)
{
	forge_frame((unsigned long)hostile_priv_target, 0x3202); /* IOPL 3 */
}

/* TF set: one instruction, then a debug trap. */
static void sigreturn_trap_flag(void)
{
	forge_frame((unsigned long)hostile_priv_target + 1, 0x302);
}
#else
/* Offsets in Linux's ppc64 rt_sigframe, 144 bytes above r1. */
enum { FRAME_OFF = 128 + 16, UC_MCONTEXT = 168, SC_GP_REGS = 64,
       PT_NIP = 32, PT_MSR = 33 };

__asm__(".pushsection .text\n"
	".p2align 2\n"
	"hostile_priv_target:\n"
	".long 0x7c6000a6\n"	/* mfmsr r3 */
	"li 0, 1\n"		/* exit(0): the privilege was granted */
	"li 3, 0\n"
	"sc\n"
	".popsection");
extern const char hostile_priv_target[];

static void put_reg(int reg, unsigned long v)
{
	char *f = (char *)(frame_buf + 256) + FRAME_OFF;

	memcpy(f + UC_MCONTEXT + SC_GP_REGS + 8 * reg, &v, sizeof(v));
}

static void forge_frame(unsigned long nip, unsigned long msr)
{
	memset(frame_buf, 0, sizeof(frame_buf));
	put_reg(1, (unsigned long)(stack_buf + 1024));
	put_reg(PT_NIP, nip);
	put_reg(PT_MSR, msr);
	sigreturn_on(frame_buf + 256);
}

static void sigreturn_privileged(void)
{
	/* SF, HV, ME, IR, DR, RI, FP: all a kernel's, PR clear. */
	forge_frame((unsigned long)hostile_priv_target, 0x9000000000003032UL);
}

/* MSR[SE], single-step: Linux takes nothing from the frame's MSR but
 * LE, so the program runs on and exits 0. */
static void sigreturn_trap_flag(void)
{
	forge_frame((unsigned long)hostile_priv_target + 4,
		    0x8000000000004432UL);
}
#endif

static void test_sigreturn(void)
{
	const char *got;
	int good;

	dies(sigreturn_pattern, "SIGSEGV", "rt_sigreturn on a frame of 0x41s");
	dies(sigreturn_zeros, "SIGSEGV", "rt_sigreturn on a frame of zeros");
	dies(sigreturn_unmapped, "SIGSEGV",
	     "rt_sigreturn with the stack pointer unmapped");
	dies(sigreturn_kernel, "SIGSEGV",
	     "rt_sigreturn with the stack pointer in kernel space");
	/*
	 * The next two only check what must not happen: the privilege or
	 * the single-step granted.  (qemu-ppc64 7.2 crashes on such frames
	 * with SIGSEGV of its own, which counts as not granted.)
	 */
	got = in_child(sigreturn_privileged);
	if (!ok(strncmp(got, "SIG", 3) == 0,
		"a frame asking for privilege (x86 IOPL 3, ppc64 MSR[PR] 0): "
		"cli/mfmsr still kills"))
		diag("got %s", got);
	got = in_child(sigreturn_trap_flag);
#ifdef __x86_64__
	good = !strcmp(got, "SIGTRAP");
#else
	good = strcmp(got, "SIGTRAP") != 0;
#endif
	if (!ok(good, "a frame asking to single-step: x86 TF is the user's "
		"(SIGTRAP), ppc64 MSR[SE] is not (no SIGTRAP)"))
		diag("got %s", got);
}

/* ---- signal delivery that cannot work ------------------------------------ */

/* Linux's struct sigaction, as the kernel reads it (both arches). */
struct kernel_sigaction {
	unsigned long handler, flags, restorer, mask;
};

#define L_SA_RESTORER	0x04000000

static void raw_sigaction(int sig, unsigned long handler,
			  unsigned long flags)
{
	struct kernel_sigaction sa = {
		.handler = handler,
		/* x86 needs a restorer; nothing here returns to it. */
		.flags = flags | L_SA_RESTORER,
		.restorer = handler,
	};

	syscall(__NR_rt_sigaction, sig, &sa, NULL, 8);
}

static void on_signal(int sig)
{
	(void)sig;
	_exit(9);
}

static void handler_in_kernel(void)
{
	raw_sigaction(L_SIGUSR1, KERNEL_TEXT, 0);
	syscall(__NR_kill, getpid(), L_SIGUSR1);
}

static void handler_unmapped_stack(void)
{
	struct { void *sp; int flags; size_t size; } ss = {
		(void *)0x10000, 0, 1 << 16,
	};

	syscall(__NR_sigaltstack, &ss, NULL);
	raw_sigaction(L_SIGUSR1, (unsigned long)on_signal, L_SA_ONSTACK);
	syscall(__NR_kill, getpid(), L_SIGUSR1);
}

/* Deeper than any stack: the limit only keeps the compiler quiet. */
static volatile int max_depth = 1 << 30;
static int *volatile null_ptr = (int *)8;

static int recurse(int n)
{
	volatile char buf[512];

	buf[0] = (char)n;
	if (n >= max_depth)
		return 0;
	return recurse(n + 1) + buf[0];
}

static void overflow(void)
{
	recurse(0);
}

static void overflow_with_handler(void)
{
	signal(SIGSEGV, on_signal);
	recurse(0);
}

static void faulting_handler(int sig)
{
	(void)sig;
	*null_ptr = 1;
}

static void handler_faults(void)
{
	signal(SIGSEGV, faulting_handler);
	*null_ptr = 1;
}

static void test_delivery(void)
{
	dies(handler_in_kernel, "SIGSEGV",
	     "a signal handler in kernel space");
	dies(handler_unmapped_stack, "SIGSEGV",
	     "a handler on an unmapped alternate stack");
	dies(overflow, "SIGSEGV", "a runaway recursion");
	dies(overflow_with_handler, "SIGSEGV",
	     "a runaway recursion with a SIGSEGV handler but no stack for it");
	dies(handler_faults, "SIGSEGV", "a SIGSEGV handler that faults too");
}

/* ---- system call numbers ---------------------------------------------------- */

static void test_numbers(void)
{
	fails(syscall(-1), ENOSYS, "system call -1");
	fails(syscall(-4096), ENOSYS, "system call -4096");
	fails(syscall(1000), ENOSYS, "system call 1000");
	fails(syscall(100000), ENOSYS, "system call 100000");
	fails(syscall(0x7fffffff), ENOSYS, "system call 0x7fffffff");
}

/* ---- bad pointers ------------------------------------------------------------ */

static int file_fd, dir_fd;

static long c_read(void *p) { return syscall(__NR_read, file_fd, p, 16); }
static long c_write(void *p) { return syscall(__NR_write, file_fd, p, 16); }
static long c_open(void *p) { return syscall(__NR_open, p, O_RDONLY); }
static long c_stat_path(void *p)
{
	static char st[512];

	return syscall(__NR_stat, p, st);
}
static long c_stat_buf(void *p) { return syscall(__NR_stat, ".", p); }
static long c_sigaction_new(void *p)
{
	return syscall(__NR_rt_sigaction, L_SIGUSR1, p, NULL, 8);
}
static long c_sigaction_old(void *p)
{
	return syscall(__NR_rt_sigaction, L_SIGUSR1, NULL, p, 8);
}
static long c_sigprocmask_new(void *p)
{
	return syscall(__NR_rt_sigprocmask, L_SIG_BLOCK, p, NULL, 8);
}
static long c_sigprocmask_old(void *p)
{
	return syscall(__NR_rt_sigprocmask, L_SIG_BLOCK, NULL, p, 8);
}
static long c_clock_gettime(void *p)
{
	return syscall(__NR_clock_gettime, L_CLOCK_MONOTONIC, p);
}
static long c_gettimeofday(void *p)
{
	return syscall(__NR_gettimeofday, p, NULL);
}
static long c_uname(void *p) { return syscall(__NR_uname, p); }
static long c_pipe(void *p) { return syscall(__NR_pipe, p); }
static long c_getcwd(void *p) { return syscall(__NR_getcwd, p, 256); }
static long c_chdir(void *p) { return syscall(__NR_chdir, p); }
static long c_readv(void *p) { return syscall(__NR_readv, file_fd, p, 1); }
static long c_readv_base(void *p)
{
	struct { void *base; size_t len; } iov = { p, 16 };

	return syscall(__NR_readv, file_fd, &iov, 1);
}
static long c_getdents64(void *p)
{
	return syscall(__NR_getdents64, dir_fd, p, 4096);
}
static long c_sysinfo(void *p) { return syscall(__NR_sysinfo, p); }
static long c_prlimit(void *p)
{
	return syscall(__NR_prlimit64, 0, L_RLIMIT_STACK, NULL, p);
}
static long c_getaffinity(void *p)
{
	return syscall(__NR_sched_getaffinity, 0, 8, p);
}
static long c_futex(void *p)
{
	return syscall(__NR_futex, p, L_FUTEX_WAIT, 0, NULL);
}
static long c_sigaltstack(void *p)
{
	return syscall(__NR_sigaltstack, p, NULL);
}
static long c_getrandom(void *p) { return syscall(__NR_getrandom, p, 16, 0); }
static long c_execve(void *p)
{
	return syscall(__NR_execve, p, NULL, NULL);
}

/*
 * Not here: nanosleep, to which qemu-ppc64 says EINVAL for a bad
 * pointer (Linux and anvil: EFAULT).
 */
static const struct {
	const char *what;
	long (*call)(void *p);
} pointer_calls[] = {
	{ "read into", c_read },
	{ "write from", c_write },
	{ "open of a path at", c_open },
	{ "stat of a path at", c_stat_path },
	{ "stat into", c_stat_buf },
	{ "rt_sigaction's new action at", c_sigaction_new },
	{ "rt_sigaction's old action at", c_sigaction_old },
	{ "rt_sigprocmask's new mask at", c_sigprocmask_new },
	{ "rt_sigprocmask's old mask at", c_sigprocmask_old },
	{ "clock_gettime into", c_clock_gettime },
	{ "gettimeofday into", c_gettimeofday },
	{ "uname into", c_uname },
	{ "pipe's fds into", c_pipe },
	{ "getcwd into", c_getcwd },
	{ "chdir to a path at", c_chdir },
	{ "readv's iovec at", c_readv },
	{ "readv into", c_readv_base },
	{ "getdents64 into", c_getdents64 },
	{ "sysinfo into", c_sysinfo },
	{ "prlimit64's old limit into", c_prlimit },
	{ "sched_getaffinity into", c_getaffinity },
	{ "futex wait on", c_futex },
	{ "sigaltstack from", c_sigaltstack },
	{ "getrandom into", c_getrandom },
	{ "execve of a path at", c_execve },
};

#define NR_POINTER_CALLS \
	((int)(sizeof(pointer_calls) / sizeof(pointer_calls[0])))

static void test_pointers(void)
{
	int status;
	pid_t pid;

	file_fd = open("hostile.tmp", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(file_fd, "0123456789abcdefghijklmnopqrstuvwxyz", 36);
	lseek(file_fd, 0, SEEK_SET);
	dir_fd = open(".", O_RDONLY);
	for (int i = 0; i < NR_POINTER_CALLS; i++) {
		int bad = 0;

		for (int j = 0; j < NR_BAD; j++) {
			long r;

			errno = 0;
			r = pointer_calls[i].call(bad_ptrs[j]);
			if (r != -1 || errno != EFAULT) {
				diag("%s %s: %ld, %s", pointer_calls[i].what,
				     bad_names[j], r, errno_name(errno));
				bad++;
			}
		}
		ok(!bad, "%s page 0, kernel space, 0x8000000000000000: EFAULT",
		   pointer_calls[i].what);
	}

	/* The child is reaped even though its status cannot be stored. */
	pid = fork();
	if (pid == 0)
		_exit(5);
	fails(syscall(__NR_wait4, pid, bad_ptrs[1], 0, NULL), EFAULT,
	      "wait4 storing the status in kernel space");
	fails(waitpid(pid, &status, 0), ECHILD, "... and the child is gone");
	close(dir_fd);
	close(file_fd);
	unlink("hostile.tmp");
}

/* ---- absurd sizes -------------------------------------------------------------- */

static void test_sizes(void)
{
	/*
	 * Not here: readv of one 2^62-byte iovec.  Linux clamps it and
	 * reads what there is; qemu-ppc64 checks the whole range first and
	 * says EFAULT.
	 */
	char buf[64];
	struct { void *base; size_t len; } iov[2] = {
		{ buf, 8 }, { buf, 8 },
	};
	int fd = open("hostile.tmp", O_RDWR | O_CREAT | O_TRUNC, 0644);

	write(fd, "some bytes", 10);
	lseek(fd, 0, SEEK_SET);
	fails(syscall(__NR_read, fd, buf, 1UL << 62), EFAULT,
	      "read of 2^62 bytes into 64");
	fails(syscall(__NR_write, fd, buf, 1UL << 62), EFAULT,
	      "write of 2^62 bytes from 64");
	fails(syscall(__NR_read, fd, buf, ~0UL), EFAULT,
	      "read of SIZE_MAX bytes");
	fails(syscall(__NR_writev, fd, iov, 1025), EINVAL,
	      "writev of 1025 iovecs");
	fails(syscall(__NR_writev, fd, iov, -1), EINVAL, "writev of -1 iovecs");
	fails(syscall(__NR_read, -1, buf, 1), EBADF, "read from fd -1");
	fails(syscall(__NR_read, 0x7fffffff, buf, 1), EBADF,
	      "read from fd 2^31-1");
	fails(syscall(__NR_dup2, fd, 1 << 30), EBADF, "dup2 to fd 2^30");
	fails(syscall(__NR_getcwd, buf, 0), ERANGE, "getcwd into 0 bytes");
	fails(syscall(__NR_rt_sigaction, L_SIGUSR1, NULL, NULL, 4), EINVAL,
	      "rt_sigaction with a 4-byte sigset");
	fails(syscall(__NR_rt_sigaction, 65, NULL, NULL, 8), EINVAL,
	      "rt_sigaction of signal 65");
	fails(syscall(__NR_rt_sigprocmask, 99, buf, NULL, 8), EINVAL,
	      "rt_sigprocmask with how 99");
	close(fd);
	unlink("hostile.tmp");
}

/* ---- mappings over the kernel ------------------------------------------------ */

static void test_mappings(void)
{
	long cur, r;

	fails(syscall(__NR_mmap, KERNEL_ADDR, 4096, PROT_READ | PROT_WRITE,
		      L_MAP_PRIVATE | L_MAP_ANONYMOUS | L_MAP_FIXED, -1, 0),
	      ENOMEM, "mmap MAP_FIXED in kernel space");
	fails(syscall(__NR_mmap, NONCANONICAL, 4096, PROT_READ,
		      L_MAP_PRIVATE | L_MAP_ANONYMOUS | L_MAP_FIXED, -1, 0),
	      ENOMEM, "mmap MAP_FIXED at 0x8000000000000000");
	r = syscall(__NR_mmap, KERNEL_ADDR, 4096, PROT_READ,
		    L_MAP_PRIVATE | L_MAP_ANONYMOUS, -1, 0);
	ok(r != -1 && (unsigned long)r < KERNEL_ADDR,
	   "mmap with a kernel-space hint: the hint is ignored");
	if (r != -1)
		syscall(__NR_munmap, r, 4096);
	fails(syscall(__NR_mmap, 0, 1UL << 62, PROT_READ,
		      L_MAP_PRIVATE | L_MAP_ANONYMOUS, -1, 0),
	      ENOMEM, "mmap of 2^62 bytes");
	fails(syscall(__NR_mmap, 0, 0, PROT_READ,
		      L_MAP_PRIVATE | L_MAP_ANONYMOUS, -1, 0),
	      EINVAL, "mmap of 0 bytes");
	fails(syscall(__NR_munmap, KERNEL_ADDR, 4096), EINVAL,
	      "munmap in kernel space");
	fails(syscall(__NR_munmap, 4096 + 1, 4096), EINVAL,
	      "munmap at an unaligned address");
	fails(syscall(__NR_mprotect, KERNEL_ADDR, 4096, PROT_READ), ENOMEM,
	      "mprotect in kernel space");
	cur = syscall(__NR_brk, 0);
	ok(syscall(__NR_brk, KERNEL_ADDR) == cur,
	   "brk into kernel space: the break stays where it was");
	ok(syscall(__NR_brk, NONCANONICAL) == cur,
	   "brk to 0x8000000000000000: the break stays where it was");
}

/* ---- a bad pointer the kernel uses only at exit ------------------------------ */

static void tid_address_in_kernel(void)
{
	syscall(__NR_set_tid_address, KERNEL_ADDR);
	syscall(__NR_set_robust_list, KERNEL_ADDR, 24);
	_exit(3);
}

int main(void)
{
	plan(6 + 5 + 6 + 5 + 5 + NR_POINTER_CALLS + 2 + 12 + 10 + 1);
	test_kernel_space();
	test_instructions();
	test_sigreturn();
	test_delivery();
	test_numbers();
	test_pointers();
	test_sizes();
	test_mappings();
	dies(tid_address_in_kernel, "exit 3",
	     "set_tid_address and set_robust_list in kernel space, then exit");
	return done();
}
