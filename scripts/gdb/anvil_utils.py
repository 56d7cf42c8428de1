# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_utils.py: what every anvil gdb helper shares.
#
#   AnvilCommand, register     the base class and registry of anvil-* commands
#   get_type, has_type, has_field   types from the kernel's DWARF, cached
#   make_ptr, read_ulong, read_bytes, parse_int   addresses and raw memory
#   container_of, list_for_each_entry    <anvil/list.h> in Python
#   per_cpu_ptr, per_cpu, percpu_hdr, online_cpus   <anvil/percpu.h>
#   cpu_of_thread              which logical CPU a gdb thread (vCPU) is
#   symbol_of, symbolize       an address as "func+0xoff (file:line)"
#   thread_in_user_mode        is a vCPU stopped in user code?
#   kernel_access              a context in which kernel memory is readable
#                              even from a CPU stopped in user mode (ppc64)
#   task_comm, task_state, task_tgid, task_ppid, reachable_tasks,
#   find_task                  the tasks gdb finds
#   kernel_arch                "x86_64" or "ppc64"
#
# The commands themselves live in anvil_tasks.py (ps, locks), anvil_log.py
# (dmesg), anvil_percpu.py, anvil_mm.py (pte, vmas) and anvil_prog.py (the
# user program's symbols, anvil-kernel), backtrace help in
# anvil_unwind.py; anvil.py loads them all. Everything here reads memory
# through gdb, so it works on a stopped kernel of either arch with no help
# from the kernel itself.

import gdb

# A list longer than this is corrupt (or we are reading garbage).
MAX_LIST_ENTRIES = 100000
MASK64 = (1 << 64) - 1

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


MSR_PR = 0x4000  # ppc64: problem state, i.e. user mode (<asm/reg.h>)


def _thread_registers(thread, names):
    """{name: value as an unsigned int} of THREAD's registers (frame 0),
    None for a register this target does not have."""
    def read(frame):
        regs = {}
        for name in names:
            try:
                regs[name] = int(frame.read_register(name)) & MASK64
            except (gdb.error, ValueError):
                regs[name] = None
        return regs

    old_thread = gdb.selected_thread()
    if old_thread is not None and old_thread.ptid == thread.ptid:
        return read(gdb.newest_frame())
    old_frame = gdb.selected_frame() if old_thread else None
    try:
        thread.switch()
        return read(gdb.newest_frame())
    finally:
        if old_thread:
            old_thread.switch()
            old_frame.select()


def thread_in_user_mode(thread):
    """True if the vCPU behind gdb THREAD is stopped in user code."""
    if kernel_arch() == "x86_64":
        cs = _thread_registers(thread, ("cs",))["cs"]
        return cs is not None and cs & 3 == 3
    if _kernel_access["ptid"] == thread.ptid:
        msr = _kernel_access["msr"]  # what it is once it runs again
    else:
        msr = _thread_registers(thread, ("msr",))["msr"]
    return msr is not None and bool(msr & MSR_PR)


def cpu_of_thread(thread):
    """The logical CPU a gdb thread (a QEMU vCPU) is, or None if it has
    no per-CPU area yet. The numbering differs: on powernv, logical CPU 0
    is whichever thread skiboot booted, so read the CPU's own pointer to
    its per-CPU data instead of guessing from thread.num. Kernel code has
    it in the per-CPU base register (x86_64 GS base, ppc64 r13). User code
    owns those registers, so then it is elsewhere: x86_64 keeps the
    kernel's GS base in KERNEL_GS_BASE until the next swapgs; ppc64 keeps
    the paca (pacas[cpu]) in HSPRG0, where the exception stubs find it,
    but QEMU 7.2 shows SPRs of its first vCPU only; for the others,
    ppc64_cpu_by_pir() matches QEMU's vCPU order instead."""
    if kernel_arch() == "x86_64":
        regs = _thread_registers(thread, ("gs_base", "k_gs_base"))
        bases = [regs["gs_base"], regs["k_gs_base"]]
    else:
        regs = _thread_registers(thread, ("r13", "hsprg0"))
        bases = [regs["r13"]]
    for base in bases:
        if not base:
            continue
        for cpu in online_cpus():
            if int(percpu_hdr(cpu).address) & MASK64 == base:
                return cpu
    if kernel_arch() == "ppc64":
        if regs["hsprg0"]:
            cpu = paca_cpu(regs["hsprg0"])
            if cpu is not None:
                return cpu
        return ppc64_cpu_by_pir(thread)
    return None


def ppc64_cpu_by_pir(thread):
    """The logical CPU of gdb THREAD, from the order QEMU's powernv
    machine creates its vCPUs in: by core, lowest hardware number (PIR)
    first, and gdb numbers threads in that order. So the n-th thread is
    the CPU with the n-th lowest pacas[cpu].hw_cpu_id (which anvil read
    from the device tree). None if the counts do not match."""
    try:
        pacas = gdb.parse_and_eval("pacas")
        cpus = sorted(online_cpus(), key=lambda c: int(pacas[c]["hw_cpu_id"]))
    except gdb.error:
        return None
    threads = sorted(t.num for t in gdb.selected_inferior().threads())
    if len(threads) != len(cpus):
        return None
    return cpus[threads.index(thread.num)]


def paca_cpu(addr):
    """ppc64: the CPU whose paca is at ADDR (pacas[cpu], <asm/paca.h>),
    found from the symbol's address alone: no memory is read, so this
    works while the CPU is in user mode."""
    try:
        pacas = gdb.parse_and_eval("&pacas[0]")
    except gdb.error:
        return None
    size = pacas.type.target().sizeof
    off = addr - (int(pacas.cast(get_type("long"))) & MASK64)
    if off < 0 or off % size:
        return None
    cpu = off // size
    return cpu if cpu in online_cpus() else None


# kernel_access() nesting depth, and the thread whose MSR the outermost
# one changed, and what it was.
_kernel_access = {"depth": 0, "msr": None, "ptid": None}


class kernel_access:
    """with kernel_access(): ... reads kernel memory even when gdb's
    selected CPU is stopped in user mode.

    QEMU translates a debugger's access as the CPU would, privilege
    included. On x86_64 that is harmless: the kernel half is in every
    process's page tables and the walk ignores the U/S bit. On ppc64 the
    kernel's HPTEs have PP=00, which under the kernel segment's Kp key
    means "no access" in problem state (MSR[PR]), so every kernel address
    is unreadable from a CPU stopped in user code. This clears MSR[PR] on
    the way in and puts the saved MSR back on the way out, before the CPU
    can run again; nested uses share the outermost save."""

    def __enter__(self):
        _kernel_access["depth"] += 1
        if _kernel_access["depth"] > 1 or kernel_arch() != "ppc64":
            return self
        thread = gdb.selected_thread()
        if thread is None:
            return self
        msr = _thread_registers(thread, ("msr",))["msr"]
        if msr is not None and msr & MSR_PR:
            _set_msr(msr & ~MSR_PR)
            _kernel_access["msr"], _kernel_access["ptid"] = msr, thread.ptid
        return self

    def __exit__(self, *exc):
        _kernel_access["depth"] -= 1
        if _kernel_access["depth"] == 0 and _kernel_access["msr"] is not None:
            msr, _kernel_access["msr"] = _kernel_access["msr"], None
            _kernel_access["ptid"] = None
            _set_msr(msr)
        return False


def _set_msr(value):
    """Write MSR in frame 0 of the selected thread; keep the frame the
    user had selected (writing a register flushes gdb's frame cache)."""
    frame = gdb.selected_frame()
    level = 0
    f = frame
    while f is not None and f.newer() is not None:
        f, level = f.newer(), level + 1
    gdb.newest_frame().select()
    gdb.execute("set var $msr = %d" % value, to_string=True)
    try:
        gdb.execute("frame %d" % level, to_string=True)
    except gdb.error:
        pass


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
EXIT_ZOMBIE, EXIT_DEAD = 16, 32  # task->exit_state, <anvil/sched.h>


def task_state(task):
    """One letter, as ps(1) prints it: R, S, D; Z for a zombie (exited,
    not yet waited for), X for a task on its way out."""
    if has_field(task.type.target(), "exit_state"):
        es = int(task["exit_state"])
        if es & EXIT_ZOMBIE:
            return "Z"
        if es & EXIT_DEAD:
            return "X"
    s = int(task["state"])
    return TASK_STATES.get(s, "?%d" % s)


def task_tgid(task):
    """The thread group (process) id: getpid() of the task."""
    if has_field(task.type.target(), "tgid"):
        return int(task["tgid"])
    return int(task["pid"])


def task_ppid(task):
    """getppid(): the real parent's tgid; 0 for tasks with none (the
    idle tasks, and kernel threads made before init)."""
    if not has_field(task.type.target(), "real_parent"):
        return 0
    parent = task["real_parent"]
    if not int(parent) or int(parent) == int(task):
        return 0
    return task_tgid(parent)


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
        with kernel_access():
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
        gdb.write("Functions: $current([cpu]), $per_cpu_ptr(&var, cpu), "
                  "$in_prog([name]). 'help anvil-ps' and so on for "
                  "details.\n")
