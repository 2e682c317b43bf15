/* wordbreak.c: words of scripts written without spaces, cut by ICU's word-break dictionaries
 * (see wordbreak.h). */
#include "wordbreak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utypes.h>
#include <unicode/utf16.h>
#include <utf8proc.h>

#include "unspaced.h"

struct wordbreak {
    UBreakIterator *words; /* the root's rules, which hold every dictionary */
    UChar *u16;            /* the token in UTF-16 */
    size_t *at;            /* the UTF-8 offset in the token of each UTF-16 unit, and of its end */
    size_t cap;
    seg_tokens out;        /* the tokens with the cut ones replaced */
};

wordbreak *wordbreak_new(void)
{
    wordbreak *wb = calloc(1, sizeof *wb);
    UErrorCode e = U_ZERO_ERROR;
    if (wb)
        wb->words = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
    if (wb && U_FAILURE(e)) {
        free(wb);
        return NULL;
    }
    return wb;
}

void wordbreak_free(wordbreak *wb)
{
    if (!wb)
        return;
    if (wb->words)
        ubrk_close(wb->words);
    free(wb->u16);
    free(wb->at);
    seg_tokens_free(&wb->out);
    free(wb);
}

int wordbreak_check(char *why, size_t cap)
{
    UErrorCode e = U_ZERO_ERROR;
    UBreakIterator *words = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
    if (U_FAILURE(e)) {
        snprintf(why, cap, "%s", u_errorName(e));
        return -1;
    }
    ubrk_close(words);
    return 0;
}

const void *wordbreak_library(void)
{
    return (const void *)ubrk_open;
}

/* Whether the LEN bytes at T hold a character of a script without spaces. Such characters take
 * three bytes in UTF-8, so only a byte from 0xE0 up is decoded. */
static int wordbreak_any(const char *t, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)t[i] < 0xE0)
            continue;
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n > 0 && unspaced_script(cp))
            return 1;
    }
    return 0;
}

/* Whether token T (LEN bytes) is one to cut: a character of a script without spaces, no hyphen
 * (a hyphenated token keeps its parts, as others do). */
static int wordbreak_wanted(const char *t, size_t len, int hyphens)
{
    return !hyphens && wordbreak_any(t, len);
}

/* Token T (LEN bytes) into WB's UTF-16 buffer, with the UTF-8 offset of each unit; its length in
 * units. Bytes that are not UTF-8 read as U+FFFD, one each. */
static int32_t wordbreak_utf16(wordbreak *wb, const char *t, size_t len)
{
    if (len + 1 > wb->cap) { /* at most one unit a byte */
        wb->cap = len + 1;
        free(wb->u16);
        free(wb->at);
        wb->u16 = malloc(wb->cap * sizeof *wb->u16);
        wb->at = malloc(wb->cap * sizeof *wb->at);
        if (!wb->u16 || !wb->at)
            abort();
    }
    int32_t n = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(len - i), &cp);
        if (l <= 0) {
            cp = 0xFFFD;
            l = 1;
        }
        if (U_IS_BMP(cp)) {
            wb->at[n] = i;
            wb->u16[n++] = (UChar)cp;
        } else {
            wb->at[n] = i;
            wb->u16[n++] = U16_LEAD(cp);
            wb->at[n] = i;
            wb->u16[n++] = U16_TRAIL(cp);
        }
        i += (size_t)l;
    }
    wb->at[n] = len;
    return n;
}

/* Appends to WB->out the words ICU finds in token TOK of S; 0 if it cannot, and nothing is
 * appended. */
static int wordbreak_token(wordbreak *wb, const char *s, const seg_token *tok)
{
    int32_t n = wordbreak_utf16(wb, s + tok->off, tok->len);
    UErrorCode e = U_ZERO_ERROR;
    ubrk_setText(wb->words, wb->u16, n, &e);
    if (U_FAILURE(e))
        return 0;
    int first = 1;
    int32_t start = ubrk_first(wb->words);
    for (int32_t end = ubrk_next(wb->words); end != UBRK_DONE; start = end, end = ubrk_next(wb->words)) {
        if (ubrk_getRuleStatus(wb->words) < UBRK_WORD_NONE_LIMIT)
            continue; /* not a word: an apostrophe or a dot the token held */
        seg_push(&wb->out, tok->off + wb->at[start], wb->at[end] - wb->at[start], first && tok->sentence_start,
                 first && tok->clause_start, 0);
        first = 0;
    }
    if (first) /* no word in it: kept as it was */
        seg_push(&wb->out, tok->off, tok->len, tok->sentence_start, tok->clause_start, 0);
    return 1;
}

/* Whether the bytes of S from FROM to TO are spaces alone, and at least one: a space, a tab, a
 * no-break space or an ideographic space (not a line break, which hard-wrapped text puts
 * anywhere). */
static int wordbreak_spaces(const char *s, size_t from, size_t to)
{
    if (from >= to)
        return 0;
    for (size_t i = from; i < to;) {
        if (s[i] == ' ' || s[i] == '\t')
            i++;
        else if (to - i >= 2 && !memcmp(s + i, "\xC2\xA0", 2))
            i += 2;
        else if (to - i >= 3 && !memcmp(s + i, "\xE3\x80\x80", 3))
            i += 3;
        else
            return 0;
    }
    return 1;
}

void wordbreak_cut(wordbreak *wb, const char *s, size_t len, seg_tokens *toks)
{
    if (!wordbreak_any(s, len))
        return; /* most text: one look at its bytes, not at each token's */
    wb->out.n = 0;
    for (size_t i = 0; i < toks->n; i++) {
        seg_token tok = toks->v[i];
        /* A space between two words of such a script parts phrases, as a comma would: Thai
         * writes one between clauses, and Chinese and Japanese none inside a phrase. */
        if (i && !tok.sentence_start && unspaced_starts(s + tok.off, tok.len)) {
            const seg_token *before = &toks->v[i - 1];
            if (unspaced_ends(s + before->off, before->len) && wordbreak_spaces(s, before->off + before->len, tok.off))
                tok.clause_start = 1;
        }
        if (!wordbreak_wanted(s + tok.off, tok.len, tok.hyphens) || !wordbreak_token(wb, s, &tok)) {
            seg_push(&wb->out, tok.off, tok.len, tok.sentence_start, tok.clause_start, tok.hyphens);
            wb->out.v[wb->out.n - 1].code = tok.code;
        }
    }
    seg_tokens swap = *toks;
    *toks = wb->out;
    wb->out = swap;
}
