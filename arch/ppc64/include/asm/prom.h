/* SPDX-License-Identifier: MIT */
/*
 * What ppc64 learns from the flattened device tree at boot
 * (kernel/prom.c). Linux calls its early device-tree code "prom" after
 * the Open Firmware PROM that once handed the tree over; skiboot does
 * that job here.
 */
#ifndef _ASM_PPC64_PROM_H
#define _ASM_PPC64_PROM_H

#include <anvil/types.h>

#define MAX_RAM_RANGES 16
#define MAX_CPUS 64 /* hardware threads the device tree may list */

struct ram_range {
	phys_addr_t base;
	u64 size;
};

/* RAM as /memory nodes describe it; also given to memblock_add(). */
extern struct ram_range ram_ranges[MAX_RAM_RANGES];
extern unsigned int nr_ram_ranges;
/* The boot CPU's timebase frequency (Hz). */
extern u64 ppc_tb_freq;
/* PIR of every hardware thread in /cpus (boot CPU included). */
extern u32 cpu_pirs[MAX_CPUS];
extern unsigned int nr_cpu_pirs;

/* Physical address of the XICS presenter (ICP) of thread @pir, or 0. */
u64 icp_phys_of(u32 pir);

/* Fill boot_params and memblock from the tree at @fdt; halts on error. */
void early_init_devtree(void *fdt);

#endif /* _ASM_PPC64_PROM_H */
