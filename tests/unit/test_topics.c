/* test_topics.c: unit tests of the topics stage's lexicon method: BM25 saturation (one
 * repeated word does not win), phrases within sentences, wildcards, the longest match, weights,
 * labels and evidence, and clear errors for a bad topic file. */
#include "lexicon.h"

#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

START_TEST(test_saturation)
{
    /* At the average length, one occurrence scores 1; repeats approach k1 + 1 and no more. */
    ck_assert_double_eq_tol(lexicon_saturate(1, 300, 300, 1.2, 0.75), 1, 1e-12);
    ck_assert_double_eq_tol(lexicon_saturate(2, 300, 300, 1.2, 0.75), 2 * 2.2 / 3.2, 1e-12);
    ck_assert(lexicon_saturate(1000, 300, 300, 1.2, 0.75) < 2.2);
    /* Longer documents need more occurrences for the same score; b = 0 ignores length. */
    ck_assert(lexicon_saturate(2, 600, 300, 1.2, 0.75) < lexicon_saturate(2, 300, 300, 1.2, 0.75));
    ck_assert_double_eq_tol(lexicon_saturate(2, 600, 300, 1.2, 0), lexicon_saturate(2, 300, 300, 1.2, 0), 1e-12);
    ck_assert_double_eq(lexicon_saturate(0, 300, 300, 1.2, 0.75), 0);
}
END_TEST

static void write_file(const char *name, const char *text)
{
    testutil_write(testutil_dir, name, text, strlen(text), 0);
}

static char *path_of(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", testutil_dir, name);
    return path;
}

/* The topics stage run on one document of TOKENS (stems = tokens, language none). */
static char *run(const char *lexicon_text, const char *doc_json)
{
    write_file("t.topics", lexicon_text);
    const char *kv[] = {"lexicon", path_of("t.topics"), "language", "none", NULL};
    quarry_harness *h = testutil_harness("topics", kv, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *r = quarry_record_new();
    ck_assert_int_eq(quarry_record_from_json(r, doc_json, strlen(doc_json), &err), 0);
    ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s", err.data);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    char *json = testutil_json(quarry_harness_output(h, 0));
    quarry_record_free(r);
    quarry_harness_free(h);
    quarry_buf_free(&err);
    return json;
}

/* Checks that JSON holds each of PARTS (NULL-terminated). */
static void expect_parts(const char *json, const char *const *parts)
{
    for (size_t i = 0; parts[i]; i++)
        ck_assert_msg(strstr(json, parts[i]) != NULL, "%s lacks %s", json, parts[i]);
}

START_TEST(test_one_repeated_word_does_not_win)
{
    /* Topic a: one word said 20 times; topic b: three different words once each. */
    char doc[2048] = "{\"tokens\":[";
    for (int i = 0; i < 20; i++)
        strcat(doc, "\"spam\",");
    strcat(doc, "\"x\",\"y\",\"z\"],\"sentences\":[0]}");
    char *j = run("\xEF\xBB\xBF[a]\nspam\n[b]\nx\ny\nz\n", doc); /* a byte-order mark first */
    ck_assert_msg(strstr(j, "\"labels\":[\"b\"") != NULL, "%s", j);
    free(j);
}
END_TEST

START_TEST(test_phrases_wildcards_longest_match)
{
    /* Sentences: "cyber security talks cyber" | "security telecoms". The first "cyber security"
     * is a phrase; "cyber" then "security" across the sentence end is not, so that "cyber"
     * counts for "cyber*"; "cyber*" inside the matched phrase does not count again; "telecom*"
     * matches "telecoms". */
    char *j = run("[cyber]\ncyber security = 2\ncyber*\n[telco]\ntelecom*\n",
                  "{\"tokens\":[\"cyber\",\"security\",\"talks\",\"cyber\",\"security\",\"telecoms\"],"
                  "\"sentences\":[0,4]}");
    expect_parts(j, (const char *const[]){"[\"cyber: cyber security\",1]", "[\"cyber: cyber*\",1]",
                                          "[\"telco: telecom*\",1]", NULL});
    /* Every topic's score, in file order: cyber = 2 sat(1) + sat(1), telco = sat(1), for 6
     * tokens against an average of 300. */
    double s1 = lexicon_saturate(1, 6, 300, 1.2, 0.75);
    const char *at = strstr(j, "\"topics\":[[\"cyber\",");
    ck_assert_ptr_nonnull(at);
    ck_assert_double_eq_tol(strtod(at + strlen("\"topics\":[[\"cyber\","), NULL), 3 * s1, 1e-9);
    at = strstr(j, "[\"telco\",");
    ck_assert_ptr_nonnull(at);
    ck_assert_double_eq_tol(strtod(at + strlen("[\"telco\","), NULL), s1, 1e-9);
    free(j);
}
END_TEST

/* Wildcards of every length, mixed with others of the same topic: the short one ("5g*", below
 * the index's key) and the keyed ones ("tel*" and "telecom*" share a key) each find their
 * tokens; of two matching at one token, the later in the file counts, as always. */
START_TEST(test_wildcards_indexed)
{
    char *j = run("[net]\n5g*\ntel*\ntelecom*\nnetwork*\n[other]\ntelex*\n",
                  "{\"tokens\":[\"5gs\",\"telephone\",\"telecoms\",\"networks\",\"telex\"],"
                  "\"sentences\":[0]}");
    expect_parts(j, (const char *const[]){"[\"net: 5g*\",1]",
                                          "[\"net: tel*\",2]",     /* telephone, telex */
                                          "[\"net: telecom*\",1]", /* telecoms: the later */
                                          "[\"net: network*\",1]", "[\"other: telex*\",1]", NULL});
    free(j);
}
END_TEST

/* A lexicon's words are lower-cased as tokenize lower-cases tokens, beyond ASCII too: "Ölpreis",
 * "РОССИЯ" and the wildcard "Öl*" find the tokens "ölpreis", "россия" and "ölkrise". */
START_TEST(test_capitals_beyond_ascii)
{
    char *j = run("[energy]\n\xc3\x96lpreis\n\xc3\x96l*\n"
                  "[russia]\n\xd0\xa0\xd0\x9e\xd0\xa1\xd0\xa1\xd0\x98\xd0\xaf\n",
                  "{\"tokens\":[\"\xc3\xb6lpreis\",\"\xc3\xb6lkrise\","
                  "\"\xd1\x80\xd0\xbe\xd1\x81\xd1\x81\xd0\xb8\xd1\x8f\"],\"sentences\":[0]}");
    expect_parts(j, (const char *const[]){"[\"energy: \xc3\x96lpreis\",1]", "[\"energy: \xc3\x96l*\",1]",
                                          "[\"russia: \xd0\xa0\xd0\x9e\xd0\xa1\xd0\xa1\xd0\x98\xd0\xaf\",1]", NULL});
    free(j);
}
END_TEST

START_TEST(test_bad_files)
{
    const char *files[][2] = {
        {"word\n[t]\n", "t.topics:1: a term before any [topic]"},
        {"[t]\nword = lots\n", "t.topics:2: the weight after '=' is not a positive number"},
        {"[t]\nwo*rd\n", "t.topics:2: '*' may only end a word"},
        {"[t]\nx\n[t]\n", "t.topics:3: this topic was named before"},
        {"# nothing\n", "t.topics: no [topic] in the file"},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        write_file("t.topics", files[i][0]);
        const char *kv[] = {"lexicon", path_of("t.topics"), NULL};
        quarry_harness *h = testutil_harness("topics", kv, NULL, NULL, 0);
        quarry_buf err = {0};
        ck_assert_int_eq(quarry_harness_open(h, &err), -1);
        ck_assert_msg(strstr(err.data, files[i][1]) != NULL, "%s", err.data);
        quarry_buf_free(&err);
        quarry_harness_free(h);
    }
    /* No lexicon at all. */
    quarry_harness *h = testutil_harness("topics", NULL, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_msg(strstr(err.data, "needs a topic file") != NULL, "%s", err.data);
    quarry_harness_free(h);
    /* A language libstemmer has no stemmer for: named with the closest one and all of them, as
     * stem names it (snowball.h). */
    write_file("t.topics", "[t]\nword\n");
    const char *typo[] = {"lexicon", path_of("t.topics"), "language", "englsh", NULL};
    h = testutil_harness("topics", typo, NULL, NULL, 0);
    err.len = 0;
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_msg(strstr(err.data, "unknown language 'englsh' (did you mean 'english'?); libstemmer has: ") &&
                      strstr(err.data, "russian"),
                  "%s", err.data);
    quarry_buf_free(&err);
    quarry_harness_free(h);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("topics");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, testutil_dir_setup, testutil_dir_teardown);
    tcase_add_test(tc, test_saturation);
    tcase_add_test(tc, test_one_repeated_word_does_not_win);
    tcase_add_test(tc, test_phrases_wildcards_longest_match);
    tcase_add_test(tc, test_wildcards_indexed);
    tcase_add_test(tc, test_capitals_beyond_ascii);
    tcase_add_test(tc, test_bad_files);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
