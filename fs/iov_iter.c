// SPDX-License-Identifier: MIT
/*
 * fs/iov_iter.c: walking a list of buffers (Linux's lib/iov_iter.c).
 *
 * Every read and write in fs/ moves data through a struct iov_iter, so
 * the filesystem never knows whose memory it is copying to. Three kinds:
 *
 *	ITER_KVEC	kernel buffers (tests, the initramfs, kernel users)
 *	ITER_UBUF	one user buffer: read(2), write(2), pread64, pwrite64
 *	ITER_IOVEC	user buffers: readv(2), writev(2)
 *
 *	iovec[0] = { base0, 5 }   iovec[1] = { base1, 0 }   iovec[2] = ...
 *	  [xxx.. ]                  (empty: skipped)
 *	      ^ iov_offset 3 into the current segment; count = the bytes
 *	        left in all segments, nr_segs = the segments left
 *
 * User memory is only ever touched with copy_to_user, copy_from_user and
 * clear_user (<anvil/uaccess.h>), which stop at the first byte that
 * faults and say how much was left. The iterator then advances by what
 * was copied and the copy returns short; the filesystem turns that into
 * a short count, or -EFAULT if nothing moved, as Linux does. A user copy
 * may fault a page in, so it may sleep: no spinlock may be held.
 *
 * The syscalls build user iterators with import_ubuf() and
 * import_iovec(), which check the lengths and that the buffers lie in
 * user space (access_ok), before any filesystem code runs.
 */
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/uaccess.h>

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count)
{
	*i = (struct iov_iter){
		.iter_type = ITER_KVEC,
		.data_source = direction,
		.count = count,
		.kvec = kvec,
		.nr_segs = nr_segs,
	};
}

void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
		   void __user *buf, size_t count)
{
	*i = (struct iov_iter){
		.iter_type = ITER_UBUF,
		.data_source = direction,
		.count = count,
		.ubuf = buf,
		.nr_segs = 1,
	};
}

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count)
{
	*i = (struct iov_iter){
		.iter_type = ITER_IOVEC,
		.data_source = direction,
		.count = count,
		.__iov = iov,
		.nr_segs = nr_segs,
	};
}

/* ---- walking ---------------------------------------------------------- */

/*
 * The current segment: its whole length, and its address past
 * iov_offset. A kvec and an iovec are both { base, length }.
 */
static size_t seg_len(const struct iov_iter *i)
{
	switch (i->iter_type) {
	case ITER_UBUF:
		return i->iov_offset + i->count;
	case ITER_IOVEC:
		return i->__iov->iov_len;
	default:
		return i->kvec->iov_len;
	}
}

static void *seg_addr(const struct iov_iter *i)
{
	switch (i->iter_type) {
	case ITER_UBUF:
		return (char __user *)i->ubuf + i->iov_offset;
	case ITER_IOVEC:
		return (char __user *)i->__iov->iov_base + i->iov_offset;
	default:
		return (char *)i->kvec->iov_base + i->iov_offset;
	}
}

/* Consume @n bytes of the current segment; step to the next at its end. */
static void seg_consume(struct iov_iter *i, size_t n)
{
	i->iov_offset += n;
	i->count -= n;
	if (i->iter_type == ITER_UBUF || i->iov_offset < seg_len(i))
		return;
	if (i->iter_type == ITER_IOVEC)
		i->__iov++;
	else
		i->kvec++;
	i->nr_segs--;
	i->iov_offset = 0;
}

/*
 * What to do with one piece of one segment: @base is the segment's
 * memory, @off how far into the whole copy this piece starts. Returns
 * the bytes it could NOT do (a user copy that faulted), 0 if all.
 */
typedef size_t (*iter_step_fn)(void *base, size_t len, size_t off,
			       void *arg);

/*
 * Walk up to @bytes of the iterator, calling @step on each piece of each
 * segment, and advance it by what @step did. Stops at the first piece
 * that came up short. Returns the bytes done.
 */
static size_t iterate(struct iov_iter *i, size_t bytes, iter_step_fn step,
		      void *arg)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes && i->nr_segs) {
		size_t n = min(seg_len(i) - i->iov_offset, bytes - done);
		size_t left = n ? step(seg_addr(i), n, done, arg) : 0;

		seg_consume(i, n - left);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

static size_t step_to_kernel(void *base, size_t len, size_t off, void *from)
{
	memcpy(base, (const char *)from + off, len);
	return 0;
}

static size_t step_to_user(void *base, size_t len, size_t off, void *from)
{
	return copy_to_user((void __user *)base, (const char *)from + off,
			    len);
}

static size_t step_from_kernel(void *base, size_t len, size_t off, void *to)
{
	memcpy((char *)to + off, base, len);
	return 0;
}

static size_t step_from_user(void *base, size_t len, size_t off, void *to)
{
	return copy_from_user((char *)to + off, (const void __user *)base,
			      len);
}

static size_t step_zero_kernel(void *base, size_t len, size_t off,
			       void *unused)
{
	memset(base, 0, len);
	return 0;
}

static size_t step_zero_user(void *base, size_t len, size_t off,
			     void *unused)
{
	return clear_user((void __user *)base, len);
}

static size_t step_skip(void *base, size_t len, size_t off, void *unused)
{
	return 0;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON(i->data_source != ITER_DEST))
		return 0;
	return iterate(i, bytes,
		       user_backed_iter(i) ? step_to_user : step_to_kernel,
		       (void *)addr);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	if (WARN_ON(i->data_source != ITER_SOURCE))
		return 0;
	return iterate(i, bytes,
		       user_backed_iter(i) ? step_from_user : step_from_kernel,
		       addr);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iterate(i, bytes,
		       user_backed_iter(i) ? step_zero_user : step_zero_kernel,
		       NULL);
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	iterate(i, bytes, step_skip, NULL);
}

/* ---- user iterators for the syscalls ----------------------------------- */

int import_ubuf(int type, void __user *buf, size_t len, struct iov_iter *i)
{
	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (!access_ok(buf, len))
		return -EFAULT;
	iov_iter_ubuf(i, type, buf, len);
	return 0;
}

/*
 * Check the copied-in iovecs and clamp the total, Linux's way: the
 * segment that would pass MAX_RW_COUNT is shortened, later ones get 0.
 */
static ssize_t check_iovecs(struct iovec *iov, unsigned long nr_segs)
{
	size_t total = 0;

	for (unsigned long k = 0; k < nr_segs; k++) {
		size_t len = iov[k].iov_len;

		if ((ssize_t)len < 0)
			return -EINVAL;
		if (!access_ok(iov[k].iov_base, len))
			return -EFAULT;
		if (len > MAX_RW_COUNT - total) {
			len = MAX_RW_COUNT - total;
			iov[k].iov_len = len;
		}
		total += len;
	}
	return (ssize_t)total;
}

ssize_t import_iovec(int type, const struct iovec __user *uvec,
		     unsigned long nr_segs, unsigned long fast_segs,
		     struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov = *iovp;
	ssize_t total;

	*iovp = NULL;
	if (nr_segs > UIO_MAXIOV)
		return -EINVAL;
	if (nr_segs > fast_segs) {
		iov = kmalloc(nr_segs * sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return -ENOMEM;
		*iovp = iov; /* the caller frees it, on errors too */
	}
	if (copy_from_user(iov, uvec, nr_segs * sizeof(*iov)))
		return -EFAULT;
	total = check_iovecs(iov, nr_segs);
	if (total >= 0)
		iov_iter_init(i, type, iov, nr_segs, (size_t)total);
	return total;
}
