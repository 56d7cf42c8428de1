/* SPDX-License-Identifier: MIT */
/*
 * user/lib/errno.c: Linux errno numbers to newlib's, and the helper that
 * turns a raw system call result into the C library's "-1 and errno".
 *
 *   __anvil_ret(r)          r if it is a result; -1 and errno if -errno
 *   __anvil_fail(lerr)      errno = newlib's code for Linux's lerr; -1
 *   errno_from_linux(lerr)  just the number
 *
 * The kernel speaks Linux (user/include/anvil/linux-errno.h); programs
 * compare errno with newlib's <errno.h>.  Both agree on 1-34 and a few
 * more, so a wrong mapping shows up only on less common errors
 * (ENAMETOOLONG is 36 in Linux, 91 in newlib; ENOSYS 38 and 88).  The
 * table is keyed by Linux's names and filled with newlib's, so the
 * compiler checks every pair.  This file is built with
 * __LINUX_ERRNO_EXTENSIONS__, so newlib names most of Linux's codes;
 * the 13 it still has no name for (ERESTART, EUCLEAN, ENOKEY, ...)
 * become EIO.
 *
 * newlib's _write_r and friends copy errno into the reent structure only
 * when the call returns exactly -1, so every glue function must return -1
 * on failure, never -errno.
 */
#include <errno.h>

#include <anvil/linux.h>
#include "glue.h"

static const unsigned char errno_map[LINUX_ERRNO_MAX + 1] = {
	[LINUX_EPERM] = EPERM,
	[LINUX_ENOENT] = ENOENT,
	[LINUX_ESRCH] = ESRCH,
	[LINUX_EINTR] = EINTR,
	[LINUX_EIO] = EIO,
	[LINUX_ENXIO] = ENXIO,
	[LINUX_E2BIG] = E2BIG,
	[LINUX_ENOEXEC] = ENOEXEC,
	[LINUX_EBADF] = EBADF,
	[LINUX_ECHILD] = ECHILD,
	[LINUX_EAGAIN] = EAGAIN,
	[LINUX_ENOMEM] = ENOMEM,
	[LINUX_EACCES] = EACCES,
	[LINUX_EFAULT] = EFAULT,
	[LINUX_ENOTBLK] = ENOTBLK,
	[LINUX_EBUSY] = EBUSY,
	[LINUX_EEXIST] = EEXIST,
	[LINUX_EXDEV] = EXDEV,
	[LINUX_ENODEV] = ENODEV,
	[LINUX_ENOTDIR] = ENOTDIR,
	[LINUX_EISDIR] = EISDIR,
	[LINUX_EINVAL] = EINVAL,
	[LINUX_ENFILE] = ENFILE,
	[LINUX_EMFILE] = EMFILE,
	[LINUX_ENOTTY] = ENOTTY,
	[LINUX_ETXTBSY] = ETXTBSY,
	[LINUX_EFBIG] = EFBIG,
	[LINUX_ENOSPC] = ENOSPC,
	[LINUX_ESPIPE] = ESPIPE,
	[LINUX_EROFS] = EROFS,
	[LINUX_EMLINK] = EMLINK,
	[LINUX_EPIPE] = EPIPE,
	[LINUX_EDOM] = EDOM,
	[LINUX_ERANGE] = ERANGE,
	[LINUX_EDEADLK] = EDEADLK,
	[LINUX_ENAMETOOLONG] = ENAMETOOLONG,
	[LINUX_ENOLCK] = ENOLCK,
	[LINUX_ENOSYS] = ENOSYS,
	[LINUX_ENOTEMPTY] = ENOTEMPTY,
	[LINUX_ELOOP] = ELOOP,
	[LINUX_ENOMSG] = ENOMSG,
	[LINUX_EIDRM] = EIDRM,
	[LINUX_ECHRNG] = ECHRNG,
	[LINUX_EL2NSYNC] = EL2NSYNC,
	[LINUX_EL3HLT] = EL3HLT,
	[LINUX_EL3RST] = EL3RST,
	[LINUX_ELNRNG] = ELNRNG,
	[LINUX_EUNATCH] = EUNATCH,
	[LINUX_ENOCSI] = ENOCSI,
	[LINUX_EL2HLT] = EL2HLT,
	[LINUX_EBADE] = EBADE,
	[LINUX_EBADR] = EBADR,
	[LINUX_EXFULL] = EXFULL,
	[LINUX_ENOANO] = ENOANO,
	[LINUX_EBADRQC] = EBADRQC,
	[LINUX_EBADSLT] = EBADSLT,
	[LINUX_EBFONT] = EBFONT,
	[LINUX_ENOSTR] = ENOSTR,
	[LINUX_ENODATA] = ENODATA,
	[LINUX_ETIME] = ETIME,
	[LINUX_ENOSR] = ENOSR,
	[LINUX_ENONET] = ENONET,
	[LINUX_ENOPKG] = ENOPKG,
	[LINUX_EREMOTE] = EREMOTE,
	[LINUX_ENOLINK] = ENOLINK,
	[LINUX_EADV] = EADV,
	[LINUX_ESRMNT] = ESRMNT,
	[LINUX_ECOMM] = ECOMM,
	[LINUX_EPROTO] = EPROTO,
	[LINUX_EMULTIHOP] = EMULTIHOP,
	[LINUX_EDOTDOT] = EDOTDOT,
	[LINUX_EBADMSG] = EBADMSG,
	[LINUX_EOVERFLOW] = EOVERFLOW,
	[LINUX_ENOTUNIQ] = ENOTUNIQ,
	[LINUX_EBADFD] = EBADFD,
	[LINUX_EREMCHG] = EREMCHG,
	[LINUX_ELIBACC] = ELIBACC,
	[LINUX_ELIBBAD] = ELIBBAD,
	[LINUX_ELIBSCN] = ELIBSCN,
	[LINUX_ELIBMAX] = ELIBMAX,
	[LINUX_ELIBEXEC] = ELIBEXEC,
	[LINUX_EILSEQ] = EILSEQ,
	[LINUX_ESTRPIPE] = ESTRPIPE,
	[LINUX_EUSERS] = EUSERS,
	[LINUX_ENOTSOCK] = ENOTSOCK,
	[LINUX_EDESTADDRREQ] = EDESTADDRREQ,
	[LINUX_EMSGSIZE] = EMSGSIZE,
	[LINUX_EPROTOTYPE] = EPROTOTYPE,
	[LINUX_ENOPROTOOPT] = ENOPROTOOPT,
	[LINUX_EPROTONOSUPPORT] = EPROTONOSUPPORT,
	[LINUX_ESOCKTNOSUPPORT] = ESOCKTNOSUPPORT,
	[LINUX_EOPNOTSUPP] = EOPNOTSUPP,
	[LINUX_EPFNOSUPPORT] = EPFNOSUPPORT,
	[LINUX_EAFNOSUPPORT] = EAFNOSUPPORT,
	[LINUX_EADDRINUSE] = EADDRINUSE,
	[LINUX_EADDRNOTAVAIL] = EADDRNOTAVAIL,
	[LINUX_ENETDOWN] = ENETDOWN,
	[LINUX_ENETUNREACH] = ENETUNREACH,
	[LINUX_ENETRESET] = ENETRESET,
	[LINUX_ECONNABORTED] = ECONNABORTED,
	[LINUX_ECONNRESET] = ECONNRESET,
	[LINUX_ENOBUFS] = ENOBUFS,
	[LINUX_EISCONN] = EISCONN,
	[LINUX_ENOTCONN] = ENOTCONN,
	[LINUX_ESHUTDOWN] = ESHUTDOWN,
	[LINUX_ETOOMANYREFS] = ETOOMANYREFS,
	[LINUX_ETIMEDOUT] = ETIMEDOUT,
	[LINUX_ECONNREFUSED] = ECONNREFUSED,
	[LINUX_EHOSTDOWN] = EHOSTDOWN,
	[LINUX_EHOSTUNREACH] = EHOSTUNREACH,
	[LINUX_EALREADY] = EALREADY,
	[LINUX_EINPROGRESS] = EINPROGRESS,
	[LINUX_ESTALE] = ESTALE,
	[LINUX_EDQUOT] = EDQUOT,
	[LINUX_ENOMEDIUM] = ENOMEDIUM,
	[LINUX_ECANCELED] = ECANCELED,
	[LINUX_EOWNERDEAD] = EOWNERDEAD,
	[LINUX_ENOTRECOVERABLE] = ENOTRECOVERABLE,
#if LINUX_EDEADLOCK != LINUX_EDEADLK
	[LINUX_EDEADLOCK] = EDEADLOCK,
#endif
};

int errno_from_linux(long lerr)
{
	if (lerr <= 0 || lerr > LINUX_ERRNO_MAX || !errno_map[lerr])
		return EIO;
	return errno_map[lerr];
}

int __anvil_fail(long lerr)
{
	errno = errno_from_linux(lerr);
	return -1;
}

long __anvil_ret(long r)
{
	if (linux_is_err(r))
		return __anvil_fail(-r);
	return r;
}
