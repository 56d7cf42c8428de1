# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_tasks.py: tasks and the locks they hold.
#
#   anvil-ps            every task: pid, tgid, ppid, comm, state, CPU, mm...
#   anvil-locks [PID]   each task's held-lock stack, from lockdep
#   $current([cpu])     the task running on a CPU (default: gdb's thread)
#
# Which tasks are reachable, and why not all: reachable_tasks() in
# anvil_utils.py. The lock checker's structures: <anvil/lockdep.h>.

import gdb

from anvil_utils import (AnvilCommand, register, reachable_tasks, find_task,
                         task_comm, task_state, task_tgid, task_ppid,
                         symbolize, get_type, make_ptr, has_field,
                         percpu_hdr, online_cpus, cpu_of_thread,
                         thread_in_user_mode, kernel_access, parse_int)


def task_mm(task):
    """The task's mm as text: '-' for a kernel thread (or a kernel that
    has no mm_struct yet)."""
    if not has_field(task.type.target(), "mm") or not int(task["mm"]):
        return "-"
    return "0x%x" % int(task["mm"])


def cpu_threads():
    """{logical CPU: "gdb thread N"}, with ", user mode" for a vCPU
    stopped in user code (its task's kernel stack is then not in use)."""
    found = {}
    for t in gdb.selected_inferior().threads():
        cpu = cpu_of_thread(t)
        if cpu is not None:
            found[cpu] = "gdb thread %d%s" % (
                t.num, ", user mode" if thread_in_user_mode(t) else "")
    return found


@register
class AnvilPs(AnvilCommand):
    """List tasks: anvil-ps.

Columns: PID (the task's id, gettid()), TGID (its process, getpid()),
PPID (the parent process), COMM, STATE (R running or runnable, S
sleeping, D sleeping uninterruptibly, Z zombie: exited, not yet waited
for, X dead), CPU (the runqueue it belongs to), ON_CPU (1: running now,
or switching out), PREEMPT (preempt_count in hex: the low byte counts
preempt_disable, 0x10000 each hardirq level), MM (its address space, -
for a kernel thread: anvil-vmas PID shows it), the task_struct's address,
and where gdb found it. A running task's registers are those of the gdb
thread (QEMU vCPU) shown next to it: 'thread N' then 'bt' shows its
stack, or its user code if that vCPU is in user mode. Every task is on
the list headed by init_task.tasks; the runqueues say where each one
runs."""

    NAME = "anvil-ps"

    def run(self, argv):
        if argv:
            self.usage_error()
        tasks = reachable_tasks()
        threads = cpu_threads()
        gdb.write("%5s %5s %5s %-16s %-5s %3s %6s %7s %-18s %-18s %s\n"
                  % ("PID", "TGID", "PPID", "COMM", "STATE", "CPU", "ON_CPU",
                     "PREEMPT", "MM", "TASK", "FOUND"))
        processes = set()
        for task, why in tasks:
            for cpu, thread in threads.items():
                why = why.replace("current on CPU %d" % cpu,
                                  "current on CPU %d (%s)" % (cpu, thread))
            if task_mm(task) != "-":
                processes.add(task_tgid(task))
            gdb.write("%5d %5d %5d %-16s %-5s %3d %6d %7s %-18s 0x%-16x %s\n"
                      % (int(task["pid"]), task_tgid(task), task_ppid(task),
                         task_comm(task), task_state(task),
                         int(task["cpu"]), int(task["on_cpu"]),
                         "0x%x" % int(task["preempt_count"]), task_mm(task),
                         int(task), why))
        gdb.write("%d tasks (%d user processes) on %d CPUs\n"
                  % (len(tasks), len(processes), len(online_cpus())))


def lock_class_name(held):
    """The class name of a struct held_lock: struct lock_class is private
    to kernel/locking/lockdep.c, so cast to its full definition there."""
    cls = int(held["class"])
    if cls:
        try:
            lc = make_ptr(cls, get_type("struct lock_class").pointer())
            return lc["name"].string()
        except (gdb.error, gdb.GdbError):
            pass
    inst = held["instance"]
    if int(inst) and int(inst["name"]):
        return inst["name"].string()
    return "?"


def print_held_locks(ctx, who):
    """Print one lockdep_context's stack; returns how many locks it has."""
    depth = int(ctx["depth"])
    if depth == 0:
        return 0
    gdb.write("%s: %d lock%s held\n" % (who, depth, "" if depth == 1 else "s"))
    for i in range(min(depth, ctx["held"].type.range()[1] + 1)):
        h = ctx["held"][i]
        line = "  #%d %-20s at 0x%x, acquired at %s" % (
            i, lock_class_name(h), int(h["instance"]),
            symbolize(h["acquire_ip"], return_address=True))
        if int(h["count"]) > 1:
            line += " (x%d under its nest lock)" % int(h["count"])
        gdb.write(line + "\n")
    return depth


@register
class AnvilLocks(AnvilCommand):
    """Show locks held per task: anvil-locks [PID].

For each reachable task (and the boot context, before tasks existed),
lockdep's held-lock stack, outermost first: the lock's class name, the
lock's address, and where it was taken (function+offset, file:line).
Only spinlocks, mutexes and rw-semaphores are tracked; the runqueue and
log buffer locks are bare arch spinlocks and never appear."""

    NAME = "anvil-locks"
    USAGE = "[PID]"

    def run(self, argv):
        if len(argv) > 1:
            self.usage_error()
        if argv:
            task = find_task(parse_int(argv[0]))
            tasks = [(task, "")]
        else:
            tasks = reachable_tasks()
        total = 0
        for task, _ in tasks:
            who = "%s (pid %d, CPU %d)" % (task_comm(task), int(task["pid"]),
                                           int(task["cpu"]))
            total += print_held_locks(task["lockdep"], who)
        if not argv:
            try:
                boot = gdb.parse_and_eval("boot_context")
                total += print_held_locks(boot, "boot context")
            except gdb.error:
                pass
        if total == 0:
            gdb.write("no locks held by the %d reachable tasks\n"
                      % len(tasks))


def selected_cpu():
    """The logical CPU of gdb's selected thread."""
    thread = gdb.selected_thread()
    if thread is None:
        raise gdb.GdbError("no thread selected (not connected to QEMU?)")
    cpu = cpu_of_thread(thread)
    if cpu is None:
        raise gdb.GdbError("gdb thread %d has no per-CPU area yet (early "
                           "boot?): name the CPU, $current(N)" % thread.num)
    return cpu


class CurrentFunction(gdb.Function):
    """$current([CPU]): the task running on CPU (default: the CPU of gdb's
selected thread), as a struct task_struct *. Example:
  p $current()->comm
  p *$current(1)
On ppc64, with the CPU stopped in user code, reading through the pointer
needs anvil-kernel: anvil-kernel p $current()->comm"""

    def __init__(self):
        super().__init__("current")

    def invoke(self, cpu=None):
        with kernel_access():
            cpu = selected_cpu() if cpu is None else int(cpu)
            if cpu not in online_cpus():
                raise gdb.GdbError("CPU %d is not online" % cpu)
            task = percpu_hdr(cpu)["current_task"]
            task.fetch_lazy()
            return task


CurrentFunction()
