/* SPDX-License-Identifier: MIT */
/*
 * Intrusive red-black trees (lib/rbtree.c), Linux's <linux/rbtree.h>
 * interface.
 *
 * A struct rb_node is embedded in each object, as a list_head is; the
 * tree never allocates and never compares keys. The caller searches for
 * the place a new node belongs, links it there with rb_link_node(), and
 * then rb_insert_color() rebalances:
 *
 *	struct rb_node **link = &root->rb_node, *parent = NULL;
 *
 *	while (*link) {
 *		parent = *link;
 *		if (key < rb_entry(parent, struct thing, node)->key)
 *			link = &parent->rb_left;
 *		else
 *			link = &parent->rb_right;
 *	}
 *	rb_link_node(&new->node, parent, link);
 *	rb_insert_color(&new->node, root);
 *
 * Lookups walk rb_left/rb_right the same way. Every operation is
 * O(log n): the balance rules (see lib/rbtree.c) keep the longest path
 * from the root at most twice the shortest.
 *
 * A node's parent pointer and its colour share one word: nodes are at
 * least 4-byte aligned, so bit 0 of the parent's address is free to hold
 * the colour (0 red, 1 black).
 *
 * Nothing here locks: the owner of the tree says what protects it (for
 * the VMA tree, mmap_lock; see <anvil/mm_types.h>).
 */
#ifndef ANVIL_RBTREE_H
#define ANVIL_RBTREE_H

#include <anvil/compiler.h>
#include <anvil/types.h>

struct rb_node {
	unsigned long __rb_parent_color; /* parent address | colour bit */
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

struct rb_root {
	struct rb_node *rb_node;
};

#define RB_RED 0UL
#define RB_BLACK 1UL

#define RB_ROOT ((struct rb_root){ NULL })
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define rb_entry_safe(ptr, type, member)                                    \
	({                                                                  \
		__typeof__(ptr) __p = (ptr);                                \
		__p ? rb_entry(__p, type, member) : NULL;                   \
	})

#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)

static inline struct rb_node *rb_parent(const struct rb_node *node)
{
	return (struct rb_node *)(node->__rb_parent_color & ~3UL);
}

static inline unsigned long rb_color(const struct rb_node *node)
{
	return node->__rb_parent_color & 1UL;
}

static inline bool rb_is_red(const struct rb_node *node)
{
	return rb_color(node) == RB_RED;
}

static inline bool rb_is_black(const struct rb_node *node)
{
	return rb_color(node) == RB_BLACK;
}

/*
 * A node that is in no tree points at itself, so "is it linked?" needs
 * no separate flag. Set it with RB_CLEAR_NODE after rb_erase() if the
 * owner wants to ask later.
 */
#define RB_EMPTY_NODE(node) \
	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) \
	((node)->__rb_parent_color = (unsigned long)(node))

/*
 * rb_link_node - hang @node, red and childless, in the empty slot @link
 * under @parent (NULL for the root). The tree may now break the colour
 * rules; call rb_insert_color() next.
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->__rb_parent_color = (unsigned long)parent; /* red */
	node->rb_left = node->rb_right = NULL;
	*link = node;
}

/* Rebalance after rb_link_node(). Never fails, never sleeps. */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
/* Remove @node from @root and rebalance. @node may then be reused. */
void rb_erase(struct rb_node *node, struct rb_root *root);

/* In-order navigation: NULL past either end or on an empty tree. */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);

/*
 * Put @new in @victim's place (same position, same colour) without
 * rebalancing; only valid if @new sorts exactly where @victim did.
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root);

#endif /* ANVIL_RBTREE_H */
