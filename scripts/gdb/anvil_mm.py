# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_mm.py: address translation and address spaces.
#
#   anvil-pte ADDR        how the MMU translates kernel address ADDR now
#   anvil-pte PID ADDR    ... in that task's address space (needs mm)
#   anvil-vmas PID        the task's VMAs, like /proc/PID/maps (needs mm)
#   anvil-vmas -m MM      ... of any struct mm_struct
#
# Each arch has a PageTableWalker subclass, picked by kernel_arch():
#   x86_64: the 4-level tables from CR3 (<asm/pgtable.h>), each level with
#           its flags, huge pages included;
#   ppc64:  the hashed page table from SDR1 (<asm/mmu-hash.h>,
#           arch/ppc64/mm/hash_native.c): segment, hash, both groups,
#           and the HPTE's slot and flags.
# Tables are read through the kernel's direct map, so this works as long
# as the stopped CPU has its MMU set up the way the kernel left it.
#
# Adding a helper for a new mm structure (anon_vma, i_mmap, ...):
# subclass MmCommand, set NAME, USAGE and REQUIRES (the kernel types it
# reads), and write show(mm, argv). It gets "PID" and "-m MM" parsing,
# the task lookup and the "not in this kernel yet" message for free.

import gdb

from anvil_utils import (AnvilCommand, register, kernel_arch, read_ulong,
                         parse_int, symbolize, find_task, has_field,
                         task_comm)

walkers = {}


def walker(cls):
    """Class decorator: CLS walks page tables on kernel arch CLS.ARCH."""
    walkers[cls.ARCH] = cls
    return cls


def flag_names(value, flags):
    return " ".join(name for bit, name in flags if value & bit) or "-"


class PageTableWalker:
    """One arch's translation. kernel_root() is what the CPU uses for
    kernel addresses now; mm_root(mm) is an address space's root, for
    the PID form; walk() prints each step and returns the physical
    address, or None if ADDR is not mapped."""

    ARCH = None
    PAGE_OFFSET = None

    def phys_read(self, pa):
        """The 64-bit word at physical PA, through the direct map."""
        return read_ulong(self.PAGE_OFFSET + pa)

    def kernel_root(self):
        raise NotImplementedError

    def mm_root(self, mm):
        raise gdb.GdbError("address spaces are not walked on %s yet"
                           % self.ARCH)

    def walk(self, addr, root):
        raise NotImplementedError


X86_FLAGS = ((1 << 0, "P"), (1 << 1, "RW"), (1 << 2, "US"), (1 << 3, "PWT"),
             (1 << 4, "PCD"), (1 << 5, "A"), (1 << 6, "D"), (1 << 7, "PS"),
             (1 << 8, "G"), (1 << 63, "NX"))


@walker
class X86_64Walker(PageTableWalker):
    ARCH = "x86_64"
    PAGE_OFFSET = 0xffff888000000000  # <asm/page.h>
    PFN_MASK = 0x000ffffffffff000     # PTE_PFN_MASK, <asm/pgtable.h>
    LEVELS = (("PGD", 39), ("PUD", 30), ("PMD", 21), ("PTE", 12))

    def kernel_root(self):
        cr3 = int(gdb.parse_and_eval("$cr3"))
        return cr3 & self.PFN_MASK, "CR3 0x%x" % cr3

    def mm_root(self, mm):
        pgd = int(mm["pgd"])
        # __pa(): the image mapping or the direct map (<asm/page.h>).
        pa = pgd - (0xffffffff80000000 if pgd >= 0xffffffff80000000
                    else self.PAGE_OFFSET)
        return pa, "mm 0x%x pgd 0x%x" % (int(mm.address), pgd)

    def walk(self, addr, root):
        top = addr >> 47
        if top not in (0, 0x1ffff):
            gdb.write("  0x%x is not canonical: bits 63-47 must be equal; "
                      "any access is a #GP\n" % addr)
            return None
        table, rw, user, nx = root, True, True, False
        for name, shift in self.LEVELS:
            idx = (addr >> shift) & 511
            e = self.phys_read(table + idx * 8)
            gdb.write("  %s[%3d] at pa 0x%-10x = 0x%016x  %s\n"
                      % (name, idx, table + idx * 8, e,
                         flag_names(e, X86_FLAGS)))
            if not e & 1:
                gdb.write("  not present: an access would fault (#PF)\n")
                return None
            rw, user = rw and bool(e & 2), user and bool(e & 4)
            nx = nx or bool(e >> 63)
            huge = name in ("PUD", "PMD") and e & (1 << 7)
            if huge or name == "PTE":
                size = 1 << shift
                pa = (e & self.PFN_MASK & ~(size - 1)) | (addr & (size - 1))
                gdb.write("  => %s page, pa 0x%x: %s, %s, %s\n"
                          % (size_name(size), pa,
                             "read/write" if rw else "read-only",
                             "user" if user else "kernel only",
                             "no-execute" if nx else "executable"))
                return pa
            table = e & self.PFN_MASK
        return None


def size_name(size):
    return {1 << 12: "4 KiB", 1 << 21: "2 MiB", 1 << 30: "1 GiB"}[size]


HPTE_V_FLAGS = ((1 << 4, "BOLTED"), (1 << 1, "H"), (1 << 0, "V"))
HPTE_R_FLAGS = ((0x100, "R"), (0x80, "C"), (0x40, "W"), (0x20, "I"),
                (0x10, "M"), (0x8, "G"), (0x4, "N"))


@walker
class PPC64HashWalker(PageTableWalker):
    """POWER8 hash MMU, as arch/ppc64/mm/hash_native.c uses it: 4 KiB
    pages; the kernel is one 1 TiB segment with VSID = EA >> 40."""

    ARCH = "ppc64"
    PAGE_OFFSET = 0xc000000000000000  # <asm/page.h>
    AVPN_MASK = 0x3fffffffffffff80
    COMPARE = AVPN_MASK | (3 << 62) | 0x2 | 0x1  # AVPN, B, H, V

    def kernel_root(self):
        """(HPT physical base, number of groups) from SDR1, or from the
        kernel's own variables if this QEMU does not show SDR1."""
        try:
            sdr1 = int(gdb.parse_and_eval("$sdr1"))
            base = sdr1 & 0x0ffffffffffc0000
            groups = 1 << ((sdr1 & 0x1f) + 11)  # 2^(18+size) / 128
            how = "SDR1 0x%x" % sdr1
        except gdb.error:
            base = int(gdb.parse_and_eval("htab")) - self.PAGE_OFFSET
            groups = int(gdb.parse_and_eval("htab_hash_mask")) + 1
            how = "htab"
        return (base, groups), "%s: HPT at pa 0x%x, %d groups" % (
            how, base, groups)

    def segment(self, addr):
        if addr >> 60 != 0xc:
            raise gdb.GdbError("0x%x is not a kernel address (0xc...); user "
                               "segments come with user processes" % addr)
        return addr >> 40, 40  # KERNEL_VSID(), SID_SHIFT_1T

    def walk(self, addr, root):
        base, groups = root
        vsid, sshift = self.segment(addr)
        page = (addr & ((1 << sshift) - 1)) >> 12
        vpn = (vsid << (sshift - 12)) | page
        gdb.write("  SLB: 1 TiB segment, ESID 0x%x -> VSID 0x%x; VA 0x%x, "
                  "vpn 0x%x\n" % (addr >> sshift, vsid, vpn << 12, vpn))
        h = (vsid ^ (vsid << 25) ^ page) & 0x7fffffffff
        want = (((vpn >> 11) << 7) & self.AVPN_MASK) | (1 << 62) | 1
        for secondary in (False, True):
            hh = ~h if secondary else h
            group = (hh & (groups - 1)) * 8
            gdb.write("  %s hash 0x%x: group %d (slots %d-%d, pa 0x%x)\n"
                      % ("secondary" if secondary else "primary",
                         hh & 0x7fffffffff, group // 8, group, group + 7,
                         base + group * 16))
            for slot in range(group, group + 8):
                v = self.phys_read(base + slot * 16)
                if (v ^ want) & self.COMPARE == 0:
                    return self.show_hpte(addr, slot, v, base)
            want |= 0x2  # H: the entry says it lives in the secondary
        gdb.write("  no HPTE in either group: an access would take a "
                  "DSI/ISI (arch/ppc64/mm/fault.c)\n")
        return None

    def show_hpte(self, addr, slot, v, base):
        r = self.phys_read(base + slot * 16 + 8)
        gdb.write("  HPTE slot %d at pa 0x%x\n" % (slot, base + slot * 16))
        gdb.write("    v = 0x%016x  B=%d AVPN 0x%x %s\n"
                  % (v, v >> 62, (v & self.AVPN_MASK) >> 7,
                     flag_names(v, HPTE_V_FLAGS)))
        gdb.write("    r = 0x%016x  RPN 0x%x %s PP=%d\n"
                  % (r, (r & 0x0ffffffffffff000) >> 12,
                     flag_names(r, HPTE_R_FLAGS), r & 3))
        pa = (r & 0x0ffffffffffff000) | (addr & 0xfff)
        gdb.write("  => 4 KiB page, pa 0x%x\n" % pa)
        return pa


def arch_walker():
    return walkers[kernel_arch()]()


@register
class AnvilPte(AnvilCommand):
    """Walk the MMU's tables for an address: anvil-pte [PID] ADDR.

ADDR is a number or an expression (a symbol, $pc, &var). With no PID,
the kernel's translation on gdb's selected CPU: x86_64 walks the four
levels from CR3 and prints each entry and its flags; ppc64 finds the
address's segment and hashes it into the HPT, printing both groups and
the HPTE's slot and flags. With PID, that task's address space (once
tasks have one)."""

    NAME = "anvil-pte"
    USAGE = "[PID] ADDR"

    def run(self, argv):
        if len(argv) not in (1, 2):
            self.usage_error()
        w = arch_walker()
        addr = parse_int(argv[-1])
        if len(argv) == 2:
            task = find_task(int(argv[0], 0))
            mm = int(task["mm"]) if has_field(task.type.target(), "mm") \
                else 0
            if not mm:
                raise gdb.GdbError("pid %s (%s) has no user address space; "
                                   "for kernel addresses: anvil-pte ADDR"
                                   % (argv[0], task_comm(task)))
            root, how = w.mm_root(task["mm"].dereference())
        else:
            root, how = w.kernel_root()
        sym = symbolize(addr)
        gdb.write("0x%x%s: %s\n" % (addr, "" if sym.startswith("0x")
                                     else " " + sym, how))
        w.walk(addr, root)


class MmCommand(AnvilCommand):
    """Base of the helpers that show one address space. The first
    argument is a PID, or -m EXPR for any struct mm_struct (one a test
    built, say); then show(mm, argv) gets the struct."""

    USAGE = "PID | -m MM_EXPR"
    REQUIRES = ("struct mm_struct",)

    def run(self, argv):
        if len(argv) >= 2 and argv[0] == "-m":
            mm = gdb.parse_and_eval(argv[1])
            if mm.type.strip_typedefs().code != gdb.TYPE_CODE_PTR:
                mm = mm.address
            self.show(mm.dereference(), argv[2:])
            return
        if not argv:
            self.usage_error()
        task = find_task(int(argv[0], 0))
        if not has_field(task.type.target(), "mm"):
            raise gdb.GdbError("tasks have no mm yet (user processes come "
                               "later); try %s -m MM_EXPR" % self.NAME)
        if not int(task["mm"]):
            raise gdb.GdbError("pid %s (%s) is a kernel thread: no mm"
                               % (argv[0], task_comm(task)))
        self.show(task["mm"].dereference(), argv[1:])

    def show(self, mm, argv):
        raise NotImplementedError


def vma_line(vma):
    """One /proc/PID/maps-style line: start-end perms pgoff, then what
    backs it."""
    flags = int(vma["vm_flags"])  # VM_READ 1, WRITE 2, EXEC 4, SHARED 8
    perms = "".join(c if flags & b else "-"
                    for b, c in ((1, "r"), (2, "w"), (4, "x")))
    perms += "s" if flags & 8 else "p"
    what = "file 0x%x" % int(vma["vm_file"]) if int(vma["vm_file"]) \
        else "anon" + (" (anon_vma 0x%x)" % int(vma["anon_vma"])
                       if int(vma["anon_vma"]) else "")
    return "%016x-%016x %s %08x  %s" % (
        int(vma["vm_start"]), int(vma["vm_end"]), perms,
        int(vma["vm_pgoff"]) << 12, what)


def mm_vmas(mm):
    """Yield each VMA of MM, lowest address first (the mm->mmap list,
    include/anvil/mm_types.h)."""
    vma = mm["mmap"]
    for _ in range(int(mm["map_count"]) + 1):
        if not int(vma):
            return
        yield vma
        vma = vma["vm_next"]
    raise gdb.GdbError("mm 0x%x: VMA list longer than map_count"
                       % int(mm.address))


@register
class AnvilVmas(MmCommand):
    """List an address space's VMAs, like /proc/PID/maps: anvil-vmas PID.

anvil-vmas -m EXPR shows any struct mm_struct (EXPR: a pointer or an
lvalue). One line per VMA, lowest address first: start-end, rwx and
p(rivate) or s(hared), the file offset, and what backs it."""

    NAME = "anvil-vmas"
    REQUIRES = ("struct mm_struct", "struct vm_area_struct")

    def show(self, mm, argv):
        if argv:
            self.usage_error()
        n = 0
        for vma in mm_vmas(mm):
            gdb.write(vma_line(vma) + "\n")
            n += 1
        gdb.write("%d VMAs (map_count %d)\n" % (n, int(mm["map_count"])))
