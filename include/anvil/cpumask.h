/* SPDX-License-Identifier: MIT */
/*
 * CPU masks: one bit per CPU in a 64-bit word (so NR_CPUS <= 64).
 * Linux's cpumask_t is an arbitrary-length bitmap; one word keeps anvil's
 * simple and its updates atomic with set_bit/clear_bit on the word.
 */
#ifndef ANVIL_CPUMASK_H
#define ANVIL_CPUMASK_H

#include <anvil/types.h>

typedef u64 cpumask_t;

#define cpumask_of(cpu) ((cpumask_t)1 << (cpu))
#define CPU_MASK_ALL (~(cpumask_t)0)

#endif /* ANVIL_CPUMASK_H */
