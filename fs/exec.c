// SPDX-License-Identifier: MIT
/*
 * fs/exec.c: execve, replacing a process's program.
 *
 *   sys_execve(path, argv, envp)          kernel_execve (init, at boot)
 *     do_execve
 *       open the file, check it may be run      EACCES, ENOENT...
 *       bprm_mm_init: a new, empty mm with a stack VMA below STACK_TOP
 *       copy_strings: path, envp, argv onto that stack, top down  E2BIG
 *       search_binary_handler:
 *         load_script_binary  "#!": start over with the interpreter
 *         load_elf_binary     map the segments into the new mm, copy
 *                             their file bytes in, build argc/argv/
 *                             envp/auxv (fs/binfmt_elf.c)    ENOEXEC
 *       ---- point of no return ----
 *       begin_new_exec: the new mm replaces the old (exec_mmap),
 *         close-on-exec files close, handlers reset, the name changes
 *       arch_start_thread: registers for the new entry point
 *
 * Everything that can fail because of the file or the arguments happens
 * before the point of no return, into an mm nobody runs yet, so a bad
 * ELF leaves the caller exactly as it was, with an error. (Linux maps
 * the segments after the point of no return and must kill the process
 * when that fails; building the whole image first is simpler to follow,
 * and possible because anvil copies file bytes rather than mapping the
 * page cache.)
 *
 * Writing into the new mm: it is not loaded on any CPU, so its pages are
 * reached through the page tables (copy_to_mm), faulting them in with
 * handle_mm_fault as a user write would.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/param.h>
#include <anvil/random.h>
#include <anvil/pgtable.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/sched/mm.h>
#include <anvil/sched/signal.h>
#include <anvil/sched/task.h>
#include <anvil/slab.h>
#include <anvil/stat.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/uaccess.h>
#include <asm/cacheflush.h>
#include <asm/elf.h>
#include <asm/mmu_context.h>

#include <anvil/binfmts.h>

/*
 * Address-space layout randomization: off by default, so addresses are
 * the same on every run (students compare them, gdb sessions repeat);
 * "anvil.aslr" on the command line turns it on (Linux's
 * randomize_va_space = 2: stack, mmap area, brk and ET_DYN base).
 */
int randomize_va_space;

static int set_aslr(const char *val)
{
	if (val && strcmp(val, "0") && strcmp(val, "1"))
		return -1;
	randomize_va_space = !val || !strcmp(val, "1");
	return 0;
}
kernel_param("anvil.aslr", set_aslr,
	     "randomize stack, mmap, brk and PIE addresses (off by default)");

/* ---- the new mm ---------------------------------------------------------- */

/*
 * The kernel address of the byte at @addr in @mm, the page faulted in
 * (for writing if @write), or NULL if no VMA covers it or memory ran
 * out. @mm is not in use, so the page cannot go away under us.
 */
static char *mm_byte(struct mm_struct *mm, unsigned long addr, bool write)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;

	down_read(&mm->mmap_lock);
	vma = find_vma(mm, addr);
	if (vma && vma->vm_start <= addr) {
		/* A fault only when it takes one: each counts in pgfault. */
		page = follow_page_write(vma, addr, write);
		if (!page) {
			if (handle_mm_fault(vma, addr, write ? FAULT_FLAG_WRITE : 0) &
			    (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV))
				page = NULL;
			else
				page = follow_page(vma, addr);
		}
	}
	up_read(&mm->mmap_lock);
	return page ? (char *)page_address(page) + (addr & ~PAGE_MASK) : NULL;
}

int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src,
	       size_t len)
{
	while (len) {
		size_t n = min_t(size_t, len, PAGE_SIZE - (addr & ~PAGE_MASK));
		char *dst = mm_byte(mm, addr, true);

		if (!dst)
			return -EFAULT;
		memcpy(dst, src, n);
		/* It may be code (exec's text, a trampoline). */
		flush_icache_range((unsigned long)dst, (unsigned long)dst + n);
		src = (const char *)src + n;
		addr += n;
		len -= n;
	}
	return 0;
}

int mm_read(struct mm_struct *mm, unsigned long addr, void *dst, size_t len)
{
	while (len) {
		size_t n = min_t(size_t, len, PAGE_SIZE - (addr & ~PAGE_MASK));
		const char *src = mm_byte(mm, addr, false);

		if (!src)
			return -EFAULT;
		memcpy(dst, src, n);
		dst = (char *)dst + n;
		addr += n;
		len -= n;
	}
	return 0;
}

int put_mm_ulong(struct mm_struct *mm, unsigned long addr, unsigned long val)
{
	return copy_to_mm(mm, addr, &val, sizeof(val));
}

/*
 * The stack: room for the argument strings (a quarter of RLIMIT_STACK,
 * Linux's limit) plus 128 KiB, as a VM_GROWSDOWN mapping that faults
 * below it extend up to RLIMIT_STACK (mm/fault.c, expand_stack). Pages
 * are only allocated as they are touched.
 */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	unsigned long limit = DEFAULT_STACK_SIZE, size, addr;
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return -ENOMEM;
	if (current->signal) {
		u64 lim = READ_ONCE(current->signal->rlim[RLIMIT_STACK].rlim_cur);

		limit = lim < MIN_STACK_SIZE ? MIN_STACK_SIZE :
			lim > MAX_STACK_SIZE ? MAX_STACK_SIZE : PAGE_ALIGN(lim);
	}
	size = min(limit, PAGE_ALIGN(limit / 4) + STACK_EXTRA);
	bprm->stack_top = STACK_TOP;
	if (randomize_va_space) {
		/* Linux's amounts: the stack top by up to 16 GiB, the
		 * mmap area by up to 2^28 pages (1 TiB), both page-aligned. */
		bprm->stack_top -= (get_random_u64() & ((1UL << 22) - 1)) << PAGE_SHIFT;
		mm->mmap_base = (bprm->stack_top - (size > (128UL << 20) ?
			size : (128UL << 20))) -
			((get_random_u64() & ((1UL << 28) - 1)) << PAGE_SHIFT);
	}
	addr = do_mmap(mm, bprm->stack_top - size, size,
		       PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN,
		       -1, 0);
	if (IS_ERR_VALUE(addr)) {
		mmput(mm);
		return (int)addr;
	}
	mm->start_stack = bprm->stack_top;
	bprm->mm = mm;
	bprm->p = bprm->stack_top;
	/* Linux's: a quarter of the stack, at most 3/4 of its 8 MiB default */
	bprm->arg_limit = min(limit / 4, MAX_ARG_TOTAL);
	return 0;
}

/* ---- argument strings ------------------------------------------------------ */

/* argv/envp: an array of string pointers in user or kernel memory. */
struct user_arg_ptr {
	bool is_kernel;
	union {
		const char __user *const __user *user;
		const char *const *kernel;
	};
};

static int get_arg(struct user_arg_ptr a, int i, const char **out)
{
	const char __user *p;

	if (a.is_kernel) {
		*out = a.kernel ? a.kernel[i] : NULL;
		return 0;
	}
	if (!a.user) {
		*out = NULL;
		return 0;
	}
	if (get_user(p, a.user + i))
		return -EFAULT;
	*out = (const char *)p;
	return 0;
}

static int count_args(struct user_arg_ptr a)
{
	const char *s;
	int i;

	for (i = 0; i < MAX_ARG_STRINGS; i++) {
		if (get_arg(a, i, &s))
			return -EFAULT;
		if (!s)
			return i;
		cond_resched();
	}
	return -E2BIG;
}

/* Push one string (NUL included) below bprm->p. */
static int push_string(struct linux_binprm *bprm, const char *s,
		       bool is_kernel)
{
	char *buf;
	long len;
	int err;

	if (is_kernel) {
		len = strlen(s) + 1;
	} else {
		len = strnlen_user((const char __user *)s, MAX_ARG_STRLEN);
		if (!len)
			return -EFAULT;
	}
	if (len > (long)MAX_ARG_STRLEN)
		return -E2BIG;
	if (bprm->stack_top - (bprm->p - len) > bprm->arg_limit)
		return -E2BIG;
	bprm->p -= len;
	if (is_kernel)
		return copy_to_mm(bprm->mm, bprm->p, s, len);
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	err = 0;
	for (long off = 0; off < len && !err; off += (long)PAGE_SIZE) {
		long n = min_t(long, len - off, (long)PAGE_SIZE);

		if (copy_from_user(buf, (const char __user *)s + off, n))
			err = -EFAULT;
		else
			err = copy_to_mm(bprm->mm, bprm->p + off, buf, n);
	}
	kfree(buf);
	return err;
}

/* The strings of @a, last first, so they lie in order going up. */
static int copy_strings(int count, struct user_arg_ptr a,
			struct linux_binprm *bprm)
{
	const char *s;
	int err;

	for (int i = count - 1; i >= 0; i--) {
		err = get_arg(a, i, &s);
		if (!err && !s)
			err = -EFAULT;	/* the array changed under us */
		if (!err)
			err = push_string(bprm, s, a.is_kernel);
		if (err)
			return err;
		cond_resched();
	}
	return 0;
}

int copy_string_kernel(const char *s, struct linux_binprm *bprm)
{
	return push_string(bprm, s, true);
}

/*
 * Drop argv[0] from the strings already pushed (a script's interpreter
 * takes its place): it is the lowest string, at bprm->p.
 */
int remove_arg_zero(struct linux_binprm *bprm)
{
	char *c;

	if (!bprm->argc)
		return 0;
	do {
		c = mm_byte(bprm->mm, bprm->p, false);
		if (!c)
			return -EFAULT;
		bprm->p++;
	} while (*c);
	bprm->argc--;
	return 0;
}

/* ---- the point of no return ----------------------------------------------- */

/* The new mm replaces the current one (or a kernel thread's none). */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *t = current;
	struct mm_struct *old = t->mm, *active;
	unsigned long flags;

	/*
	 * ->mm changes under tasklist_lock, so that /proc (get_task_mm in
	 * fs/proc/base.c) never takes a reference on the old mm after its
	 * last one went (mmput below).
	 */
	spin_lock(&tasklist_lock);
	local_irq_save(flags);
	active = t->active_mm;
	t->mm = mm;
	t->active_mm = mm;
	switch_mm(active, mm, t);
	local_irq_restore(flags);
	spin_unlock(&tasklist_lock);
	if (old)
		mmput(old);		/* active_mm was old: no extra reference */
	else if (active)
		mmdrop(active);		/* what a kernel thread borrowed */
	mm_release_vfork(t);
}

/* Files shared with another process (CLONE_FILES) get a private table
 * first: close-on-exec must not close the other's files. */
static int unshare_files(void)
{
	struct files_struct *files = current->files, *copy;
	int err = 0;

	if (atomic_read(&files->count) == 1)
		return 0;
	copy = dup_fd(files, &err);
	if (!copy)
		return err;
	current->files = copy;
	put_files_struct(files);
	return 0;
}

static void set_comm(const char *filename)
{
	const char *base = strrchr(filename, '/');

	base = base ? base + 1 : filename;
	strlcpy(current->comm, base, sizeof(current->comm));
}

/*
 * begin_new_exec - commit: from here the old program is gone, so nothing
 * may fail (the one allocation that may, unsharing the fd table, is
 * done before). Called by the binary handler once its image is ready.
 */
void begin_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;

	bprm->mm = NULL;		/* current's now */
	exec_mmap(mm);
	if (current->files)
		do_close_on_exec(current->files);
	if (current->sighand)
		flush_signal_handlers(current);
	set_comm(bprm->filename);
}

/* ---- do_execve ------------------------------------------------------------- */

static int open_exec(struct linux_binprm *bprm)
{
	struct fs_struct *fs = current->fs ? current->fs : &init_fs;
	struct file *file;
	umode_t mode;

	file = do_filp_open(fs, NULL, bprm->filename, O_RDONLY, 0);
	if (IS_ERR(file))
		return (int)PTR_ERR(file);
	mode = file->f_inode->i_mode;
	/* Only regular files with an x bit run, even for root (Linux). */
	if (!S_ISREG(mode) || !(mode & 0111) ||
	    inode_permission(file->f_inode, MAY_EXEC)) {
		fput(file);
		return -EACCES;
	}
	bprm->file = file;
	return 0;
}

/* Read the file's start into bprm->buf (the handlers' magic checks). */
int prepare_binprm(struct linux_binprm *bprm)
{
	loff_t pos = 0;
	ssize_t n;

	memset(bprm->buf, 0, sizeof(bprm->buf));
	n = kernel_read(bprm->file, bprm->buf, sizeof(bprm->buf), &pos);
	if (n < 0)
		return (int)n;
	bprm->buf_len = n;
	return 0;
}

/* Try each format; a script restarts the search with its interpreter. */
static int search_binary_handler(struct linux_binprm *bprm)
{
	int depth, err;

	for (depth = 0; depth <= MAX_INTERP_DEPTH; depth++) {
		err = prepare_binprm(bprm);
		if (err)
			return err;
		err = load_script_binary(bprm);
		if (err == -EAGAIN)
			continue;	/* bprm->file is now the interpreter */
		if (err != -ENOEXEC)
			return err;
		return load_elf_binary(bprm);
	}
	return -ELOOP;
}

static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->mm)
		mmput(bprm->mm);
	if (bprm->file)
		fput(bprm->file);
	kfree(bprm->interp_buf);
	kfree(bprm);
}

/*
 * The argv and envp pointers will take room on the stack too: if they
 * alone are over the limit, fail now (Linux's bprm_stack_limits), not
 * after copying, say, a million empty strings one by one.
 */
static int check_ptr_size(struct linux_binprm *bprm)
{
	unsigned long ptrs = (unsigned long)max(bprm->argc, 1) + bprm->envc;

	return ptrs * sizeof(void *) >= bprm->arg_limit ? -E2BIG : 0;
}

static int do_execve(const char *filename, struct user_arg_ptr argv,
		     struct user_arg_ptr envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	int err;

	if (!bprm)
		return -ENOMEM;
	bprm->filename = filename;
	err = open_exec(bprm);
	if (!err)
		err = unshare_files();
	if (!err)
		err = bprm_mm_init(bprm);
	if (!err)
		err = bprm->argc = count_args(argv);
	if (err >= 0)
		err = bprm->envc = count_args(envp);
	if (err >= 0)
		err = check_ptr_size(bprm);
	if (!err)
		err = copy_string_kernel(filename, bprm);
	if (!err) {
		bprm->exec_fn = bprm->p;
		err = copy_strings(bprm->envc, envp, bprm);
	}
	if (!err)
		err = copy_strings(bprm->argc, argv, bprm);
	/*
	 * No argv at all: argv[0] becomes "" (Linux since 5.18), so that a
	 * program that starts at argv[1] does not walk into envp.
	 */
	if (!err && !bprm->argc) {
		err = copy_string_kernel("", bprm);
		bprm->argc = 1;
	}
	if (!err)
		err = search_binary_handler(bprm);
	free_bprm(bprm);
	return err;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct user_arg_ptr a = { .user = argv }, e = { .user = envp };
	char *name = getname(filename);
	long ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = do_execve(name, a, e);
	putname(name);
	return ret;
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct user_arg_ptr a = { .is_kernel = true, .kernel = argv };
	struct user_arg_ptr e = { .is_kernel = true, .kernel = envp };

	return do_execve(filename, a, e);
}
