/* block.c: compresses and checks record blocks, each one self-contained gzip member. */
#include "block.h"
#include "buf.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static void block_put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static uint32_t block_get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void block_codec_init(block_codec *codec, int level)
{
    memset(codec, 0, sizeof *codec);
    codec->level = level;
}

void block_codec_free(block_codec *codec)
{
    if (codec->deflate_ready)
        deflateEnd(&codec->deflate);
    if (codec->inflate_ready)
        inflateEnd(&codec->inflate);
    codec->deflate_ready = codec->inflate_ready = 0;
}

/* Whether a payload of LEN bytes fits the format; ERR says why not. */
static int block_fits(size_t len, quarry_buf *err)
{
    if (len <= BLOCK_MAX_PAYLOAD)
        return 1;
    buf_printf(err, "a block of %zu bytes is over the %u-byte limit of the stream format", len,
               BLOCK_MAX_PAYLOAD);
    return 0;
}

static block *block_wrap(unsigned char *data, size_t len, uint32_t nrec, size_t raw_len)
{
    block *b = mem_calloc(1, sizeof *b);
    atomic_init(&b->refs, 1);
    b->data = data;
    b->len = len;
    b->nrec = nrec;
    b->raw_len = raw_len;
    return b;
}

block *block_pack(block_codec *codec, const void *payload, size_t len, uint32_t nrec,
                  quarry_buf *err)
{
    if (!block_fits(len, err))
        return NULL;
    z_stream *z = &codec->deflate;
    if (!codec->deflate_ready) {
        /* Raw deflate (negative window bits): the gzip framing is written here, as BGZF does,
         * because the member's size must go into its own header. */
        if (deflateInit2(z, codec->level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            abort();
        codec->deflate_ready = 1;
    } else {
        deflateReset(z);
    }
    size_t bound = deflateBound(z, (uLong)len);
    unsigned char *out = mem_alloc(BLOCK_HEADER_SIZE + bound + BLOCK_TRAILER_SIZE);
    z->next_in = (Bytef *)payload;
    z->avail_in = (uInt)len;
    z->next_out = out + BLOCK_HEADER_SIZE;
    z->avail_out = (uInt)bound;
    if (deflate(z, Z_FINISH) != Z_STREAM_END)
        abort(); /* cannot happen with deflateBound room */
    size_t clen = bound - z->avail_out;
    size_t total = BLOCK_HEADER_SIZE + clen + BLOCK_TRAILER_SIZE;

    static const unsigned char head[16] = {
        0x1f, 0x8b, 8, 4,   /* magic, deflate, FEXTRA */
        0, 0, 0, 0,         /* no modification time: same input, same bytes */
        0, 255,             /* XFL, OS unknown */
        12, 0,              /* XLEN */
        'Q', 'Y', 8, 0      /* subfield id and length */
    };
    memcpy(out, head, sizeof head);
    block_put32(out + 16, (uint32_t)total);
    block_put32(out + 20, nrec);
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, payload, (uInt)len);
    block_put32(out + BLOCK_HEADER_SIZE + clen, (uint32_t)crc);
    block_put32(out + BLOCK_HEADER_SIZE + clen + 4, (uint32_t)len);
    return block_wrap(out, total, nrec, len);
}

block *block_bare(quarry_buf *payload, quarry_buf *index, uint32_t nrec, quarry_buf *err)
{
    if (!block_fits(payload->len, err))
        return NULL;
    block *b = block_wrap((unsigned char *)payload->data, payload->len, nrec, payload->len);
    b->bare = 1;
    b->index = (uint32_t *)index->data;
    b->nindex = index->len / sizeof(uint32_t);
    memset(payload, 0, sizeof *payload);
    memset(index, 0, sizeof *index);
    return b;
}

block *block_documents_end(void)
{
    block *b = block_wrap(NULL, 0, 0, 0);
    b->bare = 1;
    b->rows_only = 1;
    b->documents_end = 1;
    return b;
}

int block_payload(block_codec *codec, const block *b, quarry_buf *scratch, const char **data,
                  size_t *len, quarry_buf *err)
{
    if (b->bare) {
        *data = (const char *)b->data;
        *len = b->len;
        return 0;
    }
    if (block_unpack(codec, b, scratch, err) < 0)
        return -1;
    *data = scratch->data;
    *len = scratch->len;
    return 0;
}

block *block_adopt(unsigned char *member, size_t len, uint32_t nrec)
{
    uint32_t isize = len >= BLOCK_HEADER_SIZE + BLOCK_TRAILER_SIZE ? block_get32(member + len - 4) : 0;
    return block_wrap(member, len, nrec, isize);
}

int block_check_magic(const unsigned char *h, size_t n, quarry_buf *err)
{
    static const unsigned char magic[3] = {0x1f, 0x8b, 8}; /* gzip, deflate */
    if (!memcmp(h, magic, n < sizeof magic ? n : sizeof magic))
        return 0;
    buf_puts(err, "not a gzip member (bad magic bytes)");
    return -1;
}

int block_parse_header(const unsigned char *h, uint32_t *member_len, uint32_t *nrec,
                       quarry_buf *err)
{
    if (block_check_magic(h, BLOCK_HEADER_SIZE, err) < 0)
        return -1;
    if (!(h[3] & 4) || h[10] != 12 || h[11] != 0 || h[12] != 'Q' || h[13] != 'Y' ||
        h[14] != 8 || h[15] != 0) {
        buf_puts(err, "a gzip member without quarry's block header (not a quarry stream?)");
        return -1;
    }
    *member_len = block_get32(h + 16);
    *nrec = block_get32(h + 20);
    if (*member_len < BLOCK_HEADER_SIZE + BLOCK_TRAILER_SIZE + 2) {
        buf_printf(err, "block header gives an impossible size (%u bytes)", *member_len);
        return -1;
    }
    return 0;
}

int block_unpack(block_codec *codec, const block *b, quarry_buf *payload, quarry_buf *err)
{
    uint32_t member_len, nrec;
    if (b->len < BLOCK_HEADER_SIZE + BLOCK_TRAILER_SIZE ||
        block_parse_header(b->data, &member_len, &nrec, err) < 0)
        return -1;
    if (member_len != b->len) {
        buf_printf(err, "block size %zu differs from its header's %u", b->len, member_len);
        return -1;
    }
    uint32_t want_crc = block_get32(b->data + b->len - 8);
    uint32_t isize = block_get32(b->data + b->len - 4);
    if (isize > BLOCK_MAX_PAYLOAD) {
        buf_printf(err, "block claims %u bytes of payload, over the format's limit", isize);
        return -1;
    }
    /* Deflate expands at most 1032 to 1: a larger ISIZE is damage, and the buffer below is
     * sized by it before a byte is inflated. */
    size_t packed = b->len - BLOCK_HEADER_SIZE - BLOCK_TRAILER_SIZE;
    if ((uint64_t)isize > (uint64_t)packed * 1032 + 64) {
        buf_printf(err, "block claims %u bytes of payload from %zu compressed bytes, more than "
                   "deflate can give", isize, packed);
        return -1;
    }
    z_stream *z = &codec->inflate;
    if (!codec->inflate_ready) {
        if (inflateInit2(z, -15) != Z_OK)
            abort();
        codec->inflate_ready = 1;
    } else {
        inflateReset(z);
    }
    payload->len = 0;
    buf_reserve(payload, isize);
    z->next_in = b->data + BLOCK_HEADER_SIZE;
    z->avail_in = (uInt)(b->len - BLOCK_HEADER_SIZE - BLOCK_TRAILER_SIZE);
    z->next_out = (Bytef *)payload->data;
    z->avail_out = isize + 1; /* one spare byte shows a payload longer than ISIZE says */
    int rc = inflate(z, Z_FINISH);
    if (rc != Z_STREAM_END) {
        buf_printf(err, "corrupt compressed data (%s)",
                   rc == Z_DATA_ERROR && z->msg ? z->msg : "data does not end where it should");
        return -1;
    }
    size_t got = isize + 1 - z->avail_out;
    if (got != isize || z->avail_in != 0) {
        buf_printf(err, "payload size %zu differs from the recorded %u", got, isize);
        return -1;
    }
    uLong crc = crc32(crc32(0L, Z_NULL, 0), (const Bytef *)payload->data, (uInt)got);
    if ((uint32_t)crc != want_crc) {
        buf_printf(err, "CRC mismatch (stored %08x, computed %08x)", want_crc, (uint32_t)crc);
        return -1;
    }
    payload->len = got;
    return 0;
}

block *block_ref(block *b)
{
    atomic_fetch_add(&b->refs, 1);
    return b;
}

void block_unref(block *b)
{
    if (b && atomic_fetch_sub(&b->refs, 1) == 1) {
        free(b->data);
        free(b->index);
        free(b);
    }
}
