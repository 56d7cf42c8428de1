// SPDX-License-Identifier: MIT
/*
 * mm/vmstat.c: the global event and page-state counters of
 * <anvil/vmstat.h>. Linux's file also prints /proc/vmstat; anvil's
 * printing is fs/proc/vmstat.c, next to the other /proc files, since it
 * gathers counters from all over (the gather, the zap walk, the arch).
 */
#include <anvil/vmstat.h>

unsigned long vm_event_states[NR_VM_EVENT_ITEMS];
atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS];
