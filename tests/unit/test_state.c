/* test_state.c: unit tests of the state folder's parts: fingerprints, the per-document cache
 * (round trip, other fingerprints, a damaged block), the record of the last run, and the sweep
 * of temporary files left by dead runs. */
#include "buf.h"
#include "doccache.h"
#include "record.h"
#include "runmemo.h"
#include "state.h"

#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(test_fingerprint_hex_and_salt)
{
    fingerprint salt_a = {1, 2}, salt_b = {1, 3}, back;
    fingerprint a = fingerprint_bytes(&salt_a, "text", 4);
    fingerprint a2 = fingerprint_bytes(&salt_a, "text", 4);
    fingerprint b = fingerprint_bytes(&salt_b, "text", 4);
    fingerprint c = fingerprint_bytes(&salt_a, "texT", 4);
    ck_assert(fingerprint_equal(&a, &a2));
    ck_assert(!fingerprint_equal(&a, &b));
    ck_assert(!fingerprint_equal(&a, &c));
    char hex[FINGERPRINT_HEX_LEN + 1];
    fingerprint_hex(&a, hex);
    ck_assert_uint_eq(strlen(hex), 32);
    ck_assert_int_eq(fingerprint_parse(hex, &back), 0);
    ck_assert(fingerprint_equal(&a, &back));
    ck_assert_int_eq(fingerprint_parse("0123", &back), -1);
    ck_assert_int_eq(fingerprint_parse("0123456789abcdefXX23456789abcdef", &back), -1);
    /* Mixing is ordered. */
    fingerprint ab = a, ba = b;
    fingerprint_mix(&ab, &b);
    fingerprint_mix(&ba, &a);
    ck_assert(!fingerprint_equal(&ab, &ba));
}
END_TEST

/* Packs a record {"id": ID, "text": TEXT} into OUT (replacing it). */
static void pack_doc(quarry_buf *out, const char *id, const char *text)
{
    quarry_record *rec = quarry_record_new();
    quarry_set_string(rec, "id", id, strlen(id));
    quarry_set_string(rec, "text", text, strlen(text));
    msgpack_packer pk;
    out->len = 0;
    record_packer_init(&pk, out);
    record_pack(rec, &pk);
    quarry_record_free(rec);
}

/* Document I as the stage's input (packed into IN), and its key in cache C. */
static fingerprint input_key(const doccache *c, quarry_buf *in, int i)
{
    char id[16], text[64];
    snprintf(id, sizeof id, "d%d", i);
    snprintf(text, sizeof text, "input %d", i);
    pack_doc(in, id, text);
    return doccache_key(c, in->data, in->len);
}

/* What the stage made of document I: the text "OUTPUT I". */
static void output_text(char *text, size_t cap, int i)
{
    snprintf(text, cap, "OUTPUT %d", i);
}

/* Writes a cache of N documents, BLOCK entries a block, under FP in DIR. */
static void write_cache(const char *dir, const fingerprint *fp, int n, int per_block)
{
    quarry_buf err = {0}, in = {0}, out = {0}, entries = {0};
    doccache *c = doccache_open(dir, "stage", fp, 1, 1, &err);
    ck_assert_ptr_nonnull(c);
    block_codec codec;
    block_codec_init(&codec, 1);
    uint32_t nrec = 0;
    for (int i = 0; i < n; i++) {
        char id[16], text[64];
        fingerprint key = input_key(c, &in, i);
        snprintf(id, sizeof id, "d%d", i);
        output_text(text, sizeof text, i);
        pack_doc(&out, id, text);
        doccache_entry(&entries, &key, out.data, out.len);
        if (++nrec == (uint32_t)per_block || i == n - 1) {
            block *b = block_pack(&codec, entries.data, entries.len, nrec, &err);
            ck_assert_int_eq(doccache_write(c, b, &err), 0);
            block_unref(b);
            entries.len = 0;
            nrec = 0;
        }
    }
    ck_assert_int_eq(doccache_commit(c, &err), 0);
    doccache_free(c);
    block_codec_free(&codec);
    quarry_buf_free(&err);
    quarry_buf_free(&in);
    quarry_buf_free(&out);
    quarry_buf_free(&entries);
}

/* How many of documents 0..N-1 the cache under FP in DIR holds, each checked. */
static int count_found(const char *dir, const fingerprint *fp, int n)
{
    quarry_buf err = {0}, in = {0};
    doccache *c = doccache_open(dir, "stage", fp, 1, 1, &err);
    ck_assert_ptr_nonnull(c);
    doccache_reader rd;
    doccache_reader_init(&rd);
    quarry_record *rec = quarry_record_new();
    int found = 0;
    for (int i = 0; i < n; i++) {
        char text[64];
        fingerprint key = input_key(c, &in, i);
        const char *entry;
        size_t len, off = 0;
        if (doccache_find(c, &rd, &key, &entry, &len) != 1)
            continue;
        ck_assert_int_eq(record_next(rec, entry, len, &off), 1);
        ck_assert_uint_eq(off, len);
        size_t tlen;
        const char *t = quarry_get_string(rec, "text", &tlen);
        output_text(text, sizeof text, i);
        ck_assert_uint_eq(tlen, strlen(text));
        ck_assert_mem_eq(t, text, tlen);
        ck_assert_ptr_nonnull(quarry_get_string(rec, "_key", &tlen));
        ck_assert_uint_eq(tlen, 32);
        found++;
    }
    quarry_record_free(rec);
    doccache_reader_free(&rd);
    doccache_free(c); /* not committed: its new file is removed, the old one stays */
    quarry_buf_free(&err);
    quarry_buf_free(&in);
    return found;
}

START_TEST(test_doccache_round_trip)
{
    char *dir = testutil_tempdir();
    fingerprint fp = {7, 9}, other = {7, 10};
    write_cache(dir, &fp, 50, 8);
    ck_assert_int_eq(count_found(dir, &fp, 50), 50);
    /* Looked up in any order, and twice. */
    ck_assert_int_eq(count_found(dir, &fp, 50), 50);
    /* Another fingerprint (a changed parameter) has no cache yet. */
    ck_assert_int_eq(count_found(dir, &other, 50), 0);
    testutil_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(test_doccache_damaged_block)
{
    char *dir = testutil_tempdir();
    fingerprint fp = {3, 4};
    write_cache(dir, &fp, 40, 10); /* four blocks */
    quarry_buf path = {0}, name = {0};
    doccache_name(&name, "stage", &fp);
    buf_printf(&path, "%s/%s", dir, buf_cstr(&name));
    struct stat sb;
    ck_assert_int_eq(stat(buf_cstr(&path), &sb), 0);
    /* One byte of the first block's deflate data. */
    FILE *f = fopen(buf_cstr(&path), "r+b");
    ck_assert_ptr_nonnull(f);
    fseek(f, BLOCK_HEADER_SIZE + 20, SEEK_SET);
    int ch = fgetc(f);
    fseek(f, BLOCK_HEADER_SIZE + 20, SEEK_SET);
    fputc(ch ^ 0x55, f);
    fclose(f);
    ck_assert_int_eq(count_found(dir, &fp, 40), 30);
    /* Cut short in the middle: what came before still serves. */
    ck_assert_int_eq(truncate(buf_cstr(&path), sb.st_size / 2), 0);
    int left = count_found(dir, &fp, 40);
    ck_assert_int_ge(left, 0);
    ck_assert_int_lt(left, 30);
    quarry_buf_free(&path);
    quarry_buf_free(&name);
    testutil_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(test_runmemo_round_trip)
{
    char *dir = testutil_tempdir();
    testutil_write(dir, "a.jsonl", "{}\n", 3, 0);
    testutil_write(dir, "with space.tsv", "x\n", 2, 0);
    runmemo m = {0}, back;
    m.pipeline = (fingerprint){1, 2};
    m.input = (fingerprint){3, 4};
    snprintf(m.finished, sizeof m.finished, "2026-11-30T02:15:00+0000");
    m.read = 10, m.out = 12, m.created = 2, m.rejected = 1;
    runmemo_add_cache(&m, "clean-00.qz");
    quarry_buf p1 = {0}, p2 = {0}, err = {0};
    buf_printf(&p1, "%s/a.jsonl", dir);
    buf_printf(&p2, "%s/with space.tsv", dir);
    ck_assert_int_eq(runmemo_add_output(&m, buf_cstr(&p1)), 0);
    ck_assert_int_eq(runmemo_add_output(&m, buf_cstr(&p2)), 0);
    ck_assert_int_eq(runmemo_add_output(&m, "/nonexistent/x"), -1);
    ck_assert_int_eq(runmemo_save(dir, &m, &err), 0);
    ck_assert_int_eq(runmemo_load(dir, &back), 0);
    /* The record ends with a line "end": cut short at a line's end (an output's line lost, which
     * would let a run keep outputs that are gone), or with a line after it, it is damaged. */
    size_t len;
    char *whole = testutil_read(dir, RUNMEMO_FILE, &len);
    ck_assert(len > 4 && !strcmp(whole + len - 4, "end\n"));
    char *last_output = whole + len - 5;
    while (last_output > whole && last_output[-1] != '\n')
        last_output--;
    testutil_write(dir, RUNMEMO_FILE, whole, (size_t)(last_output - whole), 0);
    runmemo cut;
    ck_assert_int_eq(runmemo_load(dir, &cut), RUNMEMO_DAMAGED);
    testutil_write(dir, RUNMEMO_FILE, whole, len - 4, 0);
    ck_assert_int_eq(runmemo_load(dir, &cut), RUNMEMO_DAMAGED);
    quarry_buf after = {0};
    quarry_buf_append(&after, whole, len);
    buf_printf(&after, "cache x.qz\n");
    testutil_write(dir, RUNMEMO_FILE, after.data, after.len, 0);
    ck_assert_int_eq(runmemo_load(dir, &cut), RUNMEMO_DAMAGED);
    quarry_buf_free(&after);
    free(whole);
    ck_assert(fingerprint_equal(&back.pipeline, &m.pipeline));
    ck_assert(fingerprint_equal(&back.input, &m.input));
    ck_assert_str_eq(back.finished, m.finished);
    ck_assert_uint_eq(back.read, 10);
    ck_assert_uint_eq(back.rejected, 1);
    ck_assert_uint_eq(back.ncaches, 1);
    ck_assert_str_eq(back.caches[0], "clean-00.qz");
    ck_assert_uint_eq(back.noutputs, 2);
    ck_assert_str_eq(back.outputs[1].path, buf_cstr(&p2));
    ck_assert(runmemo_outputs_intact(&back));
    /* An output rewritten (another size), or gone: no longer intact. */
    testutil_write(dir, "a.jsonl", "{}\n{}\n", 6, 0);
    ck_assert(!runmemo_outputs_intact(&back));
    unlink(buf_cstr(&p1));
    ck_assert(!runmemo_outputs_intact(&back));
    runmemo_free(&back);
    runmemo_free(&m);
    /* A damaged record is no record, but told apart from none; an older quarry's (state 1, before
     * the end line) is none. */
    testutil_write(dir, RUNMEMO_FILE, "# quarry state 2: the last run that finished\npipeline zz\n", 56, 0);
    ck_assert_int_eq(runmemo_load(dir, &back), RUNMEMO_DAMAGED);
    testutil_write(dir, RUNMEMO_FILE, "# quarry state 1: the last run that finished\npipeline zz\n", 56, 0);
    ck_assert_int_eq(runmemo_load(dir, &back), -1);
    testutil_write(dir, RUNMEMO_FILE, "something else\n", 15, 0);
    ck_assert_int_eq(runmemo_load(dir, &back), RUNMEMO_DAMAGED);
    quarry_buf none = {0};
    buf_printf(&none, "%s/%s", dir, RUNMEMO_FILE);
    unlink(buf_cstr(&none));
    quarry_buf_free(&none);
    ck_assert_int_eq(runmemo_load(dir, &back), -1);
    quarry_buf_free(&p1);
    quarry_buf_free(&p2);
    quarry_buf_free(&err);
    testutil_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(test_sweep_and_lock)
{
    char *dir = testutil_tempdir();
    char mine[64];
    snprintf(mine, sizeof mine, ".b.jsonl.tmp-%ld", (long)getpid());
    testutil_write(dir, ".a.jsonl.tmp-999999999", "x", 1, 0); /* no such process */
    testutil_write(dir, mine, "x", 1, 0);                      /* a live run's */
    testutil_write(dir, "kept.jsonl", "x", 1, 0);
    testutil_write(dir, ".hidden", "x", 1, 0);
    ck_assert_uint_eq(state_sweep_temps(dir), 1);
    size_t len;
    char *left = testutil_read(dir, mine, &len);
    ck_assert_ptr_nonnull(left);
    free(left);
    left = testutil_read(dir, "kept.jsonl", &len);
    ck_assert_ptr_nonnull(left);
    free(left);
    ck_assert_ptr_null(testutil_read(dir, ".a.jsonl.tmp-999999999", &len));
    /* The lock: held while taken, free after. */
    char holder[256];
    quarry_buf err = {0};
    int status = 0;
    ck_assert_int_eq(state_lock_held(dir, holder, sizeof holder), 0);
    state_lock *l = state_lock_take(dir, &err, &status);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(state_lock_held(dir, holder, sizeof holder), 1);
    ck_assert_ptr_nonnull(strstr(holder, "pid "));
    state_lock_release(l);
    ck_assert_int_eq(state_lock_held(dir, holder, sizeof holder), 0);
    quarry_buf_free(&err);
    testutil_rmtree(dir);
    free(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("state");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_fingerprint_hex_and_salt);
    tcase_add_test(tc, test_doccache_round_trip);
    tcase_add_test(tc, test_doccache_damaged_block);
    tcase_add_test(tc, test_runmemo_round_trip);
    tcase_add_test(tc, test_sweep_and_lock);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
