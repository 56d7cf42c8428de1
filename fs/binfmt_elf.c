// SPDX-License-Identifier: MIT
/*
 * fs/binfmt_elf.c: loading a static ELF64 program (ET_EXEC, or a
 * static-pie ET_DYN), as Linux's load_elf_binary, smaller.
 *
 * Every field that will be trusted is checked first; a file that fails
 * any check is ENOEXEC (the "not a program I can run" error), and so is
 * a dynamically linked one: anvil has no ld.so to give it (ENOENT if
 * the loader it names does not even exist, as on Linux).
 *
 * Linux checks some of these only after the point of no return, where
 * it maps the segments, and kills the process (SIGSEGV) when one is bad;
 * a segment that runs past the file's end it does not check at all, and
 * the program gets SIGBUS when it touches the missing page. anvil checks
 * them all before committing, the file's size too, and returns ENOEXEC
 * to a caller that is still intact.
 *
 * The image goes into the new mm (bprm->mm), not yet anyone's:
 *
 *   for each PT_LOAD: a private mapping of the file over its file part
 *     (p_filesz bytes), read at the first touch, text shared with every
 *     other process running the program; the rest of the last file page
 *     zeroed when .bss starts there, and anonymous pages up to p_memsz;
 *     then the segment's own protection (p_flags)
 *   brk starts at the page after the highest segment
 *   the stack, below the strings exec already pushed (STACK_TOP down):
 *
 *	[ filename, envp and argv strings ]   <- pushed by fs/exec.c
 *	[ "x86_64" / "power8" (AT_PLATFORM) ]
 *	[ 16 random bytes (AT_RANDOM) ]
 *	  padding to 16 bytes
 *	[ auxv: (type, value) pairs ... AT_NULL ]
 *	[ NULL ] [ envp[envc - 1] ... envp[0] ]
 *	[ NULL ] [ argv[argc - 1] ... argv[0] ]
 *	[ argc ]                              <- the stack pointer, 16-aligned
 *
 * That is the SysV psABI's process entry layout, the same on x86_64 and
 * ppc64 (Linux's create_elf_tables). Then begin_new_exec() commits and
 * arch_start_thread() points the registers at e_entry.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/mm.h>
#include <anvil/mm_types.h>
#include <anvil/mman.h>
#include <anvil/random.h>
#include <anvil/rwsem.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/stat.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <asm/elf.h>
#include <asm/page.h>

#include <anvil/binfmts.h>

#define ET_EXEC 2
#define ET_DYN 3
#define EV_CURRENT 1
#define PT_LOAD 1
#define PT_INTERP 3
#define PT_PHDR 6
#define PF_X 1
#define PF_W 2
#define PF_R 4

/* auxv types (Linux's) */
#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31

#define MAX_PHNUM (65536 / sizeof(struct elf64_phdr))
#define LOFF_MAX (~0ULL >> 1)		/* the largest file position */

struct elf64_hdr {
	unsigned char e_ident[16];
	u16 e_type, e_machine;
	u32 e_version;
	u64 e_entry, e_phoff, e_shoff;
	u32 e_flags;
	u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
	u32 p_type, p_flags;
	u64 p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

/* The fields are read in the kernel's byte order (see elf_header_ok). */
_Static_assert(sizeof(struct elf64_hdr) == 64, "ELF64 header");
_Static_assert(sizeof(struct elf64_phdr) == 56, "ELF64 program header");

struct elf_image {
	struct elf64_hdr eh;
	struct elf64_phdr *phdrs;
	unsigned long load_bias;	/* ET_DYN: where it goes; ET_EXEC 0 */
	unsigned long phdr_addr;	/* AT_PHDR */
	unsigned long end_code, start_data, end_data, brk, start_code;
};

/*
 * What Linux checks, and no more: e_machine alone says whose program it
 * is (elf_check_arch); EI_CLASS, EI_DATA, EI_VERSION and e_version are
 * not looked at, and the fields are read in the kernel's byte order
 * whatever EI_DATA claims. A stricter check would refuse files Linux
 * runs, and "any static Linux binary runs" is the point.
 */
static bool elf_header_ok(const struct elf64_hdr *eh)
{
	return !memcmp(eh->e_ident, "\177ELF", 4) &&
	       (eh->e_type == ET_EXEC || eh->e_type == ET_DYN) &&
	       eh->e_machine == ELF_ARCH &&
	       eh->e_phentsize == sizeof(struct elf64_phdr) &&
	       eh->e_phnum >= 1 && eh->e_phnum <= MAX_PHNUM;
}

/* A PT_LOAD whose numbers make sense: no overflow, in user space. */
static bool segment_ok(const struct elf64_phdr *ph, unsigned long bias)
{
	u64 va = ph->p_vaddr + bias;

	if (ph->p_filesz > ph->p_memsz || ph->p_memsz > TASK_SIZE)
		return false;
	/* The bytes must lie at file positions a loff_t can hold. */
	if (ph->p_filesz > LOFF_MAX || ph->p_offset > LOFF_MAX - ph->p_filesz)
		return false;
	if (va < PAGE_SIZE || va >= TASK_SIZE || va + ph->p_memsz > TASK_SIZE)
		return false;
	/* The file offset and address must agree within a page. */
	return ((ph->p_vaddr - ph->p_offset) & ~PAGE_MASK) == 0;
}

static int read_phdrs(struct linux_binprm *bprm, struct elf_image *img)
{
	size_t size = img->eh.e_phnum * sizeof(struct elf64_phdr);
	loff_t pos = img->eh.e_phoff;
	ssize_t n;

	img->phdrs = kmalloc(size, GFP_KERNEL);
	if (!img->phdrs)
		return -ENOMEM;
	/* Headers that cannot be read, from wherever e_phoff points (a
	 * negative position is EINVAL to kernel_read), make no program. */
	n = kernel_read(bprm->file, img->phdrs, size, &pos);
	return n >= 0 && (size_t)n == size ? 0 : -ENOEXEC;
}

/*
 * A dynamically linked program: anvil has no ld.so to start it with, so
 * it cannot run (ENOEXEC). But first the loader it names is looked up as
 * Linux would open it, so a missing one gives Linux's error, ENOENT:
 * the well-known "No such file or directory" for a program that is
 * plainly there.
 */
static int interp_error(struct linux_binprm *bprm, const struct elf64_phdr *ph)
{
	struct fs_struct *fs = current->fs ? current->fs : &init_fs;
	loff_t pos = ph->p_offset;
	struct file *file;
	umode_t mode;
	ssize_t n;
	char *path;
	int err;

	/* Linux's bounds: a NUL-terminated path of 2 to PATH_MAX bytes. */
	if (ph->p_filesz < 2 || ph->p_filesz > PATH_MAX)
		return -ENOEXEC;
	path = kmalloc(ph->p_filesz, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	n = kernel_read(bprm->file, path, ph->p_filesz, &pos);
	if (n < 0 || (size_t)n != ph->p_filesz) {
		err = n < 0 ? (int)n : -EIO;	/* Linux's elf_read() */
		goto out;
	}
	err = -ENOEXEC;
	if (path[ph->p_filesz - 1])
		goto out;
	file = do_filp_open(fs, NULL, path, O_RDONLY, 0);
	if (IS_ERR(file)) {
		err = (int)PTR_ERR(file);
		goto out;
	}
	mode = file->f_inode->i_mode;
	if (!S_ISREG(mode) || !(mode & 0111))
		err = -EACCES;			/* as open_exec() */
	fput(file);
out:
	kfree(path);
	return err;
}

/* Check every program header; choose the load bias. */
static int check_image(struct linux_binprm *bprm, struct elf_image *img)
{
	unsigned long lowest = ~0UL;
	bool any = false;

	for (int i = 0; i < img->eh.e_phnum; i++) {
		struct elf64_phdr *ph = &img->phdrs[i];

		if (ph->p_type == PT_INTERP)
			return interp_error(bprm, ph);
		if (ph->p_type != PT_LOAD)
			continue;
		any = true;
		lowest = min(lowest, (unsigned long)ph->p_vaddr & PAGE_MASK);
	}
	if (!any)
		return -ENOEXEC;
	if (img->eh.e_type == ET_DYN) {
		img->load_bias = ELF_ET_DYN_BASE - lowest;
		if (randomize_va_space)	/* up to 2^28 pages, as mmap */
			img->load_bias += (get_random_u64() &
					   ((1UL << 28) - 1)) << PAGE_SHIFT;
	}
	for (int i = 0; i < img->eh.e_phnum; i++) {
		struct elf64_phdr *ph = &img->phdrs[i];

		if (ph->p_type != PT_LOAD)
			continue;
		if (!segment_ok(ph, img->load_bias))
			return -ENOEXEC;
		/* Bytes past the end would be SIGBUS at the first touch. */
		if (ph->p_offset + ph->p_filesz > (u64)i_size_read(bprm->file->f_inode))
			return -ENOEXEC;
	}
	if (img->eh.e_entry + img->load_bias >= TASK_SIZE)
		return -ENOEXEC;
	return 0;
}

static unsigned long elf_prot(u32 flags)
{
	return ((flags & PF_R) ? PROT_READ : 0) |
	       ((flags & PF_W) ? PROT_WRITE : 0) |
	       ((flags & PF_X) ? PROT_EXEC : 0);
}

/*
 * Map the pages of [@start, @end) that no VMA covers yet. Two segments
 * may share a page, and the one loaded second must keep the bytes the
 * first put there; they may even come in any order (the ELF spec wants
 * them sorted by address, Linux does not insist), so look rather than
 * assume the previous one ended lowest.
 */
static int map_gaps(struct mm_struct *mm, unsigned long start,
		    unsigned long end)
{
	while (start < end) {
		struct vm_area_struct *vma;
		unsigned long gap_end = end, addr;

		down_read(&mm->mmap_lock);
		vma = find_vma(mm, start);
		if (vma && vma->vm_start <= start) {
			start = vma->vm_end;
			up_read(&mm->mmap_lock);
			continue;
		}
		if (vma && vma->vm_start < end)
			gap_end = vma->vm_start;
		up_read(&mm->mmap_lock);
		addr = do_mmap(mm, start, gap_end - start,
			       PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		if (IS_ERR_VALUE(addr))
			return (int)addr;
		start = gap_end;
	}
	return 0;
}

/*
 * The file part of a PT_LOAD as a private mapping of the file itself, as
 * Linux's elf_map does: its pages are read at the first touch, and text
 * pages are the page cache's own, shared by every process running the
 * program (a write, to .data say, copies). Mapped writable for now, so
 * that the .bss tail of the last page can be zeroed; load_segments sets
 * the final protection. (segment_ok saw that the offset and the address
 * agree within a page.)
 */
static int map_file_part(struct linux_binprm *bprm, unsigned long va,
			 const struct elf64_phdr *ph)
{
	unsigned long start = va & PAGE_MASK, in_page = va - start;
	unsigned long end = PAGE_ALIGN(va + ph->p_filesz), addr;

	addr = do_mmap_file(bprm->mm, bprm->file, start, end - start,
			    PROT_READ | PROT_WRITE | PROT_EXEC,
			    MAP_PRIVATE | MAP_FIXED, ph->p_offset - in_page);
	return IS_ERR_VALUE(addr) ? (int)addr : 0;
}

/*
 * Map and fill one PT_LOAD: the file part mapped from the file (or, if
 * it cannot be, copied into anonymous memory), then zeroed memory up to
 * p_memsz: the rest of the last file page, and anonymous pages after it.
 */
static int load_segment(struct linux_binprm *bprm, struct elf_image *img,
			const struct elf64_phdr *ph)
{
	static const char zeros[256];
	struct mm_struct *mm = bprm->mm;
	unsigned long va = ph->p_vaddr + img->load_bias;
	unsigned long file_end = va + ph->p_filesz, pad;
	int err = 0;

	if (ph->p_filesz)
		err = map_file_part(bprm, va, ph);
	if (!err)
		err = map_gaps(mm, ph->p_filesz ? PAGE_ALIGN(file_end) :
						  va & PAGE_MASK,
			       PAGE_ALIGN(va + ph->p_memsz));
	/* .bss starts inside the last file page: clear that page's tail. */
	pad = ph->p_filesz && ph->p_memsz > ph->p_filesz ?
		      PAGE_ALIGN(file_end) - file_end : 0;
	for (unsigned long n; !err && pad; pad -= n, file_end += n) {
		n = min(pad, sizeof(zeros));
		err = copy_to_mm(mm, file_end, zeros, n);
	}
	if (err)
		return err;
	if (ph->p_offset == 0 && !img->phdr_addr)
		img->phdr_addr = va + img->eh.e_phoff; /* headers are mapped */
	if (ph->p_flags & PF_X) {
		img->start_code = img->start_code ? min(img->start_code, va) : va;
		img->end_code = max(img->end_code, va + ph->p_filesz);
	} else {
		img->start_data = img->start_data ? min(img->start_data, va) : va;
		img->end_data = max(img->end_data, va + ph->p_filesz);
	}
	img->brk = max(img->brk, va + ph->p_memsz);
	return 0;
}

static int load_segments(struct linux_binprm *bprm, struct elf_image *img)
{
	int err;

	for (int i = 0; i < img->eh.e_phnum; i++) {
		struct elf64_phdr *ph = &img->phdrs[i];

		if (ph->p_type == PT_PHDR)
			img->phdr_addr = ph->p_vaddr + img->load_bias;
		if (ph->p_type != PT_LOAD)
			continue;
		err = load_segment(bprm, img, ph);
		if (err)
			return err;
	}
	/* Now each segment gets its own protection. */
	for (int i = 0; i < img->eh.e_phnum; i++) {
		struct elf64_phdr *ph = &img->phdrs[i];
		unsigned long va = ph->p_vaddr + img->load_bias;
		unsigned long start = va & PAGE_MASK;

		if (ph->p_type != PT_LOAD)
			continue;
		err = do_mprotect(bprm->mm, start,
				  PAGE_ALIGN(va + ph->p_memsz) - start,
				  elf_prot(ph->p_flags));
		if (err)
			return err;
	}
	return 0;
}

/* ---- the initial stack ----------------------------------------------------- */

struct stack_writer {
	struct mm_struct *mm;
	unsigned long sp;		/* next slot, going up */
	int err;
};

static void put_word(struct stack_writer *w, unsigned long val)
{
	if (!w->err)
		w->err = put_mm_ulong(w->mm, w->sp, val);
	w->sp += sizeof(unsigned long);
}

/* The pointers to @count strings starting at *@str, which moves past. */
static void put_string_ptrs(struct stack_writer *w, struct linux_binprm *bprm,
			    int count, unsigned long *str)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);

	if (!buf) {
		w->err = -ENOMEM;
		return;
	}
	for (int i = 0; i < count && !w->err; i++) {
		put_word(w, *str);
		/* Find the NUL: read the strings back from the new mm. */
		for (;;) {
			unsigned long off = *str & ~PAGE_MASK;
			size_t n = PAGE_SIZE - off;
			size_t len;

			if (mm_read(bprm->mm, *str, buf, n)) {
				w->err = -EFAULT;
				break;
			}
			len = strnlen(buf, n);
			*str += len;
			if (len < n) {
				(*str)++;
				break;
			}
		}
	}
	put_word(w, 0);
	kfree(buf);
}

static int create_elf_tables(struct linux_binprm *bprm, struct elf_image *img)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long p = bprm->p, platform, random, sp, str;
	struct stack_writer w = { .mm = mm };
	u8 rnd[16];
	/* 18 common entries and AT_NULL, plus the arch's (ARCH_DLINFO) */
	int nr_aux = 19 + AT_VECTOR_SIZE_ARCH, items;

	p -= sizeof(ELF_PLATFORM);
	platform = p;
	if (copy_to_mm(mm, platform, ELF_PLATFORM, sizeof(ELF_PLATFORM)))
		return -EFAULT;
	get_random_bytes(rnd, sizeof(rnd));
	p = (p - sizeof(rnd)) & ~15UL;
	random = p;
	if (copy_to_mm(mm, random, rnd, sizeof(rnd)))
		return -EFAULT;

	items = 1 + (bprm->argc + 1) + (bprm->envc + 1) + 2 * nr_aux;
	sp = (p - items * sizeof(unsigned long)) & ~15UL;
	if (bprm->stack_top - sp > bprm->arg_limit + PAGE_SIZE)
		return -E2BIG;
	w.sp = sp;
	put_word(&w, bprm->argc);
	str = bprm->p;
	mm->arg_start = str;
	put_string_ptrs(&w, bprm, bprm->argc, &str);
	mm->arg_end = mm->env_start = str;
	put_string_ptrs(&w, bprm, bprm->envc, &str);
	mm->env_end = str;

#define AUX(type, val) do { put_word(&w, type); put_word(&w, val); } while (0)
	AUX(AT_HWCAP, elf_hwcap());
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, HZ);
	AUX(AT_PHDR, img->phdr_addr);
	AUX(AT_PHENT, sizeof(struct elf64_phdr));
	AUX(AT_PHNUM, img->eh.e_phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, img->eh.e_entry + img->load_bias);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random);
	AUX(AT_HWCAP2, 0);
	AUX(AT_EXECFN, bprm->exec_fn);
	AUX(AT_PLATFORM, platform);
	ARCH_DLINFO(AUX);
	AUX(AT_NULL, 0);
#undef AUX
	if (w.err)
		return w.err;
	BUG_ON(w.sp > p);	/* nr_aux too small for what was written */
	bprm->p = sp;
	return 0;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_image img = { 0 };
	struct mm_struct *mm;
	int err;

	if (bprm->buf_len < sizeof(img.eh))
		return -ENOEXEC;
	memcpy(&img.eh, bprm->buf, sizeof(img.eh));
	if (!elf_header_ok(&img.eh))
		return -ENOEXEC;
	err = read_phdrs(bprm, &img);
	if (!err)
		err = check_image(bprm, &img);
	if (!err)
		err = load_segments(bprm, &img);
	if (!err)
		err = arch_setup_additional_pages(bprm->mm);
	if (!err)
		err = create_elf_tables(bprm, &img);
	kfree(img.phdrs);
	if (err)
		return err;

	mm = bprm->mm;
	mm->start_code = img.start_code;
	mm->end_code = img.end_code;
	mm->start_data = img.start_data;
	mm->end_data = img.end_data;
	mm->start_brk = mm->brk = PAGE_ALIGN(img.brk);
	if (randomize_va_space)		/* Linux: up to 32 MiB above */
		mm->start_brk = mm->brk += (get_random_u64() & 0x1fff) << PAGE_SHIFT;
	begin_new_exec(bprm);
	if (arch_start_thread(task_pt_regs(current),
			      img.eh.e_entry + img.load_bias, bprm->p))
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
	return 0;
}
