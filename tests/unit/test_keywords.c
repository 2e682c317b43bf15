/* test_keywords.c: unit tests of the keywords stage: candidates within sentences and between
 * stop words, grouping by stem with the commonest surface shown, TF-IDF and the default
 * method against hand computations, near-duplicates left out, the saved model and its errors,
 * the word tables' lexicon, and the token classes kept between the passes. */
#include "testutil.h"
#include "adjectives.h"
#include "classes.h"
#include "adverbs.h"
#include "verbbases.h"
#include "verbsmostly.h"
#include "verbforms.h"
#include "headlineverbs.h"
#include "places.h"
#include "wordclass.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static quarry_record *doc(const char *json)
{
    quarry_record *r = quarry_record_new();
    quarry_buf err = {0};
    ck_assert_msg(quarry_record_from_json(r, json, strlen(json), &err) == 0, "%s", err.data);
    quarry_buf_free(&err);
    return r;
}

/* Runs the keywords stage with KV on the JSON documents DOCS (NULL-terminated) in OUTDIR. */
static quarry_harness *run(const char *const *kv, const char *const *docs, const char *outdir)
{
    quarry_buf err = {0};
    quarry_harness *h = testutil_harness("keywords", kv, outdir, NULL, 0);
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    for (; *docs; docs++) {
        quarry_record *d = doc(*docs);
        ck_assert_msg(quarry_harness_push(h, d, &err) == 0, "%s", err.data);
        quarry_record_free(d);
    }
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    quarry_buf_free(&err);
    return h;
}

/* Runs the keywords stage with KV on DOCS in OUTDIR; the first output record's JSON. */
static char *first_json(const char *const *kv, const char *const *docs, const char *outdir)
{
    quarry_harness *h = run(kv, docs, outdir);
    char *j = testutil_json(quarry_harness_output(h, 0));
    quarry_harness_free(h);
    return j;
}

/* The part of output JSON J from "keywords" on (past the lists the input gave, whose surface
 * forms could pass for keyphrases), in a string to free; J is freed. */
static char *keywords_part(char *j)
{
    const char *kw = strstr(j, "\"keywords\":");
    ck_assert_msg(kw != NULL, "%s", j);
    char *out = strdup(kw);
    free(j);
    return out;
}

/* The keyphrases of the one document DOC (JSON), with parameters KV. */
static char *keywords_with(const char *const *kv, const char *doc)
{
    const char *docs[] = {doc, NULL};
    return keywords_part(first_json(kv, docs, NULL));
}

/* The keyphrases of the one document DOC (JSON), with top TOP and no corpus table. */
static char *keywords_top(const char *top, const char *doc)
{
    const char *kv[] = {"top", top, "table", "0", NULL};
    return keywords_with(kv, doc);
}

/* The keyphrases of the one document DOC (JSON) with top 10 and no corpus table. */
static char *keywords_of(const char *doc)
{
    return keywords_top("10", doc);
}

/* KW lists the phrase [PHRASE, ...] if LISTED, else does not. */
static void assert_listed(const char *kw, const char *phrase, int listed)
{
    char pair[256];
    snprintf(pair, sizeof pair, "[\"%s\",", phrase);
    ck_assert_msg((strstr(kw, pair) != NULL) == listed, "%s %s in %s", phrase,
                  listed ? "missing" : "listed", kw);
}

/* KW lists each phrase of SHOWN and none of HIDDEN (NULL-terminated lists). */
static void assert_lists(const char *kw, const char *const *shown, const char *const *hidden)
{
    for (; *shown; shown++)
        assert_listed(kw, *shown, 1);
    for (; *hidden; hidden++)
        assert_listed(kw, *hidden, 0);
}

/* The top TOP of the first of DOCS (JSON, NULL-terminated), scored among them all without a
 * corpus table, show each phrase of SHOWN and none of HIDDEN. */
static void assert_first(const char *top, const char *const *docs, const char *const *shown,
                         const char *const *hidden)
{
    const char *kv[] = {"top", top, "table", "0", NULL};
    char *kw = keywords_part(first_json(kv, docs, NULL));
    assert_lists(kw, shown, hidden);
    free(kw);
}

/* The top TOP of the one document DOC (JSON) show each phrase of SHOWN and none of HIDDEN. */
static void assert_top(const char *top, const char *doc, const char *const *shown, const char *const *hidden)
{
    const char *docs[] = {doc, NULL};
    assert_first(top, docs, shown, hidden);
}

/* Document 1: "Cyber attacks rise. Cyber attacks worry the Ministry." (stems given) and
 * document 2: "The Ministry acts." */
static const char *const two_docs[] = {
    "{\"id\":\"a\",\"stems\":[\"cyber\",\"attack\",\"rise\",\"cyber\",\"attack\",\"worri\",\"the\",\"ministri\"],"
    "\"surface\":[\"Cyber\",\"attacks\",\"rise\",\"cyber\",\"attacks\",\"worry\",\"the\",\"Ministry\"],"
    "\"stop\":[0,0,0,0,0,0,1,0],\"sentences\":[0,3]}",
    "{\"id\":\"b\",\"stems\":[\"the\",\"ministri\",\"act\"],\"surface\":[\"The\",\"Ministry\",\"acts\"],"
    "\"stop\":[1,0,0],\"sentences\":[0]}",
    NULL};

START_TEST(test_tfidf_by_hand)
{
    const char *kv[] = {"method", "tfidf", "top", "20", "table", "0", NULL};
    quarry_harness *h = run(kv, two_docs, NULL);
    ck_assert_uint_eq(quarry_harness_output_count(h), 2);
    char *j = testutil_json(quarry_harness_output(h, 0));
    /* Candidates of "a": cyber (tf 2), attack (2), cyber attack (2), rise, attack rise (1), cyber
     * attack rise (1, but left out as a superset of "cyber attack"), worri, ministri, ... and
     * not "rise cyber" (a sentence ends between) nor "worri the ministri" (a stop word). Two documents; all of a's candidates are in 1 of them
     * except "ministri" (2): idf = ln(3/2) + 1 = 1.405465 and ln(3/3) + 1 = 1. */
    ck_assert_msg(strstr(j, "[\"Cyber attacks\",2.810930") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "[\"Ministry\",1]") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "rise cyber") == NULL && strstr(j, "rise Cyber") == NULL, "%s", j);
    ck_assert_msg(strstr(j, "worry the") == NULL, "%s", j);
    /* The surface shown is the commonest: "Cyber attacks" and "cyber attacks" tie (1 each), and
     * the first seen wins. */
    ck_assert_msg(strstr(j, "\"Cyber attacks\"") != NULL, "%s", j);
    free(j);
    quarry_harness_free(h);
}
END_TEST

START_TEST(test_combined_by_hand)
{
    /* The default: TF-IDF (as above) times the square root of the stems' mean length in
     * characters, times (1 + first token)^-0.1, divided by 1.25 for each word past the first,
     * times 1 + 1.5 x the share of occurrences that make a noun phrase by themselves (after a
     * determiner or a preposition, to the end of their run: "the Ministry"). */
    const char *kv[] = {"top", "20", "table", "0", NULL};
    char *j = first_json(kv, two_docs, NULL);
    /* attack: 2 x 1.405465 x sqrt(6) x 2^-0.1 = 6.424254, before cyber: 2 x 1.405465 x sqrt(5)
     * (first at 0) = 6.285431; cyber attack: 2 x 1.405465 x sqrt(5.5) / 1.25 = 5.273773;
     * ministri, after "the": 1 x 1 x sqrt(8) x 8^-0.1 x 2.5 = 5.743492, 2.297397 without the
     * bonus. "cyber" and "attack" are written only inside "cyber attack", so they come after
     * the story's other phrases, filling the list (kw_enclosed). */
    ck_assert_msg(strstr(j, "\"keywords\":[[\"Ministry\",5.74349") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "[\"Cyber attacks\",5.27377") != NULL, "%s", j);
    const char *rise = strstr(j, "[\"rise\",2.51847"), *attacks = strstr(j, "[\"attacks\",6.42425");
    ck_assert_msg(rise && attacks && rise < attacks, "%s", j);
    ck_assert_msg(strstr(j, "[\"Cyber\",6.28543") != NULL, "%s", j);
    free(j);
    const char *no_bonus[] = {"top", "20", "table", "0", "noun-bonus", "0", NULL};
    j = first_json(no_bonus, two_docs, NULL);
    ck_assert_msg(strstr(j, "[\"Ministry\",2.29739") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "[\"attacks\",6.42425") != NULL, "%s", j);
    free(j);
    /* An acronym or a code ("5G") counts as 6 characters at least, not as a short, common word. */
    const char *code[] = {"{\"id\":\"c\",\"stems\":[\"5g\",\"rollout\",\"5g\"],\"surface\":[\"5G\",\"rollout\",\"5G\"],"
                          "\"stop\":[0,0,0],\"sentences\":[0]}",
                          NULL};
    j = first_json(kv, code, NULL);
    /* One document: idf 1. 5g: 2 x sqrt(6) = 4.898979; rollout: sqrt(7) x 2^-0.1 = 2.468573;
     * 5g rollout: sqrt(6.5) / 1.25 = 2.039607. */
    ck_assert_msg(strstr(j, "\"keywords\":[[\"5G\",4.89897") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "[\"rollout\",2.46857") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "[\"5G rollout\",2.03960") != NULL, "%s", j);
    free(j);
}
END_TEST

/* The keyphrases of document DOC, with the stage's parameters KV, hold each [phrase, score]
 * prefix of SCORED (NULL-terminated), such as "[\"robot\",9.38846". */
static void assert_scored(const char *const *kv, const char *doc, const char *const *scored)
{
    const char *const docs[] = {doc, NULL};
    char *j = first_json(kv, docs, NULL);
    for (; *scored; scored++)
        ck_assert_msg(strstr(j, *scored) != NULL, "%s missing in %s", *scored, j);
    free(j);
}

START_TEST(test_noun_phrases)
{
    /* "The robot arm and the robot and robot": "robot" makes a noun phrase by itself once in
     * three (after "the", up to a stop word), not where "arm" follows it nor after "and", which
     * opens none; "robot arm" does in its one occurrence. One document: idf 1.
     * robot: 3 x sqrt(5) x 2^-0.1 = 6.258976, x (1 + 1.5 / 3) = 9.388463; robot arm: sqrt(4) x
     * 2^-0.1 / 1.25 = 1.492853, x (1 + 0.5) = 2.239279; arm (not at its run's start): sqrt(3) x
     * 3^-0.1 = 1.551846, no bonus. */
    const char *doc = "{\"id\":\"a\",\"stems\":[\"the\",\"robot\",\"arm\",\"and\",\"the\",\"robot\",\"and\",\"robot\"],"
                      "\"surface\":[\"The\",\"robot\",\"arm\",\"and\",\"the\",\"robot\",\"and\",\"robot\"],"
                      "\"stop\":[1,0,0,1,1,0,1,0],\"sentences\":[0]}";
    const char *kv[] = {"top", "20", "table", "0", NULL};
    assert_scored(kv, doc, (const char *[]){"[\"robot\",9.38846", "[\"robot arm\",2.23927", "[\"arm\",1.55184", NULL});
    /* A bonus of 3: robot x (1 + 3 / 3), robot arm x (1 + 1). */
    const char *three[] = {"top", "20", "table", "0", "noun-bonus", "3", NULL};
    assert_scored(three, doc, (const char *[]){"[\"robot\",12.5179", "[\"robot arm\",2.98570", NULL});
    /* A preposition opens one too, "A" as well as "the" in any case, and a clause's start
     * after one does not count: "in, robot" is no noun phrase. robot: 3 x sqrt(5) x 2^-0.1 x
     * (1 + 1.5 x 2 / 3) = 12.517951. */
    assert_scored(kv,
                  "{\"id\":\"b\",\"stems\":[\"a\",\"robot\",\"in\",\"robot\",\"in\",\"robot\"],"
                  "\"surface\":[\"A\",\"robot\",\"in\",\"robot\",\"in\",\"robot\"],"
                  "\"stop\":[1,0,1,0,1,0],\"sentences\":[0],\"clauses\":[5]}",
                  (const char *[]){"[\"robot\",12.5179", NULL});
    /* A month or a day alone says when, and gets no bonus ("on Monday"), nor does a phrase that
     * runs on into a date ("the robot launch May 5"): one document, so Monday scores sqrt(6) x
     * 2^-0.1 = 2.285455, robot sqrt(5) x 4^-0.1 = 1.946610, robot launch sqrt(5.5) x 4^-0.1 /
     * 1.25 = 1.633298. */
    assert_scored(kv,
                  "{\"id\":\"c\",\"stems\":[\"on\",\"monday\",\"the\",\"robot\",\"launch\",\"may\",\"5\"],"
                  "\"surface\":[\"on\",\"Monday\",\"the\",\"robot\",\"launch\",\"May\",\"5\"],"
                  "\"stop\":[1,0,1,0,0,0,0],\"sentences\":[0]}",
                  (const char *[]){"[\"Monday\",2.28545", "[\"robot\",1.94661", "[\"robot launch\",1.63329", NULL});
    /* Nor does a unit of calendar time in lower case, which says when or for how long ("this
     * year", "for weeks"): year sqrt(4) x 2^-0.1 = 1.866066; weeks (stem "week") sqrt(4) x
     * 4^-0.1 = 1.741101; robot sqrt(5) x 6^-0.1 x 2.5 = 4.673152, its bonus whole. */
    assert_scored(kv,
                  "{\"id\":\"e\",\"stems\":[\"this\",\"year\",\"for\",\"week\",\"the\",\"robot\"],"
                  "\"surface\":[\"this\",\"year\",\"for\",\"weeks\",\"the\",\"robot\"],"
                  "\"stop\":[1,0,1,0,1,0],\"sentences\":[0]}",
                  (const char *[]){"[\"year\",1.86606", "[\"weeks\",1.74110", "[\"robot\",4.67315", NULL});
    /* "of" carries a noun phrase on: in "the robot of steel", "robot" is none by itself (sqrt(5)
     * x 2^-0.1 = 2.086325), "steel" is (sqrt(5) x 4^-0.1 x 2.5 = 4.866526). */
    assert_scored(kv,
                  "{\"id\":\"d\",\"stems\":[\"the\",\"robot\",\"of\",\"steel\"],"
                  "\"surface\":[\"the\",\"robot\",\"of\",\"steel\"],\"stop\":[1,0,1,0],\"sentences\":[0]}",
                  (const char *[]){"[\"robot\",2.08632", "[\"steel\",4.86652", NULL});
    /* A verb before an object pronoun is none either: "the guard and the guard said to guard
     * us" has "guard" a noun phrase twice in three (keywords 1.68), so 3 x sqrt(5) x 2^-0.1 x
     * (1 + 1.5 x 2 / 3) = 12.517951, where three in three gave 15.647. */
    assert_scored(kv,
                  "{\"id\":\"f\",\"stems\":[\"the\",\"guard\",\"and\",\"the\",\"guard\",\"said\",\"to\","
                  "\"guard\",\"us\"],\"surface\":[\"the\",\"guard\",\"and\",\"the\",\"guard\",\"said\",\"to\","
                  "\"guard\",\"us\"],\"stop\":[1,0,1,1,0,0,1,0,0],\"sentences\":[0]}",
                  (const char *[]){"[\"guard\",12.5179", NULL});
}
END_TEST

START_TEST(test_possessive_dropped)
{
    /* "Japan's" twice and "Japan" once: one phrase, shown as "Japan"; the curly apostrophe too.
     * A possessive ends its phrase ("Japan's pact" is none); a name keeps it inside
     * (test_phrase_breaks). */
    char *kw = keywords_of("{\"id\":\"a\",\"stems\":[\"japan\",\"pact\",\"japan\",\"japan\",\"tokyo\"],"
                           "\"surface\":[\"Japan's\",\"pact\",\"Japan's\",\"Japan\",\"Tokyo\u2019s\"],"
                           "\"stop\":[0,0,0,0,0],\"sentences\":[0,2,3]}");
    assert_listed(kw, "Japan", 1);
    assert_listed(kw, "Japan's", 0);
    assert_listed(kw, "Japan's pact", 0);
    assert_listed(kw, "pact", 1);
    assert_listed(kw, "Tokyo", 1);
    free(kw);
}
END_TEST

START_TEST(test_sentence_start_case)
{
    /* "Data leak. Security matters. Security rules. The security of data.": "Security" twice at
     * a sentence's start (capitalised as any first word is), once inside one; "Data" first, at a
     * start, then inside. Both are shown as written inside a sentence. "Data leak" occurs only
     * at a start: shown with "data" as written inside one (keywords 1.66; "Data leak" before). */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"data\",\"leak\",\"secur\",\"matter\",\"secur\",\"rule\","
                     "\"the\",\"secur\",\"of\",\"data\"],"
                     "\"surface\":[\"Data\",\"leak\",\"Security\",\"matters\",\"Security\",\"rules\","
                     "\"The\",\"security\",\"of\",\"data\"],"
                     "\"stop\":[0,0,0,0,0,0,1,0,1,0],\"sentences\":[0,2,4,6]}",
                     (const char *[]){"security", "data", "data leak", NULL},
                     (const char *[]){"Security", "Data", "Data leak", NULL});
}
END_TEST

/* "The board approved the merger on Monday, and regulators gave their approval too. The firm
 * reduced the debt, reducing its costs. Ships were insured by Acme Insurance.": each word written
 * once in each form. A past ties with a noun, which names the thing: "approval", not "approved"
 * (keywords 1.81; the first seen before). A form in "-ing" ("reducing", which the word tables
 * know as a noun) or with a capital ("Insurance", a name's) does not take the past's place. */
START_TEST(test_past_tied_with_noun)
{
    assert_top("20", "{\"id\":\"a\",\"stems\":[\"the\",\"board\",\"approv\",\"the\",\"merger\",\"on\",\"monday\","
                     "\"and\",\"regul\",\"gave\",\"their\",\"approv\",\"too\",\"the\",\"firm\",\"reduc\",\"the\","
                     "\"debt\",\"reduc\",\"it\",\"cost\",\"ship\",\"were\",\"insur\",\"by\",\"acm\",\"insur\"],"
                     "\"surface\":[\"The\",\"board\",\"approved\",\"the\",\"merger\",\"on\",\"Monday\",\"and\","
                     "\"regulators\",\"gave\",\"their\",\"approval\",\"too\",\"The\",\"firm\",\"reduced\",\"the\","
                     "\"debt\",\"reducing\",\"its\",\"costs\",\"Ships\",\"were\",\"insured\",\"by\",\"Acme\","
                     "\"Insurance\"],\"stop\":[1,0,0,1,0,1,0,1,0,0,1,0,1,1,0,0,1,0,0,1,0,0,1,0,1,0,0],"
                     "\"sentences\":[0,13,21],\"clauses\":[7,18]}",
          (const char *[]){"approval", "reduced", "insured", NULL},
          (const char *[]){"approved", "reducing", "Insurance", NULL});
}
END_TEST

/* A word the story mostly writes in lower case is shown so, though one capitalised form of its
 * stem, in names, outnumbers each lower-case one: "Acme Bank", "Zeta Bank" and "Omega Bank"
 * beside "banks" twice and "bank" twice show "banks", the first seen of the two. Not the other
 * way round: "dollar" three times beside "Dollar" and "Dollars" twice each stays "dollar". Nor
 * does a verb of the same stem count: "Purchasing" three times, in names, stays so beside
 * "purchased" twice and "purchases" twice. */
START_TEST(test_name_case_minority)
{
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"share\",\"in\",\"acm\",\"bank\",\"fell\",\"share\",\"in\","
                     "\"zeta\",\"bank\",\"rose\",\"share\",\"in\",\"omega\",\"bank\",\"slid\",\"the\",\"bank\","
                     "\"lend\",\"to\",\"bank\",\"and\",\"a\",\"bank\",\"lend\",\"to\",\"a\",\"bank\"],"
                     "\"surface\":[\"Shares\",\"in\",\"Acme\",\"Bank\",\"fell\",\"Shares\",\"in\",\"Zeta\",\"Bank\","
                     "\"rose\",\"Shares\",\"in\",\"Omega\",\"Bank\",\"slid\",\"The\",\"banks\",\"lend\",\"to\","
                     "\"banks\",\"and\",\"a\",\"bank\",\"lends\",\"to\",\"a\",\"bank\"],"
                     "\"stop\":[0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,1,0,0,1,0,1,1,0,0,1,1,0],\"sentences\":[0,5,10,15,21]}",
                     (const char *[]){"banks", NULL}, (const char *[]){"Bank", "bank", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"the\",\"dollar\",\"fell\",\"the\",\"dollar\",\"rose\",\"the\","
                     "\"dollar\",\"held\",\"in\",\"dollar\",\"bond\",\"in\",\"dollar\",\"fund\",\"in\",\"dollar\","
                     "\"note\",\"in\",\"dollar\",\"bill\"],"
                     "\"surface\":[\"The\",\"dollar\",\"fell\",\"the\",\"dollar\",\"rose\",\"the\",\"dollar\","
                     "\"held\",\"in\",\"Dollar\",\"Bond\",\"in\",\"Dollar\",\"Fund\",\"in\",\"Dollars\",\"Note\","
                     "\"in\",\"Dollars\",\"Bill\"],"
                     "\"stop\":[1,0,0,1,0,0,1,0,0,1,0,0,1,0,0,1,0,0,1,0,0],\"sentences\":[0,9]}",
                     (const char *[]){"dollar", NULL}, (const char *[]){"Dollar", "Dollars", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"share\",\"in\",\"acm\",\"purchas\",\"fell\",\"share\",\"in\","
                     "\"zeta\",\"purchas\",\"rose\",\"share\",\"in\",\"omega\",\"purchas\",\"slid\",\"they\","
                     "\"purchas\",\"steel\",\"and\",\"purchas\",\"iron\",\"it\",\"purchas\",\"rose\",\"and\","
                     "\"purchas\",\"fell\"],"
                     "\"surface\":[\"Shares\",\"in\",\"Acme\",\"Purchasing\",\"fell\",\"Shares\",\"in\",\"Zeta\","
                     "\"Purchasing\",\"rose\",\"Shares\",\"in\",\"Omega\",\"Purchasing\",\"slid\",\"They\","
                     "\"purchased\",\"steel\",\"and\",\"purchased\",\"iron\",\"Its\",\"purchases\",\"rose\",\"and\","
                     "\"purchases\",\"fell\"],"
                     "\"stop\":[0,1,0,0,0,0,1,0,0,0,0,1,0,0,0,1,0,0,1,0,0,1,0,0,1,0,0],\"sentences\":[0,5,10,15,21]}",
                     (const char *[]){"Purchasing", NULL}, (const char *[]){"purchased", "purchases", NULL});
}
END_TEST

/* "The Japanese side said exports of products rose. On each side the way was clear. Both
 * sides sold products.": a general noun names nothing alone ("side", "sides", "way"), though
 * the story writes it most; a phrase it heads stays ("Japanese side"). */
START_TEST(test_general_nouns)
{
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"the\",\"japanes\",\"side\",\"said\",\"export\",\"of\","
                     "\"product\",\"rose\",\"on\",\"each\",\"side\",\"the\",\"way\",\"was\",\"clear\","
                     "\"both\",\"side\",\"sold\",\"product\"],"
                     "\"surface\":[\"The\",\"Japanese\",\"side\",\"said\",\"exports\",\"of\",\"products\","
                     "\"rose\",\"On\",\"each\",\"side\",\"the\",\"way\",\"was\",\"clear\",\"Both\","
                     "\"sides\",\"sold\",\"products\"],"
                     "\"stop\":[1,0,0,0,0,1,0,0,1,1,0,1,0,1,0,1,0,0,0],\"sentences\":[0,8,15]}",
                     (const char *[]){"Japanese side", "products", NULL},
                     (const char *[]){"side", "sides", "way", NULL});
}
END_TEST

/* "Brazil shipped 325,000 (60-kilo) bags of coffee. Acme issued 30 mln dlrs of 15-year two pct
 * debentures. Acme filed a 13-D with regulators. Buyers called 1-800-FLOWERS. Acme cut its debt
 * by one-third. Rates rose by a half-point.": a measure written as one word ("60-kilo",
 * "15-year", "one-third", "half-point") is no keyphrase alone, cut off from its noun; "13-D", a
 * filing, and "1-800-FLOWERS", a name, are. */
START_TEST(test_measures_alone)
{
    assert_top("40",
               "{\"id\":\"a\",\"stems\":[\"brazil\",\"ship\",\"325\",\"000\",\"60-kilo\",\"bag\",\"of\","
               "\"coffe\",\"acm\",\"issu\",\"30\",\"mln\",\"dlrs\",\"of\",\"15-year\",\"two\",\"pct\","
               "\"debentur\",\"acm\",\"file\",\"a\",\"13-d\",\"with\",\"regul\",\"buyer\",\"call\","
               "\"1-800-flower\",\"acm\",\"cut\",\"it\",\"debt\",\"by\",\"one-third\",\"rate\",\"rose\","
               "\"by\",\"a\",\"half-point\"],\"surface\":[\"Brazil\",\"shipped\",\"325\",\"000\",\"60-kilo\","
               "\"bags\",\"of\",\"coffee\",\"Acme\",\"issued\",\"30\",\"mln\",\"dlrs\",\"of\",\"15-year\","
               "\"two\",\"pct\",\"debentures\",\"Acme\",\"filed\",\"a\",\"13-D\",\"with\",\"regulators\","
               "\"Buyers\",\"called\",\"1-800-FLOWERS\",\"Acme\",\"cut\",\"its\",\"debt\",\"by\","
               "\"one-third\",\"Rates\",\"rose\",\"by\",\"a\",\"half-point\"],\"stop\":[0,0,0,0,0,0,1,0,0,0,0,"
               "0,0,1,0,0,0,0,0,0,1,0,1,0,0,0,0,0,0,1,0,1,0,0,0,1,1,0],\"sentences\":[0,8,18,24,27,33],"
               "\"clauses\":[4,5]}",
               (const char *[]){"coffee", "debentures", "13-D", "1-800-FLOWERS", "debt", NULL},
               (const char *[]){"60-kilo", "15-year", "one-third", "half-point", NULL});
}
END_TEST

/* "New Zealand raised rates. The Federal Reserve cut rates. The Federal Reserve met. Cyber
 * security grew. Cyber attacks rose.": a word the story writes only inside one phrase
 * ("Zealand", "Reserve", "security") says nothing beside it and is not listed; "Cyber", written
 * in two phrases, is. The words left out fill a list that has room, after the rest. */
START_TEST(test_enclosed_words)
{
    static const char doc[] =
        "{\"id\":\"a\",\"stems\":[\"new\",\"zealand\",\"rais\",\"rate\",\"the\",\"feder\",\"reserv\",\"cut\","
        "\"rate\",\"the\",\"feder\",\"reserv\",\"met\",\"cyber\",\"secur\",\"grew\",\"cyber\",\"attack\",\"rose\"],"
        "\"surface\":[\"New\",\"Zealand\",\"raised\",\"rates\",\"The\",\"Federal\",\"Reserve\",\"cut\",\"rates\","
        "\"The\",\"Federal\",\"Reserve\",\"met\",\"Cyber\",\"security\",\"grew\",\"Cyber\",\"attacks\",\"rose\"],"
        "\"stop\":[0,0,0,0,1,0,0,0,0,1,0,0,0,0,0,0,0,0,0],\"sentences\":[0,4,9,13,16]}";
    assert_top("10", doc,
               (const char *[]){"Federal Reserve", "New Zealand", "Cyber", "Cyber security", "Cyber attacks", NULL},
               (const char *[]){"Reserve", "Federal", "Zealand", "New", "security", "attacks", NULL});
    char *kw = keywords_top("20", doc);
    const char *met = strstr(kw, "[\"met\","), *reserve = strstr(kw, "[\"Reserve\",");
    ck_assert_msg(met && reserve && met < reserve, "%s", kw);
    free(kw);
}
END_TEST

/* "Sen Dick Durbin, D-Ill, spoke about D-Day. Mike Rogers (R-Mich) agreed.": a lawmaker's
 * party and state after the name are in no phrase; "D-Day" is a phrase (keywords 1.66). */
START_TEST(test_party_tags)
{
    assert_top("20",
               "{\"id\":\"a\",\"stems\":[\"sen\",\"dick\",\"durbin\",\"d-ill\",\"spoke\",\"about\",\"d-day\",\"mike\","
               "\"roger\",\"r-mich\",\"agre\"],\"surface\":[\"Sen\",\"Dick\",\"Durbin\",\"D-Ill\",\"spoke\",\"about\","
               "\"D-Day\",\"Mike\",\"Rogers\",\"R-Mich\",\"agreed\"],\"stop\":[0,0,0,0,0,1,0,0,0,0,0],"
               "\"sentences\":[0,7],\"clauses\":[3,4,9,10]}",
               (const char *[]){"D-Day", "Dick Durbin", "Mike Rogers", NULL},
               (const char *[]){"D-Ill", "R-Mich", "Durbin D-Ill", "Rogers R-Mich", NULL});
}
END_TEST

/* "Net rose. NOTE: Full name Public Service Enterprise Group Inc. His full names differ.": "full
 * name" names nothing, in any case and number (keywords 1.88), and the firm's name after it, in
 * a note that reads as a headline in title case, is a name whole. */
START_TEST(test_full_name)
{
    assert_top("20",
               "{\"id\":\"n\",\"stems\":[\"net\",\"rose\",\"note\",\"full\",\"name\",\"public\",\"servic\","
               "\"enterpris\",\"group\",\"inc\",\"his\",\"full\",\"name\",\"differ\"],\"surface\":[\"Net\","
               "\"rose\",\"NOTE\",\"Full\",\"name\",\"Public\",\"Service\",\"Enterprise\",\"Group\",\"Inc\","
               "\"His\",\"full\",\"names\",\"differ\"],\"stop\":[0,0,0,0,0,0,0,0,0,0,1,0,0,0],"
               "\"sentences\":[0,2,10],\"clauses\":[3]}",
               (const char *[]){"Public Service Enterprise Group", NULL},
               (const char *[]){"Full name", "full name", "full names", "Full", "full", "name", "names",
                                "Service Enterprise Group", NULL});
}
END_TEST

/* A function word that also ends names is a name's word where it ends one: "Spot May fell.
 * Sales may rise in May. Dan Rather met Theresa May." gives "Dan Rather" and "Theresa May", but
 * no phrase of the modal, of the month after "in", or of the month after a sentence's first
 * word. (The list is short, and fills up with the names' words alone.) */
START_TEST(test_name_end_words)
{
    assert_top("10",
               "{\"id\":\"a\",\"stems\":[\"spot\",\"may\",\"fell\",\"sale\",\"may\",\"rise\",\"in\",\"may\","
               "\"dan\",\"rather\",\"met\",\"theresa\",\"may\"],"
               "\"surface\":[\"Spot\",\"May\",\"fell\",\"Sales\",\"may\",\"rise\",\"in\",\"May\",\"Dan\","
               "\"Rather\",\"met\",\"Theresa\",\"May\"],"
               "\"stop\":[0,0,0,0,0,0,1,0,0,0,0,0,0],\"sentences\":[0,3,8]}",
               (const char *[]){"Dan Rather", "Theresa May", "Sales", NULL},
               (const char *[]){"may", "Sales may", "may rise", "Spot May", "Spot May fell", "Rather met", NULL});
}
END_TEST

/* "Theresa May met Dan Rather. Critics of Theresa May's Conservative Party spoke. Spot May
 * sales fell.": a possessive may end a name before a capitalised word, and a month after a
 * sentence's first word ends a name where the story writes the same name inside a sentence too.
 * "Spot May" it does not. Without either, "Theresa" alone tops the list. */
START_TEST(test_name_end_confirmed)
{
    const char *doc =
        "{\"id\":\"a\",\"stems\":[\"theresa\",\"may\",\"met\",\"dan\",\"rather\",\"critic\",\"of\",\"theresa\","
        "\"may\",\"conserv\",\"parti\",\"spoke\",\"spot\",\"may\",\"sale\",\"fell\"],"
        "\"surface\":[\"Theresa\",\"May\",\"met\",\"Dan\",\"Rather\",\"Critics\",\"of\",\"Theresa\",\"May's\","
        "\"Conservative\",\"Party\",\"spoke\",\"Spot\",\"May\",\"sales\",\"fell\"],"
        "\"stop\":[0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0],\"sentences\":[0,5,12]}";
    assert_top("4", doc, (const char *[]){"Theresa May", NULL},
               (const char *[]){"Theresa", "Spot May", "May sales", "Spot May sales", NULL});
}
END_TEST

/* A code (tokenize's 'codes': a ticker alone in angle brackets) is in no phrase: "Hadson Corp
 * <HADS> bought Seaxe. Hadson Corp <HADS> grew. Hadson Corp <HADS> owns rigs." The same
 * record without the list shows it. */
START_TEST(test_codes)
{
    const char *doc = "{\"id\":\"h\",\"stems\":[\"hadson\",\"corp\",\"had\",\"bought\",\"seax\",\"hadson\","
                      "\"corp\",\"had\",\"grew\",\"hadson\",\"corp\",\"had\",\"own\",\"rig\"],"
                      "\"surface\":[\"Hadson\",\"Corp\",\"HADS\",\"bought\",\"Seaxe\",\"Hadson\",\"Corp\",\"HADS\","
                      "\"grew\",\"Hadson\",\"Corp\",\"HADS\",\"owns\",\"rigs\"],"
                      "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,5,9],\"clauses\":[2,3,7,8,11,12]%s}";
    char with[1024], without[1024];
    snprintf(with, sizeof with, doc, ",\"codes\":[2,7,11]");
    snprintf(without, sizeof without, doc, "");
    assert_top("10", with, (const char *[]){"Hadson", "Seaxe", NULL}, (const char *[]){"HADS", NULL});
    assert_top("10", without, (const char *[]){"Hadson", "HADS", NULL}, (const char *[]){NULL});
    /* A code ends a firm's name in a headline, as a legal form does, and the word after it in
     * "-s" is the headline's verb: "GULF APPLIED <GATS> SELLS UNITS. Gulf Applied Technologies
     * Inc said it sold its pipeline units." The firm's name gives way to the whole name the
     * story writes (keywords 1.65). */
    const char *headline = "{\"id\":\"g\",\"stems\":[\"gulf\",\"appli\",\"gat\",\"sell\",\"unit\",\"gulf\","
                           "\"appli\",\"technolog\",\"inc\",\"said\",\"it\",\"sold\",\"it\",\"pipelin\",\"unit\"],"
                           "\"surface\":[\"GULF\",\"APPLIED\",\"GATS\",\"SELLS\",\"UNITS\",\"Gulf\",\"Applied\","
                           "\"Technologies\",\"Inc\",\"said\",\"it\",\"sold\",\"its\",\"pipeline\",\"units\"],"
                           "\"stop\":[0,0,0,0,0,0,0,0,0,0,1,0,1,0,0],\"sentences\":[0,5],\"clauses\":[2,3]%s}";
    snprintf(with, sizeof with, headline, ",\"codes\":[2]");
    snprintf(without, sizeof without, headline, "");
    assert_top("10", with, (const char *[]){"Gulf Applied Technologies", "units", NULL},
               (const char *[]){"SELLS UNITS", "SELLS", "sells", "sells units", "GATS", NULL});
    assert_top("10", without, (const char *[]){"SELLS UNITS", NULL}, (const char *[]){NULL});
}
END_TEST

/* A verb in lower case, its base form or its third person, is no keyphrase ("acquire",
 * "expects"), and a phrase that holds one is a verb and its object ("expects sales", "requires
 * shareholder approval"). "Acme expects sales to rise. The plan requires shareholder approval.
 * Acme expects gains. Acme agreed to acquire Beta." */
START_TEST(test_verbs_alone)
{
    assert_top("10",
               "{\"id\":\"a\",\"stems\":[\"acm\",\"expect\",\"sale\",\"to\",\"rise\",\"the\",\"plan\","
               "\"requir\",\"sharehold\",\"approv\",\"acm\",\"expect\",\"gain\",\"acm\",\"agre\",\"to\","
               "\"acquir\",\"beta\"],"
               "\"surface\":[\"Acme\",\"expects\",\"sales\",\"to\",\"rise\",\"The\",\"plan\",\"requires\","
               "\"shareholder\",\"approval\",\"Acme\",\"expects\",\"gains\",\"Acme\",\"agreed\",\"to\","
               "\"acquire\",\"Beta\"],"
               "\"stop\":[0,0,0,1,0,1,0,0,0,0,0,0,0,0,0,1,0,0],\"sentences\":[0,5,10,13]}",
               (const char *[]){"Acme", "sales", "shareholder approval", "gains", "Beta", NULL},
               (const char *[]){"expects", "expects sales", "requires", "requires shareholder approval",
                                "expects gains", "Acme expects", "acquire", "acquire Beta", NULL});
    /* A headline in capitals hides a verb's case: "REDEEM" is the verb the story writes "redeem",
     * so neither "redeem" (both its occurrences a verb) nor "redeem debentures" is shown. */
    assert_top("10",
               "{\"id\":\"r\",\"stems\":[\"acm\",\"to\",\"redeem\",\"debentur\",\"acm\",\"corp\",\"said\",\"it\","
               "\"will\",\"redeem\",\"it\",\"debentur\",\"on\",\"may\",\"1\",\"the\",\"debentur\",\"were\","
               "\"sold\",\"in\",\"1985\",\"and\",\"holder\",\"may\",\"convert\",\"them\"],\"surface\":[\"ACME\","
               "\"TO\",\"REDEEM\",\"DEBENTURES\",\"Acme\",\"Corp\",\"said\",\"it\",\"will\",\"redeem\",\"its\","
               "\"debentures\",\"on\",\"May\",\"1\",\"The\",\"debentures\",\"were\",\"sold\",\"in\",\"1985\","
               "\"and\",\"holders\",\"may\",\"convert\",\"them\"],\"stop\":[0,1,0,0,0,0,0,1,0,0,1,0,1,0,0,1,0,1,0,"
               "1,0,1,0,0,0,1],\"sentences\":[0,4,15]}",
               (const char *[]){"debentures", "Acme", NULL}, (const char *[]){"redeem", "redeem debentures", NULL});
    /* The third person of a verb that is an adjective too is a verb alone, as no adjective takes
     * an "-s": "Acme completes acquisition of Beta. Acme owns Gamma. Acme completes deals." */
    assert_top("10",
               "{\"id\":\"c\",\"stems\":[\"acm\",\"complet\",\"acquisit\",\"of\",\"beta\",\"acm\",\"own\","
               "\"gamma\",\"acm\",\"complet\",\"deal\"],\"surface\":[\"Acme\",\"completes\",\"acquisition\",\"of\","
               "\"Beta\",\"Acme\",\"owns\",\"Gamma\",\"Acme\",\"completes\",\"deals\"],"
               "\"stop\":[0,0,0,1,0,0,0,0,0,0,0],\"sentences\":[0,5,8]}",
               (const char *[]){"Acme", "acquisition", "Gamma", "deals", NULL},
               (const char *[]){"completes", "completes acquisition", "Acme completes", "owns", "owns Gamma",
                                "completes deals", NULL});
    /* After "to" (or a modal, below), a verb that is a noun too is the verb when the tables list
     * its third person ("sells"), and "back" after a verb is its particle (keywords 1.65): "Acme
     * agreed to sell its unit. Acme plans to buy back stock." gives neither "sell", "buy" nor
     * "buy back", "back" or "back stock". */
    assert_top("10",
               "{\"id\":\"s\",\"stems\":[\"acm\",\"agre\",\"to\",\"sell\",\"it\",\"unit\",\"acm\",\"plan\","
               "\"to\",\"buy\",\"back\",\"stock\"],\"surface\":[\"Acme\",\"agreed\",\"to\",\"sell\",\"its\","
               "\"unit\",\"Acme\",\"plans\",\"to\",\"buy\",\"back\",\"stock\"],"
               "\"stop\":[0,0,1,0,1,0,0,0,1,0,0,0],\"sentences\":[0,6]}",
               (const char *[]){"Acme", "unit", "stock", NULL},
               (const char *[]){"sell", "buy", "buy back", "back", "back stock", "buy back stock", "sell unit", NULL});
    /* So after a modal: "Acme will issue notes. Beta could raise prices." */
    assert_top("10",
               "{\"id\":\"m\",\"stems\":[\"acm\",\"will\",\"issu\",\"note\",\"beta\",\"could\",\"rais\","
               "\"price\"],\"surface\":[\"Acme\",\"will\",\"issue\",\"notes\",\"Beta\",\"could\",\"raise\","
               "\"prices\"],\"stop\":[0,1,0,0,0,1,0,0],\"sentences\":[0,4]}",
               (const char *[]){"Acme", "notes", "Beta", "prices", NULL},
               (const char *[]){"issue", "issue notes", "raise", "raise prices", NULL});
    /* A form in "-ing" after a form of "be", or after one and "not" or an adverb, is a
     * progressive's verb when the tables list its base's third person ("issues", "seeks",
     * "cuts"): "The World Bank is issuing bonds. Acme is not seeking buyers. Beta was cutting
     * jobs. The offering closed." gives no "issuing", "seeking buyers" or "cutting jobs";
     * "offering" after "The" is a noun. */
    assert_top("10",
               "{\"id\":\"p\",\"stems\":[\"the\",\"world\",\"bank\",\"is\",\"issu\",\"bond\",\"acm\","
               "\"is\",\"not\",\"seek\",\"buyer\",\"beta\",\"was\",\"cut\",\"job\",\"the\",\"offer\","
               "\"close\"],\"surface\":[\"The\",\"World\",\"Bank\",\"is\",\"issuing\",\"bonds\",\"Acme\","
               "\"is\",\"not\",\"seeking\",\"buyers\",\"Beta\",\"was\",\"cutting\",\"jobs\",\"The\","
               "\"offering\",\"closed\"],\"stop\":[1,0,0,1,0,0,0,1,1,0,0,0,1,0,0,1,0,0],"
               "\"sentences\":[0,6,11,15]}",
               (const char *[]){"World Bank", "bonds", "buyers", "jobs", "offering", NULL},
               (const char *[]){"issuing", "issue", "issuing bonds", "seeking", "seek", "seeking buyers", "cutting",
                                "cut", "cutting jobs", NULL});
    /* So after a form of "be" and an adverb: "Gamma was quickly selling assets." */
    assert_top("10",
               "{\"id\":\"q\",\"stems\":[\"gamma\",\"was\",\"quick\",\"sell\",\"asset\"],"
               "\"surface\":[\"Gamma\",\"was\",\"quickly\",\"selling\",\"assets\"],"
               "\"stop\":[0,1,0,0,0],\"sentences\":[0]}",
               (const char *[]){"Gamma", "assets", NULL}, (const char *[]){"selling", "selling assets", NULL});
    /* A word alone is shown as the story writes it where it is no verb: "Acme is issuing notes.
     * The issue matures in 1992." shows "issue", though "issuing" comes first. */
    assert_top("10",
               "{\"id\":\"i\",\"stems\":[\"acm\",\"is\",\"issu\",\"note\",\"the\",\"issu\",\"matur\","
               "\"in\",\"1992\"],\"surface\":[\"Acme\",\"is\",\"issuing\",\"notes\",\"The\",\"issue\","
               "\"matures\",\"in\",\"1992\"],\"stop\":[0,1,0,0,1,0,0,1,0],\"sentences\":[0,4]}",
               (const char *[]){"Acme", "notes", "issue", NULL}, (const char *[]){"issuing", NULL});
    /* Before an object pronoun in lower case, a word is a verb: "Firefighters rescue them. Banks
     * give us credit." gives no "rescue", "give" or "Firefighters rescue". */
    assert_top("10",
               "{\"id\":\"o\",\"stems\":[\"firefight\",\"rescu\",\"them\",\"bank\",\"give\",\"us\","
               "\"credit\"],\"surface\":[\"Firefighters\",\"rescue\",\"them\",\"Banks\",\"give\",\"us\","
               "\"credit\"],\"stop\":[0,0,1,0,0,0,0],\"sentences\":[0,3]}",
               (const char *[]){"Firefighters", "Banks", "credit", NULL},
               (const char *[]){"rescue", "give", "Firefighters rescue", "Banks give", NULL});
}
END_TEST

/* The words of a phrase in a script without spaces are shown without spaces between them, as
 * it is written ("网络安全"); beside a word of another script they keep one ("5G 网络"). */
START_TEST(test_unspaced_phrases)
{
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"网络\",\"安全\",\"协议\",\"网络\",\"安全\",\"合作\"],"
                     "\"surface\":[\"网络\",\"安全\",\"协议\",\"网络\",\"安全\",\"合作\"],"
                     "\"stop\":[0,0,0,0,0,0],\"sentences\":[0,3]}",
                     (const char *[]){"网络安全", NULL}, (const char *[]){"网络 安全", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"5g\",\"网络\",\"5g\",\"网络\",\"合作\"],"
                     "\"surface\":[\"5G\",\"网络\",\"5G\",\"网络\",\"合作\"],"
                     "\"stop\":[0,0,0,0,0],\"sentences\":[0,2,4]}",
                     (const char *[]){"5G 网络", NULL}, (const char *[]){"5G网络", NULL});
}
END_TEST

START_TEST(test_function_words_split)
{
    /* "Sen. Kerry said yesterday the treaty could pass.": the title, the reporting verb, the day
     * and the modal are in no phrase and split the ones around them, and the verb after the
     * modal is no keyphrase alone (keywords 1.65). So are the words that place a time against
     * another: "Exports rose from a year earlier, and a week ago." */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"export\",\"rose\",\"from\",\"a\",\"year\",\"earlier\",\"and\","
                     "\"a\",\"week\",\"ago\"],\"surface\":[\"Exports\",\"rose\",\"from\",\"a\",\"year\","
                     "\"earlier\",\"and\",\"a\",\"week\",\"ago\"],\"stop\":[0,0,1,1,0,0,1,1,0,0],\"sentences\":[0]}",
                     (const char *[]){"Exports", "year", "week", NULL},
                     (const char *[]){"earlier", "year earlier", "ago", "week ago", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"sen\",\"kerri\",\"said\",\"yesterday\",\"the\","
                     "\"treati\",\"could\",\"pass\"],\"stop\":[0,0,0,0,1,0,0,0],\"sentences\":[0]}",
                     (const char *[]){"kerri", "treati", NULL},
                     (const char *[]){"sen", "sen kerri", "said", "yesterday", "treati could pass", "pass", NULL});
    /* "Acme sold certain assets to several buyers, whose bids were just higher than another
     * one's.": determiners and the like that Snowball's list lacks are in no phrase either. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"acm\",\"sold\",\"certain\",\"asset\",\"to\",\"sever\","
                     "\"buyer\",\"whose\",\"bid\",\"were\",\"just\",\"higher\",\"than\",\"anoth\",\"one\"],"
                     "\"surface\":[\"Acme\",\"sold\",\"certain\",\"assets\",\"to\",\"several\",\"buyers\","
                     "\"whose\",\"bids\",\"were\",\"just\",\"higher\",\"than\",\"another\",\"one\"],"
                     "\"stop\":[0,0,0,0,1,0,0,0,0,1,0,0,1,0,1],\"sentences\":[0]}",
                     (const char *[]){"assets", "buyers", "bids", NULL},
                     (const char *[]){"certain", "certain assets", "several", "several buyers", "whose", "whose bids",
                                      "just", "just higher", "another", NULL});
    /* "A 73-year-old paid 40b for 5G spectrum.": an age and an amount are no keyphrases, and
     * split the phrase; a code such as "5G" is one. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"a\",\"73-year-old\",\"paid\",\"40b\",\"for\",\"5g\",\"spectrum\"],"
                     "\"stop\":[1,0,0,0,1,0,0],\"sentences\":[0]}",
                     (const char *[]){"paid", "5g spectrum", NULL},
                     (const char *[]){"73-year-old", "40b", "73-year-old paid", NULL});
    /* "Net profit one ct vs 15 cts prior, sales 5.2 mln dlrs": the units of wire copy's figures,
     * "vs" and "prior" are in no phrase. Nor are the magnitudes written out: "Reserves rose to
     * 4.1 billion francs" gives "Reserves" and "francs", not "billion francs". */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"net\",\"profit\",\"one\",\"ct\",\"vs\",\"15\",\"cts\","
                     "\"prior\",\"sale\",\"5.2\",\"mln\",\"dlrs\"],\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0],"
                     "\"sentences\":[0]}",
                     (const char *[]){"net profit", "sale", NULL},
                     (const char *[]){"ct", "cts", "vs", "mln", "dlrs", "mln dlrs", "ct vs", "cts vs", "prior",
                                      "prior sale", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"reserv\",\"rose\",\"to\",\"4.1\",\"billion\",\"franc\"],"
                     "\"surface\":[\"Reserves\",\"rose\",\"to\",\"4.1\",\"billion\",\"francs\"],"
                     "\"stop\":[0,0,1,0,0,0],\"sentences\":[0]}",
                     (const char *[]){"Reserves", "francs", NULL}, (const char *[]){"billion", "billion francs", NULL});
    /* "Oper net 5 cts vs 4 cts. Operations grew.": the abbreviation "Oper" is a function word,
     * known as written, since its stem is that of "operations", which is none. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"oper\",\"net\",\"5\",\"cts\",\"vs\",\"4\",\"cts\",\"oper\","
                     "\"grew\"],\"surface\":[\"Oper\",\"net\",\"5\",\"cts\",\"vs\",\"4\",\"cts\",\"operations\","
                     "\"grew\"],\"stop\":[0,0,0,0,0,0,0,0,0],\"sentences\":[0,7]}",
                     (const char *[]){"operations", "net", NULL}, (const char *[]){"Oper", "Oper net", NULL});
    /* "Net includes tax credits, excluding gains.": "include" and "exclude", which wire copy's
     * notes use of their figures, are in no phrase. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"net\",\"includ\",\"tax\",\"credit\",\"exclud\",\"gain\"],"
                     "\"surface\":[\"Net\",\"includes\",\"tax\",\"credits\",\"excluding\",\"gains\"],"
                     "\"stop\":[0,0,0,0,0,0],\"sentences\":[0],\"clauses\":[4]}",
                     (const char *[]){"tax credits", "gains", NULL},
                     (const char *[]){"includes", "Net includes", "includes tax", "excluding", "excluding gains", NULL});
    /* "Exports compared with imports. Output compares with demand.": "compare", which wire copy
     * writes of its figures as "include" ("up 5 pct compared with"), is in no phrase either. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"export\",\"compar\",\"with\",\"import\",\"output\","
                     "\"compar\",\"with\",\"demand\"],\"surface\":[\"Exports\",\"compared\",\"with\","
                     "\"imports\",\"Output\",\"compares\",\"with\",\"demand\"],"
                     "\"stop\":[0,0,1,0,0,0,1,0],\"sentences\":[0,4]}",
                     (const char *[]){"Exports", "imports", "demand", NULL},
                     (const char *[]){"compared", "compares", "Exports compared", "Output compares", NULL});
    /* "Traders said, according to brokers, talks regarding the accord stalled.": "according" and
     * "regarding" are prepositions, in no phrase; "accord", the noun of the same stem, is one. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"trader\",\"said\",\"accord\",\"to\",\"broker\",\"talk\","
                     "\"regard\",\"the\",\"accord\",\"stall\"],\"surface\":[\"Traders\",\"said\",\"according\","
                     "\"to\",\"brokers\",\"talks\",\"regarding\",\"the\",\"accord\",\"stalled\"],"
                     "\"stop\":[0,0,0,1,0,0,0,1,0,0],\"sentences\":[0],\"clauses\":[2,4]}",
                     (const char *[]){"brokers", "accord", NULL},
                     (const char *[]){"according", "regarding", "talks regarding", NULL});
    /* "Dividend raised. Pay April 30. Record May three.": the month of a date is in no phrase,
     * not even to fill a short list, nor is the label of a table's row that holds a date;
     * "The April rally lifted stocks.": a month that is no date's is. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"dividend\",\"rais\",\"pay\",\"april\",\"30\",\"record\",\"may\","
                     "\"three\"],\"surface\":[\"Dividend\",\"raised\",\"Pay\",\"April\",\"30\",\"Record\",\"May\","
                     "\"three\"],\"stop\":[0,0,0,0,0,0,0,0],\"sentences\":[0,2,5]}",
                     (const char *[]){"raised", NULL},
                     (const char *[]){"April", "Pay April", "Record April", "Pay", "Record", "May", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"the\",\"april\",\"ralli\",\"lift\",\"stock\"],"
                     "\"surface\":[\"The\",\"April\",\"rally\",\"lifted\",\"stocks\"],"
                     "\"stop\":[1,0,0,0,0],\"sentences\":[0]}",
                     (const char *[]){"April rally", NULL}, (const char *[]){NULL});
    /* "Hertz Corp sold its stake in Dahlberg Inc to Raytheon Co.": a firm is named without the
     * designation of its legal form, which alone is no keyphrase. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"hertz\",\"corp\",\"sold\",\"it\",\"stake\",\"in\",\"dahlberg\","
                     "\"inc\",\"to\",\"raytheon\",\"co\"],\"surface\":[\"Hertz\",\"Corp\",\"sold\",\"its\",\"stake\","
                     "\"in\",\"Dahlberg\",\"Inc\",\"to\",\"Raytheon\",\"Co\"],\"stop\":[0,0,0,1,0,1,0,0,1,0,0],"
                     "\"sentences\":[0]}",
                     (const char *[]){"Hertz", "Dahlberg", "Raytheon", NULL},
                     (const char *[]){"Corp", "Inc", "Co", "Hertz Corp", "Dahlberg Inc", "Raytheon Co", NULL});
    /* "3rd qtr loss widens": an ordinal is no keyphrase either, nor the abbreviations of wire
     * copy's earnings tables and headlines ("4TH QTR NET", "Avg shrs", "Revs", "Qtly div"). */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"3rd\",\"qtr\",\"loss\",\"widen\"],"
                     "\"stop\":[0,0,0,0],\"sentences\":[0]}",
                     (const char *[]){"loss", NULL}, (const char *[]){"3rd", "3rd qtr", "qtr", "qtr loss", NULL});
    /* "The Eurobond's 9-5/8s rose 5/8ths in trading": nor is a fraction's, or a bond told by its
     * coupon. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"eurobond\",\"9-5/8s\",\"rose\",\"5/8ths\",\"in\",\"trade\"],"
                     "\"stop\":[0,0,0,0,1,0],\"sentences\":[0]}",
                     (const char *[]){"eurobond", "trade", NULL},
                     (const char *[]){"9-5/8s", "5/8ths", "eurobond 9-5/8s", "9-5/8s rose", "rose 5/8ths", NULL});
    /* Pence are a quantity, written in lower case: "Hillsdown shares rose 12p", but "17P", in
     * capitals, is a drug's name. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"hillsdown\",\"share\",\"rose\",\"12p\",\"17p\",\"drug\"],"
                     "\"surface\":[\"Hillsdown\",\"shares\",\"rose\",\"12p\",\"17P\",\"drug\"],"
                     "\"stop\":[0,0,0,0,0,0],\"sentences\":[0,4]}",
                     (const char *[]){"Hillsdown shares", "17P drug", NULL},
                     (const char *[]){"12p", "rose 12p", "12p 17P", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"avg\",\"shrs\",\"rise\",\"rev\",\"fell\",\"qtli\",\"div\",\"paid\"],"
                     "\"surface\":[\"Avg\",\"shrs\",\"rise\",\"Revs\",\"fell\",\"Qtly\",\"div\",\"paid\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0],\"sentences\":[0,3,5]}",
                     (const char *[]){"rise", "paid", NULL},
                     (const char *[]){"Avg", "shrs", "Avg shrs", "Revs", "Qtly", "div", "Qtly div", "fell", NULL});
    /* "Rev grew. Rev Jackson spoke.": "Rev", a table's revenue or a clergyman's title, is none. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"rev\",\"grew\",\"rev\",\"jackson\",\"spoke\"],"
                     "\"surface\":[\"Rev\",\"grew\",\"Rev\",\"Jackson\",\"spoke\"],\"stop\":[0,0,0,0,0],"
                     "\"sentences\":[0,2]}",
                     (const char *[]){"Jackson", NULL}, (const char *[]){"Rev", "Rev Jackson", NULL});
    /* "Mthly div paid. Qtrly div rose.": the other abbreviations of a dividend's period are none
     * either (keywords 1.89). */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"mth\",\"div\",\"paid\",\"qtrli\",\"div\",\"rose\"],"
                     "\"surface\":[\"Mthly\",\"div\",\"paid\",\"Qtrly\",\"div\",\"rose\"],\"stop\":[0,0,0,0,0,0],"
                     "\"sentences\":[0,3]}",
                     (const char *[]){"paid", NULL}, (const char *[]){"Mthly", "Qtrly", "Mthly div", "Qtrly div", NULL});
    /* "Car sales rose 5 pct. Pete Rose fell. Exports fell.": "rose" and "fell" in lower case
     * report a figure and are in no phrase; "Rose" is a name's. "Underwriters led by Acme": nor
     * is "led". */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"underwrit\",\"led\",\"by\",\"acm\"],"
                     "\"surface\":[\"Underwriters\",\"led\",\"by\",\"Acme\"],\"stop\":[0,0,1,0],\"sentences\":[0]}",
                     (const char *[]){"Underwriters", "Acme", NULL}, (const char *[]){"led", "Underwriters led", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"car\",\"sale\",\"rose\",\"5\",\"pct\",\"pete\",\"rose\",\"fell\","
                     "\"export\",\"fell\"],"
                     "\"surface\":[\"Car\",\"sales\",\"rose\",\"5\",\"pct\",\"Pete\",\"Rose\",\"fell\",\"Exports\","
                     "\"fell\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,5,8]}",
                     (const char *[]){"Car sales", "Pete Rose", "Exports", NULL},
                     (const char *[]){"rose", "fell", "sales rose", "Car sales rose", "Exports fell", "Rose fell", NULL});
    /* "Ms Roe met Ms Poe. MS patients met.": the title is no word of a phrase; the illness,
     * written in capitals, is a keyword. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"ms\",\"roe\",\"met\",\"ms\",\"poe\",\"ms\",\"patient\",\"met\"],"
                     "\"surface\":[\"Ms\",\"Roe\",\"met\",\"Ms\",\"Poe\",\"MS\",\"patients\",\"met\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0],\"sentences\":[0,5]}",
                     (const char *[]){"Roe", "MS patients", NULL},
                     (const char *[]){"Ms Roe", "Ms Poe", NULL});
    /* "Rivals watch us. US banks watch us closely.": the pronoun in lower case is no word of a
     * phrase; the country in capitals is one. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"rival\",\"watch\",\"us\",\"us\",\"bank\",\"watch\",\"us\","
                     "\"close\"],"
                     "\"surface\":[\"Rivals\",\"watch\",\"us\",\"US\",\"banks\",\"watch\",\"us\",\"closely\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0],\"sentences\":[0,3]}",
                     (const char *[]){"US banks", NULL}, (const char *[]){"us", "watch us", "us closely", NULL});
    /* "Acme is now bigger. Still, Acme bought something. Fans saw Music Never Stopped.": adverbs
     * and pronouns that Snowball's list lacks are in no phrase in lower case or as a sentence's
     * first word (keywords 1.69), but a title's "Never" stays in it. */
    assert_top("20",
               "{\"id\":\"a\",\"stems\":[\"acm\",\"is\",\"now\",\"bigger\",\"still\",\"acm\",\"bought\","
               "\"someth\",\"fan\",\"saw\",\"music\",\"never\",\"stop\"],"
               "\"surface\":[\"Acme\",\"is\",\"now\",\"bigger\",\"Still\",\"Acme\",\"bought\",\"something\","
               "\"Fans\",\"saw\",\"Music\",\"Never\",\"Stopped\"],"
               "\"stop\":[0,1,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,4,8],\"clauses\":[5]}",
               (const char *[]){"Acme", "Music Never Stopped", NULL},
               (const char *[]){"now", "now bigger", "Still", "something", "bought something", NULL});
    /* "Police shot a man near the school without warning. Since Monday, despite protests...":
     * prepositions and conjunctions that the stop list lacks are function words too, known by
     * the token whatever its stem ("since" stems to "sinc") or case. */
    assert_top("30", "{\"id\":\"a\",\"stems\":[\"polic\",\"shot\",\"a\",\"man\",\"near\",\"the\",\"school\",\"without\","
                     "\"warn\",\"sinc\",\"monday\",\"despit\",\"protest\"],"
                     "\"surface\":[\"Police\",\"shot\",\"a\",\"man\",\"near\",\"the\",\"school\",\"without\","
                     "\"warning\",\"Since\",\"Monday\",\"despite\",\"protests\"],"
                     "\"stop\":[0,0,1,0,0,1,0,0,0,0,0,0,0],\"sentences\":[0,9],\"clauses\":[11]}",
                     (const char *[]){"school", "warning", "protests", "Monday", NULL},
                     (const char *[]){"near", "man near", "without", "school without", "Since", "Since Monday", "despite",
                                      "despite protests", NULL});
    /* "Lukman made the remarks whilst talking amidst protests.": British spellings of "while"
     * and "amid" are function words as those are. */
    assert_top("30", "{\"id\":\"b\",\"stems\":[\"lukman\",\"made\",\"the\",\"remark\",\"whilst\",\"talk\","
                     "\"amidst\",\"protest\"],"
                     "\"surface\":[\"Lukman\",\"made\",\"the\",\"remarks\",\"whilst\",\"talking\",\"amidst\","
                     "\"protests\"],\"stop\":[0,0,1,0,0,0,0,0],\"sentences\":[0]}",
                     (const char *[]){"remarks", "protests", NULL},
                     (const char *[]){"whilst", "remarks whilst", "amidst", "amidst protests", NULL});
    /* "Banks will intervene whenever necessary, whichever rate applies. Exports fell
     * altogether.": words of "-ever" and "altogether" part phrases and are in none. */
    assert_top("30", "{\"id\":\"c\",\"stems\":[\"bank\",\"will\",\"interven\",\"whenev\",\"necessari\","
                     "\"whichev\",\"rate\",\"appli\",\"export\",\"fell\",\"altogeth\"],"
                     "\"surface\":[\"Banks\",\"will\",\"intervene\",\"whenever\",\"necessary\",\"whichever\","
                     "\"rate\",\"applies\",\"Exports\",\"fell\",\"altogether\"],"
                     "\"stop\":[0,1,0,0,0,0,0,0,0,0,0],\"sentences\":[0,8],\"clauses\":[5]}",
                     (const char *[]){"rate", "Exports", NULL},
                     (const char *[]){"whenever", "intervene whenever", "whenever necessary", "whichever",
                                      "whichever rate", "altogether", "fell altogether", NULL});
}
END_TEST

START_TEST(test_adjective_ends)
{
    /* "Canadian economic growth slowed. Royal Financial hired economists. The Canadian economic
     * outlook improved.": a phrase that ends in a word that is only an adjective has lost its
     * noun ("Canadian economic"); a capitalised one ends a name ("Royal Financial"). */
    assert_top("20", "{\"id\":\"a\",\"stems\":[\"canadian\",\"econom\",\"growth\",\"slow\",\"royal\",\"financi\","
                     "\"hire\",\"economist\",\"the\",\"canadian\",\"econom\",\"outlook\",\"improv\"],"
                     "\"surface\":[\"Canadian\",\"economic\",\"growth\",\"slowed\",\"Royal\",\"Financial\",\"hired\","
                     "\"economists\",\"the\",\"Canadian\",\"economic\",\"outlook\",\"improved\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,1,0,0,0,0],\"sentences\":[0,4,8]}",
                     (const char *[]){"economic growth", "Royal Financial", "economic outlook", NULL},
                     (const char *[]){"Canadian economic", NULL});
}
END_TEST

START_TEST(test_participle_with_object)
{
    /* "Acme filed a statement covering 1.5 mln shares. The statement covering the shares was
     * amended. The public offering of shares began. The annual meeting in April.": a phrase that
     * ends in an "-ing" word with its object after it is a noun and its verb ("statement
     * covering"); an "-ing" noun before a preposition ends a phrase ("public offering", "annual
     * meeting"). */
    assert_top("20", "{\"id\":\"a\",\"stems\":[\"acm\",\"file\",\"a\",\"statement\",\"cover\",\"1.5\",\"mln\","
                     "\"share\",\"the\",\"statement\",\"cover\",\"the\",\"share\",\"was\",\"amend\",\"the\","
                     "\"public\",\"offer\",\"of\",\"share\",\"began\",\"the\",\"annual\",\"meet\",\"in\","
                     "\"april\"],"
                     "\"surface\":[\"Acme\",\"filed\",\"a\",\"statement\",\"covering\",\"1.5\",\"mln\","
                     "\"shares\",\"The\",\"statement\",\"covering\",\"the\",\"shares\",\"was\",\"amended\","
                     "\"The\",\"public\",\"offering\",\"of\",\"shares\",\"began\",\"The\",\"annual\","
                     "\"meeting\",\"in\",\"April\"],"
                     "\"stop\":[0,0,1,0,0,0,0,0,1,0,0,1,0,1,0,1,0,0,1,0,0,1,0,0,1,0],\"sentences\":[0,8,15,21]}",
                     (const char *[]){"statement", "public offering", "annual meeting", NULL},
                     (const char *[]){"statement covering", NULL});
    /* "Warrants allowing them to buy. The helicopter flying him crashed. The annual meeting it
     * called ended.": a pronoun that is only ever an object follows a verb ("warrants
     * allowing"), and "it" may begin a clause after a noun ("annual meeting it called"). */
    assert_top("20", "{\"id\":\"b\",\"stems\":[\"warrant\",\"allow\",\"them\",\"to\",\"buy\",\"the\","
                     "\"helicopt\",\"fli\",\"him\",\"crash\",\"the\",\"annual\",\"meet\",\"it\",\"call\",\"end\"],"
                     "\"surface\":[\"Warrants\",\"allowing\",\"them\",\"to\",\"buy\",\"The\",\"helicopter\","
                     "\"flying\",\"him\",\"crashed\",\"The\",\"annual\",\"meeting\",\"it\",\"called\",\"ended\"],"
                     "\"stop\":[0,0,1,1,0,1,0,0,1,0,1,0,0,1,0,0],\"sentences\":[0,5,10]}",
                     (const char *[]){"Warrants", "helicopter", "annual meeting", NULL},
                     (const char *[]){"Warrants allowing", "helicopter flying", NULL});
    /* "Lenders discussed rescheduling the debt. Brazil sought rescheduling the loans. The
     * restructuring of Brazil debt began.": an "-ing" word that has its object after it in
     * every occurrence is a verb there, and no keyphrase alone; one before a preposition is a
     * noun and stays. */
    assert_top("20", "{\"id\":\"c\",\"stems\":[\"lender\",\"discuss\",\"reschedul\",\"the\",\"debt\","
                     "\"brazil\",\"sought\",\"reschedul\",\"the\",\"loan\",\"the\",\"restructur\",\"of\","
                     "\"brazil\",\"debt\",\"began\"],"
                     "\"surface\":[\"Lenders\",\"discussed\",\"rescheduling\",\"the\",\"debt\",\"Brazil\","
                     "\"sought\",\"rescheduling\",\"the\",\"loans\",\"The\",\"restructuring\",\"of\","
                     "\"Brazil\",\"debt\",\"began\"],"
                     "\"stop\":[0,0,0,1,0,0,0,0,1,0,1,0,1,0,0,0],\"sentences\":[0,5,10]}",
                     (const char *[]){"restructuring", "debt", NULL}, (const char *[]){"rescheduling", NULL});
    /* "Evans was elected president, succeeding James Baker. The ruling Liberal Party backed
     * Baker. Smith joined the board, succeeding Jones.": an "-ing" word that opens a clause
     * before a name has it as its object; after a determiner it describes the name. */
    assert_top("20", "{\"id\":\"e\",\"stems\":[\"evan\",\"was\",\"elect\",\"presid\",\"succeed\",\"jame\","
                     "\"baker\",\"the\",\"rule\",\"liber\",\"parti\",\"back\",\"baker\",\"smith\",\"join\","
                     "\"the\",\"board\",\"succeed\",\"jone\"],"
                     "\"surface\":[\"Evans\",\"was\",\"elected\",\"president\",\"succeeding\",\"James\","
                     "\"Baker\",\"The\",\"ruling\",\"Liberal\",\"Party\",\"backed\",\"Baker\",\"Smith\","
                     "\"joined\",\"the\",\"board\",\"succeeding\",\"Jones\"],"
                     "\"stop\":[0,1,0,0,0,0,0,1,0,0,0,0,0,0,0,1,0,0,0],\"sentences\":[0,7,13],\"clauses\":[4,17]}",
                     (const char *[]){"James Baker", "president", "ruling", NULL},
                     (const char *[]){"succeeding", NULL});
    /* "Traders are guesstimating hog slaughter. Packers were guesstimating cattle slaughter.
     * Aid is forthcoming.": after a form of "be", an "-ing" word that is no adjective is a verb
     * whatever follows; an adjective is the complement. */
    assert_top("20", "{\"id\":\"d\",\"stems\":[\"trader\",\"are\",\"guesstim\",\"hog\",\"slaughter\","
                     "\"packer\",\"were\",\"guesstim\",\"cattl\",\"slaughter\",\"aid\",\"is\",\"forthcom\"],"
                     "\"surface\":[\"Traders\",\"are\",\"guesstimating\",\"hog\",\"slaughter\",\"Packers\","
                     "\"were\",\"guesstimating\",\"cattle\",\"slaughter\",\"Aid\",\"is\",\"forthcoming\"],"
                     "\"stop\":[0,1,0,0,0,0,1,0,0,0,0,1,0],\"sentences\":[0,5,10]}",
                     (const char *[]){"hog slaughter", "cattle slaughter", "forthcoming", NULL},
                     (const char *[]){"guesstimating", "guesstimating hog slaughter", NULL});
}
END_TEST

START_TEST(test_words_that_govern)
{
    /* "Acme redeemed the notes at par plus accrued interest. Investors outside the U.S. bought
     * shares. Banks like Barclays cut rates. Rates rose the day following the cut. News
     * concerning Acme spread. Following talks, Acme cut prices. Acme has branches inside
     * Michigan.": a preposition that the stop words lack is in no phrase ("par plus", "plus
     * accrued interest", "Investors outside", "Banks like", "day following", "News concerning",
     * "Following talks", "branches inside"), nor alone. */
    assert_top("40",
               "{\"id\":\"a\",\"stems\":[\"acm\",\"redeem\",\"the\",\"note\",\"at\",\"par\",\"plus\","
               "\"accru\",\"interest\",\"investor\",\"outsid\",\"the\",\"u.s.\",\"bought\",\"share\",\"bank\","
               "\"like\",\"barclay\",\"cut\",\"rate\",\"rate\",\"rose\",\"the\",\"day\",\"follow\",\"the\","
               "\"cut\",\"news\",\"concern\",\"acm\",\"spread\",\"follow\",\"talk\",\"acm\",\"cut\",\"price\","
               "\"acm\",\"has\",\"branch\",\"insid\",\"michigan\"],\"surface\":[\"Acme\",\"redeemed\",\"the\","
               "\"notes\",\"at\",\"par\",\"plus\",\"accrued\",\"interest\",\"Investors\",\"outside\",\"the\","
               "\"U.S.\",\"bought\",\"shares\",\"Banks\",\"like\",\"Barclays\",\"cut\",\"rates\",\"Rates\","
               "\"rose\",\"the\",\"day\",\"following\",\"the\",\"cut\",\"News\",\"concerning\",\"Acme\","
               "\"spread\",\"Following\",\"talks\",\"Acme\",\"cut\",\"prices\",\"Acme\",\"has\",\"branches\","
               "\"inside\",\"Michigan\"],\"stop\":[0,0,1,0,1,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,1,0,0,1,0,0,0,"
               "0,0,0,0,0,0,0,0,1,0,0,0],\"sentences\":[0,9,15,20,27,31,36],\"clauses\":[33]}",
               (const char *[]){"accrued interest", "Investors", "Barclays", "day", "News", "talks", "branches",
                                "Michigan", NULL},
               (const char *[]){"par plus", "plus accrued interest", "plus", "Investors outside", "outside",
                                "Banks like", "like", "day following", "following", "News concerning", "concerning",
                                "Following talks", "Following", "branches inside", "inside", NULL});
    /* "The band has a loyal following. Acme has outside directors. Fans inside and outside Japan
     * cheered. Acme has branches outside Japan.": at a clause's end such a word is a noun ("loyal
     * following"), and one that may modify a noun still does before one ("outside directors"),
     * but not before a stop word or a name ("Fans inside", "branches outside"). */
    assert_top("40",
               "{\"id\":\"a\",\"stems\":[\"the\",\"band\",\"has\",\"a\",\"loyal\",\"follow\",\"acm\",\"has\","
               "\"outsid\",\"director\",\"fan\",\"insid\",\"and\",\"outsid\",\"japan\",\"cheer\",\"acm\","
               "\"has\",\"branch\",\"outsid\",\"japan\"],\"surface\":[\"The\",\"band\",\"has\",\"a\","
               "\"loyal\",\"following\",\"Acme\",\"has\",\"outside\",\"directors\",\"Fans\",\"inside\","
               "\"and\",\"outside\",\"Japan\",\"cheered\",\"Acme\",\"has\",\"branches\",\"outside\","
               "\"Japan\"],\"stop\":[1,0,1,1,0,0,0,1,0,0,0,0,1,0,0,0,0,1,0,0,0],\"sentences\":[0,6,10,16],"
               "\"clauses\":[]}",
               (const char *[]){"loyal following", "outside directors", "Fans", "branches", NULL},
               (const char *[]){"Fans inside", "inside", "branches outside", NULL});
    /* "Acme sold debentures due 1992 last week. The debentures are due to mature in 1992. Acme
     * won a contract worth 10 mln dlrs. Acme said its net worth was 50 mln dlrs. Talks resume
     * early next month. Acme raised prices late Friday. Ships waited at the canal early today.":
     * a word of time or amount governs the time, the figure or the stop word after it, which is
     * in no phrase either ("debentures due", "last week", "contract worth", "resume early", "next
     * month", "Friday", "canal early"); "net worth" is a noun. */
    assert_top("40",
               "{\"id\":\"a\",\"stems\":[\"acm\",\"sold\",\"debentur\",\"due\",\"1992\",\"last\",\"week\","
               "\"the\",\"debentur\",\"are\",\"due\",\"to\",\"matur\",\"in\",\"1992\",\"acm\",\"won\",\"a\","
               "\"contract\",\"worth\",\"10\",\"mln\",\"dlrs\",\"acm\",\"said\",\"it\",\"net\",\"worth\","
               "\"was\",\"50\",\"mln\",\"dlrs\",\"talk\",\"resum\",\"earli\",\"next\",\"month\",\"acm\","
               "\"rais\",\"price\",\"late\",\"friday\",\"ship\",\"wait\",\"at\",\"the\",\"canal\",\"earli\","
               "\"today\"],\"surface\":[\"Acme\",\"sold\",\"debentures\",\"due\",\"1992\",\"last\",\"week\","
               "\"The\",\"debentures\",\"are\",\"due\",\"to\",\"mature\",\"in\",\"1992\",\"Acme\",\"won\","
               "\"a\",\"contract\",\"worth\",\"10\",\"mln\",\"dlrs\",\"Acme\",\"said\",\"its\",\"net\","
               "\"worth\",\"was\",\"50\",\"mln\",\"dlrs\",\"Talks\",\"resume\",\"early\",\"next\",\"month\","
               "\"Acme\",\"raised\",\"prices\",\"late\",\"Friday\",\"Ships\",\"waited\",\"at\",\"the\","
               "\"canal\",\"early\",\"today\"],\"stop\":[0,0,0,0,0,0,0,1,0,1,0,1,0,1,0,0,0,1,0,0,0,0,0,0,0,1,"
               "0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,0,0,0],\"sentences\":[0,7,15,23,32,37,42],"
               "\"clauses\":[]}",
               (const char *[]){"debentures", "contract", "net worth", "prices", "canal", NULL},
               (const char *[]){"debentures due", "due", "last week", "last", "week", "contract worth", "early",
                                "resume early", "next month", "month", "late", "Friday", "canal early", NULL});
    /* "Exports rose from the previous week. Imports fell from last year's level.": "previous"
     * governs its time as "last" does, and a time with a possessive is governed too (keywords
     * 1.92): no "previous week", "week", "year" nor "previous". */
    assert_top("20",
               "{\"id\":\"p\",\"stems\":[\"export\",\"rose\",\"from\",\"the\",\"previous\",\"week\","
               "\"import\",\"fell\",\"from\",\"last\",\"year\",\"level\"],\"surface\":[\"Exports\",\"rose\","
               "\"from\",\"the\",\"previous\",\"week\",\"Imports\",\"fell\",\"from\",\"last\",\"year's\","
               "\"level\"],\"stop\":[0,0,1,1,0,0,0,0,1,0,0,0],\"sentences\":[0,6],\"clauses\":[]}",
               (const char *[]){"Exports", "Imports", "level", NULL},
               (const char *[]){"previous week", "previous", "week", "year", "year's level", "last", "last year",
                                NULL});
}
END_TEST

START_TEST(test_pieces_of_longer_phrases)
{
    /* "The revenue passenger miles grew. Airlines count revenue passenger miles." beside "The
     * revenue passenger miles slowed.": "revenue passenger" and "passenger miles" are always
     * within "revenue passenger miles", in the document and in the corpus, so the whole is
     * shown. */
    const char *miles[] = {
        "{\"id\":\"a\",\"stems\":[\"the\",\"revenu\",\"passeng\",\"mile\",\"grew\",\"airlin\",\"count\","
        "\"revenu\",\"passeng\",\"mile\"],\"surface\":[\"The\",\"revenue\",\"passenger\",\"miles\","
        "\"grew\",\"Airlines\",\"count\",\"revenue\",\"passenger\",\"miles\"],\"stop\":[1,0,0,0,0,0,0,0,"
        "0,0],\"sentences\":[0,5]}",
        "{\"id\":\"b\",\"stems\":[\"the\",\"revenu\",\"passeng\",\"mile\",\"slow\"],\"surface\":[\"The\","
        "\"revenue\",\"passenger\",\"miles\",\"slowed\"],\"stop\":[1,0,0,0,0],\"sentences\":[0]}",
        NULL};
    assert_first("20", miles, (const char *[]){"revenue passenger miles", NULL},
                 (const char *[]){"revenue passenger", "passenger miles", NULL});
    /* "The oil price index grew. The oil price index slowed.": within the document "oil price" is
     * always part of "oil price index"; but beside "Oil price gains lifted shares." and "Oil
     * price declines hurt banks." it is a phrase of its own in the corpus, and the pieces stay
     * ("price index", before "oil price", which repeats a word of it). With "The oil price index
     * slipped." as well, half the documents with "oil price" have "oil price index", and the
     * whole is shown. */
    const char *index[] = {
        "{\"id\":\"c\",\"stems\":[\"the\",\"oil\",\"price\",\"index\",\"grew\",\"the\",\"oil\",\"price\","
        "\"index\",\"slow\"],\"surface\":[\"The\",\"oil\",\"price\",\"index\",\"grew\",\"The\",\"oil\","
        "\"price\",\"index\",\"slowed\"],\"stop\":[1,0,0,0,0,1,0,0,0,0],\"sentences\":[0,5]}",
        "{\"id\":\"d\",\"stems\":[\"oil\",\"price\",\"gain\",\"lift\",\"share\"],\"surface\":[\"Oil\","
        "\"price\",\"gains\",\"lifted\",\"shares\"],\"stop\":[0,0,0,0,0],\"sentences\":[0]}",
        "{\"id\":\"e\",\"stems\":[\"oil\",\"price\",\"declin\",\"hurt\",\"bank\"],\"surface\":[\"Oil\","
        "\"price\",\"declines\",\"hurt\",\"banks\"],\"stop\":[0,0,0,0,0],\"sentences\":[0]}",
        NULL, NULL};
    assert_first("20", index, (const char *[]){"price index", NULL}, (const char *[]){"oil price index", NULL});
    index[3] =
        "{\"id\":\"f\",\"stems\":[\"the\",\"oil\",\"price\",\"index\",\"slip\"],\"surface\":[\"The\","
        "\"oil\",\"price\",\"index\",\"slipped\"],\"stop\":[1,0,0,0,0],\"sentences\":[0]}";
    assert_first("20", index, (const char *[]){"oil price index", NULL},
                 (const char *[]){"oil price", "price index", NULL});
    /* "Firms repay short-term debt." beside "Banks repay short-term debt.": in the corpus
     * "short-term debt" always follows "repay", but a word before a phrase is often a verb before
     * its object, so it takes two occurrences in the document to make the phrase a piece. */
    const char *debt[] = {
        "{\"id\":\"a\",\"stems\":[\"firm\",\"repay\",\"short-term\",\"debt\"],\"surface\":[\"Firms\","
        "\"repay\",\"short-term\",\"debt\"],\"stop\":[0,0,0,0],\"sentences\":[0]}",
        "{\"id\":\"b\",\"stems\":[\"bank\",\"repay\",\"short-term\",\"debt\"],\"surface\":[\"Banks\","
        "\"repay\",\"short-term\",\"debt\"],\"stop\":[0,0,0,0],\"sentences\":[0]}",
        NULL};
    assert_first("20", debt, (const char *[]){"short-term debt", NULL},
                 (const char *[]){"repay short-term debt", NULL});
    /* "Vivienne Westwood launches jewellery. The designer Vivienne Westwood launches perfume."
     * beside "Vivienne Westwood launches shoes.": a name ends before a word in lower case, so
     * "Vivienne Westwood" stays itself. */
    const char *launches[] = {
        "{\"id\":\"v\",\"stems\":[\"vivienn\",\"westwood\",\"launch\",\"jewelleri\",\"the\",\"design\","
        "\"vivienn\",\"westwood\",\"launch\",\"perfum\"],\"surface\":[\"Vivienne\",\"Westwood\","
        "\"launches\",\"jewellery\",\"The\",\"designer\",\"Vivienne\",\"Westwood\",\"launches\","
        "\"perfume\"],\"stop\":[0,0,0,0,1,0,0,0,0,0],\"sentences\":[0,4]}",
        "{\"id\":\"w\",\"stems\":[\"vivienn\",\"westwood\",\"launch\",\"shoe\"],"
        "\"surface\":[\"Vivienne\",\"Westwood\",\"launches\",\"shoes\"],\"stop\":[0,0,0,0],"
        "\"sentences\":[0]}",
        NULL};
    assert_first("20", launches, (const char *[]){"Vivienne Westwood", NULL},
                 (const char *[]){"Vivienne Westwood launches", NULL});
}
END_TEST

START_TEST(test_long_names)
{
    /* "The Federal National Mortgage Association sold debentures. The Federal National Mortgage
     * Association reopened issues." beside "Dealers priced the Federal National Mortgage
     * Association notes.": a name runs one word past max-words (3), so that it is whole; with
     * max-words 1, words stay alone. */
    const char *docs[] = {
        "{\"id\":\"a\",\"stems\":[\"the\",\"feder\",\"nation\",\"mortgag\",\"associ\",\"sold\",\"debentur\","
        "\"the\",\"feder\",\"nation\",\"mortgag\",\"associ\",\"reopen\",\"issu\"],\"surface\":[\"The\","
        "\"Federal\",\"National\",\"Mortgage\",\"Association\",\"sold\",\"debentures\",\"The\",\"Federal\","
        "\"National\",\"Mortgage\",\"Association\",\"reopened\",\"issues\"],\"stop\":[1,0,0,0,0,0,0,1,0,0,0,0,0,"
        "0],\"sentences\":[0,7]}",
        "{\"id\":\"b\",\"stems\":[\"dealer\",\"price\",\"the\",\"feder\",\"nation\",\"mortgag\",\"associ\","
        "\"note\"],\"surface\":[\"Dealers\",\"priced\",\"the\",\"Federal\",\"National\",\"Mortgage\","
        "\"Association\",\"notes\"],\"stop\":[0,0,1,0,0,0,0,0],\"sentences\":[0]}",
        NULL};
    assert_first("5", docs, (const char *[]){"Federal National Mortgage Association", NULL},
                 (const char *[]){"National Mortgage", "Federal National Mortgage", "National Mortgage Association",
                                  "Federal National", NULL});
    const char *kv[] = {"top", "20", "table", "0", "max-words", "1", NULL};
    char *kw = keywords_part(first_json(kv, docs, NULL));
    assert_lists(kw, (const char *[]){"Federal", "Association", NULL},
                 (const char *[]){"Federal National", "Federal National Mortgage Association", NULL});
    free(kw);
    /* "The New York Stock Exchange halted trading in Tenneco." beside "Tenneco shares rose on the
     * New York Stock Exchange.": the name's inner piece, "York Stock", is always within it, and
     * gives way to it, though the pieces between them ("New York Stock") are cut names. */
    const char *exchange[] = {
        "{\"id\":\"a\",\"stems\":[\"the\",\"new\",\"york\",\"stock\",\"exchang\",\"halt\",\"trade\",\"in\","
        "\"tenneco\"],\"surface\":[\"The\",\"New\",\"York\",\"Stock\",\"Exchange\",\"halted\",\"trading\",\"in\","
        "\"Tenneco\"],\"stop\":[1,0,0,0,0,0,0,1,0],\"sentences\":[0]}",
        "{\"id\":\"b\",\"stems\":[\"tenneco\",\"share\",\"rose\",\"on\",\"the\",\"new\",\"york\",\"stock\","
        "\"exchang\"],\"surface\":[\"Tenneco\",\"shares\",\"rose\",\"on\",\"the\",\"New\",\"York\",\"Stock\","
        "\"Exchange\"],\"stop\":[0,0,0,1,1,0,0,0,0],\"sentences\":[0]}",
        NULL};
    assert_first("20", exchange, (const char *[]){"New York Stock Exchange", NULL},
                 (const char *[]){"York Stock", "New York Stock", "York Stock Exchange", NULL});
}
END_TEST

START_TEST(test_middle_words)
{
    /* "The notes were underwritten by Drexel Burnham Lambert. The notes pay interest twice a
     * year." beside "Shares were priced by Drexel Burnham Lambert.", "Traders said Drexel would
     * expand." and "The board said Lambert resigned.": "Burnham", the rarest of the name's words
     * in the corpus, would be the best of them alone; it is the name's middle word, and the
     * name is shown in its place. */
    const char *docs[] = {
        "{\"id\":\"a\",\"stems\":[\"the\",\"note\",\"were\",\"underwritten\",\"by\",\"drexel\","
        "\"burnham\",\"lambert\",\"the\",\"note\",\"pay\",\"interest\",\"twice\",\"a\",\"year\"],"
        "\"surface\":[\"The\",\"notes\",\"were\",\"underwritten\",\"by\",\"Drexel\",\"Burnham\","
        "\"Lambert\",\"The\",\"notes\",\"pay\",\"interest\",\"twice\",\"a\",\"year\"],"
        "\"stop\":[1,0,1,0,1,0,0,0,1,0,0,0,0,1,0],\"sentences\":[0,8]}",
        "{\"id\":\"b\",\"stems\":[\"share\",\"were\",\"price\",\"by\",\"drexel\",\"burnham\","
        "\"lambert\"],\"surface\":[\"Shares\",\"were\",\"priced\",\"by\",\"Drexel\",\"Burnham\","
        "\"Lambert\"],\"stop\":[0,1,0,1,0,0,0],\"sentences\":[0]}",
        "{\"id\":\"c\",\"stems\":[\"trader\",\"said\",\"drexel\",\"would\",\"expand\"],"
        "\"surface\":[\"Traders\",\"said\",\"Drexel\",\"would\",\"expand\"],\"stop\":[0,0,0,1,0],"
        "\"sentences\":[0]}",
        "{\"id\":\"d\",\"stems\":[\"the\",\"board\",\"said\",\"lambert\",\"resign\"],"
        "\"surface\":[\"The\",\"board\",\"said\",\"Lambert\",\"resigned\"],\"stop\":[1,0,0,0,0],"
        "\"sentences\":[0]}",
        NULL};
    assert_first("3", docs, (const char *[]){"notes", "Drexel Burnham Lambert", NULL},
                 (const char *[]){"Burnham", NULL});
    /* A short list still ends with the name's words, the middle one too. */
    assert_first("10", docs, (const char *[]){"Drexel Burnham Lambert", "Burnham", "Drexel", "Lambert", NULL},
                 (const char *[]){NULL});
    /* After a possessive ("Drexel's Burnham Lambert") the words may be two names: the word
     * stays itself. */
    const char *possessive[] = {
        "{\"id\":\"a\",\"stems\":[\"the\",\"note\",\"were\",\"underwritten\",\"by\",\"drexel\","
        "\"burnham\",\"lambert\",\"the\",\"note\",\"pay\",\"interest\",\"twice\",\"a\",\"year\"],"
        "\"surface\":[\"The\",\"notes\",\"were\",\"underwritten\",\"by\",\"Drexel's\",\"Burnham\","
        "\"Lambert\",\"The\",\"notes\",\"pay\",\"interest\",\"twice\",\"a\",\"year\"],"
        "\"stop\":[1,0,1,0,1,0,0,0,1,0,0,0,0,1,0],\"sentences\":[0,8]}",
        "{\"id\":\"b\",\"stems\":[\"share\",\"were\",\"price\",\"by\",\"drexel\",\"burnham\","
        "\"lambert\"],\"surface\":[\"Shares\",\"were\",\"priced\",\"by\",\"Drexel's\",\"Burnham\","
        "\"Lambert\"],\"stop\":[0,1,0,1,0,0,0],\"sentences\":[0]}",
        docs[2], docs[3], NULL};
    assert_first("3", possessive, (const char *[]){"Burnham", NULL}, (const char *[]){"Drexel Burnham Lambert", NULL});
}
END_TEST

START_TEST(test_first_words_of_names)
{
    /* "The notes were underwritten, Puerto Rico said. The notes pay twice a year." beside
     * "Shares were priced, Puerto Rico said.", "Traders said Rico would expand.", "The board said
     * Rico resigned." and three of "Traders said the interest would rise.": "Puerto", rarer in
     * the corpus than "Rico" and longer, would be the best of the name's words alone; the story
     * writes it only inside "Puerto Rico", and the corpus mostly, so the name is shown in its
     * place, where it scores too little to be in a top three itself. */
    const char *others[] = {
        "{\"id\":\"b\",\"stems\":[\"share\",\"were\",\"price\",\"puerto\",\"rico\",\"said\"],"
        "\"surface\":[\"Shares\",\"were\",\"priced\",\"Puerto\",\"Rico\",\"said\"],\"stop\":[0,1,0,0,0,0],"
        "\"sentences\":[0],\"clauses\":[3]}",
        "{\"id\":\"c\",\"stems\":[\"trader\",\"said\",\"rico\",\"would\",\"expand\"],"
        "\"surface\":[\"Traders\",\"said\",\"Rico\",\"would\",\"expand\"],\"stop\":[0,0,0,1,0],\"sentences\":[0]}",
        "{\"id\":\"d\",\"stems\":[\"the\",\"board\",\"said\",\"rico\",\"resign\"],"
        "\"surface\":[\"The\",\"board\",\"said\",\"Rico\",\"resigned\"],\"stop\":[1,0,0,0,0],\"sentences\":[0]}",
        "{\"id\":\"e\",\"stems\":[\"trader\",\"said\",\"the\",\"interest\",\"would\",\"rise\"],"
        "\"surface\":[\"Traders\",\"said\",\"the\",\"interest\",\"would\",\"rise\"],\"stop\":[0,0,1,0,1,0],"
        "\"sentences\":[0]}"};
    const char *docs[] = {
        "{\"id\":\"a\",\"stems\":[\"the\",\"note\",\"were\",\"underwritten\",\"puerto\",\"rico\",\"said\","
        "\"the\",\"note\",\"pay\",\"twice\",\"a\",\"year\"],\"surface\":[\"The\",\"notes\",\"were\","
        "\"underwritten\",\"Puerto\",\"Rico\",\"said\",\"The\",\"notes\",\"pay\",\"twice\",\"a\",\"year\"],"
        "\"stop\":[1,0,1,0,0,0,0,1,0,0,0,1,0],\"sentences\":[0,7],\"clauses\":[4]}",
        others[0], others[1], others[2], others[3], others[3], others[3], NULL};
    assert_first("3", docs, (const char *[]){"notes", "Puerto Rico", NULL}, (const char *[]){"Puerto", NULL});
    /* A story that writes the word alone too ("Puerto grew.") keeps it. */
    const char *alone[] = {
        "{\"id\":\"a\",\"stems\":[\"the\",\"note\",\"were\",\"underwritten\",\"puerto\",\"rico\",\"said\","
        "\"the\",\"note\",\"pay\",\"twice\",\"a\",\"year\",\"puerto\",\"grew\"],\"surface\":[\"The\",\"notes\","
        "\"were\",\"underwritten\",\"Puerto\",\"Rico\",\"said\",\"The\",\"notes\",\"pay\",\"twice\",\"a\",\"year\","
        "\"Puerto\",\"grew\"],\"stop\":[1,0,1,0,0,0,0,1,0,0,0,1,0,0,0],\"sentences\":[0,7,13],\"clauses\":[4]}",
        others[0], others[1], others[2], others[3], others[3], others[3], NULL};
    assert_first("3", alone, (const char *[]){"notes", "Puerto", NULL}, (const char *[]){"Puerto Rico", NULL});
    /* A letter is no word of a name: "F-16A/B", tokenized "F-16A" and "B", is two models. */
    const char *letter[] = {
        "{\"id\":\"a\",\"stems\":[\"contract\",\"for\",\"upgrad\",\"and\",\"retrofit\",\"work\",\"on\","
        "\"f-16a\",\"b\",\"aircraft\",\"were\",\"sign\"],\"surface\":[\"Contracts\",\"for\",\"upgrade\",\"and\","
        "\"retrofit\",\"work\",\"on\",\"F-16A\",\"B\",\"aircraft\",\"were\",\"signed\"],"
        "\"stop\":[0,1,0,1,0,0,1,0,0,0,1,0],\"sentences\":[0]}",
        "{\"id\":\"b\",\"stems\":[\"upgrad\",\"of\",\"f-16a\",\"b\",\"aircraft\",\"rose\"],"
        "\"surface\":[\"Upgrades\",\"of\",\"F-16A\",\"B\",\"aircraft\",\"rose\"],\"stop\":[0,1,0,0,0,0],"
        "\"sentences\":[0]}",
        others[3], others[3], others[3], NULL};
    assert_first("10", letter, (const char *[]){"F-16A", NULL}, (const char *[]){"F-16A B", NULL});
}
END_TEST

START_TEST(test_legal_forms_alone)
{
    /* "Mannesmann AG is interested in taking a stake in a U.S. firm. Mannesmann hoped to take a
     * stake in Sachs AG, the holding company. Sachs AG declined comment.": a firm's legal form
     * abroad ends its name ("Sachs AG") but alone names nothing, however many places a list has. */
    assert_top("30", "{\"id\":\"m\",\"stems\":[\"mannesmann\",\"ag\",\"is\",\"interest\",\"in\",\"take\",\"a\","
                     "\"stake\",\"in\",\"a\",\"u.s.\",\"firm\",\"mannesmann\",\"hope\",\"to\",\"take\",\"a\",\"stake\","
                     "\"in\",\"sach\",\"ag\",\"the\",\"hold\",\"compani\",\"sach\",\"ag\",\"declin\",\"comment\"],"
                     "\"surface\":[\"Mannesmann\",\"AG\",\"is\",\"interested\",\"in\",\"taking\",\"a\",\"stake\",\"in\","
                     "\"a\",\"U.S.\",\"firm\",\"Mannesmann\",\"hoped\",\"to\",\"take\",\"a\",\"stake\",\"in\",\"Sachs\","
                     "\"AG\",\"the\",\"holding\",\"company\",\"Sachs\",\"AG\",\"declined\",\"comment\"],"
                     "\"stop\":[0,0,1,0,1,0,1,0,1,1,0,0,0,0,1,0,1,0,1,0,0,1,0,0,0,0,0,0],\"sentences\":[0,12,24],"
                     "\"clauses\":[21]}",
                     (const char *[]){"Sachs AG", "Mannesmann", NULL}, (const char *[]){"AG", NULL});
}
END_TEST

START_TEST(test_verb_phrases)
{
    /* "Firms reduce short-term debt. Results reflect gains. Sales figures reflect.": a phrase
     * that begins with, holds or ends in a verb that is only a verb is a verb and its object or
     * a clause, not a noun phrase; its noun phrases stay. */
    assert_top("20", "{\"id\":\"a\",\"stems\":[\"firm\",\"reduc\",\"short-term\",\"debt\",\"result\","
                     "\"reflect\",\"gain\",\"sale\",\"figur\",\"reflect\"],\"surface\":[\"Firms\",\"reduce\","
                     "\"short-term\",\"debt\",\"Results\",\"reflect\",\"gains\",\"Sales\",\"figures\",\"reflect\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,4,7]}",
                     (const char *[]){"short-term debt", "Sales figures", NULL},
                     (const char *[]){"reduce short-term debt", "reduce short-term", "Firms reduce", "Results reflect",
                                      "Results reflect gains", "reflect gains", "figures reflect", NULL});
    /* "Acme expects to report earnings. Earnings rose. Banks made loans to farm cooperatives.
     * Lenders will meet conditions.": after a modal, or "to" that a word taking an infinitive
     * comes before, a word is a verb, and opens no noun phrase, though alone it may name the
     * act ("report"); after "to" alone a noun phrase may begin ("farm cooperatives"). */
    assert_top("20", "{\"id\":\"b\",\"stems\":[\"acm\",\"expect\",\"to\",\"report\",\"earn\",\"earn\","
                     "\"rose\",\"bank\",\"made\",\"loan\",\"to\",\"farm\",\"cooper\",\"lender\",\"will\","
                     "\"meet\",\"condit\"],"
                     "\"surface\":[\"Acme\",\"expects\",\"to\",\"report\",\"earnings\",\"Earnings\",\"rose\","
                     "\"Banks\",\"made\",\"loans\",\"to\",\"farm\",\"cooperatives\",\"Lenders\",\"will\","
                     "\"meet\",\"conditions\"],"
                     "\"stop\":[0,0,1,0,0,0,0,0,0,0,1,0,0,0,1,0,0],\"sentences\":[0,5,7,13]}",
                     (const char *[]){"earnings", "report", "farm cooperatives", "conditions", NULL},
                     (const char *[]){"report earnings", "meet conditions", NULL});
    /* "Acme sold shares to cover overallotments. According to press reports, Acme grew.": after
     * "to" alone, a word that is a verb more often than not (verbsmostly.c) is one, unless the
     * word before makes "to" a preposition ("according to", "due to"). */
    assert_top("20", "{\"id\":\"c\",\"stems\":[\"acm\",\"sold\",\"share\",\"to\",\"cover\",\"overallot\","
                     "\"accord\",\"to\",\"press\",\"report\",\"acm\",\"grew\"],"
                     "\"surface\":[\"Acme\",\"sold\",\"shares\",\"to\",\"cover\",\"overallotments\","
                     "\"According\",\"to\",\"press\",\"reports\",\"Acme\",\"grew\"],"
                     "\"stop\":[0,0,0,1,0,0,0,1,0,0,0,0],\"sentences\":[0,6],\"clauses\":[10]}",
                     (const char *[]){"overallotments", "press reports", NULL},
                     (const char *[]){"cover overallotments", NULL});
}
END_TEST

START_TEST(test_describing_words)
{
    /* "Growth was robust and payments were robust and payments were robust": "robust", only an
     * adjective, is seen more often than "payments", but over two documents (the other about
     * the weather) document frequencies cannot tell whether it is a common word or a topical
     * one, and it keeps 2 / (2 + 8) of its score. Over 41 documents it keeps 41 / 49, and leads. */
    enum { FILLERS = 40 };
    const char *docs[FILLERS + 2] = {
        "{\"id\":\"a\",\"stems\":[\"growth\",\"was\",\"robust\",\"and\",\"payment\",\"were\",\"robust\","
        "\"and\",\"payment\",\"were\",\"robust\"],\"surface\":[\"Growth\",\"was\",\"robust\",\"and\","
        "\"payments\",\"were\",\"robust\",\"and\",\"payments\",\"were\",\"robust\"],"
        "\"stop\":[0,1,0,1,0,1,0,1,0,1,0],\"sentences\":[0]}"};
    for (size_t i = 1; i <= FILLERS; i++)
        docs[i] = "{\"id\":\"w\",\"stems\":[\"weather\"],\"surface\":[\"weather\"],\"stop\":[0],"
                  "\"sentences\":[0]}";
    docs[FILLERS + 1] = NULL;
    assert_first("1", docs, (const char *[]){"robust", NULL}, (const char *[]){"payments", NULL});
    docs[2] = NULL;
    assert_first("1", docs, (const char *[]){"payments", NULL}, (const char *[]){"robust", NULL});
}
END_TEST

/* The word tables looked up as one lexicon (kw_lexical): every word of every table is in it,
 * with its table's class; the verbs and adjectives are read in lower case only, adverbs in "-ly"
 * in any case, and others only in lower case or first in a sentence. */
START_TEST(test_lexicon)
{
    ck_assert_uint_eq(kw_lexicon_dropped(), 0);
    const struct {
        const char *const *words;
        size_t count, least; /* least: the table's words are more than that, or it was cut */
        unsigned lex;
    } tables[] = {{kw_verb_forms, kw_verb_forms_count, 1000, KW_LEX_VERB_FORM},
                  {kw_verb_bases, kw_verb_bases_count, 1000, KW_LEX_VERB_BASE},
                  {kw_adjectives, kw_adjectives_count, 1000, KW_LEX_ADJECTIVE},
                  {kw_adverbs, kw_adverbs_count, 1000, KW_LEX_ADVERB},
                  {kw_headline_verbs, kw_headline_verbs_count, 50, KW_LEX_HEADLINE_VERB},
                  {kw_verbs_mostly, kw_verbs_mostly_count, 300, KW_LEX_VERB_MOSTLY}};
    for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
        ck_assert_uint_gt(tables[t].count, tables[t].least);
        for (size_t i = 0; i < tables[t].count; i++) {
            const char *w = tables[t].words[i];
            size_t len = strlen(w);
            if (len <= 24) /* no longer word is asked of */
                ck_assert_msg(kw_lexical(w, len, 0) & tables[t].lex, "%s lacks class %u", w, tables[t].lex);
        }
    }
    ck_assert_uint_eq(kw_lexical("told", 4, 0), KW_LEX_VERB_FORM);
    ck_assert_uint_eq(kw_lexical("reflects", 8, 0), KW_LEX_VERB_FORM | KW_LEX_VERB_THIRD);
    ck_assert_uint_eq(kw_lexical("reduce", 6, 0), KW_LEX_VERB_BASE);
    ck_assert_uint_eq(kw_lexical("economic", 8, 0), KW_LEX_ADJECTIVE);
    /* A headline's verb that is a noun's plural too, but not a plural that headlines make no
     * verb of, nor a verb that is no noun (verbforms.h has it), nor one in capitals. */
    ck_assert_uint_eq(kw_lexical("issues", 6, 0), KW_LEX_HEADLINE_VERB);
    ck_assert_uint_eq(kw_lexical("buys", 4, 0), KW_LEX_HEADLINE_VERB);
    ck_assert_uint_eq(kw_lexical("shares", 6, 0), 0);
    ck_assert_uint_eq(kw_lexical("hogs", 4, 0), 0);
    ck_assert_uint_eq(kw_lexical("acquires", 8, 0), KW_LEX_VERB_FORM | KW_LEX_VERB_THIRD);
    ck_assert_uint_eq(kw_lexical("ISSUES", 6, 0), 0);
    /* A base form whose third person a table lists: "sells", "issues", "pushes", "applies". */
    ck_assert(kw_third_person_listed("sell", 4));
    ck_assert(kw_third_person_listed("issue", 5));
    ck_assert(kw_third_person_listed("push", 4));
    ck_assert(kw_third_person_listed("apply", 5));
    ck_assert(!kw_third_person_listed("share", 5));
    ck_assert(!kw_third_person_listed("a", 1));
    ck_assert_uint_eq(kw_lexical("instead", 7, 0), KW_LEX_ADVERB);
    ck_assert_uint_eq(kw_lexical("Reduce", 6, 1), 0);       /* a sentence's first word, or a name's */
    ck_assert_uint_eq(kw_lexical("Economic", 8, 1), 0);
    ck_assert_uint_eq(kw_lexical("Instead", 7, 1), KW_LEX_ADVERB); /* first in its sentence */
    ck_assert_uint_eq(kw_lexical("Instead", 7, 0), 0);
    ck_assert_uint_eq(kw_lexical("SHARPLY", 7, 0), KW_LEX_ADVERB);
    ck_assert_uint_eq(kw_lexical("InStead", 7, 1), 0);
    ck_assert_uint_eq(kw_lexical("re-elected", 10, 0), 0);
    ck_assert_uint_eq(kw_lexical("company", 7, 0), 0);
    ck_assert_uint_eq(kw_lexical(NULL, 0, 0), 0);
}
END_TEST

START_TEST(test_adverbs_split)
{
    /* "Airlines currently expand routes. Previously fares rose. Instead Dolce Gabbana sued.
     * Prices Rise Sharply": a word that is only an adverb is in no phrase and splits the ones
     * around it; one in "-ly" in any case, another ("dolce") only in lower case or first in a
     * sentence, as names hold them. */
    assert_top("20", "{\"id\":\"a\",\"stems\":[\"airlines\",\"currently\",\"expand\",\"routes\",\"previously\","
                     "\"fares\",\"rose\",\"instead\",\"dolce\",\"gabbana\",\"sued\",\"prices\",\"rise\",\"sharply\"],"
                     "\"surface\":[\"Airlines\",\"currently\",\"expand\",\"routes\",\"Previously\",\"fares\",\"rose\","
                     "\"Instead\",\"Dolce\",\"Gabbana\",\"sued\",\"Prices\",\"Rise\",\"Sharply\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,4,7,11]}",
                     (const char *[]){"Airlines", "routes", "Dolce Gabbana", "Prices Rise", NULL},
                     (const char *[]){"currently", "Airlines currently", "currently expand", "Previously",
                                      "previously", "Previously fares", "Instead", "instead", "Instead Dolce",
                                      "Sharply", "sharply", "Rise Sharply", NULL});
    /* "thus", which WordNet also knows as a resin's name, never tagged so: "Profits rose, thus
     * results improved." */
    assert_top("20", "{\"id\":\"a\",\"stems\":[\"profit\",\"rose\",\"thus\",\"result\",\"improv\"],"
                     "\"surface\":[\"Profits\",\"rose\",\"thus\",\"results\",\"improved\"],"
                     "\"stop\":[0,0,0,0,0],\"sentences\":[0],\"clauses\":[2]}",
                     (const char *[]){"results", NULL}, (const char *[]){"thus", "thus results", NULL});
}
END_TEST

START_TEST(test_compound_modifier)
{
    /* "The five-time champion won. The five-time champion lost the match. The five-time
     * champion won the match. A five-time winner lost. The champion smiled.": "five-time"
     * modifies the word after it wherever it is written, so alone it keeps a quarter of its score
     * (the longest word seen most often: first otherwise) and falls below "match"; the phrase it
     * begins stays. (The last two sentences write both words outside "five-time champion", which
     * would otherwise stand for them: kw_enclosed.) */
    assert_top("3", "{\"id\":\"a\",\"stems\":[\"the\",\"five-time\",\"champion\",\"won\","
                    "\"the\",\"five-time\",\"champion\",\"lost\",\"the\",\"match\",\"the\","
                    "\"five-time\",\"champion\",\"won\",\"the\",\"match\",\"a\",\"five-time\",\"winner\","
                    "\"lost\",\"the\",\"champion\",\"smiled\"],"
                    "\"stop\":[1,0,0,0,1,0,0,0,1,0,1,0,0,0,1,0,1,0,0,0,1,0,0],\"sentences\":[0,4,10,16,20]}",
                    (const char *[]){"champion", "five-time champion", "match", NULL},
                    (const char *[]){"five-time", NULL});
    /* "The e-commerce is booming. They like e-commerce. Shops do e-commerce.": a compound that
     * stands alone is a noun, and keeps its score. */
    assert_top("1", "{\"id\":\"a\",\"stems\":[\"the\",\"e-commerce\",\"is\",\"boom\",\"they\","
                    "\"like\",\"e-commerce\",\"shop\",\"do\",\"e-commerce\"],"
                    "\"stop\":[1,0,1,0,1,0,0,0,1,0],\"sentences\":[0,4,7]}",
                    (const char *[]){"e-commerce", NULL}, (const char *[]){NULL});
    /* "The Oscar-winning star. The Oscar-winning star.": a capitalised compound that ends in a
     * word of lower case modifies a noun as the lower-case ones do; the phrase it begins stays.
     * A rating ("A-1-plus debt", "Baa-1 debt") is as often a noun, and keeps its score ("and A-1-plus
     * debt": after "the", the phrase would be a noun phrase by itself, and head the list). */
    assert_top("2", "{\"id\":\"a\",\"stems\":[\"the\",\"oscar-win\",\"star\",\"the\",\"oscar-win\",\"star\"],"
                    "\"surface\":[\"The\",\"Oscar-winning\",\"star\",\"The\",\"Oscar-winning\",\"star\"],"
                    "\"stop\":[1,0,0,1,0,0],\"sentences\":[0,3]}",
                    (const char *[]){"Oscar-winning star", "star", NULL}, (const char *[]){"Oscar-winning", NULL});
    assert_top("1", "{\"id\":\"a\",\"stems\":[\"and\",\"a-1-plus\",\"debt\",\"and\",\"a-1-plus\",\"debt\"],"
                    "\"surface\":[\"and\",\"A-1-plus\",\"debt\",\"and\",\"A-1-plus\",\"debt\"],"
                    "\"stop\":[1,0,0,1,0,0],\"sentences\":[0]}",
                    (const char *[]){"A-1-plus", NULL}, (const char *[]){NULL});
    assert_top("1", "{\"id\":\"a\",\"stems\":[\"and\",\"baa-1\",\"debt\",\"and\",\"baa-1\",\"debt\"],"
                    "\"surface\":[\"and\",\"Baa-1\",\"debt\",\"and\",\"Baa-1\",\"debt\"],"
                    "\"stop\":[1,0,0,1,0,0],\"sentences\":[0]}",
                    (const char *[]){"Baa-1", NULL}, (const char *[]){NULL});
    /* "The New York-based bank grew. The New York-based bank lent. Rivals eyed Boston-based
     * FMR. Analysts like Boston-based FMR.": "York-based" is the end of a name cut off, and a
     * name after such a modifier is not one phrase with it. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"the\",\"new\",\"york-bas\",\"bank\",\"grew\",\"the\",\"new\","
                     "\"york-bas\",\"bank\",\"lent\",\"rival\",\"eye\",\"boston-bas\",\"fmr\",\"analyst\","
                     "\"like\",\"boston-bas\",\"fmr\"],"
                     "\"surface\":[\"The\",\"New\",\"York-based\",\"bank\",\"grew\",\"The\",\"New\","
                     "\"York-based\",\"bank\",\"lent\",\"Rivals\",\"eyed\",\"Boston-based\",\"FMR\","
                     "\"Analysts\",\"like\",\"Boston-based\",\"FMR\"],"
                     "\"stop\":[1,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,5,10,14]}",
                     (const char *[]){"FMR", "bank", NULL},
                     (const char *[]){"York-based", "York-based bank", "Boston-based FMR", "eyed Boston-based", NULL});
}
END_TEST

typedef struct corpus_case {
    const char *top;
    const char *docs[4];
    const char *shown[6];
    const char *hidden[8];
} corpus_case;

/* Phrases that cut a name off, or end before a noun phrase's head could, in one document. */
static const corpus_case cut_cases[] = {
    /* "Cocoa sold at 2 times New York. It rose at 3 times New York.": "times New" and "times
     * New York" cut a name off from a common word before it; "New York" does not. */
    {"10",
     {"{\"id\":\"a\",\"stems\":[\"cocoa\",\"sold\",\"at\",\"2\",\"time\",\"new\",\"york\","
      "\"it\",\"rose\",\"at\",\"3\",\"time\",\"new\",\"york\"],"
      "\"surface\":[\"Cocoa\",\"sold\",\"at\",\"2\",\"times\",\"New\",\"York\","
      "\"It\",\"rose\",\"at\",\"3\",\"times\",\"New\",\"York\"],"
      "\"stop\":[0,0,1,0,0,0,0,1,0,1,0,0,0,0],\"sentences\":[0,7]}"},
     {"New York", "times"},
     {"times New", "times New York"}},
    /* "Police held Joran van der Sloot.": a name's particles in lower case are inside the name,
     * which is one phrase, of two words; they begin and end none ("der Sloot", "Joran van",
     * "van"). "Lawyers met van der Sloot in Banco de los Andes.": particles before a name may
     * begin a phrase, but none ends in one, nor in a particle that is no English word ("de",
     * "Banco de"). */
    {"30",
     {"{\"id\":\"a\",\"stems\":[\"police\",\"held\",\"joran\",\"van\",\"der\",\"sloot\"],"
      "\"surface\":[\"Police\",\"held\",\"Joran\",\"van\",\"der\",\"Sloot\"],"
      "\"stop\":[0,0,0,0,0,0],\"sentences\":[0]}"},
     {"Joran van der Sloot"},
     {"der Sloot", "van der Sloot", "Joran van", "van", "der", "van der"}},
    {"30",
     {"{\"id\":\"a\",\"stems\":[\"lawyer\",\"met\",\"van\",\"der\",\"sloot\",\"in\",\"banco\",\"de\","
      "\"los\",\"andes\"],"
      "\"surface\":[\"Lawyers\",\"met\",\"van\",\"der\",\"Sloot\",\"in\",\"Banco\",\"de\",\"los\","
      "\"Andes\"],"
      "\"stop\":[0,0,0,0,0,1,0,0,0,0],\"sentences\":[0]}"},
     {"van der Sloot", "Sloot"},
     {"der Sloot", "van", "der", "van der", "de", "Banco de", "met van"}},
    /* "Police held Joran van der Sloot. Lawyers met van der Sloot in Lima.": particles that are
     * inside the name once and lead it once are bridges both times, so the name whole is one of
     * two words, and its surname and first name alone ("Sloot", "Joran") no picks of their own. */
    {"5",
     {"{\"id\":\"a\",\"stems\":[\"polic\",\"held\",\"joran\",\"van\",\"der\",\"sloot\",\"lawyer\",\"met\","
      "\"van\",\"der\",\"sloot\",\"in\",\"lima\"],"
      "\"surface\":[\"Police\",\"held\",\"Joran\",\"van\",\"der\",\"Sloot\",\"Lawyers\",\"met\",\"van\","
      "\"der\",\"Sloot\",\"in\",\"Lima\"],"
      "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,1,0],\"sentences\":[0,6]}"},
     {"Joran van der Sloot", "Lima"},
     {"Sloot", "Joran", "der Sloot", "van"}},
    /* "Police held Joran van der Sloot. Lawyers met Van der Sloot in Lima.": a capitalised
     * particle before one in lower case leads the surname too, though no sentence begins there,
     * and begins it after a capitalised word ("met Van", "Advertisement Van der Sloot"). */
    {"5",
     {"{\"id\":\"a\",\"stems\":[\"polic\",\"held\",\"joran\",\"van\",\"der\",\"sloot\",\"lawyer\",\"met\","
      "\"van\",\"der\",\"sloot\",\"in\",\"lima\"],"
      "\"surface\":[\"Police\",\"held\",\"Joran\",\"van\",\"der\",\"Sloot\",\"Lawyers\",\"met\",\"Van\","
      "\"der\",\"Sloot\",\"in\",\"Lima\"],"
      "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,1,0],\"sentences\":[0,6]}"},
     {"Joran van der Sloot", "Lima"},
     {"Sloot", "Joran", "Van"}},
    /* "Rents in the New York metropolitan area rose." twice: a phrase that begins inside a
     * name and goes on in lower case ("York metropolitan") has lost the name's start. */
    {"30",
     {"{\"id\":\"a\",\"stems\":[\"rent\",\"in\",\"the\",\"new\",\"york\",\"metropolitan\",\"area\","
      "\"rose\",\"rent\",\"in\",\"the\",\"new\",\"york\",\"metropolitan\",\"area\",\"rose\"],"
      "\"surface\":[\"Rents\",\"in\",\"the\",\"New\",\"York\",\"metropolitan\",\"area\",\"rose\","
      "\"Rents\",\"in\",\"the\",\"New\",\"York\",\"metropolitan\",\"area\",\"rose\"],"
      "\"stop\":[0,1,1,0,0,0,0,0,0,1,1,0,0,0,0,0],\"sentences\":[0,8]}"},
     {"New York", "metropolitan area"},
     {"York metropolitan", "York metropolitan area"}},
    /* "The board declared a dividend at top speed." twice: a phrase that ends in a past tense
     * is a subject and its verb, no keyphrase; one in "-eed" is no past tense. */
    {"30",
     {"{\"id\":\"a\",\"stems\":[\"the\",\"board\",\"declar\",\"a\",\"dividend\",\"at\",\"top\",\"speed\","
      "\"the\",\"board\",\"declar\",\"a\",\"dividend\",\"at\",\"top\",\"speed\"],"
      "\"surface\":[\"The\",\"board\",\"declared\",\"a\",\"dividend\",\"at\",\"top\",\"speed\","
      "\"The\",\"board\",\"declared\",\"a\",\"dividend\",\"at\",\"top\",\"speed\"],"
      "\"stop\":[1,0,0,1,0,1,0,0,1,0,0,1,0,1,0,0],\"sentences\":[0,8]}"},
     {"board", "declared", "top speed"},
     {"board declared"}},
    /* "Douglas told reporters. The plan reflects rising demand." twice: nor is one that ends in
     * an irregular past ("told") or in a verb's third person ("reflects"); a noun's plural
     * ("reporters") ends a noun phrase. */
    {"30",
     {"{\"id\":\"a\",\"stems\":[\"dougla\",\"told\",\"report\",\"the\",\"plan\",\"reflect\",\"rise\","
      "\"demand\",\"dougla\",\"told\",\"report\",\"the\",\"plan\",\"reflect\",\"rise\",\"demand\"],"
      "\"surface\":[\"Douglas\",\"told\",\"reporters\",\"The\",\"plan\",\"reflects\",\"rising\",\"demand\","
      "\"Douglas\",\"told\",\"reporters\",\"The\",\"plan\",\"reflects\",\"rising\",\"demand\"],"
      "\"stop\":[0,0,0,1,0,0,0,0,0,0,0,1,0,0,0,0],\"sentences\":[0,3,8,11]}"},
     {"Douglas", "told reporters", "demand"},
     {"Douglas told", "plan reflects"}},
    /* "Firms repay short-term debt." twice, then "The Bundesbank vice-president Schlesinger
     * spoke." twice: a phrase that ends in a hyphenated modifier before its noun has lost its
     * head; before a capitalised word the compound may end one. */
    {"30",
     {"{\"id\":\"a\",\"stems\":[\"firm\",\"repay\",\"short-term\",\"debt\","
      "\"firm\",\"repay\",\"short-term\",\"debt\",\"the\",\"bundesbank\",\"vice-presid\","
      "\"schlesing\",\"spoke\",\"the\",\"bundesbank\",\"vice-presid\",\"schlesing\",\"spoke\"],"
      "\"surface\":[\"Firms\",\"repay\",\"short-term\",\"debt\",\"Firms\",\"repay\",\"short-term\","
      "\"debt\",\"The\",\"Bundesbank\",\"vice-president\",\"Schlesinger\",\"spoke\",\"The\","
      "\"Bundesbank\",\"vice-president\",\"Schlesinger\",\"spoke\"],"
      "\"stop\":[0,0,0,0,0,0,0,0,1,0,0,0,0,1,0,0,0,0],\"sentences\":[0,4,8,13]}"},
     {"short-term debt", "Bundesbank vice-president"},
     {"repay short-term", "Firms repay short-term"}},
    /* "The minister Chang Chi-cheng told reporters." twice: a capitalised compound may end a
     * name, whatever follows it. */
    {"30",
     {"{\"id\":\"a\",\"stems\":[\"the\",\"minist\",\"chang\",\"chi-cheng\",\"told\",\"report\","
      "\"the\",\"minist\",\"chang\",\"chi-cheng\",\"told\",\"report\"],"
      "\"surface\":[\"The\",\"minister\",\"Chang\",\"Chi-cheng\",\"told\",\"reporters\",\"The\","
      "\"minister\",\"Chang\",\"Chi-cheng\",\"told\",\"reporters\"],"
      "\"stop\":[1,0,0,0,0,0,1,0,0,0,0,0],\"sentences\":[0,6]}"},
     {"Chang Chi-cheng"},
     {}},
};

START_TEST(test_cut_names_and_verbs)
{
    for (size_t i = 0; i < sizeof cut_cases / sizeof *cut_cases; i++)
        assert_first(cut_cases[i].top, cut_cases[i].docs, cut_cases[i].shown, cut_cases[i].hidden);
}
END_TEST

START_TEST(test_phrase_breaks)
{
    /* "Rallies grew near the Capitol, aiming at cuts. Police watched the Capitol, aiming
     * cameras.": no phrase runs across the comma, so "Capitol aiming" is no candidate; within
     * a clause, "aiming cameras" is. */
    assert_top("30", "{\"id\":\"a\",\"stems\":[\"ralli\",\"grew\",\"near\",\"the\",\"capitol\",\"aim\","
                     "\"at\",\"cut\",\"polic\",\"watch\",\"the\",\"capitol\",\"aim\",\"camera\"],"
                     "\"surface\":[\"Rallies\",\"grew\",\"near\",\"the\",\"Capitol\",\"aiming\",\"at\",\"cuts\","
                     "\"Police\",\"watched\",\"the\",\"Capitol\",\"aiming\",\"cameras\"],"
                     "\"stop\":[0,0,0,1,0,0,1,0,0,0,1,0,0,0],\"sentences\":[0,8],\"clauses\":[5,12]}",
                     (const char *[]){"Capitol", "aiming cameras", NULL},
                     (const char *[]){"Capitol aiming", "Capitol aiming cameras", NULL});
    /* "Britain's ruling party met McDonald's Restaurants." twice: a possessive ends its noun
     * phrase, so there is no "Britain's ruling", but a name goes on past one ("McDonald's
     * Restaurants"). */
    assert_top("30", "{\"id\":\"a\",\"stems\":[\"britain\",\"rule\",\"parti\",\"met\",\"mcdonald\",\"restaur\","
                     "\"britain\",\"rule\",\"parti\",\"met\",\"mcdonald\",\"restaur\"],"
                     "\"surface\":[\"Britain's\",\"ruling\",\"party\",\"met\",\"McDonald's\",\"Restaurants\","
                     "\"Britain's\",\"ruling\",\"party\",\"met\",\"McDonald's\",\"Restaurants\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,6]}",
                     (const char *[]){"ruling party", "Britain", "McDonald's Restaurants", NULL},
                     (const char *[]){"Britain's ruling", "Britain ruling", "Britain ruling party", NULL});
    /* "Sweden's Electrolux AB. Sri Lanka's Central Bank." twice: a place's possessive names an
     * owner, not a part of the name after it, and ends its phrase though both are capitalised;
     * a place of two words ("Sri Lanka") too. */
    assert_top("30", "{\"id\":\"a\",\"stems\":[\"sweden\",\"electrolux\",\"ab\",\"sri\",\"lanka\",\"central\","
                     "\"bank\",\"sweden\",\"electrolux\",\"ab\",\"sri\",\"lanka\",\"central\",\"bank\"],"
                     "\"surface\":[\"Sweden's\",\"Electrolux\",\"AB\",\"Sri\",\"Lanka's\",\"Central\",\"Bank\","
                     "\"Sweden's\",\"Electrolux\",\"AB\",\"Sri\",\"Lanka's\",\"Central\",\"Bank\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,3,7,10]}",
                     (const char *[]){"Sweden", "Electrolux AB", "Sri Lanka", "Central Bank", NULL},
                     (const char *[]){"Sweden's Electrolux AB", "Sweden's Electrolux", "Sri Lanka's Central Bank",
                                      "Lanka's Central Bank", "Lanka's Central", NULL});
    /* A token that holds a NUL after a place's name ("Japan\0x's") is no place, and is read
     * within its length (under AddressSanitizer, a read past a name of the table fails). */
    assert_top("30", "{\"id\":\"a\",\"stems\":[\"japan\",\"toyota\",\"japan\",\"toyota\"],"
                     "\"surface\":[\"Japan\\u0000x's\",\"Toyota\",\"Japan\\u0000x's\",\"Toyota\"],"
                     "\"stop\":[0,0,0,0],\"sentences\":[0,2]}",
                     (const char *[]){"Toyota", NULL}, (const char *[]){NULL});
    /* "Fed chairman Paul Volcker spoke. Foreign Minister Eduard Shevardnadze met." twice: an
     * office before its holder's name ends its phrase, in either case, so the name is whole and
     * the office a phrase of its own. */
    assert_top("30", "{\"id\":\"a\",\"stems\":[\"fed\",\"chairman\",\"paul\",\"volcker\",\"spoke\",\"foreign\","
                     "\"minist\",\"eduard\",\"shevardnadz\",\"met\",\"fed\",\"chairman\",\"paul\",\"volcker\","
                     "\"spoke\",\"foreign\",\"minist\",\"eduard\",\"shevardnadz\",\"met\"],"
                     "\"surface\":[\"Fed\",\"chairman\",\"Paul\",\"Volcker\",\"spoke\",\"Foreign\",\"Minister\","
                     "\"Eduard\",\"Shevardnadze\",\"met\",\"Fed\",\"chairman\",\"Paul\",\"Volcker\",\"spoke\","
                     "\"Foreign\",\"Minister\",\"Eduard\",\"Shevardnadze\",\"met\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,5,10,15]}",
                     (const char *[]){"Paul Volcker", "Eduard Shevardnadze", "Foreign Minister", "Fed chairman", NULL},
                     (const char *[]){"chairman Paul Volcker", "Fed chairman Paul Volcker", "Minister Eduard Shevardnadze",
                                      "Foreign Minister Eduard Shevardnadze", "Minister Eduard", NULL});
}
END_TEST

START_TEST(test_places)
{
    /* kw_place_listed searches the table by bsearch: in byte order, no name twice, none of more
     * words than kw_place_ends tries. */
    ck_assert_uint_gt(kw_places_count, 1000);
    for (size_t i = 0; i < kw_places_count; i++) {
        const char *name = kw_places[i];
        size_t words = 1;
        for (const char *c = name; *c; c++)
            words += *c == ' ';
        ck_assert_msg(words <= KW_PLACE_MAX_WORDS, "%s: %zu words", name, words);
        ck_assert_msg(name[0] >= 'A' && name[0] <= 'Z', "%s is not capitalised", name);
        if (i)
            ck_assert_msg(strcmp(kw_places[i - 1], name) < 0, "%s before %s", kw_places[i - 1], name);
    }
    const char *const listed[] = {"Japan", "Sweden", "Sri Lanka", "Hong Kong", "Korea", "Quebec",
                                  "Tokyo", "California", "United Arab Emirates", "Taiwan"};
    const char *const unlisted[] = {"CO", "IN", "Man", "Wake", "Jackson", "Hudson", "Lowe", "McDonald",
                                    "japan", "Japa", "Japans", "Sri", "Lanka"};
    for (size_t i = 0; i < sizeof listed / sizeof *listed; i++)
        ck_assert_msg(kw_place_listed(listed[i], strlen(listed[i])), "%s unlisted", listed[i]);
    for (size_t i = 0; i < sizeof unlisted / sizeof *unlisted; i++)
        ck_assert_msg(!kw_place_listed(unlisted[i], strlen(unlisted[i])), "%s listed", unlisted[i]);
    /* Bytes by length: a NUL inside is no end ("Japan\0x" is no place), and none is read past
     * the name it is compared with. */
    ck_assert(!kw_place_listed("Japan\0x", 7));
    ck_assert(kw_place_listed("Japan\0x", 5));
}
END_TEST

/* An earnings note: "Turnover 34 vs 28", "Turnover 35 vs 29" and "Net 1,234 vs 987" are rows
 * of a table, then "The bank said deposits rose." */
static const char *const earnings_note =
    "{\"id\":\"a\",\"stems\":[\"turnov\",\"34\",\"vs\",\"28\",\"turnov\",\"35\",\"vs\",\"29\",\"net\",\"1\",\"234\","
    "\"vs\",\"987\",\"the\",\"bank\",\"said\",\"deposit\",\"rose\"],"
    "\"surface\":[\"Turnover\",\"34\",\"vs\",\"28\",\"Turnover\",\"35\",\"vs\",\"29\",\"Net\",\"1\",\"234\","
    "\"vs\",\"987\",\"The\",\"bank\",\"said\",\"deposits\",\"rose\"],"
    "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0],\"sentences\":[0,4,8,13],\"clauses\":[10]}";

START_TEST(test_table_rows)
{
    /* The rows' words are labels: shown after every other phrase, and in no corpus table. */
    char *kw = keywords_of(earnings_note);
    const char *bank = strstr(kw, "[\"bank\","), *deposits = strstr(kw, "[\"deposits\",");
    const char *net = strstr(kw, "[\"Net\","), *turnover = strstr(kw, "[\"Turnover\",");
    ck_assert_msg(bank && deposits && net && turnover, "%s", kw);
    ck_assert_msg(bank < net && bank < turnover && deposits < net && deposits < turnover, "labels first in %s", kw);
    free(kw);
    const char *docs[] = {earnings_note, NULL};
    quarry_harness *h = run(NULL, docs, NULL);
    int bank_row = 0;
    for (size_t i = 1; i < quarry_harness_output_count(h); i++) {
        size_t len;
        const char *k = quarry_get_string(quarry_harness_output(h, i), "keyword", &len);
        ck_assert_msg(!(len == 3 && !memcmp(k, "Net", 3)) && !(len == 8 && !memcmp(k, "Turnover", 8)),
                      "a label in the corpus table");
        bank_row += len == 4 && !memcmp(k, "bank", 4);
    }
    ck_assert_int_eq(bank_row, 1);
    quarry_harness_free(h);
    /* Small numbers in words count as figures: "Loss one dlr vs 73 cts" is a row, and so is the
     * heading "Nine months" over the next rows; their words rank after the story's. A number
     * in words is no keyphrase alone ("one", "Nine"), and in lower case in none ("Loss one"). */
    kw = keywords_of("{\"id\":\"a\",\"stems\":[\"loss\",\"one\",\"dlr\",\"vs\",\"73\",\"ct\",\"nine\","
                     "\"month\",\"the\",\"bank\",\"said\",\"deposit\",\"rose\"],"
                     "\"surface\":[\"Loss\",\"one\",\"dlr\",\"vs\",\"73\",\"cts\",\"Nine\",\"months\",\"The\","
                     "\"bank\",\"said\",\"deposits\",\"rose\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,1,0,0,0,0],\"sentences\":[0,6,8]}");
    bank = strstr(kw, "[\"bank\",");
    const char *loss = strstr(kw, "[\"Loss\","), *months = strstr(kw, "[\"months\",");
    ck_assert_msg(bank && loss && months && bank < loss && bank < months, "labels first in %s", kw);
    ck_assert_msg(!strstr(kw, "[\"one\",") && !strstr(kw, "[\"Nine\",") && !strstr(kw, "[\"Loss one\",") &&
                      !strstr(kw, "[\"one dlr\","),
                  "numbers in words in %s", kw);
    free(kw);
    /* A quantity counts as a figure: "Dividend 3.95p vs 3.34p making 6.5p" is a row, whose
     * words rank after the story's, and whose pence are in no phrase. */
    kw = keywords_of("{\"id\":\"a\",\"stems\":[\"dividend\",\"3.95p\",\"vs\",\"3.34p\",\"make\",\"6.5p\",\"the\","
                     "\"bank\",\"said\",\"deposit\",\"rose\"],"
                     "\"surface\":[\"Dividend\",\"3.95p\",\"vs\",\"3.34p\",\"making\",\"6.5p\",\"The\",\"bank\","
                     "\"said\",\"deposits\",\"rose\"],"
                     "\"stop\":[0,0,0,0,0,0,1,0,0,0,0],\"sentences\":[0,6]}");
    deposits = strstr(kw, "[\"deposits\",");
    const char *dividend = strstr(kw, "[\"Dividend\",");
    ck_assert_msg(deposits && dividend && deposits < dividend, "labels first in %s", kw);
    ck_assert_msg(!strstr(kw, "p\",") && !strstr(kw, "p making\",") && !strstr(kw, "making 6.5p\","),
                  "pence in %s", kw);
    free(kw);
    /* An ordinal is no keyphrase alone, nor a fraction, nor a word that places a thing before
     * or after others: "first quarter" is, but "first", "third", "thirds", "half", "current"
     * and "next" are not, in any case. */
    kw = keywords_of("{\"id\":\"a\",\"stems\":[\"deposit\",\"rose\",\"in\",\"the\",\"first\",\"quarter\","
                     "\"the\",\"bank\",\"said\",\"two\",\"third\",\"rose\",\"in\",\"the\",\"third\",\"half\","
                     "\"the\",\"current\",\"and\",\"next\"],"
                     "\"surface\":[\"Deposits\",\"rose\",\"in\",\"the\",\"first\",\"quarter\",\"The\","
                     "\"bank\",\"said\",\"two\",\"thirds\",\"rose\",\"in\",\"the\",\"THIRD\",\"half\","
                     "\"the\",\"Current\",\"and\",\"next\"],"
                     "\"stop\":[0,0,1,1,0,0,1,0,0,0,0,0,1,1,0,0,1,0,1,0],\"sentences\":[0,6,16]}");
    ck_assert_msg(strstr(kw, "[\"first quarter\","), "no first quarter in %s", kw);
    ck_assert_msg(!strstr(kw, "[\"first\",") && !strstr(kw, "[\"third\",") && !strstr(kw, "[\"thirds\",") &&
                      !strstr(kw, "[\"THIRD\",") && !strstr(kw, "[\"half\",") && !strstr(kw, "[\"Current\",") &&
                      !strstr(kw, "[\"next\","),
                  "an ordinal alone in %s", kw);
    free(kw);
    /* "COBANCO INC YEAR NET" over "Net 807 vs 2,858" and "The bank said deposits rose": the
     * headline repeats the row's label, which stays a label. */
    kw = keywords_of("{\"id\":\"a\",\"stems\":[\"cobanco\",\"inc\",\"year\",\"net\",\"net\",\"807\",\"vs\","
                     "\"2\",\"858\",\"the\",\"bank\",\"said\",\"deposit\",\"rose\"],"
                     "\"surface\":[\"COBANCO\",\"INC\",\"YEAR\",\"NET\",\"Net\",\"807\",\"vs\",\"2\",\"858\",\"The\","
                     "\"bank\",\"said\",\"deposits\",\"rose\"],"
                     "\"stop\":[0,0,0,0,0,0,0,0,0,1,0,0,0,0],\"sentences\":[0,4,9],\"clauses\":[8]}");
    bank = strstr(kw, "[\"bank\",");
    net = strstr(kw, "[\"Net\",");
    ck_assert_msg(bank && net && bank < net, "the headline's label first in %s", kw);
    free(kw);
    /* A story that is a row alone ("Sixers 115, Nets 90") still shows its words. */
    assert_top("30", "{\"id\":\"a\",\"stems\":[\"sixer\",\"115\",\"net\",\"90\"],"
                     "\"surface\":[\"Sixers\",\"115\",\"Nets\",\"90\"],\"stop\":[0,0,0,0],\"sentences\":[0],"
                     "\"clauses\":[2]}",
                     (const char *[]){"Sixers", "Nets", NULL}, (const char *[]){NULL});
}
END_TEST

START_TEST(test_names_ending_in_a_body)
{
    /* "The Taiwan Flour Mills Association will import wheat from Canada. The total was set, an
     * association spokesman told Reuters.": "association" is in lower case in one of its two
     * occurrences, but it is a body's noun, capitalised where the name is first seen, and the
     * story calls the body by it once named: the name is whole, not "Taiwan Flour Mills". */
    assert_top("10", "{\"id\":\"t\",\"stems\":[\"the\",\"taiwan\",\"flour\",\"mill\",\"associ\",\"will\","
                     "\"import\",\"wheat\",\"from\",\"canada\",\"the\",\"total\",\"was\",\"set\",\"an\",\"associ\","
                     "\"spokesman\",\"told\",\"reuter\"],\"surface\":[\"The\",\"Taiwan\",\"Flour\",\"Mills\","
                     "\"Association\",\"will\",\"import\",\"wheat\",\"from\",\"Canada\",\"The\",\"total\",\"was\",\"set\","
                     "\"an\",\"association\",\"spokesman\",\"told\",\"Reuters\"],"
                     "\"stop\":[1,0,0,0,0,0,0,0,1,0,1,0,1,0,1,0,0,0,0],\"sentences\":[0,10],\"clauses\":[14]}",
                     (const char *[]){"Taiwan Flour Mills Association", NULL},
                     (const char *[]){"Taiwan Flour Mills", "Mills Association", NULL});
}
END_TEST

START_TEST(test_names_with_foreign_joints)
{
    /* "Banco do Brasil raised its rates. Officials of Banco do Brasil said the rise was due. The
     * port of Dar es Salaam reopened.": Portuguese "do" joins a name as "of" does, though an
     * English stop word, and "es" as a name's particle does; neither name is cut in two. */
    assert_top("8", "{\"id\":\"b\",\"stems\":[\"banco\",\"do\",\"brasil\",\"rais\",\"it\",\"rate\",\"offici\","
                    "\"of\",\"banco\",\"do\",\"brasil\",\"said\",\"the\",\"rise\",\"was\",\"due\",\"the\",\"port\","
                    "\"of\",\"dar\",\"es\",\"salaam\",\"reopen\"],\"surface\":[\"Banco\",\"do\",\"Brasil\",\"raised\","
                    "\"its\",\"rates\",\"Officials\",\"of\",\"Banco\",\"do\",\"Brasil\",\"said\",\"the\",\"rise\",\"was\","
                    "\"due\",\"The\",\"port\",\"of\",\"Dar\",\"es\",\"Salaam\",\"reopened\"],"
                    "\"stop\":[0,1,0,0,1,0,0,1,0,1,0,0,1,0,1,0,1,0,1,0,0,0,0],\"sentences\":[0,6,16]}",
                    (const char *[]){"Banco do Brasil", "Dar es Salaam", NULL},
                    (const char *[]){"Banco", "Brasil", "Dar es", "Salaam", "Officials of Banco", NULL});
}
END_TEST

START_TEST(test_names_with_of)
{
    /* "The Bank of Japan bought dollars. It joined the Hollywood Walk of Fame. A group of
     * Japanese investors sold. In Japan the yen fell.": "of" between capitalised words joins a
     * name, counting towards no phrase's length; the name's head alone ("Hollywood Walk") is
     * cut off and not shown; "of" after a common word ("group of Japanese") joins nothing. The
     * name stands for its words seen only within it ("Hollywood", "Fame"), not for those seen
     * outside it too ("Japan"). */
    static const char doc[] =
        "{\"id\":\"a\",\"stems\":[\"the\",\"bank\",\"of\",\"japan\",\"bought\",\"dollar\",\"it\",\"join\",\"the\","
        "\"hollywood\",\"walk\",\"of\",\"fame\",\"a\",\"group\",\"of\",\"japanes\",\"investor\",\"sold\",\"in\","
        "\"japan\",\"the\",\"yen\",\"fell\"],"
        "\"surface\":[\"The\",\"Bank\",\"of\",\"Japan\",\"bought\",\"dollars\",\"It\",\"joined\",\"the\",\"Hollywood\","
        "\"Walk\",\"of\",\"Fame\",\"A\",\"group\",\"of\",\"Japanese\",\"investors\",\"sold\",\"In\",\"Japan\",\"the\","
        "\"yen\",\"fell\"],"
        "\"stop\":[1,0,1,0,0,0,1,0,1,0,0,1,0,1,0,1,0,0,0,1,0,1,0,0],\"sentences\":[0,6,13,19]}";
    assert_top("30", doc,
               (const char *[]){"Bank of Japan", "Hollywood Walk of Fame", "Japan", "Japanese investors", NULL},
               (const char *[]){"Hollywood Walk", "Bank of", "of Japan", "of", "group of Japanese", "Walk of Fame", NULL});
    /* With no room to spare (9 phrases: "fell" is none, and "dollars", "Japanese" and
     * "investors" are written only inside "bought dollars" and "Japanese investors"), so that
     * the name's words do not fill the list; "Japan" keeps its own place, ahead of the name. */
    char *kw = keywords_top("9", doc);
    assert_lists(kw, (const char *[]){"Bank of Japan", "Hollywood Walk of Fame", "Japan", NULL},
                 (const char *[]){"Hollywood", "Walk", "Fame", NULL});
    ck_assert_msg(strstr(kw, "[\"Japan\",") < strstr(kw, "[\"Bank of Japan\","), "%s", kw);
    free(kw);
}
END_TEST

/* "The Bank of Japan cut rates again. The Bank of England agreed with the plan. The Bank of
 * Japan met the Bank of Canada today. The bank also sold bonds.": "Bank" is written mostly
 * within names joined by "of" (4 times of 5), though within none of them mostly, and alone it
 * names none of the banks: a name of them shown stands for it ("Ministry" and "Affairs" of
 * "Ministry of External Affairs", in a story of several ministries). */
START_TEST(test_words_of_names_with_of)
{
    static const char doc[] =
        "{\"id\":\"b\",\"stems\":[\"the\",\"bank\",\"of\",\"japan\",\"cut\",\"rate\",\"again\",\"the\","
        "\"bank\",\"of\",\"england\",\"agre\",\"with\",\"the\",\"plan\",\"the\",\"bank\",\"of\",\"japan\","
        "\"met\",\"the\",\"bank\",\"of\",\"canada\",\"today\",\"the\",\"bank\",\"also\",\"sold\",\"bond\"],"
        "\"surface\":[\"The\",\"Bank\",\"of\",\"Japan\",\"cut\",\"rates\",\"again\",\"The\",\"Bank\",\"of\","
        "\"England\",\"agreed\",\"with\",\"the\",\"plan\",\"The\",\"Bank\",\"of\",\"Japan\",\"met\",\"the\","
        "\"Bank\",\"of\",\"Canada\",\"today\",\"The\",\"bank\",\"also\",\"sold\",\"bonds\"],"
        "\"stop\":[1,0,1,0,0,0,1,1,0,1,0,0,1,1,0,1,0,1,0,0,1,0,1,0,0,1,0,0,0,0],\"sentences\":[0,7,15,25]}";
    /* Seven phrases: no room for the words left out to fill the list. */
    assert_top("7", doc, (const char *[]){"Bank of Japan", "Bank of England", "Bank of Canada", NULL},
               (const char *[]){"Bank", "bank", "Japan", "England", "Canada", NULL});
}
END_TEST

/* A story of JSON Lines fields from its words WORDS (space-separated; stems are the lower case
 * words, "'s" and a final "s" dropped) and its stop words STOP (1 or 0 a word), one sentence. */
static char *story(const char *id, const char *words, const char *stop)
{
    char stems[512] = "", surface[512] = "", flags[256] = "";
    char copy[256];
    snprintf(copy, sizeof copy, "%s", words);
    size_t k = 0;
    for (char *w = strtok(copy, " "); w; w = strtok(NULL, " "), k++) {
        char stem[64];
        size_t n = 0;
        for (const char *c = w; *c && *c != '\'' && n + 1 < sizeof stem; c++)
            stem[n++] = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
        if (n > 3 && stem[n - 1] == 's')
            n--;
        stem[n] = '\0';
        const char *sep = k ? "," : "";
        snprintf(stems + strlen(stems), sizeof stems - strlen(stems), "%s\"%s\"", sep, stem);
        snprintf(surface + strlen(surface), sizeof surface - strlen(surface), "%s\"%s\"", sep, w);
        snprintf(flags + strlen(flags), sizeof flags - strlen(flags), "%s%c", sep, stop[k]);
    }
    char *json = malloc(1600);
    ck_assert_ptr_nonnull(json);
    snprintf(json, 1600, "{\"id\":\"%s\",\"stems\":[%s],\"surface\":[%s],\"stop\":[%s],\"sentences\":[0]}", id,
             stems, surface, flags);
    return json;
}

/* Frees the stories of DOCS (NULL-terminated). */
static void free_stories(char **docs)
{
    for (; *docs; docs++)
        free(*docs);
}

/* "The central bank raised rates and the central bank sold bonds", with "The central bank
 * met" and "The central government spent" beside it: a word the story writes only as the first
 * of one phrase of two words ("central"), which at least half the corpus's documents with the
 * word have, is shown as that phrase in the word's place, even where the phrase itself would
 * come too late for the list (keywords 1.93). Not where the corpus mostly writes the word
 * elsewhere, nor for a phrase written once that fewer than five documents have, nor for the
 * noun after its modifier ("infrastructure" of "oil infrastructure"). */
START_TEST(test_enclosing_phrase)
{
    char *docs[16] = {story("a", "The central bank raised rates and the central bank sold bonds", "10000110000"),
                      story("b", "The central bank met", "1000"), story("c", "The central government spent", "1000")};
    size_t n = 3;
    for (; n < 11; n++)
        docs[n] = story("f", "The bank raised rates and the bank sold bonds", "100001100");
    assert_first("1", (const char *const *)docs, (const char *[]){"central bank", NULL},
                 (const char *[]){"central", NULL});
    /* The word in five documents, the phrase in two. */
    docs[n++] = story("d", "The central government spent", "1000");
    docs[n++] = story("e", "The central government spent", "1000");
    assert_first("1", (const char *const *)docs, (const char *[]){"central", NULL},
                 (const char *[]){"central bank", NULL});
    free_stories(docs);
    /* Written once, in two documents. */
    char *once[16] = {story("a", "The infrastructure tax and traders met", "100100"),
                      story("b", "The infrastructure tax met", "1000")};
    for (n = 2; n < 10; n++)
        once[n] = story("f", "The tax traders met", "1000");
    assert_first("1", (const char *const *)once, (const char *[]){"infrastructure", NULL},
                 (const char *[]){"infrastructure tax", NULL});
    /* Written once, in five documents: a term of the corpus ("registration statement"). */
    for (; n < 13; n++)
        once[n] = story("b", "The infrastructure tax met", "1000");
    assert_first("1", (const char *const *)once, (const char *[]){"infrastructure tax", NULL},
                 (const char *[]){"infrastructure", NULL});
    free_stories(once);
    /* A noun after its modifier is a word of its own: "infrastructure" of "oil infrastructure". */
    char *head[16] = {story("a", "The oil infrastructure and traders met", "100100")};
    for (n = 1; n < 6; n++)
        head[n] = story("b", "The oil infrastructure met", "1000");
    for (; n < 13; n++)
        head[n] = story("f", "The oil traders met", "1000");
    assert_first("1", (const char *const *)head, (const char *[]){"infrastructure", NULL},
                 (const char *[]){"oil infrastructure", NULL});
    free_stories(head);
}
END_TEST

/* "The European Community (EC) cut farm prices. EC ministers met in Brussels. The EC said farm
 * prices rose.": the acronym, defined in brackets after the words whose initials it spells, and
 * those words are one entry, in the acronym's place, shown as the story writes it more often
 * ("EC"); the words the story writes only inside them go ("Community"). With the words written
 * twice and the acronym once, the words are shown. Written apart ("The European Community, EC
 * cut"), they are one entry still: the one phrase of the story with the acronym's initials. With
 * initials that spell something else ("The European Union (EC)"), each is an entry of its own. */
START_TEST(test_acronyms_defined)
{
    static const char doc[] =
        "{\"id\":\"a\",\"stems\":[\"the\",\"european\",\"communiti\",\"ec\",\"cut\",\"farm\",\"price\",\"ec\","
        "\"minist\",\"met\",\"in\",\"brussel\",\"the\",\"ec\",\"said\",\"farm\",\"price\",\"rose\"],"
        "\"surface\":[\"The\",\"European\",\"%s\",\"EC\",\"cut\",\"farm\",\"prices\",\"EC\",\"ministers\","
        "\"met\",\"in\",\"Brussels\",\"The\",\"EC\",\"said\",\"farm\",\"prices\",\"rose\"],"
        "\"stop\":[1,0,0,0,0,0,0,0,0,0,1,0,1,0,0,0,0,0],\"sentences\":[0,7,12],\"clauses\":%s}";
    char json[1024];
    snprintf(json, sizeof json, doc, "Community", "[3,4]");
    char *kw = keywords_top("5", json); /* a longer list would be filled with the words left out */
    assert_lists(kw, (const char *[]){"EC", "farm prices", NULL},
                 (const char *[]){"European Community", "Community", "European", NULL});
    free(kw);
    /* "... EC ministers" as "Community ministers": the words twice, the acronym once. */
    static const char twice[] =
        "{\"id\":\"a\",\"stems\":[\"the\",\"european\",\"communiti\",\"ec\",\"cut\",\"farm\",\"price\",\"the\","
        "\"european\",\"communiti\",\"met\",\"in\",\"brussel\"],"
        "\"surface\":[\"The\",\"European\",\"Community\",\"EC\",\"cut\",\"farm\",\"prices\",\"The\",\"European\","
        "\"Community\",\"met\",\"in\",\"Brussels\"],"
        "\"stop\":[1,0,0,0,0,0,0,1,0,0,0,1,0],\"sentences\":[0,7],\"clauses\":[3,4]}";
    kw = keywords_top("5", twice);
    assert_lists(kw, (const char *[]){"European Community", NULL}, (const char *[]){"EC", "Community", NULL});
    free(kw);
    snprintf(json, sizeof json, doc, "Community", "[3]");
    kw = keywords_top("5", json);
    assert_lists(kw, (const char *[]){"EC", NULL}, (const char *[]){"European Community", "Community", NULL});
    free(kw);
    snprintf(json, sizeof json, doc, "Union", "[3,4]");
    kw = keywords_top("5", json);
    assert_lists(kw, (const char *[]){"EC", "European Union", NULL}, (const char *[]){NULL});
    free(kw);
    /* "The Food and Drug Administration (FDA) approved the drug. The FDA said the drug works.",
     * the run's one story: words joined by "and" are a name only where the corpus writes them
     * so in two stories, but brackets that define them say so in one. "Food" and
     * "Administration" are the FDA's words, not phrases beside it (a longer list would be
     * filled with them, as with a name's words). */
    static const char joined[] =
        "{\"id\":\"a\",\"stems\":[\"the\",\"food\",\"and\",\"drug\",\"administr\",\"fda\",\"approv\",\"the\","
        "\"drug\",\"the\",\"fda\",\"said\",\"the\",\"drug\",\"work\"],"
        "\"surface\":[\"The\",\"Food\",\"and\",\"Drug\",\"Administration\",\"FDA\",\"approved\",\"the\","
        "\"drug\",\"The\",\"FDA\",\"said\",\"the\",\"drug\",\"works\"],"
        "\"stop\":[1,0,1,0,0,0,0,1,0,1,0,0,1,0,0],\"sentences\":[0,9],\"clauses\":[5,6]}";
    kw = keywords_top("4", joined);
    assert_lists(kw, (const char *[]){"FDA", "drug", NULL},
                 (const char *[]){"Food", "Administration", "Drug Administration", "Food and Drug Administration", NULL});
    free(kw);
}
END_TEST

START_TEST(test_names_with_and)
{
    /* "Duff and Phelps lowered ratings" and "Standard and Poor's cut ratings", each in two
     * stories, beside three with "Standard" in other names: "and" between capitalised words
     * joins a name that the corpus writes as one, in the place of its parts where the story
     * has them only within it ("Duff", "Standard"), though "Standard" stands alone elsewhere. */
    char *names[] = {story("a", "Duff and Phelps lowered ratings", "01000"),
                     story("b", "Standard and Poor's cut ratings", "01000"),
                     story("c", "Analysts at Duff and Phelps and Standard and Poor's agreed", "0101010000"),
                     story("d", "Standard Oil rose", "000"),
                     story("e", "Standard Brands fell", "000"),
                     story("f", "Standard Chartered gained", "000"),
                     NULL};
    assert_first("20", (const char *const *)names, (const char *[]){"Duff and Phelps", "ratings", NULL},
                 (const char *[]){"Duff", "Phelps", "Duff and", "and Phelps", "Phelps lowered", NULL});
    assert_first("20", (const char *const *)names + 1, (const char *[]){"Standard and Poor", NULL},
                 (const char *[]){"Standard", "Poor", NULL});
    /* "Britain and France signed a treaty", "Britain and France met", "France and Britain
     * talked": two names side by side, in either order, are no name; nor are two seen together
     * in one story only ("Kapchorwa and Swam"). */
    char *pairs[] = {story("a", "Britain and France signed treaty", "01000"),
                     story("b", "Britain and France met", "0100"), story("c", "France and Britain talked", "0100"),
                     story("d", "Rains hit Kapchorwa and Swam", "00010"), NULL};
    assert_first("20", (const char *const *)pairs, (const char *[]){"Britain", "France", NULL},
                 (const char *[]){"Britain and France", NULL});
    assert_first("20", (const char *const *)pairs + 3, (const char *[]){"Kapchorwa", "Swam", NULL},
                 (const char *[]){"Kapchorwa and Swam", NULL});
    /* "Quakes shook the Bay of Plenty and Waikato", twice: an "and" after a name joined by "of"
     * would cut it in two ("Plenty and Waikato"). */
    char *bay[] = {story("a", "Quakes shook the Bay of Plenty and Waikato", "00101010"),
                   story("b", "Quakes shook the Bay of Plenty and Waikato", "00101010"), NULL};
    assert_first("20", (const char *const *)bay, (const char *[]){"Bay of Plenty", "Waikato", NULL},
                 (const char *[]){"Plenty and Waikato", NULL});
    /* "The Agricultural Stabilization and Conservation Service bought flour", twice: the "and"
     * counts towards no phrase's length, so a name of four words is whole with it at max-words
     * 3, in five tokens. */
    char *ascs[] = {story("a", "The Agricultural Stabilization and Conservation Service bought flour", "10010000"),
                    story("b", "The Agricultural Stabilization and Conservation Service bought flour", "10010000"),
                    NULL};
    assert_first("20", (const char *const *)ascs,
                 (const char *[]){"Agricultural Stabilization and Conservation Service", NULL},
                 (const char *[]){"Agricultural Stabilization", "Conservation Service", NULL});
    /* An ampersand (tokenize's "&", a stop word) joins a name on its own: "Marks & Spencer" in
     * one story is one name, where "Kapchorwa and Swam" is not. In lower case it joins nothing. */
    char *amp[] = {story("a", "Rains hit Marks & Spencer stores", "000100"),
                   story("b", "Prices of pulp & paper rose", "010100"), NULL};
    assert_first("20", (const char *const *)amp, (const char *[]){"Marks & Spencer", NULL},
                 (const char *[]){"Marks Spencer", "Spencer stores", NULL});
    assert_first("20", (const char *const *)amp + 1, (const char *[]){"pulp", "paper", NULL},
                 (const char *[]){"pulp & paper", "pulp paper", NULL});
    /* Where the corpus has a name joined by "and" once, the story may tell (keywords 1.79): one
     * that ends in an organisation's noun, whose part before "and" the story writes only inside
     * it, is one body ("Securities and Exchange Commission"); not two bodies ("Federal Housing
     * Administration and Veterans Administration"), nor a pair whose first part the story writes
     * alone ("Japan") or, of two words or more, another story does ("Nova Scotia"). */
    char *bodies[] = {story("a", "Regulators said Securities and Exchange Commission fined brokers", "00010000"),
                      story("b", "Banks sold loans to Federal Housing Administration and Veterans Administration",
                            "0001000100"),
                      story("c", "Japan and European Commission met and Japan agreed", "01000100"),
                      story("d", "Sobey family of Nova Scotia and Empire Company raised stake", "0010010000"),
                      story("e", "Storms hit Nova Scotia", "0000"), NULL};
    assert_first("20", (const char *const *)bodies, (const char *[]){"Securities and Exchange Commission", NULL},
                 (const char *[]){"Securities", "Exchange Commission", NULL});
    assert_first("20", (const char *const *)bodies + 1, (const char *[]){"Veterans Administration", NULL},
                 (const char *[]){"Federal Housing Administration and Veterans Administration", NULL});
    assert_first("20", (const char *const *)bodies + 2, (const char *[]){"Japan", "European Commission", NULL},
                 (const char *[]){"Japan and European Commission", NULL});
    assert_first("20", (const char *const *)bodies + 3, (const char *[]){"Empire Company", NULL},
                 (const char *[]){"Nova Scotia and Empire Company", NULL});
    free_stories(names);
    free_stories(pairs);
    free_stories(bay);
    free_stories(ascs);
    free_stories(amp);
    free_stories(bodies);
}
END_TEST

START_TEST(test_possessive_names)
{
    /* "Moody's" in three stories, never without its "'s": the name keeps it. "Britain's" three
     * times beside "Britain" twice: a name in the possessive, shown without it. */
    char *docs[] = {story("a", "Analysts expect Moody's cut ratings", "00000"),
                    story("b", "Analysts expect Moody's raised ratings", "00000"),
                    story("c", "Investors expect Moody's lowered bonds", "00000"),
                    story("d", "Officials expect Britain's economy grew", "00000"),
                    story("e", "Officials expect Britain's exports grew", "00000"),
                    story("f", "Officials expect Britain's imports fell", "00000"),
                    story("g", "Officials expect Britain grew", "0000"),
                    story("h", "Officials expect Britain gained", "0000"),
                    NULL};
    assert_first("20", (const char *const *)docs, (const char *[]){"Moody's", NULL}, (const char *[]){"Moody", NULL});
    assert_first("20", (const char *const *)docs + 3, (const char *[]){"Britain", NULL},
                 (const char *[]){"Britain's", NULL});
    free_stories(docs);
}
END_TEST

START_TEST(test_names_seen_once)
{
    /* "Analysts at Dean Witter Reynolds expect gains" and "Bonds from Dean Witter Reynolds rose",
     * beside three stories of "Dean Witter" alone: a name of three words seen once in a story
     * is whole, in the place of its tail ("Witter Reynolds"; its words may still fill a short
     * list). A word before a phrase takes two occurrences only where it may be a verb before its
     * object; and "Dean Witter", a name of its own in the corpus, does not lead to the whole. */
    char *firm[] = {story("a", "Analysts at Dean Witter Reynolds expect gains", "0100000"),
                    story("b", "Bonds from Dean Witter Reynolds rose", "010000"),
                    story("c", "Officials met Dean Witter today", "00000"),
                    story("d", "Officials met Dean Witter again", "00000"),
                    story("e", "Officials left Dean Witter", "0000"),
                    NULL};
    assert_first("20", (const char *const *)firm, (const char *[]){"Dean Witter Reynolds", NULL},
                 (const char *[]){"Witter Reynolds", NULL});
    /* With the whole in one story of the corpus alone, too: a name the story writes capitalised
     * in every word (a headline in title case tells no word's case: test_headline_corpus_case). */
    assert_first("20", (const char *const *)firm + 1, (const char *[]){"Dean Witter Reynolds", NULL},
                 (const char *[]){"Witter Reynolds", NULL});
    /* "Finance Minister Kiichi Miyazawa told reporters that Miyazawa expects stable rates" and
     * "Finance Minister Kiichi Miyazawa spoke on rates", beside a story of "finance" in lower
     * case: "Minister Kiichi Miyazawa" begins after a capitalised word, inside a longer name, and
     * no person's name gives way to it. */
    char *title[] = {story("a", "Finance Minister Kiichi Miyazawa told reporters that Miyazawa expects stable rates",
                           "000000100000"),
                     story("b", "Finance Minister Kiichi Miyazawa spoke on rates", "0000010"),
                     story("c", "Officials said finance policy was stable", "000010"), NULL};
    assert_first("20", (const char *const *)title, (const char *[]){"Kiichi Miyazawa", NULL},
                 (const char *[]){"Minister Kiichi Miyazawa", NULL});
    free_stories(firm);
    free_stories(title);
}
END_TEST

START_TEST(test_five_word_names)
{
    /* "Regulators at the Federal Home Loan Bank Board closed two thrifts in Texas today" beside
     * "Analysts expect the Federal Home Loan Bank Board will sell notes to banks soon": a name
     * runs two words past max-words (3), and every piece inside it that does not end at its
     * last word gives way to it, though the pieces one word shorter ("Federal Home Loan Bank")
     * are cut names, which lead nowhere. */
    char *board[] = {story("a", "Regulators at the Federal Home Loan Bank Board closed two thrifts in Texas today",
                           "01100000000100"),
                     story("b", "Analysts expect the Federal Home Loan Bank Board will sell notes to banks soon",
                           "00100000100100"),
                     story("c", "Banks reported gains", "000"), NULL};
    assert_first("20", (const char *const *)board, (const char *[]){"Federal Home Loan Bank Board", NULL},
                 (const char *[]){"Federal Home", "Federal Home Loan", "Home Loan", "Bank Board", NULL});
    /* "Bundesbank President Karl Otto Poehl", in three stories: a title and a person, which is one
     * name to show; but where the story also writes "Poehl" alone, the last word is a surname, and
     * the title keeps its own place. */
    char *poehl[] = {story("a", "Markets rose after Bundesbank President Karl Otto Poehl spoke on rates", "00000000010"),
                     story("b", "Traders said Bundesbank President Karl Otto Poehl cut rates", "0000000000"),
                     story("c", "Traders expect Bundesbank President Karl Otto Poehl will cut rates", "00000000100"),
                     story("d", "Markets rose after Bundesbank President Karl Otto Poehl spoke and Poehl left",
                           "000000000100"),
                     story("e", "Banks reported gains", "000"), NULL};
    assert_first("20", (const char *const *)poehl, (const char *[]){"Bundesbank President Karl Otto Poehl", NULL},
                 (const char *[]){"Bundesbank President", NULL});
    assert_first("20", (const char *const *)poehl + 3, (const char *[]){"Bundesbank President", NULL},
                 (const char *[]){"Bundesbank President Karl Otto Poehl", NULL});
    free_stories(board);
    free_stories(poehl);
}
END_TEST

START_TEST(test_headings)
{
    /* "NOTE: the bank raised rates. SEATTLE: rates rose." beside "They sent a note from
     * Seattle.": "NOTE" heads its sentence as a label, since the corpus writes "note" in lower
     * case, and ranks after the story's words; "SEATTLE" is a dateline, a name, and does not.
     * Both open a story's first sentences in capitals and are shown capitalised. */
    const char *docs[] = {
        "{\"id\":\"h\",\"stems\":[\"note\",\"the\",\"bank\",\"rais\",\"rate\",\"seattl\",\"rate\",\"rose\"],"
        "\"surface\":[\"NOTE\",\"the\",\"bank\",\"raised\",\"rates\",\"SEATTLE\",\"rates\",\"rose\"],"
        "\"stop\":[0,1,0,0,0,0,0,0],\"sentences\":[0,5],\"clauses\":[1,6]}",
        "{\"id\":\"t\",\"stems\":[\"they\",\"sent\",\"a\",\"note\",\"from\",\"seattl\"],\"surface\":[\"They\","
        "\"sent\",\"a\",\"note\",\"from\",\"Seattle\"],\"stop\":[1,0,1,0,1,0],\"sentences\":[0]}",
        NULL};
    const char *kv[] = {"top", "10", "table", "0", NULL};
    char *kw = keywords_part(first_json(kv, docs, NULL));
    const char *note = strstr(kw, "[\"Note\","), *rates = strstr(kw, "[\"rates\",");
    /* "bank" is written only inside "bank raised rates", which stands for it (kw_enclosed). */
    const char *bank = strstr(kw, "[\"bank raised rates\","), *seattle = strstr(kw, "[\"Seattle\",");
    ck_assert_msg(note && rates && bank && seattle, "%s", kw);
    ck_assert_msg(rates < note && bank < note && seattle < note, "the heading first in %s", kw);
    free(kw);
    /* After the first sentence, a heading in capitals or capitalised says how the story is laid
     * out, and is in no list (keywords 1.66): "Acme raised rates. NOTE: the bank met. sows:
     * prices rose." beside "The sows ate." has no "NOTE". One in lower case is a list's item,
     * a label still, and stays: "sows". */
    const char *later[] = {
        "{\"id\":\"l\",\"stems\":[\"acm\",\"rais\",\"rate\",\"note\",\"the\",\"bank\",\"met\",\"sow\",\"price\","
        "\"rose\"],\"surface\":[\"Acme\",\"raised\",\"rates\",\"NOTE\",\"the\",\"bank\",\"met\",\"sows\","
        "\"prices\",\"rose\"],\"stop\":[0,0,0,0,1,0,0,0,0,0],\"sentences\":[0,3,7],\"clauses\":[4,8]}",
        docs[1],
        "{\"id\":\"s\",\"stems\":[\"the\",\"sow\",\"ate\"],\"surface\":[\"The\",\"sows\",\"ate\"],"
        "\"stop\":[1,0,0],\"sentences\":[0]}",
        NULL};
    assert_first("20", later, (const char *[]){"rates", "bank", "sows", NULL},
                 (const char *[]){"NOTE", "Note", "note", NULL});
    /* The word after a heading begins the text it heads, capitalised whatever it is (keywords
     * 1.90): "Net rose. NOTE: Share adjusted for split." beside "They sent a note.", "The share
     * rose." and "The share fell." shows "share", as the corpus mostly writes it. (The first
     * pass, which counts the corpus's casings, knows no heading yet: it counts "Share" as
     * written.) */
    const char *share[] = {
        "{\"id\":\"s\",\"stems\":[\"net\",\"rose\",\"note\",\"share\",\"adjust\",\"for\",\"split\"],"
        "\"surface\":[\"Net\",\"rose\",\"NOTE\",\"Share\",\"adjusted\",\"for\",\"split\"],"
        "\"stop\":[0,0,0,0,0,1,0],\"sentences\":[0,2],\"clauses\":[3]}",
        docs[1],
        "{\"id\":\"p\",\"stems\":[\"the\",\"share\",\"rose\"],\"surface\":[\"The\",\"share\",\"rose\"],"
        "\"stop\":[1,0,0],\"sentences\":[0]}",
        "{\"id\":\"f\",\"stems\":[\"the\",\"share\",\"fell\"],\"surface\":[\"The\",\"share\",\"fell\"],"
        "\"stop\":[1,0,0],\"sentences\":[0]}",
        NULL};
    assert_first("20", share, (const char *[]){"share", NULL}, (const char *[]){"Share", NULL});
}
END_TEST

/* A corpus, the length of its first document's list, and phrases that list shows and does not
 * show (NULL-terminated; unused places are NULL). */
static const corpus_case dateline_cases[] = {
    /* A dateline opens a story's first sentences in capitals, a place's name that the story may
     * not write again: "Rodman voted in. AUBURN HILLS, Mich. - Dennis Rodman has been voted in."
     * is shown "Auburn Hills", and its words are no acronyms. */
    {"20",
     {"{\"id\":\"d\",\"stems\":[\"rodman\",\"voted\",\"in\",\"auburn\",\"hills\",\"mich\","
      "\"dennis\",\"rodman\",\"has\",\"been\",\"voted\",\"in\"],\"surface\":[\"Rodman\","
      "\"voted\",\"in\",\"AUBURN\",\"HILLS\",\"Mich\",\"Dennis\",\"Rodman\",\"has\",\"been\","
      "\"voted\",\"in\"],\"stop\":[0,0,1,0,0,0,0,0,1,1,0,1],\"sentences\":[0,3,6],"
      "\"clauses\":[5]}"},
     {"Auburn Hills", "Rodman"},
     {"AUBURN HILLS", "HILLS"}},
    /* The text's first word after a dateline's agency or date is capitalised as a sentence's
     * first is, whatever it is: "GUELPH, Ontario, April 1 (UPI) - Eating a meal spikes sugar.
     * Men kept eating fat." shows "eating", as the story writes it inside a sentence. */
    {"20",
     {"{\"id\":\"u\",\"stems\":[\"guelph\",\"ontario\",\"april\",\"1\",\"upi\",\"eat\",\"a\","
      "\"meal\",\"spike\",\"sugar\",\"men\",\"kept\",\"eat\",\"fat\"],\"surface\":[\"GUELPH\","
      "\"Ontario\",\"April\",\"1\",\"UPI\",\"Eating\",\"a\",\"meal\",\"spikes\",\"sugar\",\"Men\","
      "\"kept\",\"eating\",\"fat\"],\"stop\":[0,0,0,0,0,0,1,0,0,0,0,0,0,0],\"sentences\":[0,10],"
      "\"clauses\":[1,2,4,5]}"},
     {"eating", "Guelph"},
     {"Eating"}},
    /* Each part of a hyphenated place is capitalised: "WINSTON-SALEM, the city voted." */
    {"20",
     {"{\"id\":\"w\",\"stems\":[\"winston-salem\",\"the\",\"citi\",\"vote\"],"
      "\"surface\":[\"WINSTON-SALEM\",\"the\",\"city\",\"voted\"],\"stop\":[0,1,0,0],"
      "\"sentences\":[0],\"clauses\":[1]}"},
     {"Winston-Salem"},
     {"Winston-salem"}},
    /* A dateline after a byline, before a date or an agency, is one too, and teaches the corpus
     * nothing of the place's case: "Fraud case. NEW DELHI: Police charged a minister." beside
     * "Charges filed. By Jo Smith NEW DELHI, April 2 (Reuters) - Police charged a minister." and
     * "Case heard. By Al Roe NEW DELHI (AP) - A judge heard it." */
    {"20",
     {"{\"id\":\"a\",\"stems\":[\"fraud\",\"case\",\"new\",\"delhi\",\"polic\",\"charg\",\"a\",\"minist\"],"
      "\"surface\":[\"Fraud\",\"case\",\"NEW\",\"DELHI\",\"Police\",\"charged\",\"a\",\"minister\"],"
      "\"stop\":[0,0,0,0,0,0,1,0],\"sentences\":[0,2],\"clauses\":[4]}",
      "{\"id\":\"b\",\"stems\":[\"charg\",\"file\",\"by\",\"jo\",\"smith\",\"new\",\"delhi\",\"april\",\"2\","
      "\"reuter\",\"polic\",\"charg\",\"a\",\"minist\"],"
      "\"surface\":[\"Charges\",\"filed\",\"By\",\"Jo\",\"Smith\",\"NEW\",\"DELHI\",\"April\",\"2\",\"Reuters\","
      "\"Police\",\"charged\",\"a\",\"minister\"],"
      "\"stop\":[0,0,1,0,0,0,0,0,0,0,0,0,1,0],\"sentences\":[0,2],\"clauses\":[7,9,10]}",
      "{\"id\":\"c\",\"stems\":[\"case\",\"heard\",\"by\",\"al\",\"roe\",\"new\",\"delhi\",\"ap\",\"a\",\"judg\","
      "\"heard\",\"it\"],\"surface\":[\"Case\",\"heard\",\"By\",\"Al\",\"Roe\",\"NEW\",\"DELHI\",\"AP\",\"A\","
      "\"judge\",\"heard\",\"it\"],\"stop\":[0,0,1,0,0,0,0,0,1,0,0,1],\"sentences\":[0,2],\"clauses\":[7,8]}"},
     {"New Delhi"},
     {"DELHI", "NEW DELHI"}},
    /* An acronym that the corpus writes in capitals stays so: "GMAC (Australia) Finance is
     * issuing a bond." beside "The bond of GMAC sold." */
    {"20",
     {"{\"id\":\"g\",\"stems\":[\"gmac\",\"australia\",\"finance\",\"is\",\"issuing\",\"a\","
      "\"bond\"],\"surface\":[\"GMAC\",\"Australia\",\"Finance\",\"is\",\"issuing\",\"a\","
      "\"bond\"],\"stop\":[0,0,0,1,0,1,0],\"sentences\":[0],\"clauses\":[1,2]}",
      "{\"id\":\"s\",\"stems\":[\"the\",\"bond\",\"of\",\"gmac\",\"sold\"],"
      "\"surface\":[\"The\",\"bond\",\"of\",\"GMAC\",\"sold\"],\"stop\":[1,0,1,0,0],"
      "\"sentences\":[0],\"clauses\":[]}"},
     {"GMAC"},
     {"Gmac"}},
    /* A headline in capitals that a ticker's period cuts ("WESTPORT BANCORP <WBAT.O> 3RD QTR
     * NET. Net rose.") goes on in capitals: no dateline. */
    {"20",
     {"{\"id\":\"w\",\"stems\":[\"westport\",\"bancorp\",\"wbat\",\"o\",\"3rd\",\"qtr\","
      "\"net\",\"net\",\"rose\"],\"surface\":[\"WESTPORT\",\"BANCORP\",\"WBAT\",\"O\",\"3RD\","
      "\"QTR\",\"NET\",\"Net\",\"rose\"],\"stop\":[0,0,0,0,0,0,0,0,0],\"sentences\":[0,3,7],"
      "\"clauses\":[2]}"},
     {"WESTPORT BANCORP"},
     {"Westport Bancorp"}},
    /* Past a story's first sentences, capitals before a comma are no dateline: "Banks met.
     * Rates rose. Prices fell. Markets slid. PARIS, the capital, cheered." */
    {"20",
     {"{\"id\":\"p\",\"stems\":[\"banks\",\"met\",\"rates\",\"rose\",\"prices\",\"fell\","
      "\"markets\",\"slid\",\"paris\",\"the\",\"capital\",\"cheered\"],\"surface\":[\"Banks\","
      "\"met\",\"Rates\",\"rose\",\"Prices\",\"fell\",\"Markets\",\"slid\",\"PARIS\",\"the\","
      "\"capital\",\"cheered\"],\"stop\":[0,0,0,0,0,0,0,0,0,1,0,0],\"sentences\":[0,2,4,6,8],"
      "\"clauses\":[9,11]}"},
     {"PARIS"},
     {"Paris"}},
};

START_TEST(test_datelines)
{
    for (size_t i = 0; i < sizeof dateline_cases / sizeof *dateline_cases; i++) {
        const corpus_case *c = &dateline_cases[i];
        assert_first(c->top, c->docs, c->shown, c->hidden);
    }
}
END_TEST

START_TEST(test_near_duplicates)
{
    /* "cyber-security" (one token) and "cyber security agreement": the same words once the
     * hyphen is split, so only the better of the two is in the top. */
    char *kw = keywords_of("{\"id\":\"a\",\"stems\":[\"cyber-secur\",\"pact\",\"cyber\",\"secur\",\"agreement\","
                           "\"cyber-secur\"],\"stop\":[0,0,0,0,0,0],\"sentences\":[0,2,5]}");
    assert_listed(kw, "cyber-secur", 1);
    assert_listed(kw, "cyber secur", 0);
    assert_listed(kw, "cyber secur agreement", 0);
    assert_listed(kw, "agreement", 1); /* single words stay */
    free(kw);
    /* Snowball keeps "menus" apart from "menu", as it cannot tell such a plural from "bonus":
     * the two are one word when both occur, and only the better is shown. */
    kw = keywords_of("{\"id\":\"a\",\"stems\":[\"the\",\"menus\",\"chang\",\"the\",\"menu\",\"grew\","
                     "\"menus\",\"bonus\",\"bonus\"],\"stop\":[1,0,0,1,0,0,0,0,0],\"sentences\":[0,3,6,7]}");
    ck_assert_msg((strstr(kw, "[\"menus\",") != NULL) + (strstr(kw, "[\"menu\",") != NULL) == 1, "%s", kw);
    assert_listed(kw, "bonus", 1);
    free(kw);
    /* "cybersecurity" and "cyber security" are one compound written as one word and apart: it is
     * shown once, in the spelling written more often, on a tie apart, and no phrase of it is
     * shown beside it apart ("cyber security pact", "cybersecurity budget"). A word of the
     * compound alone ("cyber") stays, as a word beside a phrase of it does. */
    assert_top("10",
               "{\"id\":\"a\",\"stems\":[\"cybersecur\",\"budget\",\"grew\",\"cyber\",\"secur\",\"pact\",\"sign\","
               "\"cybersecur\",\"rose\",\"cyber\",\"secur\",\"held\",\"cyber\",\"domain\"],"
               "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,3,7,9,12]}",
               (const char *[]){"cyber secur", "cyber", "secur", NULL},
               (const char *[]){"cybersecur", "cyber secur pact", "cybersecur budget", NULL});
    assert_top("10",
               "{\"id\":\"a\",\"stems\":[\"cybersecur\",\"budget\",\"grew\",\"cyber\",\"secur\",\"pact\",\"sign\","
               "\"cybersecur\",\"rose\",\"cybersecur\",\"held\",\"cyber\",\"domain\"],"
               "\"stop\":[0,0,0,0,0,0,0,0,0,0,0,0,0],\"sentences\":[0,3,7,9,11]}",
               (const char *[]){"cybersecur", "cybersecur budget", "cyber", NULL},
               (const char *[]){"cyber secur", "cyber secur pact", NULL});
    /* Letters apart are initials ("S-K-I" of ski areas), and a name written apart is another
     * thing ("Federal Paper Board" makes paperboard): each is shown beside the one word. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"s-k-i\",\"sold\",\"ski\",\"the\",\"ski\",\"rose\",\"s-k-i\"],"
                     "\"stop\":[0,0,0,1,0,0,0],\"sentences\":[0,3,6]}",
                     (const char *[]){"s-k-i", "ski", NULL}, (const char *[]){NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"the\",\"feder\",\"paper\",\"board\",\"sold\",\"paperboard\","
                     "\"the\",\"paperboard\",\"rose\"],\"surface\":[\"The\",\"Federal\",\"Paper\",\"Board\","
                     "\"sold\",\"paperboard\",\"The\",\"paperboard\",\"rose\"],\"stop\":[1,0,0,0,0,0,1,0,0],"
                     "\"sentences\":[0,6]}",
                     (const char *[]){"Federal Paper Board", "paperboard", NULL}, (const char *[]){NULL});
    /* Stems cannot tell some spellings of one phrase: Snowball stems "noteholders" to "notehold"
     * but "holders" to "holder", and "tax-free" to "tax-fre" but "free" to "free". The letters
     * the story writes tell them: each is shown once, in the spelling written more often. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"notehold\",\"met\",\"the\",\"note\",\"holder\",\"vote\","
                     "\"the\",\"note\",\"holder\",\"left\"],\"surface\":[\"Noteholders\",\"met\",\"The\","
                     "\"note\",\"holders\",\"voted\",\"The\",\"note\",\"holders\",\"left\"],"
                     "\"stop\":[0,0,1,0,0,0,1,0,0,0],\"sentences\":[0,2,6]}",
                     (const char *[]){"note holders", NULL}, (const char *[]){"Noteholders", NULL});
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"tax\",\"free\",\"reserv\",\"fine\",\"the\",\"tax-fre\","
                     "\"reserv\",\"rose\",\"the\",\"tax-fre\",\"reserv\",\"fell\"],\"surface\":[\"TAX\","
                     "\"FREE\",\"RESERVES\",\"FINED\",\"The\",\"tax-free\",\"reserves\",\"rose\",\"The\","
                     "\"tax-free\",\"reserves\",\"fell\"],\"stop\":[0,0,0,0,1,0,0,0,1,0,0,0],"
                     "\"sentences\":[0,4,8]}",
                     (const char *[]){"tax-free reserves", NULL},
                     (const char *[]){"TAX FREE RESERVES", "tax free reserves", NULL});
    /* A name too ("Hong Kong Land", "Hongkong Land"), whose words go with the spelling left out,
     * as they would with it shown: "SmithKline" alone, no "Smith Kline", "Smith" nor "Kline". */
    assert_top("4", "{\"id\":\"a\",\"stems\":[\"smithklin\",\"earn\",\"more\",\"smithklin\",\"sold\","
                    "\"drug\",\"smithklin\",\"rose\",\"analyst\",\"at\",\"smith\",\"kline\",\"said\",\"so\","
                    "\"staff\",\"of\",\"smith\",\"kline\",\"left\"],\"surface\":[\"SmithKline\",\"earned\","
                    "\"more\",\"SmithKline\",\"sold\",\"drugs\",\"SmithKline\",\"rose\",\"Analysts\",\"at\","
                    "\"Smith\",\"Kline\",\"said\",\"so\",\"Staff\",\"of\",\"Smith\",\"Kline\",\"left\"],"
                    "\"stop\":[0,0,1,0,0,0,0,0,0,1,0,0,0,1,0,1,0,0,0],\"sentences\":[0,3,6,8,14]}",
                    (const char *[]){"SmithKline", "drugs", NULL}, (const char *[]){"Smith Kline", "Kline", "Smith", NULL});
    /* "star hailee" is "hailee steinfeld" shifted by a word (of "star hailee steinfeld"): left
     * out beside the better one. "obama doctrine" and "bush doctrine" share a word in the same
     * place: two different things, both kept. */
    assert_top("10", "{\"id\":\"a\",\"stems\":[\"star\",\"hailee\",\"steinfeld\",\"hailee\",\"steinfeld\","
                     "\"obama\",\"doctrin\",\"bush\",\"doctrin\"],\"stop\":[0,0,0,0,0,0,0,0,0],"
                     "\"sentences\":[0,3,5,7]}",
                     (const char *[]){"hailee steinfeld", "obama doctrin", "bush doctrin", "star", NULL},
                     (const char *[]){"star hailee", NULL});
    /* "The company said its lower effective tax rate helped profits. The lower effective tax
     * rate came from investment credits.", beside two stories of "effective tax rate": the two
     * windows of the four words overlap by two, and the one the corpus writes more often stands
     * for them, though "lower effective tax" scores more here. */
    const char *const tax_docs[] = {
        "{\"id\":\"a\",\"stems\":[\"the\",\"compani\",\"said\",\"it\",\"lower\",\"effect\",\"tax\",\"rate\","
        "\"help\",\"profit\",\"the\",\"lower\",\"effect\",\"tax\",\"rate\",\"came\",\"from\",\"invest\","
        "\"credit\"],\"surface\":[\"The\",\"company\",\"said\",\"its\",\"lower\",\"effective\",\"tax\","
        "\"rate\",\"helped\",\"profits\",\"The\",\"lower\",\"effective\",\"tax\",\"rate\",\"came\",\"from\","
        "\"investment\",\"credits\"],\"stop\":[1,0,0,1,0,0,0,0,0,0,1,0,0,0,0,0,1,0,0],\"sentences\":[0,10]}",
        "{\"id\":\"b\",\"stems\":[\"the\",\"effect\",\"tax\",\"rate\",\"rose\",\"to\",\"40\",\"pct\"],"
        "\"surface\":[\"The\",\"effective\",\"tax\",\"rate\",\"rose\",\"to\",\"40\",\"pct\"],"
        "\"stop\":[1,0,0,0,0,1,0,0],\"sentences\":[0]}",
        "{\"id\":\"c\",\"stems\":[\"it\",\"effect\",\"tax\",\"rate\",\"fell\",\"sharpli\"],"
        "\"surface\":[\"Its\",\"effective\",\"tax\",\"rate\",\"fell\",\"sharply\"],"
        "\"stop\":[1,0,0,0,0,0],\"sentences\":[0]}",
        NULL};
    assert_first("10", tax_docs, (const char *[]){"effective tax rate", "investment credits", NULL},
                 (const char *[]){"lower effective tax", NULL});
}
END_TEST

START_TEST(test_common_form)
{
    /* "Magma Copper said it raised output at its mine. Magma Copper sells most of its copper in
     * Asia. The price of Magma Copper shares rose.": "copper" alone is shown as the story writes
     * it outside the name, not as the "Copper" of the name seen three times. */
    char *kw = keywords_of(
        "{\"id\":\"m\",\"stems\":[\"magma\",\"copper\",\"said\",\"it\",\"rais\",\"output\",\"at\",\"it\","
        "\"mine\",\"magma\",\"copper\",\"sell\",\"most\",\"of\",\"it\",\"copper\",\"in\",\"asia\",\"the\","
        "\"price\",\"of\",\"magma\",\"copper\",\"share\",\"rose\"],"
        "\"surface\":[\"Magma\",\"Copper\",\"said\",\"it\",\"raised\",\"output\",\"at\",\"its\",\"mine\","
        "\"Magma\",\"Copper\",\"sells\",\"most\",\"of\",\"its\",\"copper\",\"in\",\"Asia\",\"The\",\"price\","
        "\"of\",\"Magma\",\"Copper\",\"shares\",\"rose\"],"
        "\"stop\":[0,0,0,1,0,0,1,1,0,0,0,0,1,1,1,0,1,0,1,0,1,0,0,0,0],\"sentences\":[0,9,18]}");
    assert_lists(kw, (const char *[]){"Magma Copper", "copper", NULL}, (const char *[]){"Copper", NULL});
    free(kw);
}
END_TEST

START_TEST(test_names_merged)
{
    /* "The singer Katy Perry sang. The fans of Katy Perry and of Perry cheered.": the name
     * stands for its words, which are not shown alone as well; with merge-names = false they
     * are. */
    static const char doc[] = "{\"id\":\"a\",\"stems\":[\"the\",\"singer\",\"kati\",\"perri\",\"sang\",\"the\","
                              "\"fan\",\"of\",\"kati\",\"perri\",\"and\",\"of\",\"perri\",\"cheer\"],"
                              "\"surface\":[\"The\",\"singer\",\"Katy\",\"Perry\",\"sang\",\"The\",\"fans\",\"of\","
                              "\"Katy\",\"Perry\",\"and\",\"of\",\"Perry\",\"cheered\"],"
                              "\"stop\":[1,0,0,0,0,1,0,1,0,0,1,1,0,0],\"sentences\":[0,5]}";
    assert_top("5", doc, (const char *[]){"Katy Perry", "singer", NULL}, (const char *[]){"Perry", "Katy", NULL});
    /* With room to spare (five phrases and a top of 10), the name's words fill the list after
     * every other phrase, best first. */
    char *kw = keywords_of(doc);
    assert_lists(kw, (const char *[]){"Katy Perry", "fans", "Perry", "Katy", NULL}, (const char *[]){NULL});
    ck_assert_msg(strstr(kw, "\"fans\"") < strstr(kw, "\"Perry\"") && strstr(kw, "\"Perry\"") < strstr(kw, "\"Katy\""),
                  "%s", kw);
    free(kw);
    const char *unmerged[] = {"top", "10", "table", "0", "merge-names", "false", NULL};
    kw = keywords_with(unmerged, doc);
    assert_lists(kw, (const char *[]){"Katy Perry", "Perry", "Katy", NULL}, (const char *[]){NULL});
    free(kw);
    /* Words that are capitalised only at a sentence's start are no name: "Cyber attacks" keeps
     * "attacks" beside it. */
    assert_first("10", two_docs, (const char *[]){"attacks", NULL}, (const char *[]){NULL});
}
END_TEST

START_TEST(test_names_from_the_corpus)
{
    /* "STEVE CARELL IS BACK IN COMEDY": a headline says nothing of its words' case, but the
     * corpus writes them as a name's ("The actor Steve Carell smiled"), so the name stands for
     * its words. */
    const char *docs[] = {
        "{\"id\":\"h\",\"stems\":[\"steve\",\"carel\",\"is\",\"back\",\"in\",\"comedi\"],\"surface\":["
        "\"STEVE\",\"CARELL\",\"IS\",\"BACK\",\"IN\",\"COMEDY\"],\"stop\":[0,0,1,0,1,0],\"sentences\":[0]}",
        "{\"id\":\"t\",\"stems\":[\"the\",\"actor\",\"steve\",\"carel\",\"smile\"],\"surface\":[\"The\","
        "\"actor\",\"Steve\",\"Carell\",\"smiled\"],\"stop\":[1,0,0,0,0],\"sentences\":[0]}",
        NULL};
    assert_first("4", docs, (const char *[]){"Steve Carell", "BACK", "COMEDY", NULL},
                 (const char *[]){"Carell", NULL});
}
END_TEST

START_TEST(test_scattered_names)
{
    /* "The film starred Daniel Craig. The critics loved Craig. The fans cheered Daniel Craig.
     * The studio paid Craig.": "Craig" and "Daniel" alone outscore the name and fill a top of
     * two; the name takes their place, as "Daniel" is seen mostly within it, and the list
     * fills up again. */
    assert_top("2", "{\"id\":\"a\",\"stems\":[\"the\",\"film\",\"star\",\"daniel\",\"craig\",\"the\","
                    "\"critic\",\"love\",\"craig\",\"the\",\"fan\",\"cheer\",\"daniel\",\"craig\",\"the\","
                    "\"studio\",\"paid\",\"craig\"],"
                    "\"surface\":[\"The\",\"film\",\"starred\",\"Daniel\",\"Craig\",\"The\",\"critics\","
                    "\"loved\",\"Craig\",\"The\",\"fans\",\"cheered\",\"Daniel\",\"Craig\",\"The\",\"studio\","
                    "\"paid\",\"Craig\"],"
                    "\"stop\":[1,0,0,0,0,1,0,0,0,1,0,0,0,0,1,0,0,0],\"sentences\":[0,5,9,14]}",
                    (const char *[]){"Daniel Craig", NULL}, (const char *[]){"Craig", "Daniel", NULL});
    /* "The film starred Daniel Day Lewis. The critics loved Day Lewis. The fans cheered Daniel
     * Day Lewis. The studio paid Day Lewis.": a name picked ("Day Lewis") and a word picked alone
     * ("Daniel") make up a longer name, which takes their place as well. */
    assert_top("2", "{\"id\":\"d\",\"stems\":[\"the\",\"film\",\"star\",\"daniel\",\"day\",\"lewi\",\"the\","
                    "\"critic\",\"love\",\"day\",\"lewi\",\"the\",\"fan\",\"cheer\",\"daniel\",\"day\",\"lewi\","
                    "\"the\",\"studio\",\"paid\",\"day\",\"lewi\"],"
                    "\"surface\":[\"The\",\"film\",\"starred\",\"Daniel\",\"Day\",\"Lewis\",\"The\",\"critics\","
                    "\"loved\",\"Day\",\"Lewis\",\"The\",\"fans\",\"cheered\",\"Daniel\",\"Day\",\"Lewis\",\"The\","
                    "\"studio\",\"paid\",\"Day\",\"Lewis\"],"
                    "\"stop\":[1,0,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0,1,0,0,0,0],\"sentences\":[0,6,11,17]}",
                    (const char *[]){"Daniel Day Lewis", NULL}, (const char *[]){"Day Lewis", "Daniel", NULL});
    /* "The talks in India. India and Japan met. The pact of India Japan ties.": "India" is seen
     * mostly alone, so "India Japan" is no name to gather "India" and "Japan" into ("talks" and
     * "pact", noun phrases by themselves, are among the top four). */
    assert_top("4", "{\"id\":\"a\",\"stems\":[\"the\",\"talk\",\"in\",\"india\",\"india\",\"and\",\"japan\","
                    "\"met\",\"the\",\"pact\",\"of\",\"india\",\"japan\",\"tie\"],"
                    "\"surface\":[\"The\",\"talks\",\"in\",\"India\",\"India\",\"and\",\"Japan\",\"met\","
                    "\"The\",\"pact\",\"of\",\"India\",\"Japan\",\"ties\"],"
                    "\"stop\":[1,0,1,0,0,1,0,0,1,0,1,0,0,0],\"sentences\":[0,4,8]}",
                    (const char *[]){"India", "Japan", NULL}, (const char *[]){"India Japan", NULL});
    /* "The film starred Daniel Craig. The critics loved Daniel. The fans cheered Daniel. The
     * studio paid Daniel.": "Daniel" is seen mostly alone, but "Craig" only within the name,
     * which holds the two together, as "Daim" and "Zainuddin" of "Finance Minister Daim
     * Zainuddin ... Daim said". Beside it, "The talks named Chirac's Gaullist party. Chirac
     * spoke. The critics loved Chirac. The studio paid Chirac.": "Gaullist" is seen only after
     * "Chirac's", but a possessive names one thing before another, which no name gathers. */
    const char *given_name =
        "{\"id\":\"g\",\"stems\":[\"the\",\"film\",\"star\",\"daniel\",\"craig\",\"the\",\"critic\","
        "\"love\",\"daniel\",\"the\",\"fan\",\"cheer\",\"daniel\",\"the\",\"studio\",\"paid\",\"daniel\"],"
        "\"surface\":[\"The\",\"film\",\"starred\",\"Daniel\",\"Craig\",\"The\",\"critics\",\"loved\","
        "\"Daniel\",\"The\",\"fans\",\"cheered\",\"Daniel\",\"The\",\"studio\",\"paid\",\"Daniel\"],"
        "\"stop\":[1,0,0,0,0,1,0,0,0,1,0,0,0,1,0,0,0],\"sentences\":[0,5,9,13]}";
    const char *possessive =
        "{\"id\":\"p\",\"stems\":[\"the\",\"talk\",\"name\",\"chirac\",\"gaullist\",\"parti\",\"chirac\","
        "\"spoke\",\"the\",\"critic\",\"love\",\"chirac\",\"the\",\"studio\",\"paid\",\"chirac\"],"
        "\"surface\":[\"The\",\"talks\",\"named\",\"Chirac's\",\"Gaullist\",\"party\",\"Chirac\",\"spoke\","
        "\"The\",\"critics\",\"loved\",\"Chirac\",\"The\",\"studio\",\"paid\",\"Chirac\"],"
        "\"stop\":[1,0,0,0,0,0,0,0,1,0,0,0,1,0,0,0],\"sentences\":[0,6,8,12]}";
    assert_first("2", (const char *[]){given_name, possessive, NULL}, (const char *[]){"Daniel Craig", NULL},
                 (const char *[]){"Craig", "Daniel", NULL});
    assert_first("2", (const char *[]){possessive, given_name, NULL}, (const char *[]){"Chirac", "Gaullist", NULL},
                 (const char *[]){"Chirac's Gaullist", NULL});
}
END_TEST

START_TEST(test_headline_case)
{
    /* A headline in title case says nothing of names: "Feds Investigate Seattle Police for
     * Possible Excessive Use of Force" keeps "Seattle" beside "Investigate Seattle". */
    assert_top("10", "{\"id\":\"h\",\"stems\":[\"fed\",\"investig\",\"seattl\",\"polic\",\"for\",\"possibl\","
                     "\"excess\",\"use\",\"of\",\"forc\"],\"surface\":[\"Feds\",\"Investigate\",\"Seattle\","
                     "\"Police\",\"for\",\"Possible\",\"Excessive\",\"Use\",\"of\",\"Force\"],"
                     "\"stop\":[0,0,0,0,1,0,0,0,1,0],\"sentences\":[0]}",
                     (const char *[]){"Seattle", "Investigate", NULL}, (const char *[]){NULL});
    /* A headline in capitals: its words are shown as the text writes them, and are no
     * acronyms. "INDIA, JAPAN SIGN CYBER PACT. Officials of India and Japan signed the pact." */
    assert_top("10", "{\"id\":\"s\",\"stems\":[\"india\",\"japan\",\"sign\",\"cyber\",\"pact\",\"offici\",\"of\","
                     "\"india\",\"and\",\"japan\",\"sign\",\"the\",\"pact\"],\"surface\":[\"INDIA\",\"JAPAN\","
                     "\"SIGN\",\"CYBER\",\"PACT\",\"Officials\",\"of\",\"India\",\"and\",\"Japan\",\"signed\","
                     "\"the\",\"pact\"],\"stop\":[0,0,0,0,0,0,1,0,1,0,0,1,0],\"sentences\":[0,5]}",
                     (const char *[]){"pact", "India", NULL}, (const char *[]){"PACT", "INDIA", NULL});
    /* A form at a sentence's start still beats a headline's: "CCX NETWORK SECONDARY OFFERING
     * UNDERWAY. CCX Network said it was offering shares." */
    assert_top("10", "{\"id\":\"c\",\"stems\":[\"ccx\",\"network\",\"secondari\",\"offer\",\"underway\",\"ccx\","
                     "\"network\",\"said\",\"it\",\"was\",\"offer\",\"share\"],\"surface\":[\"CCX\",\"NETWORK\","
                     "\"SECONDARY\",\"OFFERING\",\"UNDERWAY\",\"CCX\",\"Network\",\"said\",\"it\",\"was\","
                     "\"offering\",\"shares\"],\"stop\":[0,0,0,0,0,0,0,0,1,1,0,0],\"sentences\":[0,5]}",
                     (const char *[]){"CCX Network", NULL}, (const char *[]){"CCX NETWORK", NULL});
}
END_TEST

/* "HUMANA REGULAR DIVIDEND RAISED", and a story whose text writes its words: "Humana raised
 * its dividend. The regular dividend of Humana rose." */
static const char *const shouted_and_told[] = {
    "{\"id\":\"h\",\"stems\":[\"humana\",\"regular\",\"dividend\",\"rais\"],\"surface\":[\"HUMANA\","
    "\"REGULAR\",\"DIVIDEND\",\"RAISED\"],\"stop\":[0,0,0,0],\"sentences\":[0]}",
    "{\"id\":\"t\",\"stems\":[\"humana\",\"rais\",\"it\",\"dividend\",\"the\",\"regular\",\"dividend\","
    "\"of\",\"humana\",\"rose\"],\"surface\":[\"Humana\",\"raised\",\"its\",\"dividend\",\"The\","
    "\"regular\",\"dividend\",\"of\",\"Humana\",\"rose\"],\"stop\":[0,0,1,0,1,0,0,1,0,0],"
    "\"sentences\":[0,4]}",
    NULL};

/* "The group helps farmers. U.S. TO SUE ACME INC" */
#define GROUP_AND_ACME                                                                                            \
    "{\"id\":\"g\",\"stems\":[\"the\",\"group\",\"help\",\"farmer\",\"u.s.\",\"to\",\"sue\",\"acm\","              \
    "\"inc\"],\"surface\":[\"The\",\"group\",\"helps\",\"farmers\",\"U.S.\",\"TO\",\"SUE\",\"ACME\","              \
    "\"INC\"],\"stop\":[1,0,0,0,0,1,0,0,0],\"sentences\":[0,4]}"

static const corpus_case headline_cases[] = {
    /* Letters beyond ASCII are rewritten too: "CAFÉ CHAINS EXPAND ABROAD", "The café grew.";
     * "CHAINS": the corpus never writes it inside a sentence. */
    {"10",
     {"{\"id\":\"c\",\"stems\":[\"café\",\"chain\",\"expand\",\"abroad\"],\"surface\":[\"CAFÉ\","
      "\"CHAINS\",\"EXPAND\",\"ABROAD\"],\"stop\":[0,0,0,0],\"sentences\":[0]}",
      "{\"id\":\"g\",\"stems\":[\"the\",\"café\",\"grew\"],\"surface\":[\"The\",\"café\",\"grew\"],"
      "\"stop\":[1,0,0],\"sentences\":[0]}"},
     {"café", "CHAINS"},
     {"CAFÉ"}},
    /* A headline in title case keeps its forms: its capitals may be a name's. "Google Motion
     * Gets Tested Widely", "The motion passed." */
    {"10",
     {"{\"id\":\"m\",\"stems\":[\"googl\",\"motion\",\"get\",\"test\",\"wide\"],\"surface\":[\"Google\","
      "\"Motion\",\"Gets\",\"Tested\",\"Widely\"],\"stop\":[0,0,0,0,0],\"sentences\":[0]}",
      "{\"id\":\"p\",\"stems\":[\"the\",\"motion\",\"pass\"],\"surface\":[\"The\",\"motion\",\"passed\"],"
      "\"stop\":[1,0,0],\"sentences\":[0]}"},
     {"Motion"},
     {"motion"}},
    /* A headline of two words in capitals is one too ("CHAIRMAN GAINS", "The chairman
     * gains today."); a sentence with an acronym first ("NASA gains") is none. */
    {"10",
     {"{\"id\":\"r\",\"stems\":[\"chairman\",\"gain\"],\"surface\":[\"CHAIRMAN\",\"GAINS\"],"
      "\"stop\":[0,0],\"sentences\":[0]}",
      "{\"id\":\"s\",\"stems\":[\"the\",\"chairman\",\"gain\",\"today\",\"nasa\",\"gain\"],"
      "\"surface\":[\"The\",\"chairman\",\"gains\",\"today\",\"NASA\",\"gains\"],"
      "\"stop\":[1,0,0,0,0,0],\"sentences\":[0,4]}"},
     {"chairman", "gains"},
     {"CHAIRMAN", "GAINS", "CHAIRMAN GAINS"}},
    {"10",
     {"{\"id\":\"n\",\"stems\":[\"nasa\",\"gain\",\"nasa\",\"gain\"],\"surface\":[\"NASA\",\"gains\","
      "\"NASA\",\"gains\"],\"stop\":[0,0,0,0],\"sentences\":[0,2]}"},
     {"NASA", "gains"},
     {"nasa"}},
    /* Past a headline's first word, a third person that wire headlines use as a verb, though it
     * is a noun's plural too (headlineverbs.h), is the headline's verb where the corpus writes
     * it in lower case: "TAIWAN ISSUES MORE CDS" gives "Taiwan" and "CDS", and no "TAIWAN
     * ISSUES" (keywords 1.65). The corpus's noun ("bond issues") is no verb. */
    {"10",
     {"{\"id\":\"t\",\"stems\":[\"taiwan\",\"issu\",\"more\",\"cds\"],"
      "\"surface\":[\"TAIWAN\",\"ISSUES\",\"MORE\",\"CDS\"],\"stop\":[0,0,1,0],\"sentences\":[0]}",
      "{\"id\":\"b\",\"stems\":[\"the\",\"bank\",\"of\",\"taiwan\",\"sold\",\"bond\",\"issu\"],"
      "\"surface\":[\"The\",\"bank\",\"of\",\"Taiwan\",\"sold\",\"bond\",\"issues\"],"
      "\"stop\":[1,0,1,0,0,0,0],\"sentences\":[0]}"},
     {"Taiwan"},
     {"TAIWAN ISSUES", "Taiwan issues", "ISSUES", "issues"}},
    /* So is a past there, in "-ed" or "rose" and "fell": "FED EXPECTED TO ADD RESERVES" gives
     * no "FED EXPECTED", as the story's "analysts expected" would not be either. */
    {"10",
     {"{\"id\":\"f\",\"stems\":[\"fed\",\"expect\",\"to\",\"add\",\"reserv\"],"
      "\"surface\":[\"FED\",\"EXPECTED\",\"TO\",\"ADD\",\"RESERVES\"],\"stop\":[0,0,1,0,0],"
      "\"sentences\":[0]}",
      "{\"id\":\"e\",\"stems\":[\"the\",\"fed\",\"was\",\"expect\",\"to\",\"add\",\"reserv\"],"
      "\"surface\":[\"The\",\"Fed\",\"was\",\"expected\",\"to\",\"add\",\"reserves\"],"
      "\"stop\":[1,0,1,0,1,0,0],\"sentences\":[0]}"},
     {"Fed"},
     {"FED EXPECTED", "Fed expected"}},
    /* A firm's name before its legal form, opening a headline in capitals, is a name and shown
     * as one, though the corpus writes its words in lower case ("Farmers"), but for a short
     * word the corpus says nothing of, as acronyms are ("IDB"): "IDB FARMERS GROUP INC <FGRP>
     * NET UP" beside GROUP_AND_ACME. "Farmers Group" and "IDB" picked apart make up the whole
     * name, which takes their place (keywords 1.54); "IDB" ends the short list. */
    {"4",
     {"{\"id\":\"f\",\"stems\":[\"idb\",\"farmer\",\"group\",\"inc\",\"fgrp\",\"net\",\"up\"],"
      "\"surface\":[\"IDB\",\"FARMERS\",\"GROUP\",\"INC\",\"FGRP\",\"NET\",\"UP\"],"
      "\"stop\":[0,0,0,0,0,0,1],\"sentences\":[0],\"clauses\":[4,5]}",
      GROUP_AND_ACME},
     {"IDB Farmers Group", "IDB"},
     {"Farmers Group", "farmers group", "group", "farmers", "Farmers", "Group", "Idb", "FARMERS GROUP"}},
    /* A firm's name of three words takes the place of its first two, which a document alone
     * vouches for as it does for a name it writes capitalised (keywords 1.65): "ACME WIDGET
     * GEAR INC <ACG> 4TH QTR NET" gives "Acme Widget Gear", not "Acme Widget" and "Gear". */
    {"10",
     {"{\"id\":\"w\",\"stems\":[\"acm\",\"widget\",\"gear\",\"inc\",\"acg\",\"4th\",\"qtr\",\"net\"],"
      "\"surface\":[\"ACME\",\"WIDGET\",\"GEAR\",\"INC\",\"ACG\",\"4TH\",\"QTR\",\"NET\"],"
      "\"stop\":[0,0,0,0,0,0,0,0],\"sentences\":[0],\"clauses\":[4,5]}"},
     {"Acme Widget Gear"},
     {"Acme Widget", "ACME WIDGET"}},
    /* "and" and "of" inside a firm's name join it, shown in lower case, with no corpus to say
     * that the parts make one name ("Horn and Hardart"), and the name may run two words longer
     * than max-words, as a name written capitalised may (keywords 1.65). */
    {"10",
     {"{\"id\":\"h\",\"stems\":[\"horn\",\"and\",\"hardart\",\"co\",\"hor\",\"net\"],"
      "\"surface\":[\"HORN\",\"AND\",\"HARDART\",\"CO\",\"HOR\",\"NET\"],"
      "\"stop\":[0,1,0,0,0,0],\"sentences\":[0],\"clauses\":[4,5]}"},
     {"Horn and Hardart"},
     {"Horn AND Hardart", "HORN AND HARDART"}},
    {"10",
     {"{\"id\":\"f\",\"stems\":[\"famili\",\"steak\",\"hous\",\"of\",\"florida\",\"inc\",\"ryfl\",\"net\"],"
      "\"surface\":[\"FAMILY\",\"STEAK\",\"HOUSES\",\"OF\",\"FLORIDA\",\"INC\",\"RYFL\",\"NET\"],"
      "\"stop\":[0,0,0,1,0,0,0,0],\"sentences\":[0],\"clauses\":[6,7]}"},
     {"Family Steak Houses of Florida"},
     {"Family Steak Houses", "Family Steak", "Family Steak Houses OF Florida"}},
    /* A firm's name begins after the headline's verb, which the word tables tell ("S/P
     * UPGRADES ACME WIDGET <ACW> DEBT" names "Acme Widget", not "S P UPGRADES ACME WIDGET"),
     * and a headline of capitals with letters alone in it ("S/P") is in capitals, so that the
     * corpus's "upgraded" makes "UPGRADES" its verb: no "P UPGRADES" (keywords 1.65). */
    {"10",
     {"{\"id\":\"s\",\"stems\":[\"s\",\"p\",\"upgrad\",\"acm\",\"widget\",\"acw\",\"debt\"],"
      "\"surface\":[\"S\",\"P\",\"UPGRADES\",\"ACME\",\"WIDGET\",\"ACW\",\"DEBT\"],"
      "\"stop\":[0,0,0,0,0,0,0],\"sentences\":[0],\"clauses\":[5,6],\"codes\":[5]}",
      "{\"id\":\"m\",\"stems\":[\"moodi\",\"upgrad\",\"the\",\"debt\"],"
      "\"surface\":[\"Moody's\",\"upgraded\",\"the\",\"debt\"],\"stop\":[0,0,1,0],\"sentences\":[0]}"},
     {"Acme Widget"},
     {"S P UPGRADES ACME WIDGET", "P UPGRADES ACME WIDGET", "UPGRADES ACME WIDGET", "P UPGRADES", "P upgrades",
      "S P UPGRADES"}},
    /* "ROSE", "FELL" and "LED" in a headline in capitals are its verb, in no phrase, as in
     * lower case: "TREASURY BALANCES AT FED ROSE. Balances at the Fed rose." (keywords 1.66;
     * the corpus counts no casing of "rose", which is in no phrase, so the rule was idle), but
     * for a name the story writes capitalised (below: "Pete Rose"). */
    {"10",
     {"{\"id\":\"f\",\"stems\":[\"treasuri\",\"balanc\",\"at\",\"fed\",\"rose\",\"balanc\",\"at\",\"the\","
      "\"fed\",\"rose\"],\"surface\":[\"TREASURY\",\"BALANCES\",\"AT\",\"FED\",\"ROSE\",\"Balances\",\"at\","
      "\"the\",\"Fed\",\"rose\"],\"stop\":[0,0,1,0,0,0,1,1,0,0],\"sentences\":[0,5]}"},
     {"Fed", "TREASURY BALANCES"},
     {"FED ROSE", "Fed Rose", "ROSE", "Rose", "rose"}},
    /* A legal form after other words ends no name: "U.S. TO SUE ACME INC". */
    {"10", {GROUP_AND_ACME}, {"SUE ACME", "U.S."}, {"SUE Acme", "Sue Acme", "U.s."}},
    /* The word after the firm's name and its ticker, ending in "s", is the headline's verb, in
     * no phrase: "ACME CORP <ACMS> SETS QUARTERLY DIVIDEND" (a ticker may end in "s" too). */
    {"10",
     {"{\"id\":\"v\",\"stems\":[\"acm\",\"corp\",\"acms\",\"set\",\"quarter\",\"dividend\"],"
      "\"surface\":[\"ACME\",\"CORP\",\"ACMS\",\"SETS\",\"QUARTERLY\",\"DIVIDEND\"],"
      "\"stop\":[0,0,0,0,0,0],\"sentences\":[0],\"clauses\":[2,3]}"},
     {"Acme", "ACMS", "QUARTERLY DIVIDEND"},
     {"SETS", "SETS QUARTERLY", "SETS QUARTERLY DIVIDEND"}},
};

START_TEST(test_headline_corpus_case)
{
    /* A word only a headline holds is shown as the rest of the corpus writes it inside
     * sentences; a phrase whose words the corpus writes as a name's and as common words'
     * ("Humana", "regular") is left as the headline writes it, not rewritten in part. "DIVIDEND
     * RAISED", a subject and its verb, is no phrase since keywords 1.65. */
    assert_first("10", shouted_and_told, (const char *[]){"Humana", "dividend", "raised", "HUMANA REGULAR", NULL},
                 (const char *[]){"HUMANA", "DIVIDEND RAISED", "dividend raised", "Humana regular", "Humana REGULAR",
                                  NULL});
    for (size_t i = 0; i < sizeof headline_cases / sizeof *headline_cases; i++) {
        const corpus_case *c = &headline_cases[i];
        assert_first(c->top, c->docs, c->shown, c->hidden);
    }
    /* Without the corpus (the document alone) the headline's forms stay. */
    assert_top("10", shouted_and_told[0], (const char *[]){"HUMANA", NULL}, (const char *[]){"dividend", NULL});
    /* "ROSE" is a name's where the story writes it capitalised: "PETE ROSE SIGNS. Pete Rose
     * signed." counts the headline's "PETE ROSE" for the name, which comes before "Pete". */
    char *kw = keywords_top("10", "{\"id\":\"p\",\"stems\":[\"pete\",\"rose\",\"sign\",\"pete\",\"rose\",\"sign\"],"
                                  "\"surface\":[\"PETE\",\"ROSE\",\"SIGNS\",\"Pete\",\"Rose\",\"signed\"],"
                                  "\"stop\":[0,0,0,0,0,0],\"sentences\":[0,3]}");
    const char *name = strstr(kw, "[\"Pete Rose\","), *first = strstr(kw, "[\"Pete\",");
    ck_assert_msg(name && first && name < first, "%s", kw);
    free(kw);
}
END_TEST

/* "Net loss narrowed. Sales rose.", the rows of an earnings table as wire copy writes them,
 * whose capitals only a sentence's start gives; and "The net loss and the sales grew." */
#define NET_LOSS_ROWS                                                                                             \
    "{\"id\":\"e\",\"stems\":[\"net\",\"loss\",\"narrow\",\"sale\",\"rose\"],\"surface\":[\"Net\",\"loss\","      \
    "\"narrowed\",\"Sales\",\"rose\"],\"stop\":[0,0,0,0,0],\"sentences\":[0,3]}"
#define NET_LOSS_TOLD                                                                                             \
    "{\"id\":\"t\",\"stems\":[\"the\",\"net\",\"loss\",\"and\",\"the\",\"sale\",\"grew\"],\"surface\":[\"The\","  \
    "\"net\",\"loss\",\"and\",\"the\",\"sales\",\"grew\"],\"stop\":[1,0,0,1,1,0,0],\"sentences\":[0]}"

/* "Ball Corp won. Ball set terms.", and "The foot and the ball hurt." */
#define BALL_CORP                                                                                                 \
    "{\"id\":\"b\",\"stems\":[\"ball\",\"corp\",\"won\",\"ball\",\"set\",\"term\"],\"surface\":[\"Ball\","        \
    "\"Corp\",\"won\",\"Ball\",\"set\",\"terms\"],\"stop\":[0,0,0,0,0,0],\"sentences\":[0,3]}"
#define FOOT_AND_BALL                                                                                             \
    "{\"id\":\"h\",\"stems\":[\"the\",\"foot\",\"and\",\"the\",\"ball\",\"hurt\"],\"surface\":[\"The\","          \
    "\"foot\",\"and\",\"the\",\"ball\",\"hurt\"],\"stop\":[1,0,1,1,0,0],\"sentences\":[0]}"

/* Phrases that only sentences' starts hold, shown as the corpus writes their first word. */
static const corpus_case start_cases[] = {
    /* Rows of a table: "net loss" and "sales", as the other story writes them (keywords
     * 1.66). */
    {"10", {NET_LOSS_ROWS, NET_LOSS_TOLD}, {"net loss", "sales"}, {"Net loss", "Sales"}},
    /* A firm whose name the story gives once in full keeps its capital, though the corpus
     * writes "foot" and "ball": "Foote Mineral agreed. Foote said terms were set.", and "Ball"
     * before its legal form (next). */
    {"10",
     {"{\"id\":\"f\",\"stems\":[\"foot\",\"miner\",\"agre\",\"foot\",\"said\",\"term\",\"were\",\"set\"],"
      "\"surface\":[\"Foote\",\"Mineral\",\"agreed\",\"Foote\",\"said\",\"terms\",\"were\",\"set\"],"
      "\"stop\":[0,0,0,0,0,0,1,0],\"sentences\":[0,3]}",
      BALL_CORP,
      FOOT_AND_BALL},
     {"Foote Mineral", "Foote"},
     {"foote", "foote Mineral"}},
    {"10", {BALL_CORP, FOOT_AND_BALL}, {"Ball"}, {"ball"}},
    /* A capital further on keeps the first: "Federal Reserve met. Federal Reserve acted.",
     * "The federal budget grew." */
    {"10",
     {"{\"id\":\"r\",\"stems\":[\"feder\",\"reserv\",\"met\",\"feder\",\"reserv\",\"act\"],\"surface\":"
      "[\"Federal\",\"Reserve\",\"met\",\"Federal\",\"Reserve\",\"acted\"],\"stop\":[0,0,0,0,0,0],"
      "\"sentences\":[0,3]}",
      "{\"id\":\"g\",\"stems\":[\"the\",\"feder\",\"budget\",\"grew\"],\"surface\":[\"The\",\"federal\","
      "\"budget\",\"grew\"],\"stop\":[1,0,0,0],\"sentences\":[0]}"},
     {"Federal Reserve"},
     {"federal Reserve", "federal reserve"}},
};

START_TEST(test_start_corpus_case)
{
    for (size_t i = 0; i < sizeof start_cases / sizeof *start_cases; i++) {
        const corpus_case *c = &start_cases[i];
        assert_first(c->top, c->docs, c->shown, c->hidden);
    }
    /* Where the corpus never writes the word inside a sentence, its form stays. */
    assert_top("10", NET_LOSS_ROWS, (const char *[]){"Net loss", "Sales", NULL},
               (const char *[]){"net loss", "sales", NULL});
}
END_TEST

/* Documents made from FORMAT and OTHER (JSON, with "%d" for a document's number): "The board
 * agreed in principle to the merger.", "The board agreed the principle to the merger.", and
 * "Principle" for "principle"; "A spokesman said the merger was agreed." and "A spokesman met
 * the merger board." */
#define KW_IN_PRINCIPLE(word)                                                                                          \
    "{\"id\":\"d%d\",\"stems\":[\"the\",\"board\",\"agre\",\"in\",\"principl\",\"to\",\"the\",\"merger\"],"             \
    "\"surface\":[\"The\",\"board\",\"agreed\",\"in\",\"" word "\",\"to\",\"the\",\"merger\"],"                       \
    "\"stop\":[1,0,0,1,0,1,1,0],\"sentences\":[0]}"
#define KW_THE_PRINCIPLE                                                                                               \
    "{\"id\":\"d%d\",\"stems\":[\"the\",\"board\",\"agre\",\"the\",\"principl\",\"to\",\"the\",\"merger\"],"            \
    "\"surface\":[\"The\",\"board\",\"agreed\",\"the\",\"principle\",\"to\",\"the\",\"merger\"],"                     \
    "\"stop\":[1,0,0,1,0,1,1,0],\"sentences\":[0]}"
#define KW_SPOKESMAN_SAID                                                                                              \
    "{\"id\":\"d%d\",\"stems\":[\"a\",\"spokesman\",\"said\",\"the\",\"merger\",\"was\",\"agre\"],"                    \
    "\"surface\":[\"A\",\"spokesman\",\"said\",\"the\",\"merger\",\"was\",\"agreed\"],"                               \
    "\"stop\":[1,0,1,1,0,1,0],\"sentences\":[0]}"
#define KW_SPOKESMAN_MET                                                                                               \
    "{\"id\":\"d%d\",\"stems\":[\"a\",\"spokesman\",\"met\",\"the\",\"merger\",\"board\"],"                            \
    "\"surface\":[\"A\",\"spokesman\",\"met\",\"the\",\"merger\",\"board\"],\"stop\":[1,0,0,1,0,0],\"sentences\":[0]}"

/* Scores N documents, the first N - OTHERS of FORMAT and the rest of OTHER (KW_IN_PRINCIPLE and
 * the like), and asserts that the first document's list holds SCORED. */
static void assert_idiom_scored(int n, const char *format, int others, const char *other, const char *scored)
{
    char *docs[32], body[512];
    ck_assert_int_le(n, 31);
    for (int i = 0; i < n; i++) {
        snprintf(body, sizeof body, i >= n - others ? other : format, i);
        docs[i] = strdup(body);
    }
    docs[n] = NULL;
    const char *kv[] = {"top", "20", "table", "0", NULL};
    char *j = first_json(kv, (const char *const *)docs, NULL);
    ck_assert_msg(strstr(j, scored) != NULL, "%s missing in %s", scored, j);
    free(j);
    for (int i = 0; i < n; i++)
        free(docs[i]);
}

START_TEST(test_idioms)
{
    /* "in principle" in 20 documents of 20: a set phrase, and "principle" gets no noun-phrase
     * bonus. Every document alike: idf 1. principle: sqrt(8) x 5^-0.1 = 2.407953; with the
     * bonus, x 2.5 = 6.019882. */
    const char *in = KW_IN_PRINCIPLE("principle");
    assert_idiom_scored(20, in, 0, NULL, "[\"principle\",2.40795");
    /* Seen 19 times, it tells too little: the bonus stays. */
    assert_idiom_scored(19, in, 0, NULL, "[\"principle\",6.01988");
    /* After a preposition in 14 of its 20 occurrences (70%), a set phrase; in 13 (65%, "the
     * principle" in 7 documents), not. */
    assert_idiom_scored(20, in, 6, KW_THE_PRINCIPLE, "[\"principle\",2.40795");
    assert_idiom_scored(20, in, 7, KW_THE_PRINCIPLE, "[\"principle\",6.01988");
    /* A set phrase's noun after a determiner is a noun phrase still: "the principle" beside 20
     * "in principle". */
    assert_idiom_scored(21, KW_THE_PRINCIPLE, 20, in, "[\"principle\",6.01988");
    /* Only words in lower case count: "Principle" is no set phrase's noun, here a name's. */
    assert_idiom_scored(20, KW_IN_PRINCIPLE("Principle"), 0, NULL, "[\"Principle\",6.01988");
    /* "A spokesman said" in 10 of 20 documents (half): the source of a quote, with no bonus after
     * "A"; in 9 of 20, a noun phrase. spokesman: sqrt(9) x 2^-0.1 = 2.799099, x 2.5 = 6.997747. */
    assert_idiom_scored(20, KW_SPOKESMAN_SAID, 10, KW_SPOKESMAN_MET, "[\"spokesman\",2.79909");
    assert_idiom_scored(20, KW_SPOKESMAN_SAID, 11, KW_SPOKESMAN_MET, "[\"spokesman\",6.99774");
    assert_idiom_scored(19, KW_SPOKESMAN_SAID, 0, NULL, "[\"spokesman\",6.99774");
}
END_TEST

/* Whether NEEDLE is in the text from FROM up to (not into) TO, a later point of the same text. */
static int in_section(const char *from, const char *to, const char *needle)
{
    const char *at = strstr(from, needle);
    return at && at < to;
}

/* A file that a parameter names and the stage refuses: its name in the test's folder, its
 * contents (NULL: not written, so missing), and what the message must hold. */
typedef struct refused_file {
    const char *name, *contents, *why;
} refused_file;

/* Each of the N FILES, written into DIR and given as parameter PARAM, stops the stage at open
 * with a message holding its why. */
static void assert_files_refused(const char *dir, const char *param, const refused_file *files, int n)
{
    char path[4096];
    for (int i = 0; i < n; i++) {
        if (files[i].contents)
            testutil_write(dir, files[i].name, files[i].contents, strlen(files[i].contents), 0);
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        quarry_buf err = {0};
        quarry_harness *b = testutil_harness("keywords", NULL, dir, NULL, 0);
        ck_assert_int_eq(quarry_harness_set(b, param, path, &err), 0);
        ck_assert_int_eq(quarry_harness_open(b, &err), -1);
        ck_assert_msg(strstr(err.data, files[i].why) != NULL, "%s", err.data);
        quarry_buf_free(&err);
        quarry_harness_free(b);
    }
}

START_TEST(test_model_round_trip_and_errors)
{
    char *dir = testutil_tempdir();
    const char *kv[] = {"method", "tfidf", "save-model", "df.model", "table", "0", NULL};
    quarry_harness_free(run(kv, two_docs, dir));
    size_t len;
    char *model = testutil_read(dir, "df.model", &len);
    ck_assert_ptr_nonnull(model);
    ck_assert_msg(strstr(model, "# quarry keywords model 7\ndocuments\t2\nfield\tstems\nmax-words\t3\n") == model,
                  "%s", model);
    /* No word is written with a possessive, so that section is empty; the two documents' keys
     * come last, in order, and the end line after them. A key must never change, or a model
     * saved before would count its documents again: these are XXH3's, pinned. */
    ck_assert_msg(strstr(model, "\npossessives\ncounted\n") != NULL, "%s", model);
    const char *counted = strstr(model, "\ncounted\n");
    ck_assert_msg(counted && !strcmp(counted, "\ncounted\n7f0d3cc623bb7b8a\ncf8250bd4c1b645f\nend\n"), "%s", model);
    ck_assert_msg(strstr(model, "\nministri\t2\n") != NULL, "%s", model);
    /* How the documents write their words inside sentences: "Ministry" twice capitalised,
     * "attacks" twice in lower case; "cyber" only ever starts a sentence. */
    const char *casings = strstr(model, "\ncasings\n"), *idioms = casings ? strstr(casings, "\nidioms\n") : NULL;
    ck_assert_msg(idioms && in_section(casings, idioms, "\nministri\t0\t2\t0\t0\n") &&
                      in_section(casings, idioms, "\nattack\t2\t0\t0\t0\n") &&
                      !in_section(casings, idioms, "\ncyber\t"),
                  "%s", model);
    /* The words written in lower case, seen how often, how often right after a preposition and
     * how often beside a reporting verb: "attacks" twice, after none ("Cyber attacks"), beside
     * none; "cyber" once, as "Cyber" is not in lower case, nor is "Ministry"; "the" is no
     * phrase word. */
    ck_assert_msg(strstr(idioms, "\nattacks\t2\t0\t0\n") && strstr(idioms, "\nacts\t1\t0\t0\n") &&
                      strstr(idioms, "\ncyber\t1\t0\t0\n") && !strstr(idioms, "inistr") &&
                      !strstr(idioms, "\nthe\t"),
                  "%s", model);
    free(model);
    /* A later run of a headline alone in capitals shows its words as the model's documents
     * wrote them: "MINISTRY ACTS ON CYBER ATTACKS". */
    char path[4096];
    snprintf(path, sizeof path, "%s/df.model", dir);
    const char *kv_case[] = {"model", path, "table", "0", NULL};
    const char *shouted[] = {"{\"id\":\"h\",\"stems\":[\"ministri\",\"act\",\"on\",\"cyber\",\"attack\"],"
                             "\"surface\":[\"MINISTRY\",\"ACTS\",\"ON\",\"CYBER\",\"ATTACKS\"],"
                             "\"stop\":[0,0,1,0,0],\"sentences\":[0]}",
                             NULL};
    char *j = keywords_part(first_json(kv_case, shouted, dir));
    assert_lists(j, (const char *[]){"Ministry", "attacks", "CYBER ATTACKS", NULL}, (const char *[]){NULL});
    free(j);
    /* A nightly run: the model's two documents and this run's one, b's words under another id,
     * make three. */
    const char *kv2[] = {"method", "tfidf", "model", path, "save-model", "df2.model", "table", "0", NULL};
    const char *one[] = {"{\"id\":\"c\",\"stems\":[\"the\",\"ministri\",\"act\"],"
                         "\"surface\":[\"The\",\"Ministry\",\"acts\"],\"stop\":[1,0,0],\"sentences\":[0]}",
                         NULL};
    j = first_json(kv2, one, dir);
    /* "ministri" is in all 3 documents: idf = ln(4/4) + 1 = 1; "act" in 2 (document b of the
     * model's run, and of this one): ln(4/3) + 1. */
    ck_assert_msg(strstr(j, "[\"Ministry\",1]") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "[\"acts\",1.287682") != NULL, "%s", j);
    free(j);
    model = testutil_read(dir, "df2.model", &len);
    ck_assert_msg(strstr(model, "documents\t3\n") && strstr(model, "\nministri\t3\n") &&
                      strstr(model, "\nministri\t0\t3\t0\t0\n") && strstr(model, "\nacts\t2\t0\t0\n"),
                  "%s", model);
    free(model);
    /* A run of b again (the same id and words): the model counted it, so it is not counted
     * twice, and the run scores as the model's run did; its model is the one it read. */
    char *before = testutil_read(dir, "df.model", &len);
    const char *again[] = {two_docs[1], NULL};
    j = first_json(kv2, again, dir);
    ck_assert_msg(strstr(j, "[\"acts\",1.405465") != NULL, "%s", j); /* ln(3/2) + 1, as in a and b's run */
    free(j);
    model = testutil_read(dir, "df2.model", &len);
    ck_assert_str_eq(model, before);
    free(model);
    free(before);
    /* A model of the first version, without its settings, and one of the third, without idioms,
     * still load. */
    static const char v1[] = "# quarry keywords model 1\ndocuments\t2\nministri\t2\n";
    testutil_write(dir, "v1.model", v1, sizeof v1 - 1, 0);
    snprintf(path, sizeof path, "%s/v1.model", dir);
    const char *kv3[] = {"method", "tfidf", "model", path, "table", "0", NULL};
    j = first_json(kv3, one, dir);
    ck_assert_msg(strstr(j, "[\"Ministry\",1]") != NULL, "%s", j);
    free(j);
    static const char v3[] = "# quarry keywords model 3\ndocuments\t2\nfield\tstems\nmax-words\t3\nministri\t2\n"
                             "casings\nministri\t0\t2\t0\t0\n";
    testutil_write(dir, "v3.model", v3, sizeof v3 - 1, 0);
    snprintf(path, sizeof path, "%s/v3.model", dir);
    j = first_json(kv3, one, dir);
    ck_assert_msg(strstr(j, "[\"Ministry\",1]") != NULL, "%s", j);
    free(j);
    /* A model that is not one, one cut short (at a line's end too, where a version 7 model
     * lacks its end line), one with its settings out of place or a line after its end, and one
     * of phrases of another list (tokens, where this run's are of stems) are refused, with the
     * file and line. */
    static const refused_file bad[] = {
        {"bad.model", "id\tcount\n", "bad.model:1: not a keywords model"},
        {"short.model", "# quarry keywords model 1\n", "short.model:1: truncated: no 'documents' line"},
        {"short2.model", "# quarry keywords model 2\ndocuments\t2\nfield\tstems\n",
         "short2.model:3: truncated: no 'field' and 'max-words' lines"},
        {"swapped.model", "# quarry keywords model 2\ndocuments\t2\nmax-words\t3\nfield\tstems\n",
         "swapped.model:3: expected 'field<TAB>...'"},
        {"tokens.model", "# quarry keywords model 2\ndocuments\t2\nfield\ttokens\nmax-words\t3\nact\t1\n",
         "tokens.model: a model of phrases of 'tokens', and this run's are of 'stems'"},
        {"casing.model",
         "# quarry keywords model 3\ndocuments\t2\nfield\tstems\nmax-words\t3\nact\t1\n"
         "casings\nact\t1\t0\t0\t0\nminis\t2\t0\n",
         "casing.model:8: expected a word and four counts, tab-separated"},
        {"idiom.model",
         "# quarry keywords model 4\ndocuments\t2\nfield\tstems\nmax-words\t3\nact\t1\n"
         "casings\nact\t1\t0\t0\t0\nidioms\nacts\t1\t0\nprinciple\t20\n",
         "idiom.model:10: expected a word and two counts, tab-separated"},
        {"source.model",
         "# quarry keywords model 5\ndocuments\t2\nfield\tstems\nmax-words\t3\nact\t1\n"
         "casings\nact\t1\t0\t0\t0\nidioms\nacts\t1\t0\t0\nspokesman\t20\t0\n",
         "source.model:10: expected a word and three counts, tab-separated"},
        {"key.model",
         "# quarry keywords model 6\ndocuments\t2\nfield\tstems\nmax-words\t3\nact\t1\n"
         "casings\nidioms\ncounted\n0123456789abcdef\n0123456789ABCDEF\n",
         "key.model:10: expected a document's key: 16 hexadecimal digits"},
        {"named.model",
         "# quarry keywords model 6\ndocuments\t2\nfield\tstems\nmax-words\t3\nact\t1\n"
         "casings\nidioms\npossessives\nmoodi\t3\nmoodi\n",
         "named.model:10: expected a word and a count, tab-separated"},
        {"cut.model",
         "# quarry keywords model 7\ndocuments\t2\nfield\tstems\nmax-words\t3\nact\t1\n"
         "casings\nidioms\npossessives\ncounted\n0123456789abcdef\n",
         "cut.model:10: truncated: no 'end' line after the last (the file was cut short)"},
        {"cut2.model", "# quarry keywords model 7\ndocuments\t2\nfield\tstems\nmax-words\t3\nact\t1\n",
         "cut2.model:5: truncated: no 'end' line after the last (the file was cut short)"},
        {"after.model",
         "# quarry keywords model 7\ndocuments\t2\nfield\tstems\nmax-words\t3\nact\t1\n"
         "casings\nidioms\npossessives\ncounted\nend\nact\t1\n",
         "after.model:11: a line after the 'end' line"}};
    assert_files_refused(dir, "model", bad, (int)(sizeof bad / sizeof *bad));
    testutil_rmtree(dir);
    free(dir);
}
END_TEST

/* A background corpus's document frequencies, counted as background-weight documents: TF-IDF
 * against a hand computation; no part of a saved model; a background of another list, of no
 * documents or missing refused. */
START_TEST(test_background_by_hand)
{
    char *dir = testutil_tempdir();
    /* Ten documents, "cyber attack" in 5 and "ministri" in all: a whole model, casings and all,
     * serves as a background. */
    static const char general[] = "# quarry keywords model 5\ndocuments\t10\nfield\tstems\nmax-words\t3\n"
                                  "cyber attack\t5\nministri\t10\ncasings\nministri\t0\t0\t9\t0\n";
    testutil_write(dir, "general.model", general, sizeof general - 1, 0);
    char path[4096];
    snprintf(path, sizeof path, "%s/general.model", dir);
    /* Weight 4: each background document counts as 0.4. Of document a, over 2 + 4 documents:
     * "cyber attack" (tf 2) is in 1 + 0.4 * 5: 2 * (ln(7 / 4) + 1) = 3.1192316; "cyber" (tf 2), in
     * 1 + 0: 2 * (ln(7 / 2) + 1) = 4.5055259; "ministri" in 2 + 0.4 * 10: ln(7 / 7) + 1 = 1. */
    const char *kv[] = {"method", "tfidf", "top", "20", "table", "0", "background", path, "background-weight", "4",
                        NULL};
    char *j = first_json(kv, two_docs, dir);
    ck_assert_msg(strstr(j, "[\"Cyber attacks\",3.119231") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "[\"Cyber\",4.505525") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "[\"Ministry\",1]") != NULL, "%s", j);
    free(j);
    /* The background is no part of the corpus: a model saved beside it holds this run's two
     * documents alone. */
    const char *kv_save[] = {"background", path, "save-model", "df.model", "table", "0", NULL};
    quarry_harness_free(run(kv_save, two_docs, dir));
    size_t len;
    char *model = testutil_read(dir, "df.model", &len);
    ck_assert_msg(strstr(model, "documents\t2\n") && strstr(model, "\nministri\t2\n") &&
                      strstr(model, "\nministri\t0\t2\t0\t0\n"),
                  "%s", model);
    free(model);
    static const refused_file bad[] = {
        {"tokens.model", "# quarry keywords model 5\ndocuments\t2\nfield\ttokens\nmax-words\t3\nact\t1\n",
         "tokens.model: a model of phrases of 'tokens', and this run's are of 'stems' (field = tokens, or a "
         "background of the same phrases)"},
        {"empty.model", "# quarry keywords model 5\ndocuments\t0\nfield\tstems\nmax-words\t3\n",
         "empty.model: a background of no documents says nothing of general use"},
        {"none.model", NULL, "cannot open the keywords model"}};
    assert_files_refused(dir, "background", bad, (int)(sizeof bad / sizeof *bad));
    testutil_rmtree(dir);
    free(dir);
}
END_TEST

START_TEST(test_methods_and_table)
{
    const char *methods[] = {"tfidf", "yake", "rake", "combined"};
    for (int m = 0; m < 4; m++) {
        const char *kv[] = {"method", methods[m], "top", "3", NULL};
        quarry_harness *h = run(kv, two_docs, NULL);
        /* Two documents with at most 3 keyphrases each, then the corpus table. */
        size_t n = quarry_harness_output_count(h);
        ck_assert_uint_gt(n, 2);
        const quarry_value *kw = quarry_get(quarry_harness_output(h, 0), "keywords");
        ck_assert_uint_eq(quarry_value_size(kw), 3);
        const quarry_record *row = quarry_harness_output(h, 2);
        size_t len;
        ck_assert_mem_eq(quarry_get_string(row, "_table", &len), "keywords", 8);
        /* "Ministry" is the only phrase of both documents' tops only if the method ranks it so;
         * every method puts it in the table with a document count of 1 or 2. */
        ck_assert_int_ge(quarry_value_int(quarry_get(row, "documents")), 1);
        for (size_t i = 0; i + 1 < quarry_value_size(kw); i++) /* best first */
            ck_assert(quarry_value_float(quarry_value_at(quarry_value_at(kw, i), 1)) >=
                      quarry_value_float(quarry_value_at(quarry_value_at(kw, i + 1), 1)));
        quarry_harness_free(h);
    }
}
END_TEST

/* The row of H's corpus table that shows KEYWORD, or NULL. */
static const quarry_record *table_row(quarry_harness *h, const char *keyword)
{
    for (size_t i = 0; i < quarry_harness_output_count(h); i++) {
        const quarry_record *r = quarry_harness_output(h, i);
        size_t len;
        const char *k = quarry_get_string(r, "keyword", &len);
        if (k && len == strlen(keyword) && !memcmp(k, keyword, len))
            return r;
    }
    return NULL;
}

/* The corpus table shows a phrase spelled three ways in three documents' lists once, apart as
 * a tie goes, in all three documents, with the stems and document frequency of that spelling.
 * A firm's name spelled as a word ("Tele-Communications", "telecommunications") stays apart. */
START_TEST(test_table_spellings)
{
    const char *const docs[] = {
        "{\"id\":\"a\",\"stems\":[\"cyber\",\"secur\",\"rose\",\"cyber\",\"secur\",\"fell\"],\"surface\":[\"cyber\","
        "\"security\",\"rose\",\"cyber\",\"security\",\"fell\"],\"stop\":[0,0,0,0,0,0],\"sentences\":[0,3]}",
        "{\"id\":\"b\",\"stems\":[\"cyber-secur\",\"fell\"],\"surface\":[\"cyber-security\",\"fell\"],"
        "\"stop\":[0,0],\"sentences\":[0]}",
        "{\"id\":\"c\",\"stems\":[\"cybersecur\",\"grew\"],\"surface\":[\"cybersecurity\",\"grew\"],"
        "\"stop\":[0,0],\"sentences\":[0]}",
        "{\"id\":\"d\",\"stems\":[\"the\",\"tele-commun\",\"deal\"],\"surface\":[\"the\",\"Tele-Communications\","
        "\"deal\"],\"stop\":[1,0,0],\"sentences\":[0]}",
        "{\"id\":\"e\",\"stems\":[\"the\",\"telecommun\",\"law\"],\"surface\":[\"the\",\"telecommunications\","
        "\"law\"],\"stop\":[1,0,0],\"sentences\":[0]}",
        NULL};
    const char *kv[] = {"top", "3", NULL};
    quarry_harness *h = run(kv, docs, NULL);
    const quarry_record *row = table_row(h, "cyber security");
    ck_assert_ptr_nonnull(row);
    ck_assert_int_eq(quarry_value_int(quarry_get(row, "documents")), 3);
    ck_assert_int_eq(quarry_value_int(quarry_get(row, "df")), 1);
    size_t len;
    const char *stems = quarry_get_string(row, "stems", &len);
    ck_assert_uint_eq(len, strlen("cyber secur"));
    ck_assert_mem_eq(stems, "cyber secur", len);
    const char *const merged[] = {"cyber-security", "cybersecurity"};
    const char *const apart[] = {"Tele-Communications", "telecommunications"};
    for (size_t i = 0; i < 2; i++) {
        ck_assert_msg(!table_row(h, merged[i]), "%s has a row", merged[i]);
        ck_assert_msg(table_row(h, apart[i]) != NULL, "%s has no row", apart[i]);
    }
    quarry_harness_free(h);
}
END_TEST

/* Fills T with N tokens whose flags and classes all differ with SEED (no words: the store
 * reads none of them). */
static void classes_tokens(kw_tokens *t, size_t n, unsigned seed)
{
    t->stems.n = n;
    unsigned char **arrays[] = {&t->stop, &t->starts, &t->clauses, &t->codes, &t->lexical, &t->wordlike};
    for (size_t a = 0; a < sizeof arrays / sizeof *arrays; a++) {
        free(*arrays[a]);
        *arrays[a] = malloc(n ? n : 1);
        ck_assert_ptr_nonnull(*arrays[a]);
        for (size_t i = 0; i < n; i++)
            (*arrays[a])[i] = (unsigned char)(seed * 31 + a * 7 + i);
    }
}

static void classes_tokens_free(kw_tokens *t)
{
    free(t->stop);
    free(t->starts);
    free(t->clauses);
    free(t->codes);
    free(t->lexical);
    free(t->wordlike);
}

START_TEST(test_classes_kept)
{
    /* Room for 1,000 tokens' classes: two bytes a token. */
    kw_classes *c = kw_classes_new(2000);
    kw_tokens a = {0}, b = {0}, into = {0};
    classes_tokens(&a, 300, 1);
    classes_tokens(&b, 300, 2);
    uint64_t ka = kw_classes_key(7, &a), kb = kw_classes_key(7, &b);
    /* The key reads the flags: the same words (counted key 7) with other flags are another
     * document. */
    ck_assert(ka != kb);
    ck_assert_uint_eq(kw_classes_key(7, &a), ka);
    ck_assert(kw_classes_key(8, &a) != ka);
    kw_classes_keep(c, ka, &a);
    kw_classes_keep(c, ka, &a); /* the same document again: kept once */
    ck_assert_uint_eq(kw_classes_kept(c), 1);
    /* Taken back whole, into lists read afresh. */
    classes_tokens(&into, 300, 9);
    ck_assert_int_eq(kw_classes_take(c, ka, &into), 1);
    ck_assert_mem_eq(into.lexical, a.lexical, 300);
    ck_assert_mem_eq(into.wordlike, a.wordlike, 300);
    /* Unknown, or kept for another number of tokens: nothing taken, nothing changed. */
    classes_tokens(&into, 300, 9);
    ck_assert_int_eq(kw_classes_take(c, kb, &into), 0);
    classes_tokens(&b, 300, 9);
    ck_assert_mem_eq(into.lexical, b.lexical, 300);
    classes_tokens(&into, 299, 9);
    ck_assert_int_eq(kw_classes_take(c, ka, &into), 0);
    /* 600 tokens more fit (1,800 bytes); 101 more than that do not, and are counted. */
    classes_tokens(&b, 600, 2);
    kw_classes_keep(c, kw_classes_key(1, &b), &b);
    classes_tokens(&b, 101, 3);
    kw_classes_keep(c, kw_classes_key(1, &b), &b);
    ck_assert_uint_eq(kw_classes_kept(c), 2);
    ck_assert_uint_eq(kw_classes_refused(c), 1);
    ck_assert_int_eq(kw_classes_take(c, kw_classes_key(1, &b), &b), 0);
    /* What was kept first is still whole after the store grew. */
    classes_tokens(&into, 300, 9);
    ck_assert_int_eq(kw_classes_take(c, ka, &into), 1);
    ck_assert_mem_eq(into.lexical, a.lexical, 300);
    ck_assert_mem_eq(into.wordlike, a.wordlike, 300);
    /* A document of no tokens is kept and taken as any other. */
    classes_tokens(&b, 0, 4);
    kw_classes_keep(c, kw_classes_key(2, &b), &b);
    ck_assert_int_eq(kw_classes_take(c, kw_classes_key(2, &b), &b), 1);
    classes_tokens_free(&a);
    classes_tokens_free(&b);
    classes_tokens_free(&into);
    kw_classes_free(c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("keywords");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_tfidf_by_hand);
    tcase_add_test(tc, test_combined_by_hand);
    tcase_add_test(tc, test_noun_phrases);
    tcase_add_test(tc, test_possessive_dropped);
    tcase_add_test(tc, test_sentence_start_case);
    tcase_add_test(tc, test_past_tied_with_noun);
    tcase_add_test(tc, test_name_case_minority);
    tcase_add_test(tc, test_general_nouns);
    tcase_add_test(tc, test_measures_alone);
    tcase_add_test(tc, test_enclosed_words);
    tcase_add_test(tc, test_enclosing_phrase);
    tcase_add_test(tc, test_verbs_alone);
    tcase_add_test(tc, test_codes);
    tcase_add_test(tc, test_name_end_words);
    tcase_add_test(tc, test_name_end_confirmed);
    tcase_add_test(tc, test_unspaced_phrases);
    tcase_add_test(tc, test_function_words_split);
    tcase_add_test(tc, test_compound_modifier);
    tcase_add_test(tc, test_cut_names_and_verbs);
    tcase_add_test(tc, test_lexicon);
    tcase_add_test(tc, test_adverbs_split);
    tcase_add_test(tc, test_adjective_ends);
    tcase_add_test(tc, test_participle_with_object);
    tcase_add_test(tc, test_words_that_govern);
    tcase_add_test(tc, test_pieces_of_longer_phrases);
    tcase_add_test(tc, test_describing_words);
    tcase_add_test(tc, test_verb_phrases);
    tcase_add_test(tc, test_long_names);
    tcase_add_test(tc, test_middle_words);
    tcase_add_test(tc, test_first_words_of_names);
    tcase_add_test(tc, test_legal_forms_alone);
    tcase_add_test(tc, test_phrase_breaks);
    tcase_add_test(tc, test_places);
    tcase_add_test(tc, test_table_rows);
    tcase_add_test(tc, test_near_duplicates);
    tcase_add_test(tc, test_idioms);
    tcase_add_test(tc, test_names_merged);
    tcase_add_test(tc, test_names_from_the_corpus);
    tcase_add_test(tc, test_headings);
    tcase_add_test(tc, test_datelines);
    tcase_add_test(tc, test_names_ending_in_a_body);
    tcase_add_test(tc, test_names_with_foreign_joints);
    tcase_add_test(tc, test_names_with_of);
    tcase_add_test(tc, test_words_of_names_with_of);
    tcase_add_test(tc, test_acronyms_defined);
    tcase_add_test(tc, test_names_with_and);
    tcase_add_test(tc, test_possessive_names);
    tcase_add_test(tc, test_names_seen_once);
    tcase_add_test(tc, test_five_word_names);
    tcase_add_test(tc, test_scattered_names);
    tcase_add_test(tc, test_common_form);
    tcase_add_test(tc, test_headline_case);
    tcase_add_test(tc, test_headline_corpus_case);
    tcase_add_test(tc, test_start_corpus_case);
    tcase_add_test(tc, test_party_tags);
    tcase_add_test(tc, test_full_name);
    tcase_add_test(tc, test_model_round_trip_and_errors);
    tcase_add_test(tc, test_background_by_hand);
    tcase_add_test(tc, test_methods_and_table);
    tcase_add_test(tc, test_table_spellings);
    tcase_add_test(tc, test_classes_kept);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
