/* stem.c: the stem stage: Snowball stems of a record's tokens (every libstemmer algorithm),
 * aligned with them, and a corpus table of each stem's most frequent surface form. */
#include <quarry.h>

#include <libstemmer.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "facts.h"
#include "intern.h"
#include "language.h"
#include "missing.h"
#include "snowball.h"
#include "surfaces.h"
#include "tablerows.h"

static const char *const stem_table_names[] = {SURFACES_TABLE, NULL};

static const quarry_param stem_params[] = {
    {"language", QUARRY_PARAM_STRING, "english",
     "a Snowball algorithm: english, russian, german, greek, ... (an unknown one is an error listing all)", 0, 0, 0, NULL},
    {"field", QUARRY_PARAM_STRING, "tokens", "the list of tokens to stem", 0, 0, 0, NULL},
    {"output", QUARRY_PARAM_STRING, "stems", "the field for the stems, aligned with the tokens", 0, 0, 0, NULL},
    {"surface-field", QUARRY_PARAM_STRING, "surface",
     "tokens as written, aligned with 'field', for the stem-to-surface table (default: the tokens)", 0, 0, 0, NULL},
    {"table", QUARRY_PARAM_BOOL, "true",
     "emit a 'stems' table: each stem, its most frequent surface form and counts", 0, 0, 0, NULL},
    {"cache", QUARRY_PARAM_BOOL, "false",
     "with a state folder, keep each document's stems in its cache (off: stemming again, memoized "
     "per word, is cheaper than reading them back)", 0, 0, 0, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, NULL}};

/* Words repeat (Zipf): a worker stems each distinct token once. Its memo is keyed by the
 * surface form alone, which (from the tokenize stage) determines the token, so a lookup needs no
 * key built; a surface seen with another token than its first goes to a second memo keyed by
 * both. Counts kept beside each make the stem-to-surface table. */
#define MEMO_INLINE 24 /* bytes of token and stem kept in the memo itself */

typedef struct memo {
    uint64_t count;
    uint32_t token_len, stem_len;
    /* The token then the stem, when both fit: read on every lookup, they then share the cache
     * line of the memo's key instead of costing trips elsewhere. 48 bytes in all, so that an
     * entry with a short key fills one 64-byte line. */
    union {
        char text[MEMO_INLINE];
        struct {
            const char *token, *stem; /* else, in the worker's strings table */
        } at;
    } u;
} memo;

static const char *memo_token(const memo *m)
{
    return m->token_len + m->stem_len <= MEMO_INLINE ? m->u.text : m->u.at.token;
}

static const char *memo_stem(const memo *m)
{
    return m->token_len + m->stem_len <= MEMO_INLINE ? m->u.text + m->token_len : m->u.at.stem;
}

typedef struct stem_tables {
    intern *memo;    /* surface -> memo */
    intern *pairs;   /* token length (4 bytes), token, surface -> memo */
    intern *strings; /* each distinct token and stem once */
} stem_tables;

typedef struct stem_state {
    const char *language, *field, *output, *surface_field;
    int table;
    stem_tables *done; /* closed workers' tables, kept for the stems table */
    size_t ndone;
    missing without_tokens; /* documents without the field, passed on unstemmed */
    alphabet letters;       /* the one the stemmer stems, ALPHABET_NONE for more than one */
    atomic_uint_least64_t foreign; /* documents mostly in another, whose words it leaves as they are */
} stem_state;

typedef struct stem_worker {
    struct sb_stemmer *stemmer;
    stem_tables t;
    /* Scratch for one record: its tokens and surfaces, looked up all at once. */
    quarry_strings tokens, surfaces, stems;
    intern_batch batch;
    quarry_buf pair_key;
} stem_worker;

static void stem_tables_free(stem_tables *t)
{
    intern_free(t->memo);
    intern_free(t->pairs);
    intern_free(t->strings);
}

static void stem_close(void *state)
{
    stem_state *st = state;
    if (!st)
        return;
    for (size_t i = 0; i < st->ndone; i++)
        stem_tables_free(&st->done[i]);
    free(st->done);
    free(st);
}

static int stem_open(quarry_ctx *ctx, void **state)
{
    const char *language = quarry_param_str(ctx, "language");
    struct sb_stemmer *probe = sb_stemmer_new(language, "UTF_8");
    if (!probe)
        return snowball_unknown_language(ctx, language);
    sb_stemmer_delete(probe);
    facts_library(ctx, (const void *)sb_stemmer_new); /* Snowball's rules, as this build has them */
    stem_state *st = calloc(1, sizeof *st);
    if (!st)
        return quarry_error(ctx, "out of memory");
    st->language = language;
    st->letters = stem_language_alphabet(language);
    st->field = quarry_param_str(ctx, "field");
    st->output = quarry_param_str(ctx, "output");
    st->surface_field = quarry_param_str(ctx, "surface-field");
    st->table = quarry_param_bool(ctx, "table");
    if (st->table) /* with no token to stem, the table is empty, not missing */
        quarry_makes_table(ctx, SURFACES_TABLE, surfaces_columns, SURFACES_COLUMNS);
    if (!quarry_param_bool(ctx, "cache"))
        quarry_skip_cache(ctx);
    if (strcmp(st->output, st->field) == 0) {
        int rc = quarry_fail(ctx, EX_USAGE, "'output' must differ from 'field' (%s): stems go beside tokens",
                             st->field);
        free(st);
        return rc;
    }
    *state = st;
    return QUARRY_OK;
}

/* Snowball stemmers keep state between calls: one for each worker thread. */
static int stem_worker_open(void *state, void **local)
{
    stem_state *st = state;
    stem_worker *w = calloc(1, sizeof *w);
    if (!w)
        return QUARRY_ERROR;
    w->stemmer = sb_stemmer_new(st->language, "UTF_8");
    if (!w->stemmer) {
        free(w);
        return QUARRY_ERROR;
    }
    w->t.memo = intern_new(sizeof(memo));
    w->t.pairs = intern_new(sizeof(memo));
    w->t.strings = intern_new(0);
    *local = w;
    return QUARRY_OK;
}

static void stem_worker_close(void *state, void *local)
{
    stem_state *st = state;
    stem_worker *w = local;
    if (!w)
        return;
    if (st->table) { /* the tables live on until finish: the stems table is made from them */
        stem_tables *done = realloc(st->done, (st->ndone + 1) * sizeof *done);
        if (!done)
            abort();
        st->done = done;
        st->done[st->ndone++] = w->t;
    } else {
        stem_tables_free(&w->t);
    }
    quarry_strings_free(&w->tokens);
    quarry_strings_free(&w->surfaces);
    quarry_strings_free(&w->stems);
    quarry_buf_free(&w->pair_key);
    intern_batch_free(&w->batch);
    sb_stemmer_delete(w->stemmer);
    free(w);
}

/* Fills a memo seen for the first time with TOKEN and its stem: GIVEN (GIVEN_LEN bytes) when
 * known already (a document from the cache), else Snowball's. -1 when Snowball runs out of
 * memory. */
static int stem_fill(stem_worker *w, memo *m, const char *token, size_t len, const char *given,
                     size_t given_len)
{
    const char *stem = given;
    if (!given) {
        stem = (const char *)sb_stemmer_stem(w->stemmer, (const sb_symbol *)token, (int)len);
        if (!stem)
            return -1;
        given_len = (size_t)sb_stemmer_length(w->stemmer);
    }
    m->stem_len = (uint32_t)given_len;
    m->token_len = (uint32_t)len;
    if (len + m->stem_len <= MEMO_INLINE) {
        memcpy(m->u.text, token, len);
        memcpy(m->u.text + len, stem, m->stem_len);
    } else {
        m->u.at.stem = intern_key(w->t.strings, intern_add(w->t.strings, stem, m->stem_len, NULL), NULL);
        m->u.at.token = intern_key(w->t.strings, intern_add(w->t.strings, token, len, NULL), NULL);
    }
    return 0;
}

/* The memo of TOKEN written as SURFACE, when the surface memo holds another token. */
static memo *stem_pair(stem_worker *w, const char *token, size_t len, const char *surface,
                       size_t slen, const char *given, size_t given_len)
{
    uint32_t len32 = (uint32_t)len;
    w->pair_key.len = 0;
    quarry_buf_append(&w->pair_key, &len32, 4);
    quarry_buf_append(&w->pair_key, token, len);
    quarry_buf_append(&w->pair_key, surface, slen);
    int added;
    memo *m = intern_put(w->t.pairs, w->pair_key.data, w->pair_key.len, NULL, &added);
    return added && stem_fill(w, m, token, len, given, given_len) < 0 ? NULL : m;
}

/* Stems REC's tokens into a new output field and counts them for the stems table. With GIVEN
 * (the stems of a document taken from the cache, aligned with its tokens), only counts them:
 * OUT_REC is then NULL and REC is not changed. */
static int stem_count(stem_state *st, stem_worker *w, quarry_ctx *ctx, const quarry_record *rec,
                      quarry_record *out_rec, const quarry_strings *given)
{
    size_t n = w->tokens.n;
    const quarry_strings *surface = &w->surfaces;
    if (quarry_get_strings(rec, st->surface_field, &w->surfaces) < 0 || w->surfaces.n != n)
        surface = &w->tokens;
    intern_batch *lookup = &w->batch;
    intern_batch_reserve(lookup, n);
    size_t batch = 0; /* tokens that are strings: the others get an empty stem */
    for (size_t i = 0; i < n; i++) {
        if (!w->tokens.str[i])
            continue;
        int own = surface->str[i] != NULL; /* else the token stands for its surface */
        lookup->keys[batch] = own ? surface->str[i] : w->tokens.str[i];
        lookup->lens[batch++] = own ? surface->len[i] : w->tokens.len[i];
    }
    intern_put_many(w->t.memo, batch, lookup->keys, lookup->lens, lookup->values, lookup->added);
    /* Set only now: a new field may move the values the strings above point into. */
    quarry_list *out = out_rec ? quarry_set_list(out_rec, st->output) : NULL;
    for (size_t i = 0, b = 0; i < n; i++) {
        const char *t = w->tokens.str[i];
        size_t len = w->tokens.len[i];
        if (!t) {
            if (out)
                quarry_list_add_string(out, "", 0); /* keeps the stems aligned with the tokens */
            continue;
        }
        const char *g = given ? given->str[i] : NULL;
        size_t glen = given ? given->len[i] : 0;
        memo *m = lookup->values[b];
        if (lookup->added[b]) {
            if (stem_fill(w, m, t, len, g, glen) < 0)
                m = NULL;
        } else if (m->token_len != len || !intern_equal(memo_token(m), t, len)) {
            m = stem_pair(w, t, len, lookup->keys[b], lookup->lens[b], g, glen);
        }
        if (!m)
            return quarry_error(ctx, "out of memory in the Snowball stemmer");
        b++;
        if (out)
            quarry_list_add_string(out, memo_stem(m), m->stem_len);
        m->count++;
    }
    return QUARRY_OK;
}

/* The tokens (and surfaces) of REC into W's scratch: 1, 0 if REC has no tokens field, -1 if
 * the field is not a list of strings. */
static int stem_load(stem_state *st, stem_worker *w, const quarry_record *rec)
{
    if (quarry_get_strings(rec, st->field, &w->tokens) < 0)
        return quarry_get(rec, st->field) ? -1 : 0;
    return 1;
}

/* Counts the document of W's tokens if it is mostly written in another alphabet than the
 * stemmer's: the stemmer then leaves its words as they are, and nothing else would show it. */
static void stem_count_foreign(stem_state *st, const stem_worker *w)
{
    if (st->letters == ALPHABET_NONE)
        return;
    alphabet_tally tally = {{0}};
    for (size_t i = 0; i < w->tokens.n; i++)
        if (w->tokens.str[i])
            alphabet_add(&tally, w->tokens.str[i], w->tokens.len[i]);
    if (alphabet_foreign(&tally, st->letters))
        atomic_fetch_add_explicit(&st->foreign, 1, memory_order_relaxed);
}

static int stem_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    stem_state *st = state;
    if (tablerows_is_row(rec)) /* pass it on, unless it is a row of the table stem makes */
        return st->table ? tablerows_check(ctx, rec, stem_table_names) : QUARRY_OK;
    stem_worker *w = quarry_local(ctx);
    int got = stem_load(st, w, rec);
    missing_count(&st->without_tokens, got != 0);
    if (got == 0)
        return QUARRY_OK; /* nothing to stem: pass it on */
    if (got < 0)
        return quarry_reject(ctx, rec, "field '%s' is not a list of tokens", st->field);
    stem_count_foreign(st, w);
    return stem_count(st, w, ctx, rec, rec, NULL);
}

/* A document taken from the cache: its stems are known, but the stems table counts it too. */
static int stem_recount(void *state, quarry_ctx *ctx, const quarry_record *rec)
{
    stem_state *st = state;
    if (tablerows_is_row(rec))
        return QUARRY_OK;
    stem_worker *w = quarry_local(ctx);
    int got = stem_load(st, w, rec);
    missing_count(&st->without_tokens, got != 0);
    if (got > 0)
        stem_count_foreign(st, w);
    if (!st->table || got <= 0)
        return QUARRY_OK;
    if (quarry_get_strings(rec, st->output, &w->stems) < 0 || w->stems.n != w->tokens.n)
        return quarry_error(ctx, "a cached document's '%s' is not aligned with its '%s'", st->output,
                            st->field);
    return stem_count(st, w, ctx, rec, NULL, &w->stems);
}

static int stem_finish(void *state, quarry_ctx *ctx)
{
    stem_state *st = state;
    missing_warn(&st->without_tokens, ctx, "they pass through unstemmed (put tokenize before stem)", "'%s' list",
                 st->field);
    missing_warn_some(&st->without_tokens, ctx, atomic_load(&st->foreign),
                      "are mostly written in another alphabet than the %s stemmer's (%s): it leaves "
                      "their words as they are; give stem the documents' language",
                      st->language, alphabet_name(st->letters));
    if (!st->table)
        return QUARRY_OK;
    size_t expected = 0;
    for (size_t i = 0; i < st->ndone; i++)
        expected += intern_count(st->done[i].memo) + intern_count(st->done[i].pairs);
    surfaces *table = surfaces_new(expected);
    for (size_t i = 0; i < st->ndone; i++) {
        const stem_tables *t = &st->done[i];
        for (uint32_t id = 0; id < intern_count(t->memo); id++) {
            const memo *m = intern_value(t->memo, id);
            size_t len;
            const char *surface = intern_key(t->memo, id, &len);
            if (m->count)
                surfaces_add(table, memo_stem(m), m->stem_len, surface, len, m->count);
        }
        for (uint32_t id = 0; id < intern_count(t->pairs); id++) {
            const memo *m = intern_value(t->pairs, id);
            size_t len;
            const char *key = intern_key(t->pairs, id, &len);
            size_t skip = 4 + m->token_len; /* the token's length and the token */
            surfaces_add(table, memo_stem(m), m->stem_len, key + skip, len - skip, m->count);
        }
    }
    quarry_record *row = quarry_record_new();
    surfaces_each_best(table, ctx, row);
    quarry_record_free(row);
    surfaces_free(table);
    return QUARRY_OK;
}

QUARRY_STAGE(stem) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "stem",
    .version = "1.0.4",
    .summary = "Snowball stems of the tokens (any libstemmer language), and each stem's surface form",
    .params = stem_params,
    .flags = QUARRY_PER_RECORD | QUARRY_TABLES_LAST,
    .open = stem_open,
    .worker_open = stem_worker_open,
    .worker_close = stem_worker_close,
    .process = stem_process,
    .finish = stem_finish,
    .close = stem_close,
    .recount = stem_recount,
};
