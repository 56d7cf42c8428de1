/* SPDX-License-Identifier: MIT */
/*
 * Compiler helpers shared by all of anvil (kernel and host tests).
 */
#ifndef ANVIL_COMPILER_H
#define ANVIL_COMPILER_H

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define __noreturn __attribute__((noreturn))
#define __unused __attribute__((unused))
#define __used __attribute__((used))
#define __aligned(n) __attribute__((aligned(n)))
#define __packed __attribute__((packed))
#define __section(s) __attribute__((section(s)))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __weak __attribute__((weak))
#define __noinline __attribute__((noinline))
/* A user-space pointer: documentation only (sparse's marker in Linux). */
#ifndef __user
#define __user
#endif
/* The host C library defines this one too (host tests include both). */
#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#define __returns_twice __attribute__((returns_twice))

/* Stop the compiler from moving memory accesses across this point. */
#define barrier() __asm__ __volatile__("" ::: "memory")

/*
 * READ_ONCE/WRITE_ONCE: one access, not torn, not merged, not re-read.
 * Use them for data another CPU or an interrupt handler changes.
 */
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/* The address of this point in the code: a site for reports and tracers. */
/*
 * The empty asm goto names the label as a jump target, so the compiler
 * keeps it where it stands instead of moving it to the function's start.
 */
#define _THIS_IP_                                                          \
	({                                                                 \
		__label__ __here;                                          \
	__here:                                                            \
		asm goto("" : : : : __here);                               \
		(unsigned long)&&__here;                                   \
	})
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)

#endif /* ANVIL_COMPILER_H */
