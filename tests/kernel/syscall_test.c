// SPDX-License-Identifier: MIT
/*
 * tests/kernel/syscall_test.c: the system call table and its wrappers.
 *
 *   every_number_has_one_handler  the table built at boot from the
 *                        SYSCALL_DEFINEn records: names match numbers
 *   int_args_drop_upper_bits  a handler declared with an int argument
 *                        gets the low 32 bits of the register, whatever
 *                        user mode left above them (the wrapper's cast;
 *                        without it a ppc64 "int fd" with junk above bit
 *                        31 is not what the body's code assumes)
 *
 * Built where the arch has user mode (USER_MODE_SRCS).
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/sched.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>

#include "user_fixture.h"

static void every_number_has_one_handler(struct ktest *t)
{
	unsigned int n = 0;

	for (unsigned int nr = 0; nr < NR_syscalls; nr++) {
		const struct syscall_entry *e = &sys_call_table[nr];

		if (!e->fn)
			continue;
		n++;
		KTEST_EXPECT_TRUE(t, e->name && !strncmp(e->name, "sys_", 4));
	}
	KTEST_EXPECT_EQ(t, sys_call_table[__NR_getpid].fn != NULL, true);
	KTEST_EXPECT_EQ(t, strcmp(sys_call_table[__NR_getpid].name, "sys_getpid"), 0);
	KTEST_EXPECT_TRUE(t, n >= 90);
}

/* Call table entry @nr as the dispatcher does: six full registers. */
static long call(unsigned int nr, unsigned long a0, unsigned long a1)
{
	return sys_call_table[nr].fn(a0, a1, 0, 0, 0, 0);
}

static void int_args_drop_upper_bits(struct ktest *t)
{
	struct user_fixture f;
	struct file *file;
	int fd;

	if (user_fixture_begin(&f, PAGE_SIZE)) {
		ktest_fail(t, __FILE__, __LINE__, "no user fixture");
		return;
	}
	file = do_filp_open(current->fs, NULL, "/dev/null", O_RDWR, 0);
	KTEST_EXPECT_FALSE(t, IS_ERR(file));
	if (!IS_ERR(file)) {
		fd = __alloc_fd(current->files, 0, 0);
		__fd_install(current->files, fd, file);
		/* dup(fd) with junk above bit 31: the low half is the fd. */
		KTEST_EXPECT_EQ(t, call(__NR_dup, 0xabcd000000000000UL | fd, 0),
				fd + 1);
		/* close(-1 with a clean upper half) is still -1: EBADF. */
		KTEST_EXPECT_EQ(t, call(__NR_close, 0x00000000ffffffffUL, 0),
				-EBADF);
		KTEST_EXPECT_EQ(t, call(__NR_close, 0x1234567800000000UL | fd, 0),
				0);
		KTEST_EXPECT_EQ(t, call(__NR_close, fd + 1, 0), 0);
	}
	user_fixture_end(&f);
}

KTEST_SUITE(syscall, "syscall",
	    KTEST_CASE(every_number_has_one_handler),
	    KTEST_CASE(int_args_drop_upper_bits));
