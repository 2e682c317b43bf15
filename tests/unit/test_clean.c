/* test_clean.c: unit tests of the clean stage: encodings, entities, characters, boilerplate,
 * repeats, spinner artefacts, title and date, the audit, corpus learning, hostile input. */
#include "testutil.h"

#include <check.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Cleans TEXT with parameters KV (NULL-terminated pairs); returns the output record's JSON. */
static char *clean_json(const char *const *kv, const char *text, size_t len)
{
    quarry_harness *h = testutil_harness("clean", kv, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "id", "t", 1);
    quarry_set_string(r, "text", text, len);
    ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s", err.data);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    ck_assert_uint_eq(quarry_harness_output_count(h), 1);
    char *json = testutil_json(quarry_harness_output(h, 0));
    quarry_record_free(r);
    quarry_harness_free(h);
    quarry_buf_free(&err);
    return json;
}

/* The cleaned text alone, with the line-level steps off (for character-level tests). */
static char *clean_chars(const char *text)
{
    static const char *const kv[] = {"boilerplate", "false", "title", "false", "repeats", "false", NULL};
    quarry_harness *h = testutil_harness("clean", kv, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert(quarry_harness_open(h, &err) == 0);
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "text", text, strlen(text));
    ck_assert(quarry_harness_push(h, r, &err) == 0);
    ck_assert(quarry_harness_finish(h, &err) == 0);
    size_t len;
    const char *t = quarry_get_string(quarry_harness_output(h, 0), "text", &len);
    char *out = strndup(t, len);
    quarry_record_free(r);
    quarry_harness_free(h);
    return out;
}

static void expect_chars(const char *in, const char *want)
{
    char *got = clean_chars(in);
    ck_assert_msg(strcmp(got, want) == 0, "clean(%s) = '%s', want '%s'", in, got, want);
    free(got);
}

/* TEXT cleaned with PARAM = false (the line-level steps off) comes out as WANT, written as in
 * JSON: what a repair's switch is for. */
static void expect_off(const char *param, const char *text, const char *want)
{
    const char *const kv[] = {param, "false", "boilerplate", "false", "title", "false", NULL};
    char *j = clean_json(kv, text, strlen(text));
    char field[256];
    snprintf(field, sizeof field, "\"text\":\"%s\"", want);
    ck_assert_msg(strstr(j, field) != NULL, "%s = false: %s", param, j);
    free(j);
}

START_TEST(test_mojibake_repaired)
{
    expect_chars("HÃ´tel de Police", "H\xc3\xb4tel de Police");
    expect_chars("The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.", "The Mona Lisa doesn\xe2\x80\x99t have eyebrows.");
    expect_chars("\xc3\x90\xc2\xa0\xc3\x91\xc6\x92\xc3\x91\xc2\x81\xc3\x91\xc2\x81\xc3\x90\xc2\xba\xc3\x90\xc2\xb8\xc3\x90\xc2\xb9",
                 "\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9"); /* Русский */
    expect_chars("voilÃ  le travail", "voil\xc3\xa0 le travail");
    expect_chars("Hi guys \xc3\xad\xc2\xa0\xc2\xbd\xc3\xad\xc2\xb8\xc2\x8d", "Hi guys \xf0\x9f\x98\x8d"); /* CESU-8 */
    expect_chars("wei\xe2\x88\x9a\xc3\xbc", "wei\xc3\x9f");                                     /* MacRoman */
    expect_chars("Ecuador\xc3\xa2\xc2\x80\xc2\x99s decision", "Ecuador\xe2\x80\x99s decision");  /* Latin-1 */
    expect_chars("\xc2\x84Handwerk\xc2\x93", "\xe2\x80\x9eHandwerk\xe2\x80\x9c");                /* C1 */
    /* A no-break space's mojibake turned "Â " in a line whose right curly quote keeps it from
     * being re-encoded whole: repaired as a run. */
    expect_chars("The deal\xc3\x82 was signed. It\xe2\x80\x99s big.", "The deal was signed. It\xe2\x80\x99s big.");
    /* A right double quotation mark whose last byte (9D, undefined in Windows-1252) was dropped:
     * "â€" before a space or a full stop, in a line right or wrong besides. */
    expect_chars("He said \xc3\xa2\xe2\x82\xac\xc5\x93hello\xc3\xa2\xe2\x82\xac and left.",
                 "He said \xe2\x80\x9chello\xe2\x80\x9d and left.");
    expect_chars("S\xc3\xa3o Paulo said it was \xe2\x80\x9c" "done\xc3\xa2\xe2\x82\xac.",
                 "S\xc3\xa3o Paulo said it was \xe2\x80\x9c" "done\xe2\x80\x9d.");
}
END_TEST

START_TEST(test_right_text_untouched)
{
    static const char *const keep[] = {
        "na\xc3\xafve caf\xc3\xa9 \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9",
        "4288\xc3\x97\xe2\x80\xa6", "NESTL\xc3\x89\xc2\xae requiere contratar personal",
        "(-1/2)! = \xe2\x88\x9a\xcf\x80", "\xd0\x92\xd0\x86\xd0\x9a\xd0\x86 is Ukrainian for WIKI",
        ("Bremer/Mccoy \xe2\x80\x93 Dr\xc3\x83\xc2\xa5" "ber"), "2012\xe2\x80\x94\xe2\x88\x9e",
        "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xe4\xb8\x96\xe7\x95\x8c \xf0\x9f\x98\x80",
    };
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
        expect_chars(keep[i], keep[i]);
}
END_TEST

START_TEST(test_bytes_entities_characters)
{
    /* Invalid UTF-8 is read as Windows-1252, whatever the kind of invalid. */
    expect_chars("caf\xe9 \x93quoted\x94 \x80", "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x82\xac");
    expect_chars("truncated \xe2\x80", "truncated \xc3\xa2\xe2\x82\xac");
    expect_chars("overlong \xc0\xaf surrogate \xed\xa0\x80", "overlong \xc3\x80\xc2\xaf surrogate \xc3\xad \xe2\x82\xac");
    /* Entities: named, numeric, 128-159 as Windows-1252, double-escaped, broken. */
    expect_chars("&lt;BP&gt; &amp;amp;lt;x&amp;gt; &#8217; &#x2014; &#150; &eacute; &nosuch; &#;",
                 "<BP> <x> \xe2\x80\x99 \xe2\x80\x94 \xe2\x80\x93 \xc3\xa9 &nosuch; &#;");
    expect_chars("end&#3;", "end");
    /* A character beyond the BMP written as its two UTF-16 halves is one; a half alone is none. */
    expect_chars("&#xD83D;&#xDE00; &#55357;&#56832; &#xD83D; &#xD83D;&#x41;",
                 "\xf0\x9f\x98\x80 \xf0\x9f\x98\x80 \xef\xbf\xbd \xef\xbf\xbd" "A");
    /* Sloppy HTML's references without their ';', taken as browsers take them, before a byte
     * that cannot go on a name, even with a ';' further on; not inside a longer word or a query. */
    expect_chars("Fish &amp chips; 5 &lt 6 &copy 2019 &ampere &lt6 a=1&amp=2 &amp_x",
                 "Fish & chips; 5 < 6 \xc2\xa9 2019 &ampere &lt6 a=1&amp=2 &amp_x");
    /* Controls, zero-width characters, odd spaces, CR LF, NFC. */
    expect_chars("a\x01" "b\xe2\x80\x8b" "c\xc2\xa0" "d\xc2\xad" "e\r\nf\rg\xef\xbb\xbf" "h",
                 "abc de\nf\ngh");
    expect_chars("e\xcc\x81", "\xc3\xa9");
    /* Beside characters that need no normalization (Latin-1, curly quotes), those that do still
     * get it: a combining accent, the ohm sign (U+2126, NFC: U+03A9). */
    expect_chars("\xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d e\xcc\x81", "\xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d \xc3\xa9");
    expect_chars("\xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d \xe2\x84\xa6", "\xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d \xce\xa9");
    expect_chars("\xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d", "\xe2\x80\x9c" "caf\xc3\xa9\xe2\x80\x9d");
    /* Latin ligatures of typeset text are letters again (clean 1.18): "ﬁnance", "ﬂow", "oﬀer",
     * "eﬃcient", "Ĳssel". */
    expect_chars("\xef\xac\x81nance \xef\xac\x82ow o\xef\xac\x80" "er e\xef\xac\x83" "cient \xc4\xb2ssel",
                 "finance flow offer efficient IJssel");
    /* Full-width letters and digits are ASCII ("Ｔｏｋｙｏ ２０２０"), full-width punctuation
     * stays ("，" "％"); half-width katakana are ordinary, their voicing marks composed
     * ("ｶﾞｲﾄﾞ" is "ガイド", "ﾊﾟﾝ" is "パン"). */
    expect_chars("\xef\xbc\xb4\xef\xbd\x8f\xef\xbd\x8b\xef\xbd\x99\xef\xbd\x8f \xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x90\xef\xbc\x8c"
                 "\xef\xbc\x85",
                 "Tokyo 2020\xef\xbc\x8c\xef\xbc\x85");
    expect_chars("\xef\xbd\xb6\xef\xbe\x9e\xef\xbd\xb2\xef\xbe\x84\xef\xbe\x9e \xef\xbe\x8a\xef\xbe\x9f\xef\xbe\x9d",
                 "\xe3\x82\xac\xe3\x82\xa4\xe3\x83\x89 \xe3\x83\x91\xe3\x83\xb3");
    /* What NFKC would also change stays: one half, a superscript two, a trade mark sign. */
    expect_chars("\xc2\xbd m\xc2\xb2 Acme\xe2\x84\xa2", "\xc2\xbd m\xc2\xb2 Acme\xe2\x84\xa2");
}
END_TEST

/* JSON's escapes written out once more (clean 1.21), as JSON encoded twice leaves them: decoded
 * where that is beyond doubt; a text's own backslashes stay. */
START_TEST(test_json_escapes)
{
    /* Line breaks, quotes, a character past ASCII, a surrogate pair, a NUL (dropped), a tab. */
    expect_chars("Markets rally\\n\\nStocks rose after the Fed\\u2019s decision. \\\"We are relieved,\\\" one said."
                 "\\ud83d\\ude00\\u0000\\tend",
                 "Markets rally\n\nStocks rose after the Fed\xe2\x80\x99s decision. \"We are relieved,\" one said."
                 "\xf0\x9f\x98\x80 end"); /* the tab, as any in a line, is a space */
    /* One sign past ASCII is enough; a half of a pair alone is U+FFFD; a backslash before no
     * escape of JSON's stays. */
    expect_chars("caf\\u00e9 \\ud83d x \\d+", "caf\xc3\xa9 \xef\xbf\xbd x \\d+");
    /* Windows' line breaks ("\r\n": the "\n" makes the break), a backspace and a form feed
     * (gone, as controls are), an escaped slash and backslash. */
    expect_chars("Markets rally\\r\\n\\r\\nStocks rose\\b\\f on http:\\/\\/x.test, C:\\\\news.",
                 "Markets rally\n\nStocks rose on http://x.test, C:\\news.");
    /* Signs too few, or a line break of the text's own: as it came. A path, a pattern, one
     * escaped quote. */
    expect_chars("Saved in C:\\news\\notes and \\d+ matched, he wrote \\\"x.",
                 "Saved in C:\\news\\notes and \\d+ matched, he wrote \\\"x.");
    expect_chars("Line one\\nLine two\nand a real break \\u2019", "Line one\\nLine two\nand a real break \\u2019");
    /* json-escapes = false leaves them. */
    expect_off("json-escapes", "caf\\u00e9", "caf\\\\u00e9");
}
END_TEST

/* Mail's transfer encodings left in a text (clean 1.19): a quoted-printable body, and a
 * header's encoded words; text of its own with '=' and hex digits stays as it is. */
START_TEST(test_mail_encodings)
{
    /* A character spelled out byte by byte, soft line breaks, "=20", an '=' written bare. */
    expect_chars("The company=E2=80=99s profits rose 5 per=\ncent.=20Shares of the firm, a=b, jumped.",
                 "The company\xe2\x80\x99s profits rose 5 percent. Shares of the firm, a=b, jumped.");
    /* Soft breaks (a mail system's spaces after the '=' too, CR LF) beside an escape of a byte
     * in Latin-1: the body is quoted-printable, and its byte is read as Windows-1252. */
    expect_chars("Le caf=E9 a ferm=\n=E9 ses portes =  \r\nhier.", "Le caf\xc3\xa9 a ferm\xc3\xa9 ses portes hier.");
    /* HTML mail: "=3D\"" before an attribute's value; decoded, the page is HTML, and its text
     * is what is left. */
    expect_chars("<p class=3D\"x\">Hello</p> =3D", "Hello\n\n=");
    /* A NUL written as "=00" goes, as a control byte would. */
    expect_chars("caf=C3=A9=00 ok", "caf\xc3\xa9 ok");
    /* No sign beyond doubt: a formula, a hex value, one soft break, lower-case hex. */
    expect_chars("=SUM(A1:A3) and x=AB are fine =\nhere", "=SUM(A1:A3) and x=AB are fine =\nhere");
    expect_chars("caf=c3=a9 =E2=80", "caf=c3=a9 =E2=80");
    /* Encoded words: Q (underscores are spaces), B, in Latin-1 and in UTF-8, the space between two
     * words dropped, a charset with its language; a word in a charset iconv does not know, an
     * unfinished one and one with a space in it stay. */
    expect_chars("Re: =?UTF-8?Q?Caf=C3=A9_prices?= =?utf-8?B?IHJpc2U=?= today",
                 "Re: Caf\xc3\xa9 prices rise today");
    expect_chars("=?ISO-8859-1?Q?Gr=FC=DFe?= aus =?UTF-8*de?Q?K=C3=B6ln?=", "Gr\xc3\xbc\xc3\x9f" "e aus K\xc3\xb6ln");
    expect_chars("=?x-klingon?Q?abc?= =?UTF-8?Q?abc =?UTF-8?Q?a b?=", "=?x-klingon?Q?abc?= =?UTF-8?Q?abc =?UTF-8?Q?a b?=");
    /* quoted-printable = false leaves both. */
    expect_off("quoted-printable", "caf=C3=A9 =?UTF-8?Q?Caf=C3=A9?=", "caf=C3=A9 =?UTF-8?Q?Caf=C3=A9?=");
}
END_TEST

/* Markdown's source sent for text (clean 1.20): its links are their text, images, emphasis,
 * heading and quotation marks go; text that is no Markdown keeps its brackets and stars. */
START_TEST(test_markdown_source)
{
    expect_chars("## Fed holds rates\n\n**WASHINGTON** - The [Federal Reserve](https://www.federalreserve.gov/) "
                 "held rates, priced in *no change*, said [CME](https://x.test/a \"FedWatch\").\n\n"
                 "> \"We are patient,\" he said.\n![Powell at the lectern](https://x.test/p.jpg)\n"
                 "Economists at __Goldman Sachs__ agreed.",
                 "Fed holds rates\n\nWASHINGTON - The Federal Reserve held rates, priced in no change, said CME.\n\n"
                 "\"We are patient,\" he said.\n\nEconomists at Goldman Sachs agreed.");
    /* Inside a Markdown text: products, names joined by '_', a rule of underscores, a footnote's
     * star, a hashtag, a bracket without a target, stay. */
    expect_chars("See [the filing](https://x.test/f). 5 * 3 * 2 is 30; file_name_here; Price* applies.\n"
                 "______\n#hashtag [1] [a] (b)",
                 "See the filing. 5 * 3 * 2 is 30; file_name_here; Price* applies.\n______\n#hashtag [1] [a] (b)");
    /* No link and one pair of "**" is no sign: a text's own marks stay. */
    expect_chars("## Not a heading\n> quoted\n**one** pair and a rule ______ here",
                 "## Not a heading\n> quoted\n**one** pair and a rule ______ here");
    /* markdown = false leaves a link as it came. */
    expect_off("markdown", "The [Fed](https://x.test/) held.", "The [Fed](https://x.test/) held.");
}
END_TEST

/* Quotes doubled by CSV escaping, as news exported through a spreadsheet keeps them. */
START_TEST(test_doubled_quotes)
{
    expect_chars("He said: \"\"it's over,\"\" and the \"\"Blue Bloods\"\" star left.",
                 "He said: \"it's over,\" and the \"Blue Bloods\" star left.");
    /* Mostly marks: the few pairs next to a sign are escaped quotes too. */
    expect_chars("Press \"\"Like\"\" or \"\"Comment\"\", or the \"\"+\"\" button.",
                 "Press \"Like\" or \"Comment\", or the \"+\" button.");
    /* Left as they are: a text with quotes of its own, one pair alone, empty strings in code. */
    expect_chars("The \"real\" quote and a \"\"double\"\" one.", "The \"real\" quote and a \"\"double\"\" one.");
    expect_chars("Read More \"\"", "Read More \"\"");
    expect_chars("x = \"\" and y = \"\" or z = \"\"", "x = \"\" and y = \"\" or z = \"\"");
    expect_chars("a \"\"\"triple\"\"\" run and \"\"two\"\"", "a \"\"\"triple\"\"\" run and \"two\"");
    /* Off, and in the audit. */
    static const char *const off[] = {"doubled-quotes", "false", "boilerplate", "false", "title", "false", NULL};
    const char *t = "\"\"a\"\" and \"\"b\"\"";
    char *j = clean_json(off, t, strlen(t));
    ck_assert_ptr_nonnull(strstr(j, "\"text\":\"\\\"\\\"a\\\"\\\" and"));
    free(j);
    static const char *const audit[] = {"explain", "true", "boilerplate", "false", "title", "false", NULL};
    j = clean_json(audit, t, strlen(t));
    ck_assert_msg(strstr(j, "doubled quotes: 4 quotes doubled by CSV escaping made single") != NULL, "%s", j);
    free(j);
}
END_TEST

/* A story that came as an HTML page: its visible text, a line a block, then the usual steps. */
START_TEST(test_html_page)
{
    static const char page[] =
        "<!DOCTYPE html>\n<html><head><title>Pact | News</title>\n"
        "<style>body { color: red; }</style><script>var s = \"<p>no</p>\";</script></head>\n"
        "<body><div class=\"nav\"><a href=\"/\">Home</a> | <a href=\"/world\">World</a> | "
        "<a href=\"/sport\">Sport</a></div>\n<h1>Japan, India sign cyber pact</h1>\n"
        "<p>TOKYO &mdash; Japan and India on <b>Tuesday</b> <i>signed</i> an agreement to cooperate on "
        "cyber security, officials said.</p><p>The pact covers 5G networks and caf&eacute; &amp;amp; "
        "bar wifi, according to a joint statement released after the talks.</p>\n"
        "<div class=\"footer\">&copy; 2026 News Corp. All rights reserved.</div></body></html>";
    static const char *const parts[] = {
        "\"title\":\"Japan, India sign cyber pact\"",
        "\"text\":\"TOKYO \xe2\x80\x94 Japan and India on Tuesday signed an agreement",
        "said.\\n\\nThe pact covers 5G networks and caf\xc3\xa9 & bar wifi, according", NULL};
    char *j = clean_json(NULL, page, sizeof page - 1);
    for (size_t i = 0; parts[i]; i++)
        ck_assert_msg(strstr(j, parts[i]) != NULL, "%s lacks %s", j, parts[i]);
    static const char *const gone[] = {"Home", "color", "var s", "<", "All rights reserved", NULL};
    for (size_t i = 0; gone[i]; i++)
        ck_assert_msg(strstr(j, gone[i]) == NULL, "%s keeps %s", j, gone[i]);
    free(j);
    /* Nested past libxml2's usual depth limit (256): the text after it is still read. */
    quarry_buf deep = {0};
    for (int i = 0; i < 300; i++)
        quarry_buf_append(&deep, "<div>", 5);
    quarry_buf_append(&deep, "deep", 4);
    for (int i = 0; i < 300; i++)
        quarry_buf_append(&deep, "</div>", 6);
    quarry_buf_append(&deep, "<p>after it</p>", 15);
    quarry_buf_append(&deep, "", 1);
    expect_chars(deep.data, "deep\n\nafter it");
    quarry_buf_free(&deep);
    /* Prose with angle brackets is no page: a ticker, a comparison. */
    expect_chars("Plc <BP> said a < b, and <Z> too.", "Plc <BP> said a < b, and <Z> too.");
    /* Bytes that are not UTF-8 in a page are repaired before it is parsed, and the audit says so. */
    static const char *const audit[] = {"explain", "true", "boilerplate", "false", "title", "false", NULL};
    j = clean_json(audit, "<p>caf\xe9 one</p><p>two</p>", 25);
    ck_assert_msg(strstr(j, "caf\xc3\xa9 one") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "encoding: 1 bytes that were not UTF-8") != NULL, "%s", j);
    free(j);
    static const char *const off[] = {"html", "false", "boilerplate", "false", "title", "false", NULL};
    j = clean_json(off, "<p>one</p><p>two</p>", 20);
    ck_assert_msg(strstr(j, "\"text\":\"<p>one</p><p>two</p>\"") != NULL, "%s", j);
    free(j);
}
END_TEST

/* Text in a legacy encoding. An HTML page is decoded from the charset its <meta> declares (a
 * label read as browsers read it: gb2312 as GBK), other text from 'encoding'. Windows-1252
 * reads only the bytes that are not UTF-8, so that Cyrillic in Windows-1251 comes out as Latin
 * letters unless 'encoding' says what it is, or (auto, the default) it is guessed. */
START_TEST(test_legacy_encodings)
{
    static const char *const plain[] = {"boilerplate", "false", "title", "false", "repeats", "false", NULL};
    /* "Агентство «ТАСС»: Москва." in Windows-1251: "С»" is also a UTF-8 pair. */
    static const char ru_1251[] = "\xC0\xE3\xE5\xED\xF2\xF1\xF2\xE2\xEE \xAB\xD2\xC0\xD1\xD1\xBB: "
                                  "\xCC\xEE\xF1\xEA\xE2\xE0.";
    static const char ru_utf8[] = "\xD0\x90\xD0\xB3\xD0\xB5\xD0\xBD\xD1\x82\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE "
                                  "\xC2\xAB\xD0\xA2\xD0\x90\xD0\xA1\xD0\xA1\xC2\xBB: \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA"
                                  "\xD0\xB2\xD0\xB0.";
    quarry_buf page = {0};
    static const char head[] = "<html><head><meta charset=\"Windows-1251\"></head><body><p>";
    quarry_buf_append(&page, head, strlen(head));
    quarry_buf_append(&page, ru_1251, sizeof ru_1251 - 1);
    quarry_buf_append(&page, "</p></body></html>", strlen("</p></body></html>"));
    char *j = clean_json(plain, page.data, page.len);
    ck_assert_msg(strstr(j, ru_utf8) != NULL, "%s", j);
    free(j);
    quarry_buf_free(&page);
    /* Shift_JIS in http-equiv's content; "東京で会議". */
    static const char ja[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
                             "</head><body><p>\x93\x8C\x8B\x9E\x82\xC5\x89\xEF\x8B" "c</p><p>x</p></body></html>";
    j = clean_json(plain, ja, sizeof ja - 1);
    ck_assert_msg(strstr(j, "\"text\":\"\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE4\xBC\x9A\xE8\xAD\xB0\\n\\nx\"") != NULL,
                  "%s", j);
    free(j);
    /* gb2312 is read as GBK, as browsers do: "朱镕基", whose 镕 GB2312 lacks. */
    static const char zh[] = "<meta charset=gb2312><p>\xD6\xEC\xE9" "F\xBB\xF9</p><p>y</p>";
    j = clean_json(plain, zh, sizeof zh - 1);
    ck_assert_msg(strstr(j, "\"text\":\"\xE6\x9C\xB1\xE9\x95\x95\xE5\x9F\xBA\\n\\ny\"") != NULL, "%s", j);
    free(j);
    /* Plain text: read as Windows-1252 byte by byte when 'encoding' says so; the default guesses
     * Windows-1251 (test_guessed_encodings). */
    static const char *const western[] = {"encoding", "windows-1252", "boilerplate", "false", "title", "false", NULL};
    j = clean_json(western, ru_1251, sizeof ru_1251 - 1);
    ck_assert_msg(strstr(j, "\xC3\x80\xC3\xA3\xC3\xA5") != NULL && !strstr(j, ru_utf8), "%s", j);
    free(j);
    j = clean_json(plain, ru_1251, sizeof ru_1251 - 1);
    ck_assert_msg(strstr(j, ru_utf8) != NULL, "%s", j);
    free(j);
    static const char *const cyrillic[] = {"encoding", "windows-1251", "explain", "true", "boilerplate", "false",
                                           "title", "false", NULL};
    j = clean_json(cyrillic, ru_1251, sizeof ru_1251 - 1);
    ck_assert_msg(strstr(j, ru_utf8) != NULL, "%s", j);
    ck_assert_msg(strstr(j, "encoding: the text decoded from windows-1251 (encoding)") != NULL, "%s", j);
    free(j);
    /* A byte Windows-1251 does not have (0x98) becomes U+FFFD, and the audit counts it. */
    j = clean_json(cyrillic, "\xCC\xEE\x98\xF1", 4);
    ck_assert_msg(strstr(j, "\"text\":\"\xD0\x9C\xD0\xBE\xEF\xBF\xBD\xD1\x81\"") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "encoding: 1 bytes that the encoding does not have, as U+FFFD") != NULL, "%s", j);
    free(j);
    /* A page that declares Windows-1251 but is UTF-8 (a crawler converted it) stays as it is;
     * a charset iconv does not know is as none: Windows-1252. */
    quarry_buf utf8_page = {0};
    quarry_buf_append(&utf8_page, "<meta charset=\"windows-1251\"><p>", strlen("<meta charset=\"windows-1251\"><p>"));
    quarry_buf_append(&utf8_page, ru_utf8, sizeof ru_utf8 - 1);
    quarry_buf_append(&utf8_page, "</p><p>z</p>", strlen("</p><p>z</p>"));
    j = clean_json(plain, utf8_page.data, utf8_page.len);
    ck_assert_msg(strstr(j, ru_utf8) != NULL, "%s", j);
    free(j);
    quarry_buf_free(&utf8_page);
    /* XHTML says it in its XML declaration: "Ελλάδα" in Windows-1253. */
    static const char el[] = "<?xml version=\"1.0\" encoding=\"windows-1253\"?>\n<html><body><p>"
                             "\xC5\xeb\xeb\xdc\xe4\xe1</p><p>w</p></body></html>";
    j = clean_json(plain, el, sizeof el - 1);
    ck_assert_msg(strstr(j, "\"text\":\"\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1\\n\\nw\"") != NULL, "%s", j);
    free(j);
    static const char says_utf8[] = "<meta charset=\"UTF-8\"><p>caf\xe9</p><p>z</p>";
    j = clean_json(plain, says_utf8, sizeof says_utf8 - 1);
    ck_assert_msg(strstr(j, "\"text\":\"caf\xC3\xA9\\n\\nz\"") != NULL, "%s", j);
    free(j);
    static const char bogus[] = "<meta charset=\"x-klingon\"><p>caf\xe9</p><p>z</p>";
    j = clean_json(plain, bogus, sizeof bogus - 1);
    ck_assert_msg(strstr(j, "\"text\":\"caf\xC3\xA9\\n\\nz\"") != NULL, "%s", j);
    free(j);
    /* An encoding that iconv does not know stops the run before any data flows. */
    static const char *const unknown[] = {"encoding", "klingon", NULL};
    quarry_harness *h = testutil_harness("clean", unknown, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_msg(strstr(err.data, "encoding 'klingon' is none that iconv knows") != NULL, "%s", err.data);
    quarry_buf_free(&err);
    quarry_harness_free(h);
}
END_TEST

/* UTF8 in encoding ENC, by iconv: the bytes a legacy source would send. */
static quarry_buf encode_as(const char *enc, const char *utf8)
{
    iconv_t cd = iconv_open(enc, "UTF-8");
    ck_assert_msg(cd != (iconv_t)-1, "iconv knows no %s", enc);
    quarry_buf out = {0};
    char *in = (char *)utf8;
    size_t left = strlen(utf8);
    while (left) {
        char chunk[4096], *to = chunk;
        size_t room = sizeof chunk;
        size_t rc = iconv(cd, &in, &left, &to, &room);
        ck_assert(rc != (size_t)-1 || errno == E2BIG);
        quarry_buf_append(&out, chunk, sizeof chunk - room);
    }
    iconv_close(cd);
    return out;
}

/* The cleaned text of UTF8 sent in encoding ENC, cleaned with KV. */
static char *clean_sent_as(const char *const *kv, const char *enc, const char *utf8)
{
    quarry_buf bytes = encode_as(enc, utf8);
    char *j = clean_json(kv, bytes.data, bytes.len);
    quarry_buf_free(&bytes);
    return j;
}

/* The parameters of the decoding tests: the text alone, as decoded, with its audit line. */
static const char *const decoding_kv[] = {"boilerplate", "false", "title", "false", "repeats", "false",
                                          "explain", "true", NULL};

/* TEXT sent in encoding ENC comes out whole, its audit saying it was decoded from FROM (HOW). */
static void expect_decoded(const char *const *kv, const char *enc, const char *text, const char *from,
                           const char *how)
{
    char *j = clean_sent_as(kv, enc, text);
    ck_assert_msg(strstr(j, text) != NULL, "%s: %s", enc, j);
    char said[96];
    snprintf(said, sizeof said, "encoding: the text decoded from %s (%s)", from, how);
    ck_assert_msg(strstr(j, said) != NULL, "%s: %s", enc, j);
    free(j);
}

/* encoding = auto, the default: a text that names no encoding and is not UTF-8 is decoded from
 * the one uchardet guesses for it, where the guess is safe to take; else read as Windows-1252,
 * as before. */
START_TEST(test_guessed_encodings)
{
    static const struct {
        const char *enc, *text, *guessed;
    } legacy[] = {
        {"CP1251", "Правительство России в среду объявило о новых мерах поддержки экономики.", "windows-1251"},
        /* uchardet names KOI8-U "KOI8-R": read as KOI8-U, Ukrainian's і, ї and є are letters. */
        {"KOI8-U", "Уряд України у середу схвалив нову програму підтримки малого бізнесу. За словами "
                   "прем'єр-міністра, підприємці отримають пільгові кредити.", "koi8-u"},
        {"ISO-8859-7", "Η ελληνική κυβέρνηση ανακοίνωσε την Τετάρτη νέα μέτρα για τη στήριξη της οικονομίας.",
         "iso-8859-7"},
        {"SHIFT_JIS", "日本政府は水曜日、経済を支援するための新たな対策を発表した。", "shift_jis"},
        {"GB18030", "中国政府星期三宣布了支持经济发展的新措施。据财政部长介绍，明年的预算将增加百分之五。", "gb18030"},
        /* Latin with other accents: the guess holds for each half of the text too. */
        {"CP1250", "Rząd Polski przyjął w środę projekt ustawy o wsparciu dla rolników dotkniętych suszą. "
                   "Według ministra rolnictwa pomoc finansowa zostanie wypłacona jeszcze przed końcem roku, "
                   "a gospodarstwa otrzymają również ulgi podatkowe.", "windows-1250"},
        {"CP1254", "Türkiye hükümeti çarşamba günü ekonomiyi desteklemek için yeni önlemler açıkladı. Maliye "
                   "bakanına göre küçük işletmelerin vergileri gelecek yıldan itibaren düşürülecek.", "iso-8859-9"},
    };
    for (size_t i = 0; i < sizeof legacy / sizeof legacy[0]; i++)
        expect_decoded(decoding_kv, legacy[i].enc, legacy[i].text, legacy[i].guessed, "guessed");
    /* A text longer than the window the guess reads (256 KiB), whose window ends inside a
     * character: the whole text is decoded. */
    quarry_buf longer = {0};
    const char *line = "日本政府は水曜日、経済を支援するための新たな対策を発表した。\n";
    for (int i = 0; i < 6000; i++)
        quarry_buf_append(&longer, line, strlen(line));
    quarry_buf_append(&longer, "最後の行。", strlen("最後の行。") + 1);
    char *j = clean_sent_as(decoding_kv, "SHIFT_JIS", longer.data);
    ck_assert_msg(strstr(j, "発表した。\\n最後の行。\"") != NULL, "%.200s", j);
    ck_assert_msg(strstr(j, "encoding: the text decoded from shift_jis (guessed)") != NULL, "%.200s", j);
    free(j);
    quarry_buf_free(&longer);
    /* Western text stays Windows-1252, where uchardet guesses otherwise: Italian, named IBM852,
     * and Dutch, named MAC-CENTRALEUROPE ("Financiën" would be "Financięn"), code pages never
     * taken; a sentence it names ISO-8859-2, which would make "Ålesund" "Ĺlesund", but whose
     * halves it names otherwise. */
    static const char *const western[] = {
        "La Juventus ha battuto l'Inter per due a uno in una partita molto combattuta. È la terza vittoria "
        "consecutiva per la squadra torinese, che però resta a cinque punti dalla vetta.",
        "Het kabinet heeft woensdag besloten de accijns op brandstof niet te verhogen. Volgens de minister van "
        "Financiën zou een verhoging de koopkracht van gezinnen te zwaar treffen, terwijl de economie al onder "
        "druk staat.",
        "They are Paul Zürich Hermann, Perú John Clive Bayley Ålesund and Costas Galetakis.",
    };
    for (size_t i = 0; i < sizeof western / sizeof western[0]; i++) {
        j = clean_sent_as(decoding_kv, "CP1252", western[i]);
        ck_assert_msg(strstr(j, western[i]) != NULL, "%s", j);
        ck_assert_msg(strstr(j, "read as Windows-1252") != NULL && !strstr(j, "guessed"), "%s", j);
        free(j);
    }
    /* English with curly quotes and dashes, which uchardet takes for ISO-8859-7: read so, they
     * would be control characters, which score as mojibake, so the guess is dropped. */
    static const char quotes[] = "House Budget Committee Chairman\nWilliam Gray, D-Pa, said he would propose a "
                                 "freeze on all\nspending for federal government programs for the fiscal 1988\n"
                                 "budget to meet budget deficit targets.\n    \x93" "An outlay freeze \x97"
                                 " with no additional revenues \x97" " produces\nalmost enough savings to re";
    j = clean_json(decoding_kv, quotes, sizeof quotes - 1);
    ck_assert_msg(strstr(j, "\xE2\x80\x9C" "An outlay freeze \xE2\x80\x94 with") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "encoding: 3 bytes that were not UTF-8, read as Windows-1252") != NULL, "%s", j);
    free(j);
    /* UTF-8 with stray bytes (curly quotes pasted from Windows-1252): its UTF-8 stays, and the
     * stray bytes alone are read as Windows-1252, though uchardet, whole and by halves, takes it
     * for Windows-1250, whose reading ("MontrĂ©al") scores as mojibake. */
    static const char stray[] = "The minister said \x93we will not back down\x94 in Montréal. Zürich and Zürich "
                                "signed the accord. Québec said \x93markets will fall\x94 on Monday. The minister "
                                "said \x93we will not back down\x94 in Bogotá.";
    j = clean_json(decoding_kv, stray, sizeof stray - 1);
    ck_assert_msg(strstr(j, "The minister said “we will not back down” in Montréal. Zürich and Zürich signed") != NULL,
                  "%s", j);
    ck_assert_msg(strstr(j, "encoding: 6 bytes that were not UTF-8, read as Windows-1252") != NULL, "%s", j);
    free(j);
    /* Armenian in ARMSCII-8: uchardet names it UTF-8, so there is no guess to take, and it is
     * read as Windows-1252 (clean.sh checks the warning that such text then gets). */
    quarry_buf hy = encode_as("ARMSCII-8", "Հայաստանի կառավարությունը չորեքշաբթի օրը հաստատել է "
                                           "տնտեսության աջակցության նոր ծրագիր։");
    j = clean_json(decoding_kv, hy.data, hy.len);
    ck_assert_msg(strstr(j, "bytes that were not UTF-8, read as Windows-1252") != NULL && !strstr(j, "guessed"),
                  "%s", j);
    free(j);
    quarry_buf_free(&hy);
}
END_TEST

/* 7-bit text switched by escapes into Japanese, Korean or Chinese sets (ISO-2022) is decoded,
 * under encoding = auto or an ISO-2022 name, an HTML page's too; an ANSI colour's escape is no
 * such switch, and encoding = windows-1252 keeps the old reading. */
START_TEST(test_iso2022_encodings)
{
    static const struct {
        const char *enc, *text, *decoded;
    } texts[] = {
        {"ISO-2022-JP", "日本政府は水曜日、経済対策を発表した。Sony said so.", "ISO-2022-JP-2"},
        {"ISO-2022-KR", "한국 정부는 새로운 경제 대책을 발표했다.", "ISO-2022-KR"},
        {"ISO-2022-CN", "中国政府宣布了新的经济措施。", "ISO-2022-CN-EXT"},
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        expect_decoded(decoding_kv, texts[i].enc, texts[i].text, texts[i].decoded, "its escape sequences");
    static const char *const named[] = {"encoding", "iso-2022-jp", "title", "false", NULL};
    char *j = clean_sent_as(named, "ISO-2022-JP", "経済対策を発表した。");
    ck_assert_msg(strstr(j, "経済対策を発表した。") != NULL, "%s", j);
    free(j);
    j = clean_sent_as(decoding_kv, "ISO-2022-JP", "<html><body><p>経済対策を発表した。</p><p>Second paragraph.</p></body></html>");
    ck_assert_msg(strstr(j, "\"text\":\"経済対策を発表した。\\n\\nSecond paragraph.\"") != NULL, "%s", j);
    free(j);
    static const char *const western[] = {"encoding", "windows-1252", "title", "false", NULL};
    j = clean_sent_as(western, "ISO-2022-JP", "経済対策を発表した。");
    ck_assert_msg(strstr(j, "経済") == NULL, "%s", j);
    free(j);
    static const char ansi[] = "Red \x1b[31mALERT\x1b[0m text and \x1b$ alone";
    j = clean_json(decoding_kv, ansi, sizeof ansi - 1);
    ck_assert_msg(strstr(j, "\"text\":\"Red [31mALERT[0m text and $ alone\"") != NULL, "%s", j);
    free(j);
}
END_TEST

/* One acronym echoed many times by a spinner: every echo gets the expansion the document spells
 * out (found once, remembered for the document). */
START_TEST(test_spinner_echoes_repeated)
{
    quarry_buf text = {0};
    const char *head = "Artificial Intelligence changes news rooms.\n";
    quarry_buf_append(&text, head, strlen(head));
    for (int i = 0; i < 1000; i++)
        quarry_buf_append(&text, "The AI (AI) said so. ", 21);
    quarry_buf_append(&text, "", 1);
    char *out = clean_chars(text.data);
    size_t n = 0;
    for (const char *p = out; (p = strstr(p, "The Artificial Intelligence (AI) said so.")); p++)
        n++;
    ck_assert_uint_eq(n, 1000);
    free(out);
    quarry_buf_free(&text);
}
END_TEST

/* A spinner's template left unrendered: each group of options becomes its first one that is not
 * empty, nested groups too. Braces of code, markup, data or sets, and a word in braces alone,
 * are no template. With boilerplate on, the '|' of a template no longer makes its line a menu. */
START_TEST(test_spintax_rendered)
{
    expect_chars("The {company|firm|business} said {profits|earnings} rose {sharply|steeply}.",
                 "The company said profits rose sharply.");
    expect_chars("The {{big|large}|huge} deal {|really} closed {in {May|June}|later}.",
                 "The big deal really closed in May.");
    static const char *const kept[] = {
        "{\"id\": 1}", ".share { display: none; }", "echo ${HOME|x}", "{{ x|upper }}", "{single}",
        "{a|b", "{x | x > 0}", "a {}|{} b",
    };
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        expect_chars(kept[i], kept[i]);
    char *j = clean_json(NULL, "Markets\n\nThe {company|firm} said {profits|earnings} rose in the {first|1st} quarter.", 84);
    ck_assert_msg(strstr(j, "The company said profits rose in the first quarter.\""), "%s", j);
    free(j);
}
END_TEST

START_TEST(test_options)
{
    static const char *const nfkc[] = {"normalize", "nfkc", "boilerplate", "false", "title", "false", NULL};
    char *j = clean_json(nfkc, "\xef\xac\x81le \xe2\x91\xa0", 9);
    ck_assert_ptr_nonnull(strstr(j, "\"text\":\"file 1\""));
    free(j);
    /* NFKC changes even Latin-1: one half (U+00BD) is 1, fraction slash, 2. */
    j = clean_json(nfkc, "\xc2\xbd cup", 6);
    ck_assert_msg(strstr(j, "\"text\":\"1\xe2\x81\x84" "2 cup\"") != NULL, "%s", j);
    free(j);
    /* fold-forms = false keeps ligatures and width variants as they came. */
    expect_off("fold-forms", "\xef\xac\x81le \xef\xbc\xb4", "\xef\xac\x81le \xef\xbc\xb4");
    static const char *const quotes[] = {"straighten-quotes", "true", "boilerplate", "false", "title", "false", NULL};
    const char *q = "\xe2\x80\x9cHi\xe2\x80\x9d, it\xe2\x80\x99s";
    j = clean_json(quotes, q, strlen(q));
    ck_assert_ptr_nonnull(strstr(j, "\"text\":\"\\\"Hi\\\", it's\""));
    free(j);
    static const char *const orig[] = {"keep-original", "raw", "boilerplate", "false", "title", "false", NULL};
    j = clean_json(orig, "&amp;x", 6);
    ck_assert_ptr_nonnull(strstr(j, "\"raw\":\"&amp;x\""));
    ck_assert_ptr_nonnull(strstr(j, "\"text\":\"&x\""));
    free(j);
}
END_TEST

static const char page[] =
    "Ministers agree on cyber security pact - Big Story\n\nHome\nWorld\nBusiness\nSports\nAdvertisement\n\n"
    "Ministers agree on cyber security pact\n"
    "Published on October 8, 2020\n\n"
    "The two ministers agreed on Wednesday to work together on cyber security, and they said "
    "that the agreement would be signed in the coming weeks by both of the governments.\n\n"
    "The agreement is seen as a sign of the growing ties between the two countries, which have "
    "been talking about it for more than a year now.\n\n"
    "Story continues below this ad\n\n"
    "The agreement is seen as a sign of the growing ties between the two countries, which have "
    "been talking about it for more than a year now.\n\n"
    "Officials said the AI (AI) work would cover three .2 million devices in brand spanking new "
    "Delhi, and that it was only the first step of many.\n\n"
    "Share\nFacebook\nTwitter\nCall us: +91 99588 26967\n\n"
    "Related Stories\nAnother story here\nAnd another one\n";

START_TEST(test_article_page)
{
    static const char *const kv[] = {"explain", "true", NULL};
    char *j = clean_json(kv, page, sizeof page - 1);
    /* furniture and menus gone */
    static const char *const gone[] = {"Home", "Advertisement", "Story continues", "Facebook",
                                       "99588", "Another story", "Big Story", "security pact"};
    char *text = strstr(j, "\"text\":\"");
    char *end = strstr(j, "\",\"title\"");
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(end);
    *end = '\0';
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        ck_assert_msg(!strstr(text, gone[i]), "'%s' kept in %s", gone[i], text);
    /* every sentence of the story kept, the repeated paragraph once, spinner repaired */
    ck_assert_ptr_nonnull(strstr(text, "The two ministers agreed on Wednesday"));
    char *first = strstr(text, "The agreement is seen");
    ck_assert_ptr_nonnull(first);
    ck_assert_ptr_null(strstr(first + 1, "The agreement is seen"));
    ck_assert_ptr_nonnull(strstr(text, "the artificial intelligence (AI) work would cover 3.2 million devices in New Delhi"));
    *end = '"';
    /* The page's title, without the site's name: the page writes the headline alone too. */
    ck_assert_ptr_nonnull(strstr(j, "\"title\":\"Ministers agree on cyber security pact\""));
    ck_assert_ptr_nonnull(strstr(j, "\"date\":\"2020-10-08\""));
    ck_assert_ptr_nonnull(strstr(j, "\"explain\":["));
    ck_assert_ptr_nonnull(strstr(j, "\"furniture: Advertisement\""));
    ck_assert_ptr_nonnull(strstr(j, "\"repeat: The agreement is seen"));
    ck_assert_ptr_nonnull(strstr(j, "\"spinner: Officials said the AI (AI)"));
    ck_assert_ptr_null(strstr(j, "\"spun\":0,"));
    free(j);
}
END_TEST

/* Lines that are furniture by their shape, each case a page cleaned with explain = true whose
 * record (as JSON) must hold every string of `found` and none of `missing`:
 * - a row of share buttons flattened by a scrape into one line among the paragraphs, whatever
 *   stands between the names; a line that only names the networks is the story's;
 * - a page's time stamps, which still give the date; a sentence that begins with the same word,
 *   but no date after it (a figure that no time, month or "ago" follows is none), or a line of
 *   hard-wrapped copy that goes on with a sentence, is the story's;
 * - a page's code that a scrape took for text (a script, a style sheet, structured data), which
 *   would also make the paragraph after it look like furniture. */
START_TEST(test_furniture_shapes)
{
    static const struct {
        const char *page;
        const char *found[16], *missing[5];
    } cases[] = {
        {"Oil prices rose on Monday as OPEC members agreed to cut their output again, the cartel said.\n"
         "Facebook Twitter Email\n"
         "The cut takes effect in May, and it is the second this year, ministers told reporters in Vienna.\n"
         "Email \xe2\x80\xa2 Twitter\n"
         "Twitter and Facebook shares fell on Monday after the cut was announced by the ministers.\n",
         {"\"share-buttons: Facebook Twitter Email\"", "\"share-buttons: Email \xe2\x80\xa2 Twitter\"",
          "The cut takes effect in May", "\"text\":\"Oil prices rose", NULL},
         {"share-buttons: Twitter and Facebook", NULL}},
        {"Oil prices rise again\n\n"
         "Published: Nov. 19, 2019, 6:18 p.m. Updated: Nov. 19, 2019, 7:10 p.m.\n\n"
         "Oil prices rose on Monday as OPEC members agreed to cut their output again, the cartel said.\n\n"
         "Updated on: November 19, 2019 / 10:07 AM / CBS News\n\n"
         "Posted on social media by the ministers, the statement said the cut takes effect in May.\n\n"
         "Published in 1851, the paper reported the first such cut, and the ministers quoted it.\n\n"
         "Posted: Fri 6:45 PM, Feb 16, 2018 |\n\n"
         "The ministry said a report on the cut would be\npublished on April 6, 1987, with the figures.\n\n"
         "Posted 12% growth in May, the bank said of its lending, and more in June.\n\n"
         "13 hours ago\n\n32M ago\n\n7H ago 08:51\n\n"
         "2 days ago, the ministers met in Vienna to agree on the cut, the statement said.\n\n"
         "Posted by Jane Roe on November 19, 2019, 6:21 AM EST\n\n"
         "By Jane Roe, John Doe on Monday, November 18th, 2019 at 11:08 a.m.\n\n"
         "Posted by the ministers on Monday, the figures showed 12 cuts since 2016.\n",
         {"\"time-stamp: Published: Nov. 19, 2019, 6:18 p.m. Updated:", "\"time-stamp: Updated on: November 19, 2019",
          "\"time-stamp: Posted: Fri 6:45 PM", "\\n\\nPosted on social media by the ministers",
          "\\n\\nPublished in 1851, the paper", "\"date\":\"2019-11-19\"", "\"time-stamp: 13 hours ago\"",
          "\"time-stamp: 32M ago\"", "\"time-stamp: 7H ago 08:51\"",
          "\"time-stamp: Posted by Jane Roe on November 19, 2019", "\"time-stamp: By Jane Roe, John Doe on Monday",
          NULL},
         {"time-stamp: published on April 6", "time-stamp: Posted 12%", "time-stamp: 2 days ago",
          "time-stamp: Posted by the ministers", NULL}},
        {"Oil prices rose on Monday as OPEC members agreed to cut their output again, the cartel said.\n"
         "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}\n"
         ".article-body p { margin: 0 0 1em; font-size: 16px; }\n"
         "The cut takes effect in May, and it is the second this year, ministers told reporters.\n"
         "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Oil prices rise\"}\n"
         "googletag.cmd.push(function() { googletag.display('div-gpt-ad-123'); });\n"
         "Analysts expect prices to stay high through the summer, as demand recovers in Asia.\n",
         {"\"code: window.dataLayer", "\"code: .article-body p {", "\"code: {\\\"@context",
          "\"code: googletag.cmd.push", "\\nAnalysts expect prices to stay high", NULL},
         {"boilerplate: Analysts", NULL}},
        /* A broadcaster's picture credits and captions, its player's notice, a republication
         * note: furniture by pattern, though among the story's paragraphs. */
        {"Oil prices rose on Monday as OPEC members agreed to cut their output again, the cartel said.\n"
         "Image copyright Getty Images\nImage caption Ministers met in Vienna on Monday\n"
         "Media playback is unsupported on your device\n"
         "The cut takes effect in May, and it is the second this year, ministers told reporters.\n"
         "This article was originally published on The Conversation. Read the original article.\n",
         {"\"furniture: Image copyright Getty Images\"", "\"furniture: Image caption Ministers met",
          "\"furniture: Media playback is unsupported", "\"furniture: This article was originally published",
          "\\nThe cut takes effect in May", NULL},
         {NULL}},
        /* A paywall's notices, a reading time and a comment count (clean 1.20). */
        {"Stocks fell sharply on Wednesday as oil prices jumped to their highest level in two years.\n"
         "You have reached your limit of free articles this month.\nSubscribe now for unlimited access.\n"
         "Already a subscriber? Log in\n3 min read\nComments (12)\n"
         "The energy sector led gains while technology shares fell, analysts said on Wednesday.\n",
         {"\"furniture: You have reached your limit", "\"furniture: Subscribe now for unlimited access.\"",
          "\"furniture: Already a subscriber? Log in\"", "\"furniture: 3 min read\"", "\"furniture: Comments (12)\"",
          "\\nThe energy sector led gains", NULL},
         {NULL}},
        /* The marker a news API leaves where it cut the story (clean 1.22): it goes, the
         * ellipsis stays; alone, the line goes; a bracket of the text's own stays. */
        {"Stocks fell sharply on Wednesday as oil prices jumped to their highest level in two years.\n\n"
         "The Federal Reserve held its key rate steady, and it said in a statement that it still expects to "
         "cut rates three times this year\xe2\x80\xa6 [+4352 chars]\n",
         {"\"cut marker: [+4352 chars]\"", "three times this year\xe2\x80\xa6\"", NULL},
         {"chars]\",\"spun\"", NULL}},
        {"[+12 chars]", {"\"cut marker: [+12 chars]\"", "\"text\":\"\"", NULL}, {NULL}},
        /* An embedded tweet's signature, at a paragraph's end with its picture's link or on a
         * line of its own; photo credits and share buttons (clean 1.23). A handle in a sentence,
         * or a signature without its date, stays. */
        {"A powerful storm battered the coast on Tuesday, cutting power to thousands of homes, officials said.\n\n"
         "\"Stay off the roads tonight,\" the agency said. pic.twitter.com/AbC123 \xe2\x80\x94 NWS Boston "
         "(@NWSBoston) October 7, 2020\n\n"
         "\xe2\x80\x94 Governor Kristi Noem (@govkristinoem) November 18, 2019\n"
         "Photo: Getty Images\n(AP Photo/Evan Vucci)\nClick to share on Twitter (Opens in new window)\n\n"
         "Write to the agency's account (@NWSBoston) on Twitter, said the chief of the storm team on Tuesday.\n\n"
         "Emergency crews worked through the night - NWS Boston (@NWSBoston) - to restore power, the utility said.\n",
         {"\"embed: pic.twitter.com/AbC123 \xe2\x80\x94 NWS Boston (@NWSBoston) October 7, 2020\"",
          "the agency said.\\n\\n", "\"embed: \xe2\x80\x94 Governor Kristi Noem (@govkristinoem) November 18, 2019\"",
          "\"furniture: Photo: Getty Images\"", "\"furniture: (AP Photo/Evan Vucci)\"",
          "\"furniture: Click to share on Twitter (Opens in new window)\"", "account (@NWSBoston) on Twitter",
          "night - NWS Boston (@NWSBoston) - to restore", NULL},
         {NULL}},
        /* The signature's dash as other embeds write it, an en dash or a hyphen; a signature
         * inside a sentence, or one whose name is in brackets, is none. */
        {"Flood waters rose across the valley on Sunday, and the army moved families from three villages.\n\n"
         "\"We are moving north,\" the mayor wrote. \xe2\x80\x93 Mayor Ann Lee (@mayorlee) May 3, 2021\n\n"
         "\"Roads are closed,\" police said. - Valley Police (@valleypd) May 4, 2021\n\n"
         "Rescuers said the river - Green River (@greenriver) May 5, 2021 - was still rising on Monday.\n\n"
         "The county's account - (Valley County) (@valleyco) May 6, 2021\n",
         {"\"embed: \xe2\x80\x93 Mayor Ann Lee (@mayorlee) May 3, 2021\"", "\"embed: - Valley Police (@valleypd) May 4, 2021\"",
          "the mayor wrote.\\n\\n\\\"Roads are closed,\\\" police said.\\n\\nRescuers said the river - Green River "
          "(@greenriver) May 5, 2021 - was still rising",
          "(Valley County) (@valleyco) May 6, 2021", NULL},
         {"embed: - Green River", "embed: - (Valley County)", NULL}},
        {"The count was [+5] chars]", {"\"text\":\"The count was [+5] chars]\"", NULL}, {"cut marker", NULL}},
        /* An advertisement's label, a sidebar's marks and a sentence a link's prompt opens, that
         * a scrape ran into a paragraph, between two sentences or at its end after one (clean
         * 1.25); a sentence that begins with the word, or a prompt's words inside one, stays. */
        {"The studio said the film would open in June, \xe2\x80\x9c" "after this funny video.\xe2\x80\x9d Advertisement "
         "Cameron wants the industry standard to change, he told reporters on Monday.\n\n"
         "Advertisement revenue fell 5 percent in the quarter, the company said on Tuesday.\n\n"
         "The guidelines are a positive step, she says. Story continues below \"You won't have to wait,\" she added.\n\n"
         "The House has passed a similar bill, and the Senate is expected to vote next week. Advertisement\n\n"
         "Traces were detected in Moscow, he said. Start of sidebar. Skip to end of sidebar. End of sidebar. "
         "Return to start of sidebar. The levels are not dangerous, officials said. Click here (pdf) to read the "
         "study. Readers who click here get the report by email.\n",
         {"funny video.\xe2\x80\x9d Cameron wants", "\"ad-marker: Advertisement\"",
          "\"ad-marker: Story continues below\"", "a positive step, she says. \\\"You won't have to wait",
          "on Monday.\\n\\nAdvertisement revenue fell 5 percent", "to vote next week.\\n\\nTraces",
          "in Moscow, he said. The levels are not dangerous, officials said. Readers who click here get",
          "\"sidebar: Skip to end of sidebar.\"", "\"link-prompt: Click here (pdf) to read the study.\"", NULL},
         {"\" Advertisement Cameron", "below \\\"You", "next week. Advertisement", NULL}},
        /* Labels one after another at a line's start: each goes with the space after it
         * (the second's cut once began before the end of the first's, and aborted). */
        {"Start of sidebar. Skip to end of sidebar. The rest of the story goes on here, officials said on "
         "Monday.\n",
         {"\"text\":\"The rest of the story goes on here", "\"sidebar: Start of sidebar.\"",
          "\"sidebar: Skip to end of sidebar.\"", NULL},
         {NULL}},
        /* A list of links that a label heads, in brackets between two sentences or after the
         * last one to the line's end, and a site's own sentences (clean 1.25); a sentence that
         * names one, or opens as one does, stays. */
        {"The station is the most permanent dwelling ever built at the South Pole. [Related: Extreme Living: "
         "Scientists at the End of the Earth.] In the decades since, it has sunk into the snow, officials said. "
         "Follow the author on Twitter. Email Ann Poe, the author of this post. Read More: Most Innovative "
         "Companies: Twitter\n\n"
         "Related stories ran on the front page, and readers wrote in about them for weeks, the editor said. "
         "Follow the money, he told them. Subscribe to our newsletter for the latest news.\n",
         {"South Pole. In the decades since", "officials said.\\n\\nRelated stories ran",
          "\"links: [Related: Extreme Living: Scientists at the End of the Earth.]\"",
          "\"links: Read More: Most Innovative Companies: Twitter\"",
          "\"site-sentence: Follow the author on Twitter.\"", "\"site-sentence: Email Ann Poe, the author of this post.\"",
          "the editor said. Follow the money, he told them.\"",
          "\"site-sentence: Subscribe to our newsletter for the latest news.\"", NULL},
         {"Pole. [Related", NULL}},
        /* A story's paragraph that opens with a pattern's everyday words, or calls someone a
         * journalist after more than a name or in a "who" clause (clean 1.27: after the job too), is
         * no furniture; a short line so, one that ends no sentence, or an author's bio, still is
         * (clean 1.25). */
        {"Voters went to the polls on Tuesday in the first election since the new districts were drawn.\n\n"
         "Author Stephen King said on Monday that he had voted early, as he does every year.\n\n"
         "Jim Poe is a reporter for the Courier who was turned away at the polls on Tuesday morning.\n\n"
         "There was an error in the count in two districts, election officials said on Tuesday.\n\n"
         "Most popular among the voters was the plan to cut property taxes, the poll found.\n\n"
         "Ann Poe, who is a journalist for the Courier, was turned away at two polling stations.\n\n"
         "Trending Now\n\nAuthor: Jane Roe\n\nMost popular stories this week\n\n"
         "Phil Helsel is a reporter for NBC News.\n\n"
         "Shubhajit Roy, Diplomatic Editor at The Indian Express, has been a journalist for more than 25 years.\n",
         {"drawn.\\n\\nAuthor Stephen King said", "morning.\\n\\nThere was an error in the count",
          "on Tuesday.\\n\\nMost popular among the voters", "the poll found.\\n\\nAnn Poe, who is a journalist",
          "every year.\\n\\nJim Poe is a reporter for the Courier who was turned away",
          "\"furniture: Trending Now\"", "\"furniture: Author: Jane Roe\"",
          "\"furniture: Most popular stories this week\"", "\"furniture: Phil Helsel is a reporter for NBC News.\"",
          "\"furniture: Shubhajit Roy, Diplomatic Editor at The Indian Express, has been a journalist", NULL},
         {NULL}},
        /* Hard-wrapped wire copy: a line that goes on with the sentence above it is no furniture,
         * whatever its first words ("share on *", "recommended*"), nor is a line of a story on
         * biscuits that names cookies; a site's notice of cookies still is (clean 1.25). */
        {"    Acme Corp said its board declared a quarterly dividend of 10 cts a\n"
         "share on its common stock, payable May one to shareholders of record\n"
         "April 15. The board also recommended a two-for-one stock split, and\n"
         "recommended that shareholders approve it at the annual meeting.\n"
         "    The company makes cookies, candy and bakery trays for grocery stores\n"
         "across the Midwest, it said.\n"
         "    Police said the stolen cookies were found in a van near the bakery.\n"
         "Cookie Settings\n"
         "This website uses cookies to improve your experience.\n",
         {"dividend of 10 cts a\\nshare on its common stock", "stock split, and\\nrecommended that shareholders",
          "meeting.\\n\\nThe company makes cookies, candy and bakery trays",
          "it said.\\n\\nPolice said the stolen cookies were found", "\"furniture: Cookie Settings\"",
          "\"furniture: This website uses cookies to improve your experience.\"", NULL},
         {NULL}},
        /* A story's paragraph that begins with "Copyright" or "(c)" is no notice (clean 1.25; the
         * patterns "copyright*" and "(c) *" took it for furniture); a notice or a short line that
         * begins so still is. */
        {"The record labels filed suit on Monday against the streaming site, saying it had ignored their "
         "notices for years.\n\nCopyright infringement suits rose 20 percent last year, according to figures "
         "from the federal courts released on Friday.\n\n(c) the site must pay damages for each song, the labels "
         "said in their complaint filed in Manhattan.\n\nThe site did not respond to a request for comment on "
         "Monday evening.\n\nCopyright Policy\n\nCopyright 2019 Foo Media. Terms of Use\n",
         {"for years.\\n\\nCopyright infringement suits rose", "Friday.\\n\\n(c) the site must pay damages",
          "\"furniture: Copyright Policy\"", "\"furniture: Copyright 2019 Foo Media. Terms of Use\"", NULL},
         {NULL}},
        /* A publisher's rights notice that a scrape ran into a paragraph's end (clean 1.25): cut
         * before the lines are classified, where it ends a paragraph, else after (a letter's
         * signature before it); alone on its line it is furniture. "Copyright" without a year,
         * or "(c)" alone (a list's item), stays. */
        {"The council voted 7-2 to approve the budget on Tuesday, the mayor said. \xc2\xa9 Copyright 2011 "
         "Associated Press. All rights reserved. This material may not be published, broadcast, rewritten, or "
         "redistributed.\n\n"
         "The Copyright Office said in 2011 that the rights reserved to authors last 70 years after death.\n\n"
         "The plan has three parts: (a) new roads, (b) new schools and (c) 2011 levels of spending.\n\n"
         "Officials expect the vote to pass next week, he said. Copyright \xc2\xa9 2011 LiveScience.com\n\n"
         "Lawmakers should leave the guest-worker law alone until the federal government acts on immigration, "
         "and they should listen to the business owners who depend on it and to the families it keeps together "
         "in this state. Colt Herrera Taylorsville Copyright 2011 The Salt Lake Tribune. All rights reserved. "
         "This material may not be published, broadcast, rewritten or redistributed.\n\n"
         "Copyright (C) EnterMedia.co.kr. All right reserved.\n",
         {"\"rights: \xc2\xa9 Copyright 2011 Associated Press. All rights reserved. This material may not",
          "the mayor said.\\n\\nThe Copyright Office said in 2011", "death.\\n\\nThe plan has three parts",
          "\"rights: Copyright \xc2\xa9 2011 LiveScience.com\"", "he said.\\n\\nLawmakers",
          "in this state. Colt Herrera Taylorsville\"", "\"rights: Copyright 2011 The Salt Lake Tribune. All rights",
          "\"furniture: Copyright (C) EnterMedia.co.kr. All right reserved.\"", NULL},
         {"redistributed.\\n", "he said. Copyright", NULL}},
        /* A picture's caption and credit kept as text (clean 1.26): a line that ends in the credit
         * after a caption's few words, or a credit line that names Getty Images, is furniture; a
         * longer line loses the credit alone. A heading's "Credit:", "(pictured)" and "(Photos)"
         * name no source, and stay. */
        {"Health officials in Mongolia confirmed a second case of bubonic plague on Tuesday, after a "
         "hunter ate a rabbit.\n\n"
         "Yersinia pestis causes the plague (Image: GETTY)\n\n"
         "Officials attempting to control the spread of the plague Credit: The Siberian Times\n\n"
         "Alex Wong | Getty Images\n\n"
         "The hunter had eaten the rabbit raw, officials said, and the village where he lived was closed for six "
         "days while doctors tested everyone who had met him, as the law requires in the province, and the "
         "tests of all 28 of them came back clean on Monday night, the health ministry said. Photo credit: "
         "Flickr/Pilottage\n\n"
         "Consumer Credit: 5.2 billion dlrs in October\n\n"
         "Films such as Alien (pictured) made the disease famous again, the museum said in its guide.\n\n"
         "Plague doctors of the 14th century (Photos)\n",
         {"\"caption: Yersinia pestis causes the plague (Image: GETTY)\"",
          "\"caption: Officials attempting to control the spread of the plague Credit: The Siberian Times\"",
          "\"caption: Alex Wong | Getty Images\"", "\"credit: Photo credit: Flickr/Pilottage\"",
          "the health ministry said.\\n\\nConsumer Credit: 5.2 billion dlrs in October\\n\\nFilms such as Alien "
          "(pictured)", NULL},
         {"Pilottage\\n", "caption: Plague doctors", NULL}},
        /* Credits as agencies and papers write them: spaces inside the brackets, before the
         * colon or the slash, a labelled credit with a space before its colon, a photographer's
         * initial (no sentence's end), a credit line that names Getty Images after "via" or "by".
         * A label's word with no colon after it ("Credit Suisse", past another colon), or a
         * "Credit:" whose name runs on into sentences ("our reporter. He saw it all."), is the
         * story's. */
        {"Flood waters rose across the valley on Sunday, and the army moved families from three villages.\n\n"
         "The board's advisers on the loan, the ministry said on Monday, are these: Credit Suisse First Boston and two "
         "local banks\n\n"
         "Soldiers carry a child through the flooded main street ( Photo by Jane Doe )\n\n"
         "The army's trucks wait at the bridge (Photo / Ravi Kumar)\n\n"
         "The dam that failed on Saturday night Credit : NASA/Jude Guidry\n\n"
         "Villagers wait for the boats at dawn Credit: J. Puskar\n\n"
         "Image via Getty Images\n\n"
         "Photograph by Getty Images\n\n"
         "Rescuers reached the last village by noon, officials said. Credit: our reporter. He saw it all.\n",
         {"\"caption: Soldiers carry a child through the flooded main street ( Photo by Jane Doe )\"",
          "\"caption: The army's trucks wait at the bridge (Photo / Ravi Kumar)\"",
          "\"caption: The dam that failed on Saturday night Credit : NASA/Jude Guidry\"",
          "\"caption: Villagers wait for the boats at dawn Credit: J. Puskar\"", "\"caption: Image via Getty Images\"",
          "\"caption: Photograph by Getty Images\"",
          "from three villages.\\n\\nThe board's advisers on the loan, the ministry said on Monday, are these: "
          "Credit Suisse First Boston and two local banks\\n\\nRescuers reached the last village by noon, officials "
          "said. Credit: our reporter. He saw it all.\"",
          NULL},
         {"caption: Rescuers", "caption: The board", NULL}},
        /* A scraped page's first line is its title, the headline and the site's name: it lends
         * the page's menu below it no verdict, so the menu goes (clean 1.26). Before, a title
         * that read as a sentence kept every short line between it and the story. The title is
         * still the title. */
        {"Why are oil prices rising again? The cartel agrees to cut its output - Example News\n\n"
         "Skip to Article\nWorld\nBusiness\nMarkets\nSports\nWeather\n\n"
         "Oil prices rose on Monday as OPEC members agreed to cut their output again, the cartel said in a "
         "statement.\n\nThe cut takes effect in May, and it is the second this year, ministers told reporters in "
         "Vienna on Monday.\n",
         {"\"title\":\"Why are oil prices rising again? The cartel agrees to cut its output - Example News\"",
          "\"text\":\"Oil prices rose on Monday", "\"boilerplate: Markets\"", "\"boilerplate: Skip to Article\"",
          NULL},
         {NULL}},
        /* A page's title whose headline the page also writes on a line of its own: the title is
         * the headline alone, without the site's name and its sections', and that line goes
         * (clean 1.26). */
        {"Oil prices rise again as the cartel agrees to cut its output for the second time this year | Markets | "
         "Example News\n\n"
         "Oil prices rise again as the cartel agrees to cut its output for the second time this year\n\n"
         "Oil prices rose on Monday as OPEC members agreed to cut their output again, the cartel said in a "
         "statement.\n\nThe cut takes effect in May, and it is the second this year, ministers told reporters in "
         "Vienna on Monday.\n",
         {"\"title\":\"Oil prices rise again as the cartel agrees to cut its output for the second time this year\"",
          "\"text\":\"Oil prices rose on Monday",
          "\"title: Oil prices rise again as the cartel agrees to cut its output for the second time this year | "
          "Markets | Example News\"", NULL},
         {"\"text\":\"Oil prices rise again", NULL}},
        /* A blog's comments under WordPress's heading, their count and the post's title in quotes,
         * end the article (clean 1.26); a section's heading of the same words stays. */
        {"The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "funding, road repairs and the libraries, which had asked for more money this year.\n\n"
         "Five thoughts on the budget\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote, which was 7 to 2.\n\n"
         "The libraries will get the same as last year, and two of them will close on Sundays from March, the "
         "mayor said on Tuesday evening.\n\n"
         "6 thoughts on \xe2\x80\x9c" "Five thoughts on the budget\xe2\x80\x9d\n\n"
         "Jane Roe\n\nNovember 19, 2019 at 5:57 am\n\n"
         "I think the libraries should have got more money this year, as they do so much for the city.\n",
         {"\\n\\nFive thoughts on the budget\\n\\nThe police will get",
          "\"after-article: 6 thoughts on \xe2\x80\x9c" "Five thoughts on the budget\xe2\x80\x9d\"",
          "\"after-article: I think the libraries", NULL},
         {NULL}},
        /* The count of a post's comments alone on its line ends the article too (clean 1.27); a
         * sentence of the story's that holds the word ("He made the comments ...") does not. */
        {"The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "funding, road repairs and the libraries, which had asked for more money this year.\n\n"
         "The libraries will get the same as last year, and two of them will close on Sundays from March, the "
         "mayor said on Tuesday evening.\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote, which was 7 to 2.\n\n"
         "He made the comments on Tuesday, his office said.\n\n"
         "1 comment\n\nStephanie\n\n"
         "I think the libraries should have got more money this year, as they do so much for the city.\n",
         {"\"after-article: 1 comment\"", "\"after-article: I think the libraries",
          "7 to 2.\\n\\nHe made the comments on Tuesday, his office said.\"", NULL},
         {NULL}},
        /* A share bar's labels alone on their lines, a close button's "X", and a picture's credit
         * that opens with "Photo by" or "Photo illustration by" are furniture (clean 1.26; "Share
         * this:" and "More" 1.28); a
         * story's paragraph that opens with "Photo by" is not. */
        {"The museum opened its new wing on Tuesday, with 300 pictures of the city taken over a century.\n\n"
         "Share this:\nTweet\nComment\nX\nMore\n\nPhoto by Jane Roe\n\nPhoto illustration by Slate. Photo by Jane Roe.\n\n"
         "Photo by photo, the exhibit traces how the city grew, the curator said on Tuesday.\n\n"
         "445 shares\n\n1.2K Views\n\n12 shares were sold\n\n"
         "The wing cost $12 million, most of it given by the city's oldest bank, the museum said.\n\n"
         "This document is subject to copyright. No part may be reproduced without the written permission.\n\n"
         "This post may contain affiliate links. We may earn a commission on what you buy.\n\n"
         "Example Museum is a registered trademark of Example Holdings Inc.\n",
         {"\"furniture: Share this:\"", "\"furniture: Tweet\"", "\"furniture: Comment\"", "\"furniture: X\"",
          "\"furniture: More\"", "\"furniture: Photo by Jane Roe\"",
          "\"furniture: Photo illustration by Slate. Photo by Jane Roe.\"",
          "century.\\n\\nPhoto by photo, the exhibit traces", "\"share-count: 445 shares\"",
          "\"share-count: 1.2K Views\"", "\"furniture: This document is subject to copyright.",
          "\"furniture: This post may contain affiliate links.", "\"furniture: Example Museum is a registered trademark",
          NULL},
         {"share-count: 12 shares", NULL}},
        /* A byline alone on its line goes after the classification (clean 1.26), and the headline
         * above it is still the title; a paragraph that opens with "By" and a capital stays. */
        {"Floods close the town's main road\n\n"
         "The river that runs through the town rose faster than at any time since the records began.\n\n"
         "By Jane Roe | Example News Service\n\nBy Car: 2 hours from the city\n\n"
         "The river rose two metres overnight and closed the main road into the town, the police said on "
         "Monday.\n\nBy Tuesday, the water had receded from the town's streets, officials said.\n\n"
         "The road will reopen on Friday after engineers have checked the bridge, the council said.\n",
         {"\"title\":\"Floods close the town's main road\"", "\"byline: By Jane Roe | Example News Service\"",
          "Monday.\\n\\nBy Tuesday, the water had receded", NULL},
         {"byline: By Car", NULL}},
        /* A publisher's notes after a story, which read as its closing sentences (clean 1.24). */
        {"Acme Corp said on Tuesday that its third-quarter profit rose 12 percent, helped by strong demand "
         "for its industrial sensors in Europe and Asia.\n\nA spokesman declined to comment.\n\n"
         "The Associated Press contributed to this report.\n\nThis story has been updated.\n\n"
         "Have a news tip? Email us at tips@example.com.\n\nLike us on Facebook.\n\n"
         "A version of this article appears in print on Oct. 8, 2020, Section B, Page 1.\n\n"
         "Read the full report here.\n",
         {"Asia.\\n\\nA spokesman declined to comment.\"", "\"furniture: The Associated Press contributed",
          "\"furniture: This story has been updated.\"", "\"furniture: Have a news tip?",
          "\"furniture: Like us on Facebook.\"", "\"furniture: A version of this article appears in print",
          "\"furniture: Read the full report here.\"", NULL},
         {NULL}},
        /* Lists of other stories under their headings (clean 1.27): the paragraph of lines under
         * "Trending News" goes, though its lines read as sentences; a paragraph of one line under
         * "Most Read" is the story's. "More in Politics" ends the article, as "More from" did;
         * "More in Texas than anywhere else." is a sentence, and ends nothing. */
        {"The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "spending.\n\nTrending News\n\n"
         "The mayor says the city will sell its water company to a private firm next year.\n"
         "A man is arrested after a chase through the town on Sunday night, the police say.\n\n"
         "The police will get $1.1 billion, the same as this year, and the schools $900 million, the council "
         "said.\n\nMost Read\n\n"
         "The council's vote on the budget was the last of the year, and the mayor is expected to sign it on "
         "Friday.\n\nThe budget takes effect in July, the council said.\n\n"
         "More in Texas than anywhere else.\n\nMore in Politics\n\nThe governor signs the new map into law, and the state's schools will open a "
         "week later this year.\n",
         {"\"link-list: The mayor says the city", "\"link-list: A man is arrested",
          "spending.\\n\\nThe police will get",
          "Friday.\\n\\nThe budget takes effect in July, the council said.\\n\\nMore in Texas than anywhere else.\"",
          "\"after-article: More in Politics\"", NULL},
         {"link-list: The council's", NULL}},
        /* A menu's run of short lines that the paragraphs around it kept (clean 1.27) goes; the
         * same run after a line of the story's that ends in a colon, or with figures in it, or
         * ending in commas, as a verse's, stays. */
        {"The film festival opened on Friday with a sold-out screening of the director's new film.\n\n"
         "Home\nWorld\nBusiness\nCulture\nFilm & TV\nMusic\nBooks\nArt & Design\nStage\n\n"
         "The festival runs for ten days, and the jury will name its winners on the last night.\n\n"
         "The films in competition this year are:\n\n"
         "The Long Road\nSummer Rain\nA Quiet Life\nThe Last Boat\nNorth Wind\nSilent Harbour\n"
         "The Orchard\nBlue Hour\n\n"
         "Tickets for the closing night went on sale on Monday and sold out within the hour, the festival "
         "said.\n\nStandard: 12\nStudent: 8\nChild: 5\nSenior: 8\nFamily: 30\nGroup: 90\nMember: 6\nPress: 0\n\n"
         "The director read a poem of her own before the film began, and the audience stood.\n"
         "the river runs,\nthe boats go out,\nthe gulls are loud,\nthe nets come in,\nthe light goes down,\n"
         "the town is still,\nthe lamps are lit,\nand we are home.\n\n"
         "The festival's director said the programme was the strongest in its history.\n",
         {"\"menu: World\"", "\"menu: Art & Design\"", "\"menu: Stage\"",
          "last night.\\n\\nThe films in competition this year are:\\n\\nThe Long Road\\nSummer Rain",
          "Blue Hour\\n\\nTickets for the closing night", "Standard: 12\\nStudent: 8",
          "the gulls are loud,\\nthe nets come in,", NULL},
         {"menu: The Long Road", "menu: Standard", "menu: the river", NULL}},
        /* A blog's widget of counted links (clean 1.28): categories by their posts, headlines by
         * their comments, each run of 6 or more goes. A run of 5 stays, as does a story's table after
         * its colon, and lines whose label ends in a full stop. */
        {"The city's new library opened on Saturday, three years after the old one closed for repairs to its "
         "roof.\n\nPolitics (12)\nEconomy (7)\nHealth (1,204)\nSport (3)\n\nWorld (88)\nSchools (5)\n\n"
         "The library holds 200,000 books, and its reading room seats 300 people, the city said.\n\n"
         "Council votes on the library's budget (145)\nWeek 12 power rankings (133)\n"
         "The mayor says the roof is finally fixed (122)\nFive things to read this weekend (98)\n"
         "Readers' letters on the new library (64)\nThe city's best cafés, ranked by our readers (41)\n\n"
         "The seats in the council after the vote were:\n\nLabour (20)\nGreens (9)\nLiberals (7)\n"
         "Conservatives (6)\nIndependents (3)\nOthers (2)\n\n"
         "The building's costs, with the notes of the city's report, were these.\n\n"
         "The roof cost $2 million. (1)\nThe books cost $5 million. (2)\nThe chairs came from Spain. (3)\n"
         "The lamps came from Italy. (4)\nThe carpets are made of wool; (5)\nThe doors are made of oak, (6)\n\n"
         "The seven members who voted for the budget on Tuesday night, as the minutes of the meeting record them for the city (1)\n"
         "The five members who voted against the budget and asked for a new vote on it at the next meeting in May (2)\n"
         "The two members who stayed away from the meeting on Tuesday night, one of them ill and the other one abroad (3)\n"
         "The mayor, who could have broken a tie in the vote but was not asked to do so by anyone on the council (4)\n"
         "The clerk, who read the whole of the budget aloud to the council before the vote on it was taken that night (5)\n"
         "The public, of whom more than a hundred people came to watch the vote from the gallery above the council (6)\n\n"
         "Books (4)\nFilms (3)\nMusic (2)\nMaps (1)\nGames (8)\n\n"
         "The city plans two more libraries in the next five years, the mayor said.\n",
         {"\"counted-list: Politics (12)\"", "\"counted-list: Health (1,204)\"", "\"counted-list: Schools (5)\"",
          "\"counted-list: Council votes on the library's budget (145)\"",
          "\"counted-list: The city's best cafés, ranked by our readers (41)\"",
          "were:\\n\\nLabour (20)\\nGreens (9)", "Games (8)\\n\\nThe city plans",
          "The lamps came from Italy. (4)", NULL},
         {"counted-list: Labour", "counted-list: Books", "counted-list: The roof cost", "counted-list: The seven", NULL}},
        /* A publisher's notice of rights alone on its line ends the article once 400 bytes of it
         * are behind (clean 1.28), though more text follows it than came before (a page's teasers
         * after its footer); in a page's header, or without its sentence on rights, or after more
         * than two words (furniture all the same), it ends nothing. */
        {"\u00a9 2019 Example Media Inc. All Rights Reserved.\n\nCouncil passes budget\n\n"
         "The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "spending and road repairs that ran for more than six hours, officials said, and the mayor is expected "
         "to sign it on Friday.\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote on Tuesday night, which the mayor's office sent to reporters an hour "
         "later.\n\n"
         "\u00a9 2019 Example Media Inc.\n\n"
         "The council's statement closed with \u00a9 2019 Example City. All rights reserved.\n\n"
         "The libraries will get the same as last year, and two of them will close on Sundays from March, the "
         "mayor said on Tuesday evening.\n\n"
         "This site \u00a9 2019 Example Media Inc. All rights reserved.\n\n"
         "Why farmers may want to paint their cows with zebra stripes\n\n"
         "Some people thought the stripy cattle in a Japanese pasture were a practical joke, but the science "
         "behind the camouflaged cows could save farmers big money, researchers say in a new study.\n\n"
         "A woman risks her life to save a koala from the flames\n\n"
         "At least six people have died and hundreds of homes have been destroyed by the bushfires this week, "
         "and the fire service says the worst is still to come.\n\n"
         "Cities urge a boycott of the meat companies linked to the fires in the Amazon\n\n"
         "Lawmakers in the two biggest cities in the country want to cut their ties with the businesses that "
         "import beef from Brazil, they said in a letter on Monday, and more cities may join them.\n\n"
         "Schools reopen after the storm, and the buses run again on every route in the city\n\n"
         "The schools were closed for three days after the storm brought down trees and power lines across "
         "the region, and some roads are still closed, the police said.\n",
         {"\"furniture: This site \u00a9 2019 Example Media Inc.", "\"after-article: Why farmers may want",
          "the mayor is expected to sign it on Friday.\\n\\nThe police will get",
          "an hour later.\\n\\nThe libraries will get", "on Tuesday evening.\"", NULL},
         {"\"after-article: The police", "\"after-article: The libraries", NULL}},
        /* A date alone on its line, perhaps with its hour, is a page's stamp (clean 1.28): under the
         * headline, or above a list. Between two of the story's paragraphs it heads the next (a
         * timeline's) and stays; so do a sentence's end that a line holds alone ("March 1986."), a
         * day with no year nor hour ("Feb 17") and a table's columns ("2/26 2/27", two dates). */
        {"Council passes budget\nNov. 19, 2019, 6:18 p.m.\n\n"
         "The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "spending and road repairs that ran for more than six hours, officials said.\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote on Tuesday night.\n\nMarch 5, 2019\n\n"
         "The libraries will get the same as last year, and two of them will close on Sundays from March, the "
         "mayor said on Tuesday evening.\n\nToday 12:01 AM\n11/20/19 6:38 AM\nFriday 11:40AM\n5:50 PM\n"
         "November 19, 2019 / 12:21 AM / Updated 14 hours ago\nMarch 1986.\nFeb 17\n2/26 2/27\n"
         "02/28/87 01/31/87 02/28/86\nJanuary 2019 February 2019\n\n"
         "The mayor first proposed the cuts in the spring, and the council has debated them at every meeting "
         "since, with hundreds of people at each.\n\n"
         "The council will vote on next year's budget in the autumn, after the public hearings, and the mayor "
         "said she expects a long fight.\n",
         {"\"time-stamp: Nov. 19, 2019, 6:18 p.m.\"", "\"time-stamp: Today 12:01 AM\"",
          "\"time-stamp: 11/20/19 6:38 AM\"", "\"time-stamp: Friday 11:40AM\"", "\"time-stamp: 5:50 PM\"",
          "\"time-stamp: November 19, 2019 / 12:21 AM / Updated 14 hours ago\"", "Tuesday night.\\n\\nMarch 5, 2019\\n\\nThe libraries",
          "Tuesday evening.\\n\\nMarch 1986.\\nFeb 17\\n2/26 2/27\\n02/28/87 01/31/87 02/28/86\\n"
          "January 2019 February 2019\\n\\nThe mayor", NULL},
         {NULL}},
        /* "Editors' Picks", "Top Stories", "Related Topics", "More Great WIRED Stories", "Elsewhere
         * on the BBC" and "More Coverage" head lists of other stories (clean 1.28) and end the
         * article as "More from" does; a sentence that opens so ends nothing. */
        {"The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "spending and road repairs that ran for more than six hours, officials said.\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote on Tuesday night, which the mayor's office sent to reporters an hour "
         "after the meeting ended.\n\nTop stories were all about the budget.\n\n"
         "Editors' Picks\n\n"
         "A man is arrested after a chase through the town on Sunday night, and two officers are hurt, the "
         "police say.\n",
         {"\"after-article: Editors' Picks\"", "\"after-article: A man is arrested",
          "meeting ended.\\n\\nTop stories were all about the budget.\"", NULL},
         {NULL}},
        /* A numbered list after a paragraph of the story's that introduces it is the story's
         * (clean 1.28), though the classification took its short items for boilerplate; links'
         * addresses between them stay out. A list after a heading that went ("Most Read") is
         * none of the story's, nor is one after a line that went as furniture; two items are no
         * list, nor are items 11 lines apart. */
        {
         "The shops cut their prices on Friday for the start of the holiday season, and the queues began "
         "before dawn outside the biggest stores in the city, the police said.\n\nAnd who are we to stay "
         "out of the rush? Here, then, are the deals for nostalgic readers that should not be missed on t"
         "he sites that sell them this week:\n\n1) Lego Star Wars bomber\nhttp://x.test/0\n2) Electric ra"
         "cing track\nhttp://x.test/1\n3) Blade Runner on Blu-ray\nhttp://x.test/2\n4) Swiss army knife, "
         "red\nhttp://x.test/3\n5) Polaroid camera\nhttp://x.test/4\n6) The Wall on DVD\nhttp://x.test/5"
         "\n\nMost Read\n\n1. Mayor opens new bridge\n2. Storm closes schools\n3. Council passes budget\n"
         "4. Zoo welcomes pandas\n\nHome\nNews\nSport\n",
         {"this week:\\n\\n1) Lego Star Wars bomber\\n2) Electric racing track", "6) The Wall on DVD\"",
          "\"boilerplate: 1. Mayor opens new bridge\"", NULL},
         {"x.test/0\\n", NULL}},
        {
         "The shops cut their prices on Friday for the start of the holiday season, and the queues began "
         "before dawn outside the biggest stores in the city, the police said.\n\nAnd who are we to stay "
         "out of the rush? Here, then, are the deals for nostalgic readers that should not be missed on t"
         "he sites that sell them this week:\n\n1) Lego Star Wars bomber\nhttp://x.test/0\n2) Electric ra"
         "cing track\nhttp://x.test/1\n\nSign up for our newsletters to get these every week:\n\n1. Morning briefing\n2. Evening news\n3. Weekend reads\n\nMost Read\n\n1. Mayor opens new bridge\n2. Storm closes schools"
         "\n3. Council passes budget\n4. Zoo welcomes pandas\n\nHome\nNews\nSport\n",
         {"\"boilerplate: 1) Lego Star Wars bomber\"", "\"boilerplate: 2) Electric racing track\"",
          "this week:\",\"spun\"", NULL},
         {NULL}},
        {
         "The shops cut their prices on Friday for the start of the holiday season, and the queues began "
         "before dawn outside the biggest stores in the city, the police said.\n\nAnd who are we to stay "
         "out of the rush? Here, then, are the deals for nostalgic readers that should not be missed on t"
         "he sites that sell them this week:\n\n1) Lego Star Wars bomber\n2) Electric racing track\nCarto"
         "ons\nFilms\nToys\nTelevision\nBooks\nComics\nMusic\nCharacters\nSeries\nAdverts\nGames\n3) Blad"
         "e Runner on Blu-ray\n\nHome\nNews\nSport\n",
         {"this week:\",\"spun\"", NULL},
         {NULL}},
        /* A video player's playlist (clean 1.28): its count, "(3 Videos)", and as many titles below
         * it go, and no more; a paragraph of the story's ends it early; a count over 100 is none.
         * The player's labels ("JUST WATCHED", "Replay") are furniture. */
        {"The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "spending and road repairs that ran for more than six hours, officials said.\n\n"
         "JUST WATCHED\n\nReplay\nMore Videos ...\n\nMUST WATCH\n\n(3 Videos)\n\nTrade talks are going well, the "
         "president says\n\n"
         "How one app changed the country\n\nThe trade war's latest victim: factories\n\n"
         "Why the markets fell on Monday\n\n(2 videos)\n\nThe storm in pictures\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote on Tuesday night.\n\n(120 Videos)\n\n"
         "The libraries will get the same as last year, and two of them will close on Sundays from March, the "
         "mayor said on Tuesday evening.\n",
         {"\"playlist: (3 Videos)\"", "\"playlist: Trade talks are going well", "\"playlist: The trade war's latest",
          "\"playlist: The storm in pictures\"", "officials said.\\n\\nWhy the markets fell on Monday\\n\\nThe police",
          "\"furniture: JUST WATCHED\"", "\"furniture: Replay\"", "\"furniture: More Videos ...\"",
          "\"furniture: MUST WATCH\"",
          "Tuesday night.\\n\\n(120 Videos)\\n\\nThe libraries", NULL},
         {NULL}},
        /* A figure alone on its line is a counter whose noun is an icon (clean 1.28): a share
         * bar's, a gallery's. After a kept line that ends in a word or a figure it may go on with
         * its table's row, or with its sentence ("... as they have since" / "1986."), and stays.
         * A figure with two dots is a date's or a version's (test_byline_is_no_headline). */
        {"The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "spending and road repairs that ran for more than six hours, officials said.\n\n"
         "Facebook\n420\nTwitter\n23\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote on Tuesday night.\n\nOperating profit 1,492,000 vs profit\n\n1,842,000\n\n"
         "The libraries will get the same as last year, and two of them will close on Sundays from March, as "
         "they have since\n1986.\n",
         {"\"share-count: 420\"", "\"share-count: 23\"", "vs profit\\n\\n1,842,000\\n\\nThe libraries",
          "as they have since\\n1986.\"", NULL},
         {NULL}},
        /* A site's promotion of its own channels (clean 1.28): "Follow ... on Twitter", a
         * newsletter's sign-up. A story's lines on followers or on a newsletter stay, and a long
         * paragraph that opens "Follow" is no promotion. */
        {"The newsletter, which has 40,000 subscribers, will close next month, its editor said on Tuesday "
         "after a year of losses.\n\n"
         "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.\n\n"
         "Her followers on Twitter, more than two million of them, will lose the daily notes she wrote for "
         "them, the editor said.\n\n"
         "Get the day's top headlines delivered to your inbox every morning by subscribing to our newsletter.\n\n"
         "Get our daily Entertainment newsletter\n\n"
         "The editor plans to write a book about the newsletter's ten years, and will start it in the spring.\n\n"
         "Follow the money, the investigators told the committee on Tuesday, and you will find that the funds "
         "went through banks in Cyprus, Malta and Latvia before they reached the campaign, whose staff posted "
         "the receipts on Twitter and Facebook for anyone to see, though few people did in the months before "
         "the vote.\n",
         {"\"furniture: Follow Newsbeat on Instagram", "\"furniture: Get the day's top headlines",
          "\"furniture: Get our daily Entertainment newsletter\"",
          "after a year of losses.\\n\\nHer followers on Twitter", "the editor said.\\n\\nThe editor plans",
          "in the spring.\\n\\nFollow the money", NULL},
         {NULL}},
        /* "Related" and "Related Tags" alone head lists of other stories (clean 1.28); a
         * newsletter's and a video's prompts, a form's notice of its captcha and a stamp's label
         * without its date are furniture. */
        {"The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "spending and road repairs that ran for more than six hours, officials said, and the mayor will sign "
         "it on Friday.\n\n"
         "Publish date:\n\nShare to facebook\nGetty\nCaption\nBack to Gallery\nSTAY CONNECTED\n\n"
         "Our Standards: The Thomson Reuters Trust Principles.\n\nAll quotes delayed a minimum of 15 minutes.\n\n"
         "Breaking News Emails\n\nGet breaking news alerts and special reports. The news and stories that "
         "matter, delivered weekday mornings.\n\nThis site is protected by recaptcha Privacy Policy | Terms of "
         "Service\n\nGET FOX BUSINESS ON THE GO BY CLICKING HERE\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote on Tuesday night, which the mayor's office sent to reporters an hour "
         "after the meeting ended.\n\nRelated\n\n"
         "The zoo welcomed twin pandas on Monday, the first born in the city in forty years, and their keepers "
         "say they will go on show in the spring, when they are old enough to leave their mother.\n",
         {"\"furniture: Publish date:\"", "\"furniture: Share to facebook\"", "\"furniture: Getty\"",
          "\"furniture: Caption\"", "\"furniture: Back to Gallery\"", "\"furniture: STAY CONNECTED\"",
          "\"furniture: Our Standards:", "\"furniture: All quotes delayed",
          "\"furniture: Breaking News Emails\"", "\"furniture: Get breaking news alerts",
          "\"furniture: This site is protected by recaptcha", "\"furniture: GET FOX BUSINESS ON THE GO",
          "\"after-article: Related\"", "\"after-article: The zoo welcomed", NULL},
         {NULL}},
        /* An author's box under the story ends it (clean 1.28): "Sobre" ("About") and a name, the
         * name again in the note below. "About" and a name that the next paragraph does not
         * mention (a section's heading) ends nothing, nor does "About" and one word. */
        {"The city council approved a budget of $4.2 billion on Tuesday after a long debate over police "
         "spending and road repairs that ran for more than six hours, officials said, and the mayor will sign "
         "it on Friday.\n\n"
         "The police will get 3 percent more than last year, and the roads 5 percent more, the council said in "
         "a statement after the vote on Tuesday night, which the mayor's office sent to reporters an hour "
         "after the meeting ended.\n\n"
         "About Jane Roe\n\n"
         "The libraries will get the same as last year, and two of them will close on Sundays from March, the "
         "mayor said on Tuesday evening.\n\nAbout Sundays\n\nSundays will be quiet in the libraries from March, "
         "the mayor said.\n\nSobre Carlos Nadalim\n\n"
         "Pai de Francesco e Teresa, Carlos Nadalim \u00e9 tamb\u00e9m coordenador pedag\u00f3gico numa escola em "
         "Londrina, cidade onde mora.\n",
         {"\"after-article: Sobre Carlos Nadalim\"", "\"after-article: Pai de Francesco",
          "meeting ended.\\n\\nAbout Jane Roe\\n\\nThe libraries", "About Sundays\\n\\nSundays will be quiet",
          NULL},
         {NULL}},
        /* A blog's share buttons and its widgets' labels, as WordPress writes them, in English and in
         * Indonesian, are furniture (clean 1.28); "Terkait" ("Related") heads its related posts. */
        {"Pemerintah kota mengumumkan pada hari Selasa bahwa semua sekolah di kota itu akan diperbaiki "
         "sebelum akhir tahun depan, kata wali kota kepada wartawan di balai kota pada sore hari.\n\n"
         "Sharing is caring!\n\nFlipboard\nGoogle+\n\n"
         "Proyek itu menelan biaya dua belas miliar rupiah dan akan dibayar dengan dana dari pemerintah "
         "provinsi, kata wali kota, dan pekerjaan akan dimulai pada bulan Maret tahun depan dan berlangsung "
         "selama sepuluh bulan, sementara para murid belajar di gedung sekolah lain di dekatnya.\n\n"
         "Suka Memuat...\n\nTerkait\n\nWali kota membuka jembatan baru di pusat kota pada hari Senin pagi, dan "
         "ribuan warga datang untuk melihatnya.\n\nMeta\n\nEntries feed\nFeed Komentar\nWordPress.com\n"
         "Blogroll\n",
         {"\"furniture: Sharing is caring!\"", "\"furniture: Flipboard\"", "\"furniture: Google+\"",
          "\"furniture: Suka Memuat...\"", "\"after-article: Terkait\"", "\"after-article: Wali kota membuka",
          NULL},
         {NULL}},
        /* A table's row of small figures is no phone number (clean 1.28): two figures of one digit
         * between spaces break the run of digits; a phone number stays furniture. */
        {"Kyle Busch won the championship on Sunday after a race that ran for more than three hours, and "
         "his team said it would celebrate in Charlotte this week.\n\n"
         "2 Kyle Busch 5040 5 1 17 27\n3 Kevin Harvick 5033 4 6 15 26\n\n"
         "Harvick finished third in the standings, seven points behind Busch, after a late crash cost him two "
         "places in the last laps of the race.\n\nCall 02-751-1500\n",
         {"week.\\n\\n2 Kyle Busch 5040 5 1 17 27\\n3 Kevin Harvick 5033 4 6 15 26\\n\\nHarvick",
          "\"phone: Call 02-751-1500\"", NULL},
         {NULL}},
        /* A page's table heads its rows on the line above them, and neither ends in a word: the
         * heading is no wire story's cut lead line, run onto the first row (clean 1.31). */
        {"Home Depot reported third-quarter earnings that topped estimates as revenue fell short, sending shares "
         "lower ahead of the opening bell. Rival Lowe's was also lower following the results.\n\n"
         "Continue Reading Below\n\nTicker Security Last Change Change %\n"
         "HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%\nLOW LOWE'S COMPANIES INC. 113.40 -1.62 -1.41%\n\n"
         "The home-improvement retailer earned $2.8 billion, or $2.53 per diluted share, as revenue rose 3.5 "
         "percent to $27.2 billion, and analysts had expected less.\n",
         {"results.\\n\\nTicker Security Last Change Change %\\nHD THE HOME DEPOT INC. 225.86", NULL},
         {"\"title: Ticker", NULL}},
        /* Nor is a row of prices (clean 1.30): two decimal figures or more, alone or in a range
         * ("145.00-150.00"), where a phone number written with points has them in one figure. */
        {"London gas oil futures closed higher on Tuesday as traders bought ahead of the holiday, and\n"
         "dealers said the market would stay firm for the rest of the week.\n\n"
         " Apr    148.00 148.00 148.25 148.50 147.75    38\n"
         " FEATHER MEAL 145.00-150.00 SOYBEAN 156.70-160.70\n\n"
         "Prices of barley were unchanged, as was the volume of trade in the other months of the market.\n\n"
         "Call 555.123.4567\n",
         {"week.\\n\\nApr 148.00 148.00 148.25 148.50 147.75 38\\nFEATHER MEAL 145.00-150.00 SOYBEAN",
          "\"phone: Call 555.123.4567\"", NULL},
         {NULL}},
        /* A list of other stories set into the article, prose below it: its heading ends nothing
         * (clean 1.27); the list goes, the story after it stays. */
        {"Health officials in the region confirmed a third case of the plague on Tuesday, after two people "
         "fell ill in the capital last week.\n\nThe other 28 people who met the patients have shown no "
         "symptoms, the officials said.\n\nThe disease is treatable with antibiotics if it is found early, "
         "doctors said.\n\nThe city's hospitals have set aside wards for any new patients, and the airport "
         "checks the temperature of every passenger who arrives from the region, the health ministry said in "
         "a statement on Tuesday evening.\n\nRelated articles\n\nPlague outbreak: two diagnosed in the capital\n"
         "Horror as a plague of mosquitoes heads for the coast\n\n"
         "The plague killed up to 60 percent of Europe's population in the 14th century.\n\n"
         "Isolated cases still occur, with a dozen diagnosed each year.\n",
         {"\"link-list: Plague outbreak: two diagnosed", "\"link-list: Horror as a plague",
          "on Tuesday evening.\\n\\nThe plague killed up to 60 percent",
          "a dozen diagnosed each year.\"", NULL},
         {"after-article", NULL}},
        /* An author's note under the story ends it (clean 1.27), as a related-stories marker
         * does; a sentence of the story's on a journalist, with its clause, does not. */
        {"The studio said on Tuesday that it would cut 300 jobs this year as it moves its films to its own "
         "streaming service, which has 20 million subscribers.\n\n"
         "The cuts fall mostly on the studio's marketing and distribution teams, the company said in a memo "
         "to its staff that was seen by reporters on Tuesday.\n\n"
         "The studio's shares rose 4 percent in New York after the memo was reported, and analysts said the "
         "cuts would save it about $200 million a year.\n\n"
         "Jane Roe is a veteran reporter at the Daily Planet who covered the studio's last round of cuts in "
         "2018.\n\n"
         "Meg Doe is a corporate media reporter for the Example Times, covering the business of television.\n\n"
         "Get our daily newsletter\n\nThe best of the week's films, delivered to your inbox every Friday.\n",
         {"\"after-article: Meg Doe is a corporate media reporter", "\"after-article: The best of the week",
          "$200 million a year.\\n\\nJane Roe is a veteran reporter at the Daily Planet who covered",
          "last round of cuts in 2018.\"", NULL},
         {NULL}},
        /* WordPress's "Leave a Reply" and "Related articles" in other languages end an article
         * as the English do (clean 1.27); "Комментарии" ("Comments") only as a heading alone.
         * "Читайте также: ..." ("Read also: ...") before a link's title set into a story goes,
         * and ends nothing. */
        {"A prefeitura anunciou nesta terça-feira que vai reformar todas as escolas da cidade até o fim do "
         "próximo ano.\n\nO projeto custa 12 milhões de reais e será pago com recursos do governo do estado, "
         "disse o prefeito aos jornalistas.\n\nAs obras começam em março e devem durar dez meses, segundo a "
         "secretaria de educação da cidade.\n\nOs alunos serão levados para outras escolas durante as obras, "
         "disse a secretaria.\n\nDeixe uma resposta Cancelar resposta\n\n"
         "Que ótima notícia para as crianças da nossa cidade, parabéns ao prefeito pela iniciativa!\n",
         {"\"after-article: Deixe uma resposta Cancelar resposta\"", "\"after-article: Que ótima notícia",
          "durante as obras, disse a secretaria.\"", NULL},
         {NULL}},
        {"Мэрия объявила во вторник, что до конца следующего года отремонтирует все школы города, "
         "сообщил мэр журналистам.\n\nПроект стоит 12 миллионов рублей и будет оплачен из бюджета области.\n\n"
         "Работы начнутся в марте и продлятся десять месяцев, сообщили в управлении образования.\n\n"
         "Читайте также: Мэр открыл новый мост\n\n"
         "Комментарии экспертов были единодушны.\n\n"
         "Похожие статьи\n\nВ городе открылась новая библиотека, и в ней уже записались первые читатели.\n",
         {"\"after-article: Похожие статьи\"", "\"after-article: В городе открылась",
          "\"furniture: Читайте также: Мэр открыл новый мост\"",
          "сообщили в управлении образования.\\n\\nКомментарии экспертов были единодушны.\"", NULL},
         {NULL}},
        /* A page's template (clean 1.29): a gallery's caption three times between the story's short
         * lines, which it no longer lends a bad verdict; a ticker's teasers, cut off, twice. A
         * paragraph twice (a pull quote) is kept once; a table's row twice is data, kept twice. */
        {"Festival opens at Marronnier Park - Example Theater\n\nHome\nTickets\nShare on Facebook\n"
         "Share on Twitter\n\n"
         "The festival opened on a special stage at Marronnier Park on Saturday evening, with three "
         "performances by the theater's company.\n\n"
         "2018 Example Theater Tradition Series Performance at Daehak-ro Festival\n\n"
         "The refreshing autumn sky!\n\n"
         "2018 Example Theater Tradition Series Performance at Daehak-ro Festival\n\n"
         "Crowds of people came to see the opening ceremony!\n\n"
         "2018 Example Theater Tradition Series Performance at Daehak-ro Festival\n\n"
         "The dancers wore traditional costumes and performed to the cheerful beat of the drums, the "
         "organisers said.\n\n"
         "The dancers wore traditional costumes and performed to the cheerful beat of the drums, the "
         "organisers said.\n\n"
         "The festival runs until October 3, and tickets for the evening shows cost 40,000 won, the theater "
         "said on Sunday.\n\n"
         "Adults 40,000 won 50,000 won 60,000 won 70,000 won\n\n"
         "Adults 40,000 won 50,000 won 60,000 won 70,000 won\n\n"
         "Minister opens the new bridge over the river as crowds gather to watch the ceremony in town...\n"
         "Council votes to keep the library open on Sundays after parents and teachers sign a petition...\n\n"
         "Minister opens the new bridge over the river as crowds gather to watch the ceremony in town...\n"
         "Council votes to keep the library open on Sundays after parents and teachers sign a petition...\n",
         {"\"template: 2018 Example Theater Tradition Series Performance at Daehak-ro Festival\"",
          "\\n\\nThe refreshing autumn sky!\\n\\nCrowds of people came to see the opening ceremony!\\n\\n",
          "\"repeat: The dancers wore", "\"template: Minister opens the new bridge", "\"template: Council votes",
          "Sunday.\\n\\nAdults 40,000 won 50,000 won 60,000 won 70,000 won\\n\\nAdults 40,000 won",
          "\"title\":\"Festival opens at", NULL},
         {"\"template: The dancers", "\"template: Adults", "\"repeat: Adults", NULL}},
        /* A wire's table is no page (no furniture): its heading twice is no template's. */
        {"Average interest rates on yen certificates of deposit fell to 4.27 pct in the week ended February "
         "25, the Bank of Japan said.\n\n"
         "Average CD rates of city, trust and long-term banks\n\nLess than 60 days 4.33 pct (4.32)\n\n"
         "Average CD rates of city, trust and long-term banks\n\n60-90 days 4.13 pct (4.37)\n",
         {"Less than 60 days 4.33 pct (4.32)", NULL}, {"\"template:", NULL}},
    };
    static const char *const kv[] = {"explain", "true", NULL};
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        char *j = clean_json(kv, cases[c].page, strlen(cases[c].page));
        for (size_t i = 0; cases[c].found[i]; i++)
            ck_assert_msg(strstr(j, cases[c].found[i]) != NULL, "'%s' not in %s", cases[c].found[i], j);
        for (size_t i = 0; cases[c].missing[i]; i++)
            ck_assert_msg(strstr(j, cases[c].missing[i]) == NULL, "'%s' in %s", cases[c].missing[i], j);
        free(j);
    }
}
END_TEST

/* A scraped story puts each paragraph on a line, the headline's body right below it: the
 * headline is still the title (not so the first line of a hard-wrapped paragraph, above). */
START_TEST(test_headline_above_a_paragraph_line)
{
    static const char story[] =
        "Reisch takes over as commander of SD National Guard\n"
        "RAPID CITY, S.D. - The South Dakota National Guard made some leadership changes on Saturday, "
        "when Brig. Gen. Timothy Reisch was installed as state adjutant general.\n"
        "Both change-of-command ceremonies were in Rapid City, the Guard said in a statement.\n";
    static const char *const parts[] = {"\"title\":\"Reisch takes over as commander of SD National Guard\"",
                                        "\"text\":\"RAPID CITY, S.D. - The South Dakota", NULL};
    char *j = clean_json(NULL, story, sizeof story - 1);
    for (size_t i = 0; parts[i]; i++)
        ck_assert_msg(strstr(j, parts[i]) != NULL, "%s lacks %s", j, parts[i]);
    free(j);
}
END_TEST

/* A byline or a dateline is no headline, and does not keep a headline above it from its body;
 * a date that does not exist ("31 February", "31.02.2020") is no date. */
START_TEST(test_byline_is_no_headline)
{
    static const char body[] = "Officials from both countries met on Tuesday in Tokyo to discuss a wide range "
                               "of issues, including cyber security and trade.\n";
    static const struct {
        const char *head, *title, *date; /* NULL for none */
    } cases[] = {
        {"By John Smith\n", NULL, NULL},
        {"By JOHN SMITH, Associated Press Writer\n", NULL, NULL},
        {"Japan and India agree on cyber pact\nBy John Smith\n", "Japan and India agree on cyber pact", NULL},
        {"By the numbers: Japan and India trade\n", "By the numbers: Japan and India trade", NULL},
        {"Japan and India agree on cyber pact\nMarch 5, 2011\n", "Japan and India agree on cyber pact",
         "2011-03-05"},
        {"Japan and India agree on cyber pact\n29 February 2012\n", "Japan and India agree on cyber pact",
         "2012-02-29"},
        {"31 February 2011\n", NULL, NULL},
        /* A label introducing what follows is no headline; a headline may name a date. */
        {"Why in News:\n", NULL, NULL},
        {"India-Japan Cyber Security Cooperation (12 October 2020)\n",
         "India-Japan Cyber Security Cooperation (12 October 2020)", "2020-10-12"},
        {"Updated: Monday, 12 October 2020\nJapan and India agree on cyber pact\n", "Japan and India agree on cyber pact",
         "2020-10-12"},
        /* Read within the line: the date search once parsed numbers past its end (valgrind). */
        {"Japan and India agree on cyber pact\n26-FEB-1987\n", "Japan and India agree on cyber pact", "1987-02-26"},
        /* Dates in figures: year first with slashes, day first with dots, in Chinese and
         * Japanese, and with slashes where a part over 12 tells the day; where nothing tells
         * day from month, still a dateline, but no date. Not a version or an address. */
        {"Japan and India agree on cyber pact\n2020/10/08\n", "Japan and India agree on cyber pact", "2020-10-08"},
        {"Japan and India agree on cyber pact\n08.10.2020\n", "Japan and India agree on cyber pact", "2020-10-08"},
        {"Japan and India agree on cyber pact\n2020\xe5\xb9\xb4" "10\xe6\x9c\x88" "8\xe6\x97\xa5\n",
         "Japan and India agree on cyber pact", "2020-10-08"},
        {"Japan and India agree on cyber pact\n13/10/2020\n", "Japan and India agree on cyber pact", "2020-10-13"},
        {"Japan and India agree on cyber pact\n10/13/2020 10:30\n", "Japan and India agree on cyber pact",
         "2020-10-13"},
        {"Japan and India agree on cyber pact\n08/10/2020\n", "Japan and India agree on cyber pact", NULL},
        {"Japan and India agree on cyber pact\nVersion 1.2.3\n", NULL, NULL},
        {"Japan and India agree on cyber pact\n31.02.2020\n", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        quarry_buf text = {0};
        quarry_buf_append(&text, cases[i].head, strlen(cases[i].head));
        quarry_buf_append(&text, body, sizeof body - 1);
        quarry_buf_append(&text, body, sizeof body - 1);
        char *j = clean_json(NULL, text.data, text.len);
        char want[200];
        snprintf(want, sizeof want, "\"title\":\"%s\"", cases[i].title ? cases[i].title : "");
        if (cases[i].title)
            ck_assert_msg(strstr(j, want) != NULL, "%s lacks %s", j, want);
        else
            ck_assert_msg(strstr(j, "\"title\"") == NULL, "%s has a title", j);
        snprintf(want, sizeof want, "\"date\":\"%s\"", cases[i].date ? cases[i].date : "");
        if (cases[i].date)
            ck_assert_msg(strstr(j, want) != NULL, "%s lacks %s", j, want);
        else
            ck_assert_msg(strstr(j, "\"date\"") == NULL, "%s has a date", j);
        free(j);
        quarry_buf_free(&text);
    }
}
END_TEST

START_TEST(test_hard_wrapped_wire_story)
{
    static const char story[] =
        "Standard Oil Co and BP North America\n"
        "Inc said they plan to form a venture to manage the money market\n"
        "borrowing and investment activities of both companies.\n"
        "    BP North America is a subsidiary of British Petroleum Co\n"
        "Plc &lt;BP>, which also owns a 55 pct interest in Standard Oil.\n"
        "    Shr 34 cts vs 28 cts\n"
        "    Net 1,234,000 vs 987,000\n"
        "\n Reuter\n&#3;";
    char *j = clean_json(NULL, story, sizeof story - 1);
    ck_assert_msg(strstr(j, "\"text\":\"Standard Oil Co and BP North America\\nInc said they plan to form a venture") != NULL, "%s", j);
    /* Its paragraphs and table rows begin indented: each is written after a blank line. */
    ck_assert_ptr_nonnull(strstr(j, "companies.\\n\\nBP North America is a subsidiary"));
    ck_assert_ptr_nonnull(strstr(j, "Plc <BP>, which also owns"));
    ck_assert_ptr_nonnull(strstr(j, "Standard Oil.\\n\\nShr 34 cts vs 28 cts\\n\\nNet 1,234,000 vs 987,000\""));
    ck_assert_ptr_null(strstr(j, "Reuter"));
    ck_assert_ptr_null(strstr(j, "\"title\""));
    free(j);
    static const char tail[] = "The mint said on Monday that it would issue gold coins from next month.\n"
                               "    The smaller coins will be in denominations of a tenth of an ounce. REUTER";
    j = clean_json(NULL, tail, sizeof tail - 1);
    ck_assert_msg(strstr(j, "a tenth of an ounce.\"") != NULL, "%s", j);
    ck_assert_ptr_null(strstr(j, "REUTER"));
    free(j);
}
END_TEST

/* Typed copy, a wire's: its paragraphs begin indented under a line of text, and no page's
 * furniture surrounds it. jusText's classification, made for pages, is not applied: a short
 * story's lead line stays ("Tribune Co said it will offer up to 100"), and so do an earnings
 * report's rows and its "Year", a table's rows that read as phone numbers, and a line that a
 * short line's sentence runs onto, whatever a pattern of furniture says of it. Without the
 * indentation, a short line whose sentence runs onto the next (in lower case) is one block with
 * it, and no headline: the lead line of a story of one paragraph stays too. */
START_TEST(test_typed_copy)
{
    static const struct {
        const char *copy, *want;
    } cases[] = {
        {"Tribune Co said it will offer up to 100\nmln dlrs of medium-term notes.\n"
         "    The notes will be offered on a continuing basis through\nSalomon Brothers Inc.\n"
         "    Proceeds will be used for general corporate purposes.\n Reuter\n&#3;",
         "\"text\":\"Tribune Co said it will offer up to 100\\nmln dlrs of medium-term notes.\\n\\nThe notes"},
        {"Shr profit 78 cts vs loss 38 cts\n    Net profit 3,108,000 vs loss 1,510,000\n    Year\n"
         "    Shr profit 2.42 dlrs vs loss 2.01 dlrs\n    Net profit 9.6 mln vs loss eight mln\n"
         "    NOTE: Includes extraordinary gains of 22 cts per share and\n36 cts in 1986.\n Reuter\n&#3;",
         "\"text\":\"Shr profit 78 cts vs loss 38 cts\\n\\nNet profit 3,108,000 vs loss 1,510,000\\n\\nYear\\n\\n"
         "Shr profit 2.42 dlrs vs loss 2.01 dlrs\\n\\nNet profit 9.6 mln vs loss eight mln\\n\\n"
         "NOTE: Includes extraordinary gains of 22 cts per share and\\n36 cts in 1986.\""},
        {"Fish catches in the first quarter, in thousand tonnes, were:\n"
         "    PERU 56 28 238 104\n    NORWAY 14 14 97 130\n    JAPAN 67 91 213 249\n Reuter\n&#3;",
         "were:\\n\\nPERU 56 28 238 104\\n\\nNORWAY 14 14 97 130\\n\\nJAPAN 67 91 213 249\""},
        /* A short line's sentence runs onto a line that a pattern of furniture matches. */
        {"Divi Hotels N.V. said its board\nrecommended that shareholders approve payment of an initial\n"
         "dividend of 12-1/2 cts a share.\n    The dividend will be paid on May 1.\n Reuter\n&#3;",
         "\"text\":\"Divi Hotels N.V. said its board\\nrecommended that shareholders approve"},
        /* ... and is no headline, though a paragraph on a line follows it. */
        {"Zayre Corp said sales for the\nfour weeks ended February 28 were up 25.7 pct to 327.0 mln dlrs from "
         "260.2 mln dlrs a year before, the company said on Monday in a statement.\n",
         "\"text\":\"Zayre Corp said sales for the\\nfour weeks ended"},
        {"Zayre Corp said sales for the\nfour weeks ended February 28 were up 25.7 pct to 327.0 mln dlrs\n"
         "from 260.2 mln dlrs a year before.\n Reuter\n&#3;",
         "\"text\":\"Zayre Corp said sales for the\\nfour weeks ended"},
        /* A lead line whose dateline was cut runs onto the wrapped line under it, whatever that
         * line begins with (clean 1.31). */
        {"India will hold a buying tender on\nWednesday, March 4, for two to three cargoes of white sugar for\n"
         "March/April shipment, traders said.\n Reuter\n&#3;",
         "\"text\":\"India will hold a buying tender on\\nWednesday, March 4"},
        {"Diamond Shamrock Corp said it set March\n26 as the record date for stockholders entitled to vote at its\n"
         "April 30 annual meeting.\n Reuter\n&#3;",
         "\"text\":\"Diamond Shamrock Corp said it set March\\n26 as the record date"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        char *j = clean_json(NULL, cases[c].copy, strlen(cases[c].copy));
        ck_assert_msg(strstr(j, cases[c].want) != NULL, "case %zu: %s", c, j);
        free(j);
    }
    /* A page's phone number still goes: no paragraph of it is indented, and a list's item
     * indented under a paragraph, as a page converted to text sets one, is no paragraph. */
    static const char *const items[] = {"", "  * forty beds\n", "  - forty beds\n", "  \xe2\x80\xa2 forty beds\n",
                                        "  1. forty beds\n"};
    for (size_t k = 0; k < sizeof items / sizeof *items; k++) {
        char clinic[512];
        snprintf(clinic, sizeof clinic,
                 "The clinic opened its new wing on Monday, and the first patients were seen there the same "
                 "afternoon, the hospital said. The wing has:\n%s\nCall us: +91 99588 26967\n", items[k]);
        char *j = clean_json(NULL, clinic, strlen(clinic));
        ck_assert_msg(strstr(j, "99588") == NULL, "item %zu: %s", k, j);
        free(j);
    }
}
END_TEST

/* A copy is one byte for byte, and of a whole unit of text. A wire's earnings report tells the
 * quarter's and the year's figures in lines that differ only in their figures, or not at all:
 * each row is data. In hard-wrapped copy a paragraph told twice goes whole, its short last line
 * too; two sentences that end on the same words ("... underlying economic" / "fundamentals.")
 * keep them; a paragraph told again with changes keeps both tellings whole. */
START_TEST(test_repeats_byte_for_byte)
{
    static const char report[] = "Shr one dlr vs 73 cts\n"
                                 "    Net 12.6 mln vs 15.8 mln\n"
                                 "    Revs 337.3 mln vs 315.2 mln\n"
                                 "    Nine mths\n"
                                 "    Shr 3.07 dlrs vs 3.08 dlrs\n"
                                 "    Net 66 mln vs 66.2 mln\n"
                                 "    Revs 337.3 mln vs 315.2 mln\n"
                                 " Reuter\n&#3;";
    static const char *const kv[] = {"explain", "true", NULL};
    char *j = clean_json(kv, report, sizeof report - 1);
    ck_assert_msg(strstr(j, "\"text\":\"Shr one dlr vs 73 cts\\n\\nNet 12.6 mln vs 15.8 mln\\n\\n"
                            "Revs 337.3 mln vs 315.2 mln\\n\\nNine mths\\n\\nShr 3.07 dlrs vs 3.08 dlrs\\n\\n"
                            "Net 66 mln vs 66.2 mln\\n\\nRevs 337.3 mln vs 315.2 mln\"") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "\"repeat:") == NULL, "%s", j);
    free(j);
    static const char story[] =
        "The finance minister said current rates almost reflect\neconomic fundamentals, and the central bank\n"
        "would not act, he said on Monday, as it\nsaw none.\n"
        "    The composite index, a weighted average of 355 listed\nfirms, closed at 398.72 yesterday. It started 1987 at 264.82.\n"
        "    The finance minister said current rates almost reflect\neconomic fundamentals, and the central bank\n"
        "would not act, he said on Monday, as it\nsaw none.\n"
        "    The composite index, a weighted average of 355 listed\nfirms, closed at 398.72 yesterday. It started 1987 at 264.82.\n"
        "    But he could not say which currency levels would be in line with the underlying economic\n"
        "fundamentals.\n"
        "    Nor would he say when the nations would meet again to review the underlying economic\n"
        "fundamentals.\n"
        "    The ministers of the six nations met in Paris last month\nand agreed to cooperate on rates.\n"
        "    The ministers of the six nations met in Paris last month\nand agreed to work together.\n"
        " Reuter\n&#3;";
    j = clean_json(kv, story, sizeof story - 1);
    ck_assert_msg(strstr(j, "\"text\":\"The finance minister said current rates almost reflect\\neconomic "
                            "fundamentals, and the central bank\\nwould not act, he said on Monday, as it\\n"
                            "saw none.\\n\\nThe composite index, a weighted average of 355 listed\\nfirms, closed at "
                            "398.72 yesterday. It started 1987 at 264.82.\\n\\nBut he could not say") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "the underlying economic\\nfundamentals.\\n\\nNor would he say when the nations "
                            "would meet again to review the underlying economic\\nfundamentals.\\n\\n") != NULL,
                  "%s", j);
    ck_assert_msg(strstr(j, "last month\\nand agreed to cooperate on rates.\\n\\nThe ministers of the six nations "
                            "met in Paris last month\\nand agreed to work together.\"") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "\"repeat: saw none.\"") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "\"repeat: firms, closed at 398.72 yesterday. It started 1987 at 264.82.\"") != NULL, "%s", j);
    free(j);
    /* A line that a rule took bounds a unit: a caption of a wrapped line's length between share
     * buttons of one, told ten times (hard-wrapped text to the classification's test), is kept
     * once. */
    char gallery[2048] = "The council approved the budget on Tuesday after a long debate, officials said.\n\n";
    for (int k = 0; k < 10; k++)
        strcat(gallery, "Click to share on Twitter (Opens in new window)\n"
                        "The 2018 Example Theater Tradition Series Performance\n");
    j = clean_json(kv, gallery, strlen(gallery));
    const char *caption = strstr(j, "\"text\":\"The council approved the budget on Tuesday after a long debate, "
                                    "officials said.\\n\\nThe 2018 Example Theater");
    ck_assert_msg(caption && !strstr(caption + 60, "Example Theater Tradition Series Performance\\n"), "%s", j);
    free(j);
    /* The headline again goes, though a caption stands right under it. */
    static const char headline_again[] = "Ministers agree on a cyber security pact for the region\n\n"
                               "The two ministers agreed on Wednesday to work together on cyber security, and they said "
                               "that the agreement would be signed in the coming weeks.\n\n"
                               "Ministers agree on a cyber security pact for the region\nFile photo\n\n"
                               "The agreement is seen as a sign of the growing ties between the two countries, which have "
                               "been talking about it for more than a year now.\n";
    j = clean_json(kv, headline_again, sizeof headline_again - 1);
    ck_assert_msg(strstr(j, "\"repeat: Ministers agree on a cyber security pact for the region\"") != NULL, "%s", j);
    free(j);
}
END_TEST

/* Cleans the story HEAD + a paragraph + TAIL; the text must read WANT_START ... WANT_END. */
static void expect_story(const char *head, const char *tail, const char *want_start, const char *want_end)
{
    static const char body[] = "Officials from both countries met on Tuesday in Tokyo to discuss a wide range "
                               "of issues, including cyber security and trade.";
    quarry_buf text = {0}, want = {0};
    quarry_buf_append(&text, head, strlen(head));
    quarry_buf_append(&text, body, sizeof body - 1);
    quarry_buf_append(&text, tail, strlen(tail));
    char *j = clean_json(NULL, text.data, text.len);
    quarry_buf_append(&want, "\"text\":\"", 8);
    quarry_buf_append(&want, want_start, strlen(want_start));
    quarry_buf_append(&want, "", 1);
    ck_assert_msg(strstr(j, want.data) != NULL, "%s lacks %s", j, want.data);
    want.len = 0;
    quarry_buf_append(&want, want_end, strlen(want_end));
    quarry_buf_append(&want, "\"", 2);
    ck_assert_msg(strstr(j, want.data) != NULL, "%s does not end %s", j, want.data);
    free(j);
    quarry_buf_free(&text);
    quarry_buf_free(&want);
}

START_TEST(test_wire_furniture_in_lines)
{
    const char *const end = "cyber security and trade.";
    /* A byline run into the first paragraph goes, the dateline stays. */
    expect_story("By Jane Roe and John Doe NEW YORK (Reuters) - ", "", "NEW YORK (Reuters) - Officials", end);
    expect_story("BY JANE ROE ROME\u2014", "", "ROME\u2014Officials", end);
    expect_story("By Jane Roe WASHINGTON -- ", "", "WASHINGTON -- Officials", end);
    /* No dateline after it, or no byline: nothing goes. */
    expect_story("By Jane Roe of Nature magazine ", "", "By Jane Roe of Nature magazine Officials", end);
    expect_story("By the numbers NEW YORK - ", "", "By the numbers NEW YORK - Officials", end);
    /* An agency's contact trailer and the editors before it go, on the last line or their own. */
    expect_story("", " Editors: Jane Roe, J Doe To contact the reporter on this story: Jane Roe in Paris at "
                     "jroe@example.net; To contact the editor responsible for this story: John Doe at jdoe@example.net",
                 "Officials", end);
    expect_story("", "\n\nTo contact the reporters on this story: Jane Roe at jroe@example.net\n"
                     "To contact the editor responsible for this story: John Doe at jdoe@example.net\n",
                 "Officials", end);
    expect_story("", " Editor: B Kunto Wibisono", "Officials", end);
    /* Without an address, or with more than names after "Editors:", it is the story's text. */
    expect_story("", " To contact the reporter on this story, call the desk.", "Officials",
                 "To contact the reporter on this story, call the desk.");
    expect_story("", " Editors: We are sorry for the error.", "Officials", "Editors: We are sorry for the error.");
    /* Editors' notes go at the start of a line or after a sentence, not inside one. */
    expect_story("(Updates with comments in second paragraph.) April 1 (Bloomberg) - ", " (Corrects spelling of name)",
                 "April 1 (Bloomberg) - Officials", end);
    expect_story("", " The talks (Adds details) went on.", "Officials", "The talks (Adds details) went on.");
    /* The agency's credits go: in a parenthesis after the last sentence, or on a line of their
     * own that names an editor; a sentence that begins so stays. */
    expect_story("", " (Reporting by Jane Roe and Ann Poe; Editing by John Doe)", "Officials", end);
    expect_story("", "\n\nReporting by Jane Roe; additional reporting by Ann Poe; Editing by John Doe\n", "Officials",
                 end);
    expect_story("", "\n\nReporting by the BBC showed the talks went well. Editing by hand is slow.\n", "Officials",
                 "Editing by hand is slow.");
    /* Each is in the audit, once. */
    static const char *const kv[] = {"explain", "true", NULL};
    static const char story[] = "By Jane Roe TOKYO (Reuters) - Officials from both countries met on Tuesday in "
                                "Tokyo to discuss a wide range of issues. (Adds details) To contact the reporter "
                                "on this story: Jane Roe at jroe@example.net";
    char *j = clean_json(kv, story, sizeof story - 1);
    ck_assert_msg(strstr(j, "\"byline: By Jane Roe\"") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "\"editors-note: (Adds details)\"") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "\"contact: To contact the reporter on this story: Jane Roe at jroe@example.net\"") != NULL,
                  "%s", j);
    ck_assert_msg(strstr(j, "\"text\":\"TOKYO (Reuters) - Officials from both countries met on Tuesday in Tokyo to "
                            "discuss a wide range of issues.\"") != NULL,
                  "%s", j);
    free(j);
    /* A note on a line of its own is one dropped line, listed once. */
    static const char noted[] = "Oil prices jump\n\n(Updates with comments in second paragraph)\nOil prices jumped on "
                                "Monday after OPEC agreed to cut output by a million barrels a day, traders said.\n";
    j = clean_json(kv, noted, sizeof noted - 1);
    const char *note = strstr(j, "\"editors-note: (Updates with comments in second paragraph)\"");
    ck_assert_msg(note && !strstr(note + 30, "(Updates with"), "%s", j);
    free(j);
}
END_TEST

START_TEST(test_own_title_repaired)
{
    /* A feed's title field, garbled as its text: its characters are repaired, on one line. */
    quarry_harness *h = testutil_harness("clean", NULL, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *r = quarry_record_new();
    static const char title[] = "STANDARD OIL &lt;SRD> TO FORM\n  Caf\xc3\x83\xc2\xa9 UNIT";
    static const char text[] = "Standard Oil Co said it plans to form a financial unit, the company said on Monday.";
    quarry_set_string(r, "title", title, sizeof title - 1);
    quarry_set_string(r, "text", text, sizeof text - 1);
    ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s", err.data);
    /* An empty title stays empty (nothing to repair, and nothing to compare). */
    quarry_set_string(r, "title", "", 0);
    ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s", err.data);
    /* A title in HTML (Atom's type="html") becomes its text, as a page does; a ticker in angle
     * brackets, above, is no markup. */
    static const char marked[] = "Oil <b>rises</b> as <a href=\"/opec\">OPEC</a>\n cuts";
    quarry_set_string(r, "title", marked, sizeof marked - 1);
    ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s", err.data);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    char *j = testutil_json(quarry_harness_output(h, 0));
    ck_assert_msg(strstr(j, "\"title\":\"STANDARD OIL <SRD> TO FORM Caf\xc3\xa9 UNIT\"") != NULL, "%s", j);
    free(j);
    j = testutil_json(quarry_harness_output(h, 1));
    ck_assert_msg(strstr(j, "\"title\":\"\"") != NULL, "%s", j);
    free(j);
    j = testutil_json(quarry_harness_output(h, 2));
    ck_assert_msg(strstr(j, "\"title\":\"Oil rises as OPEC cuts\"") != NULL, "%s", j);
    free(j);
    quarry_record_free(r);
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

/* A feed's item that is a headline alone comes with blank text: it is kept as it came, with no
 * 'spun' (no words to measure), which is how recount tells it from a page that cleaning emptied. */
START_TEST(test_headline_alone)
{
    quarry_harness *h = testutil_harness("clean", NULL, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_msg(quarry_harness_open(h, &err) == 0, "%s", err.data);
    quarry_record *r = quarry_record_new();
    quarry_set_string(r, "title", "Markets close higher", 20);
    quarry_set_string(r, "text", " \n", 2);
    ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s", err.data);
    static const char nav[] = "<html><body><nav>Home | About | Contact</nav><script>var x;</script></body></html>";
    quarry_set_string(r, "text", nav, sizeof nav - 1);
    ck_assert_msg(quarry_harness_push(h, r, &err) == 0, "%s", err.data);
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    char *j = testutil_json(quarry_harness_output(h, 0));
    ck_assert_str_eq(j, "{\"title\":\"Markets close higher\",\"text\":\"\"}");
    free(j);
    j = testutil_json(quarry_harness_output(h, 1));
    ck_assert_str_eq(j, "{\"title\":\"Markets close higher\",\"text\":\"\",\"spun\":0}");
    free(j);
    quarry_record_free(r);
    quarry_harness_free(h);
    quarry_buf_free(&err);
}
END_TEST

/* Cleans the N documents DOCS with corpus learning (a line in 3 documents is furniture).
 * Returns the finished harness. */
static quarry_harness *clean_learned(char *const *docs, int n)
{
    const char *kv[] = {"learn", "true", "learn-min-docs", "3", "title", "false", "explain", "true", NULL};
    quarry_harness *h = testutil_harness("clean", kv, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert(quarry_harness_open(h, &err) == 0);
    for (int i = 0; i < n; i++) {
        quarry_record *r = quarry_record_new();
        quarry_set_string(r, "text", docs[i], strlen(docs[i]));
        ck_assert(quarry_harness_push(h, r, &err) == 0);
        quarry_record_free(r);
    }
    ck_assert_uint_eq(quarry_harness_output_count(h), 0); /* two-pass: nothing before finish */
    ck_assert_msg(quarry_harness_finish(h, &err) == 0, "%s", err.data);
    ck_assert_uint_eq(quarry_harness_output_count(h), (size_t)n);
    quarry_buf_free(&err);
    return h;
}

/* Cleans N documents, one about each of SUBJECTS, with corpus learning; each opens with "Our
 * Newsroom Daily Edition", the same line in all of them if SHARED, else numbered. */
static quarry_harness *clean_learning(const char *const *subjects, int n, int shared)
{
    char docs[4][512];
    char *list[4];
    ck_assert_int_le(n, 4);
    for (int i = 0; i < n; i++) {
        /* Digits do not tell lines apart (boiler_line_key): a word does. */
        snprintf(docs[i], sizeof docs[i], "Our Newsroom Daily Edition %d%s\n\nThis document about the %s tells a "
                 "story that is long enough to be a paragraph of its own, with the words of a sentence.",
                 i, shared ? "" : subjects[i], subjects[i]);
        list[i] = docs[i];
    }
    return clean_learned(list, n);
}

START_TEST(test_patterns_and_learning)
{
    char *dir = testutil_tempdir();
    /* Saved by a Windows editor: a byte-order mark before the first pattern. */
    testutil_write(dir, "furniture.txt", "\xEF\xBB\xBFSubscribe to The Daily*\n# site furniture\n*sponsored by*\n", 57, 0);
    char path[4096];
    snprintf(path, sizeof path, "%s/furniture.txt", dir);
    const char *kv[] = {"patterns", path, "title", "false", NULL};
    const char *text = "Subscribe to The Daily Planet today\n\nA long enough sentence of the article that "
                       "stays where it is, because it is the story.\n\nThis page is sponsored by Acme";
    char *j = clean_json(kv, text, strlen(text));
    ck_assert_ptr_null(strstr(j, "Subscribe"));
    ck_assert_ptr_null(strstr(j, "Acme"));
    ck_assert_ptr_nonnull(strstr(j, "A long enough sentence"));
    free(j);
    /* Case is ignored in every alphabet: "*ÜBER UNS" ends "Mehr über uns", "ПОДПИСАТЬСЯ" is
     * "Подписаться". */
    const char *caps = "*\xc3\x9c" "BER UNS\n\xd0\x9f\xd0\x9e\xd0\x94\xd0\x9f\xd0\x98\xd0\xa1\xd0\x90\xd0\xa2\xd0\xac"
                       "\xd0\xa1\xd0\xaf\n";
    testutil_write(dir, "caps.txt", caps, strlen(caps), 0);
    snprintf(path, sizeof path, "%s/caps.txt", dir);
    const char *other = "Mehr \xc3\xbc" "ber uns\n\nA long enough sentence of the article that stays where it "
                        "is, because it is the story.\n\n\xd0\x9f\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81"
                        "\xd0\xb0\xd1\x82\xd1\x8c\xd1\x81\xd1\x8f";
    const char *explained[] = {"patterns", path, "title", "false", "explain", "true", NULL};
    j = clean_json(explained, other, strlen(other));
    ck_assert_msg(strstr(j, "\"furniture: Mehr \xc3\xbc" "ber uns\"") != NULL, "%s", j);
    ck_assert_msg(strstr(j, "\"furniture: \xd0\x9f\xd0\xbe\xd0\xb4") != NULL, "%s", j);
    free(j);
    /* Learning: a line in every document of the corpus is furniture. */
    static const char *const subjects[] = {"farmers", "bankers", "miners", "sailors"};
    for (int shared = 1; shared >= 0; shared--) {
        quarry_harness *h = clean_learning(subjects, 4, shared);
        for (int i = 0; i < 4; i++) {
            char *o = testutil_json(quarry_harness_output(h, (size_t)i));
            /* The line goes for being learned, not for being short beside the story (the
             * boilerplate rule would drop it too). Without a line in 3 documents, nothing is
             * learned: an empty list, sorted (once given to qsort as NULL). */
            ck_assert_msg(!strstr(o, "\"text\":\"Our Newsroom"), "%s", o);
            ck_assert_msg(!strstr(o, "learned-furniture: Our Newsroom") == !shared, "learned %s: %s",
                          shared ? "not" : "wrongly", o);
            ck_assert_ptr_nonnull(strstr(o, "tells a story"));
            free(o);
        }
        quarry_harness_free(h);
    }
    const char *bad[] = {"patterns", "/nonexistent/patterns.txt", NULL};
    quarry_harness *h = testutil_harness("clean", bad, NULL, NULL, 0);
    quarry_buf err = {0};
    ck_assert_int_eq(quarry_harness_open(h, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.data, "cannot open the patterns file /nonexistent/patterns.txt"));
    quarry_harness_free(h);
    quarry_buf_free(&err);
    testutil_rmtree(dir);
    free(dir);
}
END_TEST

/* What a wire's earnings reports share is no furniture: their rows ("Revs 35.1 mln vs 18.0 mln",
 * the same line to the learning's key, which leaves figures out), the label that heads the
 * year's rows ("Year"), and the last word of a sentence wrapped onto a line of its own ("year.").
 * The reports' sign-off, which every one of them ends with, is learned. */
START_TEST(test_learning_keeps_tables)
{
    static const char *const companies[] = {"Acme Corp", "Birch Inc", "Cobalt Ltd", "Delta Co"};
    char docs[4][512];
    char *list[4];
    for (int i = 0; i < 4; i++) {
        snprintf(docs[i], sizeof docs[i],
                 "Shr %d cts vs %d cts\n    Net %d,120,000 vs %d,450,000\n    Revs %d.4 mln vs %d.9 mln\n"
                 "    Year\n    Shr %d cts vs %d cts\n    Net %d,300,000 vs %d,800,000\n"
                 "    Revs %d.1 mln vs %d.2 mln\n"
                 "    %s said it expected its sales to grow again later this\nyear.\n"
                 "    Wire Desk Evening Service\n",
                 10 + i, 20 + i, 3 + i, 4 + i, 30 + i, 40 + i, 50 + i, 60 + i, 7 + i, 8 + i, 90 + i, 95 + i,
                 companies[i]);
        list[i] = docs[i];
    }
    quarry_harness *h = clean_learned(list, 4);
    for (int i = 0; i < 4; i++) {
        char *o = testutil_json(quarry_harness_output(h, (size_t)i));
        ck_assert_msg(strstr(o, "learned-furniture: Wire Desk Evening Service") != NULL, "%s", o);
        ck_assert_msg(strstr(o, "\\n\\nYear\\n\\n") && strstr(o, "later this\\nyear.\""), "%s", o);
        /* The quarter's rows and the year's, all of them, in the text (not only in explain). */
        char *text_end = strstr(o, "\",\"");
        ck_assert_ptr_nonnull(text_end);
        *text_end = '\0';
        static const char *const rows[] = {"Net ", "Revs ", "Shr "};
        for (size_t k = 0; k < sizeof rows / sizeof *rows; k++) {
            const char *first = strstr(o, rows[k]);
            ck_assert_msg(first && strstr(first + 1, rows[k]), "'%s' lost: %s", rows[k], o);
        }
        free(o);
    }
    quarry_harness_free(h);
}
END_TEST

/* A short sentence after a story's body ("A spokesman declined to comment."), its last or before
 * the page's menus, is the story's, though jusText's context would take the document's end or
 * the menus for boilerplate beside it; a teaser's question, a label, a link's words, a line on
 * the story's staff, or a sentence after a page's boilerplate are not. */
START_TEST(test_closing_sentence)
{
    static const char body[] =
        "Acme Corp said on Tuesday that its third-quarter profit rose 12 percent, helped by strong "
        "demand for its industrial sensors in Europe and Asia.\n\n"
        "The company also raised its forecast for the full year, saying it now expects revenue of "
        "about $4.2 billion, up from an earlier estimate of $4 billion.\n\n";
    static const struct {
        const char *last;
        int kept;
    } cases[] = {
        {"A spokesman declined to comment.", 1},
        {"Terms were not disclosed.\n\nAdvertisement", 1}, /* furniture after it is no block */
        {"\u201cIt was a good year,\u201d he said.", 1},
        {"He added: \u201cWe will keep going.\u201d", 1}, /* the full stop inside the quote */
        {"This is a story that you will not want to miss!", 0}, /* a promotion's cry */
        {"Why do so many people still not have glasses?", 0},
        {"Read more.", 0},
        {"Related stories:", 0},
        {"A spokesman declined to comment.\n\nWorld\n\nBusiness\n\nSport", 1}, /* a menu after it */
        {"World Business Markets Technology Politics Health Science Sports Entertainment Opinion Video\n\n"
         "The deal is expected to close in June.", 0}, /* after a page's menu, not the story */
        {"Terms were not disclosed.\n\nThe deal is expected to close in June.", 2}, /* both */
        /* Lines on the story's staff or its publishing, which end stories as sentences do. */
        {"Contact the writer at jroe@example.com.", 0},
        {"Jane Roe is a business reporter at the Daily Planet.", 0},
        {"Additional reporting by John Doe in London.", 0},
        {"Updated at 3:45 p.m. ET.", 0},
        {"No underwriter was named.", 1}, /* a word that holds a job's is none */
    };
    char text[1024];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(text, sizeof text, "%s%s", body, cases[i].last);
        char *j = clean_json(NULL, text, strlen(text));
        const char *first = cases[i].last;
        char want[64];
        /* The sentence: the first line, or where a page's lines come first, the last. */
        const char *last = strrchr(first, '\n');
        const char *line = cases[i].kept || !last ? first : last + 1;
        snprintf(want, sizeof want, "%.*s", (int)strcspn(line, "\n"), line);
        ck_assert_ptr_nonnull(strstr(j, "third-quarter profit rose"));
        ck_assert_msg((strstr(j, want) != NULL) == (cases[i].kept > 0), "'%s': %s", first, j);
        if (cases[i].kept > 1)
            ck_assert_msg(strstr(j, "close in June.\"") != NULL, "'%s': %s", first, j);
        free(j);
    }
    /* A story of one short paragraph, its closing sentences after it: none of it is a teaser. */
    static const char brief[] = "SysteMed Inc said it has sold a Pharmacy Module to Memorial Medical Center of "
                                "Long Beach, Calif.\n\nPharmacy Module is a computerized drug information "
                                "system.\n\nValue was not disclosed.";
    char *j = clean_json(NULL, brief, sizeof brief - 1);
    ck_assert_msg(strstr(j, "\"text\":\"SysteMed Inc said it has sold") && strstr(j, "Value was not disclosed."),
                  "%s", j);
    free(j);
}
END_TEST

START_TEST(test_hostile_input)
{
    /* Empty text, and a document of nothing but furniture: kept, with empty text. */
    char *j = clean_json(NULL, "", 0);
    ck_assert_ptr_nonnull(strstr(j, "\"text\":\"\""));
    free(j);
    /* A lone line is the text, not a headline without a body. */
    j = clean_json(NULL, "H\xc3\x83\xc2\xb4tel de Police", 18);
    ck_assert_msg(strstr(j, "\"text\":\"H\xc3\xb4tel de Police\"") != NULL, "%s", j);
    ck_assert_ptr_null(strstr(j, "\"title\""));
    free(j);
    j = clean_json(NULL, "Advertisement\nShare\nFacebook\n", 29);
    ck_assert_ptr_nonnull(strstr(j, "\"text\":\"\""));
    free(j);
    /* Random bytes and punctuation soup: no crash, no hang, valid output. */
    srand(7);
    size_t n = 1 << 20;
    char *junk = malloc(n);
    for (size_t i = 0; i < n; i++)
        junk[i] = (char)(rand() % 256);
    clock_t t0 = clock();
    j = clean_json(NULL, junk, n);
    ck_assert_ptr_nonnull(strstr(j, "\"text\":\""));
    free(j);
    static const char soup[] = "\xe2\x80\x94\xe2\x80\x99\xe2\x80\xa6( (( ) .. . &&amp;& &#x; \xc3 \xe2\x80";
    for (size_t i = 0; i < n; i++)
        junk[i] = soup[i % (sizeof soup - 1)];
    j = clean_json(NULL, junk, n);
    free(j);
    /* Wire furniture's shapes repeated over a 1 MB line: unclosed editors' notes, contact
     * phrases with one address at the very end, editor lists that never end, spinner templates
     * that never close, closing quotation marks without their last byte, mail's encoded words
     * that never end, quoted-printable, Markdown's links and marks that never close, JSON's
     * escapes, a run of a blog's counted links, numbered lists, a page's caption between its
     * share buttons (the template), typed copy's paragraph told over and over (the repeats' runs
     * of copies), short lines that run onto the next: linear. */
    static const char *const wire[] = {"It rose. (Adds ", "To contact the editor on this story ", "Editors: Jane ",
                                       "{spun|", "{a {", "x \xc3\xa2\xe2\x82\xac ", "=?a?Q?b",
                                       "=?utf-8?q?a?= ", "=E2=80=99=\n", "[a](", "**a ", "*a", "[a](x \"",
                                       "[a](https://x.test) [b", "\\u", "\\ud83d", "\\\\", "x\\u2019s \\\"q\\\" ",
                                       "Politik (12)\n", " (1,2", "They are:\n1) a\n2) b\n3) c\n",
                                       "Share on Facebook\nThe 2018 Example Theater Tradition Series Performance\n",
                                       "    The company said the board would meet\nagain on Monday.\n",
                                       "Zayre Corp said sales for the\nfour weeks ended\n"};
    for (size_t w = 0; w < sizeof wire / sizeof *wire; w++) {
        size_t wl = strlen(wire[w]);
        for (size_t i = 0; i < n; i++)
            junk[i] = wire[w][i % wl];
        junk[n - 1] = '@';
        j = clean_json(NULL, junk, n);
        ck_assert_ptr_nonnull(strstr(j, "\"text\":\""));
        free(j);
    }
    /* Lists' headings (related-stories markers) a line each, over a long line, or over a list
     * with a story's paragraph after it, or each over a headline: each heading reads the
     * paragraph below it, and each list the paragraph after it, once; linear (clean 1.27). */
    static const char *const headings[] = {"Trending\n", "Trending\nA headline about the budget\n"};
    static const char *const tails[] = {
        "\nword word word word word word word word word word word word word word word word word word word "
        "word word word word word word word word word word word word word word word word word.\n",
        "\n\nThe council will vote again on the plan in March, after the public hearings, officials said.\n"};
    static const char body[] = "The council approved the budget on Tuesday after a long debate over police funding "
                               "and road repairs, and the libraries will close on Sundays from March, officials "
                               "said on Tuesday evening.\n\n";
    for (size_t h = 0; h < sizeof headings / sizeof *headings; h++)
        for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
            size_t hl = strlen(headings[h]), at = 0;
            for (int k = 0; k < 4; k++, at += sizeof body - 1)
                memcpy(junk + at, body, sizeof body - 1);
            while (at + hl + strlen(tails[t]) + 1 < n) {
                memcpy(junk + at, headings[h], hl);
                at += hl;
            }
            memcpy(junk + at, tails[t], strlen(tails[t]));
            at += strlen(tails[t]);
            j = clean_json(NULL, junk, at);
            ck_assert_ptr_nonnull(strstr(j, "\"text\":\"The council approved"));
            free(j);
        }
    /* One long line of 2 MB: linear, so this is quick. */
    memset(junk, 'a', n);
    for (size_t i = 0; i < n; i += 7)
        junk[i] = ' ';
    j = clean_json(NULL, junk, n);
    free(j);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_msg(secs < 60 * TESTUTIL_SLOWER, "hostile input took %.1f s", secs);
    free(junk);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("clean");
    TCase *tc = tcase_create("stage");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_mojibake_repaired);
    tcase_add_test(tc, test_right_text_untouched);
    tcase_add_test(tc, test_bytes_entities_characters);
    tcase_add_test(tc, test_doubled_quotes);
    tcase_add_test(tc, test_json_escapes);
    tcase_add_test(tc, test_mail_encodings);
    tcase_add_test(tc, test_markdown_source);
    tcase_add_test(tc, test_spinner_echoes_repeated);
    tcase_add_test(tc, test_spintax_rendered);
    tcase_add_test(tc, test_html_page);
    tcase_add_test(tc, test_legacy_encodings);
    tcase_add_test(tc, test_guessed_encodings);
    tcase_add_test(tc, test_iso2022_encodings);
    tcase_add_test(tc, test_headline_above_a_paragraph_line);
    tcase_add_test(tc, test_byline_is_no_headline);
    tcase_add_test(tc, test_options);
    tcase_add_test(tc, test_article_page);
    tcase_add_test(tc, test_hard_wrapped_wire_story);
    tcase_add_test(tc, test_repeats_byte_for_byte);
    tcase_add_test(tc, test_typed_copy);
    tcase_add_test(tc, test_wire_furniture_in_lines);
    tcase_add_test(tc, test_furniture_shapes);
    tcase_add_test(tc, test_own_title_repaired);
    tcase_add_test(tc, test_headline_alone);
    tcase_add_test(tc, test_closing_sentence);
    tcase_add_test(tc, test_patterns_and_learning);
    tcase_add_test(tc, test_learning_keeps_tables);
    tcase_add_test(tc, test_hostile_input);
    suite_add_tcase(s, tc);
    return testutil_run(s);
}
