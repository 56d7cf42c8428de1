// SPDX-License-Identifier: MIT
/*
 * kernel/signal.c: signals the kernel raises against the current task.
 *
 * So far only forced, fatal ones: an exception in user mode (the arch's
 * traps), or a page fault that nothing can satisfy (mm/fault.c). The
 * signal is recorded and delivered by exit_to_user_mode(), which ends
 * the task; the one-line report names the task, the signal and the
 * address, as Linux's "segfault at" line does. Handlers, masks, kill()
 * and rt_sigaction arrive with the process work (issue 5).
 */
#include <anvil/kernel.h>
#include <anvil/sched.h>
#include <anvil/syscalls.h>

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGILL: return "SIGILL";
	case SIGTRAP: return "SIGTRAP";
	case SIGBUS: return "SIGBUS";
	case SIGFPE: return "SIGFPE";
	case SIGSEGV: return "SIGSEGV";
	default: return "signal";
	}
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	pr_info("anvil: %s[%d]: %s (code %d) at %lx; killed\n", current->comm,
		current->pid, signal_name(sig), code, addr);
	current->fatal_addr = addr;
	WRITE_ONCE(current->fatal_signal, sig);
}
