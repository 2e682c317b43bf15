/* spelling.c: whether two phrases of a document are one spelled two ways, by their letters. */
#include "spelling.h"
#include "wordclass.h"

#include <string.h>

/* C, in lower case if an ASCII capital. */
static int kw_fold(char c)
{
    unsigned char ch = (unsigned char)c;
    return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* A reader of a phrase's letters where it is first seen: its tokens' surface forms one after
 * the other, hyphens and a possessive ending ("Ex-Im's") left out, ASCII letters in lower case. */
typedef struct kw_letters {
    const kw_tokens *t;
    size_t token, end; /* the token read, and the phrase's end */
    size_t at;         /* the byte of that token read next */
    size_t part;       /* the bytes of the part (between hyphens or tokens) read so far */
    int initial;       /* whether a part of one byte was read: an initial */
} kw_letters;

static void kw_letters_start(kw_letters *r, const kw_tokens *t, const kw_cand *c)
{
    *r = (kw_letters){t, c->first, c->first + c->words, 0, 0, 0};
}

/* Ends the part read so far: a part of one byte is an initial. */
static void kw_letters_end_part(kw_letters *r)
{
    r->initial |= r->part == 1;
    r->part = 0;
}

/* The next letter of R, or -1 at the phrase's end. */
static int kw_letters_next(kw_letters *r)
{
    while (r->token < r->end) {
        const char *s = r->t->surface.str[r->token];
        size_t len = s ? r->t->surface.len[r->token] : 0;
        if (r->token + 1 == r->end)
            len = kw_without_possessive(s, len);
        if (r->at == len) {
            kw_letters_end_part(r);
            r->token++;
            r->at = 0;
            continue;
        }
        unsigned char ch = (unsigned char)s[r->at++];
        if (ch == '-') {
            kw_letters_end_part(r);
            continue;
        }
        r->part++;
        return kw_fold((char)ch);
    }
    return -1;
}

/* Whether the first tokens of A and B of T differ before a hyphen or the end of either, case
 * aside: so nearly every pair does, and they are told apart here, before the readers run. */
static int kw_first_tokens_differ(const kw_tokens *t, const kw_cand *a, const kw_cand *b)
{
    const char *x = t->surface.str[a->first], *y = t->surface.str[b->first];
    if (!x || !y)
        return 0;
    size_t n = t->surface.len[a->first] < t->surface.len[b->first] ? t->surface.len[a->first]
                                                                     : t->surface.len[b->first];
    for (size_t i = 0; i < n && x[i] != '-' && y[i] != '-'; i++)
        if (kw_fold(x[i]) != kw_fold(y[i]))
            return 1;
    return 0;
}

int kw_spelled_alike(const kw_doc *d, const kw_cand *a, const kw_cand *b)
{
    const kw_tokens *t = d->tokens; /* a candidate's tokens are those of the build that made it */
    if (kw_first_tokens_differ(t, a, b))
        return 0;
    kw_letters x, y;
    kw_letters_start(&x, t, a);
    kw_letters_start(&y, t, b);
    for (;;) {
        int cx = kw_letters_next(&x), cy = kw_letters_next(&y);
        if (cx != cy)
            return 0;
        if (cx < 0)
            return !x.initial && !y.initial;
    }
}

int kw_spelling_key(const char *s, size_t len, quarry_buf *out)
{
    size_t start = out->len;
    len = kw_without_possessive(s, len);
    for (size_t a = 0, b = 0; b <= len; b++) {
        if (b < len && s[b] != ' ' && s[b] != '-')
            continue;
        if (b - a == 1) {
            out->len = start;
            return -1;
        }
        size_t at = out->len;
        quarry_buf_append(out, s + a, b - a);
        for (size_t i = at; i < out->len; i++)
            out->data[i] = (char)kw_fold(out->data[i]);
        a = b + 1;
    }
    return 0;
}
