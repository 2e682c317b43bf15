/* test_read.c: unit tests of the read stage: folders, globs, text, JSON Lines, JSON files, gzip,
 * bad input, pipes read as their bytes come. */
#include "csvsplit.h"
#include "gzin.h"
#include "jsonsplit.h"
#include "live.h"
#include "sniff.h"
#include "testutil.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* Runs read over INPUTS with parameters KV and output folder OUT; returns the finished harness. */
static quarry_harness *run_read_to(const char *const *kv, const char *out, const char *const *inputs,
                                   size_t n)
{
    quarry_harness *h = testutil_harness("read", kv, out, inputs, n);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    quarry_buf_free(&err);
    return h;
}

/* The same, with the test's folder as the output folder. */
static quarry_harness *run_read(const char *const *kv, const char *const *inputs, size_t n)
{
    return run_read_to(kv, testutil_dir, inputs, n);
}

/* Writes DATA (gzipped if GZIP) to NAME below the test's folder, and runs read over it alone with
 * parameters KV. */
static quarry_harness *run_read_file(const char *const *kv, const char *name, const char *data, int gzip)
{
    testutil_write(testutil_dir, name, data, strlen(data), gzip);
    char in[4096];
    snprintf(in, sizeof in, "%s/%s", testutil_dir, name);
    const char *inputs[] = {in};
    return run_read(kv, inputs, 1);
}

/* Makes NAME (below the test's folder) a symbolic link to TARGET. */
static void make_link(const char *target, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", testutil_dir, name);
    ck_assert_int_eq(symlink(target, path), 0);
}

/* Runs read with default parameters over the test's folder "in", with output folder OUT. */
static quarry_harness *run_read_in_to(const char *out)
{
    char in[4096];
    snprintf(in, sizeof in, "%s/in", testutil_dir);
    const char *inputs[] = {in};
    return run_read_to(NULL, out, inputs, 1);
}

static quarry_harness *run_read_in(void)
{
    return run_read_in_to(testutil_dir);
}

static void expect_output(quarry_harness *h, size_t i, const char *json)
{
    char *got = testutil_json(quarry_harness_output(h, i));
    ck_assert_str_eq(got, json);
    free(got);
}

/* H's outputs are exactly the JSON records WANT (NULL-terminated), in order. */
static void expect_outputs(quarry_harness *h, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    ck_assert_uint_eq(quarry_harness_output_count(h), n);
    for (size_t i = 0; i < n; i++)
        expect_output(h, i, want[i]);
}

START_TEST(test_folder_sorted_relative_ids)
{
    testutil_write(testutil_dir, "in/b.txt", "second", 6, 0);
    testutil_write(testutil_dir, "in/a.txt", "first", 5, 0);
    testutil_write(testutil_dir, "in/sub/c.md.gz", "third", 5, 1);
    testutil_write(testutil_dir, "in/.hidden", "skip", 4, 0);
    testutil_write(testutil_dir, "in/empty.txt", "", 0, 0);
    quarry_harness *h = run_read_in();
    expect_outputs(h, (const char *const[]){"{\"id\":\"a\",\"text\":\"first\"}",
                                            "{\"id\":\"b\",\"text\":\"second\"}",
                                            "{\"id\":\"empty\",\"text\":\"\"}",
                                            "{\"id\":\"sub/c\",\"text\":\"third\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 0);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_bad_files_rejected_run_goes_on)
{
    testutil_write(testutil_dir, "in/1-nul.txt", "a\0b", 3, 0);
    testutil_write(testutil_dir, "in/2-binary.txt", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", 10, 0);
    testutil_write(testutil_dir, "in/3-latin1.txt", "caf\xe9 cr\xe8me", 10, 0);
    char gz[64];
    /* A gzip file cut in half. */
    testutil_write(testutil_dir, "whole.txt.gz", "the quick brown fox jumps over the lazy dog again and again",
                   59, 1);
    size_t len;
    char *whole = testutil_read(testutil_dir, "whole.txt.gz", &len);
    memcpy(gz, whole, len / 2);
    testutil_write(testutil_dir, "in/4-cut.txt.gz", gz, len / 2, 0);
    free(whole);
    make_link("/nonexistent/quarry", "in/5-dangling.txt");
    testutil_write(testutil_dir, "in/6-ok.txt", "fine", 4, 0);
    quarry_harness *h = run_read_in();
    ck_assert_uint_eq(quarry_harness_output_count(h), 2);
    /* Invalid UTF-8 is kept as bytes for the clean stage to repair. */
    size_t tl;
    const char *t = quarry_get_string(quarry_harness_output(h, 0), "text", &tl);
    ck_assert_uint_eq(tl, 10);
    ck_assert_mem_eq(t, "caf\xe9 cr\xe8me", 10);
    expect_output(h, 1, "{\"id\":\"6-ok\",\"text\":\"fine\"}");
    ck_assert_uint_eq(quarry_harness_reject_count(h), 4);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "NUL byte at offset 1"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "binary"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 2), "truncated gzip"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 2), "4-cut.txt.gz"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 3), "No such file"));
    quarry_harness_free(h);
}
END_TEST

/* A link back to a folder above, and a second link to a folder: each folder is read once. */
START_TEST(test_folder_links_read_once)
{
    testutil_write(testutil_dir, "in/a.txt", "first", 5, 0);
    testutil_write(testutil_dir, "in/sub/b.txt", "second", 6, 0);
    make_link("..", "in/sub/up");
    make_link("sub", "in/z-again");
    quarry_harness *h = run_read_in();
    expect_outputs(h, (const char *const[]){"{\"id\":\"a\",\"text\":\"first\"}",
                                            "{\"id\":\"sub/b\",\"text\":\"second\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 0);
    quarry_harness_free(h);
}
END_TEST

/* UTF-16, as Windows tools export text: read as UTF-8 when a byte-order mark gives the byte
 * order; without one, or cut in the middle of a character, rejected with a reason that says so. */
START_TEST(test_utf16_files)
{
    static const struct {
        const char *name, *bytes;
        size_t len;
    } files[] = {
        /* "Café “x”" in UTF-16LE and UTF-16BE, each after its mark. */
        {"in/1-le.txt", "\xFF\xFE" "C\0a\0f\0\xE9\0 \0\x1C\x20x\0\x1D\x20", 18},
        {"in/2-be.txt", "\xFE\xFF" "\0C\0a\0f\0\xE9\0 \x20\x1C\0x\x20\x1D", 18},
        {"in/3-unmarked.txt", "p\0l\0a\0i\0n\0", 10},
        {"in/4-cut.txt", "\xFF\xFEo\0k\0!", 7},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        testutil_write(testutil_dir, files[i].name, files[i].bytes, files[i].len, 0);
    quarry_harness *h = run_read_in();
    expect_outputs(h, (const char *const[]){"{\"id\":\"1-le\",\"text\":\"Café “x”\"}",
                                            "{\"id\":\"2-be\",\"text\":\"Café “x”\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 2);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "UTF-16 text without a byte-order mark"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "truncated UTF-16: 1 byte left over"));
    quarry_harness_free(h);
}
END_TEST

/* Files of other formats a corpus folder may hold by mistake: rejected with what they are and
 * what to do; a text that merely begins like one is read. */
START_TEST(test_other_formats_named)
{
    static const struct {
        const char *name, *bytes;
        size_t len;
        const char *reason;
    } files[] = {
        {"in/1.txt.bz2", "BZh91AY&SY\x01\x02", 12, "a bzip2 file"},
        {"in/2.txt.xz", "\xFD" "7zXZ\0\0\x04", 8, "an xz file"},
        {"in/3.zip", "PK\x03\x04\x14\0", 6, "a zip archive"},
        {"in/4.pdf", "%PDF-1.4\n%\xE2\xE3", 12, "a PDF document"},
        {"in/4a.rtf", "{\\rtf1\\ansi Hello.}", 18, "an RTF document: convert it to text first"},
        {"in/4b.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10, "an Office file of before 2007"},
        {"in/4c.txt", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16, "a PNG image: no text to read"},
        {"in/4d.jpg", "\xFF\xD8\xFF\xE0\0\x10JFIF", 10, "a JPEG image"},
        {"in/4e.gif", "GIF89a\x01\0\x01\0", 10, "a GIF image"},
        /* Files of documents in UTF-16 or another format are rejected whole, once, not a
         * document or line at a time. */
        {"in/6.jsonl", "\xFF\xFE{\0\"\0i\0d\0\"\0:\0\"\0a\0\"\0}\0\n\0{\0}\0\n\0", 30,
         "UTF-16 text: convert it to UTF-8"},
        {"in/7.csv", "\xFF\xFEi\0d\0,\0t\0e\0x\0t\0\n\0", 18, "UTF-16 text: convert it to UTF-8"},
        {"in/8.json", "PK\x03\x04\x14\0", 6, "a zip archive"},
        /* A JSON array named .jsonl: each line of it would be rejected on its own. */
        {"in/8a.jsonl", "\n  [\n {\"id\":\"a\",\n\"text\":\"b\"}\n]\n", 31,
         "it begins with '[': a JSON array, not JSON Lines (a document a line): name it .json, or give "
         "format = json"},
        {"in/9.txt", "BZh is how this text begins", 27, NULL},
    };
    size_t rejected = sizeof files / sizeof *files - 1;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        testutil_write(testutil_dir, files[i].name, files[i].bytes, files[i].len, 0);
    quarry_harness *h = run_read_in();
    expect_outputs(h, (const char *const[]){"{\"id\":\"9\",\"text\":\"BZh is how this text begins\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), rejected);
    for (size_t i = 0; i < rejected; i++)
        ck_assert_msg(strstr(quarry_harness_reject_reason(h, i), files[i].reason) != NULL, "%s",
                      quarry_harness_reject_reason(h, i));
    quarry_harness_free(h);
}
END_TEST

/* The run's own output folder inside the input folder is not read (its outputs would come back
 * as input, and grow, run after run); given as an input itself, it is. */
START_TEST(test_own_output_folder_not_read)
{
    testutil_write(testutil_dir, "in/a.txt", "first", 5, 0);
    testutil_write(testutil_dir, "in/out/documents.jsonl", "{\"id\":\"a\",\"text\":\"first\"}\n", 27, 0);
    char out[4096];
    snprintf(out, sizeof out, "%s/in/out", testutil_dir);
    quarry_harness *h = run_read_in_to(out);
    expect_outputs(h, (const char *const[]){"{\"id\":\"a\",\"text\":\"first\"}", NULL});
    quarry_harness_free(h);
    /* A file named in it is read as asked; the folder itself, given as an input, is refused:
     * the next run would read this one's outputs back. */
    char file[4200];
    snprintf(file, sizeof file, "%s/documents.jsonl", out);
    const char *named[] = {file};
    h = run_read_to(NULL, out, named, 1);
    ck_assert_uint_eq(quarry_harness_output_count(h), 1);
    quarry_harness_free(h);
    const char *own[] = {out};
    h = testutil_harness("read", NULL, out, own, 1);
    quarry_buf err = {0};
    ck_assert_int_ne(quarry_harness_open(h, &err), 0);
    ck_assert_msg(strstr(err.data, "is the run's output folder: what the run writes there would be read back"),
                  "%s", err.data);
    quarry_buf_free(&err);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_jsonl_lines)
{
    const char *lines = "{\"id\": \"r1\", \"text\": \"one\", \"topics\": [\"a\"]}\n"
                        "\n"
                        "{\"id\": 2, \"text\": \"two\"}\n"
                        "{\"text\": \"three\"}\n"
                        "{broken\n"
                        "{\"id\": \"r5\"}\n"
                        "{\"id\": \"r6\", \"text\": \"nul \\u0000 inside\"}\n"
                        "[\"an array\"]\n"
                        "{\"id\": \"r9\", \"text\": \"cut short\n"
                        "{\"id\": \"r10\"} {\"id\": \"r11\"}\n"
                        "not json\n"
                        "{\"id\": \"r7\", \"text\": \"no newline at end\"}";
    testutil_write(testutil_dir, "c.jsonl.gz", lines, strlen(lines), 1);
    char in[4096];
    snprintf(in, sizeof in, "%s/c.jsonl.gz", testutil_dir);
    const char *inputs[] = {in};
    quarry_harness *h = run_read(NULL, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"r1\",\"text\":\"one\",\"topics\":[\"a\"]}",
                                            "{\"id\":\"2\",\"text\":\"two\"}",
                                            "{\"text\":\"three\",\"id\":\"c:4\"}",
                                            "{\"id\":\"r7\",\"text\":\"no newline at end\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 7);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "c.jsonl.gz:5: invalid JSON"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), ":6: no string field 'text'"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 2), ":7: NUL character"));
    /* Whole reasons: these two are built without printf, and once ran past their end. */
    ck_assert_str_eq(strstr(quarry_harness_reject_reason(h, 3), "c.jsonl.gz:8:"),
                     "c.jsonl.gz:8: a JSON line must hold an object ({...}): this one begins with '['");
    ck_assert_str_eq(strstr(quarry_harness_reject_reason(h, 4), "c.jsonl.gz:9:"),
                     "c.jsonl.gz:9: invalid JSON: the line ends inside a value");
    /* Two documents on one line: the parser's own word ("unexpected character") says less. */
    ck_assert_str_eq(strstr(quarry_harness_reject_reason(h, 5), "c.jsonl.gz:10:"),
                     "c.jsonl.gz:10: invalid JSON at byte 15: text after the end of the object (a second "
                     "document on the line, or a stray character)");
    /* A line of plain text: the parser's own word would be "null expected". */
    ck_assert_str_eq(strstr(quarry_harness_reject_reason(h, 6), "c.jsonl.gz:11:"),
                     "c.jsonl.gz:11: a JSON line must hold an object ({...}): this one begins with 'n'");
    char *raw = testutil_json(quarry_harness_reject(h, 0));
    ck_assert_str_eq(raw, "{\"id\":\"c:5\",\"raw\":\"{broken\"}");
    free(raw);
    quarry_harness_free(h);
    /* Saved by a Windows editor: a byte-order mark before the first line, which is read. */
    h = run_read_file(NULL, "bom.jsonl", "\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"x\"}\n", 0);
    expect_outputs(h, (const char *const[]){"{\"id\":\"b\",\"text\":\"x\"}", NULL});
    quarry_harness_free(h);
}
END_TEST

/* A text given as a list of paragraphs (read 1.17), as scrapers and APIs give one, is the
 * paragraphs parted by blank lines; a text of another kind is rejected, saying which kind. */
START_TEST(test_text_kinds)
{
    const char *lines = "{\"id\": \"p\", \"body\": [\"First paragraph.\", \"Second one.\"]}\n"
                        "{\"id\": \"e\", \"body\": []}\n"
                        "{\"id\": \"o\", \"body\": {\"html\": \"<p>x</p>\"}}\n"
                        "{\"id\": \"n\", \"body\": null}\n"
                        "{\"id\": \"d\", \"body\": 12}\n"
                        "{\"id\": \"m\", \"body\": [\"a\", 1]}\n"
                        "{\"id\": \"z\", \"body\": [\"nul \\u0000\"]}\n";
    const char *kv[] = {"text-field", "body", NULL};
    quarry_harness *h = run_read_file(kv, "kinds.jsonl", lines, 0);
    expect_outputs(h, (const char *const[]){"{\"id\":\"p\",\"text\":\"First paragraph.\\n\\nSecond one.\"}",
                                            "{\"id\":\"e\",\"text\":\"\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 5);
    static const char *const reasons[] = {
        "kinds.jsonl:3: field 'body' is an object, not a string (nor a list of strings, a text's paragraphs)",
        "kinds.jsonl:4: field 'body' is null, not a string", "kinds.jsonl:5: field 'body' is a number, not a string",
        "kinds.jsonl:6: field 'body' is a list of other than strings, not a string", "kinds.jsonl:7: NUL character in 'body'"};
    for (size_t i = 0; i < 5; i++)
        ck_assert_msg(strstr(quarry_harness_reject_reason(h, i), reasons[i]) != NULL, "%s",
                      quarry_harness_reject_reason(h, i));
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_fields_format_limits)
{
    testutil_write(testutil_dir, "x.data", "{\"key\": \"k1\", \"body\": \"text here\"}\n", 36, 0);
    testutil_write(testutil_dir, "big.txt", "0123456789", 10, 0);
    char in1[4096], in2[4096];
    snprintf(in1, sizeof in1, "%s/x.data", testutil_dir);
    snprintf(in2, sizeof in2, "%s/big.txt", testutil_dir);
    const char *kv[] = {"format", "jsonl", "id-field", "key", "text-field", "body", NULL};
    const char *inputs[] = {in1};
    quarry_harness *h = run_read(kv, inputs, 1);
    expect_output(h, 0, "{\"id\":\"k1\",\"text\":\"text here\"}");
    quarry_harness_free(h);
    const char *kv2[] = {"max-bytes", "5", NULL};
    const char *inputs2[] = {in2};
    h = run_read(kv2, inputs2, 1);
    ck_assert_uint_eq(quarry_harness_output_count(h), 0);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "larger than max-bytes"));
    quarry_harness_free(h);
    /* A JSON line over the limit is rejected, the last one too when no newline ends it. */
    const char *lines = "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"a long line\"}\n"
                        "{\"id\":\"c\",\"text\":\"a long line\"}";
    testutil_write(testutil_dir, "long.jsonl", lines, strlen(lines), 0);
    snprintf(in2, sizeof in2, "%s/long.jsonl", testutil_dir);
    const char *kv3[] = {"max-bytes", "25", NULL};
    h = run_read(kv3, inputs2, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"a\",\"text\":\"x\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 2);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "long.jsonl:2: line longer than max-bytes (25)"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "long.jsonl:3: line longer than max-bytes (25)"));
    quarry_harness_free(h);
}
END_TEST

/* What the splitter hands on: "ORDINAL@LINE:VALUE|" for each value, "!" for one too long. */
static void split_collect(void *data, const char *value, size_t len, size_t ordinal, size_t line, int too_long)
{
    quarry_buf *out = data;
    char head[64];
    int n = snprintf(head, sizeof head, "%zu@%zu:%s", ordinal, line, too_long ? "!" : "");
    quarry_buf_append(out, head, (size_t)n);
    quarry_buf_append(out, value, len);
    quarry_buf_append(out, "|", 1);
}

/* A splitter (JSON or CSV) fed TEXT whole, then a byte at a time (a value across chunk
 * boundaries): what it handed on must be WANT both times, and what its end returned, END. */
typedef struct split_under_test {
    void (*start)(size_t max);
    void (*feed)(const char *s, size_t n, quarry_buf *out);
    int (*end)(quarry_buf *out); /* also frees */
} split_under_test;

static void expect_pieces(const split_under_test *t, const char *text, size_t max, const char *want, int end)
{
    for (int bytewise = 0; bytewise <= 1; bytewise++) {
        t->start(max);
        quarry_buf got = {0};
        size_t n = strlen(text);
        for (size_t i = 0; i < n; i += bytewise ? 1 : n)
            t->feed(text + i, bytewise ? 1 : n, &got);
        ck_assert_int_eq(t->end(&got), end);
        quarry_buf_append(&got, "", 1);
        ck_assert_msg(strcmp(got.data, want) == 0, "%s (%s): got %s, want %s", text,
                      bytewise ? "a byte at a time" : "whole", got.data, want);
        quarry_buf_free(&got);
    }
}

static json_split json_under_test;
static void json_start(size_t max) { json_split_init(&json_under_test, max); }
static void json_feed(const char *s, size_t n, quarry_buf *out)
{
    json_split_feed(&json_under_test, s, n, split_collect, out);
}
static int json_end(quarry_buf *out)
{
    int end = json_split_end(&json_under_test, split_collect, out);
    json_split_free(&json_under_test);
    return end;
}

static void expect_split(const char *text, size_t max, const char *want, int end)
{
    static const split_under_test json = {json_start, json_feed, json_end};
    expect_pieces(&json, text, max, want, end);
}

START_TEST(test_json_split)
{
    /* An array's elements, whatever their nesting, strings with brackets, quotes and escapes. */
    expect_split("[{\"a\":[1,{\"b\":\"]}\"}]}, {\"t\":\"q\\\"}\\\\\"}]", 100,
                 "1@1:{\"a\":[1,{\"b\":\"]}\"}]}|2@1:{\"t\":\"q\\\"}\\\\\"}|", 0);
    /* Pretty-printed, with lines counted; values other than objects are handed on too. */
    expect_split("[\n {\n  \"x\": 1\n },\n \"s\",\n 42 ,\n true]\n", 100,
                 "1@2:{\n  \"x\": 1\n }|2@5:\"s\"|3@6:42|4@7:true|", 0);
    /* Objects one after another (JSON Lines named .json), and arrays one after another. */
    expect_split("{\"a\":1}\n{\"a\":2}\n[{\"a\":3}][]", 100, "1@1:{\"a\":1}|2@2:{\"a\":2}|3@3:{\"a\":3}|", 0);
    /* A value longer than MAX is marked, with its first bytes; the nesting is still followed. */
    expect_split("[{\"a\":\"0123456789\"},{}]", 8, "1@1:!{\"a\":\"01|2@1:{}|", 0);
    /* Cut short inside a value: the ones before it stand, and the end says so. */
    expect_split("[{\"a\":1},{\"a\":\"[", 100, "1@1:{\"a\":1}|", -1);
    expect_split("[{}, 12", 100, "1@1:{}|2@1:12|", 0); /* a bare number at the end is whole */
    expect_split("", 100, "", 0);
    expect_split("[]", 100, "", 0);
}
END_TEST

/* JSON files (.json): an array of documents, as exports write them, pretty-printed or not, or
 * objects one after another; anything else in them rejected with its place, the rest read. */
START_TEST(test_json_files)
{
    const char *pretty = "\xEF\xBB\xBF[\n  {\n    \"id\": \"p1\",\n"
                         "    \"text\": \"With [brackets] and \\\"quotes\\\"\"\n  },\n"
                         "  {\"text\": \"no id\", \"tags\": [\"a\"]},\n  \"a bare string\",\n"
                         "  {\"id\": \"n\", \"text\": 5}\n]\n";
    testutil_write(testutil_dir, "in/export.json", pretty, strlen(pretty), 0);
    const char *objects = "{\"id\":\"o1\",\"text\":\"one\"}\n{\n \"id\": \"o2\",\n \"text\": \"two\"\n}\n";
    testutil_write(testutil_dir, "in/objects.json.gz", objects, strlen(objects), 1);
    const char *cut = "[{\"id\":\"c1\",\"text\":\"kept\"},{\"id\":\"c2\",\"text\":\"cut sh";
    testutil_write(testutil_dir, "in/z-cut.json", cut, strlen(cut), 0);
    quarry_harness *h = run_read_in();
    expect_outputs(h, (const char *const[]){"{\"id\":\"p1\",\"text\":\"With [brackets] and \\\"quotes\\\"\"}",
                                            "{\"text\":\"no id\",\"tags\":[\"a\"],\"id\":\"export:2\"}",
                                            "{\"id\":\"o1\",\"text\":\"one\"}", "{\"id\":\"o2\",\"text\":\"two\"}",
                                            "{\"id\":\"c1\",\"text\":\"kept\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 3);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0),
                                 "export.json: element 3 (line 7): not an object: a document is an object with an "
                                 "'id' and a 'text'"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "export.json: element 4 (line 8): field 'text' "
                                                                     "is a number, not a string"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 2), "z-cut.json: ends inside element 2, begun on "
                                                                     "line 1: cut short?"));
    quarry_harness_free(h);
    /* format = json reads any name so; an element over max-bytes is rejected alone. */
    char in[4096];
    const char *list = "[{\"id\":\"x\",\"text\":\"a long enough text\"},{\"id\":\"y\",\"text\":\"t\"}]";
    testutil_write(testutil_dir, "list.txt", list, strlen(list), 0);
    snprintf(in, sizeof in, "%s/list.txt", testutil_dir);
    const char *kv[] = {"format", "json", "max-bytes", "30", NULL};
    const char *inputs[] = {in};
    h = run_read(kv, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"y\",\"text\":\"t\"}", NULL});
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "list.txt: element 1 (line 1): larger than "
                                                                     "max-bytes (30)"));
    quarry_harness_free(h);
}
END_TEST

/* Documents nested in an API's response (json-records): each object of the list one, in JSON
 * files and JSON Lines alike; without the parameter, the rejection says where they are. */
START_TEST(test_json_records)
{
    const char *api = "{\"status\":\"ok\",\"articles\":[{\"title\":\"A\",\"text\":\"one\"},\"junk\","
                      "{\"id\":\"b\",\"text\":\"two\"}]}\n{\"status\":\"error\"}\n";
    testutil_write(testutil_dir, "in/api.json", api, strlen(api), 0);
    testutil_write(testutil_dir, "in/api2.jsonl", api, strlen(api), 0);
    const char *nested = "{\"response\":{\"results\":[{\"id\":\"g\",\"text\":\"deep\"}]}}";
    testutil_write(testutil_dir, "in/guardian.json", nested, strlen(nested), 0);
    char in[4096];
    snprintf(in, sizeof in, "%s/in", testutil_dir);
    const char *kv[] = {"json-records", "articles", NULL};
    const char *inputs[] = {in};
    quarry_harness *h = run_read(kv, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"title\":\"A\",\"text\":\"one\",\"id\":\"api:1.1\"}",
                                            "{\"id\":\"b\",\"text\":\"two\"}",
                                            "{\"title\":\"A\",\"text\":\"one\",\"id\":\"api2:1.1\"}",
                                            "{\"id\":\"b\",\"text\":\"two\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 5);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "api.json: element 1 (line 1), record 2: not an "
                                                                     "object"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1),
                                 "api.json: element 2 (line 2): no list at 'articles' (json-records)"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 3), "api2.jsonl:2: no list at 'articles'"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 4), "guardian.json: element 1 (line 1): no list"));
    quarry_harness_free(h);
    /* A dotted path reaches into objects. */
    snprintf(in, sizeof in, "%s/in/guardian.json", testutil_dir);
    const char *deep[] = {"json-records", "response.results", NULL};
    h = run_read(deep, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"g\",\"text\":\"deep\"}", NULL});
    quarry_harness_free(h);
    /* Without it, the response is rejected, saying where its documents are. */
    snprintf(in, sizeof in, "%s/in/api.json", testutil_dir);
    h = run_read(NULL, inputs, 1);
    ck_assert_uint_eq(quarry_harness_output_count(h), 0);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0),
                                 "no string field 'text'; its 'articles' is a list of 3: give json-records=articles "
                                 "to read them"));
    quarry_harness_free(h);
}
END_TEST

/* What the CSV splitter hands on: "LINE:FIELD/FIELD|" for each row, "!" for one too long. */
static void csv_collect(void *data, const csv_row *row)
{
    quarry_buf *out = data;
    char head[64];
    int n = snprintf(head, sizeof head, "%zu:%s", row->line, row->too_long ? "!" : "");
    quarry_buf_append(out, head, (size_t)n);
    for (size_t i = 0; i < row->n; i++) {
        quarry_buf_append(out, i ? "/" : "", i ? 1 : 0);
        quarry_buf_append(out, row->text + row->at[i], row->len[i]);
    }
    quarry_buf_append(out, "|", 1);
}

static csv_split csv_under_test;
static void csv_start(size_t max) { csv_split_init(&csv_under_test, max, 0, ','); }
static void csv_feed(const char *s, size_t n, quarry_buf *out)
{
    csv_split_feed(&csv_under_test, s, n, csv_collect, out);
}
static int csv_end(quarry_buf *out)
{
    int end = csv_split_end(&csv_under_test, csv_collect, out);
    csv_split_free(&csv_under_test);
    return end;
}

static void expect_csv(const char *text, size_t max, const char *want, int end)
{
    static const split_under_test csv = {csv_start, csv_feed, csv_end};
    expect_pieces(&csv, text, max, want, end);
}

static void tsv_start(size_t max) { csv_split_init(&csv_under_test, max, 1, ','); }

/* TSV, as write writes it: tabs between fields, \t \n \r \\ escaped, no quotes; \N
 * (PostgreSQL's NULL) is an empty cell; a backslash before anything else stays. (\0, a NUL:
 * test_tsv_files.) */
START_TEST(test_tsv_split)
{
    static const split_under_test tsv = {tsv_start, csv_feed, csv_end};
    expect_pieces(&tsv, "a\tb\n\"q\", x\tone\\ttab\\nline\\\\back\r\n\\N\t\\zed\\\n\nlast\t\\", 100,
                  "1:a/b|2:\"q\", x/one\ttab\nline\\back|3:/\\zed\\|5:last/\\|", 0);
    /* A row past MAX is marked, as in CSV. */
    expect_pieces(&tsv, "0123456789\tx\nok", 6, "1:!012345/|2:ok|", 0);
}
END_TEST

START_TEST(test_csv_split)
{
    /* Quoted fields hold commas, line breaks and doubled quotes; rows end in LF, CRLF or CR;
     * blank lines are no rows, but count as lines. */
    expect_csv("a,b\n\"x, y\",\"two\nlines \"\"q\"\"\"\r\n\r\n1,\nz,\"\"\rlast,row", 100,
               "1:a/b|2:x, y/two\nlines \"q\"|5:1/|6:z/|6:last/row|", 0);
    /* A quote inside an unquoted field is kept as written; text after a closing quote is kept. */
    expect_csv("5\" screen,\"ab\"cd\n", 100, "1:5\" screen/abcd|", 0);
    /* A row past MAX is marked; the rows after it are whole. */
    expect_csv("0123456789,x\nok\n", 6, "1:!012345/|2:ok|", 0);
    /* Cut short inside quotes: the rows before stand, and the end says so. */
    expect_csv("a\n\"open", 100, "1:a|", -1);
    expect_csv("", 100, "", 0);
}
END_TEST

/* CSV files (.csv): a header row names the columns, then each row is a document whose columns
 * are string fields; id-field and text-field pick the id and text as in JSON Lines. */
START_TEST(test_csv_files)
{
    const char *news = "\xEF\xBB\xBF,id,title,text\r\n0,n1,\"Oil, up\",\"Oil rose.\nGas \"\"fell\"\".\"\r\n"
                       "1,,No id,Plain text\r\n2,n3,short row\r\n";
    testutil_write(testutil_dir, "in/news.csv.gz", news, strlen(news), 1);
    testutil_write(testutil_dir, "in/other.csv", "a,b\n1,2\n", 8, 0);
    /* Its header makes the file unreadable, and it is cut short too: one record rejected, with
     * the header's fault (the reading stops there). */
    testutil_write(testutil_dir, "in/twice.csv", "text,text\n1,2\n3,\"cut", 20, 0);
    quarry_harness *h = run_read_in();
    expect_outputs(h, (const char *const[]){
                          "{\"column1\":\"0\",\"id\":\"n1\",\"title\":\"Oil, up\","
                          "\"text\":\"Oil rose.\\nGas \\\"fell\\\".\"}",
                          "{\"column1\":\"1\",\"title\":\"No id\",\"text\":\"Plain text\",\"id\":\"news:4\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 3);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "news.csv.gz:5: 3 fields, where the header "
                                                                     "has 4"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1),
                                 "other.csv: no column 'text' for the text (text-field); its header: a, b"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 2), "twice.csv: its header names column 'text' "
                                                                     "twice"));
    quarry_harness_free(h);
    /* text-field names the text's column; format = csv reads any name so. */
    char in[4096];
    snprintf(in, sizeof in, "%s/in/other.csv", testutil_dir);
    const char *kv[] = {"format", "csv", "text-field", "b", "id-field", "a", NULL};
    const char *inputs[] = {in};
    h = run_read(kv, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"1\",\"text\":\"2\"}", NULL});
    quarry_harness_free(h);
}
END_TEST

/* A text column or field named in other letter case ("Text", as a spreadsheet's export has it)
 * is not taken for text-field, but its reject says so; a file that has it right is read. */
START_TEST(test_case_twins)
{
    const char *csv = "ID,Text\nA7,Some text\n", *wrong = "{\"ID\":\"b1\",\"Text\":\"hello\"}\n",
               *right = "{\"Id\":\"c1\",\"text\":\"fine\"}\n";
    testutil_write(testutil_dir, "case/a.csv", csv, strlen(csv), 0);
    testutil_write(testutil_dir, "case/b.jsonl", wrong, strlen(wrong), 0);
    testutil_write(testutil_dir, "case/c.jsonl", right, strlen(right), 0);
    char in[4096];
    snprintf(in, sizeof in, "%s/case", testutil_dir);
    const char *inputs[] = {in};
    quarry_harness *h = run_read(NULL, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"Id\":\"c1\",\"text\":\"fine\",\"id\":\"c:1\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 2);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0),
                                 "a.csv: no column 'text' for the text (text-field); its header: ID, Text; column "
                                 "'Text' differs in case alone: give text-field = Text"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "b.jsonl:1: no string field 'text'; it has "
                                                                     "'Text', which differs in case alone: give "
                                                                     "text-field = Text"));
    quarry_harness_free(h);
}
END_TEST

/* TSV files (.tsv), as write writes them: a header row, then a document a row, escapes undone;
 * an empty text is a document's empty text, any other empty cell (or \N) a field it lacks. */
START_TEST(test_tsv_files)
{
    const char *news = "\xEF\xBB\xBFid\ttitle\ttext\r\n"
                       "n1\tOil, \"up\"\tOil rose.\\nGas\\tfell \\\\ 2%.\r\n"
                       "n2\t\\N\t\r\n"
                       "\tNo id\tPlain\n"
                       "n4\tshort row\n"
                       "n5\tNUL\tbad\\0byte\n";
    testutil_write(testutil_dir, "tsv/news.tsv.gz", news, strlen(news), 1);
    char in[4096];
    snprintf(in, sizeof in, "%s/tsv", testutil_dir);
    const char *inputs[] = {in};
    quarry_harness *h = run_read(NULL, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"n1\",\"title\":\"Oil, \\\"up\\\"\","
                                            "\"text\":\"Oil rose.\\nGas\\tfell \\\\ 2%.\"}",
                                            "{\"id\":\"n2\",\"text\":\"\"}",
                                            "{\"title\":\"No id\",\"text\":\"Plain\",\"id\":\"news:4\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 2);
    ck_assert_ptr_nonnull(
        strstr(quarry_harness_reject_reason(h, 0), "news.tsv.gz:5: 2 fields, where the header has 3"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "news.tsv.gz:6: NUL character in 'text'"));
    quarry_harness_free(h);
    /* format = tsv reads any name so. */
    testutil_write(testutil_dir, "tsv2/export.txt", "id\ttext\na\tb\n", 12, 0);
    snprintf(in, sizeof in, "%s/tsv2/export.txt", testutil_dir);
    const char *kv[] = {"format", "tsv", NULL};
    h = run_read(kv, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"a\",\"text\":\"b\"}", NULL});
    quarry_harness_free(h);
}
END_TEST

/* csv-separator: a spreadsheet's CSV in a European locale (semicolons, quoted as CSV); a file
 * of another dialect read as the wrong one is rejected with a hint. */
START_TEST(test_csv_dialects)
{
    const char *semi = "id;text;price\nb1;\"Butter; salted\";\"2,50\"\n";
    testutil_write(testutil_dir, "dia/semi.csv", semi, strlen(semi), 0);
    char in[4096];
    snprintf(in, sizeof in, "%s/dia/semi.csv", testutil_dir);
    const char *inputs[] = {in};
    const char *kv[] = {"csv-separator", "semicolon", NULL};
    quarry_harness *h = run_read(kv, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"b1\",\"text\":\"Butter; salted\",\"price\":\"2,50\"}", NULL});
    quarry_harness_free(h);
    testutil_write(testutil_dir, "dia2/tabs.csv", "id\ttext\na\tb\n", 12, 0);
    testutil_write(testutil_dir, "dia2/comma.tsv", "id,text\na,b\n", 12, 0);
    snprintf(in, sizeof in, "%s/dia2", testutil_dir);
    h = run_read(NULL, inputs, 1);
    ck_assert_uint_eq(quarry_harness_reject_count(h), 2);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "comma.tsv: no column 'text' for the text "
                                                                     "(text-field); its header: id,text; it looks "
                                                                     "comma-separated: name it .csv"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "its header: id\ttext; it looks tab-separated"));
    quarry_harness_free(h);
    snprintf(in, sizeof in, "%s/dia/semi.csv", testutil_dir);
    h = run_read(NULL, inputs, 1);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "give csv-separator = semicolon"));
    quarry_harness_free(h);
}
END_TEST

/* A CSV file's limits: a row over max-bytes is rejected by its line and the rows after it are
 * read; a header over it rejects the file; a quote never closed keeps the rows before it and
 * names the row it opened in; empty cells. */
START_TEST(test_csv_limits_and_cuts)
{
    char row[200];
    memset(row, 'a', sizeof row - 1);
    row[sizeof row - 1] = '\0';
    char text[512];
    snprintf(text, sizeof text, "id,text\n1,short\n2,%s\n3,after\n", row);
    testutil_write(testutil_dir, "lim/long.csv", text, strlen(text), 0);
    snprintf(text, sizeof text, "id,text%s\n1,x\n", row);
    testutil_write(testutil_dir, "lim/wide.csv", text, strlen(text), 0);
    /* An empty cell is a field the row lacks, a quoted one ("") an empty string, as write writes
     * them: so a row whose text cell is empty has no text. */
    const char *empty = "id,text,title\ne1,\"\",\ne2,,\"\"\n";
    testutil_write(testutil_dir, "lim/empty.csv", empty, strlen(empty), 0);
    const char *cut = "id,text\n1,kept\n2,\"never closed\n3,swallowed\n";
    testutil_write(testutil_dir, "lim/cut.csv", cut, strlen(cut), 0);
    char in[4096];
    snprintf(in, sizeof in, "%s/lim", testutil_dir);
    const char *kv[] = {"max-bytes", "100", NULL};
    const char *inputs[] = {in};
    quarry_harness *h = run_read(kv, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"1\",\"text\":\"kept\"}", "{\"id\":\"e1\",\"text\":\"\"}",
                                            "{\"id\":\"1\",\"text\":\"short\"}", "{\"id\":\"3\",\"text\":\"after\"}",
                                            NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 4);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0),
                                 "cut.csv: ends inside a quoted field of the row begun on line 3: cut short?"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1), "empty.csv:3: no string field 'text'"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 2), "long.csv:3: row longer than max-bytes (100)"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 3),
                                 "wide.csv: its header row is longer than max-bytes (100)"));
    quarry_harness_free(h);
}
END_TEST

/* RSS 2.0, Atom and RSS 1.0 feeds (.rss, .atom, and .xml whose root is a feed's): an item a
 * document of its id (guid, Atom id, else link, else FILE:N), title, text (content:encoded,
 * Atom content, description or summary; empty if none), link, date (YYYY-MM-DD, from RFC 822 or
 * ISO 8601), author, source (the feed's title) and categories (each once; none: no field). A feed's own XML declaration gives its
 * encoding; its DTD's entities are not expanded (nor the file one names read); an .xml that is
 * no feed is text, as before; a broken feed keeps what could be read, and is rejected too. */
START_TEST(test_feeds)
{
    const char *rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" "
                      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Wire</title>\n"
                      "<item><title>Pact signed</title><guid>g1</guid><link>https://x.test/1</link>"
                      "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate><dc:creator>Jane Roe</dc:creator>"
                      "<category>World</category><category domain=\"tags\"> Japan </category>"
                      "<dc:subject>World</dc:subject><category/>"
                      "<description>teaser</description><content:encoded><![CDATA[<p>Full <b>story</b>.</p>]]>"
                      "</content:encoded></item>\n"
                      "<item><title>Oil &amp; gas</title><atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" "
                      "rel=\"self\" href=\"https://x.test/self\"/><link>https://x.test/2</link>"
                      "<pubDate>30 Nov 26 09:00 +0000"
                      "</pubDate><description>&lt;p&gt;Oil rose.&lt;/p&gt;</description></item>\n"
                      "<item><title>Headline only</title><pubDate>someday</pubDate></item></channel></rss>\n";
    testutil_write(testutil_dir, "feeds/a.rss", rss, strlen(rss), 0);
    const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom</title><entry><title>E</title>"
                       "<link rel=\"self\" href=\"https://x.test/self\"/><link href=\"https://x.test/e\"/>"
                       "<id>urn:e</id><updated>2026-11-29T08:00:00Z</updated><author><name>Ann</name></author>"
                       "<category term=\"biz\" label=\"Business\"/><category term=\"oil\"/><category label=\"\"/>"
                       "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>One.</p></div>"
                       "</content></entry></feed>";
    testutil_write(testutil_dir, "feeds/b.atom.gz", atom, strlen(atom), 1);
    const char *rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                      "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                      "<channel><title>RDF</title></channel>"
                      "<item><title>R</title><link>https://x.test/r</link><dc:date>2026-02-03</dc:date>"
                      "<dc:subject>Energy</dc:subject>"
                      "<description>Text.</description></item></rdf:RDF>";
    testutil_write(testutil_dir, "feeds/c.xml", rdf, strlen(rdf), 0);
    testutil_write(testutil_dir, "feeds/d.xml", "<config><a>1</a></config>", 25, 0);
    const char *broken = "<rss><channel><item><title>Kept</title><description>yes</description></item>\n"
                         "<item><title>Cut";
    testutil_write(testutil_dir, "feeds/e.rss", broken, strlen(broken), 0);
    testutil_write(testutil_dir, "feeds/f.rss", "<html><body><p>a</p></body></html>", 34, 0);
    /* Windows-1251, as its declaration says: "Москва"; and a DTD's entities, one of them a file. */
    const char *ru = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<!DOCTYPE rss [<!ENTITY f SYSTEM "
                     "\"file:///etc/passwd\"><!ENTITY w \"lol\">]><rss><channel><item><title>\xcc\xee\xf1\xea\xe2\xe0"
                     "</title><description>a &f; &w; b</description></item></channel></rss>";
    testutil_write(testutil_dir, "feeds/g.rss", ru, strlen(ru), 0);
    /* An encoding iconv does not know: named, and never looked up in ICU (whose tables stay). */
    const char *klingon = "<?xml version=\"1.0\" encoding=\"klingon\"?><rss><channel><item><title>x</title>"
                          "</item></channel></rss>";
    testutil_write(testutil_dir, "feeds/h.rss", klingon, strlen(klingon), 0);
    /* An .xml feed whose generator wrote a comment before the root, as WordPress does (a '>'
     * inside it ends no comment): a feed; one whose comment never closes holds no root: text. */
    const char *commented = "<?xml version=\"1.0\"?>\n<!-- generator=\"WordPress/6.4\" on <https://wordpress.org/> -->\n<!---->"
                            "<rss><channel><item><guid>w1</guid><title>W</title></item></channel></rss>";
    testutil_write(testutil_dir, "feeds/i.xml", commented, strlen(commented), 0);
    testutil_write(testutil_dir, "feeds/j.xml", "<!-- open <rss></rss>", 21, 0);
    char in[4096];
    snprintf(in, sizeof in, "%s/feeds", testutil_dir);
    const char *inputs[] = {in};
    quarry_harness *h = run_read(NULL, inputs, 1);
    expect_outputs(h, (const char *const[]){
        "{\"id\":\"g1\",\"title\":\"Pact signed\",\"text\":\"<p>Full <b>story</b>.</p>\","
        "\"url\":\"https://x.test/1\",\"date\":\"2026-12-01\",\"published\":\"Tue, 01 Dec 2026 10:00:00 GMT\","
        "\"author\":\"Jane Roe\",\"source\":\"Wire\",\"categories\":[\"World\",\"Japan\"]}",
        "{\"id\":\"https://x.test/2\",\"title\":\"Oil & gas\",\"text\":\"<p>Oil rose.</p>\","
        "\"url\":\"https://x.test/2\",\"date\":\"2026-11-30\",\"published\":\"30 Nov 26 09:00 +0000\","
        "\"source\":\"Wire\"}",
        "{\"id\":\"a:3\",\"title\":\"Headline only\",\"text\":\"\",\"published\":\"someday\",\"source\":\"Wire\"}",
        "{\"id\":\"urn:e\",\"title\":\"E\","
        "\"text\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><p>One.</p></div>\",\"url\":\"https://x.test/e\","
        "\"date\":\"2026-11-29\",\"published\":\"2026-11-29T08:00:00Z\",\"author\":\"Ann\",\"source\":\"Atom\","
        "\"categories\":[\"Business\",\"oil\"]}",
        "{\"id\":\"https://x.test/r\",\"title\":\"R\",\"text\":\"Text.\",\"url\":\"https://x.test/r\","
        "\"date\":\"2026-02-03\",\"published\":\"2026-02-03\",\"source\":\"RDF\",\"categories\":[\"Energy\"]}",
        "{\"id\":\"d\",\"text\":\"<config><a>1</a></config>\"}",
        "{\"id\":\"e:1\",\"title\":\"Kept\",\"text\":\"yes\"}",
        "{\"id\":\"e:2\",\"title\":\"Cut\",\"text\":\"\"}",
        "{\"id\":\"g:1\",\"title\":\"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0\",\"text\":\"a   b\"}",
        "{\"id\":\"w1\",\"title\":\"W\",\"text\":\"\"}", "{\"id\":\"j\",\"text\":\"<!-- open <rss></rss>\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 3);
    const char *why = quarry_harness_reject_reason(h, 0);
    ck_assert_msg(strstr(why, "e.rss: not well-formed XML (line 2: ") &&
                      strstr(why, "2 items read from it; any after the break are lost"), "%s", why);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 1),
                                 "f.rss: not an RSS or Atom feed: its root element is <html>"));
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 2), "h.rss: its XML declaration names encoding "
                                                                     "'klingon', which iconv does not know"));
    quarry_harness_free(h);
}
END_TEST

/* duplicates = first: a folder of a feed's snapshots, each repeating some items of the one
 * before, gives each item once, as the first snapshot had it. */
START_TEST(test_duplicates_first)
{
    const char *monday = "<rss><channel><item><guid>a</guid><title>A</title></item>"
                         "<item><guid>b</guid><title>B</title></item></channel></rss>";
    const char *tuesday = "<rss><channel><item><guid>b</guid><title>B, updated</title></item>"
                          "<item><guid>c</guid><title>C</title></item></channel></rss>";
    testutil_write(testutil_dir, "snap/1-monday.rss", monday, strlen(monday), 0);
    testutil_write(testutil_dir, "snap/2-tuesday.rss", tuesday, strlen(tuesday), 0);
    char in[4096];
    snprintf(in, sizeof in, "%s/snap", testutil_dir);
    const char *inputs[] = {in};
    const char *first[] = {"duplicates", "first", NULL};
    quarry_harness *h = run_read(first, inputs, 1);
    expect_outputs(h, (const char *const[]){"{\"id\":\"a\",\"title\":\"A\",\"text\":\"\"}",
                                            "{\"id\":\"b\",\"title\":\"B\",\"text\":\"\"}",
                                            "{\"id\":\"c\",\"title\":\"C\",\"text\":\"\"}", NULL});
    ck_assert_uint_eq(quarry_harness_reject_count(h), 0);
    quarry_harness_free(h);
    h = run_read(NULL, inputs, 1); /* keep, the default: all four */
    ck_assert_uint_eq(quarry_harness_output_count(h), 4);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_globs_and_missing_input)
{
    testutil_write(testutil_dir, "g/b.txt", "b", 1, 0);
    testutil_write(testutil_dir, "g/a.txt", "a", 1, 0);
    testutil_write(testutil_dir, "g/a.log", "no", 2, 0);
    char glob[4096];
    snprintf(glob, sizeof glob, "%s/g/*.txt", testutil_dir);
    const char *inputs[] = {glob};
    quarry_harness *h = run_read(NULL, inputs, 1);
    ck_assert_uint_eq(quarry_harness_output_count(h), 2);
    expect_output(h, 0, "{\"id\":\"a\",\"text\":\"a\"}");
    quarry_harness_free(h);

    char missing[4096];
    snprintf(missing, sizeof missing, "%s/none", testutil_dir);
    const char *inputs2[] = {missing};
    h = testutil_harness("read", NULL, testutil_dir, inputs2, 1);
    quarry_buf err = {0};
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "none: No such file or directory"));
    quarry_harness_free(h);
    h = testutil_harness("read", NULL, testutil_dir, NULL, 0);
    err.len = 0;
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "no input"));
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

/* live_read's hooks: WAITING counts its calls and, once, writes what the reader waits for. */
typedef struct live_probe {
    int write_end, waits;
    const char *late; /* written by the first wait */
} live_probe;

static void live_probe_waiting(void *arg)
{
    live_probe *p = arg;
    if (p->waits++ == 0 && p->late)
        ck_assert_int_eq(write(p->write_end, p->late, strlen(p->late)), (ssize_t)strlen(p->late));
}

static int live_probe_stopped(void *arg)
{
    (void)arg;
    return 1;
}

START_TEST(test_live_pipe)
{
    static const live_hooks hooks = {live_probe_waiting, live_probe_stopped};
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    /* Which standard inputs are read as their bytes come: a pipe, not of gzip data, and a
     * terminal. */
    ck_assert(live_input(fds[0], (const unsigned char *)"{\"id\"", 5));
    ck_assert(!live_input(fds[0], (const unsigned char *)"\x1F\x8B", 2));
    ck_assert(!live_input(fds[0], NULL, 0)); /* not peeked at */
    testutil_write(testutil_dir, "file.jsonl", "{}\n", 3, 0);
    char path[4096];
    snprintf(path, sizeof path, "%s/file.jsonl", testutil_dir);
    int file = open(path, O_RDONLY);
    ck_assert(!live_input(file, (const unsigned char *)"{}", 2));
    close(file);
    int null = open("/dev/null", O_RDONLY); /* a device, but no terminal */
    ck_assert(!live_input(null, NULL, 0));
    close(null);
    int master = posix_openpt(O_RDWR | O_NOCTTY); /* a terminal: nothing to peek at */
    if (master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0) {
        int tty = open(ptsname(master), O_RDWR | O_NOCTTY);
        ck_assert(tty >= 0);
        ck_assert(live_input(tty, NULL, 0));
        close(tty);
    }
    if (master >= 0)
        close(master);
    /* What has come, without waiting to fill the buffer, and no wait announced before it. */
    char buf[1 << 16];
    live_probe probe = {fds[1], 0, "late\n"};
    ck_assert_int_eq(write(fds[1], "one\n", 4), 4);
    ck_assert_int_eq(live_read(fds[0], buf, sizeof buf, &hooks, &probe), 4);
    ck_assert_int_eq(probe.waits, 0);
    /* Nothing has come: the wait is announced first (the probe then writes), then read. */
    ck_assert_int_eq(live_read(fds[0], buf, sizeof buf, &hooks, &probe), 5);
    ck_assert_int_eq(probe.waits, 1);
    ck_assert(memcmp(buf, "late\n", 5) == 0);
    /* The writer gone: the end, with no wait to announce. */
    close(fds[1]);
    ck_assert_int_eq(live_read(fds[0], buf, sizeof buf, &hooks, &probe), 0);
    ck_assert_int_eq(probe.waits, 1);
    close(fds[0]);
    /* The start of a stream tells its format once it holds a byte other than white space, and
     * a byte-order mark whole. */
    ck_assert(!live_head_told("", 0));
    ck_assert(!live_head_told("\n \r\n\t", 5));
    ck_assert(!live_head_told("\xEF", 1));
    ck_assert(!live_head_told("\xEF\xBB", 2));
    ck_assert(!live_head_told("\xEF\xBB\xBF", 3)); /* the mark, but nothing of what it marks */
    ck_assert(live_head_told("\xEF\xBB\xBF{", 4));
    ck_assert(live_head_told("\n{", 2));
    ck_assert(live_head_told("i", 1));
    ck_assert(live_head_told("\xEFx", 2));
}
END_TEST

/* Gzip data in BYTES (LEN of them) as gzin reads it, in chunks of 7 bytes: the bytes into OUT
 * (CAP), their number in *GOT; the problem, or NULL. The reader is closed. */
static const char *gzin_all(const char *name, const void *bytes, size_t len, char *out, size_t cap, size_t *got,
                            char *problem, size_t problem_cap)
{
    testutil_write(testutil_dir, name, bytes, len, 0);
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", testutil_dir, name);
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    gzin *g = gzin_open(fd);
    ck_assert_ptr_nonnull(g);
    ssize_t n;
    *got = 0;
    while ((n = gzin_read(g, out + *got, cap - *got < 7 ? cap - *got : 7)) > 0)
        *got += (size_t)n;
    ck_assert_int_eq(n, 0);
    const char *why = gzin_problem(g);
    if (why)
        snprintf(problem, problem_cap, "%s", why);
    gzin_close(g);
    return why ? problem : NULL;
}

/* A gzip member of the N bytes at DATA, deflated at LEVEL, appended to BUF at *LEN: its size. */
static size_t gzin_member_of(unsigned char *buf, size_t *len, size_t cap, const void *data, size_t n, int level)
{
    z_stream z = {0};
    ck_assert_int_eq(deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)n;
    z.next_out = buf + *len;
    z.avail_out = (uInt)(cap - *len);
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t made = cap - *len - z.avail_out;
    *len += made;
    deflateEnd(&z);
    return made;
}

/* A gzip member of S, appended to BUF at *LEN. */
static void gzin_member(unsigned char *buf, size_t *len, size_t cap, const char *s)
{
    gzin_member_of(buf, len, cap, s, strlen(s), 6);
}

/* A gzip member of exactly SIZE bytes, stored (level 0), of 'a' to 'z' over and over, appended
 * to BUF at *LEN: its data are SIZE less its framing, found by trying lengths near it. */
static void gzin_member_of_size(unsigned char *buf, size_t *len, size_t cap, size_t size)
{
    char *data = malloc(size);
    ck_assert_ptr_nonnull(data);
    for (size_t i = 0; i < size; i++)
        data[i] = (char)('a' + i % 26);
    for (size_t n = size - 18; n > size - 18 - 80; n--) { /* 18: gzip's header and trailer */
        size_t made = gzin_member_of(buf, len, cap, data, n, 0);
        if (made == size) {
            free(data);
            return;
        }
        *len -= made; /* not this one */
    }
    ck_abort_msg("no stored gzip member of %zu bytes", size);
}

/* A member that ends where gzin's read of the file ends, one byte before it (the next member's
 * two magic bytes split between two reads), or one byte after: the next member is read whole.
 * Split at the second read's end, the byte kept is not the one its buffer begins with (at the
 * first, both are a magic byte). */
START_TEST(test_gzip_member_at_read_end)
{
    size_t cap = 3 * GZIN_BUF;
    unsigned char *gz = malloc(cap);
    char *out = malloc(cap), problem[256];
    ck_assert(gz && out);
    const size_t sizes[] = {GZIN_BUF - 2, GZIN_BUF - 1, GZIN_BUF, GZIN_BUF + 1, 2 * GZIN_BUF - 1};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t size = sizes[k], len = 0, got;
        gzin_member_of_size(gz, &len, cap, size);
        gzin_member(gz, &len, cap, "the second member\n");
        ck_assert_ptr_null(gzin_all("edge.gz", gz, len, out, cap, &got, problem, sizeof problem));
        ck_assert_uint_gt(got, 18);
        ck_assert_mem_eq(out + got - 18, "the second member\n", 18);
        ck_assert_int_eq(out[0], 'a');
        ck_assert_int_eq(out[got - 19], 'a' + (int)((got - 19) % 26)); /* the first member's last */
    }
    free(gz);
    free(out);
}
END_TEST

/* Gzip members one after another (as `cat a.gz b.gz` makes) are read whole, and zero bytes after
 * them are padding; other bytes after them, or a member damaged in its first byte, are a problem
 * named with where the gzip data end, after the members before are given. A cut member gives its
 * bytes, then the problem; a failed check gives none of the chunk it fails in. Plain bytes and an
 * empty file are read as they are. */
START_TEST(test_gzip_members)
{
    unsigned char gz[4096];
    char out[4096], problem[256];
    size_t len = 0, got;
    gzin_member(gz, &len, sizeof gz, "{\"id\":\"a\"}\n");
    size_t first = len;
    gzin_member(gz, &len, sizeof gz, "{\"id\":\"b\"}\n");
    ck_assert_ptr_null(gzin_all("two.gz", gz, len, out, sizeof out, &got, problem, sizeof problem));
    ck_assert_uint_eq(got, 22);
    ck_assert_mem_eq(out, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n", 22);
    memset(gz + len, 0, 100);
    ck_assert_ptr_null(gzin_all("padded.gz", gz, len + 100, out, sizeof out, &got, problem, sizeof problem));
    ck_assert_uint_eq(got, 22);
    memcpy(gz + len, "garbage", 7);
    const char *why = gzin_all("garbage.gz", gz, len + 7, out, sizeof out, &got, problem, sizeof problem);
    ck_assert_uint_eq(got, 22);
    ck_assert_ptr_nonnull(why);
    char expected[128];
    snprintf(expected, sizeof expected, "7 bytes after byte %zu, where its gzip data end, are no gzip data", len);
    ck_assert_msg(strstr(why, expected), "%s", why);
    unsigned char damaged[4096];
    memcpy(damaged, gz, len);
    damaged[first] = 0; /* the second member's first byte */
    why = gzin_all("damaged.gz", damaged, len, out, sizeof out, &got, problem, sizeof problem);
    ck_assert_uint_eq(got, 11);
    ck_assert_mem_eq(out, "{\"id\":\"a\"}\n", 11);
    snprintf(expected, sizeof expected, "%zu bytes after byte %zu,", len - first, first);
    ck_assert_msg(why && strstr(why, expected), "%s", why);
    why = gzin_all("cut.gz", gz, first + 12, out, sizeof out, &got, problem, sizeof problem);
    ck_assert_str_eq(why, "truncated gzip data (unexpected end of file)");
    ck_assert_uint_ge(got, 11); /* the first member's, and what the second's start gave */
    ck_assert_mem_eq(out, "{\"id\":\"a\"}\n{", got > 12 ? 12 : got);
    memcpy(damaged, gz, first);
    damaged[first - 8] ^= 0xFF; /* the first member's CRC */
    why = gzin_all("crc.gz", damaged, first, out, sizeof out, &got, problem, sizeof problem);
    ck_assert_str_eq(why, "incorrect data check");
    ck_assert_uint_lt(got, 11);
    ck_assert_ptr_null(gzin_all("plain.txt", "plain \x1f text", 12, out, sizeof out, &got, problem, sizeof problem));
    ck_assert_uint_eq(got, 12);
    ck_assert_mem_eq(out, "plain \x1f text", 12);
    ck_assert_ptr_null(gzin_all("empty.txt", "", 0, out, sizeof out, &got, problem, sizeof problem));
    ck_assert_uint_eq(got, 0);
}
END_TEST

/* What first bytes say a file is: the formats named by their magic (and not a text that only
 * begins like one), binary data past a tenth of control bytes, a record stream's payload. */
START_TEST(test_sniff)
{
    ck_assert_ptr_nonnull(strstr(sniff_other_format("BZh91AY&SY\x01", 11), "bzip2"));
    ck_assert_ptr_null(sniff_other_format("BZh9 is a model number", 22));
    ck_assert_ptr_nonnull(strstr(sniff_other_format("\xFD" "7zXZ\0\0", 7), "xz"));
    ck_assert_ptr_nonnull(strstr(sniff_other_format("PK\x03\x04....", 8), "zip"));
    ck_assert_ptr_null(sniff_other_format("{\\rt is not RTF", 15));
    ck_assert_ptr_null(sniff_other_format("GIF89 is a model", 16));
    ck_assert_ptr_nonnull(strstr(sniff_other_format("%PDF-1.7", 8), "pdftotext"));
    ck_assert_ptr_null(sniff_other_format("%PDF", 4)); /* too short to tell */
    /* 100 bytes: 10 control bytes are a tenth, not over it; 11 are. Tabs, form feeds and ESC
     * (ANSI colours in a log) are text's. */
    unsigned char s[100];
    memset(s, 'a', sizeof s);
    memset(s, 0x01, 10);
    ck_assert(!sniff_binary(s, sizeof s));
    s[10] = 0x02;
    ck_assert(sniff_binary(s, sizeof s));
    memset(s, '\t', 20);
    memset(s + 20, 0x1b, 20);
    memset(s + 40, '\f', 20);
    ck_assert(!sniff_binary(s, sizeof s));
    ck_assert(!sniff_binary(s, 0));
    char why[64];
    ck_assert_str_eq(sniff_binary_problem("ab\0c", 4, why, sizeof why), "binary or corrupt: NUL byte at offset 2");
    ck_assert_ptr_null(sniff_binary_problem("plain text\n", 11, why, sizeof why));
    ck_assert_ptr_null(sniff_binary_problem(NULL, 0, why, sizeof why));
    /* A msgpack map whose first key is a short string, as a saved stream's records begin; a
     * UTF-8 text never begins with two continuation bytes. */
    ck_assert(sniff_records((const unsigned char *)"\x82\xa2id", 4));
    ck_assert(!sniff_records((const unsigned char *)"\xc3\xa9t\xc3\xa9", 5));
    ck_assert(!sniff_records((const unsigned char *)"\x82", 1));
    ck_assert_ptr_nonnull(strstr(sniff_unreadable_start("\xFF\xFE{\0", 4), "UTF-16"));
    ck_assert_ptr_nonnull(strstr(sniff_unreadable_start("PK\x03\x04", 4), "zip"));
    ck_assert_ptr_null(sniff_unreadable_start("{\"id\": 1}", 9));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("read");
    TCase *tc = tcase_create("stage");
    tcase_add_checked_fixture(tc, testutil_dir_setup, testutil_dir_teardown);
    tcase_add_test(tc, test_folder_sorted_relative_ids);
    tcase_add_test(tc, test_bad_files_rejected_run_goes_on);
    tcase_add_test(tc, test_folder_links_read_once);
    tcase_add_test(tc, test_utf16_files);
    tcase_add_test(tc, test_other_formats_named);
    tcase_add_test(tc, test_sniff);
    tcase_add_test(tc, test_own_output_folder_not_read);
    tcase_add_test(tc, test_jsonl_lines);
    tcase_add_test(tc, test_text_kinds);
    tcase_add_test(tc, test_fields_format_limits);
    tcase_add_test(tc, test_json_split);
    tcase_add_test(tc, test_json_files);
    tcase_add_test(tc, test_json_records);
    tcase_add_test(tc, test_csv_split);
    tcase_add_test(tc, test_tsv_split);
    tcase_add_test(tc, test_tsv_files);
    tcase_add_test(tc, test_csv_dialects);
    tcase_add_test(tc, test_csv_files);
    tcase_add_test(tc, test_case_twins);
    tcase_add_test(tc, test_csv_limits_and_cuts);
    tcase_add_test(tc, test_feeds);
    tcase_add_test(tc, test_duplicates_first);
    tcase_add_test(tc, test_globs_and_missing_input);
    tcase_add_test(tc, test_live_pipe);
    tcase_add_test(tc, test_gzip_members);
    tcase_add_test(tc, test_gzip_member_at_read_end);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
