// SPDX-License-Identifier: MIT
/*
 * setup_64.c: bringing the boot CPU up, in two steps.
 *
 *  early_setup()  called by head_64.S before start_kernel(): this CPU's
 *                 paca, the exception vectors, the OPAL console. No
 *                 generic code has run yet and none is called here.
 *  setup_arch()   called by start_kernel() right after the per-CPU
 *                 setup (<anvil/arch.h>): reads the device tree into
 *                 boot_params and memblock (prom.c), registers the
 *                 clock, asks the BMC to stop its watchdog
 *                 (opal-ipmi.c), builds the hash page table and turns
 *                 translation on (mm/hash_utils.c), and moves the other
 *                 CPUs to the holding pen (smp.c).
 *
 * Until hash_mmu_init() the CPU runs in real mode, but at the kernel's
 * linked addresses (0xc000...): real mode ignores the top address bits,
 * so to generic code nothing changes when translation comes on. (This
 * is why ppc64 can turn the MMU on inside setup_arch(): the memory map
 * the hash table needs comes from the device tree, read just before.)
 */
#include <anvil/arch.h>
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/time.h>
#include <asm/mmu-hash.h>
#include <asm/opal.h>
#include <asm/paca.h>
#include <asm/page.h>
#include <asm/prom.h>
#include <asm/reg.h>
#include <asm/traps.h>

#define DEC_MAX 0x7fffffffUL

static void *boot_fdt;
static u64 boot_entry_tb;

/*
 * Copy the vector block (exceptions-64s.S) over skiboot's vectors, from
 * real address 0x100 up, and make the instruction cache see it: push the
 * new bytes out of the data cache, then drop stale instruction lines.
 */
static void install_exception_vectors(void)
{
	const u32 *src = (const u32 *)(__vectors_start + 0x100);
	u32 *dst = __va(0x100);
	size_t i, n = (__vectors_size - 0x100) / 4;
	unsigned long a, start = (unsigned long)dst;

	for (i = 0; i < n; i++)
		dst[i] = src[i];
	for (a = start; a < start + n * 4; a += L1_CACHE_BYTES)
		__asm__ __volatile__("dcbst 0,%0" : : "r"(a) : "memory");
	__asm__ __volatile__("sync" : : : "memory");
	for (a = start; a < start + n * 4; a += L1_CACHE_BYTES)
		__asm__ __volatile__("icbi 0,%0" : : "r"(a) : "memory");
	__asm__ __volatile__("sync; isync" : : : "memory");
}

void early_setup(unsigned long fdt_pa, u64 opal_base, u64 opal_entry,
		 u64 entry_tb)
{
	paca_init_boot();
	boot_lpcr = mfspr(SPRN_LPCR);
	/* Nothing should tick before arch_timer_init(). */
	mtspr(SPRN_DEC, DEC_MAX);
	install_exception_vectors();
	opal_init_early(opal_base, opal_entry);
	boot_fdt = __va(fdt_pa);
	boot_entry_tb = entry_tb;
}

void setup_arch(void)
{
	boot_params.entry_cycles = boot_entry_tb;
	early_init_devtree(boot_fdt);
	clock_register(ppc_tb_freq);
	opal_watchdog_stop();
	hash_mmu_init();
	smp_hold_secondaries();
	xics_cpu_init();

	pr_info("ppc64: %s, boot CPU PIR %u (%u CPUs), PVR %08lx\n",
		boot_params.machine, arch_cpu_id(), boot_params.nr_cpus,
		mfspr(SPRN_PVR));
	pr_info("ppc64: MSR %016lx (translation %s), timebase %llu Hz\n",
		mfmsr(), (mfmsr() & (MSR_IR | MSR_DR)) ? "on" : "off",
		(unsigned long long)ppc_tb_freq);
}
