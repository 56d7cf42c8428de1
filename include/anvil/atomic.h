/* SPDX-License-Identifier: MIT */
/*
 * Atomic operations and memory barriers, for every arch at once.
 *
 * GCC's __atomic builtins compile to the right instructions on each arch
 * (a lock prefix on x86_64; lwarx/stwcx. loops with sync/lwsync on ppc64),
 * so anvil needs no arch code for them. The names are Linux's.
 *
 * Ordering, as in Linux: atomic_read/atomic_set and the plain RMW ops
 * (atomic_inc, atomic_add) are relaxed; the *_return forms, cmpxchg and
 * xchg are fully ordered; smp_load_acquire/smp_store_release pair up.
 */
#ifndef ANVIL_ATOMIC_H
#define ANVIL_ATOMIC_H

#include <anvil/compiler.h>
#include <anvil/types.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

#define ATOMIC_INIT(i) { (i) }

#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
#define smp_load_acquire(p) __atomic_load_n(p, __ATOMIC_ACQUIRE)
#define smp_store_release(p, v) __atomic_store_n(p, v, __ATOMIC_RELEASE)

/* Compare *p with old; if equal store new. Returns what *p was. */
#define cmpxchg(p, old, new)                                                \
	({                                                                  \
		__typeof__(*(p)) __old = (old);                             \
		__atomic_compare_exchange_n(p, &__old, new, false,          \
					    __ATOMIC_SEQ_CST,               \
					    __ATOMIC_SEQ_CST);              \
		__old;                                                      \
	})
#define xchg(p, v) __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST)

static inline int atomic_read(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_set(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_add(int i, atomic_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_inc(atomic_t *v)
{
	atomic_add(1, v);
}

static inline void atomic_dec(atomic_t *v)
{
	atomic_add(-1, v);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_inc_return(atomic_t *v)
{
	return atomic_add_return(1, v);
}

static inline int atomic_dec_return(atomic_t *v)
{
	return atomic_add_return(-1, v);
}

static inline bool atomic_dec_and_test(atomic_t *v)
{
	return atomic_dec_return(v) == 0;
}

static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	return cmpxchg(&v->counter, old, new);
}

/* Add one unless the count is 0 (the object is being freed). */
static inline bool atomic_inc_not_zero(atomic_t *v)
{
	int old = atomic_read(v);

	while (old) {
		int seen = atomic_cmpxchg(v, old, old + 1);

		if (seen == old)
			return true;
		old = seen;
	}
	return false;
}

static inline long atomic_long_read(const atomic_long_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_long_set(atomic_long_t *v, long i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_long_add(long i, atomic_long_t *v)
{
	__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);
}

static inline void atomic_long_inc(atomic_long_t *v)
{
	atomic_long_add(1, v);
}

static inline void atomic_long_dec(atomic_long_t *v)
{
	atomic_long_add(-1, v);
}

/* Bit operations on an unsigned long, atomic. */
static inline void set_bit(unsigned int nr, unsigned long *addr)
{
	__atomic_fetch_or(addr, 1UL << nr, __ATOMIC_SEQ_CST);
}

static inline void clear_bit(unsigned int nr, unsigned long *addr)
{
	__atomic_fetch_and(addr, ~(1UL << nr), __ATOMIC_SEQ_CST);
}

static inline bool test_bit(unsigned int nr, const unsigned long *addr)
{
	return (__atomic_load_n(addr, __ATOMIC_RELAXED) >> nr) & 1;
}

static inline bool test_and_clear_bit(unsigned int nr, unsigned long *addr)
{
	return (__atomic_fetch_and(addr, ~(1UL << nr), __ATOMIC_SEQ_CST) >>
		nr) & 1;
}

static inline bool test_and_set_bit(unsigned int nr, unsigned long *addr)
{
	return (__atomic_fetch_or(addr, 1UL << nr, __ATOMIC_SEQ_CST) >> nr) & 1;
}

#endif /* ANVIL_ATOMIC_H */
