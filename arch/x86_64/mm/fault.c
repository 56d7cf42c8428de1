// SPDX-License-Identifier: MIT
/*
 * mm/fault.c: the page-fault exception (#PF, vector 14).
 *
 * Interface: do_page_fault() (asm/traps.h), from do_exception() in
 * kernel/traps.c, interrupts off, CR2 still holding the address. The
 * generic half is handle_user_fault() (mm/memory.c), which finds the VMA
 * and calls handle_mm_fault(); the fixups are kernel/extable.c.
 *
 *   user mode, any address     -> handle_user_fault(); if that fails it
 *                                 queues SIGSEGV/SIGBUS, delivered on
 *                                 the way back to user mode
 *   kernel mode, user address  -> a bug unless the instruction is in the
 *                                 exception table (copy_from_user...):
 *                                 then handle_user_fault() if we may
 *                                 sleep, and the fixup if it fails
 *   kernel mode, kernel address -> the fixup if there is one, else oops
 *
 * Two kernel-mode faults on user addresses are always bugs, fixup or
 * not: an access with RFLAGS.AC clear (SMAP: the kernel touched user
 * memory outside lib/copy_user.asm's stac/clac window) and an instruction
 * fetch (SMEP: the kernel jumped into user memory).
 */
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/pgtable.h>
#include <anvil/preempt.h>
#include <anvil/sched.h>
#include <anvil/vmalloc.h>
#include <asm/cpufeature.h>
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

#include "../kernel/entry.h"

/* The generic fault flags from the CPU's error code. */
static unsigned int fault_flags(const struct pt_regs *regs)
{
	unsigned long ec = regs->error_code;
	unsigned int flags = 0;

	if (ec & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (ec & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	if (user_mode(regs))
		flags |= FAULT_FLAG_USER;
	return flags;
}

/* Explain the error code the way Linux's oops does. */
static void show_fault_oops(const struct pt_regs *regs, unsigned long addr,
			    const char *why)
{
	unsigned long ec = regs->error_code;

	pr_emerg("#PF: %s %s in %s mode\n",
		 ec & X86_PF_USER ? "user" : "supervisor",
		 ec & X86_PF_INSTR ? "instruction fetch"
		 : ec & X86_PF_WRITE ? "write access" : "read access",
		 user_mode(regs) ? "user" : "kernel");
	pr_emerg("#PF: error_code(0x%04lx) - %s\n", ec,
		 ec & X86_PF_RSVD ? "reserved bit in a page table entry"
		 : ec & X86_PF_PROT ? "permissions violation"
		 : "not-present page");
	if (why)
		pr_emerg("#PF: %s\n", why);
	if (addr < PAGE_SIZE)
		pr_emerg("#PF: that is a NULL pointer dereference\n");
}

static void __noreturn page_fault_oops(struct pt_regs *regs,
				       unsigned long addr, const char *why)
{
	show_fault_oops(regs, addr, why);
	die("page fault", regs, addr);
	/* die() either panics or longjmps; falling out would re-fault. */
	panic("die() returned for a page fault");
}

/*
 * The fault may be resolved by the mm only where sleeping is allowed:
 * the interrupted code had interrupts on and held no preempt count (no
 * spinlock). Elsewhere a user copy just fails, as in Linux with
 * pagefault_disable().
 */
static bool fault_may_sleep(const struct pt_regs *regs)
{
	return (regs->rflags & X86_EFLAGS_IF) && !in_atomic();
}

/* Call the generic handler with interrupts on, as it may sleep. */
static int user_fault(struct pt_regs *regs, unsigned long addr)
{
	int ret;

	local_irq_enable();
	ret = handle_user_fault(regs, addr, fault_flags(regs));
	local_irq_disable();
	return ret;
}

static void do_kernel_user_addr_fault(struct pt_regs *regs,
				      unsigned long addr)
{
	unsigned long ec = regs->error_code;

	if (ec & X86_PF_INSTR)
		page_fault_oops(regs, addr, "SMEP: kernel executed user memory");
	if (x86_smap_enabled && !(regs->rflags & X86_EFLAGS_AC))
		page_fault_oops(regs, addr,
				"SMAP: kernel access to user memory");
	if (!search_exception_tables(regs->rip))
		page_fault_oops(regs, addr, NULL);
	if (fault_may_sleep(regs) && user_fault(regs, addr) == 0)
		return;			/* mapped now: retry the access */
	fixup_exception(regs);
}

void do_page_fault(struct pt_regs *regs)
{
	/* Read CR2 first: a nested fault would overwrite it. */
	unsigned long addr = read_cr2();

	if (regs->error_code & X86_PF_RSVD)
		page_fault_oops(regs, addr, "corrupt page table");
	if (user_mode(regs)) {
		user_fault(regs, addr);	/* failed: a signal is queued */
		return;
	}
	if (addr < TASK_SIZE) {
		do_kernel_user_addr_fault(regs, addr);
		return;
	}
	if (fixup_exception(regs))
		return;
	/*
	 * A store below the stack pointer's page (a big local array, say)
	 * lands in the guard page without the push that would make it a
	 * double fault: say what it is.
	 */
	if (task_stack_guard_page(current, addr)) {
		pr_emerg("kernel stack overflow: %s[%d] accessed %016lx, the "
			 "guard page below its stack %p\n", current->comm,
			 current->pid, addr, current->stack);
		page_fault_oops(regs, addr, "kernel stack overflow");
	}
	page_fault_oops(regs, addr, NULL);
}
