/* acronyms.c: the acronyms a story defines, in brackets after the words they stand for, tied to
 * the phrase of those words. */
#include "acronyms.h"
#include "wordclass.h"

#include <string.h>

#define KW_ACRONYM_MAX 8 /* capitals in an acronym: "NATO", "OPEC", "ASEAN", "NASDAQ" */

/* The capitals of surface S (LEN bytes) if it is an acronym, into LETTERS: 2 to KW_ACRONYM_MAX
 * of them, and nothing else but a plural's "s" after 3 or more ("ICTs"); else 0. */
static size_t kw_acronym_letters(const char *s, size_t len, char *letters)
{
    if (len >= 4 && s[len - 1] == 's')
        len--;
    if (len < 2 || len > KW_ACRONYM_MAX)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
        letters[i] = s[i];
    }
    return len;
}

/* The initials of surface S (LEN bytes) into OUT, at most MAX: its first capital, and that of
 * each part of a hyphenated word ("Inter-American": "IA"). */
static size_t kw_initials(const char *s, size_t len, char *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max; i++)
        if ((i == 0 || s[i - 1] == '-') && s[i] >= 'A' && s[i] <= 'Z')
            out[n++] = s[i];
    return n;
}

/* Whether token J of T is a small word in lower case inside a defined phrase ("of", "and",
 * "the" of "Organization for Economic Cooperation and Development", "de" of "Banque de
 * France"), which has no initial in its acronym. */
static int kw_acronym_skips(const kw_tokens *t, size_t j)
{
    const char *s = t->surface.str[j];
    size_t len = t->surface.len[j];
    return s && len && !kw_capitalised(t, j) && (t->stop[j] || kw_name_particle(s, len));
}

/* The first token of the words before token I of T whose initials spell LETTERS (N of them),
 * from the last: capitalised, within one clause, small words in lower case between them; or I
 * if they do not. */
static size_t kw_acronym_start(const kw_tokens *t, size_t i, const char *letters, size_t n)
{
    size_t left = n; /* letters not yet matched, from the end */
    for (size_t j = i; j-- > 0 && i - j <= 2 * KW_ACRONYM_MAX;) {
        if (j + 1 < i && t->clauses[j + 1])
            return i; /* the words run across a clause's start */
        if (j + 1 < i && left < n && kw_acronym_skips(t, j))
            continue;
        if (!kw_capitalised(t, j))
            return i;
        char initials[KW_ACRONYM_MAX];
        size_t k = kw_initials(t->surface.str[j], t->surface.len[j], initials, sizeof initials);
        if (!k)
            return i; /* a capital past ASCII ("Élysée"), which no acronym here spells */
        if (k > 1 && k <= left && !memcmp(initials, letters + left - k, k))
            left -= k;
        else if (initials[0] == letters[left - 1])
            left--;
        else
            return i;
        if (!left)
            return i - j >= 2 ? j : i; /* two words at least: "Inter-American (IA)" is none */
    }
    return i;
}

void kw_acronyms_mark(kw_doc *d, const kw_tokens *t)
{
    size_t n = t->stems.n;
    for (size_t i = 1; i < n; i++) {
        char letters[KW_ACRONYM_MAX];
        size_t len;
        /* In brackets: a clause begins at it and after it. The brackets and the initials tell,
         * in a headline too, whose capitals tell nothing else. */
        if (!t->clauses[i] || (i + 1 < n && !t->clauses[i + 1]) || !t->surface.str[i] ||
            !(len = kw_acronym_letters(t->surface.str[i], t->surface.len[i], letters)))
            continue;
        size_t start = kw_acronym_start(t, i, letters, len);
        if (start == i)
            continue;
        int64_t acronym = intern_find(d->cands, t->stems.str[i], t->stems.len[i]);
        d->key.len = 0;
        for (size_t j = start; j < i; j++) {
            if (j > start)
                quarry_buf_append(&d->key, " ", 1);
            quarry_buf_append(&d->key, t->stems.str[j], t->stems.len[j]);
        }
        int64_t phrase = intern_find(d->cands, d->key.data, d->key.len);
        if (acronym < 0 || phrase < 0 || acronym == phrase)
            continue;
        kw_cand *c = intern_value(d->cands, (uint32_t)acronym);
        if (!c->defined) /* the first definition holds, as a reader takes it */
            c->defined = (uint32_t)phrase + 1;
    }
}
