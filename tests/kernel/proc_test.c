// SPDX-License-Identifier: MIT
/*
 * tests/kernel/proc_test.c: procfs, read through the VFS as a program
 * reads it (do_filp_open, kernel_read, getdents64, stat, readlink).
 *
 *	mount		/proc is another filesystem on the root's /proc:
 *			"..", getcwd, EBUSY, EXDEV, EACCES, EPERM
 *	top_files	meminfo's layout and keys, vmstat, uptime, loadavg,
 *			version, cmdline, cpuinfo, filesystems, mounts
 *	seq_reads	a text read in small pieces and at offsets, lseek
 *	readdir		/proc's listing, whole and one record at a time,
 *			d_ino agreeing with stat
 *	process		the test thread made a process for the case (the
 *			suites run before init exists): /proc/self, its
 *			directory, stat's 52 fields, status, statm, comm,
 *			cmdline and maps lines for mappings made with
 *			do_mmap, [heap] and [stack], and it all going
 *			away (ENOENT, ESRCH) when it stops being one
 *	pgfault		vmstat's pgfault counts a fault
 *
 * Built where the arch has user mode (ARCH_HAS_USER_MODE).
 */
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/ktest.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/sched/signal.h>
#include <anvil/slab.h>
#include <anvil/string.h>
#include <anvil/uaccess.h>
#include <anvil/vmstat.h>

#include "user_fixture.h"

#define FIXTURE_SIZE (8 * PAGE_SIZE)
#define TEXT_MAX (16 * 1024)
/* Fixed addresses for the test's own mappings: free in a fresh mm. */
#define RO_ADDR 0x200000000UL
#define HEAP_ADDR 0x300000000UL

static struct user_fixture fix;

static bool begin(struct ktest *t)
{
	int ret = user_fixture_begin(&fix, FIXTURE_SIZE);

	if (ret)
		ktest_fail(t, __FILE__, __LINE__, "user_fixture_begin: %d",
			   ret);
	return !ret;
}

static struct file *open_path(const char *path, unsigned int flags)
{
	return do_filp_open(current->fs, NULL, path, flags, 0);
}

/*
 * The whole text of @path, NUL-terminated, in a kmalloc'd buffer, and
 * its length in *@len; NULL (and *@len the error) if it cannot be read.
 */
static char *read_text(const char *path, ssize_t *len)
{
	struct file *f = open_path(path, O_RDONLY);
	char *buf;
	loff_t pos = 0;
	ssize_t n, total = 0;

	if (IS_ERR(f)) {
		*len = PTR_ERR(f);
		return NULL;
	}
	buf = kmalloc(TEXT_MAX, GFP_KERNEL);
	while (buf && (n = kernel_read(f, buf + total, TEXT_MAX - 1 - total,
				       &pos)) > 0)
		total += n;
	fput(f);
	if (!buf) {
		*len = -ENOMEM;
		return NULL;
	}
	if (n < 0) {
		kfree(buf);
		*len = n;
		return NULL;
	}
	buf[total] = '\0';
	*len = total;
	return buf;
}

/* The line of @text that starts with @prefix, or NULL. */
static const char *find_line(const char *text, const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *p = text; p && *p;) {
		if (!strncmp(p, prefix, n))
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

#define EXPECT_LINE(t, text, prefix)                                       \
	do {                                                               \
		if (!find_line(text, prefix))                              \
			ktest_fail(t, __FILE__, __LINE__,                  \
				   "no line starting \"%s\"", prefix);     \
	} while (0)

/* @text contains @s anywhere. */
static bool contains(const char *text, const char *s)
{
	size_t n = strlen(s);

	for (; *text; text++)
		if (!strncmp(text, s, n))
			return true;
	return false;
}

/* ---- mount --------------------------------------------------------------- */

static void mount_case(struct ktest *t)
{
	struct dentry *root, *proc, *up, *d;
	char buf[64];
	struct file *f;

	if (!begin(t))
		return;
	KTEST_ASSERT_TRUE(t, !kern_path(current->fs, NULL, "/", 0, &root));
	KTEST_ASSERT_TRUE(t, !kern_path(current->fs, NULL, "/proc",
					LOOKUP_FOLLOW, &proc));
	/* Another filesystem: its own device and root directory. */
	KTEST_EXPECT_NE(t, proc->d_sb, root->d_sb);
	KTEST_EXPECT_EQ(t, proc, proc->d_sb->s_root);
	KTEST_EXPECT_EQ(t, proc->d_inode->i_mode, S_IFDIR | 0555);
	KTEST_EXPECT_NE(t, proc->d_sb->s_dev, root->d_sb->s_dev);
	/* ".." climbs out through the mountpoint. */
	KTEST_EXPECT_EQ(t, kern_path(current->fs, NULL, "/proc/..", 0, &up),
			0);
	KTEST_EXPECT_EQ(t, up, root);
	dput(up);
	KTEST_EXPECT_EQ(t, kern_path(current->fs, NULL, "/proc/meminfo/..",
				     0, &up), -ENOTDIR);
	/* Names inside are named from the root of the whole tree. */
	KTEST_ASSERT_TRUE(t, !kern_path(current->fs, NULL, "/proc/meminfo",
					0, &d));
	KTEST_EXPECT_EQ(t, d_path(root, d, buf, sizeof(buf)), 13);
	KTEST_EXPECT_EQ(t, strcmp(buf, "/proc/meminfo"), 0);
	KTEST_EXPECT_EQ(t, d->d_inode->i_mode, S_IFREG | 0444);
	dput(d);
	KTEST_EXPECT_EQ(t, do_chdir(current->fs, "/proc"), 0);
	KTEST_EXPECT_EQ(t, vfs_getcwd(current->fs, buf, sizeof(buf)), 6);
	KTEST_EXPECT_EQ(t, strcmp(buf, "/proc"), 0);
	KTEST_EXPECT_EQ(t, do_chdir(current->fs, "/"), 0);

	/* Nothing can be changed. */
	KTEST_EXPECT_EQ(t, do_rmdir(current->fs, NULL, "/proc"), -EBUSY);
	KTEST_EXPECT_EQ(t, do_renameat(current->fs, NULL, "/proc", NULL,
				       "/proc2"), -EBUSY);
	KTEST_EXPECT_EQ(t, do_renameat(current->fs, NULL, "/proc/meminfo",
				       NULL, "/meminfo"), -EXDEV);
	KTEST_EXPECT_EQ(t, do_mkdirat(current->fs, NULL, "/proc/meminfo", 0755),
			-EEXIST);
	KTEST_EXPECT_EQ(t, do_mkdirat(current->fs, NULL, "/proc/x", 0755),
			-EPERM);
	KTEST_EXPECT_EQ(t, do_unlinkat(current->fs, NULL, "/proc/meminfo"),
			-EPERM);
	KTEST_EXPECT_EQ(t, do_unlinkat(current->fs, NULL, "/proc/nothing"),
			-ENOENT);
	f = open_path("/proc/meminfo", O_WRONLY);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EACCES);
	f = open_path("/proc/meminfo", O_RDWR);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EACCES);
	f = do_filp_open(current->fs, NULL, "/proc/new", O_CREAT | O_WRONLY,
			 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EACCES);
	/* O_CREAT of a name that exists opens it, as anywhere. */
	f = do_filp_open(current->fs, NULL, "/proc/meminfo", O_CREAT, 0644);
	KTEST_EXPECT_FALSE(t, IS_ERR(f));
	if (!IS_ERR(f))
		fput(f);
	f = open_path("/proc/nothing", O_RDONLY);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENOENT);
	dput(proc);
	dput(root);
	user_fixture_end(&fix);
}

/* ---- files at the top ---------------------------------------------------- */

/* "Key:" padded to 16 columns, the value in 8, " kB". Returns the value. */
static long meminfo_value(struct ktest *t, const char *text, const char *key)
{
	const char *line = find_line(text, key);
	const char *nl;
	char *end;
	long v;

	if (!line) {
		ktest_fail(t, __FILE__, __LINE__, "no %s line", key);
		return -1;
	}
	nl = strchr(line, '\n');
	KTEST_EXPECT_TRUE(t, nl && nl - line == 27);	/* 16 + 8 + " kB" */
	KTEST_EXPECT_EQ(t, strncmp(line + 24, " kB\n", 4), 0);
	for (size_t i = strlen(key); i < 16; i++)
		KTEST_EXPECT_EQ(t, line[i], ' ');
	for (v = 16; line[v] == ' '; v++)
		;
	v = (long)strtoul(line + v, &end, 10);
	KTEST_EXPECT_EQ(t, end, line + 24);
	return v;
}

static void top_files_case(struct ktest *t)
{
	static const char *const keys[] = {
		"MemTotal:", "MemFree:", "MemAvailable:", "Buffers:",
		"Cached:", "AnonPages:", "Slab:", "KernelStack:",
		"PageTables:",
	};
	char *text, *end;
	ssize_t len;
	long total, free;

	if (!begin(t))
		return;
	text = read_text("/proc/meminfo", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, strncmp(text, "MemTotal:       ", 16), 0);
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		meminfo_value(t, text, keys[i]);
	total = meminfo_value(t, text, "MemTotal:");
	free = meminfo_value(t, text, "MemFree:");
	KTEST_EXPECT_EQ(t, total, totalram_pages() * (PAGE_SIZE / 1024));
	KTEST_EXPECT_TRUE(t, free > 0 && free <= total);
	KTEST_EXPECT_EQ(t, text[len - 1], '\n');
	kfree(text);

	text = read_text("/proc/vmstat", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, strncmp(text, "nr_free_pages ", 14), 0);
	EXPECT_LINE(t, text, "pgfault ");
	EXPECT_LINE(t, text, "nr_page_table_pages ");
	EXPECT_LINE(t, text, "mmu_gather_batch_alloc_fail ");
	EXPECT_LINE(t, text, "zap_resched_breaks ");
	EXPECT_LINE(t, text, "latency_preempt_off_max_ns ");
	EXPECT_LINE(t, text, "latency_irqs_off_max_ns ");
	/* Every line is "name value". */
	for (char *p = text; *p; p = strchr(p, '\n') + 1) {
		char *sp = strchr(p, ' ');

		KTEST_ASSERT_TRUE(t, sp && sp < strchr(p, '\n'));
		strtoul(sp + 1, &end, 10);
		KTEST_EXPECT_EQ(t, *end, '\n');
	}
	kfree(text);

	text = read_text("/proc/uptime", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	strtoul(text, &end, 10);
	KTEST_EXPECT_TRUE(t, end > text && end[0] == '.' && end[3] == ' ');
	KTEST_EXPECT_EQ(t, strcmp(end + 3, " 0.00\n"), 0);
	kfree(text);

	text = read_text("/proc/loadavg", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, strncmp(text, "0.00 0.00 0.00 ", 15), 0);
	KTEST_EXPECT_TRUE(t, strchr(text, '/') && text[len - 1] == '\n');
	kfree(text);

	text = read_text("/proc/version", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, strncmp(text, "anvil version 6.", 16), 0);
	kfree(text);

	text = read_text("/proc/cmdline", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_TRUE(t, contains(text, "anvil.test="));
	KTEST_EXPECT_EQ(t, text[len - 1], '\n');
	kfree(text);

	text = read_text("/proc/cpuinfo", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, strncmp(text, "processor\t: 0\n", 14), 0);
	KTEST_EXPECT_TRUE(t, len > 16 && !strcmp(text + len - 2, "\n\n"));
	kfree(text);

	text = read_text("/proc/mounts", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	EXPECT_LINE(t, text, "proc /proc proc ");
	kfree(text);
	text = read_text("/proc/filesystems", &len);
	KTEST_ASSERT_NOT_NULL(t, text);
	EXPECT_LINE(t, text, "nodev\tproc\n");
	kfree(text);
	user_fixture_end(&fix);
}

/* ---- reading in pieces --------------------------------------------------- */

static void seq_reads_case(struct ktest *t)
{
	char *whole, piece[64], *text;
	ssize_t len, n, got = 0;
	struct file *f;
	loff_t pos = 0;

	if (!begin(t))
		return;
	/* /proc/version never changes: its pieces must make the whole. */
	whole = read_text("/proc/version", &len);
	text = kzalloc(TEXT_MAX, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, whole && text);
	f = open_path("/proc/version", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	while ((n = kernel_read(f, piece, 7, &pos)) > 0) {
		memcpy(text + got, piece, n);
		got += n;
	}
	KTEST_EXPECT_EQ(t, n, 0);
	KTEST_EXPECT_EQ(t, got, len);
	KTEST_EXPECT_EQ(t, memcmp(text, whole, len), 0);
	/* At an offset, past the end, and lseek's rules (Linux's seq_lseek). */
	pos = 10;
	KTEST_EXPECT_EQ(t, kernel_read(f, piece, 5, &pos), 5);
	KTEST_EXPECT_EQ(t, memcmp(piece, whole + 10, 5), 0);
	pos = len + 100;
	KTEST_EXPECT_EQ(t, kernel_read(f, piece, 5, &pos), 0);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 3, SEEK_SET), 3);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 2, SEEK_CUR), 5);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -10, SEEK_SET), -EINVAL);
	fput(f);

	/*
	 * meminfo changes all the time, but one read through the file is
	 * one snapshot: memory taken between the pieces does not tear it.
	 */
	f = open_path("/proc/meminfo", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	pos = 0;
	got = 0;
	while ((n = kernel_read(f, piece, 13, &pos)) > 0) {
		void *p = kmalloc(PAGE_SIZE * 2, GFP_KERNEL);

		memcpy(text + got, piece, n);
		got += n;
		kfree(p);
	}
	text[got] = '\0';
	KTEST_EXPECT_EQ(t, n, 0);
	meminfo_value(t, text, "MemTotal:");
	meminfo_value(t, text, "PageTables:");
	fput(f);
	kfree(text);
	kfree(whole);
	user_fixture_end(&fix);
}

/* ---- readdir ---------------------------------------------------------- */

/* Names from getdents64 with @bufsize-byte calls, "a\0b\0..." into @out. */
static int list_dir(const char *path, size_t bufsize, char *out, size_t max,
		    u64 *meminfo_ino)
{
	struct file *d = open_path(path, O_RDONLY | O_DIRECTORY);
	char *buf = kmalloc(bufsize, GFP_KERNEL);
	size_t used = 0;
	int n, count = 0;

	if (IS_ERR(d) || !buf) {
		kfree(buf);
		return IS_ERR(d) ? (int)PTR_ERR(d) : -ENOMEM;
	}
	for (;;) {
		struct kvec kv = { buf, bufsize };
		struct iov_iter it;

		iov_iter_kvec(&it, ITER_DEST, &kv, 1, bufsize);
		n = vfs_getdents64(d, &it);
		if (n <= 0)
			break;
		for (int off = 0; off < n;) {
			struct linux_dirent64 *de = (void *)(buf + off);
			size_t l = strlen(de->d_name) + 1;

			if (!strcmp(de->d_name, "meminfo"))
				*meminfo_ino = de->d_ino;
			if (used + l <= max) {
				memcpy(out + used, de->d_name, l);
				used += l;
			}
			count++;
			off += de->d_reclen;
		}
	}
	fput(d);
	kfree(buf);
	return n < 0 ? n : count;
}

static bool listed(const char *names, int count, const char *name)
{
	for (int i = 0; i < count; i++, names += strlen(names) + 1)
		if (!strcmp(names, name))
			return true;
	return false;
}

static void readdir_case(struct ktest *t)
{
	char *all = kzalloc(4096, GFP_KERNEL), *one = kzalloc(4096, GFP_KERNEL);
	u64 ino = 0, ino1 = 0;
	struct kstat st;
	int n, n1;

	KTEST_ASSERT_TRUE(t, all && one);
	if (!begin(t))
		goto out;
	n = list_dir("/proc", 4096, all, 4096, &ino);
	KTEST_EXPECT_TRUE(t, n >= 12);
	for (const char *name = ".\0..\0meminfo\0vmstat\0self\0cpuinfo\0";
	     *name; name += strlen(name) + 1)
		KTEST_EXPECT_TRUE(t, listed(all, n, name));
	/* One record per call: the same names, in the same order. */
	n1 = list_dir("/proc", 40, one, 4096, &ino1);
	KTEST_EXPECT_EQ(t, n1, n);
	KTEST_EXPECT_EQ(t, memcmp(all, one, 4096), 0);
	/* Fixed inode numbers: readdir and stat agree. */
	KTEST_EXPECT_EQ(t, vfs_statat(current->fs, NULL, "/proc/meminfo", 0,
				      &st), 0);
	KTEST_EXPECT_EQ(t, st.ino, ino);
	KTEST_EXPECT_EQ(t, ino1, ino);
	KTEST_EXPECT_EQ(t, list_dir("/proc/meminfo", 4096, one, 4096, &ino),
			-ENOTDIR);
	user_fixture_end(&fix);
out:
	kfree(all);
	kfree(one);
}

/* ---- a process -------------------------------------------------------- */

/*
 * The suites run before init, so no process exists: make the test's
 * kernel thread look like one (its own thread group, a parent, a
 * signal_struct) for the case, under tasklist_lock as fork does it,
 * and put it back afterwards.
 */
struct lent_process {
	struct signal_struct *sig;
	struct sighand_struct *sighand;
};

static bool become_process(struct lent_process *lp)
{
	struct task_struct *me = current;

	lp->sig = kzalloc(sizeof(*lp->sig), GFP_KERNEL);
	lp->sighand = kzalloc(sizeof(*lp->sighand), GFP_KERNEL);
	if (!lp->sig || !lp->sighand) {
		kfree(lp->sig);
		kfree(lp->sighand);
		return false;
	}
	INIT_LIST_HEAD(&lp->sig->thread_head);
	INIT_LIST_HEAD(&lp->sig->shared_pending.list);
	rlimit_init_default(lp->sig->rlim);
	lp->sig->nr_threads = 1;
	lp->sig->pgrp = lp->sig->session = me->pid;
	spin_lock_init(&lp->sighand->siglock);
	lp->sighand->action[SIGUSR1 - 1].sa_handler = SIG_IGN;
	INIT_LIST_HEAD(&me->pending.list);
	spin_lock(&tasklist_lock);
	me->signal = lp->sig;
	me->sighand = lp->sighand;
	me->tgid = me->pid;
	me->group_leader = me;
	me->real_parent = &init_task;
	spin_unlock(&tasklist_lock);
	return true;
}

static void stop_being_process(struct lent_process *lp)
{
	struct task_struct *me = current;

	spin_lock(&tasklist_lock);
	me->real_parent = NULL;
	me->group_leader = NULL;
	me->tgid = 0;
	me->signal = NULL;
	me->sighand = NULL;
	spin_unlock(&tasklist_lock);
	kfree(lp->sig);
	kfree(lp->sighand);
}

/* The @n-th field (from 1) of a stat line, after the comm. */
static const char *stat_field(const char *line, int n)
{
	const char *p = strrchr(line, ')');

	if (!p || n < 3)
		return NULL;
	p += 2;			/* ") " */
	for (int i = 3; i < n && p; i++) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	return p;
}

static int count_fields(const char *line)
{
	const char *p = strrchr(line, ')');
	int n = 2;

	for (; p && *p && *p != '\n'; p++)
		if (*p == ' ')
			n++;
	return n;
}

/* The maps line for [start, end) with @perms and, padded, @name. */
static void expect_map_line(struct ktest *t, const char *maps,
			    unsigned long start, unsigned long end,
			    const char *perms, const char *name)
{
	char want[160];
	int n = snprintf(want, sizeof(want), "%08lx-%08lx %s 00000000 00:00 0 ",
			 start, end, perms);

	if (name) {
		while (n < 73)
			want[n++] = ' ';
		n += snprintf(want + n, sizeof(want) - n, "%s", name);
	}
	snprintf(want + n, sizeof(want) - n, "\n");
	if (!find_line(maps, want))
		ktest_fail(t, __FILE__, __LINE__, "no maps line \"%s\"", want);
}

static void process_case(struct ktest *t)
{
	struct mm_struct *mm;
	struct lent_process lp;
	char path[64], self[16], *text;
	const unsigned long len = 3 * PAGE_SIZE;
	unsigned long total_vm;
	struct dentry *d;
	struct file *f;
	ssize_t n;
	int pid;

	if (!begin(t))
		return;
	mm = fix.mm;
	KTEST_ASSERT_TRUE(t, do_mmap(mm, RO_ADDR, len, PROT_READ,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				     -1, 0) == RO_ADDR);
	KTEST_ASSERT_TRUE(t, do_mmap(mm, HEAP_ADDR, len, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				     -1, 0) == HEAP_ADDR);
	/* argv and envp, as exec lays them out, in the fixture's memory. */
	KTEST_EXPECT_EQ(t, copy_to_user(user_ptr(&fix, 0x100), "ab\0c\0X=1\0",
					9), 0);
	down_write(&mm->mmap_lock);
	mm->arg_start = fix.base + 0x100;
	mm->arg_end = mm->env_start = fix.base + 0x105;
	mm->env_end = fix.base + 0x109;
	mm->start_brk = HEAP_ADDR;
	mm->brk = HEAP_ADDR + PAGE_SIZE;
	mm->start_stack = fix.base + fix.size;
	total_vm = 0;
	for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
		total_vm += vma_pages(v);
	up_write(&mm->mmap_lock);

	/* Not a process yet: no /proc/self, no directory. */
	KTEST_EXPECT_EQ(t, kern_path(current->fs, NULL, "/proc/self", 0, &d),
			-ENOENT);
	KTEST_ASSERT_TRUE(t, become_process(&lp));
	pid = current->pid;
	snprintf(self, sizeof(self), "%d", pid);

	KTEST_EXPECT_EQ(t, do_readlinkat(current->fs, NULL, "/proc/self", path,
					 sizeof(path)), (int)strlen(self));
	KTEST_EXPECT_EQ(t, memcmp(path, self, strlen(self)), 0);
	snprintf(path, sizeof(path), "/proc/%d", pid);
	KTEST_EXPECT_EQ(t, kern_path(current->fs, NULL, path, 0, &d), 0);
	if (!IS_ERR_OR_NULL(d)) {
		KTEST_EXPECT_EQ(t, d->d_inode->i_mode, S_IFDIR | 0555);
		dput(d);
	}
	snprintf(path, sizeof(path), "/proc/0%d", pid);
	KTEST_EXPECT_EQ(t, kern_path(current->fs, NULL, path, 0, &d), -ENOENT);

	/* stat: pid (comm) state ppid ..., 52 fields. */
	text = read_text("/proc/self/stat", &n);
	KTEST_ASSERT_NOT_NULL(t, text);
	snprintf(path, sizeof(path), "%d (%s) R 0 %d %d 0 -1 ", pid,
		 current->comm, pid, pid);
	KTEST_EXPECT_EQ(t, strncmp(text, path, strlen(path)), 0);
	KTEST_EXPECT_EQ(t, count_fields(text), 52);
	KTEST_EXPECT_EQ(t, text[n - 1], '\n');
	KTEST_EXPECT_EQ(t, strtoul(stat_field(text, 20), NULL, 10), 1);
	KTEST_EXPECT_EQ(t, strtoul(stat_field(text, 23), NULL, 10),
			total_vm << PAGE_SHIFT);
	KTEST_EXPECT_EQ(t, strtoul(stat_field(text, 34), NULL, 10), 0);
	KTEST_EXPECT_EQ(t, strtoul(stat_field(text, 33), NULL, 10),
			1UL << (SIGUSR1 - 1));
	KTEST_EXPECT_EQ(t, strtoul(stat_field(text, 48), NULL, 10),
			fix.base + 0x100);
	KTEST_EXPECT_EQ(t, strtoul(stat_field(text, 49), NULL, 10),
			fix.base + 0x105);
	kfree(text);

	/* status: Linux's keys and layouts. */
	text = read_text("/proc/self/status", &n);
	KTEST_ASSERT_NOT_NULL(t, text);
	snprintf(path, sizeof(path), "Name:\t%s\nState:\tR (running)\n",
		 current->comm);
	KTEST_EXPECT_EQ(t, strncmp(text, path, strlen(path)), 0);
	snprintf(path, sizeof(path), "Pid:\t%d\nPPid:\t0\n", pid);
	EXPECT_LINE(t, text, path);
	snprintf(path, sizeof(path), "VmSize:\t%8lu kB\n",
		 total_vm * (PAGE_SIZE / 1024));
	EXPECT_LINE(t, text, path);
	EXPECT_LINE(t, text, "Threads:\t1\n");
	EXPECT_LINE(t, text, "SigIgn:\t0000000000000200\n");
	kfree(text);

	text = read_text("/proc/self/statm", &n);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, strtoul(text, NULL, 10), total_vm);
	kfree(text);

	text = read_text("/proc/self/comm", &n);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, n, (ssize_t)strlen(current->comm) + 1);
	KTEST_EXPECT_EQ(t, strncmp(text, current->comm, n - 1), 0);
	kfree(text);

	/* cmdline and environ: the bytes, NULs included, and from offsets. */
	text = read_text("/proc/self/cmdline", &n);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, n, 5);
	KTEST_EXPECT_EQ(t, memcmp(text, "ab\0c\0", 5), 0);
	kfree(text);
	f = open_path("/proc/self/cmdline", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	{
		loff_t pos = 3;
		char b[8];

		KTEST_EXPECT_EQ(t, kernel_read(f, b, sizeof(b), &pos), 2);
		KTEST_EXPECT_EQ(t, memcmp(b, "c\0", 2), 0);
		KTEST_EXPECT_EQ(t, kernel_read(f, b, sizeof(b), &pos), 0);
	}
	fput(f);
	text = read_text("/proc/self/environ", &n);
	KTEST_ASSERT_NOT_NULL(t, text);
	KTEST_EXPECT_EQ(t, n, 4);
	KTEST_EXPECT_EQ(t, memcmp(text, "X=1\0", 4), 0);
	kfree(text);

	/* maps: Linux's lines, the names padded to column 73. */
	text = read_text("/proc/self/maps", &n);
	KTEST_ASSERT_NOT_NULL(t, text);
	expect_map_line(t, text, RO_ADDR, RO_ADDR + len, "r--p", NULL);
	expect_map_line(t, text, HEAP_ADDR, HEAP_ADDR + len, "rw-p", "[heap]");
	expect_map_line(t, text, fix.base, fix.base + fix.size, "rw-p",
			"[stack]");
	kfree(text);

	/* Writing is refused at open. */
	f = open_path("/proc/self/stat", O_WRONLY);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EACCES);

	/* Gone: the names at once, and files already open on the next read. */
	f = open_path("/proc/self/stat", O_RDONLY);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	stop_being_process(&lp);
	{
		loff_t pos = 0;
		char b[16];

		KTEST_EXPECT_EQ(t, kernel_read(f, b, sizeof(b), &pos), -ESRCH);
	}
	fput(f);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	KTEST_EXPECT_EQ(t, PTR_ERR(open_path(path, O_RDONLY)), -ENOENT);
	KTEST_EXPECT_EQ(t, kern_path(current->fs, NULL, "/proc/self", 0, &d),
			-ENOENT);
	user_fixture_end(&fix);
}

/* ---- pgfault ------------------------------------------------------------- */

static void pgfault_case(struct ktest *t)
{
	unsigned long before, in_file;
	const char *line;
	char *text;
	ssize_t n;

	if (!begin(t))
		return;
	before = vm_event_read(PGFAULT);
	/* A page of the fixture nobody touched yet: this faults it in. */
	KTEST_EXPECT_EQ(t, put_user(1, (int __user *)user_ptr(&fix,
							      5 * PAGE_SIZE)),
			0);
	KTEST_EXPECT_TRUE(t, vm_event_read(PGFAULT) > before);
	text = read_text("/proc/vmstat", &n);
	KTEST_ASSERT_NOT_NULL(t, text);
	line = find_line(text, "pgfault ");
	KTEST_ASSERT_NOT_NULL(t, line);
	in_file = strtoul(line + 8, NULL, 10);
	KTEST_EXPECT_TRUE(t, in_file > before);
	kfree(text);
	user_fixture_end(&fix);
}

KTEST_SUITE(proc, "proc",
	    { "mount", mount_case },
	    { "top_files", top_files_case },
	    { "seq_reads", seq_reads_case },
	    { "readdir", readdir_case },
	    { "process", process_case },
	    { "pgfault", pgfault_case });
