/* SPDX-License-Identifier: MIT */
/*
 * user/bin/sh_parse.h: the shell's front end, part of sh.c (included
 * once, by sh.c only: user/Makefile builds each user/bin/NAME.c into a
 * program of its own, so the shell's parts are headers).
 *
 *   struct buf, struct vec	growable strings and NULL-ended arrays
 *   tokenize()			command text -> struct tokens
 *   parse_list()		struct tokens -> struct list
 *   free_list()
 *
 * Nothing here runs or expands anything: words stay exactly as typed,
 * quotes included, for sh_expand.h to deal with when the command runs.
 */
#ifndef _USER_BIN_SH_PARSE_H
#define _USER_BIN_SH_PARSE_H

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>

#include "util.h"

/* ---- Growable strings and string vectors -------------------------- */

struct buf {
	char *s;
	size_t len, cap;
};

struct vec {			/* v[n] is always NULL, as execve wants */
	char **v;
	int n, cap;
};

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fputs("sh: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

static char *xstrndup(const char *s, size_t n)
{
	char *d = xrealloc(NULL, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static void buf_putc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

static void buf_puts(struct buf *b, const char *s)
{
	while (*s)
		buf_putc(b, *s++);
}

/* The string built so far (now the caller's to free); @b is left empty. */
static char *buf_take(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

static void vec_push(struct vec *v, char *s)
{
	if (v->n + 2 > v->cap) {
		v->cap = v->cap ? 2 * v->cap : 8;
		v->v = xrealloc(v->v, v->cap * sizeof(*v->v));
	}
	v->v[v->n++] = s;
	v->v[v->n] = NULL;
}

static void vec_free(struct vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		free(v->v[i]);
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

/* ---- Tokens ----------------------------------------------------------- */

enum tok_type { T_WORD, T_PIPE, T_OR, T_AMP, T_AND, T_SEMI, T_REDIR, T_END };
enum redir_type { R_IN, R_OUT, R_APPEND, R_DUP };	/* < > >> >& or <& */

struct token {
	enum tok_type type;
	char *text;		/* T_WORD: the word as typed, quotes and all */
	int fd;			/* T_REDIR: which descriptor */
	enum redir_type redir;	/* T_REDIR: which kind */
};

struct tokens {
	struct token *t;
	int n;
};

/* What tokenize(), the parser and read_command() return. */
enum { P_OK, P_ERR, P_MORE, P_EOF };

static struct token *tok_add(struct tokens *ts, enum tok_type type)
{
	ts->t = xrealloc(ts->t, (ts->n + 1) * sizeof(*ts->t));
	memset(&ts->t[ts->n], 0, sizeof(ts->t[0]));
	ts->t[ts->n].type = type;
	return &ts->t[ts->n++];
}

static void tokens_free(struct tokens *ts)
{
	int i;

	for (i = 0; i < ts->n; i++)
		free(ts->t[i].text);
	free(ts->t);
	ts->t = NULL;
	ts->n = 0;
}

static bool is_meta(char c)
{
	return c && strchr(" \t\n;&|<>", c);
}

/*
 * Find the end of the word at @p: the first unquoted blank or operator
 * character.  Returns NULL if a quote is still open, or the text ends in
 * a backslash, when the word goes on in the next line.
 */
static const char *scan_word(const char *p)
{
	while (*p && !is_meta(*p)) {
		if (*p == '\\') {
			if (!p[1] || (p[1] == '\n' && !p[2]))
				return NULL;
			p += 2;
		} else if (*p == '\'') {
			p = strchr(p + 1, '\'');
			if (!p)
				return NULL;
			p++;
		} else if (*p == '"') {
			for (p++; *p != '"'; p++) {
				if (!*p)
					return NULL;
				if (*p == '\\' && p[1])
					p++;
			}
			p++;
		} else {
			p++;
		}
	}
	return p;
}

/* A redirection operator at @p, after the descriptor @fd (-1: none). */
static const char *scan_redir(const char *p, int fd, struct tokens *ts)
{
	struct token *t = tok_add(ts, T_REDIR);

	t->fd = fd >= 0 ? fd : *p == '<' ? 0 : 1;
	if (p[0] == '>' && p[1] == '>') {
		t->redir = R_APPEND;
		return p + 2;
	}
	if (p[1] == '&') {
		t->redir = R_DUP;
		return p + 2;
	}
	t->redir = *p == '<' ? R_IN : R_OUT;
	return p + 1;
}

/*
 * tokenize - split the command text @p into @ts, ending with T_END
 *
 * Blanks separate words, operators need no blanks around them, '#'
 * at the start of a word comments out the rest of the line, and a
 * backslash-newline is a blank.  Digits just before '<' or '>' are the
 * redirection's descriptor, not a word.  Returns P_OK, or P_MORE if the
 * text stops inside a word.
 */
static int tokenize(const char *p, struct tokens *ts)
{
	const char *end;
	int fd;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' ||
		       (*p == '\\' && p[1] == '\n')) {
			if (*p == '\\' && !p[2])
				return P_MORE;
			p += *p == '\\' ? 2 : 1;
		}
		if (*p == '#') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		if (!*p) {
			tok_add(ts, T_END);
			return P_OK;
		}
		for (end = p, fd = -1; isdigit((unsigned char)*end); end++)
			;
		if (end > p && (*end == '<' || *end == '>')) {
			fd = atoi(p);
			p = end;
		}
		if (*p == '<' || *p == '>') {
			p = scan_redir(p, fd, ts);
		} else if (*p == '|' || *p == '&') {
			bool twice = p[1] == p[0];

			tok_add(ts, *p == '|' ? (twice ? T_OR : T_PIPE) :
						(twice ? T_AND : T_AMP));
			p += twice ? 2 : 1;
		} else if (*p == ';') {
			tok_add(ts, T_SEMI);
			p++;
		} else {
			end = scan_word(p);
			if (!end)
				return P_MORE;
			tok_add(ts, T_WORD)->text = xstrndup(p, end - p);
			p = end;
		}
	}
}

/* ---- Parser: tokens into a list of and-ors of pipelines --------------- */

struct redir {
	int fd;
	enum redir_type type;
	char *target;		/* unexpanded word */
};

struct command {		/* words and redirections, in any order */
	struct vec words;
	struct redir *redirs;
	int nredirs;
};

struct pipeline {		/* cmds[0] | cmds[1] | ... */
	struct command *cmds;
	int n;
};

struct andor {			/* pipes[0] ops[1] pipes[1] ... [&] */
	struct pipeline *pipes;
	enum tok_type *ops;	/* T_AND or T_OR; ops[0] is unused */
	int n;
	bool bg;
};

struct list {			/* items[0] ; items[1] ; ... */
	struct andor *items;
	int n;
};

static struct token *tok;	/* the parser's next token */

static int syntax_error(void)
{
	static const char *const names[] = {
		[T_PIPE] = "|", [T_OR] = "||", [T_AMP] = "&", [T_AND] = "&&",
		[T_SEMI] = ";", [T_END] = "newline",
	};
	static const char *const redirs[] = {
		[R_IN] = "<", [R_OUT] = ">", [R_APPEND] = ">>", [R_DUP] = ">&",
	};

	fprintf(stderr, "sh: syntax error near '%s'\n",
		tok->type == T_WORD ? tok->text :
		tok->type == T_REDIR ? redirs[tok->redir] : names[tok->type]);
	return P_ERR;
}

/*
 * Each parse_*() fills a slot its caller has already counted, so that
 * free_list() can free whatever was built when a later part fails.
 */
static int parse_command(struct command *c)
{
	struct redir *r;

	for (;; tok++) {
		if (tok->type == T_WORD) {
			vec_push(&c->words, xstrdup(tok->text));
			continue;
		}
		if (tok->type != T_REDIR)
			break;
		if (tok[1].type != T_WORD) {
			tok++;
			return syntax_error();
		}
		c->redirs = xrealloc(c->redirs,
				     (c->nredirs + 1) * sizeof(*c->redirs));
		r = &c->redirs[c->nredirs++];
		r->fd = tok->fd;
		r->type = tok->redir;
		r->target = xstrdup((++tok)->text);
	}
	if (c->words.n == 0 && c->nredirs == 0)	/* e.g. "a | ;" */
		return tok->type == T_END ? P_MORE : syntax_error();
	return P_OK;
}

static int parse_pipeline(struct pipeline *p)
{
	int r;

	for (;;) {
		p->cmds = xrealloc(p->cmds, (p->n + 1) * sizeof(*p->cmds));
		memset(&p->cmds[p->n], 0, sizeof(p->cmds[0]));
		r = parse_command(&p->cmds[p->n++]);
		if (r != P_OK || tok->type != T_PIPE)
			return r;
		tok++;
	}
}

static int parse_andor(struct andor *a)
{
	enum tok_type op = T_AND;
	int r;

	for (;;) {
		a->pipes = xrealloc(a->pipes, (a->n + 1) * sizeof(*a->pipes));
		a->ops = xrealloc(a->ops, (a->n + 1) * sizeof(*a->ops));
		memset(&a->pipes[a->n], 0, sizeof(a->pipes[0]));
		a->ops[a->n] = op;
		r = parse_pipeline(&a->pipes[a->n++]);
		if (r != P_OK || (tok->type != T_AND && tok->type != T_OR))
			return r;
		op = (tok++)->type;
	}
}

/* Parse all of @ts into @l.  P_OK, P_ERR, or P_MORE if it is cut short. */
static int parse_list(struct tokens *ts, struct list *l)
{
	struct andor *a;
	int r;

	memset(l, 0, sizeof(*l));
	tok = ts->t;
	while (tok->type != T_END) {
		l->items = xrealloc(l->items, (l->n + 1) * sizeof(*l->items));
		a = &l->items[l->n++];
		memset(a, 0, sizeof(*a));
		r = parse_andor(a);
		if (r != P_OK)
			return r;
		if (tok->type == T_AMP || tok->type == T_SEMI)
			a->bg = (tok++)->type == T_AMP;
		else if (tok->type != T_END)
			return syntax_error();
	}
	return P_OK;
}

static void free_command(struct command *c)
{
	int i;

	vec_free(&c->words);
	for (i = 0; i < c->nredirs; i++)
		free(c->redirs[i].target);
	free(c->redirs);
}

static void free_list(struct list *l)
{
	int i, j, k;

	for (i = 0; i < l->n; i++) {
		struct andor *a = &l->items[i];

		for (j = 0; j < a->n; j++) {
			for (k = 0; k < a->pipes[j].n; k++)
				free_command(&a->pipes[j].cmds[k]);
			free(a->pipes[j].cmds);
		}
		free(a->pipes);
		free(a->ops);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

#endif /* _USER_BIN_SH_PARSE_H */
