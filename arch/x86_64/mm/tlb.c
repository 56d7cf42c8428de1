// SPDX-License-Identifier: MIT
/*
 * mm/tlb.c: which mm each CPU translates with, and TLB shootdowns.
 *
 * Interface: switch_mm(), enter_lazy_tlb(), leave_mm()
 * (asm/mmu_context.h); tlb_flush() for the mmu_gather
 * (<anvil/mmu_gather.h>); flush_tlb_page/range/mm/kernel_range() and the
 * counters (asm/tlbflush.h), which /proc/vmstat shows through
 * arch_tlb_flush_stats() (<anvil/arch.h>). The gather itself is
 * mm/mmu_gather.c.
 *
 * Each CPU remembers the mm whose PGD is in its CR3 (cpu_loaded_mm;
 * NULL means the kernel's init_top_pgt) and whether the task running
 * is a kernel thread merely borrowing it (cpu_tlb_lazy).
 *
 * mm->cpu_vm_mask: the CPUs that may hold TLB entries of mm. The rule
 * that keeps shootdowns both cheap and correct:
 *
 *   CPU c's bit is SET in switch_mm() *before* c loads mm's PGD into
 *   CR3, and CLEARED only *after* c has loaded a different CR3 (another
 *   mm in switch_mm(), init_top_pgt in leave_mm()). While the bit is
 *   clear, c holds none of mm's entries: the CR3 write dropped them all
 *   (user entries are never global).
 *
 * So switching to a kernel thread clears nothing (lazy TLB): CR3 still
 * holds the old mm, its entries may still be cached (the kernel thread
 * could even touch them speculatively), and the bit must stay, so that
 * every flush of that mm still reaches this CPU. Flushes therefore go to
 * exactly the CPUs of the mask, other than the caller (which flushes
 * locally if it is in the mask). A CPU that joins the mask while a flush
 * is being sent either is seen in the mask, or set its bit after the
 * flusher cleared the PTEs and read the mask, and then walks the new
 * PTEs after its CR3 load (locked set, then serializing CR3 write).
 *
 * A lazy CPU that gets a shootdown does not flush: it loads init_top_pgt
 * and leaves the mask (leave_mm). That costs it nothing (its kernel
 * thread uses no user address), spares it further IPIs for that mm, and
 * means a dying mm's final full flush (exit) drops every lazy user of
 * its page tables, before they are freed. When a task of that mm is
 * scheduled there again, switch_mm() sees the mm is not loaded and
 * reloads it.
 *
 * Per page or everything: up to tlb_single_page_flush_ceiling pages
 * (33) are flushed with one invlpg each; a larger range, or a whole mm,
 * with a CR3 reload, cheaper than hundreds of invlpg and nearly as good
 * (the kernel's global entries survive it).
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/mm_types.h>
#include <anvil/mmu_gather.h>
#include <anvil/param.h>
#include <anvil/percpu.h>
#include <anvil/seq_file.h>
#include <anvil/smp.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>

unsigned long tlb_single_page_flush_ceiling = 33;

static DEFINE_PER_CPU(struct mm_struct *, cpu_loaded_mm);
static DEFINE_PER_CPU(bool, cpu_tlb_lazy);

static struct tlb_flush_stats tlb_stats;

/* What a shootdown asks of each CPU; lives on the flusher's stack. */
struct flush_tlb_info {
	struct mm_struct *mm;	/* NULL: kernel range */
	unsigned long start, end;
	bool full;		/* everything, not start..end */
};

static void count_tlb_event(unsigned long *counter, unsigned long n)
{
	__atomic_fetch_add(counter, n, __ATOMIC_RELAXED);
}

void tlb_flush_stats_get(struct tlb_flush_stats *s)
{
	s->nr_tlb_remote_flush =
		__atomic_load_n(&tlb_stats.nr_tlb_remote_flush, __ATOMIC_RELAXED);
	s->nr_tlb_remote_flush_received = __atomic_load_n(
		&tlb_stats.nr_tlb_remote_flush_received, __ATOMIC_RELAXED);
	s->nr_tlb_local_flush_all = __atomic_load_n(
		&tlb_stats.nr_tlb_local_flush_all, __ATOMIC_RELAXED);
	s->nr_tlb_local_flush_one = __atomic_load_n(
		&tlb_stats.nr_tlb_local_flush_one, __ATOMIC_RELAXED);
}

/* /proc/vmstat's lines: Linux's names for the same four counters. */
void arch_tlb_flush_stats(struct seq_file *m)
{
	struct tlb_flush_stats s;

	tlb_flush_stats_get(&s);
	seq_printf(m, "nr_tlb_remote_flush %lu\n", s.nr_tlb_remote_flush);
	seq_printf(m, "nr_tlb_remote_flush_received %lu\n",
		   s.nr_tlb_remote_flush_received);
	seq_printf(m, "nr_tlb_local_flush_all %lu\n", s.nr_tlb_local_flush_all);
	seq_printf(m, "nr_tlb_local_flush_one %lu\n", s.nr_tlb_local_flush_one);
}

static int set_flush_ceiling(const char *val)
{
	unsigned long n = 0;

	if (!val || !*val)
		return -1;
	for (; *val; val++) {
		if (*val < '0' || *val > '9')
			return -1;
		n = n * 10 + (unsigned long)(*val - '0');
	}
	tlb_single_page_flush_ceiling = n;
	return 0;
}
kernel_param("x86.tlb_single_page_flush_ceiling", set_flush_ceiling,
	     "pages flushed one by one before a full TLB flush (33)");

/* ---- this CPU's address space ----------------------------------------- */

static void cpu_mask_set(struct mm_struct *mm, unsigned int cpu)
{
	__atomic_fetch_or(&mm->cpu_vm_mask, cpumask_of(cpu), __ATOMIC_SEQ_CST);
}

static void cpu_mask_clear(struct mm_struct *mm, unsigned int cpu)
{
	__atomic_fetch_and(&mm->cpu_vm_mask, ~cpumask_of(cpu),
			   __ATOMIC_SEQ_CST);
}

static void load_pgd(struct mm_struct *mm)
{
	write_cr3(mm ? __pa(mm->pgd) : __pa(init_top_pgt));
}

struct mm_struct *this_cpu_loaded_mm(void)
{
	return *raw_cpu_ptr(&cpu_loaded_mm);
}

/* switch_mm() with interrupts already off. */
static void switch_mm_irqs_off(struct mm_struct *next)
{
	unsigned int cpu = raw_smp_processor_id();
	struct mm_struct **loaded = per_cpu_ptr(&cpu_loaded_mm, cpu);
	struct mm_struct *prev = *loaded;

	*per_cpu_ptr(&cpu_tlb_lazy, cpu) = false;
	/*
	 * Loaded already (we were lazy in it, or it is the same mm): our
	 * bit stayed set all along, so no flush was missed.
	 */
	if (prev == next)
		return;
	if (next)
		cpu_mask_set(next, cpu);	/* before CR3: see the top */
	load_pgd(next);
	*loaded = next;
	if (prev)
		cpu_mask_clear(prev, cpu);	/* after CR3: nothing cached */
}

void switch_mm(struct mm_struct *prev, struct mm_struct *next,
	       struct task_struct *tsk)
{
	unsigned long flags;

	local_irq_save(flags);
	switch_mm_irqs_off(next);
	local_irq_restore(flags);
}

void enter_lazy_tlb(struct mm_struct *mm, struct task_struct *tsk)
{
	if (*raw_cpu_ptr(&cpu_loaded_mm))
		*raw_cpu_ptr(&cpu_tlb_lazy) = true;
}

void leave_mm(void)
{
	unsigned long flags;

	local_irq_save(flags);
	switch_mm_irqs_off(NULL);
	local_irq_restore(flags);
}

/* ---- flushing ------------------------------------------------------- */

/* Every entry, global (kernel) ones too: toggling CR4.PGE drops them. */
static void flush_tlb_all_local(void)
{
	unsigned long cr4 = read_cr4();

	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		flush_tlb_local();
	}
}

/* Do @f's flush on this CPU. @local: we asked (count it as Linux does). */
static void flush_tlb_here(const struct flush_tlb_info *f, bool local)
{
	unsigned long nr = (f->end - f->start) >> PAGE_SHIFT;

	if (f->full) {
		if (f->mm)
			flush_tlb_local();
		else
			flush_tlb_all_local();
		if (local)
			count_tlb_event(&tlb_stats.nr_tlb_local_flush_all, 1);
		return;
	}
	for (unsigned long va = f->start; va < f->end; va += PAGE_SIZE)
		invlpg(va);
	if (local)
		count_tlb_event(&tlb_stats.nr_tlb_local_flush_one, nr);
}

/*
 * A shootdown, on a CPU of the mask, in the IPI (interrupts off). The
 * mm may no longer be loaded here: we switched away after the flusher
 * read the mask, and that CR3 load flushed already.
 */
static void flush_tlb_func(void *arg)
{
	const struct flush_tlb_info *f = arg;

	count_tlb_event(&tlb_stats.nr_tlb_remote_flush_received, 1);
	if (this_cpu_loaded_mm() != f->mm)
		return;
	if (*raw_cpu_ptr(&cpu_tlb_lazy)) {
		switch_mm_irqs_off(NULL);	/* drop out: see the top */
		return;
	}
	flush_tlb_here(f, false);
}

/*
 * Flush @f on this CPU if it is in the mask, then on every other CPU of
 * the mask, waiting for them. Preemptible caller, interrupts on.
 */
static void flush_tlb_mm_info(struct flush_tlb_info *f)
{
	struct mm_struct *mm = f->mm;
	unsigned long flags;
	unsigned int cpu;
	cpumask_t others;

	if (!f->full && f->end - f->start > tlb_single_page_flush_ceiling
						   << PAGE_SHIFT)
		f->full = true;
	preempt_disable();
	cpu = smp_processor_id();
	/* The PTEs were cleared before we read who may cache them. */
	smp_mb();
	if (READ_ONCE(mm->cpu_vm_mask) & cpumask_of(cpu)) {
		local_irq_save(flags);
		if (this_cpu_loaded_mm() == mm)
			flush_tlb_here(f, true);
		local_irq_restore(flags);
	}
	others = READ_ONCE(mm->cpu_vm_mask) & ~cpumask_of(cpu);
	if (others) {
		count_tlb_event(&tlb_stats.nr_tlb_remote_flush, 1);
		smp_call_function_many(others, flush_tlb_func, f, true);
	}
	preempt_enable();
}

static void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start,
			       unsigned long end, bool full)
{
	struct flush_tlb_info info = {
		.mm = mm,
		.start = start & PAGE_MASK,
		.end = ALIGN(end, PAGE_SIZE),
		.full = full,
	};

	if (!full && info.start >= info.end)
		return;
	flush_tlb_mm_info(&info);
}

void tlb_flush(struct mmu_gather *tlb)
{
	flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end, tlb->fullmm);
}

void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE, false);
}

void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	flush_tlb_mm_range(vma->vm_mm, start, end, false);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	flush_tlb_mm_range(mm, 0, TASK_SIZE, true);
}

static void flush_tlb_kernel_func(void *arg)
{
	flush_tlb_here(arg, false);
}

/*
 * Kernel mappings are in every PGD and cached by every CPU, whatever it
 * runs: all online CPUs flush, this one included.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = {
		.start = start & PAGE_MASK,
		.end = ALIGN(end, PAGE_SIZE),
	};

	if (info.end - info.start > tlb_single_page_flush_ceiling
					    << PAGE_SHIFT)
		info.full = true;
	on_each_cpu_mask(cpu_online_mask(), flush_tlb_kernel_func, &info,
			 true);
}
