/* SPDX-License-Identifier: MIT */
/* Host stand-in for <asm/processor.h> (tests/host/). */
#ifndef HOST_ASM_PROCESSOR_H
#define HOST_ASM_PROCESSOR_H

struct thread_struct {
	unsigned long sp;
};

static inline void cpu_relax(void)
{
}

#endif /* HOST_ASM_PROCESSOR_H */
