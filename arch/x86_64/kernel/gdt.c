// SPDX-License-Identifier: MIT
/*
 * kernel/gdt.c: each CPU's GDT and TSS, and loading them.
 *
 * Interface: load_cpu_desc() (asm/desc.h). The layout, and why it is in
 * that order, is in asm/segment.h. The IDT is kernel/idt.c. The boot
 * CPU's struct cpu_desc is static (kernel/traps.c); each other CPU's is
 * allocated by kernel/smpboot.c.
 *
 * In 64-bit mode the CPU ignores a code or data segment's base and limit;
 * what still matters is: CS's L bit (64-bit code) and DPL (the privilege
 * level), and the TSS, which is where the CPU finds the stacks it
 * switches to: rsp0 on entry from user mode, and the IST stacks for the
 * vectors that must never run on a possibly broken (or user) stack:
 * NMI, double fault, machine check. The syscall entry finds the TSS
 * through this CPU's cpu_entry (asm/desc.h), set here.
 */
#include <anvil/percpu.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/segment.h>

/*
 * A code/data descriptor from its 16 flag bits (as Linux writes them):
 *
 *   0xa09b  G=1 L=1       P=1 DPL=0 S=1 type=0xb (code, read, accessed)
 *   0xc093  G=1 D/B=1     P=1 DPL=0 S=1 type=0x3 (data, write, accessed)
 *   0xc0f3 / 0xa0fb: the same at DPL=3, for user mode
 *
 * The accessed bit is preset so the CPU never writes the GDT itself. The
 * 32-bit user code slot stays empty: anvil runs no 32-bit programs, and
 * SYSRET only needs the slot's number (asm/segment.h), never its
 * contents, so a far jump into compatibility mode just faults.
 */
#define GDT_ENTRY(flags, base, limit)                                    \
	((((base) & 0xff000000ULL) << (56 - 24)) |                       \
	 (((flags) & 0x0000f0ffULL) << 40) |                             \
	 (((limit) & 0x000f0000ULL) << (48 - 16)) |                      \
	 (((base) & 0x00ffffffULL) << 16) | ((limit) & 0x0000ffffULL))

static const u64 gdt_template[GDT_ENTRIES] = {
	[GDT_ENTRY_KERNEL_CS] = GDT_ENTRY(0xa09b, 0, 0xfffff),
	[GDT_ENTRY_KERNEL_DS] = GDT_ENTRY(0xc093, 0, 0xfffff),
	[GDT_ENTRY_USER_DS] = GDT_ENTRY(0xc0f3, 0, 0xfffff),
	[GDT_ENTRY_USER_CS] = GDT_ENTRY(0xa0fb, 0, 0xfffff),
};

#define DESC_TYPE_TSS 0x9	/* 64-bit TSS, available (not busy) */
#define DESC_PRESENT (1ULL << 47)

/* The TSS descriptor takes two GDT slots: a 64-bit base needs room. */
static void set_tss_desc(u64 *gdt, const struct tss_struct *tss)
{
	u64 base = (u64)tss;
	u64 limit = sizeof(*tss) - 1;

	gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			     ((u64)DESC_TYPE_TSS << 40) | DESC_PRESENT |
			     (((limit >> 16) & 0xf) << 48) |
			     (((base >> 24) & 0xff) << 56);
	gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

/*
 * Load the GDT, then reload every segment register from it: the CPU
 * keeps using the old descriptors until a register is reloaded. CS can
 * only change with a far jump/call/return; a far return is the easiest
 * to write in 64-bit mode.
 *
 * Loading GS (even with 0) may clear the GS base on some CPUs (Intel
 * does, AMD does not), and the GS base is the per-CPU pointer
 * (asm/percpu.h), which the boot CPU sets before this runs: keep it.
 */
static void load_gdt_and_segments(const u64 *gdt)
{
	struct desc_ptr ptr = {
		.size = GDT_ENTRIES * sizeof(u64) - 1,
		.address = (u64)gdt,
	};
	u64 gs_base = rdmsr(MSR_GS_BASE);

	__asm__ __volatile__("lgdt %0" : : "m"(ptr));
	__asm__ __volatile__("pushq %[cs]\n\t"
			     "leaq 1f(%%rip), %%rax\n\t"
			     "pushq %%rax\n\t"
			     "lretq\n"
			     "1:\n\t"
			     "movl %[ds], %%eax\n\t"
			     "movl %%eax, %%ss\n\t"
			     "xorl %%eax, %%eax\n\t"
			     "movl %%eax, %%ds\n\t"
			     "movl %%eax, %%es\n\t"
			     "movl %%eax, %%fs\n\t"
			     "movl %%eax, %%gs"
			     :
			     : [cs] "i"(__KERNEL_CS), [ds] "i"(__KERNEL_DS)
			     : "rax", "memory");
	wrmsr(MSR_GS_BASE, gs_base);
}

void load_cpu_desc(unsigned int cpu, struct cpu_desc *d, void *kstack_top,
		   void *ist_stacks)
{
	struct x86_cpu_entry *entry = per_cpu_ptr(&cpu_entry, cpu);

	for (int i = 0; i < GDT_ENTRIES; i++)
		d->gdt[i] = gdt_template[i];
	d->tss.rsp0 = (u64)kstack_top;
	/* Slot n's stack is the n-th block; a stack starts at its top. */
	for (int n = 1; n <= NR_IST_STACKS; n++)
		d->tss.ist[n - 1] = (u64)ist_stacks + n * IST_STACK_SIZE;
	entry->tss = &d->tss;
	entry->top_of_stack = (unsigned long)kstack_top;
	/* An I/O bitmap offset past the TSS limit: user mode gets no ports. */
	d->tss.io_bitmap_base = sizeof(d->tss);
	set_tss_desc(d->gdt, &d->tss);

	load_gdt_and_segments(d->gdt);
	__asm__ __volatile__("ltr %w0" : : "r"(GDT_ENTRY_TSS_SEL) : "memory");
}
