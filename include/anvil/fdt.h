/* SPDX-License-Identifier: MIT */
/*
 * A small reader for flattened device trees (lib/fdt.c).
 *
 * Firmware (skiboot, U-Boot, QEMU) hands the kernel a "DTB": a header, a
 * memory-reservation block, a structure block of tokens and a strings
 * block, all big-endian (see the Devicetree Specification, chapter 5).
 *
 *	FDT_BEGIN_NODE "name\0" [pad]	a node opens
 *	FDT_PROP len nameoff data [pad]	a property of the open node
 *	FDT_END_NODE			the node closes
 *	FDT_NOP				ignored
 *	FDT_END				end of the structure block
 *
 * Nodes and properties are named by an "offset": the byte offset of
 * their token from the start of the blob, as in libfdt. Negative return
 * values are -FDT_ERR_* codes.
 *
 * Call fdt_check() once on a blob you did not make: it walks every token
 * and rejects a corrupt or truncated tree. The other functions still
 * bounds-check what they read, but only fdt_check() promises a clean
 * answer for a blob that lies.
 *
 * This code is generic: it reads bytes, so it works on either endianness
 * and for any arch. Only the read side is here; nothing writes a tree.
 */
#ifndef ANVIL_FDT_H
#define ANVIL_FDT_H

#include <anvil/types.h>

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 0x1
#define FDT_END_NODE 0x2
#define FDT_PROP 0x3
#define FDT_NOP 0x4
#define FDT_END 0x9

#define FDT_ERR_NOTFOUND 1   /* no such node or property */
#define FDT_ERR_BADMAGIC 2   /* not a device tree */
#define FDT_ERR_BADVERSION 3 /* a version we cannot read */
#define FDT_ERR_BADLAYOUT 4  /* header offsets or sizes out of bounds */
#define FDT_ERR_BADSTRUCT 5  /* a bad token, name or nesting */
#define FDT_ERR_TRUNCATED 6  /* something runs past its block */
#define FDT_ERR_BADOFFSET 7  /* an offset that is not a node/property */

/* Read big-endian cells at any alignment. */
u32 fdt32_ld(const void *p);
u64 fdt64_ld(const void *p);
/* A number made of @cells 32-bit cells (1 or 2); 0 for other counts. */
u64 fdt_read_number(const void *p, int cells);

/*
 * Check the header and walk the whole structure block. @bufsize is how
 * many bytes the caller knows are readable at @fdt; the tree must fit.
 * Returns 0 or -FDT_ERR_*.
 */
int fdt_check(const void *fdt, size_t bufsize);
const char *fdt_strerror(int err);
u32 fdt_totalsize(const void *fdt);
/* The boot CPU's physical id, from the header (version 2 and later). */
u32 fdt_boot_cpuid_phys(const void *fdt);

/* Memory-reservation block: entry @n, or -FDT_ERR_NOTFOUND past the end. */
int fdt_get_mem_rsv(const void *fdt, int n, u64 *address, u64 *size);

/* Walking nodes. The root node is at fdt_root(). */
int fdt_root(const void *fdt);
/* The next node in document order; *depth (if given) goes up and down. */
int fdt_next_node(const void *fdt, int offset, int *depth);
int fdt_first_subnode(const void *fdt, int parent);
int fdt_next_subnode(const void *fdt, int node);
#define fdt_for_each_subnode(node, fdt, parent)                    \
	for ((node) = fdt_first_subnode(fdt, parent); (node) >= 0; \
	     (node) = fdt_next_subnode(fdt, node))

/* The node's full name ("memory@0"); the root's is "". */
const char *fdt_get_name(const void *fdt, int node, int *lenp);
/* True if the name is @base or starts with "@base@" ("memory" matches
 * "memory@0"). */
bool fdt_node_name_eq(const void *fdt, int node, const char *base);
/* A child of @parent by name; a name without '@' also matches "name@x". */
int fdt_subnode_offset(const void *fdt, int parent, const char *name);
/* A node by absolute path, "/cpus" or "/ibm,opal/consoles". */
int fdt_path_offset(const void *fdt, const char *path);

/* Walking properties of a node. */
int fdt_first_property_offset(const void *fdt, int node);
int fdt_next_property_offset(const void *fdt, int offset);
#define fdt_for_each_property_offset(prop, fdt, node)                    \
	for ((prop) = fdt_first_property_offset(fdt, node); (prop) >= 0; \
	     (prop) = fdt_next_property_offset(fdt, prop))
const void *fdt_getprop_by_offset(const void *fdt, int offset,
				  const char **namep, int *lenp);

/* A property's value by name, and its length in *lenp; NULL if absent. */
const void *fdt_getprop(const void *fdt, int node, const char *name,
			int *lenp);
/* A string property, or NULL if absent or not NUL-terminated. */
const char *fdt_getprop_string(const void *fdt, int node, const char *name);
/* True if string-list property @name holds @str ("compatible"). */
bool fdt_stringlist_contains(const void *fdt, int node, const char *name,
			     const char *str);
/* A one-cell property: 0, or -FDT_ERR_NOTFOUND if absent or not 4 bytes. */
int fdt_getprop_u32(const void *fdt, int node, const char *name, u32 *val);
/* A one- or two-cell property (both forms are common for addresses). */
int fdt_getprop_u64(const void *fdt, int node, const char *name, u64 *val);

/* #address-cells / #size-cells that @node sets for its children (2 / 1
 * when absent, as the specification says). */
int fdt_address_cells(const void *fdt, int node);
int fdt_size_cells(const void *fdt, int node);

#endif /* ANVIL_FDT_H */
