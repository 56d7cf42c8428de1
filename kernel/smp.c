// SPDX-License-Identifier: MIT
/*
 * kernel/smp.c: per-CPU areas, starting the other CPUs, and IPIs
 * (interface in <anvil/smp.h> and <anvil/percpu.h>).
 *
 * Per-CPU areas: the linker puts every DEFINE_PER_CPU variable between
 * __per_cpu_start and __per_cpu_end, with struct percpu_hdr first. CPU 0
 * uses that section itself (offset 0); smp_init() copies it for each
 * other CPU and records the distance in __per_cpu_offset[cpu].
 *
 * Bring-up, for each CPU the firmware listed:
 *
 *	boot CPU				new CPU
 *	--------				-------
 *	copy the per-CPU area
 *	make its idle task (sched)
 *	arch_boot_secondary(cpu, stack) ---->	arch: descriptor tables, MMU
 *						secondary_start_kernel(cpu)
 *						  per-CPU base, online
 *	wait for online (2 s)		<----	  tick, interrupts on, idle
 */
#include <anvil/arch.h>
#include <anvil/boot.h>
#include <anvil/gfp.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/smp.h>
#include <anvil/spinlock.h>
#include <anvil/string.h>
#include <anvil/time.h>

extern char __per_cpu_start[], __per_cpu_end[];

unsigned long __per_cpu_offset[NR_CPUS];

/*
 * The per-CPU section as the compiler initialized it, saved before CPU 0
 * (which uses the section in place) changes anything, so every other CPU
 * starts from the declared initial values, as in Linux.
 */
#define PERCPU_MAX_SIZE (64 * 1024)
static char percpu_pristine[PERCPU_MAX_SIZE] __aligned(64);

/* First in the per-CPU section (linker.ld places .data..percpu..first). */
static __section(".data..percpu..first") struct percpu_hdr percpu_hdr_area;

static volatile bool cpu_is_online[NR_CPUS];
static atomic_t nr_online = ATOMIC_INIT(0);

struct call_single_data {
	struct list_head list;
	smp_call_func_t fn;
	void *arg;
	atomic_t *unfinished; /* counts down as each CPU finishes */
};

struct call_queue {
	spinlock_t lock;
	struct list_head list;
};

static DEFINE_PER_CPU(unsigned long, ipi_pending);
static DEFINE_PER_CPU(unsigned long, ipi_received);
static DEFINE_PER_CPU(struct call_queue, call_queue);

struct percpu_hdr *percpu_hdr_of(unsigned int cpu)
{
	return per_cpu_ptr(&percpu_hdr_area, cpu);
}

bool cpu_online(unsigned int cpu)
{
	return cpu < NR_CPUS && cpu_is_online[cpu];
}

int nr_online_cpus(void)
{
	return atomic_read(&nr_online);
}

cpumask_t cpu_online_mask(void)
{
	cpumask_t mask = 0;

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu_is_online[cpu])
			mask |= cpumask_of(cpu);
	return mask;
}

static void call_queue_init(unsigned int cpu)
{
	struct call_queue *q = per_cpu_ptr(&call_queue, cpu);

	spin_lock_init(&q->lock);
	INIT_LIST_HEAD(&q->list);
}

static void mark_online(unsigned int cpu)
{
	call_queue_init(cpu);
	atomic_inc(&nr_online);
	smp_store_release(&cpu_is_online[cpu], true);
}

/*
 * The very first thing start_kernel() does: from here on current,
 * smp_processor_id() and per-CPU variables work on the boot CPU.
 */
void percpu_boot_init(void)
{
	struct percpu_hdr *hdr = &percpu_hdr_area;
	size_t size = __per_cpu_end - __per_cpu_start;

	if (size > PERCPU_MAX_SIZE)
		panic("per-CPU section is %zu bytes; raise PERCPU_MAX_SIZE", size);
	memcpy(percpu_pristine, __per_cpu_start, size);
	hdr->self = hdr;
	hdr->cpu = 0;
	hdr->current_task = &init_task;
	arch_percpu_setup(hdr);
}

/* Copy the per-CPU section for @cpu; returns false when out of memory. */
static bool percpu_area_alloc(unsigned int cpu)
{
	size_t size = __per_cpu_end - __per_cpu_start;
	unsigned int order = 0;
	struct page *page;
	char *area;

	while ((PAGE_SIZE << order) < size)
		order++;
	page = alloc_pages(GFP_KERNEL, order);
	if (!page)
		return false;
	area = page_address(page);
	memcpy(area, percpu_pristine, size);
	__per_cpu_offset[cpu] = (unsigned long)area -
				(unsigned long)__per_cpu_start;
	percpu_hdr_of(cpu)->self = percpu_hdr_of(cpu);
	percpu_hdr_of(cpu)->cpu = cpu;
	return true;
}

static bool wait_online(unsigned int cpu, unsigned int ms)
{
	u64 end = ktime_get_ns() + ms * NSEC_PER_MSEC;

	while (!smp_load_acquire(&cpu_is_online[cpu]))
		if (ktime_get_ns() > end)
			return false;
	return true;
}

static void bring_up_cpu(unsigned int cpu)
{
	struct task_struct *idle;

	if (!percpu_area_alloc(cpu)) {
		pr_err("smp: CPU %u: no memory for its per-CPU area\n", cpu);
		return;
	}
	sched_init_secondary(cpu);
	idle = percpu_hdr_of(cpu)->current_task;
	if (arch_boot_secondary(cpu, (char *)idle->stack + THREAD_SIZE) < 0) {
		pr_err("smp: CPU %u did not start\n", cpu);
		return;
	}
	if (!wait_online(cpu, 2000))
		pr_err("smp: CPU %u started but did not come online\n", cpu);
}

void smp_init(void)
{
	unsigned int n = min(boot_params.nr_cpus, (unsigned int)NR_CPUS);

	mark_online(0);
	for (unsigned int cpu = 1; cpu < n; cpu++)
		bring_up_cpu(cpu);
	if (boot_params.nr_cpus > NR_CPUS)
		pr_warn("smp: %u CPUs found, using the first %u (NR_CPUS)\n",
			boot_params.nr_cpus, NR_CPUS);
	pr_info("smp: %d of %u CPUs online\n", nr_online_cpus(), n);
}

void secondary_start_kernel(unsigned int cpu)
{
	arch_percpu_setup(percpu_hdr_of(cpu));
	mark_online(cpu);
	arch_timer_init();
	local_irq_enable();
	cpu_idle_loop();
}

static void smp_send_ipi(unsigned int cpu, enum ipi_reason why)
{
	set_bit(why, per_cpu_ptr(&ipi_pending, cpu));
	arch_send_ipi(cpu);
}

void smp_send_reschedule(unsigned int cpu)
{
	smp_send_ipi(cpu, IPI_RESCHEDULE);
}

unsigned long smp_ipis_received(unsigned int cpu)
{
	return READ_ONCE(per_cpu(ipi_received, cpu));
}

static void run_call_queue(void)
{
	struct call_queue *q = raw_cpu_ptr(&call_queue);
	struct call_single_data *csd;
	LIST_HEAD(todo);

	spin_lock(&q->lock);
	list_splice_init(&q->list, &todo);
	spin_unlock(&q->lock);
	while (!list_empty(&todo)) {
		csd = list_first_entry(&todo, struct call_single_data, list);
		list_del(&csd->list);
		csd->fn(csd->arg);
		/* After this the caller may free csd: touch it no more. */
		atomic_dec_return(csd->unfinished);
	}
}

/* In interrupt context: interrupts off, on this CPU. */
void smp_ipi_interrupt(void)
{
	unsigned long pending = xchg(raw_cpu_ptr(&ipi_pending), 0UL);

	(*raw_cpu_ptr(&ipi_received))++;
	/*
	 * IPI_RESCHEDULE needs nothing here: the sender set need_resched on
	 * our task, and the interrupt's return path calls the scheduler.
	 */
	if (pending & (1UL << IPI_CALL_FUNC))
		run_call_queue();
}

void smp_call_function_many(cpumask_t mask, smp_call_func_t fn, void *arg,
			    bool wait)
{
	struct call_single_data csd[NR_CPUS];
	atomic_t unfinished = ATOMIC_INIT(0);
	unsigned long flags;
	unsigned int self;

	WARN_ON(irqs_disabled());
	preempt_disable();
	self = smp_processor_id();
	mask &= cpu_online_mask() & ~cpumask_of(self);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		struct call_queue *q = per_cpu_ptr(&call_queue, cpu);

		if (!(mask & cpumask_of(cpu)))
			continue;
		csd[cpu] = (struct call_single_data){
			.fn = fn, .arg = arg, .unfinished = &unfinished };
		atomic_inc(&unfinished);
		/*
		 * Interrupts off: our own IPI handler takes our queue's lock,
		 * so holding another CPU's with interrupts on could deadlock
		 * against that CPU doing the same to us.
		 */
		spin_lock_irqsave(&q->lock, flags);
		list_add_tail(&csd[cpu].list, &q->list);
		spin_unlock_irqrestore(&q->lock, flags);
		smp_send_ipi(cpu, IPI_CALL_FUNC);
	}
	/* The csds live on this stack: always wait before returning. */
	while (atomic_read(&unfinished))
		cpu_relax();
	(void)wait;
	preempt_enable();
}

void on_each_cpu_mask(cpumask_t mask, smp_call_func_t fn, void *arg,
		      bool wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function_many(mask, fn, arg, wait);
	if (mask & cpumask_of(smp_processor_id())) {
		local_irq_save(flags);
		fn(arg);
		local_irq_restore(flags);
	}
	preempt_enable();
}
