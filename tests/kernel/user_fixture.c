// SPDX-License-Identifier: MIT
/*
 * tests/kernel/user_fixture.c: a process's context for a kernel test
 * (see user_fixture.h).
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mman.h>
#include <anvil/sched.h>
#include <anvil/sched/mm.h>

#include "user_fixture.h"

int user_fixture_begin(struct user_fixture *f, size_t size)
{
	unsigned long addr;

	*f = (struct user_fixture){ .size = size };
	f->mm = mm_alloc();
	if (!f->mm)
		return -ENOMEM;
	addr = do_mmap(f->mm, 0, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (IS_ERR_VALUE(addr)) {
		mmput(f->mm);
		return (int)addr;
	}
	f->base = addr;
	f->saved_files = current->files;
	f->saved_fs = current->fs;
	current->files = alloc_files_struct();
	current->fs = copy_fs_struct(&init_fs);
	if (!current->files || !current->fs) {
		user_fixture_end(f);
		return -ENOMEM;
	}
	kthread_use_mm(f->mm);
	return 0;
}

void user_fixture_end(struct user_fixture *f)
{
	if (current->mm == f->mm)
		kthread_unuse_mm(f->mm);
	if (current->files && current->files != f->saved_files)
		put_files_struct(current->files);
	if (current->fs && current->fs != f->saved_fs)
		free_fs_struct(current->fs);
	current->files = f->saved_files;
	current->fs = f->saved_fs;
	if (f->mm)
		mmput(f->mm);
	f->mm = NULL;
}
