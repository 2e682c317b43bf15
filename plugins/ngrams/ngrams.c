/* ngrams.c: the ngrams stage: n-grams of 1..N tokens within clauses, counted per document and
 * over the corpus, with collocation scores (PMI, NPMI, G^2, t-score) for those of 2+ words. */
#include <quarry.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "colloc.h"
#include "docbound.h"
#include "intern.h"
#include "letters.h"
#include "missing.h"
#include "tablerows.h"
#include "tokenlists.h"
#include "topsort.h"

static const char *const ngrams_scores[] = {"npmi", "pmi", "llr", "t", NULL};
static const char *const ngrams_withins[] = {"clauses", "sentences", NULL};
static const char *const ngrams_tables[] = {"ngrams", "collocations", NULL};
/* The columns of both tables (besides '_table'): the ngrams table has the first
 * NGRAMS_COUNT_COLUMNS, the collocations table the scores after them too. */
static const char *const ngrams_columns[] = {"ngram", "n", "count", "df", "pmi", "npmi", "llr", "t"};
#define NGRAMS_COUNT_COLUMNS 4
#define NGRAMS_ALL_COLUMNS (sizeof ngrams_columns / sizeof *ngrams_columns)

static const quarry_param ngrams_params[] = {
    {"min", QUARRY_PARAM_INT, "1", "the fewest tokens in an n-gram", 0, 1, 8, NULL},
    {"max", QUARRY_PARAM_INT, "3", "the most tokens in an n-gram", 0, 1, 8, NULL},
    {"field", QUARRY_PARAM_STRING, "tokens", "the list of tokens to count", 0, 0, 0, NULL},
    {"stop-edges", QUARRY_PARAM_BOOL, "false",
     "let n-grams start or end with a stop word (the 'stop' list); inside they always may", 0, 0, 0, NULL},
    {"within", QUARRY_PARAM_ENUM, "clauses",
     "what no n-gram runs across: clauses (punctuation as well as sentence ends, tokenize's 'clauses' and "
     "'sentences' lists) or sentences", 0, 0, 0, ngrams_withins},
    {"min-count", QUARRY_PARAM_INT, "2", "corpus count an n-gram needs to enter the tables", 0, 1, 1000000000,
     NULL},
    {"score", QUARRY_PARAM_ENUM, "npmi", "the score that orders the collocations table", 0, 0, 0,
     ngrams_scores},
    {"top", QUARRY_PARAM_INT, "1000", "rows of the collocations table (0: all)", 0, 0, 1000000000, NULL},
    {"max-terms", QUARRY_PARAM_INT, "5000000",
     "distinct n-grams held while counting; past it the rarest are pruned, with a warning", 0, 1000,
     2000000000, NULL},
    {"max-doc-terms", QUARRY_PARAM_INT, "1000000",
     "distinct n-grams held for one document; past it its rarest are pruned, with a warning", 0, 1000,
     2000000000, NULL},
    {"output", QUARRY_PARAM_STRING, "ngrams",
     "the field for the document's n-grams, [n-gram, count] pairs, most frequent first", 0, 0, 0, NULL},
    {"per-document", QUARRY_PARAM_BOOL, NULL,
     "true: write each document's n-grams in 'output'; false: the corpus tables only; unset: write them when a "
     "later stage may read 'output' (not when write's 'fields' leave it out and keywords reads none)",
     0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

/* A word's count over the corpus, and its id in the words' table: the ids are dense and given in
 * order of addition (intern.h), so counting the words added gives each its id. */
typedef struct word_count {
    uint64_t count;
    uint32_t id;
} word_count;

/* The bytes of one word of an n-gram's key, and a token that is no word (not a string). */
#define NGRAMS_ID sizeof(uint32_t)
#define NGRAMS_NO_WORD UINT32_MAX

typedef struct corpus_count {
    uint64_t count;
    uint32_t df; /* documents it occurs in */
    uint32_t n;
} corpus_count;

typedef struct ngrams_state {
    int min, max, stop_edges, score;
    int per_document; /* -1: unset, so as a later stage needs them (ngrams_lists_needed) */
    int within_sentences; /* n-grams may run across punctuation inside a sentence */
    uint64_t min_count, top, max_terms, max_doc_terms;
    const char *field, *output;
    missing without_tokens; /* documents without the field, passed on without n-grams */
    missing without_stop;   /* documents with tokens but no 'stop' list: no stop words */
    /* N-grams are keyed by their words' ids in 'words' (NGRAMS_ID bytes each), not by their
     * text: the keys are shorter, built without copying, and the scores find their words' and
     * prefixes' counts from the key alone. The text is made again for the rows written. */
    intern *corpus;        /* n-gram (word ids) -> corpus_count (kept n-grams only) */
    intern *words;         /* token -> word_count: every token, the marginals of the scores */
    uint64_t windows[9];   /* n-gram positions within clauses (or sentences), by length */
    uint64_t pruned, prune_floor;
    /* Scratch for one document, reused. */
    quarry_strings tokens;
    uint32_t *ids; /* per token: its id in 'words', or NGRAMS_NO_WORD */
    quarry_buf text; /* n-grams' texts, made from their ids */
    intern *doc;
    unsigned char *stop, *bounds; /* per token: a stop word; the first of a clause (or sentence) */
    size_t cap;
    intern_batch wbatch; /* the tokens, for one batch lookup */
    intern_batch dbatch; /* the document's n-grams, for one batch lookup */
} ngrams_state;

static void ngrams_close(void *state)
{
    ngrams_state *st = state;
    if (!st)
        return;
    intern_free(st->corpus);
    intern_free(st->words);
    quarry_strings_free(&st->tokens);
    free(st->ids);
    quarry_buf_free(&st->text);
    intern_free(st->doc);
    intern_batch_free(&st->wbatch);
    intern_batch_free(&st->dbatch);
    free(st->stop);
    free(st->bounds);
    free(st);
}

static int ngrams_open(quarry_ctx *ctx, void **state)
{
    ngrams_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    st->min = (int)quarry_param_int(ctx, "min");
    st->max = (int)quarry_param_int(ctx, "max");
    if (st->min > st->max) {
        free(st);
        return quarry_fail(ctx, EX_USAGE, "min (%lld) is more than max (%lld)",
                           (long long)quarry_param_int(ctx, "min"), (long long)quarry_param_int(ctx, "max"));
    }
    st->stop_edges = quarry_param_bool(ctx, "stop-edges");
    st->min_count = (uint64_t)quarry_param_int(ctx, "min-count");
    st->top = (uint64_t)quarry_param_int(ctx, "top");
    st->max_terms = (uint64_t)quarry_param_int(ctx, "max-terms");
    st->max_doc_terms = (uint64_t)quarry_param_int(ctx, "max-doc-terms");
    const char *score = quarry_param_str(ctx, "score");
    for (int i = 0; ngrams_scores[i]; i++)
        if (!strcmp(score, ngrams_scores[i]))
            st->score = i;
    st->field = quarry_param_str(ctx, "field");
    st->output = quarry_param_str(ctx, "output");
    st->per_document = quarry_param_is_set(ctx, "per-document") ? quarry_param_bool(ctx, "per-document") : -1;
    st->within_sentences = !strcmp(quarry_param_str(ctx, "within"), "sentences");
    st->corpus = intern_new(sizeof(corpus_count));
    st->words = intern_new(sizeof(word_count));
    /* A run whose n-grams all fall short of min-count makes them empty, not missing. */
    quarry_makes_table(ctx, ngrams_tables[0], ngrams_columns, NGRAMS_COUNT_COLUMNS);
    quarry_makes_table(ctx, ngrams_tables[1], ngrams_columns, NGRAMS_ALL_COLUMNS);
    *state = st;
    return QUARRY_OK;
}

static uint64_t ngrams_corpus_count(const void *value)
{
    return ((const corpus_count *)value)->count;
}

/* Keeps the table under max-terms: drops n-grams seen at most a rising floor of times. Counting
 * runs on one thread in input order, so what is pruned is the same on every run. */
static void ngrams_prune(ngrams_state *st)
{
    st->pruned += intern_prune(st->corpus, st->max_terms / 2, ngrams_corpus_count, &st->prune_floor);
}

typedef struct doc_count {
    uint32_t count, n;
} doc_count;

static uint64_t ngrams_doc_count(const void *value)
{
    return ((const doc_count *)value)->count;
}

typedef struct doc_gram {
    const char *text;
    size_t len;
    uint32_t count, id; /* id: the order of first appearance in the document */
} doc_gram;

/* Most frequent first, ties in order of appearance: a reading order, and no string compares. */
static int ngrams_doc_cmp(const void *x, const void *y)
{
    const doc_gram *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* Counts every token of the document (the marginals of the scores), looked up at once, and
 * puts each token's word id in st->ids. */
static void ngrams_count_words(ngrams_state *st)
{
    size_t n = st->tokens.n, m = 0;
    intern_batch *b = &st->wbatch;
    intern_batch_reserve(b, n);
    for (size_t i = 0; i < n; i++) {
        if (!st->tokens.str[i])
            continue;
        b->keys[m] = st->tokens.str[i];
        b->lens[m++] = st->tokens.len[i];
    }
    uint32_t next = (uint32_t)intern_count(st->words);
    intern_put_many(st->words, m, b->keys, b->lens, b->values, b->added);
    for (size_t i = 0, k = 0; i < n; i++) {
        if (!st->tokens.str[i]) {
            st->ids[i] = NGRAMS_NO_WORD;
            continue;
        }
        word_count *w = b->values[k];
        if (b->added[k++])
            w->id = next++;
        w->count++;
        st->ids[i] = w->id;
    }
}

/* The words' ids of the n-gram KEY (LEN bytes) into IDS: at most 8 (the longest n-gram). */
static size_t ngrams_key_ids(const char *key, size_t len, uint32_t *ids)
{
    size_t n = len / NGRAMS_ID;
    memcpy(ids, key, n * NGRAMS_ID); /* an intern key need not be aligned for uint32_t */
    return n;
}

/* Appends the text of the n-gram KEY (LEN bytes): its words joined by single spaces. */
static void ngrams_append_text(const ngrams_state *st, quarry_buf *out, const char *key, size_t len)
{
    uint32_t ids[8];
    size_t n = ngrams_key_ids(key, len, ids);
    for (size_t k = 0; k < n; k++) {
        size_t wlen;
        const char *word = intern_key(st->words, ids[k], &wlen);
        if (k)
            quarry_buf_append(out, " ", 1);
        quarry_buf_append(out, word, wlen);
    }
}

/* GRAMS (NG of them, in order of appearance, counts up to MAX) in ngrams_doc_cmp's order into
 * SORTED, by counting: a document's counts are small, most of them 1, and a comparison sort of
 * every document's n-grams took a tenth of the stage. 0 if MAX is too large for it to pay. */
static int ngrams_doc_count_sort(const doc_gram *grams, size_t ng, uint32_t max, doc_gram *sorted)
{
    if (max > 4 * ng + 64)
        return 0;
    size_t *start = calloc((size_t)max + 2, sizeof *start); /* by count, from the largest down */
    if (!start)
        abort();
    for (size_t k = 0; k < ng; k++)
        start[max - grams[k].count + 1]++;
    for (size_t c = 1; c <= max + 1; c++)
        start[c] += start[c - 1];
    for (size_t k = 0; k < ng; k++) /* in order of appearance: ties keep it */
        sorted[start[max - grams[k].count]++] = grams[k];
    free(start);
    return 1;
}

/* The document's n-grams (st->doc) into REC's output field, most frequent first. */
static void ngrams_write_document(ngrams_state *st, quarry_record *rec)
{
    size_t ng = intern_count(st->doc), room = ng ? ng : 1;
    doc_gram *grams = malloc(2 * room * sizeof *grams); /* in order of appearance, then sorted */
    if (!grams)
        abort();
    doc_gram *sorted = grams + room;
    uint32_t max = 0;
    /* The texts first, into one buffer that may move as it grows: offsets, then addresses. */
    st->text.len = 0;
    for (uint32_t id = 0; id < ng; id++) {
        size_t klen, start = st->text.len;
        const char *key = intern_key(st->doc, id, &klen);
        ngrams_append_text(st, &st->text, key, klen);
        grams[id].text = (const char *)(uintptr_t)start;
        grams[id].len = st->text.len - start;
    }
    for (uint32_t id = 0; id < ng; id++) {
        grams[id].text = st->text.data + (uintptr_t)grams[id].text;
        grams[id].id = id;
        grams[id].count = ((const doc_count *)intern_value(st->doc, id))->count;
        if (grams[id].count > max)
            max = grams[id].count;
    }
    if (!ngrams_doc_count_sort(grams, ng, max, sorted)) {
        qsort(grams, ng, sizeof *grams, ngrams_doc_cmp);
        sorted = grams;
    }
    quarry_list *out = quarry_set_list(rec, st->output);
    for (size_t k = 0; k < ng; k++)
        quarry_list_add_pair(out, sorted[k].text, sorted[k].len, sorted[k].count);
    free(grams);
}

/* Whether the documents' lists are written: per-document if set, else whether a later stage
 * may read them. The lists are half of what ngrams puts out on Reuters, and a pipeline that
 * writes only keyphrases would build, pass on and drop them all. */
static int ngrams_lists_needed(ngrams_state *st, quarry_ctx *ctx)
{
    if (st->per_document < 0) {
        st->per_document = quarry_field_needed(ctx, st->output);
        if (!st->per_document)
            quarry_log(ctx, QUARRY_LOG_INFO,
                       "no later stage reads field '%s': the documents' n-grams are left out, and the "
                       "corpus tables kept (per-document = true keeps them)",
                       st->output);
    }
    return st->per_document;
}

static int ngrams_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    ngrams_state *st = state;
    if (tablerows_is_row(rec)) /* pass it on, unless it is a row of a table ngrams makes */
        return tablerows_check(ctx, rec, ngrams_tables);
    int listed = quarry_get_strings(rec, st->field, &st->tokens) == 0;
    int present = listed || missing_has(rec, st->field);
    missing_count(&st->without_tokens, present);
    if (!present)
        return QUARRY_OK; /* nothing to count: pass it on */
    if (!listed)
        return quarry_reject(ctx, rec, "field '%s' is not a list of tokens", st->field);
    size_t n = st->tokens.n;
    if (n + 1 > st->cap) {
        st->cap = n + 1;
        free(st->stop);
        free(st->bounds);
        free(st->ids);
        st->stop = malloc(st->cap);
        st->bounds = malloc(st->cap);
        st->ids = malloc(st->cap * sizeof *st->ids);
        if (!st->stop || !st->bounds || !st->ids)
            abort();
    }
    unsigned char *stop = st->stop, *bounds = st->bounds;
    if (!st->stop_edges)
        missing_count_stop(&st->without_stop, rec);
    if (st->doc)
        intern_clear(st->doc);
    else
        st->doc = intern_new(sizeof(doc_count));
    intern *doc = st->doc;
    tokenlists_flags(rec, "stop", stop, n);
    tokenlists_starts(rec, bounds, n);
    if (!st->within_sentences)
        tokenlists_clauses(rec, bounds, bounds, n); /* a comma parts "Merrill Lynch, Pierce" */
    ngrams_count_words(st);
    /* One huge document (a 100 MB dump) can hold tens of millions of distinct n-grams: past
     * max-doc-terms its rarest so far are dropped, as max-terms does for the corpus. */
    uint64_t doc_floor = 0, doc_pruned = 0;
    const uint32_t *ids = st->ids;
    for (size_t i = 0; i < n; i++) {
        for (size_t len = 1; len <= (size_t)st->max && i + len <= n; len++) {
            size_t last = i + len - 1;
            if (ids[last] == NGRAMS_NO_WORD || (len > 1 && bounds[last]))
                break; /* n-grams stay within a clause, and skip tokens that are not strings */
            st->windows[len]++;
            if ((int)len < st->min || (!st->stop_edges && (stop[i] || stop[last])))
                continue;
            /* The key is the run of ids itself: nothing to copy. */
            doc_count *dc = intern_put(doc, ids + i, len * NGRAMS_ID, NULL, NULL);
            dc->count++;
            dc->n = (uint32_t)len;
            if (intern_count(doc) > st->max_doc_terms)
                doc_pruned += intern_prune(doc, st->max_doc_terms / 2, ngrams_doc_count, &doc_floor);
        }
    }
    if (doc_pruned)
        docbound_warn(ctx, rec, "n-grams", st->max_doc_terms, doc_pruned, doc_floor);
    /* The document's n-grams into the corpus counts, all at once: the corpus table outgrows the
     * cache, and a batch hides the trips to memory. */
    size_t ng = intern_count(doc);
    intern_batch *b = &st->dbatch;
    intern_batch_reserve(b, ng);
    for (uint32_t id = 0; id < ng; id++)
        b->keys[id] = intern_key(doc, id, &b->lens[id]);
    intern_put_many(st->corpus, ng, b->keys, b->lens, b->values, b->added);
    for (uint32_t id = 0; id < ng; id++) {
        const doc_count *dc = intern_value(doc, id);
        corpus_count *c = b->values[id];
        c->count += dc->count;
        c->df++;
        c->n = dc->n;
    }
    if (ngrams_lists_needed(st, ctx))
        ngrams_write_document(st, rec);
    if (intern_count(st->corpus) > st->max_terms)
        ngrams_prune(st);
    return QUARRY_OK;
}

/* What sorting and writing the rows read, and no more: 48 bytes, where the rows' scores would
 * make 80 for qsort to move and the kernel to fault in. The scores of the few collocations
 * shown are worked out again as they are written. */
typedef struct ngrams_row {
    double key;      /* what the rows are ordered by */
    uint64_t count;  /* the n-gram's count, here so that sorting reads no other memory */
    uint64_t prefix; /* the text's first 8 bytes, big-endian, zero-padded */
    const char *text;
    uint32_t len;
    uint32_t id; /* in the corpus table */
    /* The rest of what the tables' rows show (no collocation needs more), so that writing the
     * ngrams table in its order reads no entry of the corpus table, each one a trip to memory. */
    uint32_t df, n;
} ngrams_row;

/* Most rows share a count with thousands of others, so ties are the rule: comparing the texts'
 * first bytes as one integer settles most of them without a call to memcmp. Zero padding keeps
 * the order of the bytes, as an n-gram never holds a NUL (a shorter prefix sorts first). */
static uint64_t ngrams_prefix(const char *text, size_t len)
{
    uint64_t p = 0;
    for (size_t i = 0; i < 8; i++)
        p = p << 8 | (i < len ? (unsigned char)text[i] : 0);
    return p;
}

static int ngrams_row_cmp(const void *x, const void *y)
{
    const ngrams_row *a = x, *b = y;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    /* Among equal scores, the n-gram seen more often first: NPMI is 1 for any pair whose words
     * occur only together, twice ("adolf schindling") or 673 times ("avg shrs"). */
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    if (a->prefix != b->prefix)
        return a->prefix < b->prefix ? -1 : 1;
    int c = intern_bytes_cmp(a->text, a->len, b->text, b->len);
    /* The same text twice is two n-grams only where a token holds a space ("a b" + "c" and
     * "a" + "b c"): their ids, given in input order, still order them the same on every run. */
    return c ? c : (a->id > b->id) - (a->id < b->id);
}

/* The scores of the n-gram KEY (LEN bytes), seen COUNT times. */
static colloc_scores ngrams_scores_of(const ngrams_state *st, const char *key, size_t len, uint64_t count)
{
    uint32_t ids[8];
    uint64_t counts[8];
    size_t n = ngrams_key_ids(key, len, ids);
    for (size_t k = 0; k < n; k++)
        counts[k] = ((const word_count *)intern_value(st->words, ids[k]))->count;
    uint64_t tokens = st->windows[1], prefix_count, prefix_windows;
    if (n == 2) {
        prefix_count = counts[0];
        prefix_windows = tokens;
    } else {
        /* The first n-1 words as counted, or, when that (n-1)-gram was not kept (it ends with
         * a stop word, or was pruned), as independence would have it. */
        int64_t id = intern_find(st->corpus, key, (n - 1) * NGRAMS_ID);
        prefix_windows = st->windows[n - 1];
        if (id >= 0) {
            prefix_count = ((const corpus_count *)intern_value(st->corpus, (uint32_t)id))->count;
        } else {
            double p = 1;
            for (size_t i = 0; i + 1 < n; i++)
                p *= (double)counts[i] / (double)tokens;
            prefix_count = (uint64_t)llround(p * (double)prefix_windows);
            if (prefix_count < count)
                prefix_count = count;
        }
    }
    return colloc_score(count, st->windows[n], counts, n, tokens, prefix_count, prefix_windows);
}

static void ngrams_emit_row(const ngrams_state *st, quarry_ctx *ctx, quarry_record *row, const char *table,
                            const ngrams_row *r, int scores)
{
    quarry_record_clear(row);
    quarry_set_string(row, "_table", table, strlen(table));
    quarry_set_string(row, ngrams_columns[0], r->text, r->len);
    quarry_set_int(row, ngrams_columns[1], r->n);
    quarry_set_int(row, ngrams_columns[2], (int64_t)r->count);
    quarry_set_int(row, ngrams_columns[3], r->df);
    if (scores) {
        size_t klen;
        const char *key = intern_key(st->corpus, r->id, &klen);
        colloc_scores s = ngrams_scores_of(st, key, klen, r->count);
        quarry_set_float(row, ngrams_columns[4], s.pmi);
        quarry_set_float(row, ngrams_columns[5], s.npmi);
        quarry_set_float(row, ngrams_columns[6], s.llr);
        quarry_set_float(row, ngrams_columns[7], s.t);
    }
    quarry_emit(ctx, row);
}

/* Whether the n-gram TEXT (LEN bytes, words between spaces) holds a date written in figures,
 * two slashes or more ("4/2/87"): a day, no part of a phrase. A grain report's heading "4/2/87
 * prev wk", told in the rows of two stories, scored NPMI 1 and stood fifth in Reuters' table
 * once tokenize kept a date whole (0.24). A fraction or "9/11" has one slash. */
static int ngrams_holds_date(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t slashes = 0, other = 0, start = i;
        for (; i < len && text[i] != ' '; i++) {
            if (text[i] == '/')
                slashes++;
            else if (text[i] < '0' || text[i] > '9')
                other++;
        }
        if (slashes >= 2 && !other && i > start)
            return 1;
        i++;
    }
    return 0;
}

static int ngrams_finish(void *state, quarry_ctx *ctx)
{
    ngrams_state *st = state;
    missing_warn(&st->without_tokens, ctx, "they have no n-grams (put tokenize before ngrams)", "'%s' list", st->field);
    missing_warn_stop(&st->without_stop, ctx, "n-grams", "ngrams");
    if (st->pruned)
        quarry_log(ctx, QUARRY_LOG_WARN,
                   "max-terms (%llu) reached: %llu rare n-grams were pruned while counting (those "
                   "seen at most %llu time%s by then); the counts near that floor are lower bounds",
                   (unsigned long long)st->max_terms, (unsigned long long)st->pruned,
                   (unsigned long long)st->prune_floor, st->prune_floor == 1 ? "" : "s");
    size_t total = intern_count(st->corpus), kept = 0, colloc = 0;
    ngrams_row *rows = malloc((total ? total : 1) * sizeof *rows);
    ngrams_row *pairs = malloc((total ? total : 1) * sizeof *pairs);
    if (!rows || !pairs) {
        free(rows);
        free(pairs);
        return quarry_error(ctx, "out of memory");
    }
    /* The kept rows' texts, into one buffer that may move as it grows: offsets, then addresses. */
    st->text.len = 0;
    for (uint32_t id = 0; id < total; id++) {
        const corpus_count *c = intern_value(st->corpus, id);
        if (c->count < st->min_count)
            continue;
        size_t klen, start = st->text.len;
        const char *key = intern_key(st->corpus, id, &klen);
        ngrams_append_text(st, &st->text, key, klen);
        rows[kept++] = (ngrams_row){.count = c->count, .id = id, .df = c->df, .n = c->n,
                                    .text = (const char *)(uintptr_t)start, .len = (uint32_t)(st->text.len - start)};
    }
    for (size_t k = 0; k < kept; k++) {
        ngrams_row r = rows[k];
        r.text = st->text.data + (uintptr_t)r.text;
        r.prefix = ngrams_prefix(r.text, r.len);
        r.key = (double)r.count;
        rows[k] = r;
        /* Figures alone, no letter in any word, are no collocation: two prices quoted side by
         * side ("421.90 422.40") in a few stories score as the rarest of pairs, NPMI 1. Their
         * counts stay in the ngrams table. */
        if (r.n < 2 || !letters_any(r.text, r.len) || ngrams_holds_date(r.text, r.len))
            continue;
        size_t klen;
        const char *key = intern_key(st->corpus, r.id, &klen);
        colloc_scores sc = ngrams_scores_of(st, key, klen, r.count);
        const double by[] = {sc.npmi, sc.pmi, sc.llr, sc.t};
        r.key = by[st->score];
        pairs[colloc++] = r;
    }
    qsort(rows, kept, sizeof *rows, ngrams_row_cmp);
    /* Only the top rows of the collocations table are written: only they need an order. */
    size_t shown = st->top && st->top < colloc ? (size_t)st->top : colloc;
    shown = topsort(pairs, colloc, sizeof *pairs, shown, ngrams_row_cmp);
    quarry_record *row = quarry_record_new();
    for (size_t i = 0; i < kept; i++)
        ngrams_emit_row(st, ctx, row, ngrams_tables[0], &rows[i], 0);
    for (size_t i = 0; i < shown; i++)
        ngrams_emit_row(st, ctx, row, ngrams_tables[1], &pairs[i], 1);
    quarry_record_free(row);
    free(rows);
    free(pairs);
    return QUARRY_OK;
}

QUARRY_STAGE(ngrams) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "ngrams",
    .version = "1.7.0",
    .summary = "n-grams within clauses, per document and over the corpus, with collocation scores",
    .params = ngrams_params,
    /* Not per-record: counting runs in input order on one thread, so that pruning (max-terms)
     * drops the same n-grams on every run, whatever --jobs says. Its tables come last. */
    .flags = QUARRY_TABLES_LAST,
    .open = ngrams_open,
    .process = ngrams_process,
    .finish = ngrams_finish,
    .close = ngrams_close,
};
