# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_mm.py: address translation and address spaces.
#
#   anvil-pte ADDR        how the MMU of gdb's selected CPU translates ADDR
#   anvil-pte PID ADDR    ... in that task's address space
#   anvil-vmas PID        the task's VMAs, like /proc/PID/maps
#   anvil-vmas -m MM      ... of any struct mm_struct
#
# Each arch has a PageTableWalker subclass, picked by kernel_arch():
#   x86_64: the 4-level tables from CR3 or mm->pgd (<asm/pgtable.h>), each
#           level with its flags, huge pages included;
#   ppc64:  kernel addresses: the hashed page table from SDR1
#           (<asm/mmu-hash.h>, arch/ppc64/mm/hash_native.c): segment,
#           hash, both groups, the HPTE's slot and flags. User addresses:
#           first the Linux-style software tables (<asm/pgtable.h>), which
#           the MMU never reads, then the HPTE the hash fault made from the
#           PTE (arch/ppc64/mm/hash_user.c), at the slot the PTE recorded.
# Tables are read through the kernel's direct map, so this works as long
# as the stopped CPU has its MMU set up the way the kernel left it (on
# ppc64 in user mode too: AnvilCommand reads under kernel_access()).
#
# Adding a helper for a new mm structure (anon_vma, i_mmap, ...):
# subclass MmCommand, set NAME, USAGE and REQUIRES (the kernel types it
# reads), and write show(mm, argv). It gets "PID" and "-m MM" parsing,
# the task lookup and the "not in this kernel yet" message for free;
# mm_vmas(mm) and find_vma(mm, addr) walk the VMAs.

import gdb

from anvil_utils import (AnvilCommand, register, kernel_arch, read_ulong,
                         parse_int, symbolize, find_task, has_field,
                         task_comm)

# vm_flags bits (<anvil/mm_types.h>, Linux's values)
VM_READ, VM_WRITE, VM_EXEC, VM_SHARED = 0x1, 0x2, 0x4, 0x8

walkers = {}


def walker(cls):
    """Class decorator: CLS walks page tables on kernel arch CLS.ARCH."""
    walkers[cls.ARCH] = cls
    return cls


def flag_names(value, flags):
    return " ".join(name for bit, name in flags if value & bit) or "-"


class Leaf:
    """Where a walk ended: the physical address, the page size, and what
    the entry allows (for the summary line and the copy-on-write hint)."""

    def __init__(self, pa, size, writable, user, executable):
        self.pa, self.size = pa, size
        self.writable, self.user, self.executable = writable, user, executable

    def describe(self):
        return "%s page, pa 0x%x: %s, %s, %s" % (
            size_name(self.size), self.pa,
            "read/write" if self.writable else "read-only",
            "user" if self.user else "kernel only",
            "executable" if self.executable else "no-execute")


class PageTableWalker:
    """One arch's translation. kernel_root() is what gdb's selected CPU
    uses now; mm_root(mm) an address space's root, for the PID form.
    walk(addr, root) prints each step and returns a Leaf, or None if
    ADDR is not mapped. USER_END is where user space ends."""

    ARCH = None
    PAGE_OFFSET = None
    USER_END = None

    def phys_read(self, pa):
        """The 64-bit word at physical PA, through the direct map."""
        return read_ulong(self.PAGE_OFFSET + pa)

    def pa_of(self, va):
        """__pa() of a kernel address (<asm/page.h>)."""
        raise NotImplementedError

    def kernel_root(self):
        raise NotImplementedError

    def mm_root(self, mm):
        raise NotImplementedError

    def walk(self, addr, root):
        raise NotImplementedError


X86_FLAGS = ((1 << 0, "P"), (1 << 1, "RW"), (1 << 2, "US"), (1 << 3, "PWT"),
             (1 << 4, "PCD"), (1 << 5, "A"), (1 << 6, "D"), (1 << 7, "PS"),
             (1 << 8, "G"), (1 << 63, "NX"))


@walker
class X86_64Walker(PageTableWalker):
    ARCH = "x86_64"
    PAGE_OFFSET = 0xffff888000000000  # <asm/page.h>
    KERNEL_IMAGE = 0xffffffff80000000
    USER_END = 1 << 47
    PFN_MASK = 0x000ffffffffff000     # PTE_PFN_MASK, <asm/pgtable.h>
    LEVELS = (("PGD", 39), ("PUD", 30), ("PMD", 21), ("PTE", 12))

    def pa_of(self, va):
        return va - (self.KERNEL_IMAGE if va >= self.KERNEL_IMAGE
                     else self.PAGE_OFFSET)

    def kernel_root(self):
        cr3 = int(gdb.parse_and_eval("$cr3"))
        return cr3 & self.PFN_MASK, "CR3 0x%x" % cr3

    def mm_root(self, mm):
        pgd = int(mm["pgd"])
        return self.pa_of(pgd), "mm 0x%x pgd 0x%x" % (int(mm.address), pgd)

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
            # Each level can only take permissions away.
            rw, user = rw and bool(e & 2), user and bool(e & 4)
            nx = nx or bool(e >> 63)
            huge = name in ("PUD", "PMD") and e & (1 << 7)
            if huge or name == "PTE":
                size = 1 << shift
                pa = (e & self.PFN_MASK & ~(size - 1)) | (addr & (size - 1))
                return Leaf(pa, size, rw, user, not nx)
            table = e & self.PFN_MASK
        return None


def size_name(size):
    return {1 << 12: "4 KiB", 1 << 21: "2 MiB", 1 << 30: "1 GiB"}[size]


HPTE_V_FLAGS = ((1 << 4, "BOLTED"), (1 << 1, "H"), (1 << 0, "V"))
HPTE_R_FLAGS = ((0x100, "R"), (0x80, "C"), (0x40, "W"), (0x20, "I"),
                (0x10, "M"), (0x8, "G"), (0x4, "N"))
HPTE_PP = {0: "kernel read/write", 2: "read/write", 3: "read-only"}
# The software PTE (<asm/pgtable.h>): low bits, then the HPTE slot record.
PPC_PTE_FLAGS = ((0x1, "P"), (0x2, "R"), (0x4, "W"), (0x8, "X"),
                 (0x10, "U"), (0x20, "A"), (0x40, "D"),
                 (1 << 63, "BUSY"), (1 << 62, "HASHPTE"),
                 (1 << 61, "SECOND"))
PPC_TABLE_FLAGS = ((0x1, "table"),)


@walker
class PPC64HashWalker(PageTableWalker):
    """POWER8 hash MMU as arch/ppc64/mm/ uses it: 4 KiB pages; the kernel
    is one 1 TiB segment with VSID = EA >> 40; each user address space
    has a context number and 256 MiB segments with scrambled VSIDs
    (mm/pgtable.c, <asm/mmu-hash.h>)."""

    ARCH = "ppc64"
    PAGE_OFFSET = 0xc000000000000000  # <asm/page.h>
    USER_END = 1 << 46                # TASK_SIZE
    AVPN_MASK = 0x3fffffffffffff80
    COMPARE = AVPN_MASK | (3 << 62) | 0x2 | 0x1  # AVPN, B, H, V
    HASH_MASK = 0x7fffffffff
    RPN_MASK = 0x03fffffffffff000     # PTE_RPN_MASK
    LEVELS = (("PGD", 39), ("PUD", 30), ("PMD", 21), ("PTE", 12))
    # user_vsid(): proto-VSID (context << 18 | ESID) * prime mod 2^35 - 1
    USER_ESID_BITS, VSID_MULTIPLIER = 18, 12538073
    VSID_MODULUS = (1 << 35) - 1

    def pa_of(self, va):
        return va & 0x0fffffffffffffff

    def hpt(self):
        """(HPT physical base, number of groups, how we know): from SDR1,
        or from the kernel's own variables if QEMU does not show SDR1."""
        try:
            sdr1 = int(gdb.parse_and_eval("$sdr1"))
            base = sdr1 & 0x0ffffffffffc0000
            groups = 1 << ((sdr1 & 0x1f) + 11)  # 2^(18+size) / 128
            how = "SDR1 0x%x" % sdr1
        except gdb.error:
            base = int(gdb.parse_and_eval("htab")) - self.PAGE_OFFSET
            groups = int(gdb.parse_and_eval("htab_hash_mask")) + 1
            how = "htab"
        return base, groups, "%s: HPT at pa 0x%x, %d groups" % (
            how, base, groups)

    def kernel_root(self):
        """The kernel's translation, plus the address space this CPU
        translates user addresses with: paca->user_mm, what switch_mm
        loaded (mm/mmu_context.c), the ppc64 counterpart of CR3."""
        base, groups, how = self.hpt()
        mm = None
        try:
            from anvil_tasks import selected_cpu
            mm = gdb.parse_and_eval("pacas")[selected_cpu()]["user_mm"]
            mm = mm.dereference() if int(mm) else None
        except (gdb.error, gdb.GdbError):
            pass
        if mm is not None:
            how += "; user addresses: paca->user_mm 0x%x" % int(mm.address)
        return {"hpt": (base, groups), "mm": mm}, how

    def mm_root(self, mm):
        base, groups, how = self.hpt()
        pgd = int(mm["pgd"])
        return {"hpt": (base, groups), "mm": mm}, \
            "mm 0x%x pgd 0x%x; %s" % (int(mm.address), pgd, how)

    def walk(self, addr, root):
        if addr >> 60 == 0xc:
            return self.walk_kernel(addr, root["hpt"])
        if addr >= self.USER_END:
            gdb.write("  0x%x is neither user (below 0x%x) nor kernel "
                      "(0xc...): any access faults\n" % (addr, self.USER_END))
            return None
        if root["mm"] is None:
            gdb.write("  this CPU translates no user address space "
                      "(paca->user_mm is NULL): give a PID\n")
            return None
        return self.walk_user(addr, root["mm"], root["hpt"])

    # ---- kernel: the bolted 1 TiB segment, straight into the HPT ----

    def walk_kernel(self, addr, hpt):
        base, groups = hpt
        vsid, sshift = addr >> 40, 40  # KERNEL_VSID(), SID_SHIFT_1T
        page = (addr & ((1 << sshift) - 1)) >> 12
        vpn = (vsid << (sshift - 12)) | page
        gdb.write("  SLB: 1 TiB segment, ESID 0x%x -> VSID 0x%x; VA 0x%x, "
                  "vpn 0x%x\n" % (addr >> sshift, vsid, vpn << 12, vpn))
        h = (vsid ^ (vsid << 25) ^ page) & self.HASH_MASK
        slot = self.search(vpn, h, 1, base, groups, show=True)
        if slot is None:
            gdb.write("  no HPTE in either group: an access would take a "
                      "DSI/ISI (arch/ppc64/mm/fault.c)\n")
            return None
        return self.show_hpte(addr, slot, base)

    def search(self, vpn, h, ssize, base, groups, show):
        """The slot of VPN's valid HPTE in either group, or None."""
        want = (((vpn >> 11) << 7) & self.AVPN_MASK) | (ssize << 62) | 1
        for secondary in (False, True):
            hh = ~h if secondary else h
            group = (hh & (groups - 1)) * 8
            if show:
                gdb.write("  %s hash 0x%x: group %d (slots %d-%d, pa 0x%x)\n"
                          % ("secondary" if secondary else "primary",
                             hh & self.HASH_MASK, group // 8, group,
                             group + 7, base + group * 16))
            for slot in range(group, group + 8):
                v = self.phys_read(base + slot * 16)
                if (v ^ want) & self.COMPARE == 0:
                    return slot
            want |= 0x2  # H: the entry says it lives in the secondary
        return None

    def show_hpte(self, addr, slot, base):
        v = self.phys_read(base + slot * 16)
        r = self.phys_read(base + slot * 16 + 8)
        gdb.write("  HPTE slot %d at pa 0x%x\n" % (slot, base + slot * 16))
        gdb.write("    v = 0x%016x  B=%d AVPN 0x%x %s\n"
                  % (v, v >> 62, (v & self.AVPN_MASK) >> 7,
                     flag_names(v, HPTE_V_FLAGS)))
        gdb.write("    r = 0x%016x  RPN 0x%x %s PP=%d (%s)\n"
                  % (r, (r & 0x0ffffffffffff000) >> 12,
                     flag_names(r, HPTE_R_FLAGS), r & 3,
                     HPTE_PP.get(r & 3, "?")))
        pa = (r & 0x0ffffffffffff000) | (addr & 0xfff)
        user = v >> 62 == 0
        return Leaf(pa, 1 << 12, (r & 3) in (0, 2), user, not r & 0x4)

    # ---- user: the software tables, then the HPTE made from the PTE ----

    def context(self, mm):
        """mm_context_id(): kept in the pgd page's struct page (->private,
        arch/ppc64/mm/pgtable.c)."""
        pfn = self.pa_of(int(mm["pgd"])) >> 12
        return int(gdb.parse_and_eval("mem_map")[pfn]["private"])

    def walk_user(self, addr, mm, hpt):
        table = self.pa_of(int(mm["pgd"]))
        for name, shift in self.LEVELS:
            idx = (addr >> shift) & 511
            e = self.phys_read(table + idx * 8)
            last = name == "PTE"
            flags = PPC_PTE_FLAGS if last else PPC_TABLE_FLAGS
            extra = ""
            if last and e & (1 << 62):
                extra = " GIX=%d" % ((e >> 58) & 7)
            gdb.write("  %s[%3d] at pa 0x%-10x = 0x%016x  %s%s\n"
                      % (name, idx, table + idx * 8, e,
                         flag_names(e, flags), extra))
            if not e & 1:
                gdb.write("  not present: an access takes a DSI/ISI and "
                          "then a page fault (handle_mm_fault)\n")
                return None
            if last:
                break
            table = e & self.RPN_MASK
        pte = e
        leaf = Leaf((pte & self.RPN_MASK) | (addr & 0xfff), 1 << 12,
                    bool(pte & 0x4), bool(pte & 0x10), bool(pte & 0x8))
        self.show_user_hpte(addr, mm, pte, hpt)
        return leaf

    def show_user_hpte(self, addr, mm, pte, hpt):
        """The MMU's view: segment, VSID, hash, and the HPTE if the hash
        fault has made one (the PTE records its slot)."""
        base, groups = hpt
        ctx = self.context(mm)
        esid = addr >> 28
        vsid = (((ctx << self.USER_ESID_BITS) | esid) * self.VSID_MULTIPLIER
                % self.VSID_MODULUS)
        page = (addr & 0xfffffff) >> 12
        vpn = (vsid << 16) | page
        h = (vsid ^ page) & self.HASH_MASK
        gdb.write("  hash: context %d, 256 MiB segment ESID 0x%x -> VSID "
                  "0x%x; vpn 0x%x, primary hash 0x%x (group %d)\n"
                  % (ctx, esid, vsid, vpn, h, h & (groups - 1)))
        found = self.search(vpn, h, 0, base, groups, show=False)
        if not pte & (1 << 62):
            if found is None:
                gdb.write("  not hashed (no HASHPTE): the next access takes "
                          "a hash fault that inserts the HPTE "
                          "(hash_page_user)\n")
            else:
                gdb.write("  not hashed, yet HPTE slot %d matches: stale "
                          "entry (a bug)\n" % found)
                self.show_hpte(addr, found, base)
            return
        secondary = bool(pte & (1 << 61))
        gix = (pte >> 58) & 7
        hh = ~h if secondary else h
        slot = (hh & (groups - 1)) * 8 + gix
        gdb.write("  the PTE records slot %d (%s group, index %d)\n"
                  % (slot, "secondary" if secondary else "primary", gix))
        if found == slot:
            self.show_hpte(addr, slot, base)
        elif found is None:
            gdb.write("  ... but that HPTE is gone (evicted or invalidated): "
                      "the next access hashes the PTE in again\n")
        else:
            gdb.write("  ... but the valid HPTE is in slot %d\n" % found)
            self.show_hpte(addr, found, base)


def arch_walker():
    return walkers[kernel_arch()]()


# ---- address spaces ---------------------------------------------------

def task_mm_or_error(pid, cmd):
    """The struct mm_struct of task PID, or a gdb error saying why not."""
    task = find_task(pid)
    if not has_field(task.type.target(), "mm"):
        raise gdb.GdbError("tasks have no mm in this kernel; try %s -m "
                           "MM_EXPR" % cmd)
    if not int(task["mm"]):
        raise gdb.GdbError("pid %d (%s) is a kernel thread: no mm (for "
                           "kernel addresses: anvil-pte ADDR)"
                           % (pid, task_comm(task)))
    return task["mm"].dereference()


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


def find_vma(mm, addr):
    """The VMA containing ADDR, or None (find_vma() also accepts the next
    one above; this one must contain it)."""
    for vma in mm_vmas(mm):
        if int(vma["vm_start"]) <= addr < int(vma["vm_end"]):
            return vma
    return None


def vma_perms(vma):
    flags = int(vma["vm_flags"])
    perms = "".join(c if flags & b else "-"
                    for b, c in ((VM_READ, "r"), (VM_WRITE, "w"),
                                 (VM_EXEC, "x")))
    return perms + ("s" if flags & VM_SHARED else "p")


def dentry_path(dentry):
    """"/bin/sh" from a struct dentry *, by its parents' names."""
    names = []
    for _ in range(64):
        parent = dentry["d_parent"]
        if not int(parent) or int(parent) == int(dentry):
            break
        names.append(dentry["d_name"]["name"].string())
        dentry = parent
    return "/" + "/".join(reversed(names))


def vma_name(vma, mm):
    """The last column of /proc/PID/maps: the file, or what the kernel
    knows the anonymous range is for, as Linux names them."""
    start, end = int(vma["vm_start"]), int(vma["vm_end"])
    if int(vma["vm_file"]):
        try:
            return dentry_path(vma["vm_file"]["f_dentry"])
        except (gdb.error, gdb.GdbError):
            return "file 0x%x" % int(vma["vm_file"])
    if start <= int(mm["brk"]) and end >= int(mm["start_brk"]) and \
            int(mm["start_brk"]):
        return "[heap]"
    if start <= int(mm["start_stack"]) <= end:
        return "[stack]"
    # ppc64's signal trampoline page (arch/ppc64/kernel/signal.c), the
    # job Linux's vDSO does there.
    if has_field(mm.type, "sigpage") and int(mm["sigpage"]) and \
            start <= int(mm["sigpage"]) < end:
        return "[vdso]"
    return ""


def vma_line(vma, mm):
    """One /proc/PID/maps line, as Linux prints it: start-end perms offset
    dev inode, then the name at column 74. anvil maps no files yet (exec
    copies the ELF into anonymous memory), so dev and inode are 0."""
    pgoff = int(vma["vm_pgoff"]) << 12 if int(vma["vm_file"]) else 0
    line = "%08x-%08x %s %08x 00:00 0" % (
        int(vma["vm_start"]), int(vma["vm_end"]), vma_perms(vma), pgoff)
    name = vma_name(vma, mm)
    return (line.ljust(73) + name) if name else line


def page_line(pa):
    """What the struct page behind PA says: how many PTEs map it, and who
    holds references (<anvil/mm.h>)."""
    pfn = pa >> 12
    try:
        if pfn >= int(gdb.parse_and_eval("max_pfn")):
            return "  pfn 0x%x: outside RAM (no struct page)" % pfn
        page = gdb.parse_and_eval("mem_map")[pfn]
        zero = int(gdb.parse_and_eval("zero_page"))
    except gdb.error:
        return None
    if int(page.address) == zero:
        return "  page 0x%x (pfn 0x%x): the shared zero page" % (
            int(page.address), pfn)
    mapcount = int(page["_mapcount"]) + 1
    return ("  page 0x%x (pfn 0x%x): _refcount %d, mapped by %d PTE%s"
            % (int(page.address), pfn, int(page["_refcount"]), mapcount,
               "" if mapcount == 1 else "s"))


@register
class AnvilPte(AnvilCommand):
    """Walk the MMU's tables for an address: anvil-pte [PID] ADDR.

ADDR is a number or an expression (a symbol, $pc, &var). With PID, the
tables of that task's address space, and first the VMA that covers ADDR.
With no PID, the translation gdb's selected CPU uses now (x86_64: CR3;
ppc64: the kernel segment, or for a user address the mm this CPU has
loaded, paca->user_mm).

x86_64 prints each of the four levels and its flags (P present, RW
writable, US user, A accessed, D dirty, PS huge page, G global, NX).
ppc64 kernel addresses: the segment, both hash groups, and the HPTE's
slot and flags. ppc64 user addresses: the four levels of Linux-style
software tables (P R W X U present/read/write/exec/user, A D, HASHPTE
SECOND GIX: the HPTE's slot), then the segment's VSID, the hash, and the
HPTE in the slot the PTE recorded (PP=2 read/write, 3 read-only, N no
execute). For a user page it ends with its struct page: a page mapped by
2 PTEs after fork is shared copy-on-write."""

    NAME = "anvil-pte"
    USAGE = "[PID] ADDR"

    def run(self, argv):
        if len(argv) not in (1, 2):
            self.usage_error()
        w = arch_walker()
        addr = parse_int(argv[-1])
        vma = mm = None
        if len(argv) == 2:
            mm = task_mm_or_error(parse_int(argv[0]), self.NAME)
            root, how = w.mm_root(mm)
        else:
            root, how = w.kernel_root()
        sym = symbolize(addr)
        gdb.write("0x%x%s: %s\n" % (addr, "" if sym.startswith("0x")
                                     else " " + sym, how))
        if mm is not None and addr < w.USER_END:
            vma = find_vma(mm, addr)
            gdb.write("  VMA %s\n" % (vma_line(vma, mm) if vma is not None
                                      else "none: any access is a SIGSEGV"))
        leaf = w.walk(addr, root)
        if leaf is None:
            return
        gdb.write("  => %s\n" % leaf.describe())
        if addr < w.USER_END:
            line = page_line(leaf.pa)
            if line:
                gdb.write(line + "\n")
        if vma is not None and not leaf.writable and \
                int(vma["vm_flags"]) & VM_WRITE:
            gdb.write("  writable VMA, read-only PTE: a write faults into "
                      "do_wp_page (copy-on-write)\n")


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
        self.show(task_mm_or_error(parse_int(argv[0]), self.NAME), argv[1:])

    def show(self, mm, argv):
        raise NotImplementedError


@register
class AnvilVmas(MmCommand):
    """List an address space's VMAs, like /proc/PID/maps: anvil-vmas PID.

anvil-vmas -m EXPR shows any struct mm_struct (EXPR: a pointer or an
lvalue). One line per VMA, lowest address first, in Linux's format:
start-end, rwx and p(rivate) or s(hared), the file offset, device and
inode (0: anvil maps no files yet), and a name: the file, or [heap]
(start_brk..brk), [stack] (holds start_stack), [vdso] (ppc64's signal
trampoline page, mm->sigpage). Then the mm's totals."""

    NAME = "anvil-vmas"
    REQUIRES = ("struct mm_struct", "struct vm_area_struct")

    def show(self, mm, argv):
        if argv:
            self.usage_error()
        n = 0
        for vma in mm_vmas(mm):
            gdb.write(vma_line(vma, mm) + "\n")
            n += 1
        gdb.write("%d VMAs (map_count %d), mm 0x%x, pgd 0x%x, %d anonymous "
                  "pages mapped\n"
                  % (n, int(mm["map_count"]), int(mm.address),
                     int(mm["pgd"]), int(mm["rss_anon"]["counter"])))
