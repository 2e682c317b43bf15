/* splitbuf.c: the value or row being cut from a file, held up to a limit (see splitbuf.h). */
#include "splitbuf.h"

void split_buf_keep(split_buf *b, const char *s, size_t n)
{
    if (b->bytes.len + n > b->max) {
        quarry_buf_append(&b->bytes, s, b->max - b->bytes.len);
        b->too_long = 1;
        return;
    }
    quarry_buf_append(&b->bytes, s, n);
}

void split_buf_reset(split_buf *b)
{
    b->bytes.len = 0;
    b->too_long = 0;
}

void split_buf_free(split_buf *b)
{
    quarry_buf_free(&b->bytes);
}
