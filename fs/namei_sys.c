// SPDX-License-Identifier: MIT
/*
 * fs/namei_sys.c: the system calls that change directories, over
 * fs/namei.c (which Linux has them in; namei.c is long enough here).
 *
 *	mkdir, mkdirat			do_mkdirat
 *	unlink, rmdir, unlinkat		do_unlinkat, do_rmdir
 *	symlink, symlinkat		do_symlinkat
 *	rename, renameat, renameat2	do_renameat
 *
 * Each copies its path in with getname_at(), which also resolves the
 * dirfd (fs/namei.c), and calls the VFS on current->fs. The old calls
 * without "at" exist only on arches whose table has them (x86_64 and
 * ppc64 both do; newer arches do not), hence the #ifdefs: a test of
 * the feature, not of the arch. link()/linkat() are missing: the VFS
 * has no hard links yet.
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/syscalls.h>

#include "internal.h"

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	struct at_path p;
	int err = getname_at(dfd, pathname, 0, &p);

	if (!err)
		err = do_mkdirat(current->fs, p.base, p.name, mode);
	putname_at(&p);
	return err;
}

#ifdef __NR_mkdir
SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}
#endif

/* unlinkat(2): AT_REMOVEDIR makes it rmdir. */
SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	struct at_path p;
	int err;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	err = getname_at(dfd, pathname, 0, &p);
	if (!err)
		err = (flag & AT_REMOVEDIR) ?
			      do_rmdir(current->fs, p.base, p.name) :
			      do_unlinkat(current->fs, p.base, p.name);
	putname_at(&p);
	return err;
}

#ifdef __NR_unlink
SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}
#endif

#ifdef __NR_rmdir
SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}
#endif

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname,
		int, newdfd,
		const char __user *, newname)
{
	char *target = getname(oldname);
	struct at_path p;
	int err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	err = getname_at(newdfd, newname, 0, &p);
	if (!err)
		err = do_symlinkat(current->fs, target, p.base, p.name);
	putname_at(&p);
	putname(target);
	return err;
}

#ifdef __NR_symlink
SYSCALL_DEFINE2(symlink, const char __user *, oldname,
		const char __user *, newname)
{
	return sys_symlinkat(oldname, AT_FDCWD, newname);
}
#endif

/* renameat2(2): no RENAME_NOREPLACE/EXCHANGE/WHITEOUT yet: flags 0. */
SYSCALL_DEFINE5(renameat2, int, olddfd,
		const char __user *, oldname,
		int, newdfd,
		const char __user *, newname,
		unsigned int, flags)
{
	struct at_path from, to = { NULL, NULL };
	int err;

	if (flags)
		return -EINVAL;
	err = getname_at(olddfd, oldname, 0, &from);
	if (!err)
		err = getname_at(newdfd, newname, 0, &to);
	if (!err)
		err = do_renameat(current->fs, from.base, from.name, to.base,
				  to.name);
	putname_at(&to);
	putname_at(&from);
	return err;
}

SYSCALL_DEFINE4(renameat, int, olddfd,
		const char __user *, oldname,
		int, newdfd,
		const char __user *, newname)
{
	return sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

#ifdef __NR_rename
SYSCALL_DEFINE2(rename, const char __user *, oldname,
		const char __user *, newname)
{
	return sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}
#endif
