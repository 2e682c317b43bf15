/* acronyms.c: a story's acronyms, tied to the phrases they stand for: defined in brackets after
 * the words, or written apart from the one phrase of the story with their initials. */
#include "acronyms.h"
#include "wordclass.h"

#include <string.h>

#define KW_ACRONYM_MAX 8 /* capitals in an acronym: "NATO", "OPEC", "ASEAN", "NASDAQ" */

/* The capitals of surface S (LEN bytes) if it is an acronym, into LETTERS: 2 to KW_ACRONYM_MAX
 * of them, and nothing else but a possessive ("BP's") or a plural's "s" after 3 or more
 * ("ICTs"); else 0. */
static size_t kw_acronym_letters(const char *s, size_t len, char *letters)
{
    if (len >= 2 && (!memcmp(s + len - 2, "'s", 2) || !memcmp(s + len - 2, "'S", 2)))
        len -= 2;
    else if (len >= 4 && !memcmp(s + len - 4, "\xe2\x80\x99s", 4))
        len -= 4; /* ’s */
    else if (len >= 4 && s[len - 1] == 's')
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

/* The initials of the phrase of tokens A to B of T into OUT (at most MAX): those of its
 * capitalised words, none for the small words between them; 0 if a word of it is in lower case,
 * in capitals (an acronym's words are words: "EC Commission" and "US Sprint" spell no "EC" or
 * "US") or has no initial here, if it is one word, or if it has more initials than MAX. */
static size_t kw_phrase_initials(const kw_tokens *t, size_t a, size_t b, char *out, size_t max)
{
    size_t n = 0, words = 0;
    for (size_t j = a; j <= b; j++) {
        char letters[KW_ACRONYM_MAX];
        if (j > a && j < b && kw_acronym_skips(t, j))
            continue;
        if (!kw_capitalised(t, j) || n == max || kw_acronym_letters(t->surface.str[j], t->surface.len[j], letters))
            return 0;
        size_t k = kw_initials(t->surface.str[j], t->surface.len[j], out + n, max - n);
        if (!k)
            return 0;
        n += k;
        words++;
    }
    return words >= 2 ? n : 0;
}

enum { KW_INITIALS_SHARED = UINT32_MAX }; /* two phrases of a story have these initials */

/* The story's acronyms that no brackets define, written in capitals where case tells: each tied
 * to the one phrase of the story, of capitalised words, whose initials it spells ("European
 * Community" and "the EC's report"). Where two phrases have those initials ("European
 * Community", "Executive Commission"), neither. */
static void kw_acronyms_undefined(kw_doc *d, const kw_tokens *t)
{
    uint32_t n = (uint32_t)intern_count(d->cands);
    intern *by_initials = NULL; /* initials -> the phrase's id + 1, or KW_INITIALS_SHARED */
    for (uint32_t id = 0; id < n; id++) {
        kw_cand *c = intern_value(d->cands, id);
        char letters[KW_ACRONYM_MAX];
        size_t len;
        if (c->words != 1 || c->defined || !t->surface.str[c->first] ||
            !((const kw_word *)intern_value(d->words, c->word[0]))->acronym ||
            !(len = kw_acronym_letters(t->surface.str[c->first], t->surface.len[c->first], letters)))
            continue;
        if (!by_initials) { /* the phrases' initials, once a story, if it has an acronym */
            by_initials = intern_new(sizeof(uint32_t));
            for (uint32_t p = 0; p < n; p++) {
                const kw_cand *pc = intern_value(d->cands, p);
                char initials[KW_ACRONYM_MAX];
                size_t k = pc->words >= 2 ? kw_phrase_initials(t, pc->first, pc->first + pc->words - 1, initials,
                                                               sizeof initials)
                                          : 0;
                if (!k)
                    continue;
                int added;
                uint32_t *phrase = intern_put(by_initials, initials, k, NULL, &added);
                *phrase = added || *phrase == p + 1 ? p + 1 : KW_INITIALS_SHARED;
            }
        }
        int64_t found = intern_find(by_initials, letters, len);
        if (found < 0)
            continue;
        uint32_t phrase = *(const uint32_t *)intern_value(by_initials, (uint32_t)found);
        if (phrase != KW_INITIALS_SHARED)
            c->defined = phrase;
    }
    intern_free(by_initials);
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
        if (c->defined)
            continue; /* the first definition holds, as a reader takes it */
        c->defined = (uint32_t)phrase + 1;
        /* Words joined by "and" that brackets define are one name, whatever the corpus holds:
         * "Food and Drug Administration (FDA)" in the one story a run has. */
        kw_cand *pc = intern_value(d->cands, (uint32_t)phrase);
        if (pc->joined)
            pc->fixed = 1;
    }
    kw_acronyms_undefined(d, t);
}
