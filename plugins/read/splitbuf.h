/* splitbuf.h: the bytes of the one value or row being cut from a JSON or CSV file, held up to a
 * limit (max-bytes), past which only its first bytes are kept, to name it by, and it is marked. */
#ifndef QUARRY_READ_SPLITBUF_H
#define QUARRY_READ_SPLITBUF_H
#include <quarry.h>
#include <stddef.h>

typedef struct split_buf {
    quarry_buf bytes;
    size_t max;
    int too_long; /* bytes were left out */
} split_buf;

/* Appends the N bytes at S, as many as MAX leaves room for. */
void split_buf_keep(split_buf *b, const char *s, size_t n);
/* Empties B for the next value. */
void split_buf_reset(split_buf *b);
void split_buf_free(split_buf *b);
#endif
