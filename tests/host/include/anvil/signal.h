/* SPDX-License-Identifier: MIT */
/*
 * tests/host/include/anvil/signal.h: the host tests' stand-in for the
 * kernel's <anvil/signal.h>.
 *
 * The mm core under test includes <anvil/sched.h>, whose task_struct has
 * signal fields; the kernel's header defines sigset_t, struct sigaction
 * and the SIG* numbers exactly as the host's libc does, so the two cannot
 * meet in one file. The tests never touch signals: this header gives the
 * task_struct what it needs using the host's own sigset_t.
 */
#ifndef ANVIL_SIGNAL_H
#define ANVIL_SIGNAL_H

#include <signal.h>
#include <anvil/list.h>

struct sigpending {
	struct list_head list;
	sigset_t signal;
};

struct signal_struct;
struct sighand_struct;

#endif /* ANVIL_SIGNAL_H */
