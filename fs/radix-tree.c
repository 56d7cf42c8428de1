// SPDX-License-Identifier: MIT
/*
 * fs/radix-tree.c: a radix tree of pointers keyed by unsigned long, the
 * page cache's index (Linux's lib/radix-tree.c of the 2.6 era, small).
 *
 * A tree of height h holds keys below 64^h. Each node has 64 slots;
 * the top node's slots split the key on its highest 6 bits, the
 * leaves' slots hold the items:
 *
 *	root (height 2)
 *	  rnode --> [ 0 | 1 | ... | 63 ]		key bits 11..6
 *		      |   \
 *		      v    v
 *	  [ 0 .. 63 ]  [ 0 .. 63 ]			key bits 5..0
 *	    |             |
 *	  page 0       page 65
 *
 * A node counts its used slots; a node whose count reaches zero is
 * freed, and a top node using only slot 0 is dropped to shrink the
 * height, so an empty tree holds no memory.
 *
 * No locking here: the caller serializes (mapping->tree_lock). Nothing
 * here sleeps except radix_tree_preload(), which allocates the nodes an
 * insert may need before the caller takes its lock.
 */
#include <anvil/kernel.h>
#include <anvil/slab.h>

#include "internal.h"

struct radix_tree_node {
	unsigned int count;		/* slots in use */
	void *slots[RADIX_TREE_MAP_SIZE];
};

static struct kmem_cache *radix_tree_node_cachep;

void radix_tree_init(void)
{
	radix_tree_node_cachep =
		kmem_cache_create("radix_tree_node",
				  sizeof(struct radix_tree_node), 0,
				  SLAB_PANIC, NULL);
}

/* The height a tree needs to hold @index. */
static unsigned int height_for(unsigned long index)
{
	unsigned int h = 1;

	while (h < RADIX_TREE_MAX_PATH &&
	       (index >> (RADIX_TREE_MAP_SHIFT * h)) != 0)
		h++;
	return h;
}

/* Does a tree of height @h have room for @index? */
static bool fits(unsigned int h, unsigned long index)
{
	return h >= RADIX_TREE_MAX_PATH ||
	       (index >> (RADIX_TREE_MAP_SHIFT * h)) == 0;
}

static unsigned int slot_of(unsigned long index, unsigned int level)
{
	return (index >> (RADIX_TREE_MAP_SHIFT * level)) & RADIX_TREE_MAP_MASK;
}

int radix_tree_preload(struct radix_tree_preload *p,
		       const struct radix_tree_root *root, unsigned long index,
		       gfp_t gfp)
{
	unsigned int cur = READ_ONCE(root->height);
	unsigned int final = max(height_for(index), cur);
	/*
	 * An empty tree needs a node per level. Otherwise the levels grown
	 * on top, plus the path below the top, which already exists.
	 */
	unsigned int need = cur ? (final - cur) + (final - 1) : final;

	p->nr = 0;
	while (p->nr < need) {
		p->nodes[p->nr] = kmem_cache_zalloc(radix_tree_node_cachep, gfp);
		if (!p->nodes[p->nr]) {
			radix_tree_preload_end(p);
			return -ENOMEM;
		}
		p->nr++;
	}
	return 0;
}

void radix_tree_preload_end(struct radix_tree_preload *p)
{
	while (p->nr)
		kmem_cache_free(radix_tree_node_cachep, p->nodes[--p->nr]);
}

static struct radix_tree_node *take_node(struct radix_tree_preload *p)
{
	return p->nr ? p->nodes[--p->nr] : NULL;
}

/* Add levels on top until @index fits; false if @p ran out. */
static bool grow(struct radix_tree_root *root, unsigned long index,
		 struct radix_tree_preload *p)
{
	if (!root->rnode) {
		root->height = height_for(index);
		return true;
	}
	while (!fits(root->height, index)) {
		struct radix_tree_node *node = take_node(p);

		if (!node)
			return false;
		node->slots[0] = root->rnode;
		node->count = 1;
		root->rnode = node;
		root->height++;
	}
	return true;
}

int radix_tree_insert(struct radix_tree_root *root, unsigned long index,
		      void *item, struct radix_tree_preload *p)
{
	struct radix_tree_node *node = NULL;
	void **slot = &root->rnode;
	unsigned int level;

	if (!grow(root, index, p))
		return -EAGAIN;
	for (level = root->height; level > 0; level--) {
		if (!*slot) {
			*slot = take_node(p);
			if (!*slot)
				return -EAGAIN; /* a later retry reuses it */
			if (node)
				node->count++;
		}
		node = *slot;
		slot = &node->slots[slot_of(index, level - 1)];
	}
	if (*slot)
		return -EEXIST;
	*slot = item;
	node->count++;
	return 0;
}

void *radix_tree_lookup(const struct radix_tree_root *root,
			unsigned long index)
{
	struct radix_tree_node *node = root->rnode;
	unsigned int level = root->height;

	if (!node || !fits(level, index))
		return NULL;
	while (level > 1) {
		node = node->slots[slot_of(index, level - 1)];
		if (!node)
			return NULL;
		level--;
	}
	return node->slots[slot_of(index, 0)];
}

/* Drop top nodes that only use slot 0: keys all fit one level lower. */
static void shrink(struct radix_tree_root *root)
{
	while (root->height > 1) {
		struct radix_tree_node *top = root->rnode;

		if (top->count != 1 || !top->slots[0])
			return;
		root->rnode = top->slots[0];
		root->height--;
		kmem_cache_free(radix_tree_node_cachep, top);
	}
}

void *radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *path[RADIX_TREE_MAX_PATH];
	unsigned int offs[RADIX_TREE_MAX_PATH];
	struct radix_tree_node *node = root->rnode;
	unsigned int level = root->height, depth = 0;
	void *item;

	if (!node || !fits(level, index))
		return NULL;
	/* Record the path top-down: path[i] and the slot taken in it. */
	for (; level > 0; level--) {
		path[depth] = node;
		offs[depth] = slot_of(index, level - 1);
		node = node->slots[offs[depth]];
		depth++;
		if (!node)
			return NULL;
	}
	item = node;
	/* Clear bottom-up, freeing every node left empty. */
	while (depth-- > 0) {
		path[depth]->slots[offs[depth]] = NULL;
		if (--path[depth]->count)
			break;
		kmem_cache_free(radix_tree_node_cachep, path[depth]);
		if (depth == 0) {
			INIT_RADIX_TREE(root);
			return item;
		}
	}
	shrink(root);
	return item;
}

/*
 * The first item with a key >= @start under @node, which covers keys
 * from @base at @level (its slots split on bits level*6 and up).
 * Recursion depth is the tree height, at most RADIX_TREE_MAX_PATH.
 */
static void *next_item(struct radix_tree_node *node, unsigned int level,
		       unsigned long base, unsigned long start,
		       unsigned long *found)
{
	unsigned int shift = RADIX_TREE_MAP_SHIFT * level;
	unsigned long i = (start - base) >> shift;

	for (; i < RADIX_TREE_MAP_SIZE; i++) {
		void *slot = node->slots[i];
		unsigned long child_base;

		if (!slot)
			continue;
		child_base = base + (i << shift);
		if (level == 0) {
			*found = child_base;
			return slot;
		}
		slot = next_item(slot, level - 1, child_base,
				 max(start, child_base), found);
		if (slot)
			return slot;
	}
	return NULL;
}

unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root,
				    void **results, unsigned long first,
				    unsigned int max)
{
	unsigned long index = first, found;
	unsigned int n = 0;

	if (!root->rnode)
		return 0;
	while (n < max && fits(root->height, index)) {
		void *item = next_item(root->rnode, root->height - 1, 0, index,
				       &found);

		if (!item)
			break;
		results[n++] = item;
		if (found == ~0UL)
			break;
		index = found + 1;
	}
	return n;
}
