/* SPDX-License-Identifier: MIT */
/* Machine setup constants for ppc64 (setup_arch is in kernel/setup_64.c). */
#ifndef _ASM_PPC64_SETUP_H
#define _ASM_PPC64_SETUP_H

#define ARCH_NAME "ppc64"

#endif /* _ASM_PPC64_SETUP_H */
