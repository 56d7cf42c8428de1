// SPDX-License-Identifier: MIT
/*
 * kernel/main.c: start_kernel(), the generic half of booting.
 *
 * The arch's entry code (arch/<arch>/boot or kernel/head) gets the CPU
 * into 64-bit mode with translation on and a stack, then calls
 * start_kernel(), which goes through these phases in order:
 *
 *	percpu_boot_init()	current, smp_processor_id() work on CPU 0
 *	setup_arch()		console, traps, memory map, clock (arch)
 *	parse_kernel_params()	the command line; unknown options stop boot
 *	mm_init()		struct pages, buddy and slab allocators
 *	syscall_table_init()	the system call table, from SYSCALL_DEFINEn
 *	sched_init()		the boot flow becomes CPU 0's idle task
 *	arch_timer_init()	the periodic tick; interrupts on
 *	smp_init()		start the other CPUs
 *	kernel_init thread:	a real task, which may sleep:
 *	  print_banner()	what we found, and how long it took
 *	  check_initrd()	is the initramfs a sound cpio archive?
 *	  populate_rootfs()	unpack it into the in-memory root filesystem
 *	  ktest			anvil.test=... runs tests and powers off
 *	  run_init_process()	become pid 1 and exec /bin/init
 *
 * Like Linux's rest_init(), the boot flow ends as the idle loop of CPU 0.
 */
#include <anvil/arch.h>
#include <anvil/boot.h>
#include <anvil/cpio.h>
#include <anvil/fs.h>
#include <anvil/irqflags.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/param.h>
#include <anvil/sched.h>
#include <anvil/sched/task.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/time.h>
#include <anvil/trace.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define MAX_INIT_ARGV 32

/* Less than this and even the tests cannot run: say so and stop. */
#define MIN_USABLE_RAM (16 * SZ_1M)

struct boot_params boot_params;

static bool poweroff_when_idle;

static int set_poweroff(const char *val)
{
	if (val)
		return -1;
	poweroff_when_idle = true;
	return 0;
}
kernel_param("anvil.poweroff", set_poweroff,
	     "power off after boot instead of idling (for scripts)");

/* A boot-time error the user must fix: say it plainly and stop. */
static void __noreturn boot_fatal(const char *why)
{
	pr_emerg("anvil: cannot boot: %s\n", why);
	pr_emerg("anvil: halted. (In QEMU, press Ctrl-A x to quit.)\n");
	machine_halt();
}

static void print_banner(void)
{
	u64 mib = SZ_1M;
	u64 now = ktime_get_ns();
	u64 took = now - cycles_to_ns(boot_params.entry_cycles);

	pr_info("anvil (%s) on %s, loaded by %s\n", ARCH_NAME,
		boot_params.machine ? boot_params.machine : "unknown machine",
		boot_params.loader ? boot_params.loader : "unknown loader");
	pr_info("CPUs: %u found, %d online\n", boot_params.nr_cpus,
		nr_online_cpus());
	pr_info("Memory: %llu MiB found, %llu MiB usable, %lu KiB free in the page allocator\n",
		(unsigned long long)(memblock_total() / mib),
		(unsigned long long)(memblock_free_bytes() / mib),
		nr_free_pages() * (PAGE_SIZE / 1024));
	pr_info("Command line: %s\n", boot_params.cmdline);
	pr_info("Boot: %llu.%03llu ms from the kernel's first instruction to this banner\n",
		(unsigned long long)(took / NSEC_PER_MSEC),
		(unsigned long long)(took % NSEC_PER_MSEC / 1000));
}

/*
 * The initrd becomes the root filesystem later; for now make sure it is a
 * sound archive, and report a bad one instead of trusting it.
 */
static void check_initrd(void)
{
	struct cpio_reader r;
	struct cpio_entry e;
	unsigned int files = 0;
	int ret;

	if (!boot_params.initrd_size) {
		pr_info("initrd: none\n");
		return;
	}
	cpio_init(&r, __va(boot_params.initrd_start), boot_params.initrd_size);
	while ((ret = cpio_next(&r, &e)) > 0)
		files++;
	if (ret < 0) {
		pr_err("initrd: corrupt at byte %zu: %s; ignoring the initrd\n",
		       r.pos, r.error);
		boot_params.initrd_size = 0;
		return;
	}
	pr_info("initrd: %u files, %llu bytes\n", files,
		(unsigned long long)boot_params.initrd_size);
}

static char init_path_buf[256];
static const char *init_path;

static int set_init(const char *val)
{
	if (!val || val[0] != '/' || strlen(val) >= sizeof(init_path_buf))
		return -1;
	strlcpy(init_path_buf, val, sizeof(init_path_buf));
	init_path = init_path_buf;
	return 0;
}
kernel_param("init", set_init, "the first program to run (default /bin/init)");

/* fds 0, 1 and 2 on the console, for init and everything it starts. */
static void open_console(void)
{
	struct file *f = do_filp_open(current->fs, NULL, "/dev/console",
				      O_RDWR, 0);

	if (IS_ERR(f)) {
		pr_err("anvil: cannot open /dev/console (error %ld)\n",
		       PTR_ERR(f));
		return;
	}
	for (int fd = 0; fd < 3; fd++) {
		if (__alloc_fd(current->files, fd, 0) != fd)
			break;
		__fd_install(current->files, fd, fd ? get_file(f) : f);
	}
}

/*
 * Become init (pid 1) and run the first program: init= if given, else
 * the usual places. Arguments after "--" on the command line are its.
 * Returns only if none could be run.
 */
static void run_init_process(void)
{
	static const char *const candidates[] = { "/bin/init", "/sbin/init",
						  "/init" };
	static const char *const envp[] = { "HOME=/", "TERM=linux",
					    "PATH=/bin:/sbin", NULL };
	const char *argv[MAX_INIT_ARGV + 2];
	int err, i;

	if (make_init_process())
		panic("out of memory making init");
	open_console();
	for (i = 0; i < nr_init_args && i < MAX_INIT_ARGV; i++)
		argv[i + 1] = init_args[i];
	argv[i + 1] = NULL;
	for (i = -1; i < (int)ARRAY_SIZE(candidates); i++) {
		const char *path = i < 0 ? init_path : candidates[i];

		if (!path)
			continue;
		argv[0] = path;
		err = kernel_execve(path, argv, envp);
		if (!err)
			arch_return_to_user(task_pt_regs(current));
		if (err != -ENOENT || i < 0)
			pr_err("anvil: cannot run %s: error %d\n", path, err);
	}
}

/* The first real task: everything after the machine is up. */
static void kernel_init(void *unused)
{
	print_banner();
	check_initrd();
	populate_rootfs(boot_params.initrd_size ?
				__va(boot_params.initrd_start) : NULL,
			boot_params.initrd_size);
	exit_init();
	if (ktest_run_selected()) {
		latency_print(); /* the longest sections of the whole run */
		machine_power_off();
	}
	if (poweroff_when_idle)
		machine_power_off();
	run_init_process();
	pr_info("anvil: no init to run (tried init=, /bin/init, /sbin/init, /init); idling. Ctrl-A x quits QEMU.\n");
}

void start_kernel(void)
{
	percpu_boot_init();
	setup_arch();
	if (!parse_kernel_params(boot_params.cmdline))
		boot_fatal("bad kernel command line (see above)");
	if (memblock_free_bytes() < MIN_USABLE_RAM) {
		pr_emerg("anvil: %llu KiB of RAM usable after boot reservations\n",
			 (unsigned long long)(memblock_free_bytes() / 1024));
		boot_fatal("too little RAM: anvil needs at least 16 MiB free");
	}
	mm_init();
	vma_cache_init();
	syscall_table_init();
	sched_init();
	arch_timer_init();
	local_irq_enable();
	smp_init();
	if (!kthread_run(kernel_init, NULL, "kernel_init"))
		panic("cannot start kernel_init");
	cpu_idle_loop();
}
