/* SPDX-License-Identifier: MIT */
/*
 * Random numbers (kernel/random.c).
 *
 * NOT cryptographic: a fast generator (xoshiro256**) seeded from the
 * cycle counter and the wall clock, with the cycle counter mixed in
 * again on every request. Good for AT_RANDOM, hash seeds, mkstemp names
 * and tests; an attacker who can guess the boot time to the cycle can
 * predict it. Linux's is a ChaCha20 generator fed by interrupt timings.
 */
#ifndef ANVIL_RANDOM_H
#define ANVIL_RANDOM_H

#include <anvil/types.h>

/* getrandom(2)'s flags */
#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM 0x0002
#define GRND_INSECURE 0x0004

/* Fill @buf with @len random bytes; any context, never sleeps. */
void get_random_bytes(void *buf, size_t len);
u64 get_random_u64(void);

#endif /* ANVIL_RANDOM_H */
