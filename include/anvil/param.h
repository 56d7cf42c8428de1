/* SPDX-License-Identifier: MIT */
/*
 * Kernel command-line options (kernel/params.c).
 *
 * Each option is declared once, next to the code it configures:
 *
 *	static int __init set_loglevel(const char *val) { ... }
 *	kernel_param("loglevel", set_loglevel, "console log level 0-7");
 *
 * start_kernel() parses the command line once, after setup_arch(). An
 * option nobody declared is an error: the kernel prints the known
 * options and halts, because a typo silently ignored (say
 * "anvil.tset=all") wastes a student's afternoon.
 *
 * The handler gets the text after '=' (NULL for a bare "option") and
 * returns 0, or a negative number when the value is invalid.
 */
#ifndef ANVIL_PARAM_H
#define ANVIL_PARAM_H

#include <anvil/compiler.h>

struct kernel_param {
	const char *name;
	int (*set)(const char *val);
	const char *help;
};

#define kernel_param(pname, fn, phelp)                                      \
	static const struct kernel_param __param_##fn __used                \
		__section("kernel_params") __aligned(8) = {                 \
			.name = pname, .set = fn, .help = phelp }

/* Parse boot_params.cmdline; returns false (after printing why) on error. */
bool parse_kernel_params(const char *cmdline);
/* The words after "--" on the command line: init's argv[1...]. */
extern const char *init_args[];
extern int nr_init_args;

#endif /* ANVIL_PARAM_H */
