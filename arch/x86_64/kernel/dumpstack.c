// SPDX-License-Identifier: MIT
/*
 * kernel/dumpstack.c: show_regs(), the register part of an oops.
 *
 * Interface: show_regs() (<anvil/arch.h>), called by die() and panic()
 * in kernel/panic.c, which print the header and the backtrace around it
 * (the backtrace walk itself is kernel/stacktrace.c). The layout follows
 * Linux's x86_64 oops, so a student can compare the two:
 *
 *   vector 14 (page fault), error code 0x0002
 *   RIP: 0008:ffffffff80105a3c write_bad_address+0xc
 *   RSP: 0010:ffffffff80140f28 EFLAGS: 00010086
 *   RAX: ... RBX: ... RCX: ...
 *   ...
 *   CS:  0008 SS: 0010 CR0: 0000000080010033
 *   CR2: ... CR3: ... CR4: ...
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <asm/special_insns.h>
#include <asm/traps.h>

void show_regs(const struct pt_regs *regs)
{
	pr_emerg("CPU %u: vector %lu (%s), error code %#lx\n", arch_cpu_id(),
		 regs->vector, x86_vector_name(regs->vector),
		 regs->error_code);
	pr_emerg("RIP: %04lx:%016lx %pS\n", regs->cs, regs->rip,
		 (void *)regs->rip);
	pr_emerg("RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->rsp,
		 regs->rflags);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->rax,
		 regs->rbx, regs->rcx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->rdx,
		 regs->rsi, regs->rdi);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n", regs->rbp,
		 regs->r8, regs->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", regs->r10,
		 regs->r11, regs->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", regs->r13,
		 regs->r14, regs->r15);
	pr_emerg("CS:  %04lx SS: %04lx CR0: %016lx\n", regs->cs, regs->ss,
		 read_cr0());
	pr_emerg("CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr2(),
		 read_cr3(), read_cr4());
}
