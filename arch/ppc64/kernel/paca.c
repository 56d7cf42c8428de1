// SPDX-License-Identifier: MIT
/*
 * paca.c: the arch's per-CPU area (<asm/paca.h>), the generic per-CPU
 * base (arch_percpu_setup, <asm/percpu.h>) and arch_cpu_id().
 *
 * Only the boot CPU exists so far. Its paca is set up first thing in
 * early_setup(), before any exception can be taken, because every
 * exception stub finds its scratch space through HSPRG0.
 */
#include <anvil/arch.h>
#include <anvil/compiler.h>
#include <anvil/percpu.h>
#include <asm/paca.h>
#include <asm/prom.h>
#include <asm/ptrace.h>
#include <asm/reg.h>

#define CHECK_OFFSET(field, off) \
	_Static_assert(__builtin_offsetof(struct paca_struct, field) == (off), \
		       "asm/paca.h: PACA offset of " #field)
CHECK_OFFSET(ex_r10, PACA_EX_R10);
CHECK_OFFSET(ex_r11, PACA_EX_R11);
CHECK_OFFSET(ex_r12, PACA_EX_R12);
CHECK_OFFSET(ex_nip, PACA_EX_NIP);
CHECK_OFFSET(ex_hsrr, PACA_EX_HSRR);
CHECK_OFFSET(kernel_msr, PACA_KERNEL_MSR);
CHECK_OFFSET(kernel_toc, PACA_KERNEL_TOC);
CHECK_OFFSET(kstack, PACA_KSTACK);
CHECK_OFFSET(wake_nip, PACA_WAKE_NIP);
CHECK_OFFSET(wake_msr, PACA_WAKE_MSR);
CHECK_OFFSET(percpu_base, PACA_PERCPU_BASE);
CHECK_OFFSET(icp_phys, PACA_ICP);
CHECK_OFFSET(hold_stack, PACA_HOLD_STACK);
CHECK_OFFSET(hw_cpu_id, PACA_HW_CPU_ID);
CHECK_OFFSET(ex_ccr, PACA_EX_CCR);
_Static_assert(sizeof(struct paca_struct) == PACA_SIZE, "PACA_SIZE");

struct paca_struct pacas[NR_CPUS];
unsigned int paca_count = 1;
extern char init_stack[];

/*
 * Give the boot CPU its paca and point HSPRG0 at it. The kernel MSR
 * starts without IR/DR; hash_mmu_init() adds them once the hash table
 * maps the kernel.
 */
void paca_init_boot(void)
{
	struct paca_struct *p = &pacas[0];
	unsigned long toc;

	__asm__("mr %0,2" : "=r"(toc));
	p->hw_cpu_id = (u32)mfspr(SPRN_PIR);
	p->cpu = 0;
	p->kernel_msr = MSR_SF | MSR_HV | MSR_ME | MSR_RI;
	p->kernel_toc = toc;
	p->kstack = (unsigned long)init_stack + INIT_STACK_SIZE -
		    STACK_FRAME_OVERHEAD;
	mtspr(SPRN_SPRG_PACA, p);
}

/*
 * A paca for every other CPU the device tree lists, numbered in its
 * order after the boot CPU (logical 0), up to NR_CPUS. The kernel MSR,
 * TOC and ICP are the boot CPU's values or the device tree's; the stack
 * comes with arch_boot_secondary().
 */
void paca_init_secondaries(void)
{
	unsigned int i;

	pacas[0].icp_phys = icp_phys_of(pacas[0].hw_cpu_id);
	for (i = 0; i < nr_cpu_pirs && paca_count < NR_CPUS; i++) {
		struct paca_struct *p = &pacas[paca_count];

		if (cpu_pirs[i] == pacas[0].hw_cpu_id)
			continue;
		p->hw_cpu_id = cpu_pirs[i];
		p->cpu = paca_count++;
		p->kernel_msr = pacas[0].kernel_msr;
		p->kernel_toc = pacas[0].kernel_toc;
		p->icp_phys = icp_phys_of(p->hw_cpu_id);
	}
}

/*
 * Make @base this CPU's per-CPU area: r13 from now on, and in the paca
 * so that exception entry restores it for the C handlers.
 */
void arch_percpu_setup(void *base)
{
	get_paca()->percpu_base = (unsigned long)base;
	__asm__ __volatile__("mr 13,%0" : : "r"(base) : "memory");
}

unsigned int arch_cpu_id(void)
{
	return (unsigned int)mfspr(SPRN_PIR);
}
