/* SPDX-License-Identifier: MIT */
/*
 * asm/fpu.h: saving and loading a user task's x87/SSE registers.
 *
 * The kernel itself never touches them (-mgeneral-regs-only), so they
 * belong to whichever user task ran last on this CPU. kernel/process.c
 * switches them eagerly: at every context switch from a task with
 * thread.fpu_user set, fxsave into its area; to one, fxrstor from its
 * area (task_fpu_state(), at the top of its kernel stack). Lazy
 * switching (CR0.TS and a #NM trap on first use) would save a few
 * hundred cycles per switch, at the price of a trap and of subtle state;
 * Linux gave it up in 4.14, and so does anvil.
 *
 * Only what fxsave covers (x87, MXCSR, XMM0-15): CR4.OSXSAVE stays off,
 * so CPUID tells user programs there is no AVX state to use.
 */
#ifndef _ASM_X86_FPU_H
#define _ASM_X86_FPU_H

#include <anvil/compiler.h>
#include <anvil/types.h>

/* The fxsave area, 512 bytes, 16-byte aligned; only the fields set here. */
struct fxregs_state {
	u16 cwd;		/* x87 control word */
	u16 swd;		/* x87 status word */
	u16 twd;		/* abridged tag word: 0 = all empty */
	u16 fop;
	u64 rip, rdp;
	u32 mxcsr, mxcsr_mask;
	u32 rest[(512 - 32) / 4];	/* registers: ST0-7, XMM0-15 */
} __aligned(16);

_Static_assert(sizeof(struct fxregs_state) == 512, "fxsave area");

/* Power-on state: x87 per finit, SSE exceptions masked, round nearest. */
#define FPU_INIT_CWD 0x037f
#define FPU_INIT_MXCSR 0x1f80

static inline void fpu_init_state(struct fxregs_state *fx)
{
	*fx = (struct fxregs_state){ .cwd = FPU_INIT_CWD,
				     .mxcsr = FPU_INIT_MXCSR };
}

static inline void fpu_save(struct fxregs_state *fx)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(*fx));
}

static inline void fpu_restore(const struct fxregs_state *fx)
{
	__asm__ __volatile__("fxrstor64 %0" : : "m"(*fx));
}

#endif /* _ASM_X86_FPU_H */
