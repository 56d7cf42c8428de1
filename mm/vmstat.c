// SPDX-License-Identifier: MIT
/*
 * mm/vmstat.c: the global event and page-state counters of
 * <anvil/vmstat.h>. Linux's file also prints /proc/vmstat; anvil's
 * printing is fs/proc/vmstat.c, next to the other /proc files, since it
 * gathers counters from all over (the gather, the zap walk, the arch).
 */
#include <anvil/sched.h>
#include <anvil/vmstat.h>

DEFINE_PER_CPU(struct vm_event_state, vm_event_states);
atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];

unsigned long vm_event_read(enum vm_event_item item)
{
	unsigned long sum = 0;

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu_online(cpu))
			sum += __atomic_load_n(&per_cpu(vm_event_states, cpu).event[item],
					       __ATOMIC_RELAXED);
	return sum;
}
