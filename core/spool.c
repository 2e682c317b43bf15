/* spool.c: the stored spool of a two-pass stage's input: blocks written raw to a private file
 * as they pass between threads, and read back as bare blocks, field spans and all. */
#include "spool.h"
#include "buf.h"
#include "mem.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Before each block: its payload's bytes, its records and its spans, in the machine's order. */
typedef struct spool_head {
    uint32_t len, nrec, nindex;
} spool_head;

spool *spool_wrap(FILE *file)
{
    spool *s = mem_calloc(1, sizeof *s);
    s->file = file;
    return s;
}

static int spool_put(spool *s, const void *data, size_t len)
{
    if (len && fwrite(data, 1, len, s->file) != len) {
        s->failed = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

int spool_write(spool *s, const block *b, block_codec *codec, quarry_buf *scratch, quarry_buf *err)
{
    const char *data;
    size_t len;
    if (block_payload(codec, b, scratch, &data, &len, err) < 0)
        return -1;
    /* Only a bare block carries spans; a payload never exceeds 32 bits (block_fits). */
    spool_head head = {(uint32_t)len, b->nrec, b->bare && b->index ? (uint32_t)b->nindex : 0};
    errno = 0;
    if (spool_put(s, &head, sizeof head) < 0 || spool_put(s, data, len) < 0 ||
        spool_put(s, b->index, head.nindex * sizeof *b->index) < 0)
        return -1;
    s->written++;
    return 0;
}

int spool_finish(spool *s)
{
    errno = 0;
    if (fflush(s->file) != 0 || ferror(s->file)) {
        s->failed = errno ? errno : EIO;
        return -1;
    }
    rewind(s->file);
    return 0;
}

/* -1 with ERR saying why the spool could not be read on: a read error, or a file cut short
 * (which a write error already reported should make impossible). */
static int spool_broken(spool *s, quarry_buf *err)
{
    if (ferror(s->file))
        buf_printf(err, "read error: %s", strerror(errno));
    else
        buf_printf(err, "cut short in block %llu of %llu", (unsigned long long)s->read,
                   (unsigned long long)s->written);
    return -1;
}

/* Reads LEN bytes into BUF (empty): 0, or -1 with ERR set. BUF stays unallocated when LEN is
 * 0, so that a block without spans gets none (block_bare), not an empty list of them. */
static int spool_get(spool *s, quarry_buf *buf, size_t len, quarry_buf *err)
{
    if (!len)
        return 0;
    buf_reserve(buf, len);
    if (fread(buf->data, 1, len, s->file) != len)
        return spool_broken(s, err);
    buf->len = len;
    return 0;
}

int spool_read(spool *s, block **out, quarry_buf *err)
{
    spool_head head;
    size_t got = fread(&head, 1, sizeof head, s->file);
    if (got == 0 && !ferror(s->file) && s->read == s->written)
        return 0;
    if (got < sizeof head)
        return spool_broken(s, err);
    quarry_buf payload = {0}, index = {0};
    block *b = NULL;
    if (spool_get(s, &payload, head.len, err) == 0 &&
        spool_get(s, &index, (size_t)head.nindex * sizeof(uint32_t), err) == 0)
        b = block_bare(&payload, &index, head.nrec, err); /* takes both */
    quarry_buf_free(&payload);
    quarry_buf_free(&index);
    if (!b)
        return -1;
    b->seq = s->read++;
    *out = b;
    return 1;
}

void spool_free(spool *s)
{
    if (!s)
        return;
    if (s->file)
        fclose(s->file);
    free(s);
}
