/* SPDX-License-Identifier: MIT */
/*
 * The small things every kernel file wants: printk, panic, BUG/WARN,
 * min/max and alignment helpers.
 *
 * printk lives in kernel/printk.c, panic and die in kernel/panic.c,
 * the formatting engine (vsnprintf) in lib/vsprintf.c.
 */
#ifndef ANVIL_KERNEL_H
#define ANVIL_KERNEL_H

#include <anvil/compiler.h>
#include <anvil/types.h>
#include <stdarg.h>

/*
 * Log levels, as in Linux: a message starts with "\001" and a digit.
 * Lower is more urgent. The console shows levels below console_loglevel
 * (the "loglevel=" boot option); the ring buffer keeps everything.
 */
#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT "" /* continue the open line (no level, no timestamp) */
#define LOGLEVEL_DEFAULT 4 /* messages without a level */

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list ap);

#define pr_emerg(fmt, ...) printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG fmt, ##__VA_ARGS__)

int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

struct pt_regs;

/* Print the message, the backtrace, and stop every CPU. Never returns. */
void panic(const char *fmt, ...) __noreturn __printf(1, 2);

/*
 * die - an unexpected exception in kernel mode.
 * @what: the exception's name ("page fault", "invalid opcode", ...)
 * @regs: the registers at the time of the exception
 * @addr: the faulting data address, or 0 when there is none
 *
 * Prints an oops report (registers and symbolized backtrace). If a
 * kernel test armed a fault catcher (ktest_catch_faults), control goes
 * back to that test instead; otherwise the kernel panics.
 */
void die(const char *what, struct pt_regs *regs, unsigned long addr);

/* Print a symbolized backtrace of the current context or of @regs. */
void dump_stack(void);
void show_stack(const struct pt_regs *regs);

void __warn(const char *file, int line, const char *cond);
void __bug(const char *file, int line, const char *cond) __noreturn;

#define BUG() __bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(c)                                              \
	do {                                                   \
		if (unlikely(c))                               \
			__bug(__FILE__, __LINE__, #c);         \
	} while (0)
#define WARN_ON(c)                                                  \
	({                                                          \
		bool __w = !!(c);                                   \
		if (unlikely(__w))                                  \
			__warn(__FILE__, __LINE__, #c);             \
		unlikely(__w);                                      \
	})

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
/* min/max after converting both to @type (mixing signedness on purpose). */
#define min_t(type, a, b) min((type)(a), (type)(b))
#define max_t(type, a, b) max((type)(a), (type)(b))
#define ALIGN(x, a) (((x) + ((a)-1)) & ~((__typeof__(x))(a)-1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a)-1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))

#define SZ_1K 0x400UL
#define SZ_1M 0x100000UL
#define SZ_1G 0x40000000UL

#endif /* ANVIL_KERNEL_H */
