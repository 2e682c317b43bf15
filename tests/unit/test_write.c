/* test_write.c: unit tests of the write stage: JSON Lines, field selection, TSV, tables (TSV,
 * JSON Lines or both), gzip-compressed main files, a run of no document. */
#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void push_docs(quarry_harness *h)
{
    quarry_buf err = {0};
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "id", "d1", 2);
    quarry_set_string(r, "text", "tab\there\nline", 13);
    quarry_set_int(r, "n", 3);
    ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
    quarry_record_clear(r);
    quarry_set_string(r, "_table", "colloc", 6);
    quarry_set_string(r, "ngram", "cyber security", 14);
    quarry_set_float(r, "pmi", 2.5);
    ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
    quarry_record_clear(r);
    quarry_set_string(r, "id", "d2", 2);
    quarry_list_add_string(quarry_set_list(r, "text"), "x", 1);
    ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
    quarry_record_free(r);
    quarry_buf_free(&err);
}

static quarry_harness *run_write(const char *const *kv)
{
    quarry_harness *h = testutil_harness("write", kv, testutil_dir, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    push_docs(h);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    quarry_buf_free(&err);
    return h;
}

START_TEST(test_jsonl_and_tables)
{
    quarry_harness *h = run_write(NULL);
    ck_assert_uint_eq(quarry_harness_output_count(h), 3); /* write passes records on */
    char *docs = testutil_read(testutil_dir, "documents.jsonl", NULL);
    ck_assert_str_eq(docs, "{\"id\":\"d1\",\"text\":\"tab\\there\\nline\",\"n\":3}\n"
                           "{\"id\":\"d2\",\"text\":[\"x\"]}\n");
    char *table = testutil_read(testutil_dir, "colloc.tsv", NULL);
    ck_assert_str_eq(table, "ngram\tpmi\ncyber security\t2.5\n");
    free(docs);
    free(table);
    quarry_harness_free(h);
}
END_TEST

/* A table row's '_table' comes from the data: one that cannot name a file of its own, or names
 * the main file or rejects.jsonl, rejects that row; the run and the other rows go on. */
START_TEST(test_bad_table_names_rejected)
{
    static const char *const both[] = {"table-format", "both", NULL};
    quarry_harness *h = testutil_harness("write", both, testutil_dir, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    const char *names[] = {"", "keyw/rds", ".hidden", "documents", "rejects", "ok"};
    quarry_record *r = quarry_record_new();
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        quarry_record_clear(r);
        quarry_set_string(r, "_table", names[i], strlen(names[i]));
        quarry_set_string(r, "term", "x", 1);
        ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s: %s", names[i], err.data);
    }
    quarry_record_free(r);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    ck_assert_uint_eq(quarry_harness_reject_count(h), 5);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "'_table' (keyw/rds) is no plain file name"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 3), "would write over the run's main file"));
    char *table = testutil_read(testutil_dir, "ok.tsv", NULL);
    ck_assert_str_eq(table, "term\nx\n");
    free(table);
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_fields_and_tsv)
{
    const char *kv[] = {"path", "out.tsv", "fields", "id,text,missing", "tables", "false", NULL};
    quarry_harness *h = run_write(kv);
    char *tsv = testutil_read(testutil_dir, "out.tsv", NULL);
    ck_assert_str_eq(tsv, "id\ttext\tmissing\nd1\ttab\\there\\nline\t\n\t\t\nd2\t[\"x\"]\t\n");
    free(tsv);
    quarry_harness_free(h);
    const char *kv2[] = {"path", "sel.jsonl", "fields", "text,id", NULL};
    h = run_write(kv2);
    char *sel = testutil_read(testutil_dir, "sel.jsonl", NULL);
    ck_assert_str_eq(sel, "{\"text\":\"tab\\there\\nline\",\"id\":\"d1\"}\n{\"text\":[\"x\"],\"id\":\"d2\"}\n");
    free(sel);
    /* The documents' field list does not empty the table: its rows keep their own columns. */
    char *table = testutil_read(testutil_dir, "colloc.tsv", NULL);
    ck_assert_str_eq(table, "ngram\tpmi\ncyber security\t2.5\n");
    free(table);
    quarry_harness_free(h);
    /* NAME? is a field that may be in no document: its column is NAME, as the others are. */
    const char *kv3[] = {"path", "opt.tsv", "fields", "id,missing?,text", "tables", "false", NULL};
    h = run_write(kv3);
    char *opt = testutil_read(testutil_dir, "opt.tsv", NULL);
    ck_assert_str_eq(opt, "id\tmissing\ttext\nd1\t\ttab\\there\\nline\n\t\t\nd2\t\t[\"x\"]\n");
    free(opt);
    quarry_harness_free(h);
    /* A '?' alone names no field. */
    const char *kv4[] = {"fields", "id,?", NULL};
    h = testutil_harness("write", kv4, testutil_dir, NULL, 0);
    quarry_buf err = {0};
    ck_assert_int_ne(quarry_harness_open(h, &err), 0);
    ck_assert_msg(strstr(err.data, "fields: '?' names no field") != NULL, "%s", err.data);
    quarry_buf_free(&err);
    quarry_harness_free(h);
}
END_TEST

/* Writes one document of awkward strings with KV parameters, and returns file NAME's bytes. */
static char *write_awkward(const char *const *kv, const char *name)
{
    quarry_harness *h = testutil_harness("write", kv, testutil_dir, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "id", "a,1", 3);
    quarry_set_string(r, "text", "He said \"hi\",\r\nthen\tleft \\ \xC3\xA9t\xC3\xA9 \xFF\xC3.", 36);
    quarry_set_string(r, "empty", "", 0);
    quarry_set_string(r, "nul", "a\0b", 3);
    quarry_list_add_string(quarry_set_list(r, "list"), "x,y", 3);
    quarry_set_int(r, "n", 7);
    quarry_set_float(r, "nan", NAN);
    quarry_set_bool(r, "yes", 1);
    quarry_record *null = quarry_record_new();
    ck_assert_int_eq(quarry_record_from_json(null, "{\"null\":null}", 13, &err), 0);
    quarry_set_value(r, "null", quarry_get(null, "null"));
    quarry_record_free(null);
    ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
    quarry_record_clear(r);
    quarry_set_string(r, "_table", "t", 1);
    quarry_set_string(r, "term", "a \"b\"", 5);
    ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    quarry_record_free(r);
    quarry_buf_free(&err);
    quarry_harness_free(h);
    return testutil_read(testutil_dir, name, NULL);
}

/* A run of no document: a TSV or CSV file whose columns 'fields' names is its header alone;
 * without 'fields', which would take the first document's, it is empty. */
START_TEST(test_header_without_documents)
{
    const char *const named[] = {"path", "none.csv", "fields", "id,title?", NULL};
    const char *const unnamed[] = {"path", "none.tsv", NULL};
    const char *const *const kvs[] = {named, unnamed};
    const char *const files[] = {"none.csv", "none.tsv"}, *const want[] = {"id,title\r\n", ""};
    for (size_t i = 0; i < 2; i++) {
        quarry_harness *h = testutil_harness("write", kvs[i], testutil_dir, NULL, 0);
        quarry_buf err = {0};
        ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
        ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
        char *text = testutil_read(testutil_dir, files[i], NULL);
        ck_assert_str_eq(text, want[i]);
        free(text);
        quarry_buf_free(&err);
        quarry_harness_free(h);
    }
}
END_TEST

/* CSV as RFC 4180 has it (quotes where needed, doubled inside, CRLF line ends), an empty string
 * quoted where a missing field is not; TSV escaped. Both always valid UTF-8: a byte that is no
 * UTF-8 becomes U+FFFD, as in JSON; NUL is \0 in TSV, and U+FFFD in CSV, which cannot carry it.
 * A null, and a NaN (null in JSON), are no value: an empty cell, as a missing field. */
START_TEST(test_csv_and_awkward_text)
{
    const char *csv[] = {"path", "d.csv", "fields", "id,text,empty,missing,nul,list,n,null,nan,yes", "table-format",
                         "csv", NULL};
    char *got = write_awkward(csv, "d.csv");
    ck_assert_str_eq(got, "id,text,empty,missing,nul,list,n,null,nan,yes\r\n"
                          "\"a,1\",\"He said \"\"hi\"\",\r\nthen\tleft \\ \xC3\xA9t\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD.\",\"\",,"
                          "a\xEF\xBF\xBD" "b,\"[\"\"x,y\"\"]\",7,,,true\r\n");
    free(got);
    got = testutil_read(testutil_dir, "t.csv", NULL);
    ck_assert_str_eq(got, "term\r\n\"a \"\"b\"\"\"\r\n");
    free(got);
    ck_assert_ptr_null(testutil_read(testutil_dir, "t.tsv", NULL));
    const char *tsv[] = {"path", "d.tsv", "fields", "id,text,empty,missing,nul,list,n,null,nan,yes", NULL};
    got = write_awkward(tsv, "d.tsv");
    ck_assert_str_eq(got, "id\ttext\tempty\tmissing\tnul\tlist\tn\tnull\tnan\tyes\n"
                          "a,1\tHe said \"hi\",\\r\\nthen\\tleft \\\\ \xC3\xA9t\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD.\t\t\t"
                          "a\\0b\t[\"x,y\"]\t7\t\t\ttrue\n");
    free(got);
    /* format = csv alone names the file for its format. */
    const char *named[] = {"format", "csv", "fields", "id", NULL};
    got = write_awkward(named, "documents.csv");
    ck_assert_str_eq(got, "id\r\n\"a,1\"\r\n");
    free(got);
}
END_TEST

/* lists = terms: a list in a TSV or CSV cell as its items' text, joined by "; ", a [term, weight]
 * pair by its term, anything else as its JSON; an empty list as an empty string, told from a
 * missing field as CSV tells them. */
START_TEST(test_lists_as_terms)
{
    const char *kv[] = {"path", "d.csv", "lists", "terms", NULL};
    quarry_harness *h = testutil_harness("write", kv, testutil_dir, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "id", "a", 1);
    quarry_list *pairs = quarry_set_list(r, "keywords");
    quarry_list_add_pair(pairs, "cocoa", 5, 61.9);
    quarry_list_add_pair(pairs, "Bahia, Brazil", 13, 47.4);
    quarry_list *mixed = quarry_set_list(r, "mixed");
    quarry_list_add_string(mixed, "World", 5);
    quarry_list_add_int(mixed, 3);
    quarry_set_list(r, "none");
    ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    char *got = testutil_read(testutil_dir, "d.csv", NULL);
    ck_assert_str_eq(got, "id,keywords,mixed,none\r\na,\"cocoa; Bahia, Brazil\",World; 3,\"\"\r\n");
    free(got);
    quarry_record_free(r);
    quarry_buf_free(&err);
    quarry_harness_free(h);
}
END_TEST

/* bom = true: each TSV and CSV file, the main file's and the tables', begins with a byte-order
 * mark, before its header; a JSON Lines file never has one. */
START_TEST(test_byte_order_mark)
{
    const char *csv[] = {"path", "d.csv", "bom", "true", "table-format", "both", NULL};
    quarry_harness *h = run_write(csv);
    char *docs = testutil_read(testutil_dir, "d.csv", NULL);
    char *table = testutil_read(testutil_dir, "colloc.tsv", NULL);
    char *json = testutil_read(testutil_dir, "colloc.jsonl", NULL);
    ck_assert_str_eq(docs, "\xEF\xBB\xBFid,text,n\r\nd1,\"tab\there\nline\",3\r\nd2,\"[\"\"x\"\"]\",\r\n");
    ck_assert_str_eq(table, "\xEF\xBB\xBFngram\tpmi\ncyber security\t2.5\n");
    ck_assert_str_eq(json, "{\"ngram\":\"cyber security\",\"pmi\":2.5}\n");
    free(docs);
    free(table);
    free(json);
    quarry_harness_free(h);
}
END_TEST

/* formula-guard = true: a text cell that a spreadsheet would take for a formula gets a "'"
 * before it, inside a CSV cell's quotes; numbers, other text and the header are as they were. */
START_TEST(test_formula_guard)
{
    const char *csv[] = {"path", "d.csv", "formula-guard", "true", "fields", "id,title,n", NULL};
    quarry_harness *h = testutil_harness("write", csv, testutil_dir, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    static const char *const titles[] = {"=HYPERLINK(\"http://x\",\"Go\")", "-5% drop, again", "@alerts", "+1",
                                         "\tx", "fine"};
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
        quarry_record *r = quarry_record_new();
        quarry_set_string(r, "id", "=a", 2);
        quarry_set_string(r, "title", titles[i], strlen(titles[i]));
        quarry_set_int(r, "n", -5);
        ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
        quarry_record_free(r);
    }
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    char *got = testutil_read(testutil_dir, "d.csv", NULL);
    ck_assert_str_eq(got, "id,title,n\r\n'=a,\"'=HYPERLINK(\"\"http://x\"\",\"\"Go\"\")\",-5\r\n"
                          "'=a,\"'-5% drop, again\",-5\r\n'=a,'@alerts,-5\r\n'=a,'+1,-5\r\n'=a,'\tx,-5\r\n"
                          "'=a,fine,-5\r\n");
    free(got);
    quarry_buf_free(&err);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_table_formats)
{
    const char *both[] = {"table-format", "both", NULL};
    quarry_harness *h = run_write(both);
    char *tsv = testutil_read(testutil_dir, "colloc.tsv", NULL);
    char *json = testutil_read(testutil_dir, "colloc.jsonl", NULL);
    ck_assert_str_eq(tsv, "ngram\tpmi\ncyber security\t2.5\n");
    ck_assert_str_eq(json, "{\"ngram\":\"cyber security\",\"pmi\":2.5}\n");
    free(tsv);
    free(json);
    quarry_harness_free(h);
    testutil_rmtree(testutil_dir);
    free(testutil_dir);
    testutil_dir = testutil_tempdir();
    const char *only[] = {"table-format", "jsonl", "fields", "id", NULL};
    h = run_write(only);
    ck_assert_ptr_null(testutil_read(testutil_dir, "colloc.tsv", NULL));
    json = testutil_read(testutil_dir, "colloc.jsonl", NULL);
    ck_assert_str_eq(json, "{\"ngram\":\"cyber security\",\"pmi\":2.5}\n");
    free(json);
    quarry_harness_free(h);
}
END_TEST

/* table-prefix goes before each table's file name, so that two writes of one run can write
 * tables of the same name; the prefix is checked when write opens, and a table's name is checked
 * against rejects.jsonl with the prefix. */
START_TEST(test_table_prefix)
{
    const char *prefixed[] = {"table-prefix", "b-", "path", "b.jsonl", NULL};
    quarry_harness *h = run_write(prefixed);
    char *tsv = testutil_read(testutil_dir, "b-colloc.tsv", NULL);
    ck_assert_str_eq(tsv, "ngram\tpmi\ncyber security\t2.5\n");
    ck_assert_ptr_null(testutil_read(testutil_dir, "colloc.tsv", NULL));
    free(tsv);
    quarry_harness_free(h);
    const char *bad[] = {"/x", ".x", "0123456789012345678901234567890123456789x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *kv[] = {"table-prefix", bad[i], NULL};
        h = testutil_harness("write", kv, testutil_dir, NULL, 0);
        quarry_buf err = {0};
        ck_assert_int_ne(quarry_harness_open(h, &err), 0);
        ck_assert_msg(strstr(err.data, "must begin a plain file name"), "%s: %s", bad[i], err.data);
        quarry_harness_free(h);
        quarry_buf_free(&err);
    }
    const char *rejects[] = {"table-prefix", "rej", "table-format", "jsonl", NULL};
    h = testutil_harness("write", rejects, testutil_dir, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "_table", "ects", 4);
    quarry_set_string(r, "term", "x", 1);
    ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
    quarry_record_free(r);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    ck_assert_uint_eq(quarry_harness_reject_count(h), 1);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "rejects.jsonl"));
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

/* The text of gzip file NAME in the test's folder. */
static char *read_gunzipped(const char *name)
{
    char path[4096], buf[4096];
    snprintf(path, sizeof path, "%s/%s", testutil_dir, name);
    gzFile gz = gzopen(path, "rb");
    ck_assert_ptr_nonnull(gz);
    int n = gzread(gz, buf, sizeof buf - 1);
    ck_assert_int_ge(n, 0);
    buf[n] = '\0';
    ck_assert_int_eq(gzclose(gz), Z_OK);
    return strdup(buf);
}

/* A main file named *.gz is gzip-compressed (the same bytes on every run: no time stamp), and
 * *.tsv.gz is TSV; tables stay as they are. */
START_TEST(test_gzip_main_file)
{
    const char *kv[] = {"path", "docs.jsonl.gz", NULL};
    quarry_harness *h = run_write(kv);
    size_t len;
    char *raw = testutil_read(testutil_dir, "docs.jsonl.gz", &len);
    ck_assert(len > 2 && (unsigned char)raw[0] == 0x1f && (unsigned char)raw[1] == 0x8b);
    char *docs = read_gunzipped("docs.jsonl.gz");
    ck_assert_str_eq(docs, "{\"id\":\"d1\",\"text\":\"tab\\there\\nline\",\"n\":3}\n"
                           "{\"id\":\"d2\",\"text\":[\"x\"]}\n");
    quarry_harness_free(h);
    h = run_write(kv);
    size_t len2;
    char *again = testutil_read(testutil_dir, "docs.jsonl.gz", &len2);
    ck_assert_uint_eq(len, len2);
    ck_assert_mem_eq(raw, again, len);
    quarry_harness_free(h);
    const char *tsv[] = {"path", "d.tsv.gz", "fields", "id", "gzip-level", "1", NULL};
    h = run_write(tsv);
    char *rows = read_gunzipped("d.tsv.gz");
    ck_assert_str_eq(rows, "id\nd1\nd2\n");
    char *table = testutil_read(testutil_dir, "colloc.tsv", NULL);
    ck_assert_str_eq(table, "ngram\tpmi\ncyber security\t2.5\n");
    free(raw);
    free(again);
    free(docs);
    free(rows);
    free(table);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_nothing_written_until_success)
{
    quarry_harness *h = testutil_harness("write", NULL, testutil_dir, NULL, 0);
    quarry_buf err = {0};
    ck_assert_int_eq(quarry_harness_open(h, &err), 0);
    push_docs(h);
    quarry_harness_free(h); /* never finished: the output is discarded */
    ck_assert_ptr_null(testutil_read(testutil_dir, "documents.jsonl", NULL));
    const char *kv[] = {"path", "../escape.jsonl", NULL};
    h = testutil_harness("write", kv, testutil_dir, NULL, 0);
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "plain file name"));
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

/* A line longer than the stage holds at once (4 MiB) goes out a field at a time: the file holds
 * it whole and in order, as a line built whole would be, for every field or those asked for. */
START_TEST(test_long_line_written_in_pieces)
{
    enum { BIG = 5 << 20 };
    char *a = malloc(BIG), *b = malloc(BIG);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    memset(a, 'a', BIG);
    memset(b, '"', BIG); /* escaped: twice as long in JSON */
    const char *fields[] = {NULL, "path", "picked.jsonl", "fields", "second,id,missing,first", NULL};
    for (int pick = 0; pick < 2; pick++) {
        quarry_harness *h = testutil_harness("write", pick ? fields + 1 : fields, testutil_dir, NULL, 0);
        quarry_buf err = {0};
        ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
        quarry_record *r = quarry_record_new();
        quarry_set_string(r, "id", "big", 3);
        quarry_set_string(r, "first", a, BIG);
        quarry_set_string(r, "second", b, BIG);
        quarry_set_int(r, "n", 7);
        ck_assert_int_eq(quarry_harness_push(h, r, &err), 0);
        ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
        quarry_buf want = {0};
        quarry_record_to_json(r, &want); /* the whole line, built at once */
        if (pick) {
            want.len = 0;
            const char *head = "{\"second\":", *middle = ",\"id\":\"big\",\"first\":";
            quarry_buf_append(&want, head, strlen(head));
            quarry_json_string(&want, b, BIG);
            quarry_buf_append(&want, middle, strlen(middle));
            quarry_json_string(&want, a, BIG);
            quarry_buf_append(&want, "}", 1);
        }
        quarry_buf_append(&want, "\n", 1);
        size_t len;
        char *got = testutil_read(testutil_dir, pick ? "picked.jsonl" : "documents.jsonl", &len);
        ck_assert_ptr_nonnull(got);
        ck_assert_msg(len == want.len, "fields %s: %zu bytes, %zu wanted", pick ? "picked" : "all", len,
                      want.len);
        ck_assert(memcmp(got, want.data, len) == 0);
        free(got);
        quarry_buf_free(&want);
        quarry_buf_free(&err);
        quarry_record_free(r);
        quarry_harness_free(h);
    }
    free(a);
    free(b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("write");
    TCase *tc = tcase_create("stage");
    tcase_add_checked_fixture(tc, testutil_dir_setup, testutil_dir_teardown);
    tcase_add_test(tc, test_jsonl_and_tables);
    tcase_add_test(tc, test_bad_table_names_rejected);
    tcase_add_test(tc, test_fields_and_tsv);
    tcase_add_test(tc, test_header_without_documents);
    tcase_add_test(tc, test_table_formats);
    tcase_add_test(tc, test_byte_order_mark);
    tcase_add_test(tc, test_formula_guard);
    tcase_add_test(tc, test_csv_and_awkward_text);
    tcase_add_test(tc, test_lists_as_terms);
    tcase_add_test(tc, test_table_prefix);
    tcase_add_test(tc, test_gzip_main_file);
    tcase_add_test(tc, test_nothing_written_until_success);
    tcase_add_test(tc, test_long_line_written_in_pieces);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
