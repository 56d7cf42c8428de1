// SPDX-License-Identifier: MIT
/*
 * arch/x86_64/tests/user_test.c: ring 3, syscalls, and user memory.
 *
 * Run with "anvil.test=x86_user" (or "all"); built with DEBUG=1 like the
 * other arch tests. Independent of the generic process and syscall
 * layers: the test builds a tiny address space with its own walk over
 * the asm/pgtable.h primitives, and catches syscalls through
 * x86_syscall_test_hook (kernel/syscall.c) instead of do_syscall().
 *
 *   user_mode_syscalls   a kernel thread enters ring 3 (arch_start_user)
 *                        and runs a few instructions that make syscalls:
 *                        arguments, number, frame and preserved registers
 *                        arrive right, a SYSRET and a forced IRET return
 *                        both resume user code, a timer tick taken in
 *                        user mode (swapgs both ways) is harmless, and
 *                        the FS base set by arch_prctl reaches user mode
 *   usercopy_*           copy_{from,to}_user / clear_user / strings
 *                        against mapped, partly mapped, unmapped and
 *                        kernel addresses: exact "bytes not copied",
 *                        never an oops
 *   smap_*, smep_*       a plain kernel access to a user page faults
 *
 * The address space (user addresses, all in PGD entry 0):
 *
 *   USER_CODE    0x400000          r-x   the code below
 *   USER_DATA    0x600000          rw-   for the copy tests; the page
 *                                        after it stays unmapped
 *   USER_STACK   0x7ffffffde000    rw-   one page of stack
 */
#include <anvil/arch.h>
#include <anvil/completion.h>
#include <anvil/errno.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/time.h>
#include <asm/cpufeature.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/processor-flags.h>
#include <asm/segment.h>
#include <asm/special_insns.h>
#include <anvil/uaccess.h>

#include "../kernel/entry.h"

#define USER_CODE 0x400000UL
#define USER_DATA 0x600000UL
#define USER_STACK (0x7ffffffdeUL << PAGE_SHIFT)
#define USER_STACK_TOP (USER_STACK + PAGE_SIZE)

#define NR_RECORD 500	/* record the arguments, return 0x1234 */
#define NR_IRET 502	/* return 0x5678, through IRET */
#define NR_EXIT 501	/* the thread is done */
#define MAX_TABLES 8
#define ARCH_SET_FS 0x1002	/* arch_prctl codes, Linux's */
#define ARCH_GET_FS 0x1003

/*
 * The user program. Position-independent, in .rodata: it is copied to
 * USER_CODE. Between the syscalls it spins ~30 ms on the TSC, so timer
 * interrupts land in user mode.
 */
extern const char user_prog[], user_prog_end[];
__asm__(".pushsection .rodata\n"
	"user_prog:\n"
	"	mov $500, %eax\n"
	"	mov $0x11, %edi\n"
	"	mov $0x22, %esi\n"
	"	mov $0x33, %edx\n"
	"	mov $0x44, %r10d\n"
	"	mov $0x55, %r8d\n"
	"	mov $0x66, %r9d\n"
	"	mov $0x77, %ebx\n"		/* must survive syscalls */
	"	syscall\n"
	"	push %rax\n"			/* the stack works */
	"	pop %r12\n"
	"	rdtsc\n"			/* spin ~30 ms */
	"	shl $32, %rdx\n"
	"	or %rax, %rdx\n"
	"	lea 80000000(%rdx), %r13\n"
	"1:	rdtsc\n"
	"	shl $32, %rdx\n"
	"	or %rdx, %rax\n"
	"	cmp %r13, %rax\n"
	"	jb 1b\n"
	"	mov $502, %eax\n"
	"	syscall\n"
	"	mov %rcx, %r8\n"		/* 0 after IRET, RIP after SYSRET */
	"	mov %rax, %rdi\n"
	"	mov %rbx, %rsi\n"
	"	mov %rsp, %rdx\n"
	"	mov %r12, %r10\n"
	"	mov %fs:8, %r9\n"		/* FS base set by NR_RECORD */
	"	mov $501, %eax\n"
	"	syscall\n"
	"	ud2\n"
	"user_prog_end:\n"
	".popsection\n");

struct user_env {
	struct mm_struct mm;		/* only pgd and cpu_vm_mask are used */
	struct page *tables[MAX_TABLES];
	unsigned int nr_tables;
	struct page *code, *data, *stack;
	struct task_struct *task;
	struct completion done;
	/* What the syscalls saw. */
	unsigned long rec_args[6], rec_nr, rec_cs, rec_ss, rec_rflags;
	unsigned long rec_rip, rec_rsp;
	bool rec_in_syscall;
	long prctl_bad, prctl_set, prctl_get;
	unsigned long exit_args[6];
	unsigned int nr_syscalls;
};

static struct user_env *env;

static void *new_table(struct user_env *e)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page || e->nr_tables == MAX_TABLES)
		return NULL;
	e->tables[e->nr_tables++] = page;
	return page_address(page);
}

/*
 * The PTE for @va, creating the tables on the way: our own small walk,
 * so these tests need nothing of mm/memory.c. NULL without memory.
 */
static pte_t *test_walk(struct user_env *e, unsigned long va)
{
	pgd_t *pgd = (pgd_t *)e->mm.pgd + pgd_index(va);
	void *table;
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd)) {
		if (!(table = new_table(e)))
			return NULL;
		pgd_populate(&e->mm, pgd, table);
	}
	pud = pgd_pgtable(*pgd) + pud_index(va);
	if (pud_none(*pud)) {
		if (!(table = new_table(e)))
			return NULL;
		pud_populate(&e->mm, pud, table);
	}
	pmd = pud_pgtable(*pud) + pmd_index(va);
	if (pmd_none(*pmd)) {
		if (!(table = new_table(e)))
			return NULL;
		pmd_populate(&e->mm, pmd, table);
	}
	return pmd_pgtable(*pmd) + pte_index(va);
}

static bool map_page(struct user_env *e, unsigned long va, struct page *page,
		     unsigned long vm_flags)
{
	pte_t pte = pfn_pte(page_to_pfn(page), vm_get_page_prot(vm_flags));
	pte_t *ptep = test_walk(e, va);

	if (!ptep)
		return false;
	if (vm_flags & VM_WRITE)	/* as after the COW fault */
		pte = pte_mkdirty(pte_mkwrite(pte));
	set_pte_at(&e->mm, va, ptep, pte);
	return true;
}

static void env_free(struct user_env *e)
{
	for (unsigned int i = 0; i < USER_PTRS_PER_PGD; i++)
		pgd_clear((pgd_t *)e->mm.pgd + i);
	for (unsigned int i = 0; i < e->nr_tables; i++)
		__free_page(e->tables[i]);
	if (e->code)
		__free_page(e->code);
	if (e->data)
		__free_page(e->data);
	if (e->stack)
		__free_page(e->stack);
	if (e->mm.pgd)
		pgd_free(&e->mm, e->mm.pgd);
	kfree(e);
}

static struct user_env *env_create(void)
{
	struct user_env *e = kzalloc(sizeof(*e), GFP_KERNEL);

	if (!e)
		return NULL;
	e->mm.pgd = pgd_alloc(&e->mm);
	e->code = alloc_page(GFP_KERNEL | __GFP_ZERO);
	e->data = alloc_page(GFP_KERNEL | __GFP_ZERO);
	e->stack = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!e->mm.pgd || !e->code || !e->data || !e->stack) {
		env_free(e);
		return NULL;
	}
	memcpy(page_address(e->code), user_prog, user_prog_end - user_prog);
	if (!map_page(e, USER_CODE, e->code, VM_READ | VM_EXEC) ||
	    !map_page(e, USER_DATA, e->data, VM_READ | VM_WRITE) ||
	    !map_page(e, USER_STACK, e->stack, VM_READ | VM_WRITE)) {
		env_free(e);
		return NULL;
	}
	init_completion(&e->done);
	return e;
}

/* The syscalls of user_prog, in the context of the thread that made them. */
static long test_syscall(struct pt_regs *regs)
{
	struct user_env *e = env;

	if (!e || current != e->task)
		return -ENOSYS;
	e->nr_syscalls++;
	switch (syscall_get_nr(regs)) {
	case NR_RECORD:
		syscall_get_arguments(regs, e->rec_args);
		e->rec_nr = syscall_get_nr(regs);
		e->rec_cs = regs->cs;
		e->rec_ss = regs->ss;
		e->rec_rflags = regs->rflags;
		e->rec_rip = regs->rip;
		e->rec_rsp = regs->rsp;
		e->rec_in_syscall = in_syscall(regs);
		/* TLS: user code reads %fs:8 after many timer ticks. */
		*(unsigned long *)(page_address(e->data) + 8) = 0xf5;
		e->prctl_bad = sys_arch_prctl(ARCH_SET_FS, PAGE_OFFSET);
		e->prctl_set = sys_arch_prctl(ARCH_SET_FS, USER_DATA);
		e->prctl_get = sys_arch_prctl(ARCH_GET_FS, USER_DATA + 16);
		return 0x1234;
	case NR_IRET:
		regs->rcx = 0;		/* RCX != RIP: SYSRET is not allowed */
		return 0x5678;
	case NR_EXIT:
		syscall_get_arguments(regs, e->exit_args);
		leave_mm();
		complete(&e->done);
		kthread_exit();
	}
	return -ENOSYS;
}

static void user_thread(void *arg)
{
	struct user_env *e = arg;

	switch_mm(NULL, &e->mm, current);
	arch_start_user(task_pt_regs(current), USER_CODE, USER_STACK_TOP);
}

static void user_mode_syscalls(struct ktest *t)
{
	struct user_env *e = env_create();
	unsigned long left;

	KTEST_ASSERT_NOT_NULL(t, e);
	e->task = kthread_create(user_thread, e, "x86_user");
	if (!e->task) {
		env_free(e);
		KTEST_ASSERT_NOT_NULL(t, NULL);
	}
	/* Pinned: no generic switch_mm() yet would reload CR3 elsewhere. */
	kthread_bind(e->task, raw_smp_processor_id());
	env = e;
	WRITE_ONCE(x86_syscall_test_hook, test_syscall);
	kthread_start(e->task);
	left = wait_for_completion_timeout(&e->done, 5 * HZ);
	if (!left) {
		/* Stuck in user mode: leave it (and its memory) alone. */
		ktest_fail(t, __FILE__, __LINE__, "user thread did not exit");
		return;
	}
	kthread_join(e->task);	/* the exit syscall ended it */
	WRITE_ONCE(x86_syscall_test_hook, NULL);
	env = NULL;

	KTEST_EXPECT_EQ(t, e->nr_syscalls, 3);
	KTEST_EXPECT_EQ(t, e->rec_nr, NR_RECORD);
	for (int i = 0; i < 6; i++)
		KTEST_EXPECT_EQ(t, e->rec_args[i], 0x11 * (i + 1));
	KTEST_EXPECT_EQ(t, e->rec_cs, __USER_CS);
	KTEST_EXPECT_EQ(t, e->rec_ss, __USER_DS);
	KTEST_EXPECT_TRUE(t, e->rec_rflags & X86_EFLAGS_IF);
	KTEST_EXPECT_TRUE(t, e->rec_in_syscall);
	KTEST_EXPECT_TRUE(t, e->rec_rip > USER_CODE &&
			     e->rec_rip < USER_CODE + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, e->rec_rsp, USER_STACK_TOP);
	KTEST_EXPECT_EQ(t, e->exit_args[0], 0x5678);	 /* NR_IRET's result */
	KTEST_EXPECT_EQ(t, e->exit_args[1], 0x77);	 /* RBX kept */
	KTEST_EXPECT_EQ(t, e->exit_args[2], USER_STACK_TOP);
	KTEST_EXPECT_EQ(t, e->exit_args[3], 0x1234);	 /* via the stack */
	KTEST_EXPECT_EQ(t, e->exit_args[4], 0);	 /* RCX from the frame */
	KTEST_EXPECT_EQ(t, e->exit_args[5], 0xf5);	 /* %fs:8 */
	KTEST_EXPECT_EQ(t, e->prctl_bad, -EPERM);
	KTEST_EXPECT_EQ(t, e->prctl_set, 0);
	KTEST_EXPECT_EQ(t, e->prctl_get, 0);
	KTEST_EXPECT_EQ(t, *(unsigned long *)(page_address(e->data) + 16),
			USER_DATA);
	KTEST_EXPECT_EQ(t, e->mm.cpu_vm_mask, 0);	 /* left by leave_mm */
	env_free(e);
}

/* ---- user memory from the kernel ------------------------------------ */

/*
 * The copy tests run in this (ktest) thread with the test address space
 * loaded, so it must not migrate meanwhile: pin it to this CPU.
 */
static struct user_env *enter_env(struct ktest *t, cpumask_t *saved)
{
	struct user_env *e = env_create();

	if (!e)
		return NULL;
	*saved = current->cpus_allowed;
	set_cpus_allowed(current, cpumask_of(raw_smp_processor_id()));
	switch_mm(NULL, &e->mm, current);
	return e;
}

static void exit_env(struct user_env *e, cpumask_t saved)
{
	leave_mm();
	set_cpus_allowed(current, saved);
	env_free(e);
}

static void usercopy_mapped_and_partial(struct ktest *t)
{
	char buf[64], *data;
	cpumask_t saved;
	struct user_env *e = enter_env(t, &saved);

	KTEST_ASSERT_NOT_NULL(t, e);
	data = page_address(e->data);
	memset(buf, 'k', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)USER_DATA, buf, 64), 0);
	KTEST_EXPECT_EQ(t, data[63], 'k');
	data[5] = 'u';
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)USER_DATA, 64),
			0);
	KTEST_EXPECT_EQ(t, buf[5], 'u');
	/* 64 bytes from 40 before the end of the page: 24 are unmapped. */
	memset(buf, 'x', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(USER_DATA +
						PAGE_SIZE - 40), 64), 24);
	KTEST_EXPECT_EQ(t, buf[39], 0);		/* copied (zeroes) */
	KTEST_EXPECT_EQ(t, buf[40], 0);		/* not copied: zeroed */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(USER_DATA + PAGE_SIZE -
						     3), buf, 10), 7);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)(USER_DATA + PAGE_SIZE -
						   9), 20), 11);
	/* Strings: terminated, too long, running into the hole. */
	strlcpy(data, "hello", 8);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)USER_DATA, 64),
			5);
	KTEST_EXPECT_EQ(t, strcmp(buf, "hello"), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)USER_DATA, 3),
			3);
	KTEST_EXPECT_EQ(t, strnlen_user((void __user *)USER_DATA, 64), 6);
	memset(data + PAGE_SIZE - 4, 'z', 4);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)(USER_DATA +
					     PAGE_SIZE - 4), 64), -EFAULT);
	KTEST_EXPECT_EQ(t, strnlen_user((void __user *)(USER_DATA +
					PAGE_SIZE - 4), 64), 0);
	exit_env(e, saved);
}

static void usercopy_unmapped_address(struct ktest *t)
{
	char buf[32] = "kernel data";
	unsigned long v = 0;

	/* No user mapping at all here (init_top_pgt): all uncopied. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)0x1000, 32), 32);
	KTEST_EXPECT_EQ(t, buf[0], 0);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)0x1000, buf, 32), 32);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)0x1000, 32), 32);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (void __user *)0x1000, 32),
			-EFAULT);
	KTEST_EXPECT_EQ(t, get_user(v, (unsigned long __user *)0x1000),
			-EFAULT);
	KTEST_EXPECT_EQ(t, put_user(v, (unsigned long __user *)0x1000),
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
}

static void read_user_data(void *arg)
{
	(void)*(volatile unsigned long *)USER_DATA;
}

static void smap_blocks_plain_kernel_access(struct ktest *t)
{
	unsigned long v = 0;
	cpumask_t saved;
	struct user_env *e;

	if (!x86_smap_enabled)
		return ktest_skip(t, "no SMAP on this CPU");
	e = enter_env(t, &saved);
	KTEST_ASSERT_NOT_NULL(t, e);
	*(unsigned long *)page_address(e->data) = 42;
	/* Mapped, user-accessible, and yet: only through uaccess. */
	KTEST_EXPECT_EQ(t, get_user(v, (unsigned long __user *)USER_DATA), 0);
	KTEST_EXPECT_EQ(t, v, 42);
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, read_user_data, NULL));
	/* And the window is closed again: AC is clear. */
	KTEST_EXPECT_FALSE(t, arch_local_save_flags() & X86_EFLAGS_AC);
	exit_env(e, saved);
}

static void call_user_code(void *arg)
{
	((void (*)(void))USER_CODE)();
}

static void smep_blocks_kernel_execution_of_user_code(struct ktest *t)
{
	cpumask_t saved;
	struct user_env *e;

	if (!boot_cpu_has(X86_FEATURE_SMEP))
		return ktest_skip(t, "no SMEP on this CPU");
	e = enter_env(t, &saved);
	KTEST_ASSERT_NOT_NULL(t, e);
	KTEST_EXPECT_TRUE(t, ktest_expect_fault(t, call_user_code, NULL));
	exit_env(e, saved);
}

KTEST_SUITE(x86_user, "x86_user",
	    KTEST_CASE(user_mode_syscalls),
	    KTEST_CASE(usercopy_mapped_and_partial),
	    KTEST_CASE(usercopy_unmapped_address),
	    KTEST_CASE(usercopy_refuses_kernel_addresses),
	    KTEST_CASE(smap_blocks_plain_kernel_access),
	    KTEST_CASE(smep_blocks_kernel_execution_of_user_code));
