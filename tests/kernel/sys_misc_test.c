// SPDX-License-Identifier: MIT
/*
 * tests/kernel/sys_misc_test.c: the miscellaneous system calls (issue 5),
 * called as a process would, with user pointers (user_fixture.h).
 *
 *	table		every call is in the syscall table at its number
 *	uname, ids	the fixed answers; getppid, set_tid_address, umask
 *	clocks		every clock id, the CPU clocks, resolutions,
 *			gettimeofday and time, mktime64
 *	sleeps		nanosleep and clock_nanosleep sleep at least as long
 *			as asked (lower bounds only: QEMU's timing jitters),
 *			end early with EINTR and the time left on a signal,
 *			and check their arguments
 *	getrandom	flags, lengths, a short copy at the end of a mapping
 *	affinity	pin to one CPU and back; getcpu; Linux's length rules
 *	sysinfo, times, getrusage
 *	rlimits		defaults, set and read back, prlimit64, errors
 *	reboot		everything that must not stop the machine
 *
 * Every pointer argument is also tried unmapped (0x1000) and in the
 * kernel: both must be EFAULT.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/random.h>
#include <anvil/reboot.h>
#include <anvil/resource.h>
#include <anvil/sched.h>
#include <anvil/sched/cputime.h>
#include <anvil/sched/signal.h>
#include <anvil/slab.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/sysinfo.h>
#include <anvil/time.h>
#include <anvil/uaccess.h>
#include <anvil/utsname.h>
#include <asm/page.h>
#include <asm/setup.h>

#include "user_fixture.h"

#define FIXTURE_SIZE (4 * PAGE_SIZE)

static unsigned long kernel_word;
#define UNMAPPED ((void __user *)0x1000UL)
#define KERNEL_PTR ((void __user *)&kernel_word)

static struct user_fixture fix;

static bool begin(struct ktest *t)
{
	int ret = user_fixture_begin(&fix, FIXTURE_SIZE);

	if (ret) {
		ktest_fail(t, __FILE__, __LINE__, "user_fixture_begin: %d",
			   ret);
		return false;
	}
	return true;
}

static void end(void)
{
	user_fixture_end(&fix);
}

static void __user *uptr(unsigned long off)
{
	return user_ptr(&fix, off);
}

/* Read back what a call wrote to user memory. */
static void from_user(struct ktest *t, void *dst, unsigned long off, size_t n)
{
	KTEST_EXPECT_EQ(t, copy_from_user(dst, uptr(off), n), 0);
}

static void to_user(struct ktest *t, unsigned long off, const void *src,
		    size_t n)
{
	KTEST_EXPECT_EQ(t, copy_to_user(uptr(off), src, n), 0);
}

static void put_ts(struct ktest *t, unsigned long off, s64 sec, long long nsec)
{
	struct __kernel_timespec ts = { .tv_sec = sec, .tv_nsec = nsec };

	to_user(t, off, &ts, sizeof(ts));
}

/* A timespec the kernel wrote, which must be a normalized one. */
static u64 get_ts_ns(struct ktest *t, unsigned long off)
{
	struct __kernel_timespec ts;

	from_user(t, &ts, off, sizeof(ts));
	KTEST_EXPECT_TRUE(t, ts.tv_sec >= 0 && ts.tv_nsec >= 0 &&
				     ts.tv_nsec < (long long)NSEC_PER_SEC);
	return (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
}

/* ---- the table ---------------------------------------------------------- */

#define EXPECT_ENTRY(t, name)                                  \
	KTEST_EXPECT_TRUE(t, sys_call_table[__NR_##name].fn == \
				     (syscall_fn_t)(void (*)(void))sys_##name)

static void table(struct ktest *t)
{
	EXPECT_ENTRY(t, uname);
	EXPECT_ENTRY(t, sysinfo);
	EXPECT_ENTRY(t, times);
	EXPECT_ENTRY(t, getrusage);
	EXPECT_ENTRY(t, getuid);
	EXPECT_ENTRY(t, geteuid);
	EXPECT_ENTRY(t, getgid);
	EXPECT_ENTRY(t, getegid);
	EXPECT_ENTRY(t, getppid);
	EXPECT_ENTRY(t, set_tid_address);
	EXPECT_ENTRY(t, umask);
	EXPECT_ENTRY(t, getrlimit);
	EXPECT_ENTRY(t, setrlimit);
	EXPECT_ENTRY(t, prlimit64);
	EXPECT_ENTRY(t, clock_gettime);
	EXPECT_ENTRY(t, clock_getres);
	EXPECT_ENTRY(t, gettimeofday);
	EXPECT_ENTRY(t, nanosleep);
	EXPECT_ENTRY(t, clock_nanosleep);
	EXPECT_ENTRY(t, getrandom);
	EXPECT_ENTRY(t, reboot);
	EXPECT_ENTRY(t, sched_setaffinity);
	EXPECT_ENTRY(t, sched_getaffinity);
	EXPECT_ENTRY(t, getcpu);
#ifdef __NR_time
	EXPECT_ENTRY(t, time);
#endif
#ifdef __NR_ugetrlimit
	KTEST_EXPECT_TRUE(t,
			  sys_call_table[__NR_ugetrlimit].fn ==
				  (syscall_fn_t)(void (*)(void))sys_getrlimit);
#endif
}

/* ---- uname and the ids -------------------------------------------------- */

static void uname(struct ktest *t)
{
	struct new_utsname u;

	if (!begin(t))
		return;
	memset(&u, 0xff, sizeof(u));
	KTEST_EXPECT_EQ(t, sys_uname(uptr(0)), 0);
	from_user(t, &u, 0, sizeof(u));
	KTEST_EXPECT_EQ(t, strcmp(u.sysname, "anvil"), 0);
	KTEST_EXPECT_EQ(t, strcmp(u.nodename, "anvil"), 0);
	KTEST_EXPECT_EQ(t, strncmp(u.release, "6.1.0", 5), 0);
	KTEST_EXPECT_EQ(t, strncmp(u.version, "#1 SMP", 6), 0);
	KTEST_EXPECT_EQ(t, strcmp(u.machine, ARCH_NAME), 0);
	KTEST_EXPECT_EQ(t, strcmp(u.domainname, "(none)"), 0);
	KTEST_EXPECT_EQ(t, sys_uname(UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_uname(KERNEL_PTR), -EFAULT);
	/* The last bytes of the mapping and one page beyond: EFAULT too. */
	KTEST_EXPECT_EQ(t, sys_uname(uptr(FIXTURE_SIZE - 100)), -EFAULT);
	end();
}

#define TIDPTR ((int __user *)0x1234UL)
static struct task_struct fake_parent; /* too big for the stack */

static void ids(struct ktest *t)
{
	struct task_struct *saved_parent = current->real_parent;
	int __user *saved_ctid = current->clear_child_tid;

	KTEST_EXPECT_EQ(t, sys_getuid(), 0);
	KTEST_EXPECT_EQ(t, sys_geteuid(), 0);
	KTEST_EXPECT_EQ(t, sys_getgid(), 0);
	KTEST_EXPECT_EQ(t, sys_getegid(), 0);

	fake_parent.tgid = 42;
	spin_lock(&tasklist_lock);
	current->real_parent = NULL;
	spin_unlock(&tasklist_lock);
	KTEST_EXPECT_EQ(t, sys_getppid(), 0); /* a kernel thread's */
	spin_lock(&tasklist_lock);
	current->real_parent = &fake_parent;
	spin_unlock(&tasklist_lock);
	KTEST_EXPECT_EQ(t, sys_getppid(), 42);
	spin_lock(&tasklist_lock);
	current->real_parent = saved_parent;
	spin_unlock(&tasklist_lock);

	KTEST_EXPECT_EQ(t, sys_set_tid_address(TIDPTR), current->pid);
	KTEST_EXPECT_TRUE(t, current->clear_child_tid == TIDPTR);
	current->clear_child_tid = saved_ctid;
}

static void umask(struct ktest *t)
{
	long old;

	if (!begin(t))
		return;
	old = sys_umask(027);
	KTEST_EXPECT_EQ(t, old, 022); /* init_fs's, copied by the fixture */
	KTEST_EXPECT_EQ(t, sys_umask(07777), 027);
	KTEST_EXPECT_EQ(t, sys_umask(0), 0777); /* only the permission bits */
	KTEST_EXPECT_EQ(t, current->fs->umask, 0);
	sys_umask(old);
	end();
}

/* ---- clocks ------------------------------------------------------------- */

/* glibc's CPU clocks of "myself": pid 0 in Linux's encoding. */
#define PROCESS_SELF_CPUCLOCK (-6) /* (~0 << 3) | CPUCLOCK_SCHED */
#define THREAD_SELF_CPUCLOCK (-2) /* ... | CPUCLOCK_PERTHREAD_MASK */
#define CLOCKFD_CLOCK (-5) /* (~0 << 3) | 3: a clock fd */
#define JAN_1_2020 1577836800ULL

static void busy_ms(unsigned int ms)
{
	u64 end = ktime_get_ns() + ms * NSEC_PER_MSEC;

	while (ktime_get_ns() < end)
		cpu_relax();
}

static void clock_gettime_clocks(struct ktest *t)
{
	static const int clocks[] = {
		CLOCK_REALTIME,
		CLOCK_MONOTONIC,
		CLOCK_PROCESS_CPUTIME_ID,
		CLOCK_THREAD_CPUTIME_ID,
		CLOCK_MONOTONIC_RAW,
		CLOCK_REALTIME_COARSE,
		CLOCK_MONOTONIC_COARSE,
		CLOCK_BOOTTIME,
		CLOCK_TAI,
		PROCESS_SELF_CPUCLOCK,
		THREAD_SELF_CPUCLOCK,
	};
	u64 a, b, before;
	unsigned int i;

	if (!begin(t))
		return;
	for (i = 0; i < ARRAY_SIZE(clocks); i++) {
		put_ts(t, 0, -1, -1);
		KTEST_EXPECT_EQ(t, sys_clock_gettime(clocks[i], uptr(0)), 0);
		KTEST_EXPECT_NE(t, get_ts_ns(t, 0), 0);
		KTEST_EXPECT_EQ(t, sys_clock_gettime(clocks[i], UNMAPPED),
				-EFAULT);
		KTEST_EXPECT_EQ(t, sys_clock_gettime(clocks[i], KERNEL_PTR),
				-EFAULT);
	}

	/* Monotonic never goes back, and agrees with the kernel's clock. */
	before = ktime_get_ns();
	sys_clock_gettime(CLOCK_MONOTONIC, uptr(0));
	sys_clock_gettime(CLOCK_MONOTONIC, uptr(16));
	a = get_ts_ns(t, 0);
	b = get_ts_ns(t, 16);
	KTEST_EXPECT_TRUE(t, before <= a && a <= b && b <= ktime_get_ns());

	/* The wall clock is this century (RTC, or the fixed fallback). */
	sys_clock_gettime(CLOCK_REALTIME, uptr(0));
	KTEST_EXPECT_TRUE(t, get_ts_ns(t, 0) / NSEC_PER_SEC > JAN_1_2020);

	/* Coarse: on a tick boundary, and not ahead of the fine clock. */
	sys_clock_gettime(CLOCK_MONOTONIC_COARSE, uptr(0));
	sys_clock_gettime(CLOCK_MONOTONIC, uptr(16));
	a = get_ts_ns(t, 0);
	KTEST_EXPECT_EQ(t, a % TICK_NSEC, 0);
	KTEST_EXPECT_TRUE(t, a <= get_ts_ns(t, 16));

	/* CPU time grows while we run. */
	sys_clock_gettime(CLOCK_THREAD_CPUTIME_ID, uptr(0));
	sys_clock_gettime(CLOCK_PROCESS_CPUTIME_ID, uptr(16));
	busy_ms(20);
	sys_clock_gettime(CLOCK_THREAD_CPUTIME_ID, uptr(32));
	sys_clock_gettime(CLOCK_PROCESS_CPUTIME_ID, uptr(48));
	KTEST_EXPECT_TRUE(t, get_ts_ns(t, 32) > get_ts_ns(t, 0));
	KTEST_EXPECT_TRUE(t, get_ts_ns(t, 48) > get_ts_ns(t, 16));

	KTEST_EXPECT_EQ(t, sys_clock_gettime(CLOCK_REALTIME_ALARM, uptr(0)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_clock_gettime(10, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_clock_gettime(100, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_clock_gettime(CLOCKFD_CLOCK, uptr(0)), -EINVAL);
	/* A CPU clock of a pid that does not exist. */
	KTEST_EXPECT_EQ(t,
			sys_clock_gettime((int)(~0x7ffffffU << 3) | 2, uptr(0)),
			-EINVAL);
	end();
}

/* The calendar arithmetic the RTC readers use (known answers). */
static void mktime(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, mktime64(1970, 1, 1, 0, 0, 0), 0);
	KTEST_EXPECT_EQ(t, mktime64(1999, 12, 31, 23, 59, 59), 946684799);
	KTEST_EXPECT_EQ(t, mktime64(2000, 3, 1, 0, 0, 0), 951868800);
	KTEST_EXPECT_EQ(t, mktime64(2024, 2, 29, 12, 34, 56), 1709210096);
	KTEST_EXPECT_EQ(t, mktime64(2100, 12, 31, 23, 59, 59), 4133980799LL);
}

static void clock_getres_clocks(struct ktest *t)
{
	if (!begin(t))
		return;
	KTEST_EXPECT_EQ(t, sys_clock_getres(CLOCK_MONOTONIC, uptr(0)), 0);
	KTEST_EXPECT_EQ(t, get_ts_ns(t, 0), 1);
	KTEST_EXPECT_EQ(t, sys_clock_getres(CLOCK_REALTIME, uptr(0)), 0);
	KTEST_EXPECT_EQ(t, get_ts_ns(t, 0), 1);
	KTEST_EXPECT_EQ(t, sys_clock_getres(THREAD_SELF_CPUCLOCK, uptr(0)), 0);
	KTEST_EXPECT_EQ(t, get_ts_ns(t, 0), 1);
	KTEST_EXPECT_EQ(t, sys_clock_getres(CLOCK_MONOTONIC_COARSE, uptr(0)),
			0);
	KTEST_EXPECT_EQ(t, get_ts_ns(t, 0), TICK_NSEC);
	KTEST_EXPECT_EQ(t, sys_clock_getres(CLOCK_BOOTTIME, NULL), 0);
	KTEST_EXPECT_EQ(t, sys_clock_getres(100, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_clock_getres(CLOCK_REALTIME, UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_clock_getres(CLOCK_REALTIME, KERNEL_PTR),
			-EFAULT);
	end();
}

static void gettimeofday_time(struct ktest *t)
{
	struct __kernel_old_timeval tv;
	struct timezone tz = { 1, 1 };
	u64 before, after, us;

	if (!begin(t))
		return;
	before = ktime_get_real_ns() / NSEC_PER_USEC;
	KTEST_EXPECT_EQ(t, sys_gettimeofday(uptr(0), uptr(64)), 0);
	after = ktime_get_real_ns() / NSEC_PER_USEC;
	from_user(t, &tv, 0, sizeof(tv));
	from_user(t, &tz, 64, sizeof(tz));
	us = (u64)tv.tv_sec * USEC_PER_SEC + (u64)tv.tv_usec;
	KTEST_EXPECT_TRUE(t, before <= us && us <= after);
	KTEST_EXPECT_TRUE(t,
			  tv.tv_usec >= 0 && tv.tv_usec < (long)USEC_PER_SEC);
	KTEST_EXPECT_EQ(t, tz.tz_minuteswest, 0);
	KTEST_EXPECT_EQ(t, tz.tz_dsttime, 0);
	KTEST_EXPECT_EQ(t, sys_gettimeofday(NULL, NULL), 0);
	KTEST_EXPECT_EQ(t, sys_gettimeofday(UNMAPPED, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_gettimeofday(NULL, KERNEL_PTR), -EFAULT);
#ifdef __NR_time
	{
		long secs, stored = 0;

		before = ktime_get_real_ns() / NSEC_PER_SEC;
		secs = sys_time(uptr(128));
		after = ktime_get_real_ns() / NSEC_PER_SEC;
		from_user(t, &stored, 128, sizeof(stored));
		KTEST_EXPECT_TRUE(t, before <= (u64)secs && (u64)secs <= after);
		KTEST_EXPECT_EQ(t, stored, secs);
		KTEST_EXPECT_TRUE(t, sys_time(NULL) >= secs);
		KTEST_EXPECT_EQ(t, sys_time(UNMAPPED), -EFAULT);
		KTEST_EXPECT_EQ(t, sys_time(KERNEL_PTR), -EFAULT);
	}
#endif
	end();
}

/* ---- sleeps ------------------------------------------------------------- */

#define REQ 0 /* offsets in the user mapping */
#define REM 64

static void nanosleep_sleeps(struct ktest *t)
{
	u64 start, slept;

	if (!begin(t))
		return;
	put_ts(t, REQ, 0, 30 * NSEC_PER_MSEC);
	start = ktime_get_ns();
	KTEST_EXPECT_EQ(t, sys_nanosleep(uptr(REQ), uptr(REM)), 0);
	slept = ktime_get_ns() - start;
	KTEST_EXPECT_TRUE(t, slept >= 30 * NSEC_PER_MSEC);

	/* Whole seconds and nanoseconds add up (1 s is too long to wait:
	 * 0 s + 999999999 ns is not, but tv_sec = 0 makes the point). */
	put_ts(t, REQ, 0, 0);
	KTEST_EXPECT_EQ(t, sys_nanosleep(uptr(REQ), NULL), 0);

	put_ts(t, REQ, 0, NSEC_PER_SEC);
	KTEST_EXPECT_EQ(t, sys_nanosleep(uptr(REQ), NULL), -EINVAL);
	put_ts(t, REQ, 0, -1);
	KTEST_EXPECT_EQ(t, sys_nanosleep(uptr(REQ), NULL), -EINVAL);
	put_ts(t, REQ, -1, 0);
	KTEST_EXPECT_EQ(t, sys_nanosleep(uptr(REQ), NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_nanosleep(UNMAPPED, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_nanosleep(KERNEL_PTR, NULL), -EFAULT);
	end();
}

struct interrupter {
	struct task_struct *sleeper;
	unsigned int after_ms;
};

/* "Send a signal": what the signal code does to a sleeping task. */
static void interrupt_later(void *arg)
{
	struct interrupter *in = arg;

	msleep(in->after_ms);
	set_bit(TIF_SIGPENDING, &in->sleeper->flags);
	wake_up_process(in->sleeper);
}

static void nanosleep_interrupted(struct ktest *t)
{
	struct interrupter in = { .sleeper = current, .after_ms = 50 };
	struct task_struct *k;
	u64 start, slept, left;
	long ret;

	if (!begin(t))
		return;
	/* A signal 50 ms into a 10 s sleep: EINTR, and most of it left. */
	put_ts(t, REQ, 10, 0);
	put_ts(t, REM, -1, -1);
	k = kthread_run(interrupt_later, &in, "ktest-signal");
	if (!k) {
		ktest_fail(t, __FILE__, __LINE__, "kthread_run failed");
		end();
		return;
	}
	start = ktime_get_ns();
	ret = sys_nanosleep(uptr(REQ), uptr(REM));
	slept = ktime_get_ns() - start;
	kthread_join(k);
	clear_bit(TIF_SIGPENDING, &current->flags);
	KTEST_EXPECT_EQ(t, ret, -EINTR);
	left = get_ts_ns(t, REM);
	KTEST_EXPECT_TRUE(t, left > 0 && left < 10 * NSEC_PER_SEC);
	/* slept + left is the request, give or take the two clock reads. */
	KTEST_EXPECT_TRUE(t, slept + left >= 10 * NSEC_PER_SEC - NSEC_PER_MSEC);
	KTEST_EXPECT_TRUE(t, slept < 9 * NSEC_PER_SEC);

	/* Already pending: no sleep at all, and everything left. */
	set_bit(TIF_SIGPENDING, &current->flags);
	put_ts(t, REQ, 5, 0);
	ret = sys_nanosleep(uptr(REQ), uptr(REM));
	KTEST_EXPECT_EQ(t, ret, -EINTR);
	left = get_ts_ns(t, REM);
	KTEST_EXPECT_TRUE(t,
			  left > 4 * NSEC_PER_SEC && left <= 5 * NSEC_PER_SEC);
	/* ... and a bad rem pointer makes it EFAULT. */
	KTEST_EXPECT_EQ(t, sys_nanosleep(uptr(REQ), UNMAPPED), -EFAULT);
	/* clock_nanosleep: relative like nanosleep; absolute restarts. */
	KTEST_EXPECT_EQ(
		t,
		sys_clock_nanosleep(CLOCK_MONOTONIC, 0, uptr(REQ), uptr(REM)),
		-EINTR);
	KTEST_EXPECT_TRUE(t, get_ts_ns(t, REM) > 4 * NSEC_PER_SEC);
	put_ts(t, REQ, (s64)(ktime_get_ns() / NSEC_PER_SEC) + 100, 0);
	KTEST_EXPECT_EQ(t,
			sys_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
					    uptr(REQ), NULL),
			-ERESTARTNOHAND);
	clear_bit(TIF_SIGPENDING, &current->flags);
	end();
}

static void clock_nanosleep_clocks(struct ktest *t)
{
	u64 start, deadline;
	int clk;

	if (!begin(t))
		return;
	/* Relative, on each clock one can sleep on. */
	for (clk = 0; clk <= CLOCK_TAI; clk++) {
		if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC &&
		    clk != CLOCK_BOOTTIME && clk != CLOCK_TAI)
			continue;
		put_ts(t, REQ, 0, 20 * NSEC_PER_MSEC);
		start = ktime_get_ns();
		KTEST_EXPECT_EQ(t, sys_clock_nanosleep(clk, 0, uptr(REQ), NULL),
				0);
		KTEST_EXPECT_TRUE(t,
				  ktime_get_ns() - start >= 20 * NSEC_PER_MSEC);
	}

	/* Absolute on the monotonic clock: wakes at or after the deadline. */
	deadline = ktime_get_ns() + 30 * NSEC_PER_MSEC;
	put_ts(t, REQ, deadline / NSEC_PER_SEC, deadline % NSEC_PER_SEC);
	KTEST_EXPECT_EQ(t,
			sys_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
					    uptr(REQ), NULL),
			0);
	KTEST_EXPECT_TRUE(t, ktime_get_ns() >= deadline);

	/* ... and on the wall clock. */
	deadline = ktime_get_real_ns() + 30 * NSEC_PER_MSEC;
	put_ts(t, REQ, deadline / NSEC_PER_SEC, deadline % NSEC_PER_SEC);
	KTEST_EXPECT_EQ(t,
			sys_clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME,
					    uptr(REQ), NULL),
			0);
	KTEST_EXPECT_TRUE(t, ktime_get_real_ns() >= deadline);

	/* A deadline in the past returns at once. */
	put_ts(t, REQ, 1, 0);
	start = ktime_get_ns();
	KTEST_EXPECT_EQ(t,
			sys_clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME,
					    uptr(REQ), NULL),
			0);
	KTEST_EXPECT_TRUE(t, ktime_get_ns() - start < NSEC_PER_SEC);

	put_ts(t, REQ, 0, 1000);
	KTEST_EXPECT_EQ(
		t, sys_clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, uptr(REQ), NULL),
		-EOPNOTSUPP);
	KTEST_EXPECT_EQ(
		t,
		sys_clock_nanosleep(CLOCK_MONOTONIC_COARSE, 0, uptr(REQ), NULL),
		-EOPNOTSUPP);
	KTEST_EXPECT_EQ(t,
			sys_clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0,
					    uptr(REQ), NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_clock_nanosleep(100, 0, uptr(REQ), NULL),
			-EINVAL);
	put_ts(t, REQ, 0, NSEC_PER_SEC);
	KTEST_EXPECT_EQ(
		t, sys_clock_nanosleep(CLOCK_MONOTONIC, 0, uptr(REQ), NULL),
		-EINVAL);
	KTEST_EXPECT_EQ(t,
			sys_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
					    uptr(REQ), NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t,
			sys_clock_nanosleep(CLOCK_MONOTONIC, 0, UNMAPPED, NULL),
			-EFAULT);
	KTEST_EXPECT_EQ(
		t, sys_clock_nanosleep(CLOCK_REALTIME, 0, KERNEL_PTR, NULL),
		-EFAULT);
	end();
}

/* ---- getrandom ---------------------------------------------------------- */

static bool all_zero(const u8 *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

static void getrandom(struct ktest *t)
{
	u8 a[64], b[64];

	get_random_bytes(a, sizeof(a));
	get_random_bytes(b, sizeof(b));
	KTEST_EXPECT_FALSE(t, all_zero(a, sizeof(a)));
	KTEST_EXPECT_NE(t, memcmp(a, b, sizeof(a)), 0);
	KTEST_EXPECT_NE(t, get_random_u64(), get_random_u64());

	if (!begin(t))
		return;
	memset(a, 0, sizeof(a));
	to_user(t, 0, a, sizeof(a));
	KTEST_EXPECT_EQ(t, sys_getrandom(uptr(0), 61, 0), 61);
	from_user(t, a, 0, sizeof(a));
	KTEST_EXPECT_FALSE(t, all_zero(a, 61));
	KTEST_EXPECT_TRUE(t, all_zero(a + 61, 3)); /* not one byte more */
	KTEST_EXPECT_EQ(t, sys_getrandom(uptr(0), 0, 0), 0);
	KTEST_EXPECT_EQ(t, sys_getrandom(uptr(0), PAGE_SIZE + 1, 0),
			PAGE_SIZE + 1);
	KTEST_EXPECT_EQ(t, sys_getrandom(uptr(0), 8, GRND_NONBLOCK), 8);
	KTEST_EXPECT_EQ(t, sys_getrandom(uptr(0), 8, GRND_RANDOM), 8);
	KTEST_EXPECT_EQ(t, sys_getrandom(uptr(0), 8, GRND_INSECURE), 8);
	KTEST_EXPECT_EQ(
		t, sys_getrandom(uptr(0), 8, GRND_NONBLOCK | GRND_RANDOM), 8);
	KTEST_EXPECT_EQ(t,
			sys_getrandom(uptr(0), 8, GRND_INSECURE | GRND_RANDOM),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_getrandom(uptr(0), 8, 0x8), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_getrandom(UNMAPPED, 8, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_getrandom(KERNEL_PTR, 8, 0), -EFAULT);
	/* Running off the end of the mapping: the bytes that fit. */
	KTEST_EXPECT_EQ(t, sys_getrandom(uptr(FIXTURE_SIZE - 100), 300, 0),
			100);
	end();
}

/* ---- CPU affinity ------------------------------------------------------- */

static void affinity(struct ktest *t)
{
	cpumask_t saved = current->cpus_allowed, mask;
	unsigned int home = raw_smp_processor_id();
	struct task_struct *other, *k = NULL;
	unsigned int cpu, got;
	int kpid = 0;

	if (!begin(t))
		return;
	KTEST_EXPECT_EQ(t, sys_sched_getaffinity(0, sizeof(mask), uptr(0)),
			sizeof(mask));
	from_user(t, &mask, 0, sizeof(mask));
	KTEST_EXPECT_EQ(t, mask, saved & cpu_online_mask());
	/* A longer buffer: still our 8 bytes. Shorter or odd: EINVAL. */
	KTEST_EXPECT_EQ(t, sys_sched_getaffinity(current->pid, 64, uptr(0)),
			sizeof(mask));
	KTEST_EXPECT_EQ(t, sys_sched_getaffinity(0, 4, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_sched_getaffinity(0, 12, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_sched_getaffinity(0, 8, UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_sched_getaffinity(0, 8, KERNEL_PTR), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_sched_getaffinity(0x7ffffff0, 8, uptr(0)),
			-ESRCH);

	/* Pin to each online CPU in turn; getcpu must agree. */
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!cpu_online(cpu))
			continue;
		mask = cpumask_of(cpu);
		to_user(t, 0, &mask, sizeof(mask));
		KTEST_EXPECT_EQ(
			t, sys_sched_setaffinity(0, sizeof(mask), uptr(0)), 0);
		KTEST_EXPECT_EQ(t, sys_getcpu(uptr(64), uptr(68), NULL), 0);
		from_user(t, &got, 64, sizeof(got));
		KTEST_EXPECT_EQ(t, got, cpu);
		from_user(t, &got, 68, sizeof(got));
		KTEST_EXPECT_EQ(t, got, 0); /* the node */
		KTEST_EXPECT_EQ(t, sys_sched_getaffinity(0, 8, uptr(8)), 8);
		from_user(t, &mask, 8, sizeof(mask));
		KTEST_EXPECT_EQ(t, mask, cpumask_of(cpu));
	}
	/* A 4-byte mask (the rest zero) naming CPU 0. */
	mask = 0;
	to_user(t, 0, &mask, sizeof(mask));
	cpu = 1;
	to_user(t, 0, &cpu, sizeof(cpu));
	/* On a big-endian CPU those 4 bytes are the high half: no CPU. */
	KTEST_EXPECT_EQ(t, sys_sched_setaffinity(0, 4, uptr(0)),
			*(u8 *)&cpu ? 0 : -EINVAL);

	/* No online CPU, only CPUs that cannot exist: EINVAL. */
	mask = (cpumask_t)1 << 63;
	to_user(t, 0, &mask, sizeof(mask));
	KTEST_EXPECT_EQ(t, sys_sched_setaffinity(0, 8, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_sched_setaffinity(0, 8, UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_sched_setaffinity(0, 8, KERNEL_PTR), -EFAULT);
	mask = cpu_online_mask();
	to_user(t, 0, &mask, sizeof(mask));
	KTEST_EXPECT_EQ(t, sys_sched_setaffinity(0x7ffffff0, 8, uptr(0)),
			-ESRCH);
	KTEST_EXPECT_EQ(t, sys_sched_setaffinity(-1, 8, uptr(0)), -ESRCH);

	/* Another kernel thread may be looked at, not moved. */
	spin_lock(&tasklist_lock);
	for_each_process(other) if (other != current && !other->mm &&
				    other->pid > 0)
	{
		k = other;
		kpid = other->pid;
		break;
	}
	spin_unlock(&tasklist_lock);
	if (k) {
		KTEST_EXPECT_EQ(t, sys_sched_getaffinity(kpid, 8, uptr(8)), 8);
		KTEST_EXPECT_EQ(t, sys_sched_setaffinity(kpid, 8, uptr(0)),
				-EINVAL);
	}

	KTEST_EXPECT_EQ(t, sys_getcpu(NULL, NULL, NULL), 0);
	KTEST_EXPECT_EQ(t, sys_getcpu(UNMAPPED, NULL, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_getcpu(NULL, KERNEL_PTR, NULL), -EFAULT);
	/* Back to the CPU we came from, not just the old mask: later suites
	 * may (wrongly) count on running where the boot put them. */
	set_cpus_allowed(current, cpumask_of(home));
	set_cpus_allowed(current, saved);
	end();
}

/* ---- sysinfo, times, getrusage ----------------------------------------- */

static void sysinfo(struct ktest *t)
{
	struct sysinfo si;

	if (!begin(t))
		return;
	KTEST_EXPECT_EQ(t, sys_sysinfo(uptr(0)), 0);
	from_user(t, &si, 0, sizeof(si));
	KTEST_EXPECT_TRUE(t, si.uptime >= 1);
	KTEST_EXPECT_EQ(t, si.mem_unit, 1);
	KTEST_EXPECT_EQ(t, si.totalram, totalram_pages() * PAGE_SIZE);
	KTEST_EXPECT_TRUE(t, si.freeram > 0 && si.freeram <= si.totalram);
	KTEST_EXPECT_TRUE(t, si.procs >= 1);
	KTEST_EXPECT_EQ(t, si.totalswap, 0);
	KTEST_EXPECT_EQ(t, sys_sysinfo(UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_sysinfo(KERNEL_PTR), -EFAULT);
	end();
}

static void times(struct ktest *t)
{
	struct tms tms;
	u64 before, after;
	long ret;

	if (!begin(t))
		return;
	busy_ms(30); /* at least a tick's worth of CPU time */
	before = jiffies;
	ret = sys_times(uptr(0));
	after = jiffies;
	KTEST_EXPECT_TRUE(t, (u64)ret >= before && (u64)ret <= after);
	from_user(t, &tms, 0, sizeof(tms));
	KTEST_EXPECT_TRUE(t, tms.tms_utime >= 1);
	KTEST_EXPECT_EQ(t, tms.tms_stime, 0);
	KTEST_EXPECT_EQ(t, tms.tms_cutime, 0);
	KTEST_EXPECT_TRUE(t, sys_times(NULL) >= ret);
	KTEST_EXPECT_EQ(t, sys_times(UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_times(KERNEL_PTR), -EFAULT);
	end();
}

static void getrusage(struct ktest *t)
{
	struct rusage ru;
	u64 cpu_before, us;

	if (!begin(t))
		return;
	busy_ms(5);
	cpu_before = task_sched_runtime(current) / NSEC_PER_USEC;
	KTEST_EXPECT_EQ(t, sys_getrusage(RUSAGE_THREAD, uptr(0)), 0);
	from_user(t, &ru, 0, sizeof(ru));
	us = (u64)ru.ru_utime.tv_sec * USEC_PER_SEC + (u64)ru.ru_utime.tv_usec;
	KTEST_EXPECT_TRUE(t, us >= cpu_before && us > 0);
	KTEST_EXPECT_EQ(t, ru.ru_stime.tv_sec + ru.ru_stime.tv_usec, 0);

	KTEST_EXPECT_EQ(t, sys_getrusage(RUSAGE_SELF, uptr(0)), 0);
	from_user(t, &ru, 0, sizeof(ru));
	KTEST_EXPECT_TRUE(t, ru.ru_utime.tv_sec + ru.ru_utime.tv_usec > 0);
	KTEST_EXPECT_EQ(t, sys_getrusage(RUSAGE_CHILDREN, uptr(0)), 0);
	KTEST_EXPECT_EQ(t, sys_getrusage(2, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_getrusage(-2, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_getrusage(RUSAGE_SELF, UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_getrusage(RUSAGE_SELF, KERNEL_PTR), -EFAULT);
	end();
}

/* ---- rlimits ------------------------------------------------------------ */

/*
 * The limits live in a process's signal_struct; a kernel thread has
 * none, so lend this one a signal_struct and sighand for the case.
 */
static struct signal_struct *lend_signal(void)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);
	struct sighand_struct *sighand = kzalloc(sizeof(*sighand), GFP_KERNEL);

	if (!sig || !sighand) {
		kfree(sig);
		kfree(sighand);
		return NULL;
	}
	INIT_LIST_HEAD(&sig->thread_head);
	spin_lock_init(&sighand->siglock);
	rlimit_init_default(sig->rlim);
	current->sighand = sighand;
	current->signal = sig;
	return sig;
}

static void return_signal(struct signal_struct *sig)
{
	kfree(current->sighand);
	current->sighand = NULL;
	current->signal = NULL;
	kfree(sig);
}

static void put_rlim(struct ktest *t, unsigned long off, u64 cur, u64 max)
{
	struct rlimit64 r = { cur, max };

	to_user(t, off, &r, sizeof(r));
}

static struct rlimit64 get_rlim(struct ktest *t, unsigned long off)
{
	struct rlimit64 r;

	from_user(t, &r, off, sizeof(r));
	return r;
}

static void rlimits(struct ktest *t)
{
	struct rlimit64 saved_rlim[RLIM_NLIMITS];
	struct signal_struct *sig = current->signal;
	struct rlimit64 r;
	bool lent = !sig;

	if (!begin(t))
		return;
	if (lent) {
		/* No signal_struct, no limits. */
		KTEST_EXPECT_EQ(t, sys_getrlimit(RLIMIT_NOFILE, uptr(0)),
				-EINVAL);
		sig = lend_signal();
		if (!sig) {
			ktest_fail(t, __FILE__, __LINE__, "out of memory");
			end();
			return;
		}
	} else {
		/* Already a process: put its limits back afterwards. */
		memcpy(saved_rlim, sig->rlim, sizeof(saved_rlim));
		rlimit_init_default(sig->rlim);
	}

	KTEST_EXPECT_EQ(t, sys_getrlimit(RLIMIT_STACK, uptr(0)), 0);
	r = get_rlim(t, 0);
	KTEST_EXPECT_EQ(t, r.rlim_cur, 8 * SZ_1M);
	KTEST_EXPECT_EQ(t, r.rlim_max, RLIM_INFINITY);
	KTEST_EXPECT_EQ(t, sys_getrlimit(RLIMIT_NOFILE, uptr(0)), 0);
	r = get_rlim(t, 0);
	KTEST_EXPECT_EQ(t, r.rlim_cur, 1024);
	KTEST_EXPECT_EQ(t, r.rlim_max, 4096);
	KTEST_EXPECT_EQ(t, sys_getrlimit(RLIMIT_AS, uptr(0)), 0);
	KTEST_EXPECT_EQ(t, get_rlim(t, 0).rlim_cur, RLIM_INFINITY);

	/* Set and read back; the kernel's copy changes too. */
	put_rlim(t, 0, 512, 2048);
	KTEST_EXPECT_EQ(t, sys_setrlimit(RLIMIT_NOFILE, uptr(0)), 0);
	KTEST_EXPECT_EQ(t, sys_getrlimit(RLIMIT_NOFILE, uptr(16)), 0);
	r = get_rlim(t, 16);
	KTEST_EXPECT_EQ(t, r.rlim_cur, 512);
	KTEST_EXPECT_EQ(t, r.rlim_max, 2048);
	KTEST_EXPECT_EQ(t, sig->rlim[RLIMIT_NOFILE].rlim_cur, 512);

	put_rlim(t, 0, 100, 50); /* soft above hard */
	KTEST_EXPECT_EQ(t, sys_setrlimit(RLIMIT_NOFILE, uptr(0)), -EINVAL);
	put_rlim(t, 0, 100, NR_OPEN + 1);
	KTEST_EXPECT_EQ(t, sys_setrlimit(RLIMIT_NOFILE, uptr(0)), -EPERM);
	put_rlim(t, 0, 100, 100);
	KTEST_EXPECT_EQ(t, sys_setrlimit(RLIM_NLIMITS, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_getrlimit(RLIM_NLIMITS, uptr(0)), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_getrlimit(RLIMIT_NOFILE, UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_getrlimit(RLIMIT_NOFILE, KERNEL_PTR), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_setrlimit(RLIMIT_NOFILE, UNMAPPED), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_setrlimit(RLIMIT_NOFILE, KERNEL_PTR), -EFAULT);

	/* prlimit64: the old value and the new in one step. */
	put_rlim(t, 0, 256, 1024);
	KTEST_EXPECT_EQ(t, sys_prlimit64(0, RLIMIT_NOFILE, uptr(0), uptr(16)),
			0);
	r = get_rlim(t, 16);
	KTEST_EXPECT_EQ(t, r.rlim_cur, 512);
	KTEST_EXPECT_EQ(t, r.rlim_max, 2048);
	KTEST_EXPECT_EQ(
		t, sys_prlimit64(current->pid, RLIMIT_NOFILE, NULL, uptr(16)),
		0);
	KTEST_EXPECT_EQ(t, get_rlim(t, 16).rlim_cur, 256);
	KTEST_EXPECT_EQ(t, sys_prlimit64(0, RLIMIT_NOFILE, NULL, NULL), 0);
	KTEST_EXPECT_EQ(
		t, sys_prlimit64(0x7ffffff0, RLIMIT_NOFILE, NULL, uptr(16)),
		-ESRCH);
	KTEST_EXPECT_EQ(t, sys_prlimit64(-5, RLIMIT_NOFILE, NULL, uptr(16)),
			-ESRCH);
	KTEST_EXPECT_EQ(t, sys_prlimit64(0, RLIM_NLIMITS, NULL, uptr(16)),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_prlimit64(0, RLIMIT_NOFILE, UNMAPPED, NULL),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_prlimit64(0, RLIMIT_NOFILE, NULL, KERNEL_PTR),
			-EFAULT);

	if (lent)
		return_signal(sig);
	else
		memcpy(sig->rlim, saved_rlim, sizeof(saved_rlim));
	end();
}

/* ---- reboot ------------------------------------------------------------- */

static void reboot(struct ktest *t)
{
	const unsigned int m1 = LINUX_REBOOT_MAGIC1, m2 = LINUX_REBOOT_MAGIC2;

	/* Only the calls that must not power off: the magic and the rest. */
	KTEST_EXPECT_EQ(t, sys_reboot(0, m2, LINUX_REBOOT_CMD_POWER_OFF, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t,
			sys_reboot(m1, 12345, LINUX_REBOOT_CMD_POWER_OFF, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_reboot(m1, m2, 0x12345678, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_reboot(m1, m2, LINUX_REBOOT_CMD_KEXEC, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t,
			sys_reboot(m1, m2, LINUX_REBOOT_CMD_SW_SUSPEND, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(t, sys_reboot(m1, m2, LINUX_REBOOT_CMD_CAD_ON, NULL),
			0);
	KTEST_EXPECT_EQ(t,
			sys_reboot(m1, LINUX_REBOOT_MAGIC2C,
				   LINUX_REBOOT_CMD_CAD_OFF, NULL),
			0);
	/* RESTART2 reads its string before anything stops. */
	KTEST_EXPECT_EQ(t,
			sys_reboot(m1, m2, LINUX_REBOOT_CMD_RESTART2, UNMAPPED),
			-EFAULT);
	KTEST_EXPECT_EQ(
		t, sys_reboot(m1, m2, LINUX_REBOOT_CMD_RESTART2, KERNEL_PTR),
		-EFAULT);
}

KTEST_SUITE(sys_misc, "sys_misc",
	    KTEST_CASE(table),
	    KTEST_CASE(uname),
	    KTEST_CASE(ids),
	    KTEST_CASE(umask),
	    KTEST_CASE(clock_gettime_clocks),
	    KTEST_CASE(mktime),
	    KTEST_CASE(clock_getres_clocks),
	    KTEST_CASE(gettimeofday_time),
	    KTEST_CASE(nanosleep_sleeps),
	    KTEST_CASE(nanosleep_interrupted),
	    KTEST_CASE(clock_nanosleep_clocks),
	    KTEST_CASE(getrandom),
	    KTEST_CASE(affinity),
	    KTEST_CASE(sysinfo),
	    KTEST_CASE(times),
	    KTEST_CASE(getrusage),
	    KTEST_CASE(rlimits),
	    KTEST_CASE(reboot));
