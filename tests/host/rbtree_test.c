// SPDX-License-Identifier: MIT
/*
 * tests/host/rbtree_test.c: lib/rbtree.c (the real source) on the host
 * under ASan/UBSan, against a sorted shadow array.
 *
 * After every insert and erase, check_tree() walks the whole tree and
 * checks the red-black rules (black root, no red node with a red child,
 * one black height for every path), the parent pointers, the height
 * bound, that rb_first/rb_next and rb_last/rb_prev walk the same keys in
 * order, and that those keys are exactly the shadow array.
 *
 * The random tests print their seed first; replay with
 * ANVIL_SEED=<seed> build/rbtree_test/rbtree_test, and make them longer
 * with ANVIL_STEPS=<n>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <anvil/kernel.h>
#include <anvil/rbtree.h>

/* ---- TAP and randomness (this test links no other harness) ------- */

static int nr_test, nr_fail;
static const char *failure;	/* first problem in the running test */

static void ok(bool cond, const char *name)
{
	nr_test++;
	nr_fail += !cond;
	printf("%sok %d - %s\n", cond ? "" : "not ", nr_test, name);
	if (!cond && failure)
		printf("# %s\n", failure);
	failure = NULL;
	fflush(stdout);
}

static u64 rng;

static void seed_init(int argc, char **argv)
{
	const char *env = getenv("ANVIL_SEED");
	u64 seed = argc > 1 ? strtoull(argv[1], NULL, 0) :
		   env	    ? strtoull(env, NULL, 0) :
			      (u64)time(NULL) ^ ((u64)clock() << 20);

	printf("# seed %llu (replay: ANVIL_SEED=%llu %s)\n",
	       (unsigned long long)seed, (unsigned long long)seed, argv[0]);
	rng = seed ? seed : 0x9e3779b97f4a7c15ULL;
}

static unsigned long rand_below(unsigned long n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (rng * 0x2545f4914f6cdd1dULL) % n;
}

static unsigned long steps(unsigned long dflt)
{
	const char *env = getenv("ANVIL_STEPS");

	return env ? strtoul(env, NULL, 0) : dflt;
}

/* ---- the tree under test and its shadow ---------------------------- */

#define MAX_KEYS 8192

struct tnode {
	struct rb_node rb;
	long key;
	bool linked;
};

static struct tnode pool[MAX_KEYS];	/* pool[k] has key k */
static struct rb_root root;
static long shadow[MAX_KEYS];		/* the keys in the tree, sorted */
static int nr_shadow;

static void reset(void)
{
	root = RB_ROOT;
	nr_shadow = 0;
	for (int k = 0; k < MAX_KEYS; k++) {
		pool[k].key = k;
		pool[k].linked = false;
	}
}

static long key_of(const struct rb_node *n)
{
	return rb_entry(n, struct tnode, rb)->key;
}

/* The usual caller-side search and link, as <anvil/rbtree.h> shows. */
static void tree_insert(struct tnode *t)
{
	struct rb_node **link = &root.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = t->key < key_of(parent) ? &parent->rb_left :
						  &parent->rb_right;
	}
	rb_link_node(&t->rb, parent, link);
	rb_insert_color(&t->rb, &root);
	t->linked = true;
}

static int shadow_find(long key)
{
	int lo = 0, hi = nr_shadow;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (shadow[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void insert_key(long key)
{
	int i = shadow_find(key);

	memmove(&shadow[i + 1], &shadow[i], (nr_shadow - i) * sizeof(long));
	shadow[i] = key;
	nr_shadow++;
	tree_insert(&pool[key]);
}

static void erase_key(long key)
{
	int i = shadow_find(key);

	memmove(&shadow[i], &shadow[i + 1], (nr_shadow - i - 1) * sizeof(long));
	nr_shadow--;
	rb_erase(&pool[key].rb, &root);
	pool[key].linked = false;
}

static void toggle_key(long key)
{
	if (pool[key].linked)
		erase_key(key);
	else
		insert_key(key);
}

/* ---- the checker --------------------------------------------------- */

#define FAIL(...)                                                           \
	do {                                                                \
		static char __buf[200];                                     \
		snprintf(__buf, sizeof(__buf), __VA_ARGS__);                \
		failure = __buf;                                            \
		return -1;                                                  \
	} while (0)

/*
 * Check the subtree under @n (whose parent must be @parent); return its
 * black height, or -1 with `failure` set. @count and @depth accumulate.
 */
static int check_subtree(const struct rb_node *n, const struct rb_node *parent,
			 int depth, int *count, int *max_depth)
{
	int lh, rh;

	if (!n)
		return 1;
	if (rb_parent(n) != parent)
		FAIL("key %ld: wrong parent pointer", key_of(n));
	if (rb_is_red(n) && parent && rb_is_red(parent))
		FAIL("red key %ld under red key %ld", key_of(n), key_of(parent));
	if (n->rb_left && key_of(n->rb_left) >= key_of(n))
		FAIL("left child %ld >= %ld", key_of(n->rb_left), key_of(n));
	if (n->rb_right && key_of(n->rb_right) <= key_of(n))
		FAIL("right child %ld <= %ld", key_of(n->rb_right), key_of(n));
	(*count)++;
	if (depth > *max_depth)
		*max_depth = depth;
	lh = check_subtree(n->rb_left, n, depth + 1, count, max_depth);
	if (lh < 0)
		return -1;
	rh = check_subtree(n->rb_right, n, depth + 1, count, max_depth);
	if (rh < 0)
		return -1;
	if (lh != rh)
		FAIL("key %ld: black heights %d and %d", key_of(n), lh, rh);
	return lh + rb_is_black(n);
}

/* Walk both ways with the public iterators, comparing with the shadow. */
static int check_order(void)
{
	const struct rb_node *n;
	int i = 0;

	for (n = rb_first(&root); n; n = rb_next(n), i++)
		if (i >= nr_shadow || key_of(n) != shadow[i])
			FAIL("rb_next walk: position %d is %ld", i, key_of(n));
	if (i != nr_shadow)
		FAIL("rb_next walk saw %d keys, shadow has %d", i, nr_shadow);
	for (n = rb_last(&root); n; n = rb_prev(n))
		if (--i < 0 || key_of(n) != shadow[i])
			FAIL("rb_prev walk: position %d is %ld", i, key_of(n));
	if (i != 0)
		FAIL("rb_prev walk stopped %d short", i);
	return 0;
}

/* 0 if the tree is a valid red-black tree holding the shadow's keys. */
static int check_tree(void)
{
	int count = 0, max_depth = 0;

	if (root.rb_node && !rb_is_black(root.rb_node))
		FAIL("red root");
	if (check_subtree(root.rb_node, NULL, 1, &count, &max_depth) < 0)
		return -1;
	if (count != nr_shadow)
		FAIL("%d nodes, shadow has %d", count, nr_shadow);
	/* height <= 2 log2(n + 1), i.e. 2^height <= (n + 1)^2 */
	if ((1ULL << max_depth) > (u64)(count + 1) * (count + 1))
		FAIL("height %d for %d nodes", max_depth, count);
	return check_order();
}

/* ---- tests --------------------------------------------------------- */

static void test_empty(void)
{
	reset();
	ok(!rb_first(&root) && !rb_last(&root) && RB_EMPTY_ROOT(&root) &&
		   check_tree() == 0,
	   "empty tree: no first, no last, valid");
}

/* Sorted input is the worst case for an unbalanced tree. */
static void test_sequential(bool up)
{
	bool good = true;
	int n = 4095;

	reset();
	for (int i = 0; i < n && good; i++)
		insert_key(up ? i : n - 1 - i);
	good = good && check_tree() == 0;
	for (int i = 0; i < n && good; i++) {
		erase_key(key_of(root.rb_node)); /* always the root */
		good = check_tree() == 0;
	}
	ok(good && !root.rb_node, up ? "ascending inserts, root erasures" :
				      "descending inserts, root erasures");
}

static void test_random_inserts_then_erases(void)
{
	bool good = true;
	int n = 3000;

	reset();
	while (nr_shadow < n && good) {
		long k = rand_below(MAX_KEYS);

		if (!pool[k].linked) {
			insert_key(k);
			good = check_tree() == 0;
		}
	}
	while (nr_shadow && good) {
		erase_key(shadow[rand_below(nr_shadow)]);
		good = check_tree() == 0;
	}
	ok(good, "3000 random inserts, then random erasures, checked each");
}

static void test_random_mix(void)
{
	unsigned long n = steps(20000);
	bool good = true;

	reset();
	for (unsigned long i = 0; i < n && good; i++) {
		/* Drift between near-empty and ~1500 keys. */
		long space = (i / 2000) % 2 ? 256 : 3000;

		toggle_key(rand_below(space));
		good = check_tree() == 0;
	}
	ok(good, "random insert/erase mix, checked after each step");
}

static void test_replace_node(void)
{
	struct tnode spare = { .key = 500 };
	bool good;

	reset();
	for (int i = 0; i < 1000; i++)
		insert_key(i);
	rb_replace_node(&pool[500].rb, &spare.rb, &root);
	/* check_tree reads keys through the nodes: spare has key 500 too. */
	good = check_tree() == 0;
	good = good && rb_next(&pool[499].rb) == &spare.rb &&
	       rb_prev(&pool[501].rb) == &spare.rb;
	ok(good, "rb_replace_node keeps shape, colour and order");
}

int main(int argc, char **argv)
{
	seed_init(argc, argv);
	test_empty();
	test_sequential(true);
	test_sequential(false);
	test_random_inserts_then_erases();
	test_random_mix();
	test_replace_node();
	printf("1..%d\n", nr_test);
	return nr_fail ? 1 : 0;
}
