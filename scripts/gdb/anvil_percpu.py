# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_percpu.py: per-CPU variables (<anvil/percpu.h>).
#
#   anvil-percpu                  list the per-CPU variables and areas
#   anvil-percpu VAR[.f|->f|[i]]  VAR (or a part of it) on every online CPU
#   anvil-percpu VAR CPU          ... on one CPU
#   $per_cpu_ptr(&var, cpu)       per_cpu_ptr() as a gdb function
#
# A plain "print runqueues" shows CPU 0's copy only: the symbol's address
# is the section CPU 0 uses in place. CPU n's copy is at that address plus
# __per_cpu_offset[n]. The list of variables comes from the ELF symbol
# table (gdb has no Python API to list symbols by address).

import struct

import gdb

from anvil_utils import (AnvilCommand, register, online_cpus, per_cpu_ptr,
                         percpu_hdr, task_comm, nr_cpu_ids)


def elf_symbols(path):
    """Yield (name, value, size) for every object symbol of an ELF64
    file, either byte order; enough of the format for this one job."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise gdb.GdbError("%s is not an ELF64 file" % path)
    e = "<" if data[5] == 1 else ">"
    shoff, = struct.unpack_from(e + "Q", data, 0x28)
    shentsize, shnum = struct.unpack_from(e + "HH", data, 0x3a)
    sections = [struct.unpack_from(e + "IIQQQQIIQQ", data,
                                   shoff + i * shentsize)
                for i in range(shnum)]
    for sh in sections:
        if sh[1] != 2:  # SHT_SYMTAB
            continue
        strtab = sections[sh[6]]  # sh_link
        for off in range(sh[4], sh[4] + sh[5], sh[9]):
            name, info, _, _, value, size = struct.unpack_from(
                e + "IBBHQQ", data, off)
            if info & 0xf != 1:  # STT_OBJECT
                continue
            start = strtab[4] + name
            yield (data[start:data.index(b"\0", start)].decode(),
                   value, size)


def percpu_variables():
    """[(address, size, name)] of the variables in the per-CPU section."""
    start = int(gdb.parse_and_eval("&__per_cpu_start").cast(
        gdb.lookup_type("unsigned long")))
    end = int(gdb.parse_and_eval("&__per_cpu_end").cast(
        gdb.lookup_type("unsigned long")))
    path = gdb.current_progspace().filename
    return sorted((v, s, n) for n, v, s in elf_symbols(path)
                  if start <= v < end)


def split_expr(expr):
    """'runqueues.curr->comm' -> ('runqueues', '.curr->comm')."""
    for i, ch in enumerate(expr):
        if ch in ".[-":
            return expr[:i], expr[i:]
    return expr, ""


def show_areas():
    gdb.write("Per-CPU areas (CPU n's copy = symbol + __per_cpu_offset[n]):\n")
    for cpu in online_cpus():
        hdr = percpu_hdr(cpu)
        cur = hdr["current_task"]
        gdb.write("  CPU %d: area 0x%x, offset 0x%x, current %s\n"
                  % (cpu, int(hdr.address),
                     int(gdb.parse_and_eval("__per_cpu_offset")[cpu]),
                     task_comm(cur) if int(cur) else "-"))
    gdb.write("Variables (anvil-percpu NAME to see one on each CPU):\n")
    for addr, size, name in percpu_variables():
        gdb.write("  0x%x %5d  %s\n" % (addr, size, name))


@register
class AnvilPercpu(AnvilCommand):
    """Print a per-CPU variable on each CPU: anvil-percpu [VAR[.field]] [CPU].

With no arguments: each CPU's per-CPU area and the list of variables.
VAR may be followed by a member, element or pointer chain:
  anvil-percpu runqueues
  anvil-percpu runqueues.nr_running
  anvil-percpu runqueues.curr->comm 1"""

    NAME = "anvil-percpu"
    USAGE = "[VAR[.field|->field|[index]...]] [CPU]"

    def run(self, argv):
        if not argv:
            show_areas()
            return
        if len(argv) > 2:
            self.usage_error()
        name, rest = split_expr(argv[0])
        try:
            var = gdb.parse_and_eval(name)
        except gdb.error as e:
            raise gdb.GdbError("anvil-percpu: %s" % e)
        cpus = [int(argv[1], 0)] if len(argv) > 1 else online_cpus()
        for cpu in cpus:
            if not 0 <= cpu < nr_cpu_ids():
                raise gdb.GdbError("no CPU %d" % cpu)
            ptr = per_cpu_ptr(var.address, cpu)
            gdb.set_convenience_variable("__anvil_pcpu", ptr.dereference())
            val = gdb.parse_and_eval("$__anvil_pcpu" + rest)
            gdb.write("CPU %d: (%s *) 0x%x\n%s = %s\n"
                      % (cpu, var.type, int(ptr), argv[0],
                         val.format_string(pretty_structs=True)))


class PerCpuPtr(gdb.Function):
    """$per_cpu_ptr(PTR, CPU): PTR, the address of a per-CPU variable,
moved to CPU's copy; per_cpu_ptr() from <anvil/percpu.h>. Example:
  p *$per_cpu_ptr(&runqueues, 1)"""

    def __init__(self):
        super().__init__("per_cpu_ptr")

    def invoke(self, ptr, cpu):
        return per_cpu_ptr(ptr, int(cpu))


PerCpuPtr()
