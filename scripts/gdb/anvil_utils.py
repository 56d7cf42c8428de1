# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_utils.py: what every anvil gdb helper shares.
#
#   AnvilCommand, register     the base class and registry of anvil-* commands
#   get_type, has_type, has_field   types from the kernel's DWARF, cached
#   make_ptr, read_ulong, read_bytes, parse_int   addresses and raw memory
#   container_of, list_for_each_entry    <anvil/list.h> in Python
#   per_cpu_ptr, per_cpu, percpu_hdr, online_cpus   <anvil/percpu.h>
#   cpu_of_thread, thread_cpus which logical CPU each gdb thread (vCPU) is
#   symbol_of, symbolize       an address as "func+0xoff (file:line)"
#   task_comm, task_state, reachable_tasks, find_task   the tasks gdb finds
#   kernel_arch                "x86_64" or "ppc64"
#
# The commands themselves live in anvil_tasks.py (ps, locks), anvil_log.py
# (dmesg), anvil_percpu.py and anvil_mm.py (pte, vmas), backtrace help in
# anvil_unwind.py; anvil.py loads them all. Everything here reads memory through gdb, so it works on a
# stopped kernel of either arch with no help from the kernel itself.

import gdb

# A list longer than this is corrupt (or we are reading garbage).
MAX_LIST_ENTRIES = 100000

_types = {}


def _clear_caches(event=None):
    _types.clear()


gdb.events.new_objfile.connect(_clear_caches)


def get_type(name):
    """The gdb.Type called NAME ("struct rq"); gdb.GdbError if missing."""
    t = _types.get(name)
    if t is None:
        try:
            t = gdb.lookup_type(name)
        except gdb.error:
            raise gdb.GdbError("no type '%s' in the kernel's debug info "
                               "(is build/<arch>/anvil.elf loaded?)" % name)
        _types[name] = t
    return t


def has_type(name):
    """True if the kernel defines NAME: helpers for later structures test
    this, so they say "not in this kernel yet" instead of failing."""
    try:
        get_type(name)
        return True
    except gdb.GdbError:
        return False


def has_field(t, name):
    return any(f.name == name for f in t.strip_typedefs().fields())


def kernel_arch():
    """"x86_64" or "ppc64", from the architecture gdb took from the ELF."""
    name = gdb.selected_inferior().architecture().name()
    if "x86-64" in name:
        return "x86_64"
    if "powerpc" in name or "rs6000" in name:
        return "ppc64"
    raise gdb.GdbError("anvil: unknown architecture '%s'" % name)


def make_ptr(addr, ptr_type):
    """A gdb.Value of pointer type PTR_TYPE holding address ADDR (an int).
    gdb.Value() takes a signed 64-bit int, and kernel addresses are
    above 2^63: pass the same bits as a negative number."""
    addr &= (1 << 64) - 1
    if addr >= 1 << 63:
        addr -= 1 << 64
    return gdb.Value(addr).cast(get_type("long")).cast(ptr_type)


def read_ulong(addr):
    """The 64-bit word at virtual address ADDR, as a Python int."""
    ptr = make_ptr(addr, get_type("unsigned long").pointer())
    return int(ptr.dereference()) & ((1 << 64) - 1)


def read_bytes(addr, n):
    return bytes(gdb.selected_inferior().read_memory(addr, n))


def parse_int(arg):
    """A number or any gdb expression (a symbol, $rip, &x) as an int."""
    try:
        v = gdb.parse_and_eval(arg)
        if v.type.strip_typedefs().code in (gdb.TYPE_CODE_FUNC,
                                            gdb.TYPE_CODE_ARRAY,
                                            gdb.TYPE_CODE_STRUCT):
            v = v.address  # "anvil-pte kernel_init" means its address
        return int(v.cast(get_type("long"))) & ((1 << 64) - 1)
    except gdb.error as e:
        raise gdb.GdbError("cannot evaluate '%s': %s" % (arg, e))


def _field_offset(t, member):
    for f in t.strip_typedefs().fields():
        if f.name == member:
            return f.bitpos // 8
    raise gdb.GdbError("%s has no member '%s'" % (t, member))


def container_of(ptr, typename, member):
    """The TYPENAME * whose MEMBER is at address PTR (a Value or int)."""
    t = get_type(typename)
    return make_ptr(int(ptr) - _field_offset(t, member), t.pointer())


def list_for_each_entry(head, typename, member):
    """Yield each TYPENAME * on the list whose head is HEAD (a struct
    list_head value or pointer); like list_for_each_entry() in C."""
    if head.type.strip_typedefs().code == gdb.TYPE_CODE_PTR:
        head = head.dereference()
    head_addr = int(head.address)
    node = head["next"]
    for _ in range(MAX_LIST_ENTRIES):
        if int(node) == head_addr:
            return
        if int(node) == 0:
            raise gdb.GdbError("list at 0x%x: NULL next pointer" % head_addr)
        yield container_of(node, typename, member)
        node = node["next"]
    raise gdb.GdbError("list at 0x%x: no end after %d entries"
                       % (head_addr, MAX_LIST_ENTRIES))


def nr_cpu_ids():
    """NR_CPUS, from the size of __per_cpu_offset[]."""
    t = gdb.parse_and_eval("__per_cpu_offset").type
    return t.range()[1] + 1


def online_cpus():
    """The online CPUs, from kernel/smp.c's cpu_is_online[]."""
    try:
        online = gdb.parse_and_eval("cpu_is_online")
        return [c for c in range(nr_cpu_ids()) if int(online[c])]
    except gdb.error:
        # Older or stripped: CPU 0, and every CPU that has an area.
        offs = gdb.parse_and_eval("__per_cpu_offset")
        return [0] + [c for c in range(1, nr_cpu_ids()) if int(offs[c])]


def per_cpu_ptr(ptr, cpu):
    """per_cpu_ptr() from <anvil/percpu.h>: PTR moved into CPU's area."""
    off = int(gdb.parse_and_eval("__per_cpu_offset")[cpu])
    return make_ptr(int(ptr) + off, ptr.type)


def per_cpu(name, cpu):
    """per_cpu(NAME, CPU): the value of per-CPU variable NAME on CPU."""
    var = gdb.parse_and_eval(name)
    return per_cpu_ptr(var.address, cpu).dereference()


def percpu_hdr(cpu):
    """CPU's struct percpu_hdr (the first thing in its per-CPU area)."""
    return per_cpu("percpu_hdr_area", cpu)


# The register that holds the per-CPU area's address in kernel code.
PERCPU_BASE_REG = {"x86_64": "gs_base", "ppc64": "r13"}


def cpu_of_thread(thread):
    """The logical CPU a gdb thread (a QEMU vCPU) is, or None if it is not
    running kernel code with its per-CPU base set up. The numbering
    differs: on powernv, logical CPU 0 is whichever thread skiboot booted,
    so read the per-CPU base register instead of guessing from thread.num."""
    old_thread, old_frame = gdb.selected_thread(), gdb.selected_frame()
    try:
        thread.switch()
        base = int(gdb.newest_frame().read_register(
            PERCPU_BASE_REG[kernel_arch()])) & ((1 << 64) - 1)
    finally:
        old_thread.switch()
        old_frame.select()
    for cpu in online_cpus():
        if int(percpu_hdr(cpu).address) & ((1 << 64) - 1) == base:
            return cpu
    return None


def thread_cpus():
    """{logical CPU: gdb thread number} for the threads in kernel code."""
    found = {}
    for t in gdb.selected_inferior().threads():
        cpu = cpu_of_thread(t)
        if cpu is not None:
            found[cpu] = t.num
    return found


def symbol_of(addr):
    """(name, offset) of the symbol covering ADDR, or (None, 0)."""
    try:
        out = gdb.execute("info symbol 0x%x" % int(addr), to_string=True)
    except gdb.error:
        return None, 0
    if not out or out.startswith("No symbol"):
        return None, 0
    # "kernel_init + 28 in section .text" or "jiffies in section .bss"
    words = out.split(" in section")[0].split()
    return words[0], int(words[2]) if len(words) == 3 else 0


def symbolize(addr, return_address=False):
    """ADDR as "func+0xoff (file:line)", or hex if no symbol covers it.
    RETURN_ADDRESS: ADDR is where a call returns to (a _RET_IP_), so the
    source line is taken from the byte before it, the call itself."""
    addr = int(addr)
    name, off = symbol_of(addr)
    if name is None:
        return "0x%x" % addr
    if off:
        name += "+0x%x" % off
    sal = gdb.find_pc_line(addr - 1 if return_address else addr)
    if sal.symtab is not None and sal.line:
        name += " (%s:%d)" % (sal.symtab.filename, sal.line)
    return name


def task_comm(task):
    raw = read_bytes(int(task["comm"].address), task["comm"].type.sizeof)
    return raw.split(b"\0")[0].decode("ascii", "replace")


TASK_STATES = {0: "R", 1: "S", 2: "D", 64: "X"}


def task_state(task):
    s = int(task["state"])
    return TASK_STATES.get(s, "?%d" % s)


def reachable_tasks():
    """Every task, as [(task pointer, where found)]: the list of all tasks
    headed by init_task.tasks, plus, for each CPU, its idle and current
    task and its runqueue (which say where a task is)."""
    found = {}

    def add(task, why):
        if not int(task):
            return
        if int(task) in found:
            found[int(task)][1].append(why)
        else:
            found[int(task)] = (task, [why])

    init = gdb.parse_and_eval("&init_task")
    add(init, "init_task")
    for t in list_for_each_entry(init["tasks"], "struct task_struct",
                                 "tasks"):
        add(t, "task list")
    for cpu in online_cpus():
        rq = per_cpu("runqueues", cpu)
        add(percpu_hdr(cpu)["current_task"], "current on CPU %d" % cpu)
        add(rq["idle"], "idle of CPU %d" % cpu)
        for t in list_for_each_entry(rq["queue"], "struct task_struct",
                                     "run_list"):
            add(t, "queued on CPU %d" % cpu)
    tasks = [(t, ", ".join(why)) for t, why in found.values()]
    return sorted(tasks, key=lambda tw: int(tw[0]["pid"]))


def find_task(pid):
    for task, _ in reachable_tasks():
        if int(task["pid"]) == pid:
            return task
    raise gdb.GdbError("no task with pid %d" % pid)


# The registry: every anvil-* command, for anvil-help.
commands = {}


class AnvilCommand(gdb.Command):
    """Base of every anvil-* command. A subclass sets NAME (the gdb command),
    USAGE, optionally REQUIRES (kernel types it needs: without them the
    command says the structure is not in this kernel yet), writes its help
    as the class docstring, and implements run(argv)."""

    NAME = None
    USAGE = ""
    REQUIRES = ()

    def __init__(self):
        super().__init__(self.NAME, gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        missing = [t for t in self.REQUIRES if not has_type(t)]
        if missing:
            raise gdb.GdbError("%s: this kernel has no %s yet"
                               % (self.NAME, ", ".join(missing)))
        self.run(gdb.string_to_argv(arg))

    def usage_error(self):
        raise gdb.GdbError("usage: %s %s" % (self.NAME, self.USAGE))

    def run(self, argv):
        raise NotImplementedError


def register(cls):
    """Class decorator: create the command and list it in anvil-help."""
    commands[cls.NAME] = cls()
    return cls


@register
class AnvilHelp(AnvilCommand):
    """List the anvil-* commands: anvil-help."""

    NAME = "anvil-help"

    def run(self, argv):
        for name in sorted(commands):
            cmd = commands[name]
            summary = (type(cmd).__doc__ or "").strip().split("\n")[0]
            gdb.write("%-14s %s\n" % (name, summary))
        gdb.write("Functions: $current([cpu]), $per_cpu_ptr(&var, cpu). "
                  "'help anvil-ps' and so on for details.\n")
