/* SPDX-License-Identifier: MIT */
/*
 * asm/desc.h: the descriptor tables: GDT, TSS (kernel/gdt.c), IDT
 * (kernel/idt.c).
 *
 * Each CPU needs its own GDT and TSS (the TSS holds the stacks the CPU
 * switches to, and a busy bit in the GDT). The boot CPU's struct
 * cpu_desc is static (kernel/traps.c); kernel/smpboot.c allocates one
 * per other CPU and calls load_cpu_desc() on it. The IDT is shared by
 * every CPU.
 */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <asm/segment.h>

/* Interrupt Stack Table slots (1-7; 0 means "no stack switch"). */
#define IST_DOUBLE_FAULT 1
#define IST_STACK_SIZE (4 * 4096)

/* The 64-bit Task State Segment: no tasks any more, only stack pointers. */
struct tss_struct {
	u32 reserved0;
	u64 rsp0;		/* stack for ring 3 -> 0: the running
				 * task's thread.sp0 */
	u64 rsp1, rsp2;
	u64 reserved1;
	u64 ist[7];		/* IST stacks: ist[0] is slot 1 */
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;	/* past the limit: no I/O bitmap */
} __packed;

/* Everything per CPU that the descriptor registers point at. */
struct cpu_desc {
	u64 gdt[GDT_ENTRIES] __aligned(16);
	struct tss_struct tss __aligned(16);
};

/*
 * Per-CPU state the entry code needs before it has a stack, reached as
 * %gs:x86_cpu_entry_offset + field (kernel/entry.asm; the linker script
 * computes the offset of the per-CPU variable cpu_entry, defined in
 * kernel/syscall.c; use it in C through raw_cpu_ptr(&cpu_entry)).
 */
struct x86_cpu_entry {
	unsigned long top_of_stack;	/* 0: the running task's thread.sp0 */
	unsigned long user_rsp;		/* 8: syscall entry: the user's RSP */
	struct tss_struct *tss;		/* this CPU's TSS, for rsp0 */
};
extern struct x86_cpu_entry cpu_entry;		/* DEFINE_PER_CPU */

/*
 * Make @sp0 this CPU's stack for entries from user mode: TSS.rsp0 and
 * cpu_entry.top_of_stack. At each context switch (kernel/process.c);
 * interrupts off.
 */
void load_sp0(unsigned long sp0);

/* The pointer loaded by lgdt/lidt. */
struct desc_ptr {
	u16 size;		/* limit: bytes - 1 */
	u64 address;
} __packed;

/*
 * The IST stacks of each CPU: one per paranoid vector (NMI, double
 * fault, machine check; kernel/entry.asm), IST_STACK_SIZE bytes each.
 */
#define IST_NMI 2
#define IST_MCE 3
#define NR_IST_STACKS 3

/*
 * Fill @d for logical CPU @cpu and load it: GDT, segment registers, TSS.
 * @kstack_top becomes rsp0; @ist_stacks (NR_IST_STACKS * IST_STACK_SIZE
 * bytes) gives the IST stacks. Records the TSS in the CPU's cpu_entry.
 */
void load_cpu_desc(unsigned int cpu, struct cpu_desc *d, void *kstack_top,
		   void *ist_stacks);

/* Build the IDT (once) and load it on this CPU. */
void idt_setup(void);
void load_idt(void);

/* kernel/traps.c: descriptor tables and vector handlers for the boot CPU. */
void trap_init(void);

/* kernel/syscall.c: this CPU's syscall MSRs (STAR, LSTAR, ...). */
void syscall_init(void);

#endif /* _ASM_X86_DESC_H */
