/* stream_records.c: saved record streams read back record by record (quarry_stream, public):
 * what `quarry cat` prints and the read stage reads. */
#include "block.h"
#include "buf.h"
#include "mem.h"
#include "record.h"
#include "stream.h"

#include <stdlib.h>

struct quarry_stream {
    stream_reader *reader;
    block_codec codec;
    quarry_buf payload; /* the current block's records, decompressed */
    size_t off;         /* of the next record in it */
    uint32_t nrec;      /* the current block's records, by its header */
    uint32_t seen;      /* and how many of them were read */
    uint64_t seq;       /* the current block's index in the stream */
    uint64_t at;        /* and its offset */
    uint64_t lost;      /* records of blocks skipped as damaged */
    int in_block;       /* records of the current block may remain */
    int done;           /* nothing more can be read */
};

int quarry_stream_detect(const void *head, size_t n)
{
    uint32_t len, nrec;
    quarry_buf why = {0};
    int ok = n >= BLOCK_HEADER_SIZE && block_parse_header(head, &len, &nrec, &why) == 0;
    quarry_buf_free(&why);
    return ok;
}

quarry_stream *quarry_stream_open(const char *path, quarry_buf *err)
{
    stream_reader *r = stream_reader_open(path, err);
    if (!r)
        return NULL;
    quarry_stream *s = mem_calloc(1, sizeof *s);
    s->reader = r;
    block_codec_init(&s->codec, 0);
    return s;
}

/* Ends the current block: -1 with ERR set if its records are not the ones its header counts,
 * whole (a payload damaged before its CRC was computed, or a stream of another program). */
static int stream_records_end_block(quarry_stream *s, quarry_buf *err)
{
    s->in_block = 0;
    if (s->seen == s->nrec && s->off == s->payload.len)
        return 0;
    s->lost += s->nrec - s->seen;
    if (s->seen == s->nrec)
        buf_printf(err, "%s: block %llu at offset %llu: bytes after its %u records", s->reader->name,
                   (unsigned long long)s->seq, (unsigned long long)s->at, s->nrec);
    else
        buf_printf(err, "%s: block %llu at offset %llu: %u of its %u records are readable", s->reader->name,
                   (unsigned long long)s->seq, (unsigned long long)s->at, s->seen, s->nrec);
    return -1;
}

int quarry_stream_next(quarry_stream *s, quarry_record *rec, quarry_buf *err)
{
    for (;;) {
        if (s->in_block) {
            int got = s->seen < s->nrec ? record_next(rec, s->payload.data, s->payload.len, &s->off) : 0;
            if (got > 0) {
                s->seen++;
                return 1;
            }
            if (stream_records_end_block(s, err) < 0)
                return -1;
        }
        if (s->done)
            return 0;
        block *b;
        int got = stream_read_block(s->reader, &b, err);
        if (got <= 0) {
            s->done = 1;
            return got;
        }
        s->seq = b->seq;
        s->at = s->reader->offset - b->len;
        quarry_buf why = {0};
        int unpacked = block_unpack(&s->codec, b, &s->payload, &why);
        if (unpacked < 0) {
            s->lost += b->nrec;
            buf_printf(err, "%s: block %llu at offset %llu: %s (%u record%s skipped)", s->reader->name,
                       (unsigned long long)s->seq, (unsigned long long)s->at, buf_cstr(&why), b->nrec,
                       b->nrec == 1 ? "" : "s");
        } else {
            s->in_block = 1;
            s->off = 0;
            s->seen = 0;
            s->nrec = b->nrec;
        }
        quarry_buf_free(&why);
        block_unref(b);
        if (unpacked < 0)
            return -1;
    }
}

uint64_t quarry_stream_lost(const quarry_stream *s)
{
    return s->lost;
}

void quarry_stream_close(quarry_stream *s)
{
    if (!s)
        return;
    stream_reader_free(s->reader);
    block_codec_free(&s->codec);
    quarry_buf_free(&s->payload);
    free(s);
}
