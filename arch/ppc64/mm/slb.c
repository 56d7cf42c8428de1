// SPDX-License-Identifier: MIT
/*
 * slb.c: the segment lookaside buffer, the first step of translation.
 *
 * Interface (<asm/mmu-hash.h>): slb_init_kernel, slb_flush_user,
 * do_segment_fault (the 0x380/0x480 interrupts, from traps.c).
 *
 * An SLB entry maps one effective segment (ESID) to a virtual segment
 * (VSID). POWER8 has 32 entries and no hardware walker: a miss raises a
 * segment interrupt (0x380 data, 0x480 instruction) for the OS to fill.
 *
 * The kernel uses one 1 TiB segment, EA 0xc000000000000000 to
 * 0xc00000ffffffffff, bolted in entry 0 at boot. It covers the image
 * and the whole direct map for any RAM size up to 1 TiB, so the kernel
 * never takes a segment miss on its own memory. With 256 MiB segments a
 * 1 GiB direct map alone would need 4 entries, and 8 GiB more than the
 * SLB holds. (POWER7 and later support 1 TiB segments; the device tree
 * says so in ibm,processor-segment-sizes.)
 *
 * The vmalloc area (VMALLOC_START, 0xd000...) is a second 1 TiB kernel
 * segment, bolted in entry 1 (SLB_VMALLOC_ENTRY) the same way. slbia
 * spares only entry 0, so slb_flush_user() writes entry 1 back in the
 * same asm block, with no memory access in between: nothing can touch
 * a vmalloc address while it is gone.
 *
 * User space uses 256 MiB segments in entries 2-31, loaded on demand:
 * a miss below TASK_SIZE while this CPU has a user mm loaded (paca) gets
 * that mm's VSID for the segment (mm/pgtable.c), in the next slot round
 * robin. switch_mm empties them all with slbia, which leaves entry 0.
 * In kernel mode a user segment is loaded for any address below
 * TASK_SIZE, which is what copy_to_user and friends need; a stray
 * kernel pointer into user space then fails in the page fault instead.
 * A miss below TASK_SIZE with no mm loaded goes to the page fault code
 * too, as if the page were missing: a uaccess gets its fixup there,
 * anything else an oops. Any other miss is a bad address: a signal for
 * a user, die() in kernel mode.
 *
 *	slbmte RS, RB
 *	  RB = ESID | V | slot
 *	  RS = B (segment size) | VSID | Ks Kp N L LP
 * Kernel segment: Ks=0, Kp=1, so with PP=00 a page is read/write for
 * the kernel and invisible to users. User segments: Ks=Kp=1 (see
 * PP_RW_USER in <asm/mmu-hash.h>).
 */
#include <anvil/kernel.h>
#include <asm/mmu-hash.h>
#include <asm/page.h>
#include <asm/paca.h>
#include <asm/pgtable.h>
#include <asm/ptrace.h>
#include <asm/tlbflush.h>

#define ESID_MASK_1T 0xffffff0000000000UL
#define ESID_MASK_256M 0xfffffffff0000000UL
#define SLB_NUM_ENTRIES 32	/* POWER8 */
#define SLB_FIRST_USER 2	/* entries 0 and 1 are the kernel's */

/* The RS (VSID) half of a kernel 1 TiB segment's SLB entry. */
static unsigned long kernel_slb_vsid(unsigned long ea)
{
	return ((unsigned long)MMU_SEGSIZE_1T << SLB_VSID_B_SHIFT) |
	       (KERNEL_VSID(ea) << SLB_VSID_SHIFT_1T) | SLB_VSID_KP;
}

static unsigned long vmalloc_slb_esid(void)
{
	return (VMALLOC_START & ESID_MASK_1T) | SLB_ESID_V | SLB_VMALLOC_ENTRY;
}

void slb_init_kernel(void)
{
	unsigned long rb = (PAGE_OFFSET & ESID_MASK_1T) | SLB_ESID_V | 0;
	unsigned long rs = kernel_slb_vsid(PAGE_OFFSET);

	/* slbia clears every entry but 0; slbmte then overwrites 0 and 1. */
	__asm__ __volatile__("slbia\n\t"
			     "slbmte %0,%1\n\t"
			     "slbmte %2,%3\n\t"
			     "isync"
			     : : "r"(rs), "r"(rb),
			       "r"(kernel_slb_vsid(VMALLOC_START)),
			       "r"(vmalloc_slb_esid())
			     : "memory");
	get_paca()->slb_next = SLB_FIRST_USER;
}

/*
 * Forget every user segment on this CPU. Entry 0 survives slbia; the
 * vmalloc entry is written back before any load or store can need it.
 */
void slb_flush_user(void)
{
	__asm__ __volatile__("isync\n\t"
			     "slbia\n\t"
			     "slbmte %0,%1\n\t"
			     "isync"
			     : : "r"(kernel_slb_vsid(VMALLOC_START)),
			       "r"(vmalloc_slb_esid())
			     : "memory");
}

/*
 * Load the segment of user address @ea for the context in @paca into
 * the next round-robin slot. The entry it replaces is slbie'd first, so
 * no translation of the old segment lingers in the ERAT.
 */
static void slb_insert_user(struct paca_struct *paca, unsigned long ea)
{
	unsigned long slot = paca->slb_next, old;
	unsigned long rb = (ea & ESID_MASK_256M) | SLB_ESID_V | slot;
	unsigned long rs = (user_vsid(paca->user_context, ea) << SLB_VSID_SHIFT) |
			   SLB_VSID_USER;

	__asm__ __volatile__("slbmfee %0,%1" : "=r"(old) : "r"(slot));
	if (old & SLB_ESID_V)
		__asm__ __volatile__("slbie %0" : : "r"(old & ESID_MASK_256M)
				     : "memory");
	__asm__ __volatile__("slbmte %0,%1\n\tisync" : : "r"(rs), "r"(rb)
			     : "memory");
	paca->slb_next = slot + 1 == SLB_NUM_ENTRIES ? SLB_FIRST_USER :
						       (u32)slot + 1;
	hash_stat_inc(slb_user_miss);
}

static void __noreturn bad_segment(struct pt_regs *regs, unsigned long ea)
{
	pr_emerg("Unable to handle kernel %s at %016lx: no segment (SLB miss)\n",
		 regs->trap == 0x480 ? "instruction fetch" : "data access",
		 ea);
	die("page fault (no segment)", regs, ea);
	panic("segment fault at %lx", ea);
}

/*
 * do_segment_fault - an SLB miss at @ea (0x380: DAR, 0x480: NIP).
 * Interrupts are off. Returns to retry the access once the segment is
 * loaded; a bad address from user mode, or a user address with no mm
 * loaded, goes to the page fault code (a signal, a uaccess fixup, or an
 * oops); any other kernel miss is die().
 */
void do_segment_fault(struct pt_regs *regs, unsigned long ea)
{
	struct paca_struct *paca = get_paca();

	if (ea >= VMALLOC_START && ea < VMALLOC_END && !user_mode(regs)) {
		/* Bolted, so this should not happen; but it is cheap. */
		__asm__ __volatile__("slbmte %0,%1\n\tisync"
				     : : "r"(kernel_slb_vsid(VMALLOC_START)),
				       "r"(vmalloc_slb_esid())
				     : "memory");
		return;
	}
	if (ea < TASK_SIZE && paca->user_context) {
		slb_insert_user(paca, ea);
		return;
	}
	if (user_mode(regs) || ea < TASK_SIZE) {
		do_page_fault(regs, ea, DSISR_NOHPTE);
		return;
	}
	bad_segment(regs, ea);
}
