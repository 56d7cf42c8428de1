/* SPDX-License-Identifier: MIT */
/*
 * user/lib/dirent.c: opendir, fdopendir, readdir, rewinddir, closedir,
 * dirfd, on Linux's getdents64(2).
 *
 * newlib has no directory support for a bare target (its <sys/dirent.h>
 * is an #error); anvil's user/include/sys/dirent.h replaces it.  A DIR
 * holds one getdents64 buffer of records, which readdir walks and
 * refills; each record becomes the DIR's struct dirent, so the pointer
 * readdir returns stays valid until the next readdir on the same DIR.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <anvil/linux.h>
#include "glue.h"

struct __dirstream {
	int fd;
	size_t pos, len;		/* next record, bytes in buf */
	struct dirent ent;
	long buf[4096 / sizeof(long)];	/* aligned for the records */
};

DIR *fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));

	if (!d)
		return NULL;
	d->fd = fd;
	d->pos = d->len = 0;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

/*
 * readdir - the next entry, or NULL at the end (errno unchanged) or on
 * error (errno set).
 */
struct dirent *readdir(DIR *d)
{
	const struct linux_dirent64 *ld;

	if (d->pos >= d->len) {
		long r = sys_getdents64(d->fd, d->buf, sizeof(d->buf));

		if (linux_is_err(r)) {
			__anvil_fail(-r);
			return NULL;
		}
		if (r == 0)
			return NULL;
		d->len = r;
		d->pos = 0;
	}
	ld = (const struct linux_dirent64 *)((char *)d->buf + d->pos);
	d->pos += ld->d_reclen;
	d->ent.d_ino = (ino_t)ld->d_ino;
	d->ent.d_type = ld->d_type;
	strncpy(d->ent.d_name, ld->d_name, sizeof(d->ent.d_name) - 1);
	d->ent.d_name[sizeof(d->ent.d_name) - 1] = '\0';
	return &d->ent;
}

void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}

int dirfd(DIR *d)
{
	return d->fd;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}
