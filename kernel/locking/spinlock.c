// SPDX-License-Identifier: MIT
/*
 * kernel/locking/spinlock.c: ticket spinlocks (interface in
 * <anvil/spinlock.h>).
 *
 *	lock:	t = fetch_add(&next, 1); spin until owner == t
 *	unlock:	owner++ (a release store)
 *
 * The acquire load of "owner" that ends the wait, and the release store
 * that opens the next ticket, order everything done under the lock. Every
 * spin_lock() disables preemption first (see the header for why) and
 * tells lockdep before spinning, so an inversion is reported rather than
 * becoming a silent hang.
 */
#include <anvil/atomic.h>
#include <anvil/kernel.h>
#include <anvil/percpu.h>
#include <anvil/preempt.h>
#include <anvil/spinlock.h>
#include <asm/processor.h>

void arch_spin_lock(arch_spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

bool arch_spin_trylock(arch_spinlock_t *lock)
{
	arch_spinlock_t old, new;

	old.owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);
	old.next = old.owner; /* only free if no ticket is outstanding */
	new.owner = old.owner;
	new.next = (u16)(old.owner + 1);
	/* Compare both halves at once: free means owner == next. */
	return __atomic_compare_exchange_n(&lock->val, &old.val, new.val, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1),
			 __ATOMIC_RELEASE);
}

void __spin_lock_init(spinlock_t *lock, const char *name,
		      struct lock_class_key *key)
{
	lock->raw.val = 0;
	lock->owner_cpu = -1;
	lockdep_init_map(&lock->dep_map, name, key);
}

static void spin_check_self_deadlock(spinlock_t *lock)
{
	/* Preemption is off, so raw is exact: this CPU already holds it. */
	if (unlikely(READ_ONCE(lock->owner_cpu) == (int)raw_smp_processor_id()))
		printk(KERN_ERR "BUG: spinlock recursion on CPU %u: %s\n",
		       raw_smp_processor_id(), lock->dep_map.name);
}

/* After the lockdep annotation: spin, then note the owner. */
static void spin_lock_raw_tail(spinlock_t *lock)
{
	spin_check_self_deadlock(lock);
	arch_spin_lock(&lock->raw);
	lock->owner_cpu = (int)raw_smp_processor_id();
}

static void __spin_lock(spinlock_t *lock, spinlock_t *nest, unsigned long ip)
{
	preempt_disable_ip(ip);
	lock_acquire(&lock->dep_map, nest ? &nest->dep_map : NULL, ip);
	spin_lock_raw_tail(lock);
}

void spin_lock(spinlock_t *lock)
{
	__spin_lock(lock, NULL, _RET_IP_);
}

void spin_lock_nest_lock(spinlock_t *lock, spinlock_t *nest_lock)
{
	__spin_lock(lock, nest_lock, _RET_IP_);
}

void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	preempt_disable_ip(_RET_IP_);
	lock_acquire_nested(&lock->dep_map, subclass, _RET_IP_);
	spin_lock_raw_tail(lock);
}

bool spin_trylock(spinlock_t *lock)
{
	preempt_disable_ip(_RET_IP_);
	if (!arch_spin_trylock(&lock->raw)) {
		preempt_enable();
		return false;
	}
	lock_acquire(&lock->dep_map, NULL, _RET_IP_);
	lock->owner_cpu = (int)raw_smp_processor_id();
	return true;
}

static void __spin_unlock(spinlock_t *lock, unsigned long ip)
{
	lock->owner_cpu = -1;
	lock_release(&lock->dep_map, ip);
	arch_spin_unlock(&lock->raw);
}

void spin_unlock(spinlock_t *lock)
{
	__spin_unlock(lock, _RET_IP_);
	preempt_enable_ip(_RET_IP_);
}

void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	__spin_lock(lock, NULL, _RET_IP_);
}

void spin_unlock_irq(spinlock_t *lock)
{
	__spin_unlock(lock, _RET_IP_);
	local_irq_enable();
	preempt_enable_ip(_RET_IP_);
}

unsigned long __spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	__spin_lock(lock, NULL, _RET_IP_);
	return flags;
}

void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	__spin_unlock(lock, _RET_IP_);
	local_irq_restore(flags);
	preempt_enable_ip(_RET_IP_);
}

bool spin_is_locked(spinlock_t *lock)
{
	arch_spinlock_t v;

	v.val = __atomic_load_n(&lock->raw.val, __ATOMIC_RELAXED);
	return v.owner != v.next;
}
