// SPDX-License-Identifier: MIT
/*
 * drivers/tty/n_tty.c: /dev/console as a terminal, with Linux's
 * canonical line discipline (n_tty), small.
 *
 * Interface: <anvil/tty.h>. anvil has one terminal, the console, so
 * there is no struct tty_struct: the state below is the console's.
 *
 * Input goes through three stages:
 *
 *   receive interrupt --console_receive()--> rx_buf (raw bytes, 1 KiB)
 *        (any context, spinlock, never sleeps)
 *   "n_tty" kthread  --n_tty_receive()-->   read_buf (4 KiB, edited)
 *        (echo, erase, kill, ^C, ^D: under tty_lock, may sleep)
 *   read(2)          <--n_tty_read()---     read_buf
 *
 * The middle stage runs in a kernel thread, as Linux runs it from a
 * workqueue, for two reasons: ^C must signal processes, which takes
 * tasklist_lock, a lock interrupt handlers may not take; and echoing a
 * pasted line through a polled UART would keep interrupts off for
 * milliseconds. It starts with the first open of the console, so input
 * typed before that waits in rx_buf.
 *
 * read_buf holds what was typed and not yet read, in two parts, as
 * free-running counters (index = counter % N_TTY_BUF_SIZE):
 *
 *	read_tail ... canon_head	complete lines, which read() may take
 *	canon_head ... read_head	the line being edited (canonical mode)
 *
 * In canonical mode (ICANON) the last byte of each complete line is
 * flagged READ_EOL; a read stops there, so it returns at most one line.
 * ^D ends a line too but is itself flagged READ_EOF and never returned:
 * on an empty line that makes read() return 0, end of file; after some
 * text it hands over the text without a newline. In non-canonical
 * ("raw") mode every byte is readable at once: canon_head follows
 * read_head.
 *
 * What is implemented, by termios flag (the rest are kept and reported
 * but do nothing):
 *
 *	c_iflag	ICRNL (CR -> NL: a terminal's Enter sends CR), INLCR, IGNCR,
 *		ISTRIP. IXON is reported (it is Linux's default) but ^S/^Q
 *		are ordinary bytes: output is never stopped.
 *	c_lflag	ICANON; ECHO, ECHOE (erase shown as "\b \b"), ECHOK,
 *		ECHOKE, ECHOCTL (^X for control bytes), ECHONL; ISIG (^C
 *		SIGINT, ^\ SIGQUIT; ^Z is dropped: there is no job
 *		control, so nothing could continue a stopped job); NOFLSH;
 *		IEXTEN (^W erases a word).
 *	c_cc[]	VINTR VQUIT VSUSP VERASE (and BS, 0x08, always erases too,
 *		as terminals send either) VKILL VWERASE VEOF VEOL VEOL2;
 *		VMIN/VTIME in raw mode: VMIN 0 waits up to VTIME tenths of
 *		a second and may return 0; any VMIN >= 1 acts as 1 (return
 *		as soon as a byte is there, VTIME ignored).
 *	c_oflag	OPOST|ONLCR is what arch_console_write() always does (a
 *		serial terminal needs CR before LF); clearing them changes
 *		nothing.
 *
 * ^C: the foreground process group gets SIGINT and unread input is
 * discarded (unless NOFLSH); the echo is "^C" and a newline, since
 * anvil's shell does not print one itself. Without job control, the
 * foreground is the group TIOCSPGRP named, if anyone did, else every
 * process in init's session except init (kill_init_session()).
 *
 * Locking: tty_rx_lock (spinlock, interrupts off) guards rx_buf; no
 * other lock is taken inside it. tty_lock (mutex) guards everything else, and is
 * held across copies to and from user memory (read, write), which may
 * fault: it comes before mmap_lock. Signals are sent after dropping it.
 */
#include <anvil/arch.h>
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mutex.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/sched/task.h>
#include <anvil/signal.h>
#include <anvil/string.h>
#include <anvil/termios.h>
#include <anvil/time.h>
#include <anvil/tty.h>
#include <anvil/wait.h>

#define RX_BUF_SIZE 1024
#define N_TTY_BUF_SIZE 4096		/* Linux's; a power of two */
#define N_TTY_MASK (N_TTY_BUF_SIZE - 1)

/* read_flags[] bits */
#define READ_EOL 0x1			/* the last byte of a line */
#define READ_EOF 0x2			/* ^D: ends the line, never read */

#define CTRL(c) ((c) & 0x1f)

/* ---- stage 1: the receive buffer --------------------------------------- */

static DEFINE_SPINLOCK(tty_rx_lock);
static DECLARE_WAIT_QUEUE_HEAD(tty_rx_wait);	/* the n_tty thread */
static char rx_buf[RX_BUF_SIZE];
static unsigned int rx_head, rx_tail;		/* [tty_rx_lock] */
static bool input_attached;

void console_input_attach(void)
{
	WRITE_ONCE(input_attached, true);
}

void console_receive(const char *buf, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&tty_rx_lock, flags);
	for (size_t i = 0; i < len; i++) {
		if (rx_head - rx_tail == RX_BUF_SIZE)
			break;
		rx_buf[rx_head++ % RX_BUF_SIZE] = buf[i];
	}
	spin_unlock_irqrestore(&tty_rx_lock, flags);
	wake_up(&tty_rx_wait);
}

static bool rx_pending(void)
{
	return READ_ONCE(rx_head) != READ_ONCE(rx_tail);
}

static size_t rx_take(char *buf, size_t max)
{
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&tty_rx_lock, flags);
	while (n < max && rx_head != rx_tail)
		buf[n++] = rx_buf[rx_tail++ % RX_BUF_SIZE];
	spin_unlock_irqrestore(&tty_rx_lock, flags);
	return n;
}

/* ---- the terminal's state ---------------------------------------------- */

/*
 * Linux's defaults (tty_std_termios, INIT_C_CC), by name: the bits and
 * the c_cc[] indexes are the arch's (<asm/termbits.h>).
 */
static const struct ktermios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
		   IEXTEN,
	.c_cc = {
		[VINTR] = CTRL('C'),
		[VQUIT] = CTRL('\\'),
		[VERASE] = 0177,	/* DEL */
		[VKILL] = CTRL('U'),
		[VEOF] = CTRL('D'),
		[VMIN] = 1,
		[VSTART] = CTRL('Q'),
		[VSTOP] = CTRL('S'),
		[VSUSP] = CTRL('Z'),
		[VREPRINT] = CTRL('R'),
		[VDISCARD] = CTRL('O'),
		[VWERASE] = CTRL('W'),
		[VLNEXT] = CTRL('V'),
	},
	.c_ispeed = 38400,
	.c_ospeed = 38400,
};

static DEFINE_MUTEX(tty_lock);
static DECLARE_WAIT_QUEUE_HEAD(tty_read_wait);	/* readers */

/*
 * Everything here is [tty_lock]'s; the counters are read unlocked only
 * as wake-up hints.
 */
static struct {
	struct ktermios termios;
	int pgrp;			/* TIOCSPGRP's group; 0: none */
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned char read_flags[N_TTY_BUF_SIZE];
	size_t read_head, read_tail, canon_head;
	unsigned int column;		/* the cursor's, as output moved it */
	unsigned int canon_column;	/* where the edited line began */
	void (*echo_hook)(const char *buf, size_t len);	/* tests */
	struct task_struct *thread;	/* runs n_tty_thread() */
} ldata = { .termios = tty_std_termios };

#define L_FLAG(f) (ldata.termios.c_lflag & (f))
#define I_FLAG(f) (ldata.termios.c_iflag & (f))

/* Is @c the special character c_cc[@idx]? A 0 there disables it. */
static bool is_cc(unsigned char c, int idx)
{
	return ldata.termios.c_cc[idx] && c == ldata.termios.c_cc[idx];
}

static bool is_ctrl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* ---- output ------------------------------------------------------------ */

/* Where the cursor goes after @c (ONLCR: a newline returns it to 0). */
static unsigned int next_column(unsigned int col, unsigned char c)
{
	switch (c) {
	case '\n':
	case '\r':
		return 0;
	case '\b':
		return col ? col - 1 : 0;
	case '\t':
		return (col | 7) + 1;
	}
	if (is_ctrl(c) || (c & 0xc0) == 0x80)
		return col;	/* no glyph, or a UTF-8 continuation byte */
	return col + 1;
}

static void track_column(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ldata.column = next_column(ldata.column, s[i]);
}

/* Echo to the terminal. tty_lock held. */
static void echo_buf(const char *s, size_t n)
{
	track_column(s, n);
	if (ldata.echo_hook)
		ldata.echo_hook(s, n);
	else
		arch_console_write(s, n);
}

/* Echo @c as typed: control bytes as ^X under ECHOCTL (DEL as ^?). */
static void echo_char(unsigned char c)
{
	char caret[2] = { '^', c ^ 0x40 };

	if (L_FLAG(ECHOCTL) && is_ctrl(c) && c != '\t' && c != '\n')
		echo_buf(caret, 2);
	else
		echo_buf((const char *)&c, 1);
}

/* ---- stage 2: the line discipline -------------------------------------- */

static size_t read_cnt(void)
{
	return ldata.read_head - ldata.read_tail;
}

static void put_char(unsigned char c, unsigned char flags)
{
	size_t i = ldata.read_head & N_TTY_MASK;

	ldata.read_buf[i] = c;
	ldata.read_flags[i] = flags;
	ldata.read_head++;
}

/* The width @c took when echoed (tabs are worked out separately). */
static unsigned int echo_width(unsigned char c)
{
	return L_FLAG(ECHOCTL) && is_ctrl(c) ? 2 : 1;
}

/*
 * Where the cursor stands after echoing the line being edited: from
 * where it began, replaying the widths. Erasing a tab needs this, since
 * a tab's width depends on the column it started at.
 */
static unsigned int edited_line_column(void)
{
	unsigned int col = ldata.canon_column;

	for (size_t p = ldata.canon_head; p != ldata.read_head; p++) {
		unsigned char c = ldata.read_buf[p & N_TTY_MASK];

		col = c == '\t' ? (col | 7) + 1 : col + echo_width(c);
	}
	return col;
}

/* Take the last byte of the edited line back off the screen. */
static void echo_rubout(unsigned char c)
{
	unsigned int n;

	if (c == '\t') {
		/* Tabs are only moved over: backspaces to where it began. */
		unsigned int to = edited_line_column();

		for (n = ldata.column > to ? ldata.column - to : 0; n; n--)
			echo_buf("\b", 1);
		return;
	}
	for (n = echo_width(c); n; n--)
		echo_buf("\b \b", 3);
}

enum erase_kind { ERASE, WERASE, KILL };

static bool is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/*
 * ERASE takes one byte off the line being edited, WERASE a word (the
 * non-word bytes before it, then the word), KILL the whole line; each
 * shown as rubbed out when ECHOE (ECHOKE for KILL) says so.
 */
static void n_tty_erase(enum erase_kind kind, unsigned char typed)
{
	bool visual = L_FLAG(ECHO) && L_FLAG(ECHOE);
	bool seen_word = false;

	if (ldata.read_head == ldata.canon_head)
		return;
	if (kind == KILL && !(L_FLAG(ECHO) && L_FLAG(ECHOKE))) {
		/* The old way: show the kill character, maybe a newline. */
		ldata.read_head = ldata.canon_head;
		if (L_FLAG(ECHO)) {
			echo_char(typed);
			if (L_FLAG(ECHOK))
				echo_buf("\n", 1);
		}
		return;
	}
	if (kind == KILL)
		visual = true;
	while (ldata.read_head != ldata.canon_head) {
		unsigned char c =
			ldata.read_buf[(ldata.read_head - 1) & N_TTY_MASK];

		if (kind == WERASE) {
			if (is_word_char(c))
				seen_word = true;
			else if (seen_word)
				break;
		}
		ldata.read_head--;
		if (visual)
			echo_rubout(c);
		else if (L_FLAG(ECHO))
			echo_char(typed);
		if (kind == ERASE)
			break;
	}
}

/* Discard all unread input (^C, TCSETSF). */
static void n_tty_flush_input(void)
{
	ldata.read_tail = ldata.canon_head = ldata.read_head;
}

/*
 * After a change of ICANON, make the buffer mean the same thing in the
 * new mode: going raw, everything unread becomes readable; going
 * canonical, what is there becomes one finished line, as Linux does
 * (otherwise it would wait behind a line the user cannot see).
 */
static void n_tty_mode_changed(void)
{
	for (size_t p = ldata.read_tail; p != ldata.read_head; p++)
		ldata.read_flags[p & N_TTY_MASK] = 0;
	if (L_FLAG(ICANON) && read_cnt())
		ldata.read_flags[(ldata.read_head - 1) & N_TTY_MASK] = READ_EOL;
	ldata.canon_head = ldata.read_head;
}

/* A line is complete: readers may take it. */
static void n_tty_push_line(unsigned char c, unsigned char flags)
{
	put_char(c, flags);
	ldata.canon_head = ldata.read_head;
}

/*
 * One typed byte, in canonical or raw mode. Returns a signal for the
 * foreground group (0 if none). tty_lock held.
 */
static int n_tty_receive_char(unsigned char c)
{
	bool canon = L_FLAG(ICANON);
	size_t room = N_TTY_BUF_SIZE - read_cnt();

	if (I_FLAG(ISTRIP))
		c &= 0x7f;
	if (c == '\r') {
		if (I_FLAG(IGNCR))
			return 0;
		if (I_FLAG(ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(INLCR)) {
		c = '\r';
	}

	if (L_FLAG(ISIG)) {
		int sig = is_cc(c, VINTR) ? SIGINT :
			  is_cc(c, VQUIT) ? SIGQUIT : 0;

		if (is_cc(c, VSUSP))
			return 0;	/* no job control: see the top */
		if (sig) {
			if (!L_FLAG(NOFLSH))
				n_tty_flush_input();
			if (L_FLAG(ECHO)) {
				echo_char(c);
				echo_buf("\n", 1);
			}
			return sig;
		}
	}

	if (canon) {
		if (is_cc(c, VERASE) || c == '\b') {
			n_tty_erase(ERASE, c);
			return 0;
		}
		if (is_cc(c, VKILL)) {
			n_tty_erase(KILL, c);
			return 0;
		}
		if (is_cc(c, VWERASE) && L_FLAG(IEXTEN)) {
			n_tty_erase(WERASE, c);
			return 0;
		}
		if (is_cc(c, VEOF)) {
			/* Not echoed; ends the line, or is end of file. */
			n_tty_push_line(c, READ_EOL | READ_EOF);
			return 0;
		}
		if (c == '\n' || is_cc(c, VEOL) ||
		    (is_cc(c, VEOL2) && L_FLAG(IEXTEN))) {
			if (L_FLAG(ECHO) || (c == '\n' && L_FLAG(ECHONL)))
				echo_char(c);
			n_tty_push_line(c, READ_EOL);
			return 0;
		}
		/* Keep the last slot for the byte that ends the line. */
		if (room <= 1)
			return 0;
	} else if (!room) {
		return 0;
	}
	/* The first byte of a line: remember its column, for erasing tabs. */
	if (ldata.read_head == ldata.canon_head)
		ldata.canon_column = ldata.column;
	if (L_FLAG(ECHO))
		echo_char(c);
	put_char(c, 0);
	if (!canon)
		ldata.canon_head = ldata.read_head;
	return 0;
}

/* The foreground's signal, sent with tty_lock dropped. */
static void n_tty_signal(int pgrp, int sig)
{
	if (pgrp)
		kill_pgrp(pgrp, sig);
	else
		kill_init_session(sig);
}

static void n_tty_receive(const char *buf, size_t n)
{
	int sigs[4], nsigs = 0, pgrp;

	mutex_lock(&tty_lock);
	for (size_t i = 0; i < n; i++) {
		int sig = n_tty_receive_char(buf[i]);

		if (sig && nsigs < (int)ARRAY_SIZE(sigs))
			sigs[nsigs++] = sig;
	}
	pgrp = ldata.pgrp;
	mutex_unlock(&tty_lock);
	wake_up_all(&tty_read_wait);
	for (int i = 0; i < nsigs; i++)
		n_tty_signal(pgrp, sigs[i]);
}

static void n_tty_thread(void *unused)
{
	char buf[64];
	size_t n;

	for (;;) {
		wait_event(tty_rx_wait, rx_pending());
		while ((n = rx_take(buf, sizeof(buf))))
			n_tty_receive(buf, n);
	}
}

/* ---- stage 3: reading -------------------------------------------------- */

/* Can a read return now? An unlocked peek, for the sleep below. */
static bool n_tty_readable(void)
{
	return READ_ONCE(ldata.canon_head) != READ_ONCE(ldata.read_tail);
}

/*
 * Copy what one read may take, up to @to's size: in canonical mode up to
 * the end of the first complete line (its EOF mark consumed but not
 * copied), in raw mode whatever is there. Consumes only what reached the
 * caller. Returns bytes copied, or -EFAULT if none could be.
 */
static ssize_t n_tty_copy_out(struct iov_iter *to)
{
	char chunk[128];
	ssize_t done = 0;
	bool line_done = false;

	while (!line_done && ldata.read_tail != ldata.canon_head &&
	       iov_iter_count(to)) {
		size_t want = min(sizeof(chunk), iov_iter_count(to));
		size_t n = 0, used = 0, copied;

		while (n < want && ldata.read_tail + used != ldata.canon_head) {
			size_t i = (ldata.read_tail + used) & N_TTY_MASK;

			used++;
			if (ldata.read_flags[i] & READ_EOF) {
				line_done = true;
				break;
			}
			chunk[n++] = ldata.read_buf[i];
			if (ldata.read_flags[i] & READ_EOL) {
				line_done = true;
				break;
			}
		}
		copied = n ? copy_to_iter(chunk, n, to) : 0;
		if (copied < n) {
			/* A fault: keep what the caller did not get. */
			ldata.read_tail += copied;
			done += copied;
			return done ? done : -EFAULT;
		}
		ldata.read_tail += used;
		done += n;
	}
	return done;
}

/*
 * Raw mode with VMIN 0: how long a read waits for the first byte (VTIME,
 * in tenths of a second; 0: not at all). MAX_SCHEDULE_TIMEOUT: VMIN >= 1,
 * wait as long as it takes.
 */
static long n_tty_read_timeout(void)
{
	if (L_FLAG(ICANON) || ldata.termios.c_cc[VMIN])
		return MAX_SCHEDULE_TIMEOUT;
	return (long)ldata.termios.c_cc[VTIME] * HZ / 10;
}

static ssize_t n_tty_read(struct file *file, struct iov_iter *to,
			  loff_t *pos)
{
	long timeout;
	ssize_t ret;

	if (!iov_iter_count(to))
		return 0;
	mutex_lock(&tty_lock);
	timeout = n_tty_read_timeout();
	for (;;) {
		DEFINE_WAIT(w);

		if (ldata.read_tail != ldata.canon_head) {
			/* 0 if the line was only ^D: end of file. */
			ret = n_tty_copy_out(to);
			break;
		}
		if (!READ_ONCE(input_attached) || !timeout) {
			ret = 0;
			break;
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		mutex_unlock(&tty_lock);
		prepare_to_wait(&tty_read_wait, &w, TASK_INTERRUPTIBLE);
		if (!n_tty_readable() && !signal_pending(current)) {
			if (timeout == MAX_SCHEDULE_TIMEOUT)
				schedule();
			else
				timeout = schedule_timeout(timeout);
		}
		finish_wait(&tty_read_wait, &w);
		mutex_lock(&tty_lock);
	}
	mutex_unlock(&tty_lock);
	return ret;
}

/* ---- the rest of the device -------------------------------------------- */

static ssize_t n_tty_write(struct file *file, struct iov_iter *from,
			   loff_t *pos)
{
	char buf[128];
	ssize_t done = 0;

	mutex_lock(&tty_lock);
	while (iov_iter_count(from)) {
		size_t want = min(sizeof(buf), iov_iter_count(from));
		size_t n = copy_from_iter(buf, want, from);

		track_column(buf, n);
		arch_console_write(buf, n);
		done += n;
		if (n < want) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	mutex_unlock(&tty_lock);
	return done;
}

/* The first open starts the line discipline's thread. */
static int n_tty_open(struct inode *inode, struct file *file)
{
	int err = 0;

	mutex_lock(&tty_lock);
	if (!ldata.thread) {
		ldata.thread = kthread_run(n_tty_thread, NULL, "n_tty");
		if (!ldata.thread)
			err = -ENOMEM;
	}
	mutex_unlock(&tty_lock);
	return err;
}

static void n_tty_set_termios(const struct ktermios *new, bool flush)
{
	unsigned int old_lflag;

	mutex_lock(&tty_lock);
	if (flush)
		n_tty_flush_input();
	old_lflag = ldata.termios.c_lflag;
	ldata.termios = *new;
	if ((old_lflag ^ new->c_lflag) & ICANON)
		n_tty_mode_changed();
	mutex_unlock(&tty_lock);
	/* Raw mode may have made bytes readable; VMIN/VTIME may differ. */
	wake_up_all(&tty_read_wait);
}

/*
 * TIOCGPGRP with none set: the caller's own group, since without job
 * control every process of the console's session counts as foreground.
 */
static int n_tty_get_pgrp(void)
{
	int pgrp;

	mutex_lock(&tty_lock);
	pgrp = ldata.pgrp;
	mutex_unlock(&tty_lock);
	if (!pgrp && current->signal)
		pgrp = current->signal->pgrp;
	return pgrp;
}

/*
 * TIOCSPGRP: the group must exist (Linux also wants it in the caller's
 * session, and the console to be the caller's controlling terminal;
 * anvil has no controlling terminals, so it does not check those).
 */
static int n_tty_set_pgrp(int pgrp)
{
	if (pgrp < 0)
		return -EINVAL;
	if (kill_pgrp(pgrp, 0))
		return -ESRCH;
	mutex_lock(&tty_lock);
	ldata.pgrp = pgrp;
	mutex_unlock(&tty_lock);
	return 0;
}

static long n_tty_ioctl(struct file *file, unsigned int cmd,
			unsigned long arg)
{
	switch (cmd) {
	case TCGETS:
		mutex_lock(&tty_lock);
		*(struct ktermios *)arg = ldata.termios;
		mutex_unlock(&tty_lock);
		return 0;
	case TCSETS:
	case TCSETSW:	/* output is synchronous: nothing to wait for */
		n_tty_set_termios((const struct ktermios *)arg, false);
		return 0;
	case TCSETSF:
		n_tty_set_termios((const struct ktermios *)arg, true);
		return 0;
	case TIOCGPGRP:
		*(int *)arg = n_tty_get_pgrp();
		return 0;
	case TIOCSPGRP:
		return n_tty_set_pgrp(*(const int *)arg);
	case TIOCGWINSZ:
		*(struct winsize *)arg = (struct winsize){ .ws_row = 24,
							   .ws_col = 80 };
		return 0;
	}
	return -ENOTTY;
}

const struct file_operations console_fops = {
	.open = n_tty_open,
	.read_iter = n_tty_read,
	.write_iter = n_tty_write,
	.unlocked_ioctl = n_tty_ioctl,
};

/* ---- for tests ---------------------------------------------------------- */

static struct {
	struct ktermios termios;
	int pgrp;
	unsigned int column;
	bool attached;
} saved;

void tty_test_begin(void (*echo)(const char *buf, size_t len))
{
	mutex_lock(&tty_lock);
	saved.termios = ldata.termios;
	saved.pgrp = ldata.pgrp;
	saved.column = ldata.column;
	saved.attached = READ_ONCE(input_attached);
	ldata.termios = tty_std_termios;
	ldata.pgrp = 0;
	ldata.column = 0;
	ldata.echo_hook = echo;
	n_tty_flush_input();
	WRITE_ONCE(input_attached, true);
	mutex_unlock(&tty_lock);
}

void tty_test_end(void)
{
	mutex_lock(&tty_lock);
	ldata.termios = saved.termios;
	ldata.pgrp = saved.pgrp;
	ldata.column = saved.column;
	ldata.echo_hook = NULL;
	n_tty_flush_input();
	WRITE_ONCE(input_attached, saved.attached);
	mutex_unlock(&tty_lock);
}
