# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_selftest.py: the gdb batch test, run inside gdb by
# scripts/gdb-test (which boots QEMU with user/bin/gdbdemo as init's
# program, `anvil-gdb --prog gdbdemo`, and sets ANVIL_GDB_ARCH and
# ANVIL_GDB_SMP). Prints TAP: one "ok N - ..." or "not ok N - ..." line
# per check, then the plan.
#
# The kernel session: break in kernel_init, next, step into a call,
# finish back out, read variables, step on until the banner is in the
# log, then run every anvil-* helper against that known state (the tasks,
# the log, the runqueues, page tables of known addresses), and bt through
# a timer interrupt.
#
# The process session (when anvil-prog has loaded gdbdemo's symbols): the
# program's checkpoints and its copy-on-write fault, from both sides; see
# user/bin/gdbdemo.c for the state it builds. Each check catches its own
# errors, so one failure does not hide the rest. Kernel breakpoints are
# temporary, so later `continue`s run on.

import os
import re

import gdb

ARCH = os.environ.get("ANVIL_GDB_ARCH", "x86_64")
SMP = int(os.environ.get("ANVIL_GDB_SMP", "4" if ARCH == "x86_64" else "2"))
MASK64 = (1 << 64) - 1

results = []


def run(cmd):
    return gdb.execute(cmd, to_string=True)


def tap(desc, ok, detail=""):
    results.append(ok)
    gdb.write("%s %d - %s\n" % ("ok" if ok else "not ok", len(results), desc))
    if not ok and detail:
        for line in str(detail).rstrip().splitlines()[-15:]:
            gdb.write("#   %s\n" % line)


def check(desc):
    """Decorator: run the function now; it returns (ok, detail)."""
    def wrap(fn):
        try:
            ok, detail = fn()
        except (gdb.error, gdb.GdbError, ValueError, KeyError) as e:
            ok, detail = False, "%s: %s" % (type(e).__name__, e)
        tap(desc, ok, detail)
        return fn
    return wrap


def here():
    """(function name, line) of the newest frame."""
    f = gdb.newest_frame()
    return f.name(), f.find_sal().line


def addr_of(expr):
    return int(gdb.parse_and_eval("(long)&" + expr)) & MASK64


@check("break kernel_init; continue stops there")
def _():
    run("tbreak kernel_init")
    out = run("continue")
    return here()[0] == "kernel_init", out


@check("next moves to another line of kernel_init")
def _():
    before = here()
    out = run("next")
    after = here()
    return after[0] in ("kernel_init", "print_banner") and \
        after[1] != before[1], "%s -> %s\n%s" % (before, after, out)


step_into = []


@check("step enters a called function")
def _():
    outer = here()[0]
    out = ""
    for _ in range(8):
        out += run("step")
        name = here()[0]
        if name not in (outer, "kernel_init", "print_banner"):
            step_into.append(name)
            return True, name
    return False, out


@check("finish returns to the caller")
def _():
    if not step_into:
        return False, "step did not enter a function"
    run("finish")
    name = here()[0]
    return name in ("print_banner", "kernel_init"), name


@check("boot_params.nr_cpus is the -smp count (%d)" % SMP)
def _():
    v = int(gdb.parse_and_eval("boot_params.nr_cpus"))
    return v == SMP, "nr_cpus = %d" % v


@check("jiffies and init_task.comm read back")
def _():
    j = int(gdb.parse_and_eval("jiffies"))
    comm = gdb.parse_and_eval("init_task.comm").string()
    return j >= 0 and comm == "swapper/0", "jiffies %d comm %r" % (j, comm)


@check("bt from kernel_init ends at ret_from_kernel_thread")
def _():
    out = run("bt").strip().splitlines()
    return len(out) <= 6 and "ret_from_kernel_thread" in out[-1] and \
        "kthread_entry" in "\n".join(out), "\n".join(out)


@check("next over print_banner: anvil-dmesg shows the banner")
def _():
    want = re.compile(r"anvil \(%s\) on .*\n.*CPUs: %d found" % (ARCH, SMP))
    for _ in range(30):
        out = run("anvil-dmesg")
        if want.search(out):
            return True, ""
        run("next")
    return False, out


@check("anvil-dmesg -n 1 -l prints one line with its level")
def _():
    out = run("anvil-dmesg -n 1 -l").strip().splitlines()
    return len(out) == 1 and re.match(r"<\d>\w+ +\[ *\d+\.\d{6}\] ", out[0]), \
        "\n".join(out)


@check("anvil-ps lists kernel_init and swapper/0..%d" % (SMP - 1))
def _():
    out = run("anvil-ps")
    ok = re.search(r"^ +1 +\d+ +\d+ kernel_init +R .*current on CPU \d"
                   r" \(gdb thread \d+\)", out, re.M)
    for cpu in range(SMP):
        ok = ok and re.search(r"^ +0 +0 +0 swapper/%d +R +%d " % (cpu, cpu),
                              out, re.M)
    return bool(ok), out


@check("$current() is kernel_init on this CPU")
def _():
    comm = gdb.parse_and_eval("$current()->comm").string()
    return comm == "kernel_init", comm + "\n" + run("info threads")


@check("anvil-percpu runqueues.cpu shows each CPU's own number")
def _():
    out = run("anvil-percpu runqueues.cpu")
    ok = all(re.search(r"CPU %d: .*\nrunqueues.cpu = %d\n" % (c, c), out)
             for c in range(SMP))
    return ok, out


@check("anvil-percpu lists the areas and runqueues")
def _():
    out = run("anvil-percpu")
    return "runqueues" in out and all("CPU %d: area" % c in out
                                      for c in range(SMP)), out


def kernel_pa(addr):
    if ARCH == "x86_64":
        base = 0xffffffff80000000 if addr >= 0xffffffff80000000 \
            else 0xffff888000000000
        return addr - base
    return addr & 0x0fffffffffffffff


def pte_check(expr):
    addr = int(gdb.parse_and_eval("(long)(%s)" % expr)) & MASK64
    out = run("anvil-pte %s" % expr)
    levels = ("PGD[", "PUD[", "PMD[") if ARCH == "x86_64" else \
        ("SLB:", "primary hash", "HPTE slot")
    ok = all(lv in out for lv in levels) and \
        ("pa 0x%x\n" % kernel_pa(addr) in out or
         "pa 0x%x:" % kernel_pa(addr) in out)
    return ok, out


@check("anvil-pte &jiffies (kernel image) walks to its physical page")
def _():
    return pte_check("&jiffies")


@check("anvil-pte $sp (direct map) walks to its physical page")
def _():
    return pte_check("$sp")


@check("anvil-pte of an unmapped address says so")
def _():
    addr = "0x1000" if ARCH == "x86_64" else "0xc000000ff0000000"
    out = run("anvil-pte %s" % addr)
    return "not present" in out or "no HPTE" in out, out


@check("anvil-locks names a held lock and where it was taken")
def _():
    run("tbreak lock_acquire")
    run("continue")
    run("finish")
    out = run("anvil-locks")
    return bool(re.search(r"\d+ locks? held\n +#0 \S+ +at 0x[0-9a-f]+, "
                          r"acquired at \w+\+0x[0-9a-f]+ \(\S+:\d+\)",
                          out)), out


@check("bt in a timer interrupt continues into the interrupted code")
def _():
    run("tbreak scheduler_tick")
    run("continue")
    out = run("bt")
    entry = "common_entry" if ARCH == "x86_64" else "exc_dispatch_return"
    lines = out.strip().splitlines()
    idx = [i for i, ln in enumerate(lines) if entry in ln]
    ok = idx and idx[0] + 1 < len(lines) and \
        re.search(r" in \w+ \(|^#\d+ +\w+ \(", lines[idx[0] + 1])
    return bool(ok), out


@check("anvil-vmas on a kernel thread says it has no mm")
def _():
    try:
        run("anvil-vmas 0")
    except gdb.error as e:
        return "no mm" in str(e), str(e)
    return False, "no error"


@check("anvil-help lists every helper")
def _():
    out = run("anvil-help")
    names = ("anvil-ps", "anvil-dmesg", "anvil-percpu", "anvil-locks",
             "anvil-pte", "anvil-vmas", "anvil-prog", "anvil-kernel")
    return all(n in out for n in names), out


# ---- the process session: user/bin/gdbdemo.c ---------------------------

PROG = gdb.convenience_variable("anvil_prog_comm")
if PROG is not None and PROG.string() == "gdbdemo":
    import anvil_selftest_proc
    anvil_selftest_proc.run_checks(check, run, tap)

gdb.write("1..%d\n" % len(results))
run("kill")
