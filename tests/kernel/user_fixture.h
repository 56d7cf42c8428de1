/* SPDX-License-Identifier: MIT */
/*
 * tests/kernel/user_fixture.h: let a kernel test call system call
 * handlers as a process would.
 *
 * A syscall handler reads and writes user memory (copy_from_user...) and
 * uses current->files and current->fs. user_fixture_begin() gives the
 * calling kernel thread all three: a fresh address space with one
 * read-write anonymous mapping of @size bytes at f->base (user memory the
 * test fills and checks with copy_to_user/copy_from_user, or through
 * f->base directly: the mapping is the thread's own), an empty fd table
 * and a copy of init_fs (root and cwd at "/"). user_fixture_end() puts it
 * all back, closing whatever files the test left open.
 *
 * Built where the arch has user mode (ARCH_HAS_USER_MODE).
 */
#ifndef _TESTS_KERNEL_USER_FIXTURE_H
#define _TESTS_KERNEL_USER_FIXTURE_H

#include <anvil/types.h>

struct mm_struct;
struct files_struct;
struct fs_struct;

struct user_fixture {
	struct mm_struct *mm;
	unsigned long base;		/* the user mapping */
	size_t size;
	struct files_struct *saved_files;
	struct fs_struct *saved_fs;
};

/* 0, or a negative errno (the fixture is then not set up). */
int user_fixture_begin(struct user_fixture *f, size_t size);
void user_fixture_end(struct user_fixture *f);

/* A user pointer @off bytes into the mapping. */
static inline void __user *user_ptr(const struct user_fixture *f,
				    unsigned long off)
{
	return (void __user *)(f->base + off);
}

#endif /* _TESTS_KERNEL_USER_FIXTURE_H */
