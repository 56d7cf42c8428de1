/* SPDX-License-Identifier: MIT */
/*
 * fs/proc/internal.h: what the files of procfs share.
 *
 *	root.c		the superblock, /proc itself, the PROC_ENTRY files,
 *			mounting on /proc
 *	base.c		/proc/self and /proc/<pid>/ (user mode only)
 *	task_mmu.c	/proc/<pid>/maps and the address-space numbers of
 *			stat, statm and status (user mode only)
 *	meminfo.c, vmstat.c, misc.c: files at the top (PROC_ENTRY)
 *
 * Inode numbers are fixed, computed from what the inode is, as Linux 2.4
 * did (fake_ino): getdents64's d_ino then agrees with stat's st_ino
 * although every walk makes a fresh inode (the dentries are
 * DCACHE_DONTCACHE). The number also tells a /proc/<pid>/ inode which
 * process it is about:
 *
 *	1			/proc
 *	2 .. 2+N-1		the PROC_ENTRY files, in section order
 *	PROC_SELF_INO		/proc/self
 *	pid << 8 | 0		/proc/<pid>/
 *	pid << 8 | 1 + i	/proc/<pid>/<entry i>
 */
#ifndef FS_PROC_INTERNAL_H
#define FS_PROC_INTERNAL_H

#include <anvil/proc_fs.h>

#include "../internal.h"

#define PROC_ROOT_INO 1
#define PROC_SELF_INO 255
#define PROC_PID_SHIFT 8

static inline u64 proc_pid_ino(int tgid, unsigned int index)
{
	return ((u64)tgid << PROC_PID_SHIFT) | index;
}

static inline int proc_ino_tgid(const struct inode *inode)
{
	return (int)(inode->i_ino >> PROC_PID_SHIFT);
}

/* root.c: a fresh procfs inode numbered @ino. NULL if out of memory. */
struct inode *proc_new_inode(struct super_block *sb, u64 ino, umode_t mode);
/* Every regular file's inode operations (none: they cannot be changed). */
extern const struct inode_operations proc_file_inode_operations;
/* Give @inode to @dentry, which procfs never keeps in the dcache. */
void proc_instantiate(struct dentry *dentry, struct inode *inode);

/*
 * base.c: "self" and the process directories, for the root's lookup and
 * readdir. root.c has stand-ins (no processes) for a build without user
 * mode, where base.c is left out.
 */
int proc_pid_lookup(struct inode *dir, struct dentry *dentry);
/* Emit "self" at cookie @first, then one directory per process. */
int proc_pid_readdir(struct file *file, struct dir_context *ctx,
		     loff_t first);

struct mm_struct;
/*
 * base.c: the address space of process @tgid, referenced (mmput() it),
 * in *@mmp: NULL for a zombie. 0, or -ESRCH if there is no such process.
 */
int proc_get_task_mm(int tgid, struct mm_struct **mmp);

/* meminfo.c: numbers summed over every task and address space. */
struct proc_mm_totals {
	unsigned long tasks;		/* tasks (kernel threads too) */
	unsigned long anon;		/* anonymous pages mapped */
	unsigned long pte_tables;	/* PTE table pages */
};
void proc_mm_totals(struct proc_mm_totals *t);

/* task_mmu.c: an address space's numbers, in pages unless said. */
struct proc_mm_info {
	unsigned long total_vm;		/* pages in VMAs */
	unsigned long rss;		/* pages mapped: anonymous + file */
	unsigned long rss_file;		/* of which page-cache pages */
	unsigned long data_vm;		/* private writable, not stack */
	unsigned long stack_vm;		/* VM_GROWSDOWN */
	unsigned long exec_vm;		/* executable, not writable */
	unsigned long pte_tables;	/* PTE table pages */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
};
void task_mm_info(struct mm_struct *mm, struct proc_mm_info *mi);
/* /proc/<pid>/maps */
int proc_pid_maps_show(struct seq_file *m, int tgid);

#endif /* FS_PROC_INTERNAL_H */
