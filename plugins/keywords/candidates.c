/* candidates.c: a document's candidate keyphrases and the statistics of their words. */
#include "candidates.h"

#include <stdlib.h>
#include <string.h>

static void kw_flags(const quarry_record *rec, const char *name, unsigned char *flags, size_t n)
{
    memset(flags, 0, n);
    const quarry_value *v = quarry_get(rec, name);
    size_t m = quarry_value_size(v);
    for (size_t i = 0; i < m && i < n; i++)
        flags[i] = quarry_value_int(quarry_value_at(v, i)) != 0;
}

int kw_tokens_read(kw_tokens *t, const quarry_record *rec, const char *stems_field)
{
    if (quarry_get_strings(rec, stems_field, &t->stems) < 0 &&
        quarry_get_strings(rec, "tokens", &t->stems) < 0)
        return -1;
    size_t n = t->stems.n;
    if (quarry_get_strings(rec, "surface", &t->surface) < 0 || t->surface.n != n)
        quarry_get_strings(rec, "tokens", &t->surface);
    if (t->surface.n != n)
        quarry_get_strings(rec, stems_field, &t->surface);
    if (n + 1 > t->cap) {
        t->cap = n + 1;
        free(t->stop);
        free(t->starts);
        t->stop = malloc(t->cap);
        t->starts = malloc(t->cap);
        if (!t->stop || !t->starts)
            abort();
    }
    kw_flags(rec, "stop", t->stop, n);
    memset(t->starts, 0, n + 1);
    t->starts[0] = 1;
    const quarry_value *v = quarry_get(rec, "sentences");
    for (size_t i = 0; i < quarry_value_size(v); i++) {
        int64_t at = quarry_value_int(quarry_value_at(v, i));
        if (at >= 0 && (uint64_t)at < n)
            t->starts[at] = 1;
    }
    return 0;
}

void kw_tokens_free(kw_tokens *t)
{
    quarry_strings_free(&t->stems);
    quarry_strings_free(&t->surface);
    free(t->stop);
    free(t->starts);
    memset(t, 0, sizeof *t);
}

void kw_doc_free(kw_doc *d)
{
    intern_free(d->cands);
    intern_free(d->words);
    intern_free(d->surfaces);
    intern_free(d->neighbours);
    quarry_buf_free(&d->key);
    quarry_buf_free(&d->surface);
    quarry_buf_free(&d->surface_key);
    memset(d, 0, sizeof *d);
}

/* Words that the stop lists leave in but no reader takes for a keyphrase: modal verbs and the
 * reporting verbs of news ("said"). Compared with the token's stem or token, lower case. */
static const char *const kw_function_words[] = {
    "said", "say", "says", "can", "could", "would", "will", "may", "might", "must", "shall",
    "also", NULL,
};

static int kw_function_word(const char *s, size_t len)
{
    for (size_t i = 0; kw_function_words[i]; i++)
        if (strlen(kw_function_words[i]) == len && !memcmp(kw_function_words[i], s, len))
            return 1;
    return 0;
}

/* Whether token I can be part of a phrase: a string, not a stop word, not a bare number or
 * punctuation (it has a letter, or any byte beyond ASCII). */
static int kw_wordlike(const kw_tokens *t, size_t i)
{
    const char *s = t->stems.str[i];
    if (!s || t->stop[i] || !t->stems.len[i] || kw_function_word(s, t->stems.len[i]))
        return 0;
    for (size_t k = 0; k < t->stems.len[i]; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u)
            return 1;
    }
    return 0;
}

static int kw_is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Case features of surface form S: capitalised, all capitals (2+ letters, an acronym). */
static void kw_case(const char *s, size_t len, int *capital, int *acronym)
{
    *capital = len && kw_is_upper((unsigned char)s[0]);
    size_t letters = 0, upper = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)s[k];
        if ((unsigned)((c | 0x20) - 'a') < 26u) {
            letters++;
            upper += kw_is_upper(c);
        }
    }
    *acronym = letters >= 2 && upper == letters;
}

static void kw_neighbour(kw_doc *d, kw_word *w, uint32_t id, char side, const char *stem, size_t len)
{
    d->key.len = 0;
    quarry_buf_append(&d->key, &id, 4);
    quarry_buf_append(&d->key, &side, 1);
    quarry_buf_append(&d->key, stem, len);
    int added;
    intern_put(d->neighbours, d->key.data, d->key.len, NULL, &added);
    if (added)
        *(side == 'L' ? &w->left : &w->right) += 1;
}

void kw_doc_build(kw_doc *d, const kw_tokens *t, int max_words)
{
    intern_free(d->cands);
    intern_free(d->words);
    intern_free(d->surfaces);
    intern_free(d->neighbours);
    d->cands = intern_new(sizeof(kw_cand));
    d->words = intern_new(sizeof(kw_word));
    d->surfaces = intern_new(sizeof(uint32_t));
    d->neighbours = intern_new(0);
    size_t n = t->stems.n;
    uint32_t sentence = 0;
    uint32_t *word_id = malloc((n ? n : 1) * sizeof *word_id);
    if (!word_id)
        abort();
    /* Words: every token that could be in a phrase, with its case, position and neighbours. */
    for (size_t i = 0; i < n; i++) {
        if (i && t->starts[i])
            sentence++;
        if (!kw_wordlike(t, i))
            continue;
        kw_word *w = intern_put(d->words, t->stems.str[i], t->stems.len[i], &word_id[i], NULL);
        w->tf++;
        int capital = 0, acronym = 0;
        if (t->surface.str[i])
            kw_case(t->surface.str[i], t->surface.len[i], &capital, &acronym);
        w->acronym += (uint32_t)acronym;
        w->upper += (uint32_t)(capital && !acronym && !t->starts[i]);
        if (w->last_sentence1 != sentence + 1) {
            w->sentences++;
            w->last_sentence1 = sentence + 1;
        }
        w->position_sum += sentence;
        if (i > 0 && !t->starts[i] && t->stems.str[i - 1])
            kw_neighbour(d, w, word_id[i], 'L', t->stems.str[i - 1], t->stems.len[i - 1]);
        if (i + 1 < n && !t->starts[i + 1] && t->stems.str[i + 1])
            kw_neighbour(d, w, word_id[i], 'R', t->stems.str[i + 1], t->stems.len[i + 1]);
    }
    d->sentences = n ? sentence + 1 : 0;
    /* Candidates: within each run of phrase words, every sequence of 1..max_words. */
    for (size_t i = 0; i < n;) {
        if (!kw_wordlike(t, i)) {
            i++;
            continue;
        }
        size_t end = i + 1;
        while (end < n && !t->starts[end] && kw_wordlike(t, end))
            end++;
        uint32_t chunk = (uint32_t)(end - i);
        for (size_t k = i; k < end; k++) { /* RAKE's degree: the words of the chunk */
            kw_word *w = intern_value(d->words, word_id[k]);
            w->degree += chunk;
            w->in_chunks++;
        }
        for (size_t a = i; a < end; a++) {
            d->key.len = 0;
            quarry_buf *surface = &d->surface;
            surface->len = 0;
            for (size_t b = a; b < end && b - a < (size_t)max_words; b++) {
                if (b > a) {
                    quarry_buf_append(&d->key, " ", 1);
                    quarry_buf_append(surface, " ", 1);
                }
                quarry_buf_append(&d->key, t->stems.str[b], t->stems.len[b]);
                if (t->surface.str[b])
                    quarry_buf_append(surface, t->surface.str[b], t->surface.len[b]);
                if (b == a && t->stems.len[a] < 2)
                    continue; /* a lone letter ("S" of "S Jaishankar") is no keyphrase */
                uint32_t id;
                int added;
                kw_cand *c = intern_put(d->cands, d->key.data, d->key.len, &id, &added);
                if (added) {
                    c->first = (uint32_t)a;
                    c->words = (uint32_t)(b - a + 1);
                    for (size_t k = a; k <= b; k++)
                        c->word[k - a] = word_id[k];
                }
                c->tf++;
                /* The surface form, counted per candidate: the most frequent is shown. */
                quarry_buf *skey = &d->surface_key;
                skey->len = 0;
                quarry_buf_append(skey, &id, 4);
                quarry_buf_append(skey, surface->data, surface->len);
                uint32_t sid;
                uint32_t *count = intern_put(d->surfaces, skey->data, skey->len, &sid, &added);
                (*count)++;
                if (added && c->tf == 1)
                    c->best_surface = sid;
                else if (*count > *(const uint32_t *)intern_value(d->surfaces, c->best_surface))
                    c->best_surface = sid;
            }
        }
        i = end;
    }
    free(word_id);
}

const char *kw_doc_surface(const kw_doc *d, const kw_cand *c, size_t *len)
{
    const char *key = intern_key(d->surfaces, c->best_surface, len);
    *len -= 4;
    return key + 4;
}
