/* SPDX-License-Identifier: MIT */
/*
 * asm/signal.h: ppc64's part of signals; the constants generic code
 * needs. (The frame a handler runs on is the arch's signal code.)
 */
#ifndef _ASM_PPC64_SIGNAL_H
#define _ASM_PPC64_SIGNAL_H

/*
 * The smallest alternate signal stack sigaltstack accepts. Linux's for
 * 64-bit POWER: its frames (all 32 GPRs, the FP and vector registers)
 * are larger than x86_64's.
 */
#define MINSIGSTKSZ 8192

#endif /* _ASM_PPC64_SIGNAL_H */
