/* SPDX-License-Identifier: MIT */
/*
 * user/bin/sh_expand.h: the shell's variables and word expansion, part
 * of sh.c (included once, after sh_parse.h; see there why a header).
 *
 *   the shell state		$?, $$, $!, the positional parameters
 *   var_get/var_set/...	the variables, and build_env() for exec
 *   expand_command()		a command's words -> assignments + argv
 *   expand_string()		one word -> one string (NAME=value, >file)
 */
#ifndef _USER_BIN_SH_EXPAND_H
#define _USER_BIN_SH_EXPAND_H

#include <sys/types.h>

#include "sh_parse.h"

/* ---- Shell state ---------------------------------------------------- */

static int last_status;		/* $? */
static pid_t shell_pid;		/* $$: stays the same in subshells */
static pid_t last_bg;		/* $! */
static bool interactive;	/* prompting on standard input */
static char **pos_argv;		/* $0, $1, ...: pos_argv[0] is $0 */
static int pos_argc;

/*
 * Variables, sorted by name (so "set" prints them in order).  A value of
 * NULL is a name that was exported before it was ever set.
 */
struct var {
	char *name, *value;
	bool exported;
};
static struct var *vars;
static int nvars;

/* Index of @name, or -(where it would go) - 1 if there is none. */
static int var_find(const char *name)
{
	int i, c = 1;

	for (i = 0; i < nvars; i++) {
		c = strcmp(vars[i].name, name);
		if (c >= 0)
			break;
	}
	return c == 0 ? i : -i - 1;
}

static const char *var_get(const char *name)
{
	int i = var_find(name);

	return i >= 0 ? vars[i].value : NULL;
}

/* Set @name to @value (NULL: keep the value); @export marks it too. */
static void var_set(const char *name, const char *value, bool export)
{
	int i = var_find(name);

	if (i < 0) {
		i = -i - 1;
		vars = xrealloc(vars, (nvars + 1) * sizeof(*vars));
		memmove(&vars[i + 1], &vars[i], (nvars - i) * sizeof(*vars));
		nvars++;
		vars[i].name = xstrdup(name);
		vars[i].value = NULL;
		vars[i].exported = false;
	}
	if (value) {
		free(vars[i].value);
		vars[i].value = xstrdup(value);
	}
	if (export)
		vars[i].exported = true;
}

static void var_unset(const char *name)
{
	int i = var_find(name);

	if (i < 0)
		return;
	free(vars[i].name);
	free(vars[i].value);
	memmove(&vars[i], &vars[i + 1], (nvars - i - 1) * sizeof(*vars));
	nvars--;
}

/* Set "NAME=value" (which must contain '='). */
static void var_assign(char *assign, bool export)
{
	char *eq = strchr(assign, '=');

	*eq = '\0';
	var_set(assign, eq + 1, export);
	*eq = '=';
}

/* The environment a program gets: every exported variable that is set. */
static char **build_env(void)
{
	struct vec env = { 0 };
	struct buf b = { 0 };
	int i;

	for (i = 0; i < nvars; i++) {
		if (!vars[i].exported || !vars[i].value)
			continue;
		buf_puts(&b, vars[i].name);
		buf_putc(&b, '=');
		buf_puts(&b, vars[i].value);
		vec_push(&env, buf_take(&b));
	}
	if (!env.v)		/* an empty environment is still an array */
		env.v = xrealloc(NULL, sizeof(*env.v));
	env.v[env.n] = NULL;
	return env.v;
}

/* ---- Expansion: parameters, quote removal, field splitting ----------- */

/*
 * The words one typed word becomes.  @cur is the field being built and
 * @have says it exists even if empty (after "" or '').  When @split,
 * blanks that came from an unquoted expansion end a field.
 */
struct fields {
	struct vec v;
	struct buf cur;
	bool have, split;
	bool no_args;		/* "$@" was expanded with no arguments */
};

static void field_end(struct fields *f)
{
	if (f->have)
		vec_push(&f->v, buf_take(&f->cur));
	f->have = false;
}

static void field_add(struct fields *f, const char *s, bool quoted)
{
	for (; *s; s++) {
		if (!quoted && f->split && strchr(" \t\n", *s)) {
			field_end(f);
			continue;
		}
		buf_putc(&f->cur, *s);
		f->have = true;
	}
}

/* A special parameter (? $ ! # 0-9) or a variable; NULL if unset. */
static const char *param(const char *name)
{
	static char num[24];
	long n;

	if (strchr("?$!#", name[0]) && !name[1]) {
		n = name[0] == '?' ? last_status : name[0] == '$' ? shell_pid :
		    name[0] == '#' ? pos_argc - 1 : last_bg;
		if (name[0] == '!' && !last_bg)
			return NULL;
		snprintf(num, sizeof(num), "%ld", n);
		return num;
	}
	if (isdigit((unsigned char)name[0])) {
		n = atol(name);
		return n < pos_argc ? pos_argv[n] : NULL;
	}
	return var_get(name);
}

/* $@ and $*: the arguments; "$@" alone keeps each one a separate field. */
static void expand_args(struct fields *f, bool separate, bool quoted)
{
	int i;

	if (separate && pos_argc <= 1)
		f->no_args = true;
	for (i = 1; i < pos_argc; i++) {
		if (i > 1 && separate) {
			field_end(f);
			f->have = true;
		} else if (i > 1) {
			field_add(f, " ", quoted);
		}
		field_add(f, pos_argv[i], quoted);
	}
}

/* Expand the $ construct at @p (just past the '$'); returns its end. */
static const char *expand_dollar(const char *p, bool quoted, struct fields *f)
{
	char name[64];
	size_t len = 0;
	const char *value, *end;

	if (*p == '{' && (end = strchr(p, '}'))) {
		len = end - p - 1;
		p++;
	} else if (*p == '@' || *p == '*') {
		expand_args(f, *p == '@' && quoted && f->split, quoted);
		return p + 1;
	} else if (*p && (strchr("?$!#", *p) || isdigit((unsigned char)*p))) {
		len = 1;
		end = p;
	} else if (isalpha((unsigned char)*p) || *p == '_') {
		while (isalnum((unsigned char)p[len]) || p[len] == '_')
			len++;
		end = p + len - 1;
	} else {
		field_add(f, "$", true);	/* a lone '$' is just a '$' */
		return p;
	}
	if (len >= sizeof(name))
		len = sizeof(name) - 1;
	memcpy(name, p, len);
	name[len] = '\0';
	value = param(name);
	if (value)
		field_add(f, value, quoted);
	return end + 1;
}

/*
 * expand_word - expand one word as typed into @f's fields
 *
 * '...' is literal; "..." is literal except for $ and \ before $ " \ `;
 * a backslash outside quotes makes the next character literal; and
 * backslash-newline disappears.  Only text that came from an unquoted
 * expansion is split into fields.
 */
static void expand_word(const char *w, struct fields *f)
{
	bool dq = false;
	char c;

	if (w[0] == '~' && (w[1] == '/' || !w[1])) {
		field_add(f, var_get("HOME") ? var_get("HOME") : "~", true);
		w++;
	}
	while ((c = *w++)) {
		if (c == '\'' && !dq) {
			f->have = true;
			while (*w && *w != '\'')
				buf_putc(&f->cur, *w++);
			if (*w)
				w++;
		} else if (c == '"') {
			dq = !dq;
			f->have = true;
		} else if (c == '\\' && *w) {
			c = *w++;
			if (c == '\n')
				continue;
			if (dq && !strchr("$\"\\`", c))
				buf_putc(&f->cur, '\\');
			buf_putc(&f->cur, c);
			f->have = true;
		} else if (c == '$') {
			w = expand_dollar(w, dq, f);
		} else {
			buf_putc(&f->cur, c);
			f->have = true;
		}
	}
	/* "$@" with no arguments is no word at all, not an empty one. */
	if (f->no_args && !f->cur.len)
		f->have = false;
	f->no_args = false;
	field_end(f);
}

/* A word expanded to exactly one string, as for NAME=value and >file. */
static char *expand_string(const char *w)
{
	struct fields f = { .split = false };
	char *s;

	expand_word(w, &f);
	s = f.v.n ? xstrdup(f.v.v[0]) : xstrdup("");
	vec_free(&f.v);
	return s;
}

static bool is_assignment(const char *w)
{
	if (!isalpha((unsigned char)*w) && *w != '_')
		return false;
	while (isalnum((unsigned char)*w) || *w == '_')
		w++;
	return *w == '=';
}

/* Leading NAME=value words into @assigns, the other words into @argv. */
static void expand_command(struct command *c, struct vec *assigns,
			   struct vec *argv)
{
	struct fields f = { .split = true };
	struct buf b = { 0 };
	char *eq, *value, *p;
	int i;

	memset(assigns, 0, sizeof(*assigns));
	for (i = 0; i < c->words.n && is_assignment(c->words.v[i]); i++) {
		eq = strchr(c->words.v[i], '=');
		value = expand_string(eq + 1);
		for (p = c->words.v[i]; p <= eq; p++)
			buf_putc(&b, *p);
		buf_puts(&b, value);
		free(value);
		vec_push(assigns, buf_take(&b));
	}
	for (; i < c->words.n; i++)
		expand_word(c->words.v[i], &f);
	*argv = f.v;
}

#endif /* _USER_BIN_SH_EXPAND_H */
