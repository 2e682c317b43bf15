/* test_tokenize.c: unit tests of the tokenize stage: the hard tokens of news text, sentences,
 * clauses, line breaks in wrapped and unwrapped text, other scripts, stop words, hyphen parts,
 * codes, word lists, hostile input. */
#include "testutil.h"
#include "alphabet.h"
#include "langguess.h"
#include "stoplists.h"
#include "scriptstop.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Tokenizes record R with KV parameters; returns the output record's JSON. */
static char *tok_record_json(const char *const *kv, const quarry_record *r)
{
    quarry_harness *h = testutil_harness("tokenize", kv, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    ck_assert(quarry_harness_push(h, r, &err) == 0);
    ck_assert(quarry_harness_finish(h, &err) == 0);
    char *j = testutil_json(quarry_harness_output(h, 0));
    quarry_harness_free(h);
    quarry_buf_free(&err);
    return j;
}

/* Tokenizes TEXT with KV parameters; returns the output record's JSON. */
static char *tok_json(const char *const *kv, const char *text, size_t len)
{
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "text", text, len);
    char *j = tok_record_json(kv, r);
    quarry_record_free(r);
    return j;
}

static void expect_part(const char *json, const char *part)
{
    ck_assert_msg(strstr(json, part) != NULL, "'%s' lacks %s", json, part);
}

/* TEXT tokenized with KV parameters gives JSON holding each of PARTS (NULL-terminated). */
static void expect_tokenized_parts(const char *const *kv, const char *text, const char *const *parts)
{
    char *j = tok_json(kv, text, strlen(text));
    for (; *parts; parts++)
        expect_part(j, *parts);
    free(j);
}
#define expect_tokenized(kv, text, ...) expect_tokenized_parts(kv, text, (const char *const[]){__VA_ARGS__, NULL})

START_TEST(test_news_tokens_and_sentences)
{
    const char *t = "Mr. Smith met the U.S. team on 5G, COVID-19 and cyber-security at 3.2 GHz. "
                    "It was e-mail time! Next: IoT, don\xe2\x80\x99t stop.\n\nS. Jaishankar said so";
    char *j = tok_json(NULL, t, strlen(t));
    expect_part(j, "\"tokens\":[\"mr\",\"smith\",\"met\",\"the\",\"u.s.\",\"team\",\"on\",\"5g\",\"covid-19\",\"and\","
                   "\"cyber-security\",\"at\",\"3.2\",\"ghz\",\"it\",\"was\",\"e-mail\",\"time\",\"next\",\"iot\","
                   "\"don't\",\"stop\",\"s\",\"jaishankar\",\"said\",\"so\"]");
    expect_part(j, "\"surface\":[\"Mr\",\"Smith\",\"met\",\"the\",\"U.S.\",\"team\",\"on\",\"5G\",\"COVID-19\"");
    expect_part(j, "\"IoT\",\"don\xe2\x80\x99t\"");
    /* Mr. and U.S. and the initial S. do not end sentences; . ! and a blank line do. */
    expect_part(j, "\"sentences\":[0,14,18,22]");
    expect_part(j, "\"stop\":[0,0,0,1,0,0,1,0,0,1,0,1,0,0,1,1,0,0,0,0,1,0,0,0,0,1]");
    expect_part(j, "\"parts\":[[\"covid\",8],[\"19\",8],[\"cyber\",10],[\"security\",10],[\"e\",16],[\"mail\",16]]");
    free(j);
    /* A figure is one token, its grouping commas, its point and a fraction's slash inside it: a
     * sum cut at its commas would read as three figures. A comma or a point before a space, or
     * a slash between words, is not in it. */
    expect_tokenized(NULL, "Net rose to 1,506,000 dlrs, or 12,000.5 tonnes, from 7-3/4 on 3/15/87 and/or 1,000.",
                     "\"tokens\":[\"net\",\"rose\",\"to\",\"1,506,000\",\"dlrs\",\"or\",\"12,000.5\",\"tonnes\","
                     "\"from\",\"7-3/4\",\"on\",\"3/15/87\",\"and\",\"or\",\"1,000\"]",
                     "\"parts\":[[\"7\",9],[\"3/4\",9]]");
    /* An abbreviation's possessive is its own, as any word's is: "U.K.'s" is one token, where
     * it was "u.k." and a stray "s" that keyphrases showed ("s ownership"). It ends a sentence as
     * a word does; a hyphen after an abbreviation still parts it ("U.S.-backed"). */
    expect_tokenized(NULL, "The U.K.'s market rose on the U.S.-backed plan. It fell in the U.N.'s. Then it rose.",
                     "\"tokens\":[\"the\",\"u.k.'s\",\"market\",\"rose\",\"on\",\"the\",\"u.s.\",\"backed\","
                     "\"plan\",\"it\",\"fell\",\"in\",\"the\",\"u.n.'s\",\"then\",\"it\",\"rose\"]",
                     "\"sentences\":[0,9,14]");
    /* An abbreviation after a word's hyphen is whole too: "Japan-U.S." and a lawmaker's "D-N.Y."
     * were "japan-u" and "s", "d-n" and "y", and keyphrases showed "Japan-U" and "non-U". */
    expect_tokenized(NULL, "Sen. Roe, D-N.Y., backed the Japan-U.S. pact for non-U.S. banks.",
                     "\"tokens\":[\"sen\",\"roe\",\"d-n.y.\",\"backed\",\"the\",\"japan-u.s.\",\"pact\",\"for\","
                     "\"non-u.s.\",\"banks\"]",
                     "\"parts\":[[\"d\",2],[\"n.y.\",2],[\"japan\",5],[\"u.s.\",5],[\"non\",8],[\"u.s.\",8]]",
                     "\"sentences\":[0]");
    /* An ampersand between capitals is inside the word; one standing alone is the word "and",
     * a stop word as it is; elsewhere it parts words. */
    expect_tokenized(NULL, "AT&T and S&P 500 fund R&D; Procter & Gamble; a=1&b=2; x &y",
                     "\"tokens\":[\"at&t\",\"and\",\"s&p\",\"500\",\"fund\",\"r&d\",\"procter\",\"&\",\"gamble\",\"a\",\"1\","
                     "\"b\",\"2\",\"x\",\"y\"]",
                     "\"stop\":[0,1,0,0,0,0,0,1,0,1,0,0,0,0,0]");
}
END_TEST

/* A token alone in angle brackets is a code: wire copy's ticker after a firm's name. A name of
 * several words in them is words, and so are words beside a spaced "<". */
START_TEST(test_codes)
{
    expect_tokenized(NULL, "Hadson Corp <HADS.O> said <OWENS AND MINOR INC> bought <GM>; x < y > z",
                     "\"surface\":[\"Hadson\",\"Corp\",\"HADS.O\",\"said\",\"OWENS\",\"AND\",\"MINOR\",\"INC\","
                     "\"bought\",\"GM\",\"x\",\"y\",\"z\"]",
                     "\"codes\":[2,9]");
    expect_tokenized(NULL, "No codes here", "\"codes\":[]");
}
END_TEST

/* A dot between two letters of the same case, two letters at least before it, is inside the
 * word and ends no sentence: a ticker with its exchange, a web address. A change of case is a
 * full stop whose space was left out, and one letter before the dot an initial. */
START_TEST(test_dotted_words)
{
    expect_tokenized(NULL, "DOTRONIX <DOTX.O> COMPLETES ACQUISITION\n\nSee foxnews.com or www.reuters.com now",
                     "\"tokens\":[\"dotronix\",\"dotx.o\",\"completes\",\"acquisition\",\"see\",\"foxnews.com\","
                     "\"or\",\"www.reuters.com\",\"now\"]",
                     "\"sentences\":[0,4]", "\"codes\":[1]");
    expect_tokenized(NULL, "Sales rose.The S.KOREA deal with the U.S, and Japan",
                     "\"tokens\":[\"sales\",\"rose\",\"the\",\"s\",\"korea\",\"deal\",\"with\",\"the\",\"u\",\"s\",\"and\","
                     "\"japan\"]",
                     "\"sentences\":[0,2]");
}
END_TEST

/* A web address (with a scheme, or "www." with a path) and an e-mail address are no words:
 * left out, parting clauses, a full stop after one ending its sentence. A site's name alone is a
 * word; so are the words of a broken address ("tburr@ globe.com"). A full stop after a closing
 * bracket or quotation mark ends a sentence too, unless a lower-case word follows. */
START_TEST(test_links)
{
    expect_tokenized(NULL,
                     "See https://x.test/oil-prices?utm_source=twitter&utm_medium=social for more. Mail "
                     "press@example.com or www.reuters.com, follow www.twitter.com/tyburr. Then tburr@ globe.com",
                     "\"tokens\":[\"see\",\"for\",\"more\",\"mail\",\"or\",\"www.reuters.com\",\"follow\",\"then\","
                     "\"tburr\",\"globe.com\"]",
                     "\"sentences\":[0,3,7]", "\"clauses\":[1,4,6]");
    expect_tokenized(NULL, "Visit (https://x.test/a). The deal (Reuters). Talks \"ended\". and more",
                     "\"tokens\":[\"visit\",\"the\",\"deal\",\"reuters\",\"talks\",\"ended\",\"and\",\"more\"]",
                     "\"sentences\":[0,1,4]");
    /* Not after a closing mark that an ellipsis follows, nor after a link before a lower-case word. */
    expect_tokenized(NULL, "He said \"well\"... and left. A link at https://x.test/a. then more",
                     "\"sentences\":[0,5]");
}
END_TEST

START_TEST(test_clauses)
{
    /* Punctuation inside a sentence starts a clause: the comma after "Capitol", the bracket,
     * the quotation marks and the dash. Not the comma of "2,000" (a token) nor the colon of
     * "10:30", not the apostrophe of "Republicans' plan" nor one closing a quotation; nor a mark
     * before a sentence's first word, which the sentence starts. Tokens 6 "aiming", 10 "and", 13
     * "rallies", 14 "plans", 15 "in", 16 "Ohio", 20 "cuts" and 22 "no" begin clauses. */
    const char *t = "Tea Party rallied near the Capitol, aiming at 2,000 voters (and 10:30 \"rallies\" - "
                    "\"plans\") in \xe2\x80\x98Ohio\xe2\x80\x99 and Republicans' plan: cuts. \"Yes,\" no.";
    char *j = tok_json(NULL, t, strlen(t));
    expect_part(j, "\"surface\":[\"Tea\",\"Party\",\"rallied\",\"near\",\"the\",\"Capitol\",\"aiming\",\"at\","
                   "\"2,000\",\"voters\",\"and\",\"10\",\"30\",\"rallies\",\"plans\",\"in\",\"Ohio\"");
    expect_part(j, "\"sentences\":[0,21],\"clauses\":[6,10,13,14,15,16,20,22]");
    free(j);
    /* An ellipsis of dots, a bullet, an emoji and a dingbat part clauses; a word's own dots
     * (3.2.1, example.com, U.S.) do not. */
    expect_tokenized(NULL, "adhering by the ... accord \xe2\x80\xa2 Business \xf0\x9f\x9a\x80 rocket \xe2\x98\x85 launch 3.2.1 "
                           "example.com U.S. deal",
                     "\"clauses\":[3,4,5,6]", "\"sentences\":[0]");
    /* A ticker in angle brackets, as wire headlines write it. */
    const char *ticker = "Mechtron Corp <MCHT> year net";
    expect_tokenized(NULL, ticker, "\"clauses\":[2,3]");
    /* Word lists have none. */
    const char *lines[] = {"split", "lines", NULL};
    expect_tokenized(lines, "a, b\nc", "\"clauses\":[]");
}
END_TEST

START_TEST(test_line_breaks)
{
    /* A headline on its own line, then a story whose paragraph is one long line: the line
     * break ends the headline's sentence. */
    const char *story = "Ireland to seek rate cut next week: Report\n"
                        "LONDON: Irish finance minister Michael Noonan will seek to lower the interest rate "
                        "charged on the bailout next week, the Irish Times said on Saturday.";
    expect_tokenized(NULL, story, "\"sentences\":[0,8]");
    /* Newswire hard-wrapped at 70 columns: a line break is a space, and "in the Bahia cocoa
     * zone" stays one sentence. */
    const char *wire = "Showers continued throughout the week in\n"
                       "the Bahia cocoa zone, alleviating the drought since early\n"
                       "January.\n    Comissaria Smith said so.";
    expect_tokenized(NULL, wire, "\"sentences\":[0,16]");
    /* There an indented line begins a paragraph, or a table's row, and its sentence. */
    const char *rows = "Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n    Assets 510.2 mln";
    expect_tokenized(NULL, rows, "\"sentences\":[0,6,10]");
}
END_TEST

START_TEST(test_other_scripts)
{
    const char *kv[] = {"language", "russian", NULL};
    const char *ru = "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xd0\xb8 \xd0\x9a\xd0\xb8\xd0\xb5\xd0\xb2."; /* Москва и Киев. */
    char *j = tok_json(kv, ru, strlen(ru));
    expect_part(j, "\"tokens\":[\"\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0\",\"\xd0\xb8\",\"\xd0\xba\xd0\xb8\xd0\xb5\xd0\xb2\"]");
    expect_part(j, "\"stop\":[0,1,0]");
    free(j);
    const char *de_kv[] = {"language", "german", NULL};
    const char *de = "Die Stra\xc3\x9f" "e ist \xc3\x9c" "BER lang.";
    expect_tokenized(de_kv, de,
                     "\"tokens\":[\"die\",\"stra\xc3\x9f" "e\",\"ist\",\"\xc3\xbc" "ber\",\"lang\"]");
    const char *el = "\xce\x97 \xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1; \xce\x9d\xce\xb1\xce\xb9!"; /* Η Αθήνα; Ναι! */
    static const char *const none[] = {"language", "none", NULL};
    expect_tokenized(none, el,
                     "\"tokens\":[\"\xce\xb7\",\"\xce\xb1\xce\xb8\xce\xae\xce\xbd\xce\xb1\",\"\xce\xbd\xce\xb1\xce\xb9\"]");
    /* Combining marks stay in their word; emoji and punctuation are not words. */
    const char *mix = "cafe\xcc\x81 \xf0\x9f\x98\x80 \xe4\xb8\x96\xe7\x95\x8c--x";
    expect_tokenized(none, mix, "\"tokens\":[\"cafe\xcc\x81\",\"\xe4\xb8\x96\xe7\x95\x8c\",\"x\"]");
}
END_TEST

START_TEST(test_modes_and_stopwords)
{
    static const char *const lines[] = {"split", "lines", "lowercase", "false", "language", "none", NULL};
    char *j = tok_json(lines, "'a\n\nDon't stop\n", 15);
    expect_part(j, "\"tokens\":[\"'a\",\"\",\"Don't stop\"]");
    free(j);
    static const char *const ws[] = {"split", "whitespace", NULL};
    j = tok_json(ws, "  The x-y  z.\tQ ", 16);
    expect_part(j, "\"tokens\":[\"the\",\"x-y\",\"z.\",\"q\"]");
    free(j);
    char *dir = testutil_tempdir();
    testutil_write(dir, "stop.txt", "\xEF\xBB\xBFquarry\n# mine\n", 17, 0); /* a byte-order mark first */
    char path[4096];
    snprintf(path, sizeof path, "%s/stop.txt", dir);
    const char *kv[] = {"stopwords", path, NULL};
    j = tok_json(kv, "The quarry works", 16);
    expect_part(j, "\"stop\":[1,1,0]");
    free(j);
    /* A stop word written with capitals, ASCII or not, is the lower-cased token's. */
    testutil_write(dir, "caps.txt", "Reuters\n\xc3\x89T\xc3\x89\n", 14, 0); /* ÉTÉ */
    snprintf(path, sizeof path, "%s/caps.txt", dir);
    j = tok_json(kv, "Reuters said the \xc3\xa9t\xc3\xa9 was hot", 30);
    expect_part(j, "\"stop\":[1,0,1,1,1,0]");
    free(j);
    /* Tokens that keep their case are stop words whatever their case. */
    const char *cased[] = {"stopwords", path, "lowercase", "false", NULL};
    j = tok_json(cased, "The cat sat on THE \xc3\x89T\xc3\x89 REUTERS", 32);
    expect_part(j, "\"tokens\":[\"The\",\"cat\",\"sat\",\"on\",\"THE\",\"\xc3\x89T\xc3\x89\",\"REUTERS\"]");
    expect_part(j, "\"stop\":[1,0,0,1,1,1,1]");
    free(j);
    testutil_rmtree(dir);
    free(dir);
    static const struct {
        const char *key, *value, *message;
    } bad[] = {{"language", "klingon", "no stop words for language 'klingon'; there are: danish,"},
               {"language", "Japanese", "or none (Chinese, Japanese and Thai stop words are marked under any of them "
                                        "but none)"},
               {"field", "", "field names no field to tokenize"}};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *kv_bad[] = {bad[i].key, bad[i].value, NULL};
        quarry_harness *h = testutil_harness("tokenize", kv_bad, NULL, NULL, 0);
        quarry_buf err = {0};
        ck_assert_int_eq(quarry_harness_open(h, &err), -1);
        ck_assert_msg(strstr(err.data, bad[i].message) != NULL, "%s", err.data);
        quarry_harness_free(h);
        quarry_buf_free(&err);
    }
}
END_TEST

/* Tokenizes a record with TITLE (if not NULL) and TEXT, with KV parameters; returns its JSON. */
static char *tok_titled_json(const char *const *kv, const char *title, const char *text)
{
    quarry_record *r = quarry_record_new();
    if (title)
        quarry_set_string(r, "title", title, strlen(title));
    quarry_set_string(r, "text", text, strlen(text));
    char *j = tok_record_json(kv, r);
    quarry_record_free(r);
    return j;
}

/* The headline (the "title" clean moves it to) is tokenized before the text, a sentence of its
 * own even without a final stop; "field" chooses the fields. */
START_TEST(test_title_and_text)
{
    char *j = tok_titled_json(NULL, "Japan and India agree cyber pact", "The deal was signed. It covers 5G");
    expect_part(j, "\"tokens\":[\"japan\",\"and\",\"india\",\"agree\",\"cyber\",\"pact\",\"the\",\"deal\"");
    expect_part(j, "\"sentences\":[0,6,10]");
    free(j);
    j = tok_titled_json(NULL, NULL, "The deal was signed.");
    expect_part(j, "\"tokens\":[\"the\",\"deal\",\"was\",\"signed\"]");
    free(j);
    static const char *const text_only[] = {"field", "text", NULL};
    j = tok_titled_json(text_only, "Japan and India agree cyber pact", "The deal was signed.");
    expect_part(j, "\"tokens\":[\"the\",\"deal\",\"was\",\"signed\"]");
    free(j);
}
END_TEST

START_TEST(test_hostile_input)
{
    size_t n = 1 << 20;
    char *junk = malloc(n);
    srand(3);
    for (size_t i = 0; i < n; i++)
        junk[i] = (char)(rand() % 256);
    char *j = tok_json(NULL, junk, n);
    ck_assert_ptr_nonnull(strstr(j, "\"tokens\":["));
    free(j);
    /* A megabyte line of shapes where each word looks for a link or an address running on past
     * it ("www.a.", "a+a+"): each search is bounded, and the line takes its length in time, not
     * its length squared (minutes, before the bounds). */
    static const char *const shapes[] = {"www.a.", "a+", "a_"};
    clock_t t0 = clock();
    for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++) {
        size_t sl = strlen(shapes[k]);
        for (size_t i = 0; i < n; i++)
            junk[i] = shapes[k][i % sl];
        j = tok_json(NULL, junk, n);
        ck_assert_ptr_nonnull(strstr(j, "\"tokens\":["));
        free(j);
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_msg(secs < 30 * TESTUTIL_SLOWER, "link shapes took %.1f s", secs);
    /* A 10,000-character word: no word, left out (max-token-length, 256 bytes by default); one
     * token without the bound. */
    memset(junk, 'w', 10000);
    j = tok_json(NULL, junk, 10000);
    expect_part(j, "\"tokens\":[]");
    expect_part(j, "\"sentences\":[]");
    free(j);
    const char *unbounded[] = {"max-token-length", "0", NULL};
    j = tok_json(unbounded, junk, 10000);
    ck_assert_ptr_nonnull(strstr(j, "\"sentences\":[0]"));
    free(j);
    /* A long token that began a sentence: the next token kept begins it. */
    char text[400], word[301];
    memset(word, 'X', 300);
    word[300] = '\0';
    snprintf(text, sizeof text, "First one. %s second sentence.", word);
    j = tok_json(NULL, text, strlen(text));
    expect_part(j, "\"tokens\":[\"first\",\"one\",\"second\",\"sentence\"]");
    expect_part(j, "\"sentences\":[0,2]");
    free(j);
    /* A base64 blob, which word breaks cut at its '+' and '/' into tokens under the bound: all
     * of them left out, an image's data URI too, where a short one is a token as before; 300
     * bytes of Chinese, also unspaced, are words. */
    char blob[1200], b64[401];
    for (size_t i = 0; i < 400; i++)
        b64[i] = "AbCdEfGh0123+/xYz"[(i * 7 + i / 13) % 17];
    b64[400] = '\0';
    snprintf(blob, sizeof blob, "Oil rose. %s Gas fell. data:image/png;base64,%s== Coal too. iVBOR+w0KG/goAA.", b64,
             b64);
    j = tok_json(NULL, blob, strlen(blob));
    expect_part(j, "\"tokens\":[\"oil\",\"rose\",\"gas\",\"fell\",\"data\",\"image\",\"png\",\"base64\",\"coal\","
                   "\"too\",\"ivbor\",\"w0kg\",\"goaa\"]");
    expect_part(j, "\"sentences\":[0,2]");
    free(j);
    size_t at = 0;
    for (int i = 0; i < 34; i++, at += 9)
        memcpy(junk + at, "\xe7\xbd\x91\xe7\xbb\x9c\xe5\xae\x89", 9); /* 网络安 */
    j = tok_json(NULL, junk, at);
    expect_part(j, "\"tokens\":[\"\xe7\xbd\x91\xe7\xbb\x9c\"");
    free(j);
    free(junk);
    j = tok_json(NULL, "", 0);
    expect_part(j, "\"tokens\":[]");
    free(j);
}
END_TEST

/* Text in a script written without spaces between words is cut into words by ICU's
 * dictionaries; the first word of a sentence or clause keeps its start; a word in such a script
 * inside other text, a hyphenated token, and characters beyond the Basic Multilingual Plane keep
 * their bytes whole. */
START_TEST(test_unspaced_words)
{
    static const struct {
        const char *text, *words[4];
    } cases[] = {
        {"日本和印度签署了网络安全协议。", {"\"日本\",\"和\",\"印度\",\"签署\"", "\"协议\"]"}},
        {"東京は日本の首都です。", {"[\"東京\",", "\"日本\"", "\"首都\""}},
        {"ประเทศไทยและญี่ปุ่นลงนามข้อตกลง", {"[\"ประเทศไทย\",\"และ\",\"ญี่ปุ่น\","}},
        {"東京大学医学部", {"[\"東京\",\"大学\",\"医学部\"]"}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *j = tok_json(NULL, cases[i].text, strlen(cases[i].text));
        for (size_t k = 0; k < 4 && cases[i].words[k]; k++)
            expect_part(j, cases[i].words[k]);
        free(j);
    }
    /* Two sentences, the second after a comma-like clause mark: the first word of each keeps it. */
    const char *two = "日本和印度签署了协议。中国，美国和日本。";
    expect_tokenized(NULL, two,
                     "\"tokens\":[\"日本\",\"和\",\"印度\",\"签署\",\"了\",\"协议\",\"中国\",\"美国\",\"和\",\"日本\"]",
                     "\"sentences\":[0,6]", "\"clauses\":[7]");
    /* A name in other text, and a hyphenated pair, as they were. */
    const char *en = "The Tokyo (東京) office of Sony-ソニー opened.";
    expect_tokenized(NULL, en, "\"tokens\":[\"the\",\"tokyo\",\"東京\",\"office\",\"of\",\"sony-ソニー\",\"opened\"]",
                     "\"clauses\":[2,3]");
    /* 𠀋 (U+2000B) takes two UTF-16 units: the words around it keep whole UTF-8 characters. */
    const char *astral = "日本\xf0\xa0\x80\x8b印度签署了协议";
    char *j = tok_json(NULL, astral, strlen(astral));
    expect_part(j, "\"日本\"");
    expect_part(j, "\"协议\"]");
    ck_assert_msg(strstr(j, "\\u") == NULL && strstr(j, "\xef\xbf\xbd") == NULL, "%s", j);
    free(j);
    /* A byte that is no UTF-8 inside such a run (tokenize before clean, or without it): a word
     * break, in no token, and the words around it whole. */
    const char *broken = "ok \xe0\xb8\xa0\xe0\xb8\xb2\xff\xe0\xb8\xa9\xe0\xb8\xb2\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2 more";
    expect_tokenized(NULL, broken,
                     "\"tokens\":[\"ok\",\"\xe0\xb8\xa0\xe0\xb8\xb2\",\"\xe0\xb8\xa9\xe0\xb8\xb2\","
                     "\"\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2\",\"more\"]");
}
END_TEST

/* Chinese, Japanese and Thai stop words, which Snowball has no lists of: kana alone, a lone
 * Chinese character, Thai's listed function words; whatever the language but none. A space
 * between two words of such scripts parts phrases. */
START_TEST(test_unspaced_stop_words)
{
    const char *ja = "東京は日本の首都です。ソニーが発表した。";
    expect_tokenized(NULL, ja, "\"tokens\":[\"東京\",\"は\",\"日本\",\"の\",\"首都\",\"です\",\"ソニー\",\"が\",\"発表\",\"した\"]",
                     "\"stop\":[0,1,0,1,0,1,0,1,0,1]"); /* katakana "ソニー" is a name */
    const char *zh = "日本和印度签署了网络安全协议";
    expect_tokenized(NULL, zh, "\"stop\":[0,1,0,0,1,0,0,0]"); /* 和, 了 */
    const char *th = "ประเทศไทยและญี่ปุ่นลงนามข้อตกลงความร่วมมือ";
    expect_tokenized(NULL, th, "\"tokens\":[\"ประเทศไทย\",\"และ\",\"ญี่ปุ่น\",", "\"stop\":[0,1,0,",
                     "\"ความ\",\"ร่วม\",\"มือ\"]", ",1,0,0]");
    /* Russian stop words, or none at all. */
    static const char *const russian[] = {"language", "russian", NULL};
    expect_tokenized(russian, zh, "\"stop\":[0,1,0,0,1,0,0,0]");
    static const char *const none[] = {"language", "none", NULL};
    expect_tokenized(none, zh, "\"stop\":[0,0,0,0,0,0,0,0]");
    ck_assert(scriptstop_by_script("\xe3\x81\xaf", 3));                   /* は */
    ck_assert(!scriptstop_by_script("\xe3\x83\xbc", 3));                  /* ー alone */
    ck_assert(!scriptstop_by_script("\xe6\x97\xa5\xe6\x9c\xac", 6));   /* 日本 */
    ck_assert(!scriptstop_by_script("\xea\xb0\x80", 3));                  /* 가: Hangul */
    ck_assert(!scriptstop_by_script("abc", 3));
    /* Thai's space between clauses parts them; a line break in hard-wrapped text does not, nor a
     * space before a word of another script. */
    const char *spaced = "รัฐบาลไทยกล่าว ข้อตกลงนี้\nสำคัญ 5G";
    expect_tokenized(NULL, spaced,
                     "\"tokens\":[\"รัฐบาล\",\"ไทย\",\"กล่าว\",\"ข้อ\",\"ตกลง\",\"นี้\",\"สำคัญ\",\"5g\"]",
                     "\"clauses\":[3]");
    const char *ideographic = "日本\xe3\x80\x80印度";
    expect_tokenized(NULL, ideographic, "\"clauses\":[1]");
}
END_TEST

/* The words of TEXT (spaces between them) for langguess_other. */
typedef struct guess_words {
    const char *w[128];
    size_t len[128], n;
} guess_words;

static const char *guess_word(const void *data, size_t i, size_t *len)
{
    const guess_words *g = data;
    *len = g->len[i];
    return g->w[i];
}

/* The stop-word list of LANGUAGE, or NULL. */
static const stoplist *stoplist_named(const char *language)
{
    for (size_t l = 0; stoplists[l].language; l++)
        if (!strcmp(stoplists[l].language, language))
            return &stoplists[l];
    return NULL;
}

/* The language langguess_other finds TEXT in, against English stop words ("" for none). */
static const char *guessed_language(const langguess *g, char *text)
{
    static const char *const english[] = {"the", "of", "and", "to", "in", "is", "it", "for", "on", "that", NULL};
    guess_words words = {.n = 0};
    langguess_tally tally = {0, 0};
    for (char *w = strtok(text, " "); w && words.n < 128; w = strtok(NULL, " ")) {
        words.w[words.n] = w;
        words.len[words.n] = strlen(w);
        int stop = 0;
        for (size_t k = 0; english[k]; k++)
            stop |= !strcmp(w, english[k]);
        langguess_add(&tally, alphabet_of(w, strlen(w)), w, strlen(w), stop);
        words.n++;
    }
    size_t hits = 0;
    int l = langguess_other(g, &tally, words.n, guess_word, &words, &hits);
    return l < 0 ? "" : stoplists[l].language;
}

/* A story in another language of the stop words' alphabet is told by the stop words it holds:
 * twenty words or more, few of them English stop words, and at least ten, a tenth of them and
 * twice as many another language's. A table's letters and a short story are none. */
START_TEST(test_other_language)
{
    static const struct {
        const char *text, *language;
    } cases[] = {
        {"o governo disse que os filhos de todos os brasileiros vão para a escola com seus pais e que não "
         "há uma razão para que isso seja mudado pelo congresso nem pelas famílias que votaram",
         "portuguese"},
        {"the government said that the children of all the citizens go to school with their parents and "
         "that there is no reason for it to be changed by the congress or by the families who voted",
         ""},
        /* A table: figures and letters, few words. */
        {"shr 22 cts vs 17 cts m d net 1,234,000 vs 987,000 d m revs 12.3 mln vs 10.1 mln a d m d note a m "
         "pay record",
         ""},
        /* Fourteen words and twelve letters: "a", "e" and "o" are Portuguese stop words (and
         * Italian and Spanish ones), but letters are no words. */
        {"grade a wheat grade e barley type o corn grade a oats type e rye grade o maize a e o sorghum a e "
         "o millet rice soy",
         ""},
        /* Under twenty words. */
        {"o governo disse que os filhos de todos vão para a escola com seus pais", ""},
        /* Half of its words English stop words: a story quoting Portuguese is no Portuguese one. */
        {"the minister said that the phrase que os filhos de todos os brasileiros was in the speech and "
         "that it is the reason for the vote of the congress in the capital",
         ""},
        /* A fifth of its words English stop words: a story in both languages is not counted, though
         * twice as many are Portuguese ones. */
        {"the congress of the state for the vote que os filhos de todos os seus pais para com os governo "
         "que de todos escola cidade",
         ""},
        /* Fewer than a fifth English stop words, but not half as many as Portuguese ones. */
        {"the report on the markets of the capital said that bankers and traders want reform o governo "
         "disse que os filhos vão para a escola com seus pais e que não há razão para isso congresso "
         "cidade estado mercado bancos reforma ministros reguladores comerciantes economia inflação juros "
         "moeda dívida orçamento impostos",
         ""},
    };
    const stoplist *english = stoplist_named("english");
    ck_assert_ptr_nonnull(english);
    ck_assert_int_eq(langguess_alphabet(english), ALPHABET_LATIN);
    langguess *g = langguess_new(english);
    ck_assert_ptr_nonnull(g);
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[512];
        snprintf(text, sizeof text, "%s", cases[i].text);
        const char *found = guessed_language(g, text);
        ck_assert_msg(!strcmp(found, cases[i].language), "case %zu: '%s', not '%s'", i, found, cases[i].language);
    }
    langguess_free(g);
    const stoplist *russian = stoplist_named("russian");
    ck_assert_ptr_nonnull(russian);
    ck_assert_int_eq(langguess_alphabet(russian), ALPHABET_CYRILLIC);
    ck_assert_ptr_null(langguess_new(russian)); /* no other list in Cyrillic */
}
END_TEST

/* The alphabet of a token is its first letter's; a document is foreign to its stop words'
 * alphabet when most of its twenty or more words are in another. */
START_TEST(test_alphabets)
{
    ck_assert_int_eq(alphabet_of("cyber", 5), ALPHABET_LATIN);
    ck_assert_int_eq(alphabet_of("\xc3\xa9t\xc3\xa9", 6), ALPHABET_LATIN); /* été */
    ck_assert_int_eq(alphabet_of("\xd0\xb8", 2), ALPHABET_CYRILLIC);        /* и */
    ck_assert_int_eq(alphabet_of("\xce\xb1", 2), ALPHABET_OTHER);           /* α */
    ck_assert_int_eq(alphabet_of("\xea\xb0\x80", 3), ALPHABET_OTHER);       /* 가 */
    ck_assert_int_eq(alphabet_of("\xe6\x97\xa5", 3), ALPHABET_CJK_THAI);    /* 日 */
    ck_assert_int_eq(alphabet_of("\xe3\x81\xaf", 3), ALPHABET_CJK_THAI);    /* は */
    ck_assert_int_eq(alphabet_of("\xe0\xb9\x84", 3), ALPHABET_CJK_THAI);    /* ไ */
    ck_assert_int_eq(alphabet_of("\xe0\xba\xa5", 3), ALPHABET_OTHER);       /* ລ: Lao, no stop words */
    ck_assert_int_eq(alphabet_of("5g", 2), ALPHABET_NONE);
    ck_assert_int_eq(alphabet_of("\xd0", 1), ALPHABET_NONE); /* cut short: read no further */
    alphabet_tally t = {{0}};
    for (int i = 0; i < 30; i++)
        alphabet_add(&t, i % 3 ? "\xd0\xb8" : "the", i % 3 ? 2 : 3);
    for (int i = 0; i < 50; i++)
        alphabet_add(&t, "1987", 4); /* figures count for neither */
    ck_assert_int_eq(alphabet_main(&t), ALPHABET_CYRILLIC);
    ck_assert(alphabet_foreign(&t, ALPHABET_LATIN));
    ck_assert(!alphabet_foreign(&t, ALPHABET_CYRILLIC));
    alphabet_tally few = {{0}};
    for (int i = 0; i < ALPHABET_WORDS - 1; i++)
        alphabet_add(&few, "\xd0\xb8", 2);
    ck_assert(!alphabet_foreign(&few, ALPHABET_LATIN)); /* too few words to tell */
    alphabet_tally japanese = {{0}};
    for (int i = 0; i < 100; i++)
        alphabet_add(&japanese, "\xe6\x97\xa5", 3);
    alphabet_add(&japanese, "sony", 4);
    ck_assert(!alphabet_foreign(&japanese, ALPHABET_LATIN)); /* its stop words are marked */
    ck_assert_str_eq(alphabet_name(ALPHABET_CYRILLIC), "Cyrillic");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tokenize");
    TCase *tc = tcase_create("stage");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_news_tokens_and_sentences);
    tcase_add_test(tc, test_dotted_words);
    tcase_add_test(tc, test_codes);
    tcase_add_test(tc, test_clauses);
    tcase_add_test(tc, test_links);
    tcase_add_test(tc, test_line_breaks);
    tcase_add_test(tc, test_other_scripts);
    tcase_add_test(tc, test_unspaced_words);
    tcase_add_test(tc, test_unspaced_stop_words);
    tcase_add_test(tc, test_alphabets);
    tcase_add_test(tc, test_other_language);
    tcase_add_test(tc, test_modes_and_stopwords);
    tcase_add_test(tc, test_title_and_text);
    tcase_add_test(tc, test_hostile_input);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
