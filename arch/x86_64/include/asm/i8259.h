/* SPDX-License-Identifier: MIT */
/*
 * asm/i8259.h: the legacy 8259A interrupt controllers (kernel/i8259.c).
 */
#ifndef _ASM_X86_I8259_H
#define _ASM_X86_I8259_H

/* Move the PICs' vectors off the exceptions (to 0x20-0x2f) and mask them. */
void legacy_pic_disable(void);

#endif /* _ASM_X86_I8259_H */
