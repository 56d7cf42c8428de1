# SPDX-License-Identifier: MIT
#
# scripts/gdb/anvil_log.py: anvil-dmesg, the kernel log read from memory.
#
# The format is kernel/printk.c's: log_buf is a ring of LOG_BUF_LEN bytes
# holding lines "<L>[seconds.micros] text\n" back to back, and log_head
# counts every byte ever written, so the live text is the last
# min(log_head, LOG_BUF_LEN) bytes. Once the ring has wrapped, the oldest
# line is cut at the front: it is dropped. This works on a hung or
# crashed kernel whose console output was lost, and shows KERN_DEBUG
# lines the console filtered out.

import re

import gdb

from anvil_utils import AnvilCommand, register, read_bytes

LEVELS = ("emerg", "alert", "crit", "err", "warn", "notice", "info", "debug")
LINE = re.compile(r"^<([0-7])>(\[[ 0-9.]+\] )?(.*)$", re.S)


def log_text():
    """The live part of the ring, oldest first, as a str."""
    buf = gdb.parse_and_eval("log_buf")
    size = buf.type.sizeof
    head = int(gdb.parse_and_eval("log_head"))
    base = int(buf.address)
    if head <= size:
        raw = read_bytes(base, head)
    else:
        start = head % size
        raw = read_bytes(base + start, size - start) + \
            read_bytes(base, start)
        raw = raw[raw.find(b"\n") + 1:]  # the cut-off oldest line
    return raw.decode("utf-8", "replace")


def log_records(text):
    """Yield (level, timestamp, message) per line; a line with no "<L>"
    header (it cannot happen unless the ring is corrupt) has level -1."""
    for line in text.splitlines():
        m = LINE.match(line)
        if m:
            yield int(m.group(1)), (m.group(2) or "").strip(), m.group(3)
        else:
            yield -1, "", line


@register
class AnvilDmesg(AnvilCommand):
    """Print the kernel log from memory: anvil-dmesg [-l] [-n LINES] [-L MAX].

-l          show each line's level (<6>info and so on)
-n LINES    only the last LINES lines
-L MAX      only lines of level MAX or more urgent (0 emerg ... 7 debug)"""

    NAME = "anvil-dmesg"
    USAGE = "[-l] [-n LINES] [-L MAXLEVEL]"

    def run(self, argv):
        show_level, last, max_level = False, None, 7
        args = list(argv)
        while args:
            a = args.pop(0)
            if a == "-l":
                show_level = True
            elif a in ("-n", "-L") and args:
                v = int(args.pop(0))
                last, max_level = (v, max_level) if a == "-n" \
                    else (last, v)
            else:
                self.usage_error()
        lines = []
        for level, stamp, msg in log_records(log_text()):
            if level > max_level:
                continue
            out = (stamp + " " if stamp else "") + msg
            if show_level:
                name = LEVELS[level] if level >= 0 else "?"
                out = "<%d>%-6s " % (level, name) + out
            lines.append(out)
        if last is not None:
            lines = lines[-last:] if last else []
        for out in lines:
            gdb.write(out + "\n")
