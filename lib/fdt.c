// SPDX-License-Identifier: MIT
/*
 * lib/fdt.c: read a flattened device tree (the interface and the format
 * are described in include/anvil/fdt.h).
 *
 * Layout of a blob, all offsets from its first byte:
 *
 *	+--------------------+ 0
 *	| header (40 bytes)  |  magic, sizes, offsets of the blocks below
 *	+--------------------+ off_mem_rsvmap
 *	| reservations       |  (address, size) pairs of u64, ends with (0,0)
 *	+--------------------+ off_dt_struct
 *	| structure block    |  tokens, 4-byte aligned (see fdt.h)
 *	+--------------------+ off_dt_strings
 *	| strings block      |  property names, NUL-terminated, shared
 *	+--------------------+ totalsize
 *
 * Everything is read a byte at a time, so neither the host's byte order
 * nor the blob's alignment matters. fdt_next_tag() is the one place that
 * decodes a token; it bounds-checks every token against the structure
 * block, so even the walkers cannot read past the blob.
 */
#include <anvil/compiler.h>
#include <anvil/fdt.h>
#include <anvil/string.h>

/* Header fields (byte offsets) */
#define FDT_HDR_MAGIC 0
#define FDT_HDR_TOTALSIZE 4
#define FDT_HDR_OFF_STRUCT 8
#define FDT_HDR_OFF_STRINGS 12
#define FDT_HDR_OFF_RSVMAP 16
#define FDT_HDR_VERSION 20
#define FDT_HDR_LAST_COMP 24
#define FDT_HDR_BOOT_CPUID 28
#define FDT_HDR_SIZE_STRINGS 32
#define FDT_HDR_SIZE_STRUCT 36
#define FDT_HDR_SIZE 40

/* Deeper nesting than this is taken as corruption. */
#define FDT_MAX_DEPTH 64

u32 fdt32_ld(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

u64 fdt64_ld(const void *p)
{
	return (u64)fdt32_ld(p) << 32 | fdt32_ld((const u8 *)p + 4);
}

u64 fdt_read_number(const void *p, int cells)
{
	if (cells == 1)
		return fdt32_ld(p);
	if (cells == 2)
		return fdt64_ld(p);
	return 0;
}

static u32 fdt_hdr(const void *fdt, unsigned int field)
{
	return fdt32_ld((const u8 *)fdt + field);
}

u32 fdt_totalsize(const void *fdt)
{
	return fdt_hdr(fdt, FDT_HDR_TOTALSIZE);
}

u32 fdt_boot_cpuid_phys(const void *fdt)
{
	return fdt_hdr(fdt, FDT_HDR_BOOT_CPUID);
}

static const char *fdt_ptr(const void *fdt, u32 offset)
{
	return (const char *)fdt + offset;
}

/* End of the structure block (version 16 trees do not record its size). */
static u64 fdt_struct_end(const void *fdt)
{
	if (fdt_hdr(fdt, FDT_HDR_VERSION) >= 17)
		return (u64)fdt_hdr(fdt, FDT_HDR_OFF_STRUCT) +
		       fdt_hdr(fdt, FDT_HDR_SIZE_STRUCT);
	return fdt_totalsize(fdt);
}

/* Length of the NUL-terminated string at [start, end), or -1 if none. */
static long fdt_bounded_strlen(const void *fdt, u64 start, u64 end)
{
	const char *s = fdt_ptr(fdt, 0);
	u64 i;

	for (i = start; i < end; i++)
		if (s[i] == '\0')
			return (long)(i - start);
	return -1;
}

/*
 * Decode the token at @offset and set *next to the offset of the token
 * after it. Returns the token, or -FDT_ERR_* if it is not a whole token
 * inside the structure block.
 */
static int fdt_next_tag(const void *fdt, int offset, int *next)
{
	u64 start = fdt_hdr(fdt, FDT_HDR_OFF_STRUCT);
	u64 end = fdt_struct_end(fdt);
	u64 p = (u64)offset;
	u32 tag, len;
	long n;

	if (offset < 0 || p < start || (p & 3))
		return -FDT_ERR_BADOFFSET;
	if (p + 4 > end)
		return -FDT_ERR_TRUNCATED;
	tag = fdt32_ld(fdt_ptr(fdt, p));
	p += 4;
	switch (tag) {
	case FDT_BEGIN_NODE:
		n = fdt_bounded_strlen(fdt, p, end);
		if (n < 0)
			return -FDT_ERR_TRUNCATED;
		p += n + 1;
		break;
	case FDT_PROP:
		if (p + 8 > end)
			return -FDT_ERR_TRUNCATED;
		len = fdt32_ld(fdt_ptr(fdt, p));
		p += 8;
		if (len > end - p)
			return -FDT_ERR_TRUNCATED;
		p += len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -FDT_ERR_BADSTRUCT;
	}
	p = (p + 3) & ~3ULL;
	if (p > end && tag != FDT_END)
		return -FDT_ERR_TRUNCATED;
	*next = (int)p;
	return (int)tag;
}

/* A property's name, or NULL if its name offset leaves the strings block. */
static const char *fdt_prop_name(const void *fdt, int prop)
{
	u32 nameoff = fdt32_ld(fdt_ptr(fdt, (u32)prop + 8));
	u64 strings = fdt_hdr(fdt, FDT_HDR_OFF_STRINGS);
	u64 end = strings + fdt_hdr(fdt, FDT_HDR_SIZE_STRINGS);

	if (nameoff >= end - strings ||
	    fdt_bounded_strlen(fdt, strings + nameoff, end) < 0)
		return NULL;
	return fdt_ptr(fdt, strings + nameoff);
}

/* The header: magic, version, and every block inside totalsize. */
static int fdt_check_header(const void *fdt, size_t bufsize)
{
	u64 total, off_struct, off_strings, rsv;

	if (!fdt || bufsize < FDT_HDR_SIZE)
		return -FDT_ERR_TRUNCATED;
	if (fdt_hdr(fdt, FDT_HDR_MAGIC) != FDT_MAGIC)
		return -FDT_ERR_BADMAGIC;
	if (fdt_hdr(fdt, FDT_HDR_VERSION) < 16 ||
	    fdt_hdr(fdt, FDT_HDR_LAST_COMP) > 17)
		return -FDT_ERR_BADVERSION;
	total = fdt_totalsize(fdt);
	if (total < FDT_HDR_SIZE || total > bufsize || total > 0x7fffffff)
		return -FDT_ERR_BADLAYOUT;
	off_struct = fdt_hdr(fdt, FDT_HDR_OFF_STRUCT);
	off_strings = fdt_hdr(fdt, FDT_HDR_OFF_STRINGS);
	if (off_struct < FDT_HDR_SIZE || (off_struct & 3) ||
	    fdt_struct_end(fdt) > total || off_struct > fdt_struct_end(fdt))
		return -FDT_ERR_BADLAYOUT;
	if (off_strings < FDT_HDR_SIZE ||
	    off_strings + fdt_hdr(fdt, FDT_HDR_SIZE_STRINGS) > total)
		return -FDT_ERR_BADLAYOUT;
	rsv = fdt_hdr(fdt, FDT_HDR_OFF_RSVMAP);
	if (rsv < FDT_HDR_SIZE || (rsv & 7))
		return -FDT_ERR_BADLAYOUT;
	for (;; rsv += 16) {
		if (rsv + 16 > total)
			return -FDT_ERR_TRUNCATED;
		if (!fdt64_ld(fdt_ptr(fdt, rsv)) &&
		    !fdt64_ld(fdt_ptr(fdt, rsv + 8)))
			return 0;
	}
}

/* Every token: known, inside the block, properly nested, one root. */
static int fdt_check_struct(const void *fdt)
{
	int offset = (int)fdt_hdr(fdt, FDT_HDR_OFF_STRUCT);
	int depth = 0, next, tag;
	bool seen_root = false;

	for (;;) {
		tag = fdt_next_tag(fdt, offset, &next);
		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if ((depth == 0 && seen_root) || depth >= FDT_MAX_DEPTH)
				return -FDT_ERR_BADSTRUCT;
			seen_root = true;
			depth++;
			break;
		case FDT_END_NODE:
			if (depth == 0)
				return -FDT_ERR_BADSTRUCT;
			depth--;
			break;
		case FDT_PROP:
			if (depth == 0 || !fdt_prop_name(fdt, offset))
				return -FDT_ERR_BADSTRUCT;
			break;
		case FDT_END:
			if (depth != 0 || !seen_root)
				return -FDT_ERR_BADSTRUCT;
			return 0;
		}
		offset = next;
	}
}

int fdt_check(const void *fdt, size_t bufsize)
{
	int err = fdt_check_header(fdt, bufsize);

	return err ? err : fdt_check_struct(fdt);
}

const char *fdt_strerror(int err)
{
	static const char *const msg[] = {
		[0] = "no error",
		[FDT_ERR_NOTFOUND] = "not found",
		[FDT_ERR_BADMAGIC] = "bad magic (not a device tree)",
		[FDT_ERR_BADVERSION] = "unsupported version",
		[FDT_ERR_BADLAYOUT] = "header offsets or sizes out of bounds",
		[FDT_ERR_BADSTRUCT] = "corrupt structure block",
		[FDT_ERR_TRUNCATED] = "truncated",
		[FDT_ERR_BADOFFSET] = "bad node or property offset",
	};

	if (err < 0)
		err = -err;
	if ((size_t)err >= ARRAY_SIZE(msg))
		return "unknown error";
	return msg[err];
}

int fdt_get_mem_rsv(const void *fdt, int n, u64 *address, u64 *size)
{
	u64 off = fdt_hdr(fdt, FDT_HDR_OFF_RSVMAP) + (u64)n * 16;

	if (n < 0 || off + 16 > fdt_totalsize(fdt))
		return -FDT_ERR_NOTFOUND;
	*address = fdt64_ld(fdt_ptr(fdt, off));
	*size = fdt64_ld(fdt_ptr(fdt, off + 8));
	if (!*address && !*size)
		return -FDT_ERR_NOTFOUND;
	return 0;
}

int fdt_root(const void *fdt)
{
	int depth = 0;

	return fdt_next_node(fdt, -1, &depth);
}

/*
 * The node after @offset in document order (@offset < 0: the first one).
 * *depth goes up by one into a child and down past each END_NODE; when it
 * would drop below zero, the walk has left the starting subtree and the
 * result is -FDT_ERR_NOTFOUND.
 */
int fdt_next_node(const void *fdt, int offset, int *depth)
{
	int next, tag;

	if (offset < 0) {
		offset = (int)fdt_hdr(fdt, FDT_HDR_OFF_STRUCT);
	} else {
		if (fdt_next_tag(fdt, offset, &next) != FDT_BEGIN_NODE)
			return -FDT_ERR_BADOFFSET;
		offset = next;
	}
	for (;; offset = next) {
		tag = fdt_next_tag(fdt, offset, &next);
		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth)
				(*depth)++;
			return offset;
		case FDT_END_NODE:
			if (depth && --(*depth) < 0)
				return -FDT_ERR_NOTFOUND;
			break;
		case FDT_END:
			return -FDT_ERR_NOTFOUND;
		}
	}
}

int fdt_first_subnode(const void *fdt, int parent)
{
	int depth = 0;
	int node = fdt_next_node(fdt, parent, &depth);

	if (node < 0 || depth != 1)
		return -FDT_ERR_NOTFOUND;
	return node;
}

int fdt_next_subnode(const void *fdt, int node)
{
	int depth = 1;

	/* Skip the node's own subtree; its next sibling is at depth 1. */
	do {
		node = fdt_next_node(fdt, node, &depth);
		if (node < 0 || depth < 1)
			return -FDT_ERR_NOTFOUND;
	} while (depth > 1);
	return node;
}

const char *fdt_get_name(const void *fdt, int node, int *lenp)
{
	int next;
	const char *name;

	if (fdt_next_tag(fdt, node, &next) != FDT_BEGIN_NODE)
		return NULL;
	name = fdt_ptr(fdt, (u32)node + 4);
	if (lenp)
		*lenp = (int)strlen(name);
	return name;
}

/* Does node name @name match the @n bytes at @s (see fdt.h)? */
static bool fdt_name_matches(const char *name, const char *s, size_t n)
{
	size_t i;

	if (strncmp(name, s, n) != 0)
		return false;
	if (name[n] == '\0')
		return true;
	for (i = 0; i < n; i++)
		if (s[i] == '@')
			return false; /* a unit address was asked for */
	return name[n] == '@';
}

bool fdt_node_name_eq(const void *fdt, int node, const char *base)
{
	const char *name = fdt_get_name(fdt, node, NULL);

	return name && fdt_name_matches(name, base, strlen(base));
}

static int fdt_subnode_offset_namelen(const void *fdt, int parent,
				      const char *s, size_t n)
{
	int node;

	fdt_for_each_subnode(node, fdt, parent) {
		const char *name = fdt_get_name(fdt, node, NULL);

		if (name && fdt_name_matches(name, s, n))
			return node;
	}
	return -FDT_ERR_NOTFOUND;
}

int fdt_subnode_offset(const void *fdt, int parent, const char *name)
{
	return fdt_subnode_offset_namelen(fdt, parent, name, strlen(name));
}

int fdt_path_offset(const void *fdt, const char *path)
{
	int node = fdt_root(fdt);
	const char *end;

	if (*path != '/')
		return -FDT_ERR_NOTFOUND;
	while (node >= 0 && *path) {
		while (*path == '/')
			path++;
		if (!*path)
			break;
		end = strchr(path, '/');
		if (!end)
			end = path + strlen(path);
		node = fdt_subnode_offset_namelen(fdt, node, path,
						  (size_t)(end - path));
		path = end;
	}
	return node;
}

/* The first PROP token at or after @offset, skipping NOPs. */
static int fdt_find_prop(const void *fdt, int offset)
{
	int next, tag;

	for (;; offset = next) {
		tag = fdt_next_tag(fdt, offset, &next);
		if (tag == FDT_PROP)
			return offset;
		if (tag != FDT_NOP)
			return tag < 0 ? tag : -FDT_ERR_NOTFOUND;
	}
}

int fdt_first_property_offset(const void *fdt, int node)
{
	int next;

	if (fdt_next_tag(fdt, node, &next) != FDT_BEGIN_NODE)
		return -FDT_ERR_BADOFFSET;
	return fdt_find_prop(fdt, next);
}

int fdt_next_property_offset(const void *fdt, int offset)
{
	int next;

	if (fdt_next_tag(fdt, offset, &next) != FDT_PROP)
		return -FDT_ERR_BADOFFSET;
	return fdt_find_prop(fdt, next);
}

const void *fdt_getprop_by_offset(const void *fdt, int offset,
				  const char **namep, int *lenp)
{
	int next;
	const char *name;

	if (fdt_next_tag(fdt, offset, &next) != FDT_PROP)
		return NULL;
	name = fdt_prop_name(fdt, offset);
	if (!name)
		return NULL;
	if (namep)
		*namep = name;
	if (lenp)
		*lenp = (int)fdt32_ld(fdt_ptr(fdt, (u32)offset + 4));
	return fdt_ptr(fdt, (u32)offset + 12);
}

const void *fdt_getprop(const void *fdt, int node, const char *name,
			int *lenp)
{
	int prop;

	fdt_for_each_property_offset(prop, fdt, node) {
		const char *pname;
		const void *val = fdt_getprop_by_offset(fdt, prop, &pname, lenp);

		if (val && strcmp(pname, name) == 0)
			return val;
	}
	return NULL;
}

/* True if @val (of @len bytes) holds a NUL: it is a string (list). */
static bool fdt_is_string(const char *val, int len)
{
	int i;

	for (i = 0; i < len; i++)
		if (val[i] == '\0')
			return true;
	return false;
}

const char *fdt_getprop_string(const void *fdt, int node, const char *name)
{
	int len;
	const char *val = fdt_getprop(fdt, node, name, &len);

	return val && fdt_is_string(val, len) ? val : NULL;
}

bool fdt_stringlist_contains(const void *fdt, int node, const char *name,
			     const char *str)
{
	int len, n;
	const char *val = fdt_getprop(fdt, node, name, &len);

	while (val && len > 0 && fdt_is_string(val, len)) {
		if (strcmp(val, str) == 0)
			return true;
		n = (int)strlen(val) + 1;
		val += n;
		len -= n;
	}
	return false;
}

int fdt_getprop_u32(const void *fdt, int node, const char *name, u32 *val)
{
	int len;
	const void *p = fdt_getprop(fdt, node, name, &len);

	if (!p || len != 4)
		return -FDT_ERR_NOTFOUND;
	*val = fdt32_ld(p);
	return 0;
}

int fdt_getprop_u64(const void *fdt, int node, const char *name, u64 *val)
{
	int len;
	const void *p = fdt_getprop(fdt, node, name, &len);

	if (!p || (len != 4 && len != 8))
		return -FDT_ERR_NOTFOUND;
	*val = fdt_read_number(p, len / 4);
	return 0;
}

/* A #...-cells property: @dflt when absent, an error when above 4. */
static int fdt_cells(const void *fdt, int node, const char *name, int dflt)
{
	u32 val;

	if (fdt_getprop_u32(fdt, node, name, &val) < 0)
		return dflt;
	return val > 4 ? -FDT_ERR_BADSTRUCT : (int)val;
}

int fdt_address_cells(const void *fdt, int node)
{
	return fdt_cells(fdt, node, "#address-cells", 2);
}

int fdt_size_cells(const void *fdt, int node)
{
	return fdt_cells(fdt, node, "#size-cells", 1);
}
