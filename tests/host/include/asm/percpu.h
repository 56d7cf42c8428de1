/* SPDX-License-Identifier: MIT */
/* Host stand-in for <asm/percpu.h>: one CPU, one task (tests/host/). */
#ifndef HOST_ASM_PERCPU_H
#define HOST_ASM_PERCPU_H

#include <anvil/types.h>

#define ARCH_PERCPU_CPU_OFFSET 8
#define ARCH_PERCPU_CURRENT_OFFSET 16

extern void *host_current_task;

static inline unsigned int arch_percpu_read_cpu(void)
{
	return 0;
}

static inline void *arch_percpu_read_current(void)
{
	return host_current_task;
}

#endif /* HOST_ASM_PERCPU_H */
