/* lexicon.c: reading topic lexicons, matching their terms in a document, BM25 saturation. */
#include "lexicon.h"
#include "datafile.h"
#include "fold.h"

#include <ctype.h>
#include <errno.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *lexicon_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

static char *lexicon_strndup(const char *s, size_t n)
{
    char *d = lexicon_alloc(n + 1);
    memcpy(d, s, n);
    return d;
}

void lexicon_free(lexicon *lx)
{
    for (size_t i = 0; i < lx->ntopics; i++)
        free(lx->topics[i]);
    for (size_t i = 0; i < lx->nterms; i++) {
        free(lx->terms[i].text);
        for (uint32_t k = 0; k < lx->terms[i].words; k++)
            free(lx->terms[i].word[k]);
    }
    free(lx->topics);
    free(lx->terms);
    free(lx->next);
    free(lx->wild_first);
    intern_free(lx->first);
    intern_free(lx->wild_key);
    memset(lx, 0, sizeof *lx);
}

/* Trims spaces at both ends of S (LEN bytes) in place; returns the new start and length. */
static char *lexicon_trim(char *s, size_t *len)
{
    while (*len && isspace((unsigned char)s[0])) {
        s++;
        (*len)--;
    }
    while (*len && isspace((unsigned char)s[*len - 1]))
        (*len)--;
    return s;
}

/* Adds WORD (WL bytes, lower-cased) to term T: its stem, or the prefix of a wildcard
 * ('telecom*'). NULL, or the reason it is no word. */
static const char *lexicon_word_add(lexicon_term *t, const char *word, size_t wl, struct sb_stemmer *stemmer)
{
    int wild = word[wl - 1] == '*';
    if (wild && --wl == 0)
        return "a wildcard needs a prefix ('telecom*')";
    if (memchr(word, '*', wl))
        return "'*' may only end a word";
    const char *form = word;
    size_t fl = wl;
    if (!wild && stemmer) {
        const sb_symbol *stem = sb_stemmer_stem(stemmer, (const sb_symbol *)word, (int)wl);
        if (stem) {
            form = (const char *)stem;
            fl = (size_t)sb_stemmer_length(stemmer);
        }
    }
    t->word[t->words] = lexicon_strndup(form, fl);
    t->len[t->words] = fl;
    t->wild[t->words++] = (unsigned char)wild;
    return NULL;
}

/* Parses a term line (TEXT, LEN bytes, trimmed) into T: words, lower-cased and stemmed, and an
 * optional "= WEIGHT". NULL, or the reason it is not one. */
static const char *lexicon_term_parse(lexicon_term *t, char *text, size_t len, struct sb_stemmer *stemmer)
{
    t->weight = 1;
    char *eq = memchr(text, '=', len);
    size_t words_len = eq ? (size_t)(eq - text) : len;
    if (eq) {
        char *end;
        char num[64];
        size_t nl = len - words_len - 1;
        if (nl >= sizeof num)
            return "the weight after '=' is not a number";
        memcpy(num, eq + 1, nl);
        num[nl] = '\0';
        errno = 0;
        t->weight = strtod(num, &end);
        while (*end && isspace((unsigned char)*end))
            end++;
        if (end == num || *end || errno || !(t->weight > 0) || t->weight > 1e6)
            return "the weight after '=' is not a positive number";
    }
    text = lexicon_trim(text, &words_len);
    t->text = lexicon_strndup(text, words_len);
    for (size_t i = 0; i < words_len;) {
        while (i < words_len && isspace((unsigned char)text[i]))
            i++;
        size_t start = i;
        while (i < words_len && !isspace((unsigned char)text[i]))
            i++;
        if (i == start)
            break;
        if (t->words == LEXICON_MAX_WORDS)
            return "a phrase of more than 8 words";
        if (i - start > 255)
            return "a word of more than 255 bytes";
        /* lower-cased as tokenize lower-cases tokens: "Ölpreis" is the token "ölpreis" */
        quarry_buf lower = {0};
        fold_lower(text + start, i - start, &lower);
        const char *reason = lexicon_word_add(t, lower.data, lower.len, stemmer);
        quarry_buf_free(&lower);
        if (reason)
            return reason;
    }
    return t->words ? NULL : "a term with no words";
}

/* What lexicon_load fills as it reads. */
typedef struct lexicon_loading {
    lexicon *lx;
    struct sb_stemmer *stemmer;
    size_t tcap, topcap;
} lexicon_loading;

/* ITEMS (N of SIZE bytes, room for *CAP) with room for one more: grown to twice, or 16. */
static void *lexicon_room(void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return items;
    *cap = *cap ? 2 * *cap : 16;
    items = realloc(items, *cap * size);
    if (!items)
        abort();
    return items;
}

static const char *lexicon_line(void *data, char *line, size_t len, size_t lineno)
{
    (void)lineno;
    lexicon_loading *ld = data;
    lexicon *lx = ld->lx;
    char *s = lexicon_trim(line, &len);
    if (!len || s[0] == '#')
        return NULL;
    if (s[0] == '[') {
        if (s[len - 1] != ']' || len < 3)
            return "a topic is written [name]";
        size_t nl = len - 2;
        char *name = lexicon_trim(s + 1, &nl);
        for (size_t i = 0; i < lx->ntopics; i++)
            if (strlen(lx->topics[i]) == nl && !memcmp(lx->topics[i], name, nl))
                return "this topic was named before";
        lx->topics = lexicon_room(lx->topics, lx->ntopics, &ld->topcap, sizeof *lx->topics);
        lx->topics[lx->ntopics++] = lexicon_strndup(name, nl);
        return NULL;
    }
    if (!lx->ntopics)
        return "a term before any [topic]";
    lx->terms = lexicon_room(lx->terms, lx->nterms, &ld->tcap, sizeof *lx->terms);
    lexicon_term *t = &lx->terms[lx->nterms++];
    memset(t, 0, sizeof *t);
    t->topic = (uint32_t)lx->ntopics - 1;
    return lexicon_term_parse(t, s, len, ld->stemmer);
}

int lexicon_load(lexicon *lx, const char *path, const char *language, quarry_buf *err)
{
    memset(lx, 0, sizeof *lx);
    lexicon_loading ld = {lx, language ? sb_stemmer_new(language, "UTF_8") : NULL, 0, 0};
    if (language && !ld.stemmer)
        return datafile_fail(err, path, 0, "unknown stemming language");
    int status = datafile_each_line(path, "topic file", lexicon_line, &ld, err);
    sb_stemmer_delete(ld.stemmer);
    if (!status && !lx->ntopics)
        status = datafile_fail(err, path, 0, "no [topic] in the file");
    if (status) {
        lexicon_free(lx);
        return status;
    }
    /* Index: terms by their first stem, chained, earliest first. Those starting with a wildcard
     * are chained by the wildcard's first LEXICON_WILD_KEY bytes, latest first (the order they
     * were always tried in), so that a token tries only the few that could match it; a
     * thousand "telecom*" terms tried at every token made a big lexicon crawl. */
    lx->first = intern_new(sizeof(uint32_t));
    lx->wild_key = intern_new(sizeof(uint32_t));
    lx->next = lexicon_alloc(lx->nterms * sizeof *lx->next);
    lx->wild_first = lexicon_alloc(lx->nterms * sizeof *lx->wild_first);
    for (size_t i = lx->nterms; i-- > 0;) {
        lexicon_term *t = &lx->terms[i];
        if (t->wild[0]) {
            if (t->len[0] < LEXICON_WILD_KEY)
                lx->wild_first[lx->nwild++] = (uint32_t)i;
            continue;
        }
        uint32_t *head = intern_put(lx->first, t->word[0], t->len[0], NULL, NULL);
        lx->next[i] = *head;
        *head = (uint32_t)i + 1;
    }
    for (size_t i = 0; i < lx->nterms; i++) {
        lexicon_term *t = &lx->terms[i];
        if (!t->wild[0] || t->len[0] < LEXICON_WILD_KEY)
            continue;
        uint32_t *head = intern_put(lx->wild_key, t->word[0], LEXICON_WILD_KEY, NULL, NULL);
        lx->next[i] = *head;
        *head = (uint32_t)i + 1;
    }
    return 0;
}

/* Whether word K of T matches token I of D. */
static int lexicon_word_at(const lexicon_term *t, uint32_t k, const lexicon_doc *d, size_t i)
{
    if (t->wild[k]) {
        const char *tok = d->tokens[i];
        return tok && d->token_len[i] >= t->len[k] && !memcmp(tok, t->word[k], t->len[k]);
    }
    return d->stems[i] && d->stem_len[i] == t->len[k] && !memcmp(d->stems[i], t->word[k], t->len[k]);
}

/* Whether all of T matches at token I of D, within one sentence. */
static int lexicon_term_at(const lexicon_term *t, const lexicon_doc *d, size_t i)
{
    if (i + t->words > d->n)
        return 0;
    for (uint32_t k = 0; k < t->words; k++)
        if ((k && d->starts[i + k]) || !lexicon_word_at(t, k, d, i + k))
            return 0;
    return 1;
}

/* The head of the chain of TABLE for KEY (LEN bytes), 0 if none. */
static uint32_t lexicon_chain(const intern *table, const char *key, size_t len)
{
    int64_t id = key ? intern_find(table, key, len) : -1;
    return id >= 0 ? *(const uint32_t *)intern_value(table, (uint32_t)id) : 0;
}

/* Term K tried at token I: it becomes its topic's best if it is longer than the best so far. */
static void lexicon_try(const lexicon *lx, const lexicon_doc *d, size_t i, uint32_t k, uint32_t *best)
{
    const lexicon_term *term = &lx->terms[k];
    uint32_t *b = &best[term->topic];
    if ((*b == UINT32_MAX || lx->terms[*b].words < term->words) && lexicon_term_at(term, d, i))
        *b = k;
}

/* At token I: for each topic, its longest term matching there (BEST[topic], or UINT32_MAX). The
 * terms starting with the token's stem come first, then those starting with a wildcard, latest
 * first: the two wildcard lists are merged in that order, so that ties go as they always did. */
static void lexicon_matches_at(const lexicon *lx, const lexicon_doc *d, size_t i, uint32_t *best)
{
    for (size_t t = 0; t < lx->ntopics; t++)
        best[t] = UINT32_MAX;
    for (uint32_t at = lexicon_chain(lx->first, d->stems[i], d->stem_len[i]); at; at = lx->next[at - 1])
        lexicon_try(lx, d, i, at - 1, best);
    uint32_t keyed = d->tokens[i] && d->token_len[i] >= LEXICON_WILD_KEY
                         ? lexicon_chain(lx->wild_key, d->tokens[i], LEXICON_WILD_KEY)
                         : 0;
    for (size_t w = 0; keyed || w < lx->nwild;) {
        uint32_t k;
        if (keyed && (w == lx->nwild || keyed - 1 > lx->wild_first[w])) {
            k = keyed - 1;
            keyed = lx->next[k];
        } else {
            k = lx->wild_first[w++];
        }
        lexicon_try(lx, d, i, k, best);
    }
}

void lexicon_count(const lexicon *lx, const lexicon_doc *d, uint32_t *counts)
{
    memset(counts, 0, lx->nterms * sizeof *counts);
    /* Per topic, the token up to which a longer match already counted: "cyber security" is one
     * match of its topic, not that and a "cyber*" besides. */
    size_t *covered = lexicon_alloc(lx->ntopics * sizeof *covered);
    uint32_t *best = lexicon_alloc(lx->ntopics * sizeof *best);
    for (size_t i = 0; i < d->n; i++) {
        lexicon_matches_at(lx, d, i, best);
        for (size_t t = 0; t < lx->ntopics; t++) {
            if (best[t] == UINT32_MAX || i < covered[t])
                continue;
            counts[best[t]]++;
            covered[t] = i + lx->terms[best[t]].words;
        }
    }
    free(covered);
    free(best);
}

double lexicon_saturate(double tf, double dl, double avgdl, double k1, double b)
{
    if (tf <= 0)
        return 0;
    double norm = 1 - b + b * (avgdl > 0 ? dl / avgdl : 1);
    return tf * (k1 + 1) / (tf + k1 * norm);
}
