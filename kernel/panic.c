// SPDX-License-Identifier: MIT
/*
 * kernel/panic.c: when the kernel finds itself wrong.
 *
 *	panic()		unrecoverable: message, backtrace, halt.
 *	die()		an unexpected exception in kernel mode ("oops"): the
 *			registers and backtrace, then panic, unless a kernel
 *			test armed a fault catcher (kernel/ktest.c).
 *	BUG_ON/WARN_ON	assertions from <anvil/kernel.h>; a WARN prints and
 *			goes on, a BUG is a panic.
 *
 * Backtraces come from the arch's frame walker (arch_stack_walk) and are
 * named through kallsyms, so every line leads to a function and offset
 * that `addr2line -e build/<arch>/anvil.elf` or gdb's `list *ADDR` opens.
 */
#include <anvil/arch.h>
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>

static int panic_depth;
static int die_depth;

static bool print_frame(void *cookie, unsigned long pc)
{
	int *n = cookie;

	printk(KERN_EMERG " [<%016lx>] %pS\n", pc, (void *)pc);
	return ++*n < 32; /* a deeper trace is a loop, not information */
}

void show_stack(const struct pt_regs *regs)
{
	int n = 0;

	printk(KERN_EMERG "Call trace:\n");
	arch_stack_walk(print_frame, &n, regs);
}

/* Backtrace from the caller of dump_stack(). */
void dump_stack(void)
{
	show_stack(NULL);
}

void panic(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	local_irq_disable();
	if (++panic_depth > 1) {
		/* panic inside panic: print nothing more, just stop. */
		machine_halt();
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
	dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", msg);
	machine_halt();
}

void die(const char *what, struct pt_regs *regs, unsigned long addr)
{
	if (++die_depth > 2)
		machine_halt(); /* faulting while reporting a fault */
	printk(KERN_EMERG "Oops: %s", what);
	if (addr)
		printk(KERN_CONT " at address %016lx", addr);
	printk(KERN_CONT " on CPU %u\n", arch_cpu_id());
	printk(KERN_EMERG "PC is at %pS\n", (void *)instruction_pointer(regs));
	show_regs(regs);
	show_stack(regs);
	die_depth--;
	/* A test that expected this fault gets control back here. */
	ktest_fault_hook(what);
	panic("Fatal exception: %s", what);
}

void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: %s at %s:%d\n", cond, file, line);
	dump_stack();
}

void __bug(const char *file, int line, const char *cond)
{
	printk(KERN_EMERG "kernel BUG at %s:%d: %s\n", file, line, cond);
	panic("BUG");
}
