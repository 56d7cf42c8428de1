// SPDX-License-Identifier: MIT
/*
 * fs/char_dev.c: character devices, and the two anvil has.
 *
 * A device node (S_IFCHR, made by mknod) carries a device number in
 * i_rdev. Opening it finds the driver registered for that number and
 * swaps the driver's file operations into the new file (chrdev_open),
 * so from then on reads and writes go straight to the driver.
 *
 *	(1, 3)	/dev/null	reads are EOF, writes vanish
 *	(5, 1)	/dev/console	writes go to arch_console_write(); reads
 *				take bytes a driver passed to
 *				console_receive()
 *
 * Console input: until a driver calls console_input_attach() (no UART
 * receive interrupt exists yet), a read of the console returns 0 (EOF)
 * at once, so programs that read stdin finish instead of hanging. After
 * it, a read blocks until at least one byte arrived (uninterruptibly,
 * until signals exist) and returns what there is: raw bytes, no line
 * editing and no echo yet (that is the tty work).
 *
 * ioctl: TCGETS and TIOCGWINSZ on the console, with the arch's numbers
 * and a kernel pointer (<anvil/termios.h>; fs/ioctl.c copies the result
 * out for ioctl(2)); ENOTTY elsewhere.
 */
#include <anvil/arch.h>
#include <anvil/kernel.h>
#include <anvil/string.h>
#include <anvil/termios.h>
#include <anvil/wait.h>

#include "internal.h"

/* ---- /dev/null -------------------------------------------------------- */

static ssize_t null_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	return 0;
}

static ssize_t null_write(struct file *file, struct iov_iter *from,
			  loff_t *pos)
{
	size_t n = iov_iter_count(from);

	iov_iter_advance(from, n);
	return (ssize_t)n;
}

static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = null_read,
	.write_iter = null_write,
};

/* ---- /dev/console ----------------------------------------------------- */

#define CONSOLE_IN_SIZE 256
static DEFINE_SPINLOCK(console_in_lock);
static DECLARE_WAIT_QUEUE_HEAD(console_in_wait);
static char console_in[CONSOLE_IN_SIZE];
static unsigned int console_in_head, console_in_tail; /* [console_in_lock] */
static bool console_in_attached;

void console_input_attach(void)
{
	WRITE_ONCE(console_in_attached, true);
}

/* Called from a receive interrupt: bytes that do not fit are dropped. */
void console_receive(const char *buf, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&console_in_lock, flags);
	for (size_t i = 0; i < len; i++) {
		if (console_in_head - console_in_tail == CONSOLE_IN_SIZE)
			break;
		console_in[console_in_head++ % CONSOLE_IN_SIZE] = buf[i];
	}
	spin_unlock_irqrestore(&console_in_lock, flags);
	wake_up(&console_in_wait);
}

static bool console_has_input(void)
{
	return READ_ONCE(console_in_head) != READ_ONCE(console_in_tail);
}

/* Take up to @max buffered bytes into @buf. Never sleeps. */
static size_t console_take(char *buf, size_t max)
{
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&console_in_lock, flags);
	while (n < max && console_in_head != console_in_tail)
		buf[n++] = console_in[console_in_tail++ % CONSOLE_IN_SIZE];
	spin_unlock_irqrestore(&console_in_lock, flags);
	return n;
}

static ssize_t console_read(struct file *file, struct iov_iter *to,
			    loff_t *pos)
{
	char buf[CONSOLE_IN_SIZE];
	size_t n;

	for (;;) {
		n = console_take(buf, min(sizeof(buf), iov_iter_count(to)));
		if (n)
			break;
		if (!READ_ONCE(console_in_attached))
			return 0;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		wait_event(console_in_wait, console_has_input());
	}
	/* Bytes the reader's buffer refused are lost, as on a tty. */
	n = copy_to_iter(buf, n, to);
	return n ? (ssize_t)n : -EFAULT;
}

static ssize_t console_write(struct file *file, struct iov_iter *from,
			     loff_t *pos)
{
	char buf[128];
	ssize_t done = 0;

	while (iov_iter_count(from)) {
		size_t want = min(sizeof(buf), iov_iter_count(from));
		size_t n = copy_from_iter(buf, want, from);

		arch_console_write(buf, n);
		done += n;
		if (n < want)
			return done ? done : -EFAULT;
	}
	return done;
}

/*
 * Linux's default termios (tty_std_termios, INIT_C_CC), by name: the
 * bits and the c_cc[] indexes are the arch's (<asm/termbits.h>).
 */
static const struct ktermios console_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	.c_cc = {
		[VINTR] = 003,		/* ^C */
		[VQUIT] = 034,		/* FS, ctrl-backslash */
		[VERASE] = 0177,	/* DEL */
		[VKILL] = 025,		/* ^U */
		[VEOF] = 004,		/* ^D */
		[VMIN] = 1,
		[VSTART] = 021,		/* ^Q */
		[VSTOP] = 023,		/* ^S */
		[VSUSP] = 032,		/* ^Z */
		[VREPRINT] = 022,	/* ^R */
		[VDISCARD] = 017,	/* ^O */
		[VWERASE] = 027,	/* ^W */
		[VLNEXT] = 026,		/* ^V */
	},
	.c_ispeed = 38400,
	.c_ospeed = 38400,
};

static long console_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	switch (cmd) {
	case TCGETS:
		*(struct ktermios *)arg = console_termios;
		return 0;
	case TIOCGWINSZ:
		*(struct winsize *)arg = (struct winsize){ .ws_row = 24,
							   .ws_col = 80 };
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations console_fops = {
	.read_iter = console_read,
	.write_iter = console_write,
	.unlocked_ioctl = console_ioctl,
};

/* ---- the registry ----------------------------------------------------- */

#define MAX_CHRDEVS 16

struct char_device {
	dev_t dev;
	const char *name;
	const struct file_operations *fops;
};

static DEFINE_MUTEX(chrdevs_lock);
static struct char_device chrdevs[MAX_CHRDEVS] = {
	{ MKDEV(MEM_MAJOR, 3), "null", &null_fops },
	{ MKDEV(TTYAUX_MAJOR, 1), "console", &console_fops },
};

/* Register @fops for (major, minor). 0, -EBUSY (taken) or -ENOSPC. */
int register_chrdev(unsigned int major, unsigned int minor, const char *name,
		    const struct file_operations *fops)
{
	dev_t dev = MKDEV(major, minor);
	int err = -ENOSPC;

	mutex_lock(&chrdevs_lock);
	for (int i = 0; i < MAX_CHRDEVS; i++) {
		if (chrdevs[i].fops && chrdevs[i].dev == dev) {
			err = -EBUSY;
			break;
		}
		if (!chrdevs[i].fops) {
			chrdevs[i] = (struct char_device){ dev, name, fops };
			err = 0;
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return err;
}

static const struct file_operations *chrdev_lookup(dev_t dev)
{
	const struct file_operations *fops = NULL;

	mutex_lock(&chrdevs_lock);
	for (int i = 0; i < MAX_CHRDEVS && chrdevs[i].fops; i++) {
		if (chrdevs[i].dev == dev) {
			fops = chrdevs[i].fops;
			break;
		}
	}
	mutex_unlock(&chrdevs_lock);
	return fops;
}

/* Every device node's open: become the driver's file. -ENXIO if none. */
static int chrdev_open(struct inode *inode, struct file *file)
{
	const struct file_operations *fops = chrdev_lookup(inode->i_rdev);

	if (!fops)
		return -ENXIO;
	file->f_op = fops;
	if (fops->llseek)
		file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	return fops->open ? fops->open(inode, file) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
