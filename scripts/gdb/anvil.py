# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil.py: anvil's gdb extension; `source` this file (make gdb
# and scripts/gdb/gdbinit do it for you). Sourcing it again reloads every
# module, so an edited helper takes effect without restarting gdb.
#
# Commands (anvil-help lists them, `help anvil-ps` explains one):
#   anvil-ps               tasks: pid, tgid, ppid, comm, state, CPU, mm
#   anvil-dmesg            the kernel log ring, read from memory
#   anvil-percpu [VAR]     a per-CPU variable on every CPU
#   anvil-locks [PID]      locks held per task (lockdep)
#   anvil-pte [PID] ADDR   the MMU walk for an address, level by level
#   anvil-vmas PID|-m MM   an address space's VMAs, like /proc/PID/maps
#   anvil-prog FILE        a user program's symbols; user breakpoints
#                          stop in that program only
#   anvil-kernel CMD       CMD with kernel memory readable (ppc64, CPU
#                          stopped in user mode)
# Functions: $current([cpu]), $per_cpu_ptr(&var, cpu), $in_prog([name]).
#
# Where things are:
#   anvil_utils.py   command base class and registry, list/per-CPU/symbol
#                    helpers, the task walker
#   anvil_unwind.py  bt through exception frames; bt ends at a task's start
#   anvil_tasks.py   anvil-ps, anvil-locks, $current
#   anvil_log.py     anvil-dmesg
#   anvil_percpu.py  anvil-percpu, $per_cpu_ptr
#   anvil_mm.py      anvil-pte (per-arch walkers), anvil-vmas, MmCommand
#   anvil_prog.py    anvil-prog, $in_prog, anvil-kernel
# docs/debugging.md is the walkthrough.

import importlib
import os
import sys

import gdb

_here = os.path.dirname(os.path.abspath(
    __file__ if "__file__" in globals() else gdb.current_progspace().filename))
if _here not in sys.path:
    sys.path.insert(0, _here)

_modules = ("anvil_utils", "anvil_unwind", "anvil_tasks", "anvil_log",
            "anvil_percpu", "anvil_mm", "anvil_prog")

# Re-sourcing: drop the old frame filter, then reload in dependency order.
gdb.frame_filters.pop("anvil-backtrace-bottom", None)
for _name in _modules:
    if _name in sys.modules:
        importlib.reload(sys.modules[_name])
    else:
        importlib.import_module(_name)
sys.modules["anvil_unwind"].install()

gdb.write("anvil: gdb helpers loaded (anvil-help lists them)\n")
