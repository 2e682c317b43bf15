/* clean.h: what the clean stage's files share: text buffers, code pages, the repair steps. */
#ifndef QUARRY_CLEAN_H
#define QUARRY_CLEAN_H
#include <quarry.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Data tables (tables.c, generated) ---------------------------------------------------- */
typedef struct codepage {
    const char *name;
    const uint16_t *high;  /* bytes 0x80..0xFF -> code point; 0xFFFF: undefined */
} codepage;
extern const codepage clean_codepages[];
extern const size_t clean_ncodepages;

typedef struct html_entity {
    const char *name;   /* without & and ; */
    const char *utf8;
} html_entity;
extern const html_entity clean_entities[];
extern const size_t clean_nentities;

/* ---- UTF-8 (utf8.c) ------------------------------------------------------------------------ */
/* Decodes one code point at S (N bytes left): its length, or 0 if S holds no valid UTF-8
 * sequence there (overlong, surrogate, truncated, out of range). */
size_t utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* The character a UTF-16 surrogate pair HI, LO stands for, or -1 if they are no high half then
 * a low one (entities, JSON's escapes and CESU-8 all write one so). */
int32_t utf8_surrogates(int32_t hi, int32_t lo);
/* Appends CP as UTF-8. */
void utf8_append(quarry_buf *out, int32_t cp);
/* Appends S, decoding each byte that is not part of valid UTF-8 as Windows-1252 (undefined
 * bytes as the Latin-1 character of the same value). Returns how many bytes were invalid. */
size_t utf8_repair_bytes(quarry_buf *out, const char *s, size_t len);
/* Decodes the code point at *S (a NUL-terminated UTF-8 string) and advances *S past it.
 * Returns 0 at the end of the string or at invalid UTF-8. */
int utf8_next(const char **s, int32_t *cp);
/* True when S is all ASCII. */
int utf8_is_ascii(const char *s, size_t len);
/* True when S is valid UTF-8 throughout. */
int utf8_is_valid(const char *s, size_t len);

/* ---- JSON's escapes written out once more (escapes.c) ----------------------------------------- */
/* Whether S holds JSON string escapes that were meant to be decoded, beyond doubt: S holds no
 * line break of its own and either escapes a character past ASCII ("Fed\u2019s") or holds two
 * other signs: an escaped line break before a capital, a digit, a quote or another escape
 * ("rally\n\nStocks"), an escaped quotation mark, an ASCII "\u" escape. "C:\news" is no sign. */
int escapes_detect(const char *s, size_t len);
/* Appends S to OUT with its JSON escapes decoded (\n, \t, \", \\, \/, \uXXXX and surrogate
 * pairs; \r, \b, \f and other controls dropped; a backslash before anything else kept).
 * Returns how many were. */
size_t escapes_decode(const char *s, size_t len, quarry_buf *out);

/* ---- A news API's cut (cut.c) ---------------------------------------------------------------- */
/* Whether S ends in the marker a news API leaves at the end of a story it cut short ("[+4352
 * chars]" after the ellipsis, as NewsAPI's 'content' ends), white space after it aside; where it
 * begins in *START. */
int cut_marker(const char *s, size_t len, size_t *start);

/* ---- Mail's transfer encodings (qp.c) ------------------------------------------------------- */
/* Whether S is quoted-printable, beyond doubt: it spells a character of UTF-8 out byte by byte
 * ("=E2=80=99"), writes an '=' before a quote as "=3D\"" (HTML mail), or breaks two lines softly
 * (an '=' at the line's end) beside an escape. Text of its own holds '=' and hex digits too
 * ("x=AB", "=SUM(A1)"), so no lesser sign is taken. */
int qp_detect(const char *s, size_t len);
/* Appends S decoded from quoted-printable to OUT: "=XX" (upper-case hex) is its byte, control
 * bytes but tab, LF and CR dropped; a soft line break goes; any other '=' stays. Returns how many
 * escapes and breaks were decoded. */
size_t qp_decode(const char *s, size_t len, quarry_buf *out);
/* Appends S to OUT with its RFC 2047 encoded words ("=?UTF-8?Q?Caf=C3=A9?=", "=?iso-8859-1?B?...?=",
 * from mail headers) decoded to UTF-8, the white space between two of them dropped, and returns
 * how many were; 0, OUT as it was, if S holds none, or only some of a charset iconv does not know. */
size_t qp_decode_words(const char *s, size_t len, quarry_buf *out);

/* ---- Markdown (markdown.c) ------------------------------------------------------------------- */
/* Whether S is Markdown's source: a link ("[text](https://...)"), or two pairs of strong
 * emphasis marks ("**", "__") on lines of their own. Text of its own has brackets, asterisks
 * and '#', so no lesser sign is taken. */
int markdown_detect(const char *s, size_t len);
/* Appends S to OUT with Markdown's markup left out: a link becomes its text, an image goes,
 * emphasis marks ("**", "__", a lone '*') go, a line's quotation marks ("> ") and heading marks ("## ") go.
 * Returns how many were. */
size_t markdown_strip(const char *s, size_t len, quarry_buf *out);

/* ---- Legacy encodings (charset.c) ----------------------------------------------------------- */
/* Whether NAME is a label browsers read as Windows-1252 (iso-8859-1, us-ascii, ...). */
int charset_western(const char *name);
/* Whether NAME is an encoding that iconv can decode (or a Windows-1252 label). */
int charset_known(const char *name);
/* The charset an HTML page S declares in a <meta> tag (or an XML declaration), lower-cased into
 * NAME (CAP bytes): its length, or 0 if it declares none, or UTF-8 (a page that says UTF-8 and
 * holds bytes that are not is read as one that says nothing: its stray bytes the usual ones). */
size_t charset_declared(const char *s, size_t len, char *name, size_t cap);
/* Appends S decoded from encoding NAME as UTF-8 to OUT, each byte NAME does not have as U+FFFD,
 * and returns how many those were. *OPENED is 0 (and nothing appended) if iconv does not know
 * NAME. */
size_t charset_decode(const char *name, const char *s, size_t len, quarry_buf *out, int *opened);
/* The ISO-2022 encoding that 7-bit text S is written in, by the escape sequence that switches
 * it to a Japanese, Korean or Chinese character set ("ESC $ B"): "ISO-2022-JP-2" (or -JP-3,
 * -KR, -CN-EXT), or NULL for text without one (an ANSI colour's "ESC [" is none). */
const char *charset_iso2022(const char *s, size_t len);
/* Whether cleaned text S (UTF-8) looks like text in another encoding read as Windows-1252: at
 * least CHARSET_MISREAD_LETTERS letters with accents (U+00C0-U+00FF), more than the plain Latin
 * ones ("Ìîñêâà" for "Москва"), as no language writes. */
int charset_misread(const char *s, size_t len);
#define CHARSET_MISREAD_LETTERS 20

/* ---- Mojibake (mojibake.c, badness.c) ------------------------------------------------------------ */
/* How much S (valid UTF-8) looks like mojibake: 0 for text that looks right. */
int badness_score(const char *s, size_t len);
/* Repairs mojibake in one line of valid UTF-8 S, appending the result to OUT. Returns 1 if it
 * changed anything. */
int mojibake_fix_line(const char *s, size_t len, quarry_buf *out);

/* ---- HTML entities (entities.c) ----------------------------------------------------------------- */
/* Decodes named and numeric character references, repeatedly for double-escaped text
 * ("&amp;lt;"). Returns 1 if it changed anything. */
int entities_decode(const char *s, size_t len, quarry_buf *out);

/* html.c: whether S (LEN bytes) is HTML (a page, or text with two tags of common elements at
 * least); and its text, a line per block element, into OUT (0; -1 if it cannot be parsed). */
int html_looks_like(const char *s, size_t len);
int html_to_text(const char *s, size_t len, quarry_buf *out);

/* quotes.c: makes the quotes of TEXT single where every one is doubled by CSV escaping ("" for
 * "), in place. Returns how many pairs were undone (0: the text is left as it is). */
size_t quotes_undouble(quarry_buf *text);

/* ---- Characters (chars.c) -------------------------------------------------------------------- */
typedef struct chars_options {
    int nfkc;           /* NFKC instead of NFC */
    int straight_quotes;
    int fold_forms;     /* Latin ligatures split, width variants made ordinary */
} chars_options;
/* Removes control characters (keeping tab and newline; CR LF and CR become LF), zero-width
 * spaces, soft hyphens and byte-order marks; no-break and other odd spaces become plain
 * spaces; if asked, splits Latin ligatures and makes width variants ordinary; then normalizes
 * (NFC or NFKC) and, if asked, straightens curly quotes. S must be valid UTF-8. Returns 1 if
 * anything changed. */
int chars_clean(const char *s, size_t len, const chars_options *opt, quarry_buf *out);

/* ---- Documents as lines (doc.c) ------------------------------------------------------------- */
typedef struct clean_line {
    size_t off, len;     /* in the document's text, without the newline */
    int blank;
    int drop;            /* removed from the output */
    const char *rule;    /* why it was removed or changed (explain), or NULL */
    int indent;          /* leading spaces (a tab counts 4) before they were trimmed */
    int words, stops;    /* counted once by boiler.c (-1: not yet) */
    int related;         /* a related-stories marker? 0: not known yet, 1: no, 2: yes (boiler_related_line) */
} clean_line;

typedef struct clean_doc {
    quarry_buf text;     /* the lines, each followed by '\n' */
    clean_line *lines;
    size_t n, cap;
    quarry_buf explain;  /* "rule\tline" entries, NUL-separated */
    size_t nexplain;
    char guessed[32];    /* the encoding guessed for the document's text, which its title shares */
} clean_doc;

/* Splits S into lines: horizontal white space folded to single spaces, ends trimmed. */
void doc_load(clean_doc *doc, const char *s, size_t len);
/* Replaces line I's text (its old bytes stay in the buffer, unused). */
void doc_set_line(clean_doc *doc, size_t i, const char *s, size_t len);
/* Keeps bytes START to END of line I, where they stand (what was counted of it is dropped). */
void doc_keep_span(clean_doc *doc, size_t i, size_t start, size_t end);
/* Where what a rule takes off the end of line S (LEN bytes) begins, spaces before it included;
 * LEN if nothing. ARG is the rule's own. */
typedef size_t (*doc_ending_fn)(const char *s, size_t len, const void *arg);
/* Cuts what ENDING finds at the end of each kept line of DOC, recorded for explain as RULE; a
 * line that is all of it is dropped, with RULE. */
void doc_trim_endings(clean_doc *doc, const char *rule, doc_ending_fn ending, const void *arg);
/* Whether S (LEN bytes) ends a sentence: a full stop, a question or an exclamation mark, then
 * any closing quotes (straight or curly) or brackets. */
int doc_sentence_ended(const char *s, size_t len);
/* Whether S (LEN bytes) closes its line's sentence or clause: a full stop, a question or an
 * exclamation mark, a colon or a semicolon, or an ellipsis (…), then any closing quotes or
 * brackets. */
int doc_line_closed(const char *s, size_t len);
/* Hard-wrapped lines are this long or longer (wire copy wraps at 60 to 80 bytes). */
#define DOC_WRAP_MIN 40
/* Whether the sentence of line I of DOC runs onto the next line (not blank): I does not close
 * it, and I is long, as a hard-wrapped line is, or has two words or more and the next line
 * begins in lower case ("Southwest Realty Ltd said it has filed" / "for a rights offering."; a
 * menu's label is one word, and the next label begins in capitals), or I begins a paragraph,
 * has two words or more and ends in one, and the next is a hard-wrapped line (40 to 100 bytes)
 * that ends in a word, a figure or a comma, with a line after it: wire copy's lead line cut
 * short with its dateline ("India will hold a buying tender on" / "Wednesday, March 4, for two
 * to three cargoes of white sugar for"). */
int doc_runs_on(const clean_doc *doc, size_t i);
/* Whether line I of DOC (not blank) ends in a word, a figure or a comma: a sentence or a table's
 * row that the next line may go on with. */
int doc_open_end(const clean_doc *doc, size_t i);
/* Whether S (LEN bytes) begins with an opening quote, straight or curly (" ' “ ‘). */
int doc_opens_quote(const char *s, size_t len);
/* The words of S (LEN bytes), runs of bytes between spaces. */
size_t doc_words(const char *s, size_t len);
/* Whether line S (LEN bytes) reads as a story's paragraph: DOC_PARAGRAPH_WORDS words or more,
 * and the last sentence ended (doc_sentence_ended). */
#define DOC_PARAGRAPH_WORDS 8
int doc_paragraph(const char *s, size_t len);
/* Drops line L as RULE, unless a rule dropped it already: explain names the first. */
void doc_drop(clean_line *l, const char *rule);
/* Records an explain entry RULE for line text S. */
void doc_explain(clean_doc *doc, const char *rule, const char *s, size_t len);
/* Appends the kept lines, at most one blank line in a row and none at either end. */
void doc_render(const clean_doc *doc, quarry_buf *out);
void doc_free(clean_doc *doc);
static inline const char *doc_line(const clean_doc *doc, size_t i)
{
    return doc->text.data + doc->lines[i].off;
}

/* ---- Wire-copy furniture inside lines (wire.c) ------------------------------------------------ */
/* Removes a byline run into the body's first line before its dateline ("By Jane Roe NEW YORK
 * (Reuters) - ..." keeps "NEW YORK (Reuters) - ..."), contact trailers at the end ("To contact
 * the reporter on this story: ... at jroe@example.net") and a sign-off ("... REUTER"), each
 * recorded for explain. */
void wire_trim(clean_doc *doc);

/* ---- Embedded posts (embeds.c) -------------------------------------------------------------- */
/* Where the signature of an embedded tweet that ends line S begins ("pic.twitter.com/x — NWS
 * Boston (@NWSBoston) October 7, 2020": its links, a dash, a display name, a handle in brackets
 * and a date), spaces before it included; LEN if it ends in none. */
size_t embeds_tweet_signature(const char *s, size_t len);
/* Drops such signatures from the ends of the document's kept lines (a line of one alone goes). */
void embeds_trim(clean_doc *doc);

/* ---- Furniture inside paragraphs (markers.c) -------------------------------------------------- */
/* Drops the label of an advertisement ("Advertisement", "Story continues below"), a sidebar's
 * marks ("Skip to end of sidebar.") and a sentence that a link's prompt opens ("Click here for
 * the whole thing.") that stand between two sentences of a kept line, or at its end after one,
 * each recorded for explain. */
void markers_trim(clean_doc *doc);

/* ---- Rights notices (rights.c) ---------------------------------------------------------------- */
/* Where a publisher's rights notice that ends line S begins ("© Copyright 2011 Associated Press.
 * All rights reserved. ...": its openers, a year or a mark, and a sentence on rights or little
 * more than a name), spaces before it included; LEN if it ends in none. */
size_t rights_notice(const char *s, size_t len);
/* Whether line S (LEN bytes) begins with "Copyright" or "(C)" and is furniture: a notice's
 * opening ("Copyright 2019", "Copyright © Foo"), or no paragraph ("Copyright Policy"), where
 * "Copyright infringement suits rose 20 percent last year, the courts said." is a story's. */
int rights_line(const char *s, size_t len);
/* Whether line S (LEN bytes) is a publisher's notice whole, with its sentence on rights ("© 2019
 * CBS Interactive Inc. All Rights Reserved."): a page's footer, after the article. */
int rights_footer(const char *s, size_t len);
/* Drops such notices from the ends of the document's kept lines (a line of one alone goes).
 * BEFORE_CLASSES: before boilerplate's classification, only from the end of a paragraph
 * (rights_paragraph), which would otherwise be taken for furniture whole, its sentences with
 * it; the rest wait for the classification, which a cut footer's remains would mislead.
 * Returns 0 when the document has no "©" nor "copyright" (nothing to do after either). */
int rights_trim(clean_doc *doc, int before_classes);

/* ---- Pictures' captions and credits (captions.c) --------------------------------------------- */
/* Where a picture's credit that ends line S begins ("(Image: GETTY)", "(AP Photo/Alan Diaz)",
 * "Credit: The Siberian Times" after a caption's words), spaces before it included; LEN if it
 * ends in none. */
size_t caption_credit(const char *s, size_t len);
/* Whether line S (LEN bytes) is a picture's caption or credit, furniture: a credit at its end
 * after a caption's few words (or none), or a credit line that names Getty Images ("Alex Wong |
 * Getty Images"). */
int caption_line(const char *s, size_t len);
/* Drops the credits at the ends of the document's longer kept lines (an article's text that a
 * credit ran into), each recorded for explain as "credit". */
void caption_trim(clean_doc *doc);

/* ---- Boilerplate (boiler.c, boiler_furniture.c, boiler_lists.c, boiler_words.c) ------------- */
typedef struct boiler boiler;
boiler *boiler_new(void);
void boiler_free(boiler *b);
/* Adds furniture patterns from PATH (one a line: text matched as a whole line, ignoring case
 * and spacing; '*' at either end for prefix, suffix or contains). 0, or an exit status
 * (datafile.h) with ERR. */
int boiler_load_patterns(boiler *b, const char *path, quarry_buf *err);
/* Marks furniture and boilerplate lines of DOC as dropped (with the rule). */
void boiler_classify(const boiler *b, clean_doc *doc);
/* A key for a line that ignores case, digits, spacing and punctuation. */
uint64_t boiler_line_key(const char *s, size_t len);
/* Corpus learning: count each document's distinct short lines, then turn the lines found in
 * at least max(MIN_DOCS, SHARE x documents) documents into furniture. */
void boiler_observe(boiler *b, const clean_doc *doc);
size_t boiler_learn(boiler *b, size_t min_docs, double share);
/* Words and stop words in S. */
void boiler_count_words(const char *s, size_t len, int *words, int *stops);
/* Whether word W (LEN bytes, at least one) is one of the N words of LIST (written in lower
 * case), in any case. Asked of nearly every short line's first word: the first byte tells most
 * apart. */
int boiler_listed(const char *const *list, size_t n, const char *w, size_t len);

/* What the files of the boilerplate module share. boiler_words.c: byte classes, filled by
 * boiler_words_init (once, from any thread) with the stop words: a lower-case byte, and
 * whether a byte is part of a word (letters, digits and every non-ASCII byte). */
void boiler_words_init(void);
extern unsigned char boiler_lower[256], boiler_wordc[256];
/* One byte of a line key: letters count (lower-cased), and so does every non-ASCII byte;
 * digits, spaces and punctuation do not, as dates and counts vary between copies. */
#define BOILER_KEY_SEED 1469598103934665603ull
static inline uint64_t boiler_key_step(uint64_t h, unsigned char c)
{
    if (c < 0x80 && (!boiler_wordc[c] || (c >= '0' && c <= '9')))
        return h;
    return (h ^ boiler_lower[c]) * 1099511628211ull;
}
/* boiler_furniture.c: patterns see a line's first BOILER_NORM_MAX - 1 bytes. The rule that
 * makes line S furniture by itself ("furniture", "learned-furniture", "link", "phone",
 * "menu", ...), or NULL; *RELATED 2 if it is a related-stories
 * marker and 1 if not (the 'related' of clean_line), or 0 (not known) for a line too long for
 * one, which the markers' rules then never ask of. */
#define BOILER_NORM_MAX 256
const char *boiler_furniture(const boiler *b, const char *s, size_t len, int *related);
/* A related-stories marker ("Most Read", "More in World") is a line of this many words at most. */
#define BOILER_MARKER_WORDS 8
/* Whether line S is a marker of the comments, or of a list of other stories, that end an
 * article. */
int boiler_comment_marker(const boiler *b, const char *s, size_t len);
int boiler_related_marker(const boiler *b, const char *s, size_t len);
/* boiler_related_marker of line I of DOC, remembered in its 'related' (which boiler_furniture's
 * pass fills in passing, as it has the line's normal form at hand). */
int boiler_related_line(const boiler *b, clean_doc *doc, size_t i);
/* Whether line S (LEN bytes) is a date alone, perhaps with its time, as a page sets one under
 * its headline or a list's item: "Nov. 19, 2019", "Monday, November 18, 2019", "19 Nov 2019
 * 05:44 GMT", "11/20/19 6:38 AM", "October 9, 2018 at 9:40 am", "Today 12:01 AM"; no other
 * word ("Windows 10", "2019 Elections"). */
int boiler_date_alone(const char *s, size_t len);
/* Whether line S (LEN bytes) is a figure alone ("420", "7.1K"): a share bar's count whose noun
 * is an icon, a gallery's, a comment counter's. */
int boiler_figure_alone(const char *s, size_t len);
/* Whether line S reads as a table's row or a report's comparison: two words or more that hold a
 * figure, a fifth of its words at least, and no sentence's end ("Revs 35.1 mln vs 18.0 mln",
 * "Oper shr profit 2.61 dlrs vs profit 2.75 dlrs", "PERU 56 28 238 104"); a sentence's figures
 * are fewer ("... 98 per cent attendance ..."), or it ends ("firms, closed at 398.72 yesterday.
 * It started 1987 at 264.82."). A headline may read as one ("2020 Mini JCW GP is a 300HP monster
 * hatch"). */
int boiler_table_row(const char *s, size_t len);
/* boiler_lists.c: drops the paragraph of short lines under a list's heading (a related-stories
 * marker: "Trending News", "Most Read") as "link-list". */
void boiler_drop_lists(const boiler *b, clean_doc *doc);
/* Whether a list of other stories stands under line I of DOC, a list's heading, with a paragraph
 * of prose after it: an inset in the article, which goes on below it. The end of the list (the
 * line after its last), or 0 if none. */
size_t boiler_inset_list(const clean_doc *doc, size_t i);
/* ... and a run of 8 short lines or more, a menu's labels, as "menu", and a run of 6 labels with
 * their counts ("Politik (3)"), a blog's widget, as "counted-list" (see boiler_lists.c). */
void boiler_drop_menus(clean_doc *doc);
/* Drops a video player's playlist: its count, "(16 Videos)", and as many titles below it, as
 * "playlist" (see boiler_lists.c). */
void boiler_drop_playlists(clean_doc *doc);
/* repeats.c. For each line I of DOC of MIN bytes or more that no rule dropped (line ALSO too,
 * dropped or not; -1: none), FIRST[I] is the index of its first copy, byte for byte (I itself
 * if it is the first), and COPIES[FIRST[I]] how many copies DOC holds; FIRST[I] is REPEATS_NONE
 * for the lines left out. repeats_count allocates both arrays, DOC->n entries each, in one
 * block: free(FIRST) frees them. */
#define REPEATS_NONE ((size_t)-1)
typedef struct repeats_index {
    size_t *first;
    unsigned *copies;
} repeats_index;
void repeats_count(const clean_doc *doc, size_t min, long also, repeats_index *index);
/* Drops, as "repeat", the second and later copies of each line of 12 bytes or more, and the
 * copies of line TITLE (the headline, which the title rule dropped; -1: none). */
void repeats_drop(clean_doc *doc, long title);
/* Drops, as "template", every copy of a line of 40 bytes or more that a scraped page holds three
 * times or more, or twice unless it is a paragraph (a cut-off teaser aside) or a table's row: a
 * gallery's captions, a carousel's headlines, a form's labels, a ticker's teasers; not the copies
 * of its first line that no rule took, the headline (see boiler_template.c). */
void boiler_drop_template(clean_doc *doc);
/* The number that line S opens as a list's item does ("1) Lego ...", "2. Go topless": 1 to 99),
 * or 0 (see boiler_lists.c). */
int boiler_list_number(const char *s, size_t len);
/* Keeps a story's numbered list that the classification dropped: items numbered from 1 in order,
 * 3 at least, after a kept paragraph that introduces them (see boiler_lists.c). */
void boiler_keep_numbered(clean_doc *doc);

/* ---- Spinner artefacts (spin.c) ------------------------------------------------------------------ */
typedef struct spin spin;
spin *spin_new(void);
void spin_free(spin *sp);
/* Adds "spun<TAB>original" replacements from PATH. 0, or an exit status (datafile.h) with ERR. */
int spin_load_table(spin *sp, const char *path, quarry_buf *err);
/* Repairs acronym echoes, known spun phrases and spelled-out numbers glued to decimals in
 * every line of DOC; returns the number of repairs. */
int spin_repair(const spin *sp, clean_doc *doc);

/* ---- Title and date (meta.c) ---------------------------------------------------------------------- */
/* The headline: the first headline-shaped kept line before the body, or -1. */
long meta_title_line(const clean_doc *doc);
/* Where the site's name of page title S (LEN bytes) begins, the mark before it included: a
 * headline, then " - ", " | ", " – ", " — ", " :: " or " » " and a site's name of 5 words or
 * fewer ("Nelson's OT goal lifts Isles - Times Union", "Best tech gadgets of 2019 | ZDNet");
 * LEN if S is no such title. */
size_t meta_site_name(const char *s, size_t len);
/* Whether line S (LEN bytes) is a byline alone: "By" or "BY", then a capitalised word that is no
 * month, 14 words at most, and no paragraph ("By Jamelle Bouie", "By Amy Kuperinsky | NJ Advance
 * Media for NJ.com", "By FEDERICA LUSIARDI - 2019-04-10"). "By Tuesday, the water had receded
 * from the town's streets." is a paragraph; "By April 15, 27.8 pct of the area ..." opens with a
 * date; "By Car: 2 hours from the city" is a label; a hard-wrapped line that goes on with a
 * sentence ("by Baker.") is in lower case. */
int meta_byline(const char *s, size_t len);
/* Looks for a date (dateline, "published on", "Nov. 19, 2019", "26-FEB-1987") in the lines
 * before the body and in LIMIT lines at most; writes YYYY-MM-DD to OUT (11 bytes). */
int meta_find_date(const clean_doc *doc, size_t limit, char *out);
/* The month named by word W (LEN bytes; full or abbreviated, English, any case, "Nov."), 1-12,
 * or 0. */
int meta_month(const char *w, size_t len);
#endif
