/* SPDX-License-Identifier: MIT */
/*
 * The boundary between user mode and the kernel, generic side.
 *
 * The arch's entry code calls these (arch/x86_64/kernel/entry.h repeats
 * the declarations word for word):
 *
 *	do_syscall		kernel/sys.c: dispatch one system call
 *	exit_to_user_mode	kernel/entry.c: before every return to user
 *	handle_user_fault	mm/fault.c: a page fault on a user address
 *	force_sig_fault		kernel/signal.c: a user exception's signal
 *
 * System call numbers are each arch's Linux numbers (<asm/unistd.h>);
 * the handlers are generic. A handler is defined with SYSCALL_DEFINEn,
 * n its number of arguments, each given as "type, name", as in Linux:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf,
 *			size_t, count)
 *	{
 *		...
 *	}
 *
 * That defines sys_read() (callable from the kernel with its real
 * types) and ties it to __NR_read: a record { __NR_read, "sys_read",
 * wrapper } goes into the "syscall_defs" section, and
 * syscall_table_init() (kernel/syscall_table.c) builds the table
 * do_syscall() indexes from those records at boot. A call only some
 * arches have (fork, open, arch_prctl) is defined under #ifdef
 * __NR_<name>: a feature test, like Linux's __ARCH_WANT_*, not an arch
 * test. So no central table to edit, and the number sits with the code.
 *
 * Why the wrapper: user mode hands over six full registers, and the
 * dispatcher passes them on as longs. A handler taking an int must not
 * see a register whose upper half is garbage: the ppc64 ABI lets the
 * callee assume the caller sign- or zero-extended a 32-bit argument, so
 * an "int fd" with junk above bit 31 could pass a "fd < 0" test and
 * index past a table (Linux's CVE-2009-0029). The wrapper
 * (__se_sys_read) takes longs and casts each to its declared type, so
 * the body always gets properly extended values; sys_read is an alias
 * of it with the typed prototype (the two types differ on purpose,
 * hence the silenced -Wattribute-alias, as in Linux).
 */
#ifndef ANVIL_SYSCALLS_H
#define ANVIL_SYSCALLS_H

#include <anvil/compiler.h>
#include <anvil/signal.h>
#include <anvil/types.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);

struct syscall_entry {
	const char *name;
	syscall_fn_t fn;
};

/* One SYSCALL_DEFINEn record: a handler and the number it answers. */
struct syscall_def {
	unsigned int nr;
	const char *name;
	syscall_fn_t fn;
};

/* Through void (*)(void): a wrapper takes as many longs as it needs. */
#define SYSCALL_ENTRY_NR(_nr, _fn, _tag)                                  \
	static const struct syscall_def __syscall_def_##_tag __used        \
		__section("syscall_defs") __aligned(8) = {                 \
			.nr = (_nr),                                       \
			.name = "sys_" #_tag,                              \
			.fn = (syscall_fn_t)(void (*)(void))(_fn),         \
		}
/* sys_<fn> answers __NR_<name> too (ppc64's ugetrlimit is getrlimit). */
#define SYSCALL_ENTRY_ALIAS(name, fn) \
	SYSCALL_ENTRY_NR(__NR_##name, __se_sys_##fn, name)

/* Apply m(type, name) to each of n pairs, comma-separated. */
#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) long a
#define __SC_CAST(t, a) (t)a

#define SYSCALL_DEFINEx(x, name, ...)                                       \
	static inline long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	long __se_sys_##name(__MAP(x, __SC_LONG, __VA_ARGS__));               \
	long __se_sys_##name(__MAP(x, __SC_LONG, __VA_ARGS__))                \
	{                                                                   \
		return __do_sys_##name(__MAP(x, __SC_CAST, __VA_ARGS__));   \
	}                                                                   \
	_Pragma("GCC diagnostic push")                                      \
	_Pragma("GCC diagnostic ignored \"-Wattribute-alias\"")             \
	long sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__))                    \
		__attribute__((alias("__se_sys_" #name)));                  \
	_Pragma("GCC diagnostic pop")                                       \
	SYSCALL_ENTRY_NR(__NR_##name, __se_sys_##name, name);                \
	static inline long __do_sys_##name(__MAP(x, __SC_DECL, __VA_ARGS__))

#define SYSCALL_DEFINE0(name)                                               \
	long sys_##name(void);                                              \
	long __se_sys_##name(void) __attribute__((alias("sys_" #name)));    \
	SYSCALL_ENTRY_NR(__NR_##name, sys_##name, name);                     \
	long sys_##name(void)
#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, name, __VA_ARGS__)

/* Indexed by the arch's numbers (NR_syscalls of them); holes are NULL. */
extern struct syscall_entry sys_call_table[NR_syscalls];
/* Fill sys_call_table from the SYSCALL_DEFINEn records; boot, once. */
void syscall_table_init(void);

long do_syscall(struct pt_regs *regs);
void exit_to_user_mode(struct pt_regs *regs);
int handle_user_fault(struct pt_regs *regs, unsigned long addr,
		      unsigned int flags);
void force_sig_fault(int sig, int code, unsigned long addr);

/* End the current task with @code as its wait status; never returns. */
void do_exit(int code) __attribute__((noreturn));

/* The generic handlers (kernel/sys.c, mm/mmap.c wrappers). */
long sys_getpid(void);
long sys_gettid(void);
long sys_sched_yield(void);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, unsigned long len);
long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot);
long sys_brk(unsigned long brk);
/* mm/syscalls.c (the cores: mm/mremap.c, madvise.c, msync.c, mincore.c) */
long sys_mremap(unsigned long addr, unsigned long old_len,
		unsigned long new_len, unsigned long flags,
		unsigned long new_addr);
long sys_madvise(unsigned long start, size_t len, int behavior);
long sys_msync(unsigned long start, size_t len, int flags);
long sys_mincore(unsigned long start, size_t len, unsigned char __user *vec);

/*
 * Files (fs/): each in the file Linux has it in. The calls only some
 * arches have (open, stat, pipe, dup2, mkdir, ...) are registered under
 * #ifdef __NR_<name>; declaring them everywhere is harmless.
 */
typedef long long loff_t;	/* as <anvil/fs.h> */
typedef unsigned short umode_t;
struct iovec;
struct linux_dirent64;
struct stat;
/* fs/read_write.c */
long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_readv(unsigned long fd, const struct iovec __user *vec,
	       unsigned long vlen);
long sys_writev(unsigned long fd, const struct iovec __user *vec,
		unsigned long vlen);
long sys_pread64(unsigned int fd, char __user *buf, size_t count,
		 loff_t pos);
long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count,
		  loff_t pos);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
/* fs/open.c */
long sys_open(const char __user *filename, int flags, umode_t mode);
long sys_openat(int dfd, const char __user *filename, int flags,
		umode_t mode);
long sys_creat(const char __user *pathname, umode_t mode);
long sys_close(unsigned int fd);
long sys_truncate(const char __user *path, long length);
long sys_ftruncate(unsigned int fd, long length);
long sys_chdir(const char __user *filename);
long sys_fchdir(unsigned int fd);
long sys_access(const char __user *filename, int mode);
long sys_faccessat(int dfd, const char __user *filename, int mode);
long sys_faccessat2(int dfd, const char __user *filename, int mode,
		    int flags);
/* fs/stat.c */
long sys_stat(const char __user *filename, struct stat __user *statbuf);
long sys_lstat(const char __user *filename, struct stat __user *statbuf);
long sys_fstat(unsigned int fd, struct stat __user *statbuf);
long sys_newfstatat(int dfd, const char __user *filename,
		    struct stat __user *statbuf, int flag);
long sys_readlink(const char __user *path, char __user *buf, int bufsiz);
long sys_readlinkat(int dfd, const char __user *path, char __user *buf,
		    int bufsiz);
/* fs/namei.c */
long sys_mkdir(const char __user *pathname, umode_t mode);
long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode);
long sys_rmdir(const char __user *pathname);
long sys_unlink(const char __user *pathname);
long sys_unlinkat(int dfd, const char __user *pathname, int flag);
long sys_symlink(const char __user *oldname, const char __user *newname);
long sys_symlinkat(const char __user *oldname, int newdfd,
		   const char __user *newname);
long sys_rename(const char __user *oldname, const char __user *newname);
long sys_renameat(int olddfd, const char __user *oldname, int newdfd,
		  const char __user *newname);
long sys_renameat2(int olddfd, const char __user *oldname, int newdfd,
		   const char __user *newname, unsigned int flags);
/* fs/readdir.c */
long sys_getdents(unsigned int fd, void __user *dirent, unsigned int count);
long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent,
		    unsigned int count);
/* fs/file.c, fs/fcntl.c, fs/ioctl.c, fs/pipe.c, fs/sync.c, fs/dcache.c */
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_pipe(int __user *fildes);
long sys_pipe2(int __user *fildes, int flags);
long sys_fsync(unsigned int fd);
long sys_fdatasync(unsigned int fd);
long sys_getcwd(char __user *buf, unsigned long size);

/* Miscellaneous calls (issue 5; docs/syscalls.md). */
struct new_utsname;
struct sysinfo;
struct tms;
struct rusage;
struct rlimit;
struct rlimit64;
struct __kernel_timespec;
struct __kernel_old_timeval;
struct timezone;
/* kernel/sys_info.c */
long sys_uname(struct new_utsname __user *name);
long sys_sysinfo(struct sysinfo __user *info);
long sys_times(struct tms __user *tbuf);
long sys_getrusage(int who, struct rusage __user *ru);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_getppid(void);
long sys_set_tid_address(int __user *tidptr);
long sys_umask(int mask);
/* kernel/resource.c */
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim);
long sys_prlimit64(int pid, unsigned int resource,
		   const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim);
/* kernel/time/posix-timers.c */
long sys_clock_gettime(int which_clock, struct __kernel_timespec __user *tp);
long sys_clock_getres(int which_clock, struct __kernel_timespec __user *tp);
long sys_gettimeofday(struct __kernel_old_timeval __user *tv,
		      struct timezone __user *tz);
long sys_time(long __user *tloc);
long sys_nanosleep(const struct __kernel_timespec __user *rqtp,
		   struct __kernel_timespec __user *rmtp);
long sys_clock_nanosleep(int which_clock, int flags,
			 const struct __kernel_timespec __user *rqtp,
			 struct __kernel_timespec __user *rmtp);
/* kernel/random.c */
long sys_getrandom(char __user *buf, size_t count, unsigned int flags);
/* kernel/reboot.c */
long sys_reboot(unsigned int magic1, unsigned int magic2, unsigned int cmd,
		void __user *arg);
/* kernel/sched/syscalls.c */
long sys_sched_setaffinity(int pid, unsigned int len,
			   const unsigned long __user *user_mask_ptr);
long sys_sched_getaffinity(int pid, unsigned int len,
			   unsigned long __user *user_mask_ptr);
long sys_getcpu(unsigned int __user *cpup, unsigned int __user *nodep,
		void __user *unused);

#endif /* ANVIL_SYSCALLS_H */
