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
 * Code: mm/hash_native.c (one HPTE: insert, find, invalidate),
 * mm/hash_utils.c (the table, the bolted linear map, turning the MMU on),
 * mm/slb.c (segments), mm/fault.c (DSI/ISI).
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

/* mm/hash_native.c */
unsigned long hpt_vpn(unsigned long ea, unsigned long vsid, int ssize);
long hash_insert_page(unsigned long vpn, phys_addr_t pa, unsigned long rflags,
		      unsigned long vflags, int ssize);
long hash_find_page(unsigned long vpn, int ssize);
void hash_invalidate_page(unsigned long slot, unsigned long vpn, int ssize);
void hash_table_set(struct hash_pte *table, unsigned long nr_groups);

/* mm/hash_utils.c */
extern unsigned long linear_map_end; /* direct map: [PAGE_OFFSET, this) */
void hash_mmu_init(void);
void hash_mmu_init_secondary(void);
int hash_page_kernel(unsigned long ea);

/* mm/slb.c */
void slb_init_kernel(void);

/* mm/fault.c */
struct pt_regs;
void do_page_fault(struct pt_regs *regs, unsigned long ea, unsigned long why);

#endif /* _ASM_PPC64_MMU_HASH_H */
