// SPDX-License-Identifier: MIT
/*
 * hash_native.c: the hashed page table (HPT), one entry (HPTE) at a time.
 *
 * Interface (<asm/mmu-hash.h>): hpt_vpn, hash_insert_page,
 * hash_insert_page_evict, hash_find_page, hash_invalidate_page,
 * hash_slot, hash_slot_matches, hash_update_page, hash_invalidate_slots,
 * hash_read_slot, hash_table_set. The table itself is allocated in
 * hash_utils.c; what goes in it for user pages is decided in
 * hash_user.c and tlb_hash.c.
 *
 * Where a page can live: the VA's hash picks a primary group (PTEG) of 8
 * slots; if it is full, the secondary group (~hash) may hold it, marked
 * with H. The hardware searches both, so a lookup must too.
 *
 *	VA = VSID : page : offset       (vpn = VA >> 12, "virtual page number")
 *	hash (256 MiB segment) = VSID ^ page
 *	hash (1 TiB segment)   = VSID ^ (VSID << 25) ^ page
 *	group = HTABORG + (hash & (nr_groups - 1)) * 128
 *
 *	HPTE dword 0 (v): B | AVPN = VA >> 23 | SW bits | H | V
 *	HPTE dword 1 (r): real page number | R C W I M G N | PP
 *
 * A slot number plus the VA identify an HPTE exactly: the group gives
 * the low bits of the page (through the hash), the AVPN the rest. That is
 * why a Linux PTE need only remember "secondary or not, index 0-7"
 * (hash_slot), and why hash_slot_matches() can tell whether what sits in
 * that slot now is still our page.
 *
 * The rule that shapes this file: never two valid HPTEs for one VA. The
 * hardware's behaviour is undefined then (QEMU quietly uses the first),
 * so hash_insert_page() refuses to add a page that is already there.
 *
 * Order matters when an entry changes, because the MMU reads the table
 * concurrently: insert writes r, then (eieio) v with V set; invalidate
 * clears V first, then tlbie drops any cached copy, then tlbsync and
 * ptesync wait until every CPU has let go of it.
 *
 * Locking: every change to the table (and the free-slot search before an
 * insert) holds hpt_lock with interrupts off. One lock for the table is
 * Linux's oldest scheme and plenty for anvil; it is a bare arch lock
 * because it is taken inside the DSI handler, and nothing under it can
 * fault (the table is in the bolted direct map). Lookups don't lock.
 */
#include <anvil/compiler.h>
#include <anvil/irqflags.h>
#include <anvil/spinlock.h>
#include <asm/mmu-hash.h>
#include <asm/page.h>
#include <asm/timex.h>
#include <asm/tlbflush.h>

#define HPTE_V_AVPN 0x3fffffffffffff80UL
#define HPTE_V_COMPARE (HPTE_V_AVPN | (3UL << HPTE_V_SSIZE_SHIFT) | \
			HPTE_V_SECONDARY | HPTE_V_VALID)
#define HASH_MASK 0x7fffffffffUL /* the hash is 39 bits */

static struct hash_pte *htab;
static unsigned long htab_hash_mask; /* nr_groups - 1 */
static arch_spinlock_t hpt_lock;

void hash_table_set(struct hash_pte *table, unsigned long nr_groups)
{
	htab = table;
	htab_hash_mask = nr_groups - 1;
}

static unsigned long hpt_lock_irqsave(void)
{
	unsigned long flags = arch_local_irq_save();

	arch_spin_lock(&hpt_lock);
	return flags;
}

static void hpt_unlock_irqrestore(unsigned long flags)
{
	arch_spin_unlock(&hpt_lock);
	arch_local_irq_restore(flags);
}

static int segment_shift(int ssize)
{
	return ssize == MMU_SEGSIZE_1T ? SID_SHIFT_1T : SID_SHIFT;
}

/* The virtual page number of @ea in the segment with VSID @vsid. */
unsigned long hpt_vpn(unsigned long ea, unsigned long vsid, int ssize)
{
	int shift = segment_shift(ssize);
	unsigned long offset = ea & ((1UL << shift) - 1);

	return (vsid << (shift - PAGE_SHIFT)) | (offset >> PAGE_SHIFT);
}

static unsigned long hpt_hash(unsigned long vpn, int ssize)
{
	int bits = segment_shift(ssize) - PAGE_SHIFT; /* page bits */
	unsigned long vsid = vpn >> bits;
	unsigned long page = vpn & ((1UL << bits) - 1);

	if (ssize == MMU_SEGSIZE_1T)
		return (vsid ^ (vsid << 25) ^ page) & HASH_MASK;
	return (vsid ^ page) & HASH_MASK;
}

/* Dword 0 without flags: segment size and AVPN (VA bits 23 and up). */
static unsigned long hpte_encode_v(unsigned long vpn, int ssize)
{
	return (((vpn >> (23 - PAGE_SHIFT)) << HPTE_V_AVPN_SHIFT) &
		HPTE_V_AVPN) | ((unsigned long)ssize << HPTE_V_SSIZE_SHIFT);
}

/* Slot number of the first entry of the group @hash selects. */
static unsigned long hpte_group(unsigned long hash)
{
	return (hash & htab_hash_mask) * HPTES_PER_GROUP;
}

/* The slot a Linux PTE recorded: which group, which entry in it. */
unsigned long hash_slot(unsigned long vpn, int ssize, bool secondary,
			unsigned int index)
{
	unsigned long hash = hpt_hash(vpn, ssize);

	return hpte_group(secondary ? ~hash : hash) + (index & 7);
}

/*
 * Does @slot hold the valid HPTE of @vpn? The H bit it must carry
 * follows from the group the slot is in.
 */
bool hash_slot_matches(unsigned long slot, unsigned long vpn, int ssize)
{
	unsigned long hash = hpt_hash(vpn, ssize);
	unsigned long group = slot & ~(HPTES_PER_GROUP - 1UL);
	unsigned long want = hpte_encode_v(vpn, ssize) | HPTE_V_VALID;

	if (group == hpte_group(~hash))
		want |= HPTE_V_SECONDARY;
	else if (group != hpte_group(hash))
		return false;
	return ((READ_ONCE(htab[slot].v) ^ want) & HPTE_V_COMPARE) == 0;
}

/* A copy of the entry at @slot (tests, debugging). */
struct hash_pte hash_read_slot(unsigned long slot)
{
	struct hash_pte e = { READ_ONCE(htab[slot].v), READ_ONCE(htab[slot].r) };

	return e;
}

/*
 * hash_find_page - where the valid HPTE for @vpn is.
 * Returns its slot (an index into the table), or -1 if there is none.
 */
long hash_find_page(unsigned long vpn, int ssize)
{
	unsigned long hash = hpt_hash(vpn, ssize);
	unsigned long want = hpte_encode_v(vpn, ssize) | HPTE_V_VALID;
	unsigned long group, i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		group = hpte_group(pass ? ~hash : hash);
		for (i = 0; i < HPTES_PER_GROUP; i++) {
			unsigned long v = READ_ONCE(htab[group + i].v);

			if (((v ^ want) & HPTE_V_COMPARE) == 0)
				return (long)(group + i);
		}
		want |= HPTE_V_SECONDARY;
	}
	return -1;
}

/* Put (@v, @r) in a free slot of the group at @group; -1 if full. */
static long hpte_insert_group(unsigned long group, unsigned long v,
			      unsigned long r)
{
	struct hash_pte *p = &htab[group];
	unsigned long i;

	for (i = 0; i < HPTES_PER_GROUP; i++, p++) {
		if (READ_ONCE(p->v) & HPTE_V_VALID)
			continue;
		WRITE_ONCE(p->r, r);
		__asm__ __volatile__("eieio" : : : "memory");
		WRITE_ONCE(p->v, v);
		__asm__ __volatile__("ptesync" : : : "memory");
		return (long)(group + i);
	}
	return -1;
}

/* Drop every CPU's cached translation of @vpn (a 4 KiB page). */
static void tlbie(unsigned long vpn, int ssize)
{
	unsigned long rb = ((vpn << PAGE_SHIFT) & 0x0000fffffffff000UL) |
			   ((unsigned long)ssize << 8);

	__asm__ __volatile__("ptesync\n\t"
			     "tlbie %0,%1\n\t"
			     "eieio\n\t"
			     "tlbsync\n\t"
			     "ptesync"
			     : : "r"(rb), "r"(0UL) : "memory");
}

/*
 * Make room in the primary group of @hash by evicting one entry that is
 * not bolted, starting at a pseudo-random place (the timebase), as
 * Linux does. The PTE that recorded it keeps a stale slot; every user
 * of a recorded slot checks it first (hash_slot_matches). hpt_lock held.
 */
static bool hpte_evict(unsigned long hash, int ssize)
{
	unsigned long group = hpte_group(hash);
	unsigned long start = get_cycles(), i;

	for (i = 0; i < HPTES_PER_GROUP; i++) {
		unsigned long slot = group + ((start + i) & 7);
		unsigned long v = READ_ONCE(htab[slot].v);
		unsigned long bits = segment_shift(ssize) - PAGE_SHIFT;
		unsigned long vpn;

		if (!(v & HPTE_V_VALID) || (v & HPTE_V_BOLTED))
			continue;
		/* Rebuild enough of its vpn for tlbie: AVPN + the hash. */
		vpn = ((v & HPTE_V_AVPN) >> HPTE_V_AVPN_SHIFT) << 11;
		vpn |= ((slot / HPTES_PER_GROUP) ^
			((v & HPTE_V_SECONDARY) ? ~0UL : 0) ^
			(vpn >> bits)) & 0x7ff;
		WRITE_ONCE(htab[slot].v, 0);
		tlbie(vpn, (int)(v >> HPTE_V_SSIZE_SHIFT));
		hash_stat_inc(hpte_evict);
		return true;
	}
	return false;
}

static long __hash_insert(unsigned long vpn, phys_addr_t pa,
			  unsigned long rflags, unsigned long vflags,
			  int ssize, bool evict)
{
	unsigned long hash = hpt_hash(vpn, ssize);
	unsigned long v = hpte_encode_v(vpn, ssize) | vflags | HPTE_V_VALID;
	unsigned long r = (pa & HPTE_R_RPN) | rflags;
	long slot;

	if (hash_find_page(vpn, ssize) >= 0)
		return HPTE_DUPLICATE;
	for (;;) {
		slot = hpte_insert_group(hpte_group(hash), v, r);
		if (slot >= 0)
			return slot;
		slot = hpte_insert_group(hpte_group(~hash),
					 v | HPTE_V_SECONDARY, r);
		if (slot >= 0)
			return slot;
		if (!evict || !hpte_evict(hash, ssize))
			return HPTE_GROUPS_FULL;
	}
}

/*
 * hash_insert_page - map virtual page @vpn to real address @pa.
 * @rflags: dword-1 bits (WIMG, PP, ...); @vflags: dword-0 software bits
 * (HPTE_V_BOLTED). Returns the slot, HPTE_DUPLICATE if the page is
 * already mapped, or HPTE_GROUPS_FULL. Takes hpt_lock; any context.
 */
long hash_insert_page(unsigned long vpn, phys_addr_t pa, unsigned long rflags,
		      unsigned long vflags, int ssize)
{
	unsigned long flags = hpt_lock_irqsave();
	long slot = __hash_insert(vpn, pa, rflags, vflags, ssize, false);

	hpt_unlock_irqrestore(flags);
	return slot;
}

/*
 * The same for a user page: when both groups are full, evict a
 * non-bolted entry of the primary group instead of failing. Returns the
 * slot or HPTE_DUPLICATE (or HPTE_GROUPS_FULL if all 16 are bolted).
 */
long hash_insert_page_evict(unsigned long vpn, phys_addr_t pa,
			    unsigned long rflags, int ssize)
{
	unsigned long flags = hpt_lock_irqsave();
	long slot = __hash_insert(vpn, pa, rflags, 0, ssize, true);

	hpt_unlock_irqrestore(flags);
	return slot;
}

/*
 * hash_insert_page_bolted - a kernel page outside the linear map (the
 * vmalloc area): bolted, so nothing ever evicts it and no kernel access
 * to it can miss, and evicting a user entry to make room if both groups
 * are full. Returns the slot, HPTE_DUPLICATE, or HPTE_GROUPS_FULL if all
 * 16 entries are bolted already.
 */
long hash_insert_page_bolted(unsigned long vpn, phys_addr_t pa,
			     unsigned long rflags, int ssize)
{
	unsigned long flags = hpt_lock_irqsave();
	long slot = __hash_insert(vpn, pa, rflags, HPTE_V_BOLTED, ssize, true);

	hpt_unlock_irqrestore(flags);
	return slot;
}

/*
 * hash_remove_page - remove @vpn's HPTE wherever it is, and every CPU's
 * cached translation of it: the tlbie goes out even if no entry was
 * found, since a TLB may hold one evicted earlier. tlbie is broadcast
 * and tlbsync waits for every CPU, so when this returns no CPU can use
 * the old translation. Returns whether an entry was found.
 */
bool hash_remove_page(unsigned long vpn, int ssize)
{
	unsigned long flags = hpt_lock_irqsave();
	long slot = hash_find_page(vpn, ssize);

	if (slot >= 0)
		WRITE_ONCE(htab[slot].v, 0);
	tlbie(vpn, ssize);
	hpt_unlock_irqrestore(flags);
	return slot >= 0;
}

/* hash_invalidate_page - remove the HPTE at @slot, which maps @vpn. */
void hash_invalidate_page(unsigned long slot, unsigned long vpn, int ssize)
{
	unsigned long flags = hpt_lock_irqsave();

	WRITE_ONCE(htab[slot].v, 0);
	tlbie(vpn, ssize);
	hpt_unlock_irqrestore(flags);
}

/*
 * hash_update_page - make the HPTE at @slot map @pa with @rflags (PP, N,
 * R, C, WIMG) if it is still @vpn's. Returns false if it is not (evicted
 * or invalidated since the PTE recorded it): then the caller inserts a
 * fresh one. The old translation may be cached in a TLB, so the change
 * ends with a tlbie (Linux's updatepp). Dword 1 is one store, so the MMU
 * sees either the old entry or the new one.
 */
bool hash_update_page(unsigned long slot, unsigned long vpn, int ssize,
		      phys_addr_t pa, unsigned long rflags)
{
	unsigned long flags = hpt_lock_irqsave();
	bool ok = hash_slot_matches(slot, vpn, ssize);

	if (ok) {
		WRITE_ONCE(htab[slot].r, (pa & HPTE_R_RPN) | rflags);
		tlbie(vpn, ssize);
	}
	hpt_unlock_irqrestore(flags);
	return ok;
}

/*
 * hash_invalidate_slots - remove up to @n HPTEs at once: each slot whose
 * entry still belongs to its vpn is cleared, then one ptesync, a tlbie
 * per page (whether or not its entry was still there: a TLB may hold
 * the translation of an entry evicted earlier), and one
 * eieio/tlbsync/ptesync for the lot. That single tlbsync is the point
 * of batching. Returns how many entries were found and cleared.
 */
unsigned int hash_invalidate_slots(const struct hash_inval *inv,
				   unsigned int n, int ssize)
{
	unsigned long flags = hpt_lock_irqsave();
	unsigned int i, cleared = 0;

	for (i = 0; i < n; i++) {
		if (!hash_slot_matches(inv[i].slot, inv[i].vpn, ssize))
			continue;
		WRITE_ONCE(htab[inv[i].slot].v, 0);
		cleared++;
	}
	__asm__ __volatile__("ptesync" : : : "memory");
	for (i = 0; i < n; i++) {
		unsigned long rb = ((inv[i].vpn << PAGE_SHIFT) &
				    0x0000fffffffff000UL) |
				   ((unsigned long)ssize << 8);

		__asm__ __volatile__("tlbie %0,%1" : : "r"(rb), "r"(0UL)
				     : "memory");
	}
	__asm__ __volatile__("eieio\n\ttlbsync\n\tptesync" : : : "memory");
	hpt_unlock_irqrestore(flags);
	return cleared;
}
