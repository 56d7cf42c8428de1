/* SPDX-License-Identifier: MIT */
/*
 * Completions: "wait until this has happened" (kernel/sched/completion.c).
 *
 *	struct completion done;
 *	init_completion(&done);
 *	start_something(&done);		...	complete(&done);  (elsewhere)
 *	wait_for_completion(&done);
 *
 * Unlike a bare wait queue, a completion remembers: done counts the
 * complete() calls not yet consumed by a waiter, so a complete() that
 * comes before the wait is not lost. Each complete() lets exactly one
 * waiter through (in arrival order); complete_all() lets every present
 * and future waiter through until reinit_completion().
 *
 * complete() and complete_all() may be called from interrupt handlers;
 * the wait_for_* calls may sleep.
 */
#ifndef ANVIL_COMPLETION_H
#define ANVIL_COMPLETION_H

#include <anvil/types.h>
#include <anvil/wait.h>

struct completion {
	unsigned int done;	/* [wait.lock] completions not yet consumed;
				 * COMPLETION_ALL after complete_all() */
	wait_queue_head_t wait;
};

#define COMPLETION_ALL (~0U)

void __init_completion(struct completion *x, const char *name,
		       struct lock_class_key *key);
#define init_completion(x)                                                 \
	do {                                                               \
		static struct lock_class_key __key;                        \
		__init_completion(x, #x, &__key);                          \
	} while (0)

/* Back to "not done", for reuse; nobody may be waiting. */
void reinit_completion(struct completion *x);

void complete(struct completion *x);
void complete_all(struct completion *x);

/* Sleep until completed; consumes one complete(). May sleep. */
void wait_for_completion(struct completion *x);
/*
 * As above, giving up after @timeout jiffies. Returns 0 on timeout (and
 * consumes nothing), else the jiffies left, at least 1. May sleep.
 */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
/* Consume a completion if one is there, without sleeping. */
bool try_wait_for_completion(struct completion *x);
/* Has it been completed (and not consumed)? Doesn't consume. */
bool completion_done(struct completion *x);

#endif /* ANVIL_COMPLETION_H */
