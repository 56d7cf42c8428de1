// SPDX-License-Identifier: MIT
/*
 * fs/binfmt_script.c: "#!" scripts.
 *
 * A file starting "#!/path/to/interp [one-arg]" runs as
 *
 *	/path/to/interp [one-arg] path-of-script argv[1] ...
 *
 * (argv[0] the caller gave is dropped, as on Linux). The strings are
 * already on the new stack, lowest first: remove argv[0], push the
 * script's path, the optional argument and the interpreter, and let exec
 * look at the interpreter's file instead.
 */
#include <anvil/errno.h>
#include <anvil/fs.h>
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/slab.h>
#include <anvil/stat.h>
#include <anvil/string.h>

#include <anvil/binfmts.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

int load_script_binary(struct linux_binprm *bprm)
{
	char *line, *end, *interp, *arg = NULL;
	struct fs_struct *fs = current->fs ? current->fs : &init_fs;
	struct file *file;
	size_t len, i;
	int err;

	if (bprm->buf_len < 2 || bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	line = kmalloc(BINPRM_BUF_SIZE, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	len = bprm->buf_len - 2;
	memcpy(line, bprm->buf + 2, len);
	line[len] = '\0';
	end = strchr(line, '\n');
	if (end) {
		*end = '\0';
	} else if (bprm->buf_len == BINPRM_BUF_SIZE) {
		/*
		 * The line goes on past the bytes read (Linux's rule): the
		 * argument may be cut short, the interpreter can read the
		 * script for the rest; but the interpreter's name must end,
		 * in a blank or NUL, within them, or it might be cut into
		 * another file's name. The last byte read is dropped.
		 */
		i = 0;
		while (i < len && is_space(line[i]))
			i++;
		while (i < len && line[i] && !is_space(line[i]))
			i++;
		if (i == len) {
			kfree(line);
			return -ENOEXEC;
		}
		line[len - 1] = '\0';
	}
	for (interp = line; is_space(*interp); interp++)
		;
	if (!*interp) {
		kfree(line);
		return -ENOEXEC;
	}
	for (end = interp; *end && !is_space(*end); end++)
		;
	if (*end) {
		*end++ = '\0';
		while (is_space(*end))
			end++;
		if (*end) {
			arg = end;	/* the rest of the line, trailing blanks
					 * trimmed: one argument, as Linux */
			end += strlen(end);
			while (end > arg && is_space(end[-1]))
				*--end = '\0';
		}
	}
	err = remove_arg_zero(bprm);
	if (!err)
		err = copy_string_kernel(bprm->filename, bprm);
	if (!err && arg) {
		err = copy_string_kernel(arg, bprm);
		bprm->argc++;
	}
	if (!err)
		err = copy_string_kernel(interp, bprm);
	if (err) {
		kfree(line);
		return err;
	}
	bprm->argc += 2;
	file = do_filp_open(fs, NULL, interp, O_RDONLY, 0);
	if (IS_ERR(file)) {
		kfree(line);
		return (int)PTR_ERR(file);
	}
	if (!S_ISREG(file->f_inode->i_mode) || !(file->f_inode->i_mode & 0111)) {
		fput(file);
		kfree(line);
		return -EACCES;
	}
	fput(bprm->file);
	bprm->file = file;
	kfree(bprm->interp_buf);
	bprm->interp_buf = line;
	return -EAGAIN;
}
