/* SPDX-License-Identifier: MIT */
/*
 * user/include/anvil/linux.h: anvil's system call ABI (which is Linux's)
 * as seen from user space, without any C library in between.
 *
 *   __linux_syscall(nr, a1..a6)   the raw trap (user/lib/<arch>/syscall.S)
 *   sys_<name>(...)               one inline wrapper per call; returns what
 *                                 the kernel returned: >= 0, or -LINUX_E*
 *   LINUX_*                       Linux's constants where newlib's differ
 *   struct linux_*                Linux's structures where newlib's differ
 *
 * Nothing here touches errno.  The POSIX-level functions (open, stat,
 * mmap, sigaction...) live in the user/lib C files and translate between these
 * values and newlib's; see user/README.md for the full mismatch list.
 * Arch-specific values are in <asm/abi.h>, call numbers in <asm/unistd.h>.
 */
#ifndef _ANVIL_LINUX_H
#define _ANVIL_LINUX_H

#include <asm/abi.h>
#include <asm/unistd.h>
#include <anvil/linux-errno.h>

long __linux_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
		     long a6);

#define __SC(x)	((long)(x))
#define linux_syscall0(nr)	__linux_syscall(nr, 0, 0, 0, 0, 0, 0)
#define linux_syscall1(nr, a)	__linux_syscall(nr, __SC(a), 0, 0, 0, 0, 0)
#define linux_syscall2(nr, a, b) \
	__linux_syscall(nr, __SC(a), __SC(b), 0, 0, 0, 0)
#define linux_syscall3(nr, a, b, c) \
	__linux_syscall(nr, __SC(a), __SC(b), __SC(c), 0, 0, 0)
#define linux_syscall4(nr, a, b, c, d) \
	__linux_syscall(nr, __SC(a), __SC(b), __SC(c), __SC(d), 0, 0)
#define linux_syscall5(nr, a, b, c, d, e) \
	__linux_syscall(nr, __SC(a), __SC(b), __SC(c), __SC(d), __SC(e), 0)
#define linux_syscall6(nr, a, b, c, d, e, f) \
	__linux_syscall(nr, __SC(a), __SC(b), __SC(c), __SC(d), __SC(e), \
			__SC(f))

/* Linux returns -4095..-1 for errors, anything else is a result. */
#define linux_is_err(r)	((unsigned long)(r) >= (unsigned long)-4095)

/* open(2) flags shared by both arches (octal, include/uapi/asm-generic). */
#define LINUX_O_RDONLY		00
#define LINUX_O_WRONLY		01
#define LINUX_O_RDWR		02
#define LINUX_O_ACCMODE		03
#define LINUX_O_CREAT		0100
#define LINUX_O_EXCL		0200
#define LINUX_O_NOCTTY		0400
#define LINUX_O_TRUNC		01000
#define LINUX_O_APPEND		02000
#define LINUX_O_NONBLOCK	04000
#define LINUX_O_DSYNC		010000
#define LINUX_O_SYNC		04010000
#define LINUX_O_CLOEXEC		02000000
#define LINUX_O_NOATIME		01000000
#define LINUX_O_PATH		010000000
#define LINUX_O_TMPFILE		(020000000 | LINUX_O_DIRECTORY)

/* fcntl(2) commands and *at() flags. */
#define LINUX_F_DUPFD		0
#define LINUX_F_GETFD		1
#define LINUX_F_SETFD		2
#define LINUX_F_GETFL		3
#define LINUX_F_SETFL		4
#define LINUX_F_GETLK		5
#define LINUX_F_SETLK		6
#define LINUX_F_SETLKW		7
#define LINUX_F_SETOWN		8
#define LINUX_F_GETOWN		9
#define LINUX_F_DUPFD_CLOEXEC	1030
#define LINUX_FD_CLOEXEC	1
#define LINUX_AT_FDCWD		(-100)
#define LINUX_AT_SYMLINK_NOFOLLOW 0x100
#define LINUX_AT_REMOVEDIR	0x200

/* Signals: one numbering on both arches; newlib's differs (signal.c). */
#define LINUX_SIGHUP		1
#define LINUX_SIGINT		2
#define LINUX_SIGQUIT		3
#define LINUX_SIGILL		4
#define LINUX_SIGTRAP		5
#define LINUX_SIGABRT		6
#define LINUX_SIGBUS		7
#define LINUX_SIGFPE		8
#define LINUX_SIGKILL		9
#define LINUX_SIGUSR1		10
#define LINUX_SIGSEGV		11
#define LINUX_SIGUSR2		12
#define LINUX_SIGPIPE		13
#define LINUX_SIGALRM		14
#define LINUX_SIGTERM		15
#define LINUX_SIGSTKFLT		16
#define LINUX_SIGCHLD		17
#define LINUX_SIGCONT		18
#define LINUX_SIGSTOP		19
#define LINUX_SIGTSTP		20
#define LINUX_SIGTTIN		21
#define LINUX_SIGTTOU		22
#define LINUX_SIGURG		23
#define LINUX_SIGXCPU		24
#define LINUX_SIGXFSZ		25
#define LINUX_SIGVTALRM		26
#define LINUX_SIGPROF		27
#define LINUX_SIGWINCH		28
#define LINUX_SIGIO		29
#define LINUX_SIGPWR		30
#define LINUX_SIGSYS		31
#define LINUX_NSIG		64

#define LINUX_SIG_BLOCK		0
#define LINUX_SIG_UNBLOCK	1
#define LINUX_SIG_SETMASK	2
#define LINUX_SA_NOCLDSTOP	0x00000001
#define LINUX_SA_NOCLDWAIT	0x00000002
#define LINUX_SA_SIGINFO	0x00000004
#define LINUX_SA_RESTORER	0x04000000
#define LINUX_SA_ONSTACK	0x08000000
#define LINUX_SA_RESTART	0x10000000
#define LINUX_SA_NODEFER	0x40000000
#define LINUX_SA_RESETHAND	0x80000000u
#define LINUX_SIG_DFL		((void (*)(int))0)
#define LINUX_SIG_IGN		((void (*)(int))1)

/* wait4(2) options and clock ids. */
#define LINUX_WNOHANG		1
#define LINUX_WUNTRACED		2
#define LINUX_CLOCK_REALTIME	0
#define LINUX_CLOCK_MONOTONIC	1
#define LINUX_CLOCK_PROCESS_CPUTIME_ID 2
#define LINUX_CLOCK_THREAD_CPUTIME_ID 3
#define LINUX_CLOCK_MONOTONIC_RAW 4
#define LINUX_CLOCK_REALTIME_COARSE 5
#define LINUX_CLOCK_MONOTONIC_COARSE 6
#define LINUX_CLOCK_BOOTTIME	7

/* times(2) counts in USER_HZ ticks. */
#define LINUX_USER_HZ		100

/* Auxiliary vector types (include/uapi/linux/auxvec.h). */
#define LINUX_AT_NULL		0
#define LINUX_AT_PHDR		3
#define LINUX_AT_PHENT		4
#define LINUX_AT_PHNUM		5
#define LINUX_AT_PAGESZ		6
#define LINUX_AT_ENTRY		9
#define LINUX_AT_UID		11
#define LINUX_AT_EUID		12
#define LINUX_AT_GID		13
#define LINUX_AT_EGID		14
#define LINUX_AT_HWCAP		16
#define LINUX_AT_SECURE		23
#define LINUX_AT_RANDOM		25
#define LINUX_AT_EXECFN		31

/* struct stat of stat(2)/fstat(2)/lstat(2): 144 bytes on both arches. */
struct linux_stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	unsigned long st_atime_sec, st_atime_nsec;
	unsigned long st_mtime_sec, st_mtime_nsec;
	unsigned long st_ctime_sec, st_ctime_nsec;
	long __reserved[3];
};

/* What rt_sigaction(2) takes; the mask is the 8-byte kernel sigset. */
struct linux_kernel_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;		/* bit (sig - 1) for sig 1..64 */
};

struct linux_timespec {
	long tv_sec;
	long tv_nsec;
};

/* One record of getdents64(2); d_reclen is the distance to the next. */
struct linux_dirent64 {
	unsigned long d_ino;
	long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct linux_utsname {
	char sysname[65], nodename[65], release[65], version[65],
	     machine[65], domainname[65];
};

/* The restorer x86_64 passes with SA_RESTORER (user/lib/<arch>/syscall.S). */
void __anvil_sigreturn(void);

/* Thin wrappers: Linux arguments in, Linux result (or -errno) out. */
static inline long sys_read(int fd, void *buf, unsigned long n)
{ return linux_syscall3(__NR_read, fd, buf, n); }
static inline long sys_write(int fd, const void *buf, unsigned long n)
{ return linux_syscall3(__NR_write, fd, buf, n); }
static inline long sys_close(int fd)
{ return linux_syscall1(__NR_close, fd); }
static inline long sys_mmap(void *addr, unsigned long len, int prot,
			    int flags, int fd, long off)
{ return linux_syscall6(__NR_mmap, addr, len, prot, flags, fd, off); }
static inline long sys_munmap(void *addr, unsigned long len)
{ return linux_syscall2(__NR_munmap, addr, len); }
static inline long sys_mprotect(void *addr, unsigned long len, int prot)
{ return linux_syscall3(__NR_mprotect, addr, len, prot); }
static inline long sys_mremap(void *old, unsigned long old_len,
			      unsigned long new_len, int flags, void *new_addr)
{ return linux_syscall5(__NR_mremap, old, old_len, new_len, flags, new_addr); }
static inline long sys_madvise(void *addr, unsigned long len, int advice)
{ return linux_syscall3(__NR_madvise, addr, len, advice); }
static inline long sys_msync(void *addr, unsigned long len, int flags)
{ return linux_syscall3(__NR_msync, addr, len, flags); }
static inline long sys_mincore(void *addr, unsigned long len,
			       unsigned char *vec)
{ return linux_syscall3(__NR_mincore, addr, len, vec); }
static inline long sys_brk(void *addr)
{ return linux_syscall1(__NR_brk, addr); }
static inline long sys_fork(void)
{ return linux_syscall0(__NR_fork); }
/* Raw clone: the child returns here on the new stack; no C frame survives. */
static inline long sys_clone(unsigned long flags, void *stack, int *ptid,
			     int *ctid, unsigned long tls)
{ return __linux_syscall(__NR_clone,
			 LINUX_CLONE_ARGS(flags, stack, ptid, ctid, tls), 0); }
static inline long sys_execve(const char *path, char *const argv[],
			      char *const envp[])
{ return linux_syscall3(__NR_execve, path, argv, envp); }
static inline long sys_wait4(int pid, int *status, int options, void *ru)
{ return linux_syscall4(__NR_wait4, pid, status, options, ru); }
static inline long sys_pipe2(int fds[2], int flags)
{ return linux_syscall2(__NR_pipe2, fds, flags); }
static inline long sys_dup2(int oldfd, int newfd)
{ return linux_syscall2(__NR_dup2, oldfd, newfd); }
static inline long sys_getdents64(int fd, void *buf, unsigned long n)
{ return linux_syscall3(__NR_getdents64, fd, buf, n); }
static inline long sys_nanosleep(const struct linux_timespec *req,
				 struct linux_timespec *rem)
{ return linux_syscall2(__NR_nanosleep, req, rem); }
static inline long sys_clock_gettime(int clk, struct linux_timespec *ts)
{ return linux_syscall2(__NR_clock_gettime, clk, ts); }
static inline long sys_sched_yield(void)
{ return linux_syscall0(__NR_sched_yield); }
static inline long sys_sched_setaffinity(int pid, unsigned long len,
					 const void *mask)
{ return linux_syscall3(__NR_sched_setaffinity, pid, len, mask); }
static inline long sys_sched_getaffinity(int pid, unsigned long len,
					 void *mask)
{ return linux_syscall3(__NR_sched_getaffinity, pid, len, mask); }
static inline long sys_getpid(void)
{ return linux_syscall0(__NR_getpid); }
static inline long sys_getppid(void)
{ return linux_syscall0(__NR_getppid); }
static inline long sys_gettid(void)
{ return linux_syscall0(__NR_gettid); }
static inline long sys_kill(int pid, int sig)
{ return linux_syscall2(__NR_kill, pid, sig); }
static inline long sys_tgkill(int tgid, int tid, int sig)
{ return linux_syscall3(__NR_tgkill, tgid, tid, sig); }
static inline long sys_rt_sigaction(int sig,
				    const struct linux_kernel_sigaction *act,
				    struct linux_kernel_sigaction *old)
{ return linux_syscall4(__NR_rt_sigaction, sig, act, old, 8); }
static inline long sys_rt_sigprocmask(int how, const unsigned long *set,
				      unsigned long *old)
{ return linux_syscall4(__NR_rt_sigprocmask, how, set, old, 8); }
static inline long sys_uname(struct linux_utsname *u)
{ return linux_syscall1(__NR_uname, u); }
static inline long sys_getrandom(void *buf, unsigned long n, unsigned flags)
{ return linux_syscall3(__NR_getrandom, buf, n, flags); }
static inline __attribute__((noreturn)) void sys_exit_group(int status)
{
	linux_syscall1(__NR_exit_group, status);
	__builtin_unreachable();
}

#endif /* _ANVIL_LINUX_H */
