/* SPDX-License-Identifier: MIT */
/*
 * Error numbers, Linux's (include/uapi/asm-generic/errno-base.h and
 * errno.h), and the ERR_PTR convention for returning one in a pointer.
 *
 * Kernel functions return a negative errno (-ENOENT) or >= 0; the
 * syscall layer hands that value to user space unchanged, which is why
 * the numbers must be Linux's. They are the same on x86_64 and ppc64
 * except EDEADLOCK (58 on powerpc, an alias of EDEADLK elsewhere), which
 * is therefore not defined here: nothing generic may use it.
 *
 * Plain numbers, no parentheses, so that a file that defined a few of
 * these itself before this header existed (mm/vma_internal.h) still
 * compiles with both.
 */
#ifndef ANVIL_ERRNO_H
#define ANVIL_ERRNO_H

#include <anvil/compiler.h>
#include <anvil/types.h>

#define EPERM 1		/* Operation not permitted */
#define ENOENT 2	/* No such file or directory */
#define ESRCH 3		/* No such process */
#define EINTR 4		/* Interrupted system call */
#define EIO 5		/* I/O error */
#define ENXIO 6		/* No such device or address */
#define E2BIG 7		/* Argument list too long */
#define ENOEXEC 8	/* Exec format error */
#define EBADF 9		/* Bad file number */
#define ECHILD 10	/* No child processes */
#define EAGAIN 11	/* Try again */
#define EWOULDBLOCK EAGAIN
#define ENOMEM 12	/* Out of memory */
#define EACCES 13	/* Permission denied */
#define EFAULT 14	/* Bad address */
#define ENOTBLK 15	/* Block device required */
#define EBUSY 16	/* Device or resource busy */
#define EEXIST 17	/* File exists */
#define EXDEV 18	/* Cross-device link */
#define ENODEV 19	/* No such device */
#define ENOTDIR 20	/* Not a directory */
#define EISDIR 21	/* Is a directory */
#define EINVAL 22	/* Invalid argument */
#define ENFILE 23	/* File table overflow */
#define EMFILE 24	/* Too many open files */
#define ENOTTY 25	/* Not a typewriter */
#define ETXTBSY 26	/* Text file busy */
#define EFBIG 27	/* File too large */
#define ENOSPC 28	/* No space left on device */
#define ESPIPE 29	/* Illegal seek */
#define EROFS 30	/* Read-only file system */
#define EMLINK 31	/* Too many links */
#define EPIPE 32	/* Broken pipe */
#define EDOM 33		/* Math argument out of domain */
#define ERANGE 34	/* Math result not representable */
#define EDEADLK 35	/* Resource deadlock would occur */
#define ENAMETOOLONG 36 /* File name too long */
#define ENOLCK 37	/* No record locks available */
#define ENOSYS 38	/* Invalid system call number */
#define ENOTEMPTY 39	/* Directory not empty */
#define ELOOP 40	/* Too many symbolic links encountered */
#define ENOMSG 42	/* No message of desired type */
#define EIDRM 43	/* Identifier removed */
#define ENOSTR 60	/* Device not a stream */
#define ENODATA 61	/* No data available */
#define ETIME 62	/* Timer expired */
#define EOVERFLOW 75	/* Value too large for defined data type */
#define EBADFD 77	/* File descriptor in bad state */
#define EILSEQ 84	/* Illegal byte sequence */
#define ENOTSOCK 88	/* Socket operation on non-socket */
#define EMSGSIZE 90	/* Message too long */
#define ENOPROTOOPT 92	/* Protocol not available */
#define EOPNOTSUPP 95	/* Operation not supported */
#define ENOTSUP EOPNOTSUPP
#define EADDRINUSE 98	/* Address already in use */
#define ENOBUFS 105	/* No buffer space available */
#define ETIMEDOUT 110	/* Connection timed out */
#define EALREADY 114	/* Operation already in progress */
#define EINPROGRESS 115 /* Operation now in progress */
#define ESTALE 116	/* Stale file handle */
#define EDQUOT 122	/* Quota exceeded */
#define ECANCELED 125	/* Operation Canceled */
#define EOWNERDEAD 130	/* Owner died */

/*
 * Kernel-internal: a system call interrupted by a signal asks to be
 * restarted (kernel/signal.c decides, by the handler's SA_RESTART). User
 * space never sees these: it gets EINTR or a rerun call.
 */
#define ERESTARTSYS 512		/* restart unless a handler runs without
				 * SA_RESTART; then EINTR */
#define ERESTARTNOINTR 513	/* always restart */
#define ERESTARTNOHAND 514	/* restart only if no handler runs */

/* The highest errno a pointer or syscall return can carry. */
#define MAX_ERRNO 4095

/*
 * ERR_PTR: a function returning a pointer reports failure by returning
 * the negative errno cast to a pointer. The top 4095 addresses are never
 * valid kernel objects, so IS_ERR() can tell the two apart.
 */
static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return unlikely((unsigned long)ptr >= (unsigned long)-MAX_ERRNO);
}

/* An unsigned long result (an address) that is really -errno. */
#define IS_ERR_VALUE(x) unlikely((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif /* ANVIL_ERRNO_H */
