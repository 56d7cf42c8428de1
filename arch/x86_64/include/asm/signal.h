/* SPDX-License-Identifier: MIT */
/*
 * asm/signal.h: x86_64's part of signals. The frame a handler runs on
 * (struct rt_sigframe) is built by arch/x86_64/kernel/signal.c; these
 * are the constants generic code needs.
 */
#ifndef _ASM_X86_SIGNAL_H
#define _ASM_X86_SIGNAL_H

/* The smallest alternate signal stack sigaltstack accepts (Linux's). */
#define MINSIGSTKSZ 2048

#endif /* _ASM_X86_SIGNAL_H */
