/* SPDX-License-Identifier: MIT */
/*
 * user/include/sys/cpuset.h: cpu_set_t with glibc's layout and macros
 * (bit n of the array is CPU n), which is also what Linux's
 * sched_{get,set}affinity take.  newlib's <sched.h> declares those two
 * only when this header (guard _SYS_CPUSET_H_) came first, so anvil's
 * <sched.h> includes it.
 */
#ifndef _SYS_CPUSET_H_
#define _SYS_CPUSET_H_

#define CPU_SETSIZE	1024
#define __CPU_BITS	(8 * sizeof(unsigned long))

typedef struct {
	unsigned long __bits[CPU_SETSIZE / __CPU_BITS];
} cpu_set_t;

#define CPU_ZERO(s)	__builtin_memset((s), 0, sizeof(cpu_set_t))
#define CPU_SET(c, s)	((s)->__bits[(c) / __CPU_BITS] |= \
			 1UL << ((c) % __CPU_BITS))
#define CPU_CLR(c, s)	((s)->__bits[(c) / __CPU_BITS] &= \
			 ~(1UL << ((c) % __CPU_BITS)))
#define CPU_ISSET(c, s)	(((s)->__bits[(c) / __CPU_BITS] >> \
			  ((c) % __CPU_BITS)) & 1)
#define CPU_COUNT(s)	__cpu_count(s)

static inline int __cpu_count(const cpu_set_t *s)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < CPU_SETSIZE / __CPU_BITS; i++)
		n += __builtin_popcountl(s->__bits[i]);
	return n;
}

#endif /* _SYS_CPUSET_H_ */
