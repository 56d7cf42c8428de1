// SPDX-License-Identifier: MIT
/*
 * fs/pipe.c: pipes, a ring of one page between a read end and a write
 * end (after xv6's kernel/pipe.c, with Linux's rules).
 *
 *	page:  [......DDDDDDDDDD.........]	D = unread bytes
 *		      ^tail      ^head		(free-running byte counts;
 *						 offset = count % PAGE_SIZE)
 *
 * Rules (pipe(7)):
 *	read	returns what is there (at most what was asked), as soon as
 *		anything is there; 0 (EOF) once the pipe is empty and no
 *		writer is left; -EAGAIN with O_NONBLOCK instead of waiting
 *	write	blocks until all is written; a write of at most PIPE_BUF
 *		bytes is atomic (never interleaved with another), so it
 *		waits for that much room; -EPIPE when no reader is left
 *		and SIGPIPE to the writer (kernel threads ignore it);
 *		-EAGAIN with O_NONBLOCK when nothing could be written
 *
 * Locking: pipe->mutex guards the ring and the counts. A task that must
 * wait drops the mutex and sleeps on rd_wait (readers waiting for data)
 * or wr_wait (writers waiting for room); whoever changes the ring or a
 * count wakes the other side. Sleeps are uninterruptible until signals
 * exist.
 *
 * A pipe is an inode without a name (S_IFIFO): both files hold a
 * reference to it, and the last close frees the page (evict ->
 * free_pipe_info). Named fifos (mkfifo) are not supported yet.
 *
 * pipe(2) and pipe2(2) are at the end: two files, two fds, and the fds
 * copied out before either is installed, so a bad pointer leaves the
 * fd table as it was.
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/sched.h>
#include <anvil/sched/task.h>
#include <anvil/slab.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <anvil/wait.h>

#include "internal.h"

struct pipe_inode_info {
	struct mutex mutex;
	wait_queue_head_t rd_wait, wr_wait;
	char *buf;			/* one page */
	unsigned int head, tail;	/* [mutex] bytes written, read */
	unsigned int readers, writers;	/* [mutex] open ends */
};

static unsigned int pipe_len(const struct pipe_inode_info *pipe)
{
	return READ_ONCE(pipe->head) - READ_ONCE(pipe->tail);
}

/* Wait conditions, read without the mutex and checked again under it. */
static bool pipe_readable(const struct pipe_inode_info *pipe)
{
	return pipe_len(pipe) || !READ_ONCE(pipe->writers);
}

static bool pipe_writable(const struct pipe_inode_info *pipe, size_t need)
{
	return PAGE_SIZE - pipe_len(pipe) >= need || !READ_ONCE(pipe->readers);
}

/* Copy out up to @n unread bytes, across the wrap. mutex held. */
static size_t pipe_copy_out(struct pipe_inode_info *pipe, size_t n,
			    struct iov_iter *to)
{
	size_t done = 0;

	n = min(n, (size_t)pipe_len(pipe));
	while (done < n) {
		size_t off = pipe->tail % PAGE_SIZE;
		size_t chunk = min(n - done, PAGE_SIZE - off);
		size_t copied = copy_to_iter(pipe->buf + off, chunk, to);

		pipe->tail += copied;
		done += copied;
		if (copied < chunk)
			break;
	}
	return done;
}

static ssize_t pipe_read(struct file *file, struct iov_iter *to,
			 loff_t *pos)
{
	struct pipe_inode_info *pipe = file->f_inode->i_pipe;
	ssize_t ret;

	mutex_lock(&pipe->mutex);
	for (;;) {
		if (pipe_len(pipe)) {
			ret = pipe_copy_out(pipe, iov_iter_count(to), to);
			if (!ret)
				ret = -EFAULT;
			break;
		}
		if (!pipe->writers) {
			ret = 0; /* EOF */
			break;
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		wait_event(pipe->rd_wait, pipe_readable(pipe));
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		wake_up(&pipe->wr_wait);
	return ret;
}

/* Copy in up to @n bytes, as room allows. mutex held. */
static size_t pipe_copy_in(struct pipe_inode_info *pipe, size_t n,
			   struct iov_iter *from, bool *fault)
{
	size_t done = 0;

	*fault = false;
	n = min(n, (size_t)(PAGE_SIZE - pipe_len(pipe)));
	while (done < n) {
		size_t off = pipe->head % PAGE_SIZE;
		size_t chunk = min(n - done, PAGE_SIZE - off);
		size_t copied = copy_from_iter(pipe->buf + off, chunk, from);

		pipe->head += copied;
		done += copied;
		if (copied < chunk) {
			*fault = true; /* the source ran out */
			break;
		}
	}
	return done;
}

static ssize_t pipe_write(struct file *file, struct iov_iter *from,
			  loff_t *pos)
{
	struct pipe_inode_info *pipe = file->f_inode->i_pipe;
	size_t total = iov_iter_count(from), done = 0;
	/* Small writes wait for room for all of it: they are atomic. */
	bool atomic = total <= PIPE_BUF;
	ssize_t err = 0;

	mutex_lock(&pipe->mutex);
	while (done < total) {
		size_t need = atomic ? total : 1;

		if (!pipe->readers) {
			/* pipe(7): the writer is told twice, as in Linux. */
			send_sig(SIGPIPE, current, 0);
			err = -EPIPE;
			break;
		}
		if (PAGE_SIZE - pipe_len(pipe) >= need) {
			bool fault;

			done += pipe_copy_in(pipe, total - done, from, &fault);
			wake_up(&pipe->rd_wait);
			if (fault) {
				err = -EFAULT;
				break;
			}
			continue;
		}
		if (file->f_flags & O_NONBLOCK) {
			err = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		wait_event(pipe->wr_wait, pipe_writable(pipe, need));
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	return done ? (ssize_t)done : err;
}

/* One end closed: the other side must see EOF or EPIPE. */
static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = inode->i_pipe;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	wake_up_all(&pipe->rd_wait);
	wake_up_all(&pipe->wr_wait);
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.read_iter = pipe_read,
	.write_iter = pipe_write,
	.release = pipe_release,
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->buf = (char *)__get_free_page(GFP_KERNEL);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

void free_pipe_info(struct pipe_inode_info *pipe)
{
	free_page((unsigned long)pipe->buf);
	kfree(pipe);
}

/* The nameless inode both ends share. */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(NULL);

	if (!inode)
		return NULL;
	inode->i_pipe = alloc_pipe_info();
	if (!inode->i_pipe) {
		iput(inode);
		return NULL;
	}
	inode->i_mode = S_IFIFO | 0600;
	inode->i_fop = &pipefifo_fops;
	return inode;
}

/*
 * do_pipe_flags - a new pipe: @files[0] reads, @files[1] writes.
 * @flags: O_NONBLOCK (set on both files), O_CLOEXEC and O_DIRECT
 * (accepted; the caller applies O_CLOEXEC to the fds it installs).
 * 0, -EINVAL or -ENOMEM. May sleep.
 */
int do_pipe_flags(struct file *files[2], unsigned int flags)
{
	unsigned int nb = flags & O_NONBLOCK;
	struct inode *inode;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	inode = get_pipe_inode();
	if (!inode)
		return -ENOMEM;
	files[0] = alloc_file(inode, NULL, O_RDONLY | nb, &pipefifo_fops);
	files[1] = IS_ERR(files[0]) ? files[0] :
		   alloc_file(inode, NULL, O_WRONLY | nb, &pipefifo_fops);
	if (IS_ERR(files[1])) {
		if (!IS_ERR(files[0]))
			file_free_unopened(files[0]);
		iput(inode);
		return -ENOMEM;
	}
	inode->i_pipe->readers = 1;
	inode->i_pipe->writers = 1;
	iput(inode); /* the two files hold it now */
	return 0;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	struct file *files[2];
	int fd[2], err;

	err = do_pipe_flags(files, (unsigned int)flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags((unsigned int)flags);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags((unsigned int)flags);
	if (fd[1] < 0)
		err = fd[1];
	else if (copy_to_user(fildes, fd, sizeof(fd)))
		err = -EFAULT;
	if (err) {
		if (fd[0] >= 0)
			put_unused_fd(fd[0]);
		if (fd[1] >= 0)
			put_unused_fd(fd[1]);
		fput(files[0]);
		fput(files[1]);
		return err;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

#ifdef __NR_pipe
SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return sys_pipe2(fildes, 0);
}
#endif
