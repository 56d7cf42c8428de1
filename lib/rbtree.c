// SPDX-License-Identifier: MIT
/*
 * lib/rbtree.c: red-black tree rebalancing (interface in <anvil/rbtree.h>).
 *
 * The caller does the searching and the linking; this file only keeps
 * the tree balanced after a node is linked (rb_insert_color) or removed
 * (rb_erase), plus in-order navigation.
 *
 * The rules. NULL children count as black leaves.
 *
 *	1. The root is black.
 *	2. A red node has no red child.
 *	3. Every path from a node down to a NULL leaf passes the same
 *	   number of black nodes (the node's "black height").
 *
 * A shortest path is all black and a longest path alternates red and
 * black, so no path is more than twice another: height <= 2 log2(n + 1).
 *
 * Both fix-ups below are written once, for a node on side @dir of its
 * parent; the mirror image is the same code with LEFT and RIGHT swapped
 * (Linux spells both halves out; the cases are the same). In the
 * pictures, lower case is red, UPPER CASE is black, and a letter in
 * (parentheses) may be either.
 */
#include <anvil/rbtree.h>

enum { LEFT = 0, RIGHT = 1 };

static inline struct rb_node **child(struct rb_node *n, int dir)
{
	return dir == LEFT ? &n->rb_left : &n->rb_right;
}

/* The side of @parent that @n hangs on. */
static inline int side(const struct rb_node *n, const struct rb_node *parent)
{
	return parent->rb_left == n ? LEFT : RIGHT;
}

static inline bool is_red(const struct rb_node *n)
{
	return n && rb_is_red(n); /* NULL leaves are black */
}

static inline void set_parent(struct rb_node *n, struct rb_node *parent)
{
	n->__rb_parent_color = (unsigned long)parent | rb_color(n);
}

static inline void set_color(struct rb_node *n, unsigned long color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | color;
}

/* Point whatever pointed at @old (a slot of @parent, or the root) at @new. */
static void replace_child(struct rb_node *old, struct rb_node *new,
			  struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		root->rb_node = new;
	else if (parent->rb_left == old)
		parent->rb_left = new;
	else
		parent->rb_right = new;
}

/*
 * rotate - move @x down to its @dir side; its other child y comes up.
 * rotate(x, LEFT), and read right to left for rotate(y, RIGHT):
 *
 *	     x                      y
 *	    / \                    / \
 *	   a   y       ==>        x   c
 *	      / \                / \
 *	     b   c              a   b
 *
 * The in-order sequence a x b y c is unchanged, so the tree stays
 * sorted; only b changes parent. Colours are the caller's business.
 */
static void rotate(struct rb_node *x, int dir, struct rb_root *root)
{
	struct rb_node *y = *child(x, !dir);
	struct rb_node *b = *child(y, dir);
	struct rb_node *parent = rb_parent(x);

	*child(x, !dir) = b;
	if (b)
		set_parent(b, x);
	*child(y, dir) = x;
	replace_child(x, y, parent, root);
	set_parent(y, parent);
	set_parent(x, y);
}

/*
 * rb_insert_color - rebalance after rb_link_node() hung @node, red.
 *
 * A red node changes no black height (rule 3 holds); the only possible
 * breakage is rule 2, when the parent p is red too. Then p is not the
 * root, so the grandparent G exists and is black. Drawn for p on G's
 * left; u is the uncle:
 *
 * Case 1, uncle red: recolour. G's black height is unchanged, but G is
 * now red and may clash with its own parent: go up two levels.
 *
 *	      G                 g
 *	     / \               / \
 *	    p   u     ==>     P   U
 *	   /                 /
 *	  n                 n
 *
 * Case 2, uncle black, n an inner grandchild: rotate at p, turning it
 * into case 3 with the roles of n and p swapped.
 *
 *	      G                 G
 *	     / \               / \
 *	    p   U     ==>     n   U
 *	     \               /
 *	      n             p
 *
 * Case 3, uncle black, n an outer grandchild: rotate at G and swap the
 * colours of p and G. The subtree's top is black again: done.
 *
 *	      G                 P
 *	     / \               / \
 *	    p   U     ==>     n   g
 *	   /                       \
 *	  n                         U
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent, *gparent, *uncle;
	int dir;

	while ((parent = rb_parent(node)) && rb_is_red(parent)) {
		gparent = rb_parent(parent);
		dir = side(parent, gparent);
		uncle = *child(gparent, !dir);
		if (is_red(uncle)) {				/* case 1 */
			set_color(parent, RB_BLACK);
			set_color(uncle, RB_BLACK);
			set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (node == *child(parent, !dir)) {		/* case 2 */
			rotate(parent, dir, root);
			parent = node;
		}
		rotate(gparent, !dir, root);			/* case 3 */
		set_color(parent, RB_BLACK);
		set_color(gparent, RB_RED);
		break;
	}
	set_color(root->rb_node, RB_BLACK);		/* rule 1 */
}

/*
 * Removing a black node leaves the paths through its place one black
 * short. @x (possibly a NULL leaf) under @parent now roots such a
 * subtree. If x is red, painting it black settles everything. Otherwise
 * look at x's sibling s, which exists because the other side has black
 * height at least 1. Drawn for x on the left:
 *
 * Case 1, s red (so p is black): rotate at p. x gets a black sibling
 * (s's old child) and a red parent; go on with cases 2-4.
 *
 *	    P                   S
 *	   / \                 / \
 *	  X   s       ==>     p   D
 *	     / \             / \
 *	    C   D           X   C
 *
 * Case 2, s black with two black children: paint s red. Now both of p's
 * sides are short, so the shortfall moves up to p (if p is red,
 * painting it black ends it).
 *
 *	   (p)                 (p)  <- new x
 *	   / \                 / \
 *	  X   S       ==>     X   s
 *	     / \                 / \
 *	    C   D               C   D
 *
 * Case 3, s black, near child c red, far child D black: rotate at s so
 * the red node is the far child: case 4.
 *
 *	   (p)                 (p)
 *	   / \                 / \
 *	  X   S       ==>     X   C
 *	     / \                   \
 *	    c   D                   s
 *	                             \
 *	                              D
 *
 * Case 4, s black, far child d red: rotate at p; s takes p's colour, p
 * and d turn black. x's side gained a black node (p), s's side kept its
 * count (d): done.
 *
 *	   (p)                 (s)
 *	   / \                 / \
 *	  X   S       ==>     P   D
 *	     / \             / \
 *	   (c)  d           X  (c)
 */
static void erase_fixup(struct rb_node *x, struct rb_node *parent,
			struct rb_root *root)
{
	struct rb_node *s;
	int dir;

	while (x != root->rb_node && !is_red(x)) {
		/* x may be NULL; then the sibling is the non-NULL child. */
		dir = parent->rb_left == x ? LEFT : RIGHT;
		s = *child(parent, !dir);
		if (rb_is_red(s)) {				/* case 1 */
			set_color(s, RB_BLACK);
			set_color(parent, RB_RED);
			rotate(parent, dir, root);
			s = *child(parent, !dir);
		}
		if (!is_red(s->rb_left) && !is_red(s->rb_right)) { /* case 2 */
			set_color(s, RB_RED);
			x = parent;
			parent = rb_parent(x);
			continue;
		}
		if (!is_red(*child(s, !dir))) {			/* case 3 */
			set_color(*child(s, dir), RB_BLACK);
			set_color(s, RB_RED);
			rotate(s, !dir, root);
			s = *child(parent, !dir);
		}
		set_color(s, rb_color(parent));			/* case 4 */
		set_color(parent, RB_BLACK);
		set_color(*child(s, !dir), RB_BLACK);
		rotate(parent, dir, root);
		x = root->rb_node;
		break;
	}
	if (x)
		set_color(x, RB_BLACK);
}

/*
 * Remove @node, which has two children, by moving its in-order
 * successor (leftmost node of its right subtree, which has no left
 * child) into its place, with its colour. What really disappears from
 * the tree's shape is the successor's old position: report the child
 * that took it, that child's parent, and the colour that left.
 */
static unsigned long erase_two_children(struct rb_node *node,
					struct rb_root *root,
					struct rb_node **childp,
					struct rb_node **parentp)
{
	struct rb_node *succ = node->rb_right, *x, *parent;
	unsigned long color;

	while (succ->rb_left)
		succ = succ->rb_left;
	x = succ->rb_right;
	color = rb_color(succ);
	if (rb_parent(succ) == node) {
		parent = succ;	/* succ moves up one, keeping x below it */
	} else {
		parent = rb_parent(succ);
		parent->rb_left = x;
		if (x)
			set_parent(x, parent);
		succ->rb_right = node->rb_right;
		set_parent(node->rb_right, succ);
	}
	succ->rb_left = node->rb_left;
	set_parent(node->rb_left, succ);
	replace_child(node, succ, rb_parent(node), root);
	succ->__rb_parent_color = node->__rb_parent_color;
	*childp = x;
	*parentp = parent;
	return color;
}

/*
 * rb_erase - unlink @node from @root and rebalance. Removing a red node
 * breaks no rule; removing a black one needs erase_fixup().
 */
void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *x, *parent;
	unsigned long color;

	if (node->rb_left && node->rb_right) {
		color = erase_two_children(node, root, &x, &parent);
	} else {
		x = node->rb_left ? node->rb_left : node->rb_right;
		parent = rb_parent(node);
		color = rb_color(node);
		replace_child(node, x, parent, root);
		if (x)
			set_parent(x, parent);
	}
	if (color == RB_BLACK)
		erase_fixup(x, parent, root);
}

void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	replace_child(victim, new, rb_parent(victim), root);
	if (victim->rb_left)
		set_parent(victim->rb_left, new);
	if (victim->rb_right)
		set_parent(victim->rb_right, new);
	*new = *victim;
}

/* ---- in-order navigation ----------------------------------------- */

/* The node at the far @dir end of the subtree under @n. */
static struct rb_node *extreme(struct rb_node *n, int dir)
{
	if (n)
		while (*child(n, dir))
			n = *child(n, dir);
	return n;
}

/*
 * The in-order neighbour of @node in direction @dir (RIGHT: next).
 * Either the nearest node of the subtree on that side, or else the
 * first ancestor we reach from its other side.
 */
static struct rb_node *step(const struct rb_node *node, int dir)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (*child((struct rb_node *)node, dir))
		return extreme(*child((struct rb_node *)node, dir), !dir);
	while ((parent = rb_parent(node)) && node == *child(parent, dir))
		node = parent;
	return parent;
}

struct rb_node *rb_first(const struct rb_root *root)
{
	return extreme(root->rb_node, LEFT);
}

struct rb_node *rb_last(const struct rb_root *root)
{
	return extreme(root->rb_node, RIGHT);
}

struct rb_node *rb_next(const struct rb_node *node)
{
	return step(node, RIGHT);
}

struct rb_node *rb_prev(const struct rb_node *node)
{
	return step(node, LEFT);
}
