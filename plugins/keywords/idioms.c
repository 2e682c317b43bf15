/* idioms.c: the words that news writes in set ways, counted in the first pass as the words are
 * written: after a bare preposition ("in principle", "to acquire"), or beside a reporting verb
 * ("a spokesman said"). */
#include "idioms.h"

#include <stdlib.h>

#include "wordclass.h"

/* How often a word must be seen in lower case before its uses tell anything, and how much of
 * them makes it a set phrase's or a verb's (after a preposition) or a quote's source (beside a
 * reporting verb). Nouns that make noun phrases of their own come after determiners and
 * adjectives often enough to stay under the first; on Reuters, "in principle" is 83% of
 * "principle"'s occurrences, "to acquire" 86% of "acquire"'s. Beside "said", "sources" is 81%
 * of its occurrences, "spokesman" 73%, "company" 52%, "board" 34% and "government" 18%. */
#define KW_IDIOM_SEEN 20
#define KW_IDIOM_SHARE_PERCENT 70
#define KW_SOURCE_SHARE_PERCENT 50

enum { KW_IDIOM_AFTER_PREPOSITION = 1, KW_IDIOM_BESIDE_REPORTING = 2 };

/* Whether token I of T is a phrase word written in lower case ASCII letters (a hyphen or an
 * apostrophe aside): a set phrase's noun or a verb is; a name, a code, or a word whose case a
 * headline hides, is not looked at. Asked of every token, so without decoding. */
static int kw_idiom_word(const kw_tokens *t, size_t i)
{
    const char *s = t->surface.str[i];
    size_t len = t->surface.len[i];
    if (!t->wordlike[i] || !s || !len || (unsigned)(s[0] - 'a') >= 26u)
        return 0;
    for (size_t k = 1; k < len; k++)
        if ((unsigned)(s[k] - 'a') >= 26u && s[k] != '-' && s[k] != '\'')
            return 0;
    return 1;
}

/* Whether token I of T comes right after a preposition of its clause. A preposition is a stop
 * word: the flag rules out most tokens before the word itself is read. */
static int kw_after_preposition(const kw_tokens *t, size_t i)
{
    return i > 0 && !t->clauses[i] && t->stop[i - 1] && kw_preposition(t, i - 1);
}

/* Whether token I of T is within three words of a reporting verb in its sentence, by
 * REPORTING (kw_reporting of each token). */
static int kw_beside_reporting(const kw_tokens *t, const unsigned char *reporting, size_t i)
{
    for (size_t j = i; j > 0 && i - j < 3 && !t->starts[j];)
        if (reporting[--j])
            return 1;
    for (size_t j = i + 1; j < t->stems.n && j - i <= 3 && !t->starts[j]; j++)
        if (reporting[j])
            return 1;
    return 0;
}

static uint64_t kw_idiom_seen(const void *value)
{
    return ((const kw_idiom_count *)value)->seen;
}

uint64_t kw_idioms_count(intern *idioms, const kw_tokens *t, size_t max_words, intern_batch *batch,
                         kw_idioms_scratch *scratch)
{
    size_t n = 0;
    intern_batch_reserve(batch, t->stems.n);
    if (scratch->cap < t->stems.n) {
        scratch->cap = 2 * t->stems.n;
        scratch->flags = kw_fresh_array(scratch->flags, scratch->cap);
        scratch->reporting = kw_fresh_array(scratch->reporting, scratch->cap);
    }
    for (size_t i = 0; i < t->stems.n; i++)
        scratch->reporting[i] = (unsigned char)kw_reporting(t, i);
    for (size_t i = 0; i < t->stems.n; i++)
        if (kw_idiom_word(t, i)) {
            scratch->flags[n] = (unsigned char)((kw_after_preposition(t, i) ? KW_IDIOM_AFTER_PREPOSITION : 0) |
                                                (kw_beside_reporting(t, scratch->reporting, i)
                                                     ? KW_IDIOM_BESIDE_REPORTING
                                                     : 0));
            batch->keys[n] = t->surface.str[i];
            batch->lens[n++] = t->surface.len[i];
        }
    intern_put_many(idioms, n, batch->keys, batch->lens, batch->values, batch->added); /* looked up at once */
    for (size_t j = 0; j < n; j++) {
        kw_idiom_count *c = batch->values[j];
        if (c->seen < UINT32_MAX) {
            c->seen++;
            c->bare += (scratch->flags[j] & KW_IDIOM_AFTER_PREPOSITION) != 0;
            c->reported += (scratch->flags[j] & KW_IDIOM_BESIDE_REPORTING) != 0;
        }
    }
    uint64_t floor = 0;
    /* Counted on one thread in input order, as the document frequencies are: the same words
     * are pruned on every run. */
    return intern_count(idioms) > max_words ? intern_prune(idioms, max_words / 2, kw_idiom_seen, &floor) : 0;
}

int kw_idiom(const intern *idioms, const kw_tokens *t, size_t i)
{
    if (!idioms || !kw_idiom_word(t, i))
        return 0;
    int64_t id = intern_find(idioms, t->surface.str[i], t->surface.len[i]);
    if (id < 0)
        return 0;
    const kw_idiom_count *c = intern_value(idioms, (uint32_t)id);
    if (c->seen < KW_IDIOM_SEEN)
        return 0;
    return (uint64_t)c->reported * 100 >= (uint64_t)c->seen * KW_SOURCE_SHARE_PERCENT ||
           (kw_after_preposition(t, i) &&
            (uint64_t)c->bare * 100 >= (uint64_t)c->seen * KW_IDIOM_SHARE_PERCENT);
}
