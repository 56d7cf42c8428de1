// SPDX-License-Identifier: MIT
/*
 * arch/ppc64/tests/user_test.c: problem state, system calls, and user
 * memory.
 *
 * Run with "anvil.test=ppc64_user" (or "all"); built with DEBUG=1 like
 * the other arch tests. Each user thread is a kernel thread that builds
 * a tiny address space with the generic mm (mm_alloc, kthread_use_mm,
 * do_mmap with MAP_FIXED, copy_to_user), then enters problem state with
 * arch_start_user() through an ELFv1 function descriptor. Its system
 * calls are caught by ppc64_syscall_test_hook (kernel/syscall.c); the
 * numbers the hook does not know go on to the generic do_syscall().
 *
 *   user_mode_syscalls      arguments, number, frame, the return
 *                           convention (r3 and CR0[SO]) for success and
 *                           failure, a real generic call (getpid), the
 *                           registers a call preserves, r13 (the user's
 *                           TLS pointer) and f14 across decrementer
 *                           ticks taken in user mode, r2 from the
 *                           descriptor
 *   fp_registers_follow_the_task  two user threads on one CPU, each
 *                           with its own f14, yield to each other: the
 *                           eager FP switch keeps them apart
 *   user_exceptions_become_signals  an illegal or privileged
 *                           instruction, a trap, bad loads and stores,
 *                           a misaligned lwarx: each ends its task with
 *                           the signal Linux would send
 *   usercopy_*              copy_{from,to}_user / clear_user / strings
 *                           against unpopulated, populated, copy-on-
 *                           write, partly mapped, unmapped and kernel
 *                           addresses: exact "bytes not copied", never
 *                           an oops
 *   plain_access_*          a kernel dereference of a user address
 *                           outside uaccess is an oops
 *
 * The address space (every page a MAP_FIXED anonymous mapping):
 *
 *   USER_CODE   0x10000000   r-x  the program (written, then mprotect)
 *   USER_DATA   0x10010000   rw-  +0 the entry descriptor, +0x100 an FP
 *                                 value in, +0x108 the value out; the
 *                                 page after it stays unmapped
 *   USER_STACK  0x10020000   rw-  one page of stack
 */
#include <anvil/arch.h>
#include <anvil/completion.h>
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/sched/mm.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/time.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/reg.h>
#include <asm/traps.h>
#include <anvil/uaccess.h>

#define USER_CODE 0x10000000UL
#define USER_DATA 0x10010000UL
#define USER_STACK 0x10020000UL
#define USER_STACK_TOP (USER_STACK + PAGE_SIZE)
#define USER_DESC USER_DATA
#define FP_IN 0x100
#define FP_OUT 0x108

/* The test's own call numbers, far above Linux's. */
#define NR_RECORD 1000	/* record the frame, return 0x1234 */
#define NR_FAIL 1001	/* return -EINVAL */
#define NR_REPORT 1002	/* record six values */
#define NR_YIELD 1003	/* yield(), noting who ran meanwhile */
#define NR_EXIT 1004	/* record six values, the thread is done */

#define TLS_MARK 0x13131313UL
#define TOC_MARK 0x2222UL

/*
 * The programs: position independent, in .rodata, copied to USER_CODE.
 * Big-endian ELFv1 code, no function calls. The main one spins ~30 ms
 * on the timebase (512 MHz) between its calls, so decrementer ticks
 * land in user mode.
 */
extern const char user_prog[], user_prog_end[];
extern const char fp_prog[], fp_prog_end[];
__asm__(".pushsection .rodata\n"
	"user_prog:\n"
	"	lis 13, 0x1313\n"
	"	ori 13, 13, 0x1313\n"		/* the TLS pointer */
	"	li 14, 0x77\n"			/* callee-saved */
	"	lis 9, 0x1001\n"		/* USER_DATA */
	"	lfd 14, 0x100(9)\n"		/* FP_IN */
	"	li 0, 1000\n"			/* NR_RECORD */
	"	li 3, 0x11\n"
	"	li 4, 0x22\n"
	"	li 5, 0x33\n"
	"	li 6, 0x44\n"
	"	li 7, 0x55\n"
	"	li 8, 0x66\n"
	"	sc\n"
	"	mfcr 15\n"			/* CR0[SO] clear */
	"	mr 16, 3\n"			/* 0x1234 */
	"	stdu 1, -128(1)\n"		/* the stack works */
	"	std 16, 112(1)\n"
	"	li 0, 1001\n"			/* NR_FAIL */
	"	sc\n"
	"	mfcr 17\n"			/* CR0[SO] set */
	"	mr 18, 3\n"			/* EINVAL, positive */
	"	li 0, 20\n"			/* __NR_getpid: generic */
	"	sc\n"
	"	mr 19, 3\n"
	"	mfcr 20\n"
	"	mftb 21\n"			/* spin ~30 ms */
	"	addis 22, 21, 0xea\n"
	"1:	mftb 21\n"
	"	cmpld 21, 22\n"
	"	blt 1b\n"
	"	lis 9, 0x1001\n"
	"	stfd 14, 0x108(9)\n"		/* FP_OUT */
	"	ld 23, 112(1)\n"
	"	addi 1, 1, 128\n"
	"	li 0, 1002\n"			/* NR_REPORT */
	"	mr 3, 15\n"
	"	mr 4, 16\n"
	"	mr 5, 17\n"
	"	mr 6, 18\n"
	"	mr 7, 19\n"
	"	mr 8, 20\n"
	"	sc\n"
	"	li 0, 1004\n"			/* NR_EXIT */
	"	mr 3, 13\n"
	"	mr 4, 14\n"
	"	mr 5, 2\n"
	"	mr 6, 1\n"
	"	mr 7, 23\n"
	"	li 8, 0\n"
	"	sc\n"
	"	trap\n"
	"user_prog_end:\n"
	"fp_prog:\n"
	"	lis 9, 0x1001\n"
	"	lfd 14, 0x100(9)\n"		/* this thread's own value */
	"	li 20, 40\n"
	"2:	li 0, 1003\n"			/* NR_YIELD */
	"	sc\n"
	"	addi 20, 20, -1\n"
	"	cmpdi 20, 0\n"
	"	bne 2b\n"
	"	lis 9, 0x1001\n"
	"	stfd 14, 0x108(9)\n"
	"	li 0, 1004\n"			/* NR_EXIT */
	"	sc\n"
	"	trap\n"
	"fp_prog_end:\n"
	".popsection\n");

/* One instruction or three that must end the task with a signal. */
struct bad_prog {
	const char *what;
	u32 insn[4];
	int sig;
};

#define PPC_NOP 0x60000000
static const struct bad_prog bad_progs[] = {
	/* 0 is no instruction: POWER8 in HV mode reports it as 0xe40. */
	{ "illegal instruction", { 0x00000000 }, SIGILL },
	{ "trap (tw 31,0,0)", { 0x7fe00008 }, SIGTRAP },
	{ "privileged mfmsr", { 0x7c6000a6 }, SIGILL },
	/* li 3,0; ld 4,0(3): NULL, no segment at all */
	{ "load from NULL", { 0x38600000, 0xe8830000 }, SIGSEGV },
	/* lis 3,0x1000; stw 3,0(3): the r-x code page */
	{ "store to the code", { 0x3c601000, 0x90630000 }, SIGSEGV },
	/* lis 3,-0x4000; sldi 3,3,32; ld 4,0(3): 0xc000000000000000 */
	{ "load from the kernel", { 0x3c60c000, 0x786307c6, 0xe8830000 },
	  SIGSEGV },
	/* lis 3,0x1001; addi 3,3,1; lwarx 4,0,3: misaligned reservation */
	{ "misaligned lwarx", { 0x3c601001, 0x38630001, 0x7c801828 },
	  SIGBUS },
};

struct user_env {
	struct mm_struct *mm;
	const void *prog;
	size_t prog_len;
	u64 fp_in;
	struct task_struct *task;
	struct completion done;
	int setup_err;
	/* What the system calls saw. */
	unsigned long rec_args[6], rec_nr, rec_nip, rec_msr, rec_r1, rec_r2;
	unsigned long rec_r13, rec_trap, rec_orig_gpr3;
	bool rec_in_syscall, rec_current_ok;
	u64 rec_jiffies, exit_jiffies;
	unsigned long report[6], exit_args[6];
	long pid;			/* sys_getpid() in that thread */
	u64 fp_out;
	unsigned int nr_syscalls, yields, interleaved;
};

/* The user threads of the running case; the hook looks itself up. */
#define MAX_ENVS 2
static struct user_env *envs[MAX_ENVS];
static unsigned long yield_seq;

static struct user_env *env_of_current(void)
{
	for (int i = 0; i < MAX_ENVS; i++)
		if (envs[i] && envs[i]->task == current)
			return envs[i];
	return NULL;
}

/*
 * Make the instruction cache see the program: push the new lines out of
 * the data cache, then drop stale instruction lines. Done on the page's
 * kernel address, as the caches work on real addresses; a kernel
 * cache operation on the user address would be a user access outside
 * uaccess.
 */
static void flush_user_code(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;
	unsigned long a, start;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr)
		page = follow_page(vma, addr);
	up_read(&mm->mmap_lock);
	if (!page)
		return;
	start = (unsigned long)page_address(page);
	for (a = start; a < start + PAGE_SIZE; a += L1_CACHE_BYTES)
		__asm__ __volatile__("dcbst 0,%0" : : "r"(a) : "memory");
	__asm__ __volatile__("sync" : : : "memory");
	for (a = start; a < start + PAGE_SIZE; a += L1_CACHE_BYTES)
		__asm__ __volatile__("icbi 0,%0" : : "r"(a) : "memory");
	__asm__ __volatile__("sync; isync" : : : "memory");
}

#define FIXED (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)

/* The address space of @e, built in the current (user) thread's mm. */
static int build_address_space(struct user_env *e)
{
	struct mm_struct *mm = e->mm;
	unsigned long desc[3] = { USER_CODE, TOC_MARK, 0 };

	if (do_mmap(mm, USER_CODE, PAGE_SIZE, PROT_READ | PROT_WRITE, FIXED,
		    -1, 0) != USER_CODE ||
	    do_mmap(mm, USER_DATA, PAGE_SIZE, PROT_READ | PROT_WRITE, FIXED,
		    -1, 0) != USER_DATA ||
	    do_mmap(mm, USER_STACK, PAGE_SIZE, PROT_READ | PROT_WRITE, FIXED,
		    -1, 0) != USER_STACK)
		return -ENOMEM;
	if (copy_to_user((void __user *)USER_CODE, e->prog, e->prog_len) ||
	    copy_to_user((void __user *)USER_DESC, desc, sizeof(desc)) ||
	    put_user(e->fp_in, (u64 __user *)(USER_DATA + FP_IN)))
		return -EFAULT;
	flush_user_code(mm, USER_CODE);
	return do_mprotect(mm, USER_CODE, PAGE_SIZE, PROT_READ | PROT_EXEC);
}

/* The end of a user thread: give the mm back (its reference too). */
static void __noreturn user_thread_done(struct user_env *e)
{
	kthread_unuse_mm(e->mm);
	mmput(e->mm);
	complete(&e->done);
	kthread_exit();
}

static void user_thread(void *arg)
{
	struct user_env *e = arg;

	kthread_use_mm(e->mm);
	e->setup_err = build_address_space(e);
	if (e->setup_err)
		user_thread_done(e);
	arch_start_user(task_pt_regs(current), USER_DESC, USER_STACK_TOP);
}

/* The system calls of the programs, in the thread that made them. */
static long test_syscall(struct pt_regs *regs)
{
	struct user_env *e = env_of_current();
	unsigned long seq;

	if (!e)
		return do_syscall(regs);
	e->nr_syscalls++;
	switch (syscall_get_nr(regs)) {
	case NR_RECORD:
		syscall_get_arguments(regs, e->rec_args);
		e->rec_nr = syscall_get_nr(regs);
		e->rec_nip = regs->nip;
		e->rec_msr = regs->msr;
		e->rec_r1 = regs->gpr[1];
		e->rec_r2 = regs->gpr[2];
		e->rec_r13 = regs->gpr[13];
		e->rec_trap = regs->trap;
		e->rec_orig_gpr3 = regs->orig_gpr3;
		e->rec_in_syscall = in_syscall(regs);
		e->rec_current_ok = regs == task_pt_regs(current);
		e->rec_jiffies = jiffies;
		e->pid = sys_getpid();
		return 0x1234;
	case NR_FAIL:
		return -EINVAL;
	case NR_REPORT:
		syscall_get_arguments(regs, e->report);
		return 0;
	case NR_YIELD:
		seq = ++yield_seq;
		e->yields++;
		yield();
		if (READ_ONCE(yield_seq) != seq)
			e->interleaved++;
		return 0;
	case NR_EXIT:
		syscall_get_arguments(regs, e->exit_args);
		e->exit_jiffies = jiffies;
		if (get_user(e->fp_out, (u64 __user *)(USER_DATA + FP_OUT)))
			e->fp_out = 0;
		user_thread_done(e);
	}
	return do_syscall(regs);
}

static struct user_env *env_create(const void *prog, size_t len, u64 fp_in)
{
	struct user_env *e = kzalloc(sizeof(*e), GFP_KERNEL);

	if (!e)
		return NULL;
	e->mm = mm_alloc();
	if (!e->mm) {
		kfree(e);
		return NULL;
	}
	e->prog = prog;
	e->prog_len = len;
	e->fp_in = fp_in;
	init_completion(&e->done);
	e->task = kthread_create(user_thread, e, "ppc64_user");
	if (!e->task) {
		mmput(e->mm);
		kfree(e);
		return NULL;
	}
	return e;
}

/* Wait for @e's thread to finish; false (and it is left alone) if not. */
static bool env_wait(struct ktest *t, struct user_env *e)
{
	if (!wait_for_completion_timeout(&e->done, 5 * HZ)) {
		/* Stuck in user mode: leave it (and its memory) alone. */
		ktest_fail(t, __FILE__, __LINE__, "user thread did not exit");
		return false;
	}
	kthread_join(e->task);
	return true;
}

static void run_hooked(struct user_env **es, int n)
{
	for (int i = 0; i < n; i++)
		envs[i] = es[i];
	WRITE_ONCE(ppc64_syscall_test_hook, test_syscall);
	for (int i = 0; i < n; i++)
		kthread_start(es[i]->task);
}

static void end_hooked(void)
{
	WRITE_ONCE(ppc64_syscall_test_hook, NULL);
	for (int i = 0; i < MAX_ENVS; i++)
		envs[i] = NULL;
}

#define FP_PI 0x400921fb54442d18ULL	/* 3.14159... */
#define FP_E 0x4005bf0a8b145769ULL	/* 2.71828... */
#define MSR_USER_EXPECTED (MSR_SF | MSR_HV | MSR_PR | MSR_EE | MSR_ME | \
			   MSR_IR | MSR_DR | MSR_RI | MSR_FP)

static void user_mode_syscalls(struct ktest *t)
{
	struct user_env *e = env_create(user_prog, user_prog_end - user_prog,
					FP_PI);

	KTEST_ASSERT_NOT_NULL(t, e);
	run_hooked(&e, 1);
	if (!env_wait(t, e))
		return;
	end_hooked();

	KTEST_EXPECT_EQ(t, e->setup_err, 0);
	KTEST_EXPECT_EQ(t, e->nr_syscalls, 5);	/* getpid went past the hook */
	KTEST_EXPECT_EQ(t, e->rec_nr, NR_RECORD);
	for (int i = 0; i < 6; i++)
		KTEST_EXPECT_EQ(t, e->rec_args[i], 0x11 * (i + 1));
	KTEST_EXPECT_EQ(t, e->rec_orig_gpr3, 0x11);
	KTEST_EXPECT_EQ(t, e->rec_trap, 0xc00);
	KTEST_EXPECT_TRUE(t, e->rec_in_syscall);
	KTEST_EXPECT_TRUE(t, e->rec_current_ok);	/* frame at the top */
	KTEST_EXPECT_EQ(t, e->rec_msr & MSR_USER_EXPECTED, MSR_USER_EXPECTED);
	/* SRR0 points after the sc, inside the program. */
	KTEST_EXPECT_TRUE(t, e->rec_nip > USER_CODE &&
			     e->rec_nip < USER_CODE + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, e->rec_r1, USER_STACK_TOP);
	KTEST_EXPECT_EQ(t, e->rec_r2, TOC_MARK);	/* from the descriptor */
	KTEST_EXPECT_EQ(t, e->rec_r13, TLS_MARK);
	/* Success: r3 = value, CR0[SO] clear; failure: errno, SO set. */
	KTEST_EXPECT_EQ(t, e->report[0] & CR0_SO, 0);
	KTEST_EXPECT_EQ(t, e->report[1], 0x1234);
	KTEST_EXPECT_EQ(t, e->report[2] & CR0_SO, CR0_SO);
	KTEST_EXPECT_EQ(t, e->report[3], EINVAL);
	KTEST_EXPECT_EQ(t, e->report[4], e->pid);	/* sys_getpid */
	KTEST_EXPECT_NE(t, e->pid, 0);
	KTEST_EXPECT_EQ(t, e->report[5] & CR0_SO, 0);
	/* Preserved across calls and the ticks of the spin. */
	KTEST_EXPECT_EQ(t, e->exit_args[0], TLS_MARK);	/* r13 */
	KTEST_EXPECT_EQ(t, e->exit_args[1], 0x77);	/* r14 */
	KTEST_EXPECT_EQ(t, e->exit_args[2], TOC_MARK);	/* r2 */
	KTEST_EXPECT_EQ(t, e->exit_args[3], USER_STACK_TOP);
	KTEST_EXPECT_EQ(t, e->exit_args[4], 0x1234);	/* via the stack */
	KTEST_EXPECT_EQ(t, e->fp_out, FP_PI);		/* f14 */
	/* The spin took decrementer ticks in user mode, harmlessly. */
	KTEST_EXPECT_TRUE(t, e->exit_jiffies - e->rec_jiffies >= 2);
	ktest_log(t, "%llu ticks while the user spun",
		  (unsigned long long)(e->exit_jiffies - e->rec_jiffies));
	kfree(e);
}

static void fp_registers_follow_the_task(struct ktest *t)
{
	struct user_env *es[2];
	unsigned int cpu = raw_smp_processor_id();

	es[0] = env_create(fp_prog, fp_prog_end - fp_prog, FP_PI);
	es[1] = env_create(fp_prog, fp_prog_end - fp_prog, FP_E);
	if (!es[0] || !es[1]) {
		/* Not started: their threads would never run. */
		KTEST_ASSERT_TRUE(t, es[0] && es[1]);
	}
	/* One CPU: each yield hands the FPU to the other thread. */
	kthread_bind(es[0]->task, cpu);
	kthread_bind(es[1]->task, cpu);
	run_hooked(es, 2);
	if (!env_wait(t, es[0]) || !env_wait(t, es[1]))
		return;
	end_hooked();
	for (int i = 0; i < 2; i++) {
		KTEST_EXPECT_EQ(t, es[i]->setup_err, 0);
		KTEST_EXPECT_EQ(t, es[i]->yields, 40);
		KTEST_EXPECT_TRUE(t, es[i]->interleaved > 0);
		KTEST_EXPECT_EQ(t, es[i]->fp_out, es[i]->fp_in);
	}
	ktest_log(t, "yields that ran the other thread: %u and %u",
		  es[0]->interleaved, es[1]->interleaved);
	kfree(es[0]);
	kfree(es[1]);
}

/*
 * Each bad program, in a thread of its own: no hook call may happen, the
 * task ends through exit_to_user_mode() with the signal as its wait
 * status, and its address space goes with it.
 */
static void user_exceptions_become_signals(struct ktest *t)
{
	for (size_t i = 0; i < ARRAY_SIZE(bad_progs); i++) {
		const struct bad_prog *b = &bad_progs[i];
		u32 prog[8];
		struct user_env *e;
		int n = 0, waited;

		for (; n < 4 && (n == 0 || b->insn[n]); n++)
			prog[n] = b->insn[n];
		prog[n++] = 0x38000000 | NR_EXIT;	/* li 0,NR_EXIT */
		prog[n++] = 0x44000002;			/* sc */
		e = env_create(prog, n * sizeof(u32), 0);
		KTEST_ASSERT_NOT_NULL(t, e);
		run_hooked(&e, 1);
		for (waited = 0; waited < 500; waited++) {
			if (smp_load_acquire(&e->task->exited))
				break;
			msleep(10);
		}
		end_hooked();
		if (waited == 500) {
			ktest_fail(t, __FILE__, __LINE__, "%s: still running",
				   b->what);
			return;
		}
		if ((e->task->exit_code & 0x7f) != b->sig || e->nr_syscalls)
			ktest_fail(t, __FILE__, __LINE__,
				   "%s: exit status %#x, %u calls; want signal %d",
				   b->what, e->task->exit_code, e->nr_syscalls,
				   b->sig);
		kthread_join(e->task);
		kfree(e);
	}
}

/* ---- user memory from the kernel ------------------------------------ */

/*
 * The copy tests run in this (ktest) thread, which borrows a fresh mm
 * with one data page mapped, nothing populated yet.
 */
static struct mm_struct *enter_mm(void)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	if (do_mmap(mm, USER_DATA, PAGE_SIZE, PROT_READ | PROT_WRITE, FIXED,
		    -1, 0) != USER_DATA) {
		mmput(mm);
		return NULL;
	}
	kthread_use_mm(mm);
	return mm;
}

static void exit_mm(struct mm_struct *mm)
{
	kthread_unuse_mm(mm);
	mmput(mm);
}

static void usercopy_mapped_and_partial(struct ktest *t)
{
	struct mm_struct *mm = enter_mm();
	char buf[64] __aligned(8);	/* the doubleword paths run too */
	unsigned long v = 1;

	KTEST_ASSERT_NOT_NULL(t, mm);
	/* A read of a page never touched: the zero page, read-only ... */
	KTEST_EXPECT_EQ(t, get_user(v, (unsigned long __user *)USER_DATA), 0);
	KTEST_EXPECT_EQ(t, v, 0);
	/* ... so this store takes the COW fault, from inside the copy. */
	memset(buf, 'k', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)USER_DATA, buf, 64), 0);
	KTEST_EXPECT_EQ(t, put_user('u', (char __user *)(USER_DATA + 5)), 0);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)USER_DATA, 64),
			0);
	KTEST_EXPECT_EQ(t, buf[5], 'u');
	KTEST_EXPECT_EQ(t, buf[63], 'k');
	/* Misaligned both sides, and co-aligned with a head: exact bytes. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf + 1, (void __user *)(USER_DATA +
					  4), 30), 0);
	KTEST_EXPECT_EQ(t, buf[2], 'u');
	KTEST_EXPECT_EQ(t, copy_from_user(buf + 3, (void __user *)(USER_DATA +
					  3), 40), 0);
	KTEST_EXPECT_EQ(t, buf[5], 'u');
	/* 64 bytes from 40 before the end of the page: 24 are unmapped. */
	memset(buf, 'x', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(USER_DATA +
					  PAGE_SIZE - 40), 64), 24);
	KTEST_EXPECT_EQ(t, buf[39], 0);		/* copied (zeroes) */
	KTEST_EXPECT_EQ(t, buf[40], 0);		/* not copied: zeroed */
	/* The same with a doubleword copy that faults halfway. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(USER_DATA +
					  PAGE_SIZE - 12), 32), 20);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(USER_DATA + PAGE_SIZE -
						     3), buf, 10), 7);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(USER_DATA + PAGE_SIZE -
						     16), buf, 40), 24);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)(USER_DATA + PAGE_SIZE -
						   9), 20), 11);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)(USER_DATA + PAGE_SIZE -
						   64), 100), 36);
	/* Strings: terminated, too long, running into the hole. */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)USER_DATA, "hello", 6),
			0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)USER_DATA, 64),
			5);
	KTEST_EXPECT_EQ(t, strcmp(buf, "hello"), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)USER_DATA, 3),
			3);
	KTEST_EXPECT_EQ(t, strnlen_user((void __user *)USER_DATA, 64), 6);
	KTEST_EXPECT_EQ(t, strnlen_user((void __user *)USER_DATA, 3), 4);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(USER_DATA + PAGE_SIZE -
						     4), "zzzz", 4), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)(USER_DATA +
					     PAGE_SIZE - 4), 64), -EFAULT);
	KTEST_EXPECT_EQ(t, strnlen_user((void __user *)(USER_DATA +
					PAGE_SIZE - 4), 64), 0);
	/* Values of every size, big-endian. */
	KTEST_EXPECT_EQ(t, put_user(0x0102030405060708UL,
				    (u64 __user *)USER_DATA), 0);
	{
		u8 b = 0;
		u16 h = 0;
		u32 w = 0;

		KTEST_EXPECT_EQ(t, get_user(b, (u8 __user *)USER_DATA), 0);
		KTEST_EXPECT_EQ(t, get_user(h, (u16 __user *)(USER_DATA + 2)),
				0);
		KTEST_EXPECT_EQ(t, get_user(w, (u32 __user *)(USER_DATA + 4)),
				0);
		KTEST_EXPECT_EQ(t, b, 0x01);
		KTEST_EXPECT_EQ(t, h, 0x0304);
		KTEST_EXPECT_EQ(t, w, 0x05060708);
	}
	exit_mm(mm);
}

static void usercopy_unmapped_address(struct ktest *t)
{
	struct mm_struct *mm = enter_mm();
	char buf[32] = "kernel data";
	unsigned long v = 0;

	KTEST_ASSERT_NOT_NULL(t, mm);
	/* A segment this mm never touched, and no VMA: all uncopied. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)0x1000, 32), 32);
	KTEST_EXPECT_EQ(t, buf[0], 0);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)0x1000, buf, 32), 32);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)0x1000, 32), 32);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)0x1000, 32),
			-EFAULT);
	KTEST_EXPECT_EQ(t, strnlen_user((void __user *)0x1000, 32), 0);
	KTEST_EXPECT_EQ(t, get_user(v, (unsigned long __user *)0x1000),
			-EFAULT);
	KTEST_EXPECT_EQ(t, put_user(v, (unsigned long __user *)0x1000),
			-EFAULT);
	exit_mm(mm);
	/* No mm of our own any more: still no oops, nothing copied. */
	leave_mm();
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)USER_DATA, 32),
			32);
	KTEST_EXPECT_EQ(t, get_user(v, (unsigned long __user *)USER_DATA),
			-EFAULT);
}

static const char kernel_secret[16] = "kernel secret";

static void usercopy_refuses_kernel_addresses(struct ktest *t)
{
	char buf[16];

	KTEST_EXPECT_FALSE(t, access_ok((void __user *)kernel_secret, 1));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)PAGE_OFFSET, 1));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)(TASK_SIZE - 8), 16));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)0x1000, ~0UL));
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)~0UL, 1));
	KTEST_EXPECT_TRUE(t, access_ok((void __user *)(TASK_SIZE - 8), 8));
	KTEST_EXPECT_TRUE(t, access_ok((void __user *)0, 0));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)kernel_secret,
					  sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_NE(t, buf[0], 'k');
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)buf, kernel_secret,
					sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)kernel_secret,
					     sizeof(buf)), -EFAULT);
	KTEST_EXPECT_EQ(t, strnlen_user((void __user *)kernel_secret, 16), 0);
}

static void read_user_data(void *arg)
{
	(void)*(volatile unsigned long *)USER_DATA;
}

static void write_user_data(void *arg)
{
	*(volatile unsigned long *)(USER_DATA + 8) = 1;
}

/*
 * No SMAP on POWER8, but the fault handler knows which instructions may
 * touch user memory: a plain dereference that faults is an oops, even
 * where get_user() of the same address works.
 */
static void plain_access_to_user_memory_oopses(struct ktest *t)
{
	struct mm_struct *mm = enter_mm();
	unsigned long v = 1;

	KTEST_ASSERT_NOT_NULL(t, mm);
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_user_data, NULL));
	KTEST_EXPECT_EQ(t, get_user(v, (unsigned long __user *)USER_DATA), 0);
	KTEST_EXPECT_EQ(t, v, 0);
	/* Mapped to the zero page now: the store needs a COW fault. */
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, write_user_data, NULL));
	exit_mm(mm);
}

KTEST_SUITE(ppc64_user, "ppc64_user",
	    KTEST_CASE(user_mode_syscalls),
	    KTEST_CASE(fp_registers_follow_the_task),
	    KTEST_CASE(user_exceptions_become_signals),
	    KTEST_CASE(usercopy_mapped_and_partial),
	    KTEST_CASE(usercopy_unmapped_address),
	    KTEST_CASE(usercopy_refuses_kernel_addresses),
	    KTEST_CASE(plain_access_to_user_memory_oopses));
