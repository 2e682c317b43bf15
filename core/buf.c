/* buf.c: growable byte buffers used for encoding, messages and output lines. */
#include "buf.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_reserve(quarry_buf *buf, size_t extra)
{
    size_t need = buf->len + extra + 1; /* +1: room for buf_cstr's terminator */
    if (need > buf->cap) {
        /* A first reservation is taken as asked, not rounded up to a power of two: a block's
         * buffer (1.25 times the block size, runner_worker.c) would take 1.6 times the memory
         * it is ever given. Past malloc's first mmap threshold (128 KiB; blocks are 256 KiB),
         * only the first few are mapped: glibc raises the threshold to the size of a mapped
         * buffer freed, and the rest come from its heaps (239 mmap calls in all on Reuters'
         * keyword pipeline). */
        size_t cap = buf->cap ? buf->cap : need > 256 ? need : 256;
        while (cap < need)
            cap *= 2;
        buf->data = mem_realloc(buf->data, cap);
        buf->cap = cap;
    }
}

void quarry_buf_append(quarry_buf *buf, const void *data, size_t len)
{
    buf_reserve(buf, len);
    if (len)
        memcpy(buf->data + buf->len, data, len);
    buf->len += len;
}

void quarry_buf_free(quarry_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = buf->cap = 0;
}

void buf_putc(quarry_buf *buf, char c)
{
    buf_reserve(buf, 1);
    buf->data[buf->len++] = c;
}

void buf_puts(quarry_buf *buf, const char *s)
{
    quarry_buf_append(buf, s, strlen(s));
}

void buf_vprintf(quarry_buf *buf, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    buf_reserve(buf, (size_t)n);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
    buf->len += (size_t)n;
}

void buf_printf(quarry_buf *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(buf, fmt, ap);
    va_end(ap);
}

const char *buf_cstr(quarry_buf *buf)
{
    buf_reserve(buf, 0);
    buf->data[buf->len] = '\0';
    return buf->data;
}


char *buf_steal(quarry_buf *buf)
{
    buf_cstr(buf);
    char *s = buf->data;
    buf->data = NULL;
    buf->len = buf->cap = 0;
    return s;
}
