/* SPDX-License-Identifier: MIT */
/*
 * asm/io.h: talking to devices.
 *
 * x86 has two ways: the separate 64 KiB I/O port space (in/out
 * instructions; the 16550 UART, the 8259 PIC, the PIT, ACPI PM ports) and
 * memory-mapped registers (LAPIC, HPET), reached through an uncached
 * mapping from asm/fixmap.h. The MMIO accessors are volatile so the
 * compiler makes exactly one access of exactly that width.
 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <anvil/compiler.h>
#include <anvil/types.h>

static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u16 inw(u16 port)
{
	u16 v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline u32 inl(u16 port)
{
	u32 v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(u16 port, u8 v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(u16 port, u16 v)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(u16 port, u32 v)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

/* A write to an unused port: ~1 us on real ISA hardware, for old chips. */
static inline void io_delay(void)
{
	outb(0x80, 0);
}

static inline u32 readl(const volatile void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline u64 readq(const volatile void *addr)
{
	return *(const volatile u64 *)addr;
}

static inline void writel(volatile void *addr, u32 v)
{
	*(volatile u32 *)addr = v;
}

static inline void writeq(volatile void *addr, u64 v)
{
	*(volatile u64 *)addr = v;
}

#endif /* _ASM_X86_IO_H */
