/* clean.c: the clean stage: turns garbled syndicated text into the article a reader would see
 * (encoding repair, furniture and boilerplate, repeats, spinner artefacts, title and date). */
#include "clean.h"
#include "facts.h"
#include "guess.h"
#include "missing.h"
#include "tablerows.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <utf8proc.h>

#include <iconv.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#define CLEAN_DATE_LINES 12   /* how far down a dateline is looked for */

static const char *const clean_forms[] = {"nfc", "nfkc", NULL};

static const quarry_param clean_params[] = {
    {"field", QUARRY_PARAM_STRING, "text", "the field to clean", 0, 0, 0, NULL},
    {"entities", QUARRY_PARAM_BOOL, "true", "decode HTML character references (also double-escaped)", 0, 0, 0, NULL},
    {"mojibake", QUARRY_PARAM_BOOL, "true", "repair UTF-8 that was decoded as a single-byte code page", 0, 0, 0, NULL},
    {"normalize", QUARRY_PARAM_ENUM, "nfc", "Unicode normalization form", 0, 0, 0, clean_forms},
    {"encoding", QUARRY_PARAM_STRING, "auto",
     "what text that is not UTF-8 is written in: auto guesses it text by text (uchardet) where a guess is "
     "safe, else reads it as windows-1252; windows-1252 reads each byte that is not UTF-8 as it (text in it "
     "labelled UTF-8, the usual cause); another (any iconv knows: windows-1251, koi8-r, shift_jis, gb18030) "
     "decodes the whole text; an HTML page's own <meta charset> comes first; under auto or an iso-2022 name, 7-bit "
     "text switched by ISO-2022 escapes (Japanese mail) is decoded",
     0, 0, 0, NULL},
    {"json-escapes", QUARRY_PARAM_BOOL, "true",
     "decode JSON's escapes written out once more (Fed\\u2019s, rally\\n\\nStocks, as JSON encoded "
     "twice leaves them) where that is beyond doubt",
     0, 0, 0, NULL},
    {"quoted-printable", QUARRY_PARAM_BOOL, "true",
     "decode mail's transfer encodings left in the text: quoted-printable (company=E2=80=99s, soft line breaks) "
     "where it is beyond doubt, and encoded words (=?UTF-8?Q?...?=)",
     0, 0, 0, NULL},
    {"markdown", QUARRY_PARAM_BOOL, "true",
     "text that is Markdown (a link, or two pairs of ** marks) loses its markup: links become their text, "
     "images, emphasis, heading and quotation marks go",
     0, 0, 0, NULL},
    {"fold-forms", QUARRY_PARAM_BOOL, "true",
     "split Latin ligatures (U+FB01 to fi) and make full-width letters and digits and half-width "
     "katakana ordinary, as NFKC would, without NFKC's other changes",
     0, 0, 0, NULL},
    {"straighten-quotes", QUARRY_PARAM_BOOL, "false", "turn curly quotes into straight ones", 0, 0, 0, NULL},
    {"html", QUARRY_PARAM_BOOL, "true",
     "text that is HTML (a page, or two tags of common elements) becomes its visible text, a line a block",
     0, 0, 0, NULL},
    {"doubled-quotes", QUARRY_PARAM_BOOL, "true",
     "undo CSV escaping (\"\" for \") where every quote of a document is doubled", 0, 0, 0, NULL},
    {"boilerplate", QUARRY_PARAM_BOOL, "true",
     "remove page furniture and boilerplate lines (a scraped page's lines repeated as its template too, whatever "
     "repeats says)", 0, 0, 0, NULL},
    {"patterns", QUARRY_PARAM_PATH, NULL,
     "file of furniture lines to remove, one a line ('*' at an end for prefix/suffix/contains)", 0, 0, 0, NULL},
    {"learn", QUARRY_PARAM_BOOL, "false",
     "learn furniture from the corpus: lines recurring across documents (reads the input twice)", 0, 0, 0, NULL},
    {"learn-min-docs", QUARRY_PARAM_INT, "5", "learn: a line must recur in at least this many documents", 0, 2, 1e9, NULL},
    {"learn-share", QUARRY_PARAM_FLOAT, "0.05", "learn: ... and in at least this share of them", 0, 0, 1, NULL},
    {"repeats", QUARRY_PARAM_BOOL, "true",
     "keep a repeated headline or paragraph once (compared byte for byte; a table's row stays)", 0, 0, 0, NULL},
    {"spinner", QUARRY_PARAM_BOOL, "true", "repair article-spinner artefacts", 0, 0, 0, NULL},
    {"spun-phrases", QUARRY_PARAM_PATH, NULL, "extra 'spun phrase<TAB>original' replacements", 0, 0, 0, NULL},
    {"title", QUARRY_PARAM_BOOL, "true", "move the headline to the 'title' field", 0, 0, 0, NULL},
    {"keep-original", QUARRY_PARAM_STRING, NULL, "keep the text as it came under this field", 0, 0, 0, NULL},
    {"explain", QUARRY_PARAM_BOOL, "false",
     "list every removed or changed line, with the rule, in the 'explain' field", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

typedef struct clean_state {
    const char *field, *keep_original;
    const char *encoding; /* of text that is not UTF-8, unless its page says another */
    int guess;            /* encoding = auto: each text's guessed */
    int iso2022;          /* auto, or an ISO-2022 encoding named: 7-bit text switched into
                           * Japanese, Korean or Chinese sets by escapes is decoded */
    int entities, mojibake, json_escapes, quoted_printable, markdown, boilerplate, learn, repeats, spinner, title,
        explain, doubled_quotes, html;
    int64_t learn_min_docs;
    double learn_share;
    chars_options chars;
    boiler *boiler;
    spin *spin;
    /* Learning ends at the first process call, which follows the whole observe pass. */
    pthread_mutex_t learn_lock;
    int learned;
    missing without_text; /* documents without the field, passed on as they are */
    atomic_uint_least64_t textless; /* documents left with no text: kept, and told at the end */
    atomic_uint_least64_t headlines; /* documents that came as a title alone (feed items): told as info */
    atomic_uint_least64_t misread;  /* documents that read as another encoding taken for Windows-1252 */
} clean_state;

static void clean_close(void *state)
{
    clean_state *st = state;
    if (!st)
        return;
    boiler_free(st->boiler);
    spin_free(st->spin);
    pthread_mutex_destroy(&st->learn_lock);
    free(st);
}

static int clean_open(quarry_ctx *ctx, void **state)
{
    clean_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    *state = st;
    facts_library(ctx, (const void *)utf8proc_version); /* its Unicode: NFC, classes, case */
    pthread_mutex_init(&st->learn_lock, NULL);
    st->field = quarry_param_str(ctx, "field");
    st->keep_original = quarry_param_str(ctx, "keep-original");
    st->entities = quarry_param_bool(ctx, "entities");
    st->mojibake = quarry_param_bool(ctx, "mojibake");
    st->encoding = quarry_param_str(ctx, "encoding");
    st->guess = !strcasecmp(st->encoding, "auto");
    st->iso2022 = st->guess || !strncasecmp(st->encoding, "iso-2022", 8) || !strncasecmp(st->encoding, "iso2022", 7) ||
                  !strncasecmp(st->encoding, "csiso2022", 9);
    if (st->guess) {
        st->encoding = "windows-1252"; /* for what no guess is safe for */
        guess_fact(ctx); /* uchardet's guesses: what legacy bytes read as */
    }
    if (!charset_known(st->encoding)) {
        int rc = quarry_fail(ctx, EX_USAGE, "encoding '%s' is none that iconv knows ('iconv -l' lists them)",
                             st->encoding);
        clean_close(st);
        *state = NULL;
        return rc;
    }
    facts_library(ctx, (const void *)iconv_open); /* the C library's iconv: what legacy bytes read as */
    st->chars.nfkc = strcmp(quarry_param_str(ctx, "normalize"), "nfkc") == 0;
    st->chars.straight_quotes = quarry_param_bool(ctx, "straighten-quotes");
    st->chars.fold_forms = quarry_param_bool(ctx, "fold-forms");
    st->quoted_printable = quarry_param_bool(ctx, "quoted-printable");
    st->json_escapes = quarry_param_bool(ctx, "json-escapes");
    st->markdown = quarry_param_bool(ctx, "markdown");
    st->doubled_quotes = quarry_param_bool(ctx, "doubled-quotes");
    st->html = quarry_param_bool(ctx, "html");
    if (st->html) {
        xmlInitParser(); /* once, before the workers parse pages side by side */
        facts_library(ctx, (const void *)htmlReadMemory); /* its parser: what a page's text is */
    }
    st->boilerplate = quarry_param_bool(ctx, "boilerplate");
    st->learn = quarry_param_bool(ctx, "learn");
    st->learn_min_docs = quarry_param_int(ctx, "learn-min-docs");
    st->learn_share = quarry_param_float(ctx, "learn-share");
    st->repeats = quarry_param_bool(ctx, "repeats");
    st->spinner = quarry_param_bool(ctx, "spinner");
    st->title = quarry_param_bool(ctx, "title");
    st->explain = quarry_param_bool(ctx, "explain");
    st->boiler = boiler_new();
    st->spin = spin_new();
    quarry_buf err = {0};
    const char *patterns = quarry_param_str(ctx, "patterns");
    const char *spun = quarry_param_str(ctx, "spun-phrases");
    int status = patterns ? boiler_load_patterns(st->boiler, patterns, &err) : 0;
    if (!status && spun)
        status = spin_load_table(st->spin, spun, &err);
    int rc = status ? quarry_fail(ctx, status, "%.*s", (int)err.len, err.data) : QUARRY_OK;
    quarry_buf_free(&err);
    if (rc != QUARRY_OK) {
        clean_close(st);
        *state = NULL;
        return rc;
    }
    if (!st->learn)
        quarry_skip_observe(ctx);
    return QUARRY_OK;
}

/* Swaps two buffers: what was written becomes what is read next. */
static void clean_swap(quarry_buf *a, quarry_buf *b)
{
    quarry_buf t = *a;
    *a = *b;
    *b = t;
    b->len = 0;
}

static void clean_mojibake_lines(const quarry_buf *in, quarry_buf *out, clean_doc *audit, int explain)
{
    const char *s = in->data, *end = in->data + in->len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t len = (size_t)((nl ? nl : end) - s);
        if (mojibake_fix_line(s, len, out) && explain)
            doc_explain(audit, "mojibake", s, len);
        if (nl)
            quarry_buf_append(out, "\n", 1);
        s += len + (nl ? 1 : 0);
    }
}

/* Records in the audit, when explaining, that a repair RULE was made COUNT times ("COUNT WHAT"). */
static void clean_explain_count(const clean_state *st, clean_doc *audit, const char *rule, size_t count,
                                const char *what)
{
    if (!count || !st->explain)
        return;
    char msg[128];
    int n = snprintf(msg, sizeof msg, "%zu %s", count, what);
    doc_explain(audit, rule, msg, n > 0 && (size_t)n < sizeof msg ? (size_t)n : strlen(msg));
}

/* Into the audit: the text was decoded from ENCODING (as SAID: named, guessed, ...), BAD bytes
 * of it unknown to that encoding. */
static void clean_explain_decoded(const clean_state *st, clean_doc *audit, const char *encoding, const char *said,
                                  size_t bad)
{
    if (st->explain) {
        char what[160];
        int n = snprintf(what, sizeof what, "the text decoded from %s (%s)", encoding, said);
        doc_explain(audit, "encoding", what, n > 0 && (size_t)n < sizeof what ? (size_t)n : strlen(what));
    }
    clean_explain_count(st, audit, "encoding", bad, "bytes that the encoding does not have, as U+FFFD");
}

/* Whether the LEN bytes of TEXT read in encoding GUESSED look no more like mojibake than the
 * same bytes read alone as Windows-1252: a guess that reads worse was wrong (curly quotes read
 * as Greek controls, "MontrĂ©al" from UTF-8 taken for Windows-1250). */
static int clean_guess_reads_right(const char *guessed, const char *text, size_t len)
{
    quarry_buf as_guessed = {0}, alone = {0};
    int opened;
    charset_decode(guessed, text, len, &as_guessed, &opened);
    utf8_repair_bytes(&alone, text, len);
    int right = opened && as_guessed.len &&
                badness_score(as_guessed.data, as_guessed.len) <= badness_score(alone.data, alone.len);
    quarry_buf_free(&as_guessed);
    quarry_buf_free(&alone);
    return right;
}

/* TEXT as UTF-8, appended to OUT. Text that is not UTF-8 is read as written in the encoding
 * its page declares (DECLARED, or NULL), else in 'encoding', else (auto) in the one guessed for
 * it, where a guess is safe. Windows-1252 reads only the bytes that are not UTF-8, each alone:
 * the usual cause is text in it labelled UTF-8, and the rest of such a text is UTF-8 to keep.
 * Another encoding decodes the whole text: a page in Windows-1251 holds pairs of bytes that
 * happen to be UTF-8 ("С»" in "«ТАСС»"), which are Cyrillic all the same. What was done goes to
 * the audit. */
static void clean_repair_bytes(const clean_state *st, const char *text, size_t len, const char *declared,
                               quarry_buf *out, clean_doc *audit)
{
    if (utf8_is_valid(text, len)) {
        quarry_buf_append(out, text, len); /* UTF-8 already: nothing to decode */
        return;
    }
    const char *encoding = declared ? declared : st->encoding;
    const char *said = declared ? "its page's <meta charset>" : "encoding";
    if (!declared && st->guess) {
        /* Guessed once a document, from its text: its title, after it, has too few words to
         * guess from, and is in the encoding of the text it came with ("Rząd" alone reads as
         * Windows-1252). */
        char *guessed = audit->guessed;
        if (!guessed[0] && guess_encoding(text, len, guessed, sizeof audit->guessed) &&
            !clean_guess_reads_right(guessed, text, guess_window(len)))
            guessed[0] = '\0';
        if (guessed[0]) {
            encoding = guessed;
            said = "guessed";
        }
    }
    if (!charset_western(encoding)) {
        int opened;
        size_t bad = charset_decode(encoding, text, len, out, &opened);
        if (opened) {
            clean_explain_decoded(st, audit, encoding, said, bad);
            return;
        }
        if (declared) { /* a charset iconv does not know: as if the page declared none */
            clean_repair_bytes(st, text, len, NULL, out, audit);
            return;
        }
    }
    clean_explain_count(st, audit, "encoding", utf8_repair_bytes(out, text, len),
                        "bytes that were not UTF-8, read as Windows-1252");
}

/* The repairs of encodings: bytes, entities, mojibake, characters. */
static void clean_encoding(const clean_state *st, const char *text, size_t len, quarry_buf *out,
                           clean_doc *audit)
{
    quarry_buf b = {0};
    if (utf8_is_ascii(text, len)) {
        /* All ASCII (most wire copy): there are no bytes to repair and no line can be
         * mojibake, so only entities can bring anything for those steps to do. */
        quarry_buf c = {0};
        const char *src = text;
        size_t n = len;
        if (st->entities && entities_decode(text, len, &b)) {
            src = b.data;
            n = b.len;
        }
        if (st->mojibake && n && !utf8_is_ascii(src, n)) {
            quarry_buf in = {(char *)src, n, n};
            clean_mojibake_lines(&in, &c, audit, st->explain);
            src = c.data;
            n = c.len;
        }
        if (n)
            chars_clean(src, n, &st->chars, out);
        quarry_buf_free(&b);
        quarry_buf_free(&c);
        return;
    }
    clean_repair_bytes(st, text, len, NULL, out, audit);
    if (st->entities && out->len) {
        entities_decode(out->data, out->len, &b);
        clean_swap(out, &b);
    }
    if (st->mojibake && out->len) {
        clean_mojibake_lines(out, &b, audit, st->explain);
        clean_swap(out, &b);
    }
    if (out->len) {
        chars_clean(out->data, out->len, &st->chars, &b);
        clean_swap(out, &b);
    }
    quarry_buf_free(&b);
}

/* TEXT, 7-bit and switched by escape sequences into a Japanese, Korean or Chinese character set
 * (ISO-2022: Japanese mail and Usenet's encoding, and their archives'), decoded into OUT: 1, or
 * 0 for any other text. Such text is ASCII, which the steps for bytes that are not UTF-8 never
 * see, and its escapes would be dropped as control characters, leaving "$BF|K\" for "日本". */
static int clean_iso2022(const clean_state *st, const char *text, size_t len, quarry_buf *out, clean_doc *audit)
{
    if (!st->iso2022 || !memchr(text, 0x1B, len))
        return 0; /* most text: one look for an escape */
    const char *encoding = charset_iso2022(text, len);
    if (!encoding || !utf8_is_ascii(text, len))
        return 0;
    int opened;
    size_t bad = charset_decode(encoding, text, len, out, &opened);
    if (!opened)
        return 0;
    clean_explain_decoded(st, audit, encoding, "its escape sequences", bad);
    return 1;
}

/* TEXT decoded from mail's transfer encodings into MAIL (qp.c): encoded words, then
 * quoted-printable. Returns 0, MAIL empty, for text in neither (all text but mail's, at one look
 * for '='). The words go first: the '=' that ends one at the end of a line would be a soft line
 * break to the body's decoding. */
static int clean_mail(const clean_state *st, const char *text, size_t len, quarry_buf *mail, clean_doc *audit)
{
    if (!st->quoted_printable || !memchr(text, '=', len))
        return 0;
    quarry_buf words = {0};
    size_t decoded = memmem(text, len, "=?", 2) ? qp_decode_words(text, len, &words) : 0;
    clean_explain_count(st, audit, "quoted-printable", decoded, "encoded words of a mail header decoded");
    if (decoded) {
        text = words.data ? words.data : "";
        len = words.len;
    }
    if (qp_detect(text, len)) {
        clean_explain_count(st, audit, "quoted-printable", qp_decode(text, len, mail),
                            "escapes and soft line breaks of quoted-printable decoded");
        decoded++;
    } else if (decoded) {
        clean_swap(mail, &words);
    }
    quarry_buf_free(&words);
    return decoded > 0;
}

/* The character-level repairs of TEXT into OUT: JSON's escapes, mail's encodings, HTML markup,
 * bytes, entities, mojibake, odd characters, a news API's cut marker, Markdown's markup, and
 * quotes doubled by CSV escaping; what was done goes to AUDIT when explaining. */
static void clean_characters(const clean_state *st, const char *text, size_t len, int is_title,
                             quarry_buf *out, clean_doc *audit)
{
    quarry_buf page = {0}, utf8 = {0}, decoded = {0}, mail = {0}, unescaped = {0};
    /* The outermost layer first: JSON encoded twice holds whatever the text held. */
    if (st->json_escapes && memchr(text, '\\', len) && escapes_detect(text, len)) {
        clean_explain_count(st, audit, "json escapes", escapes_decode(text, len, &unescaped),
                            "escapes of JSON written out once more decoded");
        text = unescaped.data ? unescaped.data : "";
        len = unescaped.len;
    }
    if (clean_mail(st, text, len, &mail, audit)) {
        text = mail.data ? mail.data : "";
        len = mail.len;
    }
    if (clean_iso2022(st, text, len, &decoded, audit)) {
        text = decoded.data ? decoded.data : "";
        len = decoded.len;
    }
    if (st->html && html_looks_like(text, len)) {
        /* The parser reads UTF-8: a page in another encoding is decoded first, from the one it
         * declares if it declares one. */
        const char *src = text;
        size_t n = len;
        if (!utf8_is_ascii(text, len)) {
            char declared[64];
            int says = charset_declared(text, len, declared, sizeof declared) > 0;
            /* in the audit: the page's text is UTF-8 */
            clean_repair_bytes(st, text, len, says ? declared : NULL, &utf8, audit);
            src = utf8.data;
            n = utf8.len;
        }
        if (html_to_text(src, n, &page) == 0) {
            text = page.data ? page.data : "";
            len = page.len;
            const char *what = is_title ? "the title's text, its markup left out"
                                        : "the text of an HTML page, its markup left out";
            if (st->explain)
                doc_explain(audit, "html", what, strlen(what));
        }
    }
    clean_encoding(st, text, len, out, audit);
    size_t cut;
    if (!is_title && out->len && cut_marker(out->data, out->len, &cut)) {
        /* Before the lines are judged: a paragraph that ends in it looked like none. */
        size_t end = out->len;
        while (out->data[end - 1] != ']') /* the white space after it */
            end--;
        if (st->explain)
            doc_explain(audit, "cut marker", out->data + cut, end - cut);
        while (cut && out->data[cut - 1] == ' ')
            cut--;
        out->len = cut;
    }
    if (st->markdown && out->len && markdown_detect(out->data, out->len)) {
        quarry_buf plain = {0};
        clean_explain_count(st, audit, "markdown", markdown_strip(out->data, out->len, &plain),
                            "marks of Markdown left out (a link's text kept)");
        clean_swap(out, &plain);
        quarry_buf_free(&plain);
    }
    quarry_buf_free(&page);
    quarry_buf_free(&utf8);
    quarry_buf_free(&decoded);
    quarry_buf_free(&mail);
    quarry_buf_free(&unescaped);
    if (st->doubled_quotes)
        clean_explain_count(st, audit, "doubled quotes", quotes_undouble(out),
                            "quotes doubled by CSV escaping made single");
}

/* The length of the title that line TITLE of DOC gives: a page's title ("Nelson's OT goal lifts
 * Isles - Times Union", or with its section's names too: "... | Science | News | Express") gives
 * its headline alone where the page writes the headline on a line of its own too, which is the
 * story's headline, not its text, and goes (as "title"). The site's name would otherwise be a
 * phrase of the document's, and the headline read twice. Without that line, what follows the
 * dash may be the headline's own words ("Nadal keeps Spain alive - and Russia out"), and the
 * title is the whole line. */
static size_t clean_page_headline(clean_doc *doc, size_t title)
{
    const char *s = doc_line(doc, title);
    size_t len = doc->lines[title].len;
    for (size_t headline = meta_site_name(s, len), shorter; headline < len; headline = shorter) {
        int written = 0;
        for (size_t i = 0; i < doc->n; i++) {
            clean_line *l = &doc->lines[i];
            if (i == title || l->blank || l->len != headline || memcmp(doc_line(doc, i), s, headline))
                continue;
            written = 1;
            doc_drop(l, "title"); /* every copy kept: a menu's link to the story may come first */
        }
        if (written)
            return headline;
        shorter = meta_site_name(s, headline);
        if (shorter == headline)
            break;
    }
    return len;
}

/* A byline alone on line S (LEN bytes), for doc_trim_endings: all of it, or nothing. It goes
 * after the classification, which would otherwise see the lines beside it without it (a
 * byline long enough joins the next line into a block of furniture that keeps a share bar's
 * labels out). */
static size_t clean_byline_line(const char *s, size_t len, const void *arg)
{
    (void)arg;
    return meta_byline(s, len) ? 0 : len;
}

/* Repairs the characters of REC's own title, if it has one, into OUT (on one line: spaces
 * folded, ends trimmed) and the record. Returns whether it has one. A feed's title is often
 * HTML ("Oil <b>rises</b>", Atom's type="html"): its markup goes as the text's does. */
static int clean_own_title(const clean_state *st, quarry_record *rec, quarry_buf *out, clean_doc *audit)
{
    size_t len;
    const char *title = quarry_get_string(rec, "title", &len);
    if (!title)
        return 0;
    quarry_buf repaired = {0};
    clean_characters(st, title, len, 1, &repaired, audit);
    for (size_t i = 0; i < repaired.len; i++) {
        unsigned char c = (unsigned char)repaired.data[i];
        if (c == ' ' || c == '\n' || c == '\t') {
            if (out->len && out->data[out->len - 1] != ' ')
                quarry_buf_append(out, " ", 1);
        } else {
            quarry_buf_append(out, repaired.data + i, 1);
        }
    }
    while (out->len && out->data[out->len - 1] == ' ')
        out->len--;
    if (out->len != len || (len && memcmp(out->data, title, len))) /* out->data is NULL if empty */
        quarry_set_string(rec, "title", out->data ? out->data : "", out->len);
    quarry_buf_free(&repaired);
    return 1;
}

static int clean_observe(void *state, quarry_ctx *ctx, const quarry_record *rec)
{
    (void)ctx;
    clean_state *st = state;
    size_t len;
    const char *text = tablerows_is_row(rec) ? NULL : quarry_get_string(rec, st->field, &len);
    if (!text)
        return QUARRY_OK;
    clean_doc doc = {0};
    quarry_buf chars = {0};
    clean_characters(st, text, len, 0, &chars, &doc);
    doc_load(&doc, chars.data ? chars.data : "", chars.len);
    boiler_observe(st->boiler, &doc);
    doc_free(&doc);
    quarry_buf_free(&chars);
    return QUARRY_OK;
}

/* Counts a cleaned document whose TEXT (LEN bytes) looks like another encoding read as
 * Windows-1252 (charset_misread): a corpus in Windows-1251 without 'encoding' comes out as
 * Latin letters with accents, which no later step can tell from text (clean_finish). */
static void clean_count_misread(clean_state *st, const char *text, size_t len)
{
    if (!utf8_is_ascii(text, len) && charset_misread(text, len))
        atomic_fetch_add_explicit(&st->misread, 1, memory_order_relaxed);
}

/* Whether TEXT (LEN bytes) holds nothing but white space. */
static int clean_blank(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '\r')
            return 0;
    return 1;
}

/* REC has a title with something in it. */
static int clean_titled(const quarry_record *rec)
{
    size_t len;
    const char *title = quarry_get_string(rec, "title", &len);
    return title && !clean_blank(title, len);
}

/* Counts a cleaned document whose TEXT (LEN bytes) is blank: it is kept, but a source whose
 * pages clean empties (a site's new layout taken whole for furniture) should not go unseen night
 * after night (clean_finish), nor should an empty file (a download that failed). A headline alone
 * (HEADLINE_ALONE: blank on input, with a title), a feed's item without a description, loses
 * nothing here and comes every night: it is counted apart, for an information line. */
static void clean_count_textless(clean_state *st, const char *text, size_t len, int headline_alone)
{
    if (!clean_blank(text, len))
        return;
    atomic_fetch_add_explicit(headline_alone ? &st->headlines : &st->textless, 1, memory_order_relaxed);
}

static int clean_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    clean_state *st = state;
    if (tablerows_is_row(rec))
        return QUARRY_OK;
    size_t len;
    const char *text = quarry_get_string(rec, st->field, &len);
    missing_count(&st->without_text, text != NULL);
    if (!text)
        return QUARRY_OK; /* nothing to clean: pass it on as it is */
    if (st->learn) {
        pthread_mutex_lock(&st->learn_lock);
        if (!st->learned) {
            size_t n = boiler_learn(st->boiler, (size_t)st->learn_min_docs, st->learn_share);
            quarry_log(ctx, QUARRY_LOG_INFO, "learned %zu furniture lines from the corpus", n);
            st->learned = 1;
        }
        pthread_mutex_unlock(&st->learn_lock);
    }
    clean_doc doc = {0}, audit = {0};
    quarry_buf chars = {0}, out = {0};
    int blank_in = clean_blank(text, len);
    if (st->keep_original && *st->keep_original)
        quarry_set_string(rec, st->keep_original, text, len);
    clean_characters(st, text, len, 0, &chars, &audit);
    doc_load(&doc, chars.data ? chars.data : "", chars.len);
    int spun = st->spinner ? spin_repair(st->spin, &doc) : 0;
    int rights = 0; /* whether the text may hold a rights notice */
    if (st->boilerplate) {
        rights = rights_trim(&doc, 1);
        boiler_classify(st->boiler, &doc);
    }
    long title = st->title ? meta_title_line(&doc) : -1;
    /* A title of the record's own (a feed's headline field) is garbled as its text is: its
     * characters are repaired too, on one line. */
    quarry_buf own_title = {0};
    int has_title = clean_own_title(st, rec, &own_title, &audit);
    if (title >= 0 && has_title && (own_title.len != doc.lines[title].len ||
                                    memcmp(own_title.data, doc_line(&doc, (size_t)title), own_title.len)))
        title = -1; /* the record has a title of its own, and this line is something else */
    quarry_buf_free(&own_title);
    if (title >= 0) {
        if (!has_title) {
            size_t headline = clean_page_headline(&doc, (size_t)title);
            quarry_set_string(rec, "title", doc_line(&doc, (size_t)title), headline);
        }
        doc.lines[title].drop = 1;
        doc.lines[title].rule = "title";
    }
    if (st->repeats)
        repeats_drop(&doc, title);
    if (st->boilerplate) {
        wire_trim(&doc);
        embeds_trim(&doc);
        markers_trim(&doc);
        caption_trim(&doc);
        doc_trim_endings(&doc, "byline", clean_byline_line, NULL);
        if (rights)
            rights_trim(&doc, 0);
    }
    char date[11];
    if (!quarry_get(rec, "date") && meta_find_date(&doc, CLEAN_DATE_LINES, date))
        quarry_set_string(rec, "date", date, 10);
    doc_render(&doc, &out);
    quarry_set_string(rec, st->field, out.data ? out.data : "", out.len);
    clean_count_textless(st, out.data, out.len, blank_in && clean_titled(rec));
    clean_count_misread(st, out.data ? out.data : "", out.len);
    int words = 0, stops = 0;
    if (spun)
        boiler_count_words(out.data, out.len, &words, &stops);
    /* Spinner repairs per 1,000 words: 0 for untouched copy. A document that came without text
     * has no words to measure, and no 'spun': which also tells recount, from the output alone,
     * that its text was blank before cleaning. */
    if (!blank_in)
        quarry_set_float(rec, "spun", spun ? 1000.0 * spun / (words ? words : 1) : 0.0);
    if (st->explain) {
        quarry_list *list = quarry_set_list(rec, "explain");
        const clean_doc *sources[] = {&audit, &doc};
        for (size_t k = 0; k < 2; k++) {
            const char *p = sources[k]->explain.data;
            for (size_t e = 0; e < sources[k]->nexplain; e++) {
                size_t l = strlen(p);
                quarry_list_add_string(list, p, l);
                p += l + 1;
            }
        }
        quarry_buf line = {0};
        for (size_t i = 0; i < doc.n; i++) {
            if (!doc.lines[i].drop || doc.lines[i].blank)
                continue;
            line.len = 0;
            quarry_buf_append(&line, doc.lines[i].rule, strlen(doc.lines[i].rule));
            quarry_buf_append(&line, ": ", 2);
            quarry_buf_append(&line, doc_line(&doc, i), doc.lines[i].len);
            quarry_list_add_string(list, line.data, line.len);
        }
        quarry_buf_free(&line);
    }
    doc_free(&doc);
    doc_free(&audit);
    quarry_buf_free(&chars);
    quarry_buf_free(&out);
    return QUARRY_OK;
}

/* A document taken from the cache (--state) counts as process() counted it. */
static int clean_recount(void *state, quarry_ctx *ctx, const quarry_record *rec)
{
    (void)ctx;
    clean_state *st = state;
    if (tablerows_is_row(rec))
        return QUARRY_OK;
    size_t len;
    const char *text = quarry_get_string(rec, st->field, &len);
    missing_count(&st->without_text, text != NULL);
    if (text) {
        clean_count_textless(st, text, len, !quarry_get(rec, "spun") && clean_titled(rec));
        clean_count_misread(st, text, len);
    }
    return QUARRY_OK;
}

static int clean_finish(void *state, quarry_ctx *ctx)
{
    clean_state *st = state;
    missing_warn(&st->without_text, ctx, "they pass through uncleaned", "'%s' field", st->field);
    missing_warn_some(&st->without_text, ctx, atomic_load(&st->textless),
                      "have no text after cleaning (all furniture, boilerplate or markup, or an empty "
                      "file): they are kept, empty; explain = true says what each line was taken for");
    uint64_t headlines = atomic_load(&st->headlines);
    if (headlines)
        quarry_log(ctx, QUARRY_LOG_INFO,
                   "%llu document%s came as a title alone (a feed's headline item, say): kept, with empty text",
                   (unsigned long long)headlines, headlines == 1 ? "" : "s");
    missing_warn_some(&st->without_text, ctx, atomic_load(&st->misread),
                      "read as %s%s are mostly letters with accents (\"Ìîñêâà\" for \"Москва\"): text "
                      "in another encoding; name it with encoding = (windows-1251, koi8-r, gb18030, ...), "
                      "or in the page's <meta charset>", st->encoding,
                      st->guess ? " (no other encoding could be guessed safely)" : "");
    return QUARRY_OK;
}

QUARRY_STAGE(clean) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "clean",
    .version = "1.31.0",
    .summary = "repairs garbled text: HTML pages, Markdown, JSON escapes, mail encodings, encodings, mojibake, "
               "entities, furniture, repeats, spinners",
    .params = clean_params,
    .flags = QUARRY_PER_RECORD | QUARRY_TWO_PASS | QUARRY_TABLES_LAST,
    .open = clean_open,
    .observe = clean_observe,
    .process = clean_process,
    .finish = clean_finish,
    .recount = clean_recount,
    .close = clean_close,
};
