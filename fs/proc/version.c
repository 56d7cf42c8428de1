// SPDX-License-Identifier: MIT
/*
 * fs/proc/version.c: /proc/version, Linux's banner from uname's data:
 *
 *	anvil version 6.1.0-anvil (anvil@anvil) (gcc 12.2.0) #1 SMP ...
 *
 * sysname, release, who built it where, the compiler, the version.
 * Built with user mode only, where uname(2)'s kernel/sys_info.c is.
 */
#include <anvil/kernel.h>
#include <anvil/utsname.h>

#include "internal.h"

static int version_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s version %s (anvil@anvil) (gcc %s) %s\n",
		   init_uts.sysname, init_uts.release, __VERSION__,
		   init_uts.version);
	return 0;
}
PROC_ENTRY(version, "version", version_proc_show);
