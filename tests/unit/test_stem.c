/* test_stem.c: unit tests of the stem stage: word-for-word agreement with Snowball's own test
 * vocabularies (a sample, below), alignment, the surface table, bad languages and fields. */
#include "language.h"
#include "testutil.h"

#include <check.h>
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

/* A sample of Snowball's test vocabularies and their expected stems (snowballstem.org,
 * BSD licence: see data/stopwords/NOTICE for the Snowball copyright notice). */
static const struct {
    const char *language, *word, *stem;
} samples[] = {
    {"english", "bleached", "bleach"},
    {"english", "conquered", "conquer"},
    {"english", "drawls", "drawl"},
    {"english", "freeze", "freez"},
    {"english", "inconsiderateness", "inconsider"},
    {"english", "masts", "mast"},
    {"english", "pebble", "pebbl"},
    {"english", "reluctantly", "reluct"},
    {"porter", "blast", "blast"},
    {"porter", "confiscation", "confisc"},
    {"porter", "draymen", "draymen"},
    {"porter", "fredaines", "fredain"},
    {"porter", "indescribably", "indescrib"},
    {"porter", "meilleur", "meilleur"},
    {"porter", "perfidious", "perfidi"},
    {"porter", "representations", "represent"},
    {"russian", "\xd0\xb2\xd0\xbe\xd1\x80\xd0\xbe\xd1\x82\xd0\xb0", "\xd0\xb2\xd0\xbe\xd1\x80\xd0\xbe\xd1\x82"},
    {"russian", "\xd0\xb4\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb5", "\xd0\xb4\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb6"},
    {"russian", "\xd0\xb8\xd0\xb7\xd1\x83\xd0\xbc\xd0\xb8\xd0\xbb\xd1\x81\xd1\x8f", "\xd0\xb8\xd0\xb7\xd1\x83\xd0\xbc"},
    {"russian", "\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x8c\xd1\x88\xd0\xbe\xd0\xb9", "\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x8c\xd1\x88"},
    {"russian", "\xd0\xbd\xd0\xbe\xd1\x87\xd0\xbd\xd1\x8b\xd1\x85", "\xd0\xbd\xd0\xbe\xd1\x87\xd0\xbd"},
    {"russian", "\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbb\xd0\xbe\xd0\xb6\xd0\xb8\xd0\xbb", "\xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5\xd0\xbb\xd0\xbe\xd0\xb6"},
    {"russian", "\xd0\xbf\xd0\xbe\xd1\x88\xd0\xb0\xd1\x82\xd1\x8b\xd0\xb2\xd0\xb0\xd0\xb5\xd1\x82\xd1\x81\xd1\x8f", "\xd0\xbf\xd0\xbe\xd1\x88\xd0\xb0\xd1\x82\xd1\x8b\xd0\xb2\xd0\xb0"},
    {"russian", "\xd1\x80\xd0\xb0\xd0\xb7\xd0\xbe\xd0\xb1\xd1\x8c\xd1\x8e\xd1\x82", "\xd1\x80\xd0\xb0\xd0\xb7\xd0\xbe\xd0\xb1\xd1\x8c\xd1\x8e\xd1\x82"},
    {"german", "\x62\xc3\xa4\x72\x65\x6e\x73\x74\x61\x6c\x6c", "barenstall"},
    {"german", "diefer", "dief"},
    {"german", "feierliches", "feierlich"},
    {"german", "\x67\x65\x77\xc3\xb6\x6e\x6e\x65", "gewonn"},
    {"german", "\x69\x6d\x6d\x65\x72\x77\xc3\xa4\x68\x72\x65\x6e\x64", "immerwahr"},
    {"german", "luftdrucks", "luftdruck"},
    {"german", "prediget", "prediget"},
    {"german", "seltsamkeit", "seltsam"},
    {"greek", "\xce\xb1\xce\xbd\xce\xb7\xcf\x83\xcf\x85\xcf\x87\xce\xaf\xce\xb1", "\xce\xb1\xce\xbd\xce\xb7\xcf\x83\xcf\x85\xcf\x87"},
    {"greek", "\xce\xb2\xce\xb1\xcf\x83\xce\xaf\xce\xbb\xce\xb5\xce\xb9\xce\xbf", "\xce\xb2\xce\xb1\xcf\x83\xce\xb9\xce\xbb\xce\xb5\xce\xb9"},
    {"greek", "\xce\xb4\xce\xb9\xce\xbf\xce\xb9\xce\xba\xce\xbf\xcf\x8d\xcf\x83\xce\xb1", "\xce\xb4\xce\xb9\xce\xbf\xce\xb9\xce\xba"},
    {"greek", "\xce\xb5\xcf\x80\xce\xb1\xce\xbd\xce\xb5\xce\xbd\xcf\x84\xce\xac\xcf\x87\xce\xb8\xce\xb7\xce\xba\xce\xb5", "\xce\xb5\xcf\x80\xce\xb1\xce\xbd\xce\xb5\xce\xbd\xcf\x84\xce\xb1\xcf\x87\xce\xb8"},
    {"greek", "\xce\xba\xce\xb1\xce\xb8\xce\xb9\xcf\x83\xce\xbc\xce\xac\xcf\x84\xcf\x89\xce\xbd", "\xce\xba\xce\xb1\xce\xb8\xce\xb9\xcf\x83\xce\xbc"},
    {"greek", "\xce\xbb\xce\xbf\xce\xb3\xce\xb9\xce\xba\xcf\x8e\xce\xbd", "\xce\xbb\xce\xbf\xce\xb3"},
    {"greek", "\xce\xbf\xce\xb9\xce\xbd\xce\xbf\xcf\x80\xce\xbf\xcf\x83\xce\xaf\xce\xb1", "\xce\xbf\xce\xb9\xce\xbd\xce\xbf\xcf\x80\xce\xbf\xcf\x83"},
    {"greek", "\xcf\x80\xce\xbf\xce\xbb\xcf\x85\xce\xb5\xcf\x83\xcf\x84\xce\xad\xcf\x81\xce\xb1", "\xcf\x80\xce\xbf\xce\xbb\xcf\x85"},
    {"french", "averse", "avers"},
    {"french", "colle", "coll"},
    {"french", "\x64\xc3\xa9\x72\x61\x6e\x67\xc3\xa9", "\x64\xc3\xa9\x72\x61\x6e\x67"},
    {"french", "entretinrent", "entretinrent"},
    {"french", "\x67\x6c\x61\xc3\xa7\x61\x69\x74", "glac"},
    {"french", "justificatif", "justif"},
    {"french", "notaire", "notair"},
    {"french", "pozzo", "pozzo"},
    {"spanish", "aspiran", "aspir"},
    {"spanish", "ciclismo", "ciclism"},
    {"spanish", "\x64\xc3\xa9\x63\x61\x64\x61", "dec"},
    {"spanish", "enfermedades", "enfermedad"},
    {"spanish", "generandoles", "gener"},
    {"spanish", "italiano", "italian"},
    {"spanish", "motivo", "motiv"},
    {"spanish", "planeando", "plan"},
    {"turkish", "\x62\x61\x73\x6b\xc4\xb1\x6e\x27", "\x62\x61\x73\x6b\xc4\xb1\x6e\x27"},
    {"turkish", "\x64\x61\xc4\x9f\xc4\xb1\x27\x6e\x61", "\x64\x61\xc4\x9f\xc4\xb1\x27\x6e\x61"},
    {"turkish", "extra", "extra"},
    {"turkish", "\x68\x61\x6e\xc4\xb1", "ha"},
    {"turkish", "karpuzu", "karpuz"},
    {"turkish", "\x6c\xc3\xbc\x66\x65\x6e", "\x6c\xc3\xbc\x66\x65"},
    {"turkish", "parsak", "par"},
    {"turkish", "soyunarak", "soyunarak"},
    {"finnish", "alkoholiongelma", "alkoholiongelm"},
    {"finnish", "arvioitsijoiden", "arvioitsij"},
    {"finnish", "banaania", "banaan"},
    {"finnish", "demokraattisena", "demokraattis"},
    {"finnish", "\x65\x6c\xc3\xa4\x6d\xc3\xa4\x6e\x74\x79\xc3\xb6\x74\xc3\xa4\xc3\xa4\x6e", "\x65\x6c\xc3\xa4\x6d\xc3\xa4\x6e\x74\x79\xc3\xb6"},
    {"finnish", "etnisen", "etnis"},
    {"finnish", "haastettiin", "haastet"},
    {"finnish", "\x68\x65\x69\x6b\x6b\x6f\x70\xc3\xa4\x69\x6e\x65\x6e", "\x68\x65\x69\x6b\x6b\x6f\x70\xc3\xa4\x69\x6e"},
};

/* A harness for stem with KV parameters, opened. */
static quarry_harness *stem_harness(const char *const *kv)
{
    quarry_harness *h = testutil_harness("stem", kv, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_buf_free(&err);
    return h;
}

static void push_tokens(quarry_harness *h, const char *const *tokens, size_t n)
{
    quarry_buf err = {0};
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "id", "d", 1);
    quarry_list *l = quarry_set_list(r, "tokens");
    for (size_t i = 0; i < n; i++)
        quarry_list_add_string(l, tokens[i], strlen(tokens[i]));
    ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s", err.data);
    quarry_record_free(r);
    quarry_buf_free(&err);
}

START_TEST(test_snowball_samples)
{
    size_t n = sizeof samples / sizeof samples[0];
    for (size_t i = 0; i < n; i++) {
        const char *kv[] = {"language", samples[i].language, "table", "false", NULL};
        quarry_harness *h = stem_harness(kv);
        push_tokens(h, &samples[i].word, 1);
        quarry_buf err = {0};
        ck_assert(quarry_harness_finish(h, &err) == 0);
        size_t len;
        const quarry_value *stems = quarry_get(quarry_harness_output(h, 0), "stems");
        const char *got = quarry_value_string(quarry_value_at(stems, 0), &len);
        ck_assert_msg(got && len == strlen(samples[i].stem) && !memcmp(got, samples[i].stem, len),
                      "%s: %s -> %.*s, want %s", samples[i].language, samples[i].word, (int)len,
                      got ? got : "", samples[i].stem);
        quarry_harness_free(h);
    }
}
END_TEST

/* REC's FIELD: a list of the N strings of LIST. */
static void set_strings(quarry_record *rec, const char *field, const char *const *list, size_t n)
{
    quarry_list *l = quarry_set_list(rec, field);
    for (size_t i = 0; i < n; i++)
        quarry_list_add_string(l, list[i], strlen(list[i]));
}

/* H's output I is the JSON record WANT. */
static void expect_json(quarry_harness *h, size_t i, const char *want)
{
    char *j = testutil_json(quarry_harness_output(h, i));
    ck_assert_str_eq(j, want);
    free(j);
}

START_TEST(test_alignment_and_surfaces)
{
    quarry_harness *h = stem_harness(NULL);
    quarry_buf err = {0};
    quarry_record *r = quarry_record_new();
    static const char *const folded[] = {"cyber-security", "running", "runs", "japan"};
    static const char *const surface[] = {"cyber-security", "Running", "runs", "Japan"};
    set_strings(r, "tokens", folded, 4);
    set_strings(r, "surface", surface, 4);
    quarry_list_add_int(quarry_set_list(r, "other"), 1);
    ck_assert(quarry_harness_push(h, r, &err) == 0);
    quarry_record_clear(r);
    set_strings(r, "tokens", folded, 2);
    ck_assert(quarry_harness_push(h, r, &err) == 0);
    ck_assert(quarry_harness_finish(h, &err) == 0);
    char *j = testutil_json(quarry_harness_output(h, 0));
    ck_assert_ptr_nonnull(strstr(j, "\"stems\":[\"cyber-secur\",\"run\",\"run\",\"japan\"]"));
    free(j);
    /* 2 documents, then the table rows in byte order of the stems. */
    ck_assert_uint_eq(quarry_harness_output_count(h), 2 + 3);
    expect_json(h, 2, "{\"_table\":\"stems\",\"stem\":\"cyber-secur\",\"surface\":\"cyber-security\","
                      "\"count\":2,\"total\":2,\"forms\":1}");
    /* "Running", "runs" and (second document, no surface field) "running" once each: the tie
     * goes to the smaller in byte order, so the answer does not depend on arrival order. */
    expect_json(h, 4, "{\"_table\":\"stems\",\"stem\":\"run\",\"surface\":\"Running\",\"count\":1,"
                      "\"total\":3,\"forms\":3}");
    quarry_record_free(r);
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

/* One surface written for two tokens (a tokenizer of the researcher's that folds "Running" to
 * "running" in one place and keeps it in another): each token is stemmed as itself, never as
 * the other that its surface was first seen with. */
START_TEST(test_one_surface_two_tokens)
{
    quarry_harness *h = stem_harness(NULL);
    quarry_buf err = {0};
    quarry_record *r = quarry_record_new();
    static const char *const tokens[] = {"running", "Running", "running", "Running"};
    static const char *const surface[] = {"Running", "Running", "Running", "Running"};
    set_strings(r, "tokens", tokens, 4);
    set_strings(r, "surface", surface, 4);
    ck_assert(quarry_harness_push(h, r, &err) == 0);
    ck_assert(quarry_harness_finish(h, &err) == 0);
    char *j = testutil_json(quarry_harness_output(h, 0));
    ck_assert_ptr_nonnull(strstr(j, "\"stems\":[\"run\",\"Run\",\"run\",\"Run\"]"));
    free(j);
    ck_assert_uint_eq(quarry_harness_output_count(h), 1 + 2);
    expect_json(h, 1, "{\"_table\":\"stems\",\"stem\":\"Run\",\"surface\":\"Running\",\"count\":2,"
                      "\"total\":2,\"forms\":1}");
    expect_json(h, 2, "{\"_table\":\"stems\",\"stem\":\"run\",\"surface\":\"Running\",\"count\":2,"
                      "\"total\":2,\"forms\":1}");
    quarry_record_free(r);
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

START_TEST(test_bad_setup_and_input)
{
    const char *kv[] = {"language", "klingon", NULL};
    quarry_harness *h = testutil_harness("stem", kv, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "unknown language 'klingon'; libstemmer has: "));
    ck_assert_ptr_nonnull(strstr(err.data, "english"));
    ck_assert_ptr_null(strstr(err.data, "Chinese"));
    quarry_harness_free(h);
    /* A language Snowball has no stemmer for: what is done with its words instead. */
    const char *thai[] = {"language", "thai", NULL};
    h = testutil_harness("stem", thai, NULL, NULL, 0);
    err.len = 0;
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "unknown language 'thai'; libstemmer has: "));
    ck_assert_ptr_nonnull(strstr(err.data, "(it stems no Chinese, Japanese or Thai: under any language their words are "
                                           "left as they are)"));
    quarry_harness_free(h);
    const char *same[] = {"output", "tokens", NULL};
    h = testutil_harness("stem", same, NULL, NULL, 0);
    err.len = 0;
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    quarry_harness_free(h);
    /* Tokens that are not a list are a rejected document; non-strings keep alignment. */
    h = stem_harness(NULL);
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "tokens", "not a list", 10);
    ck_assert(quarry_harness_push(h, r, &err) == 0);
    quarry_record_clear(r);
    quarry_list *l = quarry_set_list(r, "tokens");
    quarry_list_add_int(l, 7);
    quarry_list_add_string(l, "\xff\xfe odd", 6);
    char huge[10000];
    memset(huge, 'a', sizeof huge);
    quarry_list_add_string(l, huge, sizeof huge);
    ck_assert(quarry_harness_push(h, r, &err) == 0);
    ck_assert(quarry_harness_finish(h, &err) == 0);
    ck_assert_uint_eq(quarry_harness_reject_count(h), 1);
    ck_assert_ptr_nonnull(strstr(quarry_harness_reject_reason(h, 0), "not a list of tokens"));
    const quarry_value *stems = quarry_get(quarry_harness_output(h, 0), "stems");
    ck_assert_uint_eq(quarry_value_size(stems), 3);
    quarry_record_free(r);
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

/* The alphabet the stage expects of each algorithm, checked against libstemmer itself: every
 * algorithm it has leaves words of the other alphabets as they are, which is what the stage's
 * warning tells the user; ISO codes are known as their algorithm's names are. */
START_TEST(test_language_alphabets)
{
    static const struct {
        alphabet letters;
        const char *word;
    } probes[] = {
        {ALPHABET_LATIN, "nationalities"},
        {ALPHABET_LATIN, "running"},
        {ALPHABET_CYRILLIC, /* путешествиями */
         "\xd0\xbf\xd1\x83\xd1\x82\xd0\xb5\xd1\x88\xd0\xb5\xd1\x81\xd1\x82"
         "\xd0\xb2\xd0\xb8\xd1\x8f\xd0\xbc\xd0\xb8"},
        {ALPHABET_OTHER, "\xcf\x84\xce\xb1\xce\xbe\xce\xaf\xce\xb4\xce\xb9\xce\xb1"}, /* ταξίδια */
    };
    const char **names = sb_stemmer_list();
    for (size_t i = 0; names[i]; i++) {
        alphabet letters = stem_language_alphabet(names[i]);
        struct sb_stemmer *stemmer = sb_stemmer_new(names[i], "UTF_8");
        ck_assert_ptr_nonnull(stemmer);
        for (size_t p = 0; p < sizeof probes / sizeof probes[0]; p++) {
            if (letters == ALPHABET_NONE || probes[p].letters == letters ||
                (letters == ALPHABET_OTHER && probes[p].letters == ALPHABET_OTHER))
                continue;
            const char *w = probes[p].word;
            const char *got = (const char *)sb_stemmer_stem(stemmer, (const sb_symbol *)w, (int)strlen(w));
            ck_assert_msg(got && strcmp(got, w) == 0, "%s (%s letters) changed %s to %s", names[i],
                          alphabet_name(letters), w, got ? got : "(null)");
        }
        sb_stemmer_delete(stemmer);
    }
    ck_assert_int_eq(stem_language_alphabet("russian"), ALPHABET_CYRILLIC);
    ck_assert_int_eq(stem_language_alphabet("ru"), ALPHABET_CYRILLIC);
    ck_assert_int_eq(stem_language_alphabet("rus"), ALPHABET_CYRILLIC);
    ck_assert_int_eq(stem_language_alphabet("el"), ALPHABET_OTHER);
    ck_assert_int_eq(stem_language_alphabet("hye"), ALPHABET_OTHER);
    ck_assert_int_eq(stem_language_alphabet("sr"), ALPHABET_NONE);
    ck_assert_int_eq(stem_language_alphabet("english"), ALPHABET_LATIN);
    ck_assert_int_eq(stem_language_alphabet("de"), ALPHABET_LATIN);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("stem");
    TCase *tc = tcase_create("stage");
    tcase_add_test(tc, test_snowball_samples);
    tcase_add_test(tc, test_alignment_and_surfaces);
    tcase_add_test(tc, test_one_surface_two_tokens);
    tcase_add_test(tc, test_bad_setup_and_input);
    tcase_add_test(tc, test_language_alphabets);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
