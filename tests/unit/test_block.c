/* test_block.c: unit tests of record blocks and block streams: round trips at every level,
 * damaged data, headers and trailers and truncation detected, the end-of-stream block, records
 * read back (quarry_stream), and the raw spool of two-pass stages. */
#include "block.h"
#include "buf.h"
#include "record.h"
#include "spool.h"
#include "stream.h"

#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void fill(quarry_buf *b, size_t n)
{
    b->len = 0;
    for (size_t i = 0; i < n; i++)
        buf_putc(b, (char)("the quick brown fox "[i % 20] + (i / 997) % 3));
}

START_TEST(test_round_trip_levels)
{
    static const int levels[] = {0, 1, 6, 9};
    quarry_buf in = {0}, out = {0}, err = {0};
    fill(&in, 200000);
    for (size_t i = 0; i < 4; i++) {
        block_codec c;
        block_codec_init(&c, levels[i]);
        block *b = block_pack(&c, in.data, in.len, 3, &err);
        ck_assert_ptr_nonnull(b);
        ck_assert_uint_eq(b->nrec, 3);
        ck_assert_int_eq(b->data[0], 0x1f);
        ck_assert_int_eq(block_unpack(&c, b, &out, &err), 0);
        ck_assert_uint_eq(out.len, in.len);
        ck_assert_mem_eq(out.data, in.data, in.len);
        if (levels[i] == 0)
            ck_assert_uint_gt(b->len, in.len); /* stored, framed */
        else
            ck_assert_uint_lt(b->len, in.len / 2);
        block_unref(b);
        block_codec_free(&c);
    }
    quarry_buf_free(&in);
    quarry_buf_free(&out);
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_corruption_detected)
{
    block_codec c;
    block_codec_init(&c, 1);
    quarry_buf in = {0}, out = {0}, err = {0};
    fill(&in, 5000);
    block *b = block_pack(&c, in.data, in.len, 1, &err);
    /* Flip one bit at every position past the header: each must be caught. */
    int caught = 0, tried = 0;
    for (size_t pos = BLOCK_HEADER_SIZE; pos < b->len; pos += 7) {
        b->data[pos] ^= 0x10;
        err.len = 0;
        caught += block_unpack(&c, b, &out, &err) < 0;
        tried++;
        b->data[pos] ^= 0x10;
    }
    ck_assert_int_eq(caught, tried);
    /* A damaged ISIZE (the last four bytes) far beyond what the data can inflate to is refused
     * before the payload buffer is sized by it. */
    unsigned char isize[4];
    memcpy(isize, b->data + b->len - 4, 4);
    memcpy(b->data + b->len - 4, "\0\0\0\xe0", 4);
    quarry_buf fresh = {0};
    err.len = 0;
    ck_assert_int_eq(block_unpack(&c, b, &fresh, &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "more than deflate can give"));
    ck_assert_uint_lt(fresh.cap, 1u << 20);
    quarry_buf_free(&fresh);
    /* An ISIZE over the format's limit is refused whatever the data could inflate to. */
    memcpy(b->data + b->len - 4, "\xff\xff\xff\xff", 4);
    err.len = 0;
    ck_assert_int_eq(block_unpack(&c, b, &out, &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "block claims 4294967295 bytes of payload, over the format's limit"));
    memcpy(b->data + b->len - 4, isize, 4);
    /* The header's own fields: the member's size (bytes 16 to 19, little-endian), too small to
     * be a block's or not the block's size, and the extra field's 'QY' that marks quarry's. */
    unsigned char size[4];
    memcpy(size, b->data + 16, 4);
    memcpy(b->data + 16, "\x05\0\0\0", 4);
    err.len = 0;
    ck_assert_int_eq(block_unpack(&c, b, &out, &err), -1);
    ck_assert_str_eq(buf_cstr(&err), "block header gives an impossible size (5 bytes)");
    uint32_t longer = (uint32_t)b->len + 1;
    unsigned char le[4] = {(unsigned char)longer, (unsigned char)(longer >> 8), (unsigned char)(longer >> 16),
                           (unsigned char)(longer >> 24)};
    memcpy(b->data + 16, le, 4);
    err.len = 0;
    ck_assert_int_eq(block_unpack(&c, b, &out, &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "differs from its header's"));
    memcpy(b->data + 16, size, 4);
    b->data[12] = 'X';
    err.len = 0;
    ck_assert_int_eq(block_unpack(&c, b, &out, &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "without quarry's block header (not a quarry stream?)"));
    b->data[12] = 'Q';
    err.len = 0;
    ck_assert_int_eq(block_unpack(&c, b, &out, &err), 0); /* mended, it reads again */
    b->data[0] = 0;
    ck_assert_int_eq(block_unpack(&c, b, &out, &err), -1);
    block_unref(b);
    block_codec_free(&c);
    quarry_buf_free(&in);
    quarry_buf_free(&out);
    quarry_buf_free(&err);
}
END_TEST

/* Writes a stream of NBLOCKS blocks to a temporary file; returns it rewound. */
static FILE *make_stream(int nblocks, int with_eof, long *size)
{
    FILE *f = tmpfile();
    stream_writer *w = stream_writer_wrap(f, "test");
    block_codec c;
    block_codec_init(&c, 1);
    quarry_buf in = {0}, err = {0};
    for (int i = 0; i < nblocks; i++) {
        fill(&in, 3000 + (size_t)i);
        block *b = block_pack(&c, in.data, in.len, (uint32_t)i + 1, &err);
        stream_write_block(w, b);
        block_unref(b);
    }
    if (with_eof)
        ck_assert_int_eq(stream_writer_finish(w, &c, &err), 0);
    fflush(f);
    *size = ftell(f);
    w->file = NULL;
    stream_writer_free(w);
    block_codec_free(&c);
    quarry_buf_free(&in);
    quarry_buf_free(&err);
    rewind(f);
    return f;
}

/* Reads F to the end: the number of blocks, or -1 on error (message in ERR). */
static int read_all(FILE *f, quarry_buf *err)
{
    stream_reader *r = stream_reader_wrap(f, "test.qz");
    block *b;
    int rc, n = 0;
    while ((rc = stream_read_block(r, &b, err)) > 0) {
        ck_assert_uint_eq(b->seq, (uint64_t)n);
        block_unref(b);
        n++;
    }
    stream_reader_free(r);
    return rc < 0 ? -1 : n;
}

START_TEST(test_stream_end_and_truncation)
{
    quarry_buf err = {0};
    long size;
    FILE *f = make_stream(3, 1, &size);
    ck_assert_int_eq(read_all(f, &err), 3);

    /* Without the end-of-stream block: truncated, even though every block is whole. */
    f = make_stream(3, 0, &size);
    err.len = 0;
    ck_assert_int_eq(read_all(f, &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "without the end-of-stream block"));

    /* Cut inside the last data block, and inside a header. */
    for (long cut = 5; cut < 200; cut += 60) {
        FILE *full = make_stream(2, 1, &size);
        char *bytes = malloc((size_t)size);
        ck_assert_int_eq(fread(bytes, 1, (size_t)size, full), size);
        fclose(full);
        FILE *t = tmpfile();
        fwrite(bytes, 1, (size_t)(size - 34 - cut), t);
        rewind(t);
        free(bytes);
        err.len = 0;
        ck_assert_int_eq(read_all(t, &err), -1);
        ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "truncated"));
        ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "test.qz"));
    }
    /* An empty file is not a stream. */
    err.len = 0;
    ck_assert_int_eq(read_all(tmpfile(), &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "empty"));
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_concatenated_streams)
{
    long a, b;
    FILE *f1 = make_stream(2, 1, &a), *f2 = make_stream(1, 1, &b);
    FILE *cat = tmpfile();
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f1)) > 0)
        fwrite(buf, 1, n, cat);
    while ((n = fread(buf, 1, sizeof buf, f2)) > 0)
        fwrite(buf, 1, n, cat);
    fclose(f1);
    fclose(f2);
    rewind(cat);
    quarry_buf err = {0};
    stream_reader *r = stream_reader_wrap(cat, "cat");
    block *blk;
    int count = 0;
    while (stream_read_block(r, &blk, &err) > 0) {
        block_unref(blk);
        count++;
    }
    ck_assert_int_eq(count, 3);
    stream_reader_free(r);
    quarry_buf_free(&err);
}
END_TEST

/* Writes to DIR/NAME a stream of three blocks holding records "a0".."a1", "b0".."b1" and
 * "c0".."c1" (their 'id's), block B's header counting COUNTS[B] records; returns the path. */
static char *records_stream(const char *dir, const char *name, const uint32_t counts[3])
{
    char *path = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    quarry_buf err = {0}, payload = {0};
    stream_writer *w = stream_writer_open(path, &err);
    ck_assert_ptr_nonnull(w);
    block_codec c;
    block_codec_init(&c, 1);
    quarry_record *rec = quarry_record_new();
    for (int b = 0; b < 3; b++) {
        msgpack_packer pk;
        payload.len = 0;
        record_packer_init(&pk, &payload);
        for (int i = 0; i < 2; i++) {
            char id[3] = {(char)('a' + b), (char)('0' + i), 0};
            quarry_record_clear(rec);
            quarry_set_string(rec, "id", id, 2);
            record_pack(rec, &pk);
        }
        block *blk = block_pack(&c, payload.data, payload.len, counts[b], &err);
        stream_write_block(w, blk);
        block_unref(blk);
    }
    ck_assert_int_eq(stream_writer_finish(w, &c, &err), 0);
    stream_writer_free(w);
    quarry_record_free(rec);
    block_codec_free(&c);
    quarry_buf_free(&payload);
    quarry_buf_free(&err);
    return path;
}

/* Reads PATH with quarry_stream: the ids read, joined by spaces, and an "!" for each error, whose
 * messages go to ERR. */
static void read_ids(const char *path, quarry_buf *ids, quarry_buf *err, uint64_t *lost)
{
    quarry_stream *s = quarry_stream_open(path, err);
    ck_assert_ptr_nonnull(s);
    quarry_record *rec = quarry_record_new();
    int got;
    ids->len = 0;
    while ((got = quarry_stream_next(s, rec, err)) != 0) {
        size_t len;
        const char *id = got > 0 ? quarry_get_string(rec, "id", &len) : "!";
        buf_printf(ids, "%s%.*s", ids->len ? " " : "", (int)(got > 0 ? len : 1), id);
    }
    *lost = quarry_stream_lost(s);
    quarry_record_free(rec);
    quarry_stream_close(s);
}

START_TEST(test_records_read_back)
{
    char *dir = testutil_tempdir();
    const uint32_t whole[3] = {2, 2, 2}, overcounted[3] = {2, 3, 2};
    char *path = records_stream(dir, "whole.qz", whole);
    quarry_buf ids = {0}, err = {0};
    uint64_t lost;
    read_ids(path, &ids, &err, &lost);
    ck_assert_str_eq(buf_cstr(&ids), "a0 a1 b0 b1 c0 c1");
    ck_assert_uint_eq(lost, 0);
    ck_assert_uint_eq(err.len, 0);

    /* A stream's first bytes tell it; a plain gzip file's do not. */
    FILE *f = fopen(path, "rb");
    unsigned char head[32];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    ck_assert(quarry_stream_detect(head, n));
    ck_assert(!quarry_stream_detect(head, 15));
    head[12] = 'X';
    ck_assert(!quarry_stream_detect(head, n));

    /* A flipped byte in the middle block: its records are skipped, named, counted, and the
     * blocks on either side read. */
    f = fopen(path, "r+b");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, size / 2, SEEK_SET);
    int byte = fgetc(f);
    fseek(f, size / 2, SEEK_SET);
    fputc(byte ^ 0x55, f);
    fclose(f);
    read_ids(path, &ids, &err, &lost);
    ck_assert_str_eq(buf_cstr(&ids), "a0 a1 ! c0 c1");
    ck_assert_uint_eq(lost, 2);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "whole.qz: block 1 at offset "));
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "(2 records skipped)"));

    /* A header that counts more records than its block holds. */
    free(path);
    path = records_stream(dir, "over.qz", overcounted);
    err.len = 0;
    read_ids(path, &ids, &err, &lost);
    ck_assert_str_eq(buf_cstr(&ids), "a0 a1 b0 b1 ! c0 c1");
    ck_assert_uint_eq(lost, 1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "over.qz: block 1 at offset "));
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "2 of its 3 records are readable"));

    /* Truncated: what comes before is read, then the error, then the end. */
    f = fopen(path, "r+b");
    fseek(f, 0, SEEK_END);
    ck_assert_int_eq(ftruncate(fileno(f), ftell(f) - 40), 0);
    fclose(f);
    err.len = 0;
    read_ids(path, &ids, &err, &lost);
    ck_assert_str_eq(buf_cstr(&ids), "a0 a1 b0 b1 ! !");
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "truncated"));

    /* A file that cannot be opened. */
    err.len = 0;
    ck_assert_ptr_null(quarry_stream_open("/nonexistent/x.qz", &err));
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "/nonexistent/x.qz"));
    free(path);
    testutil_rmtree(dir);
    free(dir);
    quarry_buf_free(&ids);
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_spool_round_trip)
{
    /* A bare block with its field spans, and a framed one: both come back bare, in order, with
     * their bytes (the framed one's payload unpacked) and the bare one's spans. */
    quarry_buf payload = {0}, index = {0}, err = {0}, scratch = {0};
    fill(&payload, 5000);
    quarry_buf copy = {0};
    quarry_buf_append(&copy, payload.data, payload.len);
    uint32_t spans[] = {7, 11, 13};
    quarry_buf_append(&index, spans, sizeof spans);
    block *bare = block_bare(&payload, &index, 2, &err);
    block_codec c;
    block_codec_init(&c, 1);
    block *framed = block_pack(&c, copy.data, 3000, 5, &err);
    ck_assert_ptr_nonnull(bare);
    ck_assert_ptr_nonnull(framed);
    spool *sp = spool_wrap(tmpfile());
    ck_assert_int_eq(spool_write(sp, bare, &c, &scratch, &err), 0);
    ck_assert_int_eq(spool_write(sp, framed, &c, &scratch, &err), 0);
    ck_assert_int_eq(spool_finish(sp), 0);
    block *b;
    ck_assert_int_eq(spool_read(sp, &b, &err), 1);
    ck_assert(b->bare && b->seq == 0 && b->nrec == 2 && b->len == 5000 && b->nindex == 3);
    ck_assert_mem_eq(b->data, copy.data, 5000);
    ck_assert_mem_eq(b->index, spans, sizeof spans);
    block_unref(b);
    ck_assert_int_eq(spool_read(sp, &b, &err), 1);
    ck_assert(b->bare && b->seq == 1 && b->nrec == 5 && b->len == 3000 && b->index == NULL);
    ck_assert_mem_eq(b->data, copy.data, 3000);
    block_unref(b);
    ck_assert_int_eq(spool_read(sp, &b, &err), 0);

    /* A spool cut short (which a failed write would have reported first) is no end. */
    rewind(sp->file);
    long whole = 12 + 5000 + 12 + 12 + 3000;
    ck_assert_int_eq(ftruncate(fileno(sp->file), whole - 100), 0);
    sp->read = 0;
    ck_assert_int_eq(spool_read(sp, &b, &err), 1);
    block_unref(b);
    ck_assert_int_eq(spool_read(sp, &b, &err), -1);
    ck_assert_ptr_nonnull(strstr(buf_cstr(&err), "cut short in block 1 of 2"));
    spool_free(sp);
    block_unref(bare);
    block_unref(framed);
    block_codec_free(&c);
    quarry_buf_free(&copy);
    quarry_buf_free(&scratch);
    quarry_buf_free(&err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("block");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_round_trip_levels);
    tcase_add_test(tc, test_corruption_detected);
    tcase_add_test(tc, test_stream_end_and_truncation);
    tcase_add_test(tc, test_concatenated_streams);
    tcase_add_test(tc, test_records_read_back);
    tcase_add_test(tc, test_spool_round_trip);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
