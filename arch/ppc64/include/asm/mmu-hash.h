/* SPDX-License-Identifier: MIT */
/*
 * The POWER hashed page table (HPT) and segment lookaside buffer (SLB),
 * as anvil uses them. docs/ppc64.md draws the whole translation path.
 *
 *   effective address (EA) --SLB--> virtual address (VA) --HPT--> real
 *
 * The SLB maps a segment (256 MiB or 1 TiB of EA) to a virtual segment
 * id (VSID). VA = VSID:offset-in-segment. The VA is hashed to pick a
 * group (PTEG) of 8 HPTEs; the entry whose AVPN matches gives the real
 * page. anvil's kernel uses one 1 TiB segment, EA 0xc000000000000000,
 * with VSID = EA >> 40 = 0xc00000, so for the kernel VA = EA.
 *
 * User space uses 256 MiB segments with one VSID per (address space,
 * segment); the VSID scheme is in mm/pgtable.c, the per-CPU segment
 * state in struct paca_struct.
 *
 * Code: mm/hash_native.c (one HPTE: insert, find, update, invalidate),
 * mm/hash_utils.c (the table, the bolted linear map, turning the MMU on),
 * mm/slb.c (segments), mm/fault.c (DSI/ISI), mm/hash_user.c (user
 * pages into the HPT), mm/tlb_hash.c (user pages out of it),
 * mm/pgtable.c (contexts and VSIDs), mm/mmu_context.c (switch_mm).
 */
#ifndef _ASM_PPC64_MMU_HASH_H
#define _ASM_PPC64_MMU_HASH_H

#include <anvil/types.h>

/* Segments */
#define SID_SHIFT 28	   /* 256 MiB */
#define SID_SHIFT_1T 40	   /* 1 TiB */
#define MMU_SEGSIZE_256M 0 /* the "B" field of SLB entries and HPTEs */
#define MMU_SEGSIZE_1T 1

/* slbmte RB (ESID half) and RS (VSID half) */
#define SLB_ESID_V 0x08000000UL
#define SLB_VSID_SHIFT 12
#define SLB_VSID_SHIFT_1T 24
#define SLB_VSID_B_SHIFT 62
#define SLB_VSID_KS 0x800UL /* key used in supervisor state */
#define SLB_VSID_KP 0x400UL /* key used in problem state */
#define SLB_VSID_N 0x200UL  /* no-execute segment */
#define SLB_VSID_L 0x100UL  /* large base page size */

/* HPTE doubleword 0 ("v"): which virtual page, and state */
#define HPTE_V_SSIZE_SHIFT 62
#define HPTE_V_AVPN_SHIFT 7
#define HPTE_V_BOLTED 0x10UL	/* software: never evict */
#define HPTE_V_SECONDARY 0x2UL	/* "H": found via the secondary hash */
#define HPTE_V_VALID 0x1UL

/* HPTE doubleword 1 ("r"): which real page, and how */
#define HPTE_R_RPN 0x0ffffffffffff000UL
#define HPTE_R_R 0x100UL /* referenced */
#define HPTE_R_C 0x080UL /* changed */
#define HPTE_R_W 0x040UL /* write-through */
#define HPTE_R_I 0x020UL /* cache-inhibited */
#define HPTE_R_M 0x010UL /* memory coherence */
#define HPTE_R_G 0x008UL /* guarded */
#define HPTE_R_N 0x004UL /* no-execute */
#define HPTE_R_PP 0x003UL
#define PP_RWXX 0x0UL /* with key 0: kernel read/write, user none */
/*
 * User segments have Ks = Kp = 1, so one PP value means the same to the
 * kernel (copy_to_user) and to the user: 10 read/write, 11 read-only.
 * A kernel write to a read-only user page therefore faults like a user
 * one would, and copy-on-write happens for both.
 */
#define PP_RW_USER 0x2UL
#define PP_RO 0x3UL

/* Kernel memory: coherent (M), and R/C preset so the MMU need not
 * write them back. PP=00 under key 0 is read/write, executable. */
#define HPTE_KERNEL_RFLAGS (HPTE_R_M | HPTE_R_R | HPTE_R_C | PP_RWXX)

#define HPTES_PER_GROUP 8
#define HPT_MIN_SHIFT 18 /* 256 KiB: 2048 groups of 128 bytes */

struct hash_pte {
	u64 v;
	u64 r;
};

/* The kernel's segment: all of the linear map and the kernel image. */
#define KERNEL_SEGSIZE MMU_SEGSIZE_1T
#define KERNEL_VSID(ea) ((unsigned long)(ea) >> SID_SHIFT_1T)

/* User segments: 256 MiB, both keys 1 (see PP_RW_USER). */
#define USER_SEGSIZE MMU_SEGSIZE_256M
#define SLB_VSID_USER (SLB_VSID_KS | SLB_VSID_KP)

/* hash_insert_page() failures */
#define HPTE_DUPLICATE (-1L)	/* the page already has an HPTE: refused */
#define HPTE_GROUPS_FULL (-2L)	/* both groups full (no eviction asked) */

/* One HPTE to invalidate: its page and where it was recorded to be. */
struct hash_inval {
	unsigned long vpn;
	unsigned long slot;
};

/* mm/hash_native.c */
unsigned long hpt_vpn(unsigned long ea, unsigned long vsid, int ssize);
long hash_insert_page(unsigned long vpn, phys_addr_t pa, unsigned long rflags,
		      unsigned long vflags, int ssize);
long hash_insert_page_evict(unsigned long vpn, phys_addr_t pa,
			    unsigned long rflags, int ssize);
long hash_insert_page_bolted(unsigned long vpn, phys_addr_t pa,
			     unsigned long rflags, int ssize);
long hash_find_page(unsigned long vpn, int ssize);
bool hash_remove_page(unsigned long vpn, int ssize);
void hash_invalidate_page(unsigned long slot, unsigned long vpn, int ssize);
unsigned long hash_slot(unsigned long vpn, int ssize, bool secondary,
			unsigned int index);
bool hash_slot_matches(unsigned long slot, unsigned long vpn, int ssize);
bool hash_update_page(unsigned long slot, unsigned long vpn, int ssize,
		      phys_addr_t pa, unsigned long rflags);
unsigned int hash_invalidate_slots(const struct hash_inval *inv,
				   unsigned int n, int ssize);
struct hash_pte hash_read_slot(unsigned long slot);
void hash_table_set(struct hash_pte *table, unsigned long nr_groups);

/* mm/hash_utils.c */
extern unsigned long linear_map_end; /* direct map: [PAGE_OFFSET, this) */
void hash_mmu_init(void);
void hash_mmu_init_secondary(void);
int hash_page_kernel(unsigned long ea);

/*
 * The vmalloc area's segment: one more 1 TiB kernel segment, bolted in
 * SLB entry 1 (slb.c). Its VSID is KERNEL_VSID(VMALLOC_START) = 0xd00000,
 * like the linear map's 0xc00000 a VA above 2^63, clear of every user VA.
 */
#define SLB_VMALLOC_ENTRY 1

/* mm/slb.c */
struct pt_regs;
void slb_init_kernel(void);
void slb_flush_user(void);
void do_segment_fault(struct pt_regs *regs, unsigned long ea);

/* mm/fault.c */
void do_page_fault(struct pt_regs *regs, unsigned long ea, unsigned long why);

/*
 * mm/pgtable.c: user contexts and VSIDs.
 *
 * Each mm gets a context number (1 .. MAX_USER_CONTEXT) for its life.
 * proto-VSID = context << USER_ESID_BITS | ESID, scrambled by
 * multiplying with a prime modulo 2^35 - 1 (Linux's scheme, narrower):
 * a bijection, so no two (context, segment) pairs share a VSID, and
 * neighbouring segments land far apart in the hash. Every user VSID is
 * below 2^35, so every user VA (VSID << 28) is below 2^63, clear of the
 * kernel's VAs (0xc000000000000000 up, 1 TiB segment).
 */
#define USER_ESID_BITS 18	/* TASK_SIZE 2^46 / 2^28 */
#define USER_VSID_BITS 35
#define USER_VSID_MODULUS ((1UL << USER_VSID_BITS) - 1)
#define USER_VSID_MULTIPLIER 12538073UL	/* a prime */
#define USER_CONTEXT_BITS (USER_VSID_BITS - USER_ESID_BITS)
#define MAX_USER_CONTEXT ((1UL << USER_CONTEXT_BITS) - 2)

struct mm_struct;
unsigned long mm_context_id(struct mm_struct *mm);
unsigned long user_vsid(unsigned long context, unsigned long ea);
/* The virtual page number of user address @ea in @mm. */
unsigned long user_vpn(struct mm_struct *mm, unsigned long ea);

#endif /* _ASM_PPC64_MMU_HASH_H */
