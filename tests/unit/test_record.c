/* test_record.c: unit tests of records: setters, getters, lists, msgpack round trips, JSON, and
 * doubles as the shortest text that reads back as them (dtoa). */
#include "record.h"
#include "record_scan.h"
#include "buf.h"
#include "dtoa.h"

#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *to_json(const quarry_record *rec)
{
    quarry_buf b = {0};
    quarry_record_to_json(rec, &b);
    return buf_steal(&b);
}

START_TEST(test_set_get_replace)
{
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "id", "a1", 2);
    quarry_set_int(r, "n", -42);
    quarry_set_float(r, "x", 0.25);
    quarry_set_bool(r, "ok", 1);
    ck_assert_uint_eq(quarry_field_count(r), 4);
    size_t len;
    ck_assert_str_eq(quarry_get_string(r, "id", &len), "a1");
    ck_assert_uint_eq(len, 2);
    ck_assert_int_eq(quarry_value_int(quarry_get(r, "n")), -42);
    ck_assert_double_eq(quarry_value_float(quarry_get(r, "x")), 0.25);
    ck_assert_int_eq(quarry_value_type(quarry_get(r, "ok")), QUARRY_BOOL);
    ck_assert_ptr_null(quarry_get(r, "missing"));
    /* No string, no length: LEN is 0, not what it held before. */
    len = 7;
    ck_assert_ptr_null(quarry_get_string(r, "n", &len));
    ck_assert_uint_eq(len, 0);
    len = 7;
    ck_assert_ptr_null(quarry_get_string(r, "missing", &len));
    ck_assert_uint_eq(len, 0);
    len = 7;
    ck_assert_ptr_null(quarry_field_name(r, 4, &len));
    ck_assert_uint_eq(len, 0);
    len = 7;
    ck_assert_ptr_null(quarry_value_key(quarry_get(r, "id"), 0, &len));
    ck_assert_uint_eq(len, 0);
    /* Replacing keeps the position; a value may be set from the field itself. */
    const char *id = quarry_get_string(r, "id", &len);
    quarry_set_string(r, "id", id, 1);
    ck_assert_uint_eq(quarry_field_count(r), 4);
    ck_assert_str_eq(quarry_field_name(r, 0, &len), "id");
    char *json = to_json(r);
    ck_assert_str_eq(json, "{\"id\":\"a\",\"n\":-42,\"x\":0.25,\"ok\":true}");
    free(json);
    ck_assert_int_eq(quarry_remove(r, "n"), 1);
    ck_assert_int_eq(quarry_remove(r, "n"), 0);
    json = to_json(r);
    ck_assert_str_eq(json, "{\"id\":\"a\",\"x\":0.25,\"ok\":true}");
    free(json);
    quarry_record_free(r);
}
END_TEST

START_TEST(test_lists_and_pairs)
{
    quarry_record *r = quarry_record_new();
    quarry_list *l = quarry_set_list(r, "tokens");
    for (int i = 0; i < 1000; i++) /* enough to move the list's storage many times */
        quarry_list_add_string(l, "w", 1);
    quarry_set_int(r, "after", 1); /* a new field after the list was started */
    quarry_list_add_string(l, "end", 3);
    const quarry_value *v = quarry_get(r, "tokens");
    ck_assert_uint_eq(quarry_value_size(v), 1001);
    size_t len;
    const char *end = quarry_value_string(quarry_value_at(v, 1000), &len); /* not NUL-terminated */
    ck_assert_uint_eq(len, 3);
    ck_assert_mem_eq(end, "end", 3);
    quarry_list *p = quarry_set_list(r, "kw");
    quarry_list_add_pair(p, "cyber security", 14, 1.5);
    quarry_list_add_int(quarry_set_list(r, "ints"), 7);
    quarry_list_add_float(quarry_set_list(r, "fl"), 0.5);
    char *json = to_json(r);
    ck_assert_ptr_nonnull(strstr(json, "\"kw\":[[\"cyber security\",1.5]],\"ints\":[7],\"fl\":[0.5]"));
    free(json);
    quarry_record_free(r);
}
END_TEST

START_TEST(test_pack_load_round_trip)
{
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "id", "x", 1);
    quarry_set_string(r, "text", "caf\xc3\xa9 \x00 nul", 10);
    quarry_list_add_pair(quarry_set_list(r, "kw"), "t", 1, 2.0);
    quarry_buf out = {0};
    msgpack_packer pk;
    record_packer_init(&pk, &out);
    record_pack(r, &pk);
    record_pack(r, &pk);
    msgpack_unpacked up;
    msgpack_unpacked_init(&up);
    size_t off = 0;
    quarry_record *back = quarry_record_new();
    quarry_record *copy = quarry_record_new();
    int n = 0;
    while (msgpack_unpack_next(&up, out.data, out.len, &off) == MSGPACK_UNPACK_SUCCESS) {
        ck_assert_int_eq(record_load(back, &up.data), 0);
        size_t len;
        const char *t = quarry_get_string(back, "text", &len);
        ck_assert_uint_eq(len, 10);
        ck_assert_mem_eq(t, "caf\xc3\xa9 \x00 nul", 10);
        const quarry_value *kw = quarry_value_at(quarry_get(back, "kw"), 0);
        ck_assert_double_eq(quarry_value_float(quarry_value_at(kw, 1)), 2.0);
        /* A copy made with quarry_set_value outlives the buffer (and the next unpack, which
         * frees what this one decoded). */
        quarry_set_value(copy, "kw", quarry_get(back, "kw"));
        n++;
    }
    ck_assert_int_eq(n, 2);
    msgpack_unpacked_destroy(&up);
    quarry_buf_free(&out);
    quarry_record_free(back);
    char *json = to_json(copy);
    ck_assert_str_eq(json, "{\"kw\":[[\"t\",2]]}");
    free(json);
    quarry_record_free(copy);
    quarry_record_free(r);
}
END_TEST

START_TEST(test_json_escapes_and_bad_utf8)
{
    quarry_record *r = quarry_record_new();
    static const char text[] = "q\"b\\\n\t\x01 \xe2\x80\x99 \xff\xc3( \xed\xa0\x80";
    quarry_set_string(r, "s", text, sizeof text - 1);
    quarry_set_float(r, "f", 0.1);
    quarry_set_float(r, "nan", 0.0 / 0.0);
    quarry_set_float(r, "third", 1.0 / 3.0);
    char *json = to_json(r);
    ck_assert_str_eq(json, "{\"s\":\"q\\\"b\\\\\\n\\t\\u0001 \xe2\x80\x99 \xef\xbf\xbd\xef\xbf\xbd( "
                           "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\",\"f\":0.1,\"nan\":null,"
                           "\"third\":0.3333333333333333}");
    free(json);
    quarry_record_free(r);
    /* What another writer of a stream may put in a record and quarry never does: a map with
     * keys that are no strings (written as their JSON text, quoted, as JSON keys must be) and
     * raw bytes (bin, written as a string), and an ext value (null: JSON has nothing for it). */
    static const char packed[] = "\x83"
                                 "\xa1m\x83\x01\xa1" "a" "\xc3\xa1" "b" "\xa1k\xc2"
                                 "\xa1" "b\xc4\x02xy"
                                 "\xa1" "e\xd4\x05\x01";
    r = quarry_record_new();
    size_t off = 0;
    ck_assert_int_eq(record_next(r, packed, sizeof packed - 1, &off), 1);
    json = to_json(r);
    ck_assert_str_eq(json, "{\"m\":{\"1\":\"a\",\"true\":\"b\",\"k\":false},\"b\":\"xy\",\"e\":null}");
    free(json);
    quarry_record_free(r);
}
END_TEST

START_TEST(test_from_json)
{
    quarry_record *r = quarry_record_new();
    quarry_buf err = {0};
    const char *line = "{\"id\": 7, \"text\": \"bad \xff" " byte\", \"t\": [\"a\", 1, 2.5, true, null],"
                       " \"m\": {\"k\": \"v\"}, \"big\": 18446744073709551615}";
    ck_assert_int_eq(quarry_record_from_json(r, line, strlen(line), &err), 0);
    size_t len;
    const char *t = quarry_get_string(r, "text", &len);
    ck_assert_mem_eq(t, "bad \xff" " byte", 10); /* invalid UTF-8 kept, not dropped */
    ck_assert_int_eq(quarry_value_int(quarry_get(r, "id")), 7);
    ck_assert_uint_eq(quarry_value_size(quarry_get(r, "t")), 5);
    ck_assert_int_eq(quarry_value_type(quarry_get(r, "m")), QUARRY_MAP);
    ck_assert_mem_eq(quarry_value_key(quarry_get(r, "m"), 0, &len), "k", 1);
    ck_assert_uint_eq(len, 1);
    char *json = to_json(r);
    ck_assert_ptr_nonnull(strstr(json, "\"big\":18446744073709551615"));
    free(json);
    /* A repeated key keeps its last value, once; a line of many fields keeps them all, in order. */
    const char *twice = "{\"id\": \"d\", \"text\": \"a\", \"id\": \"e\"}";
    ck_assert_int_eq(quarry_record_from_json(r, twice, strlen(twice), &err), 0);
    json = to_json(r);
    ck_assert_str_eq(json, "{\"id\":\"e\",\"text\":\"a\"}");
    free(json);
    quarry_buf wide = {0};
    quarry_buf_append(&wide, "{\"id\": \"w\"", 10);
    for (int i = 0; i < 5000; i++) {
        char field[32];
        int n = snprintf(field, sizeof field, ", \"f%d\": %d", i, i);
        quarry_buf_append(&wide, field, (size_t)n);
    }
    quarry_buf_append(&wide, "}", 1);
    ck_assert_int_eq(quarry_record_from_json(r, wide.data, wide.len, &err), 0);
    ck_assert_int_eq(quarry_value_int(quarry_get(r, "f4999")), 4999);
    ck_assert_int_eq(quarry_value_int(quarry_get(r, "f0")), 0);
    quarry_buf_free(&wide);
    static const char *const bad[] = {"{\"a\": }", "[1, 2]", "{\"a\": 1} x", "{\"a\": \"unterminated", "", "nul"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err.len = 0;
        ck_assert_int_eq(quarry_record_from_json(r, bad[i], strlen(bad[i]), &err), -1);
        ck_assert_uint_gt(err.len, 0);
    }
    quarry_buf_free(&err);
    quarry_record_free(r);
}
END_TEST

/* Packs REC into OUT (appending). */
static void pack_into(const quarry_record *rec, quarry_buf *out)
{
    msgpack_packer pk;
    record_packer_init(&pk, out);
    record_pack(rec, &pk);
}

START_TEST(test_lazy_load_and_raw_passthrough)
{
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "id", "d1", 2);
    quarry_list *t = quarry_set_list(r, "tokens");
    const char *long_word = "internationalisation-of-cyber-security-agreements"; /* > 31 bytes */
    quarry_list_add_string(t, "the", 3);
    quarry_list_add_string(t, long_word, strlen(long_word));
    quarry_list_add_int(t, 7);
    quarry_list_add_int(t, -300);
    quarry_list_add_float(t, 0.5);
    quarry_list_add_pair(quarry_set_list(r, "kw"), "5g", 2, 1.5);
    quarry_buf first = {0};
    pack_into(r, &first);
    pack_into(r, &first);

    /* Two records come back from the bytes, and unread fields are packed again byte for byte. */
    quarry_record *back = quarry_record_new();
    quarry_buf again = {0};
    size_t off = 0;
    int n = 0, got;
    while ((got = record_next(back, first.data, first.len, &off)) > 0) {
        n++;
        pack_into(back, &again);
    }
    ck_assert_int_eq(got, 0);
    ck_assert_int_eq(n, 2);
    ck_assert_uint_eq(again.len, first.len);
    ck_assert_mem_eq(again.data, first.data, first.len);

    /* Reading a field decodes it; adding one keeps the rest as they were. */
    off = 0;
    ck_assert_int_eq(record_next(back, first.data, first.len, &off), 1);
    quarry_strings toks = {0};
    ck_assert_int_eq(quarry_get_strings(back, "tokens", &toks), 0);
    ck_assert_uint_eq(toks.n, 5);
    ck_assert_mem_eq(toks.str[0], "the", 3);
    ck_assert_uint_eq(toks.len[1], strlen(long_word));
    ck_assert_mem_eq(toks.str[1], long_word, toks.len[1]);
    ck_assert_ptr_null(toks.str[2]); /* not strings */
    ck_assert_ptr_null(toks.str[4]);
    ck_assert_int_eq(quarry_get_strings(back, "id", &toks), -1); /* not a list */
    ck_assert_uint_eq(toks.n, 0);
    ck_assert_int_eq(quarry_get_strings(back, "missing", &toks), -1);
    ck_assert_int_eq(quarry_value_int(quarry_value_at(quarry_get(back, "tokens"), 3)), -300);
    quarry_list_add_string(quarry_set_list(back, "stems"), "the", 3);
    char *json = to_json(back);
    ck_assert_str_eq(json, "{\"id\":\"d1\",\"tokens\":[\"the\",\"internationalisation-of-cyber-security-"
                           "agreements\",7,-300,0.5],\"kw\":[[\"5g\",1.5]],\"stems\":[\"the\"]}");
    free(json);
    quarry_strings_free(&toks);
    quarry_buf_free(&first);
    quarry_buf_free(&again);
    quarry_record_free(back);
    quarry_record_free(r);
}
END_TEST

START_TEST(test_list_read_while_built)
{
    quarry_record *r = quarry_record_new();
    quarry_list *l = quarry_set_list(r, "n");
    quarry_list_add_int(l, 1);
    ck_assert_uint_eq(quarry_value_size(quarry_get(r, "n")), 1);
    quarry_list_add_int(l, 2); /* after a read: the next read sees it */
    quarry_strings s = {0};
    ck_assert_int_eq(quarry_get_strings(r, "n", &s), 0);
    ck_assert_uint_eq(s.n, 2);
    ck_assert_int_eq(quarry_value_int(quarry_value_at(quarry_get(r, "n"), 1)), 2);
    quarry_strings_free(&s);
    /* Cleared records reuse their lists' memory, and start empty. */
    quarry_record_clear(r);
    quarry_list_add_string(quarry_set_list(r, "m"), "x", 1);
    char *json = to_json(r);
    ck_assert_str_eq(json, "{\"m\":[\"x\"]}");
    free(json);
    quarry_record_free(r);
}
END_TEST

/* quarry_get_ints reads every kind of number msgpack has, from packed bytes and from values. */
START_TEST(test_get_ints)
{
    static const char json[] = "{\"id\":\"d\",\"v\":[0,127,-1,-32,-33,200,70000,5000000000,-100,-40000,"
                               "-5000000000,true,false,null,1.9,-2.5,\"x\",[1],1e300,-1e300]}";
    static const int64_t want[] = {0, 127, -1, -32, -33, 200, 70000, 5000000000, -100, -40000,
                                   -5000000000, 1, 0, 0, 1, -2, 0, 0, INT64_MAX, INT64_MIN};
    enum { WANT = sizeof want / sizeof *want };
    quarry_record *r = quarry_record_new();
    quarry_buf err = {0}, packed = {0};
    ck_assert_msg(quarry_record_from_json(r, json, sizeof json - 1, &err) == 0, "%s", buf_cstr(&err));
    pack_into(r, &packed);
    quarry_record *back = quarry_record_new();
    size_t off = 0;
    ck_assert_int_eq(record_next(back, packed.data, packed.len, &off), 1);
    quarry_ints v = {0};
    const quarry_record *from[] = {r, back}; /* values, then packed bytes (the field unread) */
    for (int k = 0; k < 2; k++) {
        ck_assert_int_eq(quarry_get_ints(from[k], "v", &v), 0);
        ck_assert_uint_eq(v.n, WANT);
        for (size_t i = 0; i < WANT; i++)
            ck_assert_msg(v.v[i] == want[i], "%s: item %zu is %lld, not %lld", k ? "packed" : "values", i,
                          (long long)v.v[i], (long long)want[i]);
        ck_assert_int_eq(quarry_get_ints(from[k], "id", &v), -1); /* not a list */
        ck_assert_uint_eq(v.n, 0);
        ck_assert_int_eq(quarry_get_ints(from[k], "missing", &v), -1);
    }
    /* 32-bit floats and the largest unsigned number, which JSON does not give. */
    off = 0;
    static const char floats[] = "\x81\xa1v\x93\xca\x3f\xc0\x00\x00\xca\xc0\x20\x00\x00"
                                 "\xcf\xff\xff\xff\xff\xff\xff\xff\xff";
    ck_assert_int_eq(record_next(back, floats, sizeof floats - 1, &off), 1);
    ck_assert_int_eq(quarry_get_ints(back, "v", &v), 0);
    ck_assert_uint_eq(v.n, 3);
    ck_assert(v.v[0] == 1 && v.v[1] == -2 && v.v[2] == INT64_MAX);
    quarry_ints_free(&v);
    quarry_buf_free(&err);
    quarry_buf_free(&packed);
    quarry_record_free(back);
    quarry_record_free(r);
}
END_TEST

START_TEST(test_scan_refuses_bad_bytes)
{
    size_t off = 0;
    /* A string cut short, an array claiming more items than bytes, the unused type 0xc1. */
    ck_assert_int_eq(record_scan_skip("\xa5" "abc", 4, &off), -1);
    off = 0;
    ck_assert_int_eq(record_scan_skip("\xdd\xff\xff\xff\xff\x01", 6, &off), -1);
    off = 0;
    ck_assert_int_eq(record_scan_skip("\xc1", 1, &off), -1);
    /* Every type another writer of a stream may use (quarry writes no ext, no map16 value):
     * skipped whole, to the byte, and refused one byte short. */
    static const struct {
        const char *bytes;
        size_t len;
    } objects[] = {
        {"\xc7\x02\x05" "ab", 5},            /* ext8: 2 bytes of type 5 */
        {"\xc8\x00\x01\x05" "a", 5},         /* ext16 */
        {"\xc9\x00\x00\x00\x01\x05" "a", 7}, /* ext32 */
        {"\xd4\x05" "a", 3},                 /* fixext 1 */
        {"\xd5\x05" "ab", 4},                /* fixext 2 */
        {"\xd6\x05" "abcd", 6},              /* fixext 4 */
        {"\xd7\x05" "abcdefgh", 10},         /* fixext 8 */
        {"\xd8\x05" "abcdefghijklmnop", 18}, /* fixext 16 */
        {"\xde\x00\x01\xa1k\x01", 6},        /* map16 of one pair */
        {"\xdd\x00\x00\x00\x01\xc0", 6},     /* array32 of a nil */
        {"\xd9\x01" "a", 3},                 /* str8 */
        {"\xc4\x01" "a", 3},                 /* bin8 */
        {"\xcb" "12345678", 9},              /* float64 */
    };
    for (size_t i = 0; i < sizeof objects / sizeof *objects; i++) {
        off = 0;
        ck_assert_msg(record_scan_skip(objects[i].bytes, objects[i].len, &off) == 0 && off == objects[i].len,
                      "object %zu: off %zu", i, off);
        off = 0;
        ck_assert_msg(record_scan_skip(objects[i].bytes, objects[i].len - 1, &off) == -1, "object %zu cut", i);
    }
    /* Nesting deeper than msgpack-c decodes is refused here, not left to fail a decode. */
    char deep[64];
    memset(deep, 0x91, sizeof deep); /* 63 arrays of one item each... */
    deep[63] = 0x01;                 /* ...around an int */
    off = 0;
    ck_assert_int_eq(record_scan_skip(deep, sizeof deep, &off), -1);
    off = 0;
    ck_assert_int_eq(record_scan_skip(deep + 40, sizeof deep - 40, &off), 0); /* 23 deep */
    ck_assert_uint_eq(off, sizeof deep - 40);
    /* Block payloads that are not records. */
    quarry_record *r = quarry_record_new();
    off = 0;
    ck_assert_int_eq(record_next(r, "\x92\x01\x02", 3, &off), -1);
    off = 0;
    ck_assert_int_eq(record_next(r, "\x81\xa1k\xa5" "ab", 6, &off), -1); /* value cut short */
    /* A record claiming 2^32 - 1 fields in three bytes is refused before anything is sized by
     * its count: a damaged saved stream asked for 300 GB here. */
    off = 0;
    ck_assert_int_eq(record_next(r, "\xdf\xff\xff\xff\xff\xa1k\x01", 8, &off), -1);
    quarry_record_free(r);
    /* Headers alone: more items than bytes left are refused, an exact fit is not. */
    uint32_t n = 7;
    off = 0;
    ck_assert_int_eq(record_scan_array("\x93\x01\x02", 3, &off, &n), -1);
    ck_assert_uint_eq(n, 7);
    off = 0;
    ck_assert_int_eq(record_scan_array("\x92\x01\x02", 3, &off, &n), 0);
    ck_assert_uint_eq(n, 2);
    off = 0;
    ck_assert_int_eq(record_scan_map("\x82\xa1k\x01", 4, &off, &n), -1); /* a key and a value each */
    off = 0;
    ck_assert_int_eq(record_scan_map("\x81\xa1k\x01", 4, &off, &n), 0);
    ck_assert_uint_eq(n, 1);
}
END_TEST

START_TEST(test_json_numbers)
{
    /* Whole numbers take a fast path that must print what %.15g prints. */
    quarry_record *r = quarry_record_new();
    const double d[] = {-0.0, 0.0, 2.0, -5.0, 123456789012345.0, 1e15, 0.1, 1.5e300};
    quarry_list *l = quarry_set_list(r, "d");
    for (size_t i = 0; i < sizeof d / sizeof *d; i++)
        quarry_list_add_float(l, d[i]);
    quarry_list *n = quarry_set_list(r, "n");
    quarry_list_add_int(n, INT64_MIN);
    quarry_list_add_int(n, INT64_MAX);
    quarry_list_add_int(n, -1);
    quarry_list_add_int(n, 0);
    char *json = to_json(r);
    ck_assert_str_eq(json, "{\"d\":[-0,0,2,-5,123456789012345,1e+15,0.1,1.5e+300],"
                           "\"n\":[-9223372036854775808,9223372036854775807,-1,0]}");
    free(json);
    quarry_record_free(r);
}
END_TEST

/* What dtoa_shortest must write: the shortest of %.15g, %.16g and %.17g that reads back. */
static void shortest_by_printf(double d, char *text, size_t size)
{
    for (int p = 15; p <= 17; p++) {
        snprintf(text, size, "%.*g", p, d);
        if (strtod(text, NULL) == d)
            return;
    }
}

START_TEST(test_doubles_as_printf_writes_them)
{
    /* Every shape of double: any bits, short decimals, scores, ties at the 16th and 17th digit,
     * the edges of each notation, subnormals, the largest. */
    const double edges[] = {-0.0, 1e15, 1e16, 1e17, 1e21, 1e22, 9.9999999999999995e22, 1e-5, 1e-4,
                            0.0001234, 123456789012345678.0, 5e-324, 2.2250738585072014e-308,
                            1.7976931348623157e308, 0.1, 0.3, 1.0 / 3, 2.0 / 3, 9.5, 99.5,
                            999999999999999.9, 9999999999999999.0, 0.5, 123.456, -7.7e-7};
    char want[40], got[DTOA_SIZE];
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
        shortest_by_printf(edges[i], want, sizeof want);
        dtoa_shortest(edges[i], got);
        ck_assert_msg(!strcmp(want, got), "%a: %s, not %s", edges[i], want, got);
    }
    /* Powers of two, where the double below is half as far as the one above, and powers of ten,
     * where the first digit's exponent changes, with their neighbours. */
    for (int e = -60; e <= 60; e++) {
        const double around[] = {ldexp(1.0, e), pow(10, e / 4)};
        for (size_t k = 0; k < 2; k++) {
            const double near[] = {around[k], nextafter(around[k], 0), nextafter(around[k], 1e300)};
            for (size_t j = 0; j < 3; j++) {
                shortest_by_printf(near[j], want, sizeof want);
                dtoa_shortest(near[j], got);
                ck_assert_msg(!strcmp(want, got), "%a: %s, not %s", near[j], want, got);
            }
        }
    }
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < 300000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        char t[48];
        switch (i % 5) {
        case 0:
            memcpy(&d, &x, sizeof d);
            break;
        case 1:
            d = (double)(x % 100000000) / pow(10, (double)((x >> 40) % 12));
            break;
        case 2:
            d = ldexp((double)(x >> 11), (int)(x % 200) - 150);
            break;
        case 3: /* 16 or 17 digits ending in 5 */
            snprintf(t, sizeof t, "%llu.%llu5e%d", (unsigned long long)(x % 1000000000u),
                     (unsigned long long)((x >> 20) % 10000000u), (int)((x >> 50) % 40) - 20);
            d = strtod(t, NULL);
            break;
        default:
            d = 78.70955757946815 * (double)(x % 1000) / 997.0;
            break;
        }
        if (!isfinite(d))
            continue;
        shortest_by_printf(d, want, sizeof want);
        dtoa_shortest(d, got);
        ck_assert_msg(!strcmp(want, got), "%a: %s, not %s", d, want, got);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("record");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_set_get_replace);
    tcase_add_test(tc, test_lists_and_pairs);
    tcase_add_test(tc, test_pack_load_round_trip);
    tcase_add_test(tc, test_json_escapes_and_bad_utf8);
    tcase_add_test(tc, test_from_json);
    tcase_add_test(tc, test_lazy_load_and_raw_passthrough);
    tcase_add_test(tc, test_list_read_while_built);
    tcase_add_test(tc, test_get_ints);
    tcase_add_test(tc, test_scan_refuses_bad_bytes);
    tcase_add_test(tc, test_json_numbers);
    tcase_add_test(tc, test_doubles_as_printf_writes_them);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
