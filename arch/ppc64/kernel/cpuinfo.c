// SPDX-License-Identifier: MIT
/*
 * arch/ppc64/kernel/cpuinfo.c: ppc64's lines of /proc/cpuinfo, as
 * Linux's show_cpuinfo (arch/powerpc/kernel/setup-common.c) starts them:
 *
 *	cpu		: POWER8 (raw)
 *	revision	: 2.0 (pvr 004d 0200)
 *
 * The name comes from the processor version register's upper half, as
 * Linux's cpu_specs table matches it; the revision from its lower half.
 * Linux adds ", altivec supported" for CPUs with VMX: anvil does not save
 * VMX state for user tasks, so it does not claim it. The PVR is read on
 * the reading CPU; on a PowerNV machine every CPU has the same one.
 */
#include <anvil/arch.h>
#include <anvil/seq_file.h>
#include <asm/reg.h>

static const char *pvr_name(unsigned int version)
{
	switch (version) {
	case 0x004b:
		return "POWER8E (raw)";
	case 0x004c:
		return "POWER8NVL (raw)";
	case 0x004d:
		return "POWER8 (raw)";
	case 0x004e:
		return "POWER9 (raw)";
	case 0x0080:
		return "POWER10 (raw)";
	}
	return "unknown";
}

void arch_show_cpuinfo(struct seq_file *m, unsigned int cpu)
{
	unsigned long pvr = mfspr(SPRN_PVR);
	unsigned int version = (pvr >> 16) & 0xffff, rev = pvr & 0xffff;

	seq_printf(m, "cpu\t\t: %s\n", pvr_name(version));
	seq_printf(m, "revision\t: %u.%u (pvr %04x %04x)\n", (rev >> 8) & 0xf,
		   rev & 0xff, version, rev);
}
