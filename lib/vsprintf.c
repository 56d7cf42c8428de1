// SPDX-License-Identifier: MIT
/*
 * lib/vsprintf.c: formatted output into a buffer.
 *
 * Supports what the kernel prints: %d %i %u %x %X %o %c %s %p %%, the
 * length modifiers h hh l ll z t, flags '-' '0' '+' ' ' '#', a width and a
 * precision (either may be '*'). Two kernel extensions, as in Linux:
 *	%pS	a code address as symbol+offset/size ("start_kernel+0x1c")
 *	%px	a pointer in hex, unhashed (anvil never hashes pointers)
 * No floating point: the kernel does not use it.
 *
 * printk (kernel/printk.c) is built on vsnprintf.
 */
#include <anvil/kallsyms.h>
#include <anvil/kernel.h>
#include <anvil/string.h>

struct outbuf {
	char *buf;
	size_t size;
	size_t len; /* what the full output would need, as C's snprintf */
};

struct spec {
	bool left, zero, plus, space, alt;
	int width;
	int precision; /* -1 = none */
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct outbuf *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct outbuf *o, const char *s, const struct spec *sp)
{
	size_t len;

	if (!s)
		s = "(null)";
	len = sp->precision >= 0 ? strnlen(s, sp->precision) : strlen(s);
	if (!sp->left)
		pad(o, ' ', sp->width - (int)len);
	for (size_t i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - (int)len);
}

/* Format an unsigned magnitude with a sign/prefix, honouring the spec. */
static void put_num(struct outbuf *o, unsigned long long v, bool neg,
		    int base, bool upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], prefix[3] = { 0 };
	int n = 0, plen = 0, zeros, total;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (neg)
		prefix[plen++] = '-';
	else if (sp->plus)
		prefix[plen++] = '+';
	else if (sp->space)
		prefix[plen++] = ' ';
	if (sp->alt && base == 16) {
		prefix[plen++] = '0';
		prefix[plen++] = upper ? 'X' : 'x';
	}
	zeros = sp->precision > n ? sp->precision - n : 0;
	total = plen + zeros + n;
	if (sp->zero && !sp->left && sp->precision < 0 && sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	if (!sp->left)
		pad(o, ' ', sp->width - total);
	for (int i = 0; i < plen; i++)
		put(o, prefix[i]);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, ' ', sp->width - total);
}

/* %pS: "name+0xoff" when the address is kernel text, else the hex value. */
static void put_symbol(struct outbuf *o, unsigned long addr,
		       const struct spec *sp)
{
	unsigned long off;
	const char *name = kallsyms_lookup(addr, &off);
	char tmp[128];

	if (name)
		snprintf(tmp, sizeof(tmp), "%s+0x%lx", name, off);
	else
		snprintf(tmp, sizeof(tmp), "0x%016lx", addr);
	put_str(o, tmp, sp);
}

static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else if (*f == '+')
			sp->plus = true;
		else if (*f == ' ')
			sp->space = true;
		else if (*f == '#')
			sp->alt = true;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		f++;
	} else {
		while (*f >= '0' && *f <= '9')
			sp->width = sp->width * 10 + (*f++ - '0');
	}
	if (*f == '.') {
		f++;
		sp->precision = 0;
		if (*f == '*') {
			sp->precision = va_arg(*ap, int);
			f++;
		} else {
			while (*f >= '0' && *f <= '9')
				sp->precision = sp->precision * 10 + (*f++ - '0');
		}
	}
	return f;
}

/* Length modifiers: returns the size class (0 int, 1 long, 2 long long). */
static const char *parse_length(const char *f, int *lenmod)
{
	*lenmod = 0;
	while (*f == 'h')
		f++; /* short and char arguments arrive promoted to int */
	if (*f == 'l') {
		*lenmod = 1;
		if (*++f == 'l') {
			*lenmod = 2;
			f++;
		}
	} else if (*f == 'z' || *f == 't') {
		*lenmod = 1; /* size_t and ptrdiff_t are long on LP64 */
		f++;
	}
	return f;
}

static unsigned long long get_unsigned(va_list *ap, int lenmod)
{
	if (lenmod == 2)
		return va_arg(*ap, unsigned long long);
	if (lenmod == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

static long long get_signed(va_list *ap, int lenmod)
{
	if (lenmod == 2)
		return va_arg(*ap, long long);
	if (lenmod == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

static const char *format_pointer(struct outbuf *o, const char *f,
				  const struct spec *sp, va_list *ap)
{
	unsigned long p = (unsigned long)va_arg(*ap, void *);
	struct spec hex = *sp;

	if (*f == 'S' || *f == 's') {
		put_symbol(o, p, sp);
		return f + 1;
	}
	if (*f == 'x')
		f++;
	hex.alt = true;
	put_num(o, p, false, 16, false, &hex);
	return f;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };
	struct spec sp;
	va_list args;
	int lenmod;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		fmt = parse_length(fmt, &lenmod);
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = get_signed(&args, lenmod);

			put_num(&o, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
				v < 0, 10, false, &sp);
			break;
		}
		case 'u':
			put_num(&o, get_unsigned(&args, lenmod), false, 10, false, &sp);
			break;
		case 'x':
		case 'X':
			put_num(&o, get_unsigned(&args, lenmod), false, 16,
				*fmt == 'X', &sp);
			break;
		case 'o':
			put_num(&o, get_unsigned(&args, lenmod), false, 8, false, &sp);
			break;
		case 'c':
			put(&o, (char)va_arg(args, int));
			break;
		case 's':
			put_str(&o, va_arg(args, const char *), &sp);
			break;
		case 'p':
			fmt = format_pointer(&o, fmt + 1, &sp, &args);
			continue;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			continue;
		default: /* unknown: print it as is, so the bug is visible */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
		fmt++;
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
