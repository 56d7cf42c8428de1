// SPDX-License-Identifier: MIT
/*
 * kernel/tsc.c: the Time Stamp Counter, anvil's clock on x86_64.
 *
 * Interface: tsc_init(), tsc_delay_us() (asm/tsc.h); get_cycles()
 * (asm/timex.h) reads it. The TSC counts at a constant rate, but CPUID
 * does not say which on our machine (no leaves 0x15/0x16 under TCG, and
 * TCG passes the host's TSC through), so we measure it: count TSC cycles
 * over an interval timed by a clock whose rate we do know.
 *
 *   HPET (kernel/hpet.c)   100 MHz on q35, exact: preferred
 *   PIT  (kernel/i8253.c)  1.193182 MHz, polled: ~0.1% high under TCG
 *
 * The result goes to clock_register() (kernel/time.c), which turns cycles
 * into nanoseconds for the rest of the kernel.
 */
#include <anvil/kernel.h>
#include <anvil/time.h>
#include <asm/acpi.h>
#include <asm/hpet.h>
#include <asm/processor.h>
#include <asm/timex.h>
#include <asm/tsc.h>

#define CALIBRATE_MS 20		/* long enough for < 1 ppm with the HPET */
#define FS_PER_NS 1000000ULL

u64 tsc_hz;

/*
 * Measure over CALIBRATE_MS of HPET time. The HPET read is slow (MMIO,
 * emulated), so take the TSC right after each HPET read, and compute
 * with the HPET interval actually elapsed, not the one we aimed for.
 */
static u64 tsc_calibrate_hpet(void)
{
	u64 mask = hpet_counter_mask();
	u64 ticks = CALIBRATE_MS * 1000000000000ULL / hpet_period_fs();
	u64 h0, h1, t0, t1, ns;

	h0 = hpet_read();
	t0 = rdtsc();
	do {
		cpu_relax();
		h1 = hpet_read();
		t1 = rdtsc();
	} while (((h1 - h0) & mask) < ticks);
	ns = ((h1 - h0) & mask) * hpet_period_fs() / FS_PER_NS;
	return (t1 - t0) * NSEC_PER_SEC / ns;
}

static u64 tsc_calibrate_pit(void)
{
	return pit_measure_tsc(CALIBRATE_MS) * (1000 / CALIBRATE_MS);
}

/*
 * Find the TSC's rate and register it as the kernel clock. Boot CPU,
 * interrupts off, after paging_init() (the HPET is mapped through the
 * fixmap).
 */
void tsc_init(void)
{
	const char *ref = "HPET";

	if (hpet_enable(acpi_info.hpet_addr)) {
		tsc_hz = tsc_calibrate_hpet();
	} else {
		pr_warn("tsc: no HPET, calibrating against the PIT\n");
		ref = "PIT";
		tsc_hz = tsc_calibrate_pit();
	}
	pr_info("tsc: %llu.%06llu MHz (measured against the %s)\n",
		(unsigned long long)(tsc_hz / 1000000),
		(unsigned long long)(tsc_hz % 1000000), ref);
	clock_register(tsc_hz);
}

/* Busy-wait on the TSC alone, for arch code that runs before HZ ticks. */
void tsc_delay_us(u64 us)
{
	u64 start = rdtsc();
	u64 cycles = tsc_hz / 1000000 * us;

	while (rdtsc() - start < cycles)
		cpu_relax();
}
