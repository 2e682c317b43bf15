/* rights.c: a publisher's rights notice that a scrape ran into the end of a paragraph ("...
 * said. © Copyright 2011 Associated Press. All rights reserved. This material may not be
 * published, broadcast, rewritten, or redistributed."), found at the end of a line. */
#include "clean.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The longest notice, in bytes, from its opening to the end of its line: AP's, with its
 * sentence on redistribution, is about 150; a publisher's longer ones ("For more news on energy
 * and the environment, visit ...") under 400. More than this after an opening is an article's
 * text, not a notice. */
#define RIGHTS_MAX 500
/* The longest notice that needs no sentence on rights: "© 2011 The Salt Lake Tribune." */
#define RIGHTS_SHORT 120

/* The words that open a notice, in any case: "©", "Copyright", and "(C)" after "Copyright". */
enum { RIGHTS_SIGN = 1, RIGHTS_WORD, RIGHTS_C };
static const struct {
    const char *s;
    int kind;
} rights_openers[] = {{"\xc2\xa9", RIGHTS_SIGN}, {"copyright", RIGHTS_WORD}, {"(c)", RIGHTS_C}};

/* The phrases of a notice's sentences on rights, in lower case. */
static const char *const rights_phrases[] = {"rights reserved", "right reserved", "may not be published",
                                             "reprint", "express written", "redistributed"};

/* The kind of the opener at S (LEN bytes), its length into *N; 0 if none begins there. The word
 * is a word of its own: "copyrights and trademarks" opens nothing. */
static int rights_opener(const char *s, size_t len, size_t *n)
{
    for (size_t k = 0; k < sizeof rights_openers / sizeof *rights_openers; k++) {
        *n = strlen(rights_openers[k].s);
        if (len >= *n && !strncasecmp(s, rights_openers[k].s, *n) &&
            (rights_openers[k].kind != RIGHTS_WORD || len == *n || !isalpha((unsigned char)s[*n])))
            return rights_openers[k].kind;
    }
    return 0;
}

/* Whether S (LEN bytes) begins with a year of a notice, 1900 to 2099, a word of its own. */
static int rights_year(const char *s, size_t len)
{
    if (len < 4 || !((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')) ||
        !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]))
        return 0;
    return len == 4 || !isalnum((unsigned char)s[4]);
}

/* Whether S (LEN bytes) holds a phrase of rights_phrases, in any case. */
static int rights_phrase(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof rights_phrases / sizeof *rights_phrases; k++) {
        size_t n = strlen(rights_phrases[k]);
        for (size_t i = 0; i + n <= len; i++)
            if (!strncasecmp(s + i, rights_phrases[k], n))
                return 1;
    }
    return 0;
}

/* Whether the words at AT of line S (LEN bytes) open a notice: its openers ("©", "Copyright
 * ©", "Copyright (C)", "© Copyright"), then a year, or no year after a sign ("©", "Copyright
 * (C)": "the Copyright Office said" is prose, and "(c)" alone a list's item). Where the notice
 * goes on after them into *AFTER. */
static int rights_opening(const char *s, size_t len, size_t at, size_t *after)
{
    size_t p = at, n;
    int named = 0, sign = 0;
    for (int kind; (kind = rights_opener(s + p, len - p, &n)) != 0;) {
        named |= kind != RIGHTS_C;
        sign |= kind == RIGHTS_SIGN || (kind == RIGHTS_C && named);
        p += n;
        while (p < len && s[p] == ' ')
            p++;
    }
    *after = p;
    return named && (sign || rights_year(s + p, len - p));
}

/* Whether a notice opens at AT of line S (LEN bytes) and runs to its end: its opening, and a
 * sentence on rights after it, or, after a year, little more than a name. */
static int rights_opens_at(const char *s, size_t len, size_t at)
{
    size_t p;
    if (!rights_opening(s, len, at, &p))
        return 0;
    return rights_phrase(s + p, len - p) || (rights_year(s + p, len - p) && len - at <= RIGHTS_SHORT);
}

/* Whether S (LEN bytes) may hold a notice: every one has the sign or the word. The sign's
 * first byte is sought alone, the fastest search, as ASCII text has none. */
static int rights_may_hold(const char *s, size_t len)
{
    for (const char *p = s, *end = s + len; (p = memchr(p, '\xc2', (size_t)(end - p))) != NULL; p++)
        if (p + 1 < end && p[1] == '\xa9')
            return 1;
    return memmem(s, len, "opyright", 8) || memmem(s, len, "OPYRIGHT", 8);
}

size_t rights_notice(const char *s, size_t len)
{
    size_t from = len > RIGHTS_MAX ? len - RIGHTS_MAX : 0;
    if (!rights_may_hold(s + from, len - from))
        return len;
    for (size_t at = from; at < len; at++) {
        /* An opener begins the line or a word: "Taylorsville Copyright 2011 The Salt Lake
         * Tribune", where a letter's signature runs into it. */
        if ((at && s[at - 1] != ' ') || (s[at] != '\xc2' && (s[at] | 0x20) != 'c'))
            continue;
        if (rights_opens_at(s, len, at)) {
            while (at && s[at - 1] == ' ')
                at--;
            return at;
        }
    }
    return len;
}

/* Whether S (LEN bytes) reads as a story's paragraph (doc_paragraph) with no sentence on
 * rights. */
static int rights_paragraph(const char *s, size_t len)
{
    return doc_paragraph(s, len) && !rights_phrase(s, len);
}

int rights_line(const char *s, size_t len)
{
    /* Not "©" first: jusText takes such lines as it always has, and its neighbours with them. */
    size_t p, n;
    if (!len || rights_opener(s, len, &n) < RIGHTS_WORD)
        return 0;
    return rights_opening(s, len, 0, &p) || !rights_paragraph(s, len);
}

int rights_footer(const char *s, size_t len)
{
    if (len > RIGHTS_MAX)
        return 0;
    /* The notice first: it looks for the sign or the word alone (rights_may_hold) before it reads
     * a line closely, where the phrases are sought at each of its bytes. */
    size_t at = rights_notice(s, len);
    return at < len && doc_words(s, at) <= 2 && rights_phrase(s, len);
}

/* A notice at the end of line S (LEN bytes), for doc_trim_endings; before the classes (*ARG),
 * only one that ends a paragraph. */
static size_t rights_line_notice(const char *s, size_t len, const void *arg)
{
    size_t start = rights_notice(s, len);
    int before_classes = *(const int *)arg;
    return start < len && before_classes && !rights_paragraph(s, start) ? len : start;
}

int rights_trim(clean_doc *doc, int before_classes)
{
    /* Most documents have none: one search of the whole text, not one a line. */
    if (!doc->text.len || !rights_may_hold(doc->text.data, doc->text.len))
        return 0;
    doc_trim_endings(doc, "rights", rights_line_notice, &before_classes);
    return 1;
}
