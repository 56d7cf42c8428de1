/* SPDX-License-Identifier: MIT */
/* String and memory helpers (lib/string.c). */
#ifndef ANVIL_STRING_H
#define ANVIL_STRING_H

#include <anvil/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);
/* Parse an unsigned number (base 0 = auto: 0x hex, 0 octal, else decimal). */
unsigned long strtoul(const char *s, char **end, int base);

#endif /* ANVIL_STRING_H */
