/* SPDX-License-Identifier: MIT */
/*
 * Reading a Linux-format "newc" cpio archive (lib/cpio.c), the initramfs
 * format: a 110-byte ASCII header per file ("070701", then 13 fields of 8
 * hex digits), the name, padding to 4 bytes, the data, padding to 4 bytes,
 * and a last entry named "TRAILER!!!".
 */
#ifndef ANVIL_CPIO_H
#define ANVIL_CPIO_H

#include <anvil/types.h>

struct cpio_entry {
	const char *name;	/* not NUL-terminated in the archive: use namelen */
	size_t namelen;		/* without the terminating NUL */
	u32 mode;		/* file type and permission bits, as stat's */
	const void *data;
	size_t size;
};

struct cpio_reader {
	const u8 *buf;
	size_t len;
	size_t pos;
	const char *error;	/* why cpio_next() failed, or NULL */
};

void cpio_init(struct cpio_reader *r, const void *buf, size_t len);
/*
 * Read the next entry. Returns 1 with *e filled, 0 at the trailer, or -1
 * when the archive is truncated or corrupt (r->error says why, r->pos says
 * where). Never reads outside buf[0..len).
 */
int cpio_next(struct cpio_reader *r, struct cpio_entry *e);

#endif /* ANVIL_CPIO_H */
