// SPDX-License-Identifier: MIT
/*
 * kernel/locking/lockdep.c: the lock-order checker (interface and rules in
 * <anvil/lockdep.h>).
 *
 * State:
 *	lock_classes[]	one per struct lock_class_key seen
 *	lock_edges[]	"B was taken while A was held", with both sites;
 *			each class keeps a singly linked list of its edges
 *	a held-lock stack per context (lockdep_current())
 *
 * Adding the edge A -> B first searches breadth-first from B for A. If
 * B already reaches A, the new edge would close a cycle: two paths take
 * the same locks in opposite orders, and could deadlock. The search runs
 * only when an edge is new, so steady-state locking costs a scan of the
 * held stack and of A's edge list.
 *
 * The checker's own tables are guarded by graph_lock(): interrupts off
 * on this CPU (a raw spinlock joins it when other CPUs run). It never
 * sleeps and never allocates: tables are static, and when one fills up the
 * checker says so once and stops checking rather than guess.
 */
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/lockdep.h>

#define MAX_LOCK_CLASSES 512
#define MAX_LOCK_EDGES 4096

struct lock_class {
	struct lock_class_key *key;
	unsigned int subclass;	/* spin_lock_nested(): a class of its own */
	const char *name;
	int edges; /* index of the first edge out of this class, or -1 */
};

struct lock_edge {
	u16 from, to;
	int next;		 /* next edge out of "from", or -1 */
	unsigned long from_ip;	 /* where "from" was taken */
	unsigned long to_ip;	 /* where "to" was taken while holding it */
};

static struct lock_class lock_classes[MAX_LOCK_CLASSES];
static unsigned int nr_lock_classes;
static struct lock_edge lock_edges[MAX_LOCK_EDGES];
static unsigned int nr_lock_edges;
static bool lockdep_off; /* a table overflowed: stop checking */

/*
 * Inversions already reported, as (held << 16 | wanted) class pairs: the
 * edge that would close a cycle is never recorded (the graph stays a DAG),
 * so without this the same inversion would be reported on every pass.
 */
#define MAX_REPORTED 256
static u32 reported_pairs[MAX_REPORTED];
static unsigned int nr_reported;

unsigned long lockdep_reports;

static struct lockdep_context boot_context;

/* The scheduler supplies the per-task stack; until then, the boot one. */
__weak struct lockdep_context *lockdep_current(void)
{
	return &boot_context;
}

/*
 * Interrupts off for this CPU, and a bare test-and-set lock for the others
 * (not a spinlock_t, which would call back into lockdep; not an arch lock,
 * so the host tests build this file alone).
 */
static int graph_lock_word;

static unsigned long graph_lock(void)
{
	unsigned long flags;

	local_irq_save(flags);
	while (__atomic_exchange_n(&graph_lock_word, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&graph_lock_word, __ATOMIC_RELAXED))
			;
	return flags;
}

static void graph_unlock(unsigned long flags)
{
	__atomic_store_n(&graph_lock_word, 0, __ATOMIC_RELEASE);
	local_irq_restore(flags);
}

static void lockdep_disable(const char *why)
{
	if (!lockdep_off)
		pr_warn("lockdep: %s; lock checking is now off\n", why);
	lockdep_off = true;
}

/*
 * The class of @map at @subclass. Subclass 0 is the lock's own class
 * (cached in the map); a nested subclass (taking a second lock of one
 * class in a fixed order, like fork's two page-table locks) is a class of
 * its own, so the order between the two is checked like any other.
 */
static struct lock_class *find_class(struct lockdep_map *map,
				     unsigned int subclass)
{
	struct lock_class *c;

	if (subclass == 0 && map->class)
		return map->class;
	for (unsigned int i = 0; i < nr_lock_classes; i++)
		if (lock_classes[i].key == map->key &&
		    lock_classes[i].subclass == subclass) {
			c = &lock_classes[i];
			goto found;
		}
	if (nr_lock_classes == MAX_LOCK_CLASSES) {
		lockdep_disable("too many lock classes");
		return NULL;
	}
	c = &lock_classes[nr_lock_classes++];
	c->key = map->key;
	c->subclass = subclass;
	c->name = map->name;
	c->edges = -1;
found:
	if (subclass == 0)
		map->class = c;
	return c;
}

void lockdep_init_map(struct lockdep_map *map, const char *name,
		      struct lock_class_key *key)
{
	map->name = name;
	map->key = key;
	map->class = NULL;
}

static u16 class_idx(const struct lock_class *c)
{
	return (u16)(c - lock_classes);
}

static struct lock_edge *find_edge(struct lock_class *a, struct lock_class *b)
{
	for (int e = a->edges; e >= 0; e = lock_edges[e].next)
		if (lock_edges[e].to == class_idx(b))
			return &lock_edges[e];
	return NULL;
}

/*
 * Breadth-first search from @from for @target over the recorded edges.
 * On success, fills via[] with the edge that reached each class on the
 * way, so the caller can print the path. Returns true if reachable.
 */
static bool class_reaches(struct lock_class *from, struct lock_class *target,
			  int *via)
{
	static u16 queue[MAX_LOCK_CLASSES];
	static bool seen[MAX_LOCK_CLASSES];
	unsigned int head = 0, tail = 0;

	for (unsigned int i = 0; i < nr_lock_classes; i++) {
		seen[i] = false;
		via[i] = -1;
	}
	queue[tail++] = class_idx(from);
	seen[class_idx(from)] = true;
	while (head < tail) {
		struct lock_class *c = &lock_classes[queue[head++]];

		if (c == target)
			return true;
		for (int e = c->edges; e >= 0; e = lock_edges[e].next) {
			u16 to = lock_edges[e].to;

			if (!seen[to]) {
				seen[to] = true;
				via[to] = e;
				queue[tail++] = to;
			}
		}
	}
	return false;
}

static void print_cycle(struct held_lock *held, struct lock_class *next,
			unsigned long ip, int *via)
{
	struct lock_class *prev = held->class;

	pr_warn("======================================================\n");
	pr_warn("WARNING: possible circular locking dependency detected\n");
	pr_warn("trying to acquire (%s) at %pS\n", next->name, (void *)ip);
	pr_warn("while holding (%s), taken at %pS\n", prev->name,
		(void *)held->acquire_ip);
	pr_warn("but the opposite order was seen before:\n");
	/* Walk back from prev to next along the BFS tree. */
	for (u16 c = class_idx(prev); c != class_idx(next);) {
		struct lock_edge *e = &lock_edges[via[c]];

		pr_warn("  (%s) taken at %pS\n", lock_classes[e->to].name,
			(void *)e->to_ip);
		pr_warn("    while holding (%s), taken at %pS\n",
			lock_classes[e->from].name, (void *)e->from_ip);
		c = e->from;
	}
	pr_warn("deadlock if these run at the same time.\n");
	dump_stack();
	pr_warn("======================================================\n");
}

static bool already_reported(struct lock_class *prev, struct lock_class *next)
{
	u32 pair = (u32)class_idx(prev) << 16 | class_idx(next);

	for (unsigned int i = 0; i < nr_reported; i++)
		if (reported_pairs[i] == pair)
			return true;
	if (nr_reported < MAX_REPORTED)
		reported_pairs[nr_reported++] = pair;
	return false;
}

/* Record prev -> next, unless it exists; report a cycle it would close. */
static void add_edge(struct held_lock *held, struct lock_class *next,
		     unsigned long ip)
{
	static int via[MAX_LOCK_CLASSES];
	struct lock_class *prev = held->class;
	struct lock_edge *e;

	if (find_edge(prev, next))
		return;
	if (class_reaches(next, prev, via)) {
		if (already_reported(prev, next))
			return;
		lockdep_reports++;
		print_cycle(held, next, ip, via);
		return; /* don't record it: the graph stays acyclic */
	}
	if (nr_lock_edges == MAX_LOCK_EDGES) {
		lockdep_disable("too many lock dependencies");
		return;
	}
	e = &lock_edges[nr_lock_edges];
	e->from = class_idx(prev);
	e->to = class_idx(next);
	e->from_ip = held->acquire_ip;
	e->to_ip = ip;
	e->next = prev->edges;
	prev->edges = (int)nr_lock_edges++;
}

static struct held_lock *find_held(struct lockdep_context *ctx,
				   const struct lockdep_map *map,
				   const struct lock_class *class)
{
	for (unsigned int i = ctx->depth; i-- > 0;) {
		struct held_lock *h = &ctx->held[i];

		if (map ? h->instance == map : h->class == class)
			return h;
	}
	return NULL;
}

static void report_recursive(struct held_lock *h, struct lockdep_map *map,
			     unsigned long ip)
{
	lockdep_reports++;
	pr_warn("======================================================\n");
	pr_warn("WARNING: possible recursive locking detected\n");
	pr_warn("trying to acquire (%s) at %pS\n", map->name, (void *)ip);
	pr_warn("but already holding a lock of the same class, taken at %pS\n",
		(void *)h->acquire_ip);
	pr_warn("(taking many locks of one class needs a nest lock)\n");
	dump_stack();
	pr_warn("======================================================\n");
}

static void __lock_acquire(struct lockdep_map *map, unsigned int subclass,
			   struct lockdep_map *nest_lock, unsigned long ip)
{
	struct lockdep_context *ctx = lockdep_current();
	struct lock_class *class;
	struct held_lock *same;
	unsigned long flags;

	if (lockdep_off)
		return;
	flags = graph_lock();
	class = find_class(map, subclass);
	if (!class)
		goto out;
	same = find_held(ctx, NULL, class);
	if (same) {
		if (nest_lock && same->nest_lock == nest_lock &&
		    find_held(ctx, nest_lock, NULL)) {
			same->count++; /* serialized by the nest lock */
			goto out;
		}
		report_recursive(same, map, ip);
	}
	/* The new lock comes after every lock held: one edge from each. */
	for (unsigned int i = 0; i < ctx->depth; i++)
		if (ctx->held[i].class != class)
			add_edge(&ctx->held[i], class, ip);
	if (ctx->depth == MAX_LOCK_DEPTH) {
		lockdep_disable("too many locks held at once");
		goto out;
	}
	ctx->held[ctx->depth++] = (struct held_lock){
		.class = class, .instance = map, .acquire_ip = ip,
		.count = 1, .nest_lock = nest_lock,
	};
out:
	graph_unlock(flags);
}

void lock_acquire(struct lockdep_map *map, struct lockdep_map *nest_lock,
		  unsigned long ip)
{
	__lock_acquire(map, 0, nest_lock, ip);
}

void lock_acquire_nested(struct lockdep_map *map, unsigned int subclass,
			 unsigned long ip)
{
	__lock_acquire(map, subclass, NULL, ip);
}

void lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct lockdep_context *ctx = lockdep_current();
	struct held_lock *h;
	unsigned long flags;

	if (lockdep_off)
		return;
	flags = graph_lock();
	h = find_held(ctx, map, NULL);
	/*
	 * Locks nested under a nest lock share one entry, recorded under
	 * whichever instance came first; they may be released in any order,
	 * so any instance of the class releases one count of the group.
	 */
	if (!h && map->class) {
		h = find_held(ctx, NULL, map->class);
		if (h && !h->nest_lock)
			h = NULL;
	}
	if (!h) {
		lockdep_reports++;
		pr_warn("WARNING: bad unlock balance: releasing (%s) at %pS, not held\n",
			map->name, (void *)ip);
		dump_stack();
	} else if (--h->count == 0) {
		/* Locks may be released out of order: close the gap. */
		unsigned int i = h - ctx->held;

		for (; i + 1 < ctx->depth; i++)
			ctx->held[i] = ctx->held[i + 1];
		ctx->depth--;
	}
	graph_unlock(flags);
}

bool lock_is_held(const struct lockdep_map *map)
{
	struct lockdep_context *ctx = lockdep_current();
	struct held_lock *h;

	if (lockdep_off)
		return true; /* can't tell: don't raise false alarms */

	if (find_held(ctx, map, NULL))
		return true;
	/* One of a nested group: the group's entry stands for it. */
	h = map->class ? find_held(ctx, NULL, map->class) : NULL;
	return h && h->nest_lock;
}

void lockdep_print_held_locks(void)
{
	struct lockdep_context *ctx = lockdep_current();

	printk("%u lock%s held:\n", ctx->depth, ctx->depth == 1 ? "" : "s");
	for (unsigned int i = 0; i < ctx->depth; i++)
		printk(" #%u: (%s)%s taken at %pS\n", i,
		       ctx->held[i].class->name,
		       ctx->held[i].count > 1 ? " (nested)" : "",
		       (void *)ctx->held[i].acquire_ip);
}
