// SPDX-License-Identifier: MIT
/*
 * fault.c: data and instruction storage interrupts (DSI 0x300, ISI 0x400).
 *
 * On the hash MMU a "page fault" means the hardware searched both HPTE
 * groups and found nothing (DSISR/SRR1 bit NOHPTE), or found an entry
 * that forbids the access (PROTFAULT). A missing *segment* is a
 * different interrupt (0x380/0x480, mm/slb.c).
 *
 *	kernel address	the only fault repaired is a missing direct-map
 *			entry (hash_page_kernel); anything else is a bug,
 *			die()
 *	user address	(below TASK_SIZE), from user mode:
 *
 *	  DSI/ISI ---> hash_page_user(loaded mm, ea)   interrupts off
 *	                 | PTE allows it: HPTE in, retry the access
 *	                 v PTE missing or forbids it
 *	               interrupts back on (they were: user mode)
 *	               handle_user_fault(regs, ea, flags)   (mm/fault.c)
 *	                 find_vma under mmap_lock, handle_mm_fault:
 *	                 PTE made (update_mmu_cache hashes it at once)
 *	                 | 0: retry the access
 *	                 v failed: the signal it queued goes out on the
 *	                   way back to user mode (exit_to_user_mode)
 *
 *	user address from kernel mode (copy_to_user and friends):
 *
 *	  instruction fetch                       -> oops: the kernel never
 *	                                             runs user code
 *	  not in the exception table (asm/extable.h) -> oops: a plain
 *	                                             dereference of a user
 *	                                             pointer is a bug
 *	  else the same two steps as above (the generic one only where
 *	  the interrupted code could sleep and an mm is loaded); if both
 *	  fail, resume at the instruction's fixup: the copy returns short.
 *
 * A test may install its own generic handler (ppc64_user_fault_handler):
 * its kernel thread has no mm of its own, only the one it loaded on its
 * CPU, and handle_user_fault() works on current->mm.
 */
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/pgtable.h>
#include <anvil/preempt.h>
#include <anvil/syscalls.h>
#include <asm/extable.h>
#include <asm/mmu-hash.h>
#include <asm/paca.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/reg.h>

#include "hash_user.h"

/*
 * Faults the hash code may resolve from the PTE: no HPTE, or an HPTE
 * with less permission (PP, or N for an instruction fetch) than the PTE
 * may now have. An ISI files its SRR1 reasons at the same bits.
 */
#define HASH_FAULT_REASONS (DSISR_NOHPTE | DSISR_PROTFAULT | SRR1_ISI_NOEXEC)

user_fault_fn ppc64_user_fault_handler;

static const char *fault_reason(unsigned long why)
{
	if (why & DSISR_NOHPTE)
		return "no translation";
	if (why & DSISR_PROTFAULT)
		return "protection";
	if (why & DSISR_KEYFAULT)
		return "storage key";
	return "other";
}

static const char *access_name(struct pt_regs *regs, unsigned long why)
{
	if (regs->trap == 0x400)
		return "instruction fetch";
	return (why & DSISR_ISSTORE) ? "write" : "read";
}

/*
 * The generic fault path, which may sleep: only where the interrupted
 * code could have slept itself (interrupts were on, no preempt count),
 * and only with an mm loaded on this CPU: the hash refill after a
 * successful fault uses the paca's mm, so without one the retry could
 * never succeed. Elsewhere a user copy simply fails, as in Linux under
 * pagefault_disable(). Returns 0 if the access can be retried; nonzero
 * if not, and then for a user-mode fault the generic code has queued
 * the signal already.
 */
static int generic_user_fault(struct pt_regs *regs, unsigned long ea,
			      unsigned int flags)
{
	user_fault_fn fn = ppc64_user_fault_handler;
	int ret;

	if (!fn)
		fn = handle_user_fault;
	if (!(regs->msr & MSR_EE) || preempt_count() || !get_paca()->user_mm)
		return -1;
	arch_local_irq_enable();
	ret = fn(regs, ea, flags);
	arch_local_irq_disable();
	return ret;
}

static void __noreturn user_fault_oops(struct pt_regs *regs, unsigned long ea,
				       unsigned long why, const char *what)
{
	pr_emerg("%s %s at %016lx: %s, %s\n",
		 user_mode(regs) ? "User" : "Kernel", access_name(regs, why),
		 ea, fault_reason(why), what);
	die("page fault", regs, ea);
	panic("page fault at %lx", ea);
}

static void do_user_fault(struct pt_regs *regs, unsigned long ea,
			  unsigned long why)
{
	struct mm_struct *mm = get_paca()->user_mm;
	unsigned int access = 0, flags = 0;

	if (regs->trap == 0x400) {
		access = HASH_ACCESS_EXEC;
		flags |= FAULT_FLAG_INSTRUCTION;
	} else if (why & DSISR_ISSTORE) {
		access = HASH_ACCESS_WRITE;
		flags |= FAULT_FLAG_WRITE;
	}
	if (user_mode(regs)) {
		flags |= FAULT_FLAG_USER;
	} else {
		if (access == HASH_ACCESS_EXEC)
			user_fault_oops(regs, ea, why,
					"the kernel executed user memory");
		if (!search_exception_tables(regs->nip))
			user_fault_oops(regs, ea, why, ea < PAGE_SIZE ?
					"a NULL pointer dereference" :
					"kernel access to user memory outside uaccess");
	}
	if (mm && ea < TASK_SIZE && (why & HASH_FAULT_REASONS) &&
	    hash_page_user(mm, ea, access) == 0)
		return;
	if (generic_user_fault(regs, ea, flags) == 0)
		return;
	/* A user's signal is queued, delivered on the way back out. */
	if (user_mode(regs))
		return;
	fixup_exception(regs);
}

/*
 * @ea: the address that faulted (DAR, or NIP for an ISI); @why: DSISR,
 * or for an ISI the reason bits of SRR1 (the same positions).
 * Interrupts are off.
 */
void do_page_fault(struct pt_regs *regs, unsigned long ea, unsigned long why)
{
	if (ea < TASK_SIZE || user_mode(regs)) {
		do_user_fault(regs, ea, why);
		return;
	}
	if ((why & DSISR_NOHPTE) && hash_page_kernel(ea) == 0)
		return;
	pr_emerg("Unable to handle kernel %s at %016lx: %s\n",
		 access_name(regs, why), ea, fault_reason(why));
	die("page fault", regs, ea);
	panic("page fault at %lx", ea);
}
