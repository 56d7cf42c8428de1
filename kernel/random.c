// SPDX-License-Identifier: MIT
/*
 * kernel/random.c: random bytes for the kernel (get_random_bytes, for
 * AT_RANDOM and the like) and for user space (getrandom).
 *
 * NOT cryptographic. The generator is xoshiro256** (Blackman and Vigna):
 * 256 bits of state, a few shifts, rotates and xors per 64-bit output,
 * statistically excellent and trivially predictable from its output.
 * The state is seeded on first use by splitmix64 from the cycle counter,
 * the wall clock and a stack address, and every request xors the cycle
 * counter in again, so two boots, or two requests, rarely agree. Linux
 * instead runs ChaCha20, keyed from an entropy pool that interrupt
 * timings and hardware generators feed; this is the teaching-kernel
 * substitute, and the flags that ask for "real" randomness
 * (GRND_RANDOM) get the same bytes.
 *
 * One state for all CPUs, under a spinlock with interrupts off (so any
 * context may call): requests are short, and getrandom() takes the lock
 * once per 256 bytes, never across a copy to user space.
 */
#include <anvil/errno.h>
#include <anvil/kernel.h>
#include <anvil/random.h>
#include <anvil/sched.h>
#include <anvil/spinlock.h>
#include <anvil/string.h>
#include <anvil/syscalls.h>
#include <anvil/time.h>
#include <anvil/uaccess.h>
#include <asm/page.h>
#include <asm/timex.h>

static DEFINE_SPINLOCK(random_lock);
static u64 state[4];		/* [random_lock] */
static bool seeded;		/* [random_lock] */

static inline u64 rotl(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* splitmix64: spreads a poor seed (nearby values) over all 64 bits. */
static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void seed_locked(void)
{
	u64 seed = get_cycles() ^ rotl(ktime_get_real_ns(), 32) ^
		   (u64)(unsigned long)&seed;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(state); i++)
		state[i] = splitmix64(&seed);
	seeded = true;
}

/* xoshiro256**: the next 64 bits. */
static u64 next_locked(void)
{
	u64 result = rotl(state[1] * 5, 7) * 9;
	u64 t = state[1] << 17;

	state[2] ^= state[0];
	state[3] ^= state[1];
	state[1] ^= state[2];
	state[0] ^= state[3];
	state[2] ^= t;
	state[3] = rotl(state[3], 45);
	return result;
}

void get_random_bytes(void *buf, size_t len)
{
	unsigned long flags;
	u8 *p = buf;
	u64 v;

	spin_lock_irqsave(&random_lock, flags);
	if (!seeded)
		seed_locked();
	/* The time of the request: cheap unpredictability, never all-zero
	 * state (the other three words would have to be zero too). */
	state[0] ^= get_cycles();
	while (len >= sizeof(v)) {
		v = next_locked();
		memcpy(p, &v, sizeof(v));
		p += sizeof(v);
		len -= sizeof(v);
	}
	if (len) {
		v = next_locked();
		memcpy(p, &v, len);
	}
	spin_unlock_irqrestore(&random_lock, flags);
}

u64 get_random_u64(void)
{
	u64 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}

/* Linux's cap on one read or write: INT_MAX rounded down to a page. */
#define MAX_RW_COUNT (0x7fffffffUL & PAGE_MASK)
#define GETRANDOM_CHUNK 256

/*
 * getrandom(2). The generator is ready from the first call, so nothing
 * ever blocks: GRND_NONBLOCK and GRND_INSECURE change nothing, and
 * GRND_RANDOM (Linux's old blocking pool) is the same generator. Large
 * requests stop early at a page boundary when a signal is pending, and
 * return what was copied, as Linux's do.
 */
SYSCALL_DEFINE3(getrandom, char __user *, ubuf,
		size_t, count,
		unsigned int, flags)
{
	u8 chunk[GETRANDOM_CHUNK];
	size_t done = 0, n, left;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	/* Insecure and "from the blocking pool" contradict each other. */
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) ==
	    (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	count = min(count, (size_t)MAX_RW_COUNT);

	while (done < count) {
		n = min(count - done, (size_t)GETRANDOM_CHUNK);
		get_random_bytes(chunk, n);
		left = copy_to_user(ubuf + done, chunk, n);
		done += n - left;
		if (left)
			break;
		if (done % PAGE_SIZE == 0 && done < count) {
			if (signal_pending(current))
				break;
			cond_resched();
		}
	}
	memset(chunk, 0, sizeof(chunk));	/* leave no copy on the stack */
	if (done == 0 && count > 0)
		return -EFAULT;
	return (long)done;
}
