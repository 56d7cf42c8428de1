# SPDX-License-Identifier: MIT
#
# anvil's one build entry point.
#
#   make [ARCH=x86_64|ppc64]        build the kernel into build/<arch>/
#   make run [ARCH=...]             boot it in QEMU, serial console here
#   make test                       every test layer, both arches
#   make check-host                 host unit tests only (ASan/UBSan)
#   make user [ARCH=...]            newlib and the user programs
#   make ktest [ARCH=...]           in-kernel KTAP tests for one arch
#   make gdb [ARCH=...] [PROG=...]  boot paused under gdb, PROG as init's
#                                   child (docs/debugging.md)
#   make clean
#
# Each arch adds its sources and flags in arch/<arch>/Makefile.inc; generic
# sources are found by wildcard, so a new file in kernel/, mm/, lib/,
# drivers/, fs/, fs/proc/ or tests/kernel/ is built without touching
# this file.

ARCH ?= x86_64
DEBUG ?= 1
O := build/$(ARCH)

ifeq ($(filter $(ARCH),x86_64 ppc64),)
$(error ARCH must be x86_64 or ppc64, not '$(ARCH)')
endif

# The arch fragment sets CROSS_COMPILE, ARCH_CFLAGS, ARCH_LDFLAGS,
# ARCH_SRCS (paths from the top of the tree) and KALLSYMS_NMFLAGS.
include arch/$(ARCH)/Makefile.inc

CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
NM := $(CROSS_COMPILE)nm
OBJCOPY := $(CROSS_COMPILE)objcopy
CPP := $(CROSS_COMPILE)cpp
NASM ?= nasm

GENERIC_SRCS := $(wildcard kernel/*.c kernel/*/*.c mm/*.c lib/*.c drivers/*/*.c fs/*.c \
	fs/proc/*.c)
# User address spaces (page tables, faults, the mmap family, the gather)
# are generic, but need the arch's user page-table hooks ("User page
# tables" in docs/arch-boundary.md). An arch that has them sets
# ARCH_HAS_USER_MM := 1 in its Makefile.inc; until then these files are
# built and tested on the host only (tests/host/).
USER_MM_SRCS := mm/mmu_gather.c mm/memory.c mm/mmap.c mm/mprotect.c \
	mm/mm_struct.c mm/mremap.c mm/madvise.c mm/msync.c mm/mincore.c \
	tests/kernel/user_mm_test.c tests/kernel/filemap_test.c fs/proc/vmstat.c
ifeq ($(DEBUG),1)
GENERIC_SRCS += $(wildcard tests/kernel/*.c)
endif
ifneq ($(ARCH_HAS_USER_MM),1)
GENERIC_SRCS := $(filter-out $(USER_MM_SRCS),$(GENERIC_SRCS))
endif
# User mode (the syscall dispatcher, faults and signals from user mode)
# needs the arch's entry code and syscall table: ARCH_HAS_USER_MODE := 1.
USER_MODE_SRCS := kernel/sys.c kernel/entry.c kernel/signal.c mm/fault.c \
	kernel/fork.c kernel/exit.c kernel/futex.c fs/exec.c fs/binfmt_elf.c fs/binfmt_script.c \
	tests/kernel/user_fixture.c tests/kernel/fs_syscall_test.c tests/kernel/syscall_test.c \
	kernel/sys_info.c kernel/resource.c kernel/time/posix-timers.c \
	kernel/time/itimer.c \
	kernel/reboot.c kernel/random.c kernel/sched/syscalls.c \
	tests/kernel/sys_misc_test.c mm/syscalls.c tests/kernel/mremap_test.c \
	fs/proc/base.c fs/proc/task_mmu.c fs/proc/version.c \
	tests/kernel/proc_test.c
ifneq ($(ARCH_HAS_USER_MODE),1)
GENERIC_SRCS := $(filter-out $(USER_MODE_SRCS),$(GENERIC_SRCS))
endif
SRCS := $(GENERIC_SRCS) $(ARCH_SRCS)
OBJS := $(patsubst %,$(O)/%.o,$(basename $(SRCS)))

# Frame pointers always: backtraces walk the frame chain. Debug builds (the
# default, and what tests run) use -Og, where gdb's next/step/finish follow
# the source; DEBUG=0 builds use -O2.
CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
	-ffreestanding -fno-builtin -nostdlib -fno-stack-protector \
	-fno-pic -fno-pie -fno-common -fno-strict-aliasing \
	-fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-fno-delete-null-pointer-checks -fno-tree-loop-distribute-patterns \
	-g -Iinclude -Iarch/$(ARCH)/include -MMD -MP \
	$(ARCH_CFLAGS)
# Debug builds also trace interrupts-off sections (<anvil/irqflags.h>);
# host tests compile the same headers without the tracer.
ifeq ($(DEBUG),1)
CFLAGS += -Og -DCONFIG_DEBUG=1 -DCONFIG_TRACE_IRQFLAGS=1
else
CFLAGS += -O2
endif
ASFLAGS := $(filter-out -std=gnu11,$(CFLAGS)) -D__ASSEMBLY__

.PHONY: all kernel run test check-host ktest clean setup gdb gdb-attach
all: kernel
kernel: $(O)/anvil.elf

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(O)/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(ASFLAGS) -c $< -o $@

$(O)/%.o: %.asm
	@mkdir -p $(dir $@)
	$(NASM) $(ARCH_NASMFLAGS) -MD $(O)/$*.d -MP -o $@ $<

# linker.ld is one template for every arch; <asm/vmlinux.lds.h> fills in
# the load address, the virtual offset and the arch's extra sections.
$(O)/linker.ld: linker.ld arch/$(ARCH)/include/asm/vmlinux.lds.h
	@mkdir -p $(dir $@)
	$(CPP) -P -undef -D__ASSEMBLY__ -DLINKER_SCRIPT -Iinclude \
		-Iarch/$(ARCH)/include $< -o $@

# The kernel is linked three times so backtraces can name functions:
# once with an empty symbol table, once with a table of the right size
# (so nothing moves afterwards), and once with the right addresses.
KALLSYMS := scripts/kallsyms.sh
LINK = $(LD) $(ARCH_LDFLAGS) -T $(O)/linker.ld -o $@
$(O)/anvil.elf: $(OBJS) $(O)/linker.ld $(KALLSYMS)
	@mkdir -p $(O)/.kallsyms
	$(KALLSYMS) --empty > $(O)/.kallsyms/k0.S
	$(CC) $(ASFLAGS) -c $(O)/.kallsyms/k0.S -o $(O)/.kallsyms/k0.o
	$(LD) $(ARCH_LDFLAGS) -T $(O)/linker.ld -o $(O)/.kallsyms/v1 $(OBJS) $(O)/.kallsyms/k0.o
	$(NM) $(KALLSYMS_NMFLAGS) $(O)/.kallsyms/v1 | $(KALLSYMS) > $(O)/.kallsyms/k1.S
	$(CC) $(ASFLAGS) -c $(O)/.kallsyms/k1.S -o $(O)/.kallsyms/k1.o
	$(LD) $(ARCH_LDFLAGS) -T $(O)/linker.ld -o $(O)/.kallsyms/v2 $(OBJS) $(O)/.kallsyms/k1.o
	$(NM) $(KALLSYMS_NMFLAGS) $(O)/.kallsyms/v2 | $(KALLSYMS) > $(O)/.kallsyms/k2.S
	$(CC) $(ASFLAGS) -c $(O)/.kallsyms/k2.S -o $(O)/.kallsyms/k2.o
	$(LINK) $(OBJS) $(O)/.kallsyms/k2.o
	@$(NM) $(KALLSYMS_NMFLAGS) $@ | $(KALLSYMS) | cmp -s - $(O)/.kallsyms/k2.S || \
		{ echo "kallsyms: table did not settle after three links" >&2; rm -f $@; exit 1; }

setup:
	@scripts/setup

# The root filesystem: init, sh, the coreutils and the user tests
# (user/Makefile's rootfs target, scripts/mkinitramfs).
ROOTFS := build/initramfs-$(ARCH).cpio

.PHONY: rootfs
rootfs: setup
	$(MAKE) -s -C user ARCH=$(ARCH) rootfs

# make run [APPEND="options"] [INITRD=file] [SMP=n] [MEM=size]: boot to
# the shell (anvil$) on the root filesystem, or on INITRD if given.
run: setup kernel $(if $(INITRD),,rootfs)
	scripts/qemu --arch $(ARCH) $(if $(APPEND),--append "$(APPEND)") \
		--initrd $(or $(INITRD),$(ROOTFS)) $(if $(SMP),--smp $(SMP)) \
		$(if $(MEM),--mem $(MEM)) --interactive

# make gdb [PROG=name|path [ARGS='...']] [APPEND=...] [SMP=n] [MEM=size]
#          [INITRD=file] [BATCH=cmdfile]:
# QEMU paused with its gdb stub on a free port, gdb-multiarch attached
# with symbols and scripts/gdb/anvil.py; quitting gdb stops QEMU. With
# PROG, the root filesystem boots and init runs PROG ARGS as its child
# ("-- /bin/PROG ARGS"; group words with double quotes: ARGS='a "b c"'),
# and gdb has PROG's symbols too: PROG=gdbdemo is
# build/user/<arch>/bin/gdbdemo (or tests/, stress/), or give a path.
# make gdb-attach [GDBPORT=1234] [PROG=...]: gdb only, for a QEMU started
# elsewhere with `scripts/qemu --gdb` (PROG: load its symbols too).
# docs/debugging.md walks through both.
gdb: setup kernel $(if $(PROG),rootfs)
	@scripts/gdb/anvil-gdb --arch $(ARCH) --kernel $(O)/anvil.elf \
		$(if $(PROG),--prog "$(PROG)" $(if $(ARGS),--args '$(ARGS)')) \
		$(if $(APPEND),--append "$(APPEND)") \
		$(if $(SMP),--smp $(SMP)) $(if $(MEM),--mem $(MEM)) \
		$(if $(INITRD),--initrd $(INITRD)) $(if $(BATCH),--batch $(BATCH))

gdb-attach: kernel
	@scripts/gdb/anvil-gdb --arch $(ARCH) --kernel $(O)/anvil.elf \
		--attach --port $(or $(GDBPORT),1234) $(if $(PROG),--prog "$(PROG)")

.PHONY: user
# make user [ARCH=...]: newlib (cached in build/newlib/<arch>), the glue and
# every user/bin and user/tests program into build/user/<arch>/
user: setup
	$(MAKE) -C user ARCH=$(ARCH)

check-host:
	$(MAKE) -C tests/host

# make ktest [T=suite,suite...] [SMP=n] [MEM=size] [ICOUNT=shift]: the in-kernel KTAP
# suites (all by default) in QEMU, then a summary per suite.
ktest: kernel
	@mkdir -p build/test-logs
	scripts/qemu --arch $(ARCH) --append "anvil.test=$(or $(T),all)$(if $(ICOUNT), anvil.exact_clock=1)" \
		$(if $(SMP),--smp $(SMP)) $(if $(MEM),--mem $(MEM)) $(if $(ICOUNT),--icount $(ICOUNT)) --timeout 300 \
		| tee build/test-logs/ktest-$(ARCH).log
	@scripts/ktap-parse -v label=$(ARCH) build/test-logs/ktest-$(ARCH).log

# Everything, both arches; the last line is "N passed, N failed".
test: setup
	scripts/run-tests

clean:
	rm -rf build
	$(MAKE) -C tests/host clean

-include $(OBJS:.o=.d)
