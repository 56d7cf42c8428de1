/* SPDX-License-Identifier: MIT */
/*
 * Basic integer types for the kernel.
 *
 * The kernel is freestanding: <stddef.h>, <stdint.h>, <stdbool.h> and
 * <stdarg.h> come from the compiler, not from a libc, so they are safe.
 * Host unit tests (tests/host/) include this same header.
 */
#ifndef ANVIL_TYPES_H
#define ANVIL_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/* A physical address; never dereferenced without __va(). */
typedef u64 phys_addr_t;
/* A page frame number: physical address >> PAGE_SHIFT. */
typedef unsigned long pfn_t;

#ifndef INT_MAX
#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#endif

#endif /* ANVIL_TYPES_H */
