// SPDX-License-Identifier: MIT
/*
 * kernel/cpu.c: who is this CPU, and turning on what it offers.
 *
 * identify_boot_cpu() reads CPUID once into boot_cpu_data
 * (asm/cpufeature.h). cpu_init() then sets this CPU's CR0, CR4 and EFER
 * from those feature bits; kernel/smpboot.c calls it on each new CPU too,
 * which starts with CR4 almost empty (only PAE, from the trampoline).
 *
 * arch_percpu_setup() (<anvil/arch.h>) points this CPU's GS base at its
 * per-CPU area.
 *
 * Every bit is turned on because CPUID says the CPU has it, never because
 * "setting it did not fault": QEMU TCG 7.2 accepts CR4.PCIDE although it
 * reports no PCID, and would then misbehave.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <asm/cpufeature.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/pgtable.h>
#include <asm/special_insns.h>

struct cpuinfo_x86 boot_cpu_data;
/* CR4.SMAP is on: the entry and user-copy code must use stac/clac
 * (invalid opcodes without SMAP, so they test this first). */
bool x86_smap_enabled;

static void cpuid_vendor(struct cpuinfo_x86 *c)
{
	u32 regs[4];

	cpuid(0, &c->cpuid_level, &regs[0], &regs[2], &regs[1]);
	memcpy(c->vendor, regs, 12);	/* EBX, EDX, ECX spell it */
	c->vendor[12] = '\0';
}

/* The 48-byte brand string from leaves 0x80000002-4, leading spaces cut. */
static void cpuid_brand(struct cpuinfo_x86 *c)
{
	u32 regs[13] = { 0 };		/* 48 bytes and a NUL */
	const char *s = (const char *)regs;

	if (c->extended_cpuid_level < 0x80000004) {
		strlcpy(c->model_id, "unknown", sizeof(c->model_id));
		return;
	}
	for (int i = 0; i < 3; i++)
		cpuid(0x80000002 + i, &regs[4 * i], &regs[4 * i + 1],
		      &regs[4 * i + 2], &regs[4 * i + 3]);
	while (*s == ' ')
		s++;
	strlcpy(c->model_id, s, sizeof(c->model_id));
}

/* Family/model/stepping from leaf 1 EAX, with the extended fields. */
static void cpuid_signature(struct cpuinfo_x86 *c, u32 eax)
{
	c->family = (eax >> 8) & 0xf;
	c->model = (eax >> 4) & 0xf;
	c->stepping = eax & 0xf;
	if (c->family == 0xf)
		c->family += (eax >> 20) & 0xff;
	if (c->family >= 6)
		c->model += ((eax >> 16) & 0xf) << 4;
}

static void cpuid_features(struct cpuinfo_x86 *c)
{
	u32 a, b, unused;

	cpuid(1, &a, &b, &c->capability[CPUID_1_ECX],
	      &c->capability[CPUID_1_EDX]);
	cpuid_signature(c, a);
	if (c->cpuid_level >= 7)
		cpuid_count(7, 0, &unused, &c->capability[CPUID_7_0_EBX],
			    &c->capability[CPUID_7_0_ECX], &unused);
	cpuid(0x80000000, &c->extended_cpuid_level, &unused, &unused,
	      &unused);
	if (c->extended_cpuid_level >= 0x80000001)
		cpuid(0x80000001, &unused, &unused,
		      &c->capability[CPUID_8000_0001_ECX],
		      &c->capability[CPUID_8000_0001_EDX]);
	if (c->extended_cpuid_level >= 0x80000008) {
		cpuid(0x80000008, &a, &unused, &unused, &unused);
		c->phys_bits = a & 0xff;
		c->virt_bits = (a >> 8) & 0xff;
	} else {
		c->phys_bits = 36;
		c->virt_bits = 48;
	}
}

/* The flags worth a line at boot, named as in /proc/cpuinfo. */
#define FEATURE_NAME(f, name) { X86_FEATURE_##f, name }
static const struct {
	unsigned int feature;
	const char *name;
} feature_names[] = {
	FEATURE_NAME(PGE, "pge"),
	FEATURE_NAME(APIC, "apic"),
	FEATURE_NAME(X2APIC, "x2apic"),
	FEATURE_NAME(TSC_DEADLINE, "tsc_deadline"),
	FEATURE_NAME(NX, "nx"),
	FEATURE_NAME(GBPAGES, "pdpe1gb"),
	FEATURE_NAME(SYSCALL, "syscall"),
	FEATURE_NAME(PCID, "pcid"),
	FEATURE_NAME(SMEP, "smep"),
	FEATURE_NAME(SMAP, "smap"),
	FEATURE_NAME(UMIP, "umip"),
	FEATURE_NAME(LA57, "la57"),
	FEATURE_NAME(XSAVE, "xsave"),
	FEATURE_NAME(HYPERVISOR, "hypervisor"),
};

static void print_cpu_info(const struct cpuinfo_x86 *c)
{
	char flags[160];
	size_t len = 0;

	pr_info("CPU: %s %s (family 0x%x, model 0x%x, stepping %u)\n",
		c->vendor, c->model_id, c->family, c->model, c->stepping);
	for (size_t i = 0; i < ARRAY_SIZE(feature_names); i++) {
		if (!boot_cpu_has(feature_names[i].feature) ||
		    len >= sizeof(flags))
			continue;
		len += snprintf(flags + len, sizeof(flags) - len, " %s",
				feature_names[i].name);
	}
	flags[min(len, sizeof(flags) - 1)] = '\0';
	pr_info("CPU: %u-bit physical, %u-bit virtual addresses; flags:%s\n",
		c->phys_bits, c->virt_bits, flags);
}

/*
 * Read CPUID into boot_cpu_data and check the features anvil cannot do
 * without. Boot CPU, early; halts (after saying why) on a missing one.
 */
void identify_boot_cpu(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;
	static const struct {
		unsigned int feature;
		const char *why;
	} required[] = {
		{ X86_FEATURE_TSC, "the TSC (the clock)" },
		{ X86_FEATURE_MSR, "rdmsr/wrmsr" },
		{ X86_FEATURE_APIC, "a local APIC (the timer)" },
	};

	cpuid_vendor(c);
	cpuid_features(c);
	cpuid_brand(c);
	print_cpu_info(c);
	for (size_t i = 0; i < ARRAY_SIZE(required); i++) {
		if (!boot_cpu_has(required[i].feature)) {
			pr_emerg("CPU: anvil needs %s; halting\n",
				 required[i].why);
			machine_halt();
		}
	}
}

/* CR4 bits worth having, each gated on the CPUID bit that promises it. */
static unsigned long cr4_wanted(void)
{
	unsigned long cr4 = 0;

	if (boot_cpu_has(X86_FEATURE_PGE))
		cr4 |= X86_CR4_PGE;
	if (boot_cpu_has(X86_FEATURE_FXSR) && boot_cpu_has(X86_FEATURE_XMM))
		cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	if (boot_cpu_has(X86_FEATURE_SMEP))
		cr4 |= X86_CR4_SMEP;
	/*
	 * SMAP: the kernel faults on any user page it touches outside a
	 * stac/clac window, which only lib/copy_user.asm opens.
	 */
	if (boot_cpu_has(X86_FEATURE_SMAP))
		cr4 |= X86_CR4_SMAP;
	if (boot_cpu_has(X86_FEATURE_UMIP))
		cr4 |= X86_CR4_UMIP;
	return cr4;
}

/*
 * Set this CPU's control registers: CR0.WP (read-only pages bind the
 * kernel too, which W^X in mm/init.c relies on), the CR4 features above,
 * and EFER.NXE, without which the NX bit in a page table is reserved and
 * faults; then the syscall MSRs. Must run before the first page table
 * with NX is loaded. Every CPU, interrupts off.
 */
void cpu_init(void)
{
	unsigned long cr0 = read_cr0();
	unsigned long cr4 = cr4_wanted();

	cr0 |= X86_CR0_WP | X86_CR0_NE | X86_CR0_MP;
	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	write_cr0(cr0);
	write_cr4(read_cr4() | cr4);
	x86_smap_enabled = cr4 & X86_CR4_SMAP;
	if (boot_cpu_has(X86_FEATURE_NX)) {
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
		__supported_pte_mask |= _PAGE_NX;
	}
	syscall_init();
}

/*
 * Make @base this CPU's per-CPU area: every %gs-relative load now reads
 * it (asm/percpu.h). Called once on each CPU by generic code, interrupts
 * off, before anything reads per-CPU data; after the CPU's segment
 * registers are loaded (kernel/gdt.c keeps the base across its reload).
 */
void arch_percpu_setup(void *base)
{
	wrmsr(MSR_GS_BASE, (u64)base);
}
