// SPDX-License-Identifier: MIT
/*
 * kernel/hpet.c: the HPET, as a reference clock.
 *
 * Interface: asm/hpet.h. The High Precision Event Timer is a counter at
 * a known, fixed rate (q35: 100 MHz), memory-mapped at the address the
 * ACPI "HPET" table gives (0xfed00000). anvil only reads its main
 * counter, to measure the TSC's rate (kernel/tsc.c); its comparators
 * (timer interrupts) are unused.
 */
#include <anvil/kernel.h>
#include <asm/fixmap.h>
#include <asm/hpet.h>
#include <asm/io.h>

#define HPET_ID 0x000		/* capabilities: period in bits 63:32 */
#define  HPET_ID_64BIT (1UL << 13)	/* COUNT_SIZE_CAP */
#define HPET_CFG 0x010
#define  HPET_CFG_ENABLE (1UL << 0)
#define HPET_COUNTER 0x0f0

/* The spec's bound: a period above 100 ns (10 MHz) is not an HPET. */
#define HPET_MAX_PERIOD_FS 100000000UL

static u8 *hpet_base;	/* registers, through the fixmap */
static u64 period_fs;
static u64 counter_mask;

bool hpet_enable(phys_addr_t phys)
{
	u64 id;

	if (!phys)
		return false;
	hpet_base = set_fixmap_nocache(FIX_HPET_BASE, phys);
	id = readq(hpet_base + HPET_ID);
	period_fs = id >> 32;
	if (period_fs == 0 || period_fs > HPET_MAX_PERIOD_FS) {
		pr_warn("HPET: bogus period %llu fs, not using it\n",
			(unsigned long long)period_fs);
		hpet_base = NULL;
		return false;
	}
	counter_mask = id & HPET_ID_64BIT ? ~0ULL : 0xffffffffULL;
	writeq(hpet_base + HPET_CFG,
	       readq(hpet_base + HPET_CFG) | HPET_CFG_ENABLE);
	pr_info("HPET: at %#llx, %llu kHz, %s counter\n",
		(unsigned long long)phys,
		(unsigned long long)(1000000000000ULL / period_fs),
		counter_mask == ~0ULL ? "64-bit" : "32-bit");
	return true;
}

u64 hpet_read(void)
{
	return readq(hpet_base + HPET_COUNTER) & counter_mask;
}

u64 hpet_period_fs(void)
{
	return period_fs;
}

u64 hpet_counter_mask(void)
{
	return counter_mask;
}
