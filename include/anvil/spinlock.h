/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks (kernel/locking/spinlock.c).
 *
 * A ticket lock: each locker takes the next ticket and waits until
 * "owner" reaches it, so CPUs get the lock in the order they asked (no
 * starvation, unlike a plain test-and-set lock). Built on __atomic
 * builtins, so it is the same code on every arch.
 *
 * Holding a spinlock disables preemption: the holder must not be switched
 * out, or every CPU waiting for the lock would spin for a whole time
 * slice. So nothing that may sleep is allowed under one (might_sleep()
 * checks). The _irq/_irqsave forms also disable interrupts, for data an
 * interrupt handler touches too.
 *
 * Debug builds check the lock order with lockdep and record the owner,
 * so "lock already held by this CPU" is a report, not a silent hang.
 */
#ifndef ANVIL_SPINLOCK_H
#define ANVIL_SPINLOCK_H

#include <anvil/compiler.h>
#include <anvil/irqflags.h>
#include <anvil/lockdep.h>
#include <anvil/types.h>

typedef union {
	u32 val;		/* both halves, for trylock's one compare */
	struct {
		u16 owner;	/* ticket being served */
		u16 next;	/* next ticket to hand out */
	};
} arch_spinlock_t;

typedef struct spinlock {
	arch_spinlock_t raw;
	int owner_cpu;	/* -1 when free; for debugging */
	struct lockdep_map dep_map;
} spinlock_t;

void __spin_lock_init(spinlock_t *lock, const char *name,
		      struct lock_class_key *key);
/* Each spin_lock_init() site is one lockdep class. */
#define spin_lock_init(lock)                                               \
	do {                                                               \
		static struct lock_class_key __key;                        \
		__spin_lock_init(lock, #lock, &__key);                     \
	} while (0)

/* A statically defined lock is its own class: its address is the key. */
#define DEFINE_SPINLOCK(x)                                                 \
	spinlock_t x = { .owner_cpu = -1,                                  \
			 .dep_map = { .name = #x,                          \
				      .key = (struct lock_class_key *)&x } }

void spin_lock(spinlock_t *lock);
/* One of many locks of a class, all taken under @nest_lock (held). */
void spin_lock_nest_lock(spinlock_t *lock, spinlock_t *nest_lock);
/* A second lock of a held class, in a fixed order (SINGLE_DEPTH_NESTING). */
void spin_lock_nested(spinlock_t *lock, unsigned int subclass);
bool spin_trylock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
unsigned long __spin_lock_irqsave(spinlock_t *lock);
#define spin_lock_irqsave(lock, flags) ((flags) = __spin_lock_irqsave(lock))
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
bool spin_is_locked(spinlock_t *lock);

/*
 * The bare lock, no preemption or lockdep bookkeeping: for the scheduler's
 * runqueue lock, which is handed from one task to the next across a
 * context switch, and for lockdep's own tables.
 */
void arch_spin_lock(arch_spinlock_t *lock);
void arch_spin_unlock(arch_spinlock_t *lock);
bool arch_spin_trylock(arch_spinlock_t *lock);

#define assert_spin_locked(lock) BUG_ON(!spin_is_locked(lock))

#endif /* ANVIL_SPINLOCK_H */
