// SPDX-License-Identifier: MIT
/*
 * kernel/smpboot.c: starting the other CPUs.
 *
 * Interface: arch_boot_secondary() (<anvil/arch.h>), the CPU table
 * x86_cpu_to_apicid[] and x86_start_secondary() (asm/smp.h). The generic
 * half, which calls us once per CPU and waits for it to come online, is
 * kernel/smp.c; IPIs after boot are this directory's smp.c.
 *
 * At reset only the boot CPU runs; the others sit in "wait for SIPI".
 * The boot CPU wakes one by sending it an INIT IPI, then a Startup IPI
 * (SIPI) whose vector names the 4 KiB page it starts at, in 16-bit real
 * mode. That page holds realmode/trampoline.asm, which gets to 64-bit
 * mode and jumps into the kernel:
 *
 *   boot CPU (arch_boot_secondary)        new CPU
 *   ------------------------------        -------
 *   copy the trampoline to 0x8000 (once)
 *   write its header: CR3, EFER, stack,
 *     cpu, entry point
 *   INIT, 10 ms, SIPI(0x08) ──────────►  0x8000, real mode: tr_started=1
 *   200 us; again if tr_started is 0      lgdt, PAE, CR3, EFER, PE|PG
 *                                         64-bit: rsp, edi = cpu
 *                                         secondary_startup_64 (head.asm)
 *                                         x86_start_secondary(cpu):
 *                                           GDT+TSS, IDT, kernel CR3,
 *                                           CR0/CR4/EFER, LAPIC on
 *   wait for the call-in (2 s)  ◄──────     call in
 *   return 0                                secondary_start_kernel(cpu)
 *
 * The trampoline's page table (trampoline_pgd) is the kernel's top level
 * plus an identity map of the first 2 MiB: the code at 0x8000 runs at
 * its physical address the moment paging turns on, and then jumps to
 * the kernel's higher half, which the kernel entries map. CR3 is loaded
 * in real mode, 32 bits wide, so this table must sit below 4 GiB: it is
 * in the kernel image's .bss, which is loaded at 1 MiB.
 */
#include <anvil/arch.h>
#include <anvil/atomic.h>
#include <anvil/boot.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/percpu.h>
#include <anvil/slab.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <anvil/time.h>
#include <asm/apic.h>
#include <asm/cpufeature.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/smp.h>
#include <asm/special_insns.h>

#define INIT_DELAY_US 10000	/* INIT to SIPI: 10 ms (Intel SDM) */
#define SIPI_DELAY_US 200	/* between the two SIPIs */
#define CALLIN_TIMEOUT_MS 2000	/* TCG under load can be slow */

/* realmode/trampoline.asm's header; keep the two in step. */
struct trampoline_header {
	u8 jmp[8];		/* "jmp short" over the header, padding */
	char signature[4];	/* "ANVL" */
	u32 cr3;		/* trampoline_pgd, physical, < 4 GiB */
	u32 efer;		/* low half of EFER: LME, NXE */
	u32 started;		/* the CPU writes 1 first thing */
	u64 entry64;		/* secondary_startup_64, virtual */
	u64 stack;		/* stack top for the new CPU */
	u32 cpu;		/* its logical number, in EDI */
	u32 pad;
};

extern const u8 trampoline_blob[], trampoline_blob_end[];	/* rmpiggy */
extern const char secondary_startup_64[];			/* head.asm */

u32 x86_cpu_to_apicid[NR_CPUS];
unsigned int x86_nr_cpus;
static unsigned int cpus_not_usable;

enum cpu_boot_state {
	CPU_NOT_STARTED,	/* must stay 0: the .bss default */
	CPU_STARTING,		/* INIT sent, not called in yet */
	CPU_CALLED_IN,		/* running kernel code */
	CPU_FAILED,		/* never called in: parked with INIT */
};

/* What the new CPU needs from the boot CPU, beyond the trampoline. */
struct cpu_boot {
	struct cpu_desc *desc;
	void *ist_stacks;	/* NR_IST_STACKS * IST_STACK_SIZE bytes */
	void *stack_top;
	int state;		/* enum cpu_boot_state */
};

static struct cpu_boot cpu_boot[NR_CPUS];

static pteval_t trampoline_pgd[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static pteval_t trampoline_pud[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
static pteval_t trampoline_pmd[PTRS_PER_TABLE] __aligned(PAGE_SIZE);

/* The boot CPU, whatever its APIC id, is logical CPU 0. */
static void cpu_table_init(void)
{
	if (!x86_nr_cpus) {
		x86_cpu_to_apicid[0] = arch_cpu_id();
		x86_nr_cpus = 1;
	}
}

/*
 * Add the CPU with local APIC id @apic_id to the table, unless it is the
 * boot CPU (already logical 0), beyond what an xAPIC can address, or
 * beyond NR_CPUS. Boot CPU, early (kernel/acpi.c, reading the MADT).
 */
void x86_register_cpu(u32 apic_id)
{
	cpu_table_init();
	if (apic_id == x86_cpu_to_apicid[0])
		return;
	if (apic_id > MAX_XAPIC_ID || x86_nr_cpus == NR_CPUS) {
		cpus_not_usable++;
		return;
	}
	x86_cpu_to_apicid[x86_nr_cpus++] = apic_id;
}

unsigned int x86_cpu_table_finish(void)
{
	cpu_table_init();
	if (cpus_not_usable)
		pr_warn("smpboot: %u CPUs cannot be used (APIC id > %u, or "
			"more than NR_CPUS=%u)\n", cpus_not_usable,
			MAX_XAPIC_ID, NR_CPUS);
	return x86_nr_cpus;
}

/*
 * The trampoline's page table: the kernel's, plus the first 2 MiB
 * identity-mapped (executable, for the trampoline's 64-bit code). The
 * kernel half shares init_top_pgt's lower tables; the top level is
 * copied again before each start, in case it gained entries.
 */
static void trampoline_pgd_sync(void)
{
	memcpy(trampoline_pgd, init_top_pgt, PAGE_SIZE);
	trampoline_pmd[0] = 0 | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED |
			    _PAGE_DIRTY | _PAGE_PSE;
	trampoline_pud[0] = __pa(trampoline_pmd) | _KERNPG_TABLE;
	trampoline_pgd[0] = __pa(trampoline_pud) | _KERNPG_TABLE;
}

/*
 * Copy the trampoline to low memory (once) and fill in the parts of its
 * header that are the same for every CPU.
 */
static struct trampoline_header *trampoline_setup(void)
{
	static struct trampoline_header *hdr;
	size_t size = trampoline_blob_end - trampoline_blob;

	trampoline_pgd_sync();
	if (hdr)
		return hdr;
	BUG_ON(size > PAGE_SIZE || __pa(trampoline_pgd) >= 4 * SZ_1G);
	/* setup_memblock() reserved the first MiB, so 0x8000 is ours. */
	hdr = __va(TRAMPOLINE_PHYS);
	memcpy(hdr, trampoline_blob, size);
	BUG_ON(memcmp(hdr->signature, "ANVL", 4));
	hdr->cr3 = __pa(trampoline_pgd);
	/* EFER as ours, minus LMA, which the CPU sets itself. */
	hdr->efer = (u32)(rdmsr(MSR_EFER) & ~EFER_LMA);
	hdr->entry64 = (u64)secondary_startup_64;
	return hdr;
}

/* The new CPU's GDT, TSS and IST stacks; false if no memory. */
static bool cpu_boot_alloc(struct cpu_boot *b)
{
	unsigned int order = get_order(NR_IST_STACKS * IST_STACK_SIZE);

	b->desc = kzalloc(sizeof(*b->desc), GFP_KERNEL);
	b->ist_stacks = (void *)__get_free_pages(GFP_KERNEL, order);
	if (b->desc && b->ist_stacks)
		return true;
	kfree(b->desc);
	if (b->ist_stacks)
		free_pages((unsigned long)b->ist_stacks, order);
	return false;
}

/*
 * The "universal startup algorithm" of the Intel SDM: INIT (assert, then
 * de-assert, for old CPUs), 10 ms, a SIPI, and a second SIPI 200 us later
 * only if the CPU has not started (a running CPU ignores SIPIs anyway).
 */
static bool wakeup_cpu_via_init(u32 apic_id, struct trampoline_header *hdr)
{
	u32 sipi = APIC_DM_STARTUP | (TRAMPOLINE_PHYS >> PAGE_SHIFT);
	bool ok;

	ok = apic_send_ipi(APIC_DM_INIT | APIC_INT_LEVELTRIG | APIC_INT_ASSERT,
			   apic_id);
	ok = ok && apic_send_ipi(APIC_DM_INIT | APIC_INT_LEVELTRIG, apic_id);
	udelay(INIT_DELAY_US);
	ok = ok && apic_send_ipi(sipi, apic_id);
	udelay(SIPI_DELAY_US);
	if (ok && !READ_ONCE(hdr->started))
		ok = apic_send_ipi(sipi, apic_id);
	return ok;
}

/*
 * Wait for the CPU to call in. On a timeout, give up on it, unless it
 * calls in at that very moment: both sides move the state away from
 * CPU_STARTING with cmpxchg, so exactly one of them wins.
 */
static bool wait_for_callin(struct cpu_boot *b)
{
	u64 end = ktime_get_ns() + CALLIN_TIMEOUT_MS * NSEC_PER_MSEC;

	while (smp_load_acquire(&b->state) != CPU_CALLED_IN) {
		if (ktime_get_ns() > end)
			return cmpxchg(&b->state, CPU_STARTING, CPU_FAILED) ==
			       CPU_CALLED_IN;
		cpu_relax();
	}
	return true;
}

/*
 * Start logical CPU @cpu on @stack_top (see the picture at the top).
 * After mm_init(), from a context that may sleep (it allocates) and
 * busy-waits up to ~2 s; one call at a time (smp_init() runs them in
 * turn), since all share the trampoline page. Returns 0 once the CPU
 * runs kernel code and is about to call secondary_start_kernel(); -1 if
 * it does not exist, was started before, memory ran out, or it never
 * called in (it is then parked with INIT, so it cannot wake up later on
 * a trampoline set up for another CPU).
 */
int arch_boot_secondary(unsigned int cpu, void *stack_top)
{
	struct cpu_boot *b;
	struct trampoline_header *hdr;
	u32 apic_id;

	if (cpu == 0 || cpu >= x86_nr_cpus)
		return -1;
	b = &cpu_boot[cpu];
	if (cmpxchg(&b->state, CPU_NOT_STARTED, CPU_STARTING) !=
	    CPU_NOT_STARTED)
		return -1;
	if (!cpu_boot_alloc(b)) {
		b->state = CPU_FAILED;
		return -1;
	}
	b->stack_top = stack_top;
	apic_bsp_setup();		/* the ICR, for the IPIs below */
	hdr = trampoline_setup();
	hdr->stack = (u64)stack_top;
	hdr->cpu = cpu;
	hdr->started = 0;
	apic_id = x86_cpu_to_apicid[cpu];
	smp_mb();	/* the header is in memory before the CPU can run */
	if (!wakeup_cpu_via_init(apic_id, hdr))
		cmpxchg(&b->state, CPU_STARTING, CPU_FAILED);
	else if (wait_for_callin(b))
		return 0;
	pr_err("smpboot: CPU %u (APIC id %u) did not call in%s\n", cpu,
	       apic_id, READ_ONCE(hdr->started) ? " (trampoline ran)" : "");
	/* Its GDT and stacks stay allocated: it may be using them still. */
	apic_send_ipi(APIC_DM_INIT | APIC_INT_LEVELTRIG | APIC_INT_ASSERT,
		      apic_id);
	return -1;
}

/*
 * The new CPU's first C code, from secondary_startup_64, on its own
 * stack and still on the trampoline's page table; interrupts off, no
 * per-CPU base yet (generic code sets it first thing), so nothing here
 * may printk. Descriptor tables come first: until the IDT is loaded,
 * any exception would reset the machine.
 */
void __noreturn x86_start_secondary(unsigned int cpu)
{
	struct cpu_boot *b = &cpu_boot[cpu];

	load_cpu_desc(cpu, b->desc, b->stack_top, b->ist_stacks);
	load_idt();
	write_cr3(__pa(init_top_pgt));	/* the identity map goes away */
	cpu_init();
	lapic_init();
	if (cmpxchg(&b->state, CPU_STARTING, CPU_CALLED_IN) != CPU_STARTING) {
		/* Too late: the boot CPU gave up on us. Stay out of the way. */
		for (;;)
			halt();
	}
	secondary_start_kernel(cpu);
}
