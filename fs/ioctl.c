// SPDX-License-Identifier: MIT
/*
 * fs/ioctl.c: ioctl(2).
 *
 * A few commands mean the same for every file and are answered here, as
 * Linux's do_vfs_ioctl does:
 *
 *	FIOCLEX, FIONCLEX	set, clear the fd's close-on-exec bit
 *	FIONBIO			*(int *)arg: set or clear O_NONBLOCK
 *
 * The rest go to the file's driver (vfs_ioctl), which anvil's drivers
 * get a *kernel* pointer for: the only ones that exist are the
 * console's (<anvil/tty.h>: TCGETS, TCSETS/TCSETSW/TCSETSF, TIOCGPGRP,
 * TIOCSPGRP, TIOCGWINSZ), so this file lends the driver a kernel buffer
 * and copies the arch's user structure in or out. For the termios ones
 * that means converting between the kernel's struct ktermios and the
 * arch's struct termios (<asm/termbits.h>): ppc64 lays it out
 * differently and includes the speeds. Any other command is ENOTTY
 * (Linux's "not a typewriter": this file has no such ioctl), which is
 * also what a file without a driver ioctl says for every command.
 *
 * The numbers are the arch's (<asm/ioctls.h>): TCGETS is 0x5401 on
 * x86_64 but 0x402c7413 on ppc64.
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/syscalls.h>
#include <anvil/termios.h>
#include <anvil/uaccess.h>

#include "internal.h"

static int ioctl_fionbio(struct file *file, int __user *argp)
{
	int on;

	if (get_user(on, argp))
		return -EFAULT;
	spin_lock(&file->f_lock);
	if (on)
		file->f_flags |= O_NONBLOCK;
	else
		file->f_flags &= ~O_NONBLOCK;
	spin_unlock(&file->f_lock);
	return 0;
}

static long tty_tcgets(struct file *file, struct termios __user *argp)
{
	struct ktermios kt;
	struct termios ut;
	long err = vfs_ioctl(file, TCGETS, (unsigned long)&kt);

	if (err)
		return err;
	ktermios_to_termios(&ut, &kt);
	return copy_to_user(argp, &ut, sizeof(ut)) ? -EFAULT : 0;
}

/*
 * TCSETS and friends. Only a terminal gets past the TCGETS (which is
 * isatty()'s test too): anything else is ENOTTY whatever @argp is, as
 * on Linux. TCGETS also fills what the user's struct lacks (x86_64's
 * speeds).
 */
static long tty_tcsets(struct file *file, unsigned int cmd,
		       const struct termios __user *argp)
{
	struct ktermios kt;
	struct termios ut;
	long err = vfs_ioctl(file, TCGETS, (unsigned long)&kt);

	if (err)
		return err;
	if (copy_from_user(&ut, argp, sizeof(ut)))
		return -EFAULT;
	termios_to_ktermios(&kt, &ut);
	return vfs_ioctl(file, cmd, (unsigned long)&kt);
}

static long tty_tiocgpgrp(struct file *file, int __user *argp)
{
	int pgrp;
	long err = vfs_ioctl(file, TIOCGPGRP, (unsigned long)&pgrp);

	if (err)
		return err;
	return put_user(pgrp, argp) ? -EFAULT : 0;
}

static long tty_tiocspgrp(struct file *file, const int __user *argp)
{
	struct ktermios kt;
	long err = vfs_ioctl(file, TCGETS, (unsigned long)&kt);
	int pgrp;

	if (err)
		return err;
	if (get_user(pgrp, argp))
		return -EFAULT;
	return vfs_ioctl(file, TIOCSPGRP, (unsigned long)&pgrp);
}

static long tty_tiocgwinsz(struct file *file, struct winsize __user *argp)
{
	struct winsize ws;
	long err = vfs_ioctl(file, TIOCGWINSZ, (unsigned long)&ws);

	if (err)
		return err;
	return copy_to_user(argp, &ws, sizeof(ws)) ? -EFAULT : 0;
}

static long do_vfs_ioctl(struct file *file, unsigned int fd,
			 unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case FIOCLEX:
		return __set_close_on_exec(current->files, fd, true);
	case FIONCLEX:
		return __set_close_on_exec(current->files, fd, false);
	case FIONBIO:
		return ioctl_fionbio(file, (int __user *)arg);
	case TCGETS:
		return tty_tcgets(file, (struct termios __user *)arg);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return tty_tcsets(file, cmd,
				  (const struct termios __user *)arg);
	case TIOCGPGRP:
		return tty_tiocgpgrp(file, (int __user *)arg);
	case TIOCSPGRP:
		return tty_tiocspgrp(file, (const int __user *)arg);
	case TIOCGWINSZ:
		return tty_tiocgwinsz(file, (struct winsize __user *)arg);
	}
	return -ENOTTY;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = do_vfs_ioctl(file, fd, cmd, arg);
	fput(file);
	return ret;
}
