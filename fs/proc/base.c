// SPDX-License-Identifier: MIT
/*
 * fs/proc/base.c: /proc/self and the process directories /proc/<pid>/.
 *
 *	/proc/self		symlink to the reader's own process id
 *	/proc/<pid>/		one per process (thread group leader)
 *		cmdline		argv, NUL-separated, from the process's memory
 *		comm		its name
 *		environ		envp, likewise (0400)
 *		maps		its mappings (fs/proc/task_mmu.c)
 *		stat		Linux's one-line, 52-field summary
 *		statm		sizes in pages
 *		status		the same as "Key:\tvalue" lines
 *
 * Which tasks: thread group leaders that are fully made (fork has
 * attached them: real_parent set, or init) and not yet reaped
 * (EXIT_DEAD), so a zombie shows as "Z" until its parent waits.
 * Threads are not listed (Linux's /proc/<pid>/task/ is not here).
 *
 * Locking. A task_struct stays valid while tasklist_lock is held (it
 * leaves the task list, under the lock, before it is freed), and so do
 * its signal_struct and sighand until it is EXIT_DEAD. Nothing that
 * sleeps can run under that spinlock, so every file first copies what
 * it needs under it (struct proc_task_info), and takes a reference on
 * the address space (get_task_mm: exit and exec change ->mm under
 * tasklist_lock, so the mm seen under it is alive). Then, with
 * tasklist_lock dropped, mmap_lock is taken for the mm's numbers.
 * Signal fields are read under the siglock, inside tasklist_lock, the
 * signal code's own order.
 *
 * Numbers anvil does not keep are 0, as Linux prints for what a kernel
 * is not configured to count: fault counts, start time, nice and
 * priority (there are no priorities: 20 and 0, Linux's defaults),
 * controlling terminal (0, and -1 for its group). CPU time is all user
 * time (<anvil/sched/cputime.h>), summed over the live threads.
 */
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/pgtable.h>
#include <anvil/sched.h>
#include <anvil/sched/cputime.h>
#include <anvil/sched/mm.h>
#include <anvil/sched/signal.h>
#include <anvil/sched/task.h>
#include <anvil/slab.h>
#include <anvil/smp.h>
#include <anvil/string.h>
#include <anvil/sysinfo.h>
#include <anvil/time.h>

#include "internal.h"

/* ---- finding processes ------------------------------------------------- */

/* Is @t a process /proc shows? tasklist_lock held. */
static bool proc_visible(struct task_struct *t)
{
	return t->group_leader == t && t->signal && t->sighand &&
	       (t->real_parent || t == child_reaper) &&
	       t->exit_state != EXIT_DEAD;
}

/* The process @tgid, or NULL. tasklist_lock held. */
static struct task_struct *proc_find_process(int tgid)
{
	struct task_struct *t;

	if (tgid <= 0)
		return NULL;
	for_each_process(t)
		if (t->pid == tgid && proc_visible(t))
			return t;
	return NULL;
}

/* The smallest process id >= @from, or 0 if none. */
static int proc_next_tgid(int from)
{
	struct task_struct *t;
	int best = 0;

	spin_lock(&tasklist_lock);
	for_each_process(t)
		if (t->pid >= from && (!best || t->pid < best) &&
		    proc_visible(t))
			best = t->pid;
	spin_unlock(&tasklist_lock);
	return best;
}

static bool proc_process_exists(int tgid)
{
	bool found;

	spin_lock(&tasklist_lock);
	found = proc_find_process(tgid) != NULL;
	spin_unlock(&tasklist_lock);
	return found;
}

/*
 * @t's address space with a user reference, or NULL (a zombie). Linux
 * takes task_lock; anvil's exit_mm() and exec_mmap() change ->mm under
 * tasklist_lock, which the caller holds, so the mm cannot be dropped
 * between reading the pointer and counting ourselves in.
 */
static struct mm_struct *get_task_mm(struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	if (mm)
		mmget(mm);
	return mm;
}

int proc_get_task_mm(int tgid, struct mm_struct **mmp)
{
	struct task_struct *t;
	int err = 0;

	spin_lock(&tasklist_lock);
	t = proc_find_process(tgid);
	if (t)
		*mmp = get_task_mm(t);
	else
		err = -ESRCH;
	spin_unlock(&tasklist_lock);
	return err;
}

/* ---- what stat and status say ------------------------------------------ */

/* Everything about one process that needs tasklist_lock to read. */
struct proc_task_info {
	char comm[TASK_COMM_LEN];
	const char *state;		/* "R (running)", ...; [0] for stat */
	int pid, ppid, pgrp, session;
	int nr_threads, exit_signal, exit_code, queued;
	unsigned int cpu;
	u64 cputime_ns;
	unsigned long pending, shared_pending, blocked, ignored, caught;
	u64 rlim_rss, rlim_sigpending;
	cpumask_t cpus_allowed;
	struct mm_struct *mm;		/* referenced, or NULL */
};

/* Linux's task_state_array, the states anvil has. */
static const char *task_state(struct task_struct *t)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return "Z (zombie)";
	switch (READ_ONCE(t->state)) {
	case TASK_RUNNING:
		return "R (running)";
	case TASK_INTERRUPTIBLE:
		return "S (sleeping)";
	case TASK_UNINTERRUPTIBLE:
		return "D (disk sleep)";
	}
	return "X (dead)";		/* TASK_DEAD: its last switch */
}

static int count_queued(const struct sigpending *p)
{
	const struct list_head *pos;
	int n = 0;

	list_for_each(pos, &p->list)
		n++;
	return n;
}

/* Signals @t's process ignores and catches. siglock held. */
static void collect_sigign_sigcatch(struct task_struct *t,
				    struct proc_task_info *ti)
{
	for (int sig = 1; sig <= _NSIG; sig++) {
		__sighandler_t h = t->sighand->action[sig - 1].sa_handler;

		if (h == SIG_IGN)
			ti->ignored |= sigmask(sig);
		else if (h != SIG_DFL)
			ti->caught |= sigmask(sig);
	}
}

/*
 * Fill @ti for process @tgid: 0, or -ESRCH if there is none. On success
 * ti->mm holds a reference the caller drops with mmput().
 */
static int proc_task_info(int tgid, struct proc_task_info *ti)
{
	struct task_struct *t;
	unsigned long flags;

	memset(ti, 0, sizeof(*ti));
	spin_lock(&tasklist_lock);
	t = proc_find_process(tgid);
	if (!t) {
		spin_unlock(&tasklist_lock);
		return -ESRCH;
	}
	/* exec may be renaming it: copy, and make sure of the NUL. */
	memcpy(ti->comm, t->comm, sizeof(ti->comm));
	ti->comm[TASK_COMM_LEN - 1] = '\0';
	ti->state = task_state(t);
	ti->pid = t->pid;
	ti->ppid = t->real_parent ? t->real_parent->tgid : 0;
	ti->pgrp = t->signal->pgrp;
	ti->session = t->signal->session;
	ti->exit_signal = t->exit_signal;
	ti->exit_code = t->exit_code;
	ti->cpu = READ_ONCE(t->cpu);
	ti->cpus_allowed = READ_ONCE(t->cpus_allowed);
	ti->cputime_ns = thread_group_cputime(t);
	ti->mm = get_task_mm(t);
	spin_lock_irqsave(&t->sighand->siglock, flags);
	ti->nr_threads = t->signal->nr_threads;
	ti->pending = t->pending.signal.sig;
	ti->shared_pending = t->signal->shared_pending.signal.sig;
	ti->blocked = t->blocked.sig;
	ti->queued = count_queued(&t->pending) +
		     count_queued(&t->signal->shared_pending);
	ti->rlim_rss = t->signal->rlim[RLIMIT_RSS].rlim_cur;
	ti->rlim_sigpending = t->signal->rlim[RLIMIT_SIGPENDING].rlim_cur;
	collect_sigign_sigcatch(t, ti);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	spin_unlock(&tasklist_lock);
	return 0;
}

static void proc_task_info_put(struct proc_task_info *ti)
{
	if (ti->mm)
		mmput(ti->mm);
}

static unsigned long long ns_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/*
 * /proc/<pid>/stat: Linux's do_task_stat, field for field (proc(5)
 * numbers them 1 to 52). The old signal fields keep Linux's mask to 31
 * bits.
 */
static int proc_tgid_stat_show(struct seq_file *m, int tgid)
{
	struct proc_mm_info mi = { 0 };
	struct proc_task_info ti;
	int err = proc_task_info(tgid, &ti);

	if (err)
		return err;
	if (ti.mm)
		task_mm_info(ti.mm, &mi);
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u", ti.pid, ti.comm,
		   ti.state[0], ti.ppid, ti.pgrp, ti.session,
		   0,		/* tty_nr: no controlling terminal kept */
		   -1,		/* tpgid */
		   0U);		/* flags: no PF_* flags */
	seq_printf(m, " %lu %lu %lu %lu", 0UL, 0UL, 0UL, 0UL); /* faults */
	seq_printf(m, " %llu %llu %lld %lld", ns_to_clock_t(ti.cputime_ns),
		   0ULL, 0LL, 0LL);	/* utime stime cutime cstime */
	seq_printf(m, " %d %d %d %d %llu", 20, 0, /* priority, nice */
		   ti.nr_threads, 0, /* itrealvalue */
		   0ULL);	/* starttime: not kept */
	seq_printf(m, " %lu %lu %llu", mi.total_vm << PAGE_SHIFT, mi.rss,
		   (unsigned long long)ti.rlim_rss);
	seq_printf(m, " %lu %lu %lu %lu %lu", mi.start_code, mi.end_code,
		   mi.start_stack, 0UL, 0UL); /* kstkesp, kstkeip: Linux's 0 */
	seq_printf(m, " %lu %lu %lu %lu", ti.pending & 0x7fffffffUL,
		   ti.blocked & 0x7fffffffUL, ti.ignored & 0x7fffffffUL,
		   ti.caught & 0x7fffffffUL);
	seq_printf(m, " %d %lu %lu %d %u %u %u %llu %llu %lld",
		   ti.state[0] != 'R', 0UL, 0UL, /* wchan, nswap, cnswap */
		   ti.exit_signal, ti.cpu, 0U, 0U, /* rt_priority, policy */
		   0ULL, 0ULL, 0LL);	/* blkio, guest, cguest */
	seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu %d\n", mi.start_data,
		   mi.end_data, mi.start_brk, mi.arg_start, mi.arg_end,
		   mi.env_start, mi.env_end, ti.exit_code);
	proc_task_info_put(&ti);
	return 0;
}

/* /proc/<pid>/statm: size resident shared text lib data dt, in pages. */
static int proc_pid_statm_show(struct seq_file *m, int tgid)
{
	struct proc_mm_info mi = { 0 };
	struct mm_struct *mm;
	unsigned long text = 0;
	int err = proc_get_task_mm(tgid, &mm);

	if (err)
		return err;
	if (mm) {
		task_mm_info(mm, &mi);
		mmput(mm);
		text = PAGE_ALIGN(mi.end_code) - (mi.start_code & PAGE_MASK);
		text >>= PAGE_SHIFT;
	}
	seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu\n", mi.total_vm, mi.rss,
		   0UL, text, 0UL, mi.data_vm + mi.stack_vm, 0UL);
	return 0;
}

static void show_val_kb(struct seq_file *m, const char *key,
			unsigned long kb)
{
	seq_printf(m, "%s\t%8lu kB\n", key, kb);
}

/* Linux's task_mem(): the Vm* lines of status. */
static void task_mem(struct seq_file *m, const struct proc_mm_info *mi)
{
	unsigned long text, lib, kb = PAGE_SIZE / 1024;

	text = (PAGE_ALIGN(mi->end_code) - (mi->start_code & PAGE_MASK)) >> 10;
	lib = (mi->exec_vm << (PAGE_SHIFT - 10));
	lib = lib > text ? lib - text : 0;
	/* No high-water marks are kept: the peaks are the current sizes. */
	show_val_kb(m, "VmPeak:", mi->total_vm * kb);
	show_val_kb(m, "VmSize:", mi->total_vm * kb);
	show_val_kb(m, "VmLck:", 0);
	show_val_kb(m, "VmPin:", 0);
	show_val_kb(m, "VmHWM:", mi->rss * kb);
	show_val_kb(m, "VmRSS:", mi->rss * kb);
	show_val_kb(m, "RssAnon:", (mi->rss - mi->rss_file) * kb);
	show_val_kb(m, "RssFile:", mi->rss_file * kb);
	show_val_kb(m, "RssShmem:", 0);
	show_val_kb(m, "VmData:", mi->data_vm * kb);
	show_val_kb(m, "VmStk:", mi->stack_vm * kb);
	show_val_kb(m, "VmExe:", text);
	show_val_kb(m, "VmLib:", lib);
	show_val_kb(m, "VmPTE:", mi->pte_tables * kb);
	show_val_kb(m, "VmSwap:", 0);
}

/* A CPU mask as Linux's "%*pbl": "0-3", "0,2-5". */
static void show_cpu_list(struct seq_file *m, cpumask_t mask)
{
	bool first = true;

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned int end = cpu;

		if (!(mask & cpumask_of(cpu)))
			continue;
		while (end + 1 < NR_CPUS && (mask & cpumask_of(end + 1)))
			end++;
		seq_printf(m, first ? "%u" : ",%u", cpu);
		if (end > cpu)
			seq_printf(m, "-%u", end);
		first = false;
		cpu = end;
	}
	seq_putc(m, '\n');
}

/* /proc/<pid>/status: Linux's lines, those anvil has something for. */
static int proc_pid_status_show(struct seq_file *m, int tgid)
{
	cpumask_t online = cpu_online_mask(), allowed;
	struct proc_mm_info mi = { 0 };
	struct proc_task_info ti;
	int err = proc_task_info(tgid, &ti), digits;

	if (err)
		return err;
	allowed = ti.cpus_allowed & online;
	seq_printf(m, "Name:\t%s\n", ti.comm);
	seq_printf(m, "State:\t%s\n", ti.state);
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n", ti.pid,
		   ti.pid, ti.ppid);
	seq_puts(m, "TracerPid:\t0\n");
	seq_puts(m, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n"); /* all root */
	seq_printf(m, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		   ti.pid, ti.pid, ti.pgrp, ti.session);
	if (ti.mm) {
		task_mm_info(ti.mm, &mi);
		task_mem(m, &mi);
	}
	seq_printf(m, "Threads:\t%d\n", ti.nr_threads);
	seq_printf(m, "SigQ:\t%d/%llu\n", ti.queued,
		   (unsigned long long)ti.rlim_sigpending);
	seq_printf(m, "SigPnd:\t%016lx\nShdPnd:\t%016lx\n", ti.pending,
		   ti.shared_pending);
	seq_printf(m, "SigBlk:\t%016lx\nSigIgn:\t%016lx\nSigCgt:\t%016lx\n",
		   ti.blocked, ti.ignored, ti.caught);
	/* Everyone is root, with every capability. */
	seq_puts(m, "CapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\n"
		    "CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n"
		    "CapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\n");
	/* The mask in hex, one digit per 4 possible (here: online) CPUs. */
	digits = (64 - __builtin_clzll(online | 1) + 3) / 4;
	seq_printf(m, "Cpus_allowed:\t%0*llx\n", digits,
		   (unsigned long long)allowed);
	seq_puts(m, "Cpus_allowed_list:\t");
	show_cpu_list(m, allowed);
	proc_task_info_put(&ti);
	return 0;
}

static int proc_pid_comm_show(struct seq_file *m, int tgid)
{
	struct proc_task_info ti;
	int err = proc_task_info(tgid, &ti);

	if (err)
		return err;
	seq_printf(m, "%s\n", ti.comm);
	proc_task_info_put(&ti);
	return 0;
}

/* ---- cmdline and environ: another process's memory --------------------- */

/*
 * The page mapped at @addr in @mm, with a reference of ours, or NULL if
 * none is. follow_page() is not enough for another process: its page
 * can be freed by a COW fault or a zap of that process as soon as the
 * PTE lock is dropped, even while we hold mmap_lock for reading, so the
 * reference is taken under the lock. mmap_lock held (reading), which
 * keeps the page tables themselves.
 */
static struct page *get_mapped_page(struct mm_struct *mm, unsigned long addr)
{
	pmd_t *pmd = pmd_lookup(mm, addr);
	struct page *page = NULL;
	spinlock_t *ptl;
	pte_t *pte;

	if (!pmd)
		return NULL;
	pte = pte_offset_map_lock(pmd, addr, &ptl);
	if (pte_present(*pte) && pfn_valid(pte_pfn(*pte))) {
		page = pfn_to_page(pte_pfn(*pte));
		get_page(page);
	}
	pte_unmap_unlock(pte, ptl);
	return page;
}

/*
 * Copy up to @len bytes at @addr in @mm into @buf (Linux's
 * access_remote_vm, reading). Unlike Linux it never faults a page in:
 * it stops at the first address not mapped, not readable, or whose page
 * is not present, which for the argument and environment strings (written
 * by exec) only happens if the process unmapped them. Returns the bytes
 * copied. The caller holds a user reference on @mm.
 */
static size_t access_remote_vm(struct mm_struct *mm, unsigned long addr,
			       void *buf, size_t len)
{
	size_t done = 0;

	down_read(&mm->mmap_lock);
	while (done < len) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		size_t off = addr & ~PAGE_MASK;
		size_t n = min_t(size_t, len - done, PAGE_SIZE - off);
		struct page *page;

		if (!vma || vma->vm_start > addr || !(vma->vm_flags & VM_READ))
			break;
		page = get_mapped_page(mm, addr);
		if (!page)
			break;
		memcpy((char *)buf + done, (char *)page_address(page) + off, n);
		put_page(page);
		done += n;
		addr += n;
	}
	up_read(&mm->mmap_lock);
	return done;
}

/* Read [start, end) of process @tgid's memory at *@pos, for @env or argv. */
static ssize_t proc_mm_strings_read(struct file *file, struct iov_iter *to,
				    loff_t *pos, bool env)
{
	int tgid = proc_ino_tgid(file->f_inode);
	unsigned long start, end, addr;
	struct mm_struct *mm;
	ssize_t done = 0;
	char *page;
	int err = proc_get_task_mm(tgid, &mm);

	if (err)
		return err;
	if (!mm)
		return 0;		/* a zombie: empty, as in Linux */
	down_read(&mm->mmap_lock);
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	up_read(&mm->mmap_lock);
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page) {
		mmput(mm);
		return -ENOMEM;
	}
	while (iov_iter_count(to) && *pos < (loff_t)(end - start)) {
		size_t want, got, copied;

		addr = start + (unsigned long)*pos;
		want = min_t(size_t, end - addr, PAGE_SIZE);
		want = min(want, iov_iter_count(to));
		got = access_remote_vm(mm, addr, page, want);
		if (!got)
			break;
		copied = copy_to_iter(page, got, to);
		*pos += copied;
		done += copied;
		if (copied < got) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	kfree(page);
	mmput(mm);
	return done;
}

static ssize_t proc_pid_cmdline_read(struct file *file, struct iov_iter *to,
				     loff_t *pos)
{
	return proc_mm_strings_read(file, to, pos, false);
}

static ssize_t proc_pid_environ_read(struct file *file, struct iov_iter *to,
				     loff_t *pos)
{
	return proc_mm_strings_read(file, to, pos, true);
}

static int proc_readonly_open(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_WRITE) ? -EACCES : 0;
}

static const struct file_operations proc_pid_cmdline_ops = {
	.open = proc_readonly_open,
	.llseek = seq_lseek,	/* only moves f_pos: no seq_file needed */
	.read_iter = proc_pid_cmdline_read,
};

static const struct file_operations proc_pid_environ_ops = {
	.open = proc_readonly_open,
	.llseek = seq_lseek,
	.read_iter = proc_pid_environ_read,
};

/* ---- /proc/<pid>/ -------------------------------------------------------- */

struct pid_entry {
	const char *name;
	umode_t mode;
	const struct file_operations *fop;
	int (*show)(struct seq_file *m, int tgid);	/* seq files */
};

static const struct file_operations proc_pid_seq_ops;

#define REG(_name, _mode, _show)                                           \
	{ .name = _name, .mode = S_IFREG | (_mode),                        \
	  .fop = &proc_pid_seq_ops, .show = _show }

/* In Linux's order (tgid_base_stuff), less what anvil lacks. */
static const struct pid_entry tgid_base_stuff[] = {
	{ "environ", S_IFREG | 0400, &proc_pid_environ_ops, NULL },
	REG("status", 0444, proc_pid_status_show),
	REG("comm", 0444, proc_pid_comm_show),
	{ "cmdline", S_IFREG | 0444, &proc_pid_cmdline_ops, NULL },
	REG("stat", 0444, proc_tgid_stat_show),
	REG("statm", 0444, proc_pid_statm_show),
	REG("maps", 0444, proc_pid_maps_show),
};

/* The inode holds the process (i_ino) and the entry (i_private). */
static int proc_pid_seq_show(struct seq_file *m, void *v)
{
	struct inode *inode = v;
	const struct pid_entry *e = inode->i_private;

	return e->show(m, proc_ino_tgid(inode));
}

static int proc_pid_seq_open(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_WRITE)
		return -EACCES;
	return single_open(file, proc_pid_seq_show, inode);
}

static const struct file_operations proc_pid_seq_ops = {
	.open = proc_pid_seq_open,
	.llseek = seq_lseek,
	.read_iter = seq_read_iter,
	.release = single_release,
};

static int proc_tgid_base_lookup(struct inode *dir, struct dentry *dentry)
{
	int tgid = proc_ino_tgid(dir);
	struct inode *inode;

	for (unsigned int i = 0; i < ARRAY_SIZE(tgid_base_stuff); i++) {
		const struct pid_entry *e = &tgid_base_stuff[i];

		if (strlen(e->name) != dentry->d_name.len ||
		    memcmp(e->name, dentry->d_name.name, dentry->d_name.len))
			continue;
		if (!proc_process_exists(tgid))
			return -ENOENT;
		inode = proc_new_inode(dir->i_sb, proc_pid_ino(tgid, 1 + i),
				       e->mode);
		if (!inode)
			return -ENOMEM;
		inode->i_fop = e->fop;
		inode->i_private = (void *)e;
		proc_instantiate(dentry, inode);
		return 0;
	}
	return -ENOENT;
}

/* ".", "..", then the entries at cookies 2, 3, ... */
static int proc_tgid_base_readdir(struct file *file, struct dir_context *ctx)
{
	int tgid = proc_ino_tgid(file->f_inode);
	loff_t n = ARRAY_SIZE(tgid_base_stuff);

	if (!proc_process_exists(tgid))
		return -ENOENT;
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, proc_pid_ino(tgid, 0), DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, PROC_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (; ctx->pos < 2 + n; ctx->pos++) {
		const struct pid_entry *e = &tgid_base_stuff[ctx->pos - 2];

		if (!ctx->actor(ctx, e->name, (int)strlen(e->name),
				ctx->pos + 1,
				proc_pid_ino(tgid, (unsigned int)ctx->pos - 1),
				DT_REG))
			return 0;
	}
	return 0;
}

static const struct inode_operations proc_tgid_base_inode_operations = {
	.lookup = proc_tgid_base_lookup,
};

static const struct file_operations proc_tgid_base_operations = {
	.llseek = dcache_dir_lseek,
	.iterate_shared = proc_tgid_base_readdir,
};

/* ---- /proc/self and the root's part ------------------------------------- */

/* The target was written when the reader looked the link up. */
static const char *proc_self_get_link(struct dentry *dentry)
{
	return dentry->d_inode->i_link;
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

/*
 * "self" means the caller, and every walk makes a fresh dentry for it,
 * so the target is fixed at lookup: each reader gets its own link.
 */
static int proc_self_lookup(struct inode *dir, struct dentry *dentry)
{
	int tgid = current->tgid;
	struct inode *inode;
	char buf[16];

	if (tgid <= 0)
		return -ENOENT;	/* a kernel thread is no process */
	snprintf(buf, sizeof(buf), "%d", tgid);
	inode = proc_new_inode(dir->i_sb, PROC_SELF_INO, S_IFLNK | 0777);
	if (!inode)
		return -ENOMEM;
	inode->i_op = &proc_self_inode_operations;
	inode->i_link = kstrndup(buf, sizeof(buf), GFP_KERNEL);
	if (!inode->i_link) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_size = strlen(inode->i_link);
	proc_instantiate(dentry, inode);
	return 0;
}

/* A process id as procfs spells it: digits, no sign, no leading zero. */
static int name_to_tgid(const struct qstr *name)
{
	long v = 0;

	if (!name->len || name->len > 9 ||
	    (name->len > 1 && name->name[0] == '0'))
		return -1;
	for (unsigned int i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return -1;
		v = v * 10 + (name->name[i] - '0');
	}
	return (int)v;
}

int proc_pid_lookup(struct inode *dir, struct dentry *dentry)
{
	int tgid;
	struct inode *inode;

	if (dentry->d_name.len == 4 && !memcmp(dentry->d_name.name, "self", 4))
		return proc_self_lookup(dir, dentry);
	tgid = name_to_tgid(&dentry->d_name);
	if (tgid <= 0 || !proc_process_exists(tgid))
		return -ENOENT;
	inode = proc_new_inode(dir->i_sb, proc_pid_ino(tgid, 0),
			       S_IFDIR | 0555);
	if (!inode)
		return -ENOMEM;
	inode->i_op = &proc_tgid_base_inode_operations;
	inode->i_fop = &proc_tgid_base_operations;
	proc_instantiate(dentry, inode);
	return 0;
}

/*
 * "self" at cookie @first; process @tgid at @first + 1 + tgid. Each one
 * is found afresh (no lock is held while the caller's buffer is
 * filled, which may fault), so resuming at any cookie is exact.
 */
int proc_pid_readdir(struct file *file, struct dir_context *ctx,
		     loff_t first)
{
	char name[16];
	int tgid, len;

	if (ctx->pos == first) {
		if (!ctx->actor(ctx, "self", 4, first + 1, PROC_SELF_INO,
				DT_LNK))
			return 0;
		ctx->pos = first + 1;
	}
	for (;;) {
		loff_t from = ctx->pos - (first + 1);

		if (from > INT_MAX)
			break;
		tgid = proc_next_tgid((int)from);
		if (!tgid)
			break;
		len = snprintf(name, sizeof(name), "%d", tgid);
		if (!ctx->actor(ctx, name, len, first + 2 + tgid,
				proc_pid_ino(tgid, 0), DT_DIR))
			break;
		ctx->pos = first + 2 + tgid;
	}
	return 0;
}
