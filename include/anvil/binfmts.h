/* SPDX-License-Identifier: MIT */
/*
 * <anvil/binfmts.h>: what fs/exec.c shares with the binary formats
 * (fs/binfmt_elf.c, fs/binfmt_script.c), as Linux's linux/binfmts.h.
 */
#ifndef ANVIL_BINFMTS_H
#define ANVIL_BINFMTS_H

#include <anvil/types.h>

struct file;
struct mm_struct;

#define BINPRM_BUF_SIZE 256
#define MAX_ARG_STRLEN (32 * PAGE_SIZE)	/* one argument: 128 KiB */
#define MAX_ARG_STRINGS 0x7fffffff
#define MAX_INTERP_DEPTH 5		/* "#!" scripts running scripts:
					 * five, the sixth is ELOOP (Linux) */
#define DEFAULT_STACK_SIZE (8UL << 20)	/* RLIMIT_STACK's default */
#define MIN_STACK_SIZE (128UL << 10)
#define MAX_STACK_SIZE (64UL << 20)
#define MAX_ARG_TOTAL (6UL << 20)	/* argv + envp, Linux's cap */
#define STACK_EXTRA (128UL << 10)	/* beyond the strings, at exec */

/* One execve in progress. */
struct linux_binprm {
	const char *filename;		/* as given; names the task */
	struct file *file;		/* what runs: the program, or a
					 * script's interpreter */
	struct mm_struct *mm;		/* the new address space, until
					 * begin_new_exec makes it current's */
	unsigned long p;		/* lowest byte of the strings pushed
					 * so far, in the new mm */
	unsigned long arg_limit;	/* how much the strings may take */
	unsigned long stack_top;	/* STACK_TOP, lower if randomized */
	unsigned long exec_fn;		/* the filename's copy (AT_EXECFN) */
	int argc, envc;
	char *interp_buf;		/* binfmt_script's copy of the "#!"
					 * line */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	size_t buf_len;
};

/* fs/exec.c */
extern int randomize_va_space;	/* anvil.aslr */
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src,
	       size_t len);
int mm_read(struct mm_struct *mm, unsigned long addr, void *dst, size_t len);
int put_mm_ulong(struct mm_struct *mm, unsigned long addr, unsigned long val);
int copy_string_kernel(const char *s, struct linux_binprm *bprm);
int remove_arg_zero(struct linux_binprm *bprm);
int prepare_binprm(struct linux_binprm *bprm);
void begin_new_exec(struct linux_binprm *bprm);

/*
 * The formats. Each returns -ENOEXEC if the file is not its kind, 0 once
 * the new program is in place, another error otherwise. A script's
 * handler returns -EAGAIN after it has replaced bprm->file by the
 * interpreter: exec then starts the search over.
 */
int load_script_binary(struct linux_binprm *bprm);
int load_elf_binary(struct linux_binprm *bprm);

#endif /* ANVIL_BINFMTS_H */
