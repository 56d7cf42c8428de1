# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_prog.py: a user program and the kernel in one session.
#
#   anvil-prog FILE      load a user program's symbols next to the kernel's
#                        and make breakpoints in user code stop in it only
#   anvil-prog           say which program that is
#   $in_prog([NAME])     1 if the task on gdb's selected CPU runs the
#                        program (its comm is NAME), else 0
#   anvil-kernel CMD     run gdb command CMD with kernel memory readable,
#                        for a CPU stopped in user code on ppc64
#
# `make gdb PROG=...` (scripts/gdb/anvil-gdb --prog) runs anvil-prog for
# you. Why user breakpoints need a filter: every program is linked at the
# same address (0x400000 on x86_64, 0x10000000 on ppc64), and QEMU's
# breakpoints match the virtual address whatever the address space, so
# `break main` would also stop wherever init or sh happens to execute that
# address. anvil-prog gives every breakpoint whose locations are all in
# user space the condition $in_prog(): the current task's comm must be
# the program's name (exec sets it from the file name, and fork copies
# it, so parent and child both stop). A condition you give (`break f if
# x > 1`) is kept, after $in_prog(); `condition N ...` later replaces
# the whole condition, filter included. Breakpoints gdb makes for itself
# (`next` over a call, `finish`) are not filtered; they also check the
# stack frame, so they rarely stop in another program.

import os

import gdb

from anvil_utils import (AnvilCommand, register, kernel_access, percpu_hdr,
                         task_comm, kernel_arch)

TASK_COMM_LEN = 16
FILTER = "$in_prog()"

# The program's comm survives `source anvil.py` (a reload) in a
# convenience variable; the symbols stay loaded in gdb anyway.
_VAR = "anvil_prog_comm"


def prog_comm():
    v = gdb.convenience_variable(_VAR)
    return v.string() if v is not None else None


def user_end():
    from anvil_mm import arch_walker
    return arch_walker().USER_END


def is_user_breakpoint(bp):
    """A breakpoint whose every location is a user address."""
    if bp.type != gdb.BP_BREAKPOINT or not bp.is_valid():
        return False
    try:
        locs = bp.locations
    except (AttributeError, RuntimeError):
        return False
    end = user_end()
    return bool(locs) and all(loc.address is not None and
                              loc.address < end for loc in locs)


def add_filter(bp):
    """Make user breakpoint BP stop in the program's processes only."""
    if prog_comm() is None or not is_user_breakpoint(bp):
        return
    cond = bp.condition
    if cond and FILTER in cond:
        return
    bp.condition = FILTER if not cond else "%s && (%s)" % (FILTER, cond)


def _on_created(bp):
    try:
        add_filter(bp)
    except (gdb.error, RuntimeError):
        pass  # never break `break` itself


# One connection, also across reloads: disconnect the old module's.
if hasattr(gdb, "_anvil_prog_hook"):
    gdb.events.breakpoint_created.disconnect(gdb._anvil_prog_hook)
gdb._anvil_prog_hook = _on_created
gdb.events.breakpoint_created.connect(_on_created)


def find_program(name):
    """NAME as given if it is a file, else build/user/ARCH/{bin,tests,
    stress}/NAME (relative to the current directory: make gdb runs gdb
    from the top of the tree)."""
    if os.path.isfile(name):
        return os.path.abspath(name)
    for sub in ("bin", "tests", "stress"):
        path = os.path.join("build", "user", kernel_arch(), sub, name)
        if os.path.isfile(path):
            return os.path.abspath(path)
    raise gdb.GdbError("anvil-prog: no file '%s', nor build/user/%s/{bin,"
                       "tests,stress}/%s" % (name, kernel_arch(), name))


@register
class AnvilProg(AnvilCommand):
    """Load a user program's symbols: anvil-prog FILE.

FILE is the program's unstripped ELF (the one in build/user/ARCH/, not
the copy in the initramfs, which has no debug information), or just its
name: anvil-prog gdbdemo. Its symbols are added next to the kernel's
(add-symbol-file, at the addresses the static ELF was linked at), so
`break main` and `bt` in user code work. From then on each breakpoint
whose locations are all in user space gets the condition $in_prog(),
which stops it only in processes running this program (see the top of
scripts/gdb/anvil_prog.py for why). With no argument: which program."""

    NAME = "anvil-prog"
    USAGE = "[FILE]"

    def run(self, argv):
        if not argv:
            comm = prog_comm()
            gdb.write("anvil-prog: %s\n" % (
                "breakpoints in user code stop in '%s' only" % comm
                if comm else "no program (anvil-prog FILE loads one)"))
            return
        if len(argv) != 1:
            self.usage_error()
        path = find_program(argv[0])
        gdb.execute("add-symbol-file %s" % path, to_string=True)
        comm = os.path.basename(path)[:TASK_COMM_LEN - 1]
        gdb.set_convenience_variable(_VAR, comm)
        for bp in gdb.breakpoints():
            add_filter(bp)
        gdb.write("anvil-prog: symbols from %s; breakpoints in user code "
                  "stop in '%s' processes only\n" % (path, comm))


class InProg(gdb.Function):
    """$in_prog([NAME]): 1 if the task current on gdb's selected CPU is
running the program NAME (its comm), by default the one anvil-prog
loaded; else 0. In a kernel breakpoint's condition it picks the
program's own faults and system calls out of everyone's:
  break do_wp_page if $in_prog() && addr == 0x20000000"""

    def __init__(self):
        super().__init__("in_prog")

    def invoke(self, name=None):
        want = name.string() if name is not None else prog_comm()
        if want is None:
            raise gdb.GdbError("$in_prog(): no program; anvil-prog FILE "
                               "or $in_prog(\"NAME\")")
        from anvil_tasks import selected_cpu
        with kernel_access():
            try:
                task = percpu_hdr(selected_cpu())["current_task"]
                return int(bool(int(task)) and task_comm(task) == want)
            except gdb.GdbError:
                return 0  # early boot: no per-CPU area, no program yet


InProg()


@register
class AnvilKernel(AnvilCommand):
    """Run a gdb command with kernel memory readable: anvil-kernel CMD.

Stopped in user code on ppc64, gdb cannot read kernel memory: QEMU
checks a debugger's accesses against the CPU's privilege, and the
kernel's pages are not accessible in problem state (user mode). The
anvil-* helpers switch to supervisor state around their reads by
themselves (clearing MSR[PR], and restoring it before the CPU runs
again); this does the same for any command:
  anvil-kernel p $current()->comm
  anvil-kernel p *$current()->mm
On x86_64 it just runs CMD (the kernel is always readable there)."""

    NAME = "anvil-kernel"
    USAGE = "GDB-COMMAND"

    def invoke(self, arg, from_tty):
        if not arg.strip():
            self.usage_error()
        with kernel_access():
            gdb.execute(arg, from_tty)
