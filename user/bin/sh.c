/* SPDX-License-Identifier: MIT */
/*
 * user/bin/sh.c: anvil's shell, a small POSIX-ish sh.
 *
 *	sh			commands from standard input, prompting "anvil$ "
 *	sh FILE [ARG]...	commands from FILE; $0 is FILE, $1... the ARGs
 *	sh -c CMD [NAME [ARG]...]  commands from CMD; $0 is NAME
 *
 * Each command line goes through three stages:
 *
 *	text --tokenize()--> tokens --parse_list()--> struct list --run_list()
 *	      (sh_parse.h)            (sh_parse.h)                 (this file)
 *
 * and "a | b >out && c &" becomes
 *
 *	list
 *	 `- andor (bg)
 *	     |- pipeline: command "a" | command "b" (1>out)
 *	     `- && pipeline: command "c"
 *
 * Words keep their quotes until their command is about to run; only then
 * does expand_command() (sh_expand.h) replace $VAR, remove quotes and
 * split fields, so that "X=1; echo $X" sees the new X.  This file has
 * the rest: redirections, fork/exec/wait, the builtins, reading input.
 *
 * It has: '...' "..." and \ quoting; $VAR ${VAR} $? $$ $! $# $0-$9 $@ $*;
 * ~ at the start of a word; pipelines; redirections [n]<, [n]>, [n]>>,
 * [n]>&m, [n]<&m; & ; && || and # comments; NAME=value before a command
 * or alone; the builtins cd, pwd, exit, export, unset, set, wait and ":".
 * It has not: if/while/for/case, functions, $(...), globbing, here
 * documents, job control.  Everything else (echo, test, ...) is a program
 * found through $PATH.  A command killed by a signal gives $? = 128 + N,
 * N being Linux's signal number, and a message such as "Killed".
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh_parse.h"
#include "sh_expand.h"

/* ---- Redirections ------------------------------------------------------ */

/* What redirect() replaced, so that a builtin's redirections can be undone. */
struct saved_fds {
	struct {
		int fd, copy;	/* copy is -1 if fd was not open */
	} s[16];
	int n;
};

/* Make @fd a copy of @from, then close @from (unless they are one). */
static void move_fd(int from, int fd)
{
	if (from != fd) {
		dup2(from, fd);
		close(from);
	}
}

/*
 * redirect - apply one redirection to this process
 * @save: where to keep the descriptor being replaced, or NULL (a child
 *	  that is about to exec has no use for it)
 *
 * Returns 0, or -1 after a message if the file cannot be opened.
 */
static int redirect(const struct redir *r, struct saved_fds *save)
{
	char *target = expand_string(r->target);
	int fd, flags, ret = 0;

	if (save && save->n < (int)ARRAY_SIZE(save->s)) {
		/* Above the low descriptors, and never inherited. */
		save->s[save->n].fd = r->fd;
		save->s[save->n++].copy = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
	}
	if (r->type == R_DUP && !strcmp(target, "-")) {
		close(r->fd);
	} else if (r->type == R_DUP) {
		fd = isdigit((unsigned char)target[0]) ? atoi(target) : -1;
		if (fd < 0 || dup2(fd, r->fd) < 0) {
			fprintf(stderr, "sh: %s: bad file descriptor\n", target);
			ret = -1;
		}
	} else {
		flags = r->type == R_IN ? O_RDONLY : O_WRONLY | O_CREAT |
			(r->type == R_APPEND ? O_APPEND : O_TRUNC);
		fd = open(target, flags, 0666);
		if (fd < 0) {
			warn_errno("sh", target);
			ret = -1;
		} else {
			move_fd(fd, r->fd);
		}
	}
	free(target);
	return ret;
}

static int redirect_all(const struct command *c, struct saved_fds *save)
{
	int i;

	for (i = 0; i < c->nredirs; i++)
		if (redirect(&c->redirs[i], save) < 0)
			return -1;
	return 0;
}

/* Undo redirect()s, newest first, so each descriptor gets its original. */
static void restore_fds(struct saved_fds *save)
{
	fflush(stdout);		/* what a builtin printed goes where it was sent */
	while (save->n > 0) {
		save->n--;
		if (save->s[save->n].copy >= 0)
			move_fd(save->s[save->n].copy, save->s[save->n].fd);
		else
			close(save->s[save->n].fd);
	}
}

/* ---- Processes: fork, exec, wait -------------------------------------- */

/* Background jobs, so that "wait" can find them and their status. */
static struct job {
	pid_t pid;
	int status;
	bool done;
} jobs[32];
static int njobs;

/*
 * $? for a wait status: the exit code, or 128 + Linux's signal number.
 * If @report, a death by signal is announced as bash does ("Killed"),
 * except for SIGINT (the user knows) and SIGPIPE (a pipe reader quit).
 */
static int exit_status(int st, bool report)
{
	const struct sig_name *s;
	int sig;

	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (!WIFSIGNALED(st))
		return 1;
	sig = WTERMSIG(st);
	s = sig_by_sig(sig);
	if (report && sig != SIGINT && sig != SIGPIPE) {
		if (s)
			fprintf(stderr, "%s\n", s->desc);
		else
			fprintf(stderr, "Signal %d\n", sig_num(sig));
	}
	return 128 + sig_num(sig);
}

/* Wait for child @pid; returns its $?. */
static int wait_for(pid_t pid, bool report)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 127;
	return exit_status(st, report);
}

/* Note finished background jobs, without waiting for the others. */
static void jobs_reap(void)
{
	int i, st;

	for (i = 0; i < njobs; i++) {
		if (jobs[i].done || waitpid(jobs[i].pid, &st, WNOHANG) <= 0)
			continue;
		jobs[i].done = true;
		jobs[i].status = exit_status(st, false);
	}
}

static void job_add(pid_t pid)
{
	int i, n = 0;

	if (njobs == (int)ARRAY_SIZE(jobs)) {
		/* Full: forget the finished ones nobody waited for. */
		jobs_reap();
		for (i = 0; i < njobs; i++)
			if (!jobs[i].done)
				jobs[n++] = jobs[i];
		njobs = n;
	}
	if (njobs < (int)ARRAY_SIZE(jobs))
		jobs[njobs++] = (struct job){ .pid = pid };
}

/* fork(), with stdio flushed first so no output is written twice. */
static pid_t xfork(void)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		warn_errno("sh", "fork");
	if (pid == 0 && interactive) {
		/* Only the prompting shell ignores ^C; its commands do not. */
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
	}
	return pid;
}

static int run_file(const char *path);

/*
 * The kernel would not run @path (no ELF header and no "#!"), so POSIX
 * says it is a shell script: run it right here in the child, as a new
 * shell would, with the unexported variables and the jobs forgotten.
 */
static void __attribute__((noreturn)) run_as_script(const char *path,
						    char **argv)
{
	int i;

	for (i = nvars - 1; i >= 0; i--)
		if (!vars[i].exported)
			var_unset(vars[i].name);
	njobs = 0;
	interactive = false;
	last_status = 0;
	pos_argv = argv;
	pos_argv[0] = xstrdup(path);
	for (pos_argc = 0; argv[pos_argc]; pos_argc++)
		;
	exit(run_file(path));
}

/*
 * exec_external - replace this (child) process with program @argv[0]
 *
 * A name without '/' is looked for in each directory of $PATH.  Never
 * returns: not found exits 127 and found but not runnable 126, as in
 * POSIX.
 */
static void __attribute__((noreturn)) exec_external(char **argv)
{
	const char *p = var_get("PATH"), *end;
	char **env = build_env(), path[1024];
	int err = ENOENT;

	for (p = strchr(argv[0], '/') ? "" : p ? p : "/bin"; ; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		snprintf(path, sizeof(path), "%.*s%s%s", (int)(end - p), p,
			 end > p ? "/" : "", argv[0]);
		execve(path, argv, env);
		if (errno == ENOEXEC)
			run_as_script(path, argv);
		if (errno != ENOENT && errno != ENOTDIR)
			err = errno;
		if (!*end)
			break;
	}
	if (err == ENOENT) {
		fprintf(stderr, "sh: %s: not found\n", argv[0]);
		_exit(127);
	}
	fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(err));
	_exit(126);
}

struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
};

static const struct builtin *find_builtin(const char *name);

/* In a child: redirect, then run a builtin or a program.  Never returns. */
static void __attribute__((noreturn)) run_child(struct command *c,
						struct vec *assigns,
						struct vec *argv)
{
	const struct builtin *b;
	int i;

	if (redirect_all(c, NULL) < 0)
		_exit(1);
	if (argv->n == 0)
		_exit(0);
	b = find_builtin(argv->v[0]);
	for (i = 0; i < assigns->n; i++)
		var_assign(assigns->v[i], !b);	/* a program's environment */
	if (b)
		exit(b->fn(argv->n, argv->v));
	exec_external(argv->v);
}

/* ---- Running commands --------------------------------------------------- */

/*
 * A pipeline of one command runs here in the shell when it is a builtin
 * or only assignments, so that cd, exit and X=1 change the shell itself
 * (their redirections are undone afterwards).  A program gets a child.
 */
static int run_simple(struct command *c)
{
	struct saved_fds save = { .n = 0 };
	struct vec assigns, argv;
	const struct builtin *b;
	int i, status;
	pid_t pid;

	expand_command(c, &assigns, &argv);
	b = argv.n ? find_builtin(argv.v[0]) : NULL;
	if (argv.n == 0 || b) {
		for (i = 0; i < assigns.n; i++)
			var_assign(assigns.v[i], false);
		status = redirect_all(c, &save) < 0 ? 1 :
			 b ? b->fn(argv.n, argv.v) : 0;
		restore_fds(&save);
	} else {
		pid = xfork();
		if (pid == 0)
			run_child(c, &assigns, &argv);
		status = pid < 0 ? 1 : wait_for(pid, true);
	}
	vec_free(&assigns);
	vec_free(&argv);
	return status;
}

/*
 * run_pipeline - run cmds[0] | cmds[1] | ... and wait for all of them
 *
 * Each command is a child whose stdin is the previous pipe's read end
 * and whose stdout is the next pipe's write end.  The parent closes its
 * copies of both as soon as the child has them: a reader sees end of
 * file only when every write end is closed.  The status is the last
 * command's.
 */
static int run_pipeline(struct pipeline *p)
{
	pid_t *pids = xrealloc(NULL, p->n * sizeof(*pids));
	int i, n, in = -1, fds[2], status = 1;
	struct vec assigns, argv;

	if (p->n == 1) {
		free(pids);
		return run_simple(&p->cmds[0]);
	}
	for (n = 0; n < p->n; n++) {
		fds[0] = fds[1] = -1;
		if (n < p->n - 1 && pipe(fds) < 0) {
			warn_errno("sh", "pipe");
			break;
		}
		pids[n] = xfork();
		if (pids[n] == 0) {
			if (fds[0] >= 0)
				close(fds[0]);
			if (in >= 0)
				move_fd(in, 0);
			if (fds[1] >= 0)
				move_fd(fds[1], 1);
			expand_command(&p->cmds[n], &assigns, &argv);
			run_child(&p->cmds[n], &assigns, &argv);
		}
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
	}
	if (in >= 0)
		close(in);
	for (i = 0; i < n; i++)
		status = pids[i] < 0 ? 1 : wait_for(pids[i], true);
	free(pids);
	return n == p->n ? status : 1;
}

/* a && b || c: each pipeline runs or not by the $? of the one before. */
static int run_andor(struct andor *a)
{
	int i;

	last_status = run_pipeline(&a->pipes[0]);
	for (i = 1; i < a->n; i++)
		if ((a->ops[i] == T_AND) == (last_status == 0))
			last_status = run_pipeline(&a->pipes[i]);
	return last_status;
}

/* Run each item; one ending in '&' runs in a child we do not wait for. */
static void run_list(struct list *l)
{
	pid_t pid;
	int i;

	for (i = 0; i < l->n; i++) {
		if (!l->items[i].bg) {
			run_andor(&l->items[i]);
			continue;
		}
		pid = xfork();
		if (pid == 0) {
			interactive = false;
			njobs = 0;
			exit(run_andor(&l->items[i]));
		}
		last_status = pid < 0 ? 1 : 0;
		if (pid < 0)
			continue;
		last_bg = pid;
		job_add(pid);
		if (interactive)
			fprintf(stderr, "%d\n", (int)pid);
	}
}

/* ---- Builtins ------------------------------------------------------------ */

/* cd [DIR | -]: to DIR, $HOME, or $OLDPWD; keeps PWD and OLDPWD. */
static int bi_cd(int argc, char **argv)
{
	const char *arg = argc > 1 ? argv[1] : var_get("HOME");
	bool dash = arg && !strcmp(arg, "-");
	char *dir, *cwd;

	if (dash)
		arg = var_get("OLDPWD");
	if (!arg) {
		fprintf(stderr, "sh: cd: %s not set\n", dash ? "OLDPWD" : "HOME");
		return 1;
	}
	dir = xstrdup(arg);	/* var_set below may free what arg points at */
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		free(dir);
		return 1;
	}
	if (var_get("PWD"))
		var_set("OLDPWD", var_get("PWD"), false);
	cwd = getcwd(NULL, 0);
	if (cwd)
		var_set("PWD", cwd, false);
	if (dash)
		puts(cwd ? cwd : dir);
	free(cwd);
	free(dir);
	return 0;
}

static int bi_pwd(int argc, char **argv)
{
	char *cwd = getcwd(NULL, 0);

	(void)argc;
	(void)argv;
	if (!cwd) {
		warn_errno("sh", "pwd");
		return 1;
	}
	puts(cwd);
	free(cwd);
	return 0;
}

/* exit [N]: N, or the last command's status. */
static int bi_exit(int argc, char **argv)
{
	fflush(NULL);
	exit(argc > 1 ? atoi(argv[1]) & 255 : last_status);
}

/* export [NAME[=VALUE]]...: with no NAME, list what is exported. */
static int bi_export(int argc, char **argv)
{
	int i;

	for (i = 0; argc == 1 && i < nvars; i++)
		if (vars[i].exported && vars[i].value)
			printf("export %s=%s\n", vars[i].name, vars[i].value);
	for (i = 1; i < argc; i++) {
		if (strchr(argv[i], '='))
			var_assign(argv[i], true);
		else
			var_set(argv[i], NULL, true);
	}
	return 0;
}

static int bi_unset(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		var_unset(argv[i]);
	return 0;
}

/* set: every variable that has a value, sorted by name. */
static int bi_set(int argc, char **argv)
{
	int i;

	(void)argc;
	(void)argv;
	for (i = 0; i < nvars; i++)
		if (vars[i].value)
			printf("%s=%s\n", vars[i].name, vars[i].value);
	return 0;
}

/*
 * wait [PID]...: wait for the given background jobs, or for all of them.
 * The status is the last PID's (127 if it is not a job of this shell),
 * or 0 with no PID.
 */
static int bi_wait(int argc, char **argv)
{
	int i, j, status = 0;
	pid_t pid;

	if (argc == 1) {
		for (i = 0; i < njobs; i++)
			if (!jobs[i].done)
				wait_for(jobs[i].pid, false);
		njobs = 0;
		return 0;
	}
	for (i = 1; i < argc; i++) {
		pid = atoi(argv[i]);
		for (j = 0; j < njobs && jobs[j].pid != pid; j++)
			;
		if (j == njobs) {
			fprintf(stderr, "sh: wait: %s: not a child of this shell\n",
				argv[i]);
			status = 127;
			continue;
		}
		status = jobs[j].done ? jobs[j].status : wait_for(pid, false);
		jobs[j] = jobs[--njobs];
	}
	return status;
}

static int bi_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static const struct builtin builtins[] = {
	{ "cd", bi_cd },	{ "pwd", bi_pwd },	{ "exit", bi_exit },
	{ "export", bi_export }, { "unset", bi_unset }, { "set", bi_set },
	{ "wait", bi_wait },	{ ":", bi_true },
};

static const struct builtin *find_builtin(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(builtins); i++)
		if (!strcmp(name, builtins[i].name))
			return &builtins[i];
	return NULL;
}

/* ---- Input: lines to complete commands ------------------------------------ */

struct input {
	int fd;			/* -1: read from str (sh -c) */
	const char *str;
	char buf[512];
	int pos, len;
	bool bytewise;
};

/*
 * Append the next line, '\n' included, to @b.  Returns false at the end
 * of the input with nothing read.
 *
 * Standard input is read one byte at a time: the lines after this one
 * must stay in the pipe or the console for a command like "cat" that
 * reads them, not vanish into this buffer.  A script file is ours alone
 * and is read in blocks.
 */
static bool read_line(struct input *in, struct buf *b)
{
	size_t start = b->len;
	ssize_t n;
	char c;

	for (;;) {
		if (in->fd < 0) {
			c = *in->str;
			if (!c)
				break;
			in->str++;
		} else {
			if (in->pos == in->len) {
				n = read(in->fd, in->buf,
					 in->bytewise ? 1 : sizeof(in->buf));
				if (n < 0 && errno == EINTR)
					continue;
				if (n <= 0)
					break;
				in->pos = 0;
				in->len = n;
			}
			c = in->buf[in->pos++];
		}
		if (c)
			buf_putc(b, c);
		if (c == '\n')
			break;
	}
	return b->len > start;
}

/*
 * read_command - read and parse one complete command into @l
 *
 * Lines are joined while the command is unfinished: a quote is open,
 * the line ends in a backslash, or an operator like | or && still
 * waits for its right side.  Then the prompt is "> ".  Returns P_OK,
 * P_ERR (a syntax error, reported), or P_EOF.
 */
static int read_command(struct input *in, struct list *l)
{
	const char *prompt = "anvil$ ";
	struct buf text = { 0 };
	struct tokens ts = { 0 };
	int r;

	memset(l, 0, sizeof(*l));
	for (;;) {
		if (interactive)
			fputs(prompt, stderr);
		if (!read_line(in, &text)) {
			r = text.len ? P_ERR : P_EOF;
			if (text.len)
				fputs("sh: syntax error: unexpected end of file\n",
				      stderr);
			break;
		}
		r = tokenize(text.s, &ts);
		if (r == P_OK)
			r = parse_list(&ts, l);
		tokens_free(&ts);
		if (r != P_MORE)
			break;
		free_list(l);
		prompt = "> ";
	}
	free(text.s);
	return r;
}

/* Read and run commands until the input ends; returns the last $?. */
static int run_input(struct input *in)
{
	struct list l;
	int r;

	while ((r = read_command(in, &l)) != P_EOF) {
		if (r == P_OK) {
			run_list(&l);
		} else {
			last_status = 2;
			if (!interactive)	/* a broken script stops */
				exit(2);
		}
		free_list(&l);
		jobs_reap();
	}
	if (interactive)
		fputc('\n', stderr);
	return last_status;
}

/* Run the script @path; returns the last $?, or 127 if it cannot open. */
static int run_file(const char *path)
{
	struct input in = { .fd = -1 };
	int fd = open(path, O_RDONLY);

	if (fd >= 0) {
		/* Out of the way of redirections, and not inherited. */
		in.fd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
		close(fd);
	}
	if (in.fd < 0) {
		warn_errno("sh", path);
		return 127;
	}
	run_input(&in);
	close(in.fd);
	return last_status;
}

int main(int argc, char **argv)
{
	struct input in = { .fd = 0, .bytewise = true };
	extern char **environ;
	char **e, *cwd;

	shell_pid = getpid();
	for (e = environ; e && *e; e++)
		if (strchr(*e, '=') && is_assignment(*e))
			var_assign(*e, true);
	cwd = getcwd(NULL, 0);
	if (cwd)
		var_set("PWD", cwd, false);
	free(cwd);

	pos_argv = argv;
	pos_argc = argc > 0 ? 1 : 0;
	if (argc > 1 && !strcmp(argv[1], "-c")) {
		if (argc < 3) {
			fputs("sh: -c: option requires an argument\n", stderr);
			return 2;
		}
		in.fd = -1;
		in.str = argv[2];
		if (argc > 3) {
			pos_argv = argv + 3;
			pos_argc = argc - 3;
		}
		return run_input(&in);
	}
	if (argc > 1) {
		pos_argv = argv + 1;
		pos_argc = argc - 1;
		return run_file(argv[1]);
	}
	interactive = true;
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	return run_input(&in);
}
