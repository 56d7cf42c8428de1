/* SPDX-License-Identifier: MIT */
/*
 * struct pt_regs: what an exception saves (kernel/exceptions-64s.S), and
 * the stack-frame constants of the ELFv1 ABI that the entry code needs.
 *
 * An exception frame on the kernel stack, from the new r1 upwards:
 *
 *	new r1 ->  +------------------------------+
 *	           | ABI frame header (112 bytes) |  back chain = old r1
 *	           +------------------------------+
 *	           | struct pt_regs  (336 bytes)  |
 *	           +------------------------------+
 *	           | red zone of the interrupted  |  288 bytes the ELFv1 ABI
 *	           | function (left untouched)    |  lets leaf code use below r1
 *	old r1 ->  +------------------------------+
 *
 * The _NIP, GPR(n) ... offsets below are the assembly view of the same
 * struct; kernel/traps.c checks them against offsetof() at compile time.
 */
#ifndef _ASM_PPC64_PTRACE_H
#define _ASM_PPC64_PTRACE_H

#define STACK_FRAME_OVERHEAD 112 /* back chain, CR, LR, TOC, param area */
#define STACK_FRAME_LR_SAVE 2	 /* in doublewords: LR lives at 16(r1) */
#define USER_REDZONE_SIZE 288

#define GPR(n) ((n) * 8)
#define _NIP 256
#define _MSR 264
#define _CTR 272
#define _LINK 280
#define _XER 288
#define _CCR 296
#define _TRAP 304
#define _DAR 312
#define _DSISR 320
#define _HSRR 328
#define PT_REGS_SIZE 336

#define INT_FRAME_SIZE (STACK_FRAME_OVERHEAD + PT_REGS_SIZE + USER_REDZONE_SIZE)

#ifndef __ASSEMBLY__

#include <asm/reg.h>

struct pt_regs {
	unsigned long gpr[32];
	unsigned long nip;	/* where it happened (SRR0 or HSRR0) */
	unsigned long msr;	/* the MSR at that time (SRR1 or HSRR1) */
	unsigned long ctr;
	unsigned long link;
	unsigned long xer;
	unsigned long ccr;
	unsigned long trap;	/* vector: 0x300, 0x900, ... */
	unsigned long dar;	/* data address (DSI, alignment, SLB miss) */
	unsigned long dsisr;	/* why a DSI happened */
	unsigned long hsrr;	/* 1: came through HSRR0/1, leave with hrfid */
};

#define instruction_pointer(regs) ((regs)->nip)
#define user_mode(regs) (((regs)->msr & MSR_PR) != 0)

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_PPC64_PTRACE_H */
