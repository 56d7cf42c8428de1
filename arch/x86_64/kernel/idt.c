// SPDX-License-Identifier: MIT
/*
 * kernel/idt.c: the Interrupt Descriptor Table.
 *
 * Interface: idt_setup(), load_idt() (asm/desc.h). The IDT has one gate
 * per vector (256). Each points at that vector's stub in
 * kernel/entry.asm, so an unexpected vector still arrives with its number
 * and is reported, instead of faulting on an empty gate.
 *
 * All gates are interrupt gates (the CPU clears IF on entry) at DPL 0
 * (an "int N" from user mode raises #GP instead), but for int3's and
 * into's, which user mode may use (user_gate()). NMI, double fault and
 * machine check run on IST stacks of their own, set up in kernel/gdt.c:
 * a double fault usually means a broken kernel stack, and an NMI or
 * machine check may hit the syscall entry while RSP is still the user's.
 */
#include <anvil/compiler.h>
#include <asm/desc.h>
#include <asm/irq_vectors.h>
#include <asm/segment.h>
#include <asm/traps.h>

struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 ist;			/* bits 0-2: IST slot, 0 = none */
	u8 type_attr;		/* P | DPL | type */
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_INTERRUPT 0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define GATE_DPL3 0x60		/* ... that "int N" in user mode may use */

static struct gate_desc idt_table[NR_VECTORS] __aligned(16);

extern const unsigned long vector_stub_table[NR_VECTORS];	/* entry.asm */

/*
 * int3 (the breakpoint debuggers plant) and int $4 (into's vector) are
 * meant for user mode: their gates are DPL 3, as Linux's, so they raise
 * their own exception (SIGTRAP, SIGSEGV) instead of #GP. Every other
 * "int N" from user mode is #GP, above all the interrupt vectors: a
 * program must not be able to fake a timer tick or an IPI.
 */
static bool user_gate(unsigned int vector)
{
	return vector == X86_TRAP_BP || vector == X86_TRAP_OF;
}

static void set_intr_gate(unsigned int vector, unsigned long addr,
			  unsigned int ist)
{
	struct gate_desc *g = &idt_table[vector];

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_INTERRUPT | (user_gate(vector) ? GATE_DPL3 : 0);
	g->offset_middle = (addr >> 16) & 0xffff;
	g->offset_high = addr >> 32;
	g->reserved = 0;
}

/* The paranoid vectors (kernel/entry.asm) each have an IST stack. */
static unsigned int vector_ist(unsigned int vector)
{
	switch (vector) {
	case X86_TRAP_NMI:
		return IST_NMI;
	case X86_TRAP_DF:
		return IST_DOUBLE_FAULT;
	case X86_TRAP_MC:
		return IST_MCE;
	default:
		return 0;
	}
}

void idt_setup(void)
{
	for (unsigned int v = 0; v < NR_VECTORS; v++)
		set_intr_gate(v, vector_stub_table[v], vector_ist(v));
}

/* Point this CPU's IDTR at the (shared) table. */
void load_idt(void)
{
	struct desc_ptr ptr = {
		.size = sizeof(idt_table) - 1,
		.address = (u64)idt_table,
	};

	__asm__ __volatile__("lidt %0" : : "m"(ptr));
}
