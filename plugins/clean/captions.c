/* captions.c: a picture's caption and credit that a scrape kept as text: a line that ends in the
 * picture's credit ("Yersinia pestis causes the plague (Image: GETTY)", "... the spread of the
 * plague Credit: The Siberian Times"), or a credit alone ("Alex Wong | Getty Images"). */
#include "clean.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* The most words of a caption before its credit: a caption is a sentence or two on the picture.
 * A longer line that ends in a credit is an article's text (a whole story on one line, say) with
 * the credit run into its end, and loses the credit alone. */
#define CAPTION_MAX_WORDS 40
/* The longest credit, in bytes, from its opening to the line's end. */
#define CAPTION_CREDIT_MAX 120
/* The most words a credit names after its label ("Credit: Vesti/The Siberian Times"). */
#define CAPTION_NAME_WORDS 8
/* The most words of a credit line alone: a photographer's name and the agency's. */
#define CAPTION_LINE_WORDS 8

/* The words that open a credit, in any case; a longer one before the one it begins with. */
static const char *const caption_words[] = {"photograph", "photo credit", "photos", "photo", "image credit",
                                            "image", "picture credit", "picture", "pic", "credit"};

/* The length of a credit's word at S (LEN bytes), a word of its own; 0 if none begins there.
 * "(pictured)" and "Imagery" open none. */
static size_t caption_word(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof caption_words / sizeof *caption_words; k++) {
        size_t n = strlen(caption_words[k]);
        if (len >= n && !strncasecmp(s, caption_words[k], n) && (len == n || !isalpha((unsigned char)s[n])))
            return n;
    }
    return 0;
}

/* Whether S (LEN bytes) holds no sentence's end: a full stop, a question or an exclamation mark
 * before a space or at the end. Initials ("J. Puskar") end none: a capital alone before the
 * full stop. */
static int caption_no_sentence(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '.' && s[i] != '!' && s[i] != '?')
            continue;
        if (i + 1 < len && s[i + 1] != ' ')
            continue;
        int initial = s[i] == '.' && i >= 1 && isupper((unsigned char)s[i - 1]) &&
                      (i == 1 || !isalpha((unsigned char)s[i - 2]));
        if (!initial)
            return 0;
    }
    return 1;
}

/* Where a credit in brackets that ends S (LEN bytes, no trailing spaces) opens, at its bracket:
 * a credit's word, after an agency's or a file's word if any, then a colon, a slash or "by":
 * "(Photo: Getty Images)", "(AP Photo/Alan Diaz, File)", "(Photo Credit : PTI File Photo )",
 * "(credit: NASA/Jude Guidry)". LEN if none: "(Photos)" and "(pictured)" name no source. */
static size_t caption_bracketed(const char *s, size_t len)
{
    if (!len || s[len - 1] != ')')
        return len;
    size_t open = len - 1;
    while (open > 0 && len - open < CAPTION_CREDIT_MAX && s[open - 1] != '(' && s[open - 1] != ')')
        open--;
    if (!open || s[open - 1] != '(')
        return len;
    open--;
    size_t at = open + 1, end = len - 1;
    while (at < end && s[at] == ' ')
        at++;
    size_t n = caption_word(s + at, end - at);
    if (!n && at < end && isupper((unsigned char)s[at])) { /* "AP Photo", "File photo" */
        const char *space = memchr(s + at, ' ', end - at);
        if (space) {
            at = (size_t)(space - s) + 1;
            n = caption_word(s + at, end - at);
        }
    }
    if (!n)
        return len;
    at += n;
    while (at < end && s[at] == ' ')
        at++;
    int said = at < end && (s[at] == ':' || s[at] == '/');
    said = said || (end - at > 3 && !strncasecmp(s + at, "by ", 3));
    return said ? open : len;
}

/* Where a labelled credit that ends S (LEN bytes, no trailing spaces) opens: a space, a credit's
 * word capitalised as a label is, a colon, then a source's name of a few words that ends no
 * sentence ("... the plague Credit: The Siberian Times", "... equivalent. Credit: ESA"). The word
 * before the label is no capitalised word, which would make it a heading's ("Consumer Credit:
 * 5.2 billion"), unless a sentence ends there. LEN if none. */
static size_t caption_labelled(const char *s, size_t len)
{
    size_t from = len > CAPTION_CREDIT_MAX ? len - CAPTION_CREDIT_MAX : 0;
    if (!memchr(s + from, ':', len - from))
        return len; /* most lines: asked of every one, twice */
    for (size_t at = from; at < len; at++) {
        if ((at && s[at - 1] != ' ') || !memchr("CPI", s[at], 3))
            continue; /* the capitals that credits' words begin with */
        size_t n = caption_word(s + at, len - at);
        if (!n)
            continue;
        size_t colon = at + n;
        while (colon < len && s[colon] == ' ')
            colon++;
        if (colon >= len || s[colon] != ':')
            continue;
        size_t name = colon + 1;
        while (name < len && s[name] == ' ')
            name++;
        if (name == len || !isalnum((unsigned char)s[name]) || !caption_no_sentence(s + name, len - name) ||
            doc_words(s + name, len - name) > CAPTION_NAME_WORDS)
            continue;
        if (!at)
            return at; /* the credit alone */
        size_t before = at - 1; /* the space */
        while (before > 0 && s[before - 1] == ' ')
            before--;
        size_t word = before;
        while (word > 0 && s[word - 1] != ' ')
            word--;
        if (before == 0 || !isupper((unsigned char)s[word]) || doc_sentence_ended(s, before))
            return at;
    }
    return len;
}

size_t caption_credit(const char *s, size_t len)
{
    size_t end = len;
    while (end > 0 && s[end - 1] == ' ')
        end--;
    size_t at = caption_bracketed(s, end);
    if (at == end)
        at = caption_labelled(s, end);
    if (at == end)
        return len;
    while (at > 0 && s[at - 1] == ' ')
        at--;
    return at;
}

/* Whether S (LEN bytes) is a credit line alone that names Getty Images after a photographer's
 * name or a word that gives it: "Alex Wong | Getty Images", "Image via Getty Images". */
static int caption_agency_line(const char *s, size_t len)
{
    static const char agency[] = "Getty Images";
    size_t n = sizeof agency - 1, end = len;
    while (end > 0 && s[end - 1] == ' ')
        end--;
    if (end <= n + 1 || memcmp(s + end - n, agency, n) || doc_words(s, len) > CAPTION_LINE_WORDS)
        return 0;
    size_t at = end - n;
    while (at > 0 && s[at - 1] == ' ')
        at--;
    if (at && (s[at - 1] == '|' || s[at - 1] == '/'))
        return 1;
    return (at >= 4 && !strncasecmp(s + at - 4, " via", 4)) || (at >= 3 && !strncasecmp(s + at - 3, " by", 3));
}

int caption_line(const char *s, size_t len)
{
    size_t at = caption_credit(s, len);
    if (at < len)
        return doc_words(s, at) <= CAPTION_MAX_WORDS;
    return caption_agency_line(s, len);
}

/* A credit at the end of line S (LEN bytes), for doc_trim_endings. */
static size_t caption_line_credit(const char *s, size_t len, const void *arg)
{
    (void)arg;
    return caption_credit(s, len);
}

void caption_trim(clean_doc *doc)
{
    doc_trim_endings(doc, "credit", caption_line_credit, NULL);
}
