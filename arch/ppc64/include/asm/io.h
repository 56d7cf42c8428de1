/* SPDX-License-Identifier: MIT */
/*
 * Device registers by physical address (kernel/io_rm.S).
 *
 * anvil maps only RAM, so a device register is reached the way OPAL and
 * skiboot do it: with data translation briefly off and a cache-inhibited
 * load or store (lbzcix/stbcix...), which POWER offers in hypervisor real
 * mode. Instruction fetch stays translated meanwhile; external
 * interrupts are off for the few instructions in between. Used for the
 * XICS interrupt presenters (kernel/xics.c).
 */
#ifndef _ASM_PPC64_IO_H
#define _ASM_PPC64_IO_H

#include <anvil/types.h>

void rm_writeb(u64 pa, u8 val);
u32 rm_readl(u64 pa);
void rm_writel(u64 pa, u32 val);

#endif /* _ASM_PPC64_IO_H */
