/* SPDX-License-Identifier: MIT */
/*
 * user/bin/test.c: test EXPR, or [ EXPR ]: evaluate a condition.  Exit
 * status 0 if it holds, 1 if not, 2 for a malformed expression.  The
 * program is "[" when its name (argv[0]'s last component) is "[", and
 * then its last argument must be "]"; the root filesystem has it under
 * both names.
 *
 * The grammar, loosest binding first:
 *
 *	expr    := and ( -o and )*
 *	and     := not ( -a not )*
 *	not     := ! not | primary
 *	primary := ( expr )
 *	         | STRING BINOP STRING	= != -eq -ne -lt -le -gt -ge
 *	         | UNOP STRING		-e -f -d -r -w -x -s -z -n -L
 *	         | STRING		true if not empty
 *
 * Operators are just words, so "[ -n = -n ]" is ambiguous.  As POSIX
 * asks, a binary operator in second place wins: primary() looks for one
 * first.  That also gives the answers POSIX fixes for one to four
 * arguments, e.g. "[ ! = ! ]" compares, "[ -n ]" is a non-empty string.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static char **args;		/* the expression's words */
static int nargs, pos;		/* how many; the next to read */

static int expr_or(void);

static void __attribute__((noreturn)) syntax(const char *what, const char *s)
{
	if (s)
		fprintf(stderr, "test: %s: %s\n", s, what);
	else
		fprintf(stderr, "test: %s\n", what);
	exit(2);
}

static int is_binop(const char *s)
{
	static const char *const ops[] = {
		"=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strcmp(s, ops[i]))
			return 1;
	return 0;
}

static int is_unop(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("efdrwxsznL", s[1]);
}

static long integer(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	while (*end == ' ' || *end == '\t')
		end++;
	if (end == s || *end)
		syntax("integer expression expected", s);
	return v;
}

static int binary(const char *a, const char *op, const char *b)
{
	long x, y;

	if (!strcmp(op, "="))
		return !strcmp(a, b);
	if (!strcmp(op, "!="))
		return strcmp(a, b) != 0;
	x = integer(a);
	y = integer(b);
	switch (op[1] << 8 | op[2]) {
	case 'e' << 8 | 'q':	return x == y;
	case 'n' << 8 | 'e':	return x != y;
	case 'l' << 8 | 't':	return x < y;
	case 'l' << 8 | 'e':	return x <= y;
	case 'g' << 8 | 't':	return x > y;
	default:		return x >= y;	/* -ge */
	}
}

/* The file tests and -z/-n; @op is "-X". */
static int unary(char op, const char *s)
{
	struct stat st;

	switch (op) {
	case 'z':	return !*s;
	case 'n':	return *s != 0;
	case 'r':	return access(s, R_OK) == 0;
	case 'w':	return access(s, W_OK) == 0;
	case 'x':	return access(s, X_OK) == 0;
	case 'L':	return lstat(s, &st) == 0 && S_ISLNK(st.st_mode);
	}
	if (stat(s, &st) < 0)
		return 0;
	switch (op) {
	case 'f':	return S_ISREG(st.st_mode);
	case 'd':	return S_ISDIR(st.st_mode);
	case 's':	return st.st_size > 0;
	default:	return 1;	/* -e */
	}
}

static int primary(void)
{
	const char *a;
	int v;

	if (pos >= nargs)
		syntax("argument expected", NULL);
	a = args[pos];
	if (pos + 2 < nargs && is_binop(args[pos + 1])) {
		pos += 3;
		return binary(a, args[pos - 2], args[pos - 1]);
	}
	if (is_unop(a) && pos + 1 < nargs) {
		pos += 2;
		return unary(a[1], args[pos - 1]);
	}
	if (!strcmp(a, "(") && pos + 1 < nargs) {
		pos++;
		v = expr_or();
		if (pos >= nargs || strcmp(args[pos], ")"))
			syntax("')' expected", NULL);
		pos++;
		return v;
	}
	pos++;
	return *a != 0;
}

static int expr_not(void)
{
	/* "! = x" compares "!" with "x": a binary operator wins here too. */
	if (pos + 1 < nargs && !strcmp(args[pos], "!") &&
	    !(pos + 2 < nargs && is_binop(args[pos + 1]))) {
		pos++;
		return !expr_not();
	}
	return primary();
}

static int expr_and(void)
{
	int v = expr_not();

	while (pos < nargs && !strcmp(args[pos], "-a")) {
		pos++;
		/* Both sides are parsed even when the left is false. */
		v = expr_not() && v;
	}
	return v;
}

static int expr_or(void)
{
	int v = expr_and();

	while (pos < nargs && !strcmp(args[pos], "-o")) {
		pos++;
		v = expr_and() || v;
	}
	return v;
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');
	int v;

	name = name ? name + 1 : argv[0];
	args = argv + 1;
	nargs = argc - 1;
	if (!strcmp(name, "[")) {
		if (nargs < 1 || strcmp(args[nargs - 1], "]")) {
			fputs("[: missing ']'\n", stderr);
			return 2;
		}
		nargs--;
	}
	if (nargs == 0)
		return 1;
	v = expr_or();
	if (pos < nargs)
		syntax("unexpected argument", args[pos]);
	return !v;
}
