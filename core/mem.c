/* mem.c: allocation that aborts with a message when memory runs out. */
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Out of memory there is nothing sensible left to do in a text pipeline; say so and stop,
 * rather than thread a NULL check through every caller (Redis's zmalloc makes the same call). */
static void mem_oom(size_t size)
{
    fprintf(stderr, "quarry: out of memory allocating %zu bytes\n", size);
    abort();
}

void *mem_alloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        mem_oom(size);
    return p;
}

void *mem_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        mem_oom(n * size);
    return p;
}

void *mem_realloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        mem_oom(size);
    return q;
}

void mem_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    *p = mem_realloc(*p, n * size);
    *cap = n;
}

char *mem_strdup(const char *s)
{
    return mem_strndup(s, strlen(s));
}

char *mem_strndup(const char *s, size_t n)
{
    char *d = mem_alloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}
