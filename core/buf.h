/* buf.h: growable byte buffers (quarry_buf) beyond the public append/free. */
#ifndef QUARRY_BUF_H
#define QUARRY_BUF_H
#include "quarry.h"
#include <stdarg.h>

void buf_reserve(quarry_buf *buf, size_t extra);
void buf_putc(quarry_buf *buf, char c);
void buf_puts(quarry_buf *buf, const char *s);
void buf_printf(quarry_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(quarry_buf *buf, const char *fmt, va_list ap);
/* The contents as a C string (a NUL is kept after the data, not counted in len). */
const char *buf_cstr(quarry_buf *buf);
/* Hands the data to the caller as a malloc'd C string and empties the buffer. */
char *buf_steal(quarry_buf *buf);
#endif
