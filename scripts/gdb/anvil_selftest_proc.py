# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_selftest_proc.py: the process half of the gdb batch
# test (anvil_selftest.py calls run_checks once the kernel half is done).
#
# The program is user/bin/gdbdemo.c, run by init as its child; its
# symbols are loaded (anvil-prog). The session, in the order gdbdemo
# runs:
#
#   checkpoint 1 (parent, before fork)  the user breakpoint stops in
#       gdbdemo only; bt in user code; anvil-ps, anvil-vmas and anvil-pte
#       against the mappings gdbdemo made
#   do_wp_page (the child's write to page 0)  parent and child share the
#       page; next to the copy and the PTE update, step into the TLB
#       flush; the child's PTE moves to a new page; finish from the
#       exception entry back into main, at the store that faulted
#   checkpoint 2 (child)  page 0: two pages with two values; page 1: one
#       shared page; the MMU's entry for the child's copy
#   checkpoint 3 (parent, child reaped)  the parent's value is unchanged

import re

import gdb

from anvil_utils import kernel_access, kernel_arch, read_ulong, MASK64

RW_ADDR, RO_ADDR, PAGE = 0x20000000, 0x30000000, 0x1000
PARENT_VAL = 0x1111111111111111
CHILD_VAL = 0xc0ffee00c0ffee00
PAGE_OFFSET = {"x86_64": 0xffff888000000000, "ppc64": 0xc000000000000000}
# The entry code's frame, whose caller is the interrupted user code.
ENTRY = {"x86_64": "common_entry", "ppc64": "exc_dispatch_return"}

state = {}


def kexpr(expr):
    """A kernel expression's value as an int, readable from a CPU stopped
    in user mode too (kernel_access)."""
    with kernel_access():
        return int(gdb.parse_and_eval(expr)) & MASK64


def phys_word(pa):
    """The 64-bit word at physical address PA, through the direct map."""
    with kernel_access():
        return read_ulong(PAGE_OFFSET[kernel_arch()] + pa)


def source_line():
    """The text of the selected frame's current source line."""
    sal = gdb.selected_frame().find_sal()
    if sal.symtab is None or not sal.line:
        return ""
    try:
        with open(sal.symtab.fullname()) as f:
            return f.read().splitlines()[sal.line - 1]
    except (OSError, IndexError):
        return ""


def frame_name():
    return gdb.selected_frame().name() or ""


def stage():
    """Which gdbdemo checkpoint we are stopped at (its enum's name)."""
    if frame_name() != "gdbdemo_checkpoint":
        return None
    return str(gdb.parse_and_eval("stage"))


def continue_from(run, here):
    """continue, from checkpoint HERE (or from elsewhere: None). Once in a
    while (under load, x86_64) gdb reports the breakpoint it has just
    stepped over a second time, at the same pc, as if the instruction had
    been restarted; go on from such a repeat once, and say so."""
    out = run("continue")
    if here is not None and stage() == here:
        gdb.write("# note: breakpoint at checkpoint %s reported twice\n"
                  % here)
        out += run("continue")
    return out


def pte(run, pid, addr):
    """anvil-pte PID ADDR: (physical address, output), pa None if absent."""
    out = run("anvil-pte %d 0x%x" % (pid, addr))
    m = re.search(r"=> .* pa (0x[0-9a-f]+):", out)
    return (int(m.group(1), 16) if m else None), out


def run_checks(check, run, tap):
    arch = kernel_arch()

    @check("break gdbdemo_checkpoint: a user breakpoint gets the "
           "$in_prog() filter")
    def _():
        run("break gdbdemo_checkpoint")
        out = run("info breakpoints")
        return "stop only if $in_prog()" in out, out

    @check("continue: stops in gdbdemo at checkpoint 1, not in another "
           "program at the same address")
    def _():
        out = run("continue")
        state["parent"] = kexpr("$current()->pid")
        comm = run("anvil-kernel p $current()->comm")
        return stage() == "GDBDEMO_BEFORE_FORK" and \
            '"gdbdemo' in comm, out + comm

    parent = state.get("parent", -1)

    @check("bt in user code: gdbdemo_checkpoint called from main")
    def _():
        out = run("bt")
        return bool(re.search(r"^#0 +gdbdemo_checkpoint .*\n#1 .* in main "
                              r"\(\) at bin/gdbdemo\.c:\d+", out, re.M)), out

    @check("anvil-ps: gdbdemo (parent init) runs in user mode on a CPU")
    def _():
        out = run("anvil-ps")
        ok = re.search(r"^ +%d +%d +1 gdbdemo +R .*gdb thread \d+, user mode"
                       % (parent, parent), out, re.M) and \
            re.search(r"^ +1 +1 +0 init ", out, re.M)
        return bool(ok), out

    @check("anvil-vmas PID: the rw and the r-- mapping, text, [heap], "
           "[stack]%s" % (", [vdso]" if arch == "ppc64" else ""))
    def _():
        out = run("anvil-vmas %d" % parent)
        want = [r"^20000000-20003000 rw-p 00000000 00:00 0$",
                r"^30000000-30001000 r--p 00000000 00:00 0$",
                r"^[0-9a-f]+-[0-9a-f]+ r-xp .*$",
                r"^[0-9a-f]+-[0-9a-f]+ rw-p 00000000 00:00 0 +\[heap\]$",
                r"^[0-9a-f]+-[0-9a-f]+ rw-p 00000000 00:00 0 +\[stack\]$"]
        if arch == "ppc64":
            want.append(r"^[0-9a-f]+-[0-9a-f]+ r-xp 00000000 00:00 0 +"
                        r"\[vdso\]$")
        missing = [w for w in want if not re.search(w, out, re.M)]
        return not missing, out + "missing: %s" % missing

    @check("anvil-pte PID: page 0 read/write, page 2 not present, the "
           "r-- page read-only")
    def _():
        pa0, out0 = pte(run, parent, RW_ADDR)
        pa2, out2 = pte(run, parent, RW_ADDR + 2 * PAGE)
        pa_ro, out_ro = pte(run, parent, RO_ADDR)
        out = out0 + out2 + out_ro
        ok = pa0 is not None and "read/write, user" in out0 and \
            pa2 is None and "not present" in out2 and \
            pa_ro is not None and "read-only, user" in out_ro and \
            phys_word(pa0) == PARENT_VAL
        if arch == "x86_64":
            ok = ok and re.search(r"PTE\[  0\] .*  P RW US A D NX", out0)
        else:  # the software PTE, and the HPTE hashed from it
            ok = ok and re.search(r"PTE\[  0\] .*  P R W U A D HASHPTE", out0) \
                and re.search(r"HPTE slot \d+ .*\n.*\n +r = .* PP=2 "
                              r"\(read/write\)", out0)
        return bool(ok), out

    @check("break do_wp_page if $in_prog() && addr == page 0: the child's "
           "write faults into it")
    def _():
        run("tbreak do_wp_page if $in_prog() && addr == 0x%x" % RW_ADDR)
        out = run("continue")
        state["child"] = kexpr("$current()->pid")
        return frame_name() == "do_wp_page" and \
            state["child"] not in (parent, 0), out

    child = state.get("child", -1)

    @check("bt from do_wp_page: the fault handlers, the entry code, then "
           "main at the store")
    def _():
        out = run("bt")
        lines = out.strip().splitlines()
        idx = [i for i, ln in enumerate(lines) if ENTRY[arch] in ln]
        ok = idx and idx[0] + 1 < len(lines) and \
            re.search(r" in main \(\) at bin/gdbdemo\.c:\d+",
                      lines[idx[0] + 1]) and \
            "handle_mm_fault" in out and "do_page_fault" in out
        if ok:
            state["entry_frame"] = int(lines[idx[0]].split()[0][1:])
        return bool(ok), out

    @check("before the copy: parent and child map one page, read-only, "
           "mapped by 2 PTEs")
    def _():
        pa_p, out_p = pte(run, parent, RW_ADDR)
        pa_c, out_c = pte(run, child, RW_ADDR)
        state["shared_pa"] = pa_c
        ok = pa_p is not None and pa_p == pa_c and \
            "mapped by 2 PTEs" in out_c and "read-only, user" in out_c and \
            "copy-on-write" in out_c
        return ok, out_p + out_c

    def next_until(text, limit=25):
        """next until the current line mentions TEXT (still in do_wp_page)."""
        trail = ""
        for _ in range(limit):
            if frame_name() != "do_wp_page":
                return False, trail + "left do_wp_page"
            line = source_line()
            trail += line + "\n"
            if text in line:
                return True, trail
            run("next")
        return False, trail

    @check("next to the copy (memcpy), then to the PTE update "
           "(set_pte_at): the old PTE is already cleared")
    def _():
        ok1, t1 = next_until("memcpy")
        ok2, t2 = next_until("set_pte_at")
        pa_c, out = pte(run, child, RW_ADDR)
        # ptep_get_and_clear() came first: the old entry (and, on ppc64,
        # its HPTE) goes before the new one is written.
        return ok1 and ok2 and pa_c is None and \
            re.search(r"PTE\[  0\] .* = 0x0{16}  -", out), t1 + t2 + out

    @check("next over set_pte_at: the child's PTE maps a new page, "
           "read/write")
    def _():
        run("next")
        pa_c, out = pte(run, child, RW_ADDR)
        state["child_pa"] = pa_c
        return pa_c is not None and pa_c != state.get("shared_pa") and \
            "read/write, user" in out and "mapped by 1 PTE" in out and \
            phys_word(pa_c) == PARENT_VAL, out  # a copy, not yet written

    @check("step into the TLB flush, finish back to do_wp_page")
    def _():
        ok, trail = next_until("flush_tlb_page")
        if not ok:
            return False, trail
        run("step")
        inner = frame_name()
        run("finish")
        return "flush_tlb" in inner and frame_name() == "do_wp_page", \
            "stepped into %s" % inner

    @check("finish from the entry frame returns to main, at the store "
           "that faulted")
    def _():
        if "entry_frame" not in state:
            return False, "no entry frame found"
        run("frame %d" % state["entry_frame"])
        out = run("finish")
        line = source_line()
        return frame_name() == "main" and "GDBDEMO_CHILD_VAL" in line, \
            out + line

    @check("next: the store completes, into the child's own copy")
    def _():
        run("next")
        v = int(gdb.parse_and_eval("*(unsigned long *)0x%x" % RW_ADDR)) \
            & MASK64
        return v == CHILD_VAL and \
            phys_word(state.get("child_pa", 0)) == CHILD_VAL, "%#x" % v

    @check("continue: checkpoint 2 in the child")
    def _():
        out = continue_from(run, None)
        return stage() == "GDBDEMO_CHILD" and \
            kexpr("$current()->pid") == child, out

    @check("after the COW: page 0 is two pages, the parent's %#x, the "
           "child's %#x" % (PARENT_VAL, CHILD_VAL))
    def _():
        pa_p, out_p = pte(run, parent, RW_ADDR)
        pa_c, out_c = pte(run, child, RW_ADDR)
        ok = None not in (pa_p, pa_c) and pa_p != pa_c and \
            phys_word(pa_p) == PARENT_VAL and phys_word(pa_c) == CHILD_VAL
        return ok, out_p + out_c

    @check("page 1, never written after fork: one page, mapped by 2 PTEs")
    def _():
        pa_p, out_p = pte(run, parent, RW_ADDR + PAGE)
        pa_c, out_c = pte(run, child, RW_ADDR + PAGE)
        return pa_p is not None and pa_p == pa_c and \
            "mapped by 2 PTEs" in out_c, out_p + out_c

    if arch == "ppc64":
        @check("the child's page 0 in the MMU: an HPTE in the slot its "
               "PTE records, read/write, the new page")
        def _():
            pa_c, out = pte(run, child, RW_ADDR)
            m = re.search(r"the PTE records slot (\d+)", out)
            ok = m and re.search(r"HPTE slot %s at .*\n.*\n +r = .* RPN "
                                 r"0x%x .* PP=2" % (m.group(1), pa_c >> 12),
                                 out)
            return bool(ok), out

    @check("anvil-kernel p $current()->comm, stopped in user mode")
    def _():
        out = run("anvil-kernel p $current()->comm")
        return '"gdbdemo' in out, out

    @check("continue: checkpoint 3 in the parent, its page 0 unchanged, "
           "the child reaped")
    def _():
        out = continue_from(run, "GDBDEMO_CHILD")
        # Through the page tables, not `p *0x20000000`: on ppc64, gdb sees
        # user memory through the HPT only, and the parent's page lost its
        # HPTE at fork (the parent has not touched it since).
        pa, out_p = pte(run, parent, RW_ADDR)
        ps = run("anvil-ps")
        return stage() == "GDBDEMO_PARENT" and pa is not None and \
            phys_word(pa) == PARENT_VAL and \
            not re.search(r"^ +%d " % child, ps, re.M), \
            ps + out_p + out + run("bt")

    run("delete")
