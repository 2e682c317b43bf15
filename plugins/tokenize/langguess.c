/* langguess.c: which other language a document is written in, told by its stop words (see langguess.h). */
#include "langguess.h"
#include "intern.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A word's languages are bits of a mask: 32 lists in one alphabet are more than there are. */
#define LANGGUESS_MAX 32

struct langguess {
    intern *words;                    /* a stop word: the mask of the lists that hold it */
    size_t n;                         /* lists compared */
    size_t language[LANGGUESS_MAX];   /* bit k: stoplists[language[k]] */
};

alphabet langguess_alphabet(const stoplist *list)
{
    alphabet_tally tally = {{0}};
    for (size_t i = 0; list->words[i]; i++)
        alphabet_add(&tally, list->words[i], strlen(list->words[i]));
    return alphabet_main(&tally);
}

langguess *langguess_new(const stoplist *given)
{
    langguess *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->words = intern_new(sizeof(uint32_t));
    alphabet in_alphabet = langguess_alphabet(given);
    for (size_t l = 0; stoplists[l].language && g->n < LANGGUESS_MAX; l++) {
        if (&stoplists[l] == given || langguess_alphabet(&stoplists[l]) != in_alphabet)
            continue;
        for (size_t i = 0; stoplists[l].words[i]; i++)
            *(uint32_t *)intern_put(g->words, stoplists[l].words[i], strlen(stoplists[l].words[i]), NULL, NULL) |=
                (uint32_t)1 << g->n;
        g->language[g->n++] = l;
    }
    if (!g->n) {
        langguess_free(g);
        return NULL;
    }
    return g;
}

void langguess_free(langguess *g)
{
    if (!g)
        return;
    intern_free(g->words);
    free(g);
}

/* Whether T (LEN bytes, of alphabet A) is a word: it begins with a letter (of no script whose
 * stop words tokenize marks in any language), and holds a second character. One letter is left
 * out: tables' "M-D" and "D" would otherwise pass for French or Dutch stop words. */
static int langguess_word(alphabet a, const char *t, size_t len)
{
    if (a == ALPHABET_NONE || a == ALPHABET_CJK_THAI)
        return 0;
    unsigned char lead = (unsigned char)t[0];
    size_t first = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    return len > first;
}

void langguess_add(langguess_tally *tally, alphabet a, const char *t, size_t len, int stop)
{
    if (!langguess_word(a, t, len))
        return;
    tally->words++;
    tally->own += stop != 0;
}

int langguess_other(const langguess *g, const langguess_tally *tally, size_t n, langguess_token_fn *token,
                    const void *data, size_t *other_hits)
{
    if (!g || tally->words < ALPHABET_WORDS || 5 * tally->own >= tally->words)
        return -1; /* most documents: their own language's stop words are a fifth of their words */
    size_t hits[LANGGUESS_MAX] = {0};
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *t = token(data, i, &len);
        if (!langguess_word(alphabet_of(t, len), t, len))
            continue;
        int64_t id = intern_find(g->words, t, len);
        if (id < 0)
            continue;
        uint32_t mask = *(const uint32_t *)intern_value(g->words, (uint32_t)id);
        for (size_t k = 0; k < g->n; k++)
            hits[k] += mask >> k & 1u;
    }
    size_t best = 0;
    for (size_t k = 1; k < g->n; k++) /* the first list of the most hits: the same on every run */
        if (hits[k] > hits[best])
            best = k;
    if (hits[best] < 10 || 10 * hits[best] < tally->words || hits[best] < 2 * tally->own)
        return -1;
    *other_hits = hits[best];
    return (int)g->language[best];
}
