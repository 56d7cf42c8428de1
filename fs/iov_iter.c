// SPDX-License-Identifier: MIT
/*
 * fs/iov_iter.c: walking a list of buffers (Linux's lib/iov_iter.c, the
 * kernel-buffer part only).
 *
 * Every read and write in fs/ moves data through a struct iov_iter, so
 * the filesystem never knows whose memory it is copying to. Today the
 * only kind is ITER_KVEC (kernel buffers: tests, the initramfs, kernel
 * users). The syscall layer adds a user kind here (ITER_UBUF/ITER_IOVEC,
 * copying with copy_to_user/copy_from_user and stopping short at a bad
 * address); the callers already treat a short copy as -EFAULT.
 */
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/string.h>

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count)
{
	i->iter_type = ITER_KVEC;
	i->data_source = direction;
	i->iov_offset = 0;
	i->count = count;
	i->kvec = kvec;
	i->nr_segs = nr_segs;
}

/*
 * Walk up to @bytes of the iterator, calling @step on each piece of
 * each segment with its address and the offset into the whole copy.
 * Advances the iterator; returns the bytes walked.
 */
static size_t iterate_kvec(struct iov_iter *i, size_t bytes,
			   void (*step)(void *base, size_t len, size_t off,
					void *arg),
			   void *arg)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes && i->nr_segs) {
		size_t left = i->kvec->iov_len - i->iov_offset;
		size_t n = min(left, bytes - done);

		if (n)
			step((char *)i->kvec->iov_base + i->iov_offset, n,
			     done, arg);
		done += n;
		i->iov_offset += n;
		if (i->iov_offset == i->kvec->iov_len) {
			i->kvec++;
			i->nr_segs--;
			i->iov_offset = 0;
		}
	}
	i->count -= done;
	return done;
}

static void step_to(void *base, size_t len, size_t off, void *from)
{
	memcpy(base, (const char *)from + off, len);
}

static void step_from(void *base, size_t len, size_t off, void *to)
{
	memcpy((char *)to + off, base, len);
}

static void step_zero(void *base, size_t len, size_t off, void *unused)
{
	memset(base, 0, len);
}

static void step_skip(void *base, size_t len, size_t off, void *unused)
{
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON(i->data_source != ITER_DEST))
		return 0;
	return iterate_kvec(i, bytes, step_to, (void *)addr);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON(i->data_source != ITER_SOURCE))
		return 0;
	return iterate_kvec(i, bytes, step_from, addr);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iterate_kvec(i, bytes, step_zero, NULL);
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	iterate_kvec(i, bytes, step_skip, NULL);
}
