// SPDX-License-Identifier: MIT
/*
 * arch/x86_64/kernel/cpuinfo.c: x86_64's lines of /proc/cpuinfo, the
 * first ones of Linux's show_cpuinfo (arch/x86/kernel/cpu/proc.c):
 *
 *	vendor_id	: GenuineIntel		CPUID 0
 *	cpu family	: 6			CPUID 1, with the extended
 *	model		: 6			family and model added in
 *	model name	: QEMU Virtual CPU ...	CPUID 0x80000002..4
 *	stepping	: 3
 *
 * CPUID runs on the reading CPU, not necessarily @cpu: anvil does not
 * record each CPU's answers at boot, and QEMU's CPUs are all alike.
 */
#include <anvil/arch.h>
#include <anvil/seq_file.h>
#include <anvil/string.h>
#include <asm/special_insns.h>

void arch_show_cpuinfo(struct seq_file *m, unsigned int cpu)
{
	u32 a, b, c, d, family, model, stepping, regs[12];
	char vendor[13], name[49];
	char *p = name;

	cpuid(0, &a, &b, &c, &d);
	memcpy(vendor, &b, 4);
	memcpy(vendor + 4, &d, 4);
	memcpy(vendor + 8, &c, 4);
	vendor[12] = '\0';

	cpuid(1, &a, &b, &c, &d);
	stepping = a & 0xf;
	family = (a >> 8) & 0xf;
	model = (a >> 4) & 0xf;
	if (family == 0xf)
		family += (a >> 20) & 0xff;
	if (family >= 6)
		model += ((a >> 16) & 0xf) << 4;

	name[0] = '\0';
	cpuid(0x80000000, &a, &b, &c, &d);
	if (a >= 0x80000004) {
		for (u32 i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &regs[4 * i], &regs[4 * i + 1],
			      &regs[4 * i + 2], &regs[4 * i + 3]);
		memcpy(name, regs, 48);
		name[48] = '\0';
		while (*p == ' ')	/* Intel pads the brand on the left */
			p++;
	}
	seq_printf(m, "vendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n",
		   vendor, family, model);
	seq_printf(m, "model name\t: %s\nstepping\t: %u\n",
		   *p ? p : "unknown", stepping);
}
