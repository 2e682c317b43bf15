/* segment.c: splits text into word tokens and sentences, Unicode-aware (utf8proc). */
#include "tokenize.h"
#include "links.h"
#include "textline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* Abbreviations whose dot does not end a sentence (compared without the dot, ignoring case). */
static const char *const segment_abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "corp", "ltd", "co",
    "no", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "rev", "hon", "dept", "univ",
    "approx", "est", "fig", "vol", "pp", "ca", "cf", "al", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "e.g", "i.e", "u.s", "u.k",
    "u.n", "a.m", "p.m",
};

typedef enum { CH_OTHER, CH_WORD, CH_SPACE, CH_NEWLINE } ch_kind;

/* The kind of each ASCII character, most of any text: a table, not a call per character. */
static const unsigned char seg_ascii[128] = {
    ['\t'] = CH_SPACE, ['\v'] = CH_SPACE, ['\f'] = CH_SPACE, ['\r'] = CH_SPACE, [' '] = CH_SPACE,
    ['\n'] = CH_NEWLINE,
    ['0'] = CH_WORD, ['1'] = CH_WORD, ['2'] = CH_WORD, ['3'] = CH_WORD, ['4'] = CH_WORD,
    ['5'] = CH_WORD, ['6'] = CH_WORD, ['7'] = CH_WORD, ['8'] = CH_WORD, ['9'] = CH_WORD,
    ['A'] = CH_WORD, ['B'] = CH_WORD, ['C'] = CH_WORD, ['D'] = CH_WORD, ['E'] = CH_WORD,
    ['F'] = CH_WORD, ['G'] = CH_WORD, ['H'] = CH_WORD, ['I'] = CH_WORD, ['J'] = CH_WORD,
    ['K'] = CH_WORD, ['L'] = CH_WORD, ['M'] = CH_WORD, ['N'] = CH_WORD, ['O'] = CH_WORD,
    ['P'] = CH_WORD, ['Q'] = CH_WORD, ['R'] = CH_WORD, ['S'] = CH_WORD, ['T'] = CH_WORD,
    ['U'] = CH_WORD, ['V'] = CH_WORD, ['W'] = CH_WORD, ['X'] = CH_WORD, ['Y'] = CH_WORD,
    ['Z'] = CH_WORD,
    ['a'] = CH_WORD, ['b'] = CH_WORD, ['c'] = CH_WORD, ['d'] = CH_WORD, ['e'] = CH_WORD,
    ['f'] = CH_WORD, ['g'] = CH_WORD, ['h'] = CH_WORD, ['i'] = CH_WORD, ['j'] = CH_WORD,
    ['k'] = CH_WORD, ['l'] = CH_WORD, ['m'] = CH_WORD, ['n'] = CH_WORD, ['o'] = CH_WORD,
    ['p'] = CH_WORD, ['q'] = CH_WORD, ['r'] = CH_WORD, ['s'] = CH_WORD, ['t'] = CH_WORD,
    ['u'] = CH_WORD, ['v'] = CH_WORD, ['w'] = CH_WORD, ['x'] = CH_WORD, ['y'] = CH_WORD,
    ['z'] = CH_WORD,
};

void seg_push(seg_tokens *t, size_t off, size_t len, int start, int clause, int hyphens)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = realloc(t->v, t->cap * sizeof *t->v);
        if (!t->v)
            abort();
    }
    t->v[t->n].off = off;
    t->v[t->n].len = len;
    t->v[t->n].sentence_start = start;
    t->v[t->n].clause_start = clause && !start;
    t->v[t->n].hyphens = hyphens;
    t->v[t->n].code = 0;
    t->n++;
}

void seg_tokens_free(seg_tokens *t)
{
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

/* The code point at S[I] (and its length in *L); invalid bytes read as U+FFFD, one each. */
static int32_t seg_cp(const char *s, size_t len, size_t i, size_t *l)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *l = 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {
        *l = 1;
        return 0xFFFD;
    }
    *l = (size_t)n;
    return cp;
}

static ch_kind seg_kind(int32_t cp)
{
    if (cp < 0x80)
        return (ch_kind)seg_ascii[cp];
    utf8proc_category_t cat = utf8proc_category(cp);
    if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
        (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
        (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
        return CH_WORD;
    if (cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP)
        return cp == 0x2028 || cp == 0x2029 ? CH_NEWLINE : CH_SPACE;
    return CH_OTHER;
}

static int seg_sentence_mark(int32_t cp)
{
    return cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
           cp == 0x061F || cp == 0x0964 || cp == 0x0965;
}

/* Whether the word after the full stop at S[I] (LEN bytes in all), past spaces and quotation
 * marks, begins in lower case: then the stop ended no sentence ("U.S. officials"). */
static int seg_lower_next(const char *s, size_t len, size_t i)
{
    size_t next = i + 1;
    while (next < len && (s[next] == ' ' || s[next] == '"' || s[next] == '\''))
        next++;
    return next < len && islower((unsigned char)s[next]);
}

/* Past the web or e-mail address of S (LEN bytes in all) that ends at END: left out, and a
 * phrase runs across it no more than across a bracket (*NEW_CLAUSE); a full stop after it may
 * end the sentence (*NEW_SENTENCE), as after a word. Returns where the text goes on. */
static size_t seg_past_link(const char *s, size_t len, size_t end, int *new_sentence, int *new_clause)
{
    *new_clause = 1;
    if (end < len && s[end] == '.') {
        *new_sentence |= !seg_lower_next(s, len, end);
        end++;
    }
    return end;
}

/* Whether the full stop at S[I] (LEN bytes in all), after a closing bracket or quotation mark,
 * ends a sentence ("... on Monday (Reuters). The", "... called it \"final\". Talks"): not
 * before a lower-case word, nor as the first dot of an ellipsis. A full stop right after a word
 * is told there. */
static int seg_stop_after_close(const char *s, size_t len, size_t i)
{
    int closed = i > 0 && memchr(")]\"'", s[i - 1], 4);
    if (!closed && i >= 3)
        closed = !memcmp(s + i - 3, "\xe2\x80\x9d", 3) || !memcmp(s + i - 3, "\xe2\x80\x99", 3);
    return closed && !(i + 1 < len && s[i + 1] == '.') && !seg_lower_next(s, len, i);
}

/* Whether CP at S[I] (LEN bytes in all) parts a sentence's clauses: phrases do not run across
 * it. A comma or colon between figures is part of a number or a time ("2,000", "10:30"); an
 * apostrophe right after a word may end a plural's possessive ("Republicans' plan"), so only
 * one that opens a quotation counts. Angle brackets hold wire copy's tickers ("CORP <MCHT> YEAR
 * NET"). An ellipsis written as dots ("prices rose ... and fell"; a word's own first dot is read
 * with the word), a bullet between items ("Politics • Business") and an emoji or a dingbat
 * ("shares 🚀 Rocket launch") part what they stand between. */
static int seg_clause_mark(const char *s, size_t len, size_t i, int32_t cp)
{
    if (cp >= 0x1F000 ? cp <= 0x1FAFF : cp >= 0x2600 && cp <= 0x27BF)
        return 1; /* emoji, pictographs, dingbats, playing cards */
    switch (cp) {
    case '.':
        return (i > 0 && s[i - 1] == '.') || (i + 1 < len && s[i + 1] == '.');
    case 0x2022: case 0x2023: case 0x2043: case 0x25AA: case 0x25CF: case 0x25A0: case 0x25E6: /* bullets */
        return 1;
    case ',':
    case ':':
        return !(i > 0 && isdigit((unsigned char)s[i - 1]) && i + 1 < len && isdigit((unsigned char)s[i + 1]));
    case '\'':
    case 0x2019: /* right single quotation mark, also the apostrophe */
        return i == 0 || ((unsigned char)s[i - 1] < 0x80 && seg_ascii[(unsigned char)s[i - 1]] != CH_WORD);
    case ';': case '(': case ')': case '[': case ']': case '{': case '}': case '<': case '>': case '"': case '|':
    case '-': /* a hyphen inside a word is the word's: one here stands apart, " - " */
    case 0x2013: case 0x2014: case 0x2015: /* en dash, em dash, horizontal bar */
    case 0x2018: case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A: case 0x300C: case 0x300D: case 0xFF08: case 0xFF09:
    case 0xFF0C: case 0x3001: case 0xFF1A: case 0xFF1B: case 0x060C: case 0x061B:
        return 1;
    default:
        return 0;
    }
}

/* Whether the byte at S[I] (LEN bytes in all) has a space, a tab or a text's edge on either side. */
static int seg_spaced(const char *s, size_t len, size_t i)
{
    return (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t') && (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t');
}

static int seg_is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int seg_is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

static int seg_word_at(const char *s, size_t len, size_t i)
{
    size_t l;
    return i < len && seg_kind(seg_cp(s, len, i, &l)) == CH_WORD;
}

static int seg_digit_at(const char *s, size_t len, size_t i)
{
    return i < len && isdigit((unsigned char)s[i]);
}

static int seg_capital_at(const char *s, size_t len, size_t i)
{
    return i < len && isupper((unsigned char)s[i]);
}

/* Whether the dot at S[I] joins two letters of the same case with no space, two letters at
 * least before it: a ticker with its exchange ("<DOTX.O>", "<BPCL.L>") or a web address
 * ("example.com") is one word, where a full stop before a new sentence with its space left out
 * ("said.The") changes case, and one letter is an initial ("S.KOREA", "U.S," for "U.S.,"). */
static int seg_dot_joins(const char *s, size_t len, size_t i)
{
    if (i < 2 || i + 1 >= len || !isalpha((unsigned char)s[i - 2]) || !isalpha((unsigned char)s[i - 1]) ||
        !isalpha((unsigned char)s[i + 1]))
        return 0;
    return !isupper((unsigned char)s[i - 1]) == !isupper((unsigned char)s[i + 1]);
}

/* Where the word goes on after an abbreviation's last dot at S[I - 1] ("U.K."): past a
 * possessive's "'s" that ends the word ("U.K.'s"), which is the word's as it is any word's;
 * else I, the abbreviation ending there. Not past a hyphen: "U.S.-backed" alone would be a
 * keyphrase where "U.S." is ("the U.S.-backed \"Contra\" rebels"). */
static size_t seg_after_abbreviation(const char *s, size_t len, size_t i)
{
    size_t l;
    if (i >= len || !seg_is_apostrophe(seg_cp(s, len, i, &l)))
        return i;
    if (i + l < len && (s[i + l] == 's' || s[i + l] == 'S') && !seg_word_at(s, len, i + l + 1))
        return i + l + 1;
    return i;
}

/* Whether TOKEN (its last dot stripped) is an abbreviation or an initial: its dot does not end a
 * sentence. */
static int seg_abbreviation(const char *tok, size_t len)
{
    if (len == 1 && isupper((unsigned char)tok[0]))
        return 1; /* an initial: "S. Jaishankar" */
    if (len > 8)
        return 0;
    for (size_t i = 0; i < sizeof segment_abbrevs / sizeof *segment_abbrevs; i++)
        if ((segment_abbrevs[i][0] | 0x20) == (tok[0] | 0x20) &&
            !strncasecmp(segment_abbrevs[i], tok, len) && segment_abbrevs[i][len] == '\0')
            return 1;
    return 0;
}

/* Whether S is hard-wrapped: no line longer than TEXTLINE_WRAP_WIDTH bytes, as in newswire text
 * cut at 70 columns. There a line break is a space and only a blank line ends a sentence; in
 * text whose paragraphs are lines (a headline, then the story), every line break ends one. */

static int seg_hard_wrapped(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        if (end - i > TEXTLINE_WRAP_WIDTH)
            return 0;
        i = end + 1;
    }
    return 1;
}

void segment_words(const char *s, size_t len, seg_tokens *out)
{
    int new_sentence = 1, new_clause = 0, newlines = 0, indent = 0, wrapped = seg_hard_wrapped(s, len);
    size_t i = 0;
    while (i < len) {
        size_t l;
        int32_t cp = seg_cp(s, len, i, &l);
        ch_kind k = seg_kind(cp);
        if (k != CH_WORD) {
            if (k == CH_NEWLINE) {
                indent = 0;
                if (++newlines >= 2 || !wrapped)
                    new_sentence = 1; /* a paragraph's end ends its sentence */
            } else if (k == CH_SPACE) {
                /* In hard-wrapped text an indented line begins a paragraph, as newswire's
                 * do, or a table's row ("    Net 807,000 vs 2,858,000"). */
                indent += cp == '\t' ? 2 : 1;
                if (newlines && wrapped && indent >= 2)
                    new_sentence = 1;
            } else {
                newlines = 0;
            }
            if (seg_sentence_mark(cp) || (cp == '.' && seg_stop_after_close(s, len, i)))
                new_sentence = 1;
            else if (seg_clause_mark(s, len, i, cp))
                new_clause = 1;
            else if (cp == '&' && seg_spaced(s, len, i)) {
                /* An ampersand standing alone is the word "and" ("Procter & Gamble", "pulp &
                 * paper"), which a phrase neither runs across in silence nor loses from its
                 * name: a token of its own, a stop word as "and" is (tokenize.c). */
                seg_push(out, i, 1, new_sentence, new_clause, 0);
                new_sentence = new_clause = 0;
            }
            i += l;
            continue;
        }
        newlines = 0;
        /* A web or e-mail address is no word of the story, nor are its pieces (seg_past_link). */
        size_t link = link_url_end(s, len, i);
        if (link > i) {
            i = seg_past_link(s, len, link, &new_sentence, &new_clause);
            continue;
        }
        size_t start = i, part = i; /* part: where the word's last hyphenated part begins */
        int hyphens = 0, dotted = 0, closed = 0; /* closed: the abbreviation's last dot is in */
        size_t past;
        for (;;) {
            for (;;) {
                while (i < len && (unsigned char)s[i] < 0x80 && seg_ascii[(unsigned char)s[i]] == CH_WORD)
                    i++;
                if (i >= len || (unsigned char)s[i] < 0x80 || seg_kind(seg_cp(s, len, i, &l)) != CH_WORD)
                    break;
                i += l;
            }
            if (i >= len)
                break;
            int32_t j = seg_cp(s, len, i, &l);
            if (seg_is_hyphen(j) && seg_word_at(s, len, i + l)) {
                hyphens++;                         /* cyber-security, COVID-19 */
                part = i + l;                      /* an abbreviation may follow: Japan-U.S., D-N.Y. */
                dotted = 0;
            } else if ((j == '.' || j == ',' || j == '/') && seg_digit_at(s, len, i + 1) &&
                       isdigit((unsigned char)s[i - 1])) {
                /* A figure is one token: 3.2, 1,506,000 (Unicode's word breaks keep a comma
                 * between digits, too), 12,000.5, and wire copy's fractions and dates, 7-3/4
                 * and 3/15/87; cut at its punctuation, a sum read as two or three figures. */
            } else if (seg_is_apostrophe(j) && seg_word_at(s, len, i + l) && i > start) {
                /* don't, O'Brien */
            } else if (j == '&' && isupper((unsigned char)s[i - 1]) && seg_capital_at(s, len, i + 1)) {
                /* AT&T, S&P, R&D: capitals on both sides, as no query string ("a=1&b=2") has */
            } else if (j == '.' && i - part - (size_t)dotted * 2 == 1 && seg_word_at(s, len, i + 1) &&
                       i + 2 < len && s[i + 2] == '.') {
                dotted++;                          /* U.S.: a letter, a dot, a letter, a dot */
            } else if (j == '.' && dotted && !closed && i - part - (size_t)dotted * 2 == 1 &&
                       (past = seg_after_abbreviation(s, len, i + 1)) > i + 1) {
                closed = 1; /* U.K.'s: the abbreviation's last dot, then its possessive */
                l = past - i;
            } else if (j == '.' && seg_dot_joins(s, len, i)) {
                /* DOTX.O, example.com */
            } else {
                break;
            }
            i += l;
        }
        /* An e-mail address begins as a word that ends at its '@' or at a byte its local part
         * goes on with ("press@", "jane.roe@", "a+b@"): only then is it looked for, as most
         * words end at a space. */
        if (i < len && memchr("@.+-_%", s[i], 6) && (link = link_email_end(s, len, start)) > start) {
            i = seg_past_link(s, len, link, &new_sentence, &new_clause);
            continue;
        }
        if (dotted && !closed && i < len && s[i] == '.')
            i++; /* the last dot of U.S. belongs to it */
        seg_push(out, start, i - start, new_sentence, new_clause, hyphens);
        /* Wire copy puts a firm's ticker alone in angle brackets, after its name: "Hadson Corp
         * <HADS.O> said". */
        out->v[out->n - 1].code = start > 0 && s[start - 1] == '<' && i < len && s[i] == '>';
        new_sentence = new_clause = 0;
        /* A full stop right after the word: the end of the sentence, unless the word is an
         * abbreviation or the next word begins in lower case. */
        if (i < len && s[i] == '.') {
            size_t tl = i - start;
            int abbrev = (dotted && !closed) || seg_abbreviation(s + start, tl);
            if (!abbrev && !seg_lower_next(s, len, i))
                new_sentence = 1;
            i++;
        } else if (dotted && i < len) {
            /* "U.S." ending a line before a capital is still an abbreviation: no break. */
        }
    }
}

void segment_whitespace(const char *s, size_t len, seg_tokens *out)
{
    size_t i = 0;
    int first = 1;
    while (i < len) {
        while (i < len && isspace((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < len && !isspace((unsigned char)s[i]))
            i++;
        if (i > start) {
            seg_push(out, start, i - start, first, 0, 0);
            first = 0;
        }
    }
}

void segment_lines(const char *s, size_t len, seg_tokens *out)
{
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        size_t e = end > i && s[end - 1] == '\r' ? end - 1 : end;
        seg_push(out, i, e - i, i == 0, 0, 0);
        i = end + 1;
    }
}
