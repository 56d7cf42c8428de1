// SPDX-License-Identifier: MIT
/*
 * fs/proc/misc.c: the small files at the top of /proc, each a few lines
 * (Linux gives each its own file: fs/proc/uptime.c, loadavg.c,
 * cmdline.c, cpuinfo.c, ...). Formats, as Linux prints them:
 *
 *	uptime		"12.34 0.00": seconds since boot, and the idle
 *			time of all CPUs, which anvil does not add up (0)
 *	loadavg		"0.00 0.00 0.00 2/31 87": no load averages are
 *			kept (0.00); runnable/all tasks; the highest
 *			process id alive (Linux: the last one handed out,
 *			which anvil's pid counter does not tell)
 *	cmdline		the kernel command line
 *	cpuinfo		"processor\t: N" and the arch's lines per online
 *			CPU (arch_show_cpuinfo), a blank line after each
 *	filesystems	"nodev\tNAME" per filesystem type
 *	mounts		"DEVICE DIR TYPE OPTIONS 0 0" per mount
 */
#include <anvil/arch.h>
#include <anvil/boot.h>
#include <anvil/kernel.h>
#include <anvil/percpu.h>
#include <anvil/sched.h>
#include <anvil/time.h>

#include "internal.h"

static int uptime_proc_show(struct seq_file *m, void *v)
{
	u64 ns = ktime_get_ns();

	seq_printf(m, "%llu.%02llu 0.00\n", ns / NSEC_PER_SEC,
		   ns % NSEC_PER_SEC / (NSEC_PER_SEC / 100));
	return 0;
}
PROC_ENTRY(uptime, "uptime", uptime_proc_show);

static int loadavg_proc_show(struct seq_file *m, void *v)
{
	unsigned int running = 0, total = 0;
	struct task_struct *t;
	int last = 0;

	spin_lock(&tasklist_lock);
	for_each_process(t) {
		if (!t->pid)
			continue;	/* the idle tasks */
		total++;
		if (READ_ONCE(t->state) == TASK_RUNNING && !t->exit_state)
			running++;
		if (t->pid > last)
			last = t->pid;
	}
	spin_unlock(&tasklist_lock);
	seq_printf(m, "0.00 0.00 0.00 %u/%u %d\n", running, total, last);
	return 0;
}
PROC_ENTRY(loadavg, "loadavg", loadavg_proc_show);

static int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", boot_params.cmdline);
	return 0;
}
PROC_ENTRY(cmdline, "cmdline", cmdline_proc_show);

static int cpuinfo_proc_show(struct seq_file *m, void *v)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!cpu_online(cpu))
			continue;
		seq_printf(m, "processor\t: %u\n", cpu);
		arch_show_cpuinfo(m, cpu);
		seq_putc(m, '\n');
	}
	return 0;
}
PROC_ENTRY(cpuinfo, "cpuinfo", cpuinfo_proc_show);

static int filesystems_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "nodev\tramfs\nnodev\tproc\n");
	return 0;
}
PROC_ENTRY(filesystems, "filesystems", filesystems_proc_show);

/* The root ramfs and procfs: the only two mounts there can be. */
static int mounts_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, "rootfs / rootfs rw 0 0\nproc /proc proc rw 0 0\n");
	return 0;
}
PROC_ENTRY(mounts, "mounts", mounts_proc_show);
