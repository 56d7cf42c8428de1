// SPDX-License-Identifier: MIT
/*
 * kernel/apic.c: the local APIC: its timer (the tick) and sending IPIs.
 *
 * Interface: asm/apic.h, and arch_timer_init() / arch_cpu_id()
 * (<anvil/arch.h>). Every CPU has a local APIC: it receives interrupts
 * for that CPU, sends IPIs, and has a timer that counts down from a
 * programmed value at the bus clock / a divider (1 GHz / 16 on QEMU).
 * Every LAPIC sits at the same physical address, 0xfee00000, and each
 * CPU sees its own there: one fixmap slot serves them all.
 *
 *   apic_bsp_setup()            once, on the boot CPU:
 *     legacy_pic_disable()      mask the 8259s (kernel/i8259.c)
 *     lapic_init()              map 0xfee00000 uncached, software-enable
 *     io_apic_init()            map the IOAPIC, mask its pins
 *                               (kernel/io_apic.c)
 *     apic_timer_calibrate()    measure the timer against the TSC
 *     serial_irq_init()         route COM1's IRQ 4 to this CPU
 *                               (kernel/early_console.c): console input
 *   arch_timer_init()           on every CPU: periodic at HZ on
 *                               LOCAL_TIMER_VECTOR
 *
 * The tick handler EOIs first, then calls the generic timer_interrupt()
 * between irq_enter() and irq_exit(): the return path may switch tasks
 * (kernel/traps.c), and the LAPIC must not be left waiting for the EOI
 * while another task runs.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/percpu.h>
#include <anvil/preempt.h>
#include <anvil/time.h>
#include <asm/apic.h>
#include <asm/fixmap.h>
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/irqflags.h>
#include <asm/irq_vectors.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/special_insns.h>
#include <asm/timex.h>
#include <asm/tsc.h>

#define APIC_CALIBRATE_MS 10
#define APIC_ICR_WAIT_US 1000	/* an IPI leaves in well under this */

static u8 *lapic_base;		/* registers, through the fixmap */
static u32 lapic_timer_period;	/* timer counts per tick (HZ) */

u32 apic_read(u32 reg)
{
	return readl(lapic_base + reg);
}

static void apic_write(u32 reg, u32 v)
{
	writel(lapic_base + reg, v);
}

bool lapic_is_mapped(void)
{
	return lapic_base != NULL;
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/*
 * Map this CPU's LAPIC and turn it on. The hardware enable is the
 * APIC_BASE MSR (firmware sets it); the software enable is a bit in the
 * spurious-vector register, which also names the vector the LAPIC uses
 * when an interrupt vanishes between being signalled and acknowledged.
 */
void lapic_init(void)
{
	u64 base = rdmsr(MSR_IA32_APIC_BASE);

	if (!(base & APIC_BASE_ENABLE)) {
		base |= APIC_BASE_ENABLE;
		wrmsr(MSR_IA32_APIC_BASE, base);
	}
	if (!lapic_base) {
		lapic_base = set_fixmap_nocache(FIX_APIC_BASE,
						base & APIC_BASE_ADDR_MASK);
		pr_info("APIC: local APIC id %u at %#llx, version 0x%x\n",
			apic_read(APIC_ID) >> 24,
			(unsigned long long)(base & APIC_BASE_ADDR_MASK),
			apic_read(APIC_LVR) & 0xff);
	}
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVTERR, APIC_LVT_MASKED);
	apic_write(APIC_SPIV, APIC_SPIV_APIC_ENABLED | SPURIOUS_APIC_VECTOR);
}

/*
 * Count how far the timer gets in APIC_CALIBRATE_MS of TSC time, with
 * its interrupt masked. Returns counts per second (after the divider).
 */
static u64 apic_timer_calibrate(void)
{
	u32 left;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0xffffffff);
	tsc_delay_us(APIC_CALIBRATE_MS * 1000);
	left = apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);	/* stop it */
	return (u64)(0xffffffff - left) * (1000 / APIC_CALIBRATE_MS);
}

void apic_bsp_setup(void)
{
	u64 hz;

	if (lapic_timer_period)
		return;
	legacy_pic_disable();
	lapic_init();
	io_apic_init();
	hz = apic_timer_calibrate();
	lapic_timer_period = hz / HZ;
	pr_info("APIC: timer %llu kHz (after /16), %u counts per tick at "
		"HZ=%d\n", (unsigned long long)(hz / 1000), lapic_timer_period,
		HZ);
	/*
	 * Device interrupts last, with this LAPIC enabled to take them: a
	 * byte that is already waiting raises IRQ 4 the moment the UART's
	 * interrupt is enabled, and an edge the LAPIC dropped would never
	 * come again (the line stays high until the FIFO is read).
	 */
	serial_irq_init();
}

/*
 * Start this CPU's tick. The boot CPU calls it from start_kernel(), the
 * others from secondary_start_kernel(); the calibration is the boot
 * CPU's, done once (all LAPIC timers run off the same bus clock).
 * Interrupts off; the first tick comes once they are on.
 */
void arch_timer_init(void)
{
	apic_bsp_setup();
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, lapic_timer_period);
}

/* Ticks taken by each CPU: tests check that every CPU's timer runs. */
static DEFINE_PER_CPU(unsigned long, apic_timer_irqs);

unsigned long apic_timer_irqs_of(unsigned int cpu)
{
	return READ_ONCE(per_cpu(apic_timer_irqs, cpu));
}

void apic_timer_interrupt(void)
{
	apic_eoi();
	(*raw_cpu_ptr(&apic_timer_irqs))++;
	irq_enter();
	timer_interrupt();
	irq_exit();
}

/* Wait for the ICR's previous IPI to be delivered; false on timeout. */
static bool apic_wait_icr_idle(void)
{
	u64 end = ktime_get_ns() + APIC_ICR_WAIT_US * NSEC_PER_USEC;

	while (apic_read(APIC_ICR) & APIC_ICR_BUSY) {
		if (ktime_get_ns() > end)
			return false;
		cpu_relax();
	}
	return true;
}

bool apic_send_ipi(u32 low, u32 apic_id)
{
	unsigned long flags;
	bool idle;

	/*
	 * Interrupts off: an interrupt handler that sends an IPI of its own
	 * between our two writes would change the target under us.
	 */
	flags = arch_local_irq_save();
	idle = apic_wait_icr_idle();
	if (idle) {
		/* The high word names the target; writing the low one sends. */
		apic_write(APIC_ICR2, apic_id << 24);
		apic_write(APIC_ICR, low);
	}
	arch_local_irq_restore(flags);
	return idle;
}

/*
 * The LAPIC id, from the register once it is mapped, else from CPUID
 * (leaf 1 EBX[31:24], the id the LAPIC had at reset).
 */
unsigned int arch_cpu_id(void)
{
	u32 a, b, c, d;

	if (lapic_base)
		return apic_read(APIC_ID) >> 24;
	cpuid(1, &a, &b, &c, &d);
	return b >> 24;
}
