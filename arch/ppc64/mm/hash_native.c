// SPDX-License-Identifier: MIT
/*
 * hash_native.c: one hashed page table entry (HPTE) at a time.
 *
 * Interface (<asm/mmu-hash.h>): hpt_vpn, hash_insert_page,
 * hash_find_page, hash_invalidate_page, hash_table_set. The table itself
 * is allocated in hash_utils.c.
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
 * The rule that shapes this file: never two valid HPTEs for one VA. The
 * hardware's behaviour is undefined then (QEMU quietly uses the first),
 * so hash_insert_page() refuses to add a page that is already there.
 *
 * Order matters when an entry changes, because the MMU reads the table
 * concurrently: insert writes r, then (eieio) v with V set; invalidate
 * clears V first, then tlbie drops any cached copy, then tlbsync and
 * ptesync wait until every CPU has let go of it.
 *
 * Locking: none yet, only the boot CPU edits the table. With SMP, each
 * HPTE will be locked through a software bit in v, as Linux does.
 */
#include <anvil/compiler.h>
#include <asm/mmu-hash.h>
#include <asm/page.h>

#define HPTE_V_AVPN 0x3fffffffffffff80UL
#define HPTE_V_COMPARE (HPTE_V_AVPN | (3UL << HPTE_V_SSIZE_SHIFT) | \
			HPTE_V_SECONDARY | HPTE_V_VALID)
#define HASH_MASK 0x7fffffffffUL /* the hash is 39 bits */

static struct hash_pte *htab;
static unsigned long htab_hash_mask; /* nr_groups - 1 */

void hash_table_set(struct hash_pte *table, unsigned long nr_groups)
{
	htab = table;
	htab_hash_mask = nr_groups - 1;
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

/*
 * hash_insert_page - map virtual page @vpn to real address @pa.
 * @rflags: dword-1 bits (WIMG, PP, ...); @vflags: dword-0 software bits
 * (HPTE_V_BOLTED). Returns the slot, or -1 if the page is already mapped
 * (the duplicate rule) or both of its groups are full. The caller must
 * also keep any other CPU from inserting the same page meanwhile.
 */
long hash_insert_page(unsigned long vpn, phys_addr_t pa, unsigned long rflags,
		      unsigned long vflags, int ssize)
{
	unsigned long hash = hpt_hash(vpn, ssize);
	unsigned long v = hpte_encode_v(vpn, ssize) | vflags | HPTE_V_VALID;
	unsigned long r = (pa & HPTE_R_RPN) | rflags;
	long slot;

	if (hash_find_page(vpn, ssize) >= 0)
		return -1;
	slot = hpte_insert_group(hpte_group(hash), v, r);
	if (slot < 0)
		slot = hpte_insert_group(hpte_group(~hash),
					 v | HPTE_V_SECONDARY, r);
	return slot;
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

/* hash_invalidate_page - remove the HPTE at @slot, which maps @vpn. */
void hash_invalidate_page(unsigned long slot, unsigned long vpn, int ssize)
{
	WRITE_ONCE(htab[slot].v, 0);
	tlbie(vpn, ssize);
}
