// SPDX-License-Identifier: MIT
/*
 * kernel/debug.c: the context checkers' reports and their counters
 * (interface in <anvil/debug.h>; debug_smp_processor_id() is declared in
 * <anvil/percpu.h>).
 *
 *	debug_smp_processor_id()   DEBUG_PREEMPT, the check of seed 004
 *	__might_sleep()            sleeping where one must not
 *	report_lock_bug()          mutex/rwsem misuse
 *	debug_counts_snapshot()    every counter, lockdep's included
 *
 * Lock-order reports live with the checker, kernel/locking/lockdep.c; the
 * latency tracer in kernel/trace/latency.c.
 *
 * None of this takes a lock: the counters are atomic, and printk() has
 * its own. A report is printed and counted, then the kernel goes on.
 */
#include <anvil/debug.h>
#include <anvil/kernel.h>
#include <anvil/lockdep.h>
#include <anvil/percpu.h>
#include <anvil/preempt.h>
#include <anvil/sched.h>

static unsigned long preempt_bugs;
static unsigned long might_sleep_bugs;
static unsigned long lock_bugs;

static void count_report(unsigned long *counter)
{
	__atomic_fetch_add(counter, 1, __ATOMIC_RELAXED);
}

void debug_counts_snapshot(struct debug_counts *c)
{
	c->preempt_bugs = __atomic_load_n(&preempt_bugs, __ATOMIC_RELAXED);
	c->might_sleep_bugs =
		__atomic_load_n(&might_sleep_bugs, __ATOMIC_RELAXED);
	c->lockdep = __atomic_load_n(&lockdep_reports, __ATOMIC_RELAXED);
	c->lock_bugs = __atomic_load_n(&lock_bugs, __ATOMIC_RELAXED);
}

/*
 * May the caller rely on staying on this CPU? Yes if preemption or
 * interrupts are off (nothing can switch it out), if it is pinned to
 * exactly this CPU (a switch brings it back here), or if the scheduler
 * isn't running yet (nothing else to switch to).
 */
static bool cpu_is_stable(unsigned int cpu)
{
	if (!sched_running)
		return true;
	if (likely(preempt_count() != 0) || irqs_disabled())
		return true;
	return current->cpus_allowed == cpumask_of(cpu);
}

/*
 * debug_smp_processor_id - smp_processor_id() in debug builds.
 *
 * Returns this CPU's number, after reporting if the caller could be
 * migrated to another CPU the moment it has the answer: then the number,
 * and any per-CPU pointer made from it, may already be stale. That is
 * seed 004's bug (apply_to_pte_range() touching per-CPU TLB batches with
 * preemption on), and the report has the same shape as Linux's.
 *
 * The report is made with preemption off, for two reasons: we must not
 * migrate while describing where we are, and printk() or the backtrace may
 * call smp_processor_id() themselves, which then sees a non-zero count and
 * returns quietly instead of reporting again (no recursion).
 */
unsigned int debug_smp_processor_id(void)
{
	unsigned int cpu = raw_smp_processor_id();
	unsigned int count;

	if (cpu_is_stable(cpu))
		return cpu;
	count = preempt_count();
	preempt_disable();
	count_report(&preempt_bugs);
	printk(KERN_ERR "BUG: using smp_processor_id() in preemptible [%08x] code: %s/%d\n",
	       count, current->comm, current->pid);
	printk(KERN_ERR "caller is %pS\n", __builtin_return_address(0));
	dump_stack();
	preempt_enable_no_resched();
	return cpu;
}

/*
 * __might_sleep - might_sleep()'s check: is blocking allowed here?
 *
 * Blocking with preemption off (a spinlock held, preempt_disable, inside
 * an interrupt handler) or with interrupts off would switch out a task
 * that promised not to be switched out: other CPUs spin on its lock for a
 * whole sleep, or the CPU deadlocks. The check runs whether or not the
 * caller actually blocks this time, so the bug shows up on the fast path
 * too (an uncontended mutex_lock() under a spinlock).
 */
void __might_sleep(const char *file, int line)
{
	unsigned int count;
	bool irqs_off;

	if (!sched_running)
		return;
	count = preempt_count();
	irqs_off = irqs_disabled();
	if (likely(count == 0 && !irqs_off))
		return;
	count_report(&might_sleep_bugs);
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
	       count != 0, irqs_off, current->pid, current->comm);
	printk(KERN_ERR "preempt_count: 0x%08x\n", count);
	lockdep_print_held_locks();
	dump_stack();
}

void report_lock_bug(const char *what, const char *lock_name)
{
	count_report(&lock_bugs);
	printk(KERN_ERR "BUG: %s: (%s) by %s/%d\n", what, lock_name,
	       current->comm, current->pid);
	dump_stack();
}
