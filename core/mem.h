/* mem.h: allocation that aborts with a message when memory runs out. */
#ifndef QUARRY_MEM_H
#define QUARRY_MEM_H
#include <stddef.h>

void *mem_alloc(size_t size);
void *mem_calloc(size_t n, size_t size);
void *mem_realloc(void *p, size_t size);
/* Grows *P (of *CAP elements of SIZE bytes) to hold at least NEED elements. */
void mem_grow(void **p, size_t *cap, size_t need, size_t size);
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);
#endif
