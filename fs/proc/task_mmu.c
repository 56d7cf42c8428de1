// SPDX-License-Identifier: MIT
/*
 * fs/proc/task_mmu.c: what /proc says about an address space: the
 * /proc/<pid>/maps lines, and the sizes in stat, statm and status.
 *
 * maps has one line per VMA, Linux's show_map_vma() exactly:
 *
 *	00400000-00452000 r-xp 00000000 00:00 0 <pad to column 73>[name]
 *
 * start-end in at least 8 hex digits, the permissions (r w x, then s
 * for shared or p for private), the file offset, the file's device
 * (major:minor in hex) and inode, then, padded to column 73, a name:
 * the file's path for a file mapping, else
 *
 *	[heap]	the VMA holding the brk() area. Linux's test also names a
 *		VMA that merely touches an empty heap; anvil does not
 *		randomize brk, so the last segment of every program touches
 *		it at exec, and only VMAs that overlap [start_brk, brk) count
 *	[stack]	the VMA holding start_stack (Linux's test)
 *	[vdso]	the page holding the arch's signal trampoline (ppc64's
 *		sigpage), which is what Linux's vdso is to that arch
 *
 * and nothing for other anonymous memory: the line ends with the
 * space after the inode, as Linux's does. anvil has no file mappings
 * yet (exec copies), but vm_file is honoured for when it does.
 *
 * Everything is read with the mm's mmap_lock held for reading, and a
 * user reference (mmget) on it, taken by base.c.
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/sched/mm.h>
#include <anvil/slab.h>
#include <anvil/string.h>

#include "internal.h"

void task_mm_info(struct mm_struct *mm, struct proc_mm_info *mi)
{
	struct vm_area_struct *vma;

	memset(mi, 0, sizeof(*mi));
	down_read(&mm->mmap_lock);
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		unsigned long pages = vma_pages(vma), f = vma->vm_flags;

		/* Linux's is_stack/is_data/is_exec_mapping. */
		mi->total_vm += pages;
		if (f & VM_GROWSDOWN)
			mi->stack_vm += pages;
		else if ((f & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			mi->data_vm += pages;
		else if ((f & (VM_EXEC | VM_WRITE)) == VM_EXEC)
			mi->exec_vm += pages;
	}
	/* Linux's VmRSS: anonymous and file pages (RssAnon + RssFile). */
	mi->rss = (unsigned long)(atomic_long_read(&mm->rss_anon) +
				  atomic_long_read(&mm->rss_file));
	mi->rss_file = (unsigned long)atomic_long_read(&mm->rss_file);
	mi->pte_tables = (unsigned long)atomic_long_read(&mm->nr_ptes);
	mi->start_code = mm->start_code;
	mi->end_code = mm->end_code;
	mi->start_data = mm->start_data;
	mi->end_data = mm->end_data;
	mi->start_brk = mm->start_brk;
	mi->brk = mm->brk;
	mi->start_stack = mm->start_stack;
	mi->arg_start = mm->arg_start;
	mi->arg_end = mm->arg_end;
	mi->env_start = mm->env_start;
	mi->env_end = mm->env_end;
	up_read(&mm->mmap_lock);
}

/* The bracketed name of an anonymous VMA, or NULL. mmap_lock held. */
static const char *special_vma_name(struct mm_struct *mm,
				    struct vm_area_struct *vma)
{
	if (mm->sigpage && vma->vm_start <= mm->sigpage &&
	    mm->sigpage < vma->vm_end)
		return "[vdso]";
	if (vma->vm_start < mm->brk && vma->vm_end > mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack &&
	    vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/* One line of maps. @path is a PATH_MAX buffer. mmap_lock held. */
static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma,
			 struct dentry *root, char *path)
{
	struct mm_struct *mm = vma->vm_mm;
	struct file *file = vma->vm_file;
	unsigned long flags = vma->vm_flags, ino = 0;
	unsigned long long pgoff = 0;
	const char *name = NULL;
	dev_t dev = 0;

	if (file) {
		struct inode *inode = file->f_inode;

		dev = inode->i_sb ? inode->i_sb->s_dev : 0;
		ino = (unsigned long)inode->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
		if (file->f_dentry && d_path(root, file->f_dentry, path,
					     PATH_MAX) >= 0)
			name = path;
	} else {
		name = special_vma_name(mm, vma);
	}
	/* Linux pads the name to 25 + 6 * sizeof(void *) - 1 columns. */
	seq_setwidth(m, 25 + sizeof(void *) * 6 - 1);
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		   vma->vm_start, vma->vm_end,
		   flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		   pgoff, MAJOR(dev), MINOR(dev), ino);
	if (name) {
		seq_pad(m, ' ');
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

int proc_pid_maps_show(struct seq_file *m, int tgid)
{
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	struct dentry *root;
	char *path;
	int err = proc_get_task_mm(tgid, &mm);

	if (err || !mm)
		return err;	/* a zombie has no mappings: empty */
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path) {
		mmput(mm);
		return -ENOMEM;
	}
	/* File paths as the reader sees them (Linux: the reader's root). */
	root = current->fs ? get_fs_root(current->fs) : NULL;
	down_read(&mm->mmap_lock);
	for (vma = mm->mmap; vma && !seq_has_overflowed(m); vma = vma->vm_next)
		show_map_vma(m, vma, root, path);
	up_read(&mm->mmap_lock);
	dput(root);
	kfree(path);
	mmput(mm);
	return 0;
}
