// SPDX-License-Identifier: MIT
/*
 * lib/cpio.c: walk a newc cpio archive (the initramfs), bounds-checked.
 *
 * The archive comes from outside the kernel (the boot loader's module or
 * the device tree's initrd), so every length in it is checked against the
 * buffer before use: a truncated or corrupt archive is an error with a
 * position, never a read past the end.
 */
#include <anvil/cpio.h>
#include <anvil/string.h>

#define CPIO_HDR_LEN 110
#define CPIO_MAGIC "070701"
#define CPIO_TRAILER "TRAILER!!!"

void cpio_init(struct cpio_reader *r, const void *buf, size_t len)
{
	r->buf = buf;
	r->len = len;
	r->pos = 0;
	r->error = NULL;
}

/* Field @i (0 = c_ino) of the header at @h: 8 hex digits. */
static bool cpio_field(const u8 *h, int i, u32 *out)
{
	u32 v = 0;

	for (int k = 0; k < 8; k++) {
		u8 c = h[6 + 8 * i + k];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return false;
	}
	*out = v;
	return true;
}

static int cpio_error(struct cpio_reader *r, const char *why)
{
	r->error = why;
	return -1;
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	const u8 *h = r->buf + r->pos;
	size_t left = r->len - r->pos, name_end, data_end;
	u32 mode, filesize, namesize;

	if (r->pos > r->len || left < CPIO_HDR_LEN)
		return cpio_error(r, "truncated header");
	if (memcmp(h, CPIO_MAGIC, 6) != 0)
		return cpio_error(r, "bad magic (not a newc cpio archive)");
	if (!cpio_field(h, 1, &mode) || !cpio_field(h, 6, &filesize) ||
	    !cpio_field(h, 11, &namesize))
		return cpio_error(r, "header field is not hex");
	if (namesize == 0 || namesize > 4096)
		return cpio_error(r, "bad name length");
	name_end = CPIO_HDR_LEN + namesize;
	data_end = ((name_end + 3) & ~(size_t)3) + filesize;
	if (name_end > left || data_end > left)
		return cpio_error(r, "truncated entry");
	if (h[name_end - 1] != '\0')
		return cpio_error(r, "name is not terminated");

	e->name = (const char *)h + CPIO_HDR_LEN;
	e->namelen = namesize - 1;
	e->mode = mode;
	e->data = h + ((name_end + 3) & ~(size_t)3);
	e->size = filesize;
	if (e->namelen == sizeof(CPIO_TRAILER) - 1 &&
	    memcmp(e->name, CPIO_TRAILER, e->namelen) == 0)
		return 0;
	r->pos += (data_end + 3) & ~(size_t)3;
	if (r->pos > r->len)
		r->pos = r->len; /* the last entry's padding may be missing */
	return 1;
}
