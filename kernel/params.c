// SPDX-License-Identifier: MIT
/*
 * kernel/params.c: the kernel command line.
 *
 * Options are "name" or "name=value", separated by spaces; a value may be
 * quoted ("name=\"a b\""). Each option is declared with kernel_param()
 * next to the code it sets (see <anvil/param.h>); the linker gathers the
 * declarations between __start_kernel_params and __stop_kernel_params.
 *
 * An unknown option or a bad value is an error: parse_kernel_params()
 * prints what was wrong and the list of known options, and start_kernel()
 * halts. Options used by the boot loader or firmware that the kernel should
 * ignore are listed in ignored_params[].
 */
#include <anvil/kernel.h>
#include <anvil/param.h>
#include <anvil/string.h>

extern const struct kernel_param __start_kernel_params[];
extern const struct kernel_param __stop_kernel_params[];

/* Words a loader may add that mean nothing to anvil. */
static const char *const ignored_params[] = { "BOOT_IMAGE" };

static const struct kernel_param *find_param(const char *name, size_t len)
{
	const struct kernel_param *p;

	for (p = __start_kernel_params; p < __stop_kernel_params; p++)
		if (strlen(p->name) == len && strncmp(p->name, name, len) == 0)
			return p;
	return NULL;
}

static bool is_ignored(const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(ignored_params); i++)
		if (strlen(ignored_params[i]) == len &&
		    strncmp(ignored_params[i], name, len) == 0)
			return true;
	return false;
}

static void print_known_params(void)
{
	const struct kernel_param *p;

	pr_err("known options:\n");
	for (p = __start_kernel_params; p < __stop_kernel_params; p++)
		pr_err("  %-16s %s\n", p->name, p->help);
}

/*
 * Cut the next option out of *cursor into name (len) and value (NUL-
 * terminated copy in @val, or NULL when there is no '='). Returns false at
 * the end of the line or on an option too long for the buffer.
 */
static bool next_option(const char **cursor, const char **name, size_t *len,
			char *val, size_t valsize, bool *has_val)
{
	const char *s = *cursor;
	size_t n = 0;
	bool quoted = false;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (!*s)
		return false;
	*name = s;
	while (*s && *s != '=' && *s != ' ' && *s != '\t' && *s != '\n')
		s++;
	*len = s - *name;
	*has_val = *s == '=';
	if (*has_val) {
		for (s++; *s && (quoted || (*s != ' ' && *s != '\t')); s++) {
			if (*s == '"') {
				quoted = !quoted;
				continue;
			}
			if (n + 1 < valsize)
				val[n++] = *s;
		}
	}
	val[n] = '\0';
	*cursor = s;
	return true;
}

/*
 * Words after "--" on the command line are init's arguments, as on
 * Linux: "... anvil.smp=2 -- /tests/fork_test -v" runs init with
 * argv = { "/bin/init", "/tests/fork_test", "-v" }. A word may be quoted
 * ("two words"); quotes themselves are dropped.
 */
#define MAX_INIT_ARGS 32
#define INIT_ARGS_BUF 1024

static char init_args_buf[INIT_ARGS_BUF];
const char *init_args[MAX_INIT_ARGS + 1];
int nr_init_args;

static void parse_init_args(const char *s)
{
	size_t n = 0;

	while (nr_init_args < MAX_INIT_ARGS) {
		bool quoted = false;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		init_args[nr_init_args++] = &init_args_buf[n];
		for (; *s && (quoted || (*s != ' ' && *s != '\t' && *s != '\n'));
		     s++) {
			if (*s == '"')
				quoted = !quoted;
			else if (n + 2 < INIT_ARGS_BUF)
				init_args_buf[n++] = *s;
		}
		init_args_buf[n++] = '\0';
		if (n >= INIT_ARGS_BUF - 1)
			break;
	}
	init_args[nr_init_args] = NULL;
}

bool parse_kernel_params(const char *cmdline)
{
	const char *cursor = cmdline, *name;
	char val[256];
	size_t len;
	bool has_val, ok = true;

	while (next_option(&cursor, &name, &len, val, sizeof(val), &has_val)) {
		const struct kernel_param *p = find_param(name, len);

		if (len == 2 && !has_val && !memcmp(name, "--", 2)) {
			parse_init_args(cursor);
			break;
		}
		if (!p) {
			if (is_ignored(name, len))
				continue;
			pr_err("unknown kernel option '%.*s'\n", (int)len, name);
			ok = false;
			continue;
		}
		if (p->set(has_val ? val : NULL) < 0) {
			pr_err("bad value for kernel option '%.*s': '%s'\n",
			       (int)len, name, has_val ? val : "(none)");
			ok = false;
		}
	}
	if (!ok)
		print_known_params();
	return ok;
}
