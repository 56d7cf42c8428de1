// SPDX-License-Identifier: MIT
/*
 * fault.c: data and instruction storage interrupts (DSI 0x300, ISI 0x400).
 *
 * On the hash MMU a "page fault" means the hardware searched both HPTE
 * groups and found nothing (DSISR/SRR1 bit NOHPTE), or found an entry
 * that forbids the access (PROTFAULT). The kernel's own memory is bolted,
 * so in kernel mode the only fault we repair is a missing direct-map
 * entry (hash_page_kernel); anything else is a bug and goes to die().
 * A missing *segment* is a different interrupt (0x380/0x480, traps.c).
 *
 * User pages will be faulted in here too, from the Linux-style page
 * tables, once there are user address spaces.
 */
#include <anvil/kernel.h>
#include <asm/mmu-hash.h>
#include <asm/ptrace.h>
#include <asm/reg.h>

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

/*
 * @ea: the address that faulted (DAR, or NIP for an ISI); @why: DSISR,
 * or for an ISI the reason bits of SRR1 (the same positions).
 */
void do_page_fault(struct pt_regs *regs, unsigned long ea, unsigned long why)
{
	bool exec = regs->trap == 0x400;

	if (!user_mode(regs) && (why & DSISR_NOHPTE) &&
	    hash_page_kernel(ea) == 0)
		return;
	pr_emerg("Unable to handle kernel %s at %016lx: %s\n",
		 exec ? "instruction fetch" :
		 (why & DSISR_ISSTORE) ? "write" : "read",
		 ea, fault_reason(why));
	die("page fault", regs, ea);
	panic("page fault at %lx", ea);
}
