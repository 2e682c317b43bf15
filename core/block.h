/* block.h: record blocks, each one self-contained gzip member (the BGZF idea). */
#ifndef QUARRY_BLOCK_H
#define QUARRY_BLOCK_H
#include "quarry.h"
#include <stdatomic.h>
#include <zlib.h>

/* Member layout: gzip header with FEXTRA holding subfield 'Q','Y' (8 bytes: the member's total
 * size and its record count, both little-endian uint32), raw deflate data, CRC32, ISIZE. A
 * stream ends with a member holding no records, so truncation is seen, not read as short. */
#define BLOCK_HEADER_SIZE 24
#define BLOCK_TRAILER_SIZE 8
#define BLOCK_TARGET_SIZE (64 * 1024) /* payload bytes after which a block is closed */
#define BLOCK_MAX_PAYLOAD 0xF0000000u /* ISIZE and the member size are 32-bit */

typedef struct block {
    atomic_int refs;
    uint64_t seq;        /* position in its stream, from 0 */
    uint32_t nrec;       /* records; 0 only for the end-of-stream block */
    size_t raw_len;      /* payload bytes before compression */
    size_t len;          /* bytes of the gzip member (of the payload, if bare) */
    unsigned char *data; /* the gzip member, or the payload itself if bare */
    /* Bare blocks only pass between threads: their payload is framed (and given a CRC) only
     * if it is written out. A CRC guards bytes at rest, not in one process's memory. */
    int bare;
    /* A bare block may carry its records' field spans (record_pack_indexed), so that the
     * stage reading it finds fields without scanning for them; written out only to a stored
     * spool (spool.h), which the process reads back itself. */
    uint32_t *index;
    size_t nindex;
    /* Set by a stage that declares QUARRY_TABLES_LAST: this block and every one after it in
     * its stream hold table rows only (runner_worker.c). Never written out. */
    int rows_only;
    /* The block block_documents_end makes: no record, only the news that the documents have
     * ended. It takes no place in its stream's numbering and is never written out. */
    int documents_end;
} block;

/* Per-thread compressor and decompressor state, reused from block to block. */
typedef struct block_codec {
    z_stream deflate;
    z_stream inflate;
    int level;
    int deflate_ready, inflate_ready;
} block_codec;

void block_codec_init(block_codec *codec, int level);
void block_codec_free(block_codec *codec);

/* A new block (one reference) holding PAYLOAD compressed; NULL with ERR set if too large. */
block *block_pack(block_codec *codec, const void *payload, size_t len, uint32_t nrec,
                  quarry_buf *err);
/* A new bare block holding the bytes of PAYLOAD and the spans in INDEX (uint32_t, as
 * record_pack_indexed writes them), both of which it takes: they are left empty. NULL with ERR
 * set if the payload is too large for the stream format (it could never be written out). */
block *block_bare(quarry_buf *payload, quarry_buf *index, uint32_t nrec, quarry_buf *err);
/* B's payload: a bare block's own bytes, else decompressed into SCRATCH (as block_unpack).
 * Returns 0, or -1 with a reason in ERR. */
int block_payload(block_codec *codec, const block *b, quarry_buf *scratch, const char **data,
                  size_t *len, quarry_buf *err);
/* A new block (one reference) that holds no record and says that only table rows follow it:
 * sent by a stage that declares QUARRY_TABLES_LAST when its input ends, before its finish makes
 * them, so that a two-pass stage after it can begin its second pass then (runner_worker.c). */
block *block_documents_end(void);
/* Adopts a gzip member read from a file (MEMBER is malloc'd; the block takes it). */
block *block_adopt(unsigned char *member, size_t len, uint32_t nrec);
/* Decompresses B into PAYLOAD (replacing its contents), checking CRC and size.
 * Returns 0, or -1 with a reason in ERR. */
int block_unpack(block_codec *codec, const block *b, quarry_buf *payload, quarry_buf *err);
/* Whether the N bytes at H (any number) begin as a gzip member does: 0, or -1 with ERR set. */
int block_check_magic(const unsigned char *h, size_t n, quarry_buf *err);
/* Reads a member header: 0 and its size and record count, or -1 with a reason. */
int block_parse_header(const unsigned char *hdr, uint32_t *member_len, uint32_t *nrec,
                       quarry_buf *err);

block *block_ref(block *b);
void block_unref(block *b);
#endif
