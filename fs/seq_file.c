// SPDX-License-Identifier: MIT
/*
 * fs/seq_file.c: generated text files, read by offset from a snapshot
 * (<anvil/seq_file.h> says how it differs from Linux's seq_file).
 *
 * The snapshot is made by running show() into a buffer; if the text
 * did not fit, the buffer is doubled and show() runs again from the
 * start, as Linux's traverse() does when a record overflows. Generating
 * the whole text keeps show() a plain function (no start/next/stop
 * iterator) at the cost of memory for very long texts, which are capped
 * at SEQ_MAX_SIZE (-ENOMEM beyond: /proc/<pid>/maps of a process with
 * thousands of mappings would need Linux's record-by-record walk).
 */
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/seq_file.h>
#include <anvil/slab.h>
#include <anvil/string.h>

/* Mark the buffer full: show() goes on, its output is thrown away. */
static void seq_set_overflow(struct seq_file *m)
{
	m->count = m->size;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	size_t room = m->size - m->count;
	va_list ap;
	int len;

	if (seq_has_overflowed(m))
		return;
	va_start(ap, fmt);
	len = vsnprintf(m->buf + m->count, room, fmt, ap);
	va_end(ap);
	/* vsnprintf needs room for its NUL too, which is not the text's. */
	if (len < 0 || (size_t)len >= room)
		seq_set_overflow(m);
	else
		m->count += len;
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (seq_has_overflowed(m) || len >= m->size - m->count) {
		seq_set_overflow(m);
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_setwidth(struct seq_file *m, size_t width)
{
	m->pad_until = m->count + width;
}

void seq_pad(struct seq_file *m, char c)
{
	while (!seq_has_overflowed(m) && m->count < m->pad_until)
		seq_putc(m, ' ');
	if (c)
		seq_putc(m, c);
}

/*
 * Make a fresh snapshot: run show() into a buffer big enough for all of
 * its text. 0, show()'s error, or -ENOMEM. m->lock held.
 */
static int traverse(struct seq_file *m)
{
	size_t size = m->size ? m->size : PAGE_SIZE;
	int err;

	m->valid = false;
	for (;;) {
		if (!m->buf) {
			m->buf = kmalloc(size, GFP_KERNEL);
			if (!m->buf)
				return -ENOMEM;
			m->size = size;
		}
		m->count = 0;
		m->pad_until = 0;
		err = m->show(m, m->private);
		if (err < 0) {
			m->count = 0;
			return err;
		}
		if (!seq_has_overflowed(m)) {
			m->valid = true;
			return 0;
		}
		/* Too small: twice the size, and show() again from scratch. */
		kfree(m->buf);
		m->buf = NULL;
		m->count = 0;
		size = m->size * 2;
		if (size > SEQ_MAX_SIZE)
			return -ENOMEM;
	}
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	mutex_init(&m->lock);
	m->show = show;
	m->private = data;
	file->private_data = m;
	return 0;
}

ssize_t seq_read_iter(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct seq_file *m = file->private_data;
	size_t want, n;
	ssize_t ret;
	int err = 0;

	mutex_lock(&m->lock);
	if (*pos == 0 || !m->valid)
		err = traverse(m);
	if (err) {
		ret = err;
	} else if ((u64)*pos >= m->count) {
		ret = 0;			/* at or past the end */
	} else {
		want = min_t(size_t, m->count - *pos, iov_iter_count(to));
		n = copy_to_iter(m->buf + *pos, want, to);
		*pos += n;
		ret = n ? (ssize_t)n : -EFAULT;
	}
	mutex_unlock(&m->lock);
	return ret;
}

/* f_pos_lock held (vfs_llseek). */
loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

int single_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	return 0;
}
