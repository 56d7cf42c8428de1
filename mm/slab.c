// SPDX-License-Identifier: MIT
/*
 * mm/slab.c: the slab allocator, small objects from whole pages.
 *
 * Each kmem_cache serves objects of one size. A slab is a block of
 * 2^order pages from the buddy allocator, cut into equal slots; its
 * bookkeeping lives in the head page's struct page (slab_cache,
 * freelist, inuse, objects), as in Linux's SLUB, so the slab itself is
 * all objects. Free objects are chained through a free pointer stored
 * in each one. A cache keeps its slabs on three lists:
 *
 *	slabs_partial	some objects free: allocate from these first
 *	slabs_full	no object free
 *	slabs_free	every object free: kept for reuse (up to
 *			SLAB_KEEP_FREE), released by kmem_cache_shrink()
 *			or by the slab shrinker under memory pressure
 *
 * A slot, debug build (SLAB_RED_ZONE | SLAB_POISON, the default there):
 *
 *	| red zone | object (object_size)  | red zone | free ptr | pad |
 *	 ^red_left  ^ what the user gets     to the next word + 8 bytes
 *
 * Red zones read 0xbb while the object is free and 0xcc while it is
 * allocated; a free object's bytes read 0x6b, the last one 0xa5. The
 * pattern is checked when the object is handed out (a write after free
 * shows up) and the red zones when it comes back (an overflow shows up).
 * Without debugging a slot is just the object, the free pointer in its
 * first word. docs/mm-allocators.md has the full picture.
 *
 * kmalloc() uses power-of-two caches kmalloc-8 .. kmalloc-4096; larger
 * sizes go to the page allocator as compound pages.
 *
 * Locking: a cache's lists and counters ([S]) change only under its
 * spinlock, s->lock, taken with interrupts off (kfree may run in an
 * interrupt handler). New slabs are allocated outside it, because a
 * reclaiming allocation may call back into the slab shrinker, which takes
 * s->lock. slab_caches_lock guards the list of caches. Order:
 * slab_caches_lock -> s->lock -> zone_lock.
 */
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/slab.h>
#include <anvil/spinlock.h>
#include <anvil/string.h>

#include "internal.h"

#define SLAB_DEBUG_FLAGS (SLAB_RED_ZONE | SLAB_POISON)
/* Past this order, accept any waste rather than make slabs bigger. */
#define SLAB_MAX_ORDER 3
/* Empty slabs a cache keeps before giving them back on free. */
#define SLAB_KEEP_FREE 2
#define KMALLOC_NR_CACHES 10 /* 8 << 0 .. 8 << 9 = 4096 */

LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);
unsigned long slab_corruption_reports;

/* The cache of caches, and kmalloc's: static, so they exist at boot. */
static struct kmem_cache kmem_cache_cache;
static struct kmem_cache kmalloc_caches[KMALLOC_NR_CACHES];
static const char *const kmalloc_names[KMALLOC_NR_CACHES] = {
	"kmalloc-8",   "kmalloc-16",  "kmalloc-32",   "kmalloc-64",
	"kmalloc-128", "kmalloc-256", "kmalloc-512",  "kmalloc-1024",
	"kmalloc-2048", "kmalloc-4096",
};

/* ---- slot layout -------------------------------------------------- */

static void *get_freepointer(const struct kmem_cache *s, void *obj)
{
	return *(void **)((char *)obj + s->free_offset);
}

static void set_freepointer(const struct kmem_cache *s, void *obj, void *fp)
{
	*(void **)((char *)obj + s->free_offset) = fp;
}

/* Bytes of the right red zone: up to the next word, plus one word. */
static unsigned int red_right_size(const struct kmem_cache *s)
{
	return ALIGN(s->object_size, sizeof(void *)) + sizeof(void *) -
	       s->object_size;
}

static void *slab_base(struct page *page)
{
	return page_address(page);
}

static void *slab_object(const struct kmem_cache *s, struct page *page,
			 unsigned int idx)
{
	return (char *)slab_base(page) + idx * s->size + s->red_left;
}

/* Pick the slab order: the smallest that wastes at most 1/8. */
static bool calculate_order(struct kmem_cache *s)
{
	for (unsigned int order = 0; order <= MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;

		if (bytes < s->size)
			continue;
		if ((bytes % s->size) * 8 <= bytes || order >= SLAB_MAX_ORDER) {
			s->order = order;
			s->objects = bytes / s->size;
			return true;
		}
	}
	return false;
}

/*
 * Lay out a slot (see the picture at the top). The free pointer goes
 * after the object when the object's bytes must survive while it is
 * free: poison fills them, and a constructed object keeps its state.
 */
static bool calculate_sizes(struct kmem_cache *s)
{
	unsigned int offset;

	s->red_left = (s->flags & SLAB_RED_ZONE) ? s->align : 0;
	offset = s->red_left + ALIGN(s->object_size, sizeof(void *));
	if (s->flags & SLAB_RED_ZONE)
		offset += sizeof(void *);
	if ((s->flags & (SLAB_DEBUG_FLAGS | SLAB_TYPESAFE)) || s->ctor) {
		s->free_offset = offset - s->red_left;
		offset += sizeof(void *);
	} else {
		s->free_offset = 0;
	}
	s->size = ALIGN(offset, s->align);
	return calculate_order(s);
}

/* ---- debug: poison, red zones, reports ---------------------------- */

/*
 * Report slab corruption: one headline naming the cache and object,
 * a backtrace, and a count tests can check. Never stops the kernel.
 */
static __printf(3, 4) void slab_err(const struct kmem_cache *s,
				    const void *obj, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (s)
		pr_err("BUG: slab %s: object %p: %s\n", s->name, obj, msg);
	else
		pr_err("BUG: kfree: object %p: %s\n", obj, msg);
	dump_stack();
	slab_corruption_reports++;
}

/* Fill a free (@active false) or allocated object's red zones/poison. */
static void init_object(const struct kmem_cache *s, void *obj, bool active)
{
	u8 *p = obj;

	if (s->flags & SLAB_RED_ZONE) {
		u8 red = active ? SLAB_RED_ACTIVE : SLAB_RED_INACTIVE;

		memset(p - s->red_left, red, s->red_left);
		memset(p + s->object_size, red, red_right_size(s));
	}
	if ((s->flags & SLAB_POISON) && !active) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

/*
 * Check that [start, start + len) all reads @val. If not, report the
 * first bad byte by its offset from the object and rewrite the range,
 * so one corruption is reported once.
 */
static bool check_bytes(const struct kmem_cache *s, u8 *obj, const char *what,
			u8 *start, u8 val, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++) {
		if (start[i] == val)
			continue;
		slab_err(s, obj, "%s: byte at offset %ld is 0x%02x, "
			 "expected 0x%02x", what, (long)(start + i - obj),
			 start[i], val);
		memset(start, val, len);
		return false;
	}
	return true;
}

/* Check a free (@active false) or allocated object's debug bytes. */
static bool check_object(const struct kmem_cache *s, void *obj, bool active)
{
	u8 *p = obj, red = active ? SLAB_RED_ACTIVE : SLAB_RED_INACTIVE;
	bool ok = true;

	if (s->flags & SLAB_RED_ZONE) {
		ok &= check_bytes(s, p, "left red zone overwritten",
				  p - s->red_left, red, s->red_left);
		ok &= check_bytes(s, p, "right red zone overwritten",
				  p + s->object_size, red, red_right_size(s));
	}
	if ((s->flags & SLAB_POISON) && !active) {
		ok &= check_bytes(s, p, "poison overwritten (write after free)",
				  p, POISON_FREE, s->object_size - 1);
		ok &= check_bytes(s, p, "poison overwritten (write after free)",
				  p + s->object_size - 1, POISON_END, 1);
	}
	return ok;
}

/*
 * Is @obj on its slab's free list? Walks at most page->objects links,
 * and stops (reporting it) at a link that leaves the slab: a write after
 * free can hit the free pointer of a cache without poisoning.
 */
static bool on_freelist(const struct kmem_cache *s, struct page *page,
			void *obj)
{
	char *base = slab_base(page);
	char *fp = page->freelist;

	for (unsigned int n = 0; fp && n < page->objects; n++) {
		if (fp == obj)
			return true;
		if (fp < base || fp >= base + page->objects * s->size) {
			slab_err(s, obj, "free list corrupted: link %p", fp);
			return false;
		}
		fp = get_freepointer(s, fp);
	}
	return false;
}

/*
 * Is @obj something kmem_cache_free(@s) may take? Reports a pointer
 * that is not a slab object, belongs to another cache, points inside
 * an object, or is already free. Then (debug) checks its red zones.
 */
static bool free_checks(struct kmem_cache *s, struct page *page, void *obj)
{
	unsigned long off;

	if (!PageSlab(page)) {
		slab_err(s, obj, "freed pointer is not a slab object");
		return false;
	}
	if (page->slab_cache != s) {
		slab_err(s, obj, "object belongs to cache %s",
			 page->slab_cache->name);
		return false;
	}
	off = (unsigned long)((char *)obj - (char *)slab_base(page));
	if (off < s->red_left || (off - s->red_left) % s->size ||
	    (off - s->red_left) / s->size >= page->objects) {
		slab_err(s, obj, "freed pointer is not the start of an object");
		return false;
	}
	if (MM_DEBUG && on_freelist(s, page, obj)) {
		slab_err(s, obj, "double free");
		return false;
	}
	if (s->flags & SLAB_DEBUG_FLAGS)
		check_object(s, obj, true);
	return true;
}

/* ---- slabs -------------------------------------------------------- */

/*
 * Get a new slab from the buddy allocator and chain all its objects
 * into its free list, lowest address first. Interrupts on: a
 * reclaiming @gfp may call the shrinkers. NULL when out of memory.
 */
static struct page *allocate_slab(struct kmem_cache *s, gfp_t gfp)
{
	gfp_t page_gfp = (gfp & ~__GFP_ZERO) | (s->order ? __GFP_COMP : 0);
	struct page *page = alloc_pages(page_gfp, s->order);
	void *next = NULL;

	if (!page)
		return NULL;
	for (unsigned int i = s->objects; i-- > 0;) {
		void *obj = slab_object(s, page, i);

		init_object(s, obj, false);
		if (s->ctor)
			s->ctor(obj);
		set_freepointer(s, obj, next);
		next = obj;
	}
	SetPageSlab(page);
	page->slab_cache = s;
	page->freelist = next;
	page->inuse = 0;
	page->objects = s->objects;
	return page;
}

/* Give an empty slab, already off the cache's lists, back to the buddy. */
static void discard_slab(struct kmem_cache *s, struct page *page)
{
	ClearPageSlab(page);
	page->slab_cache = NULL;
	page->freelist = NULL;
	page->inuse = 0;
	page->objects = 0;
	__free_pages(page, s->order);
}

/* Take an object from a partial or an empty slab; NULL if none. [S] */
static void *__slab_alloc(struct kmem_cache *s)
{
	struct page *page;
	void *obj;

	if (!list_empty(&s->slabs_partial))
		page = list_first_entry(&s->slabs_partial, struct page, lru);
	else if (!list_empty(&s->slabs_free))
		page = list_first_entry(&s->slabs_free, struct page, lru);
	else
		return NULL;
	if (page->inuse == 0)
		s->nr_free_slabs--;
	obj = page->freelist;
	page->freelist = get_freepointer(s, obj);
	page->inuse++;
	s->nr_inuse++;
	list_move(&page->lru, page->inuse == page->objects ? &s->slabs_full :
							     &s->slabs_partial);
	return obj;
}

/*
 * Put @obj back on its slab's free list (LIFO: it is the next one
 * handed out from that slab). A slab that becomes empty moves to
 * slabs_free, or goes back to the buddy if enough are cached. [S]
 */
static void __slab_free(struct kmem_cache *s, struct page *page, void *obj)
{
	set_freepointer(s, obj, page->freelist);
	page->freelist = obj;
	page->inuse--;
	s->nr_inuse--;
	if (page->inuse) {
		list_move(&page->lru, &s->slabs_partial);
		return;
	}
	if (s->nr_free_slabs >= SLAB_KEEP_FREE && !(s->flags & SLAB_TYPESAFE)) {
		list_del(&page->lru);
		s->nr_slabs--;
		discard_slab(s, page);
		return;
	}
	list_move(&page->lru, &s->slabs_free);
	s->nr_free_slabs++;
}

/* Debug checks and __GFP_ZERO for an object just taken from a slab. */
static void *slab_post_alloc(struct kmem_cache *s, void *obj, gfp_t gfp)
{
	if (s->flags & SLAB_DEBUG_FLAGS) {
		check_object(s, obj, false);
		init_object(s, obj, true);
	}
	if (gfp & __GFP_ZERO)
		memset(obj, 0, s->object_size);
	return obj;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long flags;
	struct page *page;
	void *obj;

	spin_lock_irqsave(&s->lock, flags);
	obj = __slab_alloc(s);
	spin_unlock_irqrestore(&s->lock, flags);
	if (obj)
		return slab_post_alloc(s, obj, gfp);

	page = allocate_slab(s, gfp);
	if (!page)
		return NULL;
	spin_lock_irqsave(&s->lock, flags);
	list_add(&page->lru, &s->slabs_free);
	s->nr_slabs++;
	s->nr_free_slabs++;
	obj = __slab_alloc(s);
	spin_unlock_irqrestore(&s->lock, flags);
	return slab_post_alloc(s, obj, gfp);
}

void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

/* The slab page holding @obj, or NULL (reported) if it is not RAM. */
static struct page *obj_to_page(struct kmem_cache *s, const void *obj)
{
	if (!pfn_valid(__pa(obj) >> PAGE_SHIFT)) {
		slab_err(s, obj, "freed pointer is outside RAM");
		return NULL;
	}
	return virt_to_head_page(obj);
}

void kmem_cache_free(struct kmem_cache *s, void *obj)
{
	unsigned long flags;
	struct page *page;

	if (!obj)
		return;
	page = obj_to_page(s, obj);
	if (!page || !free_checks(s, page, obj))
		return;
	if (s->flags & SLAB_DEBUG_FLAGS)
		init_object(s, obj, false);
	spin_lock_irqsave(&s->lock, flags);
	__slab_free(s, page, obj);
	spin_unlock_irqrestore(&s->lock, flags);
}

/* ---- caches ------------------------------------------------------- */

unsigned long kmem_cache_shrink(struct kmem_cache *s)
{
	unsigned long flags, pages = 0;
	struct page *page, *next;

	if (s->flags & SLAB_TYPESAFE)
		return 0;	/* its memory must stay its objects' */
	spin_lock_irqsave(&s->lock, flags);
	list_for_each_entry_safe(page, next, &s->slabs_free, lru) {
		list_del(&page->lru);
		s->nr_slabs--;
		s->nr_free_slabs--;
		discard_slab(s, page);
		pages += 1UL << s->order;
	}
	spin_unlock_irqrestore(&s->lock, flags);
	return pages;
}

/* Fill in a cache; false if the size or alignment cannot be served. */
static bool kmem_cache_setup(struct kmem_cache *s, const char *name,
			     size_t size, size_t align, unsigned long flags,
			     void (*ctor)(void *))
{
	if (!size || size > (PAGE_SIZE << MAX_ORDER) / 2)
		return false;
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (size_t)SLAB_CACHE_LINE);
	align = max(align, sizeof(void *));
	while (align & (align - 1))
		align += align & -align;	/* round up to a power of 2 */
	if (MM_DEBUG && !(flags & SLAB_NO_DEBUG))
		flags |= SLAB_DEBUG_FLAGS;
	if (ctor || (flags & SLAB_TYPESAFE))
		flags &= ~SLAB_POISON;	/* poison would undo the ctor, or
					 * the fields a stale reader checks */

	s->name = name;
	s->object_size = size;
	s->align = align;
	s->flags = flags;
	s->ctor = ctor;
	spin_lock_init(&s->lock);
	INIT_LIST_HEAD(&s->slabs_partial);
	INIT_LIST_HEAD(&s->slabs_full);
	INIT_LIST_HEAD(&s->slabs_free);
	s->nr_slabs = s->nr_free_slabs = s->nr_inuse = 0;
	if (!calculate_sizes(s))
		return false;
	spin_lock(&slab_caches_lock);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock(&slab_caches_lock);
	return true;
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align, unsigned long flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = kmem_cache_zalloc(&kmem_cache_cache, GFP_KERNEL);

	if (s && !kmem_cache_setup(s, name, size, align, flags, ctor)) {
		kmem_cache_free(&kmem_cache_cache, s);
		s = NULL;
	}
	if (!s && (flags & SLAB_PANIC))
		panic("kmem_cache_create: cannot make cache %s (size %lu, "
		      "align %lu)", name, (unsigned long)size,
		      (unsigned long)align);
	return s;
}

static bool is_static_cache(const struct kmem_cache *s)
{
	return s == &kmem_cache_cache ||
	       (s >= kmalloc_caches && s < kmalloc_caches + KMALLOC_NR_CACHES);
}

/*
 * Objects still allocated are a bug in the cache's user: report them,
 * and leave their slabs (and the cache) allocated rather than free
 * memory someone still points at.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	if (WARN_ON(is_static_cache(s)))
		return;
	kmem_cache_shrink(s);
	if (s->nr_inuse) {
		slab_err(s, NULL, "destroying cache with %lu objects in use",
			 s->nr_inuse);
		return;
	}
	spin_lock(&slab_caches_lock);
	list_del(&s->list);
	spin_unlock(&slab_caches_lock);
	kmem_cache_free(&kmem_cache_cache, s);
}

/* The slab shrinker: every cache's empty slabs, when memory is short. */
static unsigned long slab_shrink_count(struct shrinker *sh)
{
	struct kmem_cache *s;
	unsigned long pages = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		pages += READ_ONCE(s->nr_free_slabs) << s->order;
	spin_unlock(&slab_caches_lock);
	return pages;
}

static unsigned long slab_shrink_scan(struct shrinker *sh, unsigned long nr)
{
	struct kmem_cache *s;
	unsigned long freed = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		if (freed >= nr)
			break;
		freed += kmem_cache_shrink(s);
	}
	spin_unlock(&slab_caches_lock);
	return freed;
}

unsigned long slab_total_pages(void)
{
	struct kmem_cache *s;
	unsigned long pages = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		pages += READ_ONCE(s->nr_slabs) << s->order;
	spin_unlock(&slab_caches_lock);
	return pages;
}

static struct shrinker slab_shrinker = {
	.name = "slab",
	.count_objects = slab_shrink_count,
	.scan_objects = slab_shrink_scan,
};

/* ---- kmalloc ------------------------------------------------------ */

static struct kmem_cache *kmalloc_slab(size_t size)
{
	unsigned int idx = 0;

	while ((size_t)KMALLOC_MIN_SIZE << idx < size)
		idx++;
	return &kmalloc_caches[idx];
}

void *kmalloc(size_t size, gfp_t gfp)
{
	struct page *page;

	if (!size)
		return ZERO_SIZE_PTR;
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		return kmem_cache_alloc(kmalloc_slab(size), gfp);
	page = alloc_pages(gfp | __GFP_COMP, get_order(size));
	return page ? page_address(page) : NULL;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/*
 * A large kmalloc() is the head of a compound block, at its start;
 * anything else that is not a slab object was never kmalloc()'d.
 */
static bool is_large_kmalloc(struct page *page, const void *obj)
{
	return PageHead(page) && page_address(page) == obj;
}

void kfree(const void *obj)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj))
		return;
	page = obj_to_page(NULL, obj);
	if (!page)
		return;
	if (PageSlab(page))
		kmem_cache_free(page->slab_cache, (void *)obj);
	else if (is_large_kmalloc(page, obj))
		__free_pages(page, compound_order(page));
	else
		slab_err(NULL, obj, "kfree() of memory kmalloc() never gave");
}

size_t ksize(const void *obj)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj) || !pfn_valid(__pa(obj) >> PAGE_SHIFT))
		return 0;
	page = virt_to_head_page(obj);
	if (PageSlab(page))
		return page->slab_cache->object_size;
	if (is_large_kmalloc(page, obj))
		return PAGE_SIZE << compound_order(page);
	return 0;
}

/*
 * Boot: the static caches first (the cache of caches, then kmalloc's,
 * aligned to their size up to a cache line), then the shrinker.
 */
void kmem_cache_init(void)
{
	if (!kmem_cache_setup(&kmem_cache_cache, "kmem_cache",
			      sizeof(struct kmem_cache), 0, 0, NULL))
		panic("kmem_cache_init: cannot set up kmem_cache");
	for (unsigned int i = 0; i < KMALLOC_NR_CACHES; i++) {
		size_t size = (size_t)KMALLOC_MIN_SIZE << i;

		if (!kmem_cache_setup(&kmalloc_caches[i], kmalloc_names[i],
				      size, min(size, (size_t)SLAB_CACHE_LINE),
				      0, NULL))
			panic("kmem_cache_init: cannot set up %s",
			      kmalloc_names[i]);
	}
	register_shrinker(&slab_shrinker);
}
