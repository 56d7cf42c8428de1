# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_unwind.py: backtraces that follow the kernel's stacks.
#
# Two things gdb cannot know from the DWARF, because the code involved is
# assembly without unwind info:
#
#  - Exception frames. An interrupt or fault saves the interrupted
#    registers in a struct pt_regs on the stack and calls C. ExceptionFrame
#    recognises the entry code's return site and reads the caller's
#    registers from that pt_regs, so `bt` inside a timer interrupt or a
#    page fault goes on into the code that was interrupted:
#      x86_64: common_entry (arch/x86_64/kernel/entry.asm), pt_regs 16
#              bytes above the stack pointer, past a fake frame;
#      ppc64:  exc_dispatch_return (arch/ppc64/kernel/exceptions-64s.S),
#              pt_regs STACK_FRAME_OVERHEAD (112) bytes above r1.
#  - Where a stack starts: a task's ret_from_kernel_thread, or
#    start_kernel / secondary_start_kernel, called from boot assembly.
#    BacktraceBottom ends `bt` there (and before any frame whose pc is in
#    no function), instead of hundreds of garbage frames. `bt -no-filters`
#    shows everything gdb finds.

import gdb
from gdb.FrameDecorator import FrameDecorator
from gdb.unwinder import Unwinder, register_unwinder

from anvil_utils import get_type, make_ptr, kernel_arch


class FrameId:
    """What gdb.PendingFrame.create_unwind_info wants: sp and pc, as
    gdb.Values (gdb 14 has gdb.unwinder.FrameId; Debian 12 has 13)."""

    def __init__(self, sp, pc):
        self.sp = sp
        self.pc = pc


def symbol_address(name):
    """Address of a (possibly debug-info-less) symbol, or None."""
    try:
        return int(gdb.parse_and_eval("(long)&%s" % name)) & ((1 << 64) - 1)
    except gdb.error:
        return None


def return_site(entry_name, callee):
    """The address right after the call to CALLEE in assembly routine
    ENTRY_NAME, found by disassembling it: where that frame's pc is."""
    start = symbol_address(entry_name)
    if start is None:
        return None
    arch = gdb.selected_inferior().architecture()
    insns = arch.disassemble(start, count=64)
    for insn, nxt in zip(insns, insns[1:]):
        if callee in insn["asm"] and ("call" in insn["asm"] or
                                      insn["asm"].startswith("bl")):
            return nxt["addr"]
    return None


# Per arch: where the entry code's frame has its pc (the instruction
# after its call into C: given by a symbol there, or found by looking for
# the call), the stack pointer register, how far above it struct pt_regs
# starts, and which registers come back from which pt_regs words.
X86_REGS = ("r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9",
            "r8", "rax", "rcx", "rdx", "rsi", "rdi", None, None, "rip", "cs",
            "eflags", "rsp", "ss")
PPC_REGS = tuple("r%d" % i for i in range(32)) + (
    "pc", "msr", "ctr", "lr", "xer", "cr")

ENTRIES = {
    "x86_64": (("common_entry", "x86_handle_vector"), "rsp", 16, X86_REGS),
    "ppc64": ("exc_dispatch_return", "r1", 112, PPC_REGS),
}


class ExceptionFrame(Unwinder):
    """Unwinds the entry code's frame into the interrupted context."""

    def __init__(self):
        super().__init__("anvil-exception-frame")
        self.reset()
        gdb.events.new_objfile.connect(self.reset)

    def reset(self, event=None):
        self.site = None  # found on first use, once the ELF is loaded

    def setup(self):
        self.site, self.sp_reg, self.regs_off, self.names = \
            ENTRIES[kernel_arch()]
        if isinstance(self.site, tuple):
            self.site = return_site(*self.site)
        else:
            self.site = symbol_address(self.site)
        self.site = self.site or 0

    def __call__(self, pending):
        if pending.level() == 0:
            return None  # stepping inside the entry code itself
        if self.site is None:
            self.setup()
        pc = pending.read_register("pc")
        if int(pc) & ((1 << 64) - 1) != self.site:
            return None
        sp = pending.read_register(self.sp_reg)
        regs = (int(sp) & ((1 << 64) - 1)) + self.regs_off
        info = pending.create_unwind_info(FrameId(sp, pc))
        ulong_p = get_type("unsigned long").pointer()
        for i, name in enumerate(self.names):
            if name is None:
                continue
            rtype = pending.read_register(name).type
            val = make_ptr(regs + 8 * i, ulong_p).dereference()
            # 32-bit registers (eflags, cs, cr) have types of their own.
            info.add_saved_register(name, val.cast(
                rtype if rtype.sizeof == 8 else get_type("unsigned int")))
        return info


# The unwinder: BacktraceBottom asks it which frames are entry frames.
_exception_frame = None


def is_entry_frame(frame):
    """True for the entry code's frame, whose caller is the interrupted
    code: its pc is the return site ExceptionFrame unwinds (it is named
    common_entry.call_handler, exc_common_virt or exc_dispatch_return
    depending on who asks, so compare addresses, not names)."""
    u = _exception_frame
    if u is None:
        return False
    if u.site is None:
        u.setup()
    return bool(u.site) and frame.pc() & ((1 << 64) - 1) == u.site


class InterruptedFrame(FrameDecorator):
    """The frame an exception interrupted. gdb takes every outer frame's
    pc for a return address and looks up pc - 1, the call; but here pc
    is the interrupted instruction itself, maybe a function's first, and
    pc - 1 is then in the function before. Name it by pc."""

    def function(self):
        pc = self.inferior_frame().pc()
        block = gdb.current_progspace().block_for_pc(pc)
        while block is not None and block.function is None:
            block = block.superblock
        if block is not None:
            return block.function.print_name
        return super().function()

    # The source line likewise: the interrupted instruction's own.
    def line(self):
        sal = gdb.find_pc_line(self.inferior_frame().pc())
        return sal.line if sal.symtab is not None else super().line()

    def filename(self):
        sal = gdb.find_pc_line(self.inferior_frame().pc())
        return sal.symtab.filename if sal.symtab is not None \
            else super().filename()


class BacktraceBottom:
    """A frame filter that ends `bt` at the first function of a stack,
    and before any later frame whose pc is in no function; it also names
    interrupted frames right (InterruptedFrame)."""

    # Where every kernel stack starts: the boot CPU's, each other CPU's,
    # and each kernel thread's. Their callers are boot assembly, which
    # has no (x86_64: only partial) debug info.
    BOTTOMS = ("start_kernel", "secondary_start_kernel",
               "ret_from_kernel_thread")

    def __init__(self):
        self.name = "anvil-backtrace-bottom"
        self.priority = 100
        self.enabled = True
        gdb.frame_filters[self.name] = self

    def filter(self, frames):
        interrupted = False
        for i, fd in enumerate(frames):
            if interrupted:
                fd = InterruptedFrame(fd)
                name = fd.function()
                name = name if isinstance(name, str) else None
            else:
                name = fd.inferior_frame().name()
                if name is None and i > 0:
                    return
            yield fd
            if name in self.BOTTOMS:
                return
            interrupted = is_entry_frame(fd.inferior_frame())


def install():
    global _exception_frame
    BacktraceBottom()
    _exception_frame = ExceptionFrame()
    register_unwinder(None, _exception_frame, replace=True)
