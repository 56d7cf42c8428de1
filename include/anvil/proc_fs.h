/* SPDX-License-Identifier: MIT */
/*
 * procfs (fs/proc/): the files of /proc, generated when they are read.
 *
 * A file at the top of /proc is one PROC_ENTRY(), put in the
 * "proc_entries" section by the file that owns the numbers (as Linux's
 * proc_create_single() calls in each owner's initcall), so building a
 * file is enough to have its entry, and a file left out of the build
 * (fs/proc/vmstat.c needs the user mm) takes its entry with it:
 *
 *	static int meminfo_proc_show(struct seq_file *m, void *v) { ... }
 *	PROC_ENTRY(meminfo, "meminfo", meminfo_proc_show);
 *
 * show() writes the whole text with seq_printf() (<anvil/seq_file.h>);
 * v is NULL. The per-process directories are fs/proc/base.c.
 * docs/fs.md ("procfs") describes every file and its format.
 */
#ifndef ANVIL_PROC_FS_H
#define ANVIL_PROC_FS_H

#include <anvil/compiler.h>
#include <anvil/seq_file.h>

struct proc_entry {
	const char *name;
	int (*show)(struct seq_file *m, void *v);
};

#define PROC_ENTRY(ident, _name, _show)                                    \
	static const struct proc_entry __proc_entry_##ident __used          \
		__section("proc_entries") __aligned(8) = {                  \
			.name = _name,                                      \
			.show = _show,                                      \
		}

/*
 * Make procfs and mount it on /proc of the root filesystem (init_fs),
 * making the directory if the initramfs did not. populate_rootfs() calls
 * it. May sleep.
 */
void proc_root_init(void);

#endif /* ANVIL_PROC_FS_H */
