/* test_ngrams.c: unit tests of the ngrams stage: counts within sentences and clauses, stop-word
 * edges, the corpus tables, and collocation scores checked against a hand computation. */
#include "colloc.h"

#include "testutil.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

START_TEST(test_scores_by_hand)
{
    /* 1000 tokens (and 1000 bigram positions); "new" 20 times, "york" 10, "new york" 8.
     * P(g) = 8/1000, P(new) = 0.02, P(york) = 0.01.
     * PMI = log2(0.008 / 0.0002) = log2(40) = 5.321928; NPMI = 5.321928 / -log2(0.008) = 0.762.
     * t = (8 - 1000 * 0.0002) / sqrt(8) = 7.8 / 2.828427 = 2.757716.
     * G^2 table: O11 8, O12 12, O21 2, O22 978; rows 20/980, columns 10/990; E11 0.2,
     * E12 19.8, E21 9.8, E22 970.2:
     * 2 (8 ln 40 + 12 ln(12/19.8) + 2 ln(2/9.8) + 978 ln(978/970.2)) = 2 (29.511 - 6.009
     * - 3.178 + 7.832) = 56.31. */
    uint64_t words[2] = {20, 10};
    colloc_scores s = colloc_score(8, 1000, words, 2, 1000, 20, 1000);
    ck_assert_double_eq_tol(s.pmi, 5.321928, 1e-5);
    ck_assert_double_eq_tol(s.npmi, 5.321928 / 6.965784, 1e-5);
    ck_assert_double_eq_tol(s.t, 2.757716, 1e-5);
    double g2 = 2 * (8 * log(8 / 0.2) + 12 * log(12 / 19.8) + 2 * log(2 / 9.8) + 978 * log(978 / 970.2));
    ck_assert_double_eq_tol(s.llr, g2, 1e-6);
    ck_assert_double_eq_tol(s.llr, 56.31, 0.01);
    /* Words seen only together: NPMI 1, for a trigram too. */
    uint64_t alone[3] = {5, 5, 5};
    ck_assert_double_eq_tol(colloc_score(5, 1000, alone, 2, 1000, 5, 1000).npmi, 1, 1e-9);
    ck_assert_double_eq_tol(colloc_score(5, 1000, alone, 3, 1000, 5, 1000).npmi, 1, 1e-9);
    /* Independence: PMI 0. */
    uint64_t common[2] = {100, 100};
    ck_assert_double_eq_tol(colloc_score(10, 1000, common, 2, 1000, 100, 1000).pmi, 0, 1e-9);
}
END_TEST

static quarry_record *doc(const char *json)
{
    quarry_record *r = quarry_record_new();
    quarry_buf err = {0};
    ck_assert_int_eq(quarry_record_from_json(r, json, strlen(json), &err), 0);
    quarry_buf_free(&err);
    return r;
}

/* Runs ngrams with KV on the one document JSON, to its end: the harness, to free. */
static quarry_harness *ngrams_on(const char *const *kv, const char *json)
{
    quarry_buf err = {0};
    quarry_harness *h = testutil_harness("ngrams", kv, NULL, NULL, 0);
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *d = doc(json);
    ck_assert_msg(quarry_harness_push(h, d, &err) == 0, "%s", err.data);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    quarry_record_free(d);
    quarry_buf_free(&err);
    return h;
}

/* Whether output ROW is of table NAME. */
static int row_of(const quarry_record *row, const char *name)
{
    size_t len;
    const char *table = quarry_get_string(row, "_table", &len);
    return table && len == strlen(name) && !memcmp(table, name, len);
}

/* Checks that the document, H's first output, holds EXPECTED in its JSON. */
static void document_holds(quarry_harness *h, const char *expected)
{
    char *j = testutil_json(quarry_harness_output(h, 0));
    ck_assert_msg(strstr(j, expected), "%s", j);
    free(j);
}

/* Whether output ROW is the n-gram TEXT. */
static int ngram_is(const quarry_record *row, const char *text)
{
    size_t len;
    const char *gram = quarry_get_string(row, "ngram", &len);
    return gram && len == strlen(text) && !memcmp(gram, text, len);
}

/* Runs ngrams with KV on "the cyber security deal . cyber security talks": the stop word "the"
 * starts no n-gram, and "deal cyber" crosses a sentence, so it is not one. Checks the corpus
 * tables that follow the document (counts first, then the collocations of 2+ words) and
 * returns the document's JSON. */
static char *count_cyber_security(const char *const *kv)
{
    quarry_harness *h = ngrams_on(kv, "{\"id\":\"a\",\"tokens\":[\"the\",\"cyber\",\"security\",\"deal\","
                                      "\"cyber\",\"security\",\"talks\"],\"stop\":[1,0,0,0,0,0,0],"
                                      "\"sentences\":[0,4]}");
    char *j = testutil_json(quarry_harness_output(h, 0));
    int colloc = 0, grams = 0;
    for (size_t i = 1; i < quarry_harness_output_count(h); i++) {
        int counts = row_of(quarry_harness_output(h, i), "ngrams");
        if (counts)
            grams++;
        else
            colloc++;
        ck_assert_msg(!(counts && colloc), "ngrams rows come before collocations");
    }
    ck_assert_int_eq(grams, 7);
    ck_assert_int_eq(colloc, 3);
    quarry_harness_free(h);
    return j;
}

START_TEST(test_passes_other_tables_rows)
{
    /* keywords' table has a 'stems' column, a string: its row is no document with stems. */
    const char *kv[] = {"field", "stems", "min-count", "1", NULL};
    const char *row = "{\"_table\":\"keywords\",\"keyword\":\"India\",\"stems\":\"india\",\"df\":5}";
    quarry_harness *h = ngrams_on(kv, row);
    ck_assert_int_eq(quarry_harness_reject_count(h), 0);
    ck_assert_int_eq(quarry_harness_output_count(h), 1); /* the row; no table of its words */
    char *j = testutil_json(quarry_harness_output(h, 0));
    ck_assert_str_eq(j, row);
    free(j);
    quarry_harness_free(h);
    /* A row of a table ngrams makes stops the run: one write would mix the two. */
    quarry_buf err = {0};
    h = testutil_harness("ngrams", NULL, NULL, NULL, 0);
    ck_assert_int_eq(quarry_harness_open(h, &err), 0);
    quarry_record *mine = doc("{\"_table\":\"ngrams\",\"ngram\":\"india\",\"tokens\":[\"india\"]}");
    ck_assert_int_ne(quarry_harness_push(h, mine, &err), 0);
    ck_assert_msg(strstr(err.data, "already holds rows of table 'ngrams'"), "%s", err.data);
    quarry_record_free(mine);
    quarry_buf_free(&err);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_counts_within_sentences)
{
    const char *kv[] = {"max", "2", "min-count", "1", "top", "0", NULL};
    char *j = count_cyber_security(kv);
    /* Most frequent first; ties in the order the n-grams first appear. */
    ck_assert_msg(strstr(j, "\"ngrams\":[[\"cyber\",2],[\"cyber security\",2],[\"security\",2],"
                            "[\"security deal\",1],[\"deal\",1],[\"security talks\",1],[\"talks\",1]]"),
                  "%s", j);
    free(j);
    /* per-document = false: the same tables, and no list in the document. */
    const char *tables_only[] = {"max", "2", "min-count", "1", "top", "0", "per-document", "false", NULL};
    j = count_cyber_security(tables_only);
    ck_assert_msg(!strstr(j, "\"ngrams\"") && strstr(j, "\"talks\""), "%s", j);
    free(j);
}
END_TEST

START_TEST(test_order_of_a_repeated_word)
{
    /* "sell. buy. buy. ... hold.": one word far more often than the document has n-grams (the
     * document's list is then sorted by comparison, not by counting its counts), in the same
     * order: most frequent first, ties as they first appear. */
    quarry_buf json = {0};
    const char *head = "{\"id\":\"a\",\"tokens\":[\"sell\"", *buy = ",\"buy\"", *hold = ",\"hold\"],\"sentences\":[0";
    quarry_buf_append(&json, head, strlen(head));
    for (int i = 0; i < 100; i++)
        quarry_buf_append(&json, buy, strlen(buy));
    quarry_buf_append(&json, hold, strlen(hold));
    for (int i = 1; i < 102; i++) {
        char at[16];
        quarry_buf_append(&json, at, (size_t)snprintf(at, sizeof at, ",%d", i));
    }
    quarry_buf_append(&json, "]}", 3);
    const char *kv[] = {"min-count", "1", NULL};
    quarry_harness *h = ngrams_on(kv, json.data);
    document_holds(h, "\"ngrams\":[[\"buy\",100],[\"sell\",1],[\"hold\",1]]");
    quarry_harness_free(h);
    quarry_buf_free(&json);
}
END_TEST

/* The document's n-grams of "merrill lynch , pierce fenner" with KV, its comma a clause. */
static char *merrill_lynch(const char *const *kv)
{
    quarry_harness *h = ngrams_on(kv, "{\"id\":\"a\",\"tokens\":[\"merrill\",\"lynch\",\"pierce\",\"fenner\"],"
                                      "\"sentences\":[0],\"clauses\":[2]}");
    char *j = testutil_json(quarry_harness_output(h, 0));
    quarry_harness_free(h);
    return j;
}

START_TEST(test_counts_within_clauses)
{
    /* No n-gram runs across the comma ("lynch pierce"), unless within = sentences. */
    const char *kv[] = {"max", "2", "min-count", "1", NULL};
    char *j = merrill_lynch(kv);
    ck_assert_msg(strstr(j, "\"ngrams\":[[\"merrill\",1],[\"merrill lynch\",1],[\"lynch\",1],[\"pierce\",1],"
                            "[\"pierce fenner\",1],[\"fenner\",1]]"),
                  "%s", j);
    free(j);
    const char *sentences[] = {"max", "2", "min-count", "1", "within", "sentences", NULL};
    j = merrill_lynch(sentences);
    ck_assert_msg(strstr(j, "[\"lynch pierce\",1]"), "%s", j);
    free(j);
}
END_TEST

/* How many rows of H's output hold NGRAM in the ngrams table (*COUNTED) and in the
 * collocations table (*SCORED). */
static void ngram_rows(quarry_harness *h, const char *ngram, int *counted, int *scored)
{
    *counted = *scored = 0;
    for (size_t i = 1; i < quarry_harness_output_count(h); i++) {
        const quarry_record *row = quarry_harness_output(h, i);
        if (ngram_is(row, ngram))
            *(row_of(row, "collocations") ? scored : counted) += 1;
    }
}

START_TEST(test_figures_are_no_collocation)
{
    /* "Gold 421.90 422.40 . Gold 421.90 422.40": the pair of prices is counted, but it is no
     * collocation, while "gold 421.90" (a word and a figure) is one. */
    const char *kv[] = {"max", "2", "top", "0", NULL};
    quarry_harness *h = ngrams_on(kv, "{\"id\":\"a\",\"tokens\":[\"gold\",\"421.90\",\"422.40\",\"gold\","
                                      "\"421.90\",\"422.40\"],\"sentences\":[0,3]}");
    int counted, scored;
    ngram_rows(h, "421.90 422.40", &counted, &scored);
    ck_assert_int_eq(counted, 1);
    ck_assert_int_eq(scored, 0);
    ngram_rows(h, "gold 421.90", &counted, &scored);
    ck_assert_int_eq(scored, 1);
    quarry_harness_free(h);
    /* "4/2/87 prev wk . 4/2/87 prev wk . 9/11 attacks . 9/11 attacks": a date in figures is in no
     * collocation, "9/11" (one slash) is. */
    h = ngrams_on(kv, "{\"id\":\"a\",\"tokens\":[\"4/2/87\",\"prev\",\"wk\",\"4/2/87\",\"prev\",\"wk\","
                      "\"9/11\",\"attacks\",\"9/11\",\"attacks\"],\"sentences\":[0,3,6,8]}");
    ngram_rows(h, "4/2/87 prev", &counted, &scored);
    ck_assert_int_eq(counted, 1);
    ck_assert_int_eq(scored, 0);
    ngram_rows(h, "prev wk", &counted, &scored);
    ck_assert_int_eq(scored, 1);
    ngram_rows(h, "9/11 attacks", &counted, &scored);
    ck_assert_int_eq(scored, 1);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_ties_by_count)
{
    /* "alpha bravo" twice and "zulu yankee" three times, each pair's words only together: both
     * score NPMI 1, and the pair seen more often comes first. */
    const char *kv[] = {"max", "2", "top", "0", NULL};
    quarry_harness *h = ngrams_on(kv, "{\"id\":\"a\",\"tokens\":[\"alpha\",\"bravo\",\"zulu\",\"yankee\","
                                      "\"alpha\",\"bravo\",\"zulu\",\"yankee\",\"zulu\",\"yankee\"],"
                                      "\"sentences\":[0,2,4,6,8]}");
    const char *order[2] = {NULL, NULL};
    size_t lens[2] = {0, 0}, found = 0;
    for (size_t i = 1; i < quarry_harness_output_count(h) && found < 2; i++) {
        const quarry_record *row = quarry_harness_output(h, i);
        if (row_of(row, "collocations")) {
            order[found] = quarry_get_string(row, "ngram", &lens[found]);
            found++;
        }
    }
    ck_assert_uint_eq(found, 2);
    ck_assert_msg(lens[0] == 11 && !memcmp(order[0], "zulu yankee", 11), "%.*s first", (int)lens[0], order[0]);
    ck_assert_msg(lens[1] == 11 && !memcmp(order[1], "alpha bravo", 11), "%.*s second", (int)lens[1], order[1]);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_tokens_holding_a_space)
{
    /* N-grams are counted by their tokens, not their text: "new york" + "times" and "new" +
     * "york times" read alike but are two bigrams, each counted once, each with its own row. */
    const char *kv[] = {"max", "2", "min-count", "1", "top", "0", NULL};
    quarry_harness *h = ngrams_on(kv, "{\"id\":\"a\",\"tokens\":[\"new york\",\"times\",\"new\",\"york times\"],"
                                      "\"sentences\":[0,2]}");
    document_holds(h, "\"ngrams\":[[\"new york\",1],[\"new york times\",1],[\"times\",1],[\"new\",1],"
                      "[\"new york times\",1],[\"york times\",1]]");
    int rows = 0;
    for (size_t i = 1; i < quarry_harness_output_count(h); i++) {
        const quarry_record *row = quarry_harness_output(h, i);
        if (row_of(row, "ngrams") && ngram_is(row, "new york times")) {
            ck_assert_int_eq(quarry_value_int(quarry_get(row, "count")), 1);
            ck_assert_int_eq(quarry_value_int(quarry_get(row, "n")), 2);
            rows++;
        }
    }
    ck_assert_int_eq(rows, 2);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_items_that_are_not_strings)
{
    /* An item of the list that is no string (a number, null) is no word: no n-gram holds it or
     * runs across it, and the words after it count as ever. */
    const char *kv[] = {"max", "2", "min-count", "1", NULL};
    quarry_harness *h = ngrams_on(kv, "{\"id\":\"a\",\"tokens\":[\"cyber\",5,\"security\",null,\"security\","
                                      "\"talks\"],\"sentences\":[0]}");
    document_holds(h, "\"ngrams\":[[\"security\",2],[\"cyber\",1],[\"security talks\",1],[\"talks\",1]]");
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_pruning_is_reported)
{
    quarry_buf err = {0};
    const char *kv[] = {"max", "1", "min-count", "1", "max-terms", "1000", NULL};
    quarry_harness *h = testutil_harness("ngrams", kv, NULL, NULL, 0);
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *d = quarry_record_new();
    char word[16];
    for (int k = 0; k < 3; k++) {
        quarry_record_clear(d);
        quarry_list *t = quarry_set_list(d, "tokens");
        for (int i = 0; i < 1500; i++) { /* 1500 words never seen again... */
            int n = snprintf(word, sizeof word, "w%d", i + 1 + 1500 * k);
            quarry_list_add_string(t, word, (size_t)n);
        }
        for (int i = 0; i < 5; i++) /* ...and "w0", five times in every document */
            quarry_list_add_string(t, "w0", 2);
        ck_assert_msg(quarry_harness_push(h, d, &err) == 0, "%s", err.data);
    }
    ck_assert_int_eq(quarry_harness_finish(h, &err), 0);
    /* The frequent word survives the pruning with its full count; the rare ones are gone. */
    int found = 0;
    for (size_t i = 3; i < quarry_harness_output_count(h); i++) {
        const quarry_record *row = quarry_harness_output(h, i);
        size_t len;
        const char *g = quarry_get_string(row, "ngram", &len);
        if (g && len == 2 && !memcmp(g, "w0", 2)) {
            found = 1;
            ck_assert_int_eq(quarry_value_int(quarry_get(row, "count")), 15);
        }
    }
    ck_assert_int_eq(found, 1);
    ck_assert_uint_lt(quarry_harness_output_count(h), 3 + 1000);
    quarry_record_free(d);
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_bad_settings)
{
    quarry_buf err = {0};
    quarry_harness *h = quarry_harness_new("ngrams", QUARRY_BUILDDIR "/plugins", &err);
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(quarry_harness_set(h, "min", "3", &err), 0);
    ck_assert_int_eq(quarry_harness_set(h, "max", "2", &err), 0);
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "min (3) is more than max (2)"));
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ngrams");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_scores_by_hand);
    tcase_add_test(tc, test_passes_other_tables_rows);
    tcase_add_test(tc, test_counts_within_sentences);
    tcase_add_test(tc, test_order_of_a_repeated_word);
    tcase_add_test(tc, test_counts_within_clauses);
    tcase_add_test(tc, test_figures_are_no_collocation);
    tcase_add_test(tc, test_ties_by_count);
    tcase_add_test(tc, test_tokens_holding_a_space);
    tcase_add_test(tc, test_items_that_are_not_strings);
    tcase_add_test(tc, test_pruning_is_reported);
    tcase_add_test(tc, test_bad_settings);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
